"""PLOVER events: who did what to whom, when, read from the dependency parse.

A trigger is a verb, noun or adjective (or a short phrase: "crack down", "provide aid")
listed in `data/plover_verbs.tsv`, a lexicon written from the PLOVER event definitions and
the CAMEO verb categories. Its source is the actor doing it (the subject; the "by" agent of
a passive; the possessor or demonym of a nominal trigger: "Moscow's invasion", "Western
sanctions"; the subject of a support verb: "Kazakhstan has followed sanctions"), its target
the object or prepositional object ("met with X", "visit to X", "sanctions against X").
Conjoined actors give one event per pair ("Xi and Putin met" -> Xi CONSULT Putin). Each
event carries flags for negation ("won't", "refused to") and for hypothetical or future
events (modals, "is set to", "expected"), and a date resolved against the article date.

Ties between actors (MEMBER_OF, LEADS, ...) are read by `newsgraph.relations`; its
`extract_relations` is re-exported here so the pipeline finds both stages in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.dates import resolve_when
from newsgraph.gazetteer import fold, load_gazetteer
from newsgraph.model import PLOVER_TYPES, Document, Event, Mention
from newsgraph.relations import MentionIndex, extract_relations, trimmed, unique_actors

__all__ = ["extract_events", "extract_relations", "lexicon", "Trigger"]

# Verbs that lend their subject to the noun they take ("make a visit", "impose sanctions",
# "expressed support"): the general English support (light) verbs.
LIGHT_VERBS = {
    "make", "pay", "hold", "have", "conduct", "attend", "join", "host", "provide", "offer", "give", "express",
    "voice", "extend", "impose", "introduce", "adopt", "follow", "announce", "launch", "begin", "start",
    "continue", "deepen", "strengthen", "bolster", "increase", "level", "lodge", "file", "issue", "reach",
    "undertake", "carry", "stage", "mount", "take", "enforce", "implement", "apply", "step", "intensify",
    "expand", "resume", "seek", "win", "receive", "come", "go",
}
# Prepositions that introduce the target of an event ("met with X", "sanctions against X").
TARGET_PREPS = ("with", "to", "against", "on", "at", "for", "into", "toward", "towards", "over", "upon", "of",
                "between")
# For events done to a place as well as to its people ("put down riots in X", "deployed troops in X").
IN_TARGET_TYPES = {"AID", "COERCE", "ASSAULT", "MOBILIZE"}
SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE"}
# Nouns for a gathering that a body convenes ("the SCO summit") and that later text calls "the event".
GATHERINGS = {"summit", "meeting", "conference", "forum", "event", "gathering", "session", "congress", "talks"}
MAX_JOINT = 3  # "Xi and Putin met" pairs its subjects; a long list of attendees is not a set of pairs
# Movement phrases that are visits only when they name whom they visit ("came to Astana").
TRAVEL = {"come to", "go to", "travel to", "fly to", "arrive in", "arrive at"}
PARTICLES = {"in", "out", "down", "up", "back", "off", "over", "away"}
HELP_FORMS = {"help", "helps", "helped", "helping"}
MODALS = {"would", "could", "might", "may", "should", "must", "can", "will", "shall", "'ll", "wo", "ca"}
# Verbs whose complement has not (yet) happened: "is set to visit", "plans to meet".
INTENT_VERBS = {"plan", "expect", "hope", "want", "seek", "intend", "aim", "set", "prepare", "propose",
                "consider", "wish", "try", "schedule", "go", "need", "likely", "due", "threaten", "promise"}
REFUSAL_VERBS = {"refuse", "decline", "fail"}
UNREAL_ADJS = {"expected", "planned", "proposed", "possible", "potential", "likely", "upcoming", "future",
               "prospective", "scheduled", "anticipated"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: the PLOVER type a word or phrase expresses, and what its negation expresses."""

    phrase: str
    pos: str  # V | N | A
    type: str
    negated_type: str | None


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], Trigger]:
    """The trigger lexicon, keyed by (pos, phrase)."""
    text = resources.files("newsgraph").joinpath("data", "plover_verbs.tsv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], Trigger] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("phrase\t"):
            continue
        phrase, pos, kind, negated = (line.split("\t") + ["-"])[:4]
        if kind not in PLOVER_TYPES:
            raise ValueError(f"plover_verbs.tsv: unknown PLOVER type {kind!r} for {phrase!r}")
        out[(pos, phrase.strip().lower())] = Trigger(phrase, pos, kind, None if negated.strip() in {"", "-"}
                                                     else negated.strip())
    return out


@dataclass
class _Found:
    token: Token
    trigger: Trigger
    consumed: Token | None = None  # the object noun a "verb object" phrase used up


def extract_events(doc: Document, parsed: SpacyDoc, mentions: list[Mention], *, require_both: bool = False
                   ) -> list[Event]:
    """PLOVER events in one document, with at least one actor among source and target.

    With `require_both`, only events whose source and target are both actors are kept: the ones that
    can go on a who-did-what-to-whom graph (an event with one side only still belongs on a timeline).
    """
    ix = MentionIndex(doc.id, parsed, mentions)
    found = [f for f in (_match(tok) for tok in parsed) if f is not None]
    consumed = {f.consumed.i for f in found if f.consumed is not None}
    verbs = {f.token.i: f for f in found if f.trigger.pos == "V"}
    out: list[Event] = []
    seen: set[tuple] = set()
    for f in found:
        if f.token.i in consumed or _subsumed(f, verbs):
            continue
        for event in _events_for(doc, ix, f):
            key = (event.source, event.type, event.target, event.start)
            if key not in seen:
                seen.add(key)
                out.append(event)
    out += _backed(doc, ix, seen)
    if require_both:
        out = [e for e in out if e.source and e.target]
    return out


# ---------------------------------------------------------------------- triggers


def _match(tok: Token) -> _Found | None:
    lex = lexicon()
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and tok.dep_ != "amod":
        if any(c.dep_ == "aux" and c.lower_ in HELP_FORMS for c in tok.children):
            return _Found(tok, lex[("V", "help")])  # "troops helped put down riots": parsed as an auxiliary
        for child in tok.children:
            if child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in PARTICLES):
                hit = lex.get(("V", f"{lemma} {child.lower_}"))
                if hit:
                    return _Found(tok, hit)
        for child in tok.children:
            if child.dep_ == "dobj":
                hit = lex.get(("V", f"{lemma} {child.lemma_.lower()}")) or lex.get(("V", f"{lemma} {child.lower_}"))
                if hit:
                    return _Found(tok, hit, child)
        for child in tok.children:
            if child.dep_ == "prep" or (child.dep_ == "xcomp" and any(a.lower_ == "to" for a in child.children)):
                hit = lex.get(("V", f"{lemma} {'to' if child.dep_ == 'xcomp' else child.lower_}"))
                if hit:
                    return _Found(tok, hit)  # "call for", "side with", "offered to negotiate"
        hit = lex.get(("V", lemma))
        return _Found(tok, hit) if hit else None
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ in {"compound", "amod"}:
                hit = lex.get(("N", f"{child.lemma_.lower()} {lemma}"))
                if hit:
                    return _Found(tok, hit)
        hit = lex.get(("N", lemma)) or lex.get(("N", tok.lower_))
        return _Found(tok, hit) if hit else None
    if tok.pos_ == "ADJ" and any(c.dep_ == "prep" and c.lower_ in {"to", "of", "toward", "towards", "with"}
                                 for c in tok.children):
        hit = lex.get(("A", lemma))
        return _Found(tok, hit) if hit else None
    return None


