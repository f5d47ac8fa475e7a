"""Quotes: who said what, in quotation marks or reported, with the span of what was said.

Direct quotes are found from the quotation marks (every common style; quotes that run
over several paragraphs; single marks only when something attributes them) and are
attributed through the dependency parse: the reporting verb that governs the quote, a
verb beside it in the sentence, a colon after a reporting clause, "according to", a
possessive ("his “dear friend”"), or the sentence before. Reported speech comes from
reporting verbs (lexicon in data/speech_verbs.txt) and their clausal complements.
Short quoted labels that nobody is said to have said are scare quotes, not quotes.
Interviews laid out as question and answer give the interviewee's answers as statements.

Speakers are resolved against the actor mentions: the speaker phrase's head, names
inside it, pronouns (to the latest fitting person or body), and descriptions ("the
researcher") to the person the text described that way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.actors import titles
from newsgraph.gazetteer import word_table
from newsgraph.model import Actor, Document, Mention, Quote, mention_at

DOUBLE_OPEN = {"“", "„", "«", "‟"}
DOUBLE_CLOSE = {"”", "»"}
SINGLE_OPEN = {"‘", "'", "‚"}
SINGLE_CLOSE = {"’", "'"}
QUOTE_CHARS = "\"“”„«»‟‘’'‚`"
TYPEWRITER_DOUBLE = {"``", "''"}  # double marks typed as two single ones
TRIM = " \t\n,;:.—–-" + QUOTE_CHARS
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
GROUP = {"they", "them", "their", "theirs", "it", "its"}
FIRST = {"i", "me", "my", "we", "us", "our"}
EXPLETIVE = {"it", "there"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
WH_START = {"whether", "if", "how", "what", "why", "when", "where", "who", "which"}
PROPOSITION_DEPS = {"acl", "ccomp", "pcomp"}
CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "relcl", "ccomp", "dobj", "attr"}  # links that share a subject
VERBAL = {"VERB", "AUX"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MODIFIER_DEPS = {"poss", "amod", "compound", "nmod"}
PRONOUN_WINDOW = 4  # sentences back in which a pronoun looks for its antecedent
_LABEL = re.compile(r"([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3}) ?: ")
_INTRO = re.compile(r"\s*(?:(?i:an|our|the)\s+)?(?i:exclusive\s+)?(?i:interview\s+with)\s+"
                    r"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})")


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """Reporting verb lemma (or 'lemma particle') -> the pattern it attributes content by."""
    return word_table("speech_verbs.txt")


@lru_cache(maxsize=4)
def _text(doc: SpacyDoc) -> str:
    """The parsed text (spaCy rebuilds `Doc.text` from the tokens on every access)."""
    return doc.text


# ---------------------------------------------------------------- data carried between steps


@dataclass
class _Marked:
    """Text between quotation marks (content only, marks excluded)."""

    start: int
    end: int
    single: bool
    chain: int  # a quote continued over paragraphs: every part shares the chain number


@dataclass
class _Source:
    """Who a statement is attributed to, before the speaker is resolved to an actor."""

    cue: str | None
    anchor: int  # character offset used to order resolution (the cue or the speaker phrase)
    subject: Token | None = None  # head of the speaker phrase
    fixed: tuple[str | None, str | None] | None = None  # (actor, text) known without the parse


@dataclass
class _Cand:
    kind: str
    start: int
    end: int
    source: _Source | None
    chain: int = -1
    nested_ok: bool = True  # False for interview answers: statements inside them stay separate
    speaker: str | None = None
    speaker_text: str | None = None


@dataclass
class _Anchor:
    """A place where a person or body is named, for pronouns and descriptions to point back to."""

    pos: int
    sent: int
    actor: str | None
    person: bool
    salient: bool  # subject of its clause, or a speaker
    words: set[str] = field(default_factory=set)  # description words ("researcher", "analyst")
    surname: str = ""
    multiword: bool = False


# ---------------------------------------------------------------- public API


def extract_quotes(doc: Document, parsed: SpacyDoc, mentions: list[Mention],
                   actors: list[Actor] | None = None) -> list[Quote]:
    """Direct and reported statements in one document, each with its speaker if the text gives one.

    `actors` (the document's actors from the actor stage) tells which mentions are people, for pronouns
    and descriptions to point back to; without it, people are told by the entity tagger and titles."""
    text = doc.text
    paras = _paragraphs(text)
    marked = _marked_spans(text, paras)
    quoted = _quoted_tokens(parsed, marked)
    interview = _interview(text, paras, mentions)
    cands = _direct(parsed, text, marked, quoted, interview)
    cands += _reported(parsed, quoted)
    if interview:
        cands += interview.answers
    cands = _merge(cands, parsed)
    ctx = _Context(parsed, mentions, marked, interview, actors)
    for c in sorted(cands, key=lambda c: c.source.anchor if c.source else c.start):
        if c.source:
            c.speaker, c.speaker_text = ctx.resolve(c.source)
    cands = _drop_nested(cands)
    return [
        Quote(doc.id, c.speaker, c.speaker_text, c.kind, text[c.start:c.end],
              c.source.cue if c.source else None, c.start, c.end)
        for c in sorted(cands, key=lambda c: (c.start, c.end))
    ]


def quotes_by_speaker(quotes: list[Quote]) -> dict[str | None, list[Quote]]:
    """Quotes grouped by speaker id (None for unattributed), in text order within each group."""
    out: dict[str | None, list[Quote]] = defaultdict(list)
    for q in sorted(quotes, key=lambda q: (q.doc, q.start)):
        out[q.speaker].append(q)
    return dict(out)


# ---------------------------------------------------------------- quotation marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines: news text puts one paragraph on a line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _marked_spans(text: str, paras: list[tuple[int, int]]) -> list[_Marked]:
    """Double-mark quotes per paragraph (a paragraph left open continues into one that reopens),
    then single-mark quotes outside them."""
    out: list[_Marked] = []
    chain = 0
    carry = False  # the previous paragraph ended inside a quote
    for ps, pe in paras:
        spans, left_open = _double_in(text, ps, pe)
        for k, (s, e) in enumerate(spans):
            reopens = k == 0 and carry and not text[ps:s - 1].strip()
            if not reopens:
                chain += 1
            out.append(_Marked(s, e, False, chain))
        carry = left_open
    doubles = [(m.start, m.end) for m in out]
    for ps, pe in paras:
        for s, e in _single_in(text, ps, pe, doubles):
            chain += 1
            out.append(_Marked(s, e, True, chain))
    trimmed = [_trimmed(text, m) for m in out]
    return sorted((m for m in trimmed if m.end > m.start), key=lambda m: (m.start, m.end))


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
    i = ps
    while i < pe:
        ch, width = text[i], 2 if text[i:i + 2] in TYPEWRITER_DOUBLE else 1
        if open_at is None and (ch in DOUBLE_OPEN or ch == '"' or width == 2):
            open_at = i + width
        elif open_at is not None and (ch in DOUBLE_CLOSE or ch == '"' or (width == 2 and ch == "'")):
            spans.append((open_at, i))
            open_at = None
        i += width
    if open_at is not None:
        spans.append((open_at, pe))
    return spans, open_at is not None


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


# ---------------------------------------------------------------- interviews


@dataclass
class _Interview:
    name: str | None
    actor: str | None
    start: int  # where questions and answers begin
    answers: list[_Cand] = field(default_factory=list)
    answer_spans: list[tuple[int, int]] = field(default_factory=list)


def _interview(text: str, paras: list[tuple[int, int]], mentions: list[Mention]) -> _Interview | None:
    """A question-and-answer layout: 'Interview with NAME' and/or paragraphs labelled 'NAME:'."""
    labels = {}
    for ps, pe in paras:
        m = _LABEL.match(text, ps)
        if m and m.end() < pe:
            labels[(ps, pe)] = m
    intro = next(((ps, m) for ps, pe in paras[:6] if (m := _INTRO.match(text, ps, pe))), None)
    if intro and not any(text[ps:pe].rstrip().endswith("?") for ps, pe in paras if ps > intro[0]):
        intro = None  # 'Interview with X' and no question after it: not laid out as an interview
    askers = {m.group(1) for (ps, pe), m in labels.items() if text[ps:pe].rstrip().endswith("?")}
    tellers = {m.group(1) for (ps, pe), m in labels.items() if not text[ps:pe].rstrip().endswith("?")}
    if intro is None and not (askers and tellers - askers):
        return None
    if intro:
        name, span = intro[1].group(1), (intro[1].start(1), intro[1].end(1))
    else:
        name = sorted(tellers - askers)[0]
        m = next(m for m in labels.values() if m.group(1) == name)
        span = (m.start(1), m.end(1))
    hit = mention_at(mentions, *span)
    first_qa = min([ps for ps, _ in labels], default=intro[0] if intro else 0)
    if intro and not labels:
        first_qa = next((ps for ps, pe in paras if ps > intro[0]), len(text))
    iv = _Interview(name, hit.actor if hit else None, first_qa)
    for ps, pe in paras:
        if ps < first_qa:
            continue
        label = labels.get((ps, pe))
        body = text[ps:pe].rstrip()
        if body.endswith("?") or (label and not _same_name(label.group(1), name)):
            continue
        start = label.end() if label else ps
        source = _Source("interview answer", start, fixed=(iv.actor, name))
        iv.answers.append(_Cand("indirect", start, ps + len(body), source, nested_ok=False))
        iv.answer_spans.append((start, ps + len(body)))
    return iv


def _same_name(label: str, name: str | None) -> bool:
    if not name:
        return False
    words = set(label.lower().split())
    return bool(words & set(name.lower().split()))


# ---------------------------------------------------------------- direct quotes


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
    _from_previous_sentence([c for c, label in zip(cands, labels, strict=True) if not label], parsed, text)
    return [c for c, label in zip(cands, labels, strict=True) if not label or _has_speaker(c.source)]


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
            if _pattern(anc) and not _negated(anc):
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
        if _speaker_token(tok) is None:
            continue
        dist = min(abs(tok.i - span.start), abs(tok.i - span.end))
        if best is None or dist < best[0]:
            best = (dist, tok)
    return best[1] if best else None


def _according_to(sent: Span, quoted: set[int]) -> _Source | None:
    for tok in sent:
        obj = _according_object(tok)
        if obj is not None and tok.i not in quoted:
            return _Source("according to", tok.idx, subject=obj)
    return None


def _according_object(tok: Token) -> Token | None:
    """The source in 'According to X, ...' or '..., according to X': set off from the clause it qualifies
    ('adapt according to the landscape' is manner, not a source)."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
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


def _previous_sentence(parsed: SpacyDoc, sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    prev = parsed[sent.start - 1].sent
    while prev.start > 0 and not prev.text.strip():
        prev = parsed[prev.start - 1].sent
    return prev if prev.text.strip() else None


# ---------------------------------------------------------------- reporting verbs


def _pattern(tok: Token) -> str | None:
    """The reporting pattern of a verb token, or None when it is not a reporting verb."""
    if tok.pos_ != "VERB":
        return None
    lex = speech_verbs()
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    for c in tok.children:
        phrasal = f"{tok.lemma_.lower()} {c.lower_}"
        if (c.dep_ == "prt" or (c.dep_ == "prep" and c == after)) and phrasal in lex:
            return lex[phrasal]  # 'pointed out', 'called for
    return lex.get(tok.lemma_.lower())


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _passive(tok: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children) and not any(
        c.dep_ == "agent" for c in tok.children)


def _cue_text(verb: Token) -> str:
    """The verb with the adverbs right before it and its particle ('reportedly said', 'pointed out',
    'called for')."""
    words = [verb]
    k = verb.i - 1
    while k >= 0 and verb.doc[k].dep_ == "advmod" and verb.doc[k].head == verb and verb.doc[k].tag_ == "RB":
        words.insert(0, verb.doc[k])
        k -= 1
    lex = speech_verbs()
    words += [c for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "prep" and c.i == verb.i + 1 and f"{verb.lemma_.lower()} {c.lower_}" in lex)]
    return " ".join(w.text for w in words)


def _verb_source(verb: Token) -> _Source:
    subject = _speaker_token(verb)
    anchor = subject.idx if subject is not None else verb.idx
    return _Source(_cue_text(verb), anchor, subject=subject)


def _speaker_token(verb: Token) -> Token | None:
    """Head of the speaker phrase: the verb's subject, the passive agent, or a controller up the tree."""
    found = _subject_up(verb)
    if found is None or "\n" in _text(verb.doc)[min(found.idx, verb.idx):max(found.idx, verb.idx)]:
        return None  # a speaker phrase is in the paragraph of its verb; anything else is a misparse
    if found.like_num or found.lower_ == "one":
        return None
    return found


def _subject_up(verb: Token) -> Token | None:
    own = _own_subject(verb)
    if own is not None and own.lower_ not in EXPLETIVE:
        return own
    cur = verb
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    for _ in range(5):
        if cur.dep_ == "acl" and cur.tag_ == "VBG":
            return cur.head  # 'an explanation claiming ...'
        if cur.dep_ not in CLIMB_DEPS or cur.head == cur:
            return None
        if cur.dep_ == "ccomp" and not _pattern(cur.head):
            return None
        if cur.dep_ in {"dobj", "attr"} and cur.pos_ not in {"NOUN", "PROPN"}:
            return None
        if cur.dep_ == "xcomp" and cur.head.lemma_ == "be":
            return None  # 'the aim is to say ...': the subject of 'be' is not a speaker
        cur = cur.head
        if infinitive:
            benefactive = _for_object(cur)
            if benefactive is not None:
                return benefactive  # 'an opportunity for X to say ...'
        subj = _own_subject(cur)
        if subj is not None and subj.lower_ not in EXPLETIVE:
            if cur.dep_ == "ccomp" and _pattern(cur.head) and not _pattern(cur):
                continue  # 'X said that A ... and hinted that B': skip A's subject, keep climbing to X
            return subj
    return None


def _own_subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "nsubj":
            return c
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _for_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _reported(parsed: SpacyDoc, quoted: set[int]) -> list[_Cand]:
    """Reported speech: content clauses of reporting verbs, and 'according to X, ...'."""
    cands = []
    for tok in parsed:
        if tok.i in quoted:
            continue
        obj = _according_object(tok)
        if obj is not None:
            cand = _according_content(tok, obj)
            if cand:
                cands.append(cand)
            continue
        pattern = _pattern(tok)
        if not pattern or _negated(tok) or _passive(tok) or tok.sent.text.rstrip().endswith("?"):
            continue
        subject = _speaker_token(tok)
        if pattern == "think" and not _person_subject(subject):
            continue
        if subject is None and tok.dep_ == "ROOT" and tok.tag_ == "VB":
            continue  # an imperative ('Note that ...') reports nobody's words
        for start, end in _contents(tok, pattern):
            start, end = _clip_to_paragraph(_text(parsed), tok.idx, start, end)
            if end - start < 3:
                continue
            src = _Source(_cue_text(tok), subject.idx if subject is not None else tok.idx, subject=subject)
            cands.append(_Cand("indirect", start, end, src))
    return cands


def _clip_to_paragraph(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """What a verb reports lies in the verb's paragraph (a parse can run on past a line with no full stop)."""
    ps = text.rfind("\n", 0, at) + 1
    pe = text.find("\n", at)
    pe = len(text) if pe < 0 else pe
    if end <= ps:
        return start, end  # 'X said so': the sentence before, wherever it is
    start, end = max(start, ps), min(end, pe)
    while start < end and text[start] in TRIM and text[start] not in QUOTE_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return _balance(text, start, end)


def _person_subject(subject: Token | None) -> bool:
    """Belief verbs report a statement only when a person holds the belief."""
    if subject is None:
        return False
    if subject.lower_ in MALE | FEMALE:
        return True
    return subject.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in subject.subtree)


def _contents(verb: Token, pattern: str) -> list[tuple[int, int]]:
    """Character spans of what a reporting verb reports."""
    doc = verb.doc
    if any((c.lower_ == "so" and c.dep_ in {"advmod", "dobj"}) or
           (c.lower_ == "much" and any(g.lower_ == "as" for g in c.children)) for c in verb.children):
        prev = _previous_sentence(doc, verb.sent)
        return [_trim_tokens(doc, prev.start, prev.end - 1)] if prev is not None else []
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not _question_clause(c)
               and (pattern != "think" or _finite(c))]  # 'saw him get out' is seeing, not believing
    if clauses:
        return [_clause_span(verb, c) for c in clauses]
    if pattern in {"say", "tell"}:
        clause = _that_clause_below(verb)
        if clause is not None:
            return [_trim_tokens(doc, clause.left_edge.i, clause.right_edge.i)]
    if pattern == "judge":
        return _judged(verb)
    if pattern == "promise":
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if xcomp is not None:
            return [_trim_tokens(doc, xcomp.left_edge.i, xcomp.right_edge.i)]
    if pattern == "demand":
        obj = next((c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "for")),
                   None)
        if obj is not None and len(list(obj.subtree)) > 1:
            start = obj.left_edge.i + (1 if obj.dep_ == "prep" else 0)
            return [_trim_tokens(doc, start, obj.right_edge.i)]
    if pattern == "object":
        span = _object_content(verb)
        if span:
            return [span]
    if verb.dep_ in {"parataxis", "advcl"} and _fronted_report(verb):
        return [_rest_of_clause(verb)]
    return []


