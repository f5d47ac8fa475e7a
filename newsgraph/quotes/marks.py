"""Quotation marks: the spans they enclose, in every common style, over several paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc

from newsgraph.quotes.base import (
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    QUOTE_CHARS,
    SINGLE_CLOSE,
    SINGLE_OPEN,
    TYPEWRITER_DOUBLE,
)


@dataclass
class _Marked:
    """Text between quotation marks (content only, marks excluded)."""

    start: int
    end: int
    single: bool
    chain: int  # a quote continued over paragraphs: every part shares the chain number


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines: news text puts one paragraph on a line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _marked_spans(text: str, paras: list[tuple[int, int]]) -> list[_Marked]:
    """Double-mark quotes per paragraph (a paragraph left open continues into one that reopens),
    then single-mark quotes outside them."""
    out: list[_Marked] = []
    chain = 0
    carry: str | None = None  # the mark of a quote the previous paragraph ended inside
    for ps, pe in paras:
        spans, left_open = _double_in(text, ps, pe)
        for k, (s, e) in enumerate(spans):
            reopens = k == 0 and carry == _opening_mark(text, s) and not text[ps:s].strip(QUOTE_CHARS + " ")
            if not reopens:
                chain += 1
            out.append(_Marked(s, e, False, chain))
        carry = _opening_mark(text, spans[-1][0]) if left_open else None
    doubles = [(m.start, m.end) for m in out]
    for ps, pe in paras:
        for s, e in _single_in(text, ps, pe, doubles):
            chain += 1
            out.append(_Marked(s, e, True, chain))
    trimmed = [_trimmed(text, m) for m in out]
    return sorted((m for m in trimmed if m.end > m.start), key=lambda m: (m.start, m.end))


def _opening_mark(text: str, content_start: int) -> str:
    """The mark that opens a quote, typewriter pairs ('' and ``) as one kind: a quote continued in the next
    paragraph reopens with the mark it opened with."""
    mark = text[content_start - 1] if content_start > 0 else ""
    return "''" if mark in "'`" else mark


def _trimmed(text: str, m: _Marked) -> _Marked:
    s, e = m.start, m.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return _Marked(s, e, m.single, m.chain)


def _double_in(text: str, ps: int, pe: int) -> tuple[list[tuple[int, int]], bool]:
    """Spans inside double marks in one paragraph, and whether the paragraph ends inside one."""
    spans = []
    open_at: int | None = None  # where the content starts
    depth = 0  # curly marks opened inside an open curly quote ('“... what he calls “hell” than ...”')
    i = ps
    while i < pe:
        ch, width = text[i], 2 if text[i:i + 2] in TYPEWRITER_DOUBLE else 1
        if open_at is None and (ch in DOUBLE_OPEN or ch == '"' or width == 2):
            open_at = i + width
        elif open_at is not None and ch == "“" and text[open_at - 1] == "“" and _closes_later(text, i, pe):
            depth += 1
        elif open_at is not None and depth and ch == "”":
            depth -= 1
        elif open_at is not None and (ch in DOUBLE_CLOSE or ch == '"' or (width == 2 and ch == "'")):
            spans.append((open_at, i))
            open_at = None
        i += width
    if open_at is not None:
        spans.append((open_at, pe))
    return spans, open_at is not None


def _closes_later(text: str, i: int, pe: int) -> bool:
    """A curly quote opened inside another nests only if both close in the paragraph."""
    return text.count("”", i, pe) >= 2


def _single_in(text: str, ps: int, pe: int, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans inside single marks that are not apostrophes and not nested in double quotes."""
    spans = []
    i = ps
    while i < pe:
        if text[i] in SINGLE_OPEN and _opens_single(text, i, ps) and not _inside(i, doubles):
            close = next((j for j in range(i + 2, pe)
                          if text[j] in SINGLE_CLOSE and _closes_single(text, j, pe)), None)
            if close is not None and not _inside(close, doubles):
                spans.append((i + 1, close))
                i = close
        i += 1
    return spans


def _opens_single(text: str, i: int, ps: int) -> bool:
    before = text[i - 1] if i > ps else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and after.isalpha()


def _closes_single(text: str, j: int, pe: int) -> bool:
    after = text[j + 1] if j + 1 < pe else " "
    return not text[j - 1].isspace() and not after.isalnum()


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s - 2 <= i <= e + 1 for s, e in spans)


def _quoted_tokens(parsed: SpacyDoc, marked: list[_Marked]) -> set[int]:
    out: set[int] = set()
    for m in marked:
        span = parsed.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out
