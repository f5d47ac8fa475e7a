"""Building the briefing's view model from exchange-format records: one function per section."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlparse

from newsgraph.outlets import sentence_spans
from newsgraph.report import pictures
from newsgraph.report.base import (
    Capped,
    Cite,
    Citer,
    Corpus,
    DocRef,
    Names,
    Rec,
    cap,
    clip,
    index_records,
    int_or,
    merge,
    pieces,
    text_of,
)
from newsgraph.report.outlets_view import side_by_side
from newsgraph.report.view import (
    ActorView,
    ClaimView,
    ConflictView,
    Copy,
    DocView,
    EventView,
    Glance,
    Picture,
    QuoteView,
    Report,
    SpeakerView,
    StatementView,
    StoryView,
    TieGroup,
    TieLine,
    TieView,
)

TOP_ACTORS = 15
NETWORK_ACTORS = 24
MAX_ALIASES = 6
MAX_ACTOR_TIES = 6
MAX_ACTOR_SAID = 2
MAX_TIES_PER_TYPE = 20
MAX_SPEAKERS = 20
MAX_QUOTES_PER_SPEAKER = 6
MAX_EVENTS = 100
MAX_CLAIMS = 60
MAX_STATEMENTS = 10
MAX_STORY_DOCS = 12
MAX_LIST = 12  # outlets, languages, copies, errors
FULL_TEXT_LIMIT = 200  # above this many documents, only cited documents show their text
CLIP_EVIDENCE = 280
CLIP_QUOTE = 400
CLIP_SAID = 200

# How a tie reads from its target's side; symmetric ties read the same both ways.
_INCOMING = {
    "MEMBER_OF": "has member",
    "LEADS": "led by",
    "PART_OF": "includes",
}
_SYMMETRIC = {"BORDERS", "PARTNER_OF", "TRADE_PARTNER_OF", "ALLY_OF"}


def _glance(corpus: Corpus, citer: Citer, errors: list[Rec]) -> Glance:
    docs = list(corpus.docs.values())
    dates = sorted(text_of(d.get("published")) for d in docs if d.get("published"))
    outlets = Counter(text_of(d.get("outlet")) or "unknown outlet" for d in docs)
    languages = Counter(text_of(d.get("language")) or "unknown" for d in docs)
    translated = Counter(text_of(d.get("translated_from")) for d in docs if d.get("translated_from"))
    copies = [Copy(citer.ref(d["doc"]), citer.ref(d["duplicate_of"])) for d in docs if d.get("duplicate_of")]
    return Glance(
        documents=len(docs),
        distinct=len(docs) - len(copies),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        outlets=cap(outlets.most_common(), MAX_LIST),
        languages=cap(languages.most_common(), MAX_LIST),
        translated=translated.most_common(),
        removed_lines=sum(len(d.get("removed_lines") or []) for d in docs),
        not_analysed=cap([(citer.ref(d["doc"]), text_of(d["language"])) for d in docs
                           if d.get("language") and d.get("language") != "en"], MAX_LIST),
        copies=cap(copies, MAX_LIST),
        errors=cap([(text_of(e.get("source")), text_of(e.get("reason"))) for e in errors], MAX_LIST),
        error_total=len(errors),
    )


def _stories(corpus: Corpus, citer: Citer, names: Names) -> list[StoryView]:
    out = []
    for story in corpus.stories:
        doc_ids = [text_of(d) for d in story.get("docs") or []]
        members = set(doc_ids)
        outlets = sorted({text_of(corpus.docs[d].get("outlet")) for d in doc_ids
                          if d in corpus.docs and corpus.docs[d].get("outlet")})
        weight = Counter({a: len(members & {text_of(d) for d in rec.get("docs") or []})
                          for a, rec in corpus.actors.items()})
        actors = [names(a) for a, n in weight.most_common(5) if n > 0]
        refs = [citer.ref(d) for d in doc_ids]
        out.append(StoryView(text_of(story.get("label")) or text_of(story.get("id")),
                             cap(refs, MAX_STORY_DOCS), outlets, actors))
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


def _actor_ties(actor_id: str, corpus: Corpus, citer: Citer, names: Names) -> Capped:
    """The actor's ties read from its side, most often stated first, each with a sentence that states it."""
    seen: dict[str, list[Rec]] = defaultdict(list)
    for rel in corpus.relations:
        kind = text_of(rel.get("type"))
        if rel.get("source") == actor_id:
            seen[f"{_phrase(kind)} {names(rel.get('target'))}"].append(rel)
        elif rel.get("target") == actor_id:
            phrase = _phrase(kind) if kind in _SYMMETRIC else _INCOMING.get(kind, f"{kind} ←")
            seen[f"{phrase} {names(rel.get('source'))}"].append(rel)
    ranked = sorted(seen.items(), key=lambda kv: -len(kv[1]))
    shown = [TieLine(tie, citer.cites(recs, limit=1)) for tie, recs in ranked[:MAX_ACTOR_TIES]]
    return Capped(shown, len(ranked) - len(shown))


