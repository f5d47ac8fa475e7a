"""Figures found in one document, each with what it measures, its period and its sentence.

Figures come from the text itself (money, percentages, quantities with a unit, counts,
fractions), from spaCy's DATE entities (dates of events, durations) and from superlatives
of size (ranks). Relative dates are resolved against the publication date by
`newsgraph.dates`, so that every stage reads dates the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.claims.numbers import DATE_UNITS, Figure, find_figures
from newsgraph.claims.subjects import (
    MEASURE_SUPERLATIVES,
    ORDINAL_WORDS,
    attendance_subject,
    counted_noun,
    direction,
    event_of,
    governor,
    measured,
    modifiers,
    noun_phrase,
    phrase,
)
from newsgraph.dates import Anchor, normalise_date
from newsgraph.model import Claim, Document
from newsgraph.nlp import entities, text_of, token_list

VAGUE_NOW = {"now", "nowadays", "these days", "currently"}
DAYS_FROM_NOW = {"today", "tonight", "yesterday", "tomorrow"}

# --------------------------------------------------------------------------- claims


def extract_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    """Every figure and dated event in one document, each with what it measures and its evidence."""
    ref = Anchor.parse(doc.published)
    claims: list[Claim] = []
    dated: list[_Dated] = []
    for ent in entities(parsed):
        if ent.label_ != "DATE" or _dateline(doc.text, ent.start_char):
            continue
        for span in _date_readings(ent):
            claim = _date_claim(doc, parsed, span, ref)
            if claim is not None:
                if claim.unit in DATE_UNITS:
                    earlier = [c.subject for c in claims if c.unit in DATE_UNITS]
                    claim.subject = attendance_subject(span.sent, claim.subject, earlier) or claim.subject
                claims.append(claim)
                dated.append(_Dated(claim, governor(span.root).i, span.start_char, span.end_char))
                break
    date_spans = [(d.start, d.end) for d in dated]
    claims.extend(_rank_claims(doc, parsed, ref, dated))
    claims.extend(_comparison_claims(doc, parsed, dated))
    for figure in find_figures(doc.text):
        if any(s < figure.end and figure.start < e for s, e in date_spans) or _furniture(doc.text, figure):
            continue
        claim = _figure_claim(doc, parsed, figure, ref, dated)
        if claim is not None:
            claims.append(claim)
    return sorted(claims, key=lambda c: (c.start, c.subject))


def _dateline(text: str, start: int) -> bool:
    """'LONDON, March 3 (Reuters) -': the date the story was filed, not the date of an event."""
    line_start = text.rfind("\n", 0, start) + 1
    return re.fullmatch(r"\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?,\s*", text[line_start:start]) is not None


def _furniture(text: str, figure: Figure) -> bool:
    """A number alone on its line (page number, comment count) is page furniture, not a figure."""
    line_start = text.rfind("\n", 0, figure.start) + 1
    line_end = text.find("\n", figure.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return line.strip(" .:|•-") == text[figure.start:figure.end].strip()


def _evidence(parsed: SpacyDoc, token: Token) -> tuple[str, int, int]:
    """The sentence that states a figure, kept to its own line, with its span in the document text."""
    sent = token.sent
    text = text_of(parsed)
    start = max(sent.start_char, text.rfind("\n", 0, token.idx) + 1)
    line_end = text.find("\n", token.idx)
    end = min(sent.end_char, line_end if line_end >= 0 else len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], start, end


def _date_readings(ent: Span) -> list[Span]:
    """The entity, then the entity less a stray word at either end ('Last year two' in
    'Last year two-way trade'), since the recogniser's edges are not always right."""
    spans = [ent]
    if len(ent) > 1:
        spans += [ent[:-1], ent[1:]]
    if len(ent) > 2:
        spans.append(ent[:-2])
    return spans


def _date_claim(doc: Document, parsed: SpacyDoc, ent: Span, ref: Anchor | None) -> Claim | None:
    """A dated event ('in January' -> 2022-01) or a duration ('more than two years' -> 2 years)."""
    root = ent.root
    gov = governor(root)
    skip = set(range(ent.start, ent.end)) | ({root.head.i} if root.head.pos_ in ("ADP", "SCONJ") else set())
    subject = phrase(parsed, event_of(root, gov, skip), root) if gov.i not in skip else ""
    evidence, start, end = _evidence(parsed, root)
    said = ent.text.strip().lower()
    if said in VAGUE_NOW or said in DAYS_FROM_NOW and (ref is None or ref.day is None):
        return None  # 'today' is a date only when the day of writing is known
    value = normalise_date(ent.text, ref, direction(gov))
    if value is not None:
        unit = "year" if re.fullmatch(r"\d{4}", value) else "date"
        period = value if not value.startswith("-") else None
        return Claim(doc.id, subject or ent.text, value, unit, period, evidence, start, end)
    duration = _duration(ent.text)
    if duration is None:
        return None
    amount, unit = duration
    period = _period_from_ref(ref)
    return Claim(doc.id, subject or ent.text, amount, unit, period, evidence, start, end)


def _duration(text: str) -> tuple[float, str] | None:
    """'more than two years' -> (2, 'years (more than)'); vague ones ('several days') -> None."""
    figures = [f for f in find_figures(text) if f.kind == "duration"]
    if len(figures) != 1:
        return None
    figure = figures[0]
    if figure.value < 2 and not re.search(r"\d", text):
        return None  # 'one day', 'a year' tell when, not how long
    return float(figure.value), _unit_label(figure.unit, figure.qualifier)


def _unit_label(unit: str, qualifier: str | None) -> str:
    return f"{unit} ({qualifier})" if qualifier else unit


