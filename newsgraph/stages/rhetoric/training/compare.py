"""Static path vs the full MiniLM transformer: technique CV quality and speed (training aid).

``python -m newsgraph.stages.rhetoric.training.compare`` — needs torch and the ml extra.
Both paths share the cue/document features and the head; only the text embedding differs
(static mean of distilled token vectors vs the transformer's mean-pooled sentence vector).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

from ..features import HAND_SIZE, ArticleContext
from . import data as D
from .fit import FOLDS, TECH_L2, _multilabel, _sigmoid, build_features, static_table
from .linear import micro_f1


def _tech_cv(x: np.ndarray, y: np.ndarray, fold: np.ndarray, folds: list[int]) -> float:
    pred = np.zeros(y.shape, dtype=bool)
    for f in folds:
        train = [g for g in range(FOLDS) if g != f]
        mean, scale, w, b, thr, _ = _multilabel(x, y, fold, TECH_L2, train)
        te = fold == f
        pred[te] = _sigmoid(((x[te] - mean) / scale) @ w + b) >= thr
    rows = np.isin(fold, folds)
    return round(micro_f1(pred[rows], y[rows]), 4)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cache", type=Path, default=None, help="distilled token vectors (.npy)")
    ap.add_argument("--folds", type=int, nargs="+", default=list(range(FOLDS)),
                    help="outer folds to score (each costs five fits per path)")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer

    from .distill import model_dir

    torch.set_num_threads(1)  # the speed target is per core
    docs = D.load()
    _v, _t, _w, embedder = static_table(docs, 256, args.cache)
    feats = build_features(docs, embedder)
    model = SentenceTransformer(str(model_dir()), device="cpu")
    sample = docs[:20]
    t0 = time.perf_counter()
    for d in sample:
        ArticleContext([d.text[s:e] for s, e in d.paragraphs], embedder).paragraph_matrix()
    static_rate = len(sample) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for d in sample:
        model.encode([d.text[s:e] for s, e in d.paragraphs], batch_size=32)
    transformer_rate = len(sample) / (time.perf_counter() - t0)
    print(f"speed: static {static_rate:.1f}, transformer {transformer_rate:.2f} articles/s",
          flush=True)
    texts = [d.text[s:e] for d in docs for s, e in d.paragraphs]
    emb = model.encode(texts, batch_size=64, normalize_embeddings=True)
    dim = (feats.x.shape[1] - 2 * HAND_SIZE) // 2
    hand = feats.x[:, dim:dim + HAND_SIZE]
    art_hand = feats.x[:, 2 * dim + HAND_SIZE:]
    art = np.zeros_like(emb)
    pos = 0
    for d in docs:
        n = len(d.paragraphs)
        mean = emb[pos:pos + n].mean(axis=0)
        art[pos:pos + n] = mean / max(float(np.linalg.norm(mean)), 1e-9)
        pos += n
    x_tf = np.hstack([emb, hand, art, art_hand]).astype(np.float32)
    print(json.dumps({
        "static_articles_per_s_embedding_only": round(static_rate, 1),
        "transformer_articles_per_s_embedding_only": round(transformer_rate, 2),
        "folds": args.folds,
        "static_technique_micro_f1": _tech_cv(feats.x, feats.y, feats.fold, args.folds),
        "transformer_technique_micro_f1": _tech_cv(x_tf, feats.y, feats.fold, args.folds),
    }, indent=1))


if __name__ == "__main__":
    main()
