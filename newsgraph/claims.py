"""Claims: the figures a text cites, with what they measure, and where texts disagree on them.

A figure is found in the text itself (money, percentages, quantities with a unit,
counts of something, fractions) or in spaCy's DATE entities (dates of events and
durations). Values are normalised (41e9 USD, 7000 km, ISO dates), relative dates
are resolved against the document's publication date, and the thing measured is
read from the dependency parse, so that two documents that state the same measure
can be compared and their disagreements listed.

Lexicons used: month and weekday names from the standard library's `calendar`
(English locale names), currency names and ISO 4217 codes from `pycountry`, and
the common units of length, area, mass, volume, energy and time (SI Brochure,
9th ed., and NIST SP 811 for the customary units).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.dates import Anchor
from newsgraph.model import Claim, Conflict, Document, Statement

DATE_UNITS = ("date", "year")
DATE_MODIFIERS = {"early", "mid", "late"}
# --------------------------------------------------------------------------- lexicons

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ONES)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
               "lakh": 1e5, "crore": 1e7}
SCALE_ABBREV = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
             "one-third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25,
             "one quarter": 0.25, "one-quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75,
             "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2, "a tenth": 0.1, "one tenth": 0.1}
# how a figure is bounded: the surface phrase and the normal form written into the unit
QUALIFIERS = {
    "more than": "more than", "over": "more than", "just over": "more than", "upwards of": "more than",
    "in excess of": "more than", "at least": "at least", "no fewer than": "at least",
    "no less than": "at least", "less than": "less than", "fewer than": "less than", "under": "less than",
    "just under": "less than", "below": "less than", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "an estimated": "about", "up to": "up to", "as many as": "up to",
    "as much as": "up to", "at most": "up to", "no more than": "up to",
}
# unit surface form -> (normal unit, kind)
UNITS: dict[str, tuple[str, str]] = {}
for _forms, _unit, _kind in (
    ("km kms kilometre kilometres kilometer kilometers", "km", "length"),
    ("metre metres meter meters", "m", "length"),
    ("cm centimetre centimetres centimeter centimeters", "cm", "length"),
    ("mm millimetre millimetres millimeter millimeters", "mm", "length"),
    ("mile miles mi", "miles", "length"),
    ("nautical mile|nautical miles", "nautical miles", "length"),
    ("foot feet ft", "feet", "length"),
    ("inch inches", "inches", "length"),
    ("yard yards", "yards", "length"),
    ("square kilometre|square kilometres|square kilometer|square kilometers|sq km|km2|km²",
     "sq km", "area"),
    ("square mile|square miles|sq mi", "sq miles", "area"),
    ("square metre|square metres|square meter|square meters|sq m|m2|m²", "sq m", "area"),
    ("hectare hectares ha", "hectares", "area"),
    ("acre acres", "acres", "area"),
    ("tonne tonnes ton tons", "tonnes", "mass"),
    ("kg kilogram kilograms kilogramme kilogrammes", "kg", "mass"),
    ("lb lbs", "lb", "mass"),
    ("litre litres liter liters", "litres", "volume"),
    ("gallon gallons", "gallons", "volume"),
    ("barrel barrels bbl", "barrels", "volume"),
    ("cubic metre|cubic metres|cubic meter|cubic meters|m3|m³", "cubic m", "volume"),
    ("bcm", "billion cubic m", "volume"),
    ("mw megawatt megawatts", "MW", "power"),
    ("gw gigawatt gigawatts", "GW", "power"),
    ("kw kilowatt kilowatts", "kW", "power"),
    ("kwh", "kWh", "energy"),
    ("mwh", "MWh", "energy"),
    ("gwh", "GWh", "energy"),
    ("twh", "TWh", "energy"),
    ("km/h kph", "km/h", "speed"),
    ("mph", "mph", "speed"),
    ("°c|degrees celsius", "°C", "temperature"),
    ("°f|degrees fahrenheit", "°F", "temperature"),
    ("year years", "years", "duration"),
    ("month months", "months", "duration"),
    ("week weeks", "weeks", "duration"),
    ("day days", "days", "duration"),
    ("hour hours", "hours", "duration"),
    ("minute minutes", "minutes", "duration"),
    ("decade decades", "decades", "duration"),
    ("century centuries", "centuries", "duration"),
):
    for _form in (_forms.split("|") if "|" in _forms else _forms.split()):
        UNITS[_form] = (_unit, _kind)
PERCENT_FORMS = ("%", "percent", "per cent", "pct", "percentage points", "percentage point")
CURRENCY_SYMBOLS = {"US$": "USD", "HK$": "HKD", "C$": "CAD", "A$": "AUD", "NZ$": "NZD", "$": "USD",
                    "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₸": "KZT", "₩": "KRW",
                    "₺": "TRY", "Rs": "INR", "Rs.": "INR", "RMB": "CNY"}
# the reading a plain currency word has in English-language news when no country is named
CURRENCY_DEFAULTS = {"dollar": "USD", "pound": "GBP", "euro": "EUR", "ruble": "RUB", "rouble": "RUB",
                     "rupee": "INR", "renminbi": "CNY", "yuan": "CNY"}
COPULAS = {"be", "become", "remain", "stand", "reach", "top", "hit", "total", "rise", "fall", "grow", "drop",
           "exceed", "amount", "climb", "increase", "decrease", "decline", "surpass", "number"}
LIGHT_EVENT_VERBS = {"take", "hold", "happen", "occur", "start", "begin", "open", "kick", "end", "close",
                     "convene", "run", "conclude", "last"}
FUTURE_MARKERS = {"will", "shall", "'ll", "’ll"}
FUTURE_GOVERNORS = {"set", "expect", "schedule", "plan", "due", "go", "slate", "poise"}
FUTURE_ADJECTIVES = {"upcoming", "next", "forthcoming", "coming", "planned", "scheduled"}
# superlatives of a measurable size or amount: 'the largest country', 'the third-biggest partner'
MEASURE_SUPERLATIVES = {"large", "big", "small", "long", "high", "low", "rich", "poor", "populous", "tall",
                        "deep", "wide", "fast", "heavy", "busy"}
ORDINAL_WORDS = {w: i for i, w in enumerate(
    ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])}
STOPWORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "its",
        "his", "her", "their", "our", "this", "that", "these", "those", "who", "which", "was", "were",
        "is", "are", "be", "been", "being", "has", "have", "had", "it", "they", "he", "she", "we",
        "you", "as", "about", "into", "over", "after", "before", "than", "more", "less"]
)


@lru_cache(maxsize=1)
def currency_words() -> dict[str, str]:
    """Currency names (singular and plural, lower case) mapped to ISO 4217 codes, from pycountry."""
    import pycountry

    words: dict[str, str] = {}
    last_words: dict[str, set[str]] = {}
    for cur in pycountry.currencies:
        name = cur.name.lower()
        words[name] = cur.alpha_3
        for word in name.split():
            last_words.setdefault(word, set()).add(cur.alpha_3)
    for word, codes in last_words.items():
        if len(codes) == 1 and len(word) > 3 and word not in words:
            words[word] = next(iter(codes))
    words.update(CURRENCY_DEFAULTS)
    return {**words, **{w + "s": c for w, c in words.items() if not w.endswith("s")}}


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    word_num = _alternation([*NUMBER_WORDS, *SCALE_WORDS, "a", "an", "dozen"])
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    scale = _alternation([*SCALE_WORDS, *SCALE_ABBREV])
    number = (rf"(?:{digits}|(?:{word_num})(?:[\s-]+(?:and\s+)?(?:{word_num}))*)"
              rf"(?:\s?(?:{scale})\b)?")
    symbols = _alternation(CURRENCY_SYMBOLS)
    units = _alternation([*UNITS, *PERCENT_FORMS])
    return {
        "figure": re.compile(rf"(?<![\w.\-/:])(?P<num>{number})(?![\w]|:\d)", re.I),
        "symbol": re.compile(rf"(?:(?<![A-Za-z])(?P<sym>{symbols})|(?P<code>\b[A-Z]{{3}}))\s?$"),
        "qualifier": re.compile(rf"\b(?P<q>{_alternation(QUALIFIERS)})\s+$", re.I),
        "unit": re.compile(rf"^(?:\s?-\s?|\s)?(?P<unit>{units})(?![\w])", re.I),
        "currency": re.compile(rf"^\s(?P<cur>{_alternation(currency_words())})\b", re.I),
        "code_after": re.compile(r"^\s(?P<code>[A-Z]{3})\b"),
        "fraction": re.compile(rf"(?<![\w-])(?P<frac>{_alternation(FRACTIONS)})\s+of\b", re.I),
        "year": re.compile(r"^(1[0-9]{3}|20[0-9]{2}|2100)$"),
    }


# --------------------------------------------------------------------------- numbers


def parse_number(text: str) -> float | None:
    """The value of a written number: '10,000', '2.2 million', '3.5m', 'twenty-five', 'a dozen'."""
    text = text.strip().lower().replace(",", "")
    if not text:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*-?\s*([a-z]+)?", text)
    if match:
        value = float(match.group(1))
        word = match.group(2)
        if word is None:
            return value
        factor = SCALE_WORDS.get(word) or SCALE_ABBREV.get(word)
        return value * factor if factor else None
    return _parse_number_words(text)


def _parse_number_words(text: str) -> float | None:
    """English number words: 'twenty-five', 'a hundred', 'two million', 'a dozen'."""
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = max(current, 1.0)
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in SCALE_WORDS:
            total += (current or 1.0) * SCALE_WORDS[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


# --------------------------------------------------------------------------- dates


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_RE = _alternation(_MONTHS)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE_FORMS = [  # (pattern, handler name) tried in order on the whole expression
    (rf"{_DAY}\s*[-–]\s*{_DAY}\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?", "day_range_month"),
    (rf"({_MONTH_RE})\.?\s+{_DAY}\s*[-–]\s*{_DAY}(?:,?\s+(\d{{4}}))?", "month_day_range"),
    (rf"{_DAY}\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?", "day_month"),
    (rf"({_MONTH_RE})\.?\s+{_DAY}(?:,?\s+(\d{{4}}))?", "month_day"),
    (rf"({_MONTH_RE})\.?(?:,?\s+(?:of\s+)?(\d{{4}}))?", "month"),
    (r"(\d{4})\s*[-–/]\s*(\d{2}|\d{4})", "year_range"),
    (r"(\d{4})", "year"),
    (r"(\d{3})0s", "decade"),
]
_LEAD = re.compile(r"^(?:the\s+|on\s+|in\s+|since\s+|by\s+|until\s+|from\s+|of\s+)*"
                   r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of"
                   r"|the\s+middle\s+of|end\s+of|start\s+of|beginning\s+of|middle\s+of)[\s-]+)?", re.I)
_RELATIVE = re.compile(r"^(last|this|next|past)\s+(year|month)$")
_AGO = re.compile(r"^(\S+(?:\s\S+)?)\s+(year|month)s?\s+ago$")


def normalise_date(text: str, ref: Anchor | None = None, direction: str = "past") -> str | None:
    """An ISO 8601 form of a date expression ('2022-06', '2024-06-03/2024-06-04', '1990/1999').

    A month or day without a year is placed in the year that puts it on the `direction` side
    ("past" or "future") of the reference; without a reference it keeps the ISO form for an
    unknown year ('--06', '--06-03'). Returns None for what is not a calendar date.
    """
    body = _LEAD.sub("", text.strip().rstrip(".,").lower()).strip()
    relative = _resolve_relative(body, ref, direction)
    if relative is not None:
        return relative or None
    for pattern, name in _DATE_FORMS:
        match = re.fullmatch(pattern, body)
        if match:
            return _DATE_HANDLERS[name](match.groups(), ref, direction)
    return None


def _resolve_relative(body: str, ref: Anchor | None, direction: str) -> str | None:
    """'last year', 'this month', 'two years ago', weekdays, 'yesterday'; '' when not resolvable."""
    rel = _RELATIVE.match(body)
    ago = _AGO.match(body)
    if not (rel or ago or body in _WEEKDAYS or body in ("today", "yesterday", "tomorrow")):
        return None
    if ref is None:
        return ""
    if rel:
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel.group(1)]
        return _shift(ref, rel.group(2), step)
    if ago:
        amount = parse_number(ago.group(1))
        return _shift(ref, ago.group(2), -int(amount)) if amount and amount == int(amount) else ""
    if ref.month is None or ref.day is None:
        return ""
    today = dt.date(ref.year, ref.month, ref.day)
    if body in ("today", "yesterday", "tomorrow"):
        return (today + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[body])).isoformat()
    delta = (_WEEKDAYS[body] - today.weekday()) % 7
    if direction == "past" and delta:
        delta -= 7
    return (today + dt.timedelta(days=delta)).isoformat()


def _shift(ref: Anchor, unit: str, step: int) -> str:
    if unit == "year":
        return str(ref.year + step)
    if ref.month is None:
        return ""
    index = ref.year * 12 + ref.month - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _place_year(month: int, day: int | None, ref: Anchor | None, direction: str) -> int | None:
    """The year of a month (and day) given without one, on the `direction` side of the reference."""
    if ref is None:
        return None
    if ref.month is None:
        return ref.year
    here, there = (ref.month, ref.day or 0), (month, day or 0)
    if direction == "future":
        return ref.year if there >= here or month == ref.month else ref.year + 1
    return ref.year if there <= here or month == ref.month else ref.year - 1


def _iso(year: int | None, month: int, day: int | None = None) -> str | None:
    if day is not None:
        try:
            dt.date(year or 2000, month, day)
        except ValueError:
            return None
    head = f"{year:04d}" if year is not None else "-"
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _day_range(first: str, last: str, month_name: str, year: str | None, ref, direction) -> str | None:
    month = _MONTHS[month_name]
    y = int(year) if year else _place_year(month, int(first), ref, direction)
    start, end = _iso(y, month, int(first)), _iso(y, month, int(last))
    return f"{start}/{end}" if start and end and int(last) > int(first) else None


def _month_day(month_name: str, day: str, year: str | None, ref, direction) -> str | None:
    month = _MONTHS[month_name]
    y = int(year) if year else _place_year(month, int(day), ref, direction)
    return _iso(y, month, int(day))


def _month_only(month_name: str, year: str | None, ref, direction) -> str | None:
    month = _MONTHS[month_name]
    return _iso(int(year) if year else _place_year(month, None, ref, direction), month)


def _year_range(first: str, last: str) -> str | None:
    end = int(first[:2] + last) if len(last) == 2 else int(last)
    return f"{first}/{end}" if end > int(first) and end - int(first) < 100 else None


_DATE_HANDLERS = {
    "day_range_month": lambda g, r, d: _day_range(g[0], g[1], g[2], g[3], r, d),
    "month_day_range": lambda g, r, d: _day_range(g[1], g[2], g[0], g[3], r, d),
    "day_month": lambda g, r, d: _month_day(g[1], g[0], g[2], r, d),
    "month_day": lambda g, r, d: _month_day(g[0], g[1], g[2], r, d),
    "month": lambda g, r, d: _month_only(g[0], g[1], r, d),
    "year_range": lambda g, r, d: _year_range(g[0], g[1]),
    "year": lambda g, r, d: g[0] if 1000 <= int(g[0]) <= 2100 else None,
    "decade": lambda g, r, d: f"{g[0]}0/{g[0]}9",
}


def date_bounds(iso: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by an ISO date, month, year or interval ('A/B')."""
    if "/" in iso:
        first, last = (date_bounds(part) for part in iso.split("/", 1))
        return (first[0], last[1]) if first and last else None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso)
    if not match:
        return None
    year, month, day = (int(x) if x else None for x in match.groups())
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day), dt.date(year, month, day)


