"""A tiny hand-made actor gazetteer for event tests, so they do not depend on the actors stage.

Names map to actor ids; a mention is every whole-word, case-sensitive occurrence of a name.
The facts are public knowledge (who leads which country); the table is ours.
"""

from __future__ import annotations

import dataclasses
import re

from newsgraph.models import Actor, Article, Mention

# id -> (name, type, country, surface forms)
ACTORS: dict[str, tuple[str, str, str | None, tuple[str, ...]]] = {
    "RUS": ("Russia", "state", "RUS", ("Russia", "Moscow", "Kremlin", "Russian government",
                                       "Russians", "Russian")),
    "BLR": ("Belarus", "state", "BLR", ("Belarus", "Minsk", "Belarusian government",
                                        "Belarusian")),
    "USA": ("United States", "state", "USA", ("United States", "US", "U.S.", "Washington",
                                              "America", "American")),
    "UKR": ("Ukraine", "state", "UKR", ("Ukraine", "Kyiv", "Kiev", "Ukrainian")),
    "POL": ("Poland", "state", "POL", ("Poland", "Warsaw", "Polish")),
    "LTU": ("Lithuania", "state", "LTU", ("Lithuania", "Vilnius", "Lithuanian")),
    "CHN": ("China", "state", "CHN", ("China", "Beijing", "Chinese")),
    "DEU": ("Germany", "state", "DEU", ("Germany", "Berlin", "German")),
    "FRA": ("France", "state", "FRA", ("France", "Paris", "French")),
    "GBR": ("United Kingdom", "state", "GBR", ("Britain", "London", "British", "UK")),
    "IRN": ("Iran", "state", "IRN", ("Iran", "Tehran", "Iranian")),
    "ISR": ("Israel", "state", "ISR", ("Israel", "Israeli")),
    "SYR": ("Syria", "state", "SYR", ("Syria", "Damascus", "Syrian")),
    "TUR": ("Turkey", "state", "TUR", ("Turkey", "Ankara", "Turkish")),
    "JPN": ("Japan", "state", "JPN", ("Japan", "Tokyo", "Japanese")),
    "IND": ("India", "state", "IND", ("India", "New Delhi", "Indian")),
    "PAK": ("Pakistan", "state", "PAK", ("Pakistan", "Islamabad", "Pakistani")),
    "KAZ": ("Kazakhstan", "state", "KAZ", ("Kazakhstan", "Astana", "Kazakh")),
    "EGY": ("Egypt", "state", "EGY", ("Egypt", "Cairo", "Egyptian")),
    "VEN": ("Venezuela", "state", "VEN", ("Venezuela", "Caracas", "Venezuelan")),
    "EU": ("European Union", "igo", None, ("European Union", "EU", "Brussels")),
    "NATO": ("NATO", "igo", None, ("NATO", "the alliance")),
    "UN": ("United Nations", "igo", None, ("United Nations", "UN", "U.N.")),
    "PUTIN": ("Vladimir Putin", "person", "RUS", ("Vladimir Putin", "Putin")),
    "LUKA": ("Alexander Lukashenko", "person", "BLR", ("Alexander Lukashenko", "Lukashenko")),
    "POMPEO": ("Mike Pompeo", "person", "USA", ("Mike Pompeo", "Pompeo")),
    "TRUMP": ("Donald Trump", "person", "USA", ("Donald Trump", "Trump")),
    "LAVROV": ("Sergei Lavrov", "person", "RUS", ("Sergei Lavrov", "Lavrov")),
    "ZELENSKY": ("Volodymyr Zelensky", "person", "UKR", ("Volodymyr Zelensky", "Zelensky")),
    "MERKEL": ("Angela Merkel", "person", "DEU", ("Angela Merkel", "Merkel")),
    "XI": ("Xi Jinping", "person", "CHN", ("Xi Jinping", "Xi")),
    "OPP": ("Belarusian opposition", "opposition", "BLR",
            ("opposition", "Opposition", "opposition activists")),
    "POLICE": ("Police", "government", None, ("police", "Police", "riot police")),
    "REBELS": ("Rebels", "rebel", None, ("rebels", "Rebels", "insurgents", "militants")),
    "PROTESTERS": ("Protesters", "group", None, ("protesters", "Protesters", "demonstrators",
                                                 "Demonstrators")),
    "GAZPROM": ("Gazprom", "company", "RUS", ("Gazprom",)),
}

_FORMS = sorted(((form, aid) for aid, (_, _, _, forms) in ACTORS.items() for form in forms),
                key=lambda x: -len(x[0]))
_PATTERN = re.compile(r"(?<![\w])(" + "|".join(re.escape(f) for f, _ in _FORMS) + r")(?![\w])")
_BY_FORM = dict(_FORMS)


def mentions_of(text: str) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    mentions = tuple(Mention(start=m.start(), end=m.end(), text=m.group(0),
                             actor_id=_BY_FORM[m.group(0)]) for m in _PATTERN.finditer(text))
    ids = sorted({m.actor_id for m in mentions})
    actors = tuple(Actor(id=i, name=ACTORS[i][0], type=ACTORS[i][1], country=ACTORS[i][2])
                   for i in ids)
    return actors, mentions


def with_mentions(article: Article) -> Article:
    actors, mentions = mentions_of(article.body)
    return dataclasses.replace(article, actors=actors, mentions=mentions)


def name_matches(actor_id: str | None, gold: str | None, article: Article) -> bool:
    """Gold actors are written as surface names; an actor matches if the gold name is its
    canonical name or the text of one of its mentions (works for real and fake resolvers)."""
    if gold is None or actor_id is None:
        return gold is None and actor_id is None
    want = gold.lower()
    actor = article.actor(actor_id)
    if actor is not None and (actor.name.lower() == want or want in actor.name.lower().split()):
        return True
    return any(m.text.lower() == want for m in article.mentions if m.actor_id == actor_id)
