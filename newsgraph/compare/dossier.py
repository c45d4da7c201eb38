"""The dossier: one self-contained HTML file (plotly bundled once, no network) with the
overview, key actors, timeline, actor graph, incidents, claims, per-source rhetoric profiles
and every article with its mentions, events, quotes and techniques highlighted.

Article text is hostile web content: every piece of it is HTML-escaped, chart data travels
as JSON inside a ``<script type="application/json">`` with ``<`` escaped, and a
Content-Security-Policy forbids any request the page could make.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..models import Article
from . import claims, graph, quantity_claims_of, storage, stories, timeline, update
from .layout import force_layout, pair_lines
from .storage import actor_info

MAX_ARTICLES = 300  # articles shown in full; a dossier over a large store stays openable
MAX_INCIDENTS = 2000
GRAPH_NODES = 40
RELATIONS = 12  # relations in the overview
TIMELINE_DYADS = 30  # rows of the timeline chart: the most reported dyads with both actors
_KINDS = {"mention": "m", "event": "e", "quote": "q", "technique": "t"}


def highlight(article: Article) -> Markup:
    """The body as escaped HTML with <mark> around mentions, event evidence, quotes and
    technique spans; overlapping spans nest by splitting the text at every boundary."""
    spans: list[tuple[int, int, str, str]] = []
    names = {a.id: a.name for a in article.actors}
    for m in article.mentions:
        spans.append((m.start, m.end, "mention", names.get(m.actor_id, m.actor_id)))
    for e in article.events:
        label = f"{e.type} {names.get(e.source_actor or '', e.source_actor or '?')} → " \
                f"{names.get(e.target_actor or '', e.target_actor or '?')} ({e.status})"
        spans.extend((ev.start, ev.end, "event", label) for ev in e.evidence)
    for q in article.quotes:
        spans.append((q.start, q.end, "quote", "quote: " + (q.speaker_text or "unattributed")))
    for t in article.techniques:
        spans.append((t.start, t.end, "technique", t.technique.replace("_", " ")))
    body = article.body
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(body)]
    cuts = sorted({0, len(body), *(s[0] for s in spans), *(s[1] for s in spans)})
    starts: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(spans):
        starts[s[0]].append(i)
    active: set[int] = set()
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        active = {i for i in active if spans[i][1] > lo} | set(starts.get(lo, ()))
        text = html.escape(body[lo:hi])
        if not active:
            out.append(text)
            continue
        kinds = sorted({_KINDS[spans[i][2]] for i in active})
        title = "; ".join(sorted({spans[i][3] for i in active}))
        out.append(f'<mark class="{" ".join("k-" + k for k in kinds)}" '
                   f'title="{html.escape(title)}">{text}</mark>')
    return Markup("".join(out))


def _json_script(data: Any) -> Markup:
    """JSON that cannot close its <script> element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _profiles(articles: list[Article], original: dict[str, str]) -> list[dict[str, Any]]:
    by_outlet: dict[str, dict[str, Any]] = {}
    for a in articles:
        p = by_outlet.setdefault(a.outlet or "(unknown outlet)", {
            "outlet": a.outlet or "(unknown outlet)", "articles": 0, "techniques": Counter(),
            "genres": Counter(), "frames": Counter(), "claims": 0, "attributed": 0,
            "hedges": 0, "speculation": 0, "quotes": 0, "copies": 0})
        p["articles"] += 1
        p["copies"] += original.get(a.id, a.id) != a.id  # republished another's text
        p["techniques"].update(t.technique for t in a.techniques)
        p["genres"][a.genre or "unknown"] += 1
        p["frames"].update(f.frame for f in a.frames)
        p["quotes"] += len(a.quotes)
        if a.profile:
            for k in ("claims", "attributed", "hedges", "speculation"):
                p[k] += getattr(a.profile, k)
    out = []
    for p in sorted(by_outlet.values(), key=lambda p: (-p["articles"], p["outlet"])):
        p["attributed_share"] = p["attributed"] / p["claims"] if p["claims"] else None
        p["techniques"] = dict(p["techniques"].most_common())
        p["genres"] = dict(p["genres"].most_common())
        p["frames"] = dict(p["frames"].most_common(5))
        out.append(p)
    return out


