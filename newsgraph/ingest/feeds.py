"""RSS/Atom/RDF feed files: one document per item, its title/date/link/author as hints.

An item's HTML (content:encoded, Atom content, or summary) is the article itself, not a page
with navigation around it, so it is turned into text directly rather than sent through the
main-text extractor, which would drop short items as "no article"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..models import RawDocument, SourceRef
from .decode import repair
from .fields import authors_of, clean_str, iso_date
from .html import fragment_text

_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")


def read_feed(data: bytes, source: SourceRef) -> Iterator[RawDocument | InputError]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = "feed has no items"
        if parsed.get("bozo"):
            problem += f" (it is not well-formed: {parsed.get('bozo_exception')})"
        yield InputError(source.uri, problem, "check that the file is a complete RSS/Atom feed")
        return
    outlet = clean_str(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source.uri}#item{n}"
        content = _content(entry)
        if not content.strip():
            yield InputError(where, "feed item has no content or summary",
                             "the feed carries only links; save the linked pages and read them")
            continue
        rid = entry.get("id") or entry.get("link") or f"item{n}"
        text = fragment_text(content) if _TAG.search(content) else content
        yield RawDocument(
            source=SourceRef(uri=source.uri, format="feed", id=str(rid)),
            kind="text",
            content=repair(text),
            title=clean_str(entry.get("title")),
            authors=authors_of(entry.get("author") or [a.get("name") for a in
                                                       entry.get("authors", []) if a.get("name")]),
            # the date as written (its own time zone's day), not feedparser's UTC struct
            published=iso_date(entry.get("published") or entry.get("updated")) or iso_date(
                entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
            url=clean_str(entry.get("link")),
        )


def _content(entry: Any) -> str:
    """The fullest text the item has: content:encoded / Atom content, else the summary."""
    best = ""
    for part in entry.get("content", []) or []:
        value = part.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary

