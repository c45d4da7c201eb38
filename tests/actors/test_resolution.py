"""Mention resolution on hand-written sentences (the shared spaCy model parses them once)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Article
from newsgraph.pipeline import load_stage
from newsgraph.stages.actors import ActorResolver
from newsgraph.stages.actors.stage import article_date

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def run(resolver: ActorResolver, parsed: Callable[..., Article], body: str,
        published: str | None = "2020-02-12") -> Article:
    return resolver([parsed(body, published=published)])[0]


def pairs(article: Article) -> list[tuple[str, str]]:
    return [(m.text, m.actor_id) for m in article.mentions]


def test_stage_is_in_the_pipeline_list() -> None:
    stage = load_stage("newsgraph.stages.actors:ActorResolver")
    assert stage.name == "actors" and stage.version
    assert stage.provides == {"actors", "mentions"}


def test_offsets_index_body_and_are_sorted(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    body = "On Monday the Kremlin said Putin would call Lukashenko. He did so on Tuesday."
    article = run(resolver, parsed, body)
    assert article.mentions, "nothing found"
    for m in article.mentions:
        assert body[m.start:m.end] == m.text
    keys = [(m.start, m.end) for m in article.mentions]
    assert keys == sorted(keys)
    ids = {a.id for a in article.actors}
    assert {m.actor_id for m in article.mentions} <= ids


def test_actor_carries_role_on_the_article_date(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    body = "Mike Pompeo spoke to reporters."
    then = run(resolver, parsed, body, "2017-01-10")
    now = run(resolver, parsed, body, "2019-01-10")
    assert then.actor("local:person:mike-pompeo").role is None
    assert now.actor("local:person:mike-pompeo").role == "Secretary of State of the United States"
    assert now.actor("local:person:mike-pompeo").country == "USA"
    assert any(r.start == "2018-04-26" for r in now.actor("local:person:mike-pompeo").roles)


def test_same_role_different_people_over_time(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    body = "The Belarusian defence minister visited Moscow."
    assert pairs(run(resolver, parsed, body, "2018-05-01"))[0] == (
        "Belarusian defence minister", "local:person:andrei-ravkov")
    assert pairs(run(resolver, parsed, body, "2021-05-01"))[0] == (
        "Belarusian defence minister", "local:person:viktor-khrenin")


def test_acronym_needs_capitals(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    article = run(resolver, parsed, "The US told us nothing.")
    assert pairs(article) == [("The US", "Q30")]


def test_a_city_inside_a_longer_name_is_not_the_city(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    article = run(resolver, parsed, "Iran sent warships to the Gulf of Aden. Shelling hit Aden.")
    found = pairs(article)
    assert ("Aden", "local:location:aden") in found  # the city on its own
    assert all(text != "Gulf of" for text, _ in found), found
    assert [a for t, a in found if "Gulf" in t] in ([], ["local:location:gulf-of-aden"])


def test_unknown_people_and_orgs_become_local_actors(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    body = ("Belarusian blogger Ihar Losik was detained. Losik had criticised the government. "
            "The Minsk Tractor Works denied the report.")
    article = run(resolver, parsed, body)
    got = pairs(article)
    assert ("Ihar Losik", "local:person:ihar-losik") in got
    assert ("Losik", "local:person:ihar-losik") in got
    person = article.actor("local:person:ihar-losik")
    assert person is not None and person.type == "person"
    assert any(a.id.startswith("local:") and "tractor" in a.id for a in article.actors)


def test_no_date_means_current_holders(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    assert article_date(None) > "2100"
    assert article_date("2019") == "2019-07-01"
    article = run(resolver, parsed, "The Russian foreign minister arrived.", None)
    assert pairs(article) == [("Russian foreign minister", "local:person:sergey-lavrov")]


def test_article_without_doc_passes_through(resolver) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import article_of

    article = article_of("Putin spoke.")
    assert resolver([article])[0].mentions == ()


def test_pronoun_needs_a_clear_antecedent(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    article = run(resolver, parsed, "It is raining in Oslo. He left early.")
    assert all(m.kind != "pronoun" for m in article.mentions)
    article = run(resolver, parsed, "Putin met Lukashenko. He said the talks went well.")
    assert ("He", "Q7747") in pairs(article)


def test_kinds_say_how_the_actor_was_named(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    body = ("Vladimir Putin met Mr Lukashenko in Sochi. The Kremlin said the Russian president "
            "and his guest agreed. Minsk said it was pleased.")
    kinds = {m.text: m.kind for m in run(resolver, parsed, body).mentions}
    assert kinds["Vladimir Putin"] == "name"
    assert kinds["Mr Lukashenko"] == "title_surname"
    assert kinds["The Kremlin"] == "metonym"
    assert kinds["Russian president"] == "role"
    assert kinds["his"] == "pronoun"
    assert kinds["Minsk"] == "metonym"


def test_actors_survive_the_store(resolver, parsed, fresh_store) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    body = "The Belarusian president met Mike Pompeo in Minsk. Lukashenko said he was pleased."
    article = dataclasses.replace(run(resolver, parsed, body), doc=None)
    fresh_store.save(article)
    back = fresh_store.get(article.id)
    assert back is not None
    assert [(m.start, m.end, m.actor_id, m.kind) for m in back.mentions] == [
        (m.start, m.end, m.actor_id, m.kind) for m in article.mentions]
    assert {a.id for a in back.actors} == {a.id for a in article.actors}
    spans = [(m.start, m.end) for m in article.mentions]
    assert len(spans) == len(set(spans))


def test_empty_and_blank_bodies(resolver, parsed) -> None:  # type: ignore[no-untyped-def]
    for body in ("", "   \n  "):
        article = run(resolver, parsed, body)
        assert article.actors == () and article.mentions == ()
