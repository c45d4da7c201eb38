"""Generic agents: actors news names by what they are, not who ("police", "protesters",
"Iraqi troops", "a Swiss court", "the opposition", "rebel leaders").

Runs after name resolution, on the noun phrases no mention covers yet. The nouns and their
classes are data (``data/agents.tsv``). A country comes from the phrase itself: a demonym or a
state ("Iraqi troops", "Gondor police"), a possessor ("Niger's junta"), an "of/from/in X"
phrase ("soldiers from Gondor", "a court in Paris"), else from a place phrase of the clause's
verb ("police arrested dozens in Minsk"). Ids are stable per article:
``local:<type>:<iso3>-<key>`` with a country, ``local:<type>:<key>`` without; a generic
government word with a country stands for the state itself ("Chinese authorities" = China,
as the state = government model of docs/actors.md says).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...models import Actor, Mention
from ..parsing import oriented, token_ranges
from .kb import DATA, KB, norm, slug

Token = Any

MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
OWN_PREPS = frozenset({"of", "from", "in"})
PLACE_PREPS = frozenset({"in", "near", "outside", "across", "at", "throughout", "around"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# an agent noun under one of these stands for it: "UN inspectors" are the UN
ORG_TYPES = frozenset({"igo", "ngo", "party", "company", "media", "opposition", "rebel"})


@dataclass(frozen=True, slots=True)
class Agent:
    type: str
    key: str
    name: str
    flags: frozenset[str]


@lru_cache(maxsize=1)
def load_owners() -> frozenset[str]:
    """``data/owners.tsv``: nouns a demonym in front of which names the state."""
    lines = (DATA / "owners.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def load_agents() -> dict[tuple[str, ...], Agent]:
    """``data/agents.tsv``: (lemma,) or (modifier lemma, head lemma) -> agent class."""
    table: dict[tuple[str, ...], Agent] = {}
    lines = (DATA / "agents.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    for noun, type_, key, name, flags in rows[1:]:  # rows[0]: the column names
        table[tuple(noun.split())] = Agent(type_, key, name,
                                           frozenset(() if flags == "-" else flags.split(",")))
    return table


class _Covered:
    """Which tokens an existing mention covers, and by which actor."""

    def __init__(self, doc: Any, mentions: Sequence[Mention]) -> None:
        self.by_token: dict[int, str] = {}
        for m, tokens in zip(mentions, token_ranges(doc, [(m.start, m.end) for m in mentions]),
                             strict=True):
            for i in tokens:
                self.by_token.setdefault(i, m.actor_id)


def _lemma(tok: Token) -> str:
    return str(tok.lemma_).lower()


def _row(tok: Token, table: dict[tuple[str, ...], Agent]) -> tuple[Agent, Token | None] | None:
    """The agent class of head noun ``tok`` and the modifier that made a two-word row."""
    lemma = _lemma(tok)
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod"):
            for mod in (_lemma(child), child.lower_):  # "rights groups": lemma "right"
                if (mod, lemma) in table:
                    return table[(mod, lemma)], child
    agent = table.get((lemma,)) or table.get((tok.lower_,))
    return (agent, None) if agent is not None else None


def _is_agent_word(tok: Token, table: dict[tuple[str, ...], Agent]) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "ADJ") and (
        (_lemma(tok),) in table or (tok.lower_,) in table)


class _Finder:
    def __init__(self, doc: Any, actors: Sequence[Actor], mentions: Sequence[Mention],
                 kb: KB) -> None:
        self.doc, self.kb = doc, kb
        self.table = load_agents()
        self.covered = _Covered(doc, mentions).by_token
        self.actors = {a.id: a for a in actors}

    # ----------------------------------------------------------------- countries

    def _country_of_token(self, tok: Token, depth: int = 0) -> str | None:
        actor_id = self.covered.get(tok.i)
        if actor_id is not None:
            actor = self.actors.get(actor_id)
            return actor.country if actor is not None else None
        state = self.state_named(tok)
        if state is not None:
            return state.country
        if depth == 0 and tok.pos_ in ("NOUN", "PROPN"):
            for child in tok.lefts:  # "a delegation of Ukrainian lawmakers"
                if child.dep_ in MODIFIERS and (country := self._country_of_token(child, 1)):
                    return country
        return None

    def state_named(self, tok: Token) -> Any:
        """The state a demonym or state name at ``tok`` names ("Iraqi", "South Korean")."""
        span = self.doc[tok.left_edge.i:tok.i + 1] if tok.left_edge.i < tok.i else None
        for text in ([span.text] if span is not None else []) + [tok.text]:
            for alias in self.kb.aliases.get(tuple(norm(w) for w in text.split()), ()):
                entry = self.kb.entries.get(alias.value)
                if entry is not None and entry.type == "state" and alias.kind in (
                        "demonym", "actor", "metonym"):
                    return entry
        return None

    def _demonym_of(self, tok: Token) -> bool:
        """Whether a demonym no mention covers modifies ``tok`` ("a Bulgarian diplomat", "a
        senior Indian official"): a singular of a plural-only noun is then one of that state's
        people, not the word's other senses ("the use of force", "a diplomat said")."""
        for child in tok.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and child.i not in self.covered \
                    and not oriented(child) and self.state_named(child) is not None:
                return True
        return False

    def _country(self, tok: Token) -> str | None:
        for child in tok.lefts:
            # "the pro-US opposition": an orientation, not the opposition's country
            if child.dep_ in MODIFIERS and not oriented(child):
                country = self._country_of_token(child)
                if country:
                    return country
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in OWN_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (country := self._country_of_token(pobj)):
                        return country
        verb = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ in ("VERB", "AUX"):
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.i in self.covered:
                            actor = self.actors.get(self.covered[pobj.i])
                            if actor is not None and actor.type in ("location", "state"):
                                return actor.country
        return None

    # ----------------------------------------------------------------- one noun phrase

    def _absorbed(self, tok: Token) -> bool:
        """A modifier of another agent noun ("opposition" in "opposition supporters") or of a
        name ("police chief Ivan Petrov") is part of that phrase, not an actor of its own."""
        if tok.dep_ not in MODIFIERS or tok.head.i == tok.i:
            return False
        head = tok.head
        # ... when that noun is an actor: "a terrorist organization" stays the militants when
        # "organization" is one only with a country
        return head.i in self.covered or (
            head.pos_ in ("NOUN", "PROPN") and _is_agent_word(head, self.table)
            and self.agent_at(head) is not None)

    def _named(self, tok: Token) -> bool:
        """ "an opposition leader, Amina Yusuf", "the president of Belarus Alexander
        Lukashenko": the person is the name, not the class."""
        if any(c.dep_ == "appos" for c in tok.children):
            return True
        after = tok.right_edge.i + 1
        if any(t.ent_type_ == "PERSON" for t in tok.subtree if t.i > tok.i) or (
                after < len(self.doc) and self.doc[after].ent_type_ == "PERSON"):
            return True
        if tok.dep_ == "appos" and tok.head.i in self.covered:
            return True
        return any(c.dep_ == "compound" and c.i in self.covered and c.i > tok.i
                   for c in tok.children)

    def _of_agent(self, tok: Token) -> bool:
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (pobj.i in self.covered or _row(
                            pobj, self.table) is not None):
                        return True
        return False

    def org_of(self, tok: Token) -> Actor | None:
        """ "UN inspectors", "NATO troops", "Amnesty researchers": the organisation."""
        for child in tok.lefts:
            actor = self.actors.get(self.covered.get(child.i, ""))
            if child.dep_ in ("compound", "nmod", "poss") and actor is not None \
                    and actor.type in ORG_TYPES:
                return actor
        for prep in tok.rights:  # "militants from the Coastal Freedom Movement"
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for pobj in prep.children:
                    actor = self.actors.get(self.covered.get(pobj.i, ""))
                    if pobj.dep_ == "pobj" and actor is not None and actor.type in ORG_TYPES:
                        return actor
        return None

    def agent_at(self, tok: Token) -> tuple[int, Agent, str | None, list[Token]] | None:
        """(span start, class, country, noun modifiers) of the agent headed by ``tok``."""
        found = _row(tok, self.table)
        if found is None:
            return None
        agent, pair = found
        flags = agent.flags
        if "only_modifier" in flags or ("plural" in flags and tok.tag_ not in PLURAL_TAGS
                                        and not self._demonym_of(tok)):
            return None  # "a diplomat said" is nobody; "a Bulgarian diplomat" is Bulgaria's
        if tok.tag_ not in PLURAL_TAGS and self._named(tok):
            return None  # "the journalist Yusuf Ata": the name is the actor
        if "member" in flags and pair is None and self._of_agent(tok):
            return None  # "a delegation of Ukrainian lawmakers": the lawmakers
        mods = [c for c in tok.lefts if c.dep_ in MODIFIERS and c.i not in self.covered]
        if "member" in flags and pair is None:
            for child in mods:
                if child.dep_ != "poss" and _is_agent_word(child, self.table):
                    row = _row(child, self.table)
                    if row is not None:
                        agent = row[0]
                        break
            else:
                if "modifier" in flags and not (tok.tag_ in PLURAL_TAGS
                                                and self._demonym_of(tok)):
                    return None  # "leaders", "groups", "the party": nobody in particular
                # "Nigerian leaders", "Russian commanders": that state's, not one of them
                # ("the Russian leader" is someone in particular)
        elif "modifier" in flags and pair is None and not mods:
            return None
        country = self._country(tok)
        coordinated = [c for m in mods if m.dep_ == "amod" for c in m.conjuncts
                       if self.state_named(c) is not None]
        if coordinated:  # "Armenian and Azerbaijani forces": this one is Azerbaijan's
            last = max(coordinated, key=lambda c: c.i)
            country = self._country_of_token(last)
            mods = [m for m in mods if m.i >= last.i]
        if "country" in flags and country is None:
            return None  # "missiles" alone are a thing, "Russian missiles" the Russian army
        if "demonym" in flags and not self._demonym_of(tok):
            return None  # "Pakistani newspapers", not one paper ("Algeria's largest newspaper")
        keep = [c for c in mods if c.dep_ != "poss" or c.pos_ == "NOUN"]
        start = min([c.i if coordinated else c.left_edge.i for c in keep] + [tok.i])
        while start < tok.i and (self.doc[start].i in self.covered
                                 or self.doc[start].pos_ in ("DET", "PRON", "NUM", "PUNCT")):
            start += 1
        nouns = [c for c in keep if c.pos_ == "NOUN" and c is not pair
                 and not _is_agent_word(c, self.table)]
        return start, agent, country, nouns

    # ----------------------------------------------------------------- the actor

    def actor_for(self, agent: Agent, country: str | None, nouns: list[Token]) -> Actor:
        key, name = agent.key, agent.name
        if "compound" in agent.flags and nouns:
            key = "-".join([slug(_lemma(n)) for n in nouns] + [key])
            name = " ".join([n.text.capitalize() for n in nouns] + [name])
        state = None
        if country:
            state = self.kb.entries.get(self.kb.state_by_iso.get(country, ""))
        if state is not None and "state" in agent.flags:
            return self.actors.get(state.id) or Actor(
                id=state.id, name=state.name, type=state.type, country=state.country)
        if country:
            label = state.name if state is not None else country
            return Actor(id=f"local:{agent.type}:{country.lower()}-{key}",
                         name=f"{name} ({label})", type=agent.type, country=country)
        return Actor(id=f"local:{agent.type}:{key}", name=name, type=agent.type)


def find_agents(doc: Any, actors: Sequence[Actor], mentions: Sequence[Mention],
                kb: KB) -> tuple[list[Actor], list[Mention]]:
    """New actors and mentions for the generic agents of ``doc`` no mention covers."""
    finder = _Finder(doc, actors, mentions, kb)
    heads = {key[-1] for key in finder.table}
    body = doc.text
    new_actors: dict[str, Actor] = {}
    new_mentions: list[Mention] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in finder.covered or \
                (_lemma(tok) not in heads and tok.lower_ not in heads):
            continue
        if tok.pos_ == "PROPN" and not (tok.is_sent_start or tok.is_lower):
            continue  # "Police" opening a sentence, not "the Police Federation"
        if finder._absorbed(tok):
            continue
        found = finder.agent_at(tok)
        if found is None:
            continue
        start, agent, country, nouns = found
        actor = finder.org_of(tok) or finder.actor_for(agent, country, nouns)
        new_actors.setdefault(actor.id, actor)
        first, last = doc[start], tok
        new_mentions.append(Mention(start=first.idx, end=last.idx + len(last),
                                    text=body[first.idx:last.idx + len(last)],
                                    actor_id=actor.id, kind="agent"))
    _owners_and_partners(finder, new_actors, new_mentions)
    return _unify(actors, list(new_actors.values()), new_mentions)


def _owners_and_partners(finder: _Finder, new_actors: dict[str, Actor],
                         new_mentions: list[Mention]) -> None:
    """Demonyms that name a state: before a noun of what a state owns ("the Ukrainian
    border", "Japanese seafood"), or coordinated with a resolved one ("Turkish and Greek
    officials", "Armenian and Azerbaijani forces": the partner's class, this country)."""
    doc, kb = finder.doc, finder.kb
    owners = load_owners()
    covered = dict(finder.covered)
    covered.update(_Covered(doc, new_mentions).by_token)
    known = {**finder.actors, **new_actors}
    for tok in doc:
        if tok.i in covered or tok.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        state = finder.state_named(tok)
        if state is None or state.country is None:
            continue
        actor = None
        if tok.dep_ in ("amod", "compound", "nmod") and (
                _lemma(tok.head) in owners or tok.head.lower_ in owners):
            actor = known.get(state.id) or Actor(id=state.id, name=state.name,
                                                 type=state.type, country=state.country)
        else:
            partners = [c for c in (tok.head, *tok.children) if c.i in covered
                        and (c.dep_ == "conj" or tok.dep_ == "conj")]
            if partners:
                actor = _same_class(known.get(covered[partners[0].i]), state, kb)
        if actor is None:
            continue
        new_actors.setdefault(actor.id, actor)
        known.setdefault(actor.id, actor)
        new_mentions.append(Mention(start=tok.idx, end=tok.idx + len(tok), text=tok.text,
                                    actor_id=actor.id, kind="demonym"))
        covered[tok.i] = actor.id


def _same_class(partner: Actor | None, state: Any, kb: KB) -> Actor | None:
    if partner is None or not partner.country:
        return None
    if partner.type == "state":
        return Actor(id=state.id, name=state.name, type=state.type, country=state.country)
    prefix = f"local:{partner.type}:{partner.country.lower()}-"
    if not partner.id.startswith(prefix):
        return None
    key = partner.id[len(prefix):]
    label = partner.name.rsplit(" (", 1)[0]
    return Actor(id=f"local:{partner.type}:{state.country.lower()}-{key}",
                 name=f"{label} ({state.name})", type=partner.type, country=state.country)


def _unify(known: Sequence[Actor], actors: list[Actor],
           mentions: list[Mention]) -> tuple[list[Actor], list[Mention]]:
    """ "protesters" and, later, "protesters in Minsk": one crowd when the article gives the
    class exactly one country ("Iraqi troops ... the troops")."""
    by_class: dict[tuple[str, str], set[str]] = {}
    for actor in [*known, *actors]:
        if actor.country and actor.id.startswith("local:") and actor.id.count(":") == 2 \
                and "-" in actor.id:
            _, type_, rest = actor.id.split(":", 2)
            by_class.setdefault((type_, rest.split("-", 1)[1]), set()).add(actor.id)
    rename: dict[str, str] = {}
    for actor in actors:
        if actor.country is None and actor.id.startswith("local:"):
            _, type_, key = actor.id.split(":", 2)
            options = by_class.get((type_, key), set())
            if len(options) == 1:
                rename[actor.id] = next(iter(options))
    if not rename:
        return actors, mentions
    import dataclasses

    return ([a for a in actors if a.id not in rename],
            [dataclasses.replace(m, actor_id=rename.get(m.actor_id, m.actor_id))
             for m in mentions])


def with_agents(doc: Any, actors: Sequence[Actor], mentions: Sequence[Mention],
                kb: KB) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """``actors`` and ``mentions`` plus the generic agents (mentions sorted by offset)."""
    new_actors, new_mentions = find_agents(doc, actors, mentions, kb)
    if not new_mentions:
        return tuple(actors), tuple(mentions)
    known = {a.id for a in actors}
    merged = sorted((*mentions, *new_mentions), key=lambda m: (m.start, m.end))
    return tuple(actors) + tuple(a for a in new_actors if a.id not in known), tuple(merged)
