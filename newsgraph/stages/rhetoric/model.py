"""The committed weights (``data/rhetoric_model.npz``) and the linear heads over them.

Everything here is numpy: the static token table, standardisation statistics, the technique
head's hashed TF-IDF vocabulary and the logistic-regression heads ``training/`` fitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from ...errors import PipelineError
from .features import Tfidf
from .static import StaticEmbedder

WEIGHTS = "data/rhetoric_model.npz"


@dataclass(frozen=True, slots=True)
class LinearHead:
    """Standardise, then a linear layer: sigmoid per label (multi-label) or softmax."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weight: np.ndarray  # [features, labels]
    bias: np.ndarray
    threshold: np.ndarray  # per label; unused for softmax heads
    softmax: bool = False
    # the sparse columns' weights divided by their scale, and their means' constant term
    _tail: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)

    def proba(self, x: np.ndarray) -> np.ndarray:
        return self._link(((x - self.mean) / self.scale) @ self.weight + self.bias)

    def _link(self, z: np.ndarray) -> np.ndarray:
        if self.softmax:
            z = np.exp(z - z.max(axis=-1, keepdims=True))
            return np.asarray(z / z.sum(axis=-1, keepdims=True))
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))

    def proba_rows(self, dense: np.ndarray,
                   sparse: Sequence[tuple[np.ndarray, np.ndarray]] | None) -> np.ndarray:
        """``proba`` of rows given as dense leading columns plus, per row, the nonzero
        entries of the remaining (sparse) columns: the n-gram block costs its nonzeros only."""
        d = dense.shape[1]
        if sparse is None or d == len(self.mean):
            return self.proba(dense)
        if self._tail is None:
            scale = self.mean[d:] / self.scale[d:]
            weight = self.weight[d:] / self.scale[d:, None]
            object.__setattr__(self, "_tail", (weight, -(scale @ self.weight[d:])))
        weight, const = self._tail  # type: ignore[misc]
        z = ((dense - self.mean[:d]) / self.scale[:d]) @ self.weight[:d] + self.bias + const
        for row, (idx, val) in enumerate(sparse):
            if len(idx):
                z[row] += val @ weight[idx]
        return self._link(z)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_names": np.array(self.names), f"{prefix}_mean": self.mean,
                f"{prefix}_scale": self.scale, f"{prefix}_weight": self.weight,
                f"{prefix}_bias": self.bias, f"{prefix}_threshold": self.threshold,
                f"{prefix}_softmax": np.array(self.softmax)}

    @classmethod
    def load(cls, data: dict[str, np.ndarray], prefix: str) -> LinearHead:
        return cls(names=tuple(str(n) for n in data[f"{prefix}_names"]),
                   mean=data[f"{prefix}_mean"].astype(np.float32),
                   scale=data[f"{prefix}_scale"].astype(np.float32),
                   weight=data[f"{prefix}_weight"].astype(np.float32),
                   bias=data[f"{prefix}_bias"].astype(np.float32),
                   threshold=data[f"{prefix}_threshold"].astype(np.float32),
                   softmax=bool(data[f"{prefix}_softmax"]))


@dataclass(frozen=True, slots=True)
class RhetoricModel:
    embedder: StaticEmbedder
    techniques: LinearHead  # per paragraph / sentence
    tfidf: Tfidf  # the technique head's n-gram block (its vocabulary is fitted with it)
    genre: LinearHead  # per article, softmax
    frames: LinearHead  # per article, multi-label
    info: str  # how the file was produced (training command, date)
    # per article, sigmoid over the genre vector: "satire" where P >= its threshold
    satire: LinearHead | None = None

    def genre_call(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``genre_call`` with this model's heads: (genre index, confidence) per row."""
        return genre_call(self.genre, self.satire, x)

    @classmethod
    def from_arrays(cls, embedder: StaticEmbedder, data: dict[str, np.ndarray]) -> RhetoricModel:
        """The heads stored by ``training`` (``rhetoric_model.npz`` or a heads-only file)."""
        return cls(embedder=embedder, techniques=LinearHead.load(data, "tech"),
                   tfidf=Tfidf(data["tech_ngram_keys"], data["tech_idf"]),
                   genre=LinearHead.load(data, "genre"), frames=LinearHead.load(data, "frames"),
                   info=str(data["info"]),
                   satire=LinearHead.load(data, "satire") if "satire_weight" in data else None)


def genre_choice(genre: LinearHead, satire: LinearHead | None, x: np.ndarray) -> np.ndarray:
    """Index into ``genre.names`` per row of genre vectors ``x``: "satire" where the satire
    head fires (P >= its threshold), else the argmax of the genre softmax (whose satire
    column is switched off, so it decides opinion / reporting)."""
    return genre_call(genre, satire, x)[0]


def genre_call(genre: LinearHead, satire: LinearHead | None, x: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
    """``genre_choice`` and the probability behind each call: P(satire) from the satire
    head where it fires, else the softmax probability of the chosen opinion / reporting."""
    prob = genre.proba(x)
    pick = np.argmax(prob, axis=1)
    confidence = prob[np.arange(len(pick)), pick]
    if satire is not None:
        p_satire = satire.proba(x)[:, 0]
        fires = p_satire >= satire.threshold[0]
        pick = np.where(fires, genre.names.index("satire"), pick)
        confidence = np.where(fires, p_satire, confidence)
    return np.asarray(pick), np.asarray(confidence)


def static_arrays(embedder_vocab: list[str], vectors: np.ndarray,
                  weights: np.ndarray) -> dict[str, np.ndarray]:
    return {"vocab": np.array(embedder_vocab), "vectors": vectors.astype(np.float16),
            "token_weights": weights.astype(np.float16)}


def load(path: Path | None = None) -> RhetoricModel:
    if path is None:
        ref = resources.files(__package__).joinpath(WEIGHTS)
        path = Path(str(ref))
    if not path.is_file():
        raise PipelineError(f"rhetoric weights {path} are missing; run `make train-rhetoric`"
                            " (needs ../shared/data/rhetoric and the ml extra)")
    with np.load(path, allow_pickle=False) as npz:
        data = {k: npz[k] for k in npz.files}
    embedder = StaticEmbedder([str(t) for t in data["vocab"]], data["vectors"],
                              data["token_weights"])
    return RhetoricModel.from_arrays(embedder, data)
