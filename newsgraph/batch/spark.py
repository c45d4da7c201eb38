"""Run the same stage list inside Spark partitions and write Parquet in the export schema.

Phase 1 (here, distributed): every input file is read and analysed where it lands; the
pipeline (spaCy and every model) is built once per Python worker and reused by every
partition that worker runs. Phase 2 (``newsgraph load``, one machine): the Parquet is loaded
into SQLite or PostgreSQL and the cross-article steps (copies, stories, incidents) run
there incrementally. See docs/spark.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError, NewsgraphError
from ..export import article_record
from ..models import Article, from_dict, to_dict
from ..pipeline import STAGES, Failure, Pipeline, new_article

# Scalar columns first (queryable in Spark SQL / DuckDB), nested parts as JSON text, and
# `record`: the lossless internal record `newsgraph load` reads back.
SCALARS = ("id", "title", "published", "outlet", "original_outlet", "republished_by", "url",
           "language", "genre", "body")
NESTED = ("source", "authors", "copies", "sentences", "actors", "mentions", "events",
          "quantities", "dates", "quotes", "scare_quotes", "techniques", "frames", "profile")
COLUMNS = (*SCALARS, *NESTED, "record", "error")

_PIPELINE: dict[tuple[str, ...], Pipeline] = {}


def _pipeline(refs: tuple[str, ...]) -> Pipeline:
    """One pipeline per Python worker process (Spark reuses workers across partitions)."""
    if refs not in _PIPELINE:
        _PIPELINE[refs] = Pipeline(refs)
    return _PIPELINE[refs]


def row_of(article: Article) -> dict[str, Any]:
    record = article_record(article)
    row: dict[str, Any] = {k: record[k] for k in SCALARS}
    row.update({k: json.dumps(record[k], ensure_ascii=False) for k in NESTED})
    row["record"] = json.dumps(to_dict(article), ensure_ascii=False)
    row["error"] = None
    return row


def article_of(row: dict[str, Any]) -> Article:
    return from_dict(Article, json.loads(row["record"]))


def analyze_files(files: Iterable[tuple[str, bytes]], refs: Sequence[str] = STAGES,
                  batch: int = 16) -> Iterator[dict[str, Any]]:
    """(path, bytes) pairs → export rows; an unreadable input becomes a row with `error`."""
    from ..ingest.readers import read_bytes
    from ..models import RawDocument

    pipeline = _pipeline(tuple(refs))
    pending: list[RawDocument] = []

    def flush() -> Iterator[dict[str, Any]]:
        for result in pipeline.run([new_article(d) for d in pending]):
            if isinstance(result, Failure):
                yield _error_row(result.where, result.reason)
            else:
                yield row_of(result)
        pending.clear()

    for path, data in files:
        uri = path.removeprefix("file:")
        for doc in read_bytes(data, uri):
            if isinstance(doc, InputError):
                yield _error_row(doc.where, doc.problem + (f" — {doc.fix}" if doc.fix else ""))
                continue
            pending.append(doc)
            if len(pending) >= batch:
                yield from flush()
    yield from flush()


def _error_row(where: str, reason: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row["id"] = ""
    row["error"] = f"{where}: {reason}"
    return row


def spark_analyze(inputs: Sequence[str], output: str, *, master: str | None = None,
                  partitions: int | None = None, refs: Sequence[str] = STAGES) -> dict[str, int]:
    """Analyse every file under ``inputs`` on Spark; write Parquet to ``output``."""
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StringType, StructField, StructType

    builder = SparkSession.builder.appName("newsgraph")
    if master:
        builder = builder.master(master)
    spark = builder.config("spark.ui.enabled", "false").getOrCreate()
    try:
        paths = ",".join(str(Path(p).resolve()) if "://" not in p else p for p in inputs)
        files = spark.sparkContext.binaryFiles(paths, minPartitions=partitions or 2)
        if partitions:
            files = files.repartition(partitions)
        refs_t = tuple(refs)
        schema = StructType([StructField(c, StringType(), True) for c in COLUMNS])
        rows = files.mapPartitions(
            lambda part: (tuple(_str(r[c]) for c in COLUMNS) for r in analyze_files(part, refs_t)))
        df = spark.createDataFrame(rows, schema).cache()
        df.write.mode("overwrite").parquet(output)
        failed = df.filter(df.error.isNotNull()).count()
        total = df.count()
        df.unpersist()
        return {"articles": total - failed, "failed": failed}
    finally:
        spark.stop()


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def read_rows(directory: str) -> Iterator[dict[str, Any]]:
    """Rows of a `spark analyze` output folder, read with pyarrow (no Spark needed)."""
    import pyarrow.parquet as pq

    files = sorted(Path(directory).glob("*.parquet")) or sorted(Path(directory).rglob("*.parquet"))
    if not files:
        raise NewsgraphError(f"{directory}: no Parquet files; pass the --output folder of "
                             "`newsgraph spark analyze`")
    for f in files:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=256):
            yield from batch.to_pylist()
