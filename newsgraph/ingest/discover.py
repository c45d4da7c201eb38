"""Expand paths (files, folders, globs) and hand each file to the reader of its format."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..models import RawDocument
from .readers import MAX_BYTES, read_bytes, read_file

__all__ = ["MAX_BYTES", "documents_from_texts", "expand", "iter_documents"]


def expand(paths: Iterable[str]) -> Iterator[Path | InputError]:
    """Files in the order given; folders recurse (sorted, hidden entries skipped); globs
    expand (``**`` recurses)."""
    for p in paths:
        p = os.path.expanduser(str(p))
        matches = sorted(glob.glob(p, recursive=True)) if glob.has_magic(p) else [p]
        if not matches:
            yield InputError(p, "no file matches this pattern",
                             "check the path, or quote the glob so the shell does not expand it")
        for m in matches:
            path = Path(m)
            if path.is_dir():
                problems: list[OSError] = []
                for root, dirs, files in os.walk(path, onerror=problems.append):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for f in sorted(files):
                        if not f.startswith("."):
                            yield Path(root) / f
                for exc in problems:
                    yield InputError(str(exc.filename or path), "cannot list this folder"
                                     f" ({exc.strerror or exc})", "check its permissions")
            elif path.exists():
                yield path
            elif path.is_symlink():
                yield InputError(str(path), "broken symbolic link",
                                 "point the link at an existing file or remove it")
            else:
                yield InputError(str(path), "file not found", "check the path")


def iter_documents(paths: Iterable[str]) -> Iterator[RawDocument | InputError]:
    for path in expand(paths):
        if isinstance(path, InputError):
            yield path
        else:
            yield from read_file(path)


def documents_from_texts(texts: Iterable[str]) -> Iterator[RawDocument | InputError]:
    """Pasted texts (or HTML strings) given directly to the Python API."""
    for i, text in enumerate(texts):
        yield from read_bytes(text.encode("utf-8"), f"text:{i}")
