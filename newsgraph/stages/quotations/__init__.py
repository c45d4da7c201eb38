"""Quotations: direct quotes with their speakers, and scare quotes kept apart.

``marks.py`` pairs the quotation marks; ``attribution.py`` finds the speech verb and its
subject in the shared parse; the speaker becomes an actor through ``article.mentions`` (the
mention overlapping the speaker phrase; pronouns are resolved by the actors stage). A short
quote (<= 4 words) with no speech verb close to it in the parse is a scare quote
("defect", "union state"), recorded in ``article.scare_quotes``; a short quote that a speech
verb governs ("denounced ... as a 'dangerous precedent'") is a partial quote.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Any

from ...models import Article, Mention, Quote, Span
from ...pipeline import stage
from .attribution import SHORT_WORDS, Speaker, colon_speaker, find_verb, speaker_of
from .marks import find_quotes

__all__ = ["extract_quotations", "quotations"]

_SO_CALLED = re.compile(r"so[- ]called\s*$", re.I)

_PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them"}
# Descriptions that stand for the source just named ("The piece concluded ...").
_DOCUMENT_NOUNS = {"piece", "article", "report", "statement", "paper", "journal", "magazine",
                   "newspaper", "op-ed", "editorial", "essay", "communique", "letter"}


def _actor_for(speaker: Speaker, mentions: tuple[Mention, ...]) -> str | None:
    overlapping = [m for m in mentions if m.start < speaker.end and speaker.start < m.end]
    if not overlapping:
        return None
    on_head = [m for m in overlapping if m.start <= speaker.head < m.end]
    return (on_head or overlapping)[-1].actor_id


def _fallback_actor(doc: Any, speaker: Speaker, mentions: tuple[Mention, ...],
                    quoted: list[tuple[int, int]], media: set[str]) -> str | None:
    """A pronoun or "the piece" with no mention: the nearest earlier subject that has one
    (outside quotes; for "the piece", a media actor)."""
    head_word = speaker.text.split()[-1].lower() if speaker.text else ""
    if head_word not in _PRONOUNS and head_word not in _DOCUMENT_NOUNS:
        return None
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        if m.end > speaker.start or speaker.start - m.start > 800 or m.kind == "pronoun":
            continue
        if any(s <= m.start < e for s, e in quoted):
            continue
        if head_word in _DOCUMENT_NOUNS and m.actor_id not in media:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            return m.actor_id
    return None


def extract_quotations(text: str, doc: Any, mentions: tuple[Mention, ...] = (),
                       media: frozenset[str] = frozenset()) -> tuple[list[Quote], list[Span]]:
    """(quotes, scare quotes) of ``text``; ``doc`` is the spaCy parse of ``text``;
    ``media`` the ids of media actors (what "the piece" or "the report" can stand for)."""
    marked = find_quotes(text)
    ranges = [(q.open, q.close + 1) for q in marked]
    quotes: list[Quote] = []
    scare: list[Span] = []
    previous: Quote | None = None
    # Token.sent walks the document each time: index the sentences once.
    sents = list(doc.sents) if doc is not None and marked else []
    starts = [sent.start for sent in sents]
    for q in marked:
        inner = text[q.start:q.end]
        words = len(inner.split())
        ends_sentence = inner.rstrip("\"'”’)]").endswith((".", "!", "?", "…"))
        # American style puts the full stop inside: "as 'restoring order.'" is still short.
        short = words <= SHORT_WORDS and not (ends_sentence and words >= 3 and inner[0].isupper())
        speaker: Speaker | None = None
        span = doc.char_span(q.start, q.end, alignment_mode="expand") if doc is not None else None
        if span is not None and len(span):
            first = bisect.bisect_right(starts, span.start) - 1
            last = bisect.bisect_right(starts, span.end - 1) - 1
            context = doc[sents[first].start:sents[last].end]
            verb = find_verb(text, span, context, ranges, short)
            if verb is not None:
                speaker = speaker_of(verb, ranges, text)
                if speaker is None:
                    speaker = Speaker(verb.idx, verb.idx, "", verb.idx)  # attributed, no subject
            elif not short:
                speaker = colon_speaker(doc, span, ranges, sents[first], text)
        if short and _SO_CALLED.search(text, max(0, q.open - 12), q.open):
            speaker = None  # "the so-called 'union state'": the writer distances themselves
        if speaker is None and short:
            scare.append(Span(start=q.start, end=q.end))
            continue
        actor = None
        if speaker is not None and speaker.text:
            own = [m for m in mentions if not any(s <= m.start < e for s, e in ranges)]
            actor = _actor_for(speaker, tuple(own)) or _fallback_actor(
                doc, speaker, mentions, ranges, set(media))
        quote = Quote(start=q.start, end=q.end, text=inner, speaker_actor=actor,
                      speaker_text=speaker.text if speaker and speaker.text else None,
                      speaker_start=speaker.start if speaker and speaker.text else None,
                      speaker_end=speaker.end if speaker and speaker.text else None)
        if speaker is None and previous is not None and previous.speaker_text and \
                q.open - previous.end < 250 and "\n\n" not in text[previous.end:q.open]:
            # '"...," he said. "More."' — the next quote continues the same speaker
            quote = dataclasses.replace(quote, speaker_actor=previous.speaker_actor,
                                        speaker_text=previous.speaker_text,
                                        speaker_start=previous.speaker_start,
                                        speaker_end=previous.speaker_end)
        quotes.append(quote)
        previous = quote
    return quotes, scare


@stage("quotations", "2", requires={"body", "doc", "mentions", "actors"},
       provides={"quotes", "scare_quotes"})
def quotations(article: Article) -> Article:
    media = frozenset(a.id for a in article.actors if a.type == "media")
    found, scare = extract_quotations(article.body, article.doc, article.mentions, media)
    return dataclasses.replace(article, quotes=tuple(found), scare_quotes=tuple(scare))
