"""The knowledge base files: well-formed, ISO codes real, roles dated and consistent."""

from __future__ import annotations

import re

import pytest

from newsgraph.models import ACTOR_TYPES
from newsgraph.stages.actors.kb import DATA, _rows, load_kb

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_kb()


def test_every_data_file_names_its_source() -> None:
    for path in DATA.iterdir():
        head = path.read_text(encoding="utf-8")[:600].lower()
        assert "source" in head, f"{path.name} has no header saying where its facts come from"


def test_states_cover_the_un_and_use_real_iso_codes() -> None:
    pycountry = pytest.importorskip("pycountry")
    rows = _rows("states.tsv")
    codes = [r["iso3"] for r in rows if r["iso3"]]
    assert len(rows) >= 195  # 193 members + 2 observers (+ Taiwan, Kosovo)
    assert len(codes) == len(set(codes))
    for code in codes:
        assert pycountry.countries.get(alpha_3=code) is not None, code


def test_ids_are_unique_and_qids_well_formed() -> None:
    ids: list[str] = []
    for name in ("states.tsv", "orgs.tsv", "people.tsv"):
        for row in _rows(name):
            if row.get("qid"):
                assert re.fullmatch(r"Q[1-9]\d*", row["qid"]), row
                ids.append(row["qid"])
            if row.get("id"):
                assert re.fullmatch(r"local:[a-z]+:[a-z0-9-]+", row["id"]), row
                ids.append(row["id"])
    assert len(ids) == len(set(ids))


def test_types_are_known(kb) -> None:  # type: ignore[no-untyped-def]
    assert {e.type for e in kb.entries.values()} <= set(ACTOR_TYPES)


def test_roles_are_dated_keys_of_known_orgs(kb) -> None:  # type: ignore[no-untyped-def]
    known_keys = set(kb.role_titles)
    for entry in kb.entries.values():
        for role in entry.roles:
            assert role.title in known_keys, (entry.name, role)
            assert role.org in kb.entries, (entry.name, role)
            assert role.start and DATE.match(role.start), (entry.name, role)
            assert role.end is None or DATE.match(role.end), (entry.name, role)
            assert role.end is None or role.start <= role.end, (entry.name, role)


def test_one_holder_at_a_time_for_top_offices(kb) -> None:  # type: ignore[no-untyped-def]
    """Overlapping terms for the same office mean a typo in a date."""
    for (key, org), holders in kb.holders.items():
        if key not in {"president", "prime_minister", "chancellor", "foreign_minister"}:
            continue
        spans = sorted((start, end, person) for person, start, end in holders)
        for (_s1, e1, p1), (s2, _e2, p2) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2 or p1 == p2 or e1[:7] == s2[:7], (key, org, p1, p2)


@pytest.mark.parametrize("surface", [
    "Russia", "Belarus", "United States", "Ukraine", "NATO", "CSTO", "EU", "Eurasian Union",
    "Union State", "CIS", "OSCE", "G7", "G20", "OPEC+", "BRICS", "SCO", "IAEA", "IMF",
    "World Bank", "WTO", "Atlantic Council", "Gazprom", "Rosneft", "Transneft", "Belneftekhim",
    "Naftan", "Mozyr refinery", "Druzhba pipeline", "Nord Stream 2", "TurkStream",
    "Yamal-Europe pipeline", "Naftogaz", "PKN Orlen", "Klaipeda LNG terminal", "Foreign Affairs",
    "RT", "Law and Justice", "PiS", "Crimea", "Kosovo", "Taiwan", "Palestine", "the Kremlin",
    "Minsk", "Kyiv", "Kiev", "Warsaw", "Vilnius", "Lukashenka", "Linkevicious",
])
def test_required_names_are_known(kb, surface: str) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.stages.actors.kb import _tokenize, norm

    assert tuple(norm(t) for t in _tokenize(surface)) in kb.aliases, surface


def test_role_lookup_follows_the_date(kb) -> None:  # type: ignore[no-untyped-def]
    usa = kb.state_by_iso["USA"]
    assert kb.holder("foreign_minister", usa, "2017-06-01") == "local:person:rex-tillerson"
    assert kb.holder("foreign_minister", usa, "2019-06-01") == "local:person:mike-pompeo"
    assert kb.holder("foreign_minister", usa, "2022-06-01") == "local:person:antony-blinken"
    ukr = kb.state_by_iso["UKR"]
    assert kb.holder("president", ukr, "2016-01-01") == "local:person:petro-poroshenko"
    assert kb.holder("president", ukr, "2020-01-01") == "Q3874799"
    blr = kb.state_by_iso["BLR"]
    assert kb.holder("foreign_minister", blr, "2020-02-12") == "local:person:vladimir-makei"
    assert kb.holder("foreign_minister", blr, "2023-06-01") == "local:person:sergei-aleinik"


def test_leading_office_can_change(kb) -> None:  # type: ignore[no-untyped-def]
    georgia = kb.entries[kb.state_by_iso["GEO"]]
    assert kb.leader(georgia, "2010-01-01") == "president"
    assert kb.leader(georgia, "2020-01-01") == "prime_minister"
    assert kb.leader(kb.entries[kb.state_by_iso["RUS"]], "2020-01-01") == "president"
