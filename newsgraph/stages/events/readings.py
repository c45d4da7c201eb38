"""Context-dependent readings of a trigger: the same word codes differently with other actors
or another status (docs/events.md, "Context-dependent readings").

- who acts: a crowd that "gathers", "blocks roads", "sets fire to" or "walks out" protests; a
  government "protesting" disapproves (ACCUSE); police that "block access" coerce;
- what it is: a "missile strike" is an attack, "joint patrols" are cooperation, support that is
  "provided" is aid;
- what the status says: "will not accept observers" is a refusal (REJECT), "stopped supplying
  weapons" reduces relations (SANCTION) rather than being a negated gift.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...models import Actor
from .lexicon import Lexicon, Trigger
from .tree import kids

Token = Any

STATE_LIKE = frozenset({"state", "government", "person", "igo", "military", "party"})
CROWDS = frozenset({"group", "opposition"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT",
                         "CONCEDE"})
# what a cooperative act becomes when it is stopped: "halted talks" ends a consultation,
# "stopped supplying weapons" cuts aid
DISCONTINUED = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT"})


def _with(row: Trigger, **changes: Any) -> Trigger:
    return replace(row, **changes)


def _types(sources: list[str], actors: dict[str, Actor]) -> set[str]:
    types = set()  # a loop: most triggers have one source or none
    for a in sources:
        if a in actors:
            types.add(actors[a].type)
    return types


def adjust(tok: Token, row: Trigger, sources: list[str], actors: dict[str, Actor],
           lex: Lexicon) -> Trigger | None:
    """The reading of trigger ``tok`` given its sources; None when it is no event here."""
    lemma = tok.lemma_.lower()
    types = _types(sources, actors)
    crowd = bool(types) and types <= CROWDS
    if tok.pos_ in ("VERB", "AUX"):
        if row.type == "CONCEDE" and row.objects and _economic(tok, lex):
            # "eased restrictions on imports": an economic measure eased (CAMEO 085)
            return _with(row, type="RETREAT", mode="ease", context=("economic",))
        if lemma in lex.cue("crowd_only_verbs") and not crowd:
            return None  # leaders "gathered" in Brussels: no street protest
        modes = lex.maps["crowd_protest_verbs"]
        if crowd and lemma in modes and row.type != "PROTEST":
            return _with(row, type="PROTEST", mode=modes[lemma], context=(), cameo="14",
                         weight=0.7)
        if row.type == "PROTEST" and row.mode == "obstruct" and types and not crowd:
            return _with(row, type="COERCE", mode="restrict", cameo="17")  # police block roads
        if row.type == "PROTEST" and sources and types <= STATE_LIKE:
            # a government "protesting" a decision is verbal disapproval, not a street protest
            return _with(row, type="ACCUSE", mode="disapprove", cameo="11")
        return row
    if row.type == "PROTEST" and lemma == "strike" and any(
            c.lower_ in lex.cue("assault_strike_modifiers") for c in kids(tok)):
        return _with(row, type="ASSAULT", mode="heavy-weapons", cameo="19", weight=0.85)
    if row.type == "MOBILIZE" and any(c.lower_ in lex.cue("joint_modifiers") for c in kids(tok)):
        return _with(row, type="COOPERATE", mode=None, context=("military",), cameo="06")
    if row.type == "SUPPORT" and tok.dep_ == "dobj" \
            and tok.head.lemma_.lower() in lex.cue("aid_light_verbs"):
        return _with(row, type="AID", mode=None, cameo="07")
    return row


def _economic(tok: Token, lex: Lexicon) -> bool:
    words = lex.cue("economic_objects")
    return any(x.lemma_.lower() in words for c in kids(tok) if c.dep_ == "dobj"
               for x in c.subtree)


def by_status(tok: Token, row: Trigger, status: str, governor: Token | None,
              lex: Lexicon) -> tuple[Trigger, str]:
    """Readings that depend on the status: a signing still to come is a promise (AGREE, as the
    PLOVER manual codes "promises to sign or ratify"); negated cooperation that is an act of
    its own is a refusal or a cut."""
    if status in ("planned", "hypothetical") and row.type == "SUPPORT" \
            and tok.lemma_.lower() in lex.cue("promise_verbs"):
        return _with(row, type="AGREE", cameo="03"), status
    if status != "negated":
        return row, status
    if row.type in DISCONTINUED and governor is not None \
            and governor.lemma_.lower() in lex.cue("discontinue_governors"):
        mode = "withdraw" if row.type == "CONSULT" else "discontinue"
        return _with(row, type="SANCTION", mode=mode, cameo="16"), "asserted"
    if row.type in COOPERATIVE and any(c.dep_ == "neg" for c in kids(tok)) and any(
            c.dep_ == "aux" and c.lower_ in lex.cue("refusal_modals") for c in kids(tok)):
        # "will not accept observers", "won't negotiate": a refusal announced, not a non-event
        return _with(row, type="REJECT", mode=None, cameo="12"), "asserted"
    return row, status
