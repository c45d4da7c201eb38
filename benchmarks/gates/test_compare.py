"""Quality gates for the cross-article work on our own multi-article fixtures
(benchmarks/fixtures/multi): copies linked and not double-counted, stories, merged timeline.
Floors only go down on purpose."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from pairwise import pair_scores

import newsgraph.compare as compare
from newsgraph.store import SQLiteStore

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "multi"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
STORY_PAIR_F1 = 0.9
INCIDENT_PAIR_F1 = 0.9


def _load():
    spec = importlib.util.spec_from_file_location("multi_fixture_load", HERE / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = SQLiteStore(tmp_path_factory.mktemp("gate") / "multi.db")
    articles = _load()
    for a in articles:
        s.save(a)
    compare.update(s, [a.id for a in articles])
    yield s
    s.close()


def test_copies_linked_both_ways_with_their_original(store) -> None:
    for a, b in GOLD["copies"]:
        assert store.get(a).copies == (b,) and store.get(b).copies == (a,)
    for copy, original in GOLD["originals"].items():
        assert compare.copies(store, copy)["original"] == original
        assert store.get(copy).original_outlet == store.get(original).outlet
    linked = {frozenset((r["id"], c)) for r in store.list_articles() for c in
              store.get(r["id"]).copies}
    assert linked == {frozenset(p) for p in GOLD["copies"]}  # no false copies


def test_copies_are_not_double_counted(store) -> None:
    gold = GOLD["oil_cut"]
    oil = next(i for i in compare.timeline(store) if len(i["articles"]) == gold["articles"])
    assert oil["n_sources"] == gold["sources"]
    assert sorted(c["field"] for c in oil["conflicts"]) == gold["conflicts"]
    for inc in compare.timeline(store):
        for a, b in GOLD["copies"]:
            assert not {a, b} <= set(inc["sources"])


def test_stories_pairwise_f1(store) -> None:
    got = [s["articles"] for s in compare.stories(store)]
    f1 = pair_scores(GOLD["stories"], got)["f1"]
    print(f"story pairwise F1 {f1:.3f}")
    assert f1 >= STORY_PAIR_F1


def test_timeline_dated_ordered_and_merged(store) -> None:
    timeline = compare.timeline(store)
    assert all(i["date"] for i in timeline)
    keys = [i["date"] for i in timeline]
    assert keys == sorted(keys)
    got = [[f"{ev['article_id']}#{ev['event_idx']}" for ev in i["evidence"]] for i in timeline]
    f1 = pair_scores(GOLD["incidents"], got)["f1"]
    print(f"incident pairwise F1 {f1:.3f}")
    assert f1 >= INCIDENT_PAIR_F1
    assert len(timeline) == len(GOLD["incidents"])


def test_disputed_figure_is_flagged(store) -> None:
    gold = GOLD["disputed_figure"]
    found = [q for q in compare.quantity_claims_of(store)
             if q["subject"] == gold["subject"] and q["unit"] == gold["unit"]]
    assert found and not found[0]["agree"] and len(found[0]["values"]) == 2
