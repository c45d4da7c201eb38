"""kill -9 in the middle of `newsgraph ingest` leaves a consistent store; the rerun finishes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

N = 300
CLI = "import sys; from newsgraph.cli.main import main; sys.exit(main())"


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the table is not created yet
        return 0


def test_kill_9_then_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(N):
        (folder / f"{i:04d}.txt").write_text(
            f"Talks number {i} on oil supplies\n\nBy Test Writer\n\nRussia and Belarus met for"
            f" round {i} of their talks on oil prices in Minsk. Officials said the sides would"
            f" meet again after {i % 7 + 1} weeks to discuss deliveries of {i * 10} tonnes.\n")
    db = tmp_path / "store.db"
    cmd = [sys.executable, "-c", CLI, "ingest", str(folder), "--db", str(db)]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be interrupted: raise N"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _count(db)
    assert 0 < killed_at < N

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    summary = rerun.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"{N - killed_at} stored, {killed_at} unchanged, 0 failed"), summary
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == N
        assert conn.execute("SELECT count(DISTINCT source_uri) FROM articles").fetchone()[0] == N
    finally:
        conn.close()
