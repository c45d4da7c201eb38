from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Actor, Article, Mention
from newsgraph.stages.quotations import quotations
from newsgraph.stages.quotations.marks import find_quotes


def _mentions(text: str, *pairs: tuple[str, str]) -> tuple[Mention, ...]:
    out = []
    for surface, actor in pairs:
        start = text.index(surface)
        out.append(Mention(start=start, end=start + len(surface), text=surface, actor_id=actor))
    return tuple(out)


def test_marks_pair_straight_and_curly() -> None:
    text = 'He said "yes" and “no,” then "maybe."'
    assert [text[m.start:m.end] for m in find_quotes(text)] == ["yes", "no", "maybe."]


def test_speaker_resolved_through_a_pronoun_mention(parsed: Callable[..., Article]) -> None:
    text = ('Kravchenko spoke in Washington. He said that "Allies recognize the risk," but '
            'that "Belarus can be a helpful partner."')
    mentions = _mentions(text, ("Kravchenko", "P1"), ("He", "P1"))
    article = quotations.fn(parsed(text, mentions=mentions))
    assert [(q.text[:6], q.speaker_actor, q.speaker_text) for q in article.quotes] == [
        ("Allies", "P1", "He"), ("Belaru", "P1", "He")]


def test_partial_quote_versus_scare_quote(parsed: Callable[..., Article]) -> None:
    text = ('Lukashenko denounced the annexation as a "dangerous precedent". Talks on a '
            '"union state" failed, and Minsk may "defect" to the West.')
    mentions = _mentions(text, ("Lukashenko", "P2"))
    article = quotations.fn(parsed(text, mentions=mentions))
    assert [(q.text, q.speaker_actor) for q in article.quotes] == [("dangerous precedent", "P2")]
    assert [text[s.start:s.end] for s in article.scare_quotes] == ["union state", "defect"]


def test_speaker_without_mention_keeps_text(parsed: Callable[..., Article]) -> None:
    text = '"We have nothing to hide," the mayor told journalists.'
    (quote,) = quotations.fn(parsed(text)).quotes
    assert quote.speaker_actor is None and quote.speaker_text == "the mayor"


def test_document_noun_falls_back_to_media_actor(parsed: Callable[..., Article]) -> None:
    text = ('Foreign Affairs published a piece last week. The piece concluded by urging '
            'support, writing that "his ability to keep influence at bay has been a gift."')
    mentions = _mentions(text, ("Foreign Affairs", "M1"))
    actors = (Actor(id="M1", name="Foreign Affairs", type="media"),)
    (quote,) = quotations.fn(parsed(text, mentions=mentions, actors=actors)).quotes
    assert (quote.speaker_text, quote.speaker_actor) == ("The piece", "M1")
