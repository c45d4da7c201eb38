"""Logistic-regression heads fitted jointly with L-BFGS (numpy + scipy, training only).

All labels of a multi-label head are fitted in one optimisation: the loss is separable,
so this equals one-vs-rest but costs one matrix product per step instead of one per label.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    return mean.astype(np.float32), scale.astype(np.float32)


def fit_multilabel(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0,
                   balanced: bool = True, iters: int = 300) -> tuple[np.ndarray, np.ndarray]:
    """x standardised [n, f], dense or scipy sparse; y {0,1} [n, k] -> (weight, bias)."""
    n, f = x.shape
    k = y.shape[1]
    pos = y.sum(axis=0).clip(1)
    if balanced:  # sklearn's "balanced": n / (2 * count) per class
        wpos, wneg = n / (2 * pos), n / (2 * (n - pos).clip(1))
    else:
        wpos, wneg = np.ones(k), np.ones(k)
    sw = np.where(y > 0, wpos, wneg) / n

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: f * k].reshape(f, k)
        b = theta[f * k:]
        z = x @ w + b
        # log(1+exp(-s z)) computed stably
        s = 2 * y - 1
        m = -s * z
        lo = np.logaddexp(0, m)
        val = float((sw * lo).sum() + 0.5 * l2 / n * (w * w).sum())
        g = sw * (-s) / (1 + np.exp(-m))
        gw = x.T @ g + l2 / n * w
        return val, np.concatenate([gw.ravel(), g.sum(axis=0)])

    res = minimize(loss, np.zeros(f * k + k), jac=True, method="L-BFGS-B",
                   options={"maxiter": iters})
    return (res.x[: f * k].reshape(f, k).astype(np.float32),
            res.x[f * k:].astype(np.float32))


def fit_softmax(x: np.ndarray, y: np.ndarray, k: int, *, l2: float = 1.0,
                balanced: bool = True, iters: int = 300,
                sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """x standardised [n, f]; y int [n] -> (weight [f, k], bias [k]).

    ``sample_weight`` (per row, replacing the class balancing) lets the caller weight
    sources and classes itself; the loss is its weighted mean, so weights of mean 1 keep
    ``l2`` comparable.
    """
    n, f = x.shape
    onehot = np.eye(k)[y]
    if sample_weight is not None:
        sw = np.asarray(sample_weight, dtype=np.float64) / n
    else:
        counts = onehot.sum(axis=0).clip(1)
        cw = n / (k * counts) if balanced else np.ones(k)
        sw = (onehot @ cw) / n

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: f * k].reshape(f, k)
        b = theta[f * k:]
        z = x @ w + b
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        val = float(-(sw * (onehot * logp).sum(axis=1)).sum() + 0.5 * l2 / n * (w * w).sum())
        g = (np.exp(logp) - onehot) * sw[:, None]
        gw = x.T @ g + l2 / n * w
        return val, np.concatenate([gw.ravel(), g.sum(axis=0)])

    res = minimize(loss, np.zeros(f * k + k), jac=True, method="L-BFGS-B",
                   options={"maxiter": iters})
    return (res.x[: f * k].reshape(f, k).astype(np.float32),
            res.x[f * k:].astype(np.float32))


def best_thresholds(prob: np.ndarray, y: np.ndarray,
                    grid: np.ndarray | None = None) -> np.ndarray:
    """Per label, the probability cut that maximises that label's F1 on (prob, y)."""
    grid = np.arange(0.05, 0.96, 0.025) if grid is None else grid
    out = np.full(y.shape[1], 0.5, dtype=np.float32)
    for j in range(y.shape[1]):
        pred = prob[:, j][:, None] >= grid[None, :]
        tp = (pred & (y[:, j] > 0)[:, None]).sum(axis=0)
        f1 = 2 * tp / (pred.sum(axis=0) + y[:, j].sum()).clip(1)
        out[j] = grid[int(np.argmax(f1))]
    return out


def micro_f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float((pred & (y > 0)).sum())
    return 2 * tp / max(float(pred.sum() + (y > 0).sum()), 1.0)


def micro_thresholds(prob: np.ndarray, y: np.ndarray, rounds: int = 2) -> np.ndarray:
    """Per-label cuts chosen by coordinate ascent on the micro-F1 of all labels together.

    Per-label F1 optimisation over-predicts rare labels, which costs micro-F1; here a label
    may also be switched off (cut 1.01) when predicting it never pays.
    """
    grid = np.append(np.arange(0.05, 0.96, 0.025), 1.01).astype(np.float32)
    thr = best_thresholds(prob, y)
    gold = y > 0
    n_gold = int(gold.sum())
    for _ in range(rounds):
        for j in range(y.shape[1]):
            pred = prob >= thr
            tp_rest = int((pred & gold).sum() - (pred[:, j] & gold[:, j]).sum())
            pp_rest = int(pred.sum() - pred[:, j].sum())
            cand = prob[:, j][:, None] >= grid[None, :]
            tp = tp_rest + (cand & gold[:, j][:, None]).sum(axis=0)
            f1 = 2 * tp / (pp_rest + cand.sum(axis=0) + n_gold).clip(1)
            thr[j] = grid[int(np.argmax(f1))]
    return thr
