"""Quality gate for actor resolution: our own gold sentences (benchmarks/gold/actors.jsonl)
with the hard cases (metonymy, roles that change hands over time, same surname different
people, pronouns and descriptions, unknown people). Precision and recall over
(mention text, actor id) pairs; the floors only go down on purpose."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.stages.actors.stage import find_actors

GOLD = Path(__file__).resolve().parents[1] / "gold" / "actors.jsonl"
# Written after the code and scored once before any fix; never tuned on (docs/actors.md).
HELDOUT = GOLD.with_name("actors_heldout.jsonl")
# Measured 2026-12-03: development P 1.000 R 0.997, held-out P 0.978 R 0.978.
PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.97
HELDOUT_FLOOR = 0.90


@pytest.fixture(scope="module")
def nlp() -> Callable[[str], object]:
    from newsgraph.stages.parsing import load_nlp

    return load_nlp()  # type: ignore[return-value]


def _score(nlp: Callable[[str], object], gold: Path = GOLD) -> tuple[int, int, int, list[str]]:
    matched = predicted = expected = 0
    misses = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        doc = nlp(item["text"])
        _, mentions = find_actors(doc, item["published"], body=item["text"])
        got = Counter((m.text, m.actor_id) for m in mentions)
        want = Counter(tuple(m) for m in item["mentions"])
        hit = sum((got & want).values())
        matched += hit
        predicted += sum(got.values())
        expected += sum(want.values())
        if got != want:
            misses.append(f"{item['id']}: missing {sorted((want - got).elements())}"
                          f" extra {sorted((got - want).elements())}")
    return matched, predicted, expected, misses


@pytest.mark.slow
def test_actor_resolution_gold(nlp: Callable[[str], object]) -> None:
    matched, predicted, expected, misses = _score(nlp)
    precision = matched / predicted
    recall = matched / expected
    report = "\n".join(misses)
    print(f"\nactors gold: P={precision:.3f} R={recall:.3f} ({matched}/{predicted}/{expected})")
    assert precision >= PRECISION_FLOOR, report
    assert recall >= RECALL_FLOOR, report


@pytest.mark.slow
def test_actor_resolution_heldout(nlp: Callable[[str], object]) -> None:
    matched, predicted, expected, misses = _score(nlp, HELDOUT)
    print(f"\nactors held-out: P={matched / predicted:.3f} R={matched / expected:.3f}")
    assert matched / predicted >= HELDOUT_FLOOR, "\n".join(misses)
    assert matched / expected >= HELDOUT_FLOOR, "\n".join(misses)
