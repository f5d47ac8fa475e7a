"""Metadata read from text: publication dates in their written forms, the outlet from a URL, the language.

Dates come from metadata fields, datelines and URL paths in many forms; all are
turned into ISO strings as precise as the source (YYYY-MM-DD, YYYY-MM or YYYY).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

_LETTERS = re.compile(r"[^\W\d_]+")

# ---- dates ---------------------------------------------------------------------------------------------------
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{1,2})(?:-(?P<day>\d{1,2}))?(?!\d)"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
]
_DATE_LINE_WORDS = {
    "published", "updated", "posted", "first", "last", "modified", "on", "at", "am", "pm", "gmt", "utc",
    "bst", "cet", "cest", "est", "edt", "pst", "pdt", "hkt", "msk", "ist", "jst", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "date", "time", "and", "h",
}
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?:/|$|[-_])")

# ---- languages ---------------------------------------------------------------------------------------------
MIN_LANGUAGE_WORDS = 8  # fewer words than this cannot tell one language from another
LANGUAGE_SAMPLE = 1200  # characters


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language (lingua), or None when the text is too short to tell.

    lingua's models cover 75 languages and ship inside the package, so nothing
    is fetched; its low-accuracy mode is fast and reliable on news-length text.
    A few thousand characters decide as well as a whole article does.
    """
    sample = text[:LANGUAGE_SAMPLE]
    words = _LETTERS.findall(sample)
    letters = sum(len(w) for w in words)
    unspaced = letters >= 20 and letters > 15 * len(words)  # Chinese, Japanese, Thai: no spaces between words
    if len(words) < MIN_LANGUAGE_WORDS and not unspaced:
        return None
    found = _language_detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else "und"


@lru_cache(maxsize=1)
def _language_detector():  # noqa: ANN202 - lingua is imported only when a language is asked for
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def normalize_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) from the date forms news metadata and datelines use."""
    if not value:
        return None
    value = value.strip()
    found = find_date(value)
    if found:
        return found
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    year = re.fullmatch(r"(?:19|20)\d{2}", value)
    return year.group(0) if year else None


def outlet_from_url(url: str | None) -> str | None:
    """The site's domain as the outlet's name when nothing better names it (`www.example.com` -> `example.com`)."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    for prefix in ("www.", "m.", "amp.", "mobile."):
        host = host.removeprefix(prefix)
    if "." not in host or host.replace(".", "").isdigit():
        return None  # a bare host name or an IP address names no outlet
    return host


def date_from_url(url: str | None) -> str | None:
    """The date many news sites put in their article paths (/2024/07/03/...)."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    year, month, day = match.group(1), int(match.group(2)), match.group(3)
    if not 1 <= month <= 12:
        return None
    if day and 1 <= int(day) <= 31:
        return f"{year}-{month:02d}-{int(day):02d}"
    return f"{year}-{month:02d}"


def date_line(text: str) -> str | None:
    """A line that is only a date (with words like 'Published' or a time) gives the publication date."""
    if len(text.split()) > 12:
        return None
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        rest = (text[: match.start()] + " " + text[match.end():]).lower()
        rest_words = re.findall(r"[a-z]+", rest)
        if all(w in _DATE_LINE_WORDS for w in rest_words):
            return _iso(match)
    return None


def find_date(text: str) -> str | None:
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            iso = _iso(match)
            if iso:
                return iso
    return None


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = groups["year"]
    month = _MONTHS.get(groups["month"].lower().rstrip(".")) if groups.get("month") else int(groups["mnum"])
    if not month or not 1 <= month <= 12:
        return None
    day = groups.get("day")
    if day and 1 <= int(day) <= 31:
        return f"{year}-{month:02d}-{int(day):02d}"
    return f"{year}-{month:02d}"