def _actor_said(actor_id: str, corpus: Corpus, citer: Citer) -> Capped:
    """What the actor said, direct quotes first: the voice of the actor in two lines."""
    own = [q for q in corpus.quotes if q.get("speaker") == actor_id]
    own.sort(key=lambda q: (text_of(q.get("kind")) != "direct", text_of(q.get("doc")), int_or(q.get("start"))))
    merged = merge(own, lambda q: text_of(q.get("text")))
    said = [QuoteView(text_of(g[0].get("kind")) or "direct", text_of(g[0].get("cue")) or None,
                      clip(g[0].get("text"), CLIP_SAID), citer.cites(g, limit=1)) for g in merged[:MAX_ACTOR_SAID]]
    return Capped(said, len(merged) - len(said))


def _actor_rank(corpus: Corpus) -> list[Rec]:
    facts, _ = _involvement(corpus)
    return sorted(corpus.actors.values(), key=lambda rec: (
        -len(set(rec.get("docs") or [])), -facts[rec["id"]], text_of(rec.get("name"))))


def _actors(corpus: Corpus, citer: Citer, names: Names) -> list[ActorView]:
    facts, statements = _involvement(corpus)
    out = []
    for rec in _actor_rank(corpus)[:TOP_ACTORS]:
        name = text_of(rec.get("name")) or text_of(rec["id"])
        aliases = [text_of(a) for a in rec.get("aliases") or [] if text_of(a) and text_of(a) != name]
        codes = [f"{k}: {text_of(v)}" for k, v in (rec.get("codes") or {}).items() if v]
        out.append(ActorView(
            name=name, type=text_of(rec.get("type")) or "unknown",
            description=text_of(rec.get("description")) or None,
            aliases=cap(aliases, MAX_ALIASES), codes=codes, documents=len(set(rec.get("docs") or [])),
            facts=facts[rec["id"]], statements=statements[rec["id"]],
            ties=_actor_ties(rec["id"], corpus, citer, names), said=_actor_said(rec["id"], corpus, citer),
        ))
    return out


def _ties(corpus: Corpus, citer: Citer, names: Names) -> list[TieGroup]:
    by_type: dict[str, list[Rec]] = defaultdict(list)
    for rel in corpus.relations:
        by_type[text_of(rel.get("type")) or "UNTYPED"].append(rel)
    groups = []
    for kind in sorted(by_type, key=lambda k: (-len(by_type[k]), k)):
        merged = merge(by_type[kind], lambda r: (r.get("source"), r.get("target")))
        merged.sort(key=lambda g: (-len(g), names(g[0].get("source")), names(g[0].get("target"))))
        shown = [TieView(names(g[0].get("source")), names(g[0].get("target")),
                         clip(g[0].get("evidence"), CLIP_EVIDENCE), citer.cites(g))
                 for g in merged[:MAX_TIES_PER_TYPE]]
        groups.append(TieGroup(kind, len(by_type[kind]), Capped(shown, len(merged) - len(shown))))
    return groups


def _speaker_key(q: Rec, corpus: Corpus) -> tuple[str, str]:
    if q.get("speaker") and str(q["speaker"]) in corpus.actors:
        return ("actor", str(q["speaker"]))
    if q.get("speaker_text"):
        return ("text", text_of(q["speaker_text"]))
    if q.get("speaker"):
        return ("actor", str(q["speaker"]))
    return ("none", "")


