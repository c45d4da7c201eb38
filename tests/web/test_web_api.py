"""REST API, in-process over a store of hand-built articles."""

from __future__ import annotations

from fastapi.testclient import TestClient
from web_articles import HOSTILE_TITLE, sochi_article

from newsgraph.export import article_record


def test_articles_list_paginates_newest_first(client: TestClient) -> None:
    page = client.get("/api/v1/articles", params={"limit": 2}).json()
    assert [a["id"] for a in page["items"]] == ["a2eu000000000002", "a3hostile0000003"]
    assert page["next"] and "offset=2" in page["next"]
    rest = client.get(page["next"]).json()
    assert [a["id"] for a in rest["items"]] == ["a1sochi000000001"]
    assert rest["next"] is None


def test_articles_filters(client: TestClient) -> None:
    by_outlet = client.get("/api/v1/articles", params={"outlet": "Example Wire"}).json()
    assert [a["id"] for a in by_outlet["items"]] == ["a1sochi000000001"]
    window = client.get("/api/v1/articles", params={"since": "2020-03", "until": "2020-08-31"})
    assert [a["id"] for a in window.json()["items"]] == ["a2eu000000000002",
                                                         "a3hostile0000003"]


def test_article_record_is_the_export_record(client: TestClient) -> None:
    got = client.get("/api/v1/articles/a1sochi000000001").json()
    assert got == article_record(sochi_article()) | {"copies": got["copies"],
                                                      "original_outlet": got["original_outlet"]}
    assert got["events"][0]["evidence"]["text"] == "Putin met Lukashenko in Sochi"


def test_missing_article_is_json_404(client: TestClient) -> None:
    r = client.get("/api/v1/articles/nope")
    assert r.status_code == 404
    assert r.json()["error"]["message"].startswith("no article 'nope'")


def test_events_filters(client: TestClient) -> None:
    def ids(**params: str) -> list[tuple[str, int]]:
        r = client.get("/api/v1/events", params=params)
        assert r.status_code == 200, r.text
        return [(e["article_id"], e["idx"]) for e in r.json()["items"]]

    assert len(ids()) == 5
    assert ids(type="sanction") == [("a1sochi000000001", 2)]
    assert ids(actor="Q184") == [("a1sochi000000001", 2), ("a3hostile0000003", 0),
                                 ("a2eu000000000002", 0)]
    assert ids(status="planned") == [("a2eu000000000002", 0)]
    assert ids(outlet="Example Wire", since="2020-02") == [("a1sochi000000001", 0),
                                                           ("a1sochi000000001", 1)]
    assert ids(until="2020-01") == [("a1sochi000000001", 2)]
    assert ids(article="a2eu000000000002") == [("a2eu000000000002", 0)]
    assert ids(limit="2", offset="1") == [("a1sochi000000001", 0), ("a1sochi000000001", 1)]


def test_events_reject_bad_filters(client: TestClient) -> None:
    for params in ({"type": "HUG"}, {"status": "rumoured"}, {"since": "Feb 2020"},
                   {"limit": "0"}, {"limit": "100000"}):
        r = client.get("/api/v1/events", params=params)
        assert r.status_code == 422, params
        assert "error" in r.json()


def test_actors_and_actor(client: TestClient) -> None:
    actors = client.get("/api/v1/actors").json()["items"]
    assert actors[0]["id"] == "Q45399"  # Lukashenko: two mentions
    assert {a["id"] for a in client.get("/api/v1/actors", params={"q": "russ"}).json()[
        "items"]} == {"Q159"}
    view = client.get("/api/v1/actors/Q184").json()
    assert view["actor"]["name"] == "Belarus"
    assert [e["type"] for e in view["events"]] == ["SANCTION", "CONSULT", "THREATEN"]
    relations = {r["actor"]: r for r in view["relations"]}
    assert relations["Q159"]["conflict"] == 1 and relations["Q159"]["cooperation"] == 0
    assert relations["Q458"]["types"] == {"THREATEN": 1}
    assert client.get("/api/v1/actors/Q0").status_code == 404


def test_search_ranks_and_marks_hits(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "Druzhba pipeline"}).json()
    assert [h["id"] for h in body["items"]] == ["a1sochi000000001"]
    hit = body["items"][0]
    assert "<mark>Druzhba</mark>" in hit["snippet_html"]
    assert "\x02" not in hit["snippet"] and "Druzhba" in hit["snippet"]
    # the hostile article's title matches "pipeline" only in its title: ranked, escaped
    titles = client.get("/api/v1/search", params={"q": "pipeline"}).json()["items"]
    assert titles[0]["title"] == HOSTILE_TITLE
    assert all("<script" not in h["snippet_html"] for h in titles)


def test_search_snippet_escapes_markup(client: TestClient) -> None:
    hit = client.get("/api/v1/search", params={"q": "minister"}).json()["items"][0]
    assert "<b>" not in hit["snippet_html"] and "&lt;b&gt;" in hit["snippet_html"]
    assert "<mark>minister</mark>" in hit["snippet_html"]


def test_search_operators_are_inert(client: TestClient) -> None:
    for q in ('"', "NEAR(", "title:*", "a OR", ")"):
        assert client.get("/api/v1/search", params={"q": q}).status_code == 200
    assert client.get("/api/v1/search").status_code == 422


def test_openapi_schema_lists_the_api(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    for path in ("/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/actors",
                 "/api/v1/actors/{actor_id}", "/api/v1/events", "/api/v1/search",
                 "/api/v1/stories", "/api/v1/graph"):
        assert path in paths
    assert "post" in schema["paths"]["/api/v1/articles"]
    assert not any(p.startswith("/articles") for p in paths)  # pages stay out of the API
    assert client.get("/docs").status_code == 404  # no CDN-backed docs UI


def test_cross_article_endpoints(client: TestClient) -> None:
    status = client.get("/api/v1/status").json()
    for name in ("stories", "graph"):
        r = client.get(f"/api/v1/{name}")
        if status["cross_article"][name]:
            assert r.status_code == 200
        else:
            assert r.status_code == 501
            assert "not available" in r.json()["error"]["message"]
    if status["cross_article"]["graph"]:
        graph = client.get("/api/v1/graph").json()
        assert {"nodes", "edges"} <= set(graph)


def test_articles_until_month_is_inclusive(client: TestClient) -> None:
    items = client.get("/api/v1/articles", params={"until": "2020-03"}).json()["items"]
    assert [a["id"] for a in items] == ["a3hostile0000003", "a1sochi000000001"]
    items = client.get("/api/v1/articles", params={"until": "2020"}).json()["items"]
    assert len(items) == 3
