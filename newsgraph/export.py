"""Export records (DESIGN.md's article record and the tables) as JSONL, CSV or Parquet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from .errors import ExportError
from .models import Article, to_dict
from .store import EventFilter, Store


def article_record(article: Article) -> dict[str, Any]:
    """The article record of DESIGN.md; all offsets index ``body``."""
    d = to_dict(article)
    record: dict[str, Any] = {
        "id": article.id,
        "source": d["source"],
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "outlet": article.outlet,
        "original_outlet": article.original_outlet,
        "republished_by": article.republished_by,
        "original_published": article.original_published,
        "url": article.url,
        "copies": list(article.copies),
        "language": article.language,
        "genre": article.genre,
        "genre_confidence": article.genre_confidence,
        "body": article.body,
        "sentences": d["sentences"],
        "actors": [{k: a[k] for k in ("id", "name", "type", "country", "role")}
                   for a in d["actors"]],
        "mentions": [{k: m[k] for k in ("start", "end", "text", "actor_id")}
                     for m in d["mentions"]],
        "events": [],
        "quantities": d["quantities"],
        "dates": d["dates"],
        "quotes": d["quotes"],
        "scare_quotes": d["scare_quotes"],
        "techniques": d["techniques"],
        "frames": d["frames"],
        "profile": d["profile"],
        "removed": d["removed"],
        "provenance": d["provenance"],
        "stages": d["stages"],
    }
    for e in d["events"]:
        ev = dict(e)
        spans = ev.pop("evidence")
        # DESIGN.md: one `evidence` span; every span of the same happening in `evidence_all`
        ev["evidence"] = spans[0] if spans else None
        ev["evidence_all"] = spans
        record["events"].append(ev)
    return record


def _articles(store: Store) -> Iterator[dict[str, Any]]:
    for article in store.iter_articles():
        yield article_record(article)


def _events(store: Store) -> Iterator[dict[str, Any]]:
    offset, page = 0, 1000
    while True:
        rows = store.events(EventFilter(limit=page, offset=offset))
        yield from rows
        if len(rows) < page:
            return
        offset += page


def _event_table(store: Store) -> Iterable[dict[str, Any]]:
    # the events table layout lives with the event coder (docs/events.md)
    from .stages.events.table import event_rows

    return event_rows(store)


def _actors(store: Store) -> Iterator[dict[str, Any]]:
    offset, page = 0, 1000
    while True:
        rows = store.actors(limit=page, offset=offset)
        yield from rows
        if len(rows) < page:
            return
        offset += page


# what -> function producing its rows. Cross-article exports register here too.
EXPORTS: dict[str, Callable[[Store], Iterable[dict[str, Any]]]] = {
    "articles": _articles,
    "events": _event_table,
    "actors": _actors,
}


def _compare_rows(name: str) -> Callable[[Store], Iterable[dict[str, Any]]]:
    def rows(store: Store) -> Iterable[dict[str, Any]]:
        from . import compare  # imported when used: cross-article work (newsgraph.compare)

        return getattr(compare, "export_" + name)(store)  # type: ignore[no-any-return]

    return rows


EXPORTS.update({name: _compare_rows(name) for name in ("stories", "timeline", "graph")})


def write(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str] | IO[bytes]) -> int:
    """Write rows; returns how many. CSV flattens nested values as JSON strings."""
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")  # type: ignore[call-overload]
            n += 1
        return n
    if fmt == "csv":
        writer: csv.DictWriter[str] | None = None
        for row in rows:
            flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                    for k, v in row.items()}
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(flat))  # type: ignore[arg-type]
                writer.writeheader()
            writer.writerow(flat)
            n += 1
        return n
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist([
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
             for k, v in row.items()} for row in rows])
        buf = io.BytesIO()
        pq.write_table(table, buf)
        out.write(buf.getvalue())  # type: ignore[arg-type]
        return table.num_rows
    raise ExportError(f"unknown format {fmt!r}; use jsonl, csv or parquet")


def export(store: Store, what: str, fmt: str, out: IO[str] | IO[bytes]) -> int:
    if what not in EXPORTS:
        raise ExportError(f"unknown export {what!r}; choose one of {', '.join(EXPORTS)}")
    if fmt == "graphml":  # a graph format: nodes and edges, not rows
        if what != "graph":
            raise ExportError("graphml is only for --what graph; use jsonl, csv or parquet")
        from .compare import graph
        from .compare.actor_graph import write_graphml

        return write_graphml(graph(store), out)  # type: ignore[arg-type]
    return write(EXPORTS[what](store), fmt, out)
