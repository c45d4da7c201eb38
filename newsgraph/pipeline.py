"""The ordered stage list, its requires/provides check, and the loop that runs it.

A stage is an object with ``name``, ``version``, ``requires`` and ``provides`` (sets of
``Article`` field names) that maps a batch of articles to a batch of articles. It does no
I/O; a stage that needs a model loads it once, when the stage object is built. The same
``Pipeline`` runs in the main process, in each worker of a process pool and inside Spark
partitions.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .errors import InputError, PipelineError
from .models import Article, RawDocument, StageRun

log = logging.getLogger(__name__)


class Stage(Protocol):
    name: str
    version: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, articles: Sequence[Article]) -> list[Article]: ...


@dataclass(frozen=True, slots=True)
class FunctionStage:
    """A stage made of a pure per-article function."""

    name: str
    version: str
    requires: frozenset[str]
    provides: frozenset[str]
    fn: Callable[[Article], Article]

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        return [self.fn(article) for article in articles]


def stage(
    name: str, version: str, *, requires: Iterable[str] = (), provides: Iterable[str] = ()
) -> Callable[[Callable[[Article], Article]], FunctionStage]:
    """Decorator: turn ``fn(article) -> article`` into a ``FunctionStage``."""

    def wrap(fn: Callable[[Article], Article]) -> FunctionStage:
        return FunctionStage(name, version, frozenset(requires), frozenset(provides), fn)

    return wrap


# Fields an article has before any stage ran (set from the RawDocument).
INITIAL = frozenset({"id", "source", "raw", "kind", "html", "title", "authors", "published",
                     "outlet", "url"})

# The stage list: "module:attribute" resolved lazily, so importing newsgraph stays cheap
# and a worker only loads the models of the stages it runs. The attribute is a stage
# object or a zero-argument factory returning one.
STAGES: tuple[str, ...] = (
    "newsgraph.stages.extraction:extract",
    "newsgraph.stages.cleaning:clean",
    "newsgraph.stages.metadata:metadata",
    "newsgraph.stages.language:language",
    "newsgraph.stages.sentences:sentences",
    "newsgraph.stages.parsing:Parser",
    "newsgraph.stages.actors:ActorResolver",
    "newsgraph.stages.dates:dates",
    "newsgraph.stages.quantities:quantities",
    "newsgraph.stages.quotations:quotations",
    "newsgraph.stages.events:EventCoder",
    "newsgraph.stages.rhetoric:RhetoricAnalyzer",
    "newsgraph.stages.finish:finish",
)
# `newsgraph ingest` stops after cleaning and metadata.
INGEST_STAGES = STAGES[:5]


def load_stage(ref: str) -> Stage:
    module_name, _, attr = ref.partition(":")
    obj = getattr(importlib.import_module(module_name), attr)
    if isinstance(obj, type) or (callable(obj) and not hasattr(obj, "provides")):
        obj = obj()
    return obj  # type: ignore[no-any-return]


def check(stages: Sequence[Stage]) -> None:
    """Refuse a stage list where a stage requires a field no earlier stage provides."""
    have = set(INITIAL)
    for s in stages:
        missing = s.requires - have
        if missing:
            raise PipelineError(
                f"stage {s.name!r} requires {sorted(missing)} but no earlier stage provides it;"
                " put the providing stage before it in the stage list"
            )
        have |= s.provides


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not be analysed, with a one-line reason."""

    where: str
    reason: str


def new_article(raw: RawDocument) -> Article:
    """The article before any stage: identity is the hash of the decoded content."""
    return Article(
        id=raw.content_hash[:16],
        source=raw.source,
        raw=raw.content if raw.kind != "html" else "",
        kind=raw.kind,
        html=raw.content if raw.kind == "html" else None,
        title=raw.title,
        authors=raw.authors,
        published=raw.published,
        outlet=raw.outlet,
        url=raw.url,
    )


class Pipeline:
    def __init__(self, refs: Sequence[str] = STAGES) -> None:
        self.stages: list[Stage] = [load_stage(r) for r in refs]
        check(self.stages)

    @property
    def versions(self) -> tuple[StageRun, ...]:
        return tuple(StageRun(name=s.name, version=s.version) for s in self.stages)

    def run(self, articles: Sequence[Article]) -> list[Article | Failure]:
        """Run every stage over the batch; a failing article is isolated, the rest go on."""
        batch: list[Article | Failure] = list(articles)
        for s in self.stages:
            todo = [a for a in batch if isinstance(a, Article)]
            if not todo:
                break
            try:
                done = iter(s(todo))
                batch = [next(done) if isinstance(a, Article) else a for a in batch]
            except Exception:
                batch = [self._one(s, a) if isinstance(a, Article) else a for a in batch]
        versions = self.versions
        return [
            dataclasses.replace(a, stages=versions, doc=None) if isinstance(a, Article) else a
            for a in batch
        ]

    @staticmethod
    def _one(s: Stage, article: Article) -> Article | Failure:
        try:
            return s([article])[0]
        except InputError as exc:  # the input itself is unusable (e.g. a page with no article)
            return Failure(exc.where, exc.problem + (f" — {exc.fix}" if exc.fix else ""))
        except Exception as exc:  # one bad article must not stop the batch
            log.debug("stage %s failed on %s\n%s", s.name, article.source.uri,
                      traceback.format_exc())
            where = article.source.uri + (f"#{article.source.id}" if article.source.id else "")
            return Failure(where, f"stage {s.name} failed: {type(exc).__name__}: {exc}"
                           " — report this with the input file attached")
