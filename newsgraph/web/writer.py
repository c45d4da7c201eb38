"""The one writer: uploads are analysed and saved by a single worker.

Analysis is CPU-heavy (spaCy and the NLP stages), so it runs off the event loop in one
worker process by default: request handlers keep their CPU and, thanks to WAL, their reads
are never blocked while an upload is being saved. One worker means one writer.
"""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import NewsgraphError

# Kept per worker (process or thread): the store and the Runner load once, not per upload.
_STATE: dict[str, Any] = {}


def _runner(db: str) -> Any:
    from .. import api
    from ..store import open_store

    if _STATE.get("db") != db:
        if "store" in _STATE:
            _STATE["store"].close()
        _STATE["store"] = open_store(db)
        _STATE["runner"] = api.Runner(store=_STATE["store"])
        _STATE["db"] = db
    return _STATE["runner"]


def warm_up(db: str) -> None:
    """Load the pipeline in the worker before the first upload arrives."""
    _runner(db)


def analyze_upload(db: str, data: bytes, name: str, meta: dict[str, Any]) -> dict[str, Any]:
    """Read ``data`` (text, HTML or PDF, sniffed from its bytes), analyse it and save it.
    Runs inside the worker; returns plain data so it crosses the process boundary."""
    from ..models import RawDocument

    given = {k: v for k, v in meta.items() if v}
    if "authors" in given:
        given["authors"] = tuple(given["authors"])
    docs = [dataclasses.replace(d, **given) if isinstance(d, RawDocument) and given else d
            for d in _read(data, f"upload:{name}")]
    _, summary = _runner(db).run(docs)
    return {
        "stored": list(summary.stored),
        "unchanged": list(summary.unchanged),
        "failed": [{"where": f.where, "reason": f.reason} for f in summary.failed],
    }


def _read(data: bytes, uri: str) -> Any:
    """The ingest reader for raw bytes (format sniffed from the bytes)."""
    import inspect

    from ..ingest.readers import read_bytes
    from ..models import SourceRef

    second = list(inspect.signature(read_bytes).parameters)[1]
    if second == "uri":
        return read_bytes(data, uri)
    return read_bytes(data, SourceRef(uri=uri, format=""))  # type: ignore[arg-type]


class Writer:
    """Submits uploads to the single worker; rebuilds the worker if it died."""

    def __init__(self, db: str, mode: str = "process") -> None:
        if mode not in ("process", "thread"):
            raise NewsgraphError(f"unknown writer mode {mode!r}; use process or thread")
        self.db = db
        self.mode = mode
        self._executor: Executor | None = None

    def _pool(self) -> Executor:
        if self._executor is None:
            if self.mode == "thread":
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="writer")
            else:
                ctx = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(max_workers=1, mp_context=ctx)
        return self._executor

    async def submit(self, data: bytes, name: str, meta: dict[str, Any]) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool(), analyze_upload, self.db, data,
                                              name, meta)
        except BrokenProcessPool as exc:
            self._executor = None  # the next upload starts a fresh worker
            raise NewsgraphError("the analysis worker died (out of memory?); retry the upload,"
                                 " or upload a smaller file") from exc

    def warm(self) -> None:
        """Start the worker process and load its models in the background (process mode
        only: a thread would take the server's CPU while it loads)."""
        if self.mode == "process":
            self._pool().submit(warm_up, self.db)

    def close(self) -> None:
        """Stop the worker now, even mid-analysis: an interrupted save is one rolled-back
        transaction, and the upload can be repeated (Python 3.11 has no public way to
        terminate a pool's workers, hence the private attribute)."""
        if self._executor is None:
            return
        executor, self._executor = self._executor, None
        if isinstance(executor, ProcessPoolExecutor):
            for process in list(getattr(executor, "_processes", {}).values()):
                process.terminate()
        executor.shutdown(wait=False, cancel_futures=True)
