"""Sentence boundaries with offsets into ``body``."""

from __future__ import annotations

import dataclasses
import re

from ..models import Article, Sentence
from ..pipeline import stage

_SENT = re.compile(r"[^\n.!?]+(?:[.!?]+[\"”’)]*|$)", re.M)


@stage("sentences", "0", requires={"body"}, provides={"sentences"})
def sentences(article: Article) -> Article:
    out = []
    for m in _SENT.finditer(article.body):
        s, e = m.start(), m.end()
        while s < e and article.body[s].isspace():
            s += 1
        if e > s:
            out.append(Sentence(start=s, end=e))
    return dataclasses.replace(article, sentences=tuple(out))
