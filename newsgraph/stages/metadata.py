"""Title, authors, date, outlet and the republication chain, each with its evidence span."""

from __future__ import annotations

import dataclasses

from ..models import Article
from ..pipeline import stage


@stage("metadata", "0", requires={"raw", "body"},
       provides={"title", "authors", "published", "outlet", "original_outlet",
                 "republished_by", "provenance"})
def metadata(article: Article) -> Article:
    title = article.title or next((ln.strip() for ln in article.body.splitlines() if ln.strip()),
                                  None)
    return dataclasses.replace(article, title=title)
