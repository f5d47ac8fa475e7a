"""The briefing in Markdown: the same view model as the HTML, with every piece of record text made inert.

Pictures are files written beside report.md and linked by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsgraph.report.base import Capped, DocRef, text_of, total
from newsgraph.report.view import ActorView, EventView, Glance, Picture, Report, SideBySide, StoryView, ToneCell

# `_` is only special at a word edge (CommonMark never opens emphasis inside a word), `$` opens math
# in some renderers.
_MD_INLINE = re.compile(r"([\\`*\[\]~|$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
# What would open a heading, list item or rule if the text began a line ("1. " but not "1.5").
_MD_BLOCK_START = re.compile(r"^([#+=-]|\d{1,9}(?=[.)](?:\s|$)))")


def md(value: Any, cell: bool = False) -> str:
    """Record text made inert in Markdown: no tags, links, code, emphasis or table cells can open.

    Text that may begin a line also gets its block markers escaped; a table cell holds no blocks.
    """
    text = text_of(value)
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    if cell:
        return text
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1),
                               text)


def n(count: int, word: str) -> str:
    """"1 document", "2 documents", "2 stories": counts read naturally in headings and lines."""
    if count == 1:
        return f"{count} {word}"
    plural = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
    return f"{count} {plural}"


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
    lines.append(f"- **Outlets ({total(g.outlets)}):** {_md_counts(g.outlets.items)}{more}")
    langs = _md_counts(g.languages.items)
    if g.translated:
        langs += "; translated from " + _md_counts(g.translated)
    lines.append(f"- **Languages:** {langs}")
    lines.append(f"- **Page furniture removed:** {n(g.removed_lines, 'line')}")
    lines.append(f"- **Not in English, kept but not analysed ({total(g.not_analysed)}):**"
                 + ("" if g.not_analysed.items else " none"))
    lines += [f"  - {_md_docref(ref)} ({md(lang)})" for ref, lang in g.not_analysed.items]
    lines += ["  " + line for line in _md_more(g.not_analysed)]
    lines.append(f"- **Copies ({total(g.copies)}):**" + ("" if g.copies.items else " none"))
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
        lines.append(f"### {md(s.label)} ({n(total(s.docs), 'document')})")
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
        ties = "; ".join(f"{md(t.text)} {_md_cites(t.cites)}" for t in a.ties.items)
        lines.append(f"   - *Ties:* {ties}{more}")
    for q in a.said.items:
        cue = f", *{md(q.cue)}*" if q.cue else ""
        lines.append(f"   - *Said* ({md(q.kind)}{cue}): “{md(q.text)}” {_md_cites(q.cites)}")
    if a.said.more:
        lines.append(f"   - *… and {a.said.more} more statements*")
    return lines


def _md_actors(r: Report) -> list[str]:
    lines = [f"## Main actors (top {len(r.actors)} of {r.actor_total})", ""]
    for i, a in enumerate(r.actors, 1):
        lines += _md_actor(i, a)
    return lines + [""]


def _md_picture(p: Picture | None) -> list[str]:
    if p is None:
        return ["No picture: nothing to draw.", ""]
    return [f"![{md(p.alt)}]({p.name})", "", f"*{md(p.alt)}*", ""]


def _md_network(r: Report) -> list[str]:
    return ["## Actor network", "", *_md_picture(r.network)]


def _md_timeline(r: Report) -> list[str]:
    return ["## Timeline", "", *_md_picture(r.timeline)]


def _md_cell(cell: ToneCell | None) -> str:
    if cell is None:
        return "—"
    parts = [f"{cell.mentions}×"]
    if cell.tone is not None:
        parts.append(f"{cell.tone} {cell.leaning}")
    if cell.cite is not None:
        parts.append(f"[{md(cell.cite.label, cell=True)}]")
    return " · ".join(parts)


def _md_side_by_side(s: SideBySide) -> list[str]:
    lines = [f"### {md(s.label)} ({n(len(s.outlets), 'outlet')})", ""]
    if s.actors:
        lines.append("| Actor | " + " | ".join(md(o.name, cell=True) for o in s.outlets) + " |")
        lines.append("|---|" + "---|" * len(s.outlets))
        for actor, row in zip(s.actors, s.cells, strict=True):
            lines.append(f"| {md(actor, cell=True)} | " + " | ".join(_md_cell(c) for c in row) + " |")
        lines.append("")
    for o in s.outlets:
        docs = ", ".join(f"[{md(d.id)}]" for d in o.docs)
        also = f"; also names {_md_counts(o.also)}" if o.also else ""
        lines.append(f"- **{md(o.name)}** ({docs}){also}")
    lines.append("")
    for outlet, only in s.only:
        if not only.items:
            continue
        lines.append(f"- Only **{md(outlet)}** reports:")
        lines += [f"  - ({md(x.kind)}) {md(x.text)} [{md(x.cite.label)}]" for x in only.items]
        lines += ["  " + line for line in _md_more(only, "facts")]
    return lines + [""]


def _md_outlets(r: Report) -> list[str]:
    lines = [f"## Outlets side by side ({n(len(r.outlets), 'story')})", ""]
    if not r.outlets:
        return lines + ["No story was covered by more than one outlet.", ""]
    lines += ["Each cell: how often the outlet names the actor · its tone (VADER compound, −1 hostile to +1 warm, "
              "averaged over the sentences naming the actor) · the sentence that weighs most.", ""]
    for s in r.outlets:
        lines += _md_side_by_side(s)
    return lines


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
    lines = [f"## Quotes by speaker ({n(r.quote_total, 'quote')}, {n(total(r.speakers), 'speaker')})", ""]
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
    flags = [name for name, on in (("negated", e.negated), ("expected" if e.expected else "hypothetical",
                                                             e.hypothetical)) if on]
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
        lines += [f"- {_md_docref(s.doc)} says: {md(s.says)}" + (f" [{md(s.cite.label)}]" if s.cite else "")
                  for s in c.statements.items]
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
    for section in (_md_glance(report.glance), _md_stories(report.stories), _md_network(report),
                    _md_actors(report), _md_timeline(report), _md_events(report), _md_conflicts(report),
                    _md_outlets(report), _md_ties(report), _md_quotes(report), _md_claims(report),
                    _md_documents(report)):
        lines += section
    return "\n".join(lines).rstrip() + "\n"
