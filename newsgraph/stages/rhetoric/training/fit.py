"""Features, grouped cross-validation and the final fit of the three heads."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from ..features import ArticleContext, Tfidf, paragraphs, technique_profile
from ..model import LinearHead, genre_call, genre_choice
from ..static import StaticEmbedder
from .data import FOLDS, Doc, GenreDoc
from .distill import model_dir, pca, sif_weights, token_vectors
from .linear import fit_multilabel, fit_softmax, micro_f1, micro_thresholds, standardise

TECH_L2 = 300.0
# The technique head's TF-IDF n-gram block: n-grams in >= 3 training paragraphs, scaled by 30
# against the standardised dense features (so its L2 is TECH_L2 / 30**2).
TFIDF_MIN_DF = 3
TFIDF_SCALE = 30.0
FRAMES_L2 = 30.0
GENRES = ("opinion", "reporting", "satire")
SATIRE = GENRES.index("satire")
# Genre head (features.ArticleContext.genre_vector): logistic regression over the article
# embedding, document style, lexicon rates and the technique head's profile of the article.
GENRE_L2 = 300.0
# The embedding block is scaled down against the standardised style features (its L2 is
# GENRE_L2 / GENRE_EMB_SCALE**2): it carries topic, which is what fails across domains.
GENRE_EMB_SCALE = 0.25
# SemEval class weights (n / (3 * count)) ** GENRE_CLASS_POWER, softer than balanced (power
# 1): reporting is 9% of the SemEval articles.
GENRE_CLASS_POWER = 0.75
# Our own genre texts (GENRE_TRAIN, the stories fixture), class-balanced among themselves,
# weigh GENRE_EXTRA_WEIGHT each relative to a SemEval article of average weight.
GENRE_EXTRA_WEIGHT = 1.0
# Satire: the genre softmax never predicts it (SemEval has 2 satire articles); a separate
# binary head over the same genre vector, trained on SemEval plus our news parodies, overrides
# the softmax with "satire" where P(satire) >= SATIRE_CUT. It is only fitted with at least
# SATIRE_MIN satire rows. The satire rows together weigh SATIRE_WEIGHT times the other rows
# (weighted as for the genre softmax: 1 = balanced); embedding scale as for the softmax.
# L2 and cut chosen on the SemEval CV (no SemEval opinion / reporting called satire, on three
# fold maps) and genre_extra_cv (MODEL_CARD.md).
SATIRE_MIN = 10
SATIRE_WEIGHT = 1.0
SATIRE_L2 = 30.0
SATIRE_CUT = 0.8


@dataclass
class GenreSet:
    """Genre-labelled texts outside SemEval: paragraph rows for the technique head (whose
    profile of each text is a genre feature) and the rest of each text's genre vector."""

    x: np.ndarray  # paragraphs x technique features (no TF-IDF block)
    texts: list[str]  # per paragraph
    offsets: np.ndarray  # text i has paragraphs offsets[i]:offsets[i + 1]
    gx: np.ndarray  # texts x ArticleContext.genre_base()
    genre: np.ndarray  # per text, index in GENRES
    ids: list[str]


@dataclass
class Features:
    x: np.ndarray  # paragraphs x features
    y: np.ndarray  # paragraphs x techniques
    fold: np.ndarray  # per paragraph
    techniques: tuple[str, ...]
    dx: np.ndarray  # articles x features (frames)
    genre: np.ndarray  # per article, -1 = unlabelled
    frames: np.ndarray  # articles x frames
    labelled: np.ndarray  # per article: has genre/frames
    dfold: np.ndarray  # per article
    frame_names: tuple[str, ...]
    texts: list[str]  # per paragraph (for the TF-IDF block, fitted per training part)
    gx: np.ndarray  # articles x ArticleContext.genre_base()
    offsets: np.ndarray  # article i has paragraphs offsets[i]:offsets[i + 1]
    emb_dim: int  # the embedding block leads gx
    extra: GenreSet | None = None  # extra genre training rows, in every fold
    heldout: GenreSet | None = None  # our held-out genre texts: scored, never trained on
    ids: list[str] = field(default_factory=list)  # per article


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


