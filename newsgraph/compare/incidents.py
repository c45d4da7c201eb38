"""Incidents: events from different articles that are the same happening, merged.

Same happening = same PLOVER type and directed dyad, compatible dates (overlapping, or day
dates at most ``WINDOW_DAYS`` apart) and compatible places. Every piece of evidence is kept
with its article and source. Where independent sources disagree on the date, the status or a
number, the incident carries a ``conflicts`` entry listing who says what — nothing is averaged.
Copies of one original count as one source.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from ..models import STATUSES
from .duplicates import CopyLinks
from .features import Features

WINDOW_DAYS = 3  # day dates this close are one happening reported slightly differently
UNDATED_DAYS = 30  # an undated event is taken to lie in the month before publication
CANDIDATES = 16  # most recent incidents per (type, dyad) compared with a new event
_QUAD = json.loads(resources.files(__package__).joinpath("quad_classes.json").read_text("utf-8"))
QUAD: dict[str, str] = _QUAD["quad"]
QUAD_WEIGHT: dict[str, float] = _QUAD["weight"]


def interval(value: str | None) -> tuple[int, int] | None:
    """Ordinal day range of an ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www)."""
    if not value:
        return None
    try:
        if len(value) == 4:
            y = int(value)
            return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
        if "-W" in value:
            year, week = value.split("-W")
            d = date.fromisocalendar(int(year), int(week[:2]), 1)
            return d.toordinal(), d.toordinal() + 6
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1).toordinal(), nxt.toordinal() - 1
        d = date.fromisoformat(value[:10])
        return d.toordinal(), d.toordinal()
    except ValueError:
        return None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _nested(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


@dataclass
class Incident:
    type: str
    source_actor: str | None
    target_actor: str | None
    span: tuple[int, int]  # the narrowest date range any evidence gave
    explicit: bool  # whether ``span`` comes from a date in the text (not publication)
    location: str | None
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def accepts(self, span: tuple[int, int], explicit: bool, location: str | None) -> int | None:
        """Day gap to this incident if the event may be the same happening, else None."""
        if location and self.location and location.casefold() != self.location.casefold():
            return None
        gap = _gap(span, self.span)
        if gap == 0 or (explicit and self.explicit and gap <= WINDOW_DAYS):
            return gap
        return None

    def add(self, ev: dict[str, Any], span: tuple[int, int], explicit: bool) -> None:
        self.evidence.append(ev)
        self.location = self.location or ev.get("location")
        narrower = (span[1] - span[0]) < (self.span[1] - self.span[0])
        if (explicit and not self.explicit) or (explicit == self.explicit and narrower
                                                 and _gap(span, self.span) == 0):
            self.span, self.explicit = span, explicit


def _event_span(e: dict[str, Any], published: str | None) -> tuple[tuple[int, int], bool] | None:
    span = interval(e.get("date")) if e.get("date_source") != "publication" else None
    if span is not None:
        return span, True
    pub = interval(published)
    if pub is None:
        return None
    return (pub[0] - UNDATED_DAYS, pub[1]), False


def merge_incidents(features: Iterable[Features], links: CopyLinks) -> list[dict[str, Any]]:
    """Merged incidents in date order; ``features`` should come in date order."""
    incidents: list[Incident] = []
    by_key: dict[tuple[str, str | None, str | None], deque[int]] = defaultdict(
        lambda: deque(maxlen=CANDIDATES))
    for f in features:
        for e in f.events:
            got = _event_span(e, f.published)
            if got is None:
                continue
            span, explicit = got
            key = (e["type"], e.get("source"), e.get("target"))
            best, best_gap = -1, None
            for i in by_key[key]:
                g = incidents[i].accepts(span, explicit, e.get("location"))
                if g is not None and (best_gap is None or g < best_gap):
                    best, best_gap = i, g
            if best < 0:
                best = len(incidents)
                incidents.append(Incident(type=key[0], source_actor=key[1], target_actor=key[2],
                                          span=span, explicit=explicit,
                                          location=e.get("location")))
                by_key[key].append(best)
            ev = {"article_id": f.id, "event_idx": e["idx"], "outlet": f.outlet,
                  "published": f.published, "date": e.get("date"),
                  "date_source": e.get("date_source"), "status": e["status"],
                  "claimed_by": e.get("claimed_by"), "location": e.get("location"),
                  "start": e.get("start"), "end": e.get("end"), "text": e.get("text", ""),
                  "source": links.source_of(f.id), "copy": links.source_of(f.id) != f.id,
                  "techniques": e.get("techniques", []), "quantities": e.get("quantities", [])}
            incidents[best].add(ev, span, explicit)
    records = [_record(inc) for inc in incidents]
    records.sort(key=lambda r: (r["sort_key"], r["id"]))
    return records


def _record(inc: Incident) -> dict[str, Any]:
    first = inc.evidence[0]
    ident = hashlib.sha1(f"{inc.type}|{inc.source_actor}|{inc.target_actor}|"
                         f"{first['article_id']}|{first['event_idx']}".encode()).hexdigest()[:12]
    sources = sorted({ev["source"] for ev in inc.evidence})
    statuses: Counter[str] = Counter()
    for src in sources:  # one vote per independent source
        for s in {ev["status"] for ev in inc.evidence if ev["source"] == src}:
            statuses[s] += 1
    status = min(statuses, key=lambda s: (-statuses[s], STATUSES.index(s)
                                          if s in STATUSES else 9))
    explicit = [ev["date"] for ev in inc.evidence if ev["date"]
                and ev.get("date_source") != "publication"]
    best_date = min(explicit, key=lambda d: (-len(d), d)) if explicit else None
    if best_date is None:  # undated: the earliest report is the latest the happening can be
        best_date = min((ev["published"] for ev in inc.evidence if ev["published"]), default=None)
    quad = QUAD.get(inc.type)
    return {
        "id": "inc:" + ident, "type": inc.type, "quad": quad,
        "source_actor": inc.source_actor, "target_actor": inc.target_actor,
        "date": best_date, "date_source": "text" if explicit else "publication",
        "status": status, "location": inc.location,
        "articles": sorted({ev["article_id"] for ev in inc.evidence}),
        "sources": sources, "n_sources": len(sources),
        "outlets": sorted({ev["outlet"] for ev in inc.evidence
                           if ev["outlet"] and not ev["copy"]}),
        "evidence": inc.evidence, "conflicts": conflicts(inc.evidence),
        "sort_key": best_date or date.fromordinal(inc.span[0]).isoformat(),
    }


def conflicts(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Details on which independent sources disagree: dates, statuses, numbers.

    A detail is flagged when two sources each report a value the other does not (one source
    giving two figures, a source giving fewer figures, or copies of one text is no clash)."""
    out: list[dict[str, Any]] = []

    def flag(kind: str, said: list[tuple[str, str]], unit: str | None = None) -> None:
        per_source: dict[str, set[str]] = defaultdict(set)
        by_value: dict[str, set[str]] = defaultdict(set)
        for value, source in said:
            per_source[source].add(value)
            by_value[value].add(source)
        sets = list(per_source.values())
        if any(not (a <= b or b <= a) for a in sets for b in sets):
            item: dict[str, Any] = {"field": kind, "values": {
                k: sorted(v) for k, v in sorted(by_value.items())}}
            if unit:
                item["unit"] = unit
            out.append(item)

    flag("status", [(ev["status"], ev["source"]) for ev in evidence])
    dated = [(ev["date"], interval(ev["date"]), ev["source"]) for ev in evidence
             if ev["date"] and ev.get("date_source") != "publication"]
    spans = [(d, s, src) for d, s, src in dated if s is not None]
    # a coarser date that contains a finer one ("February" vs "7 February") is no clash
    if any(src != src2 and not _nested(s, s2)  # type: ignore[arg-type]
           for _, s, src in spans for _, s2, src2 in spans):
        flag("date", [(d, src) for d, _, src in spans])
    by_unit: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for ev in evidence:
        for q in ev.get("quantities", []):
            by_unit[q["unit"] or ""].append((f"{q['value']:g}", ev["source"]))
    for unit, said in sorted(by_unit.items()):
        flag("number", said, unit or None)
    return out
