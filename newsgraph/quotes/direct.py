"""Direct quotes: text in quotation marks that reads as a statement, with the verb or phrase that attributes it."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.coref import FEMALE, MALE
from newsgraph.nlp import text_of
from newsgraph.quotes.base import (
    FINITE_TAGS,
    QUOTE_CHARS,
    SUBJECT_DEPS,
    TRIM,
    _Cand,
    _previous_sentence,
    _Source,
)
from newsgraph.quotes.interviews import _Interview
from newsgraph.quotes.marks import _Marked
from newsgraph.quotes.verbs import _negated, _pattern, _speaker_token, _verb_source

TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}


def _direct(parsed: SpacyDoc, text: str, marked: list[_Marked], quoted: set[int],
            interview: _Interview | None) -> list[_Cand]:
    """A candidate per quotation-mark span that reads as a statement, or that is a label someone is said
    to have used; other quoted labels are scare quotes."""
    primary_single = not any(not m.single for m in marked)
    cands: list[_Cand] = []
    labels: list[bool] = []
    for m in marked:
        span = parsed.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not span.text.strip(QUOTE_CHARS + " "):
            continue
        label = (m.single and not primary_single) or not _is_statement(span)
        source = _attribute(parsed, text, span, quoted, label)
        if source is None and interview and m.start < interview.start and _whole_paragraph(text, m):
            source = _Source("interview headline", m.start, fixed=(interview.actor, interview.name))
        end = m.end
        while end > m.start and text[end - 1] in ",;:—– ":
            end -= 1  # the comma before '” she said' belongs to the sentence, not the quote
        cands.append(_Cand("direct", m.start, end, source, m.chain))
        labels.append(label)
    _share_in_chains(cands)
    labels = [label and not _continues_quoting(c, cands[:k], parsed, text) for k, (c, label)
              in enumerate(zip(cands, labels, strict=True))]
    _from_previous_sentence([c for c, label in zip(cands, labels, strict=True) if not label], parsed, text)
    return [c for c, label in zip(cands, labels, strict=True) if not label or _has_speaker(c.source)]


def _continues_quoting(c: _Cand, before: list[_Cand], parsed: SpacyDoc, text: str) -> bool:
    """A quoted sentence without a verb ('“The Donald. Big Daddy.”') right after a quoted sentence in the same
    paragraph goes on quoting the same speaker; it is no scare quote."""
    if c.source is not None:
        return False
    span = parsed.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not _starts_sentence(span, text) or text[span.end_char:span.sent.end_char].strip(
            QUOTE_CHARS + " .,!?\n"):
        return False
    prev = _previous_sentence(parsed, span.sent)
    if prev is None or "\n" in text[prev.end_char:span.start_char]:
        return False
    return any(b.source is not None and prev.start_char <= b.start < prev.end_char for b in before)


def _has_speaker(source: _Source | None) -> bool:
    return source is not None and (source.subject is not None or source.fixed is not None)


def _whole_paragraph(text: str, m: _Marked) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:m.start].strip(QUOTE_CHARS + " ") and not text[m.end:line_end].strip(TRIM)


def _is_statement(span: Span) -> bool:
    """A clause (a finite verb, more than two words), not a quoted label."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    return len(words) > 2 and any(t.tag_ in FINITE_TAGS for t in words)


def _attribute(parsed: SpacyDoc, text: str, span: Span, quoted: set[int], label: bool) -> _Source | None:
    """The reporting verb or phrase that attributes a quoted span, tried from the closest link outward.
    A label is attributed only through the parse (a verb above it, a possessor), never by mere nearness."""
    inside = set(range(span.start, span.end))
    finders = (_governing_verb,) if label else (_governing_verb, _verb_beside)
    for finder in finders:
        verb = finder(span, inside, quoted)
        if verb is not None:
            return _verb_source(verb)
    source = _according_to(span.sent, quoted) or _before_colon(parsed, text, span, quoted)
    if source is not None:
        return source
    poss = _possessor(span, inside)
    return _Source(poss.text, poss.idx, subject=poss) if poss is not None else None


def _roots(span: Span, inside: set[int]) -> list[Token]:
    return [t for t in span if t.head.i not in inside or t.head.i == t.i]


def _governing_verb(span: Span, inside: set[int], quoted: set[int]) -> Token | None:
    """The closest reporting verb above the quote in the parse ('X said “...”', 'thanked Y for “...”')."""
    for root in _roots(span, inside):
        below = root
        for anc in root.ancestors:
            if anc.i in quoted:
                break
            if _pattern(anc) and not _negated(anc) and _same_paragraph(anc, span):
                if below.dep_ == "prep" and below.lower_ in TOPIC_PREPS:
                    break  # 'reporting on “...”': a topic, not words said
                return anc
            below = anc
    return None


