"""The article's language (ISO 639-1)."""

from __future__ import annotations

import dataclasses

from ..models import Article
from ..pipeline import stage


@stage("language", "0", requires={"body"}, provides={"language"})
def language(article: Article) -> Article:
    return dataclasses.replace(article, language="en")