def genre_set(docs: list[GenreDoc], embedder: StaticEmbedder) -> GenreSet:
    xs, texts, gxs, sizes = [], [], [], []
    for d in docs:
        ctx = ArticleContext([d.text[s:e] for s, e in paragraphs(d.text)], embedder)
        texts += ctx.texts
        xs.append(ctx.paragraph_matrix())
        gxs.append(ctx.genre_base())
        sizes.append(ctx.total)
    return GenreSet(x=np.vstack(xs), texts=texts, offsets=np.cumsum([0] + sizes),
                    gx=np.vstack(gxs), genre=np.array([GENRES.index(d.genre) for d in docs]),
                    ids=[d.id for d in docs])


def build_features(docs: list[Doc], embedder: StaticEmbedder,
                   extra: list[GenreDoc] | None = None,
                   heldout: list[GenreDoc] | None = None) -> Features:
    techniques = tuple(sorted({t for d in docs for ls in d.labels for t in ls}))
    frame_names = tuple(sorted({f for d in docs for f in d.frames}))
    xs, ys, folds, dxs, gxs, texts = [], [], [], [], [], []
    for d in docs:
        ctx = ArticleContext([d.text[s:e] for s, e in d.paragraphs], embedder)
        texts += ctx.texts
        xs.append(ctx.paragraph_matrix())
        ys.append(np.array([[t in ls for t in techniques] for ls in d.labels], dtype=np.float32))
        folds.append(np.full(len(d.paragraphs), d.fold))
        dxs.append(ctx.article_vector())
        gxs.append(ctx.genre_base())
    labelled = np.array([d.genre is not None for d in docs])
    return Features(
        x=np.vstack(xs), y=np.vstack(ys), fold=np.concatenate(folds), techniques=techniques,
        dx=np.vstack(dxs),
        genre=np.array([GENRES.index(d.genre) if d.genre else -1 for d in docs]),
        frames=np.array([[f in d.frames for f in frame_names] for d in docs], dtype=np.float32),
        labelled=labelled, dfold=np.array([d.fold for d in docs]), frame_names=frame_names,
        texts=texts, gx=np.vstack(gxs),
        offsets=np.cumsum([0] + [len(d.paragraphs) for d in docs]), emb_dim=embedder.dim,
        extra=genre_set(extra, embedder) if extra else None,
        heldout=genre_set(heldout, embedder) if heldout else None, ids=[d.id for d in docs])


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
    return _multilabel_oof(x, y, fold, l2, folds, texts)[:6]  # type: ignore[return-value]


def _multilabel_oof(x: np.ndarray, y: np.ndarray, fold: np.ndarray, l2: float,
                    folds: list[int], texts: list[str] | None = None
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                               Tfidf | None, np.ndarray]:
    """``_multilabel`` plus its inner out-of-fold probabilities (rows of ``folds``; 0
    elsewhere): what the head says about each training row without having seen it."""
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
    return mean, scale, w, b, threshold, tfidf, oof


