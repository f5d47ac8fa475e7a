"""Disagreements on figures and dates: the same measure stated differently.

Between documents that are not copies of one another, or within one document: numbers
that differ beyond rounding and their qualifiers, and dates of one event that cannot
both hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta

from newsgraph.claims.disputes import copy_groups, find_disputes
from newsgraph.claims.numbers import DATE_UNITS
from newsgraph.claims.subjects import ATTENDANCE_MARK, same_subject, subject_words
from newsgraph.dates import date_bounds
from newsgraph.model import Claim, Conflict, Document, Event, Mention, Quote, Statement

# --------------------------------------------------------------------------- disagreements

DATE_GAP_DAYS = (7, 62)  # dates of one event further apart than a week, closer than two months
MAX_STATEMENTS = 20  # of one conflict, in text order
MAX_BUCKET = 500  # claims sharing one subject word, beyond which the word is not compared on
ARRIVAL_LEAD_DAYS = 7  # how long before a gathering its guests may arrive
VALUE_TOLERANCE = {None: 0.05, "about": 0.15, "nearly": 0.1}


def unit_kind(unit: str | None) -> str:
    """The unit without its qualifier: 'people (more than)' -> 'people'."""
    return (unit or "").split(" (")[0]


def unit_qualifier(unit: str | None) -> str | None:
    match = re.search(r"\((.+)\)$", unit or "")
    return match.group(1) if match else None


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
        arrival_a, arrival_b = a.subject.startswith(ATTENDANCE_MARK), b.subject.startswith(ATTENDANCE_MARK)
        if arrival_a and arrival_b:
            return False  # guests arrive on different days
        if arrival_a != arrival_b:
            arrival, event = (a, b) if arrival_a else (b, a)
            return _arrival_disagrees(str(arrival.value), str(event.value))
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


def _arrival_disagrees(arrival: str, event: str) -> bool:
    """An arrival for a gathering falls in the days before it or during it; one that cannot, yet is
    close enough to be for this occurrence, contradicts the gathering's stated dates."""
    ba, be = date_bounds(arrival), date_bounds(event)
    if ba is None or be is None:
        return False
    lead = timedelta(days=ARRIVAL_LEAD_DAYS)
    if be[0] - lead <= ba[1] and ba[0] <= be[1]:
        return False
    gap = (max(ba[0], be[0]) - min(ba[1], be[1])).days
    return gap <= DATE_GAP_DAYS[1]


def _says(claim: Claim) -> str:
    qualifier = unit_qualifier(claim.unit)
    value = claim.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else str(value)
    kind = unit_kind(claim.unit)
    body = text if kind in DATE_UNITS else f"{text} {kind}"
    if claim.subject.startswith(ATTENDANCE_MARK):
        body = f"arrival {body}"
    return f"{qualifier + ' ' if qualifier else ''}{body}: {claim.evidence}"


def _topic(claim: Claim) -> str:
    kind = unit_kind(claim.unit)
    what = {"date": "date", "year": "date"}.get(kind, "figure")
    return f"{what} of {claim.subject} ({kind})" if what == "figure" else f"date of {claim.subject}"


def find_conflicts(claims: list[Claim], docs: list[Document], *, mentions: dict[str, list[Mention]] | None = None,
                   actor_ids: dict[str, dict[str, str]] | None = None, quotes: Iterable[Quote] = (),
                   events: Iterable[Event] = ()) -> list[Conflict]:
    """Same measure or fact, told differently: between documents that are not copies, or within one document.

    Claims are compared when their units agree and their subjects share most content words;
    numbers disagree beyond rounding and their qualifiers ('more than'); dates disagree when
    neither contains the other and they are close enough to be one event, not two occurrences,
    and an arrival for a gathering disagrees with the gathering's dates when it cannot precede it.
    With the documents' actor `mentions` (per document, local actor ids), `actor_ids` (per document,
    local id -> corpus id), `quotes` and `events`, ties characterised both ways, doubted authorship,
    quotations given to two speakers and opposed acts are added.
    """
    found = _figure_conflicts(claims, docs)
    quotes, events = list(quotes), list(events)
    if mentions is not None or quotes or events:
        found += find_disputes(docs, mentions or {}, actor_ids or {}, quotes, events)
    return found


def _figure_conflicts(claims: list[Claim], docs: list[Document]) -> list[Conflict]:
    canonical = copy_groups(docs)
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
        if len(members) > MAX_BUCKET:
            continue  # a word this common names no measure; claims on one measure also share a rarer word
        for n, i in enumerate(members):
            pairs.update((i, j) for j in members[n + 1:])
    return pairs


def _group(pairs: list[tuple[Claim, Claim]]) -> list[Conflict]:
    """Pairs on one measure joined (transitively) into one conflict per topic."""
    parent: dict[int, int] = {}
    claim_of: dict[int, Claim] = {}

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in pairs:
        for c in (a, b):
            parent.setdefault(id(c), id(c))
            claim_of[id(c)] = c
        ra, rb = root(id(a)), root(id(b))
        if ra != rb:
            parent[rb] = ra
    members: dict[int, list[Claim]] = {}
    for key, claim in claim_of.items():
        members.setdefault(root(key), []).append(claim)
    conflicts = []
    for group in members.values():
        group.sort(key=lambda c: (c.doc, c.start))
        statements = [Statement(c.doc, _says(c)) for c in group[:MAX_STATEMENTS]]
        conflicts.append(Conflict(_topic(group[0]), statements))
    return sorted(conflicts, key=lambda c: (c.statements[0].doc, c.topic))
