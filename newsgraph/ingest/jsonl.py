"""JSONL: one article per line — ``text`` or ``html``; optional id, title, published, outlet,
url, authors."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Literal

from ..errors import InputError
from ..models import RawDocument, SourceRef
from .decode import repair
from .fields import authors_of, clean_str, iso_date
from .html import fragment_text

_PAGE = re.compile(r"<(?:html|body|!doctype)[\s>]", re.I)


def read_jsonl(text: str, source: SourceRef) -> Iterator[RawDocument | InputError]:
    lines = text.split("\n")
    stripped = text.strip()
    # A single pretty-printed object (or an array of records) is accepted too: users export
    # "JSON" from tools that do not write one record per line.
    if len(lines) > 1 and stripped.startswith(("{", "[")) and not _is_json(lines[0]):
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError:
            whole = None
        if whole is not None:
            records = whole if isinstance(whole, list) else [whole]
            for n, rec in enumerate(records, 1):
                yield _record(rec, source, n, f"{source.uri}#record{n}")
            return
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source.uri}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"line {n} is not JSON ({exc.msg} at column {exc.colno})",
                             "fix or delete that line; each line must be one JSON object")
            continue
        yield _record(rec, source, n, where)


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
        return True
    except json.JSONDecodeError:
        return False


def _record(rec: Any, source: SourceRef, n: int, where: str) -> RawDocument | InputError:
    if not isinstance(rec, dict):
        return InputError(where, f"record is a JSON {type(rec).__name__}, not an object",
                          'write one object per line: {"text": "...", "title": "..."}')
    html, text = rec.get("html"), rec.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        return InputError(where, "record has no 'text' or 'html' string",
                          "put the article text under 'text' (or the page under 'html')")
    rid = rec.get("id")
    kind: Literal["text", "html"] = "html" if body is html else "text"
    if kind == "html" and not _PAGE.search(body[:4096]):
        # an HTML fragment (just the article's paragraphs) has no chrome to strip
        body, kind = fragment_text(body), "text"
    return RawDocument(
        source=SourceRef(uri=source.uri, format="jsonl",
                         id=str(rid) if rid is not None else f"line{n}"),
        kind=kind,
        content=repair(body),
        title=clean_str(rec.get("title")),
        authors=authors_of(rec.get("authors") or rec.get("author")),
        published=iso_date(rec.get("published") or rec.get("date")),
        outlet=clean_str(rec.get("outlet") or rec.get("source")),
        url=clean_str(rec.get("url")),
    )
