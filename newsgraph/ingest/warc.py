"""WARC / WARC.gz crawl dumps: each HTML response (or resource) record becomes a document.

Records that are not HTML pages (images, scripts, PDFs, redirects, errors) are skipped with
one note each naming the record and its URL; request/metadata/warcinfo records carry no
article and are passed over silently.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..models import RawDocument, SourceRef
from .decode import decode
from .sniff import sniff

MAX_RECORD = 20 * 1024 * 1024


def read_warc(data: bytes, source: SourceRef) -> Iterator[RawDocument | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):  # noqa: B007
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source.uri}#record{n}" + (f" ({url})" if url else "")
            rid = record.rec_headers.get_header("WARC-Record-ID") or f"record{n}"
            status, ctype, charset = _http_info(record)
            if status is not None and not 200 <= status < 300:
                yield InputError(where, f"record is an HTTP {status} response, not a page",
                                 "nothing to do: skipped")
                continue
            body = record.content_stream().read(MAX_RECORD + 1)
            if len(body) > MAX_RECORD:
                yield InputError(where, "record is over 20 MB", "skipped; not an article page")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # bytes promised but not there
                yield InputError(where, "WARC is truncated inside this record",
                                 "the records before it were read; re-download the archive")
                return
            kind = sniff(body)
            if kind != "html" or (ctype and "html" not in ctype and "xml" not in ctype):
                what = ctype or kind
                yield InputError(where, f"record is {what}, not an HTML page",
                                 "skipped; only HTML pages in a WARC are read as articles")
                continue
            yield RawDocument(source=SourceRef(uri=source.uri, format="warc", id=rid),
                              kind="html", content=decode(body, _codec(charset)),
                              url=url or None)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield InputError(f"{source.uri}#record{n + 1}",
                         f"WARC is damaged or truncated after record {n} ({exc})",
                         "the records before it were read; re-download the archive for the rest")


def _http_info(record: Any) -> tuple[int | None, str, str | None]:
    headers = getattr(record, "http_headers", None)
    if headers is None:  # a resource record: the WARC header has the type
        ctype = record.rec_headers.get_header("Content-Type") or ""
        return None, ctype.lower(), _charset(ctype)
    try:
        status = int(headers.get_statuscode() or "0")
    except ValueError:
        status = None
    ctype = (headers.get_header("Content-Type") or "").lower()
    return status, ctype.split(";")[0].strip(), _charset(ctype)


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def _codec(name: str | None) -> str | None:
    import codecs

    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