def _profiles(prob: np.ndarray, threshold: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """``technique_profile`` of each text from its paragraph rows of ``prob``."""
    return np.array([technique_profile(prob[a:b], threshold)
                     for a, b in zip(offsets[:-1], offsets[1:], strict=True)], dtype=np.float32)


def _set_vectors(gs: GenreSet, mean: np.ndarray, scale: np.ndarray, w: np.ndarray,
                 b: np.ndarray, threshold: np.ndarray, tfidf: Tfidf | None) -> np.ndarray:
    """Genre vectors of ``gs`` with the profile from the technique head (mean ... tfidf)."""
    prob = _sigmoid(_design(gs.x, gs.texts, mean, scale, tfidf) @ w + b)
    return np.hstack([gs.gx, _profiles(prob, threshold, gs.offsets)])


def _genre_weights(y_sem: np.ndarray, y_extra: np.ndarray) -> np.ndarray:
    """Per-row weights: SemEval classes (n / (3 * count)) ** GENRE_CLASS_POWER, averaging 1;
    extra rows class-balanced among themselves, averaging GENRE_EXTRA_WEIGHT."""
    counts = np.bincount(y_sem, minlength=len(GENRES)).clip(1)
    sem = (len(y_sem) / (len(GENRES) * counts[y_sem])) ** GENRE_CLASS_POWER
    sem *= len(y_sem) / sem.sum()
    if not len(y_extra):
        return sem
    counts = np.bincount(y_extra, minlength=len(GENRES))
    present = int((counts > 0).sum())
    extra = GENRE_EXTRA_WEIGHT * len(y_extra) / (present * counts[y_extra])
    return np.concatenate([sem, extra])


def _fit_genre_vector(x: np.ndarray, y: np.ndarray, k: int, l2: float, weight: np.ndarray,
                      emb_dim: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(mean, scale, weight, bias) of a softmax over genre vectors: standardised, the
    embedding block scaled by GENRE_EMB_SCALE, rows weighted by ``weight``."""
    mean, scale = standardise(x)
    scale[:emb_dim] /= GENRE_EMB_SCALE
    w, b = fit_softmax((x - mean) / scale, y, k, l2=l2, sample_weight=weight)
    return mean, scale, w, b


def _genre(x_sem: np.ndarray, y_sem: np.ndarray, x_extra: np.ndarray, y_extra: np.ndarray,
           emb_dim: int) -> LinearHead:
    """The genre softmax: opinion / reporting (satire switched off). Trains on the SemEval
    rows (their 2 satire articles included) and our extra rows except the satire ones."""
    keep = y_extra != SATIRE
    x_extra, y_extra = x_extra[keep], y_extra[keep]
    mean, scale, w, b = _fit_genre_vector(
        np.vstack([x_sem, x_extra]), np.concatenate([y_sem, y_extra]), len(GENRES), GENRE_L2,
        _genre_weights(y_sem, y_extra), emb_dim)
    # Satire has 2 SemEval training articles: too few to learn; the satire head decides it.
    w[:, SATIRE] = 0.0
    b[SATIRE] = -30.0
    return LinearHead(GENRES, mean, scale, w.astype(np.float32), b.astype(np.float32),
                      np.zeros(len(GENRES), np.float32), softmax=True)


def _satire(x_sem: np.ndarray, y_sem: np.ndarray, x_extra: np.ndarray, y_extra: np.ndarray,
            emb_dim: int) -> LinearHead | None:
    """Binary satire head over the genre vector (None with fewer than SATIRE_MIN satire
    rows). Other rows weigh as in the genre softmax; the satire rows (SemEval and ours) weigh
    the same each, together SATIRE_WEIGHT times the other rows' total."""
    pos_sem, pos_extra = y_sem == SATIRE, y_extra == SATIRE
    n_pos = int(pos_sem.sum() + pos_extra.sum())
    if n_pos < SATIRE_MIN:
        return None
    x = np.vstack([x_sem[~pos_sem], x_extra[~pos_extra], x_sem[pos_sem], x_extra[pos_extra]])
    neg = _genre_weights(y_sem[~pos_sem], y_extra[~pos_extra])
    weight = np.concatenate([neg, np.full(n_pos, SATIRE_WEIGHT * neg.sum() / n_pos)])
    weight *= len(weight) / weight.sum()
    y = np.concatenate([np.zeros(len(neg), int), np.ones(n_pos, int)])
    mean, scale, w, b = _fit_genre_vector(x, y, 2, SATIRE_L2, weight, emb_dim)
    return LinearHead(("satire",), mean, scale, (w[:, 1:] - w[:, :1]).astype(np.float32),
                      (b[1:] - b[:1]).astype(np.float32),
                      np.array([SATIRE_CUT], np.float32))


def _no_extra(feats: Features) -> tuple[np.ndarray, np.ndarray]:
    return np.zeros((0, feats.gx.shape[1] + 4 + len(feats.techniques)), np.float32), \
        np.zeros(0, dtype=int)


def _genre_scores(pred: np.ndarray, gold: np.ndarray) -> dict[str, object]:
    """Macro-F1 over the labels present in ``gold`` (and opinion / reporting only), accuracy,
    satire recall and precision, and the confusion (rows gold, columns predicted, GENRES)."""
    present = sorted(set(gold.tolist()))
    out: dict[str, object] = {
        "macro_f1": round(macro_f1(pred, gold, labels=present), 4),
        "macro_f1_opinion_reporting": round(macro_f1(pred, gold, labels=[0, 1]), 4),
        "accuracy": round(float((pred == gold).mean()), 4), "n": int(len(gold))}
    out.update(_satire_scores(pred, gold))
    return out


def _satire_scores(pred: np.ndarray, gold: np.ndarray) -> dict[str, object]:
    tp = int(((pred == SATIRE) & (gold == SATIRE)).sum())
    n_gold, n_pred = int((gold == SATIRE).sum()), int((pred == SATIRE).sum())
    k = len(GENRES)
    confusion = np.bincount(gold * k + pred, minlength=k * k).reshape(k, k)
    return {"satire_recall": round(tp / n_gold, 4) if n_gold else None,
            "satire_precision": round(tp / n_pred, 4) if n_pred else None,
            "confusion": confusion.tolist()}


def macro_f1(pred: np.ndarray, gold: np.ndarray, labels: list[int] | None = None) -> float:
    labels = sorted(set(pred) | set(gold)) if labels is None else labels
    f1s = []
    for c in labels:
        tp = float(((pred == c) & (gold == c)).sum())
        denom = float((pred == c).sum() + (gold == c).sum())
        f1s.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f1s)) if f1s else 0.0


