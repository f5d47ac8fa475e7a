"""Rule-based coreference over a spaCy parse: which actor a pronoun or a description points back to.

News names a person in full once and then says "he", "the senator" or "Clinton"; every stage that attaches
facts to actors (speakers of quotes, sources of events) needs those words resolved. Learned resolvers need
model downloads, which this project does not make, so this one works from the parse and the actor mentions:

- Antecedents are the actor mentions (names, descriptions, acronyms, metonyms) in text order, outside any
  ranges the caller excludes (quoted text), plus antecedents a later stage adds (a speaker it resolved).
  People the entity tagger saw but no mention names are antecedents without an actor: a pronoun that points
  to one of them resolves to no one rather than to the wrong person.
- Gender comes from the text, never from a list of first names: gendered titles and nouns next to a name
  ("Mrs. Clinton", "spokeswoman Jane Doe", data/gender_words.tsv), possessives and reflexives bound in the
  name's own clause ("Clinton and her aides"), and the first pronoun resolved to the person.
- Number: "they" and "it" point to bodies (states, organizations, groups), never to one person; "they" does
  not resolve to one of several coordinated bodies.
- Ranking: the closest compatible antecedent in sentences, with subjects and speakers preferred, within a few
  sentences and at a cost for each paragraph boundary crossed.

API (small on purpose):

    resolver = Resolver(parsed, mentions, actors)   # once per document
    resolver.resolve(token)        # actor id of a name, description or pronoun token, or None
    resolver.add(token, actor, person)   # a new antecedent, e.g. a speaker a quote stage resolved
    resolver.closest(token, fits)  # the best-ranked antecedent that passes a test of the caller's
    pronoun_mentions(parsed, mentions, actors)   # every resolved pronoun and description, as Mentions
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsgraph.actors import titles
from newsgraph.gazetteer import load_gazetteer, word_table
from newsgraph.model import Actor, Mention
from newsgraph.nlp import entities, sentence_numbers, text_of, token_list

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
THIRD_PERSON = MALE | FEMALE | PLURAL | NEUTER
BOUND = frozenset({"his", "her", "himself", "herself"})  # possessives and reflexives, bound in their clause
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NEWLINE = re.compile("\n")
WINDOW = 4  # sentences back in which a pronoun looks for its antecedent
PARAGRAPH_COST = 0.5  # an antecedent across a paragraph boundary counts as this much further away
NON_SUBJECT_COST = 1.0  # an antecedent that is not a subject or speaker counts as this much further away
UNKNOWN_GENDER_COST = 1.0  # a person whose gender the text has not told counts as this much further away
SINGULAR_COST = 1.5  # 'they' pointing to a body named in the singular ('Kuwait') counts as this much further away
STATE_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})  # 'the country' stands for a state named before
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lady", "lord"})


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Lower-case words that tell a person's gender: 'm' or 'f'."""
    return word_table("gender_words.tsv")


@dataclass
class Antecedent:
    """A place where a person or body is named, for later pronouns and descriptions to point back to."""

    start: int  # character offsets of the mention
    end: int
    sent: int  # sentence index
    para: int  # paragraph index (paragraphs are lines)
    actor: str | None  # None for a person the actor stage did not name (pronouns then resolve to no one)
    person: bool
    salient: bool  # subject of its clause, or a speaker
    words: set[str] = field(default_factory=set)  # description words ("researcher", "nominee")
    surname: str = ""
    multiword: bool = False
    coordinated: bool = False  # one of several bodies named together ('Russia and China')
    plural: bool = False  # named in the plural ('Iraqi diplomats', 'the rebels'), which 'they' prefers


