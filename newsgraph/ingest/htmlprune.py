"""Page chrome removal before main-text extraction, and title clean-up.

trafilatura already drops navigation, footers and most widgets; this adds what it tends to
keep on news pages: share bars, newsletter/cookie boxes, author bios, related/recommended
lists, "read more" teasers, figure captions, and layout tables (old sites put the whole page
in a <table>, which a table-keeping extractor would flatten into one cell-separated line).
Names are matched as whole words of an element's class/id so "shared-content" or
"commentary" do not match, and an element holding half of the page's text is never removed,
whatever its class says.
"""

from __future__ import annotations

import re
from typing import Any

from .htmlteasers import drop_teaser_lists

_CHROME = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletters?|subscribe|subscription|signup|"
    r"share|sharing|sharedaddy|social|socials|related|recirc|recommended|recommendations|"
    r"most-?read|popular|trending|read-?more|readmore|promo|advert|advertisement|ads?|"
    r"sponsored|outbrain|taboola|breadcrumbs?|comments?|bio|author-?bio|about-?author|"
    r"author-?info|tags|tag-?list|topics|paywall|modal|popup|donate|tweet|"
    r"instagram-media|embed|embedded|pullquote|pull-quote|caption|captions|image-caption|"
    r"photo-caption|media-caption|credits?|pic-box|img-box)(?:$|[\s_-])", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SEPARATORS = (" :: ", " | ", " || ", " -- ", " — ", " – ", " - ", " » ", " « ", " / ", " · ",
               " : ", " ~ ")
_HEADLINE = ('//h1|//*[contains(@class, "headline")]|//*[contains(@class, "title")]'
             '|//*[@itemprop="headline"]')
_PROTECTED = {"html", "body", "main", "article"}


def _names(el: Any) -> str:
    raw = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
    return _CAMEL.sub("-", raw).lower() if raw.strip() else ""


def _text_len(el: Any) -> int:
    return sum(len(t) for t in el.xpath(".//p//text()|.//td//text()"))


def _all_text_len(el: Any) -> int:
    return sum(len(t.strip()) for t in el.xpath(
        ".//text()[not(ancestor::script) and not(ancestor::style)]"))


def _holds_article(el: Any, paragraphs: int, everything: int) -> bool:
    """Half of the page's paragraph text, or (on pages built of divs) half of all its text."""
    return _text_len(el) >= paragraphs / 2 or _all_text_len(el) >= everything / 2


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


def prune_structure(tree: Any) -> Any:
    """Changes judged by the page's shape: layout tables become divs, teaser grids go."""
    if tree is None:
        return tree
    for table in list(tree.iter("table")):
        if _is_layout_table(table):
            _unwrap_table(table)
    paragraphs, everything = _text_len(tree) or 1, _all_text_len(tree) or 1
    drop_teaser_lists(tree, lambda el: not _holds_article(el, paragraphs, everything))
    return tree


def prune_names(tree: Any) -> Any:
    """Blocks whose class/id names say they are page furniture, and figure captions. Names
    can mislead (the extract stage checks the result against an extraction without this)."""
    if tree is None:
        return tree
    paragraphs, everything = _text_len(tree) or 1, _all_text_len(tree) or 1
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in _PROTECTED:
            continue
        if el.tag == "figcaption" or (_CHROME.search(_names(el))
                                      and not _holds_article(el, paragraphs, everything)):
            el.drop_tree()
    return tree


def prune(tree: Any) -> Any:
    return prune_names(prune_structure(tree))


def word_key(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def branding(tree: Any, sitename: str | None, url: str | None) -> str:
    """Where a site shows its own name: og:site_name, the domain, links to the home page,
    the logo, header and footer, copyright lines."""
    parts = [sitename or "", re.sub(r"^https?://(www\.)?", "", url or "").split("/")[0]]
    for el in tree.xpath('//a[@href="/"]|//header|//footer|//*[contains(@class, "logo")]'
                         '|//*[contains(@class, "brand")]|//*[contains(@class, "masthead")]'):
        parts.append(" ".join(el.itertext())[:300])
    parts += [t[:200] for t in tree.xpath('//text()[contains(., "©") or contains(., "opyright")]')]
    return word_key(" ".join(parts).replace(".", " "))


def clean_title(title: str, sitename: str | None, tree: Any, url: str | None = None) -> str:
    """Strip the site name from "Site :: Headline" / "Headline | Site" / "Headline | Section |
    Site" (a part is the site's name when the page shows it as its brand); prefer the page's
    headline element when the title contains it."""
    # the page's own headline element (h1, or a "headline"/"…title" block on older sites)
    # (the longest one the title contains: a "site-title" logo is contained too)
    found = ""
    for el in tree.xpath(_HEADLINE)[:50]:
        if el.tag in ("title", "meta", "head", "body", "html"):
            continue
        headline = re.sub(r"\s+", " ", el.text_content()).strip()
        if len(found) < len(headline) <= len(title) and headline.lower() in title.lower():
            found = headline
    if len(found.split()) > 3:
        return found
    if not any(sep in title for sep in _SEPARATORS):
        return title
    brand = branding(tree, sitename, url)
    for _ in range(3):
        for sep in _SEPARATORS:
            head, _, tail = title.partition(sep)
            rest, _, last = title.rpartition(sep)
            candidates = ((last, rest), (head, tail)) if sep in title else ()
            cut = next((kept.strip() for removed, kept in candidates
                        if kept.strip() and len(removed.split()) <= 5
                        and word_key(removed) in brand), None)
            if cut:
                title = cut
                break
        else:
            break
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


def trim_link_tail(tree: Any, text: str) -> str:
    """Drop a trailing run of paragraphs that are each just a link's text ("Other news:"
    lists on old sites that the extractor keeps because they sit in the body cell), and the
    short label line that introduces them."""
    if tree is None or not text:
        return text
    anchors = {_squash(a.text_content()) for a in tree.iter("a")}
    paragraphs = text.split("\n\n")
    end = len(paragraphs)
    while end > 1 and len(paragraphs[end - 1]) >= 15 and paragraphs[end - 1] in anchors:
        end -= 1
    if end == len(paragraphs) or len(paragraphs) - end < 2:
        return text  # one linked paragraph at the end may well be article text
    if end > 1 and len(paragraphs[end - 1].split()) <= 4 and paragraphs[end - 1].endswith(":"):
        end -= 1
    return "\n\n".join(paragraphs[:end])
