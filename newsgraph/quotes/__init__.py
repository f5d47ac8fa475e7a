"""Quotes: who said what, in quotation marks or reported, with the span of what was said.

Direct quotes are found from the quotation marks (`marks`: every common style; quotes that run over several
paragraphs; single marks only when something attributes them) and attributed through the dependency parse
(`direct`): the reporting verb that governs the quote, a verb beside it in the sentence, a colon after a
reporting clause, "according to", a possessive ("his “dear friend”"), or the sentence before. Reported speech
comes from reporting verbs (`verbs`, lexicon in data/speech_verbs.txt) and their clausal complements
(`reported`). Short quoted labels that nobody is said to have said are scare quotes, not quotes. Interviews laid
out as question and answer give the interviewee's answers as statements (`interviews`).

Speakers are resolved against the actor mentions (`speakers`): the speaker phrase's head, names inside it, and
pronouns and descriptions through the rule-based coreference resolver in `newsgraph.coref`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc

from newsgraph.model import Actor, Document, Mention, Quote
from newsgraph.quotes.base import _Cand
from newsgraph.quotes.direct import _direct
from newsgraph.quotes.interviews import _interview
from newsgraph.quotes.marks import _marked_spans, _paragraphs, _quoted_tokens
from newsgraph.quotes.merge import _carve, _drop_nested, _merge
from newsgraph.quotes.reported import _reported
from newsgraph.quotes.speakers import JOINT_SEPARATOR, _Context, _phrase_span
from newsgraph.quotes.verbs import speech_verbs

__all__ = ["Attribution", "extract_attributions", "extract_quotes", "joint_actors", "quotes_by_speaker",
           "speech_verbs"]


@dataclass
class Attribution:
    """A quote with where its speaker phrase and cue stand in the text (for scoring and for display)."""

    quote: Quote
    speaker_span: tuple[int, int] | None  # character span of the speaker phrase, when the text has one
    cue_at: int | None  # character offset of the cue word, when there is one


def extract_quotes(doc: Document, parsed: SpacyDoc, mentions: list[Mention],
                   actors: list[Actor] | None = None) -> list[Quote]:
    """Direct and reported statements in one document, each with its speaker if the text gives one.

    `actors` (the document's actors from the actor stage) tells which mentions are people, for pronouns
    and descriptions to point back to; without it, people are told by the entity tagger and titles.
    Several speakers named together get a joint id ('china+russia'): `joint_actors` makes their actors."""
    return [a.quote for a in extract_attributions(doc, parsed, mentions, actors)]


def extract_attributions(doc: Document, parsed: SpacyDoc, mentions: list[Mention],
                         actors: list[Actor] | None = None) -> list[Attribution]:
    """`extract_quotes` with the speaker phrase's and the cue's places in the text."""
    text = doc.text
    paras = _paragraphs(text)
    marked = _marked_spans(text, paras)
    quoted = _quoted_tokens(parsed, marked)
    interview = _interview(text, paras, mentions)
    cands: list[_Cand] = _direct(parsed, text, marked, quoted, interview)
    cands += _reported(parsed, quoted)
    if interview:
        cands += interview.answers
    cands = _merge(cands, parsed)
    ctx = _Context(parsed, mentions, marked, interview, actors)
    for c in sorted(cands, key=lambda c: c.source.anchor if c.source else c.start):
        if c.source:
            c.speaker, c.speaker_text = ctx.resolve(c.source)
    cands = _carve(_drop_nested(cands), text)
    return [_attribution(doc.id, text, c) for c in sorted(cands, key=lambda c: (c.start, c.end))]


def _attribution(doc_id: str, text: str, c: _Cand) -> Attribution:
    src = c.source
    quote = Quote(doc_id, c.speaker, c.speaker_text, c.kind, text[c.start:c.end], src.cue if src else None,
                  c.start, c.end)
    speaker_span = _phrase_span(src.subject) if src is not None and src.subject is not None else None
    return Attribution(quote, speaker_span, src.cue_at if src else None)


def joint_actors(quotes: list[Quote], actors: list[Actor]) -> list[Actor]:
    """Group actors for the joint speakers of `quotes` ('Xi and Putin said ...'), named after their members,
    with the speaker phrase as an alias; to be stored with the document's actors."""
    names = {a.id: a.name for a in actors}
    out: dict[str, Actor] = {}
    for q in quotes:
        if q.speaker is None or JOINT_SEPARATOR not in q.speaker:
            continue
        members = [names.get(m, m) for m in q.speaker.split(JOINT_SEPARATOR)]
        actor = out.setdefault(q.speaker, Actor(q.speaker, " and ".join(members), "group",
                                                 f"{' and '.join(members)}, speaking jointly", [], [q.doc]))
        if q.speaker_text and q.speaker_text not in actor.aliases:
            actor.aliases.append(q.speaker_text)
    return list(out.values())


def quotes_by_speaker(quotes: list[Quote]) -> dict[str | None, list[Quote]]:
    """Quotes grouped by speaker id (None for unattributed), in text order within each group."""
    out: dict[str | None, list[Quote]] = defaultdict(list)
    for q in sorted(quotes, key=lambda q: (q.doc, q.start)):
        out[q.speaker].append(q)
    return dict(out)
