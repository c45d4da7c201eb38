"""When and where: the event's date from the dates stage, its place from the parse.

Date rule (documented in docs/events.md):
1. a date expression of the trigger's own phrase or clause (its dependency subtree, not
   entering other clauses or other triggers' phrases; a verb also takes the date of a meeting
   it is set at: "At the meeting on Friday, they agreed") -> ``date_source="sentence"``;
2. else a date expression of the same clause that belongs to no other trigger -> "sentence";
3. else the date of the main event of the previous sentence in the same paragraph, or that
   sentence's first date expression -> "context";
4. else the publication date -> "publication" (a stand-in, flagged as such).
"since 1993" / "until 2024" bound a period and are never an event's date.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date as _date
from typing import Any

from ...models import Article
from .arguments import subject_of
from .lexicon import Lexicon
from .tree import Parse, kids

Token = Any

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "xcomp",
                         "pcomp"})
ADJUNCT_PREPS = frozenset({"at", "during", "on", "in", "after", "following", "before"})
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
WEEK = re.compile(r"^(\d{4})-W(\d{2})")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BOUNDS = frozenset({"since", "until", "till"})


def normalize(value: str | None) -> str | None:
    """Event dates are YYYY, YYYY-MM or YYYY-MM-DD; an ISO week becomes its Monday."""
    if not value:
        return None
    week = WEEK.match(value)
    if week:
        try:
            return _date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
        except ValueError:
            return week[1]
    m = ISO.match(value)
    return m.group(0) if m else None


class Sentences:
    """Sentence spans: the sentences stage's if present, else the parse's."""

    def __init__(self, article: Article) -> None:
        spans = [(s.start, s.end) for s in article.sentences]
        if not spans:
            spans = [(s.start_char, s.end_char) for s in article.doc.sents]
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

        self.windows: dict[int, tuple[int, int]] = {}

    def index(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def window(self, sent: int, doc: Any) -> tuple[int, int]:
        """The token range of sentence ``sent``."""
        if sent not in self.windows:
            start, end = self.spans[sent]
            span = doc.char_span(start, end, alignment_mode="expand")
            self.windows[sent] = (span.start, span.end) if span is not None else (0, len(doc))
        return self.windows[sent]


def clause_of(tok: Token) -> int:
    cur = tok
    while cur.dep_ not in CLAUSE_DEPS and cur.head.i != cur.i:
        cur = cur.head
    return int(cur.i)


class DateFinder:
    def __init__(self, article: Article, doc: Parse, hits: list[Any],
                 sentences: Sentences) -> None:
        self.doc = doc
        self.sentences = sentences
        self.published = article.published
        self.hit_ids = {h.token.i for h in hits}
        self.par_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", article.body)]
        # per sentence index: [(root token, value)] in text order
        self.dates: dict[int, list[tuple[int, str]]] = {}
        for d in sorted(article.dates, key=lambda d: d.start):
            value = normalize(d.value)
            span = doc.char_span(d.start, d.end, alignment_mode="expand") if value else None
            if value is None or span is None or len(span) == 0:
                continue
            if span.start > 0 and doc[span.start - 1].lower_ in BOUNDS or \
                    span[0].lower_ in BOUNDS:
                continue
            self.dates.setdefault(sentences.index(d.start), []).append((span.root.i, value))
        self.by_sentence: dict[int, list[int]] = {}
        for i in sorted(self.hit_ids):
            self.by_sentence.setdefault(sentences.index(doc[i].idx), []).append(i)
        self.scopes: dict[int, set[int]] = {}  # filled lazily: only sentences with dates
        self.memo: dict[int, tuple[str | None, str]] = {}
        self.contexts: dict[int, str | None] = {}  # sentence -> the date it takes from before

    def scope(self, i: int) -> set[int]:
        if i not in self.scopes:
            self.scopes[i] = self._scope(self.doc[i])
        return self.scopes[i]

    def _scope(self, tok: Token) -> set[int]:
        seen = {tok.i}
        stack = [tok]
        while stack:
            cur = stack.pop()
            for child in kids(cur):
                if child.dep_ in CLAUSE_DEPS or child.i in self.hit_ids:
                    if child.i in self.hit_ids and child.dep_ == "pobj" and \
                            cur.lower_ in ADJUNCT_PREPS and cur.head.i == tok.i:
                        stack.append(child)  # "At the meeting on Friday, they agreed"
                        seen.add(child.i)
                    continue
                seen.add(child.i)
                stack.append(child)
        return seen

    def _paragraph(self, offset: int) -> int:
        return bisect_right(self.par_starts, offset)

    def date_of(self, tok: Token) -> tuple[str | None, str]:
        if tok.i not in self.memo:
            self.memo[tok.i] = (None, "publication")  # guards against cycles
            self.memo[tok.i] = self._date_of(tok)
        return self.memo[tok.i]

    def _date_of(self, tok: Token) -> tuple[str | None, str]:
        relative = self._relative(tok)
        if relative is not None:
            return relative, "context"
        if self.dates:
            sent = self.sentences.index(tok.idx)
            in_sent = self.dates.get(sent, [])
            if not in_sent:
                context = self._context(sent)
                return (context, "context") if context is not None else (
                    self.published, "publication")
            scope = set(self.scope(tok.i))
            head = tok.head
            if tok.pos_ == "NOUN" and head.i != tok.i:
                up = head.head if head.dep_ == "prep" else head
                if up.pos_ in ("VERB", "AUX") and up.i not in self.hit_ids:
                    scope |= self._scope(up)
            own = [d for d in in_sent if d[0] in scope]
            if not own:
                others = set().union(*(self.scope(i) for i in self.by_sentence.get(sent, ())
                                       if i != tok.i))
                clause = clause_of(tok)
                own = [d for d in in_sent if d[0] not in others and clause_of(self.doc[d[0]])
                       == clause]
            verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
            if not own and verb.dep_ == "conj" and verb.head.i != verb.i:
                # "Pompeo visited Minsk a week before ... and had a discussion": the shared date
                own = [d for d in in_sent if d[0] in self._scope(verb.head)]
            if own:
                return min(own, key=lambda d: abs(d[0] - tok.i))[1], "sentence"
            context = self._context(sent)
            if context is not None:
                return context, "context"
        return self.published, "publication"

    def _relative(self, tok: Token) -> str | None:
        """ "visited Minsk shortly before Pompeo": about when Pompeo's own event happened
        (its month), when the sentence has no date of its own."""
        sent = self.sentences.index(tok.idx)
        doc = self.doc
        links = [c for c in kids(tok) if c.lower_ in ("before", "after")] + [
            g for c in kids(tok) if c.dep_ == "advcl" for g in kids(c)
            if g.dep_ == "mark" and g.lower_ in ("before", "after")]
        for link in links:
            # "shortly before Pompeo" (the parse may make Pompeo the subject of a clause)
            nxt = doc[link.i + 1] if link.i + 1 < len(doc) else None
            for who in [w for w in kids(link) if w.dep_ == "pobj"] + ([nxt] if nxt else []):
                if who.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
                    continue
                for i in self.hit_ids:
                    other = self.doc[i]
                    if i == tok.i or other.lemma_ != tok.lemma_ or any(
                            d[0] in self.scope(tok.i) for d in self.dates.get(sent, ())):
                        continue
                    subj = subject_of(other)[0]
                    if subj is not None and subj.text == who.text:
                        value, source = self.date_of(other)
                        if source == "sentence" and value:
                            return value[:7]
        return None

    def _context(self, sent: int) -> str | None:
        if sent not in self.contexts:
            self.contexts[sent] = None  # guards against cycles, as in date_of
            self.contexts[sent] = self._find_context(sent)
        return self.contexts[sent]

    def _find_context(self, sent: int) -> str | None:
        if sent == 0:
            return None
        start, end = self.sentences.spans[sent - 1]
        if self._paragraph(start) != self._paragraph(self.sentences.spans[sent][0]):
            return None
        hits = [self.doc[i] for i in self.by_sentence.get(sent - 1, ())]
        for hit in sorted(hits, key=lambda t: len(list(t.ancestors))):
            value, source = self.date_of(hit)
            if source != "publication":
                return value
        dates = self.dates.get(sent - 1)
        return dates[0][1] if dates else None


def _entity_text(tok: Token) -> str:
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc.text(start, end)


def place_of(tok: Token, lex: Lexicon) -> str | None:
    """A GPE/LOC/FAC named in a place phrase of the trigger ("in Sochi", "visited Minsk")."""
    preps = lex.cue("place_prepositions")
    lemma = tok.lemma_.lower()
    visit = lemma in ("visit", "trip", "tour")
    holders = [tok]
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.i != tok.i:
        holders.append(tok.head)  # "protests ... took place in Minsk"
    for holder in holders:
        for child in kids(holder):
            if child.dep_ == "prep" and child.lower_ in preps and (child.lower_ != "to" or visit):
                for pobj in kids(child):
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in PLACE_LABELS:
                        return _entity_text(pobj)
            elif child.dep_ == "dobj" and visit and child.ent_type_ in PLACE_LABELS:
                return _entity_text(child)
            elif child.dep_ == "compound" and holder is tok and tok.pos_ == "NOUN" \
                    and child.ent_type_ in PLACE_LABELS and child.i < tok.i \
                    and lemma in ("meeting", "summit", "talk", "talks", "protest", "rally"):
                return _entity_text(child)  # "the Sochi meeting"
    return None
