"""PLACEHOLDER stage module: dates."""

from __future__ import annotations

from ..models import Article
from ..pipeline import stage


@stage("dates", "0", requires={'body', 'published'}, provides={'dates'})
def dates(article: Article) -> Article:
    """PLACEHOLDER until the dates work lands: provides nothing real."""
    return article
