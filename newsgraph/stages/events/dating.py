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

import numpy
from spacy.strings import get_string_id

from ...models import Article
from .arguments import subject_of
from .lexicon import Lexicon
from .tree import Parse, kids

Token = Any

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "xcomp",
                         "pcomp"})
_CLAUSE_IDS = frozenset(get_string_id(dep) for dep in CLAUSE_DEPS)
_POBJ = get_string_id("pobj")
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

    def __init__(self, article: Article, doc: Parse) -> None:
        spans = [(s.start, s.end) for s in article.sentences]
        if not spans:
            spans = [(s.start_char, s.end_char) for s in article.doc.sents]
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        # the sentence of each token (``index`` of its offset), looked up once per document
        self.of_token: list[int] = numpy.maximum(numpy.searchsorted(
            numpy.array(self.starts, dtype=numpy.int64), doc.offsets, side="right") - 1,
            0).tolist()
        # the token range of each sentence: the tokens it overlaps, as spaCy's
        # ``char_span(start, end, alignment_mode="expand")`` finds them, and the whole
        # document where that finds none (a span outside the text)
        n, size = len(doc), doc.size
        ends = [end for _, end in self.spans]
        self.windows: list[tuple[int, int]] = [
            (lo, hi) if n and 0 <= start < size and 0 < end <= size else (0, n)
            for lo, hi, start, end in zip(*doc.token_bounds(self.starts, ends), self.starts, ends,
                                          strict=True)]

    def index(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)


def clause_of(doc: Parse, i: int) -> int:
    """The position of the clause that position ``i`` is in (walked on the columns)."""
    deps, heads = doc.deps, doc.heads
    while deps[i] not in _CLAUSE_IDS and heads[i] != i:
        i = heads[i]
    return i


class DateFinder:
    def __init__(self, article: Article, doc: Parse, hits: list[Any],
                 sentences: Sentences) -> None:
        self.doc = doc
        self.sentences = sentences
        self.published = article.published
        self.hit_ids = {h.token.i for h in hits}
        self.par_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", article.body)]
        # per sentence index: [(root token, value)] in text order; the tokens of a date are
        # those spaCy's char_span(alignment_mode="expand") gives (none outside the text)
        self.dates: dict[int, list[tuple[int, str]]] = {}
        found = sorted(article.dates, key=lambda d: d.start)
        n, size = len(doc), doc.size
        for d, lo, hi in zip(found, *doc.token_bounds([d.start for d in found],
                                                      [d.end for d in found]), strict=True):
            value = normalize(d.value)
            if value is None or not (n and 0 <= d.start < size and 0 < d.end <= size) or \
                    hi <= lo:
                continue
            if lo > 0 and doc.lower(lo - 1) in BOUNDS or doc.lower(lo) in BOUNDS:
                continue
            self.dates.setdefault(sentences.index(d.start), []).append((doc.span_root(lo, hi),
                                                                       value))
        self.by_sentence: dict[int, list[int]] = {}
        for i in sorted(self.hit_ids):
            self.by_sentence.setdefault(sentences.of_token[i], []).append(i)
        self.memo: dict[int, tuple[str | None, str]] = {}
        self.contexts: dict[int, str | None] = {}  # sentence -> the date it takes from before

    def in_scope(self, d: int, top: int) -> bool:
        """Whether position ``d`` is in the phrase of position ``top``: its dependency
        subtree, not entering other clauses or other triggers' phrases, except a trigger noun
        set as an adjunct of ``top`` ("At the meeting on Friday, they agreed"). Walked up
        from ``d``: the few dates of a sentence need no subtree."""
        doc, hits = self.doc, self.hit_ids
        deps, heads = doc.deps, doc.heads
        while d != top:
            head = heads[d]
            if head == d:
                return False  # the root, and ``top`` was not on the way
            if (deps[d] in _CLAUSE_IDS or d in hits) and not (
                    d in hits and deps[d] == _POBJ and doc.lower(head) in ADJUNCT_PREPS
                    and heads[head] == top):
                return False
            d = head
        return True

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
            sent = self.sentences.of_token[tok.i]
            in_sent = self.dates.get(sent, [])
            if not in_sent:
                context = self._context(sent)
                return (context, "context") if context is not None else (
                    self.published, "publication")
            tops = [tok.i]
            head = tok.head
            if tok.pos_ == "NOUN" and head.i != tok.i:
                up = head.head if head.dep_ == "prep" else head
                if up.pos_ in ("VERB", "AUX") and up.i not in self.hit_ids:
                    tops.append(up.i)  # the verb's phrase too
            own = []
            for d in in_sent:
                for top in tops:
                    if self.in_scope(d[0], top):
                        own.append(d)
                        break
            if not own:
                others = [i for i in self.by_sentence.get(sent, ()) if i != tok.i]
                clause = clause_of(self.doc, tok.i)
                for d in in_sent:
                    for i in others:
                        if self.in_scope(d[0], i):
                            break
                    else:
                        if clause_of(self.doc, d[0]) == clause:
                            own.append(d)
            verb = tok if tok.pos_ in ("VERB", "AUX") else head
            up = self.doc.heads[verb.i]
            if not own and verb.dep_ == "conj" and up != verb.i:
                # "Pompeo visited Minsk a week before ... and had a discussion": the shared date
                own = [d for d in in_sent if self.in_scope(d[0], up)]
            if own:
                return min(own, key=lambda d: abs(d[0] - tok.i))[1], "sentence"
            context = self._context(sent)
            if context is not None:
                return context, "context"
        return self.published, "publication"

    def _relative(self, tok: Token) -> str | None:
        """ "visited Minsk shortly before Pompeo": about when Pompeo's own event happened
        (its month), when the sentence has no date of its own."""
        links, marks = [], []  # loops: this runs for every trigger, and rarely finds one
        for c in kids(tok):
            if c.lower_ in ("before", "after"):
                links.append(c)
            if c.dep_ == "advcl":
                for g in kids(c):
                    if g.dep_ == "mark" and g.lower_ in ("before", "after"):
                        marks.append(g)
        links += marks
        if not links:
            return None
        sent = self.sentences.of_token[tok.i]
        doc = self.doc
        for link in links:
            # "shortly before Pompeo" (the parse may make Pompeo the subject of a clause)
            nxt = doc[link.i + 1] if link.i + 1 < len(doc) else None
            for who in [w for w in kids(link) if w.dep_ == "pobj"] + ([nxt] if nxt else []):
                if who.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
                    continue
                for i in self.hit_ids:
                    other = self.doc[i]
                    if i == tok.i or other.lemma_ != tok.lemma_ or any(
                            self.in_scope(d[0], tok.i) for d in self.dates.get(sent, ())):
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
        for i in sorted(self.by_sentence.get(sent - 1, ()), key=self.doc.depth):
            value, source = self.date_of(self.doc[i])
            if source != "publication":
                return value
        dates = self.dates.get(sent - 1)
        return dates[0][1] if dates else None


def _entity_text(tok: Token) -> str:
    doc = tok.doc.spacy  # spaCy's tokens: the entity marks are no node attribute
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return str(doc[start:end].text)


def place_of(tok: Token, lex: Lexicon) -> str | None:
    """A GPE/LOC/FAC named in a place phrase of the trigger ("in Sochi", "visited Minsk")."""
    preps = lex.cue("place_prepositions")
    lemma = tok.lemma_.lower()
    visit = lemma in ("visit", "trip", "tour")
    holders = [tok]
    if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        head = tok.head
        if head.i != tok.i:
            holders.append(head)  # "protests ... took place in Minsk"
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
