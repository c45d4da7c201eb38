"""Capitals and other cities: the government a capital stands for, or the place itself.

A capital used as an actor ("Minsk accused Moscow") is the state; used as a place ("protests
in Minsk", "flew to Ankara", "a Moscow airport", "Moscow-based") it is the city, a location
actor with the state as country. Other large cities come from ``cities.py`` and are always
places.
"""

from __future__ import annotations

from .context import Context
from .kb import Entry, slug
from .matching import Hit

# "flew to Ankara", "returned from Minsk": the city is a place, not the government.
_MOTION_PREPS = {"to", "from", "into"}
_MOTION = {"fly", "travel", "go", "come", "arrive", "return", "head", "move", "trip", "visit",
           "journey", "flight", "drive", "walk", "march", "send", "deploy", "relocate", "flee",
           "escape", "leave", "bring", "take", "invite"}


# "spoke from Vilnius" (a place) vs "a message from Moscow" (the government)
_SPEAK = {"speak", "say", "broadcast", "write", "report", "call", "tweet", "address"}
# "fled Kiev", "shelled Kharkiv": the city itself
_PLACE_OBJECT = {"flee", "leave", "enter", "reach", "evacuate", "storm", "shell", "bomb",
                 "capture", "besiege", "encircle", "surround", "occupy", "seize", "liberate"}


def capital(ctx: Context, hit: Hit) -> None:
    """A capital: the state's government ("Minsk accused Moscow") or the city itself."""
    kb = ctx.kb
    tok, i = ctx.tokens, hit.start
    state = kb.entries[hit.values("metonym")[0]]
    after = ctx.norms[hit.end:hit.end + 2]
    prep = tok.head[i]
    verb = tok.lemma[tok.head[prep]]
    as_place = (tok.dep[i] == "pobj" and (
        tok.norms[prep] in kb.city_preps
        or (tok.norms[prep] in _MOTION_PREPS and verb in _MOTION)
        or (tok.norms[prep] == "from" and verb in _SPEAK))) \
        or (tok.dep[i] == "dobj" and tok.lemma[prep] in _PLACE_OBJECT) \
        or after == ["-", "based"] or _compound_place(ctx, i)
    if as_place:
        city = next(a.extra for a in hit.aliases if a.kind == "metonym")
        entry = Entry(id=f"local:location:{slug(city)}", name=city, type="location",
                      country=state.country)
        ctx.add(hit.start, hit.end, entry, "location")
    else:
        ctx.add(hit.start, hit.end, state, "metonym")


# "a Moscow airport", "the Minsk suburbs": a capital modifying a place noun is the city
_PLACE_NOUNS = {"airport", "street", "streets", "square", "suburb", "suburbs", "district",
                "region", "metro", "hotel", "hospital", "court", "prison", "station", "residents",
                "outskirts", "centre", "center", "neighbourhood", "neighborhood", "mayor"}


def _compound_place(ctx: Context, i: int) -> bool:
    tok = ctx.tokens
    head = tok.head[i]
    return tok.dep[i] == "compound" and head != i and tok.norms[head] in _PLACE_NOUNS


def city(ctx: Context, hit: Hit) -> None:
    """A large city that is not a capital: always the place ("shelling hit Kharkiv")."""
    tok = ctx.tokens
    i = hit.start
    if tok.ent_iob[i] == "I":
        return  # inside a name that starts before it: "the Gulf of Aden", not Aden
    person = tok.ent_type[i] == "PERSON" and (tok.dep[i] != "pobj" or tok.ent_iob[i] != "B" or (
        i + 1 < len(tok.ent_iob) and tok.ent_iob[i + 1] == "I"))
    if hit.end - i == 1 and (tok.pos[i] != "PROPN" or person):
        return  # "Nice", "Charlotte said": not the city ("residents of Kharkov" still is)
    iso, name = next((a.value, a.extra) for a in hit.aliases if a.kind == "city")
    entry = Entry(id=f"local:location:{slug(name)}", name=name, type="location", country=iso)
    ctx.add(hit.start, hit.end, ctx.entries.get(entry.id, entry), "location")