# --------------------------------------------------------------------------- figures in text


@dataclass
class Figure:
    """A figure found in the text before it becomes a Claim: span, value and what kind it is."""

    start: int
    end: int
    value: float | str
    unit: str
    kind: str  # money | percent | share | count | length ... | duration | date
    qualifier: str | None = None


def find_figures(text: str) -> list[Figure]:
    """Money, percentages, quantities with a unit, fractions and bare numbers (counts) in a text."""
    pats = _patterns()
    found: list[Figure] = []
    for match in pats["figure"].finditer(text):
        figure = _read_figure(text, match)
        if figure is not None:
            found.append(figure)
    for match in pats["fraction"].finditer(text):
        start = match.start("frac")
        if re.search(r"\b(?:the|first|second|last|latter|former|other)\s+$", text[max(0, start - 12):start], re.I):
            continue  # 'the first half of 2022' is a period, not a share
        qualifier, start = _qualifier(text, start)
        found.append(Figure(start, match.end("frac"), FRACTIONS[match.group("frac").lower()], "share",
                            "share", qualifier))
    return sorted(found, key=lambda f: f.start)


def _read_figure(text: str, match: re.Match) -> Figure | None:
    """Interpret one number by what stands around it (currency, unit, percent sign, qualifier)."""
    pats = _patterns()
    raw = match.group("num")
    start, end = match.start("num"), match.end("num")
    if raw.lower() in ("a", "an") or raw.lower() in SCALE_WORDS:
        return None
    left, right = text[max(0, start - 6):start], text[end:end + 40]
    currency = None
    sym = pats["symbol"].search(left)
    if sym and (sym.group("sym") or sym.group("code") in currency_codes()):
        currency = CURRENCY_SYMBOLS.get(sym.group("sym")) if sym.group("sym") else sym.group("code")
        start -= len(sym.group(0))
    value = _value(raw, money=currency is not None, right=right)
    if value is None:
        return None
    unit, kind, end = _unit_after(text, end, currency)
    if unit is None and (pats["year"].match(raw) or not _counts(raw)):
        return None
    if kind == "duration" and value < 2 and not re.search(r"\d", raw):
        return None  # 'one day', 'a year' tell when, not how long
    qualifier, start = _qualifier(text, start)
    if unit is None:
        unit, kind = "count", "count"
    if kind == "money" and unit == "billion cubic m":
        return None
    if unit == "billion cubic m":
        value, unit = value * 1e9, "cubic m"
    return Figure(start, end, value, unit, kind, qualifier)


