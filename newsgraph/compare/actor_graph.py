"""The actor graph over time: actors as nodes, dated cooperation/conflict edges from incidents.

An edge is one directed dyad in one month. Each asserted incident adds its QuadClass weight
(cooperation positive, conflict negative, material acts twice verbal ones); negated,
hypothetical and planned incidents are listed but add no weight. One incident counts once
however many sources report it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from .incidents import QUAD_WEIGHT


def build_graph(incidents: Iterable[dict[str, Any]], actors: dict[str, dict[str, Any]],
                *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """``actors``: id -> {name, type, country}. Dates filter on the incident date prefix."""
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for inc in incidents:
        src, dst, day = inc["source_actor"], inc["target_actor"], inc.get("date") or ""
        if not src or not dst or src == dst or not day:
            continue
        if (since and day < since[:len(day)]) or (until and day[:len(until)] > until):
            continue
        period = day[:7]
        edge = edges.setdefault((src, dst, period), {
            "source": src, "target": dst, "period": period, "first_date": day,
            "weight": 0.0, "cooperation": 0.0, "conflict": 0.0, "incidents": [],
            "types": Counter(), "unweighted": 0})
        edge["first_date"] = min(edge["first_date"], day)
        edge["incidents"].append(inc["id"])
        edge["types"][inc["type"]] += 1
        w = QUAD_WEIGHT.get(inc.get("quad") or "", 0.0)
        if inc["status"] != "asserted":
            edge["unweighted"] += 1
            continue
        edge["weight"] += w
        edge["cooperation" if w > 0 else "conflict"] += abs(w)
    degree: Counter[str] = Counter()
    balance: dict[str, float] = defaultdict(float)
    for (src, dst, _), e in edges.items():
        e["types"] = dict(e["types"])
        for a in (src, dst):
            degree[a] += len(e["incidents"])
            balance[a] += e["weight"]
    nodes = [{"id": a, "name": actors.get(a, {}).get("name") or a,
              "type": actors.get(a, {}).get("type"), "country": actors.get(a, {}).get("country"),
              "incidents": degree[a], "weight": balance[a]}
             for a in sorted(degree, key=lambda x: (-degree[x], x))]
    ordered = sorted(edges.values(), key=lambda e: (e["period"], e["source"], e["target"]))
    return {"nodes": nodes, "edges": ordered}


def graph_rows(graph: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """One row per node then per edge, for line-oriented exports (jsonl, csv)."""
    blank = dict.fromkeys(("id", "name", "type", "country", "incidents", "weight", "source",
                           "target", "period", "first_date", "cooperation", "conflict",
                           "types", "unweighted"))
    for n in graph["nodes"]:  # one column set for both kinds, so CSV and Parquet work too
        yield {"kind": "node", **blank, **n}
    for e in graph["edges"]:
        yield {"kind": "edge", **blank, **e}


_NODE_KEYS = (("name", "string"), ("type", "string"), ("country", "string"),
              ("incidents", "int"), ("weight", "double"))
_EDGE_KEYS = (("period", "string"), ("first_date", "string"), ("weight", "double"),
              ("cooperation", "double"), ("conflict", "double"), ("count", "int"))


def write_graphml(graph: dict[str, Any], out: IO[str]) -> int:
    """GraphML (directed, one edge per dyad and month); returns the number of edges."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for key, kind in _NODE_KEYS:
        out.write(f'  <key id="n_{key}" for="node" attr.name="{key}" attr.type="{kind}"/>\n')
    for key, kind in _EDGE_KEYS:
        out.write(f'  <key id="e_{key}" for="edge" attr.name="{key}" attr.type="{kind}"/>\n')
    out.write('  <graph id="actors" edgedefault="directed">\n')
    for n in graph["nodes"]:
        out.write(f"    <node id={quoteattr(n['id'])}>")
        for key, _ in _NODE_KEYS:
            if n.get(key) is not None:
                out.write(f'<data key="n_{key}">{escape(str(n[key]))}</data>')
        out.write("</node>\n")
    for i, e in enumerate(graph["edges"]):
        values = {**e, "count": len(e["incidents"])}
        out.write(f'    <edge id="e{i}" source={quoteattr(e["source"])} '
                  f'target={quoteattr(e["target"])}>')
        for key, _ in _EDGE_KEYS:
            out.write(f'<data key="e_{key}">{escape(str(values[key]))}</data>')
        out.write("</edge>\n")
    out.write("  </graph>\n</graphml>\n")
    return len(graph["edges"])
