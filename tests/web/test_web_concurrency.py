"""Reads are never blocked by a running ingest (WAL), tested with a real writer process.

A separate process runs a real ingest (``api.Runner`` over text files, one transaction per
article) into the server's store. It pauses twice, each time waiting for this test to say
go: half-way through the ingest (its connection open, articles still coming) and inside an
open write transaction that holds SQLite's write lock. At each pause the web app must
answer reads from committed data only. Nothing is timed: a blocked read would fail with
"database is locked" (and the handshake would never finish), not merely be slow.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

N = 40

WRITER = r"""
import sys, time
from pathlib import Path
from newsgraph import api
from newsgraph.pipeline import INGEST_STAGES
from newsgraph.store import open_store

db, folder, signals, n = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])

def pause(name):
    (signals / name).write_text("waiting")
    while not (signals / (name + ".go")).exists():
        time.sleep(0.02)

done = 0
def progress(k):
    global done
    done += k
    if done == n // 2:
        pause("half")

store = open_store(db)
runner = api.Runner(store=store, stages=INGEST_STAGES[:3], workers=1)
_, summary = runner.run(api.read_inputs([folder]), progress=progress)
assert len(summary.stored) == n, summary.lines()
with store.transaction():
    store.execute("UPDATE articles SET title = 'edited'")
    pause("locked")
store.close()
"""


def _wait(path: Path, proc: subprocess.Popen[bytes]) -> None:
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the writer exited early: {proc.stderr.read().decode()}")
        time.sleep(0.02)


def _count(client: TestClient) -> int:
    r = client.get("/api/v1/status")
    assert r.status_code == 200, r.text
    return int(r.json()["articles"])


def test_reads_answer_while_another_process_ingests(client: TestClient, web_db: str,
                                                    tmp_path: Path) -> None:
    folder, signals = tmp_path / "incoming", tmp_path / "signals"
    folder.mkdir()
    signals.mkdir()
    for i in range(N):
        (folder / f"{i:03d}.txt").write_text(
            f"Delegation {i} arrives in Minsk\n\nOfficials from Minsk and Moscow met for "
            f"round {i} of the oil transit talks on Tuesday and agreed to meet again.\n",
            encoding="utf-8")
    import sqlite3

    with sqlite3.connect(web_db) as conn:  # without WAL, a commit would lock readers out
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    before = _count(client)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, web_db, str(folder), str(signals),
                             str(N)], stderr=subprocess.PIPE)
    try:
        _wait(signals / "half", proc)  # the ingest is running: half stored, half to come
        assert _count(client) == before + N // 2
        hits = client.get("/api/v1/search", params={"q": "delegation"})
        assert hits.status_code == 200 and len(hits.json()["items"]) == N // 2
        assert client.get("/api/v1/events", params={"limit": 5}).status_code == 200
        (signals / "half.go").write_text("go")

        _wait(signals / "locked", proc)  # the writer holds the write lock, uncommitted
        r = client.get("/api/v1/articles", params={"limit": 500})
        assert r.status_code == 200
        titles = {a["title"] for a in r.json()["items"]}
        assert len(r.json()["items"]) == before + N and "edited" not in titles
        assert client.get("/").status_code == 200
        (signals / "locked.go").write_text("go")
        assert proc.wait(60) == 0, proc.stderr.read().decode()  # type: ignore[union-attr]
    finally:
        if proc.poll() is None:
            proc.kill()
    r = client.get("/api/v1/articles", params={"limit": 500})
    assert {a["title"] for a in r.json()["items"]} == {"edited"}  # committed: now visible
