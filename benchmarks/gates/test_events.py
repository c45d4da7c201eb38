"""Quality gate for the PLOVER event coder on our own gold sentences.

Gold: ``benchmarks/gold/events.jsonl`` (240 sentences written while building the coder) and
``benchmarks/gold/events_heldout.jsonl`` (95 sentences written before being run, kept for an
honest estimate) and ``benchmarks/gold/events_codebook.jsonl`` (213 codebook-style sentences,
most with generic agents such as "police" or "Iraqi troops", 32 without an event). Metrics
per gold event (tests/events/events_scoring.py): type right, source right, target right,
status right (of the typed ones); false-positive rate = share of no-event sentences that
produce any event.

Two runs: with hand-built mentions (``tests/events/events_gazetteer.py``, independent of the
actors stage) and, once the actors stage is real, the real pipeline
(parse -> actors -> dates -> events) with the issue's floors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "events"))

from events_runner import EventRunner, article_for, real_actors  # noqa: E402
from events_scoring import Score, score  # noqa: E402

from newsgraph.models import PLOVER_TYPES  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold"
# Floors only go down on purpose. Measured (hand-built mentions; event coder versions 6 to 8,
# 2026-12-04): dev 0.99/0.98/0.95/0.99/0.00, held-out 0.96/0.94/0.90/1.00/0.00
# (type/source/target/status/false positives).
FLOORS = {
    "events.jsonl": {"type": 0.95, "source": 0.93, "target": 0.88, "status": 0.95,
                     "false_positive": 0.05},
    "events_heldout.jsonl": {"type": 0.90, "source": 0.88, "target": 0.80, "status": 0.95,
                             "false_positive": 0.10},
}
# With the real actor resolver (parse -> actors, with its generic agents -> dates -> events).
# Measured 2026-12-04, coder version 8, actors version 3 (type/source/target/status/false
# positives): dev 0.99/0.98/0.905/0.99/0.00, held-out 0.99/0.94/0.805/1.00/0.00 (version 6:
# target 0.89, 0.78; version 7: 0.90, 0.805), codebook 0.98/0.97/0.85/1.00/0.00, codebook
# held-out 0.95/0.93/0.72/1.00/0.00 (version 7: target 0.87, 0.76 -- version 8 codes places as
# targets, which these two sets label without one; docs/events.md) (the codebook set was
# scored once before any tuning: 0.39/0.33/0.24/1.00/0.00, see docs/events.md; it has been
# tuned on since, so its number is no longer a held-out estimate). The floors sit a little
# below so that the actors stage can evolve; the targets are 0.85/0.65/0.65/0.85/0.10.
REAL_FLOORS = {
    "events.jsonl": {"type": 0.95, "source": 0.93, "target": 0.84, "status": 0.95,
                     "false_positive": 0.05},
    "events_heldout.jsonl": {"type": 0.93, "source": 0.88, "target": 0.70, "status": 0.95,
                             "false_positive": 0.10},
    "events_codebook.jsonl": {"type": 0.93, "source": 0.91, "target": 0.82, "status": 0.95,
                              "false_positive": 0.06},
    # written after the tuning on the codebook set; first run 0.85/0.79/0.55/0.98/0.00, then
    # tuned too (version 5 0.95/0.93/0.74/1.00/0.00, versions 6 and 7 target 0.76, 8 0.72)
    "events_codebook_heldout.jsonl": {"type": 0.90, "source": 0.88, "target": 0.68,
                                      "status": 0.95, "false_positive": 0.10},
}


def load_gold(name: str) -> list[dict[str, Any]]:
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:] if line.strip()]  # line 1: _source header


@pytest.fixture(scope="module")
def runner() -> EventRunner:
    return EventRunner(use_real_actors=False)


def run(runner: EventRunner, name: str) -> Score:
    gold = load_gold(name)
    articles = runner.run([article_for(g["text"], ident=g["id"]) for g in gold])
    return score(list(zip(gold, articles, strict=True)))


def check(result: Score, floors: dict[str, float]) -> None:
    got = result.summary()
    print(got)
    for metric, floor in floors.items():
        if metric == "false_positive":
            assert got[metric] <= floor, (metric, got, result.misses[:20])
        else:
            assert got[metric] >= floor, (metric, got, result.misses[:20])


def test_gold_sets_are_balanced() -> None:
    gold = load_gold("events.jsonl")
    types = {e["type"] for g in gold for e in g["events"]}
    statuses = {e["status"] for g in gold for e in g["events"]}
    assert len(types) == 16 and statuses == {"asserted", "negated", "hypothetical", "planned"}
    assert sum(1 for g in gold if not g["events"]) >= 25
    assert any(e["claimed_by"] for g in gold for e in g["events"])
    tags = {t for g in gold for t in g["tags"]}
    assert {"passive", "nominal", "compound", "multi"} <= tags


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_floors(runner: EventRunner, name: str) -> None:
    check(run(runner, name), FLOORS[name])


@pytest.fixture(scope="module")
def real_runner() -> EventRunner:
    if not real_actors():
        pytest.skip("the actors stage is still a placeholder")
    return EventRunner(use_real_actors=True)


@pytest.mark.parametrize("name", sorted(REAL_FLOORS))
def test_real_pipeline_floors(real_runner: EventRunner, name: str) -> None:
    check(run(real_runner, name), REAL_FLOORS[name])


def test_codebook_set_is_balanced() -> None:
    gold = load_gold("events_codebook.jsonl")
    events = [e for g in gold for e in g["events"]]
    assert {e["type"] for e in events} == set(PLOVER_TYPES)
    assert {e["status"] for e in events} == {"asserted", "negated", "hypothetical", "planned"}
    negatives = sum(1 for g in gold if not g["events"])
    assert 150 <= len(gold) <= 250 and negatives >= 0.14 * len(gold)
    # the point of the set: actors without a name (police, rebels, "Iraqi troops")
    assert sum(1 for g in gold if "generic" in g["tags"]) >= 0.4 * len(gold)
