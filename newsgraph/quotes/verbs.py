"""Reporting verbs: the lexicon, the pattern each verb reports by, its cue text and its speaker phrase."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.gazetteer import word_table
from newsgraph.nlp import text_of
from newsgraph.quotes.base import _Source

EXPLETIVE = {"it", "there"}
CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "relcl", "ccomp", "dobj", "attr"}  # links that share a subject


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """Reporting verb lemma (or 'lemma particle') -> the pattern it attributes content by."""
    return word_table("speech_verbs.txt")


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
    return _Source(_cue_text(verb), anchor, subject=subject, cue_at=verb.idx)


def _speaker_token(verb: Token) -> Token | None:
    """Head of the speaker phrase: the verb's subject, the passive agent, or a controller up the tree."""
    found = _subject_up(verb)
    if found is None or "\n" in text_of(verb.doc)[min(found.idx, verb.idx):max(found.idx, verb.idx)]:
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
