"""Settings of the web app: read once from the environment, overridable by the CLI and tests.

Every setting is documented in docs/web.md (a test checks that).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024  # one uploaded article; larger bodies get 413


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """``db``: SQLite path or postgresql:// URL. ``token``: the bearer token writes need
    (None = writes off). ``max_upload_bytes``: the largest accepted upload. ``writer``:
    where uploads are analysed, ``process`` (a worker process, so reads keep their CPU) or
    ``thread`` (in-process, for environments without multiprocessing)."""

    db: str = "newsgraph.db"
    token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    writer: str = "process"

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env = os.environ
        values: dict[str, object] = {
            "db": env.get("NEWSGRAPH_DB", "newsgraph.db"),
            "token": env.get("NEWSGRAPH_TOKEN") or None,
            "max_upload_bytes": int(env.get("NEWSGRAPH_MAX_UPLOAD", DEFAULT_MAX_UPLOAD)),
            "writer": env.get("NEWSGRAPH_WRITER", "process"),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


# Settings names as they appear in the environment, for docs and the docs test.
ENVIRONMENT = ("NEWSGRAPH_DB", "NEWSGRAPH_TOKEN", "NEWSGRAPH_MAX_UPLOAD", "NEWSGRAPH_WRITER")
