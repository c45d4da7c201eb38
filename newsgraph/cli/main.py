"""`newsgraph` command line: a thin shell; every command opens a store and calls the API."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence

from .. import api
from ..errors import NewsgraphError
from ..export import article_record, export
from ..pipeline import INGEST_STAGES, STAGES
from ..store import open_store

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[Handler, Callable[[argparse.ArgumentParser], None], str]] = {}


def command(name: str, *, help: str,
            configure: Callable[[argparse.ArgumentParser], None] | None = None,
            ) -> Callable[[Handler], Handler]:
    """Register a sub-command with the function that adds its options."""

    def wrap(fn: Handler) -> Handler:
        COMMANDS[name] = (fn, configure or (lambda p: None), help)
        return fn

    return wrap


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("NEWSGRAPH_DB", "newsgraph.db"),
                   help="SQLite file or postgresql:// URL (default ./newsgraph.db)")


def _progress(total_hint: str) -> tuple[Callable[[int], None], Callable[[], None]]:
    if not sys.stderr.isatty():
        return (lambda n: None), (lambda: None)
    from tqdm import tqdm

    bar = tqdm(unit="article", desc=total_hint, file=sys.stderr)
    return bar.update, bar.close


def _run(args: argparse.Namespace, stages: Sequence[str]) -> int:
    store = open_store(args.db)
    try:
        runner = api.Runner(store=store, stages=stages, workers=args.workers)
        update, close = _progress(args.__dict__.get("cmd", "analyze"))
        try:
            _, summary = runner.run(api.read_inputs(args.paths), progress=update)
        finally:
            close()
        for line in summary.lines():
            print(line, file=sys.stderr)
        report = getattr(args, "report", None)
        if report:
            from ..compare.dossier import write_dossier  # the cross-article work

            write_dossier(store, report)
            print(f"report written to {report}", file=sys.stderr)
        return 0 if summary.ok else 1
    finally:
        store.close()


def _paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    _db(p)
    p.add_argument("--workers", type=int, default=api.default_workers(),
                   help="processes (default: one per core)")


def _analyze_opts(p: argparse.ArgumentParser) -> None:
    _paths(p)
    p.add_argument("--report", metavar="FILE.html", help="also write the HTML dossier")


@command("analyze", configure=_analyze_opts, help="ingest and analyse files, folders, globs")
def cmd_analyze(args: argparse.Namespace) -> int:
    return _run(args, STAGES)


@command("ingest", configure=_paths, help="read, clean and find metadata only (no analysis)")
def cmd_ingest(args: argparse.Namespace) -> int:
    return _run(args, INGEST_STAGES)


def _export_opts(p: argparse.ArgumentParser) -> None:
    _db(p)
    p.add_argument("--what", default="articles",
                   help="articles | events | actors | stories | timeline | graph")
    p.add_argument("--format", default="jsonl", help="jsonl | csv | parquet | graphml")
    p.add_argument("--out", help="output file (default stdout)")


@command("export", configure=_export_opts, help="write stored records as jsonl, csv or parquet")
def cmd_export(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    try:
        binary = args.format in ("parquet",)
        if args.out:
            with open(args.out, "wb" if binary else "w", encoding=None if binary else "utf-8",
                      newline=None if binary else "") as fh:
                n = export(store, args.what, args.format, fh)
        else:
            n = export(store, args.what, args.format,
                       sys.stdout.buffer if binary else sys.stdout)
        print(f"{n} {args.what} exported", file=sys.stderr)
        return 0
    finally:
        store.close()


def _show_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", nargs="?", help="article id (omit to list)")
    _db(p)
    p.add_argument("--full", action="store_true", help="include the body text")
    p.add_argument("--limit", type=int, default=50)


@command("show", configure=_show_opts,
         help="print one stored article record (or list stored articles)")
def cmd_show(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    try:
        if not args.id:
            for row in store.list_articles(limit=args.limit):
                print(f"{row['id']}  {row['published'] or '----------'}  "
                      f"{(row['outlet'] or '')[:24]:24}  {row['title'] or ''}")
            return 0
        article = store.get(args.id)
        if article is None:
            print(f"no article {args.id!r} in {args.db}; run `newsgraph show` to list ids",
                  file=sys.stderr)
            return 1
        record = article_record(article)
        if not args.full:
            record.pop("body")
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return 0
    finally:
        store.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph", description="Evidence-backed models of world politics from news text.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    for name, (fn, configure, help_) in COMMANDS.items():
        p = sub.add_parser(name, help=help_, description=help_)
        configure(p)
        p.set_defaults(func=fn)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _load_extra_commands()
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except NewsgraphError as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsgraph: interrupted; the store is consistent, rerun to continue",
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `newsgraph export ... | head`: the reader went away; stop quietly, as cat does.
        # Point stdout at devnull so the interpreter's final flush cannot raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _load_extra_commands() -> None:
    """Commands defined next to the code they drive (serve, report, spark, load)."""
    import importlib

    for module in EXTRA_COMMAND_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


# Each module registers its commands with @command when imported.
EXTRA_COMMAND_MODULES = (
    "newsgraph.cli.web_commands",
    "newsgraph.cli.compare_commands",
    "newsgraph.cli.batch_commands",
)

if __name__ == "__main__":
    raise SystemExit(main())
