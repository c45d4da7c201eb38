from __future__ import annotations

import dataclasses

from newsgraph.compare.duplicates import choose_original, containment, link_copies
from newsgraph.compare.features import from_article, shingles

TEXT = ("Russia stopped most crude oil deliveries to Belarus at the start of the year after the "
        "two governments failed to agree on a price. Refineries in Mozyr and Novopolotsk were "
        "told to expect only a trickle of supplies while talks continue in Moscow and Minsk. "
        "Officials said reserves would last a few weeks and that other suppliers were sought.")
OTHER = ("Chile and Peru signed an agreement to share data on anchovy stocks along their "
         "maritime border, fisheries ministers said, after two years of technical talks in Lima "
         "and Santiago that leave the sea boundary set by the court in The Hague unchanged.")


def test_shingles_ignore_case_punctuation_and_line_breaks() -> None:
    assert (shingles(TEXT) == shingles(TEXT.upper().replace(". ", ".\n\n"))).all()


def test_copy_with_banner_and_footer_is_linked_both_ways(make) -> None:
    original = make("a", "Oil Halted\n\n" + TEXT, outlet="Baltic Wire", published="2020-01-03")
    copy = make("b", "DIGEST | subscribe now\n\nOIL HALTED\n\n" + TEXT + "\n\nShare this story.",
                outlet="Mirror", published="2020-01-05")
    unrelated = make("c", OTHER, outlet="Andes Daily")
    links = link_copies([from_article(a) for a in (original, copy, unrelated)])
    assert links.copies_of("a") == ["b"] and links.copies_of("b") == ["a"]
    assert links.source_of("b") == "a" and links.source_of("a") == "a"
    assert links.copies_of("c") == [] and links.source_of("c") == "c"


def test_containment_is_low_for_different_texts(make) -> None:
    a, b = from_article(make("a", TEXT)), from_article(make("b", OTHER))
    assert containment(a, b) < 0.2


def test_short_texts_are_never_called_copies(make) -> None:
    a, b = make("a", "Putin met Lukashenko."), make("b", "Putin met Lukashenko.")
    assert link_copies([from_article(a), from_article(b)]).original == {}


def test_original_is_the_outlet_the_copy_names_even_if_later(make) -> None:
    early_copy = from_article(make("x", TEXT, outlet="afgazad.com", published="2020-02-10",
                                   original_outlet="World Socialist Web Site"))
    source = from_article(make("y", TEXT, outlet="World Socialist", published="2020-02-11"))
    assert choose_original([early_copy, source]).id == "y"


def test_original_is_the_earliest_when_nothing_is_named(make) -> None:
    a = from_article(make("a", TEXT, outlet="A", published="2020-02-11"))
    b = from_article(make("b", TEXT, outlet="B", published="2020-02-09"))
    assert choose_original([a, b]).id == "b"
    undated = dataclasses.replace(b, published=None)
    assert choose_original([a, undated]).id == "a"
