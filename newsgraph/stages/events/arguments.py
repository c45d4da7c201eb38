"""Who did what to whom: source and target actors from the dependency parse.

Actors come only from resolved mentions (``article.mentions``) that sit inside the
trigger's own syntactic arguments: the subject or passive agent is the source, the object
or a "to/with/against/on ..." phrase is the target. A mention elsewhere in the sentence is
never used, which is what keeps unrelated actors out of a dyad.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ...models import Actor, Mention
from .lexicon import Deed
from .tree import Parse, has_kid, kids, kids_with, oriented

Token = Any  # spaCy Token; typed loosely so the package imports without spaCy

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "dative", "obj", "iobj"})
RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
# how far an argument phrase is searched for a mention (head, then these children)
NP_INNER = ("poss", "compound", "amod", "nmod", "appos")
# phrases of an object that may name the target when the object is no actor: "the plan for
# Yemen", "the tariffs between it and Japan"
OBJECT_PREPS = frozenset({"for", "of", "in", "by", "between"})
# actor types that act for their state: their own state is no target of theirs ("Putin
# replaced his ambassador"); rebels, the opposition, crowds or companies are not the state
STATE_SIDE = frozenset({"state", "government", "military"})
# organisations whose leaders do not hold a state office ("leader of Hamas", "CEO of Gazprom")
NON_STATE_ORGS = ("local:rebel:", "local:company:", "local:party:", "local:opposition:",
                  "local:org:", "local:ngo:", "local:media:", "local:group:")
# "the rebel-held town", "Houthi-controlled districts", "the Hamas-run enclave": the participle
# names who holds the place (not "Israeli-occupied": an occupied place is another's)
HOLDING = frozenset({"hold", "control", "run"})
# "accused Israel of bombing": the object did the governed act
ACCUSING = frozenset({"accuse", "blame", "charge", "suspect", "condemn", "criticize",
                      "criticise", "praise", "thank", "punish", "sanction", "fine"})
# "got Putin to replace", "urged Minsk to join": the object is the subject of the infinitive
OBJECT_CONTROL = frozenset({
    "get", "ask", "urge", "force", "press", "pressure", "persuade", "convince", "call", "allow",
    "help", "push", "invite", "order", "tell", "encourage", "compel", "lead", "prompt", "want",
})


class ActorIndex:
    """Token index -> actor id for the mentions of one document."""

    def __init__(self, doc: Parse, mentions: Sequence[Mention], actors: Sequence[Actor]) -> None:
        self.by_token: dict[int, str] = {}
        self.kinds: dict[int, str] = {}
        places = {a.id for a in actors if a.type == "location"}
        self.place_ids = places
        self.types = {a.id: a.type for a in actors}
        self.countries = {a.id: a.country for a in actors}
        self.state_side = frozenset(a.id for a in actors if state_side(a))
        self.states: dict[str, list[str]] = {}  # country -> its state actors
        for a in actors:
            if a.type == "state" and a.country:
                self.states.setdefault(a.country, []).append(a.id)
        self.places: dict[int, str] = {}  # token -> location actor ("was in Washington")
        by_token, kinds = self.by_token, self.kinds
        first, after = doc.token_bounds([m.start for m in mentions], [m.end for m in mentions])
        for m, lo, hi in zip(mentions, first, after, strict=True):
            actor = m.actor_id
            if actor in places:
                for i in range(lo, hi):
                    self.places.setdefault(i, actor)
            elif hi == lo + 1:  # most mentions are one token
                if lo not in by_token:
                    by_token[lo] = actor
                    kinds[lo] = m.kind
            else:
                for i in range(lo, hi):  # the first mention of a token names it
                    if i not in by_token:
                        by_token[i] = actor
                        kinds[i] = m.kind

        # token window of the sentence being coded: a parse that runs across a sentence
        # boundary must not bring in actors from the neighbouring sentence
        self.window = (0, len(doc))
        # (noun lemma, object) -> (doer, target actor ids, date) of the known deeds this
        # article can mean (see ``use_deeds``)
        self.deeds: dict[tuple[str, str], tuple[str, str | None, str]] = {}
        self.deed_nouns: frozenset[str] = frozenset()

    def use_deeds(self, deeds: Mapping[tuple[str, str], Deed], published: str | None) -> None:
        """Know the deeds of ``deeds.tsv`` whose doer state is an actor of this article and
        that had happened by its publication date (an undated article: all of them)."""
        def state(iso3: str | None) -> str | None:
            found = self.states.get(iso3 or "")
            return found[0] if found else None

        for key, deed in deeds.items():
            doer = state(deed.doer)
            if doer is not None and (published is None or deed.since <= published):
                self.deeds[key] = (doer, state(deed.target), deed.since)
        self.deed_nouns = frozenset(noun for noun, _ in self.deeds)

    def deed(self, tok: Token) -> tuple[str, str | None, str] | None:
        """Doer, target and date of the known deed the noun ``tok`` names: "the annexation
        of Crimea", "the Crimea annexation" -> (Russia, Ukraine, 2014-03-18)."""
        if tok.pos_ != "NOUN" or tok.lemma_ not in self.deed_nouns:
            return None
        named = [c for c in kids(tok) if c.dep_ in ("compound", "amod")]
        for prep in kids(tok):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                named += [p for p in kids(prep) if p.dep_ == "pobj"]
        for head in named:
            words = [c.lower_ for c in kids(head) if c.dep_ in ("compound", "amod")]
            for name in (" ".join([*words, head.lower_]), head.lower_):
                found = self.deeds.get((tok.lemma_, name))
                if found is not None:
                    return found
        return None

    def own_states(self, sources: Iterable[str]) -> frozenset[str]:
        """The states the sources act for: "Putin replaced his ambassador to the country":
        his ambassador is Russia's own, the target is the country. Only sources on the
        state's side have one: "Houthi rebels rejected a peace plan from the Yemeni
        government", "Navalny criticized Russia" and "Greek protesters denounced Greece"
        target their own state."""
        found: set[str] = set()
        for a in sources:
            if a in self.state_side:
                found.update(self.states.get(self.countries.get(a) or "", ()))
        return frozenset(found)

    def own_moved(self, phrase: Token, sources: Iterable[str]) -> frozenset[str]:
        """Who an object phrase of a moving verb names as the mover's own people: forces,
        officials, teams without a country or of the mover's ("withdrew its troops from
        Syria", "sent doctors to Pakistan", "recalled its ambassador from Minsk"): those moved
        are no target, where they go or come from is. Without a mover they are all the event
        has."""
        if not sources:
            return frozenset()
        homes = set()
        for a in sources:
            homes.add(self.countries.get(a))
        found = set()
        for a in phrase_actors(self, phrase):
            if self.types.get(a) not in ("state", "igo", "location") and (
                    self.countries.get(a) is None or self.countries.get(a) in homes):
                found.add(a)
        return frozenset(found)

    def at(self, tok: Token) -> str | None:
        i = tok.i
        lo, hi = self.window
        return self.by_token.get(i) if lo <= i < hi else None

    def place_in(self, tok: Token, preps: frozenset[str], parts: frozenset[str],
                 depth: int = 0) -> str | None:
        """The location actor a phrase names: its head or a modifier ("Basra", "the Kirkuk
        outskirts"), else the place of one of its ``preps`` or "of" phrases
        ("targets in Kirkuk"; one phrase deep, not "sanctions on the reconstruction of
        Aleppo"), or of the "of" phrase of a part of a place at any depth ("a curfew in parts
        of Kismayo"; ``parts``: cues.json "place_part_nouns"), then of its coordinated parts."""
        lo, hi = self.window
        places = self.places
        if lo <= tok.i < hi and tok.i in places:
            return places[tok.i]
        children = kids(tok)
        for child in children:
            if child.dep_ in NP_INNER and lo <= child.i < hi and child.i in places:
                return places[child.i]
        part = tok.lemma_.lower() in parts
        if not depth or (part and depth < 3):
            for child in children:
                if child.dep_ == "prep" and (child.lower_ == "of" or (
                        child.lower_ in preps and not depth)):
                    for pobj in kids(child):
                        if pobj.dep_ == "pobj":
                            found = self.place_in(pobj, preps, parts, depth + 1)
                            if found:
                                return found
        for child in children:
            if child.dep_ == "conj":
                found = self.place_in(child, preps, parts, depth)
                if found:
                    return found
        return None

    def place_target(self, place: str, sources: Sequence[str]) -> list[str]:
        """Whom an act on ``place`` targets: the state of its country when that state is an
        actor of the article (CAMEO codes a city as its country), else the place itself; none
        when the place is in a source's own state ("Iraqi police imposed a curfew on Basra")
        -- a source on the state's side acting at home has no foreign target."""
        country = self.countries.get(place)
        if country and any(self.countries.get(a) == country for a in sources
                           if a in self.state_side):
            return []
        states = self.states.get(country or "")
        if states:
            return [] if states[0] in sources else [states[0]]
        return [place]


