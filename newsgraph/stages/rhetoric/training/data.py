"""Reading ``../shared/data/rhetoric`` (SemEval-2023 Task 3 English training articles) and
our own genre-labelled texts (``benchmarks/gold/genre``, the stories fixture).

SemEval texts are read at training time only and never written into the repository.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
DEFAULT_DIR = REPO.parent / "shared" / "data" / "rhetoric"
# Genre texts written for newsgraph (never part of the SemEval cross-validation's test folds):
# extra training rows for the genre head, and a held-out set it is only scored on.
GENRE_TRAIN = REPO / "benchmarks" / "gold" / "genre" / "train.jsonl"
GENRE_HELDOUT = REPO / "benchmarks" / "gold" / "genre" / "heldout.jsonl"
# Short wire-style reports written for the story-clustering gate; all "reporting".
STORIES = REPO / "benchmarks" / "fixtures" / "stories" / "articles.jsonl"
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


@dataclass
class GenreDoc:
    id: str
    text: str
    genre: str
    source: str  # the file's stem, e.g. "train", "articles"


def load_genre(path: Path, genre: str | None = None) -> list[GenreDoc]:
    """``{id, text, genre}`` records of ``path`` (lines without an id, such as the
    ``_source`` note, are skipped); ``genre`` labels a file whose records have none."""
    if not path.is_file():
        raise SystemExit(f"{path} not found (genre texts of the repository)")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if "id" not in rec:
            continue
        label = rec.get("genre", genre)
        if label not in ("opinion", "reporting", "satire"):
            raise SystemExit(f"{path}: {rec['id']} has no usable genre ({label!r})")
        out.append(GenreDoc(id=rec["id"], text=rec["text"], genre=label, source=path.stem))
    return out