def cross_validate(feats: Features) -> dict[str, object]:
    """Outer 5-fold by article; thresholds tuned only on each outer training part.

    The genre head of fold f trains on the SemEval articles of the other folds, whose
    technique profiles come from the technique head's inner out-of-fold predictions, plus
    every extra genre text (never in a test fold); only SemEval articles are scored.
    """
    all_folds = list(range(FOLDS))
    tech_pred = np.zeros(feats.y.shape, dtype=bool)
    genre_pred = np.full(len(feats.genre), -1)
    genre_margin = np.zeros(len(feats.genre), dtype=np.float32)
    genre_conf = np.zeros(len(feats.genre), dtype=np.float32)
    frame_pred = np.zeros(feats.frames.shape, dtype=bool)
    per_fold = []
    lab = feats.labelled
    for f in all_folds:
        train = [g for g in all_folds if g != f]
        mean, scale, w, b, thr, tfidf, oof = _multilabel_oof(feats.x, feats.y, feats.fold,
                                                             TECH_L2, train, feats.texts)
        te = feats.fold == f
        x_te = _design(feats.x[te], [t for t, r in zip(feats.texts, te, strict=True) if r],
                       mean, scale, tfidf)
        prob = oof.copy()
        prob[te] = _sigmoid(x_te @ w + b)
        tech_pred[te] = prob[te] >= thr
        gx = np.hstack([feats.gx, _profiles(prob, thr, feats.offsets)])
        rows = lab & (feats.dfold != f)
        x_extra, y_extra = _no_extra(feats)
        if feats.extra is not None:
            x_extra = _set_vectors(feats.extra, mean, scale, w, b, thr, tfidf)
            y_extra = feats.extra.genre
        genre = _genre(gx[rows], feats.genre[rows], x_extra, y_extra, feats.emb_dim)
        satire = _satire(gx[rows], feats.genre[rows], x_extra, y_extra, feats.emb_dim)
        dte = lab & (feats.dfold == f)
        p = genre.proba(gx[dte])
        genre_pred[dte], genre_conf[dte] = genre_call(genre, satire, gx[dte])
        genre_margin[dte] = np.log(p[:, 1] + 1e-12) - np.log(p[:, 0] + 1e-12)
        fm, fs, fw, fb, fthr, _ = _multilabel(feats.dx[lab], feats.frames[lab],
                                              feats.dfold[lab], FRAMES_L2, train)
        frame_pred[dte] = _sigmoid(((feats.dx[dte] - fm) / fs) @ fw + fb) >= fthr
        per_fold.append(round(micro_f1(tech_pred[te], feats.y[te]), 4))
    per_tech = {t: round(micro_f1(tech_pred[:, k:k + 1], feats.y[:, k:k + 1]), 3)
                for k, t in enumerate(feats.techniques)}
    two = lab & (feats.genre < 2)
    return {
        "technique_paragraph_micro_f1": round(micro_f1(tech_pred, feats.y), 4),
        "technique_micro_f1_per_fold": per_fold,
        "technique_f1": per_tech,
        "genre_macro_f1": round(macro_f1(genre_pred[lab], feats.genre[lab]), 4),
        "genre_macro_f1_opinion_reporting": round(
            macro_f1(genre_pred[lab], feats.genre[lab], labels=[0, 1]), 4),
        "genre_accuracy": round(float((genre_pred[lab] == feats.genre[lab]).mean()), 4),
        "genre_auc_reporting": round(_auc(genre_margin[two], feats.genre[two] == 1), 4),
        # rows gold, columns predicted (GENRES); satire precision: of the articles called satire
        "genre_satire": {**_satire_scores(genre_pred[lab], feats.genre[lab]), "called": [
            i for i, p in zip(feats.ids, genre_pred, strict=True) if p == SATIRE]},
        "genre_accuracy_by_confidence": _by_confidence(genre_pred[lab] == feats.genre[lab],
                                                       genre_conf[lab]),
        "frames_micro_f1": round(micro_f1(frame_pred[lab], feats.frames[lab]), 4),
    }


