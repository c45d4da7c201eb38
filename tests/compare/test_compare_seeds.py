"""The two seeds plus a clean copy of the second as its original outlet publishes it (built
here from the seed text: site banner, byline and trailing attribution removed, page breaks
rejoined, title re-cased). The copy is linked, not double-counted; the seeds share a story;
the timeline is dated, ordered and merges the copies' events; the report is self-contained."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from compare_browser import open_in_chromium

import newsgraph
import newsgraph.compare as compare
from newsgraph.compare.dossier import write_dossier
from newsgraph.store import SQLiteStore

pytestmark = pytest.mark.slow
REPUBLISHED = "003_"  # the seed taken from a republishing site's PDF


def clean_copy(text: str) -> tuple[str, str]:
    """(title, text) of the article as its original outlet would show it."""
    lines = text.splitlines()
    byline = next(i for i, line in enumerate(lines) if line.startswith("By "))
    rest = lines[byline + 1:]
    first = next(i for i, line in enumerate(rest) if line.strip())
    title = " ".join(w[:1].upper() + w[1:] for w in rest[first].split())
    body = rest[first + 1:]
    while body and (not body[-1].strip() or body[-1].startswith("World Socialist")):
        body.pop()
    joined = re.sub(r"(?<=[a-z,])\n\s*\n(?=[a-z])", " ", "\n".join(body))
    return title, title + "\n\n" + joined.strip() + "\n\n" + FOOTER + "\n"


# The original outlet's own page furniture (our words), in place of the republisher's.
FOOTER = ("Share this article. Follow our coverage of Eastern Europe and subscribe to the "
          "daily newsletter. Copyright 2020, all rights reserved.")


@pytest.fixture(scope="module")
def run(shared: Path, tmp_path_factory):
    seeds = sorted((shared / "seeds").glob("*.txt"))
    republished = next(p for p in seeds if p.name.startswith(REPUBLISHED))
    title, text = clean_copy(republished.read_text(encoding="utf-8"))
    tmp = tmp_path_factory.mktemp("seeds")
    clean = tmp / "original.jsonl"
    clean.write_text(json.dumps({"id": "clean-original", "text": text, "title": title,
                                 "published": "2020-02-11", "outlet": "World Socialist Web Site",
                                 "authors": ["Clara Weiss"]}) + "\n", encoding="utf-8")
    store = SQLiteStore(tmp / "seeds.db")
    articles = newsgraph.analyze([*seeds, clean], store=store)
    by_name = {}
    for a in articles:
        key = "clean" if a.source.id == "clean-original" else Path(a.source.uri).name[:4]
        by_name[key] = a
    yield store, by_name
    store.close()


def test_clean_copy_is_linked_both_ways_as_the_original(run) -> None:
    store, by = run
    seed, clean, other = by[REPUBLISHED], by["clean"], by["000_"]
    assert store.get(seed.id).copies == (clean.id,)
    assert store.get(clean.id).copies == (seed.id,)
    assert store.get(other.id).copies == ()
    assert compare.copies(store, seed.id)["original"] == clean.id
    assert "world socialist" in (store.get(seed.id).original_outlet or "").casefold()


def test_copies_are_not_double_counted(run) -> None:
    store, by = run
    seed, clean = by[REPUBLISHED].id, by["clean"].id
    for inc in compare.timeline(store):
        assert not {seed, clean} <= set(inc["sources"])
        assert inc["n_sources"] == len(inc["sources"])


def test_seeds_share_a_story(run) -> None:
    store, by = run
    story_of = {a: s["id"] for s in compare.stories(store) for a in s["articles"]}
    assert story_of[by["000_"].id] == story_of[by[REPUBLISHED].id] == story_of[by["clean"].id]
    shared = next(s for s in compare.stories(store) if s["id"] == story_of[by["000_"].id])
    assert shared["n_sources"] == len(shared["articles"]) - 1  # the copy counts once


def test_copy_adds_no_weight_claim_or_incident(run, tmp_path) -> None:
    """The same store without the republished copy gives the same graph weights, the same
    incidents (as independent sources) and the same claims: the copy confirms nothing."""
    store, by = run
    without = SQLiteStore(tmp_path / "without.db")
    try:
        for article in store.iter_articles():
            if article.id != by[REPUBLISHED].id:
                without.save(article)
        compare.update(without)

        def edges(s):
            return sorted(((e["source"], e["target"], e["period"], e["weight"],
                           len(e["incidents"])) for e in compare.graph(s)["edges"]),
                          key=repr)

        def incidents(s):
            return sorted(((i["type"], i["source_actor"], i["target_actor"], i["date"],
                           i["status"], i["n_sources"]) for i in compare.timeline(s)),
                          key=repr)

        def claims(s):
            return sorted(((c["type"], c["date"], len(c["sources"])) for c in compare.claims(s)),
                          key=repr)

        assert edges(store) == edges(without)
        assert incidents(store) == incidents(without)
        assert claims(store) == claims(without)
        seed, clean = by[REPUBLISHED].id, by["clean"].id
        for c in compare.claims(store):
            assert not {seed, clean} <= {s["source"] for s in c["sources"]}
    finally:
        without.close()


def test_timeline_is_dated_ordered_and_merges_the_copies_events(run) -> None:
    store, by = run
    timeline = compare.timeline(store)
    if not timeline:
        pytest.skip("the events stage found no events in the seeds yet")
    assert all(i["date"] for i in timeline)
    keys = [i["sort_key"] for i in timeline]
    assert keys == sorted(keys)
    seed, clean = by[REPUBLISHED].id, by["clean"].id
    from_seed = [i for i in timeline if seed in i["articles"]]
    assert from_seed, "the republished seed's events are on the timeline"
    merged = [i for i in from_seed if clean in i["articles"]]
    assert len(merged) >= 0.9 * len(from_seed)  # the same text yields the same incidents


def test_report_is_self_contained(run, tmp_path) -> None:
    store, _ = run
    html = write_dossier(store, tmp_path / "seeds.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, re.I)
    assert html.count("<script>") == 2 and "default-src 'none'" in html


@pytest.mark.browser
def test_seed_report_opens_offline_in_chromium(run, tmp_path) -> None:
    store, _ = run
    path = write_dossier(store, tmp_path / "seeds.html")
    assert open_in_chromium(path, "dossier-seeds.png") == {"errors": [], "requests": []}