def _that_clause_below(verb: Token) -> Token | None:
    """'told a meeting of leaders that ...': a that-clause the parse hung on the verb's object."""
    for c in verb.children:
        if c.dep_ not in {"dobj", "dative", "prep"} or c.i < verb.i:
            continue
        for t in c.subtree:
            if t.dep_ in {"acl", "ccomp", "relcl"} and any(g.dep_ == "mark" and g.lower_ == "that"
                                                           for g in t.children):
                return t
    return None


def _finite(clause: Token) -> bool:
    return clause.tag_ in FINITE_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS
                                             for c in clause.children)


def _question_clause(clause: Token) -> bool:
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in WH_START or any(c.dep_ == "mark" and c.lower_ in {"whether", "if"}
                                           for c in clause.children)


def _clause_span(verb: Token, clause: Token) -> tuple[int, int]:
    """The complement clause, without 'that', without a coordinated report of its own, and from the
    comma after the verb's own phrase when the complement follows it ('as X told Y, out of ...')."""
    doc = verb.doc
    toks = [t for t in clause.subtree]
    stop = next((t.i for t in toks if t.dep_ == "conj" and t.i > clause.i and _pattern(t) and not
                 _own_subject(t) and any(c.dep_ == "ccomp" for c in t.children)), None)
    if stop is not None:
        toks = [t for t in toks if t.i < stop and not (t.dep_ == "cc" and t.head == clause)]
    start, end = toks[0].i, toks[-1].i
    if clause.i > verb.i:
        commas = [t.i for t in doc[verb.i + 1:start] if t.text == ","]
        if commas and all(t.head == verb and t.dep_ in {"prep", "npadvmod", "punct"} or t.head.i > verb.i and
                          t.head.i < start or t.dep_ == "punct" for t in doc[commas[0] + 1:start]):
            start = commas[0] + 1
    return _trim_tokens(doc, start, end)


