"""Text helpers for the web app: sentences around a span, highlighted pieces, safe links.

Article text is untrusted. Nothing here builds markup: highlighting returns a list of
pieces (text, or the opening or closing of a mark with its classes), and the templates
print every piece of text through Jinja2's autoescaping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

WINDOW = 400  # characters read on each side of a span to find its sentence

# The end of a sentence: closing punctuation, any closing quotes or brackets, then white space;
# or a line break, which in cleaned text always ends a paragraph, heading or caption.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+|\n\s*")
_SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")


@dataclass
class Piece:
    """One step through a text: some text, or the opening or closing of a <mark>."""

    kind: str  # text | open | close
    text: str = ""
    classes: str = ""
    id: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Span:
    """A stretch of a document to mark. Lower `layer` nests outside higher ones at equal extent."""

    start: int
    end: int
    kind: str  # CSS class: hl, event, quote, figure, mention
    layer: int
    id: str | None = None
    title: str | None = None


@dataclass
class Sentence:
    """The sentence around a span, split so that the span itself can be shown in bold."""

    start: int
    end: int
    before: str
    inside: str
    after: str
    cut_left: bool = False
    cut_right: bool = False

    @property
    def text(self) -> str:
        return self.before + self.inside + self.after


def sentence_around(window: str, offset: int, start: int, end: int) -> Sentence:
    """The sentence holding text[start:end], given `window` = text[offset:offset+len(window)].

    Sentences are not stored, so they are found again from punctuation: a few characters
    around the span are enough, which keeps list pages from reading whole documents.
    """
    s, e = max(0, start - offset), max(0, min(len(window), end - offset))
    s = min(s, e)
    left = 0
    for m in _SENTENCE_END.finditer(window, 0, s):
        if m.end() <= s:
            left = m.end()
    m = _SENTENCE_END.search(window, max(s, e - 1))
    right = m.start() + len(m.group().rstrip()) if m else len(window)
    right = max(right, e)
    cut_left = left == 0 and offset > 0
    cut_right = m is None and right == len(window)
    return Sentence(offset + left, offset + right, window[left:s], window[s:e], window[e:right],
                    cut_left, cut_right)


def window_start(start: int) -> int:
    """Where to start reading a document so that the sentence before `start` is included."""
    return max(0, start - WINDOW)


def parse_span(value: str | None, length: int) -> tuple[int, int] | None:
    """A '?hl=start-end' value as a span inside a text of `length` characters, or None."""
    if not value:
        return None
    m = _SPAN.match(value.strip())
    if not m:
        return None
    start, end = int(m.group(1)), int(m.group(2))
    return (start, end) if 0 <= start < end <= length else None


def highlight(text: str, spans: list[Span]) -> list[Piece]:
    """The text as pieces with every span marked; spans that cross are split so the marks nest.

    Walking the boundaries left to right, a mark that must close while marks opened after it
    are still open closes them first and reopens them right after, so the output always nests
    and each span keeps all its text. Only the first part of a split span carries its id.
    Spans of layer 0 (the passage a link points at) are never split: the others are cut at
    their edges first, so the anchored mark holds exactly the cited passage.
    """
    valid = [sp for sp in spans if 0 <= sp.start < sp.end <= len(text)]
    for edge in sorted({x for sp in valid if sp.layer == 0 for x in (sp.start, sp.end)}):
        valid = [part for sp in valid for part in _cut(sp, edge)]
    usable = sorted(set(valid), key=lambda sp: (sp.start, -sp.end, sp.layer, sp.kind, sp.id or ""))
    bounds = sorted({0, len(text)} | {sp.start for sp in usable} | {sp.end for sp in usable})
    starts: dict[int, list[Span]] = {}
    for sp in usable:
        starts.setdefault(sp.start, []).append(sp)
    out: list[Piece] = []
    stack: list[Span] = []
    for i, pos in enumerate(bounds):
        ending = [sp for sp in stack if sp.end == pos]
        if ending:
            depth = min(stack.index(sp) for sp in ending)
            reopen = [sp for sp in stack[depth:] if sp.end != pos]
            out += [Piece("close")] * (len(stack) - depth)
            del stack[depth:]
            for sp in reopen:
                out.append(Piece("open", classes=sp.kind, title=sp.title))
                stack.append(sp)
        for sp in starts.get(pos, []):
            out.append(Piece("open", classes=sp.kind, id=sp.id, title=sp.title))
            stack.append(sp)
        if i + 1 < len(bounds):
            out.append(Piece("text", text[pos:bounds[i + 1]]))
    out += [Piece("close")] * len(stack)
    return out


def _cut(sp: Span, at: int) -> list[Span]:
    if sp.layer == 0 or not sp.start < at < sp.end:
        return [sp]
    return [Span(sp.start, at, sp.kind, sp.layer, sp.id, sp.title), Span(at, sp.end, sp.kind, sp.layer, None, sp.title)]


def marked(snippet: str, open_mark: str, close_mark: str) -> list[Piece]:
    """A search snippet with the engine's hit markers turned into pieces (text stays text)."""
    out: list[Piece] = []
    depth = 0
    for part in re.split(f"({re.escape(open_mark)}|{re.escape(close_mark)})", snippet):
        if part == open_mark:
            out.append(Piece("open", classes="hit"))
            depth += 1
        elif part == close_mark:
            if depth:
                out.append(Piece("close"))
                depth -= 1
        elif part:
            out.append(Piece("text", part))
    out += [Piece("close")] * depth
    return out


def plain(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces if p.kind == "text")


def web_url(value: str | None) -> str | None:
    """Only http(s) addresses become links; javascript:, data:, file: and the rest stay text."""
    if not value:
        return None
    value = value.strip()
    if any(ord(c) < 33 for c in value):
        return None
    parsed = urlparse(value)
    return value if parsed.scheme.lower() in ("http", "https") and parsed.netloc else None


def clip(value: str | None, limit: int) -> str:
    text = " ".join((value or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