def _verb_beside(span: Span, inside: set[int], quoted: set[int]) -> Token | None:
    """A reporting verb with a subject in the same sentence, outside any quote ('“...,” she said')."""
    sent = span.sent
    above = {a.i for r in _roots(span, inside) for a in r.ancestors}
    best = None
    for tok in sent:
        if tok.i in quoted or tok.i in above or not _pattern(tok) or _negated(tok):
            continue  # a verb above the quote was weighed (and refused) as its governor already
        if _speaker_token(tok) is None or not _same_paragraph(tok, span):
            continue
        dist = min(abs(tok.i - span.start), abs(tok.i - span.end))
        if best is None or dist < best[0]:
            best = (dist, tok)
    return best[1] if best else None


def _same_paragraph(tok: Token, span: Span) -> bool:
    """A cue attributes quotes in its own paragraph (the parser can run a sentence over a line break)."""
    lo, hi = min(tok.idx, span.start_char), max(tok.idx, span.end_char)
    return "\n" not in text_of(tok.doc)[lo:hi]


def _according_to(sent: Span, quoted: set[int]) -> _Source | None:
    for tok in sent:
        obj = _according_object(tok)
        if obj is not None and tok.i not in quoted:
            return _Source("according to", tok.idx, subject=obj, cue_at=tok.idx)
    return None


def _according_object(tok: Token) -> Token | None:
    """The source in 'According to X, ...' or '..., according to X': set off from the clause it qualifies
    ('adapt according to the landscape' is manner, not a source)."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    if obj is None and to is not None:  # 'according to show insiders' parsed as a verb phrase: its last noun
        obj = next((t for t in reversed(list(to.subtree)) if t.pos_ in {"NOUN", "PROPN"}), None)
    if obj is None:
        return None
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > tok.sent.start else None
    return obj if before is None or before.text in {",", "(", "—", "–", ";"} else None


def _before_colon(parsed: SpacyDoc, text: str, span: Span, quoted: set[int]) -> _Source | None:
    """'Xi said: “...”' or 'The minister was blunt: “...”' when the parse split the quote off."""
    k = span.start_char - 1
    while k >= 0 and (text[k].isspace() or text[k] in QUOTE_CHARS):
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    colon = parsed.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = colon.sent
    before = [t for t in sent if t.i < colon.start and t.i not in quoted]
    verbs = [t for t in before if _pattern(t) and not _negated(t)]
    if verbs:
        return _verb_source(verbs[-1])
    subjects = [t for t in before if t.dep_ in SUBJECT_DEPS]
    return _Source(None, subjects[-1].idx, subject=subjects[-1]) if subjects else None


def _possessor(span: Span, inside: set[int]) -> Token | None:
    """'his “dear friend”': the owner of a quoted label is the one who used it."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 2:
        return None  # 'his “friend”': one ironic word, not a phrase of his
    for root in _roots(span, inside):
        for tok in [root, root.head]:
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.i not in inside), None)
            if poss is not None and (poss.lower_ in MALE | FEMALE or poss.ent_type_ == "PERSON"):
                return poss
    return None


def _share_in_chains(cands: list[_Cand]) -> None:
    """Every paragraph of a quote that runs over several paragraphs has the speaker found for any of them."""
    by_chain: dict[int, _Source] = {}
    for c in cands:
        if c.source and c.chain not in by_chain:
            by_chain[c.chain] = c.source
    for c in cands:
        if c.source is None and c.chain in by_chain:
            c.source = by_chain[c.chain]


def _from_previous_sentence(cands: list[_Cand], parsed: SpacyDoc, text: str) -> None:
    """A quote that stands as its own sentence with no cue continues the speaker of the sentence before."""
    for i, c in enumerate(cands):
        if c.source is not None:
            continue
        span = parsed.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or not _starts_sentence(span, text):
            continue
        prev_sent = _previous_sentence(parsed, span.sent)
        if prev_sent is None:
            continue
        earlier = [p for p in cands[:i] if p.source and prev_sent.start_char <= p.start < prev_sent.end_char]
        if earlier:
            c.source = earlier[-1].source
            continue
        verbs = [t for t in prev_sent if _pattern(t) and _speaker_token(t) is not None]
        if verbs:
            c.source = _verb_source(verbs[-1])
            continue
        subject = next((t for t in prev_sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if subject is not None and subject.ent_type_ == "PERSON":
            c.source = _Source(None, subject.idx, subject=subject)  # 'X was defiant. “We will ...”'


def _starts_sentence(span: Span, text: str) -> bool:
    sent = span.sent
    return not text[sent.start_char:span.start_char].strip(QUOTE_CHARS + " \n")
