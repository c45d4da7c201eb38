"""PDF → text page by page (pages joined by form feeds); the extract stage repairs it."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..models import RawDocument, SourceRef
from .decode import repair
from .fields import clean_str

MAX_PAGES = 500  # an article is short; a 2,000-page PDF is a book or a dump


def read_pdf(data: bytes, source: SourceRef) -> Iterator[RawDocument | InputError]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs every recoverable defect as a warning; the user gets one line from us instead
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == 0:
            yield InputError(source.uri, "PDF is password-protected",
                             "save an unprotected copy (or export its text) and read that")
            return
        if len(reader.pages) > MAX_PAGES:
            yield InputError(source.uri, f"PDF has {len(reader.pages)} pages, more than the"
                             f" {MAX_PAGES} an article can have",
                             "split it into one PDF per article")
            return
        pages = [_page_text(page) for page in reader.pages]
        info = _info(reader)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, IndexError,
            AttributeError, RecursionError) as exc:
        yield InputError(source.uri, f"PDF is damaged or truncated ({type(exc).__name__})",
                         "download or export the PDF again; if it opens in a viewer, save it"
                         " as text and read the .txt")
        return
    text = "\f".join(repair(p) for p in pages)
    if not text.replace("\f", "").strip():
        yield InputError(source.uri, "PDF has no text layer (a scan or images only)",
                         "run OCR on it (e.g. ocrmypdf) and read the result")
        return
    yield RawDocument(source=source, kind="pdf", content=text, **info)


_GAP = re.compile(r"\S {5,}\S")


def _page_text(page: Any) -> str:
    """Layout mode keeps the vertical gaps between paragraphs as blank lines, which the
    repair step needs; on multi-column pages it would interleave the columns line by line,
    so there the plain (content-order) text is used instead."""
    try:
        laid = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # pypdf's layout mode fails on some fonts; plain mode still works
        laid = ""
    lines = [ln.strip() for ln in laid.split("\n") if ln.strip()]
    if lines and sum(1 for ln in lines if _GAP.search(ln)) <= 0.2 * len(lines):
        text = "\n".join(ln.strip() for ln in laid.split("\n"))
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return page.extract_text() or ""


def _info(reader: object) -> dict[str, object]:
    """Title/author/date from the PDF info dictionary — used only as hints: many PDFs carry
    the producer's template title, so junk titles are dropped."""
    meta = getattr(reader, "metadata", None)
    if not meta:
        return {}
    out: dict[str, object] = {}
    title = clean_str(meta.get("/Title"))
    if title and len(title) > 8 and not title.lower().startswith(("microsoft word", "untitled")):
        out["title"] = title
    author = clean_str(meta.get("/Author"))
    if author and author.lower() not in ("anonymous", "unknown", "admin", "user"):
        out["authors"] = (author,)
    # /CreationDate is when the PDF was made (often a republisher's print), not when the
    # article was published: it is deliberately not used as a date.
    return out
