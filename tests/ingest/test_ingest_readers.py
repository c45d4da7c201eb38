"""Every input form reads into RawDocuments; every bad input is one InputError and the
batch goes on."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import iter_documents
from newsgraph.ingest.readers import MAX_BYTES, read_file
from newsgraph.models import RawDocument

PAGE = ("<!DOCTYPE html><html><head><title>Oil talks fail</title></head><body><article>"
        "<h1>Oil talks fail</h1><p>Russia and Belarus failed to agree on oil prices in Sochi on"
        " Friday, officials said after several hours of talks between the two presidents.</p>"
        "</article></body></html>")


def read_all(*paths: Path | str) -> tuple[list[RawDocument], list[InputError]]:
    out = list(iter_documents([str(p) for p in paths]))
    return ([d for d in out if isinstance(d, RawDocument)],
            [e for e in out if isinstance(e, InputError)])


def test_text_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Belarus [Eurasia Future](#) paste.\n\nPlease share.")
    docs, errors = read_all(tmp_path / "a.md")
    assert not errors and docs[0].kind == "text" and docs[0].source.format == "text"
    assert "[Eurasia Future](#)" in docs[0].content  # the cleaner, not the reader, removes it


def test_format_is_sniffed_not_taken_from_suffix(tmp_path: Path,
                                                 pdf_maker: Callable[..., Path]) -> None:
    (tmp_path / "page.txt").write_text(PAGE)
    pdf = pdf_maker("report.html")
    docs, errors = read_all(tmp_path / "page.txt", pdf)
    assert not errors
    assert [d.kind for d in docs] == ["html", "pdf"]


def test_pdf_pages_joined_by_form_feed(pdf_maker: Callable[..., Path]) -> None:
    docs, errors = read_all(pdf_maker(pages=2))
    assert not errors and docs[0].kind == "pdf"
    assert docs[0].content.count("\f") == 1


def test_jsonl_records_and_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Minsk said talks would continue.", "title": "Talks",
                    "published": "2020-02-08T10:00:00Z", "outlet": "Wire", "url": "https://x/a",
                    "authors": ["Ann Lee", "Bo Chen"]}),
        "{this is not json",
        json.dumps({"html": PAGE, "published": "8 February 2020"}),
        json.dumps({"title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"html": "<p>Short fragment one.</p><p>Two.</p>"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n")
    docs, errors = read_all(tmp_path / "batch.jsonl")
    assert [d.source.id for d in docs] == ["a1", "line3", "line6"]
    assert docs[2].kind == "text" and docs[2].content == "Short fragment one.\n\nTwo."
    first = docs[0]
    assert (first.title, first.published, first.outlet, first.url, first.authors) == (
        "Talks", "2020-02-08", "Wire", "https://x/a", ("Ann Lee", "Bo Chen"))
    assert docs[1].kind == "html" and docs[1].published == "2020-02-08"
    assert [e.where.rsplit(":", 1)[1] for e in errors] == ["2", "4", "5"]
    assert "not JSON" in errors[0].problem and errors[0].fix


def test_rss_items_with_hints(tmp_path: Path) -> None:
    feed = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Baltic Ledger</title>
<item><title>Oil talks fail</title><link>https://bl.example/oil</link>
<pubDate>Sat, 08 Feb 2020 09:00:00 GMT</pubDate><dc:creator>Ann Lee</dc:creator>
<content:encoded><![CDATA[<p>First paragraph about Sochi.</p><p>Second paragraph.</p>]]>
</content:encoded></item>
<item><title>Tanker arrives</title><link>https://bl.example/tanker</link>
<pubDate>Wed, 22 Jan 2020 09:00:00 GMT</pubDate><description>Norwegian crude reached
 Klaipeda.</description></item></channel></rss>"""
    (tmp_path / "feed.xml").write_text(feed)
    docs, errors = read_all(tmp_path / "feed.xml")
    assert not errors and len(docs) == 2
    a, b = docs
    assert (a.title, a.published, a.url, a.authors, a.outlet) == (
        "Oil talks fail", "2020-02-08", "https://bl.example/oil", ("Ann Lee",), "Baltic Ledger")
    assert a.content == "First paragraph about Sochi.\n\nSecond paragraph."
    assert b.published == "2020-01-22" and "Klaipeda" in b.content


