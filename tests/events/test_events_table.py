"""The events table export: `newsgraph export --what events` layout in jsonl, csv and parquet."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from newsgraph.export import export
from newsgraph.models import Article, Event, Evidence
from newsgraph.stages.events.table import article_event_rows, intensity, quad_class

Code = Callable[..., Article]
COLUMNS = {"event_id", "article_id", "published", "date", "date_source", "source_actor",
           "source_name", "source_country", "target_actor", "target_name", "target_country",
           "plover_type", "mode", "context", "status", "claimed_by", "claimed_by_name",
           "cameo_root", "quad_class", "intensity", "location", "trigger", "evidence_text",
           "evidence_start", "evidence_end", "evidence_count", "outlet", "url", "title",
           "confidence"}


def coded(code: Code) -> Article:
    article = code("In December, Russia suspended its oil deliveries to Belarus. "
                   "Ukraine said that Russia attacked Kyiv.")
    return dataclasses.replace(article, outlet="Example News", url="https://example.org/a",
                               title="Oil")


def test_rows_carry_actors_codes_and_evidence(code: Code) -> None:
    article = coded(code)
    rows = {r["plover_type"]: r for r in article_event_rows(article)}
    assert set(rows["SANCTION"]) == COLUMNS
    cut = rows["SANCTION"]
    assert (cut["source_name"], cut["target_name"]) == ("Russia", "Belarus")
    assert (cut["source_country"], cut["target_country"]) == ("RUS", "BLR")
    assert (cut["cameo_root"], cut["quad_class"], cut["date"]) == ("16", 4, "2019-12")
    assert cut["intensity"] < 0 and cut["outlet"] == "Example News"
    body = article.body
    assert body[cut["evidence_start"]:cut["evidence_end"]] == cut["evidence_text"]
    attack = rows["ASSAULT"]
    assert (attack["claimed_by"], attack["claimed_by_name"]) == ("UKR", "Ukraine")
    assert attack["intensity"] <= -9


def test_intensity_follows_type_and_mode() -> None:
    def event(type_: str, mode: str | None = None) -> Event:
        return Event(type=type_, source_actor=None, target_actor=None, mode=mode,
                     evidence=(Evidence(start=0, end=1, text="x"),))

    assert intensity(event("AID")) > intensity(event("CONSULT")) > 0  # type: ignore[operator]
    assert intensity(event("ASSAULT", "massacre")) == -10
    assert intensity(event("RETREAT", "ceasefire")) > intensity(event("RETREAT"))  # type: ignore[operator]
    assert [quad_class(event(t)) for t in ("CONSULT", "AID", "ACCUSE", "ASSAULT")] == [1, 2, 3, 4]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_events(code: Code, fresh_store: Any, fmt: str) -> None:
    fresh_store.save(coded(code))
    out: Any = io.BytesIO() if fmt == "parquet" else io.StringIO()
    n = export(fresh_store, "events", fmt, out)
    assert n == 2
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.getvalue().splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(io.BytesIO(out.getvalue())).to_pylist()
    assert set(rows[0]) == COLUMNS
    assert {r["plover_type"] for r in rows} == {"SANCTION", "ASSAULT"}
