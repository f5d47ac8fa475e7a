"""Numbers in text: written numbers, currencies, units and qualifiers read into normal values.

"$41 billion" is 41e9 USD, "7,000-km" is 7000 km, "2.2 million" is 2.2e6, "more than 200"
keeps its bound as a qualifier. Lexicons: currency names and ISO 4217 codes from `pycountry`,
and the common units of length, area, mass, volume, energy and time (SI Brochure, 9th ed.,
and NIST SP 811 for the customary units).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

DATE_UNITS = ("date", "year")
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


