"""The bundled examples read in every form without an error and extract to real text."""

from __future__ import annotations

from pathlib import Path

from newsgraph.ingest import iter_documents
from newsgraph.models import RawDocument
from newsgraph.pipeline import new_article
from newsgraph.stages.extraction import extract

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def test_examples_read_and_extract() -> None:
    out = list(iter_documents([str(EXAMPLES)]))
    docs = [d for d in out if isinstance(d, RawDocument)]
    assert len(docs) == len(out) == 9, [d for d in out if not isinstance(d, RawDocument)]
    assert {d.source.format for d in docs} == {"text", "html", "pdf", "jsonl", "feed"}
    for article in extract([new_article(d) for d in docs]):
        words = len(article.raw.split())
        assert 120 <= words <= 450, (article.source, words)
    pdf = next(d for d in docs if d.kind == "pdf")
    repaired = extract([new_article(pdf)])[0].raw
    assert "Energy Security Digest" not in repaired and "Page 1" not in repaired
    assert "suspended last week" in repaired and "Russian investigators opened a case" in repaired
