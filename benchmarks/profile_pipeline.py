"""Where the full pipeline spends its CPU and memory, stage by stage (`make profile`).

For every stage of `newsgraph.pipeline.STAGES`: the resident memory its construction adds
(model loads), and the CPU seconds it takes per article over the same corpus as `make bench`
(process CPU time, so other load on the machine does not inflate it). Then one pyinstrument
profile of the whole pipeline over the corpus (needs the `bench` extra), written as text
and HTML into build/profile/ and summarised as the heaviest functions by own time.

    python -m benchmarks.profile_pipeline --n 60
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.speed import corpus, tree_rss_mb

OUT = Path(__file__).resolve().parents[1] / "build" / "profile"  # ignored by git


def stage_costs(texts: list[str], batch: int = 16) -> list[tuple[str, float, float]]:
    """(stage name, MB its construction added, CPU ms per article)."""
    import os

    from newsgraph.models import RawDocument, SourceRef
    from newsgraph.pipeline import STAGES, Failure, check, load_stage, new_article

    me = os.getpid()
    stages, added = [], []
    for ref in STAGES:
        before = tree_rss_mb(me)
        stages.append(load_stage(ref))
        added.append(tree_rss_mb(me) - before)
    check(stages)
    docs = [RawDocument(source=SourceRef(uri=f"p:{i}", format="text"), kind="text", content=t)
            for i, t in enumerate(texts)]
    cpu: Counter[str] = Counter()
    warm = [new_article(d) for d in docs[:2]]
    for s in stages:  # warm-up: lazy loads and caches are not per-article cost
        warm = s(warm)
    for lo in range(0, len(docs), batch):
        articles: list[Any] = [new_article(d) for d in docs[lo:lo + batch]]
        for s in stages:
            t = time.process_time()
            articles = [a for a in s(articles) if not isinstance(a, Failure)]
            cpu[s.name] += time.process_time() - t
    return [(s.name, mb, 1000 * cpu[s.name] / len(docs)) for s, mb in zip(stages, added,
                                                                          strict=True)]


def profile(texts: list[str], batch: int = 16) -> Any:
    from pyinstrument import Profiler

    from newsgraph.models import RawDocument, SourceRef
    from newsgraph.pipeline import Pipeline, new_article

    pipeline = Pipeline()
    docs = [RawDocument(source=SourceRef(uri=f"p:{i}", format="text"), kind="text", content=t)
            for i, t in enumerate(texts)]
    pipeline.run([new_article(d) for d in docs[:2]])
    profiler = Profiler(interval=0.002)
    profiler.start()
    for lo in range(0, len(docs), batch):
        pipeline.run([new_article(d) for d in docs[lo:lo + batch]])
    profiler.stop()
    return profiler


def own_time(profiler: Any, top: int = 25) -> list[tuple[str, float]]:
    """Functions by their own (self) time, across every place they were called from."""
    totals: Counter[str] = Counter()

    def walk(frame: Any) -> None:
        if frame is None:
            return
        where = f"{frame.function} ({Path(frame.file_path or '?').name}:{frame.line_no})"
        totals[where] += frame.total_self_time
        for child in frame.children:
            walk(child)

    walk(profiler.last_session.root_frame() if hasattr(profiler, "last_session") else None)
    return totals.most_common(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60, help="articles (default 60)")
    ap.add_argument("--no-profile", action="store_true", help="per-stage costs only")
    args = ap.parse_args()
    texts = corpus(args.n)
    rows = stage_costs(texts)
    total = sum(ms for _, _, ms in rows)
    print(f"{'stage':16} {'load MB':>8} {'CPU ms/article':>15} {'share':>6}")
    for name, mb, ms in rows:
        print(f"{name:16} {mb:8.0f} {ms:15.1f} {100 * ms / total:5.1f}%")
    print(f"{'total':16} {sum(mb for _, mb, _ in rows):8.0f} {total:15.1f}  "
          f"({1000 / total:.2f} articles per CPU-second, stages only)")
    if args.no_profile:
        return
    profiler = profile(texts)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "profile.txt").write_text(profiler.output_text(unicode=True, show_all=False))
    (OUT / "profile.html").write_text(profiler.output_html())
    print(f"\nheaviest functions by own time (full tree: {OUT / 'profile.txt'}):")
    for where, seconds in own_time(profiler):
        print(f"  {seconds:7.2f} s  {where}")


if __name__ == "__main__":
    main()
