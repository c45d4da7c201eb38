"""Turn gazetteer hits and spaCy entities into resolved mentions, in reading order.

Model: a state, its government and its capital used as a metonym are ONE actor (the state's
id, as PLOVER/ICEWS coders code "Minsk" and "the Belarusian government" as Belarus); the
mention's ``kind`` says how it was named. Ministries, armies and other bodies get their own
actor (``local:government:blr-defence-ministry``) with the state as ``country``. A capital
used as a place ("protests in Minsk") is a location actor, not the state.
"""

from __future__ import annotations

from .context import Context, gap_tokens
from .kb import Entry, norm, slug
from .matching import Hit
from .places import capital, city
from .salience import posted_to_exclusion, salient

# Tokens that may sit between a qualifier and the role or body it qualifies.
_GAP = {"'s", "'", "former", "then", "acting", "new", "current", "ex", "-", "incoming",
        "outgoing", "late", "top", "interim", "newly", "elected", "appointed", "longtime",
        "long-time", "powerful", "authoritarian", "veteran"}
_QUAL_OK_NEXT = {"role", "body", "state_noun"}


def resolve_hits(ctx: Context) -> None:
    hits = ctx.hits
    for k, hit in enumerate(hits):
        if k in ctx.used:
            continue
        kinds = hit.kinds()
        if kinds & {"actor", "surname"}:
            if _qualifies_next(ctx, k) and _only_state_or_org(ctx, hit):
                continue  # "US secretary of state ...": the state only qualifies the role
            _name(ctx, k, None)
        elif "role" in kinds:
            _role(ctx, k)
        elif "seat" in kinds:
            if not _qualifies_next(ctx, k):
                ctx.add(hit.start, hit.end, ctx.kb.entries[hit.values("seat")[0]], "metonym")
        elif "metonym" in kinds:
            if not _qualifies_next(ctx, k):
                capital(ctx, hit)
        elif kinds & {"body", "state_noun"}:
            _body(ctx, k)
        elif "demonym" in kinds and _paired(ctx, k):
            ctx.add(hit.start, hit.end, ctx.kb.entries[hit.values("demonym")[0]], "demonym")
        elif "description" in kinds and not _qualifies_next(ctx, k):
            _description(ctx, hit)
        elif "city" in kinds:
            city(ctx, hit)


# ------------------------------------------------------------------ helpers


_PAIR_KINDS = {"demonym", "actor", "metonym"}


def _paired(ctx: Context, k: int) -> bool:
    """A demonym in a hyphenated pair names a party to a relation: "Russian-Belarusian talks",
    "US-Russian summit" (a lone "Russian oil" names no actor)."""
    hits = ctx.hits
    before = k > 0 and hits[k - 1].end + 1 == hits[k].start and ctx.norms[hits[k].start - 1] \
        in ("-", "–") and bool(hits[k - 1].kinds() & _PAIR_KINDS)
    after = k + 1 < len(hits) and hits[k].end + 1 == hits[k + 1].start \
        and ctx.norms[hits[k].end] in ("-", "–") and bool(hits[k + 1].kinds() & _PAIR_KINDS)
    return before or after


def _possessed_side(hit: Hit, gap: list[str]) -> bool:
    """ "a thorn in Russia's side" is Russia, not "the Russian side" of a negotiation."""
    return hit.values("state_noun") == ["side"] and ("'s" in gap or "'" in gap)


def _only_state_or_org(ctx: Context, hit: Hit) -> bool:
    return all(ctx.kb.entries[v].type != "person" for v in hit.values("actor"))


def _next_hit(ctx: Context, k: int) -> tuple[int, list[str]] | None:
    if k + 1 >= len(ctx.hits):
        return None
    nxt = ctx.hits[k + 1]
    return k + 1, gap_tokens(ctx, ctx.hits[k].end, nxt.start)


def _qualifies_next(ctx: Context, k: int) -> bool:
    """Is hit ``k`` a qualifier of the role or body right after it ("Belarusian president")?"""
    found = _next_hit(ctx, k)
    if found is None:
        return False
    j, gap = found
    if not (ctx.hits[j].kinds() & _QUAL_OK_NEXT) or not all(g in _GAP for g in gap):
        return False
    if _possessed_side(ctx.hits[j], gap):
        return False
    return "'s" in gap or "'" in gap or not gap or set(gap) <= _GAP


