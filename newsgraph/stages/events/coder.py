"""Code the PLOVER events of one article from its shared parse, mentions and dates."""

from __future__ import annotations

from typing import Any

from ...models import Article, Event, Evidence
from .arguments import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    ActorIndex,
    object_actors,
    phrase_actors,
    subject_of,
)
from .dating import DateFinder, Sentences, place_of
from .lexicon import Lexicon, Trigger
from .merge import SYMMETRIC, merge_events
from .readings import adjust, by_status
from .status import read_status
from .tree import Parse, has_kid, kids, kids_with, oriented
from .triggers import find_triggers

Token = Any

# types whose co-subjects act on each other ("A and B signed a treaty"): the symmetric ones
# plus SUPPORT, which covers signing; the rest are directed ("both A and B proposed …")
MUTUAL = SYMMETRIC | {"SUPPORT"}

# adverbs of direction that carry a verb's phrase in the parse ("pulled back from Syria")
DIRECTIONS = frozenset({"back", "out", "away", "off", "down", "up", "over"})
ADJUNCT_PREPS = frozenset({"at", "during", "before", "after", "following", "ahead", "in"})
PLURAL_PRONOUNS = frozenset({"they", "we"})
# acts whose infinitive of purpose is the act itself: "gathered to demand his resignation"
STATED_ACTS = frozenset({"PROTEST", "REQUEST", "ACCUSE", "SUPPORT"})
VERBAL = frozenset({"CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
                    "CONCEDE"})
# types whose small-clause subject is the target: "found the company guilty", "allowed UN
# inspectors to enter"; a demand's clause names who is asked: "demanded that Russia withdraw"
# ... and help given names who is helped: "helped Nepal rebuild its schools"
SMALL_CLAUSE_TARGETS = frozenset({"SANCTION", "COERCE", "RETREAT", "CONCEDE", "REQUEST", "AID"})
# Types whose participants are interchangeable: "a meeting between A and B", "A and B agreed".
MAX_PAIRS = 4


def _children(tok: Token, *deps: str) -> list[Token]:
    return kids_with(tok, deps)


def _named_by(index: ActorIndex, prep: Token, own: frozenset[str] = frozenset()) -> list[str]:
    """The actors the objects of preposition ``prep`` name, leaving out ``own``: "in Jordan",
    "by the opposition"."""
    found: list[str] = []
    for pobj in _children(prep, "pobj"):
        for a in phrase_actors(index, pobj):
            if a not in own:
                found.append(a)
    return found


def _prep_targets(index: ActorIndex, tok: Token, preps: frozenset[str],
                  own: frozenset[str] = frozenset()) -> list[str]:
    found: list[str] = []
    for child in kids(tok):
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            for pobj in _children(child, "pobj"):
                found += object_actors(index, pobj, preps, exclude=own)
    return found


