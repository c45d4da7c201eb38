"""``python -m newsgraph.stages.rhetoric.training`` (``make train-rhetoric``).

Distils the static table, builds features, runs the grouped cross-validation that
MODEL_CARD.md reports, and writes ``data/rhetoric_model.npz`` (trained on every article)
and ``data/rhetoric_heads_fold0.npz`` (heads trained without fold 0, for the CI gate).
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
    args = ap.parse_args(argv)
    t0 = time.time()
    docs = D.load(args.data)
    vocab, vectors, weights, embedder = static_table(docs, args.dim, args.cache)
    feats: Features = build_features(docs, embedder)
    print(f"features: {len(docs)} articles, {feats.x.shape[0]} paragraphs,"
          f" {time.time() - t0:.0f}s", flush=True)
    scores = cross_validate(feats)
    print(json.dumps(scores, indent=1), flush=True)
    info = (f"trained {time.strftime('%Y-%m-%d')} by `make train-rhetoric` on "
            f"{len(docs)} SemEval-2023 Task 3 English training articles; static table "
            f"all-MiniLM-L6-v2 PCA {args.dim}; CV {json.dumps(scores)}")
    static: dict[str, Any] = {"vocab": np.array(vocab), "vectors": vectors.astype(np.float16),
              "token_weights": weights.astype(np.float16), "info": np.array(info)}
    args.out.mkdir(parents=True, exist_ok=True)
    full: dict[str, Any] = {**static, **head_arrays(fit_all(feats, exclude_fold=None))}
    np.savez_compressed(args.out / "rhetoric_model.npz", **full)
    fold0: dict[str, Any] = {"info": np.array(info + "; heads trained WITHOUT fold 0"),
                             **head_arrays(fit_all(feats, exclude_fold=0))}
    np.savez_compressed(args.out / "rhetoric_heads_fold0.npz", **fold0)
    if args.report:
        args.report.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