def test_atom_feed(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Drills begin</title><id>urn:1</id><updated>2019-09-16T08:00:00Z</updated>
<author><name>Lena Hoffmann</name></author>
<content type="html">&lt;p&gt;Air defence units began drills.&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "atom").write_text(atom)
    docs, errors = read_all(tmp_path / "atom")
    assert not errors and docs[0].source.id == "urn:1"
    assert docs[0].authors == ("Lena Hoffmann",) and docs[0].published == "2019-09-16"


def test_warc_html_records_read_others_noted(tmp_path: Path,
                                             warc_maker: Callable[..., bytes]) -> None:
    data = warc_maker([
        ("https://a.example/oil", "text/html; charset=utf-8", PAGE.encode()),
        ("https://a.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        ("https://a.example/ru", "text/html; charset=windows-1251",
         ("<html><body><p>" + "Минск и Москва не договорились." * 5 + "</p></body></html>")
         .encode("cp1251")),
    ])
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    (tmp_path / "plain.warc").write_bytes(gzip.decompress(data) if data[:2] == b"\x1f\x8b"
                                          else data)
    for name in ("crawl.warc.gz", "plain.warc"):
        docs, errors = read_all(tmp_path / name)
        assert [d.url for d in docs] == ["https://a.example/oil", "https://a.example/ru"]
        assert all(d.kind == "html" and d.source.format == "warc" for d in docs)
        assert "Минск" in docs[1].content
        assert len(errors) == 1 and "logo.png" in errors[0].where
        assert "image/png" in errors[0].problem and "skipped" in errors[0].fix


def test_truncated_warc_keeps_earlier_records(tmp_path: Path,
                                              warc_maker: Callable[..., bytes]) -> None:
    data = warc_maker([("https://a.example/1", "text/html", PAGE.encode()),
                       ("https://a.example/2", "text/html", PAGE.encode() * 50)], gz=False)
    (tmp_path / "cut.warc").write_bytes(data[: len(data) - 2000])
    docs, errors = read_all(tmp_path / "cut.warc")
    assert len(docs) >= 1
    assert len(errors) == 1 and "truncated" in errors[0].problem


def test_gzipped_page_is_read(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    docs, errors = read_all(tmp_path / "page.html.gz")
    assert not errors and docs[0].kind == "html" and "Sochi" in docs[0].content


def test_folders_and_globs_recurse(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("First article text.")
    (tmp_path / "a" / "b" / "two.html").write_text(PAGE)
    (tmp_path / "a" / ".hidden").write_text("not read")
    docs, errors = read_all(tmp_path / "a")
    assert not errors and len(docs) == 2
    docs, errors = read_all(str(tmp_path / "**" / "*.html"))
    assert not errors and [Path(d.source.uri).name for d in docs] == ["two.html"]
    docs, errors = read_all(str(tmp_path / "nothing-*.txt"))
    assert not docs and "no file matches" in errors[0].problem


# ---------------------------------------------------------------- bad input
def test_bad_inputs_each_one_error_and_batch_goes_on(tmp_path: Path,
                                                     pdf_maker: Callable[..., Path]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.bin").write_bytes(os.urandom(4096))
    (tmp_path / "doc.docx").write_bytes(b"PK\x03\x04" + os.urandom(200))
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: costs no disk
        fh.truncate(MAX_BYTES + 1)
    pdf = pdf_maker("full.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(pdf[: len(pdf) // 3])
    (tmp_path / "good.txt").write_text("Minsk and Moscow resumed talks on oil prices.")
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe")
    docs, errors = read_all(tmp_path)
    by_name = {Path(e.where).name: e for e in errors}
    assert [Path(d.source.uri).name for d in docs] == ["full.pdf", "good.txt"]
    assert set(by_name) == {"empty.txt", "junk.bin", "doc.docx", "huge.txt", "cut.pdf",
                            "dangling", "pipe"}
    assert "empty" in by_name["empty.txt"].problem
    assert "binary" in by_name["junk.bin"].problem
    assert "zip" in by_name["doc.docx"].problem
    assert "MB" in by_name["huge.txt"].problem and "split" in by_name["huge.txt"].fix
    assert "truncated" in by_name["cut.pdf"].problem or "no text" in by_name["cut.pdf"].problem
    assert "link" in by_name["dangling"].problem
    assert "regular file" in by_name["pipe"].problem
    assert all(e.fix for e in errors)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (error,) = list(read_file(path))
    assert isinstance(error, InputError) and error.where == str(path)
    assert "Permission denied" in error.problem and "permission" in error.fix


def test_missing_path() -> None:
    docs, errors = read_all("/no/such/file.txt")
    assert not docs and errors[0].problem == "file not found"
