"""Server-side markup built from offsets: highlighted article bodies and search snippets.

Everything from an article is escaped here, piece by piece, before any tag is added; the
result is the only ``Markup`` the templates receive from article text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from ..models import Article

HIT_START, HIT_END = "\x02", "\x03"  # what store.search puts around hits in snippets


def actor_href(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe="")


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def snippet_markup(snippet: str | None) -> Markup:
    """Escape a search snippet, then turn the hit markers into balanced ``<mark>`` tags."""
    out: list[str] = []
    open_ = False
    for piece in _split_markers(snippet or ""):
        if piece == HIT_START:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif piece == HIT_END:
            if open_:
                out.append("</mark>")
                open_ = False
        else:
            out.append(str(escape(_printable(piece))))
    if open_:
        out.append("</mark>")
    return Markup("".join(out))


def _split_markers(text: str) -> Iterable[str]:
    buf: list[str] = []
    for ch in text:
        if ch in (HIT_START, HIT_END):
            if buf:
                yield "".join(buf)
                buf = []
            yield ch
        else:
            buf.append(ch)
    if buf:
        yield "".join(buf)


def _printable(text: str) -> str:
    return "".join(c for c in text if c in "\n\t" or ord(c) >= 32)


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    kind: str  # actor | quote | technique | event | quantity
    label: str
    actor_id: str | None = None


def highlights(article: Article, name: Callable[[str | None], str]) -> list[Highlight]:
    """Every span worth showing in the body, with a short human label."""
    out: list[Highlight] = []
    for m in article.mentions:
        out.append(Highlight(m.start, m.end, "actor", name(m.actor_id), m.actor_id))
    for q in article.quotes:
        who = name(q.speaker_actor) if q.speaker_actor else (q.speaker_text or "unknown")
        out.append(Highlight(q.start, q.end, "quote", f"quote by {who}"))
    for t in article.techniques:
        out.append(Highlight(t.start, t.end, "technique",
                             f"technique: {t.technique} ({t.confidence:.2f})"))
    for e in article.events:
        label = f"event: {name(e.source_actor)} {e.type} {name(e.target_actor)} ({e.status})"
        for ev in e.evidence[:1]:
            out.append(Highlight(ev.start, ev.end, "event", label))
    for n in article.quantities:
        out.append(Highlight(n.start, n.end, "quantity", f"quantity: {n.value:g} {n.unit}"))
    return out


def highlighted_body(body: str, spans: Iterable[Highlight]) -> Markup:
    """The body split at every span boundary; each piece is escaped and wrapped in one
    element carrying the classes of all spans covering it (no nesting, so overlapping
    spans cannot produce broken markup). Spans outside the body are dropped."""
    n = len(body)
    valid = [s for s in spans if isinstance(s.start, int) and isinstance(s.end, int)
             and 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in valid), *(s.end for s in valid)})
    starts: dict[int, list[Highlight]] = {}
    for s in valid:
        starts.setdefault(s.start, []).append(s)
    active: list[Highlight] = []
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        text = escape(_printable(body[a:b]))
        if not active:
            out.append(str(text))
            continue
        kinds = sorted({s.kind for s in active})
        classes = " ".join(["hl", *(f"hl-{k}" for k in kinds)])
        title = escape("\n".join(dict.fromkeys(s.label for s in active)))
        actor = next((s.actor_id for s in active if s.kind == "actor" and s.actor_id), None)
        if actor:
            out.append(f'<a class="{classes}" href="{escape(actor_href(actor))}" '
                       f'title="{title}">{text}</a>')
        else:
            out.append(f'<mark class="{classes}" title="{title}">{text}</mark>')
    return Markup("".join(out))
