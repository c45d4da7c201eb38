"""Quality gate for HTML main-text and metadata extraction (our own pages, benchmarks/html_gold).

Body F1 is the usual word 4-gram shingle overlap (``shingle_f1``). newsgraph's extract stage
(``article.raw``), the whole ingest path (``article.body``, after cleaning: what the export
holds) and trafilatura alone (its defaults, given the raw page bytes) are scored in the same
run; the gate refuses newsgraph falling below trafilatura - 0.005 or below 0.96 mean on
either, and title/date must be right on at least 90% of pages. (Real third-party pages are
scored the same way, outside CI, by ``benchmarks/eval_html_real.py``.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from statistics import mean

import pytest

from newsgraph.ingest.readers import read_file
from newsgraph.models import Article, RawDocument
from newsgraph.pipeline import INGEST_STAGES, Pipeline, new_article
from newsgraph.stages.extraction import extract

PAGES = sorted((Path(__file__).resolve().parents[1] / "html_gold" / "pages").glob("*.html"))
BODY_FLOOR = 0.96
MARGIN = 0.005
META_FLOOR = 0.90


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def shingle_f1(predicted: str, gold: str, n: int = 4) -> float:
    """F1 of the sets of word n-grams (the usual extraction-benchmark metric)."""
    p, g = shingles(predicted, n), shingles(gold, n)
    common = len(p & g)
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", text or "").strip().lower()


@pytest.fixture(scope="module")
def scores() -> list[dict[str, object]]:
    import trafilatura

    rows = []
    pipeline = Pipeline(INGEST_STAGES)
    for page in PAGES:
        gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        doc = next(read_file(page))
        assert isinstance(doc, RawDocument), doc
        article = extract([new_article(doc)])[0]
        baseline = trafilatura.extract(page.read_bytes()) or ""
        ingested = pipeline.run([new_article(doc)])[0]
        assert isinstance(ingested, Article), ingested
        rows.append({
            "page": page.name,
            "ours": shingle_f1(article.raw, gold["body"]),
            "body": shingle_f1(ingested.body, gold["body"]),
            "trafilatura": shingle_f1(baseline, gold["body"]),
            "title": _norm(article.title) == _norm(gold["title"]),
            "date": article.published == gold["date"],
        })
    return rows


def test_enough_gold_pages() -> None:
    assert len(PAGES) >= 22


def test_shingle_f1_metric() -> None:
    assert shingle_f1("a b c d e", "a b c d e") == 1.0
    assert shingle_f1("a b c d", "w x y z") == 0.0
    assert 0.0 < shingle_f1("a b c d e f", "a b c d e g") < 1.0


def test_body_f1_at_least_trafilatura(scores: list[dict[str, object]]) -> None:
    ours = mean(float(r["ours"]) for r in scores)  # type: ignore[arg-type]
    theirs = mean(float(r["trafilatura"]) for r in scores)  # type: ignore[arg-type]
    body = mean(float(r["body"]) for r in scores)  # type: ignore[arg-type]
    print(f"\nbody F1: newsgraph extract {ours:.3f}, after cleaning {body:.3f},"
          f" trafilatura defaults {theirs:.3f}")
    for r in scores:
        print(f"  {r['page']:32} ours={r['ours']:.3f} body={r['body']:.3f}"
              f" trafilatura={r['trafilatura']:.3f}")
    assert ours >= theirs - MARGIN, scores
    assert body >= theirs - MARGIN, scores
    assert ours >= BODY_FLOOR and body >= BODY_FLOOR, scores


def test_title_and_date(scores: list[dict[str, object]]) -> None:
    titles = mean(1.0 if r["title"] else 0.0 for r in scores)
    dates = mean(1.0 if r["date"] else 0.0 for r in scores)
    wrong = [(r["page"], r["title"], r["date"]) for r in scores if not (r["title"] and r["date"])]
    assert titles >= META_FLOOR, wrong
    assert dates >= META_FLOOR, wrong
