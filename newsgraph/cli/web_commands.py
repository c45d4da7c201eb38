"""`newsgraph serve`: the web UI and REST API over one store (see docs/web.md)."""

from __future__ import annotations

import argparse
import os
import sys

from .main import command


def _serve_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("NEWSGRAPH_DB", "newsgraph.db"),
                   help="SQLite file or postgresql:// URL (default ./newsgraph.db)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")


@command("serve", configure=_serve_opts,
         help="web UI and REST API; writes need the token in NEWSGRAPH_TOKEN")
def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..web import Settings, create_app

    settings = Settings.from_env(db=args.db)
    app = create_app(settings)
    writes = "on (token set)" if settings.token else "off (set NEWSGRAPH_TOKEN to enable)"
    print(f"newsgraph: serving {args.db} on http://{args.host}:{args.port}/ — writes {writes}",
          file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print("newsgraph: warning: listening beyond this machine; put TLS in front of it",
              file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", server_header=False)
    return 0
