"""The actor-graph drawing: a deterministic layout that keeps linked actors together."""

from __future__ import annotations

import math

from newsgraph.compare.layout import force_layout, pair_lines


def test_layout_is_deterministic_bounded_and_keeps_links_short() -> None:
    ids = ["RU", "BY", "US", "UA", "CN", "BRI"]
    links = [("RU", "BY", 8.0), ("BY", "US", 3.0), ("RU", "UA", 2.0), ("CN", "BRI", 1.0)]
    pos = force_layout(ids, links)
    assert pos == force_layout(ids, links)
    assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in pos.values())

    def dist(a: str, b: str) -> float:
        return math.dist(pos[a], pos[b])

    assert dist("RU", "BY") < dist("RU", "CN") and dist("CN", "BRI") < dist("BRI", "US")
    assert len({p for p in pos.values()}) == len(ids)  # no two actors on the same spot
    assert force_layout([], []) == {} and force_layout(["X"], []) == {"X": (0.0, 0.0)}


def test_pair_lines_fold_directions_and_months() -> None:
    def edge(src: str, dst: str, period: str, weight: float) -> dict[str, object]:
        return {"source": src, "target": dst, "period": period, "weight": weight,
                "incidents": ["i"], "types": {"CONSULT": 1}}

    lines = pair_lines([edge("RU", "BY", "2019-05", 2.0), edge("BY", "RU", "2020-02", -1.0),
                        edge("RU", "XX", "2020-02", 1.0)], keep={"RU", "BY"}, name=str.lower)
    assert len(lines) == 1
    assert (lines[0]["a"], lines[0]["b"], lines[0]["weight"], lines[0]["incidents"]) == (
        "BY", "RU", 1.0, 2)
    assert lines[0]["label"] == "by – ru: 2 incidents, 2019-05 – 2020-02; CONSULT"
