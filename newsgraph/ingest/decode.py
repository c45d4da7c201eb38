"""Bytes → clean Unicode text: encoding detection, mojibake repair, NFC.

Order of trust: a byte-order mark; the charset a page or XML prolog declares (when the bytes
really decode with it); strict UTF-8; then statistical detection (charset-normalizer), which
tells Russian cp1251 from koi8-r pages. ftfy then repairs mojibake (text that was decoded
with the wrong codec somewhere upstream, e.g. "Ð\x9cÐ¸Ð½Ñ\x81Ðº" for "Минск").
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.I,
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Encodings news pages in our domain actually use; detection is restricted to plausible ones
# so short Latin texts are not "detected" as some exotic code page.
_PLAUSIBLE = ("utf_8", "cp1251", "koi8_r", "cp1252", "latin_1", "iso8859_5", "cp866",
              "mac_cyrillic", "cp1250", "iso8859_2", "utf_16", "cp1257", "iso8859_15")
# Characters that only appear when text went through the wrong codec.
_MOJIBAKE_HINT = re.compile("[ÃÂÐÑâ€][\u0080-\u00bf\u2018-\u203a]|â€|Ã.|Ð.|Ñ.")


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def detect_encoding(data: bytes) -> str:
    """The codec to read ``data`` with (never fails: falls back to cp1252, which maps any byte)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "ascii"):
        try:
            data.decode(declared)
            # a page that says cp1251 but is valid UTF-8 with non-ASCII is UTF-8 saved over
            if not _is_utf8_with_non_ascii(data):
                return declared
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=list(_PLAUSIBLE)).best()
    return best.encoding if best is not None else "cp1252"


def _is_utf8_with_non_ascii(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(b > 127 for b in data)


def repair(text: str) -> str:
    """Fix mojibake (only when there is a sign of it: ftfy is slow on long clean texts) and
    normalise to NFC."""
    if _MOJIBAKE_HINT.search(text):
        import ftfy

        text = ftfy.fix_text(text, unescape_html=False, normalization="NFC",
                             fix_line_breaks=False, uncurl_quotes=False,
                             fix_latin_ligatures=False, fix_character_width=False)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode bytes to repaired NFC text. ``encoding`` (e.g. an HTTP charset) is a hint: it is
    used when the bytes decode with it, except that a valid UTF-8 body wins over a Latin-1
    claim (servers default to ISO-8859-1 whatever the page is)."""
    name = None
    if encoding:
        try:
            data.decode(encoding)
            latin = encoding.replace("_", "-") in ("iso8859-1", "latin-1", "cp1252", "ascii")
            name = None if latin and _is_utf8_with_non_ascii(data) else encoding
        except (UnicodeDecodeError, LookupError):
            name = None
    text = data.decode(name or detect_encoding(data), errors="replace")
    return repair(text.lstrip("\ufeff"))
