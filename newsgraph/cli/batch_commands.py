"""`newsgraph spark analyze` and `newsgraph load`: the two phases of a cluster run."""

from __future__ import annotations

import argparse
import os
import sys

from ..store import open_store
from .main import command


def _spark_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=["analyze"], help="what to run on Spark")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files or folders (text, JSONL, WARC)")
    p.add_argument("--output", required=True, metavar="DIR", help="Parquet output folder")
    p.add_argument("--master", default=os.environ.get("NEWSGRAPH_SPARK_MASTER"),
                   help="Spark master, e.g. local[4] (default: spark-submit's or local[*])")
    p.add_argument("--partitions", type=int, help="number of partitions")


@command("spark", help="run the analysis inside Spark partitions, writing Parquet",
         configure=_spark_opts)
def cmd_spark(args: argparse.Namespace) -> int:
    from ..batch.spark import spark_analyze

    counts = spark_analyze(args.inputs, args.output, master=args.master,
                           partitions=args.partitions)
    print(f"{counts['articles']} analysed, {counts['failed']} failed → {args.output}",
          file=sys.stderr)
    return 0 if counts["failed"] == 0 else 1


def _load_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("directory", metavar="DIR", help="output folder of `newsgraph spark analyze`")
    p.add_argument("--db", default=os.environ.get("NEWSGRAPH_DB", "newsgraph.db"),
                   help="SQLite file or postgresql:// URL (default ./newsgraph.db)")


@command("load", help="load `spark analyze` Parquet output into SQLite or PostgreSQL",
         configure=_load_opts)
def cmd_load(args: argparse.Namespace) -> int:
    from ..batch import load

    store = open_store(args.db)
    try:
        summary = load(args.directory, store)
        for line in summary.lines():
            print(line, file=sys.stderr)
        return 0 if summary.ok else 1
    finally:
        store.close()
