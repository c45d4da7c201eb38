"""Turn a RawDocument's content into plain text (``article.raw``).

- HTML: the main text (paragraphs separated by blank lines) and the metadata the page's
  markup declares (title, authors, date, outlet, URL). A value is set only where the input
  did not already give one, and each one set gets a ``FieldEvidence(origin="html_meta")``
  (``origin="url"`` for an outlet that is only the site's domain);
  values the input container gave (JSONL fields, feed items) get ``origin="input"`` so that
  later stages know not to override either.
- PDF: running headers/footers and page numbers removed, hyphenation undone, sentences cut
  by page breaks rejoined (``newsgraph.ingest.pdfrepair``).
- Text: as is, NFC.
Text-level boilerplate (share prompts, disclaimers, ...) is the cleaner's job, next stage.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from ..errors import InputError
from ..ingest.fields import iso_date
from ..ingest.htmlmain import extract_page
from ..ingest.pdfrepair import repair_pdf_text
from ..models import Article, FieldEvidence
from ..pipeline import stage

_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+")
MIN_WORDS = 15  # fewer words than this is not an article (a nav page, a cookie wall)
_FIELDS = ("title", "authors", "published", "outlet", "url")


def _input_evidence(article: Article) -> list[FieldEvidence]:
    have = {(e.field, e.origin) for e in article.provenance}
    out = []
    for name in _FIELDS:
        value = getattr(article, name)
        if value and (name, "input") not in have:
            shown = "; ".join(value) if isinstance(value, tuple) else str(value)
            out.append(FieldEvidence(field=name, value=shown, origin="input"))
    return out


def _where(article: Article) -> str:
    return article.source.uri + (f"#{article.source.id}" if article.source.id else "")


def _from_html(article: Article) -> Article:
    page = extract_page(article.html or "", article.url)
    if len(page.text.split()) < MIN_WORDS:
        raise InputError(_where(article), "the page has no article text (only navigation,"
                         " a list of links, or an empty template)",
                         "save the article's own page, or paste its text into a .txt file")
    found = {"title": page.title, "authors": page.authors, "published": iso_date(page.date),
             "outlet": page.sitename, "url": page.url}
    updates: dict[str, object] = {}
    evidence = list(article.provenance) + _input_evidence(article)
    for name in _FIELDS:
        value = found[name]
        if value and not getattr(article, name):
            updates[name] = value
            shown = "; ".join(value) if isinstance(value, tuple) else str(value)
            # a site name that is only the page's domain was derived from the URL, not declared:
            # a weaker origin, which the metadata stage may replace with a name from the text
            origin = "url" if name == "outlet" and _DOMAIN.fullmatch(shown) else "html_meta"
            evidence.append(FieldEvidence(field=name, value=shown, origin=origin))
    return dataclasses.replace(article, raw=unicodedata.normalize("NFC", page.text),
                               provenance=tuple(evidence),
                               **updates)  # type: ignore[arg-type]  # Article field values only


@stage("extract", "4", requires={"raw", "kind", "html"},
       provides={"raw", "title", "authors", "published", "outlet", "url", "provenance"})
def extract(article: Article) -> Article:
    if article.kind == "html" and article.html:
        return _from_html(article)
    text = repair_pdf_text(article.raw) if article.kind == "pdf" else article.raw
    if not text.strip():
        raise InputError(_where(article), "no text left after reading",
                         "check the file; a PDF may need OCR")
    return dataclasses.replace(article, raw=unicodedata.normalize("NFC", text),
                               provenance=article.provenance + tuple(_input_evidence(article)))
