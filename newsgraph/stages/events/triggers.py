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
from spacy.strings import get_string_id
from spacy.symbols import AUX as AUX_ID
from spacy.symbols import NOUN as NOUN_ID
from spacy.symbols import VERB as VERB_ID

from .lexicon import Lexicon, Trigger
from .tree import Parse, kids

Token = Any

OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
PREDICATES = frozenset({"oprd", "acomp", "ccomp", "xcomp"})  # "found the company guilty"
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "dobj"})  # how a row's particle attaches
# the same and a few more as label ids, for the walks on the parse's columns
_OBJECT_IDS = frozenset(get_string_id(d) for d in OBJECT_DEPS | PREDICATES)
_POBJ = frozenset({get_string_id("pobj")})
_CLAUSAL = frozenset({get_string_id("ccomp"), get_string_id("xcomp")})
_NAMING = frozenset({get_string_id("compound"), get_string_id("appos")})
_NSUBJ = get_string_id("nsubj")
_PREP = get_string_id("prep")


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
    objects: dict[int, set[str]] = {}  # particle position (-1: none) -> object lemmas
    for row in rows:
        particle = None
        if row.particle:
            for c in kids(tok):
                if c.dep_ in PARTICLE_DEPS and c.lower_ == row.particle:
                    particle = c
                    break
            else:
                continue
        if row.objects:
            key = -1 if particle is None else particle.i
            if key not in objects:
                objects[key] = _object_lemmas(tok, particle)
            if objects[key].isdisjoint(row.objects):
                continue
        if row.lemma == "be" and not (particle is not None and any(
                c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in kids(particle))):
            continue  # "was in Washington" (a visit), not "has been in power"
        return row
    return None


def _object_lemmas(tok: Token, particle: Token | None = None) -> set[str]:
    """Lemmas of the trigger's objects; with a particle row ("agree to [demand]") the
    particle's own object; "found the firm guilty": the predicate complement too. Read on
    the parse's columns: the words below the objects need no nodes."""
    doc = tok.doc
    deps, lemma, kids_of = doc.deps, doc.lemma, doc.child_positions
    lemmas: set[str] = set()
    holder = tok if particle is None or particle.dep_ != "prep" else particle
    wanted = _OBJECT_IDS | (_POBJ if holder is particle else frozenset())
    for c in kids_of(holder.i):
        if deps[c] not in wanted:
            continue
        lemmas.add(lemma(c).lower())
        lemmas.add(doc.lower(c))
        for x in doc.conjuncts(c):
            lemmas.add(lemma(x).lower())
        clausal = deps[c] in _CLAUSAL
        for x in kids_of(c):
            # "fired tear gas": the object's compound modifiers name it too; "handed the drug
            # lord over": an apposition; "allowed inspectors to enter": the complement's subject
            if deps[x] in _NAMING or (clausal and deps[x] == _NSUBJ):
                lemmas.add(lemma(x).lower())
        for x in kids_of(c):
            if deps[x] == _PREP and doc.lower(x) == "of":  # "a state of emergency"
                lemmas.update(lemma(g).lower() for g in kids_of(x))
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN":  # "sanctions imposed by"
        lemmas.add(tok.head.lemma_.lower())
        lemmas.add(tok.head.lower_)
    return lemmas


def _muted(tok: Token, mute: frozenset[str]) -> bool:
    """ "declined to comment" is no refusal between actors."""
    for c in kids(tok):  # noqa: SIM110 - a loop: any() would make a generator per call
        if c.dep_ == "xcomp" and c.lemma_.lower() in mute:
            return True
    return False


def _blocked(tok: Token, blocked: frozenset[str], words: frozenset[str]) -> bool:
    """Idioms that contain a trigger word but no event ("take for granted", "taking its
    alliance with Belarus for granted"); ``words``: the words of the ``blocked`` phrases."""
    if tok.dep_ == "dobj":
        head = tok.head
        if head.lemma_.lower() == "take" and any(
                g.lower_ == "granted" for c in kids(head) for g in (c, *kids(c))):
            return True
    if tok.lower_ not in words:
        return False
    doc = tok.doc
    before = doc.lower(tok.i - 1) + " " + tok.lower_ if tok.i > 0 else ""
    after = tok.lower_ + " " + doc.lower(tok.i + 1) if tok.i + 1 < len(doc) else ""
    return before in blocked or after in blocked


