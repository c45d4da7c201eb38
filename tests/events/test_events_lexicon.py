"""The knowledge files: complete, consistent with PLOVER, and loadable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.models import PLOVER_TYPES
from newsgraph.stages.events.lexicon import load


def test_every_plover_type_has_verbal_and_nominal_triggers() -> None:
    lex = load()
    for pos in ("VERB", "NOUN"):
        covered = {t.type for rows in lex.triggers.values() for t in rows if t.pos == pos}
        assert covered == set(PLOVER_TYPES), f"{pos} triggers missing {set(PLOVER_TYPES) - covered}"


def test_rows_are_well_formed() -> None:
    lex = load()
    roots = lex.scales["root_goldstein"]
    for rows in lex.triggers.values():
        for t in rows:
            assert t.pos in ("VERB", "NOUN")
            assert t.type in PLOVER_TYPES
            assert t.cameo in roots, f"{t.lemma}: unknown CAMEO root {t.cameo}"
            assert 0 < t.weight <= 1
    assert set(lex.scales["type_root"]) == set(PLOVER_TYPES)


def test_modes_and_contexts_are_plover_ones(shared: Path) -> None:
    table = json.loads((shared / "data/events/cameo2plover.json").read_text())["mapping"]
    modes: dict[str, set[str]] = {}
    contexts: set[str] = set()
    for v in table.values():
        if v["mode"]:
            modes.setdefault(v["plover"], set()).add(v["mode"])
        contexts.update(v["context"] or ())
    for rows in load().triggers.values():
        for t in rows:
            if t.mode:
                assert t.mode in modes.get(t.type, set()), f"{t.lemma}: {t.type}/{t.mode}"
            assert set(t.context) <= contexts, f"{t.lemma}: {t.context}"


@pytest.mark.parametrize("name", ["negation_words", "hypothetical_modals", "planned_modals",
                                  "claim_verbs", "light_verbs", "target_prepositions"])
def test_status_cues_present(name: str) -> None:
    assert load().cue(name)