def _value(raw: str, money: bool, right: str) -> float | None:
    """The number's value; one-letter scale abbreviations ('3.5m') only count for money or before a noun."""
    one_letter = re.fullmatch(r"[\d.,]+\s?[mbk]", raw.lower()) is not None
    if one_letter and not (money or re.match(r"^\s[a-z]", right)):
        return None
    return parse_number(raw)


def _counts(raw: str) -> bool:
    """Whether a bare number is worth keeping as a count: digits, a scale word, or ten and more."""
    if re.search(r"\d", raw):
        return True
    value = parse_number(raw)
    return value is not None and value >= 10


def _unit_after(text: str, end: int, currency: str | None) -> tuple[str | None, str, int]:
    """The unit that follows a number, and where the figure then ends."""
    pats = _patterns()
    right = text[end:end + 40]
    if currency is not None:
        return currency, "money", end
    cur = pats["currency"].match(right)
    if cur:
        return currency_words()[cur.group("cur").lower()], "money", end + cur.end()
    code = pats["code_after"].match(right)
    if code and code.group("code") in currency_codes():
        return code.group("code"), "money", end + code.end()
    unit = pats["unit"].match(right)
    if unit:
        word = unit.group("unit").lower()
        if word in PERCENT_FORMS:
            return ("percentage points" if "point" in word else "percent"), "percent", end + unit.end()
        name, kind = UNITS[word]
        return name, kind, end + unit.end()
    return None, "", end


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    match = _patterns()["qualifier"].search(text[max(0, start - 20):start])
    if not match:
        return None, start
    return QUALIFIERS[match.group("q").lower()], start - (len(match.group(0)))


