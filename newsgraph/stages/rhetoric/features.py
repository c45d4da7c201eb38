"""Features shared by training and inference: static embeddings, TF-IDF n-grams, lexicon
cues, document-level repetition statistics (Repetition needs the whole article) and
document style (genre)."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

from . import lexicons
from .static import StaticEmbedder

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_QUOTED = re.compile(r"[\"“”‘’']([^\"“”\n]{1,40}?)[\"“”’']")
_STOP = lexicons.stopwords()

Paragraph = tuple[int, int]


def paragraphs(body: str) -> list[Paragraph]:
    """Non-empty lines of ``body``: the unit SemEval-2023 Task 3 labels."""
    out: list[Paragraph] = []
    pos = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def ngrams(text: str) -> list[str]:
    toks = tokens(text)
    return toks + [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]


def gram_keys(text: str) -> list[int]:
    """CRC-32 of each word 1-2-gram: the hashing trick, so fitted weights hold no text."""
    return [zlib.crc32(g.encode()) for g in ngrams(text)]


class Tfidf:
    """Sublinear TF-IDF over hashed word 1-2-grams with a fixed vocabulary, l2-normalised."""

    def __init__(self, keys: Sequence[int] | np.ndarray, idf: np.ndarray) -> None:
        self.keys = np.asarray(keys, dtype=np.int64)
        self.index = {int(k): i for i, k in enumerate(self.keys)}
        self.idf = idf.astype(np.float32)

    @classmethod
    def fit(cls, texts: Sequence[str], min_df: int = 3) -> Tfidf:
        """Vocabulary: the n-grams in >= ``min_df`` of ``texts``; smoothed idf."""
        df: Counter[int] = Counter()
        for text in texts:
            df.update(set(gram_keys(text)))
        keys = sorted(k for k, c in df.items() if c >= min_df)
        n = len(texts)
        idf = np.array([math.log((1 + n) / (1 + df[k])) + 1 for k in keys], dtype=np.float32)
        return cls(keys, idf)

    def sparse(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts = Counter(i for i in map(self.index.get, gram_keys(text)) if i is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        val = (1.0 + np.log(tf)) * self.idf[idx]
        return idx, val / float(np.linalg.norm(val))

    def dense(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(self.keys)), dtype=np.float32)
        for row, text in enumerate(texts):
            idx, val = self.sparse(text)
            out[row, idx] = val
        return out


def scare_quote_count(text: str) -> int:
    """Short quoted phrases (1-3 words): the usual shape of scare quotes."""
    return sum(1 for m in _QUOTED.finditer(text) if len(m.group(1).split()) <= 3)


def hand_features(text: str, index: int, total: int, article_counts: Counter[str],
                  article_bigrams: Counter[str],
                  lexicon_counts: Sequence[int] | None = None) -> list[float]:
    toks = tokens(text)
    content = [t for t in toks if t not in _STOP and len(t) > 3]
    reps = [article_counts[t] for t in content]
    bigrams = [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]
    shared_bigrams = sum(1 for b in bigrams if article_bigrams[b] > 1 and not
                         (b.split()[0] in _STOP and b.split()[1] in _STOP))
    caps = sum(1 for w in text.split() if len(w) > 2 and w.isupper())
    feats = [
        math.log1p(len(toks)),
        math.log1p(text.count("?")),
        math.log1p(text.count("!")),
        math.log1p(sum(text.count(q) for q in "\"“”")),
        math.log1p(scare_quote_count(text)),
        math.log1p(caps),
        math.log1p(max(reps, default=0)),
        sum(1 for r in reps if r >= 3) / (len(content) or 1),
        math.log1p(shared_bigrams),
        index / max(total - 1, 1),
        1.0 if index == 0 else 0.0,
        math.log1p(total),
    ]
    counts = lexicons.counts(text) if lexicon_counts is None else lexicon_counts
    feats += [math.log1p(c) for c in counts]
    return feats


def article_stats(texts: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    words: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for text in texts:
        toks = tokens(text)
        words.update(toks)
        bigrams.update(a + " " + b for a, b in zip(toks, toks[1:], strict=False))
    return words, bigrams


# A unit's features: its dense columns, and when the head has an n-gram block, each row's
# (column indices, values) in it
Rows = tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]] | None]


class ArticleContext:
    """Per-article state: document statistics plus the paragraph-level feature matrix.

    A unit's technique features are [unit embedding, unit cues, article embedding, mean
    cues of the article's paragraphs, unit TF-IDF n-grams when ``tfidf`` is given]: the same
    layout for paragraphs and sentences, so one head scores both.
    """

    def __init__(self, paragraphs: Sequence[str], embedder: StaticEmbedder,
                 tfidf: Tfidf | None = None) -> None:
        self.embedder = embedder
        self.tfidf = tfidf
        self.texts = list(paragraphs)
        self.total = len(paragraphs)
        self.words, self.bigrams = article_stats(paragraphs)
        self.emb = _stack([embedder.embed(t) for t in paragraphs], embedder.dim)
        # lexicon hits per paragraph: cue features, and summed, the genre head's rates
        self.lexicon = [lexicons.counts(t) for t in paragraphs]
        self.hand = np.array([hand_features(t, i, self.total, self.words, self.bigrams, c)
                              for i, (t, c) in enumerate(zip(paragraphs, self.lexicon,
                                                             strict=True))],
                             dtype=np.float32)
        if not paragraphs:
            self.hand = np.zeros((0, HAND_SIZE), dtype=np.float32)
        mean = self.emb.mean(axis=0) if paragraphs else np.zeros(embedder.dim, np.float32)
        norm = float(np.linalg.norm(mean))
        self.article_emb = mean / norm if norm > 0 else mean
        self.article_hand = (self.hand.mean(axis=0) if paragraphs
                             else np.zeros(HAND_SIZE, dtype=np.float32))

    def _rows(self, texts: Sequence[str], emb: np.ndarray, hand: np.ndarray) -> Rows:
        n = emb.shape[0]
        dense = np.hstack([emb, hand, np.tile(self.article_emb, (n, 1)),
                           np.tile(self.article_hand, (n, 1))]).astype(np.float32)
        sparse = [self.tfidf.sparse(t) for t in texts] if self.tfidf is not None else None
        return dense, sparse

    def paragraph_rows(self) -> Rows:
        """The paragraphs' features: the dense columns and each row's TF-IDF n-grams."""
        return self._rows(self.texts, self.emb, self.hand)

    def sentence_rows(self, sentences: Sequence[str], paragraph_index: int) -> Rows:
        emb = _stack([self.embedder.embed(t) for t in sentences], self.embedder.dim)
        hand = np.array([hand_features(t, paragraph_index, self.total, self.words, self.bigrams)
                         for t in sentences], dtype=np.float32).reshape(len(sentences), -1)
        return self._rows(sentences, emb, hand)

    def paragraph_matrix(self) -> np.ndarray:
        """The paragraphs' dense columns (training adds the n-gram block, fitted per fold)."""
        return self._rows(self.texts, self.emb, self.hand)[0]

    def genre_base(self) -> np.ndarray:
        """Genre features that do not need the technique head: the article embedding,
        ``genre_style`` and ``lexicon_rates``."""
        return np.concatenate([self.article_emb, genre_style(self.texts),
                               lexicon_rates(self.texts, self.lexicon)]).astype(np.float32)

    def genre_vector(self, technique_prob: np.ndarray, threshold: np.ndarray) -> np.ndarray:
        """``genre_base`` plus the ``technique_profile`` of the paragraph probabilities."""
        return np.concatenate([self.genre_base(),
                               technique_profile(technique_prob, threshold)]).astype(np.float32)

    def article_vector(self) -> np.ndarray:
        """Genre/frame features: article embedding, mean and max paragraph cues, style."""
        top = self.hand.max(axis=0) if self.total else np.zeros(HAND_SIZE, dtype=np.float32)
        return np.concatenate([self.article_emb, self.article_hand, top,
                               style_features(self.texts)]).astype(np.float32)


