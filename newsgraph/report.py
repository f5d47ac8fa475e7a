"""The briefing: a Markdown and an HTML report a reader can skim in five minutes.

Both formats are drawn from one view model built from exchange-format records,
so they always say the same thing. Every fact line carries its citation
(document id and character span); in HTML the citation jumps to the cited
passage, highlighted inside the document's text at the end of the page.

Article text is untrusted: the HTML is rendered with autoescaping on and links
only to its own anchors (and to http(s) sources); the Markdown escapes every
character that could open markup.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jinja2 import Environment, StrictUndefined

TOP_ACTORS = 15
MAX_ALIASES = 6
MAX_ACTOR_TIES = 6
MAX_TIES_PER_TYPE = 20
MAX_SPEAKERS = 20
MAX_QUOTES_PER_SPEAKER = 6
MAX_EVENTS = 100
MAX_CLAIMS = 60
MAX_STATEMENTS = 10
MAX_CITES_PER_LINE = 3
MAX_STORY_DOCS = 12
MAX_LIST = 12  # outlets, languages, copies, errors
FULL_TEXT_LIMIT = 200  # above this many documents, only cited documents show their text
CLIP_EVIDENCE = 280
CLIP_QUOTE = 400

# How a tie reads from its target's side; symmetric ties read the same both ways.
_INCOMING = {
    "MEMBER_OF": "has member",
    "LEADS": "led by",
    "PART_OF": "includes",
}
_SYMMETRIC = {"BORDERS", "PARTNER_OF", "TRADE_PARTNER_OF", "ALLY_OF"}

Rec = dict[str, Any]  # one exchange-format record


# --------------------------------------------------------------------------- view model


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
class Copy:
    doc: DocRef
    of: DocRef


@dataclass
class Glance:
    documents: int
    distinct: int
    first_date: str | None
    last_date: str | None
    outlets: Capped
    languages: Capped
    translated: list[tuple[str, int]]
    removed_lines: int
    not_analysed: Capped  # (document, language): kept and listed, not run through English extraction
    copies: Capped
    errors: Capped
    error_total: int


@dataclass
class StoryView:
    label: str
    docs: Capped
    outlets: list[str]
    actors: list[str]


@dataclass
class ActorView:
    name: str
    type: str
    description: str | None
    aliases: Capped
    codes: list[str]
    documents: int
    facts: int
    statements: int
    ties: Capped


@dataclass
class TieView:
    source: str
    target: str
    evidence: str
    cites: Capped


@dataclass
class TieGroup:
    type: str
    total: int
    ties: Capped


@dataclass
class QuoteView:
    kind: str
    cue: str | None
    text: str
    cites: Capped


@dataclass
class SpeakerView:
    name: str
    about: str | None
    total: int
    quotes: Capped


@dataclass
class EventView:
    when: str | None
    source: str
    type: str
    target: str
    negated: bool
    hypothetical: bool
    evidence: str
    cites: Capped


@dataclass
class ClaimView:
    subject: str
    value: str
    unit: str | None
    period: str | None
    evidence: str
    cites: Capped


@dataclass
class StatementView:
    doc: DocRef
    says: str


@dataclass
class ConflictView:
    topic: str
    statements: Capped


@dataclass
class Piece:
    """One step through a document's text: some text, or the opening or closing of a cited passage."""

    kind: str  # text | open | close
    text: str = ""
    anchor: str | None = None


@dataclass
class DocView:
    ref: DocRef
    anchor: str
    source: str | None
    source_url: str | None
    author: str | None
    published: str | None
    language: str | None
    translated_from: str | None
    duplicate_of: DocRef | None
    removed_lines: list[str]
    pieces: list[Piece] | None  # None when the text is left out to keep the report small


@dataclass
class Report:
    glance: Glance
    stories: list[StoryView]
    actors: list[ActorView]
    actor_total: int
    ties: list[TieGroup]
    tie_total: int
    speakers: Capped
    quote_total: int
    events: Capped
    claims: Capped
    conflicts: list[ConflictView]
    documents: list[DocView]


# --------------------------------------------------------------------------- reading records