# --------------------------------------------------------------------------- the parse: what is measured


def _phrase(doc: SpacyDoc, indices: Iterable[int], anchor: Token | None = None) -> str:
    """Tokens joined in text order, kept to the anchor's line; adjacent tokens keep their spacing."""
    chosen = set(indices)
    for i in list(chosen):  # hyphens and brackets between chosen words: 'two-way', 'Organization (SCO)'
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc) and doc[j].is_punct and doc[j].tag_ in ("HYPH", "-LRB-", "-RRB-"):
                k = j - 1 if j < i else j + 1
                if doc[j].tag_ == "HYPH" and k in chosen or doc[j].tag_ != "HYPH":
                    chosen.add(j)
    chosen = _balanced(doc, chosen)
    if anchor is not None:
        chosen = {i for i in chosen if _same_line(doc, i, anchor.i)}
    order = sorted(chosen)
    out = []
    for n, i in enumerate(order):
        token = doc[i]
        adjacent = n + 1 < len(order) and order[n + 1] == i + 1
        out.append(token.text_with_ws if adjacent else token.text + " ")
    return re.sub(r"\s+", " ", "".join(out)).strip(" ,;:-")


def _balanced(doc: SpacyDoc, chosen: set[int]) -> set[int]:
    """Drop brackets that lost their partner."""
    opened: list[int] = []
    keep = set(chosen)
    for i in sorted(chosen):
        if doc[i].tag_ == "-LRB-":
            opened.append(i)
        elif doc[i].tag_ == "-RRB-":
            if opened:
                opened.pop()
            else:
                keep.discard(i)
    keep.difference_update(opened)
    return keep


def _same_line(doc: SpacyDoc, i: int, j: int) -> bool:
    low, high = min(i, j), max(i, j)
    return "\n" not in doc[low:high + 1].text


