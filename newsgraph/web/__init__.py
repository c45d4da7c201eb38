"""The web app and REST API (`newsgraph serve`): ``create_app(Settings(db=...))``."""

from __future__ import annotations

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
