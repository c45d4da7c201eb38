"""The Python API every shell (CLI, REST, web, Spark) calls."""

from __future__ import annotations

import glob
import importlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .ingest import documents_from_texts, iter_documents
from .models import Article, RawDocument, StageRun
from .pipeline import INGEST_STAGES, STAGES, Failure, Pipeline, new_article
from .store import Store, open_store
from .store.base import signature

BATCH = 16


@dataclass
class RunSummary:
    """What a run did: stored / unchanged / failed (with one-line reasons)."""

    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def lines(self) -> list[str]:
        out = [f"{len(self.stored)} stored, {len(self.unchanged)} unchanged, "
               f"{len(self.failed)} failed"]
        out += [f"  failed: {f.where}: {f.reason}" for f in self.failed]
        return out


def stage_versions(refs: Sequence[str]) -> tuple[StageRun, ...]:
    """Versions of a stage list, read without building the stages (no model loads)."""
    out = []
    for ref in refs:
        module_name, _, attr = ref.partition(":")
        obj = getattr(importlib.import_module(module_name), attr)
        out.append(StageRun(name=obj.name, version=obj.version))
    return tuple(out)


def _is_path(item: str | Path) -> bool:
    if isinstance(item, Path):
        return True
    if "\n" in item or len(item) > 4096:
        return False
    return Path(item).exists() or (glob.has_magic(item) and bool(glob.glob(item)))


def read_inputs(items: Iterable[str | Path]) -> Iterator[RawDocument | InputError]:
    """Paths, folders and globs are read from disk; any other string is an article text."""
    items = list(items)
    paths = [str(i) for i in items if _is_path(i)]
    texts = [str(i) for i in items if not _is_path(i)]
    yield from iter_documents(paths)
    yield from documents_from_texts(texts)


# ---------------------------------------------------------------- workers
_WORKER: Pipeline | None = None


def _init_worker(refs: Sequence[str]) -> None:
    global _WORKER
    _WORKER = Pipeline(refs)


def _run_batch(batch: list[RawDocument]) -> list[Article | Failure]:
    assert _WORKER is not None  # set by _init_worker in every pool process
    return _WORKER.run([new_article(d) for d in batch])


def _worker_signature() -> str:
    assert _WORKER is not None  # set by _init_worker in every pool process
    return signature(_WORKER.versions)


def _worker_pid(_: int) -> int:
    """A ready worker answers with its pid (the initializer, which loads the models, runs
    before a worker takes any task); the pause spreads the answers over every worker."""
    import time

    time.sleep(0.05)
    return os.getpid()


