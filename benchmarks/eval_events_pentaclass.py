"""Dev benchmark: the event coder against CAMEO penta-class news sentences (not a gate).

Data: ``../shared/data/events/news_sentences_pentaclass.jsonl`` (third-party, read at run time
only): 1,344 sentences, each with a CAMEO penta class (0 statement/appeal, 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) and source/target
text. Each sentence runs through parse -> actors -> dates -> events; the sentence's predicted
class is the penta class (scales.json, via the trigger's CAMEO root) of its most confident
event (asserted events first; a negated cooperative event counts as a refusal, class 3).
Reported: coverage (sentences with an event), accuracy where covered, accuracy over all
sentences (no event = wrong), and how often the coded source/target actor is mentioned inside
the gold source/target text (over covered sentences, and over those whose gold gives a text:
a third of the rows give none, which no coder can match).

Usage: python3 benchmarks/eval_events_pentaclass.py [--limit N] [--gazetteer]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "events"))

from events_runner import EventRunner, article_for, real_actors  # noqa: E402

from newsgraph.models import Article, Event  # noqa: E402
from newsgraph.stages.events.table import penta_class  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "events" / "news_sentences_pentaclass.jsonl"


def predicted_class(event: Event) -> int | None:
    """Penta class of an event; a negated cooperative act ("will not lift the embargo",
    "failed to agree") is a refusal, i.e. verbal conflict (3), as CAMEO codes it."""
    penta = penta_class(event)
    if event.status == "negated" and penta in (1, 2):
        return 3
    return penta


def actor_in(article: Article, actor_id: str | None, texts: list[str]) -> bool:
    if actor_id is None:
        return False
    spans = [m.text.lower() for m in article.mentions if m.actor_id == actor_id]
    return any(s in t.lower() or t.lower() in s for s in spans for t in texts if t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--gazetteer", action="store_true",
                    help="use the hand-made test gazetteer instead of the actors stage")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found: put ../shared beside the repository")
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    if args.limit:
        rows = rows[:args.limit]
    use_real = real_actors() and not args.gazetteer
    runner = EventRunner(use_real_actors=use_real)
    started = time.perf_counter()
    articles: list[Article] = []
    for i in range(0, len(rows), 64):
        chunk = rows[i:i + 64]
        articles += runner.run([article_for(r["text"], ident=r["id"]) for r in chunk])
    elapsed = time.perf_counter() - started
    covered = right = src_ok = tgt_ok = src_n = tgt_n = 0
    confusion: Counter[tuple[int, int | None]] = Counter()
    for row, article in zip(rows, articles, strict=True):
        gold = int(row["events"][0]["code"])
        events = sorted(article.events, key=lambda e: (e.status != "asserted", -e.confidence))
        pred = predicted_class(events[0]) if events else None
        confusion[(gold, pred)] += 1
        if events:
            covered += 1
            right += pred == gold
            gold_event = row["events"][0]
            src_text = gold_event.get("source_text") or []
            tgt_text = gold_event.get("target_text") or []
            src_ok += actor_in(article, events[0].source_actor, src_text)
            tgt_ok += actor_in(article, events[0].target_actor, tgt_text)
            src_n += bool(src_text)  # many rows give no source/target text at all
            tgt_n += bool(tgt_text)
    n = len(rows)
    print(f"actors: {'real stage' if use_real else 'test gazetteer'}; sentences: {n};"
          f" {elapsed:.1f}s")
    print(f"coverage (sentences with an event): {covered / n:.3f}")
    print(f"penta-class accuracy where covered:  {right / max(covered, 1):.3f}")
    print(f"penta-class accuracy over all:       {right / n:.3f}")
    print(f"source actor inside gold source text: {src_ok / max(covered, 1):.3f} of covered,"
          f" {src_ok / max(src_n, 1):.3f} of the {src_n} covered rows that give a source text")
    print(f"target actor inside gold target text: {tgt_ok / max(covered, 1):.3f} of covered,"
          f" {tgt_ok / max(tgt_n, 1):.3f} of the {tgt_n} covered rows that give a target text")
    print("confusion (gold -> predicted: count):")
    for gold in range(5):
        cells = ", ".join(f"{p}:{c}" for (g, p), c in sorted(confusion.items(), key=str)
                          if g == gold)
        print(f"  {gold} -> {cells}")


if __name__ == "__main__":
    main()
