"""Find event triggers in a parsed document: verbs and nouns from ``triggers.tsv``.

A row with an object constraint ("lift [sanction|...]") or a particle ("cut off") wins over
the plain lemma. A light verb whose object is itself a trigger ("held talks", "imposed
sanctions", "voiced support") leaves the event to the noun; a constrained verb that claims its
object ("lifted the sanctions") silences the noun instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX as AUX_ID
from spacy.symbols import NOUN as NOUN_ID
from spacy.symbols import VERB as VERB_ID

from .lexicon import Lexicon, Trigger
from .tree import kids

Token = Any

OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
PREDICATES = frozenset({"oprd", "acomp", "ccomp", "xcomp"})  # "found the company guilty"


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
        particle = None
        if row.particle:
            particle = next((c for c in kids(tok) if c.dep_ in ("prt", "prep", "advmod", "dobj")
                             and c.lower_ == row.particle), None)
            if particle is None:
                continue
        if row.objects and not (_object_lemmas(tok, particle) & row.objects):
            continue
        if row.lemma == "be" and not (particle is not None and any(
                c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in kids(particle))):
            continue  # "was in Washington" (a visit), not "has been in power"
        return row
    return None


def _object_lemmas(tok: Token, particle: Token | None = None) -> set[str]:
    """Lemmas of the trigger's objects; with a particle row ("agree to [demand]") the
    particle's own object; "found the firm guilty": the predicate complement too."""
    lemmas: set[str] = set()
    holders = [tok] if particle is None or particle.dep_ != "prep" else [particle]
    for holder in holders:
        for c in kids(holder):
            if c.dep_ in OBJECT_DEPS or c.dep_ in PREDICATES or (holder is particle
                                                                  and c.dep_ == "pobj"):
                lemmas.add(c.lemma_.lower())
                lemmas.add(c.lower_)
                lemmas.update(x.lemma_.lower() for x in c.conjuncts)
                # "fired tear gas": the object's compound modifiers name it too; "handed
                # the drug lord over": an apposition; "allowed inspectors to enter": the
                # complement's subject
                lemmas.update(x.lemma_.lower() for x in kids(c)
                              if x.dep_ in ("compound", "appos") or (
                                  c.dep_ in ("ccomp", "xcomp") and x.dep_ == "nsubj"))
                lemmas.update(g.lemma_.lower() for x in kids(c) if x.dep_ == "prep"
                              and x.lower_ == "of" for g in kids(x))  # "a state of emergency"
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN":  # "sanctions imposed by"
        lemmas.add(tok.head.lemma_.lower())
        lemmas.add(tok.head.lower_)
    return lemmas


def _blocked(tok: Token, blocked: frozenset[str]) -> bool:
    """Idioms that contain a trigger word but no event ("take for granted", "taking its
    alliance with Belarus for granted")."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() == "take" and any(
            g.lower_ == "granted" for c in kids(head) for g in (c, *kids(c))):
        return True
    doc = tok.doc
    before = doc[tok.i - 1].lower_ + " " + tok.lower_ if tok.i > 0 else ""
    after = tok.lower_ + " " + doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return before in blocked or after in blocked


@dataclass(frozen=True, slots=True)
class _Index:
    ids: Any  # sorted numpy array of the hash ids of every trigger word
    protest: frozenset[str]  # trigger words of PROTEST, coded even without actors around


_INDEX: dict[int, _Index] = {}


def _index(lex: Lexicon) -> _Index:
    key = id(lex)
    if key not in _INDEX:
        ids = sorted({get_string_id(lemma) for (_pos, lemma) in lex.triggers})
        protest = frozenset(lemma for (_pos, lemma), rows in lex.triggers.items()
                            if any(r.type == "PROTEST" for r in rows))
        _INDEX[key] = _Index(numpy.array(ids, dtype=numpy.uint64), protest)
    return _INDEX[key]


def _member(values: Any, ids: Any) -> Any:
    at = numpy.searchsorted(ids, values)
    at[at >= len(ids)] = 0
    return ids[at] == values


def candidates(doc: Any, lex: Lexicon) -> list[int]:
    """Indices of VERB/NOUN tokens whose lemma or lower-case form is a trigger word, found on
    the parse's arrays in one vectorised step instead of Python work on every token."""
    if len(doc) == 0:
        return []
    ids = _index(lex).ids
    arr = doc.to_array([POS, LEMMA, LOWER])
    ok = (_member(arr[:, 1], ids) | _member(arr[:, 2], ids)) & (
        (arr[:, 0] == VERB_ID) | (arr[:, 0] == NOUN_ID) | (arr[:, 0] == AUX_ID))
    return [int(i) for i in numpy.flatnonzero(ok)]


def find_triggers(doc: Any, lex: Lexicon, allowed: Any = None) -> list[Hit]:
    """Trigger tokens; ``allowed(i)`` (optional) says which token positions are worth coding
    (sentences with actors in them; protests are coded anywhere, see coder.py)."""
    hits: dict[int, Hit] = {}
    blocked = lex.cue("blocked_phrases")
    mute = lex.cue("non_event_complements")
    protest = _index(lex).protest
    for i in candidates(doc, lex):
        tok = doc[i]
        if allowed is not None and not allowed(i) and tok.lemma_.lower() not in protest:
            continue
        row = _row_for(tok, "NOUN" if tok.pos == NOUN_ID else "VERB", lex)
        if row is not None and not _blocked(tok, blocked) and not any(
                c.dep_ == "xcomp" and c.lemma_.lower() in mute for c in kids(tok)):
            # "declined to comment" is no refusal between actors
            hits[tok.i] = Hit(tok, row)
    light = lex.cue("light_verbs")
    silenced: set[int] = set()
    for hit in hits.values():
        tok = hit.token
        if tok.pos_ != "VERB":
            continue
        objs = [c for c in kids(tok) if c.dep_ in OBJECT_DEPS]
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN":
            objs.append(tok.head)
        noun_objs = [o for o in objs if o.i in hits and hits[o.i].token.pos_ == "NOUN"]
        if not noun_objs:
            continue
        if hit.row.objects and hit.row.type != "REJECT":
            # "lifted the sanctions" is no sanction; "denied Japan's request" keeps the request
            silenced.update(o.i for o in noun_objs)
        elif tok.lemma_.lower() in light:
            silenced.add(tok.i)
    return [h for i, h in sorted(hits.items()) if i not in silenced]