_REPORTING = re.compile(r"\b(?:said|says|told|according|announced|stated|added)\b", re.I)
_PERSON12 = re.compile(r"\b(?:i|me|my|we|us|our|you|your)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
# "KINSHASA, Congo —" / "WASHINGTON (Reuters) -" opening a paragraph: wire-report style.
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,]{1,40}(?:\(\w+\))?\s*[—–-]{1,2}\s")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


def style_features(paragraphs: Sequence[str]) -> list[float]:
    """Document style (reporting vs opinion), log(1 + x) of: per-100-token rates of
    reporting verbs, digits, quote marks, first/second-person pronouns and weekdays;
    questions and exclamations per sentence; paragraph count; a dateline opening one of
    the first two paragraphs (the first may be the title)."""
    text = " ".join(paragraphs)
    per100 = max(len(tokens(text)), 1) / 100
    sentences = max(len(_SENTENCE_END.findall(text)), 1)
    raw = [len(_REPORTING.findall(text)) / per100,
           sum(c.isdigit() for c in text) / per100,
           sum(text.count(q) for q in "\"“”") / per100,
           len(_PERSON12.findall(text)) / per100,
           len(_WEEKDAY.findall(text)) / per100,
           text.count("?") / sentences, text.count("!") / sentences, len(paragraphs),
           float(any(_DATELINE.match(p) for p in paragraphs[:2]))]
    return [math.log1p(v) for v in raw]


