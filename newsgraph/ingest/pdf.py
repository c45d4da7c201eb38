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
    title, authors = info
    yield RawDocument(source=source, kind="pdf", content=text, title=title, authors=authors)


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
    return _columns_text(page) or page.extract_text() or ""


def _columns_text(page: Any) -> str | None:
    """Text of a two-column page, left column first: text pieces are placed by their
    coordinates and split at the widest vertical gutter; None when no clean gutter exists."""
    pieces: list[tuple[float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():  # the text matrix's origin mapped through the CTM = page position
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            pieces.append((float(x), float(y), text.strip()))

    try:
        page.extract_text(visitor_text=visit)
        width = float(page.mediabox.width)
    except Exception:  # an odd content stream: let plain extraction have a go
        return None
    starts = sorted(x for x, _, _ in pieces)
    if len(starts) < 10:
        return None
    # the gutter: the x where many pieces start right of the middle, none in between
    right = [x for x in starts if x > 0.4 * width]
    left = [x for x in starts if x <= 0.4 * width]
    if len(right) < 0.25 * len(starts) or len(left) < 0.25 * len(starts):
        return None
    gutter = min(right)
    columns = ([p for p in pieces if p[0] < gutter], [p for p in pieces if p[0] >= gutter])
    out: list[str] = []
    for column in columns:
        rows: dict[int, list[tuple[float, str]]] = {}
        for x, y, text in column:
            rows.setdefault(round(y), []).append((x, text))
        out.extend(" ".join(t for _, t in sorted(row)) for _, row in
                   sorted(rows.items(), key=lambda r: -r[0]))
        out.append("")
    return "\n".join(out).strip()


def _info(reader: Any) -> tuple[str | None, tuple[str, ...]]:
    """Title/author from the PDF info dictionary — used only as hints: many PDFs carry
    the producer's template title, so junk titles are dropped."""
    meta = getattr(reader, "metadata", None)
    if not meta:
        return None, ()
    title = clean_str(meta.get("/Title"))
    if not title or len(title) <= 8 or title.lower().startswith(("microsoft word", "untitled")):
        title = None
    author = clean_str(meta.get("/Author"))
    if not author or author.lower() in ("anonymous", "unknown", "admin", "user"):
        return title, ()
    # /CreationDate is when the PDF was made (often a republisher's print), not when the
    # article was published: it is deliberately not used as a date.
    return title, (author,)
