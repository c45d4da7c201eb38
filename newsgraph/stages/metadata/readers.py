"""Read metadata candidates out of the lines the cleaner removed (bylines, datelines,
republication notes, copyright lines, banners). Each candidate keeps its span in ``raw``.

The cleaner decided *that* a line is a byline; these patterns read *what* it says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...models import Removal
from ..cleaning.atoms import DATE, NAME, NAMES, OUTLET
from ..cleaning.markup import strip
from .outlets import REGISTRY

_SEP = r"\s*[,|•·–—-]?\s*"
_BY = re.compile(
    rf"^(?:by|written by|words by|authors?|reporting by|text by|von|par|por|автор)\s*:?\s+"
    rf"(?P<names>{NAMES})(?:{_SEP}(?:(?P<outlet>{OUTLET}){_SEP})??(?P<date>{DATE}))?"
    rf"(?:{_SEP}(?P<outlet2>{OUTLET}))?(?:\s*[|•·]\s*[^|•·]{{1,40}})*\s*\.?$", re.I)
_WHO_DATE = re.compile(
    rf"^(?P<who>{NAMES}|{OUTLET}){_SEP}(?:(?P<outlet>{OUTLET}){_SEP})??(?P<date>{DATE})\s*\.?$",
    re.I)
_DATE_WHO = re.compile(rf"^(?P<date>{DATE})\s*[|•·–—-]\s*(?:by\s+)?(?P<names>{NAMES})\s*$", re.I)
_DATE = re.compile(DATE, re.I)
_PREFIX = re.compile(r"^(?:published|posted|updated|last updated|first published|date|dated"
                     r"|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado"
                     r"|опубликовано|обновлено)\b", re.I)
_NAMES_ONLY = re.compile(rf"(?P<names>{NAMES})")
_LABEL = re.compile(r"^\s*(?:from|source)\s*:\s*(?P<name>.+?)\s*\.?\s*$", re.I)
_MASTHEAD = re.compile(r"^\s*(?P<name>[^·|•]+?)\s+[·|•–—]\s+(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?\s*$")
_ARTICLES_BY = re.compile(rf"\bby\s*:?\s+(?P<names>{NAMES})", re.I)
_ORIGIN = re.compile(
    r"(?:published|posted|appeared)\s+(?:(?:on|in|at|by)\s+)(?P<outlet>.+?)"
    rf"(?:,?\s+on\s+(?P<date>{DATE}))?\s*[.!]?$"
    r"|(?:republished|reprinted|reposted|cross-?posted)\s+(?:from|with\s+permission\s+(?:from|of)"
    r"|courtesy\s+of|by\s+permission\s+of)\s+(?P<outlet2>.+?)\s*[.!]?$"
    r"|^(?:source|via|from)\s*:\s*(?P<outlet3>.+?)\s*\.?$", re.I)
_SITE_NOTE = re.compile(r"^the\s+original\s+source\s+of\s+this\s+article\s+is\s+(?P<site>.+?)\.?$",
                        re.I)
_COPYRIGHT = re.compile(
    r"^(?:copyright|\(c\)|©)\s*(?:©\s*)?(?:\d{4}(?:\s*[–-]\s*\d{4})?\s*[,-]?\s*)?(?P<holders>.+?)"
    r"(?:[.,]?\s*all\s+rights\s+reserved)?(?:,?\s*\d{4}(?:\s*[–-]\s*\d{4})?)?\s*\.?$", re.I)
_BIO = re.compile(rf"^(?:(?:dr|prof|professor|mr|mrs|ms)\.?\s+)?(?P<name>{NAME})"
                  r"\s+(?:is|was|has\s+been)\b", re.I)
_NAME = re.compile(NAME)
_TRIM = " .,;:|\"“”'’()[]"


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str  # title | author | date | site | origin | source_line
    value: str
    start: int  # offsets in raw
    end: int
    zone: str  # head | body | tail
    reason: str


def _span(sub: str, m: re.Match[str] | None, group: str) -> tuple[str, int, int] | None:
    if m is None or m.group(group) is None:
        return None
    s, e = m.span(group)
    value = sub[s:e]
    lead = len(value) - len(value.lstrip(_TRIM))
    value = value.strip(_TRIM)
    return (value, s + lead, s + lead + len(value)) if value else None


def read(removal: Removal, zone: str) -> Iterator[Candidate]:
    """Metadata candidates in one removed line (offsets mapped back to ``raw``)."""
    stripped = strip(removal.text)
    text = stripped.text

    def make(kind: str, hit: tuple[str, int, int] | None) -> Candidate | None:
        if hit is None:
            return None
        value, s, e = hit
        return Candidate(kind, value, removal.start + stripped.to_raw(s),
                         removal.start + stripped.to_raw_end(e), zone, removal.reason)

    found: list[Candidate | None] = []
    reason = removal.reason
    if reason == "title":
        found.append(make("title", (text.strip(), 0, len(text.strip()))))
    elif reason in ("byline", "dateline"):
        m = _BY.match(text)
        if m is None and (p := _PREFIX.match(text)) is not None:
            m2 = _DATE.search(text, p.end())  # "Published June 18, 2022 · Updated ...": first
            if m2:
                found.append(make("date", (m2.group(), m2.start(), m2.end())))
        elif m:
            found += _names(make, text, m)
            found.append(make("date", _span(text, m, "date")))
            found.append(make("site", _span(text, m, "outlet") or _span(text, m, "outlet2")))
        elif (m := _DATE_WHO.match(text)) is not None:  # "21.12.2019 14:35 | Owen Mitchell"
            found += _names(make, text, m)
            found.append(make("date", _span(text, m, "date")))
        elif (m := _WHO_DATE.match(text)) is not None:
            who = _span(text, m, "who")
            if who and REGISTRY.looks_like_outlet(who[0]) or zone == "tail":
                found.append(make("site" if zone != "tail" else "source_line", who))
            elif who:
                found += _names(make, text, m, "who")
            found.append(make("site", _span(text, m, "outlet")))
            found.append(make("date", _span(text, m, "date")))
        elif (m := _NAMES_ONLY.fullmatch(text)) is not None:
            found += _names(make, text, m)
        elif (m := _DATE.search(text)) is not None:
            found.append(make("date", (m.group(), m.start(), m.end())))
    elif reason == "outlet_line":  # "Politico Europe", "From: Northern Watch"
        label = _LABEL.match(text)
        found.append(make("source_line" if zone == "tail" else "site",
                          _whole(text) if label is None else _span(text, label, "name")))
    elif reason == "articles_by":
        found += _names(make, text, _ARTICLES_BY.search(text))
    elif reason == "author_bio":
        found.append(make("bio_author", _span(text, _BIO.match(text), "name")))
    elif reason == "republication_note":
        site = _SITE_NOTE.match(text)
        if site:
            found.append(make("site_note", _span(text, site, "site")))
        else:
            m = _ORIGIN.search(text)
            found.append(make("origin", _span(text, m, "outlet") or _span(text, m, "outlet2")
                              or _span(text, m, "outlet3")))
            found.append(make("origin_date", _span(text, m, "date")))
    elif reason == "copyright":
        m = _COPYRIGHT.match(text)
        hit = _span(text, m, "holders")
        if hit:
            pos = hit[1]
            for part in hit[0].split(","):
                lead = len(part) - len(part.lstrip())
                if REGISTRY.lookup(part):
                    found.append(make("copyright_site", (part.strip(), pos + lead,
                                                         pos + lead + len(part.strip()))))
                pos += len(part) + 1
    if reason in ("url_line", "foreign_script", "site_banner", "menu", "fair_use",
                  "contact_line", "copyright", "disclaimer"):
        kind = "banner" if zone == "head" else "domain"
        for name, s, e in REGISTRY.domains_in(text) + REGISTRY.banners_in(text):
            found.append(make(kind, (name, s, e)))
        if reason == "site_banner" and REGISTRY.lookup(text):
            found.append(make(kind, (text.strip(), 0, len(text.strip()))))
        elif reason == "site_banner" and zone == "head" and (m := _MASTHEAD.match(text)):
            found.append(make("banner_name", _span(text, m, "name")))  # "Name · www.name.org"
        elif reason == "site_banner" and zone == "head" and any(c.islower() for c in text):
            found.append(make("banner_name", _whole(text)))  # an unregistered masthead
    yield from (c for c in found if c is not None)


def _whole(text: str) -> tuple[str, int, int]:
    value = text.strip(_TRIM + "–—- ")
    start = text.find(value)
    return value, start, start + len(value)


Maker = Callable[[str, "tuple[str, int, int] | None"], "Candidate | None"]


def _names(make: Maker, text: str, m: re.Match[str] | None,
           group: str = "names") -> list[Candidate | None]:
    if m is None or m.group(group) is None:
        return []
    base = m.start(group)
    out: list[Candidate | None] = []
    for n in _NAME.finditer(m.group(group)):
        if not REGISTRY.lookup(n.group()):
            out.append(make("author", (n.group(), base + n.start(), base + n.end())))
        else:
            out.append(make("site", (n.group(), base + n.start(), base + n.end())))
    return out