def state_side(actor: Actor) -> bool:
    """Whether ``actor`` acts for its state: a state, its government or military, or a person
    whose current office is a state's (not "Opposition leader", not the leader of a rebel
    group, a party or a company)."""
    if actor.type in STATE_SIDE:
        return True
    role = (actor.role or "").lower()
    if actor.type != "person" or not role or "opposition" in role:
        return False
    for held in actor.roles:
        if role.startswith(held.title.lower()):
            return not (held.org or "").startswith(NON_STATE_ORGS)
    return True  # an office without a known organisation ("Interior Minister")


_children = kids_with


def antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("the demand, which ...")."""
    if tok.lower_ in RELATIVE:
        clause = tok.head
        while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
            if clause.dep_ in ("ROOT",):
                return tok
            clause = clause.head
        if clause.dep_ in ("relcl", "acl"):
            return clause.head
    return tok


def phrase_actors(index: ActorIndex, tok: Token, *, depth: int = 0) -> list[str]:
    """Actors named by the noun phrase headed by ``tok`` (with its coordinated parts)."""
    if tok.lower_ in RELATIVE:
        tok = antecedent(tok)
    found: list[str] = []
    children = kids(tok)
    own = index.at(tok)
    if own and not oriented(tok):
        found.append(own)
        found += _coordinated(index, children, own)
    elif depth < 2:
        inner = None  # the first modifier that is an actor, or an apposition that is one
        for child in children:
            if child.dep_ in NP_INNER and index.at(child) and not oriented(child):
                if child.dep_ == "appos":
                    # an apposition is the phrase itself, its head's modifiers only describe
                    # it: "its EU partner Poland" is Poland, not France or the EU
                    inner = child
                    break
                if inner is None:
                    inner = child
        if inner is not None:
            found.append(index.by_token[inner.i])
        else:
            for child in children:
                # "a group of protesters", "volunteers from the Red Crescent"; examples name
                # the members: "allies like Japan", "groups such as Hamas"
                if child.dep_ == "prep" and (child.lower_ in ("of", "from", "like") or (
                        child.lower_ == "as" and has_kid(child, "amod", ("such",)))):
                    for pobj in _children(child, ("pobj",)):
                        found.extend(phrase_actors(index, pobj, depth=depth + 1))
            if not found:
                for child in children:
                    if child.dep_ == "appos":
                        found.extend(phrase_actors(index, child, depth=depth + 1))
    for conj in children:
        if conj.dep_ == "conj":
            found.extend(a for a in phrase_actors(index, conj, depth=depth) if a not in found)
    return found if len(found) < 2 else _unique(found)


def object_actors(index: ActorIndex, tok: Token, preps: frozenset[str],
                  depth: int = 0, exclude: frozenset[str] = frozenset()) -> list[str]:
    """Actors of an object phrase: the head itself, else its recipient, owner or origin.

    "suspended its oil deliveries to Belarus" -> Belarus; "cut off Russia's exports" -> Russia;
    "the Saudi plan for a ceasefire in Yemen" -> Saudi Arabia; "recognized the government in
    Kyiv" -> Ukraine; "the decision by Britain" -> Britain. Actors in ``exclude`` (the event's
    source) send the search on: "recalled its ambassador from Spain" -> Spain.
    """
    tok = antecedent(tok)
    direct = phrase_actors(index, tok)
    if index.at(tok) and not exclude.issuperset(direct):
        return direct
    if not direct:  # the holder is a modifier: "pounded the rebel-held enclave of X" -> rebels
        holder = holder_of(index, tok)
        if holder is not None:
            direct = [holder]
    phrases = _children(tok, ("prep",))
    for prep in phrases:
        # a "by" phrase names the doer of the object's act: "condemned the invasion of Iraq
        # by the United States" -> the United States, "the decision by Britain" -> Britain
        if prep.lower_ == "by":
            got = [a for p in _children(prep, ("pobj",)) for a in phrase_actors(index, p)]
            if got and not exclude.issuperset(got):
                return got
    ordered = []  # its target prepositions first, then the other phrases that may name one
    for p in phrases:
        if p.lower_ in preps:
            ordered.append(p)
    if not direct or exclude.issuperset(direct):
        for p in phrases:
            if p.lower_ in OBJECT_PREPS and p.lower_ not in preps:
                ordered.append(p)
    for prep in ordered:
        for pobj in _children(prep, ("pobj",)):
            got = phrase_actors(index, pobj) if depth else \
                object_actors(index, pobj, preps, depth + 1, exclude)
            if got and not exclude.issuperset(got):
                return got
    if direct and not exclude.issuperset(direct):
        return direct
    direct = []
    participles = _children(tok, ("acl",))
    for acl in participles:  # "the proposal put forward by France"
        for agent in _children(acl, ("agent",)):
            for pobj in _children(agent, ("pobj",)):
                direct = phrase_actors(index, pobj)
    if not direct or exclude.issuperset(direct):
        # the target phrase of a past participle: "lifted the sanctions imposed on Zimbabwe",
        # "eased the restrictions placed on Malian traders" (not an infinitive's: "the
        # decision to act against X" is about X, not on it)
        for acl in participles:
            if acl.tag_ != "VBN":
                continue
            for prep in _children(acl, ("prep",)):
                if prep.lower_ in preps:
                    for pobj in _children(prep, ("pobj",)):
                        got = phrase_actors(index, pobj)
                        if got and not exclude.issuperset(got):
                            return got
        direct = []
    known = index.deed(tok) if not direct else None
    if known is not None and known[0] not in exclude:
        direct = [known[0]]  # "denounced the annexation of Crimea" -> Russia
    return direct


def holder_of(index: ActorIndex, tok: Token) -> str | None:
    """Who holds the place ``tok`` names by a hyphenated participle: "the rebel-held enclave",
    "Houthi-controlled districts" -> the rebels, the Houthis."""
    for amod in kids(tok):
        if amod.dep_ == "amod" and amod.lemma_ in HOLDING and amod.tag_ == "VBN":
            for child in kids(amod):
                if child.dep_ in ("npadvmod", "compound", "nmod") and index.at(child):
                    return index.by_token[child.i]
    return None


def _coordinated(index: ActorIndex, children: tuple[Token, ...], own: str) -> list[str]:
    """ "Armenian and Azerbaijani forces": the other modifier's actor takes part too
    (``children``: those of the phrase's head)."""
    out: list[str] = []
    for child in children:
        if child.dep_ not in ("amod", "compound"):
            continue
        conjuncts = child.conjuncts
        if conjuncts:
            for part in (child, *conjuncts):
                actor = index.at(part)
                if actor and actor != own and actor not in out:
                    out.append(actor)
    return out


def subject_of(tok: Token, depth: int = 0, *, raised: bool = False) -> tuple[Token | None, bool]:
    """The token that is the logical subject of verb ``tok``, and whether it is passive.

    Follows control and coordination: "agreed to send" (subject of agreed), "got Putin to
    replace" (object of got), "is expected to meet" (the passive subject of expected),
    "Minsk shut down X and got Y" (shared subject), "by refusing" (subject of the verb the
    phrase attaches to), "accused Israel of bombing" (the accused).
    """
    subj = agent = passive = None  # the first of each among the children
    for child in kids(tok):
        dep = child.dep_
        if dep in SUBJECTS:
            subj = subj or child
        elif dep == "agent":
            agent = agent or child
        elif dep in PASSIVE_SUBJECTS:
            passive = passive or child
    if subj is not None and not (tok.dep_ == "advcl" and has_kid(tok, "aux", ("to",)) and
                                 has_kid(tok, "mark", ("before", "after", "than"))):
        return subj, False
    if agent is not None:
        pobj = _children(agent, ("pobj",))
        if pobj:
            return pobj[0], False
    if passive is not None:
        return (passive, False) if raised else (None, True)
    head = tok.head
    if head.i == tok.i:
        return _left_neighbour(tok), False
    if depth > 4:
        return None, False
    dep = tok.dep_
    infinitival = dep == "advcl" and has_kid(tok, "aux", ("to",))
    if dep == "xcomp" or (infinitival and head.lemma_ in OBJECT_CONTROL):
        obj = _children(head, ("dobj",))
        if obj and head.lemma_ in OBJECT_CONTROL:
            return obj[0], False
        return subject_of(head, depth + 1, raised=True)
    if dep in ("conj", "advcl"):
        return subject_of(head, depth + 1)
    if dep == "acl" and head.pos_ == "NOUN" and tok.tag_ == "VB":
        # "efforts to deepen", "plan to join": the planner is the possessor or the subject of
        # the verb the noun depends on
        poss = _children(head, ("poss",))
        if poss:
            return poss[0], False
        if head.dep_ in ("dobj", "pobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
            return subject_of(head.head, depth + 1)
        if head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
            return subject_of(head.head.head, depth + 1)  # "sent envoys in order to sign"
        return head, False
    if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head, False
    if dep == "acomp":  # "is able to convince"
        return subject_of(head, depth + 1)
    if dep == "pcomp":
        gov = head.head
        if gov.pos_ == "NOUN" and gov.dep_ in ("dobj", "attr", "pobj", "conj"):
            gov = gov.head  # "made a point of supporting", "no choice but to take"
        if gov.pos_ in ("VERB", "AUX"):
            obj = _children(gov, ("dobj",))
            if obj and gov.lemma_ in ACCUSING and head.lower_ in ("of", "for"):
                return obj[0], False
            return subject_of(gov, depth + 1)
    return None, False


def _left_neighbour(verb: Token) -> Token | None:
    """A root verb the parser left without a subject ("..., US secretary of state Mike Pompeo
    visited Minsk" parsed with Pompeo as an apposition): take the noun right before it."""
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    if i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "PRON") and doc[i].dep_ in (
            "appos", "conj", "pobj", "npadvmod", "dobj"):
        return doc[i]
    return None


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out
