"""spark-submit entry point: `spark-submit newsgraph/batch/submit.py INPUT… --output DIR`."""

from __future__ import annotations

import sys

from newsgraph.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main(["spark", "analyze", *sys.argv[1:]]))
