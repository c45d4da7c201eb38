"""Sniff a file's format from its bytes and read it into RawDocuments.

(Foundation version: text, HTML and JSONL; the ingest work extends this module.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..models import RawDocument, SourceRef
from .discover import MAX_BYTES


def sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith(b"{") and b"\n" in data.strip() or head.startswith(b'{"'):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "html"
    return "text"


def read_file(path: Path) -> Iterator[RawDocument | InputError]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield InputError(str(path), f"file is {size // 2**20} MB, over the {MAX_BYTES // 2**20}"
                             " MB limit for one input", "split it (JSONL, one article per line)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read ({exc.strerror})", "check permissions")
        return
    yield from read_bytes(data, SourceRef(uri=str(path), format=sniff(data)))


def read_bytes(data: bytes, source: SourceRef) -> Iterator[RawDocument | InputError]:
    fmt = sniff(data) if source.format in ("", "text") else source.format
    if not data.strip():
        yield InputError(source.uri, "file is empty", "remove it from the input")
        return
    text = data.decode("utf-8", errors="replace")
    if fmt == "jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(f"{source.uri}:{n}", f"line is not JSON ({exc.msg})",
                                 "fix or delete that line")
                continue
            body = rec.get("html") or rec.get("text")
            if not isinstance(body, str) or not body.strip():
                yield InputError(f"{source.uri}:{n}", "record has no 'text' or 'html'",
                                 "add the article text under 'text'")
                continue
            authors = rec.get("authors") or ()
            yield RawDocument(
                source=SourceRef(uri=source.uri, format="jsonl",
                                 id=str(rec["id"]) if rec.get("id") is not None else f"line{n}"),
                kind="html" if rec.get("html") else "text", content=body,
                title=rec.get("title"), published=rec.get("published"), outlet=rec.get("outlet"),
                url=rec.get("url"),
                authors=tuple(authors) if isinstance(authors, list) else (str(authors),))
        return
    yield RawDocument(source=SourceRef(uri=source.uri, format=fmt),
                      kind="html" if fmt == "html" else "text", content=text)
