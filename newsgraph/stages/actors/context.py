"""The state of one resolution run: the tokens, the knowledge base, the mentions found so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from .kb import KB, Entry
from .matching import Hit, Tokens


@dataclass(slots=True)
class Found:
    start: int  # token index
    end: int
    actor: str
    kind: str
    subject: bool = False
    head: int = -1  # the token the mention's root depends on (its verb, for a subject)


@dataclass(slots=True)
class Context:
    body: str
    tokens: Tokens
    kb: KB
    date: str
    hits: list[Hit]
    found: list[Found] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)  # every actor referenced
    role_of: dict[str, str] = field(default_factory=dict)  # local people: role seen in text
    local_surnames: dict[str, str] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)  # hit indexes consumed by another hit
    covered: set[int] = field(default_factory=set)  # token indexes inside a found mention
    hit_tokens: set[int] = field(default_factory=set)  # token indexes inside any gazetteer hit
    seen_ids: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # ISO3 of every state named in the text

    def add(self, start: int, end: int, entry: Entry, kind: str) -> None:
        self.entries.setdefault(entry.id, entry)
        root = self.tokens.root(start, end)
        subject = self.tokens.dep[root] in ("nsubj", "nsubjpass")
        self.found.append(Found(start, end, entry.id, kind, subject, self.tokens.head[root]))
        self.covered.update(range(start, end))
        self.seen_ids.add(entry.id)

    @property
    def norms(self) -> list[str]:
        return self.tokens.norms

    @property
    def sent_of(self) -> list[int]:
        return self.tokens.sent

    def texts_at(self, i: int) -> str:
        return self.tokens.texts[i] if i < len(self.tokens.texts) else ""

    def seen(self, actor_id: str) -> bool:
        return actor_id in self.seen_ids


def gap_tokens(ctx: Context, a: int, b: int) -> list[str]:
    return ctx.norms[a:b]
