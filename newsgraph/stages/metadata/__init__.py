"""Title, authors, dates, outlet and the republication chain, each with its evidence span.

Reads the lines the cleaner removed as metadata (``article.removed``: title, byline,
dateline, republication note, copyright, banner ...) and resolves them:

- ``outlet`` is the site this copy is from (a dateline, banner or domain at the top, a
  copyright line); ``original_outlet`` the first publisher when the text names one
  ("originally published on X", or a trailing source line naming another outlet);
  ``republished_by`` is the outlet when the copy is a republication.
- ``published`` is the copy's date (a dated byline or dateline at the top), else the trailing
  source line's date; ``original_published`` the source line's date when it differs.
- Numeric dates (``12.02.2020``) are read in the order that agrees best with the other dates
  in the article; without any, day-first for ``.`` and month-first for ``/``.

Values already set (by the input record or HTML meta) are never overridden.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from ...models import Article, FieldEvidence, Removal
from ...pipeline import stage
from ..cleaning.atoms import date_candidates, text_dates
from ..cleaning.rules import METADATA_REASONS
from .outlets import REGISTRY
from .readers import Candidate, read

__all__ = ["REGISTRY", "metadata", "read_metadata"]


def _zones(raw: str, removed: tuple[Removal, ...]) -> list[str]:
    """head = removals before any kept text, tail = after all kept text, else body."""
    zones = ["body"] * len(removed)
    pos = 0
    for i, r in enumerate(removed):
        if raw[pos:r.start].strip():
            break
        zones[i] = "head"
        pos = max(pos, r.end)
    pos = len(raw)
    for i in range(len(removed) - 1, -1, -1):
        r = removed[i]
        if raw[r.end:pos].strip() or zones[i] == "head":
            break
        zones[i] = "tail"
        pos = min(pos, r.start)
    return zones


def _canonical(name: str) -> str:
    return REGISTRY.lookup(name) or name


def _pick_date(cands: list[Candidate], refs: list[date],
               text: str = "") -> tuple[Candidate, date] | None:
    """The first candidate that reads as a date; an ambiguous one (``04/05/2022``) is read
    the way that lies closest to the article's other dates (metadata first, else the text)."""
    for c in cands:
        options = date_candidates(c.value)
        if not options:
            continue
        if len(options) > 1 and not refs and text:
            refs = text_dates(text)
        if len(options) > 1 and refs:
            best = min(options, key=lambda d: min(abs((d - r).days) for r in refs))
            return c, best
        return c, options[0]
    return None


def _weak_outlet(article: Article) -> bool:
    """An outlet that is only the page's domain (origin ``url``) may be replaced by a name."""
    return bool(article.outlet) and any(
        e.field == "outlet" and e.origin == "url" for e in article.provenance)


def read_metadata(article: Article) -> dict[str, tuple[object, list[Candidate]]]:
    """Resolved values with the candidates that support them (field -> (value, evidence))."""
    removed = tuple(r for r in article.removed if r.reason in METADATA_REASONS)
    zones = _zones(article.raw, article.removed)
    zone_of = {id(r): z for r, z in zip(article.removed, zones, strict=True)}
    cands = [c for r in removed for c in read(r, zone_of[id(r)])]
    by_kind: dict[str, list[Candidate]] = {}
    for c in cands:
        by_kind.setdefault(c.kind, []).append(c)

    out: dict[str, tuple[object, list[Candidate]]] = {}
    if "title" in by_kind:
        out["title"] = (by_kind["title"][0].value, by_kind["title"][:1])

    authors: list[Candidate] = []
    for kind in ("author", "bio_author"):
        for c in by_kind.get(kind, ()):
            if kind == "bio_author" and authors:
                break
            if c.value.casefold() not in {a.value.casefold() for a in authors}:
                authors.append(c)
        if authors:
            break
    if authors:
        out["authors"] = (tuple(a.value for a in authors), authors)

    # the copy's own site, strongest evidence first
    site = next((c for kind in ("site", "banner", "banner_name", "site_note", "copyright_site",
                                 "domain")
                 for c in by_kind.get(kind, ()) if kind != "site" or c.zone != "tail"), None)
    source_line = next(iter(by_kind.get("source_line", ())), None)
    origin = next(iter(by_kind.get("origin", ())), None)
    if origin is None and source_line is not None and site is not None \
            and _canonical(source_line.value) != _canonical(site.value):
        origin = source_line
    if site is None and source_line is not None and origin is None:
        site = source_line
    given = None if _weak_outlet(article) else article.outlet
    outlet = given or (_canonical(site.value) if site else None)
    if site and not given:
        out["outlet"] = (outlet, [site])
    elif not site and article.outlet and given is None:
        # only the domain is known: the registry may know the outlet's name
        outlet = REGISTRY.lookup(article.outlet.removeprefix("www.")) or article.outlet
        if outlet != article.outlet:
            out["outlet"] = (outlet, [])
    if origin is not None and _canonical(origin.value) != outlet:
        out["original_outlet"] = (_canonical(origin.value), [origin])
        if outlet:
            out["republished_by"] = (outlet, [site] if site else [])

    dates = by_kind.get("date", [])
    head_dates = [c for c in dates if c.zone != "tail"]
    tail_dates = [c for c in dates if c.zone == "tail"] + by_kind.get("origin_date", [])
    refs = [opts[0] for c in dates + by_kind.get("origin_date", [])
            if len(opts := date_candidates(c.value)) == 1]
    published = (_pick_date(head_dates, refs, article.body)
                 or _pick_date(tail_dates, refs, article.body))
    if published:
        out["published"] = (published[1].isoformat(), [published[0]])
        original = _pick_date([c for c in tail_dates if c is not published[0]], refs,
                              article.body)
        if original and original[1] != published[1] and "original_outlet" in out:
            out["original_published"] = (original[1].isoformat(), [original[0]])
    return out


_FIELDS = ("title", "authors", "published", "outlet", "original_outlet", "republished_by",
           "original_published")


@stage("metadata", "2", requires={"raw", "body", "removed"},
       provides={"title", "authors", "published", "outlet", "original_outlet",
                 "republished_by", "original_published", "provenance"})
def metadata(article: Article) -> Article:
    found = read_metadata(article)
    changes: dict[str, object] = {}
    evidence = list(article.provenance)
    weak = _weak_outlet(article)
    for name in _FIELDS:
        if name not in found or getattr(article, name) and not (name == "outlet" and weak):
            continue  # set by the input or HTML meta: theirs wins
        value, support = found[name]
        changes[name] = value
        if not support:
            evidence.append(FieldEvidence(field=name, value=str(value), origin="rule"))
        if name == "authors":
            evidence += [FieldEvidence(field="authors", value=c.value, start=c.start, end=c.end)
                         for c in support]
        else:
            for c in support[:1]:
                evidence.append(FieldEvidence(field=name, value=str(value), start=c.start,
                                              end=c.end))
    return dataclasses.replace(article, **changes, provenance=tuple(evidence))  # type: ignore[arg-type]