def _subsumed(f: _Found, verbs: dict[int, _Found]) -> bool:
    """An inner trigger a governing trigger already codes: 'invited Putin to visit', 'criticizing sanctions',
    'refused to recognise' (the outer event is the one that happened)."""
    tok = f.token
    head = tok.head
    if head.i == tok.i or head.i not in verbs:
        return False
    if f.trigger.pos == "V":
        return tok.dep_ in {"xcomp"}
    if tok.dep_ == "dobj":
        return head.lemma_ not in LIGHT_VERBS
    return False


# ---------------------------------------------------------------------- arguments


def _events_for(doc: Document, ix: MentionIndex, f: _Found) -> list[Event]:
    tok, trig = f.token, f.trigger
    if trig.pos == "N":
        sources, targets = _noun_args(ix, tok, trig)
    elif trig.pos == "A":
        sources, targets = ix.subjects(tok.head) if tok.dep_ == "acomp" else [], _prep_targets(ix, tok, trig)
    else:
        sources, targets = _verb_args(ix, tok, f)
    if trig.phrase in TRAVEL and not (sources and targets):
        return []  # "going over to the West like Ukraine" is no visit: a visit has a visitor and a host
    pairs = _pairs(sources, targets, trig.type)
    if not pairs:
        return []
    negated = _is_negated(tok)
    kind = trig.type
    if negated and trig.negated_type:
        kind, negated = trig.negated_type, False  # "won't recognise" is a rejection that happened
    hypothetical = _is_hypothetical(tok)
    sent = tok.sent
    when = resolve_when(sent, ix.parsed, doc.published, near=tok.i)
    span = _evidence(tok, sent)
    return [Event(doc.id, s.actor if s else None, kind, t.actor if t else None, when, span.text,
                  span.start_char, span.end_char, negated, hypothetical) for s, t in pairs]