def relations(edges: list[dict[str, Any]], top: int = RELATIONS) -> list[dict[str, Any]]:
    """Dyads (either direction) summed over every month: the relations the corpus is about,
    most reported first, with the cooperation and conflict weight and when they were seen."""
    by_pair: dict[tuple[str, str], dict[str, Any]] = {}
    for e in edges:
        pair = tuple(sorted((e["source"], e["target"])))
        r = by_pair.setdefault(pair, {  # type: ignore[arg-type]
            "a": pair[0], "b": pair[1], "incidents": 0, "cooperation": 0.0, "conflict": 0.0,
            "first": e["period"], "last": e["period"], "months": Counter()})
        r["incidents"] += len(e["incidents"])
        r["cooperation"] += e["cooperation"]
        r["conflict"] += e["conflict"]
        r["first"] = min(r["first"], e["period"])
        r["last"] = max(r["last"], e["period"])
        r["months"][e["period"]] += e["weight"]
    out = sorted(by_pair.values(), key=lambda r: (-r["incidents"], r["a"], r["b"]))[:top]
    for r in out:  # how the relation moved: the weight of its latest month against its first
        months = sorted(r.pop("months").items())
        r["trend"] = ("" if len(months) < 2 else "towards conflict"
                      if months[-1][1] < months[0][1] else "towards cooperation"
                      if months[-1][1] > months[0][1] else "")
    return out


def evidence_by_source(incident: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per independent source: its own evidence (the original's, not a copy's) and
    the outlets that republished the same text, so a copy is shown once, as a copy."""
    rows: dict[str, dict[str, Any]] = {}
    for ev in incident["evidence"]:
        row = rows.setdefault(ev["source"], {"evidence": [], "copies": []})
        if ev["copy"]:
            row["copies"].append(ev.get("outlet") or ev["article_id"])
        else:
            row["evidence"].append(ev)
    for source, row in rows.items():
        if not row["evidence"]:  # only copies were stored: show the first copy's text
            first = next(ev for ev in incident["evidence"] if ev["source"] == source)
            row["evidence"].append(first)
            row["copies"] = row["copies"][1:]
            row["only_copy"] = True
        row["copies"] = sorted(set(row["copies"]))
    return list(rows.values())


def _actor_sources(store: Any, ids: list[str]) -> dict[str, int]:
    """Independent sources mentioning each actor (a copy and its original count once)."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = storage.query(
        store, "SELECT m.actor_id, count(DISTINCT coalesce(g.original_id, m.article_id)) AS n "
        "FROM mentions m LEFT JOIN copy_groups g ON g.article_id = m.article_id "
        f"WHERE m.actor_id IN ({marks}) GROUP BY m.actor_id", ids)
    return {r["actor_id"]: int(r["n"]) for r in rows}


