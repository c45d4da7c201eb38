"""Builders for ingest test inputs (PDFs, WARCs) made on the fly from our own text."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

PARAGRAPHS = [
    "Russia stopped crude deliveries to Belarusian refineries on the first day of the year"
    " after the supply contract lapsed without a replacement. Officials in Minsk said that"
    " reserves would last for some weeks while negotiators tried to agree on a price.",
    "The Druzhba pipeline kept carrying oil across Belarus to Poland and Germany, the operator"
    " said. Analysts expected both governments to recognize that a long stoppage would hurt"
    " them equally, and predicted an interim deal before the end of the month.",
    "Belarus also looked for alternative suppliers, including tankers of Norwegian crude that"
    " would be unloaded at a Lithuanian port and carried onward by rail to the refineries.",
]


def make_pdf(path: Path, paragraphs: list[str], *, header: str = "Eurasia Energy Monitor",
             pages: int = 2) -> Path:
    """A multi-page PDF with a running header, page-number footers and narrow columns so
    lines wrap (and words get hyphenated by hand where a test wants it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    lines_per_page: list[list[str]] = [[] for _ in range(pages)]
    flat: list[str] = []
    for para in paragraphs:
        flat.extend(para.split("\n") if "\n" in para else textwrap.wrap(para, 80))
        flat.append("")
    per = max(1, len(flat) // pages + 1)
    for i in range(pages):
        lines_per_page[i] = flat[i * per:(i + 1) * per]
    for n, lines in enumerate(lines_per_page, 1):
        c.setFont("Helvetica", 9)
        c.drawString(72, height - 40, header)
        c.setFont("Helvetica", 11)
        y = height - 90
        for line in lines:
            if line:
                c.drawString(72, y, line)
            y -= 16
        c.setFont("Helvetica", 9)
        c.drawString(width / 2, 30, str(n))
        c.showPage()
    c.save()
    return path


def make_warc(records: list[tuple[str, str, bytes]], *, gz: bool = True) -> bytes:
    """A WARC of response records (url, content type, body) plus one request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, ctype, body in records:
        req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n"))
        writer.write_record(req)
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


@pytest.fixture()
def pdf_maker(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str = "a.pdf", paragraphs: list[str] | None = None, **kw: object) -> Path:
        return make_pdf(tmp_path / name, paragraphs or PARAGRAPHS, **kw)  # type: ignore[arg-type]

    return make


@pytest.fixture()
def warc_maker() -> Callable[..., bytes]:
    return make_warc