def _modifiers(token: Token, skip: set[int], det: bool = False) -> list[int]:
    """A noun and the words that narrow it down on its left (compounds, adjectives, possessors)."""
    out = [token.i]
    for child in token.lefts:
        if child.i in skip or child.lower_ in DATE_MODIFIERS and child.i + 1 in skip:
            continue
        if child.dep_ == "det" and det and child.lower_ in ("the", "a", "an"):
            out.append(child.i)
        if child.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod", "case"):
            out.extend(t.i for t in child.subtree if t.i not in skip and t.dep_ != "det" and not t.is_punct)
    return out


def _right_complement(token: Token, skip: set[int], limit: int = 7) -> list[int]:
    """The first prepositional phrase, relative clause or participle that follows a noun, kept short."""
    for child in token.rights:
        if child.i in skip:
            continue
        if child.dep_ == "prep" and any(c.dep_ == "pobj" for c in child.children):
            pobj = next(c for c in child.children if c.dep_ == "pobj")
            return [child.i, *_modifiers(pobj, skip, det=True)]
        if child.dep_ in ("relcl", "acl") and child.pos_ in ("VERB", "AUX"):
            words = [t.i for t in child.subtree if t.i not in skip and not t.is_punct]
            words = [i for i in words if i <= child.i + limit]
            return words if len(words) <= limit + 2 else words[:limit]
        if child.dep_ in ("amod", "oprd") and child.pos_ == "ADJ":
            return [child.i]
    return []


def noun_phrase(token: Token, skip: set[int] | None = None) -> list[int]:
    """A short noun phrase for a measured noun: its modifiers and its first complement."""
    skip = skip or set()
    words = _modifiers(token, skip) + _right_complement(token, skip)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN" \
            and token.head.head.i not in skip:
        owner = token.head.head  # 'start of the pandemic', 'share of imports'
        words += [owner.i, token.head.i] + [c.i for c in owner.lefts if c.dep_ in ("amod", "compound")]
    return words


def _clause_core(verb: Token, skip: set[int]) -> list[int]:
    """Subject, verb and first object of a clause: 'Russian troops helped put down riots'."""
    words = [verb.i] + [c.i for c in verb.children if c.dep_ in ("prt", "neg", "aux") and c.lower_ not in
                        ("will", "would", "has", "have", "had", "is", "are", "was", "were", "be", "been")]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.pos_ != "PRON" and subject.i not in skip:
        words += noun_phrase(subject, skip)
    elif verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i not in skip:
        words += _modifiers(verb.head, skip)  # 'message sent by Medvedev'
    chain = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    for v in chain:
        words += [v.i] + [c.i for c in v.children if c.dep_ == "prt"]
        obj = next((c for c in v.children if c.dep_ in ("dobj", "attr", "acomp") and c.i not in skip), None)
        if obj is not None:
            words += _modifiers(obj, skip)
            break
        prep = next((c for c in v.rights if c.dep_ in ("prep", "agent") and c.i not in skip
                     and any(p.dep_ == "pobj" and p.i not in skip for p in c.children)), None)
        if prep is not None:
            pobj = next(p for p in prep.children if p.dep_ == "pobj")
            words += [prep.i, *_modifiers(pobj, skip, det=True)]
            break
    return words


def _nearest_noun_before(token: Token) -> Token | None:
    for i in range(token.i - 1, token.sent.start - 1, -1):
        if token.doc[i].pos_ in ("NOUN", "PROPN"):
            return token.doc[i]
    return None


def _event_of(root: Token, gov: Token, skip: set[int]) -> list[int]:
    """What a date is the date of: a clause on the date itself ('in 2013, when X visited'), the noun
    it modifies, or the event or clause its verb states."""
    clause = next((c for c in root.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), None)
    if clause is not None:
        return _clause_core(clause, skip)
    if gov.pos_ in ("NOUN", "PROPN"):
        return noun_phrase(gov, skip)
    if gov.pos_ not in ("VERB", "AUX"):
        return [gov.i]
    if gov.lemma_ in LIGHT_EVENT_VERBS:
        subject = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and gov.dep_ in ("acl", "relcl"):
            subject = gov.head
        if subject is None and gov.dep_ == "advcl":
            subject = _nearest_noun_before(gov)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return _modifiers(subject, skip)
    return _clause_core(gov, skip)


def _governor(root: Token) -> Token:
    """The word a date or figure attaches to, through its preposition."""
    if root.dep_ in ("pobj", "pcomp") and root.head.dep_ in ("prep", "agent", "mark") or (
        root.dep_ == "pobj" and root.head.pos_ in ("ADP", "SCONJ")
    ):
        return root.head.head
    return root.head


def _direction(gov: Token) -> str:
    """Whether an undated month points back ('helped in January') or forward ('kicks off in October')."""
    if gov.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in FUTURE_ADJECTIVES for c in gov.children):
            return "future"
        return "past"
    verb = gov
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_MARKERS for a in auxes):
            return "future"
        if verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_GOVERNORS:
            return "future"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
            return "past"
        if verb.lemma_ in LIGHT_EVENT_VERBS and (
                verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)):
            return "future"  # 'kicks off in October', 'is held in June': scheduled
        if verb.tag_ in ("VBZ", "VBP"):
            return "past"
        if verb.dep_ in ("xcomp", "conj", "relcl", "acl") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        break
    return "past"


