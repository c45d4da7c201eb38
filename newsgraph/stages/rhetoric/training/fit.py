"""Features, grouped cross-validation and the final fit of the three heads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from ..features import ArticleContext, Tfidf
from ..model import LinearHead
from ..static import StaticEmbedder
from .data import FOLDS, Doc
from .distill import model_dir, pca, sif_weights, token_vectors
from .linear import fit_multilabel, fit_softmax, micro_f1, micro_thresholds, standardise

TECH_L2 = 300.0
# The technique head's TF-IDF n-gram block: n-grams in >= 3 training paragraphs, scaled by 30
# against the standardised dense features (so its L2 is TECH_L2 / 30**2).
TFIDF_MIN_DF = 3
TFIDF_SCALE = 30.0
GENRE_L2 = 100.0
FRAMES_L2 = 30.0
GENRES = ("opinion", "reporting", "satire")


@dataclass
class Features:
    x: np.ndarray  # paragraphs x features
    y: np.ndarray  # paragraphs x techniques
    fold: np.ndarray  # per paragraph
    techniques: tuple[str, ...]
    dx: np.ndarray  # articles x features
    genre: np.ndarray  # per article, -1 = unlabelled
    frames: np.ndarray  # articles x frames
    labelled: np.ndarray  # per article: has genre/frames
    dfold: np.ndarray  # per article
    frame_names: tuple[str, ...]
    texts: list[str]  # per paragraph (for the TF-IDF block, fitted per training part)


def static_table(docs: list[Doc], dim: int, cache: Path | None = None
                 ) -> tuple[list[str], np.ndarray, np.ndarray, StaticEmbedder]:
    """Distil (or reuse ``cache``, a .npy of the raw token vectors), reduce, weight."""
    if cache is not None and cache.is_file():
        vocab = (model_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
        vectors = np.load(cache)
    else:
        vocab, vectors = token_vectors()
        if cache is not None:
            np.save(cache, vectors)
    reduced = pca(vectors, dim) if dim < vectors.shape[1] else vectors
    plain = StaticEmbedder(vocab, reduced[:, :1], np.ones(len(vocab), dtype=np.float32))
    weights = sif_weights(vocab, (plain.ids(d.text) for d in docs))
    table = reduced.astype(np.float16)
    return vocab, table, weights, StaticEmbedder(vocab, table, weights.astype(np.float16))


def build_features(docs: list[Doc], embedder: StaticEmbedder) -> Features:
    techniques = tuple(sorted({t for d in docs for ls in d.labels for t in ls}))
    frame_names = tuple(sorted({f for d in docs for f in d.frames}))
    xs, ys, folds, dxs, texts = [], [], [], [], []
    for d in docs:
        ctx = ArticleContext([d.text[s:e] for s, e in d.paragraphs], embedder)
        texts += ctx.texts
        xs.append(ctx.paragraph_matrix())
        ys.append(np.array([[t in ls for t in techniques] for ls in d.labels], dtype=np.float32))
        folds.append(np.full(len(d.paragraphs), d.fold))
        dxs.append(ctx.article_vector())
    labelled = np.array([d.genre is not None for d in docs])
    return Features(
        x=np.vstack(xs), y=np.vstack(ys), fold=np.concatenate(folds), techniques=techniques,
        dx=np.vstack(dxs),
        genre=np.array([GENRES.index(d.genre) if d.genre else -1 for d in docs]),
        frames=np.array([[f in d.frames for f in frame_names] for d in docs], dtype=np.float32),
        labelled=labelled, dfold=np.array([d.fold for d in docs]), frame_names=frame_names,
        texts=texts)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


def _grams(tfidf: Tfidf, texts: list[str]) -> sp.csr_matrix:
    rows = [tfidf.sparse(t) for t in texts]
    indptr = np.cumsum([0] + [len(idx) for idx, _ in rows])
    return sp.csr_matrix((np.concatenate([v for _, v in rows]),
                          np.concatenate([idx for idx, _ in rows]), indptr),
                         shape=(len(texts), len(tfidf.keys)))


def _design(x: np.ndarray, texts: list[str] | None, mean: np.ndarray, scale: np.ndarray,
            tfidf: Tfidf | None) -> np.ndarray | sp.csr_matrix:
    """Standardised features, plus the scaled TF-IDF block of ``texts`` when ``tfidf``."""
    xs = (x - mean[:x.shape[1]]) / scale[:x.shape[1]]
    if tfidf is None or texts is None:
        return xs
    return sp.hstack([sp.csr_matrix(xs), _grams(tfidf, texts) * TFIDF_SCALE]).tocsr()


def _multilabel(x: np.ndarray, y: np.ndarray, fold: np.ndarray, l2: float, folds: list[int],
                texts: list[str] | None = None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                           Tfidf | None]:
    """Fit on ``folds``; thresholds from inner out-of-fold predictions over the same folds.

    With ``texts``, a TF-IDF block (vocabulary from the rows of ``folds``) joins the
    standardised features; the returned mean/scale cover it (0 and 1 / TFIDF_SCALE).
    """
    rows = np.isin(fold, folds)
    mean, scale = standardise(x[rows])
    tfidf = None
    if texts is not None:
        tfidf = Tfidf.fit([t for t, r in zip(texts, rows, strict=True) if r], TFIDF_MIN_DF)
    xs = _design(x, texts, mean, scale, tfidf)
    if tfidf is not None:
        mean = np.concatenate([mean, np.zeros(len(tfidf.keys), np.float32)])
        scale = np.concatenate([scale, np.full(len(tfidf.keys), 1 / TFIDF_SCALE, np.float32)])
    oof = np.zeros(y.shape, dtype=np.float32)
    for f in folds:
        tr, te = rows & (fold != f), fold == f
        w, b = fit_multilabel(xs[tr], y[tr], l2=l2)
        oof[te] = _sigmoid(xs[te] @ w + b)
    threshold = micro_thresholds(oof[rows], y[rows])
    w, b = fit_multilabel(xs[rows], y[rows], l2=l2)
    return mean, scale, w, b, threshold, tfidf


def _genre(x: np.ndarray, y: np.ndarray, rows: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    mean, scale = standardise(x[rows])
    w, b = fit_softmax((x[rows] - mean) / scale, y[rows], len(GENRES), l2=GENRE_L2)
    # Satire has 2 training articles: too few to learn, so it is never predicted.
    satire = GENRES.index("satire")
    w[:, satire] = 0.0
    b[satire] = -30.0
    return mean, scale, w, b


def macro_f1(pred: np.ndarray, gold: np.ndarray, labels: list[int] | None = None) -> float:
    labels = sorted(set(pred) | set(gold)) if labels is None else labels
    f1s = []
    for c in labels:
        tp = float(((pred == c) & (gold == c)).sum())
        denom = float((pred == c).sum() + (gold == c).sum())
        f1s.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f1s)) if f1s else 0.0


def cross_validate(feats: Features) -> dict[str, object]:
    """Outer 5-fold by article; thresholds tuned only on each outer training part."""
    all_folds = list(range(FOLDS))
    tech_pred = np.zeros(feats.y.shape, dtype=bool)
    genre_pred = np.full(len(feats.genre), -1)
    frame_pred = np.zeros(feats.frames.shape, dtype=bool)
    per_fold = []
    for f in all_folds:
        train = [g for g in all_folds if g != f]
        mean, scale, w, b, thr, tfidf = _multilabel(feats.x, feats.y, feats.fold, TECH_L2,
                                                    train, feats.texts)
        te = feats.fold == f
        x_te = _design(feats.x[te], [t for t, r in zip(feats.texts, te, strict=True) if r],
                       mean, scale, tfidf)
        tech_pred[te] = _sigmoid(x_te @ w + b) >= thr
        lab = feats.labelled
        rows = lab & (feats.dfold != f)
        gm, gs, gw, gb = _genre(feats.dx, feats.genre, rows)
        dte = lab & (feats.dfold == f)
        genre_pred[dte] = np.argmax(((feats.dx[dte] - gm) / gs) @ gw + gb, axis=1)
        fm, fs, fw, fb, fthr, _ = _multilabel(feats.dx[lab], feats.frames[lab],
                                              feats.dfold[lab], FRAMES_L2, train)
        frame_pred[dte] = _sigmoid(((feats.dx[dte] - fm) / fs) @ fw + fb) >= fthr
        per_fold.append(round(micro_f1(tech_pred[te], feats.y[te]), 4))
    lab = feats.labelled
    per_tech = {t: round(micro_f1(tech_pred[:, k:k + 1], feats.y[:, k:k + 1]), 3)
                for k, t in enumerate(feats.techniques)}
    return {
        "technique_paragraph_micro_f1": round(micro_f1(tech_pred, feats.y), 4),
        "technique_micro_f1_per_fold": per_fold,
        "technique_f1": per_tech,
        "genre_macro_f1": round(macro_f1(genre_pred[lab], feats.genre[lab]), 4),
        "genre_macro_f1_opinion_reporting": round(
            macro_f1(genre_pred[lab], feats.genre[lab], labels=[0, 1]), 4),
        "genre_accuracy": round(float((genre_pred[lab] == feats.genre[lab]).mean()), 4),
        "frames_micro_f1": round(micro_f1(frame_pred[lab], feats.frames[lab]), 4),
    }


@dataclass
class Heads:
    techniques: LinearHead
    tfidf: Tfidf
    genre: LinearHead
    frames: LinearHead


def fit_all(feats: Features, exclude_fold: int | None) -> Heads:
    folds = [f for f in range(FOLDS) if f != exclude_fold]
    mean, scale, w, b, thr, tfidf = _multilabel(feats.x, feats.y, feats.fold, TECH_L2, folds,
                                                feats.texts)
    assert tfidf is not None
    tech = LinearHead(feats.techniques, mean, scale, w, b, thr)
    lab = feats.labelled
    rows = lab & np.isin(feats.dfold, folds)
    gm, gs, gw, gb = _genre(feats.dx, feats.genre, rows)
    genre = LinearHead(GENRES, gm, gs, gw, gb, np.zeros(len(GENRES), np.float32), softmax=True)
    fm, fs, fw, fb, fthr, _ = _multilabel(feats.dx[lab], feats.frames[lab], feats.dfold[lab],
                                          FRAMES_L2, folds)
    frames = LinearHead(feats.frame_names, fm, fs, fw, fb, fthr)
    return Heads(tech, tfidf, genre, frames)


def head_arrays(heads: Heads) -> dict[str, np.ndarray]:
    return {**heads.techniques.arrays("tech"), "tech_ngram_keys": heads.tfidf.keys,
            "tech_idf": heads.tfidf.idf, **heads.genre.arrays("genre"),
            **heads.frames.arrays("frames")}
