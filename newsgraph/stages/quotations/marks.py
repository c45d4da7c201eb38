"""Pairs of quotation marks in plain text: straight, curly and guillemets.

A straight mark opens when it is followed by a non-space and nothing is open, and closes
otherwise; curly marks say which they are. A pair that runs longer than ``MAX_QUOTE``
characters is a mismatch (a stray mark) and is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUOTE = 1500
_MARK = re.compile(r"[\"“”«»„]")
_OPENERS = {"“", "«", "„"}
_CLOSERS = {"”", "»"}


@dataclass(frozen=True, slots=True)
class Marked:
    open: int  # index of the opening mark
    close: int  # index of the closing mark
    start: int  # inner text, trimmed
    end: int


def find_quotes(text: str) -> list[Marked]:
    out: list[Marked] = []
    opened: int | None = None
    for m in _MARK.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _OPENERS:
            opened = i
            continue
        if ch == '"' and opened is None:
            nxt = text[i + 1:i + 2]
            if nxt and not nxt.isspace():
                opened = i
            continue
        if opened is None or (ch == '"' and text[opened] not in '"„' and text[opened] != "“"):
            continue
        if ch in _CLOSERS or ch == '"':
            if i - opened <= MAX_QUOTE:
                start, end = opened + 1, i
                while start < end and text[start].isspace():
                    start += 1
                while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
                    end -= 1  # '"crying," adding': the comma is the writer's, not the quote's
                if end > start:
                    out.append(Marked(opened, i, start, end))
                opened = None
            else:
                nxt = text[i + 1:i + 2]
                opened = i if ch == '"' and nxt and not nxt.isspace() else None
    return out
