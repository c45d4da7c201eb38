"""`newsgraph report`: write the HTML dossier of everything in a store."""

from __future__ import annotations

import argparse
import sys

from ..store import open_store
from .main import _db, command


def _report_opts(p: argparse.ArgumentParser) -> None:
    _db(p)
    p.add_argument("--out", default="dossier.html", metavar="FILE.html",
                   help="where to write the dossier (default ./dossier.html)")


@command("report", configure=_report_opts,
         help="write a self-contained HTML dossier (timeline, actor graph, incidents, sources)")
def cmd_report(args: argparse.Namespace) -> int:
    from ..compare.dossier import write_dossier

    store = open_store(args.db)
    try:
        if store.count("articles") == 0:
            print(f"newsgraph: {args.db} holds no articles; run `newsgraph analyze PATH --db "
                  f"{args.db}` first", file=sys.stderr)
            return 1
        path = write_dossier(store, args.out)
        print(f"report written to {path}", file=sys.stderr)
        return 0
    finally:
        store.close()
