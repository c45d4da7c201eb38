"""PLACEHOLDER stage module: quotations."""

from __future__ import annotations

from ..models import Article
from ..pipeline import stage


@stage("quotations", "0", requires={'body', 'mentions', 'actors'}, provides={'quotes', 'scare_quotes'})
def quotations(article: Article) -> Article:
    """PLACEHOLDER until the quotations work lands: provides nothing real."""
    return article
