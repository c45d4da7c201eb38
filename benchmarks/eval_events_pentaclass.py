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
a third of the rows give none, which no coder can match). The gold texts are tokenized ("the
U . N", "Jean - Luc 's"): spaces around punctuation are dropped before comparing.

Split: ``--half dev`` / ``--half heldout`` keep the rows whose CRC-32 of the row id is even /
odd (670 / 674 rows), so that misses can be studied on one half and the other kept for an
honest estimate; ``--half all`` (the default) scores every row and prints both halves too.
``--diagnose`` counts the target misses by kind (see ``miss_kind``).

Usage: python3 benchmarks/eval_events_pentaclass.py [--half dev|heldout|all] [--limit N]
       [--gazetteer] [--diagnose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

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


def half_of(row_id: str) -> str:
    """The fixed half a row belongs to: "dev" (even CRC-32 of its id) or "heldout" (odd)."""
    return "dev" if zlib.crc32(row_id.encode("utf-8")) % 2 == 0 else "heldout"


_PUNCT_SPACE = re.compile(r"\s*([^\w\s])\s*")


def untokenized(text: str) -> str:
    """A gold text as the sentence writes it: "the U . N" -> "the u.n", "Jean - Luc 's"
    -> "jean-luc's" (lower case, curly apostrophes straight, no final stop)."""
    return _PUNCT_SPACE.sub(r"\1", text.replace("\u2019", "'").lower()).strip().rstrip(".")


def actor_in(article: Article, actor_id: str | None, texts: list[str]) -> bool:
    if actor_id is None:
        return False
    spans = [untokenized(m.text) for m in article.mentions if m.actor_id == actor_id]
    golds = [untokenized(t) for t in texts if t]
    return any(s and (s in t or t in s) for s in spans for t in golds)


def miss_kind(article: Article, event: Event, texts: list[str]) -> str:
    """Why the coded target is not in the gold target text: the gold names a place (a
    location mention: our actors are no places), nobody the actors stage resolved (a capitalised
    word in it: "named", else "generic"), the target of another event of the sentence (the top
    event is not the gold's), else "no target" or "wrong target"."""
    body = untokenized(article.body)
    golds = [untokenized(t) for t in texts if t]
    spans = []
    for gold in golds:
        at = body.find(gold)
        if at >= 0:
            spans.append((at, at + len(gold)))
    inside = []  # mentions inside a gold span (offsets in the untokenized lower-case body)
    for m in article.mentions:
        at = body.find(untokenized(m.text))
        if at >= 0 and any(lo <= at < hi for lo, hi in spans):
            inside.append(m)
    types = {a.id: a.type for a in article.actors}
    if any(actor_in(article, e.target_actor, texts) for e in article.events):
        return "another event's target"
    if inside and all(types.get(m.actor_id) == "location" for m in inside):
        return "a place"
    if not inside:
        named = any(w[:1].isupper() for t in texts for w in t.split()[1:])
        return "unresolved (named)" if named else "unresolved (generic)"
    return "no target" if event.target_actor is None else "wrong target"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--gazetteer", action="store_true",
                    help="use the hand-made test gazetteer instead of the actors stage")
    ap.add_argument("--half", choices=("dev", "heldout", "all"), default="all",
                    help="score one fixed half of the rows (CRC-32 of the row id)")
    ap.add_argument("--diagnose", action="store_true", help="count the target misses by kind")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found: put ../shared beside the repository")
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    if args.half != "all":
        rows = [r for r in rows if half_of(r["id"]) == args.half]
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
    n = len(rows)
    print(f"actors: {'real stage' if use_real else 'test gazetteer'}; half: {args.half};"
          f" sentences: {n}; {elapsed:.1f}s")
    scores = score(rows, articles)
    report(scores)
    if args.half == "all":
        for half in ("dev", "heldout"):
            part = [(r, a) for r, a in zip(rows, articles, strict=True) if half_of(r["id"]) == half]
            got = score([r for r, _ in part], [a for _, a in part])
            print(f"  {half:8s} ({len(part)} rows): coverage {got['coverage']:.3f}, accuracy"
                  f" where covered {got['accuracy']:.3f}, source {got['source']:.3f},"
                  f" target {got['target']:.3f}")
    if args.diagnose:
        print("target misses by kind (covered rows that give a target text):")
        for kind, count in scores["misses"].most_common():
            print(f"  {kind}: {count}")


def score(rows: list[dict[str, Any]], articles: list[Article]) -> dict[str, Any]:
    covered = right = src_ok = tgt_ok = src_n = tgt_n = 0
    confusion: Counter[tuple[int, int | None]] = Counter()
    misses: Counter[str] = Counter()
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
            hit = actor_in(article, events[0].target_actor, tgt_text)
            tgt_ok += hit
            if tgt_text and not hit:
                misses[miss_kind(article, events[0], tgt_text)] += 1
            src_n += bool(src_text)  # many rows give no source/target text at all
            tgt_n += bool(tgt_text)
    n = max(len(rows), 1)
    return {"n": len(rows), "covered": covered, "coverage": covered / n,
            "accuracy": right / max(covered, 1), "accuracy_all": right / n,
            "src_ok": src_ok, "src_n": src_n, "source": src_ok / max(src_n, 1),
            "tgt_ok": tgt_ok, "tgt_n": tgt_n, "target": tgt_ok / max(tgt_n, 1),
            "confusion": confusion, "misses": misses}


def report(got: dict[str, Any]) -> None:
    covered = max(got["covered"], 1)
    print(f"coverage (sentences with an event): {got['coverage']:.3f}")
    print(f"penta-class accuracy where covered:  {got['accuracy']:.3f}")
    print(f"penta-class accuracy over all:       {got['accuracy_all']:.3f}")
    print(f"source actor inside gold source text: {got['src_ok'] / covered:.3f} of covered,"
          f" {got['source']:.3f} of the {got['src_n']} covered rows that give a source text")
    print(f"target actor inside gold target text: {got['tgt_ok'] / covered:.3f} of covered,"
          f" {got['target']:.3f} of the {got['tgt_n']} covered rows that give a target text")
    print("confusion (gold -> predicted: count):")
    for gold in range(5):
        cells = ", ".join(f"{p}:{c}" for (g, p), c in sorted(got["confusion"].items(), key=str)
                          if g == gold)
        print(f"  {gold} -> {cells}")


if __name__ == "__main__":
    main()
