"""The "outlets side by side" section: the figures come from newsgraph.outlets, this module cites them.

Mentions are read from "mention" records when the records carry them; otherwise they are found again
from each actor's name and aliases, so the section works on any exchange-format input.
"""

from __future__ import annotations

from typing import Any

from newsgraph import outlets
from newsgraph.model import Actor, Document, Mention
from newsgraph.report.base import Capped, Citer, Corpus, Names, Rec, clip, int_or, text_of
from newsgraph.report.view import ExclusiveLine, OutletColumn, SideBySide, ToneCell, ToneLine

MAX_STORIES = 8
MAX_TONE_LINES = 4
MAX_ALSO = 5
MAX_ONLY = 6
CLIP_FACT = 220
LEANING = 0.05  # VADER's usual line between neutral and a leaning


def _documents(corpus: Corpus) -> list[Document]:
    return [Document(id=doc_id, source=text_of(rec.get("source")), text=rec.get("text") or "",
                     outlet=text_of(rec.get("outlet")) or None, language=text_of(rec.get("language")) or None,
                     duplicate_of=text_of(rec.get("duplicate_of")) or None)
            for doc_id, rec in corpus.docs.items()]


def _mentions(corpus: Corpus, docs: list[Document]) -> list[Mention]:
    if corpus.mentions:
        ids = {d.id for d in docs}
        return [Mention(text_of(m.get("doc")), m["start"], m["end"], text_of(m.get("text")), text_of(m.get("actor")),
                        text_of(m.get("kind")) or "name")
                for m in corpus.mentions
                if m.get("actor") and text_of(m.get("doc")) in ids
                and isinstance(m.get("start"), int) and isinstance(m.get("end"), int)]
    actors = [Actor(a_id, text_of(rec.get("name")) or a_id, text_of(rec.get("type")),
                    aliases=[text_of(x) for x in rec.get("aliases") or []],
                    docs=[text_of(d) for d in rec.get("docs") or []])
              for a_id, rec in corpus.actors.items()]
    return outlets.mentions_from_names(docs, actors)


def _stories(corpus: Corpus) -> list[outlets.StoryDocs]:
    return [outlets.StoryDocs(text_of(s.get("id")), text_of(s.get("label")) or text_of(s.get("id")),
                  [text_of(d) for d in s.get("docs") or []]) for s in corpus.stories]


def _signed(score: float) -> str:
    return f"{score:+.2f}"


def _leaning(score: float) -> str:
    return "positive" if score >= LEANING else "negative" if score <= -LEANING else "neutral"


def _cell(tone: outlets.ActorTone | None, citer: Citer) -> ToneCell | None:
    if tone is None:
        return None
    value, strongest = tone.tone, tone.strongest
    lines = sorted(tone.sentences, key=lambda s: (-abs(s.score), s.doc, s.start))
    shown = [ToneLine(_signed(s.score), clip(s.text, CLIP_FACT), citer.cite(_span(s.doc, s.start, s.end)))
             for s in lines[:MAX_TONE_LINES]]
    return ToneCell(
        mentions=tone.mentions,
        tone=_signed(value) if value is not None else None,
        leaning=_leaning(value) if value is not None else "",
        cite=citer.cite(_span(strongest.doc, strongest.start, strongest.end)) if strongest else None,
        sentences=Capped(shown, len(lines) - len(shown)),
    )


def _span(doc: str, start: int, end: int) -> Rec:
    return {"doc": doc, "start": start, "end": end}


def _facts(corpus: Corpus, names: Names, docs: set[str]) -> list[tuple[outlets.Fact, str]]:
    """Events, quotes and figures of the given documents in the shape the comparison wants, each with the
    line a reader skims."""
    out: list[tuple[outlets.Fact, str]] = []
    for e in _of(corpus.events, docs):
        key = (e.get("source"), e.get("type"), e.get("target"), bool(e.get("negated")), bool(e.get("hypothetical")))
        line = (f"{names(e.get('source'), '?')} → {text_of(e.get('type'))} → {names(e.get('target'), '?')}: "
                f"“{text_of(e.get('evidence'))}”")
        out.append(_fact("event", e, key, line))
    for q in _of(corpus.quotes, docs):
        speaker = q.get("speaker") or text_of(q.get("speaker_text")).lower() or None
        who = names(q["speaker"]) if q.get("speaker") else text_of(q.get("speaker_text")) or "Unattributed"
        out.append(_fact("quote", q, (speaker,), f"{who}: “{text_of(q.get('text'))}”", text_of(q.get("text"))))
    for c in _of(corpus.claims, docs):
        value = c.get("value")
        norm = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else text_of(value)
        period = f" ({text_of(c.get('period'))})" if c.get("period") else ""
        line = f"{text_of(c.get('subject'))}: {text_of(value)} {text_of(c.get('unit'))}{period}"
        out.append(_fact("figure", c, (norm, text_of(c.get("unit")).lower()), " ".join(line.split())))
    return out


