"""Body / title / date quality on a folder of real web pages with gold (a dev benchmark).

Third-party pages must not be committed, so this script takes any folder laid out like
``benchmarks/html_gold/pages``:

    FOLDER/NAME.html    the page as saved (any encoding; it is sniffed like any input)
    FOLDER/NAME.json    {"body": "...", "title": "..." or null, "date": "YYYY-MM-DD" or null}

``body`` is the article text (paragraphs separated by blank lines, headline excluded);
``title``/``date`` may be null when the gold does not know them (the page is then left out
of that score). For each page it scores

- ``trafilatura``: trafilatura alone, defaults, given the raw bytes (the baseline);
- ``raw``: newsgraph's ``extract`` stage (``article.raw``);
- ``body``: the whole ingest path (``article.body``, after cleaning), what the export holds;

with the word 4-gram shingle metric of the article-extraction benchmarks: per page, shingle
multisets (case kept, ``\\w+`` tokens) give tp/fp/fn normalised by their sum; precision and
recall are averaged over pages and F1 is their harmonic mean. The mean of per-page F1 is
printed too. Title is right when it matches the gold after lower-casing and collapsing
punctuation; date when it equals the gold day.

    python3 -m benchmarks.eval_html_real /tmp/realdev            # summary + worst pages
    python3 -m benchmarks.eval_html_real /tmp/realdev --pages    # every page
    python3 -m benchmarks.eval_html_real benchmarks/html_gold/pages
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean

from newsgraph.ingest.readers import read_file
from newsgraph.models import Article, RawDocument
from newsgraph.pipeline import INGEST_STAGES, Pipeline, new_article

_TOKEN = re.compile(r"\w+")
SYSTEMS = ("trafilatura", "raw", "body")


def shingle_counts(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _TOKEN.findall(text or "")
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)))


def tp_fp_fn(predicted: str, gold: str, n: int = 4) -> tuple[float, float, float]:
    """Matched, extra and missing shingles, normalised so long pages weigh as much as short."""
    p, g = shingle_counts(predicted, n), shingle_counts(gold, n)
    tp = sum((p & g).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def aggregate(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1) as the article-extraction benchmark computes them."""
    precision = mean(_precision(*c) for c in counts)
    recall = mean(_recall(*c) for c in counts)
    return precision, recall, _f1(precision, recall)


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", text or "").strip().lower()


@dataclass
class PageScore:
    name: str
    counts: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    title: bool | None = None
    date: bool | None = None
    got_title: str | None = None
    got_date: str | None = None
    error: str | None = None

    def f1(self, system: str) -> float:
        c = self.counts.get(system, (0.0, 0.0, 1.0))
        return _f1(_precision(*c), _recall(*c))


def score_page(page: Path, pipeline: Pipeline, extract_only: Pipeline) -> PageScore:
    import trafilatura

    gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    score = PageScore(page.stem)
    score.counts["trafilatura"] = tp_fp_fn(trafilatura.extract(page.read_bytes()) or "",
                                           gold["body"])
    doc = next(read_file(page))
    if not isinstance(doc, RawDocument):
        score.error = str(doc)
        score.counts["raw"] = score.counts["body"] = tp_fp_fn("", gold["body"])
        return score
    extracted, done = extract_only.run([new_article(doc)])[0], pipeline.run([new_article(doc)])[0]
    raw = extracted.raw if isinstance(extracted, Article) else ""
    body = done.body if isinstance(done, Article) else ""
    score.counts["raw"], score.counts["body"] = tp_fp_fn(raw, gold["body"]), tp_fp_fn(body,
                                                                                     gold["body"])
    if isinstance(done, Article):
        score.got_title, score.got_date = done.title, done.published
    else:
        score.error = done.reason
    if gold.get("title"):
        score.title = _norm(score.got_title) == _norm(gold["title"])
    if gold.get("date"):
        score.date = score.got_date == gold["date"]
    return score


def report(scores: list[PageScore], every_page: bool) -> None:
    print(f"{len(scores)} pages")
    for system in SYSTEMS:
        precision, recall, f1 = aggregate([s.counts[system] for s in scores])
        per_page = mean(s.f1(system) for s in scores)
        print(f"  {system:12} precision={precision:.3f} recall={recall:.3f} F1={f1:.3f}"
              f"  (mean per-page F1 {per_page:.3f})")
    for name in ("title", "date"):
        known = [s for s in scores if getattr(s, name) is not None]
        right = sum(1 for s in known if getattr(s, name))
        print(f"  {name}: {right}/{len(known)} right" if known else f"  {name}: no gold")
    shown = scores if every_page else sorted(scores, key=lambda s: s.f1("body"))[:10]
    print("pages" if every_page else "lowest body F1")
    for s in shown:
        print(f"  {s.name:40} traf={s.f1('trafilatura'):.3f} raw={s.f1('raw'):.3f}"
              f" body={s.f1('body'):.3f} title={'ok' if s.title else s.got_title!r}"
              f" date={'ok' if s.date else s.got_date!r}" + (f" ERROR {s.error}" if s.error
                                                             else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pages", action="store_true", help="print every page")
    args = parser.parse_args(argv)
    pages = sorted(p for p in args.folder.glob("*.html") if p.with_suffix(".json").exists())
    if not pages:
        print(f"{args.folder}: no NAME.html with a NAME.json beside it", file=sys.stderr)
        return 2
    pipeline, extract_only = Pipeline(INGEST_STAGES), Pipeline(INGEST_STAGES[:1])
    report([score_page(p, pipeline, extract_only) for p in pages], args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
