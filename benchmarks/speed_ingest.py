"""Speed and memory of `newsgraph ingest` (read → extract → clean → metadata → language →
sentences) on one core.

Generates N synthetic plain-text articles and N HTML pages (~800 words each, written from
sentence templates, every one distinct so the content-hash store never skips), writes them to
a temporary folder, and runs ``api.Runner(stages=INGEST_STAGES)`` over the folder twice per
kind: without a store (the same pipeline, results dropped, so nothing accumulates) and
with a fresh SQLite store (``Runner`` then also runs the cross-article update).
Prints articles/s (wall clock, and per CPU-second, which is what one core gives when the
machine is shared), peak RSS, and RSS sampled every N/10 articles to show memory stays flat.

    python3 -m benchmarks.speed_ingest --n 10000
    python3 -m benchmarks.speed_ingest --n 1000 --kinds text --stores sqlite
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from newsgraph import api
from newsgraph.models import Article, RawDocument
from newsgraph.pipeline import INGEST_STAGES, Pipeline, new_article
from newsgraph.store import SQLiteStore

ACTORS = ["Russia", "Belarus", "Poland", "Lithuania", "the European Union", "NATO", "Germany",
          "Ukraine", "the United States", "Kazakhstan", "Minsk", "Moscow", "Warsaw", "Brussels"]
PEOPLE = ["Alexander Lukashenko", "Vladimir Putin", "Mike Pompeo", "Vladimir Makei",
          "Dmitry Peskov", "Sergei Rumas", "Angela Merkel", "Jens Stoltenberg"]
THINGS = ["oil deliveries", "the gas contract", "transit fees", "the Druzhba pipeline",
          "sanctions", "border controls", "military exercises", "the integration roadmaps",
          "refinery output", "potash exports", "the loan agreement", "visa rules"]
TEMPLATES = [
    "{p} said on {day} that {a} was ready to discuss {t} with {b}.",
    "Officials in {a} accused {b} of using {t} as a means of pressure.",
    "According to {p}, {n} tonnes of crude were affected in {month}.",
    "{a} and {b} failed to agree on {t} after {n} hours of talks.",
    "Analysts expect {t} to remain the main issue between {a} and {b} for months.",
    "\"We will not accept these conditions,\" {p} told reporters in {a}.",
    "The price dispute cost {a} about {n} million dollars, the ministry estimated.",
    "{b} denied that it had threatened to cut {t}, calling the reports false.",
    "A spokesman for {p} described the meeting as constructive but difficult.",
    "Talks on {t} are expected to resume in {month}, diplomats said.",
    "{a} imported {n} percent of its {t2} from {b} last year.",
    "Critics in {a} argue that {t} should never have been linked to politics.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def article_text(i: int, words: int = 800) -> tuple[str, str, list[str]]:
    rng = random.Random(i)
    title = f"{rng.choice(ACTORS)} and {rng.choice(ACTORS)} at odds over {rng.choice(THINGS)}"
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            s = rng.choice(TEMPLATES).format(
                p=rng.choice(PEOPLE), a=rng.choice(ACTORS), b=rng.choice(ACTORS),
                t=rng.choice(THINGS), t2=rng.choice(THINGS), n=rng.randint(2, 900),
                day=rng.choice(DAYS), month=rng.choice(MONTHS))
            sentences.append(s[0].upper() + s[1:])
        para = " ".join(sentences)
        count += len(para.split())
        paragraphs.append(para)
    paragraphs[-1] += f" (Report {i}.)"  # every article distinct
    return title, f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", paragraphs


def as_text(i: int) -> str:
    title, date, paras = article_text(i)
    d = time.strptime(date, "%Y-%m-%d")
    return (f"{title}\n\nBy Staff Writer\n\nEastern Wire, {time.strftime('%B %d, %Y', d)}\n\n"
            + "\n\n".join(paras) + "\n\nShare this article on social media.\n")


def as_html(i: int) -> str:
    title, date, paras = article_text(i)
    body = "".join(f"<p>{p}</p>" for p in paras)
    links = "".join(f'<li><a href="/n/{k}">{t}</a></li>' for k, t in enumerate(THINGS))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Eastern Wire"
            f"</title><meta property='og:site_name' content='Eastern Wire'><meta name='author'"
            f" content='Staff Writer'><meta property='article:published_time' content='{date}'>"
            f"</head><body><header><nav><ul>{links}</ul></nav></header><main><article>"
            f"<h1>{title}</h1><div class='share'>Share on Facebook</div>{body}</article>"
            f"<aside class='related'><h2>Related</h2><ul>{links}</ul></aside></main><footer>"
            f"<p>© 2020 Eastern Wire. All rights reserved.</p></footer></body></html>")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(folder: Path, n: int, store: Any) -> tuple[float, float, list[float], int]:
    """One ingest run over the folder; without a store the same batches go through the
    same pipeline and the results are dropped (``Runner`` without a store would keep them
    all in memory for the caller)."""
    samples: list[float] = []
    step = max(1, n // 10)
    done = 0

    def progress(k: int) -> None:
        nonlocal done
        done += k
        if done % step == 0:
            samples.append(rss_mb())

    start, cpu = time.perf_counter(), time.process_time()
    if store is not None:
        runner = api.Runner(store=store, stages=INGEST_STAGES, workers=1)
        _, summary = runner.run(api.read_inputs([str(folder)]), progress=progress)
        stored = len(summary.stored)
    else:
        pipeline = Pipeline(INGEST_STAGES)
        docs = (d for d in api.read_inputs([str(folder)]) if isinstance(d, RawDocument))
        stored = 0
        while batch := list(itertools.islice(docs, api.BATCH)):
            results = pipeline.run([new_article(d) for d in batch])
            ok = sum(1 for r in results if isinstance(r, Article))
            stored += ok
            for _ in range(ok):
                progress(1)
    return time.perf_counter() - start, time.process_time() - cpu, samples, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--kinds", nargs="+", default=["text", "html"])
    parser.add_argument("--stores", nargs="+", default=["none", "sqlite"])
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        # warm up: load the stages' models once so the timing is the steady state
        api.Runner(stages=INGEST_STAGES).run(
            api.read_inputs([as_text(10**9), as_html(10**9 + 1)]))
        print(f"ingest speed on one core, {args.n} articles per run (~800 words each)")
        print(f"{'kind':5} {'store':7} {'articles/s':>10} {'per CPU-s':>9} {'stored':>7} "
              f"{'peak RSS MB':>11}  RSS every n/10 (MB)")
        for kind in args.kinds:
            folder = Path(tmp) / kind
            folder.mkdir()
            make = as_text if kind == "text" else as_html
            for i in range(args.n):
                (folder / f"{i:06d}.{'txt' if kind == 'text' else 'html'}").write_text(
                    make(i), encoding="utf-8")
            for store_name in args.stores:
                store = None if store_name == "none" else SQLiteStore(Path(tmp) / f"{kind}.db")
                try:
                    elapsed, cpu, samples, stored = run(folder, args.n, store)
                finally:
                    if store is not None:
                        store.close()
                print(f"{kind:5} {store_name:7} {stored / elapsed:10.1f} {stored / cpu:9.1f} "
                      f"{stored:7d} "
                      f"{peak_mb():11.0f}  {' '.join(f'{s:.0f}' for s in samples)}", flush=True)


if __name__ == "__main__":
    main()
