"""The seed articles' central events (skips without ../shared): right type, dyad and date, and
none of the hypotheticals asserted. Runs the real front stages and dates; actors are the real
stage when it is implemented, else the hand-built test gazetteer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "events"))

from events_gazetteer import name_matches  # noqa: E402
from events_runner import EventRunner, front_article, real_actors  # noqa: E402

from newsgraph.models import Article, Event  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    runner = EventRunner(use_real_actors=real_actors())
    names = ("003_10536939e7d1e167.txt", "000_e37cb656358e8c66.txt")
    return {n[:3]: runner.run([front_article(SEEDS / n)])[0] for n in names}


# a state's officials stand for it in a dyad ("the Lithuanian foreign minister visited Minsk")
COUNTRY = {"Russia": "RUS", "Belarus": "BLR", "Lithuania": "LTU"}


def who(article: Article, actor_id: str | None, name: str | None) -> bool:
    if name is None:
        return True
    actor = article.actor(actor_id)
    return name_matches(actor_id, name, article) or (
        actor is not None and name in COUNTRY and actor.country == COUNTRY[name])


def find(article: Article, type_: str, source: str | None, target: str | None, *,
         date: str | None = None, status: str = "asserted") -> Event:
    def dyad(e: Event) -> bool:
        fwd = who(article, e.source_actor, source) and who(article, e.target_actor, target)
        back = type_ in SYMMETRIC and who(article, e.target_actor, source) and \
            who(article, e.source_actor, target)
        return fwd or back

    found = [e for e in article.events if e.type == type_ and e.status == status and dyad(e)
             and (date is None or (e.date or "").startswith(date))]
    assert found, (f"no {status} {type_} {source}->{target} {date}:",
                   [(e.type, e.source_actor, e.target_actor, e.status, e.date)
                    for e in article.events if e.type == type_])
    return found[0]


def test_oil_cut_offs(seeds: dict[str, Article]) -> None:
    find(seeds["003"], "SANCTION", "Russia", "Belarus", date="2019-12")
    find(seeds["000"], "SANCTION", "Belarus", "Russia")


def test_sochi_meeting(seeds: dict[str, Article]) -> None:
    event = find(seeds["003"], "CONSULT", "Putin", "Lukashenko", date="2020-02-07")
    assert event.location == "Sochi"
    find(seeds["003"], "AGREE", "Russia", "Belarus", date="2020-02-07")


def test_pompeo_visit_and_promise(seeds: dict[str, Article]) -> None:
    visit = find(seeds["003"], "CONSULT", "Pompeo", "Belarus")
    assert visit.date in ("2020-01-31", "2020-02-01") and visit.location == "Minsk"
    promise = find(seeds["003"], "AGREE", "Pompeo", "Lukashenko")
    assert promise.date in ("2020-01-31", "2020-02-01", "2020-02")


def test_december_protests(seeds: dict[str, Article]) -> None:
    event = find(seeds["003"], "PROTEST", None, None, date="2019-12")
    assert event.location == "Minsk"


def test_crimea_denunciation(seeds: dict[str, Article]) -> None:
    find(seeds["003"], "ACCUSE", "Lukashenko", "Russia", date="2014")


def test_lithuanian_visit(seeds: dict[str, Article]) -> None:
    find(seeds["003"], "CONSULT", "Lithuania", "Belarus")


def test_ambassador_replacement_and_demand(seeds: dict[str, Article]) -> None:
    find(seeds["000"], "REQUEST", "Lukashenko", "Putin")
    find(seeds["000"], "CONCEDE", "Putin", None)


HYPOTHETICAL = ("no choice but to", "possibility of Washington", "would respond",
                "pivot westward", "In the event that")


def test_hypotheticals_are_not_asserted(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        for event in article.events:
            sentence = event.evidence[0].text
            if any(cue in sentence for cue in HYPOTHETICAL):
                assert event.status != "asserted", event
    take_out = [e for e in seeds["000"].events if e.type == "ASSAULT"]
    assert take_out and all(e.status == "hypothetical" for e in take_out)
