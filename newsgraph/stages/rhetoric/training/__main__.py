"""``python -m newsgraph.stages.rhetoric.training`` (``make train-rhetoric``).

Distils the static table, builds features, runs the grouped cross-validation that
MODEL_CARD.md reports, and writes ``data/rhetoric_model.npz`` (trained on every article)
and ``data/rhetoric_heads_fold0.npz`` (heads trained without fold 0, for the CI gate).

The genre head also trains on our own genre texts (``--genre-train``: benchmarks/gold/genre
and the stories fixture) in every fold; the CV scores SemEval articles only, and the JSON
adds ``genre_extra_cv`` (cross-validation over those texts) and ``genre_heldout`` (our
held-out set, ``--genre-heldout``, never trained on).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import data as D
from .fit import Features, build_features, cross_validate, fit_all, head_arrays, static_table

OUT = Path(__file__).resolve().parents[1] / "data"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=D.DEFAULT_DIR)
    ap.add_argument("--dim", type=int, default=256, help="PCA size of the static table")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=None,
                    help="reuse/save the distilled token vectors (.npy) between runs")
    ap.add_argument("--report", type=Path, default=None, help="write CV scores as JSON")
    ap.add_argument("--genre-train", type=Path, nargs="*",
                    default=[D.GENRE_TRAIN, D.STORIES],
                    help="extra genre training texts, JSONL {id, text, genre}; records without"
                         " a genre (the stories fixture) are reporting")
    ap.add_argument("--genre-heldout", type=Path, default=D.GENRE_HELDOUT,
                    help="our held-out genre texts: scored, never trained on")
    args = ap.parse_args(argv)
    t0 = time.time()
    docs = D.load(args.data)
    extra = [g for path in args.genre_train for g in D.load_genre(path, genre="reporting")]
    heldout = D.load_genre(args.genre_heldout)
    if {g.id for g in extra} & {g.id for g in heldout}:
        raise SystemExit("the held-out genre texts must not be among the training texts")
    vocab, vectors, weights, embedder = static_table(docs, args.dim, args.cache)
    feats: Features = build_features(docs, embedder, extra, heldout)
    print(f"features: {len(docs)} articles, {feats.x.shape[0]} paragraphs, {len(extra)} extra"
          f" and {len(heldout)} held-out genre texts, {time.time() - t0:.0f}s", flush=True)
    scores = cross_validate(feats)
    full_heads, checks = fit_all(feats, exclude_fold=None)
    scores.update(checks)
    print(json.dumps(scores, indent=1), flush=True)
    info = (f"trained {time.strftime('%Y-%m-%d')} by `make train-rhetoric` on "
            f"{len(docs)} SemEval-2023 Task 3 English training articles (genre head also on "
            f"{len(extra)} genre texts written for newsgraph); static table "
            f"all-MiniLM-L6-v2 PCA {args.dim}; CV {json.dumps(scores)}")
    static: dict[str, Any] = {"vocab": np.array(vocab), "vectors": vectors.astype(np.float16),
              "token_weights": weights.astype(np.float16), "info": np.array(info)}
    args.out.mkdir(parents=True, exist_ok=True)
    full: dict[str, Any] = {**static, **head_arrays(full_heads)}
    np.savez_compressed(args.out / "rhetoric_model.npz", **full)
    fold0: dict[str, Any] = {"info": np.array(info + "; heads trained WITHOUT fold 0"),
                             **head_arrays(fit_all(feats, exclude_fold=0)[0])}
    np.savez_compressed(args.out / "rhetoric_heads_fold0.npz", **fold0)
    if args.report:
        args.report.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
