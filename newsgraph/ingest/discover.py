"""Expand paths (files, folders, globs) and dispatch each file to the reader of its format."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..models import RawDocument, SourceRef

MAX_BYTES = 50 * 1024 * 1024  # one article file larger than this is refused, not loaded


def expand(paths: Iterable[str]) -> Iterator[Path | InputError]:
    for p in paths:
        matches = sorted(glob.glob(p, recursive=True)) if glob.has_magic(p) else [p]
        if not matches:
            yield InputError(p, "no file matches this pattern", "check the path or quote the glob")
        for m in matches:
            path = Path(m)
            if path.is_dir():
                for root, dirs, files in os.walk(path):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for f in sorted(files):
                        if not f.startswith("."):
                            yield Path(root) / f
            elif path.exists():
                yield path
            else:
                yield InputError(str(path), "file not found", "check the path")


def iter_documents(paths: Iterable[str]) -> Iterator[RawDocument | InputError]:
    from .readers import read_file

    for path in expand(paths):
        if isinstance(path, InputError):
            yield path
            continue
        yield from read_file(path)


def documents_from_texts(texts: Iterable[str]) -> Iterator[RawDocument | InputError]:
    """Pasted texts (or HTML strings) given directly to the Python API."""
    from .readers import read_bytes

    for i, text in enumerate(texts):
        yield from read_bytes(text.encode("utf-8"), SourceRef(uri=f"text:{i}", format="text"))

