"""Tell a file's format from its bytes (never from its suffix).

Formats: ``pdf``, ``warc`` (plain or gzipped), ``gzip`` (some other gzipped file), ``feed``
(RSS/Atom/RDF), ``jsonl``, ``html``, ``text``; and two refusals: ``empty`` and ``binary``
(with the name of the binary kind when it is a well-known one, e.g. ``binary:zip``).
"""

from __future__ import annotations

import re
import zlib

# Magic numbers of binary formats users drop into a folder by mistake; naming them makes
# the error message useful ("this is a Word/zip file", not "cannot decode").
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip (or .docx/.odt)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "old Microsoft Office document"),
    (b"7z\xbc\xaf", "7-zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "program (ELF)"),
    (b"SQLite format 3", "SQLite database"),
    (b"BZh", "bzip2 archive"),
)

_CONTROLS = bytes(range(9)) + bytes(range(14, 32))  # not tab/newline/CR/FF
_FEED = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.I)
_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title|article|div|p|section)"
                         rb"[\s>/]", re.I)
_HTML_TAGS = re.compile(rb"</(p|div|span|a|li|h[1-6]|article|section|td)>", re.I)


def _head_of_gzip(data: bytes, size: int = 4096) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], size)
    except zlib.error:
        return b""


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: not text in any encoding we read."""
    if not head:
        return False
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls / len(head) > 0.05


def sniff(data: bytes) -> str:
    if not data.strip():
        return "empty"
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if data[:2] == b"\x1f\x8b":
        inner = _head_of_gzip(data)
        return "warc" if inner.startswith(b"WARC/") else "gzip"
    if data.startswith(b"WARC/"):
        return "warc"
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            return "binary:" + name
    head = data[:8192]
    if looks_binary(head):
        return "binary"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text: sniff its decoded head
        from .decode import decode

        return sniff(decode(head[: len(head) // 2 * 2]).encode("utf-8"))
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{") and _first_line_is_object(start):
        return "jsonl"
    lowered = start[:2048].lower()
    if (lowered.startswith(b"<?xml") or lowered.startswith(b"<rss")
            or lowered.startswith(b"<feed")) and _FEED.search(head):
        return "feed"
    if _HTML_START.match(start):
        return "html"
    if re.search(rb"<!doctype\s+html|<html[\s>]|<body[\s>]", lowered):
        return "html"
    if len(_HTML_TAGS.findall(head)) >= 3 and start.startswith(b"<"):
        return "html"
    return "text"


def _first_line_is_object(start: bytes) -> bool:
    import json

    line = start.split(b"\n", 1)[0].strip()
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        # A pretty-printed single object is still JSON; a one-line record cut by the
        # 8 KB head is still JSONL — both are read (and reported) by the JSONL reader.
        return line.startswith(b'{"') or line == b"{"


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress at most ``limit`` bytes; raise ValueError when the content is larger."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(data, limit + 1)
    if len(out) > limit:
        raise ValueError("decompressed content is over the size limit")
    return out


__all__ = ["sniff", "looks_binary", "gunzip"]
