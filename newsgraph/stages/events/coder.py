"""Code the PLOVER events of one article from its shared parse, mentions and dates."""

from __future__ import annotations

from typing import Any

from ...models import Actor, Article, Event, Evidence
from .arguments import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    ActorIndex,
    object_actors,
    oriented,
    phrase_actors,
    subject_of,
)
from .dating import DateFinder, Sentences, place_of
from .lexicon import Lexicon, Trigger
from .merge import merge_events
from .status import read_status
from .tree import forget, kids
from .triggers import Hit, find_triggers

Token = Any

ADJUNCT_PREPS = frozenset({"at", "during", "before", "after", "following", "ahead", "in"})
STATE_LIKE = frozenset({"state", "government", "person", "igo", "military", "party"})
# Types whose participants are interchangeable: "a meeting between A and B", "A and B agreed".
MAX_PAIRS = 4


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in kids(tok) if c.dep_ in deps]


def _prep_targets(index: ActorIndex, tok: Token, preps: frozenset[str]) -> list[str]:
    found: list[str] = []
    for child in kids(tok):
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            for pobj in _children(child, "pobj"):
                found += object_actors(index, pobj, preps)
    return found


def _verb_dyad(tok: Token, row: Trigger, index: ActorIndex,
               lex: Lexicon) -> tuple[list[str], list[str]]:
    subj, _ = subject_of(tok)
    sources = phrase_actors(index, subj) if subj is not None else []
    targets: list[str] = []
    preps = lex.target_preps(row.type)
    for child in kids(tok):
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "sent troops to Syria"
            targets += [a for p in _children(child, "pobj")
                        for a in object_actors(index, p, preps)]
        elif child.dep_ in PASSIVE_SUBJECTS or child.dep_ in OBJECTS:
            targets += object_actors(index, child, preps)
        elif child.dep_ in ("prep", "prt") and (child.lower_ in preps or
                                                child.lower_ == row.particle):
            for pobj in _children(child, "pobj"):  # "called for sanctions against Iran"
                targets += object_actors(index, pobj, preps)
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") \
            and _children(tok, "agent"):
        targets += object_actors(index, tok.head, preps)  # "Belarus, attacked by X"
    # only when the verb has no object of its own ("urged governments to support X": no)
    governed = [] if _children(tok, "dobj") else _children(tok, "xcomp")
    for _ in range(2):
        if targets or not governed:
            break
        # "refused to provide aid to Belarus", "rejected to continue granting Belarus ...":
        # the target of the governed action is the target of the governing act
        nxt = []
        for xcomp in governed:
            for child in kids(xcomp):
                if child.dep_ == "dative" and child.pos_ == "ADP":
                    targets += [a for p in _children(child, "pobj")
                                for a in object_actors(index, p, preps)]
                elif child.dep_ in OBJECTS:
                    targets += object_actors(index, child, preps)
            targets += _prep_targets(index, xcomp, preps)
            nxt += _children(xcomp, "xcomp")
        governed = nxt
    return sources, targets


def _noun_dyad(tok: Token, row: Trigger, index: ActorIndex,
               lex: Lexicon) -> tuple[list[str], list[str]]:
    sources: list[str] = []
    modifiers: list[str] = []  # "a NATO summit", "US sanctions"
    targets: list[str] = []
    preps = lex.target_preps(row.type)
    of_is_source = row.type in ("CONSULT", "PROTEST", "MOBILIZE", "RETREAT", "COOPERATE")
    for child in kids(tok):
        dep, low = child.dep_, child.lower_
        if dep == "poss":
            sources += phrase_actors(index, child)
        elif dep in ("compound", "amod", "nmod"):
            if oriented(child) and index.at(child):
                targets.append(index.by_token[child.i])  # "anti-Iranian sanctions"
                continue
            for part in [child, *_children(child, "compound")]:  # "Lavrov-Pompeo meeting"
                actor = index.at(part)
                if actor and not (row.type in ("CONSULT", "AGREE")
                                  and index.kinds.get(part.i) == "metonym"):
                    modifiers.append(actor)  # not "the Minsk agreements" (a place)
        elif dep == "prep":
            for pobj in _children(child, "pobj"):
                if low == "between":
                    both = phrase_actors(index, pobj)
                    sources += both[:1]
                    targets += both[1:]
                elif low == "by" or (low == "of" and of_is_source) or \
                        (low == "from" and row.type in ("REQUEST", "AID", "PROTEST")):
                    sources += phrase_actors(index, pobj)
                elif low in preps or low in ("of", "for"):
                    targets += object_actors(index, pobj, preps)
    head = tok.head
    light = tok.dep_ in ("dobj", "attr", "nsubjpass") and head.i != tok.i \
        and head.lemma_.lower() in lex.cue("light_verbs")
    if light and not sources:
        subj, _ = subject_of(head)
        doers = phrase_actors(index, subj) if subj is not None else []
        if head.lemma_.lower() in lex.cue("receive_verbs"):
            # "Ukraine received aid from the US": the receiver is the target
            targets = targets or doers
            for prep in _children(head, "prep"):
                if prep.lower_ == "from":
                    sources += [a for p in _children(prep, "pobj")
                                for a in phrase_actors(index, p)]
        else:
            sources = doers
    if light and not targets:
        for child in kids(head):
            if child.dep_ == "dative":
                targets += [a for p in (_children(child, "pobj") or [child])
                            for a in phrase_actors(index, p)]
        targets += _prep_targets(index, head, preps | {"for"})
    if modifiers:
        if sources and not targets:
            targets = [m for m in modifiers if m not in sources]
        elif not sources:
            sources = modifiers
    if not sources and row.type == "CONSULT" and tok.dep_ == "pobj" \
            and head.lower_ in ADJUNCT_PREPS and head.head.pos_ in ("VERB", "AUX"):
        # "At a meeting in Sochi, Putin and Lukashenko failed to ...", "before the meeting
        # with Putin, he declared": the clause's subjects took part
        subj, _ = subject_of(head.head)
        doers = phrase_actors(index, subj) if subj is not None else []
        if targets or len(doers) > 1:
            sources = doers
    if not targets and tok.dep_ == "nsubj" and row.type == "ASSAULT":
        for obj in _children(head, "dobj"):  # "a missile strike by Russia hit Kyiv"
            targets += object_actors(index, obj, preps)
    return sources, targets