def _trim_tokens(doc: SpacyDoc, start: int, end: int) -> tuple[int, int]:
    """Char span of tokens start..end (inclusive) without 'that' or punctuation at the edges."""
    while start < end and ((doc[start].is_punct and doc[start].text not in QUOTE_CHARS) or doc[start].is_space
                           or (doc[start].dep_ == "mark" and doc[start].lower_ == "that")):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    s, e = doc[start].idx, doc[end].idx + len(doc[end])
    return _balance(_text(doc), s, e)


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


def _judged(verb: Token) -> list[tuple[int, int]]:
    """'accused Y of ...', 'thanked Y for ...': the reason is what was said."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for c in list(verb.children) + [g for o in objects for g in o.children if g.i > o.i]:
        if c.dep_ == "prep" and c.lower_ in {"of", "for"}:
            kids = [g for g in c.children if g.dep_ in {"pobj", "pcomp"}]
            if kids:
                toks = [t for k in kids for t in k.subtree]
                return [_trim_tokens(verb.doc, min(t.i for t in toks), max(t.i for t in toks))]
    return []


def _object_content(verb: Token) -> tuple[int, int] | None:
    """A direct object that carries a proposition ('alleged genocide as being committed ...',
    'expressed their intention to ...'): from the object to the end of the verb's phrase."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    parts = [obj] + [c for c in verb.children if c.i > obj.i and (
        (c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}) or (c.dep_ == "prep" and c.lower_ == "as"))]
    span_toks = [t for c in parts for t in c.subtree]
    if not any(t.dep_ in PROPOSITION_DEPS and t.pos_ in {"VERB", "AUX"} for t in span_toks):
        return None  # 'raised interest rates', 'expressed support': an object, not something said
    return _trim_tokens(verb.doc, obj.left_edge.i, max(t.i for t in span_toks))


