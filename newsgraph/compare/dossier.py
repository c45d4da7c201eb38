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
import math
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..models import Article
from . import claims, graph, quantity_claims_of, storage, stories, timeline, update
from .storage import actor_info

MAX_ARTICLES = 300  # articles shown in full; a dossier over a large store stays openable
MAX_INCIDENTS = 2000
GRAPH_NODES = 40
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


def _layout(nodes: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    n = max(1, len(nodes))
    return {node["id"]: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n))
            for i, node in enumerate(nodes)}


def _profiles(articles: list[Article]) -> list[dict[str, Any]]:
    by_outlet: dict[str, dict[str, Any]] = {}
    for a in articles:
        p = by_outlet.setdefault(a.outlet or "(unknown outlet)", {
            "outlet": a.outlet or "(unknown outlet)", "articles": 0, "techniques": Counter(),
            "genres": Counter(), "frames": Counter(), "claims": 0, "attributed": 0,
            "hedges": 0, "speculation": 0, "quotes": 0})
        p["articles"] += 1
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


def build_context(store: Any) -> dict[str, Any]:
    actors = actor_info(store)
    name = (lambda a: actors.get(a or "", {}).get("name") or a or "?")  # noqa: E731
    articles = []
    for i, article in enumerate(store.iter_articles()):
        if i >= MAX_ARTICLES:
            break
        articles.append(article)
    incidents = timeline(store)
    g = graph(store)
    top_nodes = g["nodes"][:GRAPH_NODES]
    keep = {n["id"] for n in top_nodes}
    pos = _layout(top_nodes)
    months: dict[str, dict[str, float]] = defaultdict(lambda: {"cooperation": 0.0,
                                                                "conflict": 0.0})
    for e in g["edges"]:
        months[e["period"]]["cooperation"] += e["cooperation"]
        months[e["period"]]["conflict"] += e["conflict"]
    chart = {
        "timeline": [{"date": i["date"], "dyad": f"{name(i['source_actor'])} → "
                      f"{name(i['target_actor'])}", "type": i["type"], "quad": i["quad"],
                      "status": i["status"], "sources": i["n_sources"],
                      "conflicts": len(i["conflicts"])}
                     for i in incidents[:MAX_INCIDENTS] if i["date"]],
        "nodes": [{"id": n["id"], "name": n["name"], "x": pos[n["id"]][0],
                   "y": pos[n["id"]][1], "incidents": n["incidents"], "weight": n["weight"]}
                  for n in top_nodes],
        "edges": [{"x": [pos[e["source"]][0], pos[e["target"]][0]],
                   "y": [pos[e["source"]][1], pos[e["target"]][1]], "weight": e["weight"],
                   "label": f"{name(e['source'])} → {name(e['target'])} {e['period']}: "
                            f"{', '.join(e['types'])}"}
                  for e in g["edges"] if e["source"] in keep and e["target"] in keep],
        "months": [{"period": k, **v} for k, v in sorted(months.items())],
        "profiles": [{"outlet": p["outlet"], "techniques": p["techniques"]}
                     for p in _profiles(articles)],
    }
    story_list = stories(store)
    story_of = {a: s["id"] for s in story_list for a in s["articles"]}
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "n_articles": store.count("articles"), "shown_articles": len(articles),
        "n_copies": sum(1 for a, o in storage.copy_links(store)[0].items() if a != o),
        "outlets": sorted({a.outlet for a in articles if a.outlet}),
        "stories": story_list, "incidents": incidents[:MAX_INCIDENTS],
        "n_incidents": len(incidents),
        "n_conflicting": sum(1 for i in incidents if i["conflicts"]),
        "key_actors": store.actors(limit=20), "name": name,
        "claims": claims(store)[:MAX_INCIDENTS], "quantities": quantity_claims_of(store),
        "profiles": _profiles(articles),
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
