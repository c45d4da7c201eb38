"""The article's language (ISO 639-1), by lingua restricted to the languages we expect.

Restricting the candidate list makes lingua faster and stops short texts being read as a
rare language; detecting on a sample of the body keeps the stage under a millisecond or two.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

from ..models import Article
from ..pipeline import stage

# en, ru, uk, be, de, fr, es, it, pl, lt, lv, fa, ar, tr, zh
LANGUAGES = ("ENGLISH", "RUSSIAN", "UKRAINIAN", "BELARUSIAN", "GERMAN", "FRENCH", "SPANISH",
             "ITALIAN", "POLISH", "LITHUANIAN", "LATVIAN", "PERSIAN", "ARABIC", "TURKISH",
             "CHINESE")
SAMPLE_CHARS = 600  # lingua time grows linearly with length; 600 chars decide reliably


@cache
def detector() -> Any:
    """Built once per process (the language models load lazily on first use)."""
    from lingua import Language, LanguageDetectorBuilder

    return (LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in LANGUAGES))
            .with_minimum_relative_distance(0.0).build())


def detect(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (a sample of it), or None when there is nothing to judge."""
    sample = text[:SAMPLE_CHARS]
    if len(text) > SAMPLE_CHARS:
        sample = sample.rsplit(" ", 1)[0]  # no half word at the cut
    if sum(c.isalpha() for c in sample[:200]) < 3:
        return None
    found = detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


@stage("language", "1", requires={"body"}, provides={"language"})
def language(article: Article) -> Article:
    if article.language:
        return article  # given by the input record
    return dataclasses.replace(article, language=detect(article.body or article.raw))
