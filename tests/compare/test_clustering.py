from __future__ import annotations

from newsgraph.compare.clustering import cluster_stories
from newsgraph.compare.duplicates import CopyLinks
from newsgraph.compare.features import from_article


def _groups(stories):
    return sorted(sorted(s.articles) for s in stories)


def test_articles_sharing_actors_and_events_form_one_story(make) -> None:
    rb = ["RUS", "BLR", "PUTIN", "LUKA"]
    a = make("a", "oil one", actors=rb, events=[("SANCTION", "RUS", "BLR", "2020-01-01")],
             published="2020-01-03")
    b = make("b", "oil two", actors=rb[:3], events=[("REJECT", "BLR", "RUS", "2020-01")],
             published="2020-01-20")
    c = make("c", "fish", actors=["CHL", "PER"], events=[("AGREE", "CHL", "PER", None)],
             published="2020-01-10")
    assert _groups(cluster_stories([from_article(x) for x in (a, c, b)])) == [["a", "b"], ["c"]]


def test_one_shared_actor_is_not_a_story(make) -> None:
    a = make("a", "x", actors=["USA", "BLR"], published="2020-01-03")
    b = make("b", "y", actors=["USA", "MEX"], published="2020-01-04")
    assert len(cluster_stories([from_article(a), from_article(b)])) == 2


def test_a_copy_joins_its_original_story_even_without_annotations(make) -> None:
    a = make("a", "x", actors=["RUS", "BLR"], published="2020-01-03")
    b = make("b", "x", actors=[], published="2020-01-05")
    links = CopyLinks(original={"a": "a", "b": "a"}, pairs=[("a", "b", 1.0)])
    assert _groups(cluster_stories([from_article(a), from_article(b)], links)) == [["a", "b"]]


def test_story_dates_span_its_articles(make) -> None:
    a = make("a", "x", actors=["RUS", "BLR", "LUKA"], published="2019-05-05")
    b = make("b", "y", actors=["RUS", "BLR", "LUKA"], published="2020-02-12")
    [story] = cluster_stories([from_article(a), from_article(b)])
    assert (story.first_date, story.last_date) == ("2019-05-05", "2020-02-12")


OIL_1 = ("Crude oil deliveries to the refineries stopped after the supply contract expired "
         "and the talks on the price failed; the refineries cut their output.")
OIL_2 = ("The refineries received no crude oil again this week: the price of supply under a "
         "new contract is still disputed and output stays low.")
DRILL = ("Thousands of soldiers began a military exercise with tanks and artillery near the "
         "border; the drills will last two weeks and include paratroopers.")


def test_the_same_cast_with_another_topic_is_another_story(make) -> None:
    """Nearly every article names the same states: shared actors alone are not a story."""
    cast = ["RUS", "BLR", "USA", "NATO"]
    a = make("a", OIL_1, actors=cast, published="2020-01-03")
    b = make("b", OIL_2, actors=cast, published="2020-01-10")
    c = make("c", DRILL, actors=cast, published="2020-01-12")
    stories = cluster_stories([from_article(x) for x in (a, b, c)])
    assert _groups(stories) == [["a", "b"], ["c"]]


def test_another_topic_joins_when_it_continues_the_storys_events(make) -> None:
    cast = ["RUS", "BLR", "USA", "NATO"]
    a = make("a", OIL_1, actors=cast, published="2020-01-03",
             events=[("SANCTION", "RUS", "BLR", "2020-01-01")])
    c = make("c", DRILL, actors=cast, published="2020-01-12",
             events=[("THREATEN", "BLR", "RUS", "2020-01-11")])
    assert _groups(cluster_stories([from_article(a), from_article(c)])) == [["a", "c"]]
