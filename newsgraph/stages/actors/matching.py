"""Gazetteer matching over the tokens of the shared spaCy Doc.

A greedy longest-match scan over normalised token texts: at each token the knowledge base's
prefix set says how far a match can still grow, so the cost is about two dict look-ups per
token. Case rules come from the alias itself: a capitalised alias token needs a capitalised
text token, an acronym needs capitals ("US" never matches the pronoun "us").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..parsing import column, columns
from .kb import KB, Alias, norm

_READ = ("POS", "TAG", "DEP", "HEAD", "LEMMA", "ENT_TYPE", "ENT_IOB", "IDX", "LENGTH",
         "SENT_START")

# Single-token names that are also ordinary words are accepted only where spaCy saw a name.
_NAME_TAGS = {"PROPN", "NOUN"}
_OPENERS = {'"', "'", "“", "‘", "«", "*", "-", "—", "–", ":", "#", "[", "|"}


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


def read_tokens(doc: Any, body: str) -> Tokens:
    cols = columns(doc)
    pos, tag, dep, head, lemma, ent_type, ent_iob, idx, length, sent_start = cols[
        :, [column(name) for name in _READ]].T.tolist()
    wrap = 1 << 64  # HEAD and SENT_START are signed values stored in an unsigned array
    strings = doc.vocab.strings
    cache: dict[int, str] = {0: ""}

    def names(ids: list[int]) -> list[str]:
        for x in set(ids) - cache.keys():  # few distinct values per column: look each up once
            cache[x] = strings[x]
        return [cache[x] for x in ids]

    texts = [body[i:i + n] for i, n in zip(idx, length, strict=True)]
    sent, n = [], -1
    for flag in sent_start:
        n += flag == 1 or n < 0  # 1 starts a sentence; -1 (wrapped) and 0 do not
        sent.append(n)
    iob = ["", "I", "O", "B"]
    return Tokens(texts, [norm(x) for x in texts], idx, names(pos), names(tag), names(dep),
                  [i + (h - wrap if h >= wrap >> 1 else h) for i, h in enumerate(head)],
                  names(lemma), names(ent_type),
                  [iob[x] for x in ent_iob], sent)


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
            if length == 1 and ok and (i == 0 or tokens.sent[i - 1] != tokens.sent[i]
                                       or texts[i - 1] in _OPENERS):
                # sentence-initial capitals prove nothing: ask the tagger
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
    return alias.kind in {"actor", "surname", "metonym", "seat", "city"}



def drop_name_parts(hits: list[Hit], ents: list[tuple[int, int, str]], texts: list[str],
                    kb: KB) -> list[Hit]:
    """A place inside a longer name is part of that name: "Minsk Tractor Works", "Moscow
    State University", "George Washington" are not Belarus, Russia and the United States."""
    drop: set[int] = set()
    k = 0
    for start, end, label in ents:
        if label not in ("ORG", "FAC", "PERSON", "WORK_OF_ART"):
            continue
        while k < len(hits) and hits[k].end <= start:
            k += 1
        inside = [j for j in range(k, len(hits)) if hits[j].start < end]
        if not inside or hits[inside[0]].start < start or hits[inside[-1]].end > end:
            continue
        taken = {i for j in inside for i in range(hits[j].start, hits[j].end)}
        free = set(range(start, end)) - taken
        free -= {i for i in free if texts[i].lower() in ("the", "of", "-", "'s", "&", "and")}
        if not free or not all(texts[i][:1].isupper() for i in free):
            continue
        for j in inside:
            if _place_only(hits[j], kb) and not _in_pair(hits, j, texts):
                drop.add(j)
    return [h for j, h in enumerate(hits) if j not in drop]


def _in_pair(hits: list[Hit], j: int, texts: list[str]) -> bool:
    """ "the EU-US Energy Council", "the Russia-NATO Council": a hyphenated pair inside a
    name still names both parties."""
    before = j > 0 and hits[j - 1].end + 1 == hits[j].start and texts[hits[j].start - 1] == "-"
    after = j + 1 < len(hits) and hits[j].end + 1 == hits[j + 1].start \
        and texts[hits[j].end] == "-"
    return before or after


def _place_only(hit: Hit, kb: KB) -> bool:
    for alias in hit.aliases:
        if alias.kind in ("metonym", "demonym", "seat", "state_noun", "body", "city"):
            continue
        if alias.kind == "actor" and kb.entries[alias.value].type == "state":
            continue
        return False
    return True
