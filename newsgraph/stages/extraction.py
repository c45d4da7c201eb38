"""Turn a RawDocument's content into plain text (``article.raw``): HTML main text, PDF repair."""

from __future__ import annotations

import dataclasses
import unicodedata

from ..models import Article
from ..pipeline import stage


@stage("extract", "0", requires={"raw", "kind", "html"}, provides={"raw"})
def extract(article: Article) -> Article:
    if article.kind == "html" and article.html:
        import trafilatura

        text = trafilatura.extract(article.html, include_comments=False) or ""
        return dataclasses.replace(article, raw=unicodedata.normalize("NFC", text))
    return dataclasses.replace(article, raw=unicodedata.normalize("NFC", article.raw))
