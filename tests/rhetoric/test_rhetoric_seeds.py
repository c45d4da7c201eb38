"""The seed articles (third-party, read from ../shared at test time only): the opinion
phrases the issue names must be flagged, the plain factual sentence must not be."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import iter_documents
from newsgraph.models import Article
from newsgraph.pipeline import INGEST_STAGES, Pipeline, new_article
from newsgraph.stages.rhetoric import RhetoricAnalyzer

FITTING = {"Loaded_Language", "Name_Calling-Labeling", "Exaggeration-Minimisation",
           "Appeal_to_Fear-Prejudice", "Doubt"}


@pytest.fixture(scope="module")
def analysed(shared: Path) -> dict[str, Article]:
    ingest = Pipeline(INGEST_STAGES)
    stage = RhetoricAnalyzer()
    out = {}
    for path in sorted((shared / "seeds").glob("*.txt")):
        raw = next(iter(iter_documents([str(path)])))
        (article,) = ingest.run([new_article(raw)])  # type: ignore[arg-type]
        assert isinstance(article, Article), article
        out[path.name[:3]] = stage([article])[0]
    return out


@pytest.mark.parametrize(("seed", "phrase"), [
    ("000", "geopolitical blackmail"),
    ("000", "seemingly endless strategic concessions"),
    ("003", "imperialist powers in their war preparations"),
    ("000", "defect"),
])
def test_phrase_flagged(analysed: dict[str, Article], seed: str, phrase: str) -> None:
    article = analysed[seed]
    start = article.body.find(phrase)
    assert start >= 0, f"{phrase!r} not in the cleaned body"
    end = start + len(phrase)
    hits = {t.technique for t in article.techniques if t.start < end and t.end > start}
    assert hits & FITTING, f"{phrase!r} flagged with {hits or 'nothing'}"


def test_factual_sentence_not_flagged(analysed: dict[str, Article]) -> None:
    article = analysed["003"]
    start = article.body.find("Based on the now expired contract")
    assert start >= 0
    end = article.body.find("every year", start)
    assert end > start
    hits = [t for t in article.techniques if t.start < end and t.end > start]
    assert not hits, [(article.body[t.start:t.end], t.technique) for t in hits]
