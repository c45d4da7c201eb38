"""Dates: every time expression in ``body``, normalised to ISO and resolved against publication.

A table of regular expressions (``rules.PATTERNS``) finds the expressions; where the text does
not say which Friday or which December, the tense of the governing verb in the shared spaCy
parse decides (past → the most recent one before publication, future → the next one).
Conventions (see docs/facts.md): ``value`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``,
``YYYY-Www`` or ``YYYY-Qn``; seasons and parts of a year are a first and last month
(``value`` .. ``end_value``); decades and year ranges likewise. Inside a direct quote, a
day or week relative to "now" ("tomorrow", "on Friday", "next week") was said on a day the
text does not give: it is kept with ``value=None`` and ``anchor="speech"``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ...models import Article, TimeExpression
from ...pipeline import stage
from ..quotations.attribution import SHORT_WORDS
from ..quotations.marks import find_quotes
from . import rules

__all__ = ["dates", "extract_dates"]

FUTURE_VERBS = frozenset(rules._LEX["future_verbs"])


def _tense(doc: Any, start: int, end: int) -> str:
    """past / present / future from the verb governing the characters ``start:end``."""
    if doc is None:
        return "past"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "past"
    token = span.root
    for _ in range(8):
        is_verb = token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "acl")
        if is_verb or token.head.i == token.i:
            break
        token = token.head
    aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & {"will", "shall", "'ll"} or ("to" in words and token.head.lemma_ == "go"):
        return "future"
    if token.lemma_ in FUTURE_VERBS and (token.tag_ in ("VBP", "VBZ") or words & {"is", "are"}):
        return "future"  # "plan to meet in May", "is scheduled for May"
    if token.tag_ in ("VBD", "VBN") or words & {"had", "did", "was", "were", "has", "have"}:
        return "past"
    if token.tag_ in ("VBP", "VBZ", "VB", "VBG") and not aux or words & {"is", "are", "am"}:
        return "present" if not words & {"would", "could"} else "past"
    return "past"


def _candidates(text: str) -> list[tuple[int, int, str, rules.Groups]]:
    """Date expressions in text order (one pass of the combined table)."""
    out = []
    done = 0
    for word in rules.WORD.finditer(text):
        if word.start() < done:
            continue
        token = word.group()
        if not token[0].isdigit() and token.lower() not in rules.TRIGGERS:
            continue
        m = rules.COMBINED.match(text, word.start())
        if m is None:
            continue
        done = m.end()
        kind = m.lastgroup or ""
        start = m.start()
        if kind == "month" and rules.cue_before(text, start) not in rules.MONTH_CUES:
            continue
        if kind == "rel_unit" and rules.cue_before(text, start) == "the":
            continue  # "the last year of his term", "the next week of talks": no date
        if kind == "season" and not text[max(0, start - 12):start].lower().rstrip().endswith(
                rules.SEASON_CUES):
            continue
        out.append((start, m.end(), kind, rules.Groups(m, kind)))
    return out


def extract_dates(text: str, published: str | None, doc: Any = None) -> list[TimeExpression]:
    """Every time expression of ``text`` with its ISO value, resolved against ``published``."""
    try:
        pub = dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        pub = None
    out: list[TimeExpression] = []
    quoted: list[tuple[int, int]] | None = None
    for start, end, kind, m in _candidates(text):
        tense = _tense(doc, start, end)
        resolved = rules.resolve(kind, m, pub, tense)
        if resolved is None:
            continue
        if resolved.anchor == "publication" and resolved.precision in ("day", "week"):
            if quoted is None:
                quoted = [(q.start, q.end) for q in find_quotes(text)
                          if len(text[q.start:q.end].split()) > SHORT_WORDS]
            if any(qs <= start < qe for qs, qe in quoted):
                # '"If Trump comes tomorrow ..."': said on a day the text does not give, so
                # the publication date cannot anchor it
                out.append(TimeExpression(start=start, end=end, text=text[start:end],
                                          value=None, precision=resolved.precision,
                                          anchor="speech"))
                continue
        s, e = start, end
        tail = rules.POSSESSIVE_TAIL.match(text, e)
        if resolved.day is not None and tail:
            e = tail.end()
        head = rules.OFFSET_BEFORE.search(text, max(0, s - 40), s)
        if resolved.day is not None and head:
            n = rules._count(head["n"]) * (-1 if head["dir"].startswith(("before", "earlier"))
                                           else 1)
            resolved = rules.offset(resolved.day, n, head["unit"].lower(), anchor="relative")
            s = head.start()
        out.append(TimeExpression(start=s, end=e, text=text[s:e], value=resolved.value,
                                  precision=resolved.precision, end_value=resolved.end_value,
                                  anchor=resolved.anchor))
    return out


@stage("dates", "2", requires={"body", "published", "doc"}, provides={"dates"})
def dates(article: Article) -> Article:
    found = extract_dates(article.body, article.published, article.doc)
    return dataclasses.replace(article, dates=tuple(found))
