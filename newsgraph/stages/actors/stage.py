"""The "actors" stage: reads the shared parse (``article.doc``) and ``article.published``,
writes ``article.actors`` and ``article.mentions`` (offsets into ``body``, sorted)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from ...models import Actor, Article, Mention, Role
from .agents import with_agents
from .cities import city_country
from .coref import resolve_counterparts, resolve_entities, resolve_pronouns
from .kb import KB, Entry, load_kb
from .matching import Hit, drop_name_parts, read_tokens, scan
from .resolve import Context, resolve_hits


def article_date(published: str | None) -> str:
    """The date roles are looked up on: the publication date; an unknown date means "now"
    (open-ended roles win), a year or month means its middle."""
    if not published:
        return "9999-12-30"
    if len(published) == 4:
        return published + "-07-01"
    if len(published) == 7:
        return published + "-15"
    return published[:10]


def find_actors(doc: Any, published: str | None, *, body: str | None = None,
                kb: KB | None = None) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Actors and mentions of one parsed text; ``body`` is ``doc.text`` (pass it: cheaper)."""
    kb = kb or load_kb()
    body = doc.text if body is None else body
    tokens = read_tokens(doc, body)
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    hits = drop_name_parts(scan(tokens, kb), ents, tokens.texts, kb)
    ctx = Context(body=body, tokens=tokens, kb=kb, date=article_date(published), hits=hits)
    ctx.hit_tokens.update(i for h in hits for i in range(h.start, h.end))
    ctx.countries.update(_countries(kb, hits))
    resolve_hits(ctx)
    resolve_entities(ctx, ents)
    ctx.found.sort(key=lambda f: (f.start, f.end))
    resolve_pronouns(ctx)
    resolve_counterparts(ctx)
    ctx.found.sort(key=lambda f: (f.start, f.end))
    mentions = []
    spans = set()
    for f in ctx.found:
        if (f.start, f.end) in spans:
            continue  # one actor per span: the first resolution (reading order) stands
        spans.add((f.start, f.end))
        start = tokens.idx[f.start]
        end = tokens.idx[f.end - 1] + len(tokens.texts[f.end - 1])
        mentions.append(Mention(start=start, end=end, text=body[start:end],
                                actor_id=f.actor, kind=f.kind))
    order = list(dict.fromkeys(f.actor for f in ctx.found))
    actors = tuple(_actor(kb, ctx.entries[a], ctx.date, ctx.role_of.get(a)) for a in order)
    return actors, tuple(mentions)


def _countries(kb: KB, hits: list[Hit]) -> set[str]:
    out = set()
    for hit in hits:
        for alias in hit.aliases:
            if alias.kind in ("actor", "demonym", "metonym", "seat"):
                entry = kb.entries[alias.value]
                if entry.type == "state" and entry.country:
                    out.add(entry.country)
    return out


def _actor(kb: KB, entry: Entry, date: str, seen_role: str | None) -> Actor:
    roles = tuple(Role(title=kb.role_title(r, entry.gender).split(" of ")[0] if r.org
                       else r.title, org=r.org, start=r.start, end=r.end) for r in entry.roles)
    on = kb.roles_on(entry, date)
    role = kb.role_title(on[0], entry.gender) if on else seen_role
    return Actor(id=entry.id, name=entry.name, type=entry.type, country=entry.country,
                 role=role, roles=roles)


class ActorResolver:
    """Gazetteer + NER actor resolution; the knowledge base loads once per process."""

    name = "actors"
    version = "4"
    requires = frozenset({"body", "doc", "published"})
    provides = frozenset({"actors", "mentions"})

    def __init__(self) -> None:
        self.kb = load_kb()
        city_country("")  # load the city table now, not inside the first article

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        out = []
        for article in articles:
            if article.doc is None:
                out.append(article)  # nothing parsed (empty or non-English body)
                continue
            actors, mentions = find_actors(article.doc, article.published, body=article.body,
                                          kb=self.kb)
            # generic agents ("police", "Iraqi troops"): see agents.py (the events area's hook)
            actors, mentions = with_agents(article.doc, actors, mentions, self.kb)
            out.append(dataclasses.replace(article, actors=actors, mentions=mentions))
        return out
