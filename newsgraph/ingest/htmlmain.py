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

from .htmlprune import clean_title, prune, rescue_lead, trim_link_tail

# Below this many characters an extraction is treated as a miss and the fallbacks run.
MIN_TEXT = 400
_LD_JSON = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
_SPACES = re.compile(r"[ \t\u00a0]+")

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


def _authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    names = [_BYLINE_PREFIX.sub("", n.strip()) for n in re.split(r";|\s+and\s+|\s+и\s+", value)]
    return tuple(dict.fromkeys(n for n in names if _is_name(n)))


def _extract_text(tree: Any, url: str | None, *, favor_recall: bool = False) -> str:
    import trafilatura

    doc: Any = trafilatura.bare_extraction(tree, url=url, include_comments=False,
                                           include_tables=True, favor_recall=favor_recall)
    return _paragraphs(doc.text or "") if doc is not None else ""


def extract_page(html: str, url: str | None = None) -> PageText:
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return PageText(text="")
    meta = extract_metadata(deepcopy(tree), default_url=url)
    title = (meta.title or "").strip() or None
    title = clean_title(title, meta.sitename, tree, meta.url or url) if title else None
    pruned = prune(tree)
    text = _extract_text(pruned, url)
    text = trim_link_tail(pruned, rescue_lead(pruned, text))
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
        authors=_authors(meta.author),
        date=meta.date or None,
        sitename=(meta.sitename or "").strip() or None,
        url=meta.url or url,
    )