def _measured(doc: SpacyDoc, span: Span, figure: Figure) -> list[int]:
    """The words that say what a figure measures."""
    skip = set(range(span.start, span.end))
    root = span.root
    if figure.kind == "count":
        noun = _counted_noun(span)
        if noun is None:
            return []
        if _is_hyphen_modifier(span, noun):  # 'the 27-nation European Union' counts the Union's nations
            return noun_phrase(noun.head, skip | {noun.i})
        return noun_phrase(noun, skip) + _governing_words(noun, skip)
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i not in skip), None)
    if of is not None and any(p.dep_ == "pobj" for p in of.children):
        pobj = next(p for p in of.children if p.dep_ == "pobj")
        if pobj.pos_ != "PRON":
            return noun_phrase(pobj, skip)
        return [pobj.i, *_clause_tail(root.head, skip)]
    head = root.head
    if root.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod") and head.pos_ in ("NOUN", "PROPN") \
            and head.i > root.i and head.i not in skip:
        return noun_phrase(head, skip)
    gov = _governor(root)
    for _ in range(2):  # 'the deal is worth €3.5m', 'sterling traded up 0.3%'
        if gov.pos_ in ("ADJ", "ADV", "ADP", "PART") and gov.head.i != gov.i:
            gov = gov.head
    if gov.pos_ in ("VERB", "AUX"):
        if root.dep_ == "dobj" or gov.lemma_ not in COPULAS and root.dep_ != "attr":
            return _clause_core(gov, skip)  # 'China lent 2 billion yuan to the city'
        subject = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.i not in skip:
            return noun_phrase(subject, skip)  # 'turnout was 61.2%'
        return _clause_core(gov, skip)
    return noun_phrase(gov, skip) if gov.pos_ in ("NOUN", "PROPN") else []


def _clause_tail(verb: Token, skip: set[int]) -> list[int]:
    return [verb.i] + [c.i for c in verb.children if c.dep_ in ("attr", "acomp") and c.i not in skip]


def _counted_noun(span: Span) -> Token | None:
    """The noun a bare number counts ('10,000 people'), on the same line as the number."""
    root = span.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN") \
            and head.i >= span.end and "\n" not in span.doc[span.start:head.i + 1].text:
        return head
    return None


def _is_hyphen_modifier(span: Span, noun: Token) -> bool:
    """'27-nation', '5-star': number, hyphen and a singular noun that modifies another noun."""
    doc = span.doc
    return (noun.i == span.end + 1 and doc[span.end].tag_ == "HYPH" and noun.tag_ == "NN"
            and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"))


def _governing_words(noun: Token, skip: set[int]) -> list[int]:
    """For a bare counted noun, the verb it depends on ('followed by people', 'left people dead')."""
    if any(c.dep_ in ("prep", "relcl", "acl") for c in noun.rights):
        return []
    head = noun.head
    if noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
        return [head.head.i, head.i]
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        words = [head.i] + [c.i for c in head.children if c.dep_ in ("oprd", "acomp", "prt")]
        subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i != noun.i), None)
        if noun.dep_ == "dobj" and subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            words += _modifiers(subject, skip)  # 'Russia has troops'
        return words
    return []


# --------------------------------------------------------------------------- claims


def extract_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    """Every figure and dated event in one document, each with what it measures and its evidence."""
    ref = Anchor.parse(doc.published)
    claims: list[Claim] = []
    dated: list[_Dated] = []
    for ent in parsed.ents:
        if ent.label_ != "DATE" or _dateline(doc.text, ent.start_char):
            continue
        for span in _date_readings(ent):
            claim = _date_claim(doc, parsed, span, ref)
            if claim is not None:
                claims.append(claim)
                dated.append(_Dated(claim, _governor(span.root).i, span.start_char, span.end_char))
                break
    date_spans = [(d.start, d.end) for d in dated]
    claims.extend(_rank_claims(doc, parsed, ref, dated))
    for figure in find_figures(doc.text):
        if any(s < figure.end and figure.start < e for s, e in date_spans) or _furniture(doc.text, figure):
            continue
        claim = _figure_claim(doc, parsed, figure, ref, dated)
        if claim is not None:
            claims.append(claim)
    return sorted(claims, key=lambda c: (c.start, c.subject))


def _dateline(text: str, start: int) -> bool:
    """'LONDON, March 3 (Reuters) -': the date the story was filed, not the date of an event."""
    line_start = text.rfind("\n", 0, start) + 1
    return re.fullmatch(r"\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?,\s*", text[line_start:start]) is not None