def _period_from_ref(ref: Anchor | None) -> str | None:
    if ref is None:
        return None
    return f"{ref.year:04d}-{ref.month:02d}" if ref.month else f"{ref.year:04d}"


TIMELESS_KINDS = {"length", "area", "temperature", "speed"}


def _figure_claim(doc: Document, parsed: SpacyDoc, figure: Figure, ref: Anchor | None,
                  dated: list[_Dated]) -> Claim | None:
    span = parsed.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = measured(parsed, span, figure)
    if figure.kind == "count" and not words:
        return None  # a bare number that counts nothing named
    subject = phrase(parsed, words, span.root) or figure.unit
    evidence, start, end = _evidence(parsed, span.root)
    period = _clause_period(dated, span.root)
    if period is None and figure.kind not in TIMELESS_KINDS:
        period = _period_from_ref(ref)
    unit = figure.unit if figure.kind != "count" else _count_unit(span)
    return Claim(doc.id, subject, figure.value, _unit_label(unit, figure.qualifier), period, evidence,
                 start, end)


def _rank_claims(doc: Document, parsed: SpacyDoc, ref: Anchor | None, dated: list[_Dated]) -> list[Claim]:
    """Ranks stated by a superlative of size: 'X became the world's second-biggest producer' -> 2."""
    out = []
    for token in token_list(parsed):
        if token.dep_ != "amod":
            continue
        noun = token.head
        if noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "oprd", "appos"):
            continue
        most = any(c.lower_ == "most" for c in token.children)
        if not (token.tag_ == "JJS" or most) or token.lemma_.lower() not in MEASURE_SUPERLATIVES:
            continue
        rank = next((ORDINAL_WORDS.get(c.lower_) for c in token.children if c.lower_ in ORDINAL_WORDS), 1)
        holder = _rank_holder(noun)
        what = phrase(parsed, noun_phrase(noun), noun)
        subject = f"{phrase(parsed, modifiers(holder, set()), holder)} as {what}" if holder else what
        evidence, start, end = _evidence(parsed, token)
        period = _clause_period(dated, noun) or _period_from_ref(ref)
        out.append(Claim(doc.id, subject, float(rank), "rank", period, evidence, start, end))
    return out


# the dimension a comparative of measure compares on: 'larger than all of Western Europe' is a size
COMPARED_DIMENSIONS = {"large": "size", "big": "size", "small": "size", "long": "length", "short": "length",
                       "high": "height", "tall": "height", "low": "height", "rich": "wealth", "poor": "wealth",
                       "populous": "population", "deep": "depth", "wide": "width", "fast": "speed",
                       "heavy": "weight", "busy": "traffic"}


def _comparison_claims(doc: Document, parsed: SpacyDoc, dated: list[_Dated]) -> list[Claim]:
    """Sizes stated by comparison with something named: 'X is larger than all of Western Europe'.

    The value is the comparison in the text's words, since there is no number to normalise; a
    comparison with a number ('more than 200') is a qualified figure instead."""
    out = []
    for token in token_list(parsed):
        if token.tag_ != "JJR" or token.lemma_.lower() not in COMPARED_DIMENSIONS:
            continue
        than = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "than"), None)
        pobj = next((c for c in than.children if c.dep_ == "pobj"), None) if than is not None else None
        if pobj is None or pobj.pos_ not in ("NOUN", "PROPN", "DET", "PRON") or pobj.like_num:
            continue
        end = max(t.i for t in than.subtree) + 1
        value = parsed[token.i:end].text
        holder = _comparison_holder(token)
        subject = phrase(parsed, modifiers(holder, set()), holder) if holder is not None else value
        evidence, start, stop = _evidence(parsed, token)
        unit = COMPARED_DIMENSIONS[token.lemma_.lower()]
        out.append(Claim(doc.id, f"{subject} {unit}", value, unit, _clause_period(dated, token), evidence,
                         start, stop))
    return out


def _comparison_holder(token: Token) -> Token | None:
    """What a comparative describes: the subject of its clause ('Kazakhstan ... larger than'), through
    coordinated and adverbial clauses."""
    verb = token.head if token.dep_ in ("acomp", "attr", "conj", "oprd") else token
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject if subject.pos_ in ("NOUN", "PROPN") else None
        if verb.dep_ not in ("advcl", "xcomp", "conj", "acomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _rank_holder(noun: Token) -> Token | None:
    """Who holds the rank: the subject of 'be'/'become', or the noun an apposition describes."""
    if noun.dep_ == "appos":
        return noun.head if noun.head.pos_ in ("NOUN", "PROPN") else None
    subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and noun.head.dep_ in ("advcl", "xcomp"):
        subject = next((c for c in noun.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


def _count_unit(span: Span) -> str:
    noun = counted_noun(span)
    if noun is None:
        return "count"
    return noun.text if noun.pos_ == "PROPN" else noun.lower_


@dataclass
class _Dated:
    """A date claim and the word its date attaches to, so figures in the same clause can use it."""

    claim: Claim
    governor: int  # token index
    start: int
    end: int


def _clause_period(dated: list[_Dated], token: Token) -> str | None:
    """The date that governs a figure: one attached to the figure's word or to a word above it
    ('Last year China overtook Russia ..., with trade topping $41 billion'), nearest first."""
    above = {token.i} | {a.i for a in token.ancestors}
    sent = token.sent
    hits = [d for d in dated if d.governor in above and d.claim.period
            and sent.start_char <= d.start < sent.end_char]
    if not hits:
        return None
    return min(hits, key=lambda d: abs(d.start - token.idx)).claim.period


