"""Hand-built articles for the web tests (no NLP): two ordinary ones and a hostile one."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from newsgraph.models import (
    Actor,
    Article,
    Event,
    Evidence,
    Frame,
    Mention,
    Quantity,
    Quote,
    Sentence,
    SourceRef,
    Technique,
)
from newsgraph.web import Settings, create_app

TOKEN = "test-token-7f3a"
HOSTILE_TITLE = "<script>window.__pwned = 1; alert('title')</script> Pipeline talks"
HOSTILE_BODY = ("Officials met in Gomel. <img src=x onerror=\"window.__pwned=2;alert('img')\"> "
                "The <b>minister</b> said <a href=\"javascript:alert('link')\">click</a> "
                "and <script>alert('body')</script> nothing else.")


def span(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def evidence(body: str, text: str) -> tuple[Evidence, ...]:
    s, e = span(body, text)
    return (Evidence(start=s, end=e, text=text),)


RUS = Actor(id="Q159", name="Russia", type="state", country="RUS")
BLR = Actor(id="Q184", name="Belarus", type="state", country="BLR")
PUTIN = Actor(id="Q7747", name="Vladimir Putin", type="person", country="RUS",
              role="President of Russia")
LUKA = Actor(id="Q45399", name="Alexander Lukashenko", type="person", country="BLR")
EU = Actor(id="Q458", name="European Union", type="igo")


def sochi_article() -> Article:
    body = ("Putin met Lukashenko in Sochi on Friday to discuss oil supplies through the "
            "Druzhba pipeline. \"We agreed on the price,\" Lukashenko said. Russia cut "
            "deliveries to Belarus by 30 percent in January. Critics called the deal a "
            "betrayal of the nation.")
    mentions = []
    for text, actor in (("Putin", PUTIN), ("Lukashenko", LUKA), ("Russia", RUS),
                        ("Belarus", BLR)):
        s, e = span(body, text)
        mentions.append(Mention(start=s, end=e, text=text, actor_id=actor.id))
    s, e = span(body, "Lukashenko", 1)
    mentions.append(Mention(start=s, end=e, text="Lukashenko", actor_id=LUKA.id))
    qs, qe = span(body, "\"We agreed on the price,\"")
    ts, te = span(body, "a betrayal of the nation")
    ns, ne = span(body, "30 percent")
    return Article(
        id="a1sochi000000001", source=SourceRef(uri="test:sochi", format="text"),
        title="Putin and Lukashenko meet in Sochi", published="2020-02-07",
        outlet="Example Wire", url="https://example.org/sochi", body=body, raw=body,
        language="en", genre="reporting", genre_confidence=0.91,
        sentences=(Sentence(start=0, end=len(body)),),
        actors=(PUTIN, LUKA, RUS, BLR), mentions=tuple(mentions),
        events=(
            Event(type="CONSULT", source_actor=PUTIN.id, target_actor=LUKA.id,
                  date="2020-02-07", evidence=evidence(body, "Putin met Lukashenko in Sochi"),
                  confidence=0.9),
            Event(type="AGREE", source_actor=LUKA.id, target_actor=PUTIN.id,
                  date="2020-02-07", evidence=evidence(body, "We agreed on the price"),
                  claimed_by=LUKA.id, confidence=0.7),
            Event(type="SANCTION", source_actor=RUS.id, target_actor=BLR.id, date="2020-01",
                  evidence=evidence(body, "Russia cut deliveries to Belarus"), confidence=0.8),
        ),
        quotes=(Quote(start=qs, end=qe, text=body[qs:qe], speaker_actor=LUKA.id,
                      speaker_text="Lukashenko"),),
        quantities=(Quantity(start=ns, end=ne, text="30 percent", value=30.0, unit="percent"),),
        techniques=(Technique(start=ts, end=te, technique="Loaded_Language", confidence=0.81),),
        frames=(Frame(frame="Economic", confidence=0.7),),
    )


def eu_article() -> Article:
    body = "The European Union threatened new sanctions against Belarus over the election."
    m1 = span(body, "European Union")
    m2 = span(body, "Belarus")
    return Article(
        id="a2eu000000000002", source=SourceRef(uri="test:eu", format="text"),
        title="EU weighs sanctions", published="2020-08-20", outlet="Other Daily",
        body=body, raw=body, language="en",
        actors=(EU, BLR),
        mentions=(Mention(start=m1[0], end=m1[1], text="European Union", actor_id=EU.id),
                  Mention(start=m2[0], end=m2[1], text="Belarus", actor_id=BLR.id)),
        events=(Event(type="THREATEN", source_actor=EU.id, target_actor=BLR.id,
                      status="planned", date="2020-08",
                      evidence=evidence(body, "threatened new sanctions against Belarus")),),
    )


def hostile_article() -> Article:
    body = HOSTILE_BODY
    s, e = span(body, "Gomel")
    gomel = Actor(id="local:<b>gomel</b>\"onmouseover=alert(1)", name="<i>Gomel</i><script>"
                  "alert('name')</script>", type="location")
    ts, te = span(body, "<img src=x onerror=")
    return Article(
        id="a3hostile0000003", source=SourceRef(uri="<script>alert('uri')</script>",
                                                format="html"),
        title=HOSTILE_TITLE, published="2020-03-01", outlet="<b>Bad</b> Outlet",
        url="javascript:alert('url')", body=body, raw=body, language="en",
        authors=("<img src=x onerror=alert('author')>",),
        actors=(gomel,), mentions=(Mention(start=s, end=e, text="Gomel", actor_id=gomel.id),),
        techniques=(Technique(start=ts, end=te, technique="<svg onload=alert(1)>",
                              confidence=0.5),),
        events=(Event(type="CONSULT", source_actor=gomel.id, target_actor=BLR.id,
                      date="2020-03-01", evidence=evidence(body, "Officials met in Gomel")),),
    )


def fill(store: Any, *, cross: bool = True) -> list[Article]:
    articles = [sochi_article(), eu_article(), hostile_article()]
    for article in articles:
        store.save(article)
    if not cross:
        return articles
    try:  # the cross-article tables (stories, incidents, graph), when that work is installed
        from newsgraph.compare import update
    except ImportError:
        return articles
    update(store, [a.id for a in articles])
    return articles


def client_for(db: str, **settings: object) -> TestClient:
    values: dict[str, object] = {"db": db, "writer": "thread", **settings}
    return TestClient(create_app(Settings(**values)))  # type: ignore[arg-type]