def _by_confidence(right: np.ndarray, confidence: np.ndarray,
                   cuts: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8, 0.9)) -> list[dict[str, object]]:
    """Accuracy of the genre calls per band of the confidence the stage reports with them."""
    out: list[dict[str, object]] = []
    for lo, hi in zip(cuts, (*cuts[1:], 1.01), strict=True):
        band = (confidence >= lo) & (confidence < hi)
        out.append({"confidence": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": int(band.sum()),
                    "accuracy": round(float(right[band].mean()), 3) if band.any() else None})
    return out


def _auc(score: np.ndarray, positive: np.ndarray) -> float:
    """Probability that a random positive scores above a random negative (ties: half)."""
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    for value in np.unique(score):  # average ranks of ties
        tie = score == value
        ranks[tie] = ranks[tie].mean()
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if not n_pos or not n_neg:
        return 0.5
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


@dataclass
class Heads:
    techniques: LinearHead
    tfidf: Tfidf
    genre: LinearHead
    frames: LinearHead
    satire: LinearHead | None = None


def fit_all(feats: Features, exclude_fold: int | None) -> tuple[Heads, dict[str, object]]:
    """The three heads on every fold but ``exclude_fold``, and (with every fold) the genre
    checks on our own texts: cross-validation over the extra rows, and the held-out set."""
    folds = [f for f in range(FOLDS) if f != exclude_fold]
    mean, scale, w, b, thr, tfidf, oof = _multilabel_oof(feats.x, feats.y, feats.fold,
                                                         TECH_L2, folds, feats.texts)
    assert tfidf is not None
    tech = LinearHead(feats.techniques, mean, scale, w, b, thr)
    lab = feats.labelled
    rows = lab & np.isin(feats.dfold, folds)
    gx = np.hstack([feats.gx, _profiles(oof, thr, feats.offsets)])[rows]
    gy = feats.genre[rows]
    x_extra, y_extra = _no_extra(feats)
    if feats.extra is not None:
        x_extra = _set_vectors(feats.extra, mean, scale, w, b, thr, tfidf)
        y_extra = feats.extra.genre
    genre = _genre(gx, gy, x_extra, y_extra, feats.emb_dim)
    satire = _satire(gx, gy, x_extra, y_extra, feats.emb_dim)
    fm, fs, fw, fb, fthr, _ = _multilabel(feats.dx[lab], feats.frames[lab], feats.dfold[lab],
                                          FRAMES_L2, folds)
    frames = LinearHead(feats.frame_names, fm, fs, fw, fb, fthr)
    checks: dict[str, object] = {}
    if exclude_fold is None and feats.extra is not None:
        # Every SemEval article plus four fifths of the extra rows, scored on the fifth
        # (a fixed text -> fold map by CRC-32 of the id): how the extra weight was chosen.
        ofold = np.array([zlib.crc32(i.encode()) % FOLDS for i in feats.extra.ids])
        pred = np.zeros(len(y_extra), dtype=int)
        for f in range(FOLDS):
            keep = ofold != f
            head = _genre(gx, gy, x_extra[keep], y_extra[keep], feats.emb_dim)
            sat = _satire(gx, gy, x_extra[keep], y_extra[keep], feats.emb_dim)
            pred[~keep] = genre_choice(head, sat, x_extra[~keep])
        checks["genre_extra_cv"] = _genre_scores(pred, y_extra)
    if exclude_fold is None and feats.heldout is not None:
        x_held = _set_vectors(feats.heldout, mean, scale, w, b, thr, tfidf)
        checks["genre_heldout"] = _genre_scores(genre_choice(genre, satire, x_held),
                                                feats.heldout.genre)
    return Heads(tech, tfidf, genre, frames, satire), checks


def head_arrays(heads: Heads) -> dict[str, np.ndarray]:
    out = {**heads.techniques.arrays("tech"), "tech_ngram_keys": heads.tfidf.keys,
           "tech_idf": heads.tfidf.idf, **heads.genre.arrays("genre"),
           **heads.frames.arrays("frames")}
    if heads.satire is not None:
        out.update(heads.satire.arrays("satire"))
    return out
