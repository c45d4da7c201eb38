"""Spark local[2] gives exactly the single-machine results on the same inputs (text, JSONL
and WARC, a republished copy among them): the article records of phase 1, and after
`load` every export, the copies and the claims of phase 2."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.api import analyze
from newsgraph.export import article_record

pytestmark = [pytest.mark.spark, pytest.mark.slow]

SOCHI = ("Russian president Vladimir Putin met Alexander Lukashenko in Sochi on Friday. "
         "They failed to agree on oil prices. Russia cut oil deliveries to Belarus in "
         "December after talks on a union state stalled, and Minsk accused Moscow of "
         "blackmail. Belarus said it would buy oil from Norway and the United States instead.")
ARTICLES = {
    "a.txt": SOCHI,
    "b.txt": "US secretary of state Mike Pompeo visited Minsk on Saturday and promised oil.",
    # a republished copy: another site's banner above the same text
    "c.txt": "MIRROR NEWS | republished from Baltic Wire\n\n" + SOCHI,
}


PAGE = (b"<html><head><title>Drills near the border</title></head><body><article>"
        b"<h1>Drills near the border</h1><p>Poland and Lithuania began joint military drills "
        b"near the Belarusian border on Monday, the defence ministry in Warsaw said.</p>"
        b"<p>Minsk called the exercise a provocation and summoned the Polish envoy.</p>"
        b"</article></body></html>")


def _warc(url: str, body: bytes) -> bytes:
    """A gzipped WARC with one HTML response record (as a crawler writes it)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                  http_headers=headers))
    return out.getvalue()


def _have_spark() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return shutil.which("java") is not None


@pytest.mark.skipif(not _have_spark(), reason="needs pyspark and Java 17")
def test_spark_local_equals_single_machine(tmp_path: Path) -> None:
    from newsgraph.batch import load
    from newsgraph.batch.spark import read_rows, spark_analyze
    from newsgraph.store import open_store

    src = tmp_path / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    (src / "c.jsonl").write_text(json.dumps({"id": "j1", "text": "NATO held drills in Poland.",
                                             "published": "2020-02-01"}) + "\nnot json\n")

    (src / "d.warc.gz").write_bytes(_warc("https://example.org/drills", PAGE))

    counts = spark_analyze([str(src)], str(tmp_path / "out"), master="local[2]", partitions=2)
    assert counts == {"articles": 5, "failed": 1}
    rows = [r for r in read_rows(str(tmp_path / "out")) if not r["error"]]

    # phase 1: every article record is the one the single machine makes
    single = open_store(str(tmp_path / "single.db"))
    local = {a.id: article_record(a) for a in analyze(sorted(str(p) for p in src.iterdir()))}
    from newsgraph.batch.spark import article_of

    spark = {r["id"]: article_record(article_of(r)) for r in rows}
    assert spark == local

    # phase 2: loading runs the cross-article work; it must equal the single-machine store's
    analyze(sorted(str(p) for p in src.iterdir()), store=single)
    store = open_store(str(tmp_path / "loaded.db"))
    summary = load(str(tmp_path / "out"), store)
    assert len(summary.stored) == 5 and len(summary.failed) == 1
    assert load(str(tmp_path / "out"), store).unchanged  # loading twice is a no-op
    try:
        assert _everything(store) == _everything(single)
        assert any(r["copies"] for r in _everything(store)["articles"])  # the copy is linked
        if os.environ.get("NEWSGRAPH_TEST_PG"):  # and the same when loaded into PostgreSQL
            with _pg_schema(os.environ["NEWSGRAPH_TEST_PG"]) as url:
                pg = open_store(url)
                try:
                    assert len(load(str(tmp_path / "out"), pg).stored) == 5
                    assert _everything(pg) == _everything(single)
                finally:
                    pg.close()
    finally:
        store.close()
        single.close()


@contextlib.contextmanager
def _pg_schema(base: str) -> Iterator[str]:
    import uuid

    import psycopg

    schema = "s" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as c:
            c.execute(f"DROP SCHEMA {schema} CASCADE")


def _everything(store) -> dict[str, object]:
    """What a user reads back: every export, the copies and the claims."""
    import io

    from newsgraph import compare
    from newsgraph.export import export

    out: dict[str, object] = {}
    for what in ("articles", "events", "actors", "stories", "timeline", "graph"):
        buf = io.StringIO()
        export(store, what, "jsonl", buf)
        rows = [json.loads(line) for line in buf.getvalue().splitlines()]
        for row in rows:  # where a file was read from is not part of the result
            row.pop("source", None)
        out[what] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    out["claims"] = compare.claims(store)
    out["copies"] = {a["id"]: compare.copies(store, a["id"]) for a in out["articles"]}
    return out