def _fronted_report(verb: Token) -> bool:
    """'as X told Y, ...' or '..., he said, ...': a reporting clause set inside what it reports."""
    if verb.dep_ == "parataxis":
        return True
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _rest_of_clause(verb: Token) -> tuple[int, int]:
    head = verb.head
    own = {t.i for t in verb.subtree}
    toks = [t.i for t in head.subtree if t.i not in own]
    after = [i for i in toks if i > max(own)]
    before = [i for i in toks if i < min(own)]
    subject = _own_subject(head)
    if before and after and subject is not None and subject.i in before:
        return _trim_tokens(verb.doc, before[0], after[-1])  # 'The plan, he argued, would ...': all of it
    part = after if len(after) >= len(before) else before
    return _trim_tokens(verb.doc, part[0], part[-1])


def _according_content(tok: Token, obj: Token) -> _Cand | None:
    """'According to X, ...': the clause it qualifies, unless that clause is a report of its own."""
    head = tok.head
    while head.dep_ not in {"ROOT", "ccomp", "conj"} and head.head != head and head.pos_ not in VERBAL:
        head = head.head
    if _pattern(head) and _contents(head, _pattern(head) or ""):
        return None  # '“...,” Li said, according to a statement': the statement is a channel, Li speaks
    own = {t.i for t in tok.subtree}
    toks = [t.i for t in head.subtree if t.i not in own and not (t.is_punct or t.is_space)]
    after = [i for i in toks if i > max(own)] or toks
    if len(after) < 3:
        return None
    start, end = _trim_tokens(tok.doc, after[0], after[-1])
    return _Cand("indirect", start, end, _Source("according to", tok.idx, subject=obj))


