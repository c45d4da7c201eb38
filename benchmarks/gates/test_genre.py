"""Genre gate on our own domain: the shipped rhetoric model must tell wire-style reports from
opinion pieces in the political news newsgraph reads, not only on SemEval.

- ``benchmarks/gold/genre/heldout.jsonl``: 15 opinion + 15 reporting + 10 satire (news
  parody) texts written for newsgraph before any model scored them and never trained on (the
  genre heads train on ``train.jsonl`` and the stories fixture); three-label macro-F1,
  accuracy and satire recall floors sit a little under the scores recorded in the model card,
  and no opinion or reporting text may be called satire.
- ``examples/articles``: the bundled news reports (not training data), read through the
  ingest stages the way ``newsgraph analyze`` reads them, must all come out "reporting".
- The two seed opinion pieces in ``../shared/seeds`` (third-party, read at test time only;
  skipped without ../shared) must stay "opinion".
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsgraph.ingest import iter_documents
from newsgraph.models import Article, SourceRef
from newsgraph.pipeline import INGEST_STAGES, Pipeline, new_article
from newsgraph.stages.rhetoric import RhetoricAnalyzer
from newsgraph.stages.rhetoric.training.fit import macro_f1

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "benchmarks" / "gold" / "genre" / "heldout.jsonl"
EXAMPLES = ROOT / "examples" / "articles"
SEEDS = ROOT.parent / "shared" / "seeds"
# Measured with the committed weights (MODEL_CARD.md): macro-F1 0.942, accuracy 0.950,
# satire recall 0.8 (8 of 10; the 30 opinion / reporting texts all right, none called satire).
FLOORS = {"macro": 0.90, "accuracy": 0.90, "satire_recall": 0.7}
LABELS = ["opinion", "reporting", "satire"]


@pytest.fixture(scope="module")
def stage() -> RhetoricAnalyzer:
    return RhetoricAnalyzer()


def _ingested(paths: list[Path]) -> list[Article]:
    ingest = Pipeline(INGEST_STAGES)
    out = []
    for raw in iter_documents([str(p) for p in paths]):
        (article,) = ingest.run([new_article(raw)])  # type: ignore[arg-type]
        assert isinstance(article, Article), article
        out.append(article)
    return out


def test_heldout_genre_macro_f1_and_accuracy(stage: RhetoricAnalyzer) -> None:
    records = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines()]
    records = [r for r in records if "id" in r]
    assert {r["genre"] for r in records} == set(LABELS)
    articles = [Article(id=r["id"], source=SourceRef(uri="gate", format="text"), body=r["text"])
                for r in records]
    gold = np.array([LABELS.index(r["genre"]) for r in records])
    out = stage(articles)
    assert all(a.genre in LABELS for a in out)
    pred = np.array([LABELS.index(str(a.genre)) for a in out])
    wrong = [r["id"] for r, p, g in zip(records, pred, gold, strict=True) if p != g]
    accuracy = float((pred == gold).mean())
    macro = macro_f1(pred, gold, labels=[0, 1, 2])
    assert macro >= FLOORS["macro"], f"held-out genre macro-F1 {macro:.3f}; wrong: {wrong}"
    assert accuracy >= FLOORS["accuracy"], f"held-out genre accuracy {accuracy:.3f}: {wrong}"
    satire = gold == 2
    recall = float((pred[satire] == 2).mean())
    assert recall >= FLOORS["satire_recall"], f"held-out satire recall {recall:.2f}: {wrong}"
    called = [r["id"] for r, p, g in zip(records, pred, gold, strict=True) if p == 2 and g != 2]
    assert not called, f"opinion / reporting texts called satire: {called}"


def test_bundled_example_reports_come_out_reporting(stage: RhetoricAnalyzer) -> None:
    articles = _ingested([EXAMPLES])
    assert len(articles) >= 8
    genres = {a.title or a.id: a.genre for a in stage(articles)}
    assert set(genres.values()) == {"reporting"}, genres


def test_seed_opinion_pieces_stay_opinion(stage: RhetoricAnalyzer) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/seeds is not beside the repository")
    genres = {a.title or a.id: a.genre for a in stage(_ingested(seeds))}
    assert len(genres) == len(seeds)
    assert set(genres.values()) == {"opinion"}, genres
