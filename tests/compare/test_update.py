"""The cross-article tables in a real store: update, reads, exports, copies in records."""

from __future__ import annotations

import dataclasses
import io
import json

import newsgraph.compare as compare
from newsgraph.export import export


def _stored(store, articles):
    for a in articles:
        store.save(a)
    return compare.update(store, [a.id for a in articles])


def test_update_links_copies_into_article_records(fresh_store, multi) -> None:
    counts = _stored(fresh_store, multi)
    assert counts["copies"] == 1 and counts["articles"] == len(multi)
    out = io.StringIO()
    export(fresh_store, "articles", "jsonl", out)
    records = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert records["multi-a"]["copies"] == ["multi-b"]
    assert records["multi-b"]["copies"] == ["multi-a"]
    assert records["multi-b"]["original_outlet"] == "Baltic Wire"
    assert records["multi-a"]["original_outlet"] is None
    assert compare.copies(fresh_store, "multi-b") == {"original": "multi-a",
                                                      "copies": ["multi-a"]}


def test_update_is_repeatable_and_order_independent(fresh_store, multi) -> None:
    _stored(fresh_store, list(reversed(multi)))
    first = (compare.stories(fresh_store), compare.timeline(fresh_store))
    compare.update(fresh_store, [])
    assert (compare.stories(fresh_store), compare.timeline(fresh_store)) == first


def test_read_functions_return_plain_dicts(fresh_store, multi) -> None:
    _stored(fresh_store, multi)
    stories = compare.stories(fresh_store)
    one = compare.story(fresh_store, stories[0]["id"])
    assert one is not None and one["incidents"] and one["article_summaries"]
    assert compare.story(fresh_store, "story:nope") is None
    belarus = compare.timeline(fresh_store, actor="Q184")
    assert belarus and all("Q184" in (i["source_actor"], i["target_actor"]) for i in belarus)
    assert compare.timeline(fresh_store, since="2020-02", until="2020-02")[0]["type"] == "CONSULT"
    inc = compare.incident(fresh_store, belarus[0]["id"])
    assert inc is not None and inc["claims"]
    g = compare.graph(fresh_store, since="2020-02-01")
    assert {e["period"] for e in g["edges"]} == {"2020-02"}
    json.dumps([stories, one, belarus, inc, g])  # all plain JSON


def test_exports_of_stories_timeline_graph(fresh_store, multi) -> None:
    _stored(fresh_store, multi)
    for what, keys in (("stories", {"id", "title", "articles", "actors", "first_date",
                                    "last_date"}),
                       ("timeline", {"date", "type", "source_actor", "target_actor", "status",
                                     "articles", "evidence", "conflicts"}),
                       ("graph", {"kind", "id", "source", "target", "period", "weight"})):
        out = io.StringIO()
        n = export(fresh_store, what, "jsonl", out)
        rows = [json.loads(line) for line in out.getvalue().splitlines()]
        assert n == len(rows) > 0 and all(keys <= set(r) for r in rows), what
        out = io.StringIO()
        assert export(fresh_store, what, "csv", out) == n
    out = io.StringIO()
    assert export(fresh_store, "graph", "graphml", out) > 0 and "<graphml" in out.getvalue()


def test_reanalysed_article_replaces_its_features(fresh_store, multi) -> None:
    _stored(fresh_store, multi)
    changed = dataclasses.replace(multi[5], events=())  # the fisheries article loses its event
    fresh_store.save(changed)
    compare.update(fresh_store, [changed.id])
    assert not any(i["type"] == "AGREE" for i in compare.timeline(fresh_store))


def test_runner_updates_links_after_a_run(fresh_store) -> None:
    from newsgraph.api import Runner, read_inputs
    from newsgraph.pipeline import INGEST_STAGES

    text = ("Russia stopped most crude oil deliveries to Belarus at the start of the year after "
            "the two governments failed to agree on a price, officials in Minsk said on Friday. "
            "Refineries in Mozyr and Novopolotsk were told to expect only a trickle of supplies.")
    runner = Runner(store=fresh_store, stages=INGEST_STAGES)
    runner.run(read_inputs([text, "BANNER OF A MIRROR SITE\n\n" + text + "\n\nShare this."]))
    ids = [r["id"] for r in fresh_store.list_articles()]
    assert len(ids) == 2
    assert fresh_store.get(ids[0]).copies == (ids[1],)


def _store_without(tmp_path, table: str):
    """A read-only store whose file lacks ``table`` (a store from before migration 2)."""
    import sqlite3

    from newsgraph.store import SQLiteStore

    path = tmp_path / "old.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()
    return SQLiteStore(path, readonly=True)


def test_reading_a_store_without_the_tables_says_what_to_do(tmp_path) -> None:
    import pytest

    from newsgraph.errors import StoreError

    store = _store_without(tmp_path, "stories")
    with pytest.raises(StoreError, match="migration 2"):
        compare.stories(store)
    store.close()


def test_features_of_a_store_without_the_table_is_a_clear_error(tmp_path) -> None:
    import pytest

    from newsgraph.compare import storage
    from newsgraph.errors import StoreError

    store = _store_without(tmp_path, "compare_features")
    with pytest.raises(StoreError, match="migration 2"):
        storage.load_features(store)
    store.close()
