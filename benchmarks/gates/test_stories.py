"""Quality gate for stories on our own gold set (benchmarks/fixtures/stories): 38 short
articles written for newsgraph about nine real stories of 2019-2021 that share one cast
(Belarus, Russia, the US, the EU, NATO), with near misses (same actors and month, another
story). Runs the real pipeline and scores story pairwise precision / recall / F1 the way
test_compare.py does. Floors only go down on purpose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pairwise import pair_scores

import newsgraph
import newsgraph.compare as compare
from newsgraph.store import SQLiteStore

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "benchmarks" / "fixtures" / "stories"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
HELD_OUT = {i for name in GOLD["heldout"] for i in GOLD["stories"][name]}
# Measured 2026-12-04 (docs/compare.md): dev P 0.881 R 0.771 F1 0.822; all P 0.778 R 0.778
# F1 0.778; held-out (scored once, after the weights were chosen on dev) P 0.571 R 0.800
# F1 0.667. Actor overlap alone, before the topic profile: dev F1 0.494, all 0.407,
# held-out 0.244.
FLOORS = {"dev": {"precision": 0.84, "recall": 0.72, "f1": 0.78},
          "all": {"precision": 0.74, "recall": 0.73, "f1": 0.74},
          "heldout": {"precision": 0.52, "recall": 0.75, "f1": 0.62}}
NEAR_MISSES_JOINED = 1  # of the gold's near-miss pairs (same cast and month), at most this many


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """The stories the real pipeline forms, as lists of the fixture's record ids."""
    store = SQLiteStore(tmp_path_factory.mktemp("stories") / "stories.db")
    try:
        articles = newsgraph.analyze([HERE / "articles.jsonl"], store=store)
        record_id = {a.id: a.source.id for a in articles}
        return [[record_id[a] for a in s["articles"]] for s in compare.stories(store)]
    finally:
        store.close()


def _scores(got: list[list[str]], keep: set[str] | None = None) -> dict[str, float]:
    return pair_scores(list(GOLD["stories"].values()), got, keep)


def test_every_record_is_in_one_story(stories: list[list[str]]) -> None:
    ids = [i for s in stories for i in s]
    assert sorted(ids) == sorted(i for g in GOLD["stories"].values() for i in g)


@pytest.mark.parametrize("part", ["dev", "all", "heldout"])
def test_story_pairwise_scores(stories: list[list[str]], part: str) -> None:
    everything = {i for s in stories for i in s}
    keep = {"dev": everything - HELD_OUT, "all": None, "heldout": HELD_OUT}[part]
    got = [[i for i in s if i in keep] for s in stories] if part == "dev" else stories
    scores = _scores(got, keep)
    print(f"\nstories {part}: " + " ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    for metric, floor in FLOORS[part].items():
        assert scores[metric] >= floor, (metric, scores, stories)


def test_near_misses_stay_apart(stories: list[list[str]]) -> None:
    story_of = {i: n for n, s in enumerate(stories) for i in s}
    joined = [p for p in GOLD["near_misses"] if story_of[p[0]] == story_of[p[1]]]
    print(f"\nnear misses joined: {len(joined)} of {len(GOLD['near_misses'])} {joined}")
    assert len(joined) <= NEAR_MISSES_JOINED, joined


def test_examples_keep_the_oil_story_apart_from_other_news(tmp_path: Path) -> None:
    """The bundled examples with both seeds: the oil-dispute and Pompeo articles and the
    seeds form one story; the NATO exercise and the post-election sanctions are not in it."""
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/seeds is not beside the repository")
    store = SQLiteStore(tmp_path / "examples.db")
    try:
        articles = newsgraph.analyze([ROOT / "examples" / "articles", *seeds], store=store)
        title = {a.id: a.title or "" for a in articles}
        story_of = {title[a]: n for n, s in enumerate(compare.stories(store))
                    for a in s["articles"]}
    finally:
        store.close()

    def of(start: str) -> set[int]:
        found = {n for t, n in story_of.items() if t.startswith(start)}
        assert found, (start, sorted(story_of))
        return found

    oil = set().union(*map(of, ("Minsk Left Without Russian Oil", "Norwegian crude",
                                "Pompeo in Minsk", "Sochi meeting", "Trump Is Twisting",
                                "Russian-Belarusian energy talks")))
    assert len(oil) == 1, story_of
    assert not oil & (of("Defender Europe 20") | of("EU agrees sanctions")), story_of
