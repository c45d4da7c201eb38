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
                  article_bigrams: Counter[str]) -> list[float]:
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
    feats += [math.log1p(c) for c in lexicons.counts(text)]
    return feats


def article_stats(texts: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    words: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for text in texts:
        toks = tokens(text)
        words.update(toks)
        bigrams.update(a + " " + b for a, b in zip(toks, toks[1:], strict=False))
    return words, bigrams


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
        self.hand = np.array([hand_features(t, i, self.total, self.words, self.bigrams)
                              for i, t in enumerate(paragraphs)], dtype=np.float32)
        if not paragraphs:
            self.hand = np.zeros((0, HAND_SIZE), dtype=np.float32)
        mean = self.emb.mean(axis=0) if paragraphs else np.zeros(embedder.dim, np.float32)
        norm = float(np.linalg.norm(mean))
        self.article_emb = mean / norm if norm > 0 else mean
        self.article_hand = (self.hand.mean(axis=0) if paragraphs
                             else np.zeros(HAND_SIZE, dtype=np.float32))

    def _rows(self, texts: Sequence[str], emb: np.ndarray, hand: np.ndarray) -> np.ndarray:
        n = emb.shape[0]
        blocks = [emb, hand, np.tile(self.article_emb, (n, 1)), np.tile(self.article_hand, (n, 1))]
        if self.tfidf is not None:
            blocks.append(self.tfidf.dense(texts))
        return np.hstack(blocks).astype(np.float32)

    def paragraph_matrix(self) -> np.ndarray:
        return self._rows(self.texts, self.emb, self.hand)

    def sentence_matrix(self, sentences: Sequence[str], paragraph_index: int) -> np.ndarray:
        emb = _stack([self.embedder.embed(t) for t in sentences], self.embedder.dim)
        hand = np.array([hand_features(t, paragraph_index, self.total, self.words, self.bigrams)
                         for t in sentences], dtype=np.float32).reshape(len(sentences), -1)
        return self._rows(sentences, emb, hand)

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


def _stack(rows: list[np.ndarray], dim: int) -> np.ndarray:
    return np.stack(rows).astype(np.float32) if rows else np.zeros((0, dim), dtype=np.float32)


HAND_SIZE = 12 + len(lexicons.CATEGORIES)
