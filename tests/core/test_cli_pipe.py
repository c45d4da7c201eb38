"""`newsgraph export … | head`: a reader that goes away must not produce a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}

TEXT = ("Belarus and Lithuania agree on rail freight\n\n"
        "Officials from Belarus and Lithuania agreed in Vilnius on Tuesday to extend a rail"
        " freight contract for another year, the transport ministry said.\n")


def run_cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from newsgraph.cli.main import main; raise SystemExit(main())",
            *args]


def test_export_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"a{i}.txt").write_text(TEXT.replace("another year", f"{i + 2} years"))
    subprocess.run(run_cli("ingest", str(folder), "--db", str(db)), check=True,
                   capture_output=True, env=ENV)
    proc = subprocess.Popen(run_cli("export", "--db", str(db), "--what", "articles"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `head -1`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert first.startswith(b"{")
    assert "Traceback" not in err and "BrokenPipe" not in err, err
