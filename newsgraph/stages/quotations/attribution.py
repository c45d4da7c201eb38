"""Who said a quote: the speech verb that governs it (or stands right beside it) and its subject.

Read from the shared dependency parse. A quote is attributed when a speech verb of
``speech_verbs.txt`` in the same sentence(s) is an ancestor of the quote (for short quotes:
with at most one other verb between them) or stands within a few tokens of it; "according to
X" counts as a speech verb whose speaker is X.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

SPEECH_VERBS = frozenset(
    line.strip() for line in
    resources.files(__package__).joinpath("speech_verbs.txt").read_text(encoding="utf-8")
    .splitlines() if line.strip() and not line.startswith("#"))

SHORT_WORDS = 4  # a quote this short needs a close, structural link to a speech verb
ADJACENT = 3  # tokens between a quote and a speech verb that still count as "beside it"
_SUBJECTS = ("nsubj", "nsubjpass")
_NP_LEFT = {"det", "poss", "amod", "compound", "nmod", "case", "predet", "nummod"}
_CONTENT_PREPS = {"as", "of", "about"}
_CLIMB = {"conj", "advcl", "xcomp", "pcomp", "acl", "dobj", "pobj", "prep", "relcl", "ccomp"}


@dataclass(frozen=True, slots=True)
class Speaker:
    start: int
    end: int
    text: str
    head: int  # char offset of the head token


def _in_any(idx: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= idx < e for s, e in ranges)


def is_speech_verb(token: Any) -> bool:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return True
    return bool(token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS)


def _verbs_between(token: Any, verb: Any, text: str, short: bool = False) -> int | None:
    """Verbs on the head path from ``token`` up to ``verb``; None when verb is no ancestor.
    For a short quote the path may not pass through a phrase that modifies a noun, nor a
    preposition other than "as", "of", "about": in "misrepresenting Damascus' position towards
    Idlib and 'Israel'" or "spoke with the 'partners'" the quoted words are what is talked
    about or to, not words that were said ("denounced it as a 'dangerous precedent'" are)."""
    count = 0
    origin = token.idx
    while token.head.i != token.i:
        if short and token.dep_ == "prep" and (token.head.pos_ in ("NOUN", "PROPN")
                                               or token.lower_ not in _CONTENT_PREPS):
            return None
        token = token.head
        if "\n\n" in text[min(origin, token.idx):max(origin, token.idx)]:
            return None  # the parser glued a heading on: no real link
        if token.i == verb.i:
            return count
        if token.pos_ in ("VERB", "AUX"):
            count += 1
    return None


def _gap(quote: Any, verb: Any, quotes: list[tuple[int, int]]) -> int:
    """Tokens (not punctuation) between the quote and the verb."""
    lo, hi = (verb.i + 1, quote.start) if verb.i < quote.start else (quote.end, verb.i)
    doc = verb.doc
    return sum(1 for t in doc[lo:hi] if not t.is_punct and not _in_any(t.idx, quotes))


def _broken(text: str, token: Any, span: Any) -> bool:
    """A paragraph break between the token and the span: headings glued on by the parser."""
    lo, hi = (token.idx, span.start_char) if token.idx < span.start_char else (
        span.end_char, token.idx)
    return "\n\n" in text[lo:hi]


def find_verb(text: str, quote: Any, context: Any, quotes: list[tuple[int, int]],
              short: bool) -> Any | None:
    """The speech verb a quote belongs to, or None."""
    best: tuple[int, int, Any] | None = None
    tops = [t for t in quote if not (quote.start <= t.head.i < quote.end) or t.head.i == t.i]
    for verb in context:
        if _in_any(verb.idx, quotes) or not is_speech_verb(verb) or _broken(text, verb, quote):
            continue
        between = min((b for b in (_verbs_between(t, verb, text, short) for t in tops)
                       if b is not None), default=None)
        gap = _gap(quote, verb, quotes)
        if verb.lower_ == "according":  # "according to X" covers its whole sentence
            score = (1, 0)
        elif between is not None and (not short or between <= 1):
            score = (0, between)
        elif gap <= ADJACENT:
            score = (1, gap)
        elif not short:
            score = (2, gap)
        else:
            continue
        if best is None or score < best[:2]:
            best = (score[0], score[1], verb)
    return best[2] if best else None


def noun_phrase(token: Any) -> tuple[int, int]:
    """Token range of the phrase naming a speaker: left modifiers, head, following compounds."""
    left = token.i
    for child in token.children:
        if child.i < token.i and child.dep_ in _NP_LEFT:
            left = min(left, child.left_edge.i)
    right = token.i + 1
    doc = token.doc
    while right < len(doc) and doc[right].dep_ in ("flat", "compound") and \
            doc[right].head.i == token.i:
        right += 1
    return left, right


def speaker_of(verb: Any, quotes: list[tuple[int, int]], text: str) -> Speaker | None:
    """The subject of a speech verb, climbing through clauses that have none of their own."""
    doc = verb.doc
    node = verb
    for _ in range(5):
        if node.lower_ == "according":
            to = next((c for c in node.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            return _speaker(doc, obj, text) if obj is not None else None
        # The subject of a passive speech verb is what was said about, not who said it
        # ("the deal was hailed as ... by X"), except in "X was quoted as saying".
        deps = _SUBJECTS if node.lemma_ == "quote" else ("nsubj",)
        subjects = [c for c in node.children if c.dep_ in deps
                    and not _in_any(c.idx, quotes) and not _broken(text, c, doc[node.i:node.i + 1])]
        subj = min(subjects, key=lambda c: abs(c.i - node.i), default=None)
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is None and any(c.dep_ == "auxpass" for c in node.children):
            # the parser often hangs "by X" on the quoted noun instead of the passive verb
            agent = next((t for t in node.subtree if t.lower_ == "by" and t.i > node.i
                          and not _in_any(t.idx, quotes)), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if by is not None:
            return _speaker(doc, by, text)
        if subj is None and node.tag_ == "VBG" and node.dep_ in ("advcl", "xcomp", "conj"):
            # "..., adding, '...'": the participle speaks for the speech verb it hangs from
            up = next((a for a in node.ancestors if is_speech_verb(a)), None)
            if up is not None:
                node = up
                continue
        if subj is not None:
            if subj.lower_ in ("who", "which", "that") and node.dep_ == "relcl":
                subj = node.head
            return _speaker(doc, subj, text)
        if node.dep_ == "relcl":
            return _speaker(doc, node.head, text)
        if node.head.i == node.i or node.dep_ not in _CLIMB:
            return None
        node = node.head
    return None


def _speaker(doc: Any, token: Any, text: str) -> Speaker:
    left, right = noun_phrase(token)
    span = doc[left:right]
    while len(span) > 1 and (span[0].is_space or "\n\n" in text[span.start_char:token.idx]):
        span = span[1:]
    return Speaker(span.start_char, span.end_char, span.text, token.idx)


def colon_speaker(doc: Any, quote: Any, quotes: list[tuple[int, int]], sent: Any,
                  text: str) -> Speaker | None:
    """``X writing: "..."`` / ``X: "..."``: the subject of the clause before the colon."""
    before = quote.start - 1
    while before >= 0 and doc[before].is_punct and doc[before].text != ":":
        before -= 1
    if before < 0 or doc[before].text != ":":
        return None
    root = sent.root
    return speaker_of(root, quotes, text) if root.i < before else None
