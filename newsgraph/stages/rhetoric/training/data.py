"""Reading ``../shared/data/rhetoric`` (SemEval-2023 Task 3 English training articles).

Texts are read at training time only and never written into the repository.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "rhetoric"
FOLDS = 5
SEED = 13


@dataclass
class Doc:
    id: str
    text: str
    paragraphs: list[tuple[int, int]]
    labels: list[list[str]]  # techniques per paragraph
    genre: str | None = None
    frames: list[str] = field(default_factory=list)
    fold: int = 0


def load(data_dir: Path = DEFAULT_DIR) -> list[Doc]:
    tech_path = data_dir / "techniques_train.jsonl"
    if not tech_path.is_file():
        raise SystemExit(f"{tech_path} not found: put ../shared beside the repository"
                         " or pass --data DIR")
    docs: dict[str, Doc] = {}
    for line in tech_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        docs[rec["id"]] = Doc(id=rec["id"], text=rec["text"],
                              paragraphs=[(p["start"], p["end"]) for p in rec["paragraphs"]],
                              labels=[list(p["techniques"]) for p in rec["paragraphs"]])
    gf_path = data_dir / "genre_frames_train.jsonl"
    for line in gf_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] in docs:
            docs[rec["id"]].genre = rec["genre"]
            docs[rec["id"]].frames = list(rec["frames"])
    out = sorted(docs.values(), key=lambda d: d.id)
    order = list(range(len(out)))
    random.Random(SEED).shuffle(order)
    for rank, i in enumerate(order):  # fixed article -> fold map, shared by every task
        out[i].fold = rank % FOLDS
    return out