def _verb_dyad(tok: Token, row: Trigger, index: ActorIndex,
               lex: Lexicon) -> tuple[list[str], list[str]]:
    subj, _ = subject_of(tok)
    sources = phrase_actors(index, subj) if subj is not None else []
    if not sources and subj is not None and subj.lower_ in PLURAL_PRONOUNS:
        sources = _reporters(tok, index, lex)  # "the rebels said they had attacked"
    targets: list[str] = []
    preps = lex.target_preps(row.type)
    own = frozenset(sources) | index.own_states(sources)
    moves = tok.lemma_ in lex.cue("moving_verbs")  # those moved are the mover's own
    for child in kids(tok):
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "sent troops to Syria"
            targets += [a for p in _children(child, "pobj")
                        for a in object_actors(index, p, preps, exclude=own)]
        elif row.type == "MOBILIZE" and (child.dep_ in PASSIVE_SUBJECTS or child.dep_ in OBJECTS):
            # the troops moved are the mover's own ("massed troops near the border with
            # India": India); "security forces were deployed": the mover
            moved = frozenset(phrase_actors(index, child))
            if child.dep_ in PASSIVE_SUBJECTS and not sources:
                sources = list(moved)
            targets += object_actors(index, child, preps, exclude=own | moved)
        elif child.dep_ in PASSIVE_SUBJECTS or child.dep_ in OBJECTS:
            if row.type == "PROTEST" and row.mode == "obstruct":
                continue  # "blocked the Pan-American Highway": a road, not the protest's target
            # those sent or withdrawn are the mover's own: "withdrew its troops from Syria"
            mine = (own | index.own_moved(child, sources)) if moves else own
            targets += object_actors(index, child, preps, exclude=mine)
        elif child.dep_ in ("prep", "prt") and (child.lower_ in preps or
                                                child.lower_ == row.particle):
            for pobj in _children(child, "pobj"):  # "called for sanctions against Iran"
                if moves and child.lower_ in ("to", "into"):
                    # where those moved go is the place of the unit they join: "sent troops
                    # to the UN mission in Mali" -> Mali
                    there = _joined_place(index, pobj, own)
                    if there:
                        targets += there
                        continue
                targets += object_actors(index, pobj, preps, exclude=own)
        elif child.dep_ == "advmod" and child.lower_ in DIRECTIONS:
            # "pulled its forces back from the border": the phrase hangs on the adverb
            targets += _prep_targets(index, child, preps, own)
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") \
            and _children(tok, "agent"):
        targets += object_actors(index, tok.head, preps)  # "Belarus, attacked by X"
    if not sources and row.objects:
        # "The pact between Egypt and Israel was signed": the signed pact's parties
        for obj in _children(tok, "dobj", "nsubjpass"):
            if obj.pos_ == "NOUN":
                sources, more = _noun_dyad(obj, row, index, lex)
                targets = targets or more
    objects = _children(tok, "dobj")
    if moves and not targets:
        # the destination the parser hangs on the moved: "sent vehicles and a team of
        # paratroopers to Lebanon"
        for obj in objects:
            for node in obj.subtree:
                if node.dep_ == "prep" and node.lower_ in ("to", "into") and \
                        node.head.pos_ in ("NOUN", "PROPN"):
                    targets += _named_by(index, node, own)
    for obj in objects:
        # a "by" phrase after the object is the object's doer, not the verb's agent (an
        # active verb has none; the parser hangs it on the verb): "denied charges by the
        # opposition" -> the opposition, as "criticized the attack on Syria by Israel"
        if obj.pos_ == "NOUN" and not index.at(obj):
            for prep in _children(tok, "prep"):
                if prep.lower_ == "by" and prep.i > obj.i:
                    doers = _named_by(index, prep, own)
                    targets = doers + [a for a in targets if a not in doers]
    if not targets and not objects and row.type not in ("PROTEST", "MOBILIZE"):
        # a shared object: "agreed and accepted the proposal by X", "condemned and rejected
        # the plan" -- the object after "V and V" is both verbs' (the parser gives it to the
        # second only); the second verb must have no subject of its own
        for conj in _children(tok, "conj"):
            if conj.i == tok.i + 2 and conj.pos_ == "VERB" and \
                    not _children(conj, "nsubj", "nsubjpass"):
                for obj in _children(conj, "dobj"):
                    targets += object_actors(index, obj, preps, exclude=own)
    if not targets and row.type in SMALL_CLAUSE_TARGETS and not objects:
        for comp in _children(tok, "ccomp", "oprd"):
            for subj2 in _children(comp, "nsubj"):
                targets += object_actors(index, subj2, preps, exclude=own)
    if not targets and objects:
        # "sought refuge in Jordan": the host asked for refuge (cues.json
        # "host_objects": object noun -> the preposition that names the host)
        hosts = lex.maps["host_objects"]
        for obj in objects:
            host = hosts.get(obj.lemma_.lower())
            if host is not None:
                for prep in _children(tok, "prep") + _children(obj, "prep"):
                    if prep.lower_ == host:
                        targets += _named_by(index, prep, own)
                if not targets and tok.dep_ == "advcl" and tok.tag_ == "VBG":
                    # where the seekers went: "arrived in Kyrgyzstan seeking refuge", "fled
                    # to Jordan seeking asylum"
                    for prep in _children(tok.head, "prep"):
                        if prep.lower_ in (host, "to", "into"):
                            targets += _named_by(index, prep, own)
    if not targets and row.type == "ASSAULT":
        targets += _attacked_states(index, tok)  # "struck targets in southern Lebanon"
    if not targets and row.type == "AID":
        targets += _helped(tok, index, lex, preps, own)
    # only when the verb has no object of its own ("urged governments to support X": no)
    governed = [] if objects else _children(tok, "xcomp")
    for _ in range(2):
        if targets or not governed:
            break
        # "refused to provide aid to Belarus", "rejected to continue granting Belarus ...":
        # the target of the governed action is the target of the governing act (not the
        # actor's own side: "threatened to cut US funding"; not the forces it would move:
        # "offered to dispatch soldiers to Mali")
        nxt = []
        for xcomp in governed:
            moves = xcomp.lemma_ in lex.cue("moving_verbs")
            for child in kids(xcomp):
                if child.dep_ == "dative" and child.pos_ == "ADP":
                    targets += [a for p in _children(child, "pobj")
                                for a in object_actors(index, p, preps, exclude=own)]
                elif child.dep_ in OBJECTS:
                    mine = (own | index.own_moved(child, sources)) if moves else own
                    targets += object_actors(index, child, preps, exclude=mine)
            targets += _prep_targets(index, xcomp, preps, own)
            nxt += _children(xcomp, "xcomp")
        governed = nxt
    if not targets and not objects and sources:
        # ... and so is the place a governed act is done to: "threatened to shell Kirkuk"
        # (see ``_place_target``)
        for xcomp in _children(tok, "xcomp"):
            for governed_row in lex.triggers.get(("VERB", xcomp.lemma_.lower()), ()):
                if governed_row.type in lex.cue("place_target_types"):
                    targets += _place_target(xcomp, governed_row, sources, index, lex)
                    break
    if not targets and row.type in VERBAL and tok.dep_ == "advcl" and tok.tag_ == "VBG":
        targets += _addressee(tok.head, index, lex, preps, own)
    return sources, targets


