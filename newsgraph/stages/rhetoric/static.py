"""Static token embeddings distilled from all-MiniLM-L6-v2: pure-numpy inference, no torch.

Each WordPiece vocabulary entry was run once through the transformer (``train.py distill``)
and the pooled output kept, reduced by PCA and stored as float16. At run time a text is
split the way BERT's uncased tokenizer splits it (lower-case, strip accents, split
punctuation, greedy longest-match WordPiece) and its token vectors are averaged. That is
~1000x cheaper than the transformer on one core and keeps most of its lexical semantics.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")


class StaticEmbedder:
    """Mean-pooled static token vectors over a WordPiece vocabulary."""

    def __init__(self, vocab: list[str], vectors: np.ndarray, weights: np.ndarray) -> None:
        self.index = {tok: i for i, tok in enumerate(vocab)}
        # Token weights (e.g. IDF-like) are folded into the table once.
        self.table = vectors.astype(np.float32) * weights.astype(np.float32)[:, None]
        self.dim = int(vectors.shape[1])
        self._pieces = lru_cache(maxsize=200_000)(self._wordpiece)

    def _wordpiece(self, word: str) -> tuple[int, ...]:
        if word in self.index:
            return (self.index[word],)
        if len(word) > 100:
            return ()
        out: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = -1
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.index:
                    found = self.index[piece]
                    break
                end -= 1
            if found < 0:
                return ()  # BERT maps the whole word to [UNK]; we drop it
            out.append(found)
            start = end
        return tuple(out)

    def ids(self, text: str) -> list[int]:
        ids: list[int] = []
        for word in _WORD.findall(_strip_accents(text.lower())):
            ids.extend(self._pieces(word))
        return ids

    def embed_ids(self, ids: list[int]) -> np.ndarray:
        if not ids:
            return np.zeros(self.dim, dtype=np.float32)
        vec = self.table[ids].mean(axis=0)
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm > 0 else vec

    def embed(self, text: str) -> np.ndarray:
        return self.embed_ids(self.ids(text))
