"""Speed run: the event stage's time next to the actors stage's (target: events <= 30% of actors).

Two batches, reported apart: the two seed articles (real news, through the real front stages)
and the gold sentences of benchmarks/gold/events*.jsonl joined into 20-sentence articles (far
denser in events than news). Each stage runs on the same parsed batch; times are the least CPU
time of ``--repeat`` runs.

Usage: python3 benchmarks/speed_events.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "events"))

from events_runner import article_for, front_article, real_actors  # noqa: E402

from newsgraph.models import Article  # noqa: E402
from newsgraph.pipeline import load_stage  # noqa: E402


def seed_articles() -> list[Article]:
    seeds = ROOT.parent / "shared" / "seeds"
    return [front_article(p) for p in sorted(seeds.glob("*.txt"))] if seeds.is_dir() else []


def gold_articles() -> list[Article]:
    """The gold sentences joined into 20-sentence articles: far denser in events (~20 each)
    than news, so the worst case for the event stage."""
    texts: list[str] = []
    for path in sorted((ROOT / "benchmarks" / "gold").glob("events*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return [article_for(" ".join(texts[i:i + 20]), ident=f"speed{i}")
            for i in range(0, len(texts), 20)]


def best(fn: Callable[[], Sequence[Article]], repeat: int,
         setup: Callable[[], None] = lambda: None) -> tuple[float, Sequence[Article]]:
    """Least CPU time (process_time: other processes on a shared machine do not count) over
    ``repeat`` runs, with the garbage collector paused so that a collection triggered by one
    stage is not billed to another. ``setup`` runs before each run, untimed."""
    times, result = [], None
    gc.disable()
    try:
        for _ in range(repeat):
            setup()
            started = time.process_time()
            result = fn()
            times.append(time.process_time() - started)
    finally:
        gc.enable()
    assert result is not None
    return min(times), result


def forget_columns(articles: Sequence[Article]) -> None:
    for article in articles:
        article.doc.user_data.clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    if not real_actors():
        sys.exit("the actors stage is still a placeholder: nothing to compare with")
    parse = load_stage("newsgraph.stages.parsing:Parser")
    actors = load_stage("newsgraph.stages.actors:ActorResolver")
    dates = load_stage("newsgraph.stages.dates:dates")
    events = load_stage("newsgraph.stages.events:EventCoder")
    for label, batch in (("seed articles (real news)", seed_articles()),
                         ("gold sentences (event-dense)", gold_articles())):
        if not batch:
            continue
        t_parse, parsed = best(lambda b=batch: parse(b), 1)
        # The first stage to read the parse's columns pays for them (parsing.columns caches
        # them on the Doc for the next): in the pipeline that is the actors stage, so every
        # timed actors run starts without them.
        t_actors, resolved = best(lambda p=parsed: actors(p), args.repeat,
                                  setup=lambda p=parsed: forget_columns(p))
        t_dates, dated = best(lambda r=resolved: dates(r), args.repeat)
        t_events, coded = best(lambda d=dated: events(d), args.repeat)
        n = len(batch)
        found = sum(len(a.events) for a in coded)
        print(f"{label}: {n} articles, {sum(len(a.body) for a in batch)} characters,"
              f" {found} events")
        for name, t in (("parse (spaCy)", t_parse), ("actors", t_actors), ("dates", t_dates),
                        ("events", t_events)):
            print(f"  {name:14} {t * 1000:8.1f} ms  ({t * 1000 / n:6.2f} ms/article)")
        print(f"  events / actors = {t_events / t_actors:.1%} (target <= 30%)")


if __name__ == "__main__":
    main()
