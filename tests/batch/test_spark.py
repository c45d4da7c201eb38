"""Spark local[2] gives exactly the single-machine results on the same inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsgraph.api import analyze
from newsgraph.export import article_record

pytestmark = [pytest.mark.spark, pytest.mark.slow]

ARTICLES = {
    "a.txt": "Russian president Vladimir Putin met Alexander Lukashenko in Sochi on Friday. "
             "They failed to agree on oil prices.",
    "b.txt": "US secretary of state Mike Pompeo visited Minsk on Saturday and promised oil.",
}


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

    counts = spark_analyze([str(src)], str(tmp_path / "out"), master="local[2]", partitions=2)
    assert counts == {"articles": 3, "failed": 1}
    rows = [r for r in read_rows(str(tmp_path / "out")) if not r["error"]]

    local = {a.id: article_record(a) for a in analyze(sorted(str(p) for p in src.iterdir()))}
    from newsgraph.batch.spark import article_of

    spark = {r["id"]: article_record(article_of(r)) for r in rows}
    assert spark == local

    store = open_store(str(tmp_path / "loaded.db"))
    summary = load(str(tmp_path / "out"), store)
    assert len(summary.stored) == 3 and len(summary.failed) == 1
    assert load(str(tmp_path / "out"), store).unchanged  # loading twice is a no-op
    store.close()
