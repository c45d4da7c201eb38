"""PLACEHOLDER stage module: quantities."""

from __future__ import annotations

from ..models import Article
from ..pipeline import stage


@stage("quantities", "0", requires={'body'}, provides={'quantities'})
def quantities(article: Article) -> Article:
    """PLACEHOLDER until the quantities work lands: provides nothing real."""
    return article
