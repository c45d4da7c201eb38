"""Gazetteer matching over the tokens of the shared spaCy Doc.

A greedy longest-match scan over normalised token texts: at each token the knowledge base's
prefix set says how far a match can still grow, so the cost is about two dict look-ups per
token. Case rules come from the alias itself: a capitalised alias token needs a capitalised
text token, an acronym needs capitals ("US" never matches the pronoun "us").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .kb import KB, Alias, norm

# Single-token names that are also ordinary words are accepted only where spaCy saw a name.
_NAME_TAGS = {"PROPN"}


@dataclass(slots=True)
class Hit:
    start: int  # token index
    end: int  # token index, exclusive
    aliases: list[Alias]

    def kinds(self) -> set[str]:
        return {a.kind for a in self.aliases}

    def values(self, *kinds: str) -> list[str]:
        return [a.value for a in self.aliases if a.kind in kinds]


def _case_ok(alias: Alias, texts: list[str], start: int) -> bool:
    for offset, need in enumerate(alias.case):
        if need == 0:
            continue
        text = texts[start + offset]
        if need == 2:
            letters = [c for c in text if c.isalpha()]
            if not letters or not all(c.isupper() for c in letters):
                return False
        elif not text[:1].isupper():
            return False
    return True


@dataclass(slots=True)
class Tokens:
    """The parse read once into plain lists: spaCy ``Token`` objects are costly to create and
    the resolver looks at each token several times."""

    texts: list[str]
    norms: list[str]
    idx: list[int]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    lemma: list[str]
    ent_type: list[str]
    ent_iob: list[str]
    sent: list[int]

    def span_text(self, body: str, start: int, end: int) -> str:
        return body[self.idx[start]:self.idx[end - 1] + len(self.texts[end - 1])]

    def root(self, start: int, end: int) -> int:
        """The token of ``start:end`` whose head lies outside the span."""
        for i in range(start, end):
            h = self.head[i]
            if h < start or h >= end or h == i:
                return i
        return end - 1


def read_tokens(doc: Any) -> Tokens:
    texts, idx, pos, tag, dep, head, lemma, ent_type, ent_iob, sent = ([] for _ in range(10))
    n = -1
    for t in doc:
        if t.is_sent_start:
            n += 1
        texts.append(t.text)
        idx.append(t.idx)
        pos.append(t.pos_)
        tag.append(t.tag_)
        dep.append(t.dep_)
        head.append(t.head.i)
        lemma.append(t.lemma_)
        ent_type.append(t.ent_type_)
        ent_iob.append(t.ent_iob_)
        sent.append(max(n, 0))
    return Tokens(texts, [norm(x) for x in texts], idx, pos, tag, dep, head, lemma, ent_type,
                  ent_iob, sent)


def scan(tokens: Tokens, kb: KB) -> list[Hit]:
    texts, norms = tokens.texts, tokens.norms
    hits: list[Hit] = []
    n = len(norms)
    i = 0
    aliases, prefixes, max_len = kb.aliases, kb.prefixes, kb.max_len
    while i < n:
        if (norms[i],) not in prefixes:
            i += 1
            continue
        lengths = []
        for length in range(1, min(max_len, n - i) + 1):
            key = tuple(norms[i:i + length])
            if key not in prefixes:
                break
            if key in aliases:
                lengths.append((length, key))
        chosen: Hit | None = None
        for length, key in reversed(lengths):
            ok = [a for a in aliases[key] if _case_ok(a, texts, i)]
            if length == 1 and ok:
                name_like = tokens.pos[i] in _NAME_TAGS or bool(tokens.ent_type[i])
                ok = [a for a in ok if not _needs_name(a) or a.case == (2,) or name_like]
            if ok:
                chosen = Hit(i, i + length, ok)
                break
        if chosen is None:
            i += 1
            continue
        hits.append(chosen)
        i = chosen.end
    return hits


def _needs_name(alias: Alias) -> bool:
    return alias.kind in {"actor", "surname", "metonym", "seat"}

