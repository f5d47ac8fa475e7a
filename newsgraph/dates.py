"""When an event happened: dates in its sentence, resolved against the article's publication date.

News dates events mostly relative to the day of writing ("last month", "on Thursday",
"a few weeks ago") or without a year ("On September 9", "in January"), so a date can only
be read together with the article date. The output is ISO and only as precise as the text
and the article date allow: "2022-09-09", "2022-09" or "2022".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span

from newsgraph.nlp import entities

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a few": 3, "few": 3, "several": 3, "a couple of": 2}
# Prepositions that make a date the start or end of a period rather than the time of the event.
PERIOD_MARKERS = {"since", "until", "till", "through", "from"}
# Verbs that put their complement in the future: "is set to make", "is expected to visit".
FUTURE_VERBS = {"set", "expect", "plan", "schedule", "due", "prepare", "intend", "will", "shall", "go"}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_PATTERNS = [
    re.compile(rf"^{_YEAR}-(?P<m>\d\d)-(?P<d>\d\d)$"),
    re.compile(rf"^{_MONTH} {_DAY}(?:\s*[-–]\s*\d{{1,2}})?(?:,? {_YEAR})?$"),
    re.compile(rf"^{_DAY}(?:\s*[-–]\s*\d{{1,2}})? {_MONTH}(?:,? {_YEAR})?$"),
    re.compile(rf"^{_MONTH},? {_YEAR}$"),
    re.compile(rf"^{_MONTH}$"),
    re.compile(rf"^{_YEAR}$"),
]
_AGO = re.compile(r"^(?P<n>\d+|a few|a couple of|few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
                  r" (?P<unit>day|week|month|year)s? ago$")
_RELATIVE = re.compile(r"^(?P<which>last|this|next|past|previous|coming) (?P<unit>week|month|year)$")
_TRIM = re.compile(r"^(?:on|in|at|during|by|of|the|early|earlier|late|later|mid|middle|beginning|end|start)"
                   r"(?:\s*-\s*|\s+)", re.I)


@dataclass(frozen=True)
class Anchor:
    """The article date, with what is known of it (a year, a month, a day)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, published: str | None) -> Anchor | None:
        if not published:
            return None
        m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published.strip())
        if not m:
            return None
        return cls(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                   int(m.group(3)) if m.group(3) else None)

    def as_date(self) -> date:
        """A representative day (mid-month, mid-year) for arithmetic when the day is not known."""
        return date(self.year, self.month or 7, self.day or (15 if self.month else 1))

    def iso(self) -> str:
        return _iso(self.year, self.month, self.day)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def resolve_when(sentence: Span, parsed: SpacyDoc, published: str | None, near: int | None = None) -> str | None:
    """The date of what a sentence reports, as ISO text; the article date when the sentence gives none.

    `near` is the index of the event's trigger token: of several dates in one sentence, the one
    closest to the trigger is read first.
    """
    anchor = Anchor.parse(published)
    for ent in _date_spans(sentence, parsed, near):
        when = resolve_text(ent.text, anchor, future=_is_future(ent, near, parsed))
        if when:
            return when
    return anchor.iso() if anchor else None


def _date_spans(sentence: Span, parsed: SpacyDoc, near: int | None) -> list[Span]:
    """DATE entities of the sentence that name a point in time, nearest to the trigger first."""
    spans = [e for e in entities(parsed) if e.label_ == "DATE" and e.start >= sentence.start and e.end <= sentence.end]
    spans += [parsed[t.i:t.i + 1] for t in sentence if t.lower_ in WEEKDAYS and not any(
        s.start <= t.i < s.end for s in spans)]
    spans = [s for s in spans if not _marks_period(s)]
    if near is not None:
        spans.sort(key=lambda s: (not _depends_on(s, near), min(abs(s.start - near), abs(s.end - 1 - near))))
    return spans


def _depends_on(span: Span, near: int) -> bool:
    """Whether the date modifies the trigger itself ('met ... on March 3'), not another word nearby."""
    for tok in span.root.ancestors:
        if tok.i == near:
            return True
        if tok.pos_ in {"VERB", "AUX", "NOUN", "PROPN"}:
            return False
    return False


def _marks_period(span: Span) -> bool:
    """'since January 2020', 'until 2030': the edge of a period, not the time of the event."""
    head = span.root.head
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (span.root.dep_ == "pobj" and head.lower_ in PERIOD_MARKERS) or (
        before is not None and before.lower_ in PERIOD_MARKERS)


