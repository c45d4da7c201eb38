"""Generic agents (newsgraph/stages/actors/agents.py): actors named by what they are."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Article
from newsgraph.pipeline import load_stage


@pytest.fixture(scope="module")
def resolve(parsed: Callable[..., Article]) -> Callable[[str], Article]:
    actors = load_stage("newsgraph.stages.actors:ActorResolver")

    def run(text: str) -> Article:
        return actors([parsed(text)])[0]  # type: ignore[no-any-return,operator]

    return run


def ids(article: Article, text: str) -> set[str]:
    return {m.actor_id for m in article.mentions if m.text == text}


@pytest.mark.parametrize(("text", "mention", "actor_id"), [
    ("Police arrested dozens of people.", "Police", "local:government:police"),
    ("Iraqi soldiers attacked the rebels.", "Iraqi soldiers", "local:military:irq-armed-forces"),
    ("Iraqi soldiers attacked the rebels.", "rebels", "local:rebel:rebels"),
    ("Nigerian soldiers were ambushed.", "Nigerian soldiers", "local:military:nga-armed-forces"),
    ("A Swiss court froze the accounts.", "Swiss court", "local:government:che-court"),
    ("Protesters gathered in the square.", "Protesters", "local:group:protesters"),
    ("Students and teachers marched.", "Students", "local:group:students"),
    ("Rebel leaders rejected the offer.", "Rebel leaders", "local:rebel:rebels"),
    ("Opposition supporters rallied.", "Opposition supporters", "local:opposition:opposition"),
    ("Human rights groups condemned the arrests.", "Human rights groups",
     "local:ngo:human-rights-groups"),
])
def test_agent_mentions(resolve: Callable[[str], Article], text: str, mention: str,
                        actor_id: str) -> None:
    article = resolve(text)
    assert actor_id in ids(article, mention), article.mentions
    actor = article.actor(actor_id)
    assert actor is not None and actor.id == actor_id


def test_country_from_a_possessor_or_place(resolve: Callable[[str], Article]) -> None:
    article = resolve("Niger's junta expelled the ambassador.")
    junta = next(m for m in article.mentions if m.text == "junta")
    assert article.actor(junta.actor_id).country == "NER"  # type: ignore[union-attr]
    article = resolve("Police in Ghana worked with Interpol.")
    police = next(m for m in article.mentions if m.text == "Police")
    assert police.actor_id == "local:government:gha-police"


def test_government_words_with_a_country_are_the_state(resolve: Callable[[str], Article]) -> None:
    article = resolve("Niger's junta expelled the ambassador.")
    junta = next(m for m in article.mentions if m.text == "junta")
    actor = article.actor(junta.actor_id)
    assert actor is not None and actor.type == "state"


def test_organisation_agents_are_the_organisation(resolve: Callable[[str], Article]) -> None:
    article = resolve("Israel allowed UN inspectors to enter the site.")
    un = {m.actor_id for m in article.mentions if m.text == "UN"}
    assert un and un == ids(article, "inspectors")


def test_a_named_person_is_not_a_class(resolve: Callable[[str], Article]) -> None:
    article = resolve("Germany granted asylum to the dissident journalist Yusuf Ata.")
    assert not any(m.kind == "agent" and "journalist" in m.text for m in article.mentions)


def test_orientation_is_no_country(resolve: Callable[[str], Article]) -> None:
    article = resolve("Rallies by the pro-US nationalist opposition were held in Minsk.")
    opposition = [m for m in article.mentions if m.kind == "agent"]
    assert opposition and all(
        article.actor(m.actor_id).country is None for m in opposition)  # type: ignore[union-attr]


def test_demonyms_name_states_before_their_territory(resolve: Callable[[str], Article]) -> None:
    article = resolve("Russia massed troops along the Ukrainian border.")
    ukraine = next(m for m in article.mentions if m.text == "Ukrainian")
    assert article.actor(ukraine.actor_id).country == "UKR"  # type: ignore[union-attr]
    article = resolve("A Russian businessman was arrested in Madrid.")
    assert not any(m.text == "Russian" for m in article.mentions)  # a national, no state


def test_coordinated_demonyms_split(resolve: Callable[[str], Article]) -> None:
    article = resolve("Armenian and Azerbaijani forces clashed on the border.")
    found = {article.actor(m.actor_id).country for m in article.mentions  # type: ignore[union-attr]
             if m.kind in ("agent", "demonym", "description")}
    assert {"ARM", "AZE"} <= found


def test_bare_things_are_no_agents(resolve: Callable[[str], Article]) -> None:
    article = resolve("The missiles were stored in a warehouse. Leaders met in Brussels.")
    assert not any(m.kind == "agent" for m in article.mentions)
