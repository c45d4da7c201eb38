"""Dev report: the event coder on one of our gold files, with every miss listed (not a gate).

Runs parse -> actors (the real stage, or ``--gazetteer`` for the hand-built test mentions) ->
dates -> events over ``benchmarks/gold/<name>`` and prints the scores of
tests/events/events_scoring.py, then the misses grouped by kind (TYPE: no event of the gold
type; ARGS: right type, wrong source/target/status; FP: an event in a no-event sentence).

Usage: python3 benchmarks/eval_events_gold.py [events_codebook.jsonl] [--gazetteer] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "events"))

from events_runner import EventRunner, article_for  # noqa: E402
from events_scoring import score  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name", nargs="?", default="events_codebook.jsonl")
    ap.add_argument("--gazetteer", action="store_true")
    ap.add_argument("--quiet", action="store_true", help="scores only")
    args = ap.parse_args()
    lines = (ROOT / "benchmarks" / "gold" / args.name).read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines[1:] if line.strip()]
    runner = EventRunner(use_real_actors=not args.gazetteer)
    articles = runner.run([article_for(g["text"], ident=g["id"]) for g in gold])
    result = score(list(zip(gold, articles, strict=True)))
    print(args.name, "gazetteer" if args.gazetteer else "real actors", result.summary())
    if not args.quiet:
        for kind in ("TYPE", "ARGS", "FP"):
            for miss in result.misses:
                if miss.startswith(kind):
                    print(" ", miss)


if __name__ == "__main__":
    main()
