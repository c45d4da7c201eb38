"""Speed of the text-side ingest stages (clean, metadata, language, sentences) on one core.

    python3 benchmarks/speed_cleaning.py [N] [DIR]

Runs the noisy gold texts (benchmarks/gold/noisy, or the *.txt files of DIR) N times
(default 50) through each stage
and prints milliseconds per article per stage and articles per second for the four together.
Also times pysbd on the same bodies, the splitter we chose not to use.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from newsgraph.models import Article, SourceRef
from newsgraph.stages.cleaning import clean
from newsgraph.stages.language import language
from newsgraph.stages.metadata import metadata
from newsgraph.stages.sentences import sentences

GOLD = Path(__file__).parent / "gold" / "noisy"


def main(rounds: int, folder: Path = GOLD) -> None:
    articles = [Article(id=p.stem, source=SourceRef(uri=str(p), format="text"),
                        raw=p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    batch = articles
    for stage in (clean, metadata, language, sentences):  # warm-up: models, regex caches
        batch = stage(batch)
    total = 0.0
    batch = articles
    for stage in (clean, metadata, language, sentences):
        # CPU time of this process: the number stays honest on a busy machine
        t = time.process_time()
        for _ in range(rounds):
            out = stage(batch)
        spent = (time.process_time() - t) / (rounds * len(batch))
        total += spent
        batch = out
        print(f"{stage.name:10s} {spent * 1000:6.2f} ms/article")
    chars = sum(len(a.raw) for a in articles) / len(articles)
    print(f"all four   {total * 1000:6.2f} ms/article = {1 / total:,.0f} articles/s"
          f" (mean {chars:,.0f} chars)")
    try:
        import pysbd
    except ImportError:
        return
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    t = time.process_time()
    for a in batch:
        seg.segment(a.body)
    print(f"pysbd      {(time.process_time() - t) / len(batch) * 1000:6.2f} ms/article")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50,
         Path(sys.argv[2]) if len(sys.argv) > 2 else GOLD)
