"""The store test-suite, run against every backend: SQLite always, PostgreSQL when
``NEWSGRAPH_TEST_PG`` names a server (CI starts one)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.models import Actor, Article, Event, Evidence, Mention, Quote, SourceRef, StageRun
from newsgraph.store import EventFilter, open_store
from newsgraph.store.sql import SQLStore

PG = os.environ.get("NEWSGRAPH_TEST_PG")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SQLStore]:
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "s.db"))
    else:
        if not PG:
            pytest.skip("set NEWSGRAPH_TEST_PG=postgresql://… to run the PostgreSQL store tests")
        import psycopg

        schema = "t" + uuid.uuid4().hex[:10]
        with psycopg.connect(PG, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in PG else "?"
        s = open_store(f"{PG}{sep}options=-csearch_path%3D{schema}")
    yield s  # type: ignore[misc]
    s.close()
    if request.param == "postgresql":
        with psycopg.connect(PG, autocommit=True) as c:
            c.execute(f"DROP SCHEMA {schema} CASCADE")


def make(aid: str, body: str, *, published: str = "2020-02-12", outlet: str = "Example") -> Article:
    return Article(
        id=aid, source=SourceRef(uri=f"{aid}.txt", format="text"), raw=body, body=body,
        title=f"Title {aid}", published=published, outlet=outlet,
        actors=(Actor(id="Q159", name="Russia", type="state", country="RUS"),
                Actor(id="Q184", name="Belarus", type="state", country="BLR")),
        mentions=(Mention(start=0, end=6, text="Russia", actor_id="Q159"),),
        events=(Event(type="SANCTION", source_actor="Q159", target_actor="Q184",
                      date="2019-12", evidence=(Evidence(start=0, end=len(body), text=body),)),),
        quotes=(Quote(start=0, end=5, text="Russi", speaker_actor="Q159"),),
        stages=(StageRun(name="clean", version="1"),),
    )


def test_save_get_round_trip(store: SQLStore) -> None:
    a = make("a1", "Russia cut oil deliveries to Belarus in December.")
    store.save(a)
    assert store.get("a1") == a
    assert store.stored_versions("a1") == "clean@1"
    assert store.get("missing") is None


def test_save_replaces_children(store: SQLStore) -> None:
    a = make("a1", "Russia cut oil deliveries to Belarus in December.")
    store.save(a)
    store.save(a)
    assert store.count("articles") == 1
    assert store.count("events") == 1
    assert store.count("mentions") == 1


def test_event_filters(store: SQLStore) -> None:
    store.save(make("a1", "Russia cut oil deliveries to Belarus.", outlet="A"))
    store.save(make("a2", "Russia sanctioned Belarus again.", outlet="B"))
    assert len(store.events(EventFilter(actor="Q184"))) == 2
    assert len(store.events(EventFilter(outlet="B"))) == 1
    assert store.events(EventFilter(type="ASSAULT")) == []
    assert len(store.events(EventFilter(since="2019-12", until="2019-12"))) == 2
    assert store.events(EventFilter(until="2019-11")) == []


def test_search_ranks_and_marks(store: SQLStore) -> None:
    store.save(make("a1", "The Druzhba pipeline carried contaminated oil to Poland."))
    store.save(make("a2", "Putin and Lukashenko met in Sochi."))
    hits = store.search("Druzhba")
    assert [h["id"] for h in hits] == ["a1"]
    assert "\x02" in hits[0]["snippet"]
    assert store.search('" OR 1=1 --') == []  # operators in user input are inert


def test_actors_and_counts(store: SQLStore) -> None:
    store.save(make("a1", "Russia cut oil deliveries to Belarus."))
    rows = store.actors()
    assert {r["id"] for r in rows} == {"Q159", "Q184"}
    assert store.actor("Q184")["name"] == "Belarus"  # type: ignore[index]
    assert store.actors(q="bela")[0]["id"] == "Q184"


def test_failed_write_leaves_nothing_half_written(store: SQLStore) -> None:
    store.save(make("a1", "Russia cut oil deliveries to Belarus."))
    with pytest.raises(RuntimeError), store.transaction():
        store.execute("DELETE FROM events WHERE article_id = ?", ("a1",))
        raise RuntimeError("crash mid-write")
    assert store.count("events") == 1


def test_iter_articles_pages(store: SQLStore) -> None:
    for i in range(7):
        store.save(make(f"a{i}", f"Text number {i}.", published=f"2020-01-0{i + 1}"))
    ids = [a.id for a in store.iter_articles(batch=3)]  # type: ignore[call-arg]
    assert ids == [f"a{i}" for i in range(7)]


def test_migrations_recorded(store: SQLStore) -> None:
    from newsgraph.store.migrations import MIGRATIONS

    assert store.schema_version == max(m[0] for m in MIGRATIONS)


def test_cross_article_tables_answer_alike(store: SQLStore, tmp_path: Path) -> None:
    """copies, stories, incidents, graph and the dossier over this backend equal SQLite's."""
    import importlib.util

    from newsgraph import compare
    from newsgraph.compare.dossier import render

    spec = importlib.util.spec_from_file_location(
        "multi_fixture_load", ROOT / "benchmarks" / "fixtures" / "multi" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    articles = module.load()
    reference = open_store(str(tmp_path / "reference.db"))
    try:
        for s in (store, reference):
            for a in articles:
                s.save(a)
            compare.update(s, [a.id for a in articles])

        def answers(s: SQLStore) -> list[object]:
            return [compare.stories(s), compare.timeline(s), compare.graph(s), compare.claims(s),
                    compare.quantity_claims_of(s), [s.get(a.id) for a in articles]]

        assert answers(store) == answers(reference)
        assert "Belarus" in render(store)
    finally:
        reference.close()