def _addressee(verb: Token, index: ActorIndex, lex: Lexicon, preps: frozenset[str],
               own: frozenset[str]) -> list[str]:
    """Whom a sent message is for: the target of the speech act that describes it ("sent a
    letter to the WHO threatening to cut funding" -> the WHO; cues.json "message_nouns")."""
    found: list[str] = []
    for obj in _children(verb, "dobj"):
        if obj.lemma_.lower() in lex.cue("message_nouns"):
            for prep in _children(verb, "dative", "prep") + _children(obj, "prep"):
                if prep.lower_ == "to":
                    found += [a for p in _children(prep, "pobj")
                              for a in object_actors(index, p, preps, exclude=own)]
    return found


def _attacked_states(index: ActorIndex, tok: Token) -> list[str]:
    """A state an attack happened in is its target when nothing else is: "struck targets in
    southern Lebanon", "the militia's attacks in Mali's north"."""
    found: list[str] = []
    for prep in _children(tok, "prep"):
        if prep.lower_ == "in":
            for p in _children(prep, "pobj"):
                for a in phrase_actors(index, p):
                    if index.types.get(a) == "state":
                        found.append(a)
    return found


def _helped(tok: Token, index: ActorIndex, lex: Lexicon, preps: frozenset[str],
            own: frozenset[str]) -> list[str]:
    """Who aid without a recipient is for, named by its purpose clause of help: "donated
    vaccines to assist Peru", "pledged funds to help Nepal rebuild" (a verb of the AID
    rows of triggers.tsv, not a constrained one)."""
    found: list[str] = []
    for clause in _children(tok, "advcl", "xcomp"):
        rows = lex.triggers.get(("VERB", clause.lemma_.lower()), ())
        if not any(r.type == "AID" and not r.objects for r in rows) \
                or not has_kid(clause, "aux", ("to",)):
            continue
        for child in kids(clause):
            if child.dep_ in OBJECTS:
                found += object_actors(index, child, preps, exclude=own)
            elif child.dep_ in ("ccomp", "xcomp"):
                for subj in _children(child, "nsubj"):  # "help Nepal rebuild"
                    found += object_actors(index, subj, preps, exclude=own)
    return found


