"""Remove boilerplate from text whose HTML structure is gone; record what was removed.

``article.raw`` → ``article.body`` (the article text only: no title, byline or chrome;
paragraphs separated by ``"\\n\\n"``) and ``article.removed`` (``Removal`` spans of ``raw``
with a reason). Which lines are boilerplate is decided by the table in ``patterns.tsv``;
this module only splits lines, finds the head/body/tail zones, picks the title line and
rejoins paragraphs a page break split.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ...models import Article, Removal
from ...pipeline import stage
from .atoms import NAMES
from .markup import Stripped, strip
from .rules import FOOTER_REASONS, METADATA_REASONS, classify, dominant, script_counts

if TYPE_CHECKING:
    from ..metadata.outlets import Registry

__all__ = ["FOOTER_REASONS", "METADATA_REASONS", "Line", "clean", "clean_text", "strip"]

_LINE = re.compile(r"([^\n\r\f]*)(\r\n|[\n\r\f]|$)")
_TERMINAL = ".!?…:;\"”’»)]"
_BODY_END = re.compile(r"[.!?…][\"”’»)]*$")
_SPACE = re.compile(r"\s+")
_NAME_LINE = re.compile(NAMES)
_BULLET = re.compile(r"^[-–•*·]\s+")
_NUMBERED = re.compile(r"^(?:\d{1,2}[.)]|[-–•*·])\s+\S")  # "1. Headline", "- Headline"


@dataclass(slots=True)
class Line:
    start: int  # offsets in the stripped text, whitespace trimmed
    end: int
    text: str
    block: int  # lines of one block are separated by single newlines
    reason: str | None = None
    item: bool = False  # an item of a list introduced by a label line (tags, related links)


def _lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets; a blank line or a form feed (PDF page) ends a block."""
    out: list[Line] = []
    block, new_block = 0, False
    for m in _LINE.finditer(text):
        seg = m.group(1)
        stripped = seg.strip()
        if stripped:
            if new_block and out:
                block += 1
            new_block = False
            lead = len(seg) - len(seg.lstrip())
            start = m.start(1) + lead
            out.append(Line(start, start + len(stripped), stripped, block))
        else:
            new_block = True
        if m.group(2) == "\f":
            new_block = True
        if not m.group(2):
            break  # end of text
    return out


def _is_body(line: Line) -> bool:
    """A line that is clearly article prose (ends the head zone)."""
    if line.reason is not None:
        return False
    words = line.text.count(" ") + 1
    return len(line.text) >= 120 or (words >= 8 and bool(_BODY_END.search(line.text)))


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip(" .").casefold()


def _classify(lines: list[Line], title: str | None, guess_title: bool) -> None:
    counts: dict[str, int] = {}
    per_line = []
    for line in lines:
        c = script_counts(line.text)
        per_line.append(c)
        for k, v in c.items():
            counts[k] = counts.get(k, 0) + v
    main_script = dominant(counts)
    seen: dict[str, int] = {}
    for line in lines:
        if len(line.text) <= 100:
            seen[line.text] = seen.get(line.text, 0) + 1
    head = True
    body_start = len(lines)
    footer_at = len(lines)
    tail_from = len(lines) - 3  # the last lines are tail even without a footer marker
    for i, line in enumerate(lines):
        own = dominant(per_line[i])
        if (own and main_script and own != main_script and len(line.text) <= 400
                and per_line[i][own] >= 0.6 * sum(per_line[i].values())):
            line.reason = "foreign_script"
            continue
        zone = "head" if head else ("tail" if i >= min(footer_at, tail_from) else "body")
        line.reason = classify(line.text, zone) or _furniture(line.text, seen)
        bullet = _BULLET.match(line.text)
        if line.reason is None and bullet and classify(line.text[bullet.end():], zone):
            # a list item of page furniture ("- November 12, 2021" from an info list): the
            # bullet goes with it, the removal records the item itself
            line.start, line.text = line.start + bullet.end(), line.text[bullet.end():]
            line.reason = classify(line.text, zone)
        if head and line.reason is None and (_is_body(line) and i > 0 or i > 40):
            head, body_start = False, i
            line.reason = classify(line.text, "body")
        if not head and line.reason in FOOTER_REASONS and i < footer_at:
            footer_at = i
        if line.reason == "about_author" and i + 1 < len(lines):
            nxt = lines[i + 1]
            if len(nxt.text) < 1500 and classify(nxt.text, "body") is None:
                nxt.reason = "author_bio"  # the paragraph a label introduces is the bio
    # without a footer marker before it, a bio in the body must be the last prose: "X is an
    # analyst at Y" followed by more article text is a sentence of the article
    prose_after = False
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.reason == "author_bio" and body_start < i < footer_at and prose_after:
            line.reason = None
        prose_after = prose_after or line.reason is None
    # a republisher's masthead block: short plain lines sharing a head block with a banner in
    # another script or the site's address ("Northern Crossroads" under its Ukrainian motto)
    # (same block, between two such lines, or right above a banner in another script; not a
    # title right above the page's URL)
    banner = {i for i, ln in enumerate(lines[:12]) if ln.reason in ("foreign_script", "url_line")}
    banner_blocks = {lines[i].block for i in banner}
    for i, line in enumerate(lines[:12]):
        if (line.reason is None and line.text.count(" ") < 5
                and (line.block in banner_blocks or i - 1 in banner and i + 1 in banner
                     or i + 1 in banner and lines[i + 1].reason == "foreign_script")
                and not line.text.endswith((".", "?", "!", ":"))):
            line.reason = "site_banner"
    # a label such as "Related topics" or "Tags:" is followed by its items, one per line
    for i in range(1, len(lines)):
        prev, line = lines[i - 1], lines[i]
        if (line.reason is None and prev.reason in ("read_more", "tag_line")
                and (prev.text.endswith(":") or prev.text.count(" ") < 3 or prev.item)
                and (line.text.count(" ") < 4
                     or _NUMBERED.match(line.text) and line.text.count(" ") < 12)
                and not line.text.endswith((".", "?", "!"))):
            line.reason, line.item = prev.reason, True
    # a bare name next to a dateline is a byline ("Jakub Nowak" / "Mar 3, 2022")
    for i, line in enumerate(lines[:12]):
        if line.reason is None and _NAME_LINE.fullmatch(line.text) and any(
                0 <= j < len(lines) and lines[j].reason == "dateline" for j in (i - 1, i + 1)):
            line.reason = "byline"
    _mark_title(lines, title, guess_title)