def _furniture(text: str, figure: Figure) -> bool:
    """A number alone on its line (page number, comment count) is page furniture, not a figure."""
    line_start = text.rfind("\n", 0, figure.start) + 1
    line_end = text.find("\n", figure.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return line.strip(" .:|•-") == text[figure.start:figure.end].strip()


def _evidence(parsed: SpacyDoc, token: Token) -> tuple[str, int, int]:
    """The sentence that states a figure, kept to its own line, with its span in the document text."""
    sent = token.sent
    text = parsed.text
    start = max(sent.start_char, text.rfind("\n", 0, token.idx) + 1)
    line_end = text.find("\n", token.idx)
    end = min(sent.end_char, line_end if line_end >= 0 else len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], start, end


def _date_readings(ent: Span) -> list[Span]:
    """The entity, then the entity less a stray word at either end ('Last year two' in
    'Last year two-way trade'), since the recogniser's edges are not always right."""
    spans = [ent]
    if len(ent) > 1:
        spans += [ent[:-1], ent[1:]]
    if len(ent) > 2:
        spans.append(ent[:-2])
    return spans


def _date_claim(doc: Document, parsed: SpacyDoc, ent: Span, ref: Anchor | None) -> Claim | None:
    """A dated event ('in January' -> 2022-01) or a duration ('more than two years' -> 2 years)."""
    root = ent.root
    gov = _governor(root)
    skip = set(range(ent.start, ent.end)) | ({root.head.i} if root.head.pos_ in ("ADP", "SCONJ") else set())
    subject = _phrase(parsed, _event_of(root, gov, skip), root) if gov.i not in skip else ""
    evidence, start, end = _evidence(parsed, root)
    value = normalise_date(ent.text, ref, _direction(gov))
    if value is not None:
        unit = "year" if re.fullmatch(r"\d{4}", value) else "date"
        period = value if not value.startswith("-") else None
        return Claim(doc.id, subject or ent.text, value, unit, period, evidence, start, end)
    duration = _duration(ent.text)
    if duration is None:
        return None
    amount, unit = duration
    period = _period_from_ref(ref)
    return Claim(doc.id, subject or ent.text, amount, unit, period, evidence, start, end)


def _duration(text: str) -> tuple[float, str] | None:
    """'more than two years' -> (2, 'years (more than)'); vague ones ('several days') -> None."""
    figures = [f for f in find_figures(text) if f.kind == "duration"]
    if len(figures) != 1:
        return None
    figure = figures[0]
    if figure.value < 2 and not re.search(r"\d", text):
        return None  # 'one day', 'a year' tell when, not how long
    return float(figure.value), _unit_label(figure.unit, figure.qualifier)


def _unit_label(unit: str, qualifier: str | None) -> str:
    return f"{unit} ({qualifier})" if qualifier else unit


def _period_from_ref(ref: Anchor | None) -> str | None:
    if ref is None:
        return None
    return f"{ref.year:04d}-{ref.month:02d}" if ref.month else f"{ref.year:04d}"


TIMELESS_KINDS = {"length", "area", "temperature", "speed"}


def _figure_claim(doc: Document, parsed: SpacyDoc, figure: Figure, ref: Anchor | None,
                  dated: list[_Dated]) -> Claim | None:
    span = parsed.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = _measured(parsed, span, figure)
    if figure.kind == "count" and not words:
        return None  # a bare number that counts nothing named
    subject = _phrase(parsed, words, span.root) or figure.unit
    evidence, start, end = _evidence(parsed, span.root)
    period = _clause_period(dated, span.root)
    if period is None and figure.kind not in TIMELESS_KINDS:
        period = _period_from_ref(ref)
    unit = figure.unit if figure.kind != "count" else _count_unit(span)
    return Claim(doc.id, subject, figure.value, _unit_label(unit, figure.qualifier), period, evidence,
                 start, end)


def _rank_claims(doc: Document, parsed: SpacyDoc, ref: Anchor | None, dated: list[_Dated]) -> list[Claim]:
    """Ranks stated by a superlative of size: 'X became the world's second-biggest producer' -> 2."""
    out = []
    for token in parsed:
        noun = token.head
        if token.dep_ != "amod" or noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "oprd", "appos"):
            continue
        most = any(c.lower_ == "most" for c in token.children)
        if not (token.tag_ == "JJS" or most) or token.lemma_.lower() not in MEASURE_SUPERLATIVES:
            continue
        rank = next((ORDINAL_WORDS.get(c.lower_) for c in token.children if c.lower_ in ORDINAL_WORDS), 1)
        holder = _rank_holder(noun)
        phrase = _phrase(parsed, noun_phrase(noun), noun)
        subject = f"{_phrase(parsed, _modifiers(holder, set()), holder)} as {phrase}" if holder else phrase
        evidence, start, end = _evidence(parsed, token)
        period = _clause_period(dated, noun) or _period_from_ref(ref)
        out.append(Claim(doc.id, subject, float(rank), "rank", period, evidence, start, end))
    return out


