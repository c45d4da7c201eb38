"""Antecedents for pronouns and descriptions ("he", "its", "the country").

Conservative on purpose: a wrong antecedent puts a false actor into an event, a missing one
only loses a mention. The order of preference (``salient``): a reading the syntax forces
(object control, "punish X for its", a participle clause before its subject), then a subject
earlier in the same sentence, then the subject of one of the two sentences before, then the
only compatible actor in that window.
"""

from __future__ import annotations

from collections.abc import Callable

from .context import Context, Found
from .kb import Entry

Want = Callable[[Entry], bool]

# "convince Minsk to sign ... and strengthen its ties": the object of these verbs is the
# subject of the infinitive below them.
_CONTROL = {"convince", "persuade", "urge", "ask", "force", "push", "pressure", "get",
            "allow", "help", "encourage", "invite", "order", "tell", "compel", "lead",
            "call", "press", "prompt", "enable", "oblige", "require"}
# "punish Minsk for its pivot", "thank Poland for its help": the object owns the "for" phrase.
_FOR_VERBS = {"punish", "thank", "blame", "criticize", "criticise", "praise", "condemn",
              "reward", "sanction", "fault", "commend", "reproach", "rebuke", "attack",
              "accuse", "fine", "penalize", "penalise", "congratulate"}
# "his ambassador to the country": the country is not the one the ambassador serves.
_POSTED_TO = {"ambassador", "envoy", "embassy", "ambassadors", "envoys", "diplomat"}
_CLIMB = {"dobj", "pobj", "prep", "xcomp", "conj", "pcomp", "attr", "nsubj", "nsubjpass"}


def salient(ctx: Context, tok: int, want: Want, *, to_state: bool = False,
            not_head: int = -1, nearest: bool = False,
            exclude: frozenset[str] = frozenset(), places: bool = False,
            adjective: bool = False) -> Entry | None:
    """The antecedent for a description or pronoun at token ``tok``. ``to_state`` maps people
    and bodies to their state; ``exclude`` lists actors the syntax rules out; ``places``
    admits a place that is the subject of its clause ("short of gas, Europe can no longer
    rely on ..., so it will look for ..."); ``adjective`` lets a national
    adjective earlier in the sentence stand for its state before looking back further."""
    sent = ctx.sent_of[tok]

    def fit(f: Found) -> Entry | None:
        entry = ctx.entries[f.actor]
        if places and entry.type == "location" and f.subject and entry.id not in exclude \
                and ctx.sent_of[f.start] == sent:
            return entry
        if to_state and entry.type != "state" and entry.country:
            entry = ctx.kb.entries.get(ctx.kb.state_by_iso.get(entry.country, ""), entry)
        return entry if want(entry) and entry.id not in exclude else None

    forced = _forced(ctx, tok)
    if forced is not None and fit(forced):
        return fit(forced)
    # an object pronoun never means the subject of its own verb ("RT attacked it")
    window = [f for f in ctx.found if f.end <= tok and ctx.sent_of[f.start] >= sent - 2
              and not (f.subject and f.head == not_head)]
    same = [f for f in window if ctx.sent_of[f.start] == sent]
    for f in reversed(same):
        if f.subject and fit(f):
            return fit(f)
    # "visited Belarus ... to the country": a state in the same sentence; "the Atlantic
    # Council, a think tank ... in its advocacy": for "its", the nearest fitting actor
    if to_state or nearest:
        for f in reversed(same):
            if (nearest or ctx.entries[f.actor].type == "state") and fit(f):
                return fit(f)
    if adjective:  # "a blow to the Russian treasury in a lean year"
        state = _demonym_before(ctx, tok)
        if state is not None and want(state) and state.id not in exclude:
            return state
    for back in (1, 2):
        for f in window:
            if ctx.sent_of[f.start] == sent - back and f.subject and fit(f):
                return fit(f)
    options = {e.id: e for e in (fit(f) for f in window) if e is not None}
    return next(iter(options.values())) if len(options) == 1 else None


def _demonym_before(ctx: Context, tok: int) -> Entry | None:
    sent = ctx.sent_of[tok]
    for hit in reversed(ctx.hits):
        if hit.end <= tok and ctx.sent_of[hit.start] == sent and hit.kinds() == {"demonym"} \
                and tok - hit.end <= 6 and hit.start not in ctx.covered:
            return ctx.kb.entries[hit.values("demonym")[0]]
    return None


def _mention_at(ctx: Context, i: int) -> Found | None:
    for f in ctx.found:
        if f.start <= i < f.end and f.kind != "pronoun":
            return f
    return None


def _object_mention(ctx: Context, verb: int) -> Found | None:
    tok = ctx.tokens
    for j in range(max(0, verb - 12), min(len(tok.dep), verb + 12)):
        if tok.head[j] == verb and j != verb and tok.dep[j] == "dobj":
            return _mention_at(ctx, j)
    return None


