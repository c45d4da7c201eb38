from __future__ import annotations

import unicodedata

import pytest

from newsgraph.ingest.decode import decode, detect_encoding
from newsgraph.ingest.sniff import sniff

RU = ("Президент Беларуси встретился с президентом России в Сочи. Стороны не договорились"
      " о цене на нефть, поставки которой были прекращены первого января.")


@pytest.mark.parametrize(("data", "fmt"), [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"%PDF-1.4\n...", "pdf"),
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "feed"),
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    (b"<html><head><title>t</title></head></html>", "html"),
    (b"Russia and Belarus [failed](#) to agree.\n\nShare this article!", "text"),
    (b"# A markdown heading\n\nSome *text*.", "text"),
    (b"PK\x03\x04rest-of-a-docx", "binary:zip (or .docx/.odt)"),
    (bytes(range(256)) * 4, "binary"),
])
def test_sniff_formats(data: bytes, fmt: str) -> None:
    assert sniff(data) == fmt


def test_sniff_gzipped_warc_and_other_gzip() -> None:
    import gzip

    assert sniff(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")) == "warc"
    assert sniff(gzip.compress(b"<html><body><p>x</p></body></html>")) == "gzip"


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "utf-8", "utf-16"])
def test_russian_encodings_detected(codec: str) -> None:
    assert decode(RU.encode(codec)) == RU


def test_declared_html_charset_is_used() -> None:
    page = ('<html><head><meta charset="windows-1251"></head><body><p>' + RU
            + "</p></body></html>").encode("cp1251")
    assert detect_encoding(page) == "cp1251"
    assert RU in decode(page)


def test_false_latin1_claim_loses_to_valid_utf8() -> None:
    body = "Лукашенко — «нефть»".encode()
    assert decode(body, "iso-8859-1") == "Лукашенко — «нефть»"


def test_mojibake_repaired_and_nfc() -> None:
    broken = "Minsk â€” the â€œunion stateâ€\x9d".encode()
    assert decode(broken) == "Minsk — the “union state”"
    assert decode("Ð\x9cÐ¸Ð½Ñ\x81Ðº".encode()) == "Минск"
    decomposed = "Belarus cafe\u0301"
    out = decode(decomposed.encode())
    assert out == unicodedata.normalize("NFC", decomposed) and "\u0301" not in out


def test_page_lying_about_utf8_is_detected() -> None:
    page = ('<html><head><meta charset="utf-8"></head><body><p>' + RU
            + "</p></body></html>").encode("cp1251")
    assert RU in decode(page)