def _rank_holder(noun: Token) -> Token | None:
    """Who holds the rank: the subject of 'be'/'become', or the noun an apposition describes."""
    if noun.dep_ == "appos":
        return noun.head if noun.head.pos_ in ("NOUN", "PROPN") else None
    subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and noun.head.dep_ in ("advcl", "xcomp"):
        subject = next((c for c in noun.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


def _count_unit(span: Span) -> str:
    noun = _counted_noun(span)
    if noun is None:
        return "count"
    return noun.text if noun.pos_ == "PROPN" else noun.lower_


@dataclass
class _Dated:
    """A date claim and the word its date attaches to, so figures in the same clause can use it."""

    claim: Claim
    governor: int  # token index
    start: int
    end: int


def _clause_period(dated: list[_Dated], token: Token) -> str | None:
    """The date that governs a figure: one attached to the figure's word or to a word above it
    ('Last year China overtook Russia ..., with trade topping $41 billion'), nearest first."""
    above = {token.i} | {a.i for a in token.ancestors}
    sent = token.sent
    hits = [d for d in dated if d.governor in above and d.claim.period
            and sent.start_char <= d.start < sent.end_char]
    if not hits:
        return None
    return min(hits, key=lambda d: abs(d.start - token.idx)).claim.period


# --------------------------------------------------------------------------- disagreements

DATE_GAP_DAYS = (7, 62)  # dates of one event further apart than a week, closer than two months
VALUE_TOLERANCE = {None: 0.05, "about": 0.15, "nearly": 0.1}


def unit_kind(unit: str | None) -> str:
    """The unit without its qualifier: 'people (more than)' -> 'people'."""
    return (unit or "").split(" (")[0]


def unit_qualifier(unit: str | None) -> str | None:
    match = re.search(r"\((.+)\)$", unit or "")
    return match.group(1) if match else None


def subject_words(subject: str) -> frozenset[str]:
    """Content words of a subject, lower case, plural -s dropped, to compare subjects loosely."""
    words = re.findall(r"[\w’'-]+", subject.lower())
    stems = {re.sub(r"(?<=[a-z]{3})s$", "", w.strip("’'-")) for w in words}
    return frozenset(w for w in stems if w and w not in STOPWORDS and not w.isdigit())


def same_subject(a: str, b: str, min_shared: int = 1) -> bool:
    """Two subjects name the same measure: most content words shared (at least `min_shared`)."""
    wa, wb = subject_words(a), subject_words(b)
    shared = len(wa & wb)
    if not wa or not wb or shared < min_shared:
        return False
    return shared / len(wa | wb) >= 0.5 or (shared >= 2 and shared == min(len(wa), len(wb)))


def _copy_groups(docs: list[Document]) -> dict[str, str]:
    """Each document id mapped to the id of its canonical copy (itself when it is no copy)."""
    parent = {d.id: d.duplicate_of or d.id for d in docs}

    def root(doc_id: str) -> str:
        seen = set()
        while parent.get(doc_id, doc_id) != doc_id and doc_id not in seen:
            seen.add(doc_id)
            doc_id = parent[doc_id]
        return doc_id

    return {d: root(d) for d in parent}


def _interval(claim: Claim) -> tuple[float, float] | None:
    """The values a numeric claim allows, given its qualifier and rounding."""
    if not isinstance(claim.value, int | float):
        return None
    value, qualifier = float(claim.value), unit_qualifier(claim.unit)
    slack = abs(value) * VALUE_TOLERANCE.get(qualifier, 0.05)
    bounds = {
        "more than": (value, float("inf")), "at least": (value, float("inf")),
        "less than": (float("-inf"), value), "up to": (float("-inf"), value),
        "nearly": (value - slack, value),
    }
    return bounds.get(qualifier, (value - slack, value + slack))


def _disagree(a: Claim, b: Claim) -> bool:
    """Whether two claims on the same measure cannot both be true."""
    if a.unit in DATE_UNITS and b.unit in DATE_UNITS:
        return _dates_disagree(str(a.value), str(b.value))
    if unit_kind(a.unit) != unit_kind(b.unit):
        return False
    if a.period and b.period and a.period[:4] != b.period[:4]:
        return False  # figures for different years
    ia, ib = _interval(a), _interval(b)
    return ia is not None and ib is not None and (ia[1] < ib[0] or ib[1] < ia[0])


def _dates_disagree(a: str, b: str) -> bool:
    """Two dates for one event that cannot both hold, yet are close enough to be the same occurrence."""
    ba, bb = date_bounds(a), date_bounds(b)
    if ba is None or bb is None:
        return False
    if ba[0] <= bb[1] and bb[0] <= ba[1]:
        return False  # one contains or overlaps the other
    gap = (max(ba[0], bb[0]) - min(ba[1], bb[1])).days
    return DATE_GAP_DAYS[0] < gap <= DATE_GAP_DAYS[1]


def _says(claim: Claim) -> str:
    qualifier = unit_qualifier(claim.unit)
    value = claim.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else str(value)
    kind = unit_kind(claim.unit)
    body = text if kind in DATE_UNITS else f"{text} {kind}"
    return f"{qualifier + ' ' if qualifier else ''}{body}: {claim.evidence}"


def _topic(claim: Claim) -> str:
    kind = unit_kind(claim.unit)
    what = {"date": "date", "year": "date"}.get(kind, "figure")
    return f"{what} of {claim.subject} ({kind})" if what == "figure" else f"date of {claim.subject}"


def find_conflicts(claims: list[Claim], docs: list[Document]) -> list[Conflict]:
    """Same measure, different values: between documents that are not copies, or within one document.

    Claims are compared when their units agree and their subjects share most content words;
    numbers disagree beyond rounding and their qualifiers ('more than'); dates disagree when
    neither contains the other and they are close enough to be one event, not two occurrences.
    """
    canonical = _copy_groups(docs)
    kept = [c for c in claims if canonical.get(c.doc, c.doc) == c.doc]
    pairs: list[tuple[Claim, Claim]] = []
    for i, j in sorted(_candidate_pairs(kept)):
        a, b = kept[i], kept[j]
        if a.doc == b.doc and a.start == b.start:
            continue  # two figures of one sentence are not two statements of one measure
        # across documents a bare 'summit' is too loose: ask for two shared words there
        if same_subject(a.subject, b.subject, 1 if a.doc == b.doc else 2) and _disagree(a, b):
            pairs.append((a, b))
    return _group(pairs)


def _candidate_pairs(claims: list[Claim]) -> set[tuple[int, int]]:
    """Index pairs of claims with the same unit kind and a subject word in common."""
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, claim in enumerate(claims):
        kind = "date" if unit_kind(claim.unit) in DATE_UNITS else unit_kind(claim.unit)
        for word in subject_words(claim.subject):
            buckets.setdefault((kind, word), []).append(i)
    pairs = set()
    for members in buckets.values():
        for n, i in enumerate(members):
            pairs.update((i, j) for j in members[n + 1:])
    return pairs


def _group(pairs: list[tuple[Claim, Claim]]) -> list[Conflict]:
    """Pairs on one measure joined into one conflict per topic."""
    conflicts: list[Conflict] = []
    members: list[list[Claim]] = []
    for a, b in pairs:
        for group in members:
            if any(c is a or c is b for c in group):
                group.extend(c for c in (a, b) if all(c is not g for g in group))
                break
        else:
            members.append([a, b])
    for group in members:
        group.sort(key=lambda c: (c.doc, c.start))
        statements = [Statement(c.doc, _says(c)) for c in group]
        conflicts.append(Conflict(_topic(group[0]), statements))
    return conflicts
