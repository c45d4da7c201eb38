"""Read one file (or pasted string) into RawDocuments, dispatching on the sniffed format.

Every failure is an ``InputError`` value naming the file (and line or record) and what to
do; nothing raises, so one bad input never stops the batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..models import RawDocument, SourceRef
from .decode import decode
from .sniff import gunzip, sniff

MAX_BYTES = 50 * 1024 * 1024  # one input file larger than this is refused, not loaded

__all__ = ["MAX_BYTES", "read_bytes", "read_file", "sniff"]


def read_file(path: Path) -> Iterator[RawDocument | InputError]:
    where = str(path)
    try:
        if path.is_symlink() and not path.exists():
            yield InputError(where, "broken symbolic link",
                             "point the link at an existing file or remove it")
            return
        if not path.exists():
            yield InputError(where, "file not found", "check the path")
            return
        if not path.is_file():
            yield InputError(where, "not a regular file (a device, pipe or socket)",
                             "pass files or folders of files")
            return
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield InputError(where, f"file is {size / 2**20:.0f} MB, over the"
                             f" {MAX_BYTES // 2**20} MB limit for one input",
                             "split it (e.g. JSONL with one article per line, or one file"
                             " per article)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(where, f"cannot read the file ({exc.strerror or exc})",
                         "check its permissions (you must be allowed to read it)")
        return
    yield from read_bytes(data, where)


def read_bytes(data: bytes, uri: str, *, depth: int = 0) -> Iterator[RawDocument | InputError]:
    fmt = sniff(data)
    source = SourceRef(uri=uri, format=fmt)
    if fmt == "empty":
        yield InputError(uri, "file is empty",
                         "remove it from the input or paste the article into it")
    elif fmt.startswith("binary"):
        kind = fmt.partition(":")[2]
        yield InputError(uri, f"not a readable article: the file is {kind or 'binary data'}",
                         "give text, HTML, PDF, JSONL, RSS/Atom or WARC files (convert office"
                         " documents to PDF or text first)")
    elif fmt == "gzip":
        if depth:
            yield InputError(uri, "nested gzip", "decompress the file first")
            return
        try:
            inner = gunzip(data, MAX_BYTES)
        except (ValueError, EOFError, OSError) as exc:
            yield InputError(uri, f"gzip file cannot be decompressed ({exc})",
                             "re-download it or decompress it yourself and check the result")
            return
        yield from read_bytes(inner, uri, depth=depth + 1)
    elif fmt == "pdf":
        from .pdf import read_pdf

        yield from read_pdf(data, source)
    elif fmt == "warc":
        from .warc import read_warc

        yield from read_warc(data, source)
    elif fmt == "feed":
        from .feeds import read_feed

        yield from read_feed(data, source)
    elif fmt == "jsonl":
        from .jsonl import read_jsonl

        yield from read_jsonl(decode(data), source)
    else:
        text = decode(data)
        if not text.strip():
            yield InputError(uri, "file has no text", "remove it from the input")
            return
        yield RawDocument(source=source, kind="html" if fmt == "html" else "text", content=text)
