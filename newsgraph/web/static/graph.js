// The actor graph: fetches /api/v1/graph and draws it as SVG with a small force layout.
// Labels are set with textContent (never innerHTML), so actor names stay text.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const COOP = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"]);

function polarity(edge) {
  const p = String(edge.polarity || edge.kind || edge.relation || edge.sign || "").toLowerCase();
  if (p.startsWith("coop") || p === "+" || p === "positive") return "cooperation";
  if (p.startsWith("conf") || p === "-" || p === "negative") return "conflict";
  const coop = Number(edge.cooperation || 0), conf = Number(edge.conflict || 0);
  if (coop || conf) return coop >= conf ? "cooperation" : "conflict";
  if (edge.type) return COOP.has(String(edge.type).toUpperCase()) ? "cooperation" : "conflict";
  return "other";
}

function normalize(data) {
  const rawNodes = data.nodes || [];
  const rawEdges = data.edges || data.links || [];
  const nodes = rawNodes.map((n) => (typeof n === "object" ? n : { id: n }))
    .map((n) => ({ id: String(n.id), label: String(n.name || n.label || n.id) }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // compare.graph gives one edge per dyad and month: draw one line per pair of actors
  const pairs = new Map();
  for (const e of rawEdges) {
    const s = String(e.source ?? e.from ?? e.source_actor ?? "");
    const t = String(e.target ?? e.to ?? e.target_actor ?? "");
    if (!s || !t || s === t) continue;
    for (const id of [s, t]) if (!byId.has(id)) { const n = { id, label: id }; nodes.push(n); byId.set(id, n); }
    const key = s < t ? s + "\u0000" + t : t + "\u0000" + s;
    const p = pairs.get(key) || { s: byId.get(s), t: byId.get(t), w: 0, coop: 0, conf: 0, other: 0 };
    const kind = polarity(e);
    const n = Array.isArray(e.incidents) ? e.incidents.length : Number(e.count || 1);
    p.w += Math.abs(Number(e.weight || 0)) || n;
    if (kind === "cooperation") p.coop += Number(e.cooperation || n);
    else if (kind === "conflict") p.conf += Number(e.conflict || n);
    else p.other += n;
    pairs.set(key, p);
  }
  const edges = [...pairs.values()].map((p) => ({ s: p.s, t: p.t, w: p.w,
    kind: p.coop || p.conf ? (p.coop >= p.conf ? "cooperation" : "conflict") : "other" }));
  return { nodes, edges };
}

function layout(nodes, edges, width, height) {
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
    n.x = width / 2 + (width / 3) * Math.cos(a); n.y = height / 2 + (height / 3) * Math.sin(a);
  });
  const k = Math.sqrt((width * height) / Math.max(1, nodes.length)) * 0.45;
  for (let step = 0; step < 250; step++) {
    const t = 10 * (1 - step / 250) + 0.5;
    for (const n of nodes) { n.dx = 0; n.dy = 0; }
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i], b = nodes[j];
      let dx = a.x - b.x, dy = a.y - b.y; const d = Math.max(1, Math.hypot(dx, dy));
      const f = (k * k) / d; dx /= d; dy /= d;
      a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
    }
    for (const e of edges) {
      let dx = e.s.x - e.t.x, dy = e.s.y - e.t.y; const d = Math.max(1, Math.hypot(dx, dy));
      const f = (d * d) / k; dx /= d; dy /= d;
      e.s.dx -= dx * f; e.s.dy -= dy * f; e.t.dx += dx * f; e.t.dy += dy * f;
    }
    for (const n of nodes) {
      // gravity towards the centre keeps separate components on screen
      const gx = width / 2 - n.x, gy = height / 2 - n.y, gd = Math.max(1, Math.hypot(gx, gy));
      n.dx += (gx / gd) * (gd * gd) / k * 0.6; n.dy += (gy / gd) * (gd * gd) / k * 0.6;
    }
    for (const n of nodes) {
      const d = Math.max(1, Math.hypot(n.dx, n.dy));
      n.x = Math.min(width - 140, Math.max(20, n.x + (n.dx / d) * Math.min(d, t)));
      n.y = Math.min(height - 20, Math.max(20, n.y + (n.dy / d) * Math.min(d, t)));
    }
  }
}

function el(name, attrs) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function draw(box, graph) {
  box.replaceChildren();
  if (!graph.nodes.length) { const p = document.createElement("p"); p.className = "empty"; p.textContent = "No relations in this period."; box.append(p); return; }
  const width = box.clientWidth || 900, height = 640;
  layout(graph.nodes, graph.edges, width, height);
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "actor graph" });
  const maxW = Math.max(1, ...graph.edges.map((e) => e.w));
  for (const e of graph.edges) {
    const line = el("line", { x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y, class: e.kind, "stroke-width": 1 + (4 * e.w) / maxW, "stroke-opacity": 0.6 });
    const title = el("title", {}); title.textContent = `${e.s.label} – ${e.t.label}: ${e.kind} (${e.w})`; line.append(title);
    svg.append(line);
  }
  for (const n of graph.nodes) {
    const a = el("a", { href: "/actors/" + encodeURIComponent(n.id) });
    a.append(el("circle", { cx: n.x, cy: n.y, r: 6 }));
    const text = el("text", { x: n.x + 8, y: n.y + 4 }); text.textContent = n.label; a.append(text);
    svg.append(a);
  }
  box.append(svg);
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("graph");
  if (!box) return;
  const params = new URLSearchParams();
  if (box.dataset.since) params.set("since", box.dataset.since);
  if (box.dataset.until) params.set("until", box.dataset.until);
  fetch("/api/v1/graph?" + params.toString(), { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status))))
    .then((data) => draw(box, normalize(data)))
    .catch((err) => { box.textContent = "The graph could not be loaded (" + err.message + ")."; });
});
