"""Repair text extracted from a PDF (pages joined by ``\\f``) into paragraphs.

- running headers/footers: lines near the top or bottom of a page that repeat (digits
  ignored) on several pages are dropped, and so are bare page numbers ("3", "- 3 -",
  "Page 3 of 7");
- visual lines are joined into paragraphs; a paragraph ends at a blank line, or at a short
  line that ends a sentence, or before a short heading line;
- end-of-line hyphenation is undone when the joined word is a word ("recog-" + "nize");
  real compounds ("Russian-" + "Belarusian", "anti-" + "Western") keep their hyphen;
- a sentence cut by a page break is rejoined.

Pure functions; used by the extract stage.
"""

from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(
    r"^\s*(?:page|p\.|seite|стр\.?)?\s*[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|из)\s*\d{1,4})?\s*$", re.I)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_END = re.compile(r"[.!?…][\"'”’»)\]]*$|:$")
_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
# Prefixes that form hyphenated compounds; "anti-\nwar" stays "anti-war" unless the document
# itself writes "antiwar".
_COMPOUND_PREFIXES = frozenset({
    "self", "anti", "pro", "non", "ex", "co", "post", "well", "long", "short", "high", "low",
    "cross", "half", "all", "semi", "quasi", "vice", "neo", "pan", "mid", "multi", "inter",
    "intra", "ultra", "full"})
EDGE = 3  # lines at the top and bottom of a page where headers/footers live
_MASTHEAD = re.compile(r"^\s*[^\s·|•]+(?:\s+[^\s·|•]+){0,5}\s+[·|•–—]\s+(?:https?://)?(?:www\.)?"
                       r"[\w-]+(?:\.[\w-]+)+/?\s*$")


def _key(line: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", " ", line.strip().lower()))


def _edges(lines: list[str]) -> list[int]:
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    return sorted(set(idx[:EDGE] + idx[-EDGE:]))


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeated at the edges of several pages. A masthead (the
    site's name with its address, "Energy Security Digest · www.esdigest.example") is kept
    once, at the top of the first page: it names the outlet, and the cleaner removes it."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(lines[i]) for i in _edges(lines)})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {k for k, c in counts.items() if c >= threshold and len(pages) >= 2}
    out = []
    for n, lines in enumerate(pages):
        drop = {i for i in _edges(lines)
                if _key(lines[i]) in repeated or _PAGE_NUMBER.match(lines[i])}
        first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
        if n == 0 and first in drop and _MASTHEAD.match(lines[first]):
            drop.discard(first)
        out.append([ln for i, ln in enumerate(lines) if i not in drop])
    return out


def _vocabulary(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _join_hyphen(left_line: str, right_line: str, vocab: set[str]) -> str | None:
    """The two lines joined across an end-of-line hyphen, or None to keep the hyphen."""
    m, n = _HYPHEN_END.search(left_line), _FIRST_WORD.match(right_line)
    if not m or not n:
        return None
    left, right = m.group(1), n.group(1)
    joined, compound = (left + right).lower(), f"{left}-{right}".lower()
    if right[0].isupper() or compound in vocab:
        return None
    if joined not in vocab and left.lower() in _COMPOUND_PREFIXES:
        return None
    return left_line[:-1] + right_line


def _line_width(lines: list[str]) -> int:
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def repair_pdf_text(text: str) -> str:
    text = text.replace("\u00ad\n", "").replace("\u00ad", "")
    pages = [[ln.rstrip() for ln in page.split("\n")] for page in text.split("\f")]
    pages = strip_running_lines(pages)
    vocab = _vocabulary(text)
    lines: list[tuple[str, bool]] = []  # (line, first line after a page break)
    for n, page in enumerate(pages):
        for i, ln in enumerate(page):
            lines.append((ln.strip(), n > 0 and i == 0))
    width = _line_width([ln for ln, _ in lines])
    paragraphs: list[str] = []
    current = ""
    for k, (line, after_break) in enumerate(lines):
        if not line:
            # a blank line (a vertical gap) ends a paragraph, unless the text plainly goes
            # on: a hyphen or comma before it, or a lower-case word after it
            nxt = next((ln for ln, _ in lines[k + 1:] if ln), "")
            if current and not (current.endswith(("-", ",")) or nxt[:1].islower()):
                paragraphs.append(current)
                current = ""
            continue
        if not current:
            current = line
        elif after_break and _END.search(current) and not line[0].islower():
            paragraphs.append(current)
            current = line
        else:
            joined = _join_hyphen(current, line, vocab)
            if joined is None:  # a kept compound hyphen joins without a space
                joined = current + ("" if _HYPHEN_END.search(current) else " ") + line
            current = joined
        nxt = next((ln for ln, _ in lines[k + 1:] if ln), "")
        if _ends_paragraph(line, nxt, width):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(re.sub(r"[ \t]{2,}", " ", p) for p in paragraphs)


def _ends_paragraph(line: str, nxt: str, width: int) -> bool:
    short = len(line) < 0.8 * width
    if short and _END.search(line):
        return True
    # a short line without final punctuation followed by a capitalised line is a heading
    return (len(line) < 0.6 * width and not line.endswith((",", ";", "-", "–"))
            and bool(nxt) and (nxt[0].isupper() or nxt[0] in "\"“«'")
            and not line[0].islower())
