"""Server-rendered pages, in-process: content, highlights, escaping, empty states."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from web_articles import HOSTILE_BODY, client_for

from newsgraph.web.render import Highlight, highlighted_body, snippet_markup


def test_home_lists_articles_and_counts(client: TestClient) -> None:
    html = client.get("/").text
    assert 'id="count-articles">3<' in html
    assert 'href="/articles/a1sochi000000001"' in html


def test_search_page_shows_marked_snippets(client: TestClient) -> None:
    html = client.get("/", params={"q": "Druzhba"}).text
    assert "<mark>Druzhba</mark>" in html
    assert "Putin and Lukashenko meet in Sochi" in html
    assert "No article matches" in client.get("/", params={"q": "zzzzqx"}).text


def test_article_page_highlights_spans(client: TestClient) -> None:
    html = client.get("/articles/a1sochi000000001").text
    # a mention is a link to its actor, inside the event evidence span
    assert re.search(r'<a class="hl hl-actor hl-event" href="/actors/Q7747" '
                     r'title="Vladimir Putin\n[^"]*">Putin</a>', html)
    assert '<mark class="hl hl-quantity" title="quantity: 30 percent">30 percent</mark>' in html
    assert 'class="hl hl-technique" title="technique: Loaded_Language (0.81)"' in html
    assert "hl-quote" in html
    assert 'href="https://example.org/sochi"' in html
    assert "<dt>Genre</dt><dd>reporting <span class=\"conf\"" in html and "(p 0.91)" in html
    for section in ('id="actors"', 'id="events"', 'id="quotes"', 'id="techniques"'):
        assert section in html


def test_actor_page_has_timeline_and_relations(client: TestClient) -> None:
    html = client.get("/actors/Q184").text
    assert '<h1 class="actor-name">Belarus</h1>' in html
    timeline = html[html.index('id="timeline"'):]
    assert timeline.index("SANCTION") < timeline.index("CONSULT") < timeline.index("THREATEN")
    relations = html[html.index('id="relations"'):html.index('id="timeline"')]
    assert 'href="/actors/Q159">Russia</a>' in relations


def test_events_page_filters_and_links(client: TestClient) -> None:
    html = client.get("/events", params={"type": "THREATEN"}).text
    assert "European Union" in html and "SANCTION</b>" not in html
    assert "<option selected>THREATEN</option>" in html


def test_missing_pages_are_friendly_404s(client: TestClient) -> None:
    for path in ("/articles/nope", "/actors/nope", "/no/such/page"):
        r = client.get(path)
        assert r.status_code == 404
        assert "text/html" in r.headers["content-type"]
        assert "Traceback" not in r.text


def test_hostile_article_renders_as_text(client: TestClient) -> None:
    html = client.get("/articles/a3hostile0000003").text
    main = html[html.index("<main>"):]
    for live in ("<script>", "<img", "onerror=\"", "<svg", "javascript:alert('url')\"",
                 "href=\"javascript", "<i>Gomel", "<b>Bad"):
        assert live not in main, live
    assert "&lt;script&gt;window.__pwned = 1;" in main
    assert "&lt;img src=x onerror=" in main
    # javascript: URL is shown as inert text, never as a link
    assert 'class="unsafe-url"' in main
    # the actor id with quotes and markup stays inside its attribute
    assert 'href="/actors/local%3A%3Cb%3Egomel%3C%2Fb%3E%22onmouseover%3Dalert%281%29"' in main


def test_hostile_actor_page_and_search(client: TestClient) -> None:
    html = client.get("/actors/local:<b>gomel</b>\"onmouseover=alert(1)").text
    assert "<script>alert('name')" not in html and "&lt;i&gt;Gomel" in html
    results = client.get("/", params={"q": "minister"}).text
    assert "<script>window" not in results and "&lt;script&gt;window" in results


def test_highlighted_body_handles_overlaps_and_bad_offsets() -> None:
    body = "ab<cd>ef"
    spans = [Highlight(0, 4, "quote", "q"), Highlight(2, 6, "actor", "A", "x\"y"),
             Highlight(5, 99, "event", "out of range"), Highlight(3, 3, "event", "empty"),
             Highlight(-1, 2, "event", "negative")]
    html = str(highlighted_body(body, spans))
    assert html == ('<mark class="hl hl-quote" title="q">ab</mark>'
                    '<a class="hl hl-actor hl-quote" href="/actors/x%22y" title="q\nA">&lt;c</a>'
                    '<a class="hl hl-actor" href="/actors/x%22y" title="A">d&gt;</a>ef')
    assert str(highlighted_body(HOSTILE_BODY, [])).count("<") == 0


@pytest.mark.parametrize(("snippet", "expected"), [
    ("a \x02hit\x03 <b>", "a <mark>hit</mark> &lt;b&gt;"),
    ("\x03stray \x02open", "stray <mark>open</mark>"),
    ("x\x01y", "xy"),
    (None, ""),
])
def test_snippet_markup(snippet: str | None, expected: str) -> None:
    assert str(snippet_markup(snippet)) == expected


def test_cross_pages_render(client: TestClient) -> None:
    status = client.get("/api/v1/status").json()["cross_article"]
    stories = client.get("/stories").text
    graph = client.get("/graph").text
    assert ("stories-unavailable" in stories) != status["stories"]
    assert ("graph-unavailable" in graph) != status["graph"]
    if status["graph"]:
        assert 'src="/static/graph.js' in graph and 'id="graph"' in graph


def test_cross_pages_empty_state_without_compare(web_db: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.web import cross

    def missing(name: str) -> object:
        raise cross.Unavailable(name)

    monkeypatch.setattr(cross, "function", missing)
    with client_for(web_db) as c:
        assert "stories-unavailable" in c.get("/stories").text
        assert "stories-unavailable" in c.get("/stories/s1").text
        assert "graph-unavailable" in c.get("/graph").text
        assert c.get("/api/v1/graph").status_code == 501
        assert c.get("/actors/Q184").status_code == 200


def test_story_pages_escape_and_link(client: TestClient) -> None:
    if not client.get("/api/v1/status").json()["cross_article"]["stories"]:
        pytest.skip("newsgraph.compare is not installed")
    listing = client.get("/stories").text
    assert 'href="/stories/story%3Aa1sochi000000001"' in listing
    assert "<script>window" not in listing and "&lt;script&gt;window" in listing
    html = client.get("/stories/story:a3hostile0000003").text
    main = html[html.index("<main>"):]
    assert "<script>" not in main and "&lt;script&gt;window" in main
    assert 'href="/articles/a3hostile0000003"' in main
    sochi = client.get("/stories/story:a1sochi000000001").text
    assert 'id="incidents"' in sochi and "CONSULT" in sochi
    assert client.get("/stories/story:none").status_code == 404


def test_home_filters_articles(client: TestClient) -> None:
    html = client.get("/", params={"outlet": "Other Daily"}).text
    assert 'href="/articles/a2eu000000000002"' in html
    assert 'href="/articles/a1sochi000000001"' not in html
    html = client.get("/", params={"since": "2020-03", "until": "2020-03"}).text
    assert 'href="/articles/a3hostile0000003"' in html and "a2eu000000000002" not in html
    assert "No article matches" in client.get("/", params={"since": "2030"}).text
    assert client.get("/", params={"since": "March"}).status_code == 400


def test_highlighted_body_keeps_the_text_and_only_its_own_tags() -> None:
    """Random hostile bodies and random spans: the markup has only <a>/<mark> tags and its
    text is exactly the body."""
    import random
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: set[str] = set()
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.add(tag)
            for name, value in attrs:
                assert name in ("class", "href", "title"), name
                if name == "href":
                    assert value is not None and value.startswith("/actors/")

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    rng = random.Random(3)
    alphabet = "ab <>&\"'=/\nscript onerror javascript:"
    kinds = ("actor", "quote", "technique", "event", "quantity")
    for _ in range(200):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        spans = [Highlight(rng.randint(-3, 65), rng.randint(-3, 65), rng.choice(kinds),
                           rng.choice(("<b>", "x\"y", "ok")), rng.choice(("<id>", None)))
                 for _ in range(rng.randint(0, 6))]
        parser = Collect()
        parser.feed(str(highlighted_body(body, spans)))
        parser.close()
        assert parser.tags <= {"a", "mark"}
        assert "".join(parser.text) == body


def test_upload_page_says_whether_writes_are_on(client: TestClient,
                                                writer_client: TestClient) -> None:
    off = client.get("/upload").text
    assert 'id="writes-off"' in off and 'id="upload"' not in off
    on = writer_client.get("/upload").text
    assert 'id="upload"' in on and 'src="/static/upload.js' in on and "writes-off" not in on
