"""Small HTML helpers for readers: a fragment (feed item, JSONL snippet) to plain text."""

from __future__ import annotations

import re

_BLOCK = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
          "section", "article", "pre", "figcaption", "ul", "ol", "table")
_SPACES = re.compile(r"[ \t\u00a0]+")


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment with one blank line between blocks (no boilerplate removal:
    a feed item's content is the article itself)."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath(".//script|.//style|.//noscript|.//iframe"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK):
        el.tail = "\n\n" + (el.tail or "")
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "").lstrip("\n")
    text = root.text_content()
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
