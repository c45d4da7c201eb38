"""Drawing the actor graph: a deterministic force-directed layout and one line per actor pair.

Positions are computed here (not in the browser) so the dossier needs no layout library and
looks the same on every open. Fruchterman–Reingold: every pair of nodes repels, every edge
attracts in proportion to how many incidents it carries, and the step shrinks each round.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

ROUNDS = 200
K = 1.5  # ideal edge length, times 1/sqrt(nodes)
GRAVITY = 0.5


def force_layout(ids: list[str], links: list[tuple[str, str, float]],
                 rounds: int = ROUNDS) -> dict[str, tuple[float, float]]:
    """Node id -> (x, y) in [-1, 1]; ``links`` are (a, b, strength) with strength > 0."""
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (0.0, 0.0)}
    index = {a: i for i, a in enumerate(ids)}
    angle = 2 * math.pi * np.arange(n) / n  # a fixed start: the same input, the same picture
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    k = K / math.sqrt(n)
    ends = np.array([(index[a], index[b]) for a, b, _ in links if a in index and b in index]
                    or np.zeros((0, 2)), dtype=int).reshape(-1, 2)
    strength = np.array([math.log1p(s) for a, b, s in links if a in index and b in index])
    for r in range(rounds):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        disp = (delta * (k * k / dist**2)[:, :, None]).sum(axis=1)  # repulsion
        if len(ends):
            d = pos[ends[:, 0]] - pos[ends[:, 1]]
            length = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
            pull = d * (length * strength / k)[:, None]
            np.add.at(disp, ends[:, 0], -pull)
            np.add.at(disp, ends[:, 1], pull)
        disp -= pos * GRAVITY  # a pull to the centre keeps loose groups on the page
        size = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        step = 0.1 * (1 - r / rounds) + 0.002
        pos += disp / size[:, None] * np.minimum(size, step)[:, None]
    pos -= pos.mean(axis=0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    return {a: (round(float(pos[i, 0]), 4), round(float(pos[i, 1]), 4)) for a, i in index.items()}


def pair_lines(edges: list[dict[str, Any]], keep: set[str],
               name: Callable[[str], str]) -> list[dict[str, Any]]:
    """The monthly edges folded into one line per actor pair (both directions), with the
    summed weight and a label listing the months and event types behind it."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for e in edges:
        if e["source"] not in keep or e["target"] not in keep:
            continue
        a, b = sorted((e["source"], e["target"]))
        line = pairs.setdefault((a, b), {"a": a, "b": b, "weight": 0.0, "incidents": 0,
                                         "months": set(), "types": set()})
        line["weight"] += e["weight"]
        line["incidents"] += len(e["incidents"])
        line["months"].add(e["period"])
        line["types"].update(e["types"])
    out = []
    for (a, b), line in sorted(pairs.items()):
        months = sorted(line.pop("months"))
        span = months[0] if len(months) == 1 else f"{months[0]} – {months[-1]}"
        line["label"] = (f"{name(a)} – {name(b)}: {line['incidents']} incidents, {span}; "
                         + ", ".join(sorted(line.pop("types"))))
        out.append(line)
    return out