@dataclass
class Corpus:
    """The records sorted by kind; unknown kinds are ignored."""

    docs: dict[str, Rec] = field(default_factory=dict)
    actors: dict[str, Rec] = field(default_factory=dict)
    quotes: list[Rec] = field(default_factory=list)
    relations: list[Rec] = field(default_factory=list)
    events: list[Rec] = field(default_factory=list)
    claims: list[Rec] = field(default_factory=list)
    conflicts: list[Rec] = field(default_factory=list)
    stories: list[Rec] = field(default_factory=list)


def index_records(records: Iterable[Rec]) -> Corpus:
    corpus = Corpus()
    lists = {
        "quote": corpus.quotes, "relation": corpus.relations, "event": corpus.events,
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


def _text(value: Any) -> str:
    """Any record value as one line of text (records may hold None or numbers)."""
    return " ".join(str(value).split()) if value is not None else ""


def _clip(value: Any, limit: int) -> str:
    text = _text(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _cap(items: list[Any], limit: int) -> Capped:
    return Capped(items[:limit], max(0, len(items) - limit))


# --------------------------------------------------------------------------- citations and anchors


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
        key = _text(doc_id)
        rec = self.corpus.docs.get(key)
        if rec is None:
            return DocRef(key, None, None, None)
        self.cited_docs.add(key)
        return DocRef(key, _text(rec.get("title")) or None, _text(rec.get("outlet")) or None,
                      "#" + self.anchors[key])

    def cite(self, rec: Rec) -> Cite:
        doc_id = _text(rec.get("doc"))
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

    def cites(self, recs: list[Rec]) -> Capped:
        ordered = sorted(recs, key=lambda r: (_text(r.get("doc")), _int(r.get("start"))))
        shown = ordered[:MAX_CITES_PER_LINE]
        return Capped([self.cite(r) for r in shown], len(ordered) - len(shown))


def _int(value: Any) -> int:
    return value if isinstance(value, int) else -1


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


# --------------------------------------------------------------------------- naming


class Names:
    """Actor ids to display names; an id without an actor record is shown as itself."""

    def __init__(self, corpus: Corpus) -> None:
        self.actors = corpus.actors

    def __call__(self, actor_id: Any, missing: str = "unknown") -> str:
        if actor_id is None or actor_id == "":
            return missing
        rec = self.actors.get(str(actor_id))
        return (_text(rec.get("name")) or str(actor_id)) if rec else _text(actor_id)


def _merge(recs: list[Rec], key: Callable[[Rec], Hashable]) -> list[list[Rec]]:
    """Group facts that say the same thing (as copies of one story do), keeping first-seen order."""
    groups: dict[Hashable, list[Rec]] = {}
    for rec in recs:
        groups.setdefault(key(rec), []).append(rec)
    return list(groups.values())


# --------------------------------------------------------------------------- sections


def _glance(corpus: Corpus, citer: Citer, errors: list[Rec]) -> Glance:
    docs = list(corpus.docs.values())
    dates = sorted(_text(d.get("published")) for d in docs if d.get("published"))
    outlets = Counter(_text(d.get("outlet")) or "unknown outlet" for d in docs)
    languages = Counter(_text(d.get("language")) or "unknown" for d in docs)
    translated = Counter(_text(d.get("translated_from")) for d in docs if d.get("translated_from"))
    copies = [Copy(citer.ref(d["doc"]), citer.ref(d["duplicate_of"])) for d in docs if d.get("duplicate_of")]
    return Glance(
        documents=len(docs),
        distinct=len(docs) - len(copies),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        outlets=_cap(outlets.most_common(), MAX_LIST),
        languages=_cap(languages.most_common(), MAX_LIST),
        translated=translated.most_common(),
        removed_lines=sum(len(d.get("removed_lines") or []) for d in docs),
        not_analysed=_cap([(citer.ref(d["doc"]), _text(d["language"])) for d in docs
                           if d.get("language") and d.get("language") != "en"], MAX_LIST),
        copies=_cap(copies, MAX_LIST),
        errors=_cap([(_text(e.get("source")), _text(e.get("reason"))) for e in errors], MAX_LIST),
        error_total=len(errors),
    )


def _stories(corpus: Corpus, citer: Citer, names: Names) -> list[StoryView]:
    out = []
    for story in corpus.stories:
        doc_ids = [_text(d) for d in story.get("docs") or []]
        members = set(doc_ids)
        outlets = sorted({_text(corpus.docs[d].get("outlet")) for d in doc_ids
                          if d in corpus.docs and corpus.docs[d].get("outlet")})
        weight = Counter({a: len(members & {_text(d) for d in rec.get("docs") or []})
                          for a, rec in corpus.actors.items()})
        actors = [names(a) for a, n in weight.most_common(5) if n > 0]
        refs = [citer.ref(d) for d in doc_ids]
        out.append(StoryView(_text(story.get("label")) or _text(story.get("id")),
                             _cap(refs, MAX_STORY_DOCS), outlets, actors))
    return out


def _involvement(corpus: Corpus) -> tuple[Counter[str], Counter[str]]:
    """How many facts name each actor, and how many statements each made."""
    facts: Counter[str] = Counter()
    statements: Counter[str] = Counter()
    for q in corpus.quotes:
        if q.get("speaker"):
            facts[q["speaker"]] += 1
            statements[q["speaker"]] += 1
    for rec in corpus.relations + corpus.events:
        for end in ("source", "target"):
            if rec.get(end):
                facts[rec[end]] += 1
    return facts, statements


def _phrase(kind: str) -> str:
    return kind.lower().replace("_", " ")


def _actor_ties(actor_id: str, corpus: Corpus, names: Names) -> list[str]:
    seen: Counter[str] = Counter()
    for rel in corpus.relations:
        kind = _text(rel.get("type"))
        if rel.get("source") == actor_id:
            seen[f"{_phrase(kind)} {names(rel.get('target'))}"] += 1
        elif rel.get("target") == actor_id:
            phrase = _phrase(kind) if kind in _SYMMETRIC else _INCOMING.get(kind, f"{kind} ←")
            seen[f"{phrase} {names(rel.get('source'))}"] += 1
    return [tie for tie, _ in seen.most_common()]


def _actors(corpus: Corpus, names: Names) -> list[ActorView]:
    facts, statements = _involvement(corpus)

    def rank(rec: Rec) -> tuple[int, int, str]:
        return (-len(set(rec.get("docs") or [])), -facts[rec["id"]], _text(rec.get("name")))

    out = []
    for rec in sorted(corpus.actors.values(), key=rank)[:TOP_ACTORS]:
        name = _text(rec.get("name")) or _text(rec["id"])
        aliases = [_text(a) for a in rec.get("aliases") or [] if _text(a) and _text(a) != name]
        codes = [f"{k}: {_text(v)}" for k, v in (rec.get("codes") or {}).items() if v]
        out.append(ActorView(
            name=name, type=_text(rec.get("type")) or "unknown",
            description=_text(rec.get("description")) or None,
            aliases=_cap(aliases, MAX_ALIASES), codes=codes, documents=len(set(rec.get("docs") or [])),
            facts=facts[rec["id"]], statements=statements[rec["id"]],
            ties=_cap(_actor_ties(rec["id"], corpus, names), MAX_ACTOR_TIES),
        ))
    return out


def _ties(corpus: Corpus, citer: Citer, names: Names) -> list[TieGroup]:
    by_type: dict[str, list[Rec]] = defaultdict(list)
    for rel in corpus.relations:
        by_type[_text(rel.get("type")) or "UNTYPED"].append(rel)
    groups = []
    for kind in sorted(by_type, key=lambda k: (-len(by_type[k]), k)):
        merged = _merge(by_type[kind], lambda r: (r.get("source"), r.get("target")))
        merged.sort(key=lambda g: (-len(g), names(g[0].get("source")), names(g[0].get("target"))))
        shown = [TieView(names(g[0].get("source")), names(g[0].get("target")),
                         _clip(g[0].get("evidence"), CLIP_EVIDENCE), citer.cites(g))
                 for g in merged[:MAX_TIES_PER_TYPE]]
        groups.append(TieGroup(kind, len(by_type[kind]), Capped(shown, len(merged) - len(shown))))
    return groups


def _speaker_key(q: Rec, corpus: Corpus) -> tuple[str, str]:
    if q.get("speaker") and str(q["speaker"]) in corpus.actors:
        return ("actor", str(q["speaker"]))
    if q.get("speaker_text"):
        return ("text", _text(q["speaker_text"]))
    if q.get("speaker"):
        return ("actor", str(q["speaker"]))
    return ("none", "")


def _speakers(corpus: Corpus, citer: Citer, names: Names) -> Capped:
    by_speaker = _merge(corpus.quotes, lambda q: _speaker_key(q, corpus))
    by_speaker.sort(key=lambda g: (_speaker_key(g[0], corpus)[0] == "none", -len(g)))
    out = []
    for group in by_speaker[:MAX_SPEAKERS]:
        kind, key = _speaker_key(group[0], corpus)
        actor = corpus.actors.get(key) if kind == "actor" else None
        name = names(key) if kind == "actor" else key or "Unattributed"
        about = (_text(actor.get("description")) or None) if actor else None
        merged = _merge(group, lambda q: (_text(q.get("kind")), _text(q.get("text"))))
        quotes = [QuoteView(_text(g[0].get("kind")) or "direct", _text(g[0].get("cue")) or None,
                            _clip(g[0].get("text"), CLIP_QUOTE), citer.cites(g))
                  for g in merged[:MAX_QUOTES_PER_SPEAKER]]
        out.append(SpeakerView(name, about, len(group), Capped(quotes, len(merged) - len(quotes))))
    return Capped(out, len(by_speaker) - len(out))


def _event_order(rec: Rec) -> tuple[bool, str, str, int]:
    """Dated events first, in ISO order (a bare year before its months); undated ones last."""
    when = _text(rec.get("when"))
    return (not when, when, _text(rec.get("doc")), _int(rec.get("start")))


def _events(corpus: Corpus, citer: Citer, names: Names) -> Capped:
    ordered = sorted(corpus.events, key=_event_order)
    merged = _merge(ordered, lambda e: (
        e.get("source"), e.get("type"), e.get("target"), e.get("when"), bool(e.get("negated")),
        bool(e.get("hypothetical")), _text(e.get("evidence"))))
    shown = [EventView(
        when=_text(g[0].get("when")) or None, source=names(g[0].get("source"), "?"),
        type=_text(g[0].get("type")) or "?", target=names(g[0].get("target"), "?"),
        negated=bool(g[0].get("negated")), hypothetical=bool(g[0].get("hypothetical")),
        evidence=_clip(g[0].get("evidence"), CLIP_EVIDENCE), cites=citer.cites(g),
    ) for g in merged[:MAX_EVENTS]]
    return Capped(shown, len(merged) - len(shown))


def format_value(value: Any) -> str:
    """Numbers with thousands separators and no float noise; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _text(value)
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def _claims(corpus: Corpus, citer: Citer) -> Capped:
    ordered = sorted(corpus.claims, key=lambda c: (_text(c.get("doc")), _int(c.get("start"))))
    merged = _merge(ordered, lambda c: (
        _text(c.get("subject")), _text(c.get("value")), _text(c.get("unit")), _text(c.get("period")),
        _text(c.get("evidence"))))
    shown = [ClaimView(_text(g[0].get("subject")) or "?", format_value(g[0].get("value")),
                       _text(g[0].get("unit")) or None, _text(g[0].get("period")) or None,
                       _clip(g[0].get("evidence"), CLIP_EVIDENCE), citer.cites(g))
             for g in merged[:MAX_CLAIMS]]
    return Capped(shown, len(merged) - len(shown))


def _conflicts(corpus: Corpus, citer: Citer) -> list[ConflictView]:
    out = []
    for conflict in corpus.conflicts:
        statements = [StatementView(citer.ref(s.get("doc")), _clip(s.get("says"), CLIP_EVIDENCE))
                      for s in conflict.get("statements") or []]
        out.append(ConflictView(_text(conflict.get("topic")) or "?", _cap(statements, MAX_STATEMENTS)))
    return out


def _source_url(source: str) -> str | None:
    """Only web addresses become links; any other scheme (javascript:, data:, file:) stays text."""
    parsed = urlparse(source)
    return source if parsed.scheme in ("http", "https") and parsed.netloc else None


def _documents(corpus: Corpus, citer: Citer) -> list[DocView]:
    full = len(corpus.docs) <= FULL_TEXT_LIMIT
    out = []
    for doc_id, rec in corpus.docs.items():
        anchor = citer.anchors[doc_id]
        text = rec.get("text") or ""
        shown = full or doc_id in citer.cited_docs
        source = _text(rec.get("source")) or None
        out.append(DocView(
            ref=DocRef(doc_id, _text(rec.get("title")) or None, _text(rec.get("outlet")) or None,
                       "#" + anchor),
            anchor=anchor, source=source, source_url=_source_url(source) if source else None,
            author=_text(rec.get("author")) or None, published=_text(rec.get("published")) or None,
            language=_text(rec.get("language")) or None,
            translated_from=_text(rec.get("translated_from")) or None,
            duplicate_of=citer.ref(rec["duplicate_of"]) if rec.get("duplicate_of") else None,
            removed_lines=[str(line) for line in rec.get("removed_lines") or []],
            pieces=pieces(text, citer.spans.get(doc_id, set()), anchor) if shown else None,
        ))
    return out


def digest(records: Iterable[Rec], errors: list[Rec] | None = None) -> Report:
    """The view model both formats render: sections in reading order, lists already capped."""
    corpus = index_records(records)
    citer = Citer(corpus)
    names = Names(corpus)
    relations_total = len(corpus.relations)
    report = Report(
        glance=_glance(corpus, citer, list(errors or [])),
        stories=_stories(corpus, citer, names),
        actors=_actors(corpus, names),
        actor_total=len(corpus.actors),
        ties=_ties(corpus, citer, names),
        tie_total=relations_total,
        speakers=_speakers(corpus, citer, names),
        quote_total=len(corpus.quotes),
        events=_events(corpus, citer, names),
        claims=_claims(corpus, citer),
        conflicts=_conflicts(corpus, citer),
        documents=[],
    )
    report.documents = _documents(corpus, citer)  # last: it needs every span cited above
    return report


# --------------------------------------------------------------------------- Markdown

# `_` is only special at a word edge (CommonMark never opens emphasis inside a word), `$` opens math
# in some renderers.
_MD_INLINE = re.compile(r"([\\`*\[\]~|$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
# What would open a heading, list item or rule if the text began a line ("1. " but not "1.5").
_MD_BLOCK_START = re.compile(r"^([#+=-]|\d{1,9}(?=[.)](?:\s|$)))")


def md(value: Any, cell: bool = False) -> str:
    """Record text made inert in Markdown: no tags, links, code, emphasis or table cells can open.

    Text that may begin a line also gets its block markers escaped; a table cell holds no blocks.
    """
    text = _text(value)
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    if cell:
        return text
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1),
                               text)


def n(count: int, word: str) -> str:
    """"1 document", "2 documents": counts read naturally in headings and lines."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _total(capped: Capped) -> int:
    return len(capped.items) + capped.more


def _md_cites(cites: Capped) -> str:
    parts = [f"[{md(c.label)}]" for c in cites.items]
    if cites.more:
        parts.append(f"(+{cites.more} more)")
    return " ".join(parts)


def _md_more(capped: Capped, what: str = "") -> list[str]:
    return [f"- *… and {capped.more} more{' ' + what if what else ''}*"] if capped.more else []


def _md_docref(ref: DocRef) -> str:
    parts = [f"[{md(ref.id)}]"]
    if ref.title:
        parts.append(f"“{md(ref.title)}”")
    if ref.outlet:
        parts.append(f"({md(ref.outlet)})")
    return " ".join(parts)


def _md_counts(pairs: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{md(name)} ({n})" for name, n in pairs)


def _md_glance(g: Glance) -> list[str]:
    lines = [f"## The corpus at a glance ({n(g.documents, 'document')})", ""]
    dates = f", published {md(g.first_date)} to {md(g.last_date)}" if g.first_date else ""
    lines.append(f"- **Documents:** {g.documents} ({g.distinct} distinct){dates}")
    more = f", and {g.outlets.more} more" if g.outlets.more else ""
    lines.append(f"- **Outlets ({_total(g.outlets)}):** {_md_counts(g.outlets.items)}{more}")
    langs = _md_counts(g.languages.items)
    if g.translated:
        langs += "; translated from " + _md_counts(g.translated)
    lines.append(f"- **Languages:** {langs}")
    lines.append(f"- **Page furniture removed:** {n(g.removed_lines, 'line')}")
    lines.append(f"- **Not in English, kept but not analysed ({_total(g.not_analysed)}):**"
                 + ("" if g.not_analysed.items else " none"))
    lines += [f"  - {_md_docref(ref)} ({md(lang)})" for ref, lang in g.not_analysed.items]
    lines += ["  " + line for line in _md_more(g.not_analysed)]
    lines.append(f"- **Copies ({_total(g.copies)}):**" + ("" if g.copies.items else " none"))
    lines += [f"  - {_md_docref(c.doc)} copies {_md_docref(c.of)}" for c in g.copies.items]
    lines += ["  " + line for line in _md_more(g.copies)]
    lines.append(f"- **Input errors ({g.error_total}):**" + ("" if g.errors.items else " none"))
    lines += [f"  - {md(source)}: {md(reason)}" for source, reason in g.errors.items]
    lines += ["  " + line for line in _md_more(g.errors)]
    return lines + [""]


def _md_stories(stories: list[StoryView]) -> list[str]:
    if not stories:
        return []
    lines = [f"## Stories ({len(stories)})", ""]
    for s in stories:
        lines.append(f"### {md(s.label)} ({n(_total(s.docs), 'document')})")
        lines.append("")
        if s.outlets:
            lines.append(f"- **Outlets:** {', '.join(md(o) for o in s.outlets)}")
        if s.actors:
            lines.append(f"- **Main actors:** {', '.join(md(a) for a in s.actors)}")
        lines += [f"- {_md_docref(ref)}" for ref in s.docs.items]
        lines += _md_more(s.docs, "documents")
        lines.append("")
    return lines


def _md_actor(i: int, a: ActorView) -> list[str]:
    head = (f"{i}. **{md(a.name)}** — {md(a.type)}; {n(a.documents, 'document')}, {n(a.facts, 'fact')}, "
            f"{n(a.statements, 'statement')}")
    lines = [head]
    if a.description:
        lines.append(f"   - {md(a.description)}")
    if a.aliases.items:
        more = f", and {a.aliases.more} more" if a.aliases.more else ""
        lines.append(f"   - *Also called:* {', '.join(md(x) for x in a.aliases.items)}{more}")
    if a.codes:
        lines.append(f"   - *Codes:* {', '.join(md(c) for c in a.codes)}")
    if a.ties.items:
        more = f"; and {a.ties.more} more" if a.ties.more else ""
        lines.append(f"   - *Ties:* {'; '.join(md(t) for t in a.ties.items)}{more}")
    return lines


def _md_actors(r: Report) -> list[str]:
    lines = [f"## Main actors (top {len(r.actors)} of {r.actor_total})", ""]
    for i, a in enumerate(r.actors, 1):
        lines += _md_actor(i, a)
    return lines + [""]


def _md_ties(r: Report) -> list[str]:
    lines = [f"## Ties ({r.tie_total})", ""]
    if not r.ties:
        return lines + ["None found.", ""]
    for group in r.ties:
        lines += [f"### {md(group.type)} ({group.total})", ""]
        lines += [f"- **{md(t.source)} → {md(t.target)}:** “{md(t.evidence)}” {_md_cites(t.cites)}"
                  for t in group.ties.items]
        lines += _md_more(group.ties, "ties") + [""]
    return lines


def _md_quotes(r: Report) -> list[str]:
    lines = [f"## Quotes by speaker ({n(r.quote_total, 'quote')}, {n(_total(r.speakers), 'speaker')})", ""]
    for s in r.speakers.items:
        about = f" — {md(s.about)}" if s.about else ""
        lines += [f"### {md(s.name)} ({s.total}){about}", ""]
        for q in s.quotes.items:
            cue = f", *{md(q.cue)}*" if q.cue else ""
            lines.append(f"- ({md(q.kind)}{cue}) “{md(q.text)}” {_md_cites(q.cites)}")
        lines += _md_more(s.quotes, "quotes") + [""]
    if r.speakers.more:
        lines += [f"*… and {r.speakers.more} more speakers*", ""]
    return lines if r.speakers.items else lines + ["None found.", ""]


def _flags(e: EventView) -> str:
    flags = [name for name, on in (("negated", e.negated), ("hypothetical", e.hypothetical)) if on]
    return f" *({', '.join(flags)})*" if flags else ""


def _md_events(r: Report) -> list[str]:
    total = len(r.events.items) + r.events.more
    lines = [f"## Events in date order ({total})", ""]
    if not r.events.items:
        return lines + ["None found.", ""]
    for e in r.events.items:
        when = md(e.when) if e.when else "undated"
        lines.append(f"- **{when}** — {md(e.source)} → {md(e.type)} → {md(e.target)}{_flags(e)}: "
                     f"“{md(e.evidence)}” {_md_cites(e.cites)}")
    return lines + _md_more(r.events, "events") + [""]


def _md_claims(r: Report) -> list[str]:
    total = len(r.claims.items) + r.claims.more
    lines = [f"## Figures ({total})", ""]
    if not r.claims.items:
        return lines + ["None found.", ""]
    lines += ["| Measure | Value | Unit | Period | Evidence | Source |", "|---|---:|---|---|---|---|"]
    for c in r.claims.items:
        row = [c.subject, c.value, c.unit or "", c.period or "", c.evidence]
        lines.append("| " + " | ".join(md(x, cell=True) for x in row) + f" | {_md_cites(c.cites)} |")
    if r.claims.more:
        lines += ["", f"*… and {r.claims.more} more figures*"]
    return lines + [""]


def _md_conflicts(r: Report) -> list[str]:
    lines = [f"## Disagreements ({len(r.conflicts)})", ""]
    if not r.conflicts:
        return lines + ["None found.", ""]
    for c in r.conflicts:
        lines += [f"### {md(c.topic)}", ""]
        lines += [f"- {_md_docref(s.doc)} says: {md(s.says)}" for s in c.statements.items]
        lines += _md_more(c.statements, "statements") + [""]
    return lines


def _md_documents(r: Report) -> list[str]:
    lines = [f"## Documents ({len(r.documents)})", ""]
    for d in r.documents:
        meta = [md(x) for x in (d.author, d.published, d.language) if x]
        if d.translated_from:
            meta.append(f"translated from {md(d.translated_from)}")
        if d.duplicate_of:
            meta.append(f"copy of [{md(d.duplicate_of.id)}]")
        if d.source:
            meta.append(f"source: {md(d.source)}")
        lines.append(f"- {_md_docref(d.ref)}" + (f" — {'; '.join(meta)}" if meta else ""))
    return lines + [""]


def render_markdown(report: Report) -> str:
    lines = ["# newsgraph briefing", ""]
    lines.append("Every fact cites its source as [document @ start–end], character offsets into the "
                 "document's cleaned text.")
    lines.append("")
    for section in (_md_glance(report.glance), _md_stories(report.stories), _md_actors(report),
                    _md_ties(report), _md_quotes(report), _md_events(report), _md_claims(report),
                    _md_conflicts(report), _md_documents(report)):
        lines += section
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- HTML


def _environment() -> Environment:
    # autoescape=True escapes every value the template prints, whatever the template's name.
    return Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def _template_text(name: str) -> str:
    return resources.files("newsgraph").joinpath("templates").joinpath(name).read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    env = _environment()
    env.globals["n"] = n
    template = env.from_string(_template_text("report.html.j2"))
    return template.render(r=report)


# --------------------------------------------------------------------------- API


def build_report(records: list[Rec], errors: list[Rec] | None = None) -> tuple[str, str]:
    """The briefing as (markdown, html) from exchange-format records and the inputs that failed."""
    report = digest(records, errors)
    return render_markdown(report), render_html(report)


def write_report(records: list[Rec], out_dir: Path, errors: list[Rec] | None = None) -> tuple[Path, Path]:
    """Write report.md and report.html into out_dir (created if needed); return their paths."""
    markdown, html = build_report(records, errors)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    md_path, html_path = out_dir / "report.md", out_dir / "report.html"
    md_path.write_text(markdown, encoding="utf-8")
    html_path.write_text(html, encoding="utf-8")
    return md_path, html_path
