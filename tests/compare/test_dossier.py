"""The dossier: escaped hostile text, self-contained HTML, and a real headless Chromium run."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from compare_browser import ARTIFACTS, open_in_chromium

from newsgraph.compare import timeline, update
from newsgraph.compare.dossier import evidence_by_source, highlight, relations, write_dossier
from newsgraph.models import Mention, Technique

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _hostile(multi):
    a = multi[0]
    body = a.body + "\n\n" + HOSTILE + " </script><!-- & ]]>"
    return dataclasses.replace(
        a, id="hostile", title=HOSTILE, outlet=HOSTILE, body=body,
        techniques=(*a.techniques, Technique(start=len(a.body) + 2, end=len(a.body) + 30,
                                             technique="Loaded_Language", confidence=0.9)))


def test_highlight_escapes_and_nests_overlapping_spans(multi) -> None:
    a = dataclasses.replace(multi[0], body="<b>Russia</b> & Belarus", mentions=(
        Mention(start=3, end=9, text="Russia", actor_id="Q159"),),
        techniques=(Technique(start=0, end=13, technique="Loaded_Language",
                              confidence=1.0),), events=(), quotes=())
    out = str(highlight(a))
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp; Belarus" in out
    assert out.count("<mark") == 3  # before, inside and after the mention
    assert 'class="k-m k-t"' in out


@pytest.fixture()
def dossier(fresh_store, multi, tmp_path) -> Path:
    for a in [*multi, _hostile(multi)]:
        fresh_store.save(a)
    update(fresh_store)
    return write_dossier(fresh_store, tmp_path / "dossier.html")


def test_dossier_shows_a_copy_once_as_a_copy(dossier, fresh_store) -> None:
    """A copy's evidence is not repeated as if it were another source: each independent
    source shows its own sentence, and the outlets that republished it are named."""
    html = dossier.read_text(encoding="utf-8")
    rows = [r for i in timeline(fresh_store) for r in evidence_by_source(i)[:6]]
    expected = sum(bool(r["copies"]) for r in rows)
    assert 0 < expected == html.count("(copy, not counted)")
    assert html.count("(copy)") == sum(bool(r.get("only_copy")) for r in rows)


def test_evidence_by_source_folds_copies() -> None:
    def ev(article, source, outlet):
        return {"article_id": article, "source": source, "outlet": outlet,
                "copy": article != source, "text": article}

    incident = {"evidence": [ev("a", "a", "Wire"), ev("b", "a", "Mirror"), ev("c", "c", "Other"),
                             ev("e", "d", "Echo")]}
    rows = evidence_by_source(incident)
    assert [r["evidence"][0]["article_id"] for r in rows] == ["a", "c", "e"]
    assert [r["copies"] for r in rows] == [["Mirror"], [], []]
    assert rows[2].get("only_copy") and not rows[0].get("only_copy")


def test_dossier_is_self_contained_and_escaped(dossier) -> None:
    html = dossier.read_text(encoding="utf-8")
    assert HOSTILE not in html and "&lt;script&gt;alert" in html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, re.I)
    assert html.count("<script>") == 2  # plotly (once) and the page's own code
    assert "default-src 'none'" in html
    for section in ("overview", "actors", "timeline", "graph", "incidents", "claims",
                    "sources", "articles"):
        assert f'id="{section}"' in html


@pytest.mark.browser
def test_dossier_in_headless_chromium(dossier) -> None:
    def check(page) -> None:
        assert page.locator("#chart-timeline .point").count() > 0
        page.locator("#article-hostile details summary").click()
        assert HOSTILE in page.locator("#article-hostile .body").inner_text()

    seen = open_in_chromium(dossier, "dossier.png", check=check)
    assert seen == {"errors": [], "requests": []}
    assert (ARTIFACTS / "dossier.png").stat().st_size > 10_000


def test_relations_sum_both_directions_over_months() -> None:
    def edge(src, dst, period, coop, conf):
        return {"source": src, "target": dst, "period": period, "first_date": period + "-01",
                "incidents": ["i"] * 2, "cooperation": coop, "conflict": conf,
                "weight": coop - conf}

    rows = relations([edge("RU", "BY", "2019-05", 3.0, 0.0), edge("BY", "RU", "2020-02", 0.0, 4.0),
                      edge("US", "BY", "2020-02", 1.0, 0.0)])
    first = rows[0]
    assert (first["a"], first["b"], first["incidents"]) == ("BY", "RU", 4)
    assert (first["cooperation"], first["conflict"]) == (3.0, 4.0)
    assert (first["first"], first["last"], first["trend"]) == ("2019-05", "2020-02",
                                                               "towards conflict")
    assert rows[1]["trend"] == ""  # one month: no movement to speak of
