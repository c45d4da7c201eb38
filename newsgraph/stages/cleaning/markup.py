"""Strip inline markup left by copy-paste (markdown link placeholders, escapes, emphasis)
while keeping a map from the stripped text back to the original offsets.

``[Eurasia Future](#)`` becomes ``Eurasia Future``; ``\\\\$2.7`` becomes ``$2.7``. Every
dropped piece is reported as ``(start, end, reason)`` in original offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# (pattern, reason, substrings without which the pattern cannot match). Order matters:
# links first, so an escape inside an anchor is handled after the brackets are gone.
_INLINE: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    # an image placeholder ![alt](src) carries no article text
    (re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)"), "image_markup", ("![",)),
    # a link placeholder: drop "[" and "](target)", keep the anchor
    (re.compile(r"\[(?=[^\[\]\n]*\]\([^()\s]*(?:\([^()\s]*\))?[^()\s]*(?:\s+\"[^\"\n]*\")?\))"
                r"|(?<=[^\[\n])\]\([^()\s]*(?:\([^()\s]*\))?[^()\s]*(?:\s+\"[^\"\n]*\")?\)"),
     "link_markup", ("](",)),
    # backslash escapes from markdown conversion: \\$2.7, \*
    (re.compile(r"\\+(?=[$*_#\[\]()<>`~|!.+&-])"), "escape", ("\\",)),
    # heading hashes and bold markers
    (re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+|\*\*(?=\S)|(?<=\S)\*\*|__(?=\S)|(?<=\S)__"), "markup",
     ("#", "**", "__")),
    # stray HTML tags from a half-converted page
    (re.compile(r"</?(?:p|br|div|span|em|strong|b|i|u|a|h[1-6]|li|ul|ol)\b[^<>\n]{0,200}>",
                re.I), "html_tag", ("<",)),
    # invisible characters (zero-width space, BOM, soft hyphen); not ZWNJ, which Persian needs
    (re.compile(r"[\u200b\u200d\ufeff\u00ad]+"), "invisible",
     ("\u200b", "\u200d", "\ufeff", "\u00ad")),
)


@dataclass(frozen=True, slots=True)
class Stripped:
    """``text`` with markup removed; ``to_raw``/``to_raw_end`` map its offsets back."""

    text: str
    removed: tuple[tuple[int, int, str], ...]
    _plain_starts: tuple[int, ...]
    _raw_starts: tuple[int, ...]

    def to_raw(self, pos: int) -> int:
        i = bisect_right(self._plain_starts, pos) - 1
        return self._raw_starts[i] + pos - self._plain_starts[i]

    def to_raw_end(self, pos: int) -> int:
        """Map an exclusive end offset (so a span never swallows a removed bracket after it)."""
        return self.to_raw(pos - 1) + 1 if pos > 0 else self.to_raw(0)


def strip(raw: str) -> Stripped:
    spans: list[tuple[int, int, str]] = []
    taken = bytearray(len(raw))  # 1 where an earlier pattern already removed the character
    for rx, reason, triggers in _INLINE:
        if not any(t in raw for t in triggers):
            continue  # most texts have no markup of a kind: skip the scan
        for m in rx.finditer(raw):
            s, e = m.span()
            if s == e or 1 in taken[s:e]:
                continue
            spans.append((s, e, reason))
            taken[s:e] = b"\x01" * (e - s)
    spans.sort()
    pieces: list[str] = []
    plain_starts, raw_starts = [0], [0]
    pos = plain = 0
    for s, e, _ in spans:
        pieces.append(raw[pos:s])
        plain += s - pos
        pos = e
        plain_starts.append(plain)
        raw_starts.append(e)
    pieces.append(raw[pos:])
    return Stripped("".join(pieces), tuple(spans), tuple(plain_starts), tuple(raw_starts))