def _speakers(corpus: Corpus, citer: Citer, names: Names) -> Capped:
    by_speaker = merge(corpus.quotes, lambda q: _speaker_key(q, corpus))
    by_speaker.sort(key=lambda g: (_speaker_key(g[0], corpus)[0] == "none", -len(g)))
    out = []
    for group in by_speaker[:MAX_SPEAKERS]:
        kind, key = _speaker_key(group[0], corpus)
        actor = corpus.actors.get(key) if kind == "actor" else None
        name = names(key) if kind == "actor" else key or "Unattributed"
        about = (text_of(actor.get("description")) or None) if actor else None
        merged = merge(group, lambda q: (text_of(q.get("kind")), text_of(q.get("text"))))
        quotes = [QuoteView(text_of(g[0].get("kind")) or "direct", text_of(g[0].get("cue")) or None,
                            clip(g[0].get("text"), CLIP_QUOTE), citer.cites(g))
                  for g in merged[:MAX_QUOTES_PER_SPEAKER]]
        out.append(SpeakerView(name, about, len(group), Capped(quotes, len(merged) - len(quotes))))
    return Capped(out, len(by_speaker) - len(out))


def _event_order(rec: Rec) -> tuple[bool, str, str, int]:
    """Dated events first, in ISO order (a bare year before its months); undated ones last."""
    when = text_of(rec.get("when"))
    return (not when, when, text_of(rec.get("doc")), int_or(rec.get("start")))


def _event_key(e: Rec) -> tuple[Any, ...]:
    """Events that copies of one story tell alike are one event."""
    return (e.get("source"), e.get("type"), e.get("target"), e.get("when"), bool(e.get("negated")),
            bool(e.get("hypothetical")), bool(e.get("expected")), text_of(e.get("evidence")))


def _events(corpus: Corpus, citer: Citer, names: Names) -> Capped:
    ordered = sorted(corpus.events, key=_event_order)
    merged = merge(ordered, _event_key)
    shown = [EventView(
        when=text_of(g[0].get("when")) or None, source=names(g[0].get("source"), "?"),
        type=text_of(g[0].get("type")) or "?", target=names(g[0].get("target"), "?"),
        negated=bool(g[0].get("negated")), hypothetical=bool(g[0].get("hypothetical")),
        expected=bool(g[0].get("expected")),
        evidence=clip(g[0].get("evidence"), CLIP_EVIDENCE), cites=citer.cites(g),
    ) for g in merged[:MAX_EVENTS]]
    return Capped(shown, len(merged) - len(shown))