def _pairs(sources: list[Mention], targets: list[Mention], kind: str) -> list[tuple[Mention | None, Mention | None]]:
    """Every source with every target; conjoined subjects of a joint act ('Xi and Putin met') with each other."""
    if not targets and 1 < len(sources) <= MAX_JOINT and kind in SYMMETRIC:
        pairs = [(sources[0], other) for other in sources[1:]]
    else:
        pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
    return [(s, t) for s, t in pairs if (s or t) and not (s and t and _same_actor(s.actor, t.actor))]


def _same_actor(a: str, b: str) -> bool:
    """One actor, counting a role description ('role:president:kazakhstan') as the state it serves."""
    return a == b or a.split(":")[-1] == b or b.split(":")[-1] == a


def _verb_args(ix: MentionIndex, verb: Token, f: _Found) -> tuple[list[Mention], list[Mention]]:
    subj_pass = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subj_pass:
        sources = ix.agent(verb)
        targets = [a for c in subj_pass for a in ix.np(c)]
    elif verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the accusations levelled at Ukraine by Putin"
        sources, targets = ix.agent(verb), _prep_targets(ix, verb, f.trigger)
    else:
        sources = ix.subjects(verb)
        targets = _objects(ix, verb, f)
    sources = [s for s in sources if s not in targets]
    return sources, targets


def _objects(ix: MentionIndex, verb: Token, f: _Found) -> list[Mention]:
    """The direct object's actors, else those of a target preposition, else the first actor in the complement."""
    out: list[Mention] = []
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"}:
            out += _prep_targets(ix, child, f.trigger) if child is f.consumed else ix.np(child)
    out = out or _prep_targets(ix, verb, f.trigger)
    if not out and f.trigger.type in IN_TARGET_TYPES:
        out = _prep_targets(ix, verb, f.trigger, ("in", "inside"))
    if not out and f.trigger.phrase in TRAVEL:
        out = _capital_targets(ix, verb, f.trigger.phrase.split()[-1])
    if not out:
        out = _first_in_complement(ix, verb)
    if not out and f.trigger.type == "CONSULT":
        out = _gathering_target(ix, verb)
    return out


def _gathering_target(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'the summit where leaders came to discuss ...': talks held at a gathering are held with the body
    that convened it."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "relcl":
            noun = cur.head
            if noun.lemma_.lower() in GATHERINGS:
                return _conveners(ix, noun) or _earlier_convener(ix, noun)
            return []
        if cur.dep_ not in {"xcomp", "advcl", "conj"}:
            return []
        cur = cur.head
    return []


def _conveners(ix: MentionIndex, noun: Token) -> list[Mention]:
    return [ix.by_token[c.i] for c in noun.children if c.i in ix.by_token and c.dep_ in {"compound", "poss", "nmod"}
            and ix.type_of(ix.by_token[c.i]) == "organization"]


def _prep_targets(ix: MentionIndex, tok: Token, trig: Trigger, preps: tuple[str, ...] = TARGET_PREPS
                  ) -> list[Mention]:
    lex = lexicon()
    for name in preps:
        for child in tok.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ == name:
                found = [a for p in child.children if p.dep_ == "pobj" for a in _object_actors(ix, p, lex)]
                if found:
                    return found
    return []


def _object_actors(ix: MentionIndex, obj: Token, lex: dict) -> list[Mention]:
    """The actors an object stands for; an object that is itself an event ('called for sanctions against X',
    'at X's request') gives that event's target, never its source."""
    if obj.pos_ == "NOUN" and ("N", obj.lemma_.lower()) in lex:
        return [a for c in obj.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "to", "with", "over"}
                for a in ix.pobj(c)]
    return ix.np(obj)


