"""Find event triggers in a parsed document: verbs and nouns from ``triggers.tsv``.

A row with an object constraint ("lift [sanction|...]") or a particle ("cut off") wins over
the plain lemma. A light verb whose object is itself a trigger ("held talks", "imposed
sanctions", "voiced support") leaves the event to the noun; a constrained verb that claims its
object ("lifted the sanctions") silences the noun instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .lexicon import Lexicon, Trigger

Token = Any

OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})


@dataclass(frozen=True, slots=True)
class Hit:
    token: Token
    row: Trigger


def _row_for(tok: Token, pos: str, lex: Lexicon) -> Trigger | None:
    rows = lex.triggers.get((pos, tok.lemma_.lower()))
    if rows is None and pos == "NOUN":
        rows = lex.triggers.get((pos, tok.lower_))
    if not rows:
        return None
    for row in rows:
        if row.particle and not any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == row.particle
                                    for c in tok.children):
            continue
        if row.objects and not (_object_lemmas(tok) & row.objects):
            continue
        return row
    return None


def _object_lemmas(tok: Token) -> set[str]:
    lemmas: set[str] = set()
    for c in tok.children:
        if c.dep_ in OBJECT_DEPS:
            lemmas.add(c.lemma_.lower())
            lemmas.add(c.lower_)
            lemmas.update(x.lemma_.lower() for x in c.conjuncts)
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN":  # "sanctions imposed by"
        lemmas.add(tok.head.lemma_.lower())
        lemmas.add(tok.head.lower_)
    return lemmas


def _blocked(tok: Token, blocked: frozenset[str]) -> bool:
    """Idioms that contain a trigger word but no event ("take for granted")."""
    doc = tok.doc
    before = doc[tok.i - 1].lower_ + " " + tok.lower_ if tok.i > 0 else ""
    after = tok.lower_ + " " + doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return before in blocked or after in blocked


def find_triggers(doc: Any, lex: Lexicon) -> list[Hit]:
    hits: dict[int, Hit] = {}
    blocked = lex.cue("blocked_phrases")
    mute = lex.cue("non_event_complements")
    for tok in doc:
        pos = tok.pos_
        if pos == "VERB":
            row = _row_for(tok, "VERB", lex)
        elif pos == "NOUN":
            row = _row_for(tok, "NOUN", lex)
        else:
            continue
        if row is not None and not _blocked(tok, blocked) and not any(
                c.dep_ == "xcomp" and c.lemma_.lower() in mute for c in tok.children):
            # "declined to comment" is no refusal between actors
            hits[tok.i] = Hit(tok, row)
    light = lex.cue("light_verbs")
    silenced: set[int] = set()
    for hit in hits.values():
        tok = hit.token
        if tok.pos_ != "VERB":
            continue
        objs = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN":
            objs.append(tok.head)
        noun_objs = [o for o in objs if o.i in hits and hits[o.i].token.pos_ == "NOUN"]
        if not noun_objs:
            continue
        if hit.row.objects:
            silenced.update(o.i for o in noun_objs)
        elif tok.lemma_.lower() in light:
            silenced.add(tok.i)
    return [h for i, h in sorted(hits.items()) if i not in silenced]
