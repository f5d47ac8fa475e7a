"""Disagreements on figures and dates: the same measure stated differently.

Between documents that are not copies of one another, or within one document: numbers
that differ beyond rounding and their qualifiers, and dates of one event that cannot
both hold.
"""

from __future__ import annotations

import pickle
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import timedelta
from typing import Any

from newsgraph.claims.disputes import copy_groups, find_disputes_work
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
    quotes, events = list(quotes), list(events)
    db = sqlite3.connect(":memory:")
    try:
        return list(find_conflicts_work(db, lambda: claims, docs, mentions=mentions, actor_ids=actor_ids,
                                        quotes=lambda: quotes, events=lambda: events,
                                        disputes=mentions is not None or bool(quotes) or bool(events)))
    finally:
        db.close()


def find_conflicts_work(db: Any, claims: Callable[[], Iterable[Claim]], docs: list[Document], *,
                        mentions: Mapping[str, list[Mention]] | None = None,
                        actor_ids: Mapping[str, dict[str, str]] | None = None,
                        quotes: Callable[[], Iterable[Quote]] = lambda: (),
                        events: Callable[[], Iterable[Event]] = lambda: (),
                        disputes: bool = True) -> Iterator[Conflict]:
    """`find_conflicts` over streams of claims, quotes and events (each a function giving a fresh stream in
    stored order), with what grows with them kept in tables of the SQLite work database `db` and read back
    one comparison group at a time. Conflicts are yielded kind by kind, so a caller can put them away."""
    yield from _figure_conflicts_work(db, claims(), docs)
    if disputes:
        yield from find_disputes_work(db, docs, mentions or {}, actor_ids or {}, quotes, events)


def _figure_conflicts_work(db: Any, claims: Iterable[Claim], docs: list[Document]) -> Iterator[Conflict]:
    """Claims that are no copies' are numbered in stored order and listed under each (unit kind, subject
    word) they carry; each list short enough to name a measure is then read back on its own and its pairs
    compared. A pair listed under several words is compared under each; the pairs found are kept once."""
    canonical = copy_groups(docs)
    db.executescript("""
        DROP TABLE IF EXISTS claim_keys; DROP TABLE IF EXISTS claim_rows;
        CREATE TABLE claim_keys (kind TEXT, word TEXT, idx INTEGER);
        CREATE TABLE claim_rows (idx INTEGER PRIMARY KEY, data BLOB);
    """)
    keys: list[tuple[str, str, int]] = []
    rows: list[tuple[int, bytes]] = []
    kept = (c for c in claims if canonical.get(c.doc, c.doc) == c.doc)
    for i, claim in enumerate(kept):
        kind = "date" if unit_kind(claim.unit) in DATE_UNITS else unit_kind(claim.unit)
        keys.extend((kind, word, i) for word in subject_words(claim.subject))
        rows.append((i, pickle.dumps(claim)))
        if len(rows) >= 2000:
            _spill(db, keys, rows)
    _spill(db, keys, rows)
    db.execute("CREATE INDEX claim_keys_word ON claim_keys (kind, word, idx)")
    db.executescript("DROP TABLE IF EXISTS figure_pairs;"
                     "CREATE TABLE figure_pairs (i INTEGER, j INTEGER, PRIMARY KEY (i, j)) WITHOUT ROWID;")
    buckets = db.execute("SELECT kind, word FROM claim_keys GROUP BY kind, word HAVING COUNT(*) BETWEEN 2 AND ?",
                         (MAX_BUCKET,)).fetchall()
    order = {bucket: n for n, bucket in enumerate(buckets)}
    for n, (kind, word) in enumerate(buckets):
        members = []
        for i, data in db.execute("SELECT k.idx, r.data FROM claim_keys k JOIN claim_rows r ON r.idx = k.idx"
                                  " WHERE k.kind = ? AND k.word = ? ORDER BY k.idx", (kind, word)):
            claim = pickle.loads(data)
            listed = {order[(kind, w)] for w in subject_words(claim.subject) if (kind, w) in order}
            members.append((i, claim, listed))
        for x, (i, a, listed_a) in enumerate(members):
            for j, b, listed_b in members[x + 1:]:
                # a pair listed together under an earlier word was compared there
                if i != j and min(listed_a & listed_b) == n and _conflicting(a, b):
                    db.execute("INSERT OR IGNORE INTO figure_pairs VALUES (?, ?)", (i, j))
    return _group_stored(db)


def _spill(db: Any, keys: list[tuple[str, str, int]], rows: list[tuple[int, bytes]]) -> None:
    db.executemany("INSERT INTO claim_keys VALUES (?, ?, ?)", keys)
    db.executemany("INSERT INTO claim_rows VALUES (?, ?)", rows)
    keys.clear()
    rows.clear()


def _conflicting(a: Claim, b: Claim) -> bool:
    """Whether two claims (a stored before b) state one measure differently."""
    if a.doc == b.doc and a.start == b.start:
        return False  # two figures of one sentence are not two statements of one measure
    # across documents a bare 'summit' is too loose: ask for two shared words there
    return same_subject(a.subject, b.subject, 1 if a.doc == b.doc else 2) and _disagree(a, b)


def _group_stored(db: Any) -> Iterator[Conflict]:
    """Pairs on one measure joined (transitively) into one conflict per topic: the pairs are read from the
    work table figure_pairs (claim numbers, the claims in claim_rows) in order; only the numbers of the
    claims in pairs are held, the claims of one group at a time, and the conflicts wait in a table until
    they are yielded in order of their first document and topic."""
    parent: dict[int, int] = {}

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for i, j in db.execute("SELECT i, j FROM figure_pairs ORDER BY i, j"):
        parent.setdefault(i, i)
        parent.setdefault(j, j)
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[rj] = ri
    members: dict[int, list[int]] = {}
    for key in parent:  # in the order the claims first appear in a pair
        members.setdefault(root(key), []).append(key)
    parent.clear()
    db.executescript("DROP TABLE IF EXISTS figure_out;"
                     "CREATE TABLE figure_out (doc TEXT, topic TEXT, seq INTEGER, data BLOB);")
    for seq, numbers in enumerate(members.values()):
        found: dict[int, Claim] = {}
        for start in range(0, len(numbers), 900):
            part = numbers[start:start + 900]
            found.update((i, pickle.loads(data)) for i, data in db.execute(
                f"SELECT idx, data FROM claim_rows WHERE idx IN ({','.join('?' * len(part))})", part))
        group = sorted((found[i] for i in numbers), key=lambda c: (c.doc, c.start))
        conflict = Conflict(_topic(group[0]), [Statement(c.doc, _says(c)) for c in group[:MAX_STATEMENTS]])
        db.execute("INSERT INTO figure_out VALUES (?, ?, ?, ?)",
                   (conflict.statements[0].doc, conflict.topic, seq, pickle.dumps(conflict)))
    for (data,) in db.execute("SELECT data FROM figure_out ORDER BY doc, topic, seq"):
        yield pickle.loads(data)
