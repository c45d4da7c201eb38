"""The cleaner: what it removes, what it keeps, and that its offsets are exact."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.models import Article, SourceRef
from newsgraph.stages.cleaning import clean, clean_text

LEDE = ("Russia and Belarus failed to agree on the price of oil deliveries for the coming year,"
        " officials in Minsk said on Friday after talks in Sochi.")


def _article(raw: str, **fields: object) -> Article:
    return Article(id="t", source=SourceRef(uri="t", format="text"), raw=raw,
                   **fields)  # type: ignore[arg-type]


def test_removals_index_raw_exactly() -> None:
    raw = f"A title here\n\nBy [Jane Roe](#)\n\n{LEDE} See [the report](https://x.org/a(b)).\n"
    body, removed = clean_text(raw)
    for r in removed:
        assert raw[r.start:r.end] == r.text
    assert "the report." in body and "[" not in body and "](" not in body
    assert {r.reason for r in removed} >= {"title", "byline", "link_markup"}


def test_link_placeholder_keeps_anchor_and_escaped_dollar() -> None:
    body, _ = clean_text(f"Title of it\n\n{LEDE}\n\nThey paid [\\\\$2.7 billion in oil](#) to"
                         " [Transneft](#) last year, the ministry said in a statement.")
    assert "They paid $2.7 billion in oil to Transneft last year" in body


@pytest.mark.parametrize(("line", "reason"), [
    ("Note to readers: please click the share buttons below.", "share_prompt"),
    ("Share this article", "share_prompt"),
    ("Facebook Twitter Telegram Email", "share_prompt"),
    ("Sign up for our weekly newsletter to get the best of our reporting.", "newsletter_prompt"),
    ("Support independent journalism. Donate today!", "donation_prompt"),
    ("Become a Member of Example Research", "donation_prompt"),
    ("Comment on Example Articles on our Facebook page", "comment_prompt"),
    ("Copyright © Jane Roe, Example News, 2021", "copyright"),
    ("This site contains copyrighted material the use of which is fair use.", "fair_use"),
    ("Disclaimer: The contents of this article are of sole responsibility of the author.",
     "disclaimer"),
    ("Map of Belarus", "caption"),
    ("Photo: Reuters", "caption"),
    ("READ MORE: Poland closes a border crossing", "read_more"),
    ("Related stories:", "read_more"),
    ("5 min read", "reading_time"),
    ("Reading time: 4 minutes", "reading_time"),
    ("Tags: Belarus, NATO, Energy", "tag_line"),
    ("Region: Europe, Russia and FSU", "tag_line"),
    ("Got a tip? Email us at tips@example.org", "tip_line"),
    ("Home > World > Europe", "breadcrumb"),
    ("Home | News | Energy | Politics", "menu"),
    ("*", "separator"),
    ("www.example.org contact@example.org", "url_line"),
    ("https://example.org/news/belarus", "url_line"),
    ("This article was originally published on Example Future.", "republication_note"),
    ("By Jane Roe and John Doe", "byline"),
    ("Published on March 3, 2022", "dateline"),
    ("Example Research, May 05, 2019", "dateline"),
    ("Page 2 of 5", "page_furniture"),
])
def test_boilerplate_line_is_removed(line: str, reason: str) -> None:
    raw = f"A Title For The Test\n\n{LEDE}\n\n{line}\n\n{LEDE.replace('Friday', 'Monday')}\n"
    body, removed = clean_text(raw)
    assert line not in body
    assert any(r.reason == reason and line.replace("[", "") in r.text for r in removed), \
        [(r.reason, r.text) for r in removed]


@pytest.mark.parametrize("line", [
    "Germany pledged to donate twenty tanks to Ukraine, the defence minister said on Monday.",
    "Related talks in Brussels ended without agreement late on Thursday evening.",
    "Video of the meeting showed Lukashenko greeting Putin at the airport.",
    "Officials have a story to tell about the pipeline, one diplomat said.",
    "Copyright law in Belarus was changed in 2021 to allow parallel imports.",
    "Anna Maria Dyner is an analyst at the Polish Institute of International Affairs.",
    "Subscribers to the union state plan include both governments and their central banks.",
    "Share prices of Belaruskali bonds fell by ten percent after the announcement.",
    "Moscow, February 12",
    "Mr. Putin said: \"We will see.\"",
])
def test_article_prose_is_kept(line: str) -> None:
    raw = f"A Title For The Test\n\n{LEDE}\n\n{line}\n\n{LEDE}\n\n{LEDE.replace('oil', 'gas')}\n"
    body, _ = clean_text(raw)
    assert line in body


def test_page_break_rejoined_heading_kept() -> None:
    raw = ("Title line for this\n\n" + LEDE + "\n\nThe plan foresees\n\na joint customs"
           " office and shared tariffs, a long-\n\nterm aim.\n\nA Section Heading\n\n"
           "The next paragraph starts here and goes on for a while.\n")
    body, _ = clean_text(raw)
    assert "The plan foresees a joint customs office and shared tariffs, a long-term aim." \
        in body
    assert "\n\nA Section Heading\n\nThe next paragraph" in body
    assert body.split("\n\n")[0] == LEDE


def test_foreign_script_banner_and_running_header() -> None:
    raw = ("افغانستان آزاد ــ آزاد افغانستان\n\nTHE EASTERN BRIEF\n\nOil talks fail in Sochi\n\n"
           + LEDE + "\n\nPage 1 of 2\n\fTHE EASTERN BRIEF\n\nMore text follows on the second"
           " page of the document, as it always does.\n")
    body, removed = clean_text(raw)
    reasons = {r.reason for r in removed}
    assert {"foreign_script", "running_header", "page_furniture", "title"} <= reasons
    assert body.startswith(LEDE) and "EASTERN" not in body and "افغانستان" not in body


def test_russian_article_keeps_its_text() -> None:
    text = ("Минск и Москва договорились о цене на газ\n\nРоссия и Белоруссия договорились"
            " сохранить цену на газ на уровне прошлого года, сообщили в правительстве.\n")
    body, removed = clean_text(text)
    assert body.startswith("Россия и Белоруссия") and [r.reason for r in removed] == ["title"]


def test_known_title_only_and_html_never_guesses() -> None:
    raw = "Some Kicker Words\n\nThe Real Title\n\n" + LEDE
    body, removed = clean_text(raw, title="The Real Title")
    assert [r.text for r in removed] == ["The Real Title"] and body.startswith("Some Kicker")
    html = clean.fn(_article("Key points of the deal\n\n" + LEDE, kind="html"))
    assert html.body.startswith("Key points of the deal")


def test_clean_stage_sets_body_and_removed() -> None:
    article = clean.fn(_article("Oil talks fail\n\nBy Jane Roe\n\n" + LEDE))
    assert article.body == LEDE
    assert [r.reason for r in article.removed] == ["title", "byline"]
    assert dataclasses.replace(article, body="").raw.endswith(LEDE)


def test_empty_and_whitespace_input() -> None:
    assert clean_text("") == ("", ())
    assert clean_text("  \n\n \f ") == ("", ())


def test_title_above_pasted_url_is_still_the_title() -> None:
    body, removed = clean_text(f"Oil talks fail\n\nhttps://example.org/oil-talks\n\n{LEDE}")
    assert [(r.reason, r.text) for r in removed] == \
        [("title", "Oil talks fail"), ("url_line", "https://example.org/oil-talks")]
    assert body == LEDE


def test_windows_line_ends_and_form_feeds() -> None:
    raw = ("Oil talks fail\r\n\r\nBy Jane Roe\r\n\r\nFirst line.\r\nSecond Line.\r\n\r\n"
           "Page text ends\fnext page starts here.")
    body, removed = clean_text(raw)
    assert body == "First line.\nSecond Line.\n\nPage text ends next page starts here."
    assert all(raw[r.start:r.end] == r.text for r in removed)
