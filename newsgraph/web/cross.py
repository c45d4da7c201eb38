"""The cross-article functions (stories, graph, timeline), imported lazily.

They live in ``newsgraph.compare``; while a function is missing the pages show an
explanatory empty state and the API answers 501 rather than failing to start.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


class Unavailable(Exception):  # noqa: N818 - reads as "feature unavailable"
    """The cross-article function is not installed in this build."""


def function(name: str) -> Callable[..., Any]:
    try:
        module = importlib.import_module("newsgraph.compare")
    except ImportError as exc:
        raise Unavailable(name) from exc
    fn = getattr(module, name, None)
    if not callable(fn):
        raise Unavailable(name)
    return fn  # type: ignore[no-any-return]


def available(name: str) -> bool:
    try:
        function(name)
    except Unavailable:
        return False
    return True


def plain(value: Any) -> Any:
    """Records from compare (dataclasses, tuples, dicts) as JSON-ready data."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return plain(value.to_dict())
    return value