def _capital_targets(ix: MentionIndex, tok: Token, prep: str = "to") -> list[Mention]:
    """'came to Astana', 'a visit to Washington': a capital named as the destination stands for the state
    visited (a capital named as the place of a meeting does not)."""
    gaz = load_gazetteer()
    out = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            for p in child.children:
                span = ix.parsed[p.left_edge.i:p.i + 1]
                key = fold(p.text)
                if p.dep_ == "pobj" and key in gaz.by_capital:
                    out.append(Mention(ix.doc_id, span.start_char, span.end_char, span.text, gaz.by_capital[key],
                                       "metonym"))
    return out


def _first_in_complement(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'helped put down riots in Kazakhstan', 'alleged genocide as being committed against people in X':
    the first actor inside the object or complement, states and named bodies before groups and demonyms."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ in {"dobj", "xcomp"}:
            found = [ix.by_token[t.i] for t in child.subtree if t.i in ix.by_token and not _inside_trigger_noun(
                t, child, lex)]
            names = [m for m in found if m.kind != "demonym"]
            if found:
                return (names or found)[:1]
    return []


def _inside_trigger_noun(tok: Token, top: Token, lex: dict) -> bool:
    """Whether `tok` belongs to another nominal trigger below `top` ('at the request of X')."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ == "NOUN" and ("N", cur.lemma_.lower()) in lex and cur.i != top.i:
            return True
    return False


def _noun_args(ix: MentionIndex, noun: Token, trig: Trigger) -> tuple[list[Mention], list[Mention]]:
    sources: list[Mention] = []
    targets: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in {"amod", "compound", "nmod"} and child.i in ix.by_token):
            for actor in ix.np(child) if child.dep_ == "poss" else [ix.by_token[child.i]]:
                convener = trig.type == "CONSULT" and ix.type_of(actor) == "organization"
                (targets if convener else sources).append(actor)  # "the SCO summit" is the SCO's
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        sources += ix.agent(verb)  # "the accusations levelled at Ukraine by Putin"
        targets += _prep_targets(ix, verb, trig, ("at", "against", "on", "to"))
    between = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
               for a in ix.pobj(c)]
    if between and not sources:
        sources, between = between[:1], between[1:]
    targets += between
    by = ("by", "from", "of") if trig.type == "REQUEST" else ("by", "from")  # "at the request of X"
    sources += [a for c in noun.children if c.dep_ in {"prep", "agent"} and c.lower_ in by
                for a in ix.pobj(c)]
    if not targets:
        targets = _prep_targets(ix, noun, trig, tuple(p for p in TARGET_PREPS if p not in {"between", *by}))
    if not targets and trig.type == "CONSULT":
        targets = _capital_targets(ix, noun) or _earlier_convener(ix, noun)
    gov_sources, gov_targets = _governor_args(ix, noun, trig, bool(sources))
    sources = unique_actors(sources + gov_sources)
    targets = unique_actors(targets or gov_targets)
    sources = [s for s in sources if s not in targets]
    if trig.type == "CONSULT" and not sources:
        return [], []  # "at the SCO summit" names a meeting; without a participant it reports no act
    return sources, targets


def _governor_args(ix: MentionIndex, noun: Token, trig: Trigger, has_source: bool
                   ) -> tuple[list[Mention], list[Mention]]:
    """What the verb governing a nominal trigger adds: the subject of a support verb ('Kazakhstan has
    followed sanctions'), the requested party ('X did it at Y's request'), targets of 'provide support to'."""
    verb, via = _governing_verb(noun)
    if verb is None:
        return [], []
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if trig.type == "REQUEST" and via == "at":
        return [], ix.subjects(verb) or [a for c in passive for a in ix.np(c)]
    if via not in {"dobj", "nsubj", "attr", "agent"} and trig.type != "CONSULT":
        return [], []  # "offered help during the riots": the riots are not the helper's
    if via == "agent":  # "punctuated by an expected meeting": the passive subject's actor takes part
        sources = [a for c in passive for a in ix.np(c)]
    elif verb.lemma_ in LIGHT_VERBS or not has_source:
        sources = ix.subjects(verb) if not passive else ix.agent(verb)
    else:
        sources = []
    targets = []
    if via == "dobj" and verb.lemma_ in LIGHT_VERBS:
        targets = _prep_targets(ix, verb, trig, ("to", "with", "against", "on", "for"))
    if via == "nsubj":  # "sanctions cut off the Russian economy", "his trip was to China"
        targets = [a for c in verb.children if c.dep_ in {"dobj", "attr"} for a in ix.np(c)] or _prep_targets(
            ix, verb, trig, ("to", "against", "on", "with"))
    return sources, targets


def _governing_verb(noun: Token) -> tuple[Token | None, str]:
    """The verb a nominal trigger depends on, and how: as object, subject, agent or prepositional object."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubj", "attr"} and head.pos_ in {"VERB", "AUX"}:
        return head, noun.dep_
    if noun.dep_ == "pobj" and head.dep_ in {"prep", "agent"} and head.head.pos_ in {"VERB", "AUX"}:
        return head.head, "agent" if head.dep_ == "agent" else head.lower_
    if noun.dep_ == "conj":
        return _governing_verb(head)
    return None, ""