class Runner:
    """Streams documents through the pipeline in batches, skipping what the store already
    has at the same stage versions, and saves each article in its own transaction.

    With ``workers > 1`` each run starts a process pool and closes it at the end; ``start()``
    (or ``with Runner(...) as runner``) keeps one pool, its models loaded, across runs."""

    def __init__(self, *, store: Store | None = None, stages: Sequence[str] = STAGES,
                 workers: int = 1, batch: int = BATCH) -> None:
        self.store = store
        self.refs = tuple(stages)
        self.workers = max(1, workers)
        self.batch = batch
        self._signature: str | None = None
        self._pipeline: Pipeline | None = None
        self._pool: Any = None

    @property
    def signature(self) -> str:
        """The stage-version signature stored with every article. With a started pool it
        comes from a worker, so this process never imports the stage modules (and their
        model libraries: ~180 MB a process saved)."""
        if self._signature is None:
            if self._pool is not None:
                self._signature = str(self._pool.apply(_worker_signature))
            elif self._pipeline is not None:
                self._signature = signature(self._pipeline.versions)
            else:
                self._signature = signature(stage_versions(self.refs))
        return self._signature

    def start(self) -> Runner:
        """Start the worker pool now (with one worker: load the pipeline now)."""
        if self.workers == 1:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.refs)
        elif self._pool is None:
            self._pool = self._new_pool()
        return self

    def warm(self) -> set[int]:
        """Start, then wait until every worker has loaded its models; returns their pids."""
        self.start()
        if self._pool is None:
            return {os.getpid()}
        seen: set[int] = set()
        while len(seen) < self.workers:
            seen.update(self._pool.map(_worker_pid, range(2 * self.workers), chunksize=1))
        return seen

    def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.close()
            pool.join()

    def __enter__(self) -> Runner:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pending(self, docs: Iterable[RawDocument | InputError], summary: RunSummary,
                 seen: set[str]) -> Iterator[RawDocument]:
        for doc in docs:
            if isinstance(doc, InputError):
                summary.failed.append(Failure(doc.where, doc.problem + (
                    f" — {doc.fix}" if doc.fix else "")))
                continue
            aid = doc.content_hash[:16]
            stored = self.store.stored_versions(aid) if self.store is not None else None
            # unchanged when stored by this stage list or by a longer one that starts with it
            # (so `ingest` after `analyze` keeps the full analysis)
            if aid in seen or (stored is not None and (
                    stored == self.signature or stored.startswith(self.signature + ","))):
                summary.unchanged.append(aid)
                continue
            seen.add(aid)
            yield doc

    def results(self, docs: Iterable[RawDocument | InputError],
                summary: RunSummary) -> Iterator[Article]:
        """Analysed articles in input order, one at a time (nothing is kept or stored);
        skipped and failed inputs are recorded in ``summary``."""
        pending = self._pending(docs, summary, set())
        batches = iter(lambda: list(itertools.islice(pending, self.batch)), [])
        for results in self._map(batches):
            for result in results:
                if isinstance(result, Failure):
                    summary.failed.append(result)
                else:
                    yield result

    def run(self, docs: Iterable[RawDocument | InputError],
            progress: Callable[[int], None] | None = None) -> tuple[list[Article], RunSummary]:
        summary = RunSummary()
        keep: list[Article] = []
        for result in self.results(docs, summary):
            if self.store is not None:
                self.store.save(result)
            else:
                keep.append(result)
            summary.stored.append(result.id)
            if progress:
                progress(1)
        if self.store is not None and summary.stored:
            from .compare import update  # cross-article links: copies, stories, incidents

            update(self.store, summary.stored)
        return keep, summary

    def _map(self, batches: Iterator[list[RawDocument]]) -> Iterator[list[Article | Failure]]:
        if self._pool is not None:
            yield from self._bounded(self._pool, batches)
            return
        # A pool costs a model load per worker: not worth it for fewer than two batches.
        head = list(itertools.islice(batches, 2))
        batches = itertools.chain(head, batches)
        if self.workers == 1 or len(head) < 2:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.refs)
            for b in batches:
                yield self._pipeline.run([new_article(d) for d in b])
            return
        with self._new_pool() as pool:
            yield from self._bounded(pool, batches)

    def _new_pool(self) -> Any:
        import multiprocessing as mp

        ctx = mp.get_context("spawn" if os.name != "posix" else "forkserver")
        return ctx.Pool(self.workers, initializer=_init_worker, initargs=(self.refs,))

    def _bounded(self, pool: Any, batches: Iterator[list[RawDocument]]
                 ) -> Iterator[list[Article | Failure]]:
        """Keep at most two batches per worker in flight (Pool.imap would read the whole
        input ahead and memory would grow with the corpus); results stay in input order."""
        from collections import deque

        flight: deque[Any] = deque()
        for b in batches:
            flight.append(pool.apply_async(_run_batch, (b,)))
            if len(flight) >= 2 * self.workers:
                yield flight.popleft().get()
        while flight:
            yield flight.popleft().get()


def default_workers() -> int:
    """One worker per core (the CLI's default for ``--workers``)."""
    return max(1, os.cpu_count() or 1)


def analyze(inputs: str | Path | Iterable[str | Path], *, db: str | None = None,
            store: Store | None = None, workers: int = 1,
            stages: Sequence[str] = STAGES) -> list[Article]:
    """Analyse paths or texts; returns the article records (also stored when a store is given).

    >>> articles = analyze(["Putin met Lukashenko in Sochi on Friday."])
    """
    items = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    own = store is None and db is not None
    if store is None and db is not None:
        store = open_store(db)
    try:
        runner = Runner(store=store, stages=stages, workers=workers)
        articles, summary = runner.run(read_inputs(items))
        if store is not None:
            ids = set(summary.stored) | set(summary.unchanged)
            articles = [a for a in (store.get(i) for i in ids) if a is not None]
        return articles
    finally:
        if own and store is not None:
            store.close()


def ingest(inputs: str | Path | Iterable[str | Path], **kwargs: object) -> list[Article]:
    """Like ``analyze`` but stops after cleaning and metadata."""
    return analyze(inputs, stages=INGEST_STAGES, **kwargs)  # type: ignore[arg-type]
