"""The outlet registry (``outlets.json``): canonical names, domains and aliases."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Registry:
    by_key: dict[str, str]  # casefolded name / alias / domain -> canonical name
    outlet_words: frozenset[str]
    non_latin: tuple[tuple[str, str], ...]  # (alias, name) in other scripts, for banners

    def lookup(self, text: str) -> str | None:
        key = _key(text)
        return self.by_key.get(key) or self.by_key.get(key.removeprefix("the "))

    def looks_like_outlet(self, text: str) -> bool:
        if self.lookup(text):
            return True
        words = re.findall(r"[\w.-]+", text.casefold())
        return any(w in self.outlet_words for w in words) or bool(_DOMAIN.fullmatch(text.strip()))

    def domains_in(self, text: str) -> list[tuple[str, int, int]]:
        """Registered outlets whose domain occurs in ``text``: (name, start, end)."""
        out = []
        for m in _DOMAIN.finditer(text):
            host = m.group().casefold().removeprefix("www.")
            while host:
                name = self.by_key.get(host)
                if name:
                    out.append((name, m.start(), m.end()))
                    break
                host = host.partition(".")[2] if host.count(".") > 1 else ""
        return out

    def banners_in(self, text: str) -> list[tuple[str, int, int]]:
        out = []
        for alias, name in self.non_latin:
            i = text.find(alias)
            if i >= 0:
                out.append((name, i, i + len(alias)))
        return out


_DOMAIN = re.compile(r"(?<![@\w.-])(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}(?![\w-])"
                     r"|(?<=@)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}", re.I)
_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" .,;:|-–—\"“”'’").casefold()


def _load() -> Registry:
    data = json.loads(resources.files(__package__).joinpath("outlets.json")
                      .read_text(encoding="utf-8"))
    by_key: dict[str, str] = {}
    non_latin: list[tuple[str, str]] = []
    for entry in data["outlets"]:
        name = entry["name"]
        for key in (name, *entry.get("aliases", ()), *entry.get("domains", ())):
            by_key.setdefault(_key(key), name)
            if any(ord(c) > 0x24F for c in key):
                non_latin.append((key, name))
    return Registry(by_key, frozenset(data.get("outlet_words", ())), tuple(non_latin))


REGISTRY = _load()
