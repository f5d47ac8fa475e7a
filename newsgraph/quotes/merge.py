"""One statement once: a report that only wraps a direct quote gives way to it, quoted fragments give way to
the reported clause that holds them, repeats inside a longer statement by the same speaker are dropped, and a
statement that holds another speaker's keeps only its own words."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc as SpacyDoc

from newsgraph.quotes.base import TRIM, _Cand


def _merge(cands: list[_Cand], parsed: SpacyDoc) -> list[_Cand]:
    """One statement once: a reported span that is only a direct quote gives way to the direct quote; a
    reported clause that quotes some of its words ('said that fraud is “a big problem”') is one statement, so
    the quoted fragments it holds give way to it; the same span found twice is kept once."""
    directs = [c for c in cands if c.kind == "direct"]
    absorbed: set[int] = set()
    reports = []
    seen = {(c.start, c.end) for c in directs}
    for c in cands:
        if c.kind == "direct" or (c.start, c.end) in seen or c.end - c.start < 3:
            continue
        inner = [d for d in directs if d.start < c.end and d.end > c.start]
        if inner and not _words_outside(parsed, c, inner):
            for d in inner:
                if d.source is None:
                    d.source = c.source
            continue
        held = [d for d in inner if c.start <= d.start and d.end <= c.end and _same_source(d, c)]
        absorbed |= {id(d) for d in held}
        if held and 2 * sum(d.end - d.start for d in held) >= c.end - c.start:
            c.kind = "direct"  # mostly the speaker's own words, led in by a few of the writer's
        seen.add((c.start, c.end))
        reports.append(c)
    return [d for d in directs if id(d) not in absorbed] + reports


def _same_source(quote: _Cand, report: _Cand) -> bool:
    """A quoted fragment belongs to the report around it when nothing else attributes it, or the same cue does."""
    if quote.source is None or report.source is None:
        return True
    return quote.source.cue_at is not None and quote.source.cue_at == report.source.cue_at


def _words_outside(parsed: SpacyDoc, c: _Cand, inner: list[_Cand]) -> bool:
    """Words of the report that no quote holds ('The country “has made ...”' has 'The country')."""
    span = parsed.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.is_alpha and not (t.dep_ == "mark" and t.lower_ == "that") and
               not any(d.start <= t.idx < d.end for d in inner) for t in span)


def _drop_nested(cands: list[_Cand]) -> list[_Cand]:
    """A report inside a longer statement by the same speaker repeats it (interview answers, mostly)."""
    out = []
    for c in cands:
        covered = any(o is not c and not o.nested_ok and o.speaker == c.speaker and o.start <= c.start and
                      c.end <= o.end and (o.start, o.end) != (c.start, c.end) for o in cands)
        if not covered:
            out.append(c)
    return out


def _carve(cands: list[_Cand], text: str) -> list[_Cand]:
    """Each stretch of text belongs to the innermost statement. An interview answer that reports someone
    else ('Russia began to say that ...'), or a report that carries someone else's direct quote ('X thanked Y
    for “...”, the agency reported'), keeps only its own words around the inner statement."""
    out = []
    for outer in cands:
        inner = [c for c in cands if c is not outer and outer.start <= c.start and c.end <= outer.end
                 and (c.start, c.end) != (outer.start, outer.end) and c.speaker != outer.speaker
                 and (not outer.nested_ok or (outer.kind == "indirect" and c.kind == "direct"))]
        if not inner:
            out.append(outer)
            continue
        pos = outer.start
        for c in sorted(inner, key=lambda c: c.start) + [None]:
            end = outer.end if c is None else c.start
            piece = _trimmed_piece(text, pos, end)
            if piece is not None:
                out.append(replace(outer, start=piece[0], end=piece[1]))
            if c is not None:
                pos = max(pos, c.end)
    return out


def _trimmed_piece(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A stretch without edge punctuation and quotation marks, if it still has two words."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return (start, end) if len(text[start:end].split()) >= 2 else None
