"""The sourcing and hedging profile of one article (``RhetoricProfile``).

A claim is a declarative sentence of five or more words. It counts as attributed when it
carries a reporting cue ("said", "according to", ...) together with a named source (a
spaCy PERSON/ORG/GPE/NORP entity when ``article.doc`` is there, else a capitalised word
inside the sentence), or when it overlaps a quote whose speaker the quotations stage found.
Hedges, speculation and first-person markers are lexicon hits in the author's own voice
(text inside quotation marks is the speaker's, so it is left out).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...models import Article, RhetoricProfile, Span
from . import lexicons

_QUOTE_SPAN = re.compile(r"[\"“][^\"“”\n]*[\"”]")
_NAMED = re.compile(r"(?<=\s)[A-Z][a-z]+")
_SOURCE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _mask_quotes(text: str) -> str:
    return _QUOTE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def _named_in(article: Article, start: int, end: int) -> bool:
    doc = article.doc
    if doc is not None and hasattr(doc, "ents"):
        return any(e.label_ in _SOURCE_LABELS and e.start_char < end and e.end_char > start
                   for e in doc.ents)
    return bool(_NAMED.search(article.body[start:end]))


def _sentences(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    return [m.span() for m in re.finditer(r"[^.!?\n]+[.!?]*", article.body)]


def build_profile(article: Article, scare_quotes: Sequence[Span]) -> RhetoricProfile:
    body = article.body
    speaker_quotes = [(q.start, q.end) for q in article.quotes
                      if q.speaker_actor or q.speaker_text]
    claims = attributed = 0
    for start, end in _sentences(article):
        text = body[start:end].strip()
        if len(text.split()) < 5 or text.endswith("?"):
            continue
        claims += 1
        quoted = any(qs < end and qe > start for qs, qe in speaker_quotes)
        cued = bool(lexicons.hits(text, "reporting_verbs"))
        if quoted or (cued and _named_in(article, start, end)):
            attributed += 1
    own_voice = _mask_quotes(body)
    found = lexicons.find(own_voice, "hedge", "speculation", "first_person")
    return RhetoricProfile(
        claims=claims,
        attributed=attributed,
        unattributed=claims - attributed,
        hedges=len(found["hedge"]),
        speculation=len(found["speculation"]),
        scare_quotes=len(scare_quotes),
        # "US" is the country, not the pronoun.
        first_person=sum(1 for s, e in found["first_person"] if own_voice[s:e] != "US"),
    )