def format_value(value: Any) -> str:
    """Numbers with thousands separators and no float noise; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return text_of(value)
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def _claims(corpus: Corpus, citer: Citer) -> Capped:
    ordered = sorted(corpus.claims, key=lambda c: (text_of(c.get("doc")), int_or(c.get("start"))))
    merged = merge(ordered, lambda c: (
        text_of(c.get("subject")), text_of(c.get("value")), text_of(c.get("unit")), text_of(c.get("period")),
        text_of(c.get("evidence"))))
    shown = [ClaimView(text_of(g[0].get("subject")) or "?", format_value(g[0].get("value")),
                       text_of(g[0].get("unit")) or None, text_of(g[0].get("period")) or None,
                       clip(g[0].get("evidence"), CLIP_EVIDENCE), citer.cites(g))
             for g in merged[:MAX_CLAIMS]]
    return Capped(shown, len(merged) - len(shown))


def _sentence_saying(corpus: Corpus, citer: Citer, doc_id: str, says: str) -> Cite | None:
    """A disagreement records what each document says, not where: the first sentence holding those words."""
    text = (corpus.docs.get(doc_id) or {}).get("text") or ""
    at = text.lower().find(says.lower()) if says else -1
    if at < 0:
        return None
    for start, end in sentence_spans(text):
        if start <= at < end:
            return citer.cite({"doc": doc_id, "start": start, "end": max(end, at + len(says))})
    return None


def _conflicts(corpus: Corpus, citer: Citer) -> list[ConflictView]:
    out = []
    for conflict in corpus.conflicts:
        statements = [StatementView(citer.ref(s.get("doc")), clip(s.get("says"), CLIP_EVIDENCE),
                                    _sentence_saying(corpus, citer, text_of(s.get("doc")), text_of(s.get("says"))))
                      for s in conflict.get("statements") or []]
        out.append(ConflictView(text_of(conflict.get("topic")) or "?", cap(statements, MAX_STATEMENTS)))
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
        source = text_of(rec.get("source")) or None
        out.append(DocView(
            ref=DocRef(doc_id, text_of(rec.get("title")) or None, text_of(rec.get("outlet")) or None,
                       "#" + anchor),
            anchor=anchor, source=source, source_url=_source_url(source) if source else None,
            author=text_of(rec.get("author")) or None, published=text_of(rec.get("published")) or None,
            language=text_of(rec.get("language")) or None,
            translated_from=text_of(rec.get("translated_from")) or None,
            duplicate_of=citer.ref(rec["duplicate_of"]) if rec.get("duplicate_of") else None,
            removed_lines=[str(line) for line in rec.get("removed_lines") or []],
            pieces=pieces(text, citer.spans.get(doc_id, set()), anchor) if shown else None,
        ))
    return out


def _links(corpus: Corpus) -> dict[frozenset[str], Counter[str]]:
    """Every pair of actors the graph connects, with how often by tie, cooperation and conflict."""
    links: dict[frozenset[str], Counter[str]] = defaultdict(Counter)
    for kind, recs in (("tie", corpus.relations), ("event", corpus.events)):
        for rec in recs:
            a, b = text_of(rec.get("source")), text_of(rec.get("target"))
            if a and b and a != b:
                side = "tie" if kind == "tie" else pictures.event_side(text_of(rec.get("type")))
                links[frozenset((a, b))][side] += 1
    return links


def _network(corpus: Corpus) -> Picture | None:
    """The most connected actors and the links among them, drawn as one picture."""
    links = _links(corpus)
    degree: Counter[str] = Counter()
    for pair, kinds in links.items():
        for actor in pair:
            degree[actor] += sum(kinds.values())
    chosen = {a for a, _ in degree.most_common(NETWORK_ACTORS)}
    edges = [pictures.Edge(*sorted(pair), kinds.most_common(1)[0][0], sum(kinds.values()))
             for pair, kinds in links.items() if pair <= chosen]
    names = Names(corpus)
    nodes = []
    for actor in sorted(chosen):
        rec = corpus.actors.get(actor) or {}
        weight = len(set(rec.get("docs") or [])) or 1
        nodes.append(pictures.Node(actor, names(actor), text_of(rec.get("type")) or "other", weight))
    return pictures.network(nodes, edges)


def _timeline(corpus: Corpus) -> Picture | None:
    """Each event once (copies merged), at its own date, else at its article's date, else undated."""
    points: Counter[tuple[str, str, bool, bool]] = Counter()
    for group in merge(corpus.events, _event_key):
        rec = group[0]
        when = text_of(rec.get("when"))
        by_article = pictures.period(when) is None
        if by_article:
            when = text_of((corpus.docs.get(text_of(rec.get("doc"))) or {}).get("published"))
        flagged = bool(rec.get("negated") or rec.get("hypothetical"))
        points[(when, text_of(rec.get("type")) or "?", flagged, by_article and bool(when))] += 1
    return pictures.timeline([pictures.Point(w, t, n, f, a) for (w, t, f, a), n in sorted(points.items())])


def digest(records: Iterable[Rec], errors: list[Rec] | None = None) -> Report:
    """The view model both formats render: sections in reading order, lists already capped."""
    corpus = index_records(records)
    citer = Citer(corpus)
    names = Names(corpus)
    relations_total = len(corpus.relations)
    report = Report(
        glance=_glance(corpus, citer, list(errors or [])),
        stories=_stories(corpus, citer, names),
        network=_network(corpus),
        actors=_actors(corpus, citer, names),
        actor_total=len(corpus.actors),
        ties=_ties(corpus, citer, names),
        tie_total=relations_total,
        speakers=_speakers(corpus, citer, names),
        quote_total=len(corpus.quotes),
        timeline=_timeline(corpus),
        events=_events(corpus, citer, names),
        claims=_claims(corpus, citer),
        conflicts=_conflicts(corpus, citer),
        outlets=side_by_side(corpus, citer, names),
        documents=[],
    )
    report.documents = _documents(corpus, citer)  # last: it needs every span cited above
    return report


