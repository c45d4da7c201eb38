"""Normalise metadata values that containers (JSONL, feeds, WARC headers) carry."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from datetime import date

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO string, an RFC 822 feed date, a struct_time or a date;
    None (not a guess) when the value cannot be read unambiguously."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}", text):
        return None  # a year alone is not a publication day
    from email.utils import parsedate_tz

    parsed = parsedate_tz(text)
    if parsed:
        try:
            return date(parsed[0], parsed[1], parsed[2]).isoformat()
        except ValueError:
            return None
    try:
        from dateutil import parser

        # Only unambiguous written forms ("5 May 2019", "May 5, 2019"); numeric d/m orders
        # are left to the metadata stage, which sees the whole text.
        if re.search(r"[A-Za-z]{3,}", text):
            return parser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError):
        return None
    return None


def authors_of(value: object) -> tuple[str, ...]:
    """A list, a single name or "A and B, C" → a tuple of names."""
    if value is None:
        return ()
    items: Iterable[object] = value if isinstance(value, list | tuple) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or ""
        for name in re.split(r"\s*(?:,|;|\band\b|&)\s*", str(item)):
            name = name.strip()
            if name and name not in out:
                out.append(name)
    return tuple(out)


def clean_str(value: object) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None