def _state_of(ctx: Context, hit: Hit, k: int) -> Entry | None:
    """The state (or organisation) a qualifier hit stands for."""
    kb = ctx.kb
    for alias in hit.aliases:
        if alias.kind in {"demonym", "metonym", "seat"}:
            return kb.entries[alias.value]
        if alias.kind == "actor":
            entry = kb.entries[alias.value]
            if entry.type == "person":
                return kb.entries.get(kb.state_by_iso.get(entry.country or "", ""))
            return entry
        if alias.kind == "description" and alias.value == "state":
            return salient(ctx, hit.start, lambda e: e.type == "state", to_state=True)
    return None


def _holds(entry: Entry, role: str, org: str | None, date: str | None) -> bool:
    return any(r.title == role and (org is None or r.org == org)
               and (date is None or span[0] <= date <= span[1])
               for r, span in zip(entry.roles, entry.spans, strict=False))


# ------------------------------------------------------------------ names


def _name(ctx: Context, k: int, role: tuple[str, str | None, bool] | None) -> str | None:
    """Resolve a name hit; ``role`` = (role key, org id, past) from a title in front of it."""
    hit = ctx.hits[k]
    kb = ctx.kb
    ctx.used.add(k)
    full = [kb.entries[v] for v in hit.values("actor")]
    surname = [kb.entries[v] for v in hit.values("surname")]
    honorific = None
    if k > 0 and k - 1 not in ctx.used and ctx.hits[k - 1].end == hit.start \
            and "honorific" in ctx.hits[k - 1].kinds():
        honorific = ctx.hits[k - 1]
    if _month_like(ctx, hit) and honorific is None and role is None:
        return None  # "May 05, 2019", "in May"
    if not full and _first_name(ctx, hit):
        return None  # "Francis Fukuyama" is not Pope Francis
    candidates = full + [e for e in surname if e not in full]
    if not candidates:
        return None
    people = [e for e in candidates if e.type == "person"]
    if not people:
        entry = candidates[0]
        ctx.add(hit.start, hit.end, entry, _kind(ctx, hit, entry))
        return entry.id
    chosen = _pick_person(ctx, people, full, role, honorific, hit.start)
    named = [e for e in full if e.type != "person"]
    if named and (chosen is None or (chosen not in full and honorific is None and role is None)):
        # "Wagner fighters": the group named in full, not a minister who shares the surname
        ctx.add(hit.start, hit.end, named[0], _kind(ctx, hit, named[0]))
        return named[0].id
    if chosen is None:
        return None
    start = honorific.start if honorific else hit.start
    kind = "title_surname" if honorific else (
        "surname" if chosen not in full else _kind(ctx, hit, chosen))
    ctx.add(start, hit.end, chosen, kind)
    return chosen.id


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"}
_BEFORE_MONTH = {"in", "on", "since", "until", "by", "last", "next", "early", "late", "mid",
                 "of", "from", "through", "till", "during", "before", "after", ","}


def _month_like(ctx: Context, hit: Hit) -> bool:
    if hit.end - hit.start != 1 or ctx.norms[hit.start] not in _MONTHS:
        return False
    before = ctx.norms[hit.start - 1] if hit.start else ""
    after = ctx.texts_at(hit.end)
    return before in _BEFORE_MONTH or after[:1].isdigit() or not before


def _first_name(ctx: Context, hit: Hit) -> bool:
    nxt = ctx.texts_at(hit.end)
    return bool(nxt[:1].isupper()) and ctx.tokens.pos[hit.end] == "PROPN" \
        and hit.end not in ctx.hit_tokens


def _not_yet(full: list[Entry], date: str) -> bool:
    """Everyone named in full took office only after the date: "Bush" in 1991 is the father,
    whoever holds office then, not the son named "Bush" in full."""
    return bool(full) and all(p.spans and min(s for s, _ in p.spans) > date for p in full)


def _kind(ctx: Context, hit: Hit, entry: Entry) -> str:
    for alias in hit.aliases:
        if alias.kind == "actor" and alias.extra == "demonym" and alias.value == entry.id:
            return "demonym"
    text = " ".join(ctx.norms[hit.start:hit.end])
    return "name" if text == norm(entry.name) else "alias"