def _furniture(text: str, seen: dict[str, int]) -> str | None:
    """Lines no pattern knows: a PDF running header (a short line repeated on every page)
    or a line that is nothing but a known outlet's name ("TASS", "Politico Europe")."""
    if len(text) > 100:
        return None
    if seen.get(text, 0) >= 2 and not text.endswith((".", "?", "!")):
        return "running_header"
    if len(text) <= 60 and _registry().lookup(text):
        return "outlet_line"
    return None


@cache
def _registry() -> Registry:
    # imported late: the metadata package imports this one
    from ..metadata.outlets import REGISTRY

    return REGISTRY


def _mark_title(lines: list[Line], title: str | None, guess: bool) -> None:
    """The title is the first plain line of the head zone (or the line equal to a known title).

    The first line may be the title even when it reads like prose (a long headline, one
    ending in "?" or "!"); a line ending in "." is a title only when it is short.
    """
    head: list[Line] = []
    for i, line in enumerate(lines):
        if i > 0 and _is_body(line) or i > 40:
            break
        head.append(line)
    if title:
        want = _norm(title)
        for line in head[:12] or lines[:3]:
            if _norm(line.text) == want:
                line.reason = "title"
        return
    if not guess:
        return
    for i, line in enumerate(head):
        if (line.reason == "running_header" and i == 0 and len(head) > 1
                and head[1].text == line.text):
            line.reason = None  # a headline repeated right below it is still the headline
        if line.reason is not None:
            continue
        words = line.text.count(" ") + 1
        if words == 1:
            line.reason = "site_banner"  # a lone word above the title: masthead or kicker
        elif (words <= 40 and len(line.text) <= 300 and not line.text.endswith(":")
              and (not line.text.endswith(".") or words <= 10)):
            line.reason = "title"
            return
        else:
            return  # prose before any title-like line: the text has no title line


def _joins(prev: str, nxt: str) -> bool:
    """A paragraph a page break split: no final punctuation, lowercase continuation."""
    return bool(prev) and prev[-1] not in _TERMINAL and nxt[:1].islower()


def clean_text(raw: str, *, title: str | None = None,
               guess_title: bool = True) -> tuple[str, tuple[Removal, ...]]:
    """The cleaned body of ``raw`` and the removed spans (offsets into ``raw``).

    A known ``title`` removes only the line equal to it; otherwise, with ``guess_title``, the
    first plain line of the head zone is taken as the title (pasted text starts with it).
    """
    stripped: Stripped = strip(raw)
    text = stripped.text
    lines = _lines(text)
    _classify(lines, title, guess_title)
    pieces: list[str] = []
    removed: list[Removal] = []
    last: Line | None = None
    for line in lines:
        if line.reason is not None:
            # the whole raw line goes, trailing markup ("](#)") included
            s, e = stripped.to_raw(line.start), stripped.to_raw(line.end)
            while e > s and raw[e - 1].isspace():
                e -= 1
            removed.append(Removal(start=s, end=e, reason=line.reason, text=raw[s:e]))
            continue
        if last is not None:
            if _joins(last.text, line.text):
                pieces.append("" if last.text.endswith("-") else " ")
            else:
                pieces.append("\n" if line.block == last.block else "\n\n")
        pieces.append(line.text)
        last = line
    kept = [(stripped.to_raw(ln.start), stripped.to_raw_end(ln.end))
            for ln in lines if ln.reason is None]
    for s, e, reason in stripped.removed:
        if any(ks <= s and e <= ke for ks, ke in kept) and raw[s:e].strip():
            removed.append(Removal(start=s, end=e, reason=reason, text=raw[s:e]))
    removed.sort(key=lambda r: (r.start, r.end))
    return "".join(pieces), tuple(removed)


@stage("clean", "2", requires={"raw"}, provides={"body", "removed"})
def clean(article: Article) -> Article:
    # main text extracted from HTML has no title line to guess (the page's <title> is meta)
    body, removed = clean_text(article.raw, title=article.title,
                               guess_title=article.kind != "html")
    return dataclasses.replace(article, body=body, removed=removed)