def _forced(ctx: Context, i: int) -> Found | None:
    """An antecedent the syntax forces: the object of a control verb above the pronoun's
    clause, the object of "punish X for its ...", or the subject that a sentence-initial
    participle clause holding the pronoun belongs to ("Taking its alliance ..., Russia")."""
    tok = ctx.tokens
    node, via_for, via_xcomp = i, False, False
    for _ in range(6):
        dep, up = tok.dep[node], tok.head[node]
        if up == node or dep not in _CLIMB | {"poss", "advcl", "nmod", "compound", "amod"}:
            return None
        if dep == "advcl" and tok.pos[node] == "VERB" and node < up and not _has_subject(
                ctx, node):
            subject = _subject_after(ctx, up, i)
            if subject is not None:
                return subject
        via_for = via_for or (dep == "pobj" and ctx.norms[up] == "for")
        via_xcomp = via_xcomp or dep == "xcomp"
        node = up
        if tok.pos[node] != "VERB":
            continue
        lemma = tok.lemma[node]
        if (via_xcomp and lemma in _CONTROL) or (via_for and lemma in _FOR_VERBS):
            found = _object_mention(ctx, node)
            if found is not None and found.end <= i:
                return found
    return None


def _has_subject(ctx: Context, verb: int) -> bool:
    tok = ctx.tokens
    return any(tok.head[j] == verb and tok.dep[j] in ("nsubj", "nsubjpass")
               for j in range(max(0, verb - 15), verb))


def _subject_after(ctx: Context, verb: int, after: int) -> Found | None:
    for f in ctx.found:
        if f.start > after and f.subject and f.head == verb and f.kind != "pronoun":
            return f
    return None


def it_blocked(ctx: Context, i: int) -> bool:
    """Subject "it" right after a clause whose subject is a thing ("the meeting in Finland
    ... because it might lead to ...") refers to that thing, not to an actor nearby."""
    tok = ctx.tokens
    sent = tok.sent[i]
    j = i - 1
    while j >= 0 and tok.sent[j] == sent:
        if tok.dep[j] in ("nsubj", "nsubjpass"):
            if j in ctx.covered:
                return False
            if tok.norms[j] == "it":  # an "it" before that was left open: so is this one
                return it_blocked(ctx, j)
            return tok.tag[j] == "NN" and not _possessor_mention(ctx, j)
        j -= 1
    return False


def _possessor_mention(ctx: Context, noun: int) -> bool:
    """ "Russia's decision ... it": the possessor may be what "it" means."""
    tok = ctx.tokens
    return any(tok.head[j] == noun and tok.dep[j] == "poss" and j in ctx.covered
               for j in range(max(0, noun - 8), noun))


def excluded_owners(ctx: Context, i: int) -> frozenset[str]:
    """Actors a possessive at ``i`` cannot mean: "its alliance with Belarus" is not Belarus's
    (nothing allies with itself), "his talks with Putin" are not Putin's."""
    tok = ctx.tokens
    noun = tok.head[i]
    if tok.dep[i] != "poss" or noun == i:
        return frozenset()
    out = set()
    for j in range(noun + 1, min(len(tok.dep), noun + 6)):
        if tok.head[j] == noun and tok.dep[j] == "prep" and ctx.norms[j] in (
                "with", "to", "against", "toward", "towards"):
            for k in range(j + 1, min(len(tok.dep), j + 6)):
                found = _mention_at(ctx, k)
                if found is not None:
                    out.add(found.actor)
                    out.update(_state_id(ctx, found.actor))
                    break
    return frozenset(out)


def posted_to_exclusion(ctx: Context, i: int) -> frozenset[str]:
    """ "his ambassador to the country": not the state the ambassador serves."""
    tok = ctx.tokens
    prep = tok.head[i]
    noun = tok.head[prep]
    if tok.dep[i] != "pobj" or ctx.norms[prep] != "to" or ctx.norms[noun] not in _POSTED_TO:
        return frozenset()
    for j in range(max(0, noun - 4), noun):
        if tok.head[j] == noun and tok.dep[j] == "poss":
            found = _mention_at(ctx, j)
            if found is not None:
                return frozenset(_state_id(ctx, found.actor))
            if ctx.norms[j] in ("his", "her"):
                owner = salient(ctx, j, lambda e: e.type == "person")
                return frozenset(_state_id(ctx, owner.id)) if owner else frozenset()
    return frozenset()


def _state_id(ctx: Context, actor_id: str) -> list[str]:
    entry = ctx.entries.get(actor_id) or ctx.kb.entries.get(actor_id)
    if entry is None:
        return []
    state = ctx.kb.state_by_iso.get(entry.country or "")
    return [state] if state else []
