"""The extract stage: HTML main text + html_meta metadata, PDF repair, text as is."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from pathlib import Path

from newsgraph.ingest import documents_from_texts, iter_documents
from newsgraph.ingest.pdfrepair import repair_pdf_text
from newsgraph.models import Article, RawDocument, SourceRef
from newsgraph.pipeline import Failure, Pipeline, new_article
from newsgraph.stages.extraction import extract

BODY = ["Russia and Belarus failed to agree on the price of oil at talks in Sochi on Friday,"
        " officials from both sides said after the meeting ended late in the evening.",
        "Minsk said it would look for other suppliers, including Norway and Kazakhstan, while"
        " Moscow insisted that it would only sell crude at world market prices from now on.",
        "The two presidents agreed that their governments would keep talking, but no date was"
        " set for the next round of negotiations on the disputed energy contracts."]
PAGE = f"""<!DOCTYPE html><html><head><title>Sochi talks end without deal | Baltic Ledger</title>
<meta property="og:site_name" content="Baltic Ledger">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2020-02-08T09:00:00Z">
<link rel="canonical" href="https://ledger.example/2020/02/08/sochi/"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a><a href="/energy">Energy</a></nav>
<article><h1>Sochi talks end without deal</h1>
{''.join(f'<p>{p}</p>' for p in BODY)}
<div class="share-buttons">Share on Facebook Share on Twitter</div></article>
<footer>Copyright 2020 Baltic Ledger. All rights reserved.</footer></body></html>"""


def run(doc: RawDocument) -> Article:
    return extract([new_article(doc)])[0]


def test_html_main_text_and_meta_with_provenance() -> None:
    (doc,) = documents_from_texts([PAGE])
    assert isinstance(doc, RawDocument)
    article = run(doc)
    assert article.raw == "\n\n".join(BODY)
    assert article.title == "Sochi talks end without deal"
    assert article.outlet == "Baltic Ledger" and article.authors == ("Ann Lee",)
    assert article.published == "2020-02-08"
    assert article.url == "https://ledger.example/2020/02/08/sochi/"
    origins = {e.field: e.origin for e in article.provenance}
    assert origins == {"title": "html_meta", "authors": "html_meta", "published": "html_meta",
                       "outlet": "html_meta", "url": "html_meta"}


def test_input_values_win_over_html_meta() -> None:
    doc = RawDocument(source=SourceRef(uri="batch.jsonl", format="jsonl", id="7"), kind="html",
                      content=PAGE, title="Given title", published="2020-02-09")
    article = run(doc)
    assert article.title == "Given title" and article.published == "2020-02-09"
    assert article.outlet == "Baltic Ledger"  # missing from the input: taken from the page
    evidence = {(e.field, e.origin) for e in article.provenance}
    assert {("title", "input"), ("published", "input"), ("outlet", "html_meta")} <= evidence
    assert ("title", "html_meta") not in evidence


def test_page_without_article_is_a_clear_failure() -> None:
    page = ("<html><head><title>Index</title></head><body><nav><a href='/a'>A</a>"
            "<a href='/b'>B</a></nav><footer>© 2020</footer></body></html>")
    (doc,) = documents_from_texts([page])
    pipeline = Pipeline(())
    pipeline.stages = [extract]
    (result,) = pipeline.run([new_article(doc)])  # type: ignore[arg-type]
    assert isinstance(result, Failure)
    assert result.where == "text:0" and "no article text" in result.reason
    assert "save the article" in result.reason


def test_text_passes_through_as_nfc() -> None:
    doc = RawDocument(source=SourceRef(uri="t", format="text"), kind="text",
                      content="Belarus cafe\u0301.\n\nSecond paragraph.")
    article = run(doc)
    assert article.raw == unicodedata.normalize("NFC", doc.content)


def test_pdf_repair_headers_numbers_hyphens_page_breaks(
        pdf_maker: Callable[..., Path]) -> None:
    paragraphs = [
        "Russia stopped crude deliveries to Belarusian refineries on the first day\n"
        "of the year. Officials in Minsk said that reserves would last for some\n"
        "weeks while negotiators tried to agree on a price, and asked Moscow to recog-\n"
        "nize the losses of the refineries, which process Russian-\n"
        "Belarusian oil for export to the European Union and Ukraine, and which employ\n"
        "many thousands of people in the towns of Mozyr and Novopolotsk in the\n"
        "south and the north of the country, where the plants are the main\n"
        "employers and the biggest taxpayers by far, according to the ministry of\n"
        "economy and to independent researchers who have studied the regions in\n"
        "detail over the last decade and published several reports on the subject.",
        "The Druzhba pipeline kept carrying oil across Belarus to Poland and Germany.",
    ]
    pdf = pdf_maker("r.pdf", paragraphs, header="Eurasia Energy Monitor", pages=2)
    (doc,) = list(iter_documents([str(pdf)]))
    assert isinstance(doc, RawDocument) and "\f" in doc.content
    text = run(doc).raw
    assert "Eurasia Energy Monitor" not in text
    assert "recognize the losses" in text and "Russian-Belarusian oil" in text
    paras = text.split("\n\n")
    assert len(paras) == 2, paras
    assert "studied the regions in detail over" in paras[0]  # the page break is rejoined
    assert not any(line.strip().isdigit() for line in text.splitlines())


def test_pdf_repair_keeps_real_paragraphs_and_compounds() -> None:
    text = ("Running head 2020\nFirst paragraph ends here.\nShort.\n1\f"
            "Running head 2020\nAn anti-\nwar protest was held, the anti-war camp said.\n2")
    out = repair_pdf_text(text)
    assert "Running head" not in out
    assert "anti-war protest" in out
    assert out.split("\n\n")[0] == "First paragraph ends here."


def test_extract_is_pure_and_versioned() -> None:
    (doc,) = documents_from_texts(["Plain text."])
    assert isinstance(doc, RawDocument)
    article = new_article(doc)
    assert extract([article])[0] == dataclasses.replace(article, raw="Plain text.")
    assert extract.name == "extract" and extract.version


def test_title_site_names_stripped_only_when_branded() -> None:
    import lxml.html

    from newsgraph.ingest.htmlprune import clean_title

    tree = lxml.html.fromstring("<html><body><header><a href='/'>Example News</a><a>World</a>"
                                "</header><p>x</p><footer>© 2020 Example News</footer></body>"
                                "</html>")
    assert clean_title("Talks fail | World | Example News", None, tree) == "Talks fail"
    assert clean_title("Example News :: Oil talks fail", None, tree) == "Oil talks fail"
    assert clean_title("EU - Belarus relations worsen", None, tree) == (
        "EU - Belarus relations worsen")


def test_lead_block_rescued_bio_author_rejected() -> None:
    from newsgraph.ingest.htmlmain import extract_page

    page = ("<html><head><title>Flight ban agreed</title><meta name='author' content="
            "'Marco Bellini covers EU foreign policy'></head><body><div class='wrap'>"
            "<h1>Flight ban agreed</h1><div class='standfirst'><p>EU leaders agreed on Monday"
            " to close the bloc's airspace to Belarusian carriers after the forced landing.</p>"
            "</div><div class='body'>" + "".join(f"<p>{p}</p>" for p in BODY)
            + "</div></div></body></html>")
    page_text = extract_page(page)
    assert page_text.text.startswith("EU leaders agreed on Monday")
    assert page_text.text.endswith(BODY[-1])
    assert page_text.authors == ()


def test_layout_table_page_keeps_paragraphs() -> None:
    from newsgraph.ingest.htmlmain import extract_page

    page = ("<html><body><table><tr><td><a href='/'>Site</a> | <a href='/n'>News</a></td></tr>"
            "<tr><td>Sections<br><a>Politics</a><br><a>Economy</a></td><td><b>Headline</b><br>"
            + "<br><br>".join(BODY) + "</td></tr></table></body></html>")
    text = extract_page(page).text
    assert BODY[0] in text and BODY[2] in text and "|" not in text


def test_two_column_pdf_read_column_by_column(tmp_path: Path) -> None:
    import textwrap

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    left = textwrap.wrap("Left column: oil deliveries to Belarus stopped on January 1 and"
                         " officials said that reserves would last for weeks. " * 3, 40)
    right = textwrap.wrap("Right column: NATO reduced its exercise in Poland and the Baltic"
                          " states because of the virus outbreak in March. " * 3, 40)
    path = tmp_path / "cols.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 80
    for i in range(max(len(left), len(right))):  # drawn row by row, interleaving columns
        if i < len(left):
            c.drawString(50, y, left[i])
        if i < len(right):
            c.drawString(310, y, right[i])
        y -= 14
    c.showPage()
    c.save()
    (doc,) = list(iter_documents([str(path)]))
    assert isinstance(doc, RawDocument)
    first, second = run(doc).raw.split("\n\n")
    assert "NATO" not in first and "oil deliveries" not in second


def test_body_container_with_chrome_like_class_is_kept() -> None:
    from newsgraph.ingest.htmlmain import extract_page

    page = ("<html><body><nav class='menu'><a href='/'>Home</a></nav><div class='entry"
            " share-enabled'>" + "".join(f"<div>{p}</div>" for p in BODY)
            + "</div><div class='share-bar'>Share on Facebook</div></body></html>")
    text = extract_page(page).text
    assert all(p in text for p in BODY) and "Facebook" not in text


def test_site_title_block_is_not_taken_for_the_headline() -> None:
    import lxml.html

    from newsgraph.ingest.htmlprune import clean_title

    tree = lxml.html.fromstring("<html><body><div class='site-title'>Baltic Ledger News</div>"
                                "<h2 class='entry-title'>Oil talks fail in Sochi again</h2>"
                                "</body></html>")
    assert clean_title("Oil talks fail in Sochi again - Baltic Ledger News", None, tree) == (
        "Oil talks fail in Sochi again")