def _joined_place(index: ActorIndex, unit: Token, own: frozenset[str]) -> list[str]:
    """The state in which a unit that is no actor serves: "the UN peacekeeping mission in
    Mali" -> Mali (not the UN, whose mission it is)."""
    if index.at(unit):
        return []
    for prep in _children(unit, "prep"):
        if prep.lower_ == "in":
            return _named_by(index, prep, own)
    return []


def _noun_dyad(tok: Token, row: Trigger, index: ActorIndex,
               lex: Lexicon) -> tuple[list[str], list[str]]:
    sources: list[str] = []
    modifiers: list[str] = []  # "a NATO summit", "US sanctions"
    targets: list[str] = []
    preps = lex.target_preps(row.type)
    of_is_source = row.type in ("CONSULT", "PROTEST", "MOBILIZE", "RETREAT", "COOPERATE")
    agents: list[str] = []  # "by X" names the doer even when "of Y" names the crowd
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
                elif low == "by":
                    agents += phrase_actors(index, pobj)
                elif (low == "of" and of_is_source) or \
                        (low == "from" and row.type in ("REQUEST", "AID", "PROTEST")):
                    sources += phrase_actors(index, pobj)
                elif low in preps or low in ("of", "for"):
                    targets += object_actors(index, pobj, preps)
    if agents:  # "protests of a few thousand people by the opposition"
        sources = agents + [a for a in sources if index.types.get(a) != "group"]
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
                    sources += _named_by(index, prep)
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
    if not sources and tok.dep_ == "pobj" and (head.head.pos_ in ("VERB", "AUX") or
                                               head.head.lemma_ in ("responsibility", "credit")):
        sources, targets = _participants(tok, row, index, lex, targets)
    if not targets and tok.dep_ == "nsubj" and row.type == "ASSAULT":
        for obj in _children(head, "dobj"):  # "a missile strike by Russia hit Kyiv"
            targets += object_actors(index, obj, preps)
    if sources and not targets and row.type == "ASSAULT":
        # "the militia's attacks in Mali": a doer's attacks in a state (a place alone makes no
        # event: "killings in Honduras rose")
        targets = [a for a in _attacked_states(index, tok) if a not in sources]
    known = index.deed(tok)
    if known is not None and sources in ([], [known[0]]):
        # "the annexation of Crimea", "Russia's annexation of Crimea": Russia's, on Ukraine
        sources = [known[0]]
        targets = targets or ([known[1]] if known[1] else [])
    return sources, targets


def _participants(tok: Token, row: Trigger, index: ActorIndex, lex: Lexicon,
                  targets: list[str]) -> tuple[list[str], list[str]]:
    """A noun trigger in a phrase of a verb: "went on strike", "travel ... for talks", "put
    its units on alert", "placed the activist under house arrest", "claimed responsibility
    for the attack", "At a meeting in Sochi, Putin and Lukashenko failed to ..."."""
    prep, verb = tok.head, tok.head.head
    subj, _ = subject_of(verb)
    doers = phrase_actors(index, subj) if subj is not None else []
    if prep.lower_ == "for" and verb.lemma_.lower() == "responsibility" or (
            verb.lemma_.lower() in ("responsibility", "credit")):
        claimer = verb.head  # "claimed responsibility for the attack"
        if claimer.lemma_.lower() in ("claim", "take", "accept", "admit"):
            subj, _ = subject_of(claimer)
            return (phrase_actors(index, subj) if subj is not None else []), targets
        return [], targets
    if prep.lower_ not in lex.cue("participation_prepositions") and prep.lower_ not in \
            ADJUNCT_PREPS and prep.lower_ not in ("toward", "towards"):
        return [], targets
    if row.type == "CONSULT":
        # "At the meeting, Putin said ...": one speaker at a meeting is no consultation
        return (doers if targets or len(doers) > 1 or prep.lower_ == "for" else []), targets
    if row.type == "COERCE":  # "placed X under arrest", "took X into custody"
        objs = [a for o in _children(verb, "dobj") for a in phrase_actors(index, o)]
        return doers, targets or objs
    if row.type in ("PROTEST", "MOBILIZE") or (
            row.type in ("SUPPORT", "COOPERATE") and prep.lower_ in ("toward", "towards")):
        return doers, targets  # "went on strike", "worked toward a rapprochement with Minsk"
    return [], targets