def _is_future(span: Span, near: int | None, parsed: SpacyDoc) -> bool:
    """Whether the clause that holds the date speaks of the future ('will meet on Thursday', 'starts on')."""
    verb = parsed[near] if near is not None else span.root
    for _ in range(6):
        if verb.pos_ in {"VERB", "AUX"} or verb.dep_ == "ROOT":
            break
        verb = verb.head
    chain = [verb, *verb.ancestors][:4]
    for tok in chain:
        aux = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in {"will", "shall", "'ll", "wo"} for a in aux):
            return True
        if tok.lemma_ in FUTURE_VERBS and tok is not verb:
            return True
        if tok.tag_ in {"VBD", "VBN"} or any(a.tag_ in {"VBD", "VBN"} or a.lower_ in {"has", "have", "had"}
                                              for a in aux):
            return False
    return verb.tag_ in {"VBZ", "VBP"} and verb in span.root.ancestors


def resolve_text(text: str, anchor: Anchor | None, future: bool = False) -> str | None:
    """One date expression ('On September 9', 'last month', 'a few weeks ago') as ISO text, or None."""
    key = _date_key(text)
    explicit = _explicit(key, anchor, future)
    if explicit:
        return explicit
    return _relative(key, anchor, future) if anchor else None


def _date_key(text: str) -> str:
    """A date expression lower-cased, spaced evenly and stripped of the words around the date itself."""
    key = re.sub(r"[’']s$", "", text.strip().lower()).replace(",", " ,").replace(" ,", ",")
    key = re.sub(r"\s+", " ", key)
    while _TRIM.match(key):
        key = _TRIM.sub("", key, count=1)
    return key


def _explicit(key: str, anchor: Anchor | None, future: bool) -> str | None:
    for pattern in _PATTERNS:
        m = pattern.match(key)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("m"):
            return _iso(int(groups["year"]), int(groups["m"]), int(groups["d"]))
        month = MONTHS[groups["month"]] if groups.get("month") else None
        day = int(groups["day"]) if groups.get("day") else None
        if groups.get("year"):
            return _iso(int(groups["year"]), month, day if month else None)
        if month is None or anchor is None:
            return None
        return _iso(_infer_year(month, anchor, future), month, day)
    return None


def _infer_year(month: int, anchor: Anchor, future: bool) -> int:
    """The year of a month named without one: the nearest such month before (or, for the future, after)."""
    if anchor.month is None:
        return anchor.year
    if future and month < anchor.month:
        return anchor.year + 1
    if not future and month > anchor.month:
        return anchor.year - 1
    return anchor.year


def _relative(key: str, anchor: Anchor, future: bool) -> str | None:
    base = anchor.as_date()
    if key in {"today", "yesterday", "tomorrow", "tonight"}:
        if anchor.day is None:
            return anchor.iso()
        shift = {"yesterday": -1, "tomorrow": 1}.get(key, 0)
        d = base + timedelta(days=shift)
        return _iso(d.year, d.month, d.day)
    m = _RELATIVE.match(key)
    if m:
        return _shift(anchor, m.group("unit"), {"last": -1, "past": -1, "previous": -1, "next": 1,
                                               "coming": 1}.get(m.group("which"), 0))
    m = _AGO.match(key)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS[m.group("n")]
        unit = m.group("unit")
        delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n), "month": relativedelta(months=n),
                 "year": relativedelta(years=n)}[unit]
        d = base - delta
        return _iso(d.year) if unit == "year" else _iso(d.year, d.month, d.day if unit == "day" and anchor.day
                                                        else None)
    words = key.split()
    if words and words[-1] in WEEKDAYS:
        return _weekday(WEEKDAYS[words[-1]], anchor, future or words[0] in {"next", "coming"},
                        words[0] == "last")
    return None


def _shift(anchor: Anchor, unit: str, n: int) -> str | None:
    """'last month', 'this week', 'next year' from the article date, at the precision the unit allows."""
    base = anchor.as_date()
    if unit == "year":
        return _iso(anchor.year + n)
    if anchor.month is None:
        return None
    if unit == "month":
        d = base + relativedelta(months=n)
        return _iso(d.year, d.month)
    d = base + timedelta(weeks=n)
    return _iso(d.year, d.month)  # a week is known only to its month


