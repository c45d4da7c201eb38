"""Language detection (lingua, restricted list)."""

from __future__ import annotations

import pytest

from newsgraph.models import Article, SourceRef
from newsgraph.stages.language import detect, language


@pytest.mark.parametrize(("text", "code"), [
    ("Russia and Belarus failed to agree on oil prices at the meeting in Sochi.", "en"),
    ("Россия и Белоруссия не договорились о цене на нефть на переговорах в Сочи.", "ru"),
    ("Росія та Білорусь не домовилися про ціну нафти на переговорах.", "uk"),
    ("Расія і Беларусь не дамовіліся пра цану нафты на перамовах у Сочы.", "be"),
    ("Russland und Belarus konnten sich nicht auf den Ölpreis einigen.", "de"),
    ("La Russie et le Bélarus ne sont pas parvenus à un accord sur le pétrole.", "fr"),
    ("Rosja i Białoruś nie porozumiały się w sprawie cen ropy naftowej.", "pl"),
    ("روسیه و بلاروس بر سر قیمت نفت به توافق نرسیدند.", "fa"),
    ("俄罗斯和白俄罗斯未能就石油价格达成协议。", "zh"),
])
def test_detect(text: str, code: str) -> None:
    assert detect(text) == code


def test_stage_keeps_given_language_and_handles_empty() -> None:
    given = Article(id="t", source=SourceRef(uri="t", format="text"), body="Hallo Welt",
                    language="en")
    assert language.fn(given).language == "en"
    empty = Article(id="t", source=SourceRef(uri="t", format="text"), body="  1 2 3 ")
    assert language.fn(empty).language is None