def _covering(parsed: SpacyDoc, mentions: list[Mention]) -> dict[int, list[Mention]]:
    """Token index -> the mentions whose span holds the token's first character."""
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        span = parsed.char_span(m.start, m.end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if m.start <= tok.idx < m.end:
                out.setdefault(tok.i, []).append(m)
    return out


class Resolver:
    """Coreference for one parsed document (see the module docstring for the rules)."""

    def __init__(self, parsed: SpacyDoc, mentions: list[Mention], actors: list[Actor] | None = None,
                 exclude: list[tuple[int, int]] | None = None) -> None:
        self.parsed = parsed
        self.mentions = mentions
        self.exclude = exclude or []
        self.sent_of = sentence_numbers(parsed)  # token index -> sentence index
        self.para_starts = [0] + [m.end() for m in NEWLINE.finditer(text_of(parsed))]
        self._covering = _covering(parsed, mentions)
        self.persons = _person_actors(parsed, mentions, actors)
        self.gender: dict[str, str] = {}
        self.antecedents = self._antecedents()
        self._learn_gender()

    # -- public

    def is_person(self, actor: str | None) -> bool:
        return actor is not None and actor in self.persons

    def resolve(self, tok: Token) -> str | None:
        """The actor a token refers to: a mention over it, else a pronoun's or a description's antecedent."""
        hit = self.mention_over(tok)
        if hit is not None:
            return hit.actor
        low = tok.lower_
        if low in THIRD_PERSON:
            return self.pronoun(tok)
        if tok.pos_ in {"NOUN", "PROPN"}:
            return self.description(tok)
        return None

    def mention_over(self, tok: Token) -> Mention | None:
        """The longest mention covering a token, a person's preferred."""
        covering = self._covering.get(tok.i)
        if not covering:
            return None
        persons = [m for m in covering if m.actor in self.persons]
        return max(persons or covering, key=lambda m: m.end - m.start)

    def add(self, tok: Token, actor: str | None, person: bool) -> None:
        """A new salient antecedent at a token (a speaker resolved by a later stage)."""
        self.antecedents.append(Antecedent(tok.idx, tok.idx + len(tok), self.sent_of[tok.i], self._para(tok.idx),
                                           actor, person, True))
        self.antecedents.sort(key=lambda a: a.start)

    def pronoun(self, tok: Token) -> str | None:
        """A third-person pronoun's antecedent: the closest compatible one, subjects preferred."""
        low = tok.lower_
        if low in FIRST_PERSON:
            return None
        if low in PLURAL or low in NEUTER:  # 'they' leans to bodies named in the plural ('Iraqi diplomats')
            pick = self.closest(tok, lambda a: not a.person and a.actor is not None,
                                (lambda a: 0.0 if a.plural else SINGULAR_COST) if low in PLURAL else None)
            if pick is None or (low in PLURAL and pick.coordinated):
                return None  # 'Russia and China ... their': several bodies are no single actor
            return pick.actor
        want = "m" if low in MALE else "f" if low in FEMALE else None
        if want is None:
            return None
        pick = self.closest(tok, lambda a: a.person and (a.actor is None or self.gender.get(a.actor, want) == want),
                            lambda a: 0.0 if a.actor in self.gender else UNKNOWN_GENDER_COST)
        if pick is None or pick.actor is None:
            return None
        self.gender.setdefault(pick.actor, want)  # the first pronoun that points to a person tells the gender
        return pick.actor

    def description(self, tok: Token) -> str | None:
        """'the researcher', 'the Republican nominee': the latest person introduced with that word; 'the
        country', 'the kingdom': the closest state named before."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children):
            return None
        word = tok.lemma_.lower()
        if word in STATE_NOUNS and not any(c.dep_ in {"amod", "compound", "prep"} for c in tok.children):
            entries = load_gazetteer().entries  # not 'the neighbouring country', 'the country of X'
            pick = self.closest(tok, lambda a: a.actor in entries and entries[a.actor].type == "country")
            return pick.actor if pick is not None else None
        for a in reversed(self.antecedents):
            if a.start < tok.idx and a.person and a.actor and word in a.words:
                return a.actor
        return None

    def same_surname(self, tok: Token) -> str | None:
        """A bare surname that names a person met earlier in full."""
        for a in reversed(self.antecedents):
            if a.start < tok.idx and a.surname == tok.text and a.multiword:
                return a.actor
        return None

    # -- building

    def _para(self, pos: int) -> int:
        lo, hi = 0, len(self.para_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.para_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _antecedents(self) -> list[Antecedent]:
        out = []
        for m in self.mentions:
            span = self.parsed.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or any(s <= m.start < e for s, e in self.exclude):
                continue
            root = span.root
            salient = root.dep_ in SUBJECT_DEPS or (root.dep_ in {"appos", "conj"} and root.head.dep_ in SUBJECT_DEPS)
            coordinated = root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)
            plural = root.tag_ in {"NNS", "NNPS"} or (root.dep_ in {"amod", "compound"} and root.head.tag_ == "NNS")
            out.append(Antecedent(m.start, m.end, self.sent_of[span.start], self._para(m.start), m.actor,
                                  m.actor in self.persons, salient, described_as(root), span[-1].text,
                                  len(span) > 1 and m.kind == "name", coordinated, plural))
        for ent in entities(self.parsed):  # a person the actor stage left unnamed still blocks a wrong antecedent
            if ent.label_ != "PERSON" or any(m.start < ent.end_char and ent.start_char < m.end for m in self.mentions):
                continue
            if any(s <= ent.start_char < e for s, e in self.exclude):
                continue
            out.append(Antecedent(ent.start_char, ent.end_char, self.sent_of[ent.start], self._para(ent.start_char),
                                  None, True, ent.root.dep_ in SUBJECT_DEPS))
        return sorted(out, key=lambda a: a.start)

    def _learn_gender(self) -> None:
        """Gender from gendered words next to a name, and from possessives bound in the name's clause."""
        table = gender_words()
        for a in self.antecedents:
            if not a.person or a.actor is None or a.actor in self.gender:
                continue
            span = self.parsed.char_span(a.start, a.end, alignment_mode="expand")
            if span is None:
                continue
            near = [span.doc[span.start - 1]] if span.start > 0 else []
            near += [t for t in span] + list(span.root.children)
            said = {table[w] for w in {t.lower_ for t in near} | a.words if w in table}
            if len(said) == 1:
                self.gender[a.actor] = said.pop()
        for tok in token_list(self.parsed):
            if tok.lower_ not in BOUND:
                continue
            sent = tok.sent
            people = [a for a in self.antecedents if a.person and a.actor and sent.start_char <= a.start < tok.idx]
            if len({a.actor for a in people}) == 1 and people[0].salient and people[0].actor not in self.gender:
                self.gender[people[0].actor] = "m" if tok.lower_ in MALE else "f"

    # -- ranking

    def closest(self, tok: Token, fits: Callable[[Antecedent], bool],
                extra: Callable[[Antecedent], float] | None = None) -> Antecedent | None:
        """The best-ranked antecedent before a token among those that fit (`extra` adds to an antecedent's
        distance)."""
        sent, para = self.sent_of[tok.i], self._para(tok.idx)
        best: tuple[float, int, Antecedent] | None = None
        for a in self.antecedents:
            if a.start >= tok.idx:
                break
            if sent - a.sent > WINDOW or not fits(a) or self._same_clause_object(tok, a):
                continue
            cost = (sent - a.sent) + PARAGRAPH_COST * (para - a.para) + (0 if a.salient else NON_SUBJECT_COST)
            cost += extra(a) if extra is not None else 0.0
            if best is None or cost < best[0] or (cost == best[0] and a.start > best[1]):
                best = (cost, a.start, a)
        return best[2] if best else None

    def _same_clause_object(self, tok: Token, a: Antecedent) -> bool:
        """'Biden praised him': an object pronoun is not the subject of its own verb, wherever else that
        subject is named."""
        if tok.dep_ not in {"dobj", "pobj", "dative"} or tok.lower_ in BOUND:
            return False
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        for c in verb.children:
            if c.dep_ not in SUBJECT_DEPS:
                continue
            hit = self.mention_over(c)
            if c.idx <= a.start < c.idx + len(c) or (hit is not None and hit.actor == a.actor):
                return True
        return False


def described_as(root: Token) -> set[str]:
    """Words a person is introduced with: 'researcher Niva Yau', 'Niva Yau, a senior researcher at ...',
    'Republican nominee Donald Trump'."""
    words = {c.lemma_.lower() for c in root.children if c.dep_ in {"compound", "amod"} and c.ent_type_ != "PERSON"}
    for c in root.children:
        if c.dep_ == "appos":
            words.add(c.lemma_.lower())
            words |= {g.lemma_.lower() for g in c.children if g.dep_ in {"compound", "amod"}}
    return words


def _person_actors(parsed: SpacyDoc, mentions: list[Mention], actors: list[Actor] | None) -> set[str]:
    """Actor ids that are people: role descriptions, names after an honorific, and named actors typed as
    people by the actor stage or, without it, named where the tagger saw a person or right after a title."""
    out = {m.actor for m in mentions if m.actor.startswith("role:") or m.kind == "description"}
    for m in mentions:  # 'Mrs. Clinton', 'Dr. Lee': an honorific names a person, whatever else the name is
        span = parsed.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.start > 0 and parsed[span.start - 1].lower_ in HONORIFICS:
            out.add(m.actor)
    if actors is not None:
        return out | {a.id for a in actors if a.type == "person"}
    ents = [(e.start_char, e.end_char) for e in entities(parsed) if e.label_ == "PERSON"]
    for m in mentions:
        span = parsed.char_span(m.start, m.end, alignment_mode="expand")
        titled = span is not None and span.start > 0 and parsed[span.start - 1].lower_ in titles()
        if m.kind == "name" and (titled or any(s < m.end and e > m.start for s, e in ents)):
            out.add(m.actor)
    return out


def pronoun_mentions(parsed: SpacyDoc, mentions: list[Mention], actors: list[Actor] | None = None,
                     doc_id: str | None = None, descriptions: bool = True, states: bool = False) -> list[Mention]:
    """Every third-person pronoun and (unless `descriptions` is false) 'the <word>' description that resolves to
    an actor, as a Mention of kind 'pronoun' or 'description', for stages that attach facts to actors; with
    `states`, 'the country's' and its like even without other descriptions (whose a thing is, not where)."""
    resolver = Resolver(parsed, mentions, actors)
    doc = doc_id if doc_id is not None else (mentions[0].doc if mentions else "")
    out = []
    for tok in token_list(parsed):
        if resolver.mention_over(tok) is not None:
            continue
        if tok.lower_ in THIRD_PERSON:
            actor, kind = resolver.pronoun(tok), "pronoun"
        elif (descriptions or states and tok.lemma_.lower() in STATE_NOUNS and tok.dep_ == "poss") and \
                tok.pos_ == "NOUN":
            actor, kind = resolver.description(tok), "description"
        else:
            continue
        if actor is not None:
            out.append(Mention(doc, tok.idx, tok.idx + len(tok), tok.text, actor, kind))
    return out
