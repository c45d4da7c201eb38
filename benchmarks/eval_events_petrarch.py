"""Dev benchmark: the event coder on PETRARCH's unit-test sentences (fictional states; not a gate).

Data: ``../shared/data/events/petrarch_unit_records.jsonl`` (third-party, MIT, read at run time
only): 265 synthetic sentences about invented states ("Arnor", "Gondor", "Osgiliath") with
PETRARCH validation CAMEO codes and actor codes ("ARN", "GONMIL", "---GOV"). The codes are the
validation suite's, and some are not real CAMEO (roots such as 22, 34, 80, 90, 91): those
events count for coverage but not for the type. Gold CAMEO codes map to PLOVER types with
``../shared/data/events/cameo2plover.json``.

Reported: coverage (sentences with a gold event that get at least one event), false positives
(sentences without a gold event that get one), type accuracy (a gold event whose PLOVER type is
among the sentence's coded types, over gold events with a real CAMEO code), and the dyad: a
coded actor "is" a gold actor code when the first three letters of one of its mention words are
the code's first three letters (ARN = Arnor, GON = Gondor; approximate: the data's own
country codes are made up).

Usage: python3 benchmarks/eval_events_petrarch.py [--gazetteer] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "events"))

from events_runner import EventRunner, article_for  # noqa: E402

from newsgraph.models import Article, Event  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "events"


def plover_of(code: str, table: dict[str, dict[str, object]]) -> str | None:
    for n in (len(code), 3, 2):
        row = table.get(code[:n])
        if row and row.get("plover"):
            return str(row["plover"])
    return None


def codes_of(article: Article, actor_id: str | None) -> set[str]:
    if actor_id is None:
        return set()
    return {w[:3].upper() for m in article.mentions if m.actor_id == actor_id
            for w in m.text.replace("'s", "").split() if len(w) >= 3}


def dyad_hit(article: Article, event: Event, gold: dict[str, list[str]]) -> tuple[bool, bool]:
    src = {c[:3] for c in gold["source"]}
    tgt = {c[:3] for c in gold["target"]}
    s = bool(src & codes_of(article, event.source_actor)) if src else event.source_actor is None
    t = bool(tgt & codes_of(article, event.target_actor)) if tgt else event.target_actor is None
    return s, t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", action="store_true")
    ap.add_argument("--misses", action="store_true", help="print sentences missed")
    args = ap.parse_args()
    path = DATA / "petrarch_unit_records.jsonl"
    if not path.exists():
        sys.exit(f"{path} not found: put ../shared beside the repository")
    table = json.loads((DATA / "cameo2plover.json").read_text())["mapping"]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    runner = EventRunner(use_real_actors=not args.gazetteer)
    articles = runner.run([article_for(r["text"], published=r.get("date") or "2000-01-01",
                                       ident=r["id"]) for r in rows])
    with_gold = covered = negatives = fps = typed = type_ok = src_ok = tgt_ok = 0
    why: Counter[str] = Counter()
    for row, article in zip(rows, articles, strict=True):
        golds = row["events"]
        if not golds:
            negatives += 1
            fps += bool(article.events)
            continue
        with_gold += 1
        covered += bool(article.events)
        types = {e.type for e in article.events}
        for g in golds:
            want = plover_of(g["code"], table)
            if want is None:
                continue
            typed += 1
            same = [e for e in article.events if e.type == want]
            if not same:
                why["no event" if not article.events else "other type"] += 1
                if args.misses:
                    print(f"TYPE want {want} ({g['code']}) got {sorted(types)}: {row['text']}")
                continue
            type_ok += 1
            best = max(same, key=lambda e: sum(dyad_hit(article, e, g)))
            s, t = dyad_hit(article, best, g)
            src_ok += s
            tgt_ok += t
            if args.misses and not (s and t):
                print(f"ARGS want {g['source']}>{g['target']} got {best.source_actor}>"
                      f"{best.target_actor}: {row['text']}")
    print(f"actors: {'test gazetteer' if args.gazetteer else 'real stage'}; sentences {len(rows)}"
          f" ({with_gold} with gold events, {negatives} without)")
    print(f"coverage: {covered / max(with_gold, 1):.3f}; false positives: "
          f"{fps}/{negatives}")
    print(f"type right: {type_ok / max(typed, 1):.3f} of {typed} gold events with a real CAMEO code"
          f" (misses: {dict(why)})")
    print(f"source right where typed: {src_ok / max(type_ok, 1):.3f}; target: "
          f"{tgt_ok / max(type_ok, 1):.3f}")


if __name__ == "__main__":
    main()