def _pick_person(ctx: Context, people: list[Entry], full: list[Entry],
                 role: tuple[str, str | None, bool] | None, honorific: Hit | None,
                 hit_start: int) -> Entry | None:
    date = ctx.date
    if honorific is not None:
        gender = honorific.values("honorific")[0]
        if gender:
            people = [p for p in people if p.gender in ("", gender)] or people
    if len(people) == 1 and (people[0] in full or honorific or role):
        return people[0]
    if role is not None:
        key, org, past = role
        fit = [p for p in people if _holds(p, key, org, None if past else date)]
        if fit:
            return fit[0]
    seen = [p for p in people if ctx.seen(p.id)]
    if seen:
        return seen[0]
    # a bare surname the knowledge base only derived ("May", "Johnson") needs more than
    # being in office: a full mention before, a title, or an honorific
    # the tagger sees a name here, and NER did not call it a date or a place ("May 5")
    person_ent = ctx.tokens.pos[hit_start] == "PROPN" and ctx.tokens.ent_type[hit_start] in (
        "PERSON", "ORG", "")
    in_office = [p for p in people if ctx.kb.roles_on(p, date) and (
        p in full or (person_ent and p.country in ctx.countries) or _not_yet(full, date))]
    if in_office:
        rank = ctx.kb.role_rank
        return min(in_office, key=lambda p: rank.get(ctx.kb.roles_on(p, date)[0].title, 99))
    trusted = [p for p in people if p in full] or (people if honorific or role else [])
    if not trusted:
        return None
    # nobody in office: the one whose public life is nearest before the date ("Clinton" in
    # 2020 is Hillary, in 2004 Bill); row order (prominence) breaks ties
    def last_before(p: Entry) -> str:
        return max((end for start, end in p.spans if start <= date), default="")
    latest = max(last_before(p) for p in trusted)
    return next(p for p in trusted if last_before(p) == latest)


# ------------------------------------------------------------------ roles


def _role(ctx: Context, k: int) -> None:
    kb, hits = ctx.kb, ctx.hits
    hit = hits[k]
    key = hit.values("role")[0]
    start = hit.start
    org: Entry | None = None
    past = False
    qual_person: str | None = None
    # a qualifier in front: "Belarusian president", "Russia's foreign minister", "US secretary"
    if k > 0:
        prev = hits[k - 1]
        gap = gap_tokens(ctx, prev.end, hit.start)
        people = [v for v in prev.values("actor") if kb.entries[v].type == "person"]
        possessive = "'s" in gap or "'" in gap
        if prev.kinds() & {"demonym", "actor", "metonym", "seat", "description"} \
                and all(g in _GAP for g in gap) and (possessive or not people):
            org = _state_of(ctx, prev, k - 1)
            past = any(g in kb.past for g in gap)
            if org is not None:
                # "the US secretary": the article is not part of the mention
                start = prev.start + (ctx.norms[prev.start] == "the" and prev.end - prev.start > 1
                                      and "description" not in prev.kinds())
                if people:  # "Trump's adviser": Trump stays a mention of his own
                    qual_person = people[0]
                    start = hit.start
    before = ctx.norms[start - 1] if start > 0 else ""
    if before in kb.past or (start > 1 and before == "-" and ctx.norms[start - 2] == "ex"):
        past = True
    if before in kb.generic:
        return  # "a US secretary of state" is no one in particular
    end = hit.end
    nxt = _next_hit(ctx, k)
    # "the president of Belarus"
    if nxt and nxt[1] == ["of"] and org is None:
        j = nxt[0]
        org = _state_of(ctx, hits[j], j)
        if org is not None:
            ctx.used.add(j)
            end = hits[j].end
            nxt = _next_hit(ctx, j)
    org_id = org.id if org else None
    if org is not None and org.type == "state" and key == "leader":
        key = kb.leader(org, ctx.date)
    # a name right after: "President Vladimir Putin", "the foreign minister, Linas Linkevicius"
    if nxt and nxt[1] in ([], [","]) and nxt[0] not in ctx.used and any(
            kb.entries[v].type == "person" for v in ctx.hits[nxt[0]].values("actor", "surname")):
        person = _name(ctx, nxt[0], (key, org_id, past))
        if person and nxt[1] == [","]:
            ctx.add(start, end, ctx.entries[person], "role")
        return
    if _unknown_name_after(ctx, end, key, org, start):
        return
    if past or (qual_person is None and org is None and key in {"leader", "speaker", "ambassador"}):
        return
    if org is None and before != "the":
        return  # "became prime minister", "as president": a predicate, not a reference
    # a person named just before: "Linas Linkevicius, the Lithuanian foreign minister"
    person_id = _appositive_before(ctx, start)
    if person_id is None:
        person_id = kb.holder(key, org_id, ctx.date) if org_id else _recent_holder(ctx, key, start)
    if person_id is None and org is not None and org.type == "state" \
            and key in {"leader", "president"}:
        person_id = kb.holder("president", org_id or "", ctx.date) or kb.holder(
            "prime_minister", org_id or "", ctx.date)
    if person_id is not None:
        entry = ctx.entries.get(person_id) or kb.entries[person_id]
        ctx.add(start, end, entry, "role")


