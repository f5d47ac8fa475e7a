"""Reading exchange-format records and citing them: the ground every section of the briefing stands on.

A citation is "[doc @ start–end]"; in HTML it jumps to the cited passage, highlighted inside the
document's text at the end of the page. Anchors are made from document ids that may hold any
character, so they are rebuilt to be markup-safe and unique.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

MAX_CITES_PER_LINE = 3

Rec = dict[str, Any]  # one exchange-format record


@dataclass(frozen=True)
class Cite:
    """A pointer to a passage: shown as "[doc @ start–end]", linked to its anchor in HTML."""

    label: str
    href: str | None


@dataclass(frozen=True)
class DocRef:
    id: str
    title: str | None
    outlet: str | None
    href: str | None


@dataclass
class Capped:
    """A list cut to a readable length; `more` says how many were left out."""

    items: list[Any]
    more: int = 0


@dataclass
class Piece:
    """One step through a document's text: some text, or the opening or closing of a cited passage."""

    kind: str  # text | open | close
    text: str = ""
    anchor: str | None = None


@dataclass
class Corpus:
    """The records sorted by kind; unknown kinds are ignored."""

    docs: dict[str, Rec] = field(default_factory=dict)
    actors: dict[str, Rec] = field(default_factory=dict)
    mentions: list[Rec] = field(default_factory=list)
    quotes: list[Rec] = field(default_factory=list)
    relations: list[Rec] = field(default_factory=list)
    events: list[Rec] = field(default_factory=list)
    claims: list[Rec] = field(default_factory=list)
    conflicts: list[Rec] = field(default_factory=list)
    stories: list[Rec] = field(default_factory=list)


def index_records(records: Iterable[Rec]) -> Corpus:
    corpus = Corpus()
    lists = {
        "mention": corpus.mentions, "quote": corpus.quotes, "relation": corpus.relations, "event": corpus.events,
        "claim": corpus.claims, "conflict": corpus.conflicts, "story": corpus.stories,
    }
    for rec in records:
        kind = rec.get("record")
        if kind == "document" and rec.get("doc") is not None:
            corpus.docs[str(rec["doc"])] = rec
        elif kind == "actor" and rec.get("id") is not None:
            corpus.actors[str(rec["id"])] = rec
        elif kind in lists:
            lists[kind].append(rec)
    return corpus


def text_of(value: Any) -> str:
    """Any record value as one line of text (records may hold None or numbers)."""
    return " ".join(str(value).split()) if value is not None else ""


def clip(value: Any, limit: int) -> str:
    text = text_of(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cap(items: list[Any], limit: int) -> Capped:
    return Capped(items[:limit], max(0, len(items) - limit))


def int_or(value: Any) -> int:
    return value if isinstance(value, int) else -1


def total(capped: Capped) -> int:
    return len(capped.items) + capped.more


def merge(recs: list[Rec], key: Callable[[Rec], Hashable]) -> list[list[Rec]]:
    """Group facts that say the same thing (as copies of one story do), keeping first-seen order."""
    groups: dict[Hashable, list[Rec]] = {}
    for rec in recs:
        groups.setdefault(key(rec), []).append(rec)
    return list(groups.values())


def _anchor_ids(doc_ids: Iterable[str]) -> dict[str, str]:
    """A unique, markup-safe fragment id per document, whatever characters its id holds."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for doc_id in doc_ids:
        base = "doc-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", doc_id).strip("-") or "x")
        anchor, k = base, 1
        while anchor in taken:
            k += 1
            anchor = f"{base}-{k}"
        taken.add(anchor)
        out[doc_id] = anchor
    return out


class Citer:
    """Makes citations and remembers the cited spans, so the document texts can mark them."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.anchors = _anchor_ids(corpus.docs)
        self.spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
        self.cited_docs: set[str] = set()

    def ref(self, doc_id: Any) -> DocRef:
        key = text_of(doc_id)
        rec = self.corpus.docs.get(key)
        if rec is None:
            return DocRef(key, None, None, None)
        self.cited_docs.add(key)
        return DocRef(key, text_of(rec.get("title")) or None, text_of(rec.get("outlet")) or None,
                      "#" + self.anchors[key])

    def cite(self, rec: Rec) -> Cite:
        doc_id = text_of(rec.get("doc"))
        start, end = rec.get("start"), rec.get("end")
        has_span = isinstance(start, int) and isinstance(end, int) and 0 <= start < end
        label = f"{doc_id} @ {start}–{end}" if has_span else doc_id
        doc = self.corpus.docs.get(doc_id)
        if doc is None:
            return Cite(label, None)
        self.cited_docs.add(doc_id)
        anchor = self.anchors[doc_id]
        if has_span and end <= len(doc.get("text") or ""):
            self.spans[doc_id].add((start, end))
            return Cite(label, "#" + span_anchor(anchor, start, end))
        return Cite(label, "#" + anchor)

    def cites(self, recs: list[Rec], limit: int = MAX_CITES_PER_LINE) -> Capped:
        ordered = sorted(recs, key=lambda r: (text_of(r.get("doc")), int_or(r.get("start"))))
        shown = ordered[:limit]
        return Capped([self.cite(r) for r in shown], len(ordered) - len(shown))


def span_anchor(anchor: str, start: int, end: int) -> str:
    return f"{anchor}-{start}-{end}"


def _nest(spans: set[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Spans as (start, end, cited start, cited end), cut so that they nest: a span that
    crosses the end of one it starts inside is shortened to end there."""
    out: list[tuple[int, int, int, int]] = []
    stack: list[int] = []  # ends of the spans still open
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        while stack and stack[-1] <= start:
            stack.pop()
        cut = min(end, stack[-1]) if stack else end
        out.append((start, cut, start, end))
        stack.append(cut)
    return out


def pieces(text: str, spans: set[tuple[int, int]], anchor: str) -> list[Piece]:
    """The text with every cited span wrapped (nested where spans nest), each with its own anchor."""
    opens: dict[int, list[tuple[int, str]]] = defaultdict(list)
    closes: Counter[int] = Counter()
    for start, cut, s, e in _nest(spans):
        if cut > start:
            opens[start].append((cut, span_anchor(anchor, s, e)))
            closes[cut] += 1
    out: list[Piece] = []
    bounds = sorted({0, len(text)} | set(opens) | set(closes))
    for i, pos in enumerate(bounds):
        out += [Piece("close")] * closes[pos]
        out += [Piece("open", anchor=a) for _, a in sorted(opens[pos], reverse=True)]
        if i + 1 < len(bounds) and bounds[i + 1] > pos:
            out.append(Piece("text", text[pos:bounds[i + 1]]))
    return out


class Names:
    """Actor ids to display names; an id without an actor record is shown as itself."""

    def __init__(self, corpus: Corpus) -> None:
        self.actors = corpus.actors

    def __call__(self, actor_id: Any, missing: str = "unknown") -> str:
        if actor_id is None or actor_id == "":
            return missing
        rec = self.actors.get(str(actor_id))
        return (text_of(rec.get("name")) or str(actor_id)) if rec else text_of(actor_id)

