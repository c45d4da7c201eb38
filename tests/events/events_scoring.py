"""Score coded events against gold sentences (used by the gate and the dev scripts).

Per gold event: the type is right when the sentence has a coded event of that type; among
those, the one with the best dyad is compared for source, target, status and claimer. The
symmetric types (a meeting, an agreement, cooperation, a clash) accept the dyad either way.

A gold actor is a surface text or a state's name. A coded actor matches it when (1) its name or
a mention's text is the gold text (``name_matches``), (2) one of its mentions, without a leading
article or possessive, is the gold text or ends with it ("the Iraqi troops", "thousands of
protesters" for "protesters"), or (3) the gold text names a state and the coded actor belongs
to that state (an official, a ministry, "Turkish troops" for "Turkey"), as PLOVER codes an
actor by its country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from events_gazetteer import name_matches

from newsgraph.models import Article, Event

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT"}
LEADING = re.compile(r"^(?:(?:the|a|an|its|their|his|her|our)\s+)+", re.IGNORECASE)


@lru_cache(maxsize=512)
def state_country(name: str) -> str | None:
    """ISO3 of the state a gold text names ("Russia", "Washington"), from the actors KB."""
    from newsgraph.stages.actors.kb import load_kb, norm

    kb = load_kb()
    for alias in kb.aliases.get(tuple(norm(t) for t in name.split()), []):
        entry = kb.entries.get(alias.value)
        if alias.kind in ("actor", "metonym", "seat") and entry is not None \
                and entry.type == "state":
            return entry.country
    return None


def _bare(text: str) -> str:
    return LEADING.sub("", text.strip().lower().replace("\u2019", "'"))


def actor_matches(actor_id: str | None, gold: str | None, article: Article) -> bool:
    if gold is None or actor_id is None:
        return gold is None and actor_id is None
    if name_matches(actor_id, gold, article):
        return True
    want = _bare(gold)
    for m in article.mentions:
        if m.actor_id == actor_id:
            text = _bare(m.text)
            if text == want or text.endswith(" " + want):
                return True
    actor = article.actor(actor_id)
    iso = state_country(gold)
    return bool(iso and actor is not None and actor.country == iso and actor.type != "location")


@dataclass
class Score:
    gold_events: int = 0
    type_hits: int = 0
    source_hits: int = 0
    target_hits: int = 0
    dyad_hits: int = 0
    status_hits: int = 0
    claim_hits: int = 0
    claims: int = 0
    negatives: int = 0
    false_positive_sentences: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self, name: str) -> float:
        den = self.type_hits if name in ("status",) else self.gold_events
        if name == "false_positive":
            return self.false_positive_sentences / self.negatives if self.negatives else 0.0
        if name == "claim":
            return self.claim_hits / self.claims if self.claims else 1.0
        return getattr(self, f"{name}_hits") / den if den else 0.0

    def summary(self) -> dict[str, float]:
        return {k: round(self.rate(k), 3) for k in
                ("type", "source", "target", "dyad", "status", "claim", "false_positive")}


def _dyad(event: Event, gold: dict[str, Any], article: Article) -> tuple[bool, bool]:
    s = actor_matches(event.source_actor, gold["source"], article)
    t = actor_matches(event.target_actor, gold["target"], article)
    if gold["type"] in SYMMETRIC and not (s and t):
        s2 = actor_matches(event.target_actor, gold["source"], article)
        t2 = actor_matches(event.source_actor, gold["target"], article)
        if s2 and t2:
            return True, True
    return s, t


def score(pairs: list[tuple[dict[str, Any], Article]]) -> Score:
    sc = Score()
    for gold, article in pairs:
        if not gold["events"]:
            sc.negatives += 1
            if article.events:
                sc.false_positive_sentences += 1
                sc.misses.append(f"FP {gold['id']}: {[e.type for e in article.events]}")
            continue
        for g in gold["events"]:
            sc.gold_events += 1
            same = [e for e in article.events if e.type == g["type"]]
            if not same:
                sc.misses.append(f"TYPE {gold['id']} want {g['type']} got "
                                 f"{[e.type for e in article.events]}: {gold['text']}")
                if g["claimed_by"]:
                    sc.claims += 1
                continue
            sc.type_hits += 1
            best = max(same, key=lambda e: (sum(_dyad(e, g, article)), e.status == g["status"]))
            s, t = _dyad(best, g, article)
            sc.source_hits += s
            sc.target_hits += t
            sc.dyad_hits += s and t
            sc.status_hits += best.status == g["status"]
            if not (s and t and best.status == g["status"]):
                sc.misses.append(
                    f"ARGS {gold['id']} want {g['source']}>{g['target']} {g['status']} got "
                    f"{best.source_actor}>{best.target_actor} {best.status}: {gold['text']}")
            if g["claimed_by"]:
                sc.claims += 1
                sc.claim_hits += actor_matches(best.claimed_by, g["claimed_by"], article)
    return sc
