"""Bad input end to end through `newsgraph ingest`: one clear line per problem naming the
file (and line or record) and what to do; the batch goes on; nothing half-written; exit 1;
Russian code pages and mojibake read correctly; a rerun changes nothing."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.cli.main import main

GOOD = ("Russia and Belarus resumed talks on oil prices in Minsk on Monday. Officials said the"
        " sides would meet again next week to discuss deliveries and the price formula.")
RU = ("Россия и Беларусь возобновили в понедельник переговоры о цене на нефть. Стороны"
      " договорились встретиться снова на следующей неделе, чтобы обсудить поставки.")


def ru_page(charset: str) -> bytes:
    page = (f"<html><head><meta charset='{charset}'><title>Переговоры о нефти</title></head>"
            f"<body><article><h1>Переговоры о нефти</h1><p>{RU}</p><p>{RU}</p></article>"
            "</body></html>")
    return page.encode(charset)


@pytest.fixture()
def inputs(tmp_path: Path, pdf_maker: Callable[..., Path],
           warc_maker: Callable[..., bytes]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.bin").write_bytes(os.urandom(4096))
    with (folder / "huge.txt").open("wb") as fh:  # 200 MB, sparse: costs no disk
        fh.truncate(200 * 1024 * 1024)
    pdf = pdf_maker("full.pdf").read_bytes()
    (folder / "cut.pdf").write_bytes(pdf[: len(pdf) // 3])
    (folder / "nav.html").write_text("<html><body><nav><a href='/a'>World</a> <a href='/b'>"
                                     "Energy</a></nav><ul><li><a href='/x'>One story</a></li>"
                                     "</ul></body></html>")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "text": GOOD, "title": "Talks resume"}) + "\n{not json\n"
        + json.dumps({"id": "a3", "title": "no text"}) + "\n")
    page = f"<html><body><article><p>{GOOD}</p><p>{GOOD}</p></article></body></html>".encode()
    (folder / "crawl.warc.gz").write_bytes(warc_maker([
        ("https://news.example/a", "text/html", page),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"0" * 64)]))
    (folder / "locked.txt").write_text(GOOD)
    (folder / "ru-1251.html").write_bytes(ru_page("windows-1251"))
    (folder / "ru-koi8.txt").write_bytes(f"Переговоры о нефти\n\n{RU}\n".encode("koi8-r"))
    quoted = f"“Minsk will not give in,” the minister said — and {GOOD}"
    # UTF-8 read as Latin-1 and saved again as UTF-8: "â\x80\x9cMinsk …"
    (folder / "mojibake.txt").write_text(quoted.encode("utf-8").decode("latin-1"),
                                         encoding="utf-8")
    curly = f"The minister’s reply was “no” — {GOOD}"  # the same through Windows-1252
    (folder / "mojibake-1252.txt").write_text(
        curly.encode("utf-8").decode("cp1252", errors="ignore"), encoding="utf-8")
    return folder


EXPECTED_FAILURES = {  # where (file name and record) → words the problem or fix must contain
    "empty.txt": "empty",
    "junk.bin": "binary",
    "huge.txt": "200 MB",
    "cut.pdf": "PDF",
    "nav.html": "no article text",
    "feed.jsonl:2": "not JSON",
    "feed.jsonl:3": "no 'text'",
    "crawl.warc.gz#record4 (https://news.example/logo.png)": "image/png",
    "locked.txt": "Permission denied",
}


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(args)
    return code, capsys.readouterr().err.strip().splitlines()


def test_bad_inputs_end_to_end(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    locked = inputs / "locked.txt"
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:  # root reads any file, so a refusal is simulated
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    db = tmp_path / "store.db"
    code, lines = run_cli(["ingest", str(inputs), "--db", str(db)], capsys)
    assert code == 1
    assert lines[0] == f"6 stored, 0 unchanged, {len(EXPECTED_FAILURES)} failed", lines
    failed = [ln for ln in lines if ln.startswith("  failed: ")]
    assert len(failed) == len(EXPECTED_FAILURES) == len(lines) - 1  # one line per problem
    for where, words in EXPECTED_FAILURES.items():
        (line,) = [ln for ln in failed if ln.startswith(f"  failed: {inputs}/{where}: ")]
        assert words in line, line
        problem, _, fix = line.partition(" — ")
        assert fix.strip(), f"no advice on what to do: {line}"

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT source_uri, title, language, body FROM articles").fetchall()
    finally:
        conn.close()
    by_name = {Path(uri).name: (title, language, body) for uri, title, language, body in rows}
    assert set(by_name) == {"feed.jsonl", "crawl.warc.gz", "ru-1251.html", "ru-koi8.txt",
                            "mojibake.txt", "mojibake-1252.txt"}  # nothing from a failed input
    assert by_name["ru-1251.html"][:2] == ("Переговоры о нефти", "ru")
    assert by_name["ru-1251.html"][2].startswith(RU[:40])
    assert by_name["ru-koi8.txt"][:2] == ("Переговоры о нефти", "ru")
    assert by_name["mojibake.txt"][2].startswith("“Minsk will not give in,” the minister said —")
    assert by_name["mojibake-1252.txt"][2].startswith("The minister’s reply was “no")

    code, lines = run_cli(["ingest", str(inputs), "--db", str(db)], capsys)
    assert code == 1 and lines[0] == f"0 stored, 6 unchanged, {len(EXPECTED_FAILURES)} failed"


def test_clean_batch_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    code, lines = run_cli(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.db")],
                          capsys)
    assert code == 0 and lines == ["1 stored, 0 unchanged, 0 failed"]