def _host(tok: Token, sources: list[str], index: ActorIndex,
          actors: dict[str, Any]) -> list[str]:
    """The state hosting a visit to one of its places ("visited Warsaw", "was in Washington"),
    when that state is an actor of the article and the visitor comes from elsewhere."""
    places = [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("in", "to")
              for p in _children(c, "pobj")] + _children(tok, "dobj")
    home = {actors[a].country for a in sources if a in actors}
    for place in places:
        actor = actors.get(index.places.get(place.i, ""))
        if actor is None or not actor.country or actor.country in home:
            continue
        return [a.id for a in actors.values()
                if a.type == "state" and a.country == actor.country][:1]
    return []


def _place_target(tok: Token, row: Trigger, sources: list[str], index: ActorIndex,
                  lex: Lexicon) -> list[str]:
    """The place an act of a type that can be done to a place is done to (cues.json
    "place_target_types": "shelled Kirkuk", "imposed a curfew in Kismayo", "massed troops in
    Aleppo", "withdrew from Kashmir", "the attack in Kandahar"), named by the trigger's object
    or passive subject, its target phrases, "in" (and a noun trigger's "of"), or those of an
    object that is no actor of the event; coded as ``ActorIndex.place_target`` says."""
    preps = lex.target_preps(row.type) | lex.cue("place_target_prepositions")
    parts = lex.cue("place_part_nouns")
    holders = [tok]
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.i != tok.i \
            and tok.head.lemma_.lower() in lex.cue("light_verbs"):
        holders.append(tok.head)  # "imposed a curfew in X": the phrase hangs on the verb
    for holder in holders:
        for child in kids(holder):
            if child.i == tok.i:
                continue
            place = None
            if child.dep_ in OBJECTS or child.dep_ in PASSIVE_SUBJECTS:
                place = index.place_in(child, preps, parts)
            elif child.dep_ in ("prep", "dative") and (
                    child.lower_ in preps or (child.lower_ == "of" and tok.pos_ == "NOUN")):
                for pobj in _children(child, "pobj"):
                    place = place or index.place_in(pobj, preps, parts)
            if place:
                return index.place_target(place, sources)
    return []


def _reporters(tok: Token, index: ActorIndex, lex: Lexicon) -> list[str]:
    """Who "they" are in a reported clause: the reporter ("the Taliban claimed that they
    had attacked", "police said they had arrested four suspects")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in lex.cue("claim_verbs"):
            subj, _ = subject_of(cur.head)
            return phrase_actors(index, subj) if subj is not None else []
        if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
            break
        cur = cur.head
    return []


def _pairs(sources: list[str], targets: list[str],
           symmetric: bool) -> list[tuple[str | None, str | None]]:
    """Source x target pairs. Co-subjects of a symmetric act ("A and B agreed") are each
    other's counterpart; of a directed one ("both A and B proposed …") they are two sources."""
    others = []  # loops, not comprehensions: this runs for every trigger
    for t in targets:
        if t not in sources:
            others.append(t)
    targets = others or (sources[1:2] if len(sources) > 1 and symmetric else [])
    if targets and len(sources) > 1 and targets[0] == sources[1]:
        sources = sources[:1]  # reciprocal "A and B agreed": one event A -> B
    srcs: list[str | None] = list(sources) or [None]
    tgts: list[str | None] = list(targets) or [None]
    pairs: list[tuple[str | None, str | None]] = []
    for s in srcs:
        for other in tgts:
            if s != other or s is None:
                pairs.append((s, other))
    return pairs[:MAX_PAIRS]


