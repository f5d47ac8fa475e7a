"""Shared pieces of the quote finder: quotation-mark characters, what a statement and its source are, and
span helpers that keep quotation marks paired."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.nlp import text_of

DOUBLE_OPEN = {"“", "„", "«", "‟"}
DOUBLE_CLOSE = {"”", "»"}
SINGLE_OPEN = {"‘", "'", "‚"}
SINGLE_CLOSE = {"’", "'"}
QUOTE_CHARS = "\"“”„«»‟‘’'‚`"
TYPEWRITER_DOUBLE = {"``", "''"}  # double marks typed as two single ones
TRIM = " \t\n,;:.—–-" + QUOTE_CHARS
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
VERBAL = {"VERB", "AUX"}


@dataclass
class _Source:
    """Who a statement is attributed to, before the speaker is resolved to an actor."""

    cue: str | None
    anchor: int  # character offset used to order resolution (the cue or the speaker phrase)
    subject: Token | None = None  # head of the speaker phrase
    fixed: tuple[str | None, str | None] | None = None  # (actor, text) known without the parse
    cue_at: int | None = None  # character offset of the cue word, when there is one in the text


@dataclass
class _Cand:
    """A statement found but not yet final: its kind, content span, source and, once resolved, speaker."""

    kind: str
    start: int
    end: int
    source: _Source | None
    chain: int = -1
    nested_ok: bool = True  # False for interview answers: statements inside them stay separate
    speaker: str | None = None
    speaker_text: str | None = None


def _previous_sentence(parsed: SpacyDoc, sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    prev = parsed[sent.start - 1].sent
    while prev.start > 0 and not prev.text.strip():
        prev = parsed[prev.start - 1].sent
    return prev if prev.text.strip() else None


def _trim_tokens(doc: SpacyDoc, start: int, end: int) -> tuple[int, int]:
    """Char span of tokens start..end (inclusive) without 'that' or punctuation at the edges."""
    while start < end and ((doc[start].is_punct and doc[start].text not in QUOTE_CHARS) or doc[start].is_space
                           or (doc[start].dep_ == "mark" and doc[start].lower_ == "that")):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    s, e = doc[start].idx, doc[end].idx + len(doc[end])
    return _balance(text_of(doc), s, e)


def _balance(text: str, s: int, e: int) -> tuple[int, int]:
    """Keep quotation marks at the edges only when they are paired inside the span."""
    if e < len(text) and ((text[e] in DOUBLE_CLOSE and text.count("“", s, e) > text.count("”", s, e)) or
                          (text[e] == '"' and text.count('"', s, e) % 2 == 1)):
        e += 1  # '... as a “great victory' -> take the closing mark too
    while s < e and text[s] in QUOTE_CHARS and not any(ch in QUOTE_CHARS for ch in text[s + 1:e]):
        s += 1
    while e > s and text[e - 1] in QUOTE_CHARS and not any(ch in QUOTE_CHARS for ch in text[s:e - 1]):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e
