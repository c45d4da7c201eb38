"""Speed of the "actors" stage next to the shared spaCy parse it reads, on one core.

    python3 -m benchmarks.speed_actors [--n 100]

Corpus: real English news articles (SemEval-2023, ../shared/data/rhetoric) cut or padded to
~800 words when present, else our own gold sentences repeated to ~800 words. Parses every
text once with the shared model (timed: that is the parse stage), then runs the actor
resolution on the parsed Docs (timed separately). Prints ms per article for each, the
actors/parse ratio and articles/s for parse + actors.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WORDS = 800


def corpus(n: int) -> list[str]:
    src = SHARED / "data" / "rhetoric" / "techniques_train.jsonl"
    if src.exists():
        texts = [json.loads(line)["text"] for line in src.open(encoding="utf-8")]
    else:
        gold = ROOT / "benchmarks" / "gold" / "actors.jsonl"
        texts = [" ".join(json.loads(line)["text"] for line in gold.open(encoding="utf-8"))]
    out = []
    i = 0
    while len(out) < n:
        words = texts[i % len(texts)].split()
        while len(words) < WORDS:
            words += texts[(i + 1) % len(texts)].split()
            i += 1
        out.append(" ".join(words[:WORDS]))
        i += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    args = parser.parse_args()

    from newsgraph.stages.actors.kb import load_kb
    from newsgraph.stages.actors.stage import find_actors
    from newsgraph.stages.parsing import load_nlp

    t0 = time.perf_counter()
    kb = load_kb()
    load_s = time.perf_counter() - t0
    nlp = load_nlp()
    texts = corpus(args.n)
    list(nlp.pipe(texts[:4]))  # type: ignore[attr-defined]  # warm up

    # CPU time of this process (wall clock too): a busy shared machine inflates wall time
    t0, c0 = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))  # type: ignore[attr-defined]
    parse_wall, parse_s = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    mentions = 0
    for text, doc in zip(texts, docs, strict=True):
        _, found = find_actors(doc, "2020-02-12", body=text, kb=kb)
        mentions += len(found)
    actors_wall, actors_s = time.perf_counter() - t0, time.process_time() - c0

    n = len(texts)
    print(f"{n} articles of {WORDS} words; knowledge base load {load_s:.2f}s (once per process)")
    print(f"parse (spaCy)  {parse_s / n * 1000:7.1f} ms/article CPU "
          f"({parse_wall / n * 1000:.1f} wall)")
    print(f"actors         {actors_s / n * 1000:7.1f} ms/article CPU "
          f"({actors_wall / n * 1000:.1f} wall)  "
          f"({actors_s / parse_s * 100:.1f}% of the parse; {mentions / n:.0f} mentions/article)")
    print(f"parse + actors {n / (parse_s + actors_s):7.1f} articles/s on one core (CPU time)")


if __name__ == "__main__":
    main()
