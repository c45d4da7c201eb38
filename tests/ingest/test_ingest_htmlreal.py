"""HTML extraction cases found on real news pages (re-written here as small pages of our own):
teaser grids inside the article container, pruning that must never lose article text,
publisher names in the author tag, initials in author names."""

from __future__ import annotations

from newsgraph.ingest.htmlguard import lost_prose, never_worse
from newsgraph.ingest.htmlmain import extract_page

ARTICLE = [
    "Lithuania said on Monday that it would keep the border crossings with Belarus open for"
    " freight, despite calls from opposition lawmakers to close them after the latest incident.",
    "The interior minister told reporters in Vilnius that trade with the neighbouring country"
    " had already fallen by a third and that a full closure would hurt Lithuanian hauliers most.",
    "Officials in Minsk did not comment on the decision, but state media described the talk of"
    " closing the border as an attempt to put pressure on Belarusian exporters of fertiliser.",
    "The European Commission said it was following the situation closely and would discuss it"
    " with the member states that share a border with Belarus at a meeting later this month.",
    "Freight companies on both sides welcomed the decision but warned that waiting times at"
    " the crossings had grown to several days and that drivers were running out of supplies.",
]
TEASERS = [
    ("Analysis", "Why the potash transit matters", "Writers weigh the costs for the port of"
     " Klaipeda and the railway that carries the fertiliser to the coast."),
    ("Opinion", "A border is not a bargaining chip", "Trade routes should not be switched on"
     " and off as a signal to a government that ignores such signals."),
    ("Explainer", "Who owns the Baltic rail corridor", "The network is split between three"
     " state companies whose accounts have rarely been published."),
    ("Interview", "The hauliers waiting at Medininkai", "Drivers describe queues that last for"
     " days and the paperwork that changes from week to week."),
]


def page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>Border stays open | Baltic Ledger</title>{head}"
            "<meta property='og:site_name' content='Baltic Ledger'></head><body>"
            "<header><a href='/'>Baltic Ledger</a></header>"
            f"<div id='content'>{body}</div><footer>Baltic Ledger 2021</footer></body></html>")


def cards(css: str = "story-block") -> str:
    return "".join(f"<div class='{css}'><h4><strong class='kicker'>{k}</strong>"
                   f" <a href='/other/{i}'>{h}</a></h4><p class='standfirst'>{s}</p></div>"
                   for i, (k, h, s) in enumerate(TEASERS))


def test_teaser_grid_inside_the_article_container_is_dropped() -> None:
    html = page("<div class='story'><h1>Border stays open</h1>"
                + "".join(f"<p>{p}</p>" for p in ARTICLE)
                + f"<div class='group'><div class='group-header'><h2>Other columns</h2></div>"
                  f"<div class='group-content'><div class='module-content'>{cards()}</div>"
                  "</div></div></div>")
    text = extract_page(html).text
    assert text.split("\n\n") == ARTICLE
    assert "Other columns" not in text and "Klaipeda" not in text


def test_article_whose_sections_are_linked_headings_is_kept() -> None:
    """A listicle: its sections are headings with links, but it holds the page's <h1> and
    its text; it is the article, not a teaser grid."""
    sections = "".join(
        f"<section><h2><a href='/topic/{i}'>Point {i}: {h}</a></h2><p>{p}</p></section>"
        for i, ((_, h, _s), p) in enumerate(zip(TEASERS, ARTICLE[:4], strict=True)))
    html = page(f"<article><h1>Four points on the border</h1>{sections}</article>")
    text = extract_page(html).text
    for p in ARTICLE[:4]:
        assert p in text


def test_pruning_never_loses_article_text_trafilatura_keeps() -> None:
    """Two of the five paragraphs sit in a block whose class name looks like page furniture
    ("paywall": the text a paywall script would hide); pruning drops it, so trafilatura's
    own result is used."""
    first, second = ARTICLE[:3], ARTICLE[3:]
    html = page("<article><h1>Border stays open</h1><div class='body'>"
                + "".join(f"<p>{p}</p>" for p in first)
                + "</div><div class='paywall body-rest'>"
                + "".join(f"<p>{p}</p>" for p in second) + "</div></article>")
    text = extract_page(html).text
    for p in ARTICLE:
        assert p in text


def test_never_worse_keeps_ours_when_only_furniture_is_missing() -> None:
    ours = "\n\n".join(ARTICLE[:2])
    menu = " ".join(["Politics Economy Society Sport Weather Culture Archive Contacts"] * 6)
    theirs = menu + "\n\n" + ours
    assert lost_prose(ours, theirs) == 0  # a long run of words, but no sentences
    assert never_worse(ours, theirs) == ours
    longer = ours + "\n\n" + "\n\n".join(ARTICLE[2:])
    assert never_worse(ARTICLE[0], longer) == longer


def test_publisher_in_the_author_tag_is_not_an_author() -> None:
    head = "<meta name='author' content='Baltic Ledger (www.balticledger.example)'>"
    article = "".join(f"<p>{p}</p>" for p in ARTICLE)
    assert extract_page(page(f"<article>{article}</article>", head)).authors == ()
    head = "<meta name='author' content='Rasa Jonaitė'>"
    assert extract_page(page(f"<article>{article}</article>", head)).authors == ("Rasa Jonaitė",)


def test_initials_keep_their_dots() -> None:
    head = "<meta name='author' content='Jonas P. Kazlauskas'>"
    article = "".join(f"<p>{p}</p>" for p in ARTICLE)
    assert extract_page(page(f"<article>{article}</article>", head)).authors == (
        "Jonas P. Kazlauskas",)
