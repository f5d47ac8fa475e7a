"""Speakers: the speaker phrase of a statement resolved to an actor.

The phrase's head decides: a mention over it, a title with the name beside it, a surname met before in full,
a pronoun or a description through the coreference resolver (`newsgraph.coref`), or the body an office speaks
for ("Uzbekistan's representative"). Several speakers named together ("Xi and Putin", "Chinese and Russian
diplomats") are one joint speaker, with an id made of theirs (see `joint_id`).
"""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsgraph.actors import titles
from newsgraph.coref import FEMALE, FIRST_PERSON, MALE, NEUTER, PLURAL, Resolver
from newsgraph.model import Actor, Mention
from newsgraph.nlp import text_of
from newsgraph.quotes.base import _Source
from newsgraph.quotes.interviews import _Interview
from newsgraph.quotes.marks import _Marked

MODIFIER_DEPS = {"poss", "amod", "compound", "nmod"}
JOINT_SEPARATOR = "+"


def joint_id(actors: set[str]) -> str:
    """The id of a joint speaker: its members' ids, sorted, joined by '+'."""
    return JOINT_SEPARATOR.join(sorted(actors))


class _Context:
    """What speaker resolution needs: the mentions, the coreference resolver and the interview, if any."""

    def __init__(self, parsed: SpacyDoc, mentions: list[Mention], marked: list[_Marked],
                 interview: _Interview | None, actors: list[Actor] | None) -> None:
        self.parsed = parsed
        self.mentions = mentions
        self.interview = interview
        self.coref = Resolver(parsed, mentions, actors, exclude=[(m.start, m.end) for m in marked])

    def resolve(self, source: _Source) -> tuple[str | None, str | None]:
        if source.fixed is not None:
            return source.fixed
        tok = source.subject
        if tok is None:
            return None, None
        actor, text = self._phrase(tok)
        person = self.coref.is_person(actor) if actor is not None else _person_phrase(tok)
        if actor is not None or person:
            # a speaker is what later pronouns point back to, even one the actors do not name
            self.coref.add(tok, actor if actor is None or JOINT_SEPARATOR not in actor else None, person)
        return actor, text

    def _phrase(self, tok: Token) -> tuple[str | None, str]:
        low = tok.lower_
        if tok.pos_ == "PRON" or low in MALE | FEMALE | PLURAL | NEUTER | FIRST_PERSON:
            return self._pronoun(tok), tok.text
        text = _phrase_text(tok)
        conjuncts = [tok] + [c for c in tok.children if c.dep_ == "conj"]
        if len(conjuncts) > 1:
            actors = {self._head_actor(c) for c in conjuncts}
            if None in actors:
                return None, text  # someone the actors do not name is among the speakers
            return (actors.pop() if len(actors) == 1 else joint_id(actors)), text  # type: ignore[arg-type]
        return self._head_actor(tok), text

    def _head_actor(self, tok: Token) -> str | None:
        hit = self.coref.mention_over(tok)
        if hit is not None:
            return hit.actor
        if tok.pos_ == "PRON":
            return self._pronoun(tok)
        named = self._named_beside(tok)
        if named is not None:
            return named
        if self._unnamed_person(tok):
            return None  # a person the actor stage did not name, not the body in the title
        described = self.coref.description(tok)
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
        return self.coref.same_surname(tok) if tok.pos_ == "PROPN" else None

    def _modifier_actor(self, tok: Token) -> str | None:
        """'Uzbekistan's representative', 'Chinese diplomacy': the body an office or envoy speaks for;
        'Chinese and Russian diplomats', 'their leaders' (after 'Russia and China'): several bodies jointly."""
        found: set[str] = set()
        for c in tok.children:
            if c.dep_ not in MODIFIER_DEPS:
                continue
            if c.lower_ in PLURAL:
                found |= self._coordinated_bodies(c)
                continue
            for part in [c] + [g for g in c.children if g.dep_ == "conj"]:
                hit = self._mention_over(part, person=False)
                if hit is not None:
                    found.add(hit.actor)
        if not found:
            return None
        return found.pop() if len(found) == 1 else joint_id(found)

    def _coordinated_bodies(self, tok: Token) -> set[str]:
        """'their' after 'Russia and China are partners': the bodies named together in the nearest subject."""
        pick = self.coref.closest(tok, lambda a: not a.person and a.actor is not None)
        if pick is None or not pick.coordinated:
            return set()
        span = self.parsed.char_span(pick.start, pick.end, alignment_mode="expand")
        if span is None:
            return set()
        root = span.root
        head = root.head if root.dep_ == "conj" else root
        while head.dep_ == "conj":
            head = head.head
        members, stack = [head], [head]
        while stack:
            for c in stack.pop().children:
                if c.dep_ == "conj":
                    members.append(c)
                    stack.append(c)
        found = {h.actor for t in members if (h := self._mention_over(t, person=False)) is not None}
        return found if len(found) > 1 else set()

    def _mention_over(self, tok: Token, person: bool) -> Mention | None:
        return next((m for m in self.mentions
                     if m.start <= tok.idx < m.end and self.coref.is_person(m.actor) == person), None)

    def _pronoun(self, tok: Token) -> str | None:
        if tok.lower_ in FIRST_PERSON:
            iv = self.interview
            if iv and any(s <= tok.idx < e for s, e in iv.answer_spans):
                return iv.actor
            return None
        return self.coref.pronoun(tok)


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
                            "\n" in text_of(doc)[doc[left].idx:tok.idx]):
        left += 1
    return list(doc[left:right + 1])


def _phrase_text(tok: Token) -> str:
    toks = _phrase_tokens(tok)
    return tok.doc[toks[0].i:toks[-1].i + 1].text


def _phrase_span(tok: Token) -> tuple[int, int]:
    """Character span of the speaker phrase."""
    toks = _phrase_tokens(tok)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _person_phrase(tok: Token) -> bool:
    """A speaker phrase about a person: a personal name or a title ('the spokesman', 'a senior official')."""
    return tok.lower_ in titles() or tok.lower_ in MALE | FEMALE or any(
        t.ent_type_ == "PERSON" for t in _phrase_tokens(tok))