def build_context(store: Any) -> dict[str, Any]:
    actors = actor_info(store)
    name = (lambda a: actors.get(a or "", {}).get("name") or a  # noqa: E731
            or "(unspecified)")
    articles = []
    for i, article in enumerate(store.iter_articles()):
        if i >= MAX_ARTICLES:
            break
        articles.append(article)
    incidents = timeline(store)
    original = storage.copy_links(store)[0]
    g = graph(store)
    top_nodes = g["nodes"][:GRAPH_NODES]
    keep = {n["id"] for n in top_nodes}
    lines = pair_lines(g["edges"], keep, name)
    pos = force_layout([n["id"] for n in top_nodes],
                       [(ln["a"], ln["b"], float(ln["incidents"])) for ln in lines])
    months: dict[str, dict[str, float]] = defaultdict(lambda: {"cooperation": 0.0,
                                                                "conflict": 0.0})
    for e in g["edges"]:
        months[e["period"]]["cooperation"] += e["cooperation"]
        months[e["period"]]["conflict"] += e["conflict"]
    dyads = Counter((i["source_actor"], i["target_actor"]) for i in incidents
                    if i["date"] and i["source_actor"] and i["target_actor"])
    shown_dyads = {d for d, _ in dyads.most_common(TIMELINE_DYADS)}
    chart = {
        "timeline": [{"date": i["date"], "dyad": f"{name(i['source_actor'])} → "
                      f"{name(i['target_actor'])}", "type": i["type"], "quad": i["quad"],
                      "status": i["status"], "sources": i["n_sources"],
                      "conflicts": len(i["conflicts"])}
                     for i in incidents[:MAX_INCIDENTS]
                     if (i["source_actor"], i["target_actor"]) in shown_dyads],
        "nodes": [{"id": n["id"], "name": n["name"], "x": pos[n["id"]][0],
                   "y": pos[n["id"]][1], "incidents": n["incidents"], "weight": n["weight"]}
                  for n in top_nodes],
        "edges": [{"x": [pos[ln["a"]][0], pos[ln["b"]][0]],
                   "y": [pos[ln["a"]][1], pos[ln["b"]][1]], "weight": ln["weight"],
                   "label": ln["label"]} for ln in lines],
        "months": [{"period": k, **v} for k, v in sorted(months.items())],
        "profiles": [{"outlet": p["outlet"], "techniques": p["techniques"]}
                     for p in _profiles(articles, original)],
    }
    story_list = stories(store)
    story_of = {a: s["id"] for s in story_list for a in s["articles"]}
    n_articles = store.count("articles")
    key_actors = store.actors(limit=20)
    sources_of = _actor_sources(store, [a["id"] for a in key_actors])
    dates = sorted(i["date"] for i in incidents if i["date"])
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "n_articles": n_articles, "shown_articles": len(articles),
        "n_copies": sum(1 for a, o in original.items() if a != o),
        "n_sources": n_articles - sum(1 for a, o in original.items() if a != o),
        "republishers": sorted({a.outlet for a in articles
                                if a.outlet and original.get(a.id, a.id) != a.id}),
        "outlets": sorted({a.outlet for a in articles if a.outlet
                           and original.get(a.id, a.id) == a.id}),
        "period": (dates[0], dates[-1]) if dates else None,
        "relations": relations(g["edges"]),
        "stories": story_list, "incidents": [
            {**i, "by_source": evidence_by_source(i)} for i in incidents[:MAX_INCIDENTS]],
        "n_incidents": len(incidents),
        "n_conflicting": sum(1 for i in incidents if i["conflicts"]),
        "n_shared": sum(1 for i in incidents if i["n_sources"] > 1),
        "key_actors": [{**a, "sources": sources_of.get(a["id"], 0)} for a in key_actors],
        "name": name,
        "claims": claims(store)[:MAX_INCIDENTS], "quantities": quantity_claims_of(store),
        "profiles": _profiles(articles, original),
        "articles": [{"article": a, "html": highlight(a), "story": story_of.get(a.id)}
                     for a in articles],
        "chart_data": _json_script(chart),
        "plotly_js": Markup(_plotly_js()),
    }


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return str(get_plotlyjs()).replace("</script", "<\\/script")


def render(store: Any) -> str:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsgraph.compare", "templates"),
        autoescape=True)
    return env.get_template("dossier.html.jinja").render(**build_context(store))


def write_dossier(store: Any, path: str | Path) -> Path:
    """Bring the cross-article tables up to date, then write the dossier to ``path``."""
    update(store)
    out = Path(path)
    out.write_text(render(store), encoding="utf-8")
    return out