# Genre: document style measured per token or per sentence over the whole text, so the
# values do not depend on how the text is cut into lines (SemEval puts about one sentence
# on a line; wire copy and web pages put several) nor on the article's length.
_GENRE_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|added|announced|stated|reported|confirmed|"
    r"spokes(?:man|woman|person)|statement|declined to comment|officials?)\b", re.I)
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|added|announced|stated)\b", re.I)
_OBLIGATION = re.compile(r"\b(?:should|must|ought|needs? to|ha(?:ve|s) to)\b", re.I)
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s")
_TIME = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? \d{1,2}\b|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december) \d{1,2}\b)", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
# Markers of argument rather than account: contrast, concession, emphasis, evaluation.
_ARGUMENT = re.compile(
    r"\b(?:however|in fact|indeed|therefore|thus|clearly|obviously|of course|after all|"
    r"in other words|above all|rather than|instead|nevertheless|nonetheless|actually|simply|"
    r"merely|precisely|so-called|certainly|surely|no doubt|in reality|even)\b", re.I)
# Words in -ly that are not adverbs (the rest count as adverbs: evaluative writing uses more).
_NOT_ADVERB = frozenset({
    "only", "early", "likely", "family", "italy", "july", "rally", "supply", "apply", "reply",
    "ally", "assembly", "daily", "weekly", "monthly", "yearly", "elderly", "holy", "fly"})
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|$)")
_I = frozenset({"i", "me", "my", "myself"})
_WE = frozenset({"we", "us", "our", "ourselves"})
_YOU = frozenset({"you", "your", "yourself"})
_PRESENT = frozenset({"is", "are", "isn't", "aren't", "am", "has", "have", "hasn't", "haven't",
                      "does", "do", "doesn't", "don't"})
_PAST = frozenset({"was", "were", "wasn't", "weren't", "had", "hadn't", "did", "didn't",
                   "said", "told"})
GENRE_STYLE = ("reporting_words", "attributed_sentences", "obligation", "first_singular",
               "first_plural", "second_person", "honorifics", "time_expressions",
               "capitalised", "ed_words", "words_per_sentence", "quote_openings", "digits",
               "quote_marks", "questions", "exclamations", "dateline", "present_aux",
               "past_aux", "argument_markers", "ly_adverbs", "present_past_ratio")


