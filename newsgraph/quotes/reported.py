"""Reported speech: what a reporting verb's clause, object or 'for'/'of' phrase says, and 'according to X, ...'."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsgraph.coref import FEMALE, MALE
from newsgraph.nlp import text_of, token_list
from newsgraph.quotes.base import (
    FINITE_TAGS,
    QUOTE_CHARS,
    TRIM,
    VERBAL,
    _balance,
    _Cand,
    _previous_sentence,
    _Source,
    _trim_tokens,
)
from newsgraph.quotes.direct import _according_object
from newsgraph.quotes.verbs import _cue_text, _negated, _own_subject, _passive, _pattern, _speaker_token

WH_START = {"whether", "if", "how", "what", "why", "when", "where", "who", "which"}
PROPOSITION_DEPS = {"acl", "ccomp", "pcomp"}


def _reported(parsed: SpacyDoc, quoted: set[int]) -> list[_Cand]:
    """Reported speech: content clauses of reporting verbs, and 'according to X, ...'."""
    cands = []
    for tok in token_list(parsed):
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
        src = _Source(_cue_text(tok), subject.idx if subject is not None else tok.idx, subject=subject,
                      cue_at=tok.idx)
        for span in _contents(tok, pattern):
            for start, end in _around_cue(tok, subject, *span):
                start, end = _clip_to_paragraph(text_of(parsed), tok.idx, start, end, _says_so(tok))
                if end - start >= 3:
                    cands.append(_Cand("indirect", start, end, src))
    return cands


def _around_cue(verb: Token, subject: Token | None, start: int, end: int) -> list[tuple[int, int]]:
    """A content span never holds its own cue and speaker: when a misparse puts them inside it ('Hopefully,'
    the president said, 'this museum ...'), the words on either side are the content."""
    if not start <= verb.idx < end:
        return [(start, end)]
    doc = verb.doc
    lo = min(verb.i, subject.left_edge.i if subject is not None else verb.i)
    hi = max(verb.i, subject.right_edge.i if subject is not None else verb.i)
    out = []
    for s, e in ((start, doc[lo].idx), (doc[hi].idx + len(doc[hi]), end)):
        while s < e and text_of(doc)[s] in TRIM and text_of(doc)[s] not in QUOTE_CHARS:
            s += 1
        while e > s and text_of(doc)[e - 1] in TRIM and text_of(doc)[e - 1] not in QUOTE_CHARS:
            e -= 1
        if e > s:
            out.append(_balance(text_of(doc), s, e))
    return out


def _says_so(verb: Token) -> bool:
    """'X said so', 'X said as much': the report is the sentence before."""
    return any((c.lower_ == "so" and c.dep_ in {"advmod", "dobj"}) or
               (c.lower_ == "much" and any(g.lower_ == "as" for g in c.children)) for c in verb.children)


def _clip_to_paragraph(text: str, at: int, start: int, end: int, so: bool = False) -> tuple[int, int]:
    """What a verb reports lies in the verb's paragraph (a parse can run on past a line with no full stop),
    except for 'X said so', which reports the sentence before, wherever it is."""
    ps = text.rfind("\n", 0, at) + 1
    pe = text.find("\n", at)
    pe = len(text) if pe < 0 else pe
    if so:
        return start, end
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
    if _says_so(verb):
        prev = _previous_sentence(doc, verb.sent)
        return [_trim_tokens(doc, prev.start, prev.end - 1)] if prev is not None else []
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and (pattern == "ask" or not _question_clause(c))
               and (pattern != "think" or _finite(c))]  # 'saw him get out' is seeing, not believing
    if clauses:
        return _fronted(verb, clauses[0]) + [_clause_span(verb, c) for c in clauses]
    if pattern in {"say", "tell"}:
        clause = _that_clause_below(verb)
        if clause is not None:
            return [_trim_tokens(doc, clause.left_edge.i, clause.right_edge.i)]
    if pattern == "judge":
        return _judged(verb)
    if pattern in {"promise", "ask"}:
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
        return _rest_of_clause(verb)
    return []


def _fronted(verb: Token, clause: Token) -> list[tuple[int, int]]:
    """'In law school, she said, professors would dismiss her': a phrase set before a parenthetical cue
    belongs to what is reported, though the parser hangs it on the cue."""
    subject = _own_subject(verb)
    if subject is None or clause.i < verb.i or subject.i > verb.i:
        return []
    doc = verb.doc
    after_verb = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after_verb is None or after_verb.text != ",":
        return []
    front = [c for c in verb.children
             if c.i < subject.left_edge.i and c.dep_ in {"prep", "advcl", "npadvmod", "advmod"}]
    if not front:
        return []
    start, end = front[0].left_edge.i, front[-1].right_edge.i
    between = doc[end + 1:subject.left_edge.i]
    if not any(t.text == "," for t in between) or not any(t.is_alpha for t in doc[start:end + 1]):
        return []
    return [_trim_tokens(doc, start, end)]


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
    """The complement clause, without 'that', without a report of its own joined to it ('and warned ...',
    ', arguing that ...'), and from the
    comma after the verb's own phrase when the complement follows it ('as X told Y, out of ...')."""
    doc = verb.doc
    toks = [t for t in clause.subtree]
    stop = next((t.i for t in toks if t.i > clause.i and _pattern(t) and not _own_subject(t) and (
        t.dep_ == "conj" or (t.dep_ == "advcl" and t.tag_ == "VBG"))), None)  # '..., arguing that ...'
    if stop is not None:
        stop = doc[stop].left_edge.i
        toks = [t for t in toks if t.i < stop and not (t.dep_ == "cc" and t.head == clause)]
    start, end = toks[0].i, toks[-1].i
    if clause.i > verb.i:
        commas = [t.i for t in doc[verb.i + 1:start] if t.text == ","]
        if commas and all(t.head == verb and t.dep_ in {"prep", "npadvmod", "punct"} or t.head.i > verb.i and
                          t.head.i < start or t.dep_ == "punct" for t in doc[commas[0] + 1:start]):
            start = commas[0] + 1
    return _trim_tokens(doc, start, end)


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


