from __future__ import annotations

import pytest

from newsgraph.errors import PipelineError
from newsgraph.models import Article, Event, Evidence, SourceRef, from_dict, to_dict
from newsgraph.pipeline import FunctionStage, Pipeline, check, stage


def test_check_refuses_missing_requirement() -> None:
    s = FunctionStage("needs_events", "1", frozenset({"events"}), frozenset(), lambda a: a)
    with pytest.raises(PipelineError, match="needs_events"):
        check([s])


def test_failing_article_is_isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    @stage("boom", "1", requires={"raw"}, provides={"body"})
    def boom(article: Article) -> Article:
        if "bad" in article.raw:
            raise ValueError("cannot")
        return article

    p = Pipeline(())
    p.stages = [boom]
    good = Article(id="a", source=SourceRef(uri="a", format="text"), raw="good")
    bad = Article(id="b", source=SourceRef(uri="b", format="text"), raw="bad")
    out = p.run([good, bad])
    assert isinstance(out[0], Article)
    assert not isinstance(out[1], Article) and "boom" in out[1].reason


def test_codec_round_trip() -> None:
    a = Article(id="x", source=SourceRef(uri="u", format="text"), body="b",
                events=(Event(type="CONSULT", source_actor="Q159", target_actor="Q184",
                              evidence=(Evidence(start=0, end=1, text="b"),)),))
    assert from_dict(Article, to_dict(a)) == a