# ---------------------------------------------------------------- merging


def _merge(cands: list[_Cand], parsed: SpacyDoc) -> list[_Cand]:
    """One statement once: a reported span that is only a direct quote (plus words without a verb) gives way
    to the direct quote; the same span found twice is kept once."""
    directs = [c for c in cands if c.kind == "direct"]
    out = list(directs)
    seen = {(c.start, c.end) for c in directs}
    for c in cands:
        if c.kind == "direct" or (c.start, c.end) in seen or c.end - c.start < 3:
            continue
        inner = [d for d in directs if d.start < c.end and d.end > c.start]
        if inner and not _verb_outside(parsed, c, inner):
            for d in inner:
                if d.source is None:
                    d.source = c.source
            continue
        seen.add((c.start, c.end))
        out.append(c)
    return out


def _verb_outside(parsed: SpacyDoc, c: _Cand, inner: list[_Cand]) -> bool:
    span = parsed.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.pos_ in {"VERB", "AUX"} and not any(d.start <= t.idx < d.end for d in inner) for t in span)


def _drop_nested(cands: list[_Cand]) -> list[_Cand]:
    """A report inside a longer statement by the same speaker repeats it (interview answers, mostly)."""
    out = []
    for c in cands:
        covered = any(o is not c and not o.nested_ok and o.speaker == c.speaker and o.start <= c.start and
                      c.end <= o.end and (o.start, o.end) != (c.start, c.end) for o in cands)
        if not covered:
            out.append(c)
    return out