def _adjust(hit: Hit, sources: list[str], actors: dict[str, Actor], lex: Lexicon) -> Trigger:
    """Context-dependent readings of a few ambiguous triggers."""
    row, tok = hit.row, hit.token
    lemma = tok.lemma_.lower()
    if row.type == "PROTEST" and lemma == "strike" and any(
            c.lower_ in lex.cue("assault_strike_modifiers") for c in kids(tok)):
        return _with(row, type="ASSAULT", mode="heavy-weapons", cameo="19", weight=0.85)
    if row.type == "PROTEST" and tok.pos_ == "VERB" and sources and all(
            actors.get(a) is not None and actors[a].type in STATE_LIKE for a in sources):
        # a government "protesting" a decision is verbal disapproval, not a street protest
        return _with(row, type="ACCUSE", mode="disapprove", cameo="11")
    if row.type == "SUPPORT" and tok.pos_ == "NOUN" and tok.dep_ == "dobj" \
            and tok.head.lemma_.lower() in lex.cue("aid_light_verbs"):
        return _with(row, type="AID", mode=None, cameo="07")
    return row


def _with(row: Trigger, **changes: Any) -> Trigger:
    from dataclasses import replace

    return replace(row, **changes)


def _pairs(sources: list[str], targets: list[str]) -> list[tuple[str | None, str | None]]:
    targets = [t for t in targets if t not in sources] or (
        sources[1:2] if len(sources) > 1 else [])
    if targets and len(sources) > 1 and targets[0] == sources[1]:
        sources = sources[:1]  # reciprocal "A and B agreed": one event A -> B
    srcs: list[str | None] = list(sources) or [None]
    tgts: list[str | None] = list(targets) or [None]
    pairs = [(s, t) for s in srcs for t in tgts if s != t or s is None]
    return pairs[:MAX_PAIRS]


def code_article(article: Article, lex: Lexicon) -> tuple[Event, ...]:
    doc = article.doc
    if doc is None or not article.body:
        return ()
    try:
        return _code(article, doc, lex)
    finally:
        forget(doc)


def _code(article: Article, doc: Any, lex: Lexicon) -> tuple[Event, ...]:
    if not article.mentions:
        return ()
    index = ActorIndex(doc, article.mentions, article.actors)
    if not index.by_token:
        return ()
    sentences = Sentences(article)
    # a trigger can only find actors in its own sentence: sentences without any are skipped
    allowed = [False] * len(doc)
    for sent in {sentences.index(index.starts[i]) for i in index.by_token}:
        lo, hi = sentences.window(sent, doc)
        allowed[lo:hi] = [True] * (hi - lo)
    hits = find_triggers(doc, lex, allowed.__getitem__)
    if not hits:
        return ()
    actors = {a.id: a for a in article.actors}
    dates = DateFinder(article, hits, sentences)
    events: list[Event] = []
    for hit in hits:
        tok = hit.token
        sent = sentences.index(tok.idx)
        start, end = sentences.spans[sent]
        index.window = sentences.window(sent, doc)
        if tok.pos_ == "VERB":
            sources, targets = _verb_dyad(tok, hit.row, index, lex)
            row = _adjust(hit, sources, actors, lex)
        else:
            row = _adjust(hit, [], actors, lex)
            sources, targets = _noun_dyad(tok, row, index, lex)
        location = place_of(tok, lex)
        if not sources and not targets and not (row.type == "PROTEST" and location):
            continue  # a street protest with a place is an event even when its crowd is no actor
        if row.type == "CONSULT" and not sources:
            continue  # a visit or meeting needs someone doing it ("tourists visited Vilnius")
        pairs = _pairs(sources, targets)
        if not pairs:
            continue
        reading = read_status(tok, lex, index.window)
        claimed_by = None
        if reading.claimer is not None:
            claimers = phrase_actors(index, reading.claimer)
            claimed_by = claimers[0] if claimers else None
        date, date_source = dates.date_of(tok)
        evidence = Evidence(start=start, end=end, text=article.body[start:end])
        for source, target in pairs:
            both = source is not None and target is not None
            events.append(Event(
                type=row.type, source_actor=source, target_actor=target,
                status=reading.status,  # type: ignore[arg-type]
                mode=row.mode, context=row.context, claimed_by=claimed_by, date=date,
                date_source=date_source, location=location, trigger=tok.text,
                evidence=(evidence,),
                confidence=round(row.weight * (1.0 if both else 0.8), 2), cameo=row.cameo))
    return merge_events(events)
