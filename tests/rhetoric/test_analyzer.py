"""The stage with the committed weights, on texts written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.models import Article, Sentence
from newsgraph.pipeline import load_stage
from newsgraph.stages.rhetoric import RhetoricAnalyzer
from newsgraph.stages.rhetoric.analyzer import SCARE_QUOTE_TECHNIQUES
from newsgraph.stages.rhetoric.training.fit import GENRES
from tests.conftest import article_of

# Written for this test: one propagandistic paragraph, one plain report.
OPINION = (
    "The Corrupt Elites Strike Again\n\n"
    "These shameless globalist puppets will destroy everything our nation stands for, and "
    "the spineless cowards in Congress do nothing! Why would anyone believe their lies?\n\n"
    "Every patriot must stand up now, or we will lose our country forever.\n\n"
    "The committee met on Tuesday and published a 40-page report on road maintenance "
    "budgets for the next fiscal year."
)

# Written for this test: a plain wire report.
WIRE = (
    "Ministers extend sanctions on Belarus\n\n"
    "BRUSSELS — European Union foreign ministers agreed on Monday to extend asset freezes "
    "and travel bans on 88 Belarusian officials for another year, diplomats said.\n\n"
    "The measures were first imposed in October 2020. Hungary had asked for two names to be "
    "removed from the list, according to two officials familiar with the talks.\n\n"
    "The Belarusian foreign ministry said on Tuesday that it would respond."
)


def _sentences(body: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, ch in enumerate(body):
        if ch in ".!?\n" and (i + 1 == len(body) or body[i + 1] in " \n"):
            if body[start:i + 1].strip():
                out.append(Sentence(start=start, end=i + 1))
            start = i + 1
    return tuple(out)


@pytest.fixture(scope="module")
def analyzer() -> RhetoricAnalyzer:
    return RhetoricAnalyzer()


@pytest.fixture(scope="module")
def result(analyzer: RhetoricAnalyzer) -> Article:
    return analyzer([article_of(OPINION, sentences=_sentences(OPINION))])[0]


def test_stage_is_importable_from_the_pipeline_ref() -> None:
    stage = load_stage("newsgraph.stages.rhetoric:RhetoricAnalyzer")
    assert stage.name == "rhetoric" and stage.version
    assert {"techniques", "frames", "genre", "profile"} <= stage.provides


def test_spans_are_valid_and_named_in_the_taxonomy(analyzer: RhetoricAnalyzer,
                                                   result: Article) -> None:
    names = set(analyzer.model.techniques.names)
    assert result.techniques
    for t in result.techniques:
        assert 0 <= t.start < t.end <= len(OPINION)
        assert t.technique in names and 0.0 <= t.confidence <= 1.0
    assert set(SCARE_QUOTE_TECHNIQUES) <= names


def test_loaded_paragraph_flagged_and_plain_report_not(result: Article) -> None:
    loaded = OPINION.index("These shameless")
    plain = OPINION.index("The committee met")
    assert any(loaded <= t.start < plain for t in result.techniques)
    assert not [t for t in result.techniques if t.start >= plain]


def test_genre_frames_profile(analyzer: RhetoricAnalyzer, result: Article) -> None:
    assert result.genre in GENRES
    assert all(f.frame in analyzer.model.frames.names for f in result.frames)
    assert result.profile is not None and result.profile.claims >= 3


def test_genre_tells_the_rant_from_the_wire_report(analyzer: RhetoricAnalyzer,
                                                  result: Article) -> None:
    assert result.genre == "opinion"
    wire = analyzer([article_of(WIRE, sentences=_sentences(WIRE))])[0]
    assert wire.genre == "reporting"
    # the probability behind each call: over one half (two live classes), at most 1
    for out in (result, wire):
        assert out.genre_confidence is not None and 0.5 < out.genre_confidence <= 1.0


def test_empty_body_is_handled(analyzer: RhetoricAnalyzer) -> None:
    out = analyzer([article_of("")])[0]
    assert out.techniques == () and out.genre is None and out.profile is not None
    assert out.genre_confidence is None
