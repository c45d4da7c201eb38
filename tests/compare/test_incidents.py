from __future__ import annotations

from newsgraph.compare.duplicates import CopyLinks
from newsgraph.compare.features import from_article
from newsgraph.compare.incidents import interval, merge_incidents

NO_COPIES = CopyLinks(original={}, pairs=[])


def _merge(articles, links=NO_COPIES):
    return merge_incidents([from_article(a) for a in articles], links)


def test_interval_of_every_precision() -> None:
    assert interval("2020") == (interval("2020-01-01")[0], interval("2020-12-31")[1])
    assert interval("2020-02")[1] - interval("2020-02")[0] == 28  # leap year: 29 days
    assert interval("2020-W05")[1] - interval("2020-W05")[0] == 6
    assert interval("not a date") is None and interval(None) is None


def test_same_happening_from_two_outlets_merges(make) -> None:
    a = make("a", "Russia cut oil", events=[("SANCTION", "RUS", "BLR", "2020-01-01")])
    b = make("b", "Oil cut again", events=[("SANCTION", "RUS", "BLR", "2020-01")])
    [inc] = _merge([a, b])
    assert inc["articles"] == ["a", "b"] and inc["n_sources"] == 2
    assert inc["date"] == "2020-01-01" and inc["conflicts"] == []  # month contains the day


def test_different_dyad_type_or_distant_date_stay_apart(make) -> None:
    a = make("a", "x", events=[("SANCTION", "RUS", "BLR", "2020-01-01"),
                               ("SANCTION", "BLR", "RUS", "2020-01-01"),
                               ("ACCUSE", "RUS", "BLR", "2020-01-01"),
                               ("SANCTION", "RUS", "BLR", "2020-03-15")])
    assert len(_merge([a])) == 4


def test_dates_a_day_apart_merge_and_are_flagged(make) -> None:
    a = make("a", "x", events=[("SANCTION", "RUS", "BLR", "2020-01-01")])
    b = make("b", "y", events=[("SANCTION", "RUS", "BLR", "2020-01-02")])
    [inc] = _merge([a, b])
    assert [c["field"] for c in inc["conflicts"]] == ["date"]
    assert inc["conflicts"][0]["values"] == {"2020-01-01": ["a"], "2020-01-02": ["b"]}


def test_denial_is_kept_and_flagged_not_averaged(make) -> None:
    a = make("a", "x", events=[("SANCTION", "RUS", "BLR", "2020-01-01")])
    b = make("b", "y", events=[("SANCTION", "RUS", "BLR", "2020-01", "negated")])
    c = make("c", "z", events=[("SANCTION", "RUS", "BLR", "2020-01-01")])
    [inc] = _merge([a, b, c])
    assert inc["status"] == "asserted"  # two sources against one
    assert inc["conflicts"] == [{"field": "status",
                                 "values": {"asserted": ["a", "c"], "negated": ["b"]}}]


def test_copies_count_once_and_never_conflict_with_their_original(make) -> None:
    a = make("a", "x", events=[("SANCTION", "RUS", "BLR", "2020-01-01")])
    b = make("b", "x", events=[("SANCTION", "RUS", "BLR", "2020-01-01", "negated")])
    links = CopyLinks(original={"a": "a", "b": "a"}, pairs=[("a", "b", 1.0)])
    [inc] = _merge([a, b], links)
    assert inc["articles"] == ["a", "b"] and inc["n_sources"] == 1 and inc["conflicts"] == []
    assert [ev["copy"] for ev in inc["evidence"]] == [False, True]


def test_timeline_is_in_date_order_and_undated_events_use_publication(make) -> None:
    late = make("a", "x", events=[("AID", "USA", "BLR", "2020-02-01")], published="2020-02-02")
    undated = make("b", "y", events=[("CONSULT", "USA", "BLR", None)], published="2020-01-20")
    early = make("c", "z", events=[("ACCUSE", "BLR", "RUS", "2019-05")], published="2019-05-05")
    records = _merge([early, undated, late])
    assert [r["type"] for r in records] == ["ACCUSE", "CONSULT", "AID"]
    assert records[1]["date"] == "2020-01-20" and records[1]["date_source"] == "publication"


def test_different_places_do_not_merge(make, ) -> None:
    a = make("a", "x", events=[("PROTEST", "OPP", "BLR", "2020-08-10")])
    b = make("b", "y", events=[("PROTEST", "OPP", "BLR", "2020-08-10")])
    fa, fb = from_article(a), from_article(b)
    fa.events[0]["location"], fb.events[0]["location"] = "Minsk", "Grodno"
    assert len(merge_incidents([fa, fb], NO_COPIES)) == 2
