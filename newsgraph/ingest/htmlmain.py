"""A web page → its main text and the metadata its markup declares.

trafilatura finds the main text (comments excluded, tables kept) and reads title, author,
date (htmldate: the original publication date, not "updated"), site name and canonical URL.
When it finds too little (short pages, unusual layouts) the recall-oriented mode is tried,
then the page's JSON-LD ``articleBody``; the longest plausible answer wins.
Pure: no I/O, no network.
"""

from __future__ import annotations

import json
import logging
import re
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from .htmlguard import never_worse
from .htmlprune import (
    clean_title,
    prune,
    prune_names,
    prune_structure,
    rescue_lead,
    trim_link_tail,
    word_key,
)

# Below this many characters an extraction is treated as a miss and the fallbacks run.
MIN_TEXT = 400
_LD_JSON = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
_SPACES = re.compile(r"[ \t\u00a0]+")
_DOMAIN_NAME = re.compile(r"(?:www\.)?([\w-]+)(?:\.[\w-]+)+", re.I)

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


def _paragraphs(text: str) -> str:
    """One blank line between paragraphs (trafilatura puts one newline)."""
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _drop_headline(text: str, title: str | None) -> str:
    """The page's headline (and a kicker such as "In brief" above it) repeats the title; the
    title is metadata, not body text. Only the first few paragraphs are looked at."""
    if not title:
        return text
    paragraphs = text.split("\n\n")
    for i, para in enumerate(paragraphs[:3]):
        if _norm(para) == _norm(title):
            before = paragraphs[:i]
            if all(len(p.split()) <= 5 and not p.rstrip().endswith((".", "!", "?"))
                   for p in before):
                return "\n\n".join(paragraphs[i + 1:]) or text
            break
    return text


def _json_ld_body(html: str) -> str:
    best = ""
    for block in _LD_JSON.findall(html[:2_000_000]):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str) and len(body) > len(best):
                    best = body
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return _paragraphs(best)


_BYLINE_PREFIX = re.compile(r"^(?:by|written by|text|reporter|author|von|par|por|автор|текст)"
                            r"\b\s*:?\s*", re.I)
_PARTICLES = {"de", "da", "di", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn", "y",
              "del", "dos", "du", "ten", "ter", "st."}


def _is_name(name: str) -> bool:
    """A person's name: 2–5 capitalised words (name particles allowed), no digits. Rejects
    what extractors sometimes return from bio boxes ("X covers EU foreign policy")."""
    words = name.split()
    if not 1 < len(words) <= 5 or any(ch.isdigit() for ch in name):
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def _as_written(name: str, html: str) -> str:
    """trafilatura drops the dots of initials ("Lucia I Suarez"); take the name as the page
    writes it ("Lucia I. Suarez") when the page has that spelling."""
    words = name.split()
    if not any(len(w) == 1 for w in words):
        return name
    found = re.search(r"\b" + r"\.?\s+".join(map(re.escape, words)) + r"\b", html)
    return found.group(0) if found else name


_AUTHOR_META = re.compile(r"<meta[^>]+(?:name|property)=[\"'](?:author|article:author|dc\.creator)"
                          r"[\"'][^>]*content=[\"']([^\"']+)", re.I)
_DOMAIN = re.compile(r"\b(?:www\.[\w-]+(?:\.[\w-]+)+|[\w-]+\.(?:com|org|net|info|eu|de|fr|uk|ru|by"
                     r"|ua|pl|lt|lv))\b", re.I)


def _organisations(html: str) -> set[str]:
    """Author meta values that name a website ("Deutsche Welle (www.dw.com)"): the
    publisher put itself in the author field; it is not a person. (A blogger whose name is
    also the site's name keeps the byline: only a value naming a domain is dropped.)"""
    keys = {word_key(_DOMAIN.sub(" ", m)) for m in _AUTHOR_META.findall(html[:300_000])
            if _DOMAIN.search(m)}
    return {k for k in keys if k.strip()}


def _authors(value: str | None, html: str) -> tuple[str, ...]:
    if not value:
        return ()
    names = [_BYLINE_PREFIX.sub("", n.strip()) for n in re.split(r";|\s+and\s+|\s+и\s+", value)]
    organisations = _organisations(html)
    names = [n for n in names if _is_name(n) and not any(
        word_key(n) in org or org in word_key(n) for org in organisations)]
    return tuple(dict.fromkeys(_as_written(n, html) for n in names))


def _extract_text(tree: Any, url: str | None, *, favor_recall: bool = False) -> str:
    import trafilatura

    doc: Any = trafilatura.bare_extraction(tree, url=url, include_comments=False,
                                           include_tables=True, favor_recall=favor_recall)
    return _paragraphs(doc.text or "") if doc is not None else ""


def _sitename(sitename: str | None, title: str | None) -> str | None:
    """og:site_name written as one word ("HeraldSun") or as the domain ("DW.COM",
    "BALTICMONITOR.EXAMPLE") when the page title spells the name out ("… | Herald Sun",
    "… | Baltic Monitor | 14.08.2019"): take the spelled-out form."""
    name = (sitename or "").strip()
    if not name or " " in name or not title:
        return name or None
    domain = _DOMAIN_NAME.fullmatch(name)
    squeezed = re.sub(r"\W", "", domain.group(1) if domain else name).lower()
    for part in re.split(r"\s[|–—:·-]\s|\s::\s|\|", title):
        part = part.strip()
        if " " in part and re.sub(r"\W", "", part).lower() == squeezed:
            return part
    return name


def extract_page(html: str, url: str | None = None) -> PageText:
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return PageText(text="")
    meta = extract_metadata(deepcopy(tree), default_url=url)
    raw_title = (meta.title or "").strip() or None
    title = clean_title(raw_title, meta.sitename, tree, meta.url or url) if raw_title else None
    page_title = " ".join(tree.xpath("string(//title)").split()) or raw_title
    shaped = deepcopy(prune_structure(tree))
    pruned = prune_names(tree)
    text = _extract_text(pruned, url)
    text = trim_link_tail(pruned, rescue_lead(pruned, text))
    text = never_worse(text, _extract_text(shaped, url))
    if len(text) < MIN_TEXT:
        recall = _extract_text(prune(load_html(html)), url, favor_recall=True)
        if len(recall) > len(text):
            text = recall
        ld = _json_ld_body(html)
        if len(ld) > len(text):
            text = ld
    return PageText(
        text=_drop_headline(text, title),
        title=title,
        authors=_authors(meta.author, html),
        date=meta.date or None,
        sitename=_sitename(meta.sitename, page_title),
        url=meta.url or url,
    )