def _appositive_before(ctx: Context, start: int) -> str | None:
    i = start - 1
    if i >= 0 and ctx.norms[i] == "the":
        i -= 1
    if i < 0 or ctx.norms[i] != ",":
        return None
    for f in reversed(ctx.found):
        if f.end == i:
            entry = ctx.entries[f.actor]
            return entry.id if entry.type == "person" else None
    return None


def _recent_holder(ctx: Context, key: str, before: int) -> str | None:
    for f in reversed(ctx.found):
        if f.start < before:
            entry = ctx.entries[f.actor]
            if entry.type == "person" and _holds(entry, key, None, ctx.date):
                return entry.id
    return None


def _unknown_name_after(ctx: Context, end: int, key: str, org: Entry | None, start: int) -> bool:
    """A title before a PERSON entity the knowledge base does not know: a local person."""
    tok = ctx.tokens
    n = len(tok.texts)
    i = end + (1 if end < n and ctx.norms[end] == "," else 0)
    if i >= n or tok.ent_type[i] != "PERSON" or tok.ent_iob[i] != "B" or i in ctx.hit_tokens:
        return False
    j = i + 1
    while j < n and tok.ent_iob[j] == "I" and tok.ent_type[j] == "PERSON":
        j += 1
    entry = local_person(ctx, tok.span_text(ctx.body, i, j))
    title = ctx.kb.role_titles.get(key, key)
    if org is not None:
        title = f"{title} of {org.name}"
    ctx.role_of.setdefault(entry.id, title)
    if org is not None and org.country and entry.country is None:
        entry = Entry(id=entry.id, name=entry.name, type="person", country=org.country)
        ctx.entries[entry.id] = entry
    ctx.add(i, j, entry, "local")
    if i > end:
        ctx.add(start, end, entry, "role")
    return True


def local_person(ctx: Context, text: str) -> Entry:
    words = text.split()
    actor_id = f"local:person:{slug(text)}"
    if len(words) == 1 and norm(words[0]) in ctx.local_surnames:
        actor_id = ctx.local_surnames[norm(words[0])]
    entry = ctx.entries.get(actor_id) or Entry(id=actor_id, name=text, type="person")
    ctx.entries.setdefault(actor_id, entry)
    if len(words) > 1:
        ctx.local_surnames.setdefault(norm(words[-1]), actor_id)
    return entry


# ------------------------------------------------------------------ bodies, capitals, descriptions


def _body(ctx: Context, k: int) -> None:
    kb, hit = ctx.kb, ctx.hits[k]
    if k == 0:
        return
    prev = ctx.hits[k - 1]
    gap = gap_tokens(ctx, prev.end, hit.start)
    if not (prev.kinds() & {"demonym", "actor", "metonym", "seat", "description"}) \
            or not all(g in _GAP for g in gap):
        return
    state = _state_of(ctx, prev, k - 1)
    if state is None or state.type != "state" or _possessed_side(hit, gap):
        return
    start = prev.start + (ctx.norms[prev.start] == "the" and prev.end - prev.start > 1)
    if "state_noun" in hit.kinds():
        ctx.add(start, hit.end, state, "description")
        return
    if ctx.tokens.dep[hit.end - 1] == "compound":
        return  # "Belarusian opposition activist X": the body only describes X
    typ, key, name = kb.bodies[hit.values("body")[0]]
    iso = (state.country or slug(state.name)).lower()
    actor_id = f"local:{typ}:{iso}-{key}"
    entry = kb.entries.get(actor_id) or Entry(
        id=actor_id, name=f"{name} ({state.name})", type=typ, country=state.country)
    ctx.add(start, hit.end, entry, "description")


def _description(ctx: Context, hit: Hit) -> None:
    if ctx.texts_at(hit.end - 1)[:1].isupper():
        return  # "the Nation" is a name, not "the nation"
    target = hit.values("description")[0]
    if target == "state":
        entry = salient(ctx, hit.start, lambda e: e.type == "state", to_state=True,
                        exclude=posted_to_exclusion(ctx, hit.end - 1))
    else:
        entry = next((ctx.entries[f.actor] for f in reversed(ctx.found)
                      if target in ctx.entries[f.actor].tags), None)
    if entry is not None:
        ctx.add(hit.start, hit.end, entry, "description")
