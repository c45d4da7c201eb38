from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from newsgraph.compare.actor_graph import build_graph, graph_rows, write_graphml


def _inc(i, type_, quad, src, dst, day, status="asserted"):
    return {"id": f"inc:{i}", "type": type_, "quad": quad, "source_actor": src,
            "target_actor": dst, "date": day, "status": status}


INCIDENTS = [
    _inc(1, "COOPERATE", "material_cooperation", "RUS", "BLR", "2014-03-01"),
    _inc(2, "SANCTION", "material_conflict", "RUS", "BLR", "2020-01-01"),
    _inc(3, "ACCUSE", "verbal_conflict", "BLR", "RUS", "2020-01-05"),
    _inc(4, "SANCTION", "material_conflict", "RUS", "BLR", "2020-01-20", "negated"),
    _inc(5, "CONSULT", "verbal_cooperation", "USA", "BLR", "2020-02-01"),
]
ACTORS = {"RUS": {"name": "Russia", "type": "state", "country": "RUS"}}


def test_edges_are_dated_and_signed_by_quad_class() -> None:
    g = build_graph(INCIDENTS, ACTORS)
    edges = {(e["source"], e["target"], e["period"]): e for e in g["edges"]}
    assert edges[("RUS", "BLR", "2014-03")]["weight"] == 2.0
    jan = edges[("RUS", "BLR", "2020-01")]
    assert jan["weight"] == -2.0 and jan["unweighted"] == 1  # the denied cut adds nothing
    assert jan["incidents"] == ["inc:2", "inc:4"]
    assert edges[("USA", "BLR", "2020-02")]["cooperation"] == 1.0
    assert {n["id"]: n["name"] for n in g["nodes"]}["RUS"] == "Russia"


def test_since_until_filter_by_date() -> None:
    g = build_graph(INCIDENTS, ACTORS, since="2020-01", until="2020-01")
    assert {e["period"] for e in g["edges"]} == {"2020-01"}


def test_graphml_is_valid_xml_with_escaped_names() -> None:
    g = build_graph(INCIDENTS, {"RUS": {"name": "Russia <&> \"Kremlin\""}})
    out = io.StringIO()
    assert write_graphml(g, out) == len(g["edges"])
    root = ET.fromstring(out.getvalue())
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:edge", ns)) == len(g["edges"])
    names = [d.text for d in root.findall(".//g:node/g:data[@key='n_name']", ns)]
    assert 'Russia <&> "Kremlin"' in names


def test_rows_share_one_column_set() -> None:
    rows = list(graph_rows(build_graph(INCIDENTS, ACTORS)))
    assert len({tuple(r) for r in rows}) == 1 and {r["kind"] for r in rows} == {"node", "edge"}
