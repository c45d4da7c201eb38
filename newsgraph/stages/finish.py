"""Last stage: drop transient state so the record can be stored and shipped."""

from __future__ import annotations

import dataclasses

from ..models import Article
from ..pipeline import stage


@stage("finish", "1", requires={"body"}, provides=set())
def finish(article: Article) -> Article:
    return dataclasses.replace(article, doc=None, html=None)