def code_article(article: Article, lex: Lexicon) -> tuple[Event, ...]:
    if article.doc is None or not article.body:
        return ()
    doc = Parse(article.doc)
    try:
        return _code(article, doc, lex)
    finally:
        doc.release()


def _code(article: Article, doc: Parse, lex: Lexicon) -> tuple[Event, ...]:
    index = ActorIndex(doc, article.mentions, article.actors)
    index.use_deeds(lex.deeds, article.published)
    sentences = Sentences(article, doc)
    # a trigger can only find actors in its own sentence: sentences without any are skipped
    allowed = bytearray(len(doc))  # 1: a position in such a sentence
    for sent in {sentences.of_token[i] for i in index.by_token}:
        lo, hi = sentences.windows[sent]
        allowed[lo:hi] = b"\x01" * (hi - lo)
    hits = find_triggers(doc, lex, allowed)
    if not hits:
        return ()
    actors = {a.id: a for a in article.actors}
    dates = DateFinder(article, doc, hits, sentences)
    events: list[Event] = []
    evidences: dict[int, Evidence] = {}
    for hit in hits:
        tok = hit.token
        sent = sentences.of_token[tok.i]
        start, end = sentences.spans[sent]
        index.window = sentences.windows[sent]
        if tok.pos_ in ("VERB", "AUX"):
            sources, targets = _verb_dyad(tok, hit.row, index, lex)
            reading_row = adjust(tok, hit.row, sources, actors, lex)
        else:
            reading_row = adjust(tok, hit.row, [], actors, lex)
            if reading_row is not None:
                sources, targets = _noun_dyad(tok, reading_row, index, lex)
        if reading_row is None:
            continue
        row = reading_row
        if row.mode == "visit" and sources and not targets:
            targets = _host(tok, sources, index, actors)
        if sources and not targets and row.type in lex.cue("place_target_types"):
            targets = _place_target(tok, row, sources, index, lex)
        if tok.lemma_ == "be" and not targets:
            continue  # "was in Washington" is a visit only when a foreign state hosts it
        location = place_of(tok, lex) if sources or targets or row.type == "PROTEST" else None
        if not sources and not targets and not (row.type == "PROTEST" and location):
            continue  # a street protest with a place is an event even when its crowd is no actor
        if row.type in VERBAL and not sources:
            # a visit or meeting needs someone doing it ("tourists visited Vilnius"), a
            # statement someone making it: PLOVER codes no speakerless verbal act
            continue
        pairs = _pairs(sources, targets, row.type in MUTUAL)
        if not pairs:
            continue
        reading = read_status(tok, lex, index.window, purpose=row.type not in STATED_ACTS)
        row, status = by_status(tok, row, reading.status, reading.governor, lex)
        claimed_by = None
        if reading.claimer is not None:
            claimers = phrase_actors(index, reading.claimer)
            claimed_by = claimers[0] if claimers else None
        date, date_source = dates.date_of(tok)
        known = index.deed(tok) if date_source != "sentence" else None
        if known is not None and known[0] in sources:
            date, date_source = known[2], "known_deed"  # the deed's own date, not the context's
        evidence = evidences.get(sent)
        if evidence is None:  # one per sentence: its events share it
            text = article.body[start:end]
            evidence = evidences[sent] = Evidence(start=start, end=end, text=text)
        for source, target in pairs:
            both = source is not None and target is not None
            events.append(Event(
                type=row.type, source_actor=source, target_actor=target,
                status=status,  # type: ignore[arg-type]
                mode=row.mode, context=row.context, claimed_by=claimed_by, date=date,
                date_source=date_source, location=location, trigger=tok.text,
                evidence=(evidence,),
                confidence=round(row.weight * (1.0 if both else 0.8), 2), cameo=row.cameo))
    return merge_events(events)