@dataclass(frozen=True, slots=True)
class _Index:
    """The trigger words as sets of hash ids, tested on the parse's arrays."""
    ids: frozenset[int]  # every trigger word
    protest: frozenset[int]  # trigger words of PROTEST, coded even without actors around
    particled: frozenset[int]  # words every row of which needs a particle ("be in")
    blocked_words: frozenset[str]  # the words of the idioms in ``blocked_phrases``
    particles: frozenset[int]  # every particle of a row


_INDEX: dict[int, _Index] = {}


def _ids(words: Any) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def _index(lex: Lexicon) -> _Index:
    key = id(lex)
    if key not in _INDEX:
        rows = [(lemma, r) for (_pos, lemma), rs in lex.triggers.items() for r in rs]
        free = {lemma for lemma, r in rows if not r.particle}
        _INDEX[key] = _Index(
            ids=_ids(lemma for lemma, _ in rows),
            protest=_ids(lemma for lemma, r in rows if r.type == "PROTEST"),
            particled=_ids({lemma for lemma, _ in rows} - free),
            particles=_ids(r.particle for _, r in rows if r.particle),
            blocked_words=frozenset(w for phrase in lex.cue("blocked_phrases")
                                    for w in phrase.split()))
    return _INDEX[key]


def candidates(doc: Parse, lex: Lexicon, allowed: Any = None) -> list[int]:
    """Positions of VERB/NOUN/AUX tokens whose lemma or lower-case form is a trigger word,
    tested on the parse's hash arrays without making a token: outside the ``allowed``
    positions (one flag per position) only protest words; a word that is a trigger only with a
    particle ("be in", "step down") only when a particle word depends on it."""
    if len(doc) == 0:
        return []
    index = _index(lex)
    ids, particled = index.ids, index.particled
    lemmas, lowers = doc.lemmas, doc.lowers
    pos = doc.pos_ids
    where = numpy.flatnonzero((pos == VERB_ID) | (pos == NOUN_ID) | (pos == AUX_ID)).tolist()
    found = []
    for i in [i for i in where if lemmas[i] in ids or lowers[i] in ids]:
        lemma, lower = lemmas[i], lowers[i]
        free = lower in ids and lower not in particled
        if not (free or lemma in ids):
            continue
        if allowed is not None and not allowed[i] and lemma not in index.protest:
            continue
        if not free and lemma in particled:
            for j in doc.child_positions(i):
                if lowers[j] in index.particles:
                    break
            else:
                continue
        found.append(i)
    return found


def find_triggers(doc: Parse, lex: Lexicon, allowed: Any = None) -> list[Hit]:
    """Trigger tokens; ``allowed`` (optional, a flag per position) says which positions are
    worth coding (sentences with actors in them; protests are coded anywhere, see coder.py)."""
    hits: dict[int, Hit] = {}
    blocked = lex.cue("blocked_phrases")
    words = _index(lex).blocked_words
    mute = lex.cue("non_event_complements")
    for i in candidates(doc, lex, allowed):
        tok = doc[i]
        row = _row_for(tok, "NOUN" if tok.pos_ == "NOUN" else "VERB", lex)
        if row is not None and not _blocked(tok, blocked, words) and not _muted(tok, mute):
            hits[i] = Hit(tok, row)
    light = lex.cue("light_verbs")
    silenced: set[int] = set()
    for hit in hits.values():
        tok = hit.token
        if tok.pos_ != "VERB":
            continue
        objs = [c for c in kids(tok) if c.dep_ in OBJECT_DEPS]
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN":
            objs.append(tok.head)
        noun_objs = []
        for o in objs:
            if o.i in hits and hits[o.i].token.pos_ == "NOUN":
                noun_objs.append(o)
        if not noun_objs:
            continue
        if hit.row.objects and hit.row.type != "REJECT":
            # "lifted the sanctions" is no sanction; "denied Japan's request" keeps the request
            silenced.update(o.i for o in noun_objs)
        elif tok.lemma_.lower() in light:
            silenced.add(tok.i)
    return [h for i, h in sorted(hits.items()) if i not in silenced]