def genre_style(paragraphs: Sequence[str]) -> list[float]:
    """``GENRE_STYLE``: log(1 + x) of per-100-token rates (reporting words, obligation
    modals, pronouns by person, honorifics, time expressions, capitalised and -ed words,
    digits, quote marks, present- and past-tense auxiliaries, argument markers such as
    "however" / "in fact", -ly adverbs) and per-sentence shares
    (attributed sentences, sentences opening with a quote, questions, exclamations), words
    per sentence, a wire dateline, and log((present + 1) / (past + 1))."""
    text = " ".join(paragraphs)
    toks = tokens(text)
    per100 = max(len(toks), 1) / 100
    sentences = [s for p in paragraphs for s in _SENTENCE.findall(p) if s.strip()]
    n_sent = max(len(sentences), 1)
    present = sum(t in _PRESENT for t in toks)
    past = sum(t in _PAST for t in toks)
    raw = [len(_GENRE_REPORTING.findall(text)) / per100,
           sum(1 for s in sentences if _ATTRIBUTION.search(s)) / n_sent,
           len(_OBLIGATION.findall(text)) / per100,
           sum(t in _I for t in toks) / per100,
           sum(t in _WE for t in toks) / per100,
           sum(t in _YOU for t in toks) / per100,
           len(_HONORIFIC.findall(text)) / per100,
           len(_TIME.findall(text)) / per100,
           len(_CAPITALISED.findall(text)) / per100,
           sum(1 for t in toks if t.endswith("ed")) / per100,
           len(toks) / n_sent,
           sum(1 for s in sentences if s.lstrip()[:1] in "\"“") / n_sent,
           sum(c.isdigit() for c in text) / per100,
           sum(text.count(q) for q in "\"“”") / per100,
           text.count("?") / n_sent, text.count("!") / n_sent,
           float(any(_DATELINE.match(p) for p in paragraphs[:2])),
           present / per100, past / per100,
           len(_ARGUMENT.findall(text)) / per100,
           sum(1 for t in toks if len(t) > 4 and t.endswith("ly") and t not in _NOT_ADVERB)
           / per100]
    return [math.log1p(v) for v in raw] + [math.log((present + 1) / (past + 1))]


def lexicon_rates(paragraphs: Sequence[str],
                  counts: Sequence[Sequence[int]] | None = None) -> list[float]:
    """log(1 + per-100-token count) of each cue lexicon over the whole text (``counts``:
    the paragraphs' ``lexicons.counts`` when the caller has them already)."""
    if counts is None:
        counts = [lexicons.counts(p) for p in paragraphs]
    per100 = max(sum(len(tokens(p)) for p in paragraphs), 1) / 100
    totals = [sum(c[k] for c in counts) for k in range(len(lexicons.CATEGORIES))]
    return [math.log1p(c / per100) for c in totals]


def technique_profile(prob: np.ndarray, threshold: np.ndarray) -> list[float]:
    """How much persuasion the technique head finds in an article, from its paragraph
    probabilities ``prob`` [paragraphs, techniques]: share of paragraphs flagged, flagged
    techniques per paragraph, mean log of the best probability/cut ratio, mean
    probability, and per technique the mean log probability/cut ratio."""
    k = len(threshold)
    if prob.shape[0] == 0:
        return [0.0] * (4 + k)
    ratio = np.clip(prob / threshold, 1e-6, None)
    flagged = ratio >= 1
    return ([float(flagged.any(axis=1).mean()), float(flagged.sum(axis=1).mean()),
             float(np.log(ratio.max(axis=1)).mean()), float(prob.mean())]
            + [float(v) for v in np.log(ratio).mean(axis=0)])


def _stack(rows: list[np.ndarray], dim: int) -> np.ndarray:
    return np.stack(rows).astype(np.float32) if rows else np.zeros((0, dim), dtype=np.float32)


HAND_SIZE = 12 + len(lexicons.CATEGORIES)
