"""One event told by many articles: merging event reports across documents, and a timeline of them.

The same meeting is reported by every outlet that covers it, often several times in one article, with the
date given at different precisions ("on Thursday" -> 2022-09-15, "in September" -> 2022-09). A reader wants
it once on a timeline, with every sentence that reports it one click away. Reports are merged when they
have the same type, the same actors (either order for joint acts such as meetings), the same negated and
hypothetical flags (a planned visit is not the visit), and compatible dates: equal, one containing the
other ("2022-09" contains "2022-09-15"), or full dates at most a day apart (dates resolved from "yesterday"
against two publication dates). An undated report joins a dated event of the same key when there is one.

Copies of one article (`duplicate_of`) add reports but not independent confirmation: each merged event
counts the distinct original articles behind it.

Pure functions over `Event` lists: no store, no parse.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from newsgraph.model import Event

# Acts done together, not by one to the other: "X met Y" and "Y met X" report one meeting.
JOINT_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
DAY_TOLERANCE = 1
EVIDENCE_CHARS = 90


class Report(NamedTuple):
    """Where one document tells of the event."""

    doc: str
    start: int
    end: int
    evidence: str


@dataclass
class MergedEvent:
    """One event with every report of it."""

    id: str  # stable: derived from type, actors, date and flags
    type: str
    source: str | None
    target: str | None
    when: str | None  # the most precise date the reports agree on
    negated: bool = False
    hypothetical: bool = False
    expected: bool = False  # every report tells it as going to happen
    reports: list[Report] = field(default_factory=list)
    originals: int = 0  # distinct original documents (copies of one article count once)

    @property
    def docs(self) -> list[str]:
        """The documents that report it, in first-report order."""
        return list(dict.fromkeys(r.doc for r in self.reports))


def merge_reports(events: Iterable[Event], duplicate_of: dict[str, str] | None = None,
                  day_tolerance: int = DAY_TOLERANCE) -> list[MergedEvent]:
    """Merge event reports from many documents into events, ordered by date (undated last), type and actors.

    `duplicate_of` maps a document id to the id of the article it copies (the pipeline's duplicate links);
    documents not in it are originals. Actor ids must already be corpus-wide ids.
    """
    copies = duplicate_of or {}
    groups: dict[tuple, list[list[Event]]] = {}
    ordered = sorted(events, key=lambda e: (-_precision(e.when), e.when or "", e.doc, e.start))
    for event in ordered:
        clusters = groups.setdefault(_key(event), [])
        home = next((c for c in clusters if _compatible(c[0].when, event.when, day_tolerance)), None)
        if home is None:
            clusters.append([event])
        else:
            home.append(event)
    merged = [_merged(key, cluster, copies) for key, clusters in groups.items() for cluster in clusters]
    merged.sort(key=lambda m: (m.when is None, m.when or "", m.type, m.source or "", m.target or ""))
    return merged


def filter_merged(merged: Iterable[MergedEvent], actor: str | None = None, kind: str | None = None
                  ) -> list[MergedEvent]:
    """The merged events that involve `actor` (as source or target) and have PLOVER type `kind`."""
    wanted = kind.upper() if kind else None
    return [m for m in merged if (actor is None or actor in (m.source, m.target))
            and (wanted is None or m.type == wanted)]


def timeline_lines(merged: Iterable[MergedEvent], names: dict[str, str] | None = None) -> list[str]:
    """One line per event for a terminal: date, who did what to whom, flags, how many reports and documents,
    and the first report's words, so a reader can find the sentence."""
    names = names or {}
    lines = []
    for m in merged:
        who = _name(m.source, names) if m.source else "?"
        whom = f" -> {_name(m.target, names)}" if m.target else ""
        unreal = "expected" if m.expected else "possible"
        flags = "".join(f" [{flag}]" for flag, on in (("not", m.negated), (unreal, m.hypothetical)) if on)
        count = f"{len(m.reports)} report{'s' if len(m.reports) != 1 else ''}, " \
                f"{m.originals} article{'s' if m.originals != 1 else ''}"
        evidence = _short(m.reports[0].evidence) if m.reports else ""
        lines.append(f"{m.when or 'undated':<10}  {m.type:<9} {who}{whom}{flags}  ({count})  \"{evidence}\"")
    return lines


# --------------------------------------------------------------------------- helpers


def _key(event: Event) -> tuple:
    source, target = event.source, event.target
    if event.type in JOINT_TYPES and source and target and target < source:
        source, target = target, source
    return event.type, source, target, event.negated, event.hypothetical


def _precision(when: str | None) -> int:
    """0 for no date, 1 for a year, 2 for a month, 3 for a day."""
    return 0 if not when else len(when.split("-"))


def _compatible(a: str | None, b: str | None, day_tolerance: int) -> bool:
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = _day(a), _day(b)
    return da is not None and db is not None and abs((da - db).days) <= day_tolerance


def _day(when: str) -> date | None:
    try:
        return date.fromisoformat(when) if _precision(when) == 3 else None
    except ValueError:
        return None


def _merged(key: tuple, cluster: list[Event], copies: dict[str, str]) -> MergedEvent:
    kind, source, target, negated, hypothetical = key
    when = _agreed_date(cluster)
    cluster = sorted(cluster, key=lambda e: (e.doc, e.start))
    reports = list(dict.fromkeys(Report(e.doc, e.start, e.end, e.evidence) for e in cluster))
    originals = len({copies.get(r.doc) or r.doc for r in reports})
    ident = hashlib.sha1(f"{kind}|{source}|{target}|{when}|{negated}|{hypothetical}".encode()).hexdigest()[:12]
    expected = hypothetical and all(e.expected for e in cluster)
    return MergedEvent(f"ev-{ident}", kind, source, target, when, negated, hypothetical, expected, reports, originals)


def _agreed_date(cluster: list[Event]) -> str | None:
    """The most precise date of the reports; among equally precise ones the most reported, then the earliest."""
    dates = [e.when for e in cluster if e.when]
    if not dates:
        return None
    best = max(_precision(d) for d in dates)
    counts = Counter(d for d in dates if _precision(d) == best)
    return min(counts, key=lambda d: (-counts[d], d))


def _name(actor: str, names: dict[str, str]) -> str:
    return names.get(actor) or actor


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EVIDENCE_CHARS else text[:EVIDENCE_CHARS - 1].rstrip() + "…"
