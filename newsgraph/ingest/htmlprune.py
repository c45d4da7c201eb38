"""Page chrome removal before main-text extraction, and title clean-up.

trafilatura already drops navigation, footers and most widgets; this adds what it tends to
keep on news pages: share bars, newsletter/cookie boxes, author bios, related/recommended
lists, "read more" teasers, figure captions, and layout tables (old sites put the whole page
in a <table>, which a table-keeping extractor would flatten into one cell-separated line).
Names are matched as whole words of an element's class/id so "shared-content" or
"commentary" do not match, and an element holding most of the page's paragraph text is never
removed, whatever its class says.
"""

from __future__ import annotations

import re
from typing import Any

_CHROME = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletters?|subscribe|subscription|signup|"
    r"share|sharing|sharedaddy|social|socials|related|recirc|recommended|recommendations|"
    r"most-?read|popular|trending|read-?more|readmore|promo|advert|advertisement|ads?|"
    r"sponsored|outbrain|taboola|breadcrumbs?|comments?|bio|author-?bio|about-?author|"
    r"author-?info|tags|tag-?list|topics|paywall|modal|popup|donate)(?:$|[\s_-])", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SEPARATORS = (" :: ", " | ", " || ", " — ", " – ", " - ", " » ", " « ", " / ", " · ", " : ")
_PROTECTED = {"html", "body", "main", "article"}


def _names(el: Any) -> str:
    raw = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
    return _CAMEL.sub("-", raw).lower() if raw.strip() else ""


def _text_len(el: Any) -> int:
    return sum(len(t) for t in el.xpath(".//p//text()|.//td//text()"))


def _is_layout_table(table: Any) -> bool:
    if table.xpath(".//table|.//p|.//div|.//h1|.//h2"):
        return True
    cells = table.xpath(".//td")
    return any(len(c.text_content()) > 300 or len(c.xpath("./br")) >= 4 for c in cells)


def _unwrap_table(table: Any) -> None:
    """A layout table becomes nested divs."""
    for el in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
        el.tag = "div"
        for attr in ("width", "valign", "colspan", "border", "align"):
            el.attrib.pop(attr, None)


def prune(tree: Any) -> Any:
    if tree is None:
        return tree
    for table in list(tree.iter("table")):
        if _is_layout_table(table):
            _unwrap_table(table)
    total = _text_len(tree) or 1
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in _PROTECTED:
            continue
        if el.tag == "figcaption" or (_CHROME.search(_names(el)) and _text_len(el) < total / 2):
            el.drop_tree()
    return tree


def clean_title(title: str, sitename: str | None, tree: Any) -> str:
    """Strip the site name from "Site :: Headline" / "Headline | Site"; prefer the page's
    <h1> when the title contains it."""
    h1s = [re.sub(r"\\s+", " ", h.text_content()).strip() for h in tree.iter("h1")]
    for h1 in h1s:
        if len(h1) > 10 and h1.lower() in title.lower():
            return h1
    for sep in _SEPARATORS:
        if sep in title:
            parts = [p.strip() for p in title.split(sep) if p.strip()]
            site = (sitename or "").lower()
            keep = [p for p in parts if p.lower() != site and len(p.split()) > 3]
            if keep:
                return max(keep, key=len)
    return title


_OUTSIDE = {"header", "nav", "aside", "footer", "form", "figure", "blockquote", "li", "td"}
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]?$")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _lead_like(p: Any) -> bool:
    """A paragraph that reads like article prose: long, ends a sentence, few links, and not
    inside page furniture."""
    text = _squash(p.text_content())
    if len(text) < 80 or not _SENTENCE_END.search(text):
        return False
    links = sum(len(a.text_content()) for a in p.iter("a"))
    if links > 0.3 * len(text):
        return False
    return not any(a.tag in _OUTSIDE for a in p.iterancestors())


def rescue_lead(tree: Any, text: str) -> str:
    """Put back lead paragraphs the extractor dropped because they sit in their own block
    ("standfirst", "lead", "intro") just before the body block: <p>s directly before the
    first extracted one, inside the same article container (their common ancestor is not
    <body>), that read like prose."""
    if tree is None or not text:
        return text
    first = text.split("\n\n", 1)[0]
    paragraphs = list(tree.iter("p"))
    start = next((i for i, p in enumerate(paragraphs) if _squash(p.text_content()) == first),
                 None)
    if start is None:
        return text
    anchor_ancestors = set(paragraphs[start].iterancestors())
    rescued: list[str] = []
    for p in reversed(paragraphs[:start]):
        common = next((a for a in p.iterancestors() if a in anchor_ancestors), None)
        if common is None or common.tag in ("body", "html") or not _lead_like(p):
            break
        para = _squash(p.text_content())
        if para in text:
            break
        rescued.insert(0, para)
    return "\n\n".join([*rescued, text]) if rescued else text