def _backed(doc: Document, ix: MentionIndex, seen: set[tuple]) -> list[Event]:
    """'Russia-backed breakaway Abkhazia': a hyphenated participle of a trigger verb with its actor."""
    out: list[Event] = []
    lex = lexicon()
    for tok in ix.parsed:
        if tok.dep_ != "amod" or tok.tag_ != "VBN" or tok.i < 2 or ix.parsed[tok.i - 1].text not in {"-", "–"}:
            continue
        trig = lex.get(("V", tok.lemma_.lower()))
        source = ix.at(ix.parsed[tok.i - 2])
        if trig is None or source is None:
            continue
        sent = tok.sent
        head = tok.head
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head  # "Russia-backed breakaway Abkhazia"
        for target in ix.np(head):
            if target.actor == source.actor:
                continue
            key = (source.actor, trig.type, target.actor, sent.start_char)
            if key in seen:
                continue
            seen.add(key)
            span = _evidence(tok, sent)
            out.append(Event(doc.id, source.actor, trig.type, target.actor,
                             resolve_when(sent, ix.parsed, doc.published, near=tok.i), span.text,
                             span.start_char, span.end_char))
    return out


def _earlier_convener(ix: MentionIndex, noun: Token) -> list[Mention]:
    """'the summit' after 'the SCO summit': a definite meeting noun refers back to the last one named with
    the body that convened it."""
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
        return []
    for tok in reversed(ix.parsed[:noun.i]):
        if tok.lemma_ == noun.lemma_ or tok.lemma_.lower() in GATHERINGS:
            bodies = _conveners(ix, tok)
            if bodies:
                return bodies[:1]
    return []


# ---------------------------------------------------------------------- flags and evidence


def _chain(tok: Token) -> list[Token]:
    """The trigger and the verbs it depends on within its clause (through complements, and from a nominal
    trigger up to the verb it is an argument of, but not through another noun)."""
    out = [tok]
    cur = tok
    for _ in range(4):
        if cur.dep_ in {"xcomp", "dobj", "pobj", "prep", "attr", "nsubj", "agent", "acomp", "pcomp"} or (
                cur.dep_ == "conj" and cur.pos_ in {"VERB", "NOUN"}):
            cur = cur.head
            if cur.pos_ in {"NOUN", "PROPN"} and cur.i != tok.i:
                break
            out.append(cur)
        else:
            break
    return out


def _is_negated(tok: Token) -> bool:
    """'did not meet', 'won't recognise', 'no such support', 'never visited', 'refused to sign'."""
    chain = _chain(tok)
    for t in chain:
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in t.children):
            return True
        if t is not tok and t.lemma_ in REFUSAL_VERBS:
            return True
    subjects = [c for t in chain for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(c.dep_ == "det" and c.lower_ == "no" for t in [tok, *subjects] for c in t.children)


def _is_hypothetical(tok: Token) -> bool:
    """Modal or future ('would', 'will', 'could'), intended ('is set to', 'plans to', 'expected to'),
    conditional ('if') or announced as expected ('the expected meeting')."""
    if any(c.lower_ in UNREAL_ADJS for c in tok.children):
        return True
    chain = _chain(tok)
    for t in chain:
        if any(c.dep_ in {"aux", "auxpass"} and (c.tag_ == "MD" or c.lower_ in MODALS) for c in t.children):
            return True
        if t is not tok and t.lemma_ in INTENT_VERBS:
            return True
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in t.children):
            return True
    top = chain[-1]
    return top.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in top.children)


def _evidence(tok: Token, sent: Span) -> Span:
    """The clause around the trigger: the trigger's governing verb and its dependents, inside the sentence."""
    clause = tok
    for t in _chain(tok):
        clause = t
        if t.pos_ in {"VERB", "AUX"}:
            break
    start = max(clause.left_edge.i, sent.start)
    end = min(clause.right_edge.i + 1, sent.end)
    return trimmed(sent.doc[start:end])
