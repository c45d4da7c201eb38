"""Pronouns and left-over named entities.

Pronouns are resolved conservatively (see ``salience.salient``): a subject earlier in the same
sentence, else the subject of one of the two sentences before, else the only compatible actor
in that window; no antecedent, no mention. "it" is skipped where it is usually expletive
("it remains to be seen"). Plural pronouns are left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from .cities import city_country
from .context import Context
from .kb import Entry, norm, slug
from .resolve import local_person
from .salience import excluded_owners, it_blocked, salient

_HE = {"he", "him", "his", "himself"}
_SHE = {"she", "her", "hers", "herself"}
_IT = {"it", "its", "itself"}
_PRONOUNS = _HE | _SHE | _IT
_REFLEXIVE = {"himself", "herself", "itself"}
_IT_EXPLETIVE_HEADS = {"be", "remain", "seem", "appear", "happen", "take", "make", "turn", "look"}
_REPORTED = {"report", "say", "announce", "believe", "expect", "know", "understand", "claim",
             "decide", "agree", "estimate", "suggest", "rumour", "rumor", "allege", "feel",
             "note", "consider", "think", "assume", "argue"}
_NON_PERSON = {"state", "igo", "government", "military", "company", "party", "ngo", "media",
               "opposition", "rebel"}
_COUNTRY_AFTER = {"country", "nation"}


def resolve_pronouns(ctx: Context) -> None:
    tok = ctx.tokens
    for i, low in enumerate(ctx.norms):
        if low not in _PRONOUNS or i in ctx.covered:
            continue
        is_obj = tok.dep[i] in ("dobj", "pobj", "iobj") and low not in _REFLEXIVE
        obj = tok.head[i] if is_obj else -1
        if tok.dep[i] == "pobj":
            obj = tok.head[tok.head[i]]  # "spoke about him": the verb above the preposition
        if low in _HE or low in _SHE:
            gender = "m" if low in _HE else "f"
            entry = salient(ctx, i, _person_of(gender), not_head=obj,
                            exclude=excluded_owners(ctx, i))
        elif low in _IT:
            # "it" as an object is mostly a thing ("attacked it"); only subjects are tried
            # "it was reported that ..." is expletive too
            head = tok.lemma[tok.head[i]]
            if tok.norms[tok.head[i]] == "'s":
                head = "be"  # the tagger leaves the lemma of a curly "it’s" as "’"
            if low == "it" and (tok.dep[i] not in ("nsubj", "nsubjpass")
                                or head in _IT_EXPLETIVE_HEADS
                                or (tok.dep[i] == "nsubjpass" and head in _REPORTED)):
                continue
            if low == "it" and it_blocked(ctx, i):
                continue
            entry = salient(ctx, i, lambda e: e.type in _NON_PERSON, not_head=obj,
                            nearest=True, exclude=excluded_owners(ctx, i), places=True,
                            adjective=low == "its")
        else:
            continue
        if entry is None:
            continue
        # "his country", "its country" refer to the antecedent's state
        if low in ("his", "her", "its") and i + 1 < len(tok.texts) \
                and ctx.norms[i + 1] in _COUNTRY_AFTER:
            state = ctx.kb.entries.get(ctx.kb.state_by_iso.get(entry.country or "", ""))
            if state is not None:
                ctx.add(i, i + 2, state, "description")
                continue
        ctx.add(i, i + 1, entry, "pronoun")


def _person_of(gender: str) -> Callable[[Entry], bool]:
    return lambda e: e.type == "person" and e.gender in ("", gender)


_ORG_TYPES = (
    (("party",), "party"),
    (("ministry", "government", "parliament", "council", "committee", "agency", "department",
      "administration", "commission", "office", "duma", "kgb"), "government"),
    (("army", "forces", "navy", "brigade", "battalion", "regiment", "guard"), "military"),
    (("times", "news", "post", "journal", "tv", "radio", "magazine", "gazette", "herald", "press",
      "media", "tribune", "daily", "review"), "media"),
    (("bank", "inc", "corp", "corporation", "company", "group", "ltd", "llc", "oil", "gas",
      "energy", "airlines", "petroleum", "holding"), "company"),
    (("institute", "foundation", "center", "centre", "fund", "university", "society",
      "association", "watch", "movement"), "ngo"),
)
_SOFT = {"role", "honorific", "state_noun", "body", "description", "demonym", "surname", "city"}
_COMPASS = {"east", "west", "north", "south", "eastern", "western", "northern", "southern"}
# Entity texts spaCy often tags ORG/PERSON that are no actor at all.
_NOT_ACTORS = {"lng", "gdp", "oil", "gas", "forum", "covid", "covid-19", "coronavirus", "internet",
               "brexit", "twitter", "facebook", "telegram", "youtube", "cold war", "new cold war",
               "great power", "great powers", "hybrid warfare", "fsu"}
_JUNK = set("[]()#*|/\\@=<>_{}~^`")
_STRIP_FRONT = {"the", "a", "an"}


def _org_type(text: str) -> str:
    words = set(norm(text).replace(".", "").replace("-", " ").split())
    for keys, typ in _ORG_TYPES:
        if words & set(keys):
            return typ
    return "other"


def resolve_entities(ctx: Context, ents: list[tuple[int, int, str]]) -> None:
    """spaCy entities no gazetteer entry covered become local actors, not dropped."""
    # words that only describe ("Belarusian", "President", "King") or a surname the resolver
    # turned down do not stop a longer name ("Belarusian Popular Front", "Martin Luther
    # King") from being an entity of its own; titles in front are trimmed off
    soft = {i for h in ctx.hits if h.kinds() <= _SOFT for i in range(h.start, h.end)}
    titles = {i for h in ctx.hits if h.kinds() <= {"role", "honorific"}
              for i in range(h.start, h.end)}
    hard = ctx.covered | (ctx.hit_tokens - soft)
    tok = ctx.tokens
    for start, end, label in ents:
        if label not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            continue
        while start < end and (start in hard or start in titles
                               or ctx.norms[start] in _STRIP_FRONT):
            start += 1
        while end > start and (end - 1 in hard or ctx.norms[end - 1] in {"'s", "'"}):
            end -= 1
        if start >= end or any(t in hard for t in range(start, end)) \
                or all(t in soft for t in range(start, end)):  # "Ukrainian" alone
            continue
        text = tok.span_text(ctx.body, start, end)
        if not _clean(text) or (label == "NORP" and tok.tag[end - 1] not in ("NNPS", "NNS")):
            continue
        if norm(text) in _NOT_ACTORS or (label in ("GPE", "LOC") and norm(text) in _COMPASS):
            continue
        if end - start == 1 and norm(text) in ctx.local_surnames and label in ("PERSON", "ORG"):
            entry = ctx.entries[ctx.local_surnames[norm(text)]]
            ctx.add(start, end, entry, "surname")
            continue
        if label == "PERSON":
            entry = local_person(ctx, text)
            kind = "surname" if entry.name != text else "local"
            if end - start == 1 and kind == "local" and not _person_like(ctx, start, text):
                continue
        elif label == "ORG" and not (end - start == 1 and _org_type(text) == "other"
                                     and city_country(text)):
            entry = Entry(id=f"local:org:{slug(text)}", name=text, type=_org_type(text))
            kind = "local"
        elif label == "NORP":
            entry = Entry(id=f"local:group:{slug(text)}", name=text, type="group")
            kind = "local"
        elif _org_type(text) != "other":  # "Alt-Media", "Kyiv Post" tagged as places
            entry = Entry(id=f"local:org:{slug(text)}", name=text, type=_org_type(text))
            kind = "local"
        else:
            typ = "infrastructure" if label == "FAC" else "location"
            country = city_country(text) if typ == "location" else None
            entry = Entry(id=f"local:{typ}:{slug(text)}", name=text, type=typ, country=country)
            kind = "local"
        ctx.add(start, end, ctx.entries.get(entry.id, entry), kind)


def _person_like(ctx: Context, i: int, text: str) -> bool:
    """A lone capitalised word tagged PERSON ("Map of Belarus") is kept only when it acts
    like a person: a subject, or named again later."""
    tok = ctx.tokens
    if tok.dep[i] in ("nsubj", "nsubjpass"):
        return True
    return sum(1 for t in tok.texts if t == text) > 1


def _clean(text: str) -> bool:
    if len(text) < 2 or len(text) > 60 or not text[0].isalpha() or not text[0].isupper():
        return False
    return not (set(text) & _JUNK) and "http" not in text and "www" not in text


def resolve_counterparts(ctx: Context) -> None:
    """ "Lavrov and his Iranian counterpart": the person holding the antecedent's office in the
    named state on the article's date."""
    kb, norms = ctx.kb, ctx.norms
    by_start = {f.start: f for f in ctx.found if f.kind == "pronoun"}
    demonym_at = {h.start: h for h in ctx.hits if h.end - h.start == 1 and "demonym" in h.kinds()}
    for i, low in enumerate(norms):
        if low != "counterpart" or i < 2 or i - 1 not in demonym_at or i in ctx.covered:
            continue
        owner = by_start.get(i - 2)
        person = ctx.entries.get(owner.actor) if owner else None
        if person is None or person.type != "person":
            continue
        state = kb.entries[demonym_at[i - 1].values("demonym")[0]]
        roles = kb.roles_on(person, ctx.date)
        holder = kb.holder(roles[0].title, state.id, ctx.date) if roles else None
        if holder is not None and holder != person.id:
            ctx.add(i - 1, i + 1, kb.entries[holder], "role")