def _of(recs: list[Rec], docs: set[str]) -> list[Rec]:
    return [r for r in recs if text_of(r.get("doc")) in docs]


def _fact(kind: str, rec: Rec, key: tuple[Any, ...], line: str,
          compared: str | None = None) -> tuple[outlets.Fact, str]:
    # The comparison reads `text`: a quote compares its words, other kinds compare keys only.
    fact = outlets.Fact(kind, text_of(rec.get("doc")), int_or(rec.get("start")), int_or(rec.get("end")), key,
                        compared if compared is not None else line)
    return fact, line


def _only(story: outlets.StoryLike, docs: list[Document], facts: list[outlets.Fact], lines: dict[outlets.Fact, str],
          outlet_names: list[str], citer: Citer) -> list[tuple[str, Capped]]:
    by_outlet: dict[str, list[outlets.Fact]] = {name: [] for name in outlet_names}
    for found in outlets.exclusive_facts(docs, facts, story):
        by_outlet.setdefault(found.outlet, []).append(found.fact)
    out = []
    for name, found_facts in by_outlet.items():
        ranked = _varied(sorted(found_facts, key=lambda f: (_weight(f), f.doc, f.start)))
        shown = [ExclusiveLine(f.kind, clip(lines[f], CLIP_FACT), citer.cite(_span(f.doc, f.start, f.end)))
                 for f in ranked[:MAX_ONLY]]
        out.append((name, Capped(shown, len(ranked) - len(shown))))
    return out


def _varied(facts: list[outlets.Fact]) -> list[outlets.Fact]:
    """One fact per sentence first: a sentence that yields four events should not fill the short list."""
    seen: set[tuple[str, int, int]] = set()
    first, rest = [], []
    for f in facts:
        (rest if (f.doc, f.start, f.end) in seen else first).append(f)
        seen.add((f.doc, f.start, f.end))
    return first + rest


def _weight(fact: outlets.Fact) -> int:
    """Which exclusive facts a reader sees first: events between two known actors, then attributed quotes,
    then the rest; a figure or a one-sided event says less about who did what to whom."""
    if fact.kind == "event" and fact.key[0] and fact.key[2]:
        return 0
    if fact.kind == "quote" and fact.key[0]:
        return 1
    return 2 if fact.kind == "event" else 3


def side_by_side(corpus: Corpus, citer: Citer, names: Names) -> list[SideBySide]:
    """Stories told by two or more outlets, the widest coverage first; only those shown are computed."""
    all_docs = _documents(corpus)
    chosen = outlets.widest_stories(all_docs, _stories(corpus), MAX_STORIES)
    needed = {d for s in chosen for d in s.docs}
    needed |= {text_of(corpus.docs[d].get("duplicate_of")) for d in needed if d in corpus.docs}
    docs = [d for d in all_docs if d.id in needed]
    pairs = [(f, line) for f, line in _facts(corpus, names, needed)]
    facts = [f for f, _ in pairs]
    lines = dict(pairs)
    out = []
    for story, view in zip(chosen, outlets.story_outlets(docs, _mentions(corpus, docs), chosen), strict=True):
        columns = [OutletColumn(o.outlet, [citer.ref(d) for d in o.docs],
                                [(names(a.actor), a.mentions) for a in o.actors
                                 if a.actor not in view.main_actors][:MAX_ALSO])
                   for o in view.outlets]
        cells = [[_cell(o.actor(actor), citer) for o in view.outlets] for actor in view.main_actors]
        only = _only(story, docs, facts, lines, [o.outlet for o in view.outlets], citer)
        out.append(SideBySide(view.label, columns, [names(a) for a in view.main_actors], cells, only))
    return out
