"""What an article is about beyond who is in it: a compact keyword profile.

In political news nearly every article names the same few states, so shared actors alone
cannot tell an oil dispute from a military exercise with the same cast. The profile keeps the
article's most frequent content words that are *not* actor mentions (the mention spans are
blanked out first), lower-cased, plurals folded and cut to a 6-letter stem. It is computed
once per article from the stored body (no model needed) and compared, TF-IDF weighted, with a
story's profile.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence

TOP_TERMS = 32  # per article: enough for a short wire story, bounded for long opinion pieces
STEM = 6  # letters kept: a crude stemmer that needs no model and no word list
STORY_TERMS = 64  # a story's profile keeps its heaviest terms (pruned at twice that)

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?", re.UNICODE)
# Function words plus the vocabulary of reporting itself (who said what, when, how many):
# frequent in every story, so they would make unrelated stories look alike.
_STOP_WORDS = """
a about above across after again against all almost already also although always am among an
and another any are around as at away back be became because been before being below between
both but by can cannot could did do does doing done down during each either else even ever every
for from further get got had has have having he her here him his how however if in into is it
its itself just least less like made make many may me might more most much must my near nearly
neither never new next no nor not now of off often on once one only or other our out over own per
perhaps rather same she should since so some still such than that the their them themselves then
there these they this those though through thus to too under until up upon very was we were what
when where whether which while who whom whose why will with within without would yet you your
said say says saying told tell tells added adding according asked include included including
called calling expected expect want wanted wants take taken taking took part place keep kept
give given come came go going went see seen saw show showed shown set put making
year years month months week weeks day days today yesterday tonight morning evening night time
times monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december two three four five six seven eight nine ten
first second third last dozen hundred thousand million billion percent per cent
official officials government governments president minister ministers country countries state
states people spokesman spokeswoman statement reporters news report reported reports
far few way fact old top later remain remains possible happen happened
"""
_STOP = frozenset(_STOP_WORDS.split())


def fold(word: str) -> str:
    """Lower case, no possessive, plural folded ("refineries" -> "refinery"), cut to
    ``STEM`` letters so that "protest", "protesters", "protested" count as one term."""
    return _fold(word)[:STEM]


def _fold(word: str) -> str:
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def topic_terms(text: str, blank: Iterable[tuple[int, int]] = (), names: Iterable[str] = (),
                top: int = TOP_TERMS) -> tuple[tuple[str, ...], bytes]:
    """(terms, counts) of ``text`` with the ``blank`` spans (actor mentions) left out, and
    the capitalised words of actor ``names`` too (their stems also catch adjectives the
    mentions missed: "Belarusian" folds like "Belarus"): the ``top`` most frequent content
    words, ties broken by first occurrence (the lead paragraph says what it is about)."""
    chars = list(text)
    for start, end in blank:
        chars[start:end] = " " * (end - start)
    skip = _STOP | {fold(w) for n in names for w in _WORD.findall(n) if w[:1].isupper()}
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, m in enumerate(_WORD.finditer("".join(chars))):
        word = m.group()
        if len(word) < 3 or word.casefold() in _STOP:
            continue
        term = fold(word)
        if len(term) >= 3 and term not in skip:
            counts[term] += 1
            first.setdefault(term, i)
    best = sorted(counts, key=lambda t: (-counts[t], first[t]))[:top]
    return tuple(sys.intern(t) for t in best), bytes(min(counts[t], 255) for t in best)


_LOG_TF = [0.0] + [1.0 + math.log(c) for c in range(1, 256)]  # counts are capped at 255


def idf(docs: Iterable[Sequence[str]]) -> dict[str, float]:
    """Inverse document frequency of every key in ``docs`` (one sequence per article),
    smoothed: a key every article has keeps weight 1, so in a tiny store nothing vanishes."""
    df: Counter[str] = Counter()
    n = 0
    for keys in docs:
        n += 1
        df.update(keys)
    return {k: math.log((n + 1) / (d + 1)) + 1.0 for k, d in df.items()}


def unit_vector(terms: Sequence[str], counts: Sequence[int],
                weights: dict[str, float]) -> dict[str, float]:
    """Log-scaled term frequency times IDF, normalised to length 1."""
    vec = {t: _LOG_TF[c] * weights.get(t, 1.0) for t, c in zip(terms, counts, strict=True)}
    scale = 1.0 / (math.sqrt(sum(v * v for v in vec.values())) or 1.0)
    for t in vec:
        vec[t] *= scale
    return vec


class Profile:
    """A story's topic: the sum of its articles' unit vectors, the heaviest terms kept, with
    the norm maintained as terms are added so a comparison only touches shared terms."""

    __slots__ = ("norm2", "weights")

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self.norm2 = 0.0

    def add(self, vec: dict[str, float]) -> None:
        w = self.weights
        norm2 = self.norm2
        for t, v in vec.items():
            old = w.get(t, 0.0)
            new = w[t] = old + v
            norm2 += new * new - old * old
        self.norm2 = norm2
        if len(w) > 2 * STORY_TERMS:
            self.weights = dict(sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[:STORY_TERMS])
            self.norm2 = sum(v * v for v in self.weights.values())

    def cosine(self, vec: dict[str, float]) -> float:
        if not self.norm2:
            return 0.0
        w = self.weights
        # in the article's own term order: the float sum is the same on every run
        return sum(v * w[t] for t, v in vec.items() if t in w) / math.sqrt(self.norm2)
