"""Teaser lists: "more stories" / "other columns" grids that link to other articles.

News pages put cards for other articles next to, or inside, the article's container: each
card is a headline that links elsewhere plus a short summary ("standfirst"), a byline or a
date. Extractors keep them when they share the article's container, because the summaries
read like prose. They are recognised by shape, not by class names (sites name them in every
language): a block with at least three children that are each a short card holding a
linked headline — a heading with a link in it, or a link around a heading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MIN_CARDS = 3
CARD_MAX = 500  # characters; a card is a headline plus a line or two
LABEL_MAX = 80  # a block's own label ("More stories") may sit around the cards
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _text_len(el: Any) -> int:
    return len(" ".join(el.text_content().split()))


def _is_card(el: Any) -> bool:
    if not isinstance(el.tag, str) or _text_len(el) > CARD_MAX:
        return False
    for heading in el.iter(*_HEADINGS):
        if any(len(a.text_content().split()) >= 2 for a in heading.iter("a")):
            return True
    return any(any(True for _ in a.iter(*_HEADINGS)) for a in el.iter("a"))


def _card_block(el: Any) -> bool:
    """Most of the block's text is in cards, and there are enough of them."""
    children = [c for c in el if isinstance(c.tag, str)]
    if len(children) < MIN_CARDS:
        return False
    cards = [c for c in children if _is_card(c)]
    if len(cards) < MIN_CARDS:
        return False
    return sum(_text_len(c) for c in cards) >= 0.8 * _text_len(el)


def _widen(block: Any, keep: Any) -> Any:
    """Take in the block's label: climb while the parent adds only a short heading."""
    while True:
        parent = block.getparent()
        if parent is None or parent.tag in ("body", "html", "main", "article") or parent in keep:
            return block
        if _text_len(parent) - _text_len(block) > LABEL_MAX:
            return block
        block = parent


def drop_teaser_lists(tree: Any, may_drop: Callable[[Any], bool]) -> None:
    """Remove teaser grids. Never one that holds the page's <h1> (a listicle whose sections
    are linked headings is the article) or that ``may_drop`` refuses (it holds the text)."""
    keep: set[Any] = set()
    for h1 in tree.iter("h1"):
        keep |= {h1, *h1.iterancestors()}
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el in keep or el.getparent() is None:
            continue
        if len(el) >= MIN_CARDS and _card_block(el):
            block = _widen(el, keep)
            if may_drop(block):
                block.drop_tree()