def _rest_of_clause(verb: Token) -> list[tuple[int, int]]:
    """What a parenthetical report ('The plan, he argued, would ...', '..., she said') reports: the words of
    its clause on either side of it, as one span each."""
    head = verb.head
    own = {t.i for t in verb.subtree}
    toks = [t.i for t in head.subtree if t.i not in own and not (verb.doc[t.i].is_punct or verb.doc[t.i].is_space)]
    after = [i for i in toks if i > max(own)]
    before = [i for i in toks if i < min(own)]
    return [_trim_tokens(verb.doc, part[0], part[-1]) for part in (before, after) if part]


def _according_content(tok: Token, obj: Token) -> _Cand | None:
    """'According to X, ...': the clause it qualifies, unless that clause is a report of its own."""
    if tok.dep_ == "ROOT":  # a misparse made the phrase the sentence's root: the rest of the sentence
        toks = [t.i for t in tok.sent if t.i > obj.right_edge.i and not (t.is_punct or t.is_space)]
        return _according_cand(tok, obj, toks)
    head = tok.head
    while head.dep_ not in {"ROOT", "conj"} and head.head != head and not (head.pos_ in VERBAL and _pattern(head)):
        head = head.head  # the whole clause it qualifies ('X would see incomes go up, according to Y')
    if head is tok.head and _pattern(head) and _contents(head, _pattern(head) or ""):
        return None  # '“...,” Li said, according to a statement': the statement is a channel, Li speaks
    own = {t.i for t in tok.subtree}
    toks = [t.i for t in head.subtree if t.i not in own and not (t.is_punct or t.is_space)]
    return _according_cand(tok, obj, [i for i in toks if i > max(own)] or toks)


def _according_cand(tok: Token, obj: Token, toks: list[int]) -> _Cand | None:
    if len(toks) < 3:
        return None
    start, end = _trim_tokens(tok.doc, toks[0], toks[-1])
    return _Cand("indirect", start, end, _Source("according to", tok.idx, subject=obj, cue_at=tok.idx))
