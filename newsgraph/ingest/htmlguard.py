"""A guard that keeps newsgraph's HTML extraction from ever doing worse than trafilatura.

Pruning by class/id names ("share", "related", "paywall", ...) removes page furniture that
trafilatura keeps; but names can mislead, and a block named like furniture may hold part of
the article. So the pruned result is compared with trafilatura's own extraction of the same
page (after the shape-based changes only) and loses to it when it is much shorter and what
it lacks reads as prose.
"""

from __future__ import annotations

import re

# The pruned extraction is replaced by trafilatura's own (no name-based pruning) only when it lost
# much of the text: fewer words than KEEP_SHARE of trafilatura's, and more than LOST_PROSE of
# trafilatura's words in runs of prose (>= PROSE_WORDS words, made of sentences) it lacks.
KEEP_SHARE = 0.7
LOST_PROSE = 0.3
PROSE_WORDS = 20
_WORD = re.compile(r"\w+")
SENTENCE_WORDS = 40  # a run of prose has a sentence end at least every this many words
_END = re.compile(r"[.!?…][\"'”’»)]?\s*$")
_SENTENCE = re.compile(r"[.!?…][\"'”’»)]?\s+[\"'“‘«(]?[A-ZА-ЯЁ0-9]")


def lost_prose(ours: str, theirs: str) -> int:
    """Words of ``theirs`` in long runs that no word 4-gram of ``ours`` covers and that read
    as sentences (menus and link lists are runs of words without sentence breaks)."""
    def grams(words: list[str]) -> set[tuple[str, ...]]:
        return {tuple(words[i:i + 4]) for i in range(len(words) - 3)}

    have = grams(_WORD.findall(ours.lower()))
    spans = list(_WORD.finditer(theirs))
    words = [m.group(0).lower() for m in spans]
    covered = [False] * len(words)
    for i in range(len(words) - 3):
        if tuple(words[i:i + 4]) in have:
            covered[i:i + 4] = [True] * 4
    lost, i = 0, 0
    while i < len(words):
        if covered[i]:
            i += 1
            continue
        j = i
        while j < len(words) and not covered[j]:
            j += 1
        run = theirs[spans[i].start():spans[j - 1].end() + 1]
        sentences = len(_SENTENCE.findall(run)) + bool(_END.search(run))
        if j - i >= PROSE_WORDS and sentences * SENTENCE_WORDS >= j - i:
            lost += j - i
        i = j
    return lost


def never_worse(ours: str, theirs: str) -> str:
    """A guard against pruning that removed article text: pruning is meant to drop page
    furniture trafilatura keeps, so when the pruned result is much shorter than
    trafilatura's and what it lacks reads as prose, trafilatura's wins."""
    ours_words, theirs_words = len(ours.split()), len(theirs.split())
    if not theirs_words or ours_words >= KEEP_SHARE * theirs_words:
        return ours
    return theirs if lost_prose(ours, theirs) > LOST_PROSE * theirs_words else ours