def _weekday(weekday: int, anchor: Anchor, future: bool, last: bool) -> str | None:
    """The named weekday nearest the article date: the one before it for the past, after it for the future."""
    if anchor.day is None:
        return anchor.iso() if anchor.month else None
    base = anchor.as_date()
    if future and not last:
        d = base + timedelta(days=(weekday - base.weekday()) % 7)
    else:
        d = base - timedelta(days=(base.weekday() - weekday) % 7 or (7 if last else 0))
    return _iso(d.year, d.month, d.day)


# --------------------------------------------------------------------------- dates as values

_DAY_RANGES = [  # '3-4 June', 'June 3-4, 2024'
    re.compile(rf"^(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*[-–]\s*{_DAY} {_MONTH}(?:,? {_YEAR})?$"),
    re.compile(rf"^{_MONTH} (?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*[-–]\s*{_DAY}(?:,? {_YEAR})?$"),
]
_YEAR_SPAN = re.compile(r"^(?P<a>(?:1[89]|20)\d\d)\s*[-–/]\s*(?P<b>\d\d|(?:1[89]|20)\d\d)$")
_DECADE = re.compile(r"^(?P<decade>(?:1[89]|20)\d)0[’']?s$")
_EDGE = re.compile(r"^(?:since|until|till|from|through) ")
UNKNOWN_YEAR = 2000  # a leap year standing in for a year the text does not give ('--06-03')


def normalise_date(text: str, anchor: Anchor | None = None, direction: str = "past") -> str | None:
    """A date expression as an ISO 8601 value, for figures and for comparing what texts say.

    Beyond `resolve_text` it keeps the whole extent of what is stated, since two texts disagree
    on extents: day ranges ('3-4 June' -> '2024-06-03/2024-06-04'), year ranges ('2019-20'),
    decades ('the early 1990s' -> '1990/1999'). Without an article date a month or day keeps
    its year unknown ('--06', '--06-03'). `direction` ("past" or "future") places a month named
    without a year. None for what is not a calendar date.
    """
    future = direction == "future"
    key = _EDGE.sub("", _date_key(text))
    spanned = _date_span(key, anchor, future)
    if spanned is not None:
        return spanned
    if anchor is None:
        return _explicit(key, None, future) or _yearless(key)
    return _explicit(key, anchor, future) or _relative(key, anchor, future)


def _date_span(key: str, anchor: Anchor | None, future: bool) -> str | None:
    for pattern in _DAY_RANGES:
        m = pattern.match(key)
        if m:
            month, first, last = MONTHS[m["month"]], int(m["first"]), int(m["day"])
            if last <= first:
                return None
            year = int(m["year"]) if m["year"] else _infer_year(month, anchor, future) if anchor else None
            return f"{_day_iso(year, month, first)}/{_day_iso(year, month, last)}"
    m = _YEAR_SPAN.match(key)
    if m:
        first, last = int(m["a"]), m["b"]
        end = int(m["a"][:2] + last) if len(last) == 2 else int(last)
        if first < end < first + 100:
            return f"{first}/{end}"
    m = _DECADE.match(key)
    return f"{m['decade']}0/{m['decade']}9" if m else None


def _day_iso(year: int | None, month: int, day: int) -> str:
    return _iso(year, month, day) if year is not None else f"--{month:02d}-{day:02d}"


def _yearless(key: str) -> str | None:
    """'September 9' -> '--09-09', 'June' -> '--06': the month and day known, the year not."""
    for pattern in (_PATTERNS[1], _PATTERNS[2], _PATTERNS[4]):
        m = pattern.match(key)
        if m:
            month = MONTHS[m["month"]]
            day = m.groupdict().get("day")
            return _day_iso(None, month, int(day)) if day else f"--{month:02d}"
    return None


def date_bounds(iso: str) -> tuple[date, date] | None:
    """First and last day an ISO value covers: a day, month, year or 'A/B' interval; a year the text
    does not give ('--06-03') is read as UNKNOWN_YEAR, so values from one text still compare."""
    if "/" in iso:
        first, last = (date_bounds(part) for part in iso.split("/", 1))
        return (first[0], last[1]) if first and last else None
    m = re.fullmatch(r"(\d{4}|-)(?:-(\d{2})(?:-(\d{2}))?)?", iso)
    if not m or (m[1] == "-" and not m[2]):
        return None
    year = UNKNOWN_YEAR if m[1] == "-" else int(m[1])
    try:
        if not m[2]:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(m[2])
        if not m[3]:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(m[3])), date(year, month, int(m[3]))
    except ValueError:
        return None