# ---------------------------------------------------------------- speakers


class _Context:
    """What speaker resolution needs: mentions, who counts as a person, and antecedents seen so far."""

    def __init__(self, parsed: SpacyDoc, mentions: list[Mention], marked: list[_Marked],
                 interview: _Interview | None, actors: list[Actor] | None) -> None:
        self.parsed = parsed
        self.mentions = mentions
        self.marked = [(m.start, m.end) for m in marked]
        self.interview = interview
        self.sent_of = {}
        for k, s in enumerate(parsed.sents):
            for t in s:
                self.sent_of[t.i] = k
        self.persons = self._person_actors(actors)
        self.anchors = self._anchors()
        self.gender: dict[str, str] = {}

    def _person_actors(self, actors: list[Actor] | None) -> set[str]:
        """Actor ids that are people: descriptions of role holders, and named actors typed as people by the
        actor stage or, without it, named where the tagger saw a person or right after a title."""
        out = {m.actor for m in self.mentions if m.actor.startswith("role:") or m.kind == "description"}
        if actors is not None:
            return out | {a.id for a in actors if a.type == "person"}
        ents = [(e.start_char, e.end_char) for e in self.parsed.ents if e.label_ == "PERSON"]
        for m in self.mentions:
            span = self.parsed.char_span(m.start, m.end, alignment_mode="expand")
            titled = span is not None and span.start > 0 and self.parsed[span.start - 1].lower_ in titles()
            if m.kind == "name" and (titled or any(s < m.end and e > m.start for s, e in ents)):
                out.add(m.actor)
        return out

    def _anchors(self) -> list[_Anchor]:
        out = []
        for m in self.mentions:
            span = self.parsed.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or any(s <= m.start < e for s, e in self.marked):
                continue
            root = span.root
            salient = root.dep_ in SUBJECT_DEPS or (
                root.dep_ in {"appos", "conj"} and root.head.dep_ in SUBJECT_DEPS)
            out.append(_Anchor(m.start, self.sent_of[span.start], m.actor, m.actor in self.persons, salient,
                               _described_as(root), span[-1].text, len(span) > 1 and m.kind == "name"))
        return sorted(out, key=lambda a: a.pos)

    # -- resolution

    def resolve(self, source: _Source) -> tuple[str | None, str | None]:
        if source.fixed is not None:
            return source.fixed
        tok = source.subject
        if tok is None:
            return None, None
        actor, text = self._phrase(tok)
        person = actor in self.persons if actor is not None else _person_phrase(tok)
        if actor is not None or person:
            # a speaker is what later pronouns point back to, even one the actors do not name
            self.anchors.append(_Anchor(tok.idx, self.sent_of[tok.i], actor, person, True))
            self.anchors.sort(key=lambda a: a.pos)
        return actor, text

    def _phrase(self, tok: Token) -> tuple[str | None, str]:
        low = tok.lower_
        if tok.pos_ == "PRON" or low in MALE | FEMALE | GROUP | FIRST:
            return self._pronoun(tok), tok.text
        text = _phrase_text(tok)
        conjuncts = [tok] + [c for c in tok.children if c.dep_ == "conj"]
        if len(conjuncts) > 1:
            actors = {self._head_actor(c) for c in conjuncts} - {None}
            return (actors.pop() if len(actors) == 1 else None), text  # several speakers: no one actor
        return self._head_actor(tok), text

    def _head_actor(self, tok: Token) -> str | None:
        covering = [m for m in self.mentions if m.start <= tok.idx < m.end]
        if covering:
            persons = [m for m in covering if m.actor in self.persons]
            return max(persons or covering, key=lambda m: m.end - m.start).actor
        if tok.pos_ == "PRON":
            return self._pronoun(tok)
        named = self._named_beside(tok)
        if named is not None:
            return named
        if self._unnamed_person(tok):
            return None  # a person the actor stage did not name, not the body in the title
        described = self._by_description(tok)
        if described is not None:
            return described
        return self._modifier_actor(tok)

    def _unnamed_person(self, tok: Token) -> bool:
        """'Commissioner for Oceans Marta Vellinga' with no mention of her: a name the tagger or the
        actor stage missed is still a person's name."""
        for t in _phrase_tokens(tok):
            named = t.ent_type_ == "PERSON" or (t.i > tok.i and t.pos_ == "PROPN")
            if named and not any(m.start <= t.idx < m.end for m in self.mentions):
                return True
        return False

    def _named_beside(self, tok: Token) -> str | None:
        """A title with the name next to it ('Prime Minister Fumio Kishida' parsed with the title as head),
        or a surname that names a person met earlier in full."""
        for c in tok.children:
            if c.dep_ in {"appos", "compound", "flat"} and c.i > tok.i:
                hit = self._mention_over(c, person=True)
                if hit is not None:
                    return hit.actor
        if tok.pos_ == "PROPN":
            for a in reversed(self.anchors):
                if a.pos < tok.idx and a.surname == tok.text and a.multiword:
                    return a.actor
        return None

    def _modifier_actor(self, tok: Token) -> str | None:
        """'Uzbekistan's representative', 'Chinese diplomacy': the body an office or envoy speaks for."""
        found = set()
        for c in tok.children:
            if c.dep_ not in MODIFIER_DEPS:
                continue
            for part in [c] + [g for g in c.children if g.dep_ == "conj"]:
                hit = self._mention_over(part, person=False)
                if hit is not None:
                    found.add(hit.actor)
        return found.pop() if len(found) == 1 else None

    def _mention_over(self, tok: Token, person: bool) -> Mention | None:
        return next((m for m in self.mentions
                     if m.start <= tok.idx < m.end and (m.actor in self.persons) == person), None)

    def _by_description(self, tok: Token) -> str | None:
        """'the researcher' -> the latest person introduced as a researcher."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        word = tok.lemma_.lower()
        for a in reversed(self.anchors):
            if a.pos < tok.idx and a.person and word in a.words:
                return a.actor
        return None

    def _pronoun(self, tok: Token) -> str | None:
        low = tok.lower_
        if low in FIRST:
            iv = self.interview
            if iv and any(s <= tok.idx < e for s, e in iv.answer_spans):
                return iv.actor
            return None
        sent = self.sent_of[tok.i]
        near = [a for a in self.anchors if a.pos < tok.idx and sent - a.sent <= PRONOUN_WINDOW]
        if low in GROUP:
            groups = [a for a in near if not a.person and a.actor]
            if not groups:
                return None
            last = groups[-1]
            return None if low in {"they", "them", "their"} and self._coordinated(last) else last.actor
        want = "m" if low in MALE else "f"
        people = [a for a in near if a.person and (a.actor is None or self.gender.get(a.actor, want) == want)]
        pick = next((a for a in reversed(people) if a.salient), None)
        if pick is None and people:
            pick = people[-1]  # no subject or speaker to follow: the last person named
        if pick is None or pick.actor is None:
            return None
        self.gender.setdefault(pick.actor, want)
        return pick.actor

    def _coordinated(self, anchor: _Anchor) -> bool:
        """'Russia and China ... their leaders': a plural pronoun for several bodies names no single one."""
        span = self.parsed.char_span(anchor.pos, anchor.pos + 1, alignment_mode="expand")
        if span is None:
            return False
        root = span[0]
        while root.dep_ == "compound":
            root = root.head
        return root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)


def _phrase_tokens(tok: Token) -> list[Token]:
    """The speaker phrase as written: modifiers, the head, coordinated heads, a name set right after a
    title ('Prime Minister Fumio Kishida') and the title's own 'for'/'of' phrase ('Commissioner for Oceans
    Marta Vellinga'), without appositions set off by commas and within the head's paragraph."""
    doc = tok.doc
    right = tok.i
    for c in tok.children:
        if c.i < tok.i or any(t.is_punct for t in doc[tok.i + 1:c.left_edge.i]):
            continue
        if c.dep_ == "conj":
            right = max(right, c.i)
        elif c.dep_ in {"appos", "compound", "flat"} or (
                c.dep_ == "prep" and c.lower_ in {"for", "of"} and tok.lower_ in titles()):
            right = max(right, c.right_edge.i)
    left = tok.left_edge.i
    while left < tok.i and (doc[left].is_punct or doc[left].is_space or
                            "\n" in _text(doc)[doc[left].idx:tok.idx]):
        left += 1
    return list(doc[left:right + 1])


def _phrase_text(tok: Token) -> str:
    toks = _phrase_tokens(tok)
    return tok.doc[toks[0].i:toks[-1].i + 1].text


def _person_phrase(tok: Token) -> bool:
    """A speaker phrase about a person: a personal name or a title ('the spokesman', 'a senior official')."""
    return tok.lower_ in titles() or tok.lower_ in MALE | FEMALE or any(
        t.ent_type_ == "PERSON" for t in _phrase_tokens(tok))


def _described_as(root: Token) -> set[str]:
    """Words a person is introduced with: 'researcher Niva Yau', 'Niva Yau, a senior researcher at ...'."""
    words = {c.lemma_.lower() for c in root.children
             if c.dep_ in {"compound", "amod"} and c.ent_type_ != "PERSON"}
    for c in root.children:
        if c.dep_ == "appos":
            words.add(c.lemma_.lower())
            words |= {g.lemma_.lower() for g in c.children if g.dep_ in {"compound", "amod"}}
    return words
