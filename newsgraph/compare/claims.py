"""Claims comparison: per incident and per quantity, which sources assert, deny or hedge it,
and with which persuasion techniques around it (techniques in the evidence sentence)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .duplicates import CopyLinks
from .features import Features

STANCE = {"asserted": "asserts", "negated": "denies", "hypothetical": "hedges",
          "planned": "hedges"}


def incident_claims(incident: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per independent source (its copies folded in)."""
    by_source: dict[str, dict[str, Any]] = {}
    for ev in incident["evidence"]:
        entry = by_source.setdefault(ev["source"], {
            "source": ev["source"], "outlets": set(), "articles": set(), "stances": set(),
            "techniques": set(), "claimed_by": set(), "copies": set()})
        entry["articles"].add(ev["article_id"])
        if ev["outlet"]:
            entry["outlets"].add(ev["outlet"])
        entry["stances"].add(STANCE.get(ev["status"], "hedges"))
        entry["techniques"].update(ev.get("techniques", []))
        if ev.get("claimed_by"):
            entry["claimed_by"].add(ev["claimed_by"])
        if ev["copy"]:
            entry["copies"].add(ev["article_id"])
    out = []
    for entry in by_source.values():
        stances = entry.pop("stances")
        # a source that both asserts and hedges the same happening is hedging it
        stance = ("denies" if stances == {"denies"} else "asserts" if stances == {"asserts"}
                  else "hedges")
        out.append({**{k: sorted(v) for k, v in entry.items() if k != "source"},
                    "source": entry["source"], "stance": stance})
    return sorted(out, key=lambda e: e["source"])


def quantity_claims(features: Iterable[Features], links: CopyLinks) -> list[dict[str, Any]]:
    """Figures with the same unit and subject across sources; ``agree`` says whether all
    independent sources give the same value. Only figures two or more sources report."""
    groups: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    texts: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for f in features:
        for q in f.quantities:
            subject = (q.get("subject") or "").strip().casefold()
            if not subject or q.get("value") is None:
                continue
            key = (q.get("unit") or "", subject)
            value = f"{q['value']:g}"
            groups[key][value].add(links.source_of(f.id))
            texts[key].setdefault(value, q.get("text", ""))
    out = []
    for (unit, subject), values in groups.items():
        sources = {s for v in values.values() for s in v}
        if len(sources) < 2:
            continue
        out.append({"unit": unit or None, "subject": subject,
                    "values": {v: sorted(s) for v, s in sorted(values.items())},
                    "texts": texts[(unit, subject)], "sources": sorted(sources),
                    "agree": len(values) == 1})
    return sorted(out, key=lambda c: (c["agree"], -len(c["sources"]), c["subject"]))
