"""Remove boilerplate from text whose HTML structure is gone; record what was removed."""

from __future__ import annotations

import dataclasses

from ..models import Article
from ..pipeline import stage


@stage("clean", "0", requires={"raw"}, provides={"body", "removed"})
def clean(article: Article) -> Article:
    return dataclasses.replace(article, body=article.raw.strip())
