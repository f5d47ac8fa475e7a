"""PLOVER events: who did what to whom, when, read from the dependency parse.

A trigger is a verb, noun or adjective (or a short phrase: "crack down", "provide aid")
listed in `data/plover_verbs.tsv`, a lexicon written from the PLOVER event definitions and
the CAMEO verb categories. Its source is the actor doing it (the subject; the "by" agent of
a passive; the possessor or demonym of a nominal trigger: "Moscow's invasion", "Western
sanctions"; the subject of a support verb: "Kazakhstan has followed sanctions"), its target
the object or prepositional object ("met with X", "visit to X", "sanctions against X").
Conjoined actors give one event per pair ("Xi and Putin met" -> Xi CONSULT Putin). Each
event carries flags for negation ("won't", "refused to") and for hypothetical or future
events (modals, "is set to", "expected"), and a date resolved against the article date
(explicit, else relative to it, else the article date itself).

An agreement, demand, refusal, threat or accusation is one event whose complement is its content
("agreed that their countries should cooperate", "demanded that X withdraw", "accused X of
attacking"): the inner act is not a second event, and the one it concerns is the target. So is
readiness ("is willing to send troops") and a speaker's "Y must ..." (a demand on Y). Nominal
triggers that only date the report ("after the invasion") are background, not reports. Pronouns
that `newsgraph.coref` resolves give the actor named earlier. `plover_type` gives the type a
PLOVER coder would assign (an announced cooperative act is an intent, AGREE).

Sides are coded as event coders code them: a state's forces acting on people the sentence gives no
other state ("Turkish police detained journalists") act at home, state on state, and two mentions of one
state in different places ("Turkish police", "Turkish journalists") are two parties; an unnamed crowd, force
or government is the one of the place named ("students demonstrated in Seoul against the government").
An announced or intended hostile act ("will impose sanctions", "vowed to retaliate") is a threat, an
announced refusal to cooperate ("would not provide support") a rejection. A criticism or demand about an act
targets the act's doer ("complained over Turkish air raids", "demanded the withdrawal of Ethiopian forces"); an
attack whose doer goes unnamed is coded to the state where it happened, and a state's act placed at home
("lifted the curfew in Kisumu") is done to its own people. An act told as the condition of another ("if
Russia sends aid, ...") is announced by no one: `plover_type` codes none for it. A state named only as the object
of a stance or likeness ('anti-Iran', 'Rwanda-style'), as a people ('ethnic Uzbek') or a language is no
party; what talks are about is no party to them; a demand noun concerns the subject of its 'that' clause; a
mediator acts with both sides 'between' which it mediates; unnamed people, bodies and things are coded to the
state they are placed in ('a court in Lima', 'families escaping the floods in X', 'a clinic in Lagos').

Ties between actors (MEMBER_OF, LEADS, ...) are read by `newsgraph.relations`; its
`extract_relations` is re-exported here so the pipeline finds both stages in one place.
Reports of one event in many documents are merged by `newsgraph.events.merge` (re-exported here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.actors import titles
from newsgraph.coref import pronoun_mentions
from newsgraph.dates import resolve_when
from newsgraph.events.merge import MergedEvent, Report, filter_merged, merge_reports, timeline_lines
from newsgraph.gazetteer import fold, load_gazetteer, word_table
from newsgraph.model import PLOVER_TYPES, Document, Event, Mention
from newsgraph.nlp import token_list
from newsgraph.relations import (
    OF_HEADS,
    ORIGIN_HEADS,
    QUANTITY_HEADS,
    RELATION_NOUNS,
    MentionIndex,
    extract_relations,
    trimmed,
    unique_actors,
)

__all__ = ["extract_events", "extract_relations", "filter_merged", "lexicon", "merge_reports", "MergedEvent",
           "plover_type", "Report", "timeline_lines", "Trigger", "with_references"]

# Verbs that lend their subject to the noun they take ("make a visit", "impose sanctions",
# "expressed support"): the general English support (light) verbs.
LIGHT_VERBS = {
    "make", "pay", "hold", "have", "conduct", "attend", "join", "host", "provide", "offer", "give", "express",
    "voice", "extend", "impose", "introduce", "adopt", "follow", "announce", "launch", "begin", "start",
    "continue", "deepen", "strengthen", "bolster", "increase", "level", "lodge", "file", "issue", "reach",
    "undertake", "carry", "stage", "mount", "take", "enforce", "implement", "apply", "step", "intensify",
    "expand", "resume", "seek", "win", "receive", "come", "go",
    "stag",  # spaCy's lemma of "staged" ("staged a protest")
}
# Lemmas the parser gets wrong for trigger verbs, and the right ones.
LEMMA_FIXES = {"stag": "stage", "cordone": "cordon"}
# ... and those whose wrong lemma is itself a word, told apart by the written form ("raped" is not "rapped").
FORM_FIXES = {"raped": "rape", "raping": "rape", "rapes": "rape"}
# Prepositions that introduce the target of an event ("met with X", "sanctions against X").
TARGET_PREPS = ("with", "to", "against", "on", "at", "for", "into", "toward", "towards", "over", "upon", "of",
                "between")
# For events done to a place as well as to its people ("put down riots in X", "deployed troops in X").
IN_TARGET_TYPES = {"AID", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE"}
SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE"}
# Acts whose "from" names the one acted on: withdrawing from a place, taking from someone.
FROM_TARGET_TYPES = {"RETREAT", "COERCE", "SANCTION"}  # "recalled its envoy from X"
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
                "consider", "wish", "schedule", "go", "need", "likely", "due", "threaten", "promise"}
REFUSAL_VERBS = {"refuse", "decline", "fail"}
# Acts whose complement clause states their content, not a second event: "agreed to cooperate",
# "demanded that X withdraw", "accused X of attacking", "refused to recognise", "threatened to invade".
CONTENT_TYPES = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"}
CLAUSAL = {"xcomp", "ccomp", "pcomp"}
REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves"}
# Nouns for people who take part in street protest, as opposed to officials who lodge one.
CROWD_NOUNS = {"student", "worker", "protester", "protestor", "demonstrator", "resident", "supporter", "people",
               "striker", "opponent",
               "villager", "farmer", "teacher", "citizen", "crowd", "thousand", "hundred", "dozen", "activist",
               "youth", "miner", "employee", "trader", "refugee", "voter", "woman", "man", "union"}
# Prepositions by which an act names what it is about ("protested against the deal").
CONTENT_PREPS = {"against", "about", "over", "for", "of", "on"}
# Head nouns that make a nominal trigger before them an event ("a mediation effort", "an aid package").
EFFORT_NOUNS = {"effort", "mission", "operation", "campaign", "drive", "process", "bid", "push", "initiative",
                "programme", "program", "package", "attempt"}
# Entity types of an object that names a place, state or body: the 'place' stand-in of the lexicon.
PLACE_ENTS = {"GPE", "LOC", "FAC", "NORP", "ORG"}
# Prepositions that put a nominal event before or around the one reported ("after the invasion").
BACKGROUND_PREPS = {"after", "following", "since", "before", "amid", "despite", "prior"}
# Modals that make a reported clause a demand on its subject ("X said Y must withdraw").
OBLIGATION_MODALS = {"must"}
# Types that, announced or intended rather than done, PLOVER codes as an expressed intent (AGREE).
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# Acts a state's forces or government do to people at home ("police detained students"), and nouns for such
# people when no state of their own is named: the people are coded as the acting state's own.
DOMESTIC_TYPES = {"COERCE", "ASSAULT", "CONCEDE", "RETREAT", "AID"}
PEOPLE_NOUNS = CROWD_NOUNS | {
    "journalist", "reporter", "opponent", "dissident", "civilian", "prisoner", "detainee", "member", "leader",
    "politician", "critic", "militant", "rebel", "insurgent", "guerrilla", "guerilla", "suspect", "fundamentalist",
    "islamist", "separatist", "opposition", "party", "newspaper", "paper", "monk", "priest", "cleric", "lawyer",
    "blogger", "writer", "inmate", "hostage", "peasant", "pilgrim", "migrant", "immigrant", "minority",
    "dozens", "hundreds", "thousands", "person", "individual", "group", "organisation", "organization",
    "demonstration", "rally", "protest", "march", "strike", "riot", "gathering",  # "police broke up the rally"
}
# Modals and verbs by which an actor announces what it will do ("will", "plans to"), as against what may be.
ANNOUNCING_MODALS = {"will", "would", "shall", "'ll", "wo"}
# What makes an act that has not happened an expected one rather than a possible one.
EXPECTING_MODALS = {"will", "shall", "'ll", "wo"}
EXPECTING_VERBS = {"plan", "expect", "set", "schedule", "due", "intend", "prepare", "go", "promise", "vow",
                   "pledge", "agree", "decide"}
EXPECTING_ADJS = {"expected", "planned", "upcoming", "scheduled", "anticipated", "forthcoming"}
ANNOUNCING_VERBS = {"want", "plan", "intend", "prepare", "threaten", "vow", "decide", "resolve"}
# Nouns for a state's forces and government when no state is named with them ("the police", "authorities").
AGENCY_NOUNS = {"police", "army", "troop", "force", "government", "authority", "military", "regime", "soldier",
                "officer", "junta", "administration", "policeman", "gendarme", "militia", "court", "judge",
                "prosecutor", "tribunal"}
PLACE_PREPS = {"in", "inside", "across", "throughout"}
# ... and where an attack is placed ("a bombing near Kunduz", "killed outside of Herat").
ATTACK_PLACE_PREPS = PLACE_PREPS | {"near", "outside", "at", "on"}
# Prepositions by which a place is placed inside another ('a district of Beirut', 'a camp near Goma').
NESTED_PLACE_PREPS = {"in", "of", "near", "outside", "inside"}
# Nouns for parties whose modifiers or "of" name them ('the Iranian delegation', 'leaders of X').
PARTY_HEADS = OF_HEADS | QUANTITY_HEADS | ORIGIN_HEADS | RELATION_NOUNS
# Nouns for a settlement or area named by its "of" ("the town of Kunduz", "the province of Aceh").
MEASURE_NOUNS = {"ton", "tonne", "dollar", "worth", "amount", "shipment", "consignment", "batch", "load", "million",
                 "billion"}
REGION_KINDS = {"state", "province", "region", "district", "governorate", "prefecture", "oblast"}
SETTLEMENT_NOUNS = {"city", "town", "village", "capital", "province", "region", "district", "port", "area"}
# Prepositions that name the doer of a nominal trigger: "at the request of X", "the deployment of X's troops";
# a withdrawal or expulsion "from X" names the one acted on, not the doer.
BY_PREPS = {"REQUEST": ("by", "from", "of"), "MOBILIZE": ("by", "of"), "RETREAT": ("by",), "COERCE": ("by",),
            "SANCTION": ("by",)}
# Acts a demand or call can ask of their doer ("called for an Israeli withdrawal", "demand for Iraq's release
# of prisoners"): the doer is the one the demand is made on.
DEMANDABLE = {"RETREAT", "CONCEDE", "CONSULT", "AGREE", "AID", "COOPERATE"}
# Acts a government does to its own opposition by word ("warned opposition leaders", "urged strikers to return
# to work"), and the nouns for that opposition, which unlike other people are the state's own by default.
DOMESTIC_SAYING = {"THREATEN", "REQUEST", "ACCUSE"}
OPPOSITION_NOUNS = {"opposition", "opponent", "dissident", "critic", "protester", "protestor", "demonstrator",
                    "striker", "student", "worker", "union", "activist", "party", "journalist"}
# Verbs by which people leave a place, which then is theirs ("families escaping the floods in X").
FLEEING = {"flee", "escape", "leave"}
# Participles that make people the opposition of the day ("striking miners", "protesting farmers").
PROTESTING = {"striking", "protesting", "demonstrating", "rioting", "marching"}
# Acts whose "for" clause gives their reason, not a second event: "jailed X for helping Y", "praised X for
# standing by Y", "criticised X for attacking Y".
REASONED = {"COERCE", "SUPPORT", "ACCUSE", "SANCTION"}
BORDER_NOUNS = {"border", "frontier", "boundary"}
# Acts that, as the purpose of a protest ("marched to demand"), say what the protest is for.
PURPOSE_TYPES = {"REQUEST", "PROTEST", "ACCUSE", "REJECT", "SUPPORT"}
# Occupations that go on strike, besides the crowd nouns ("a doctors' strike", "a strike by dock workers").
LABOUR_NOUNS = {"doctor", "nurse", "driver", "docker", "pilot", "lawyer", "journalist", "labour", "labor", "staff",
                "shopkeeper", "merchant", "transport", "port", "rail", "postal", "public", "general", "hunger"}
# Fights that conjoined subjects wage on each other ("Indian and Pakistani troops exchanged fire").
MUTUAL = {"clash", "exchange fire", "fight", "battle", "skirmish", "engage in fighting", "engage in clash",
          "engage in battle", "engage in firefight", "fighting", "firefight", "gunfight", "shootout"}
# Nouns for a state's own forces: sent, deployed or withdrawn, they are the sender's ("troops were sent to X").
FORCE_NOUNS = {"troop", "soldier", "force", "warship", "peacekeeper", "marine", "unit", "contingent", "army"}
# Nouns of the stance in which something is done ("marched in support of X", "resigned in protest").
STANCE_NOUNS = {"support", "solidarity", "protest", "defiance"}
PARTY_TYPES = {"country", "organization", "person", "group"}
# Acts that harm what they reach: their target is the owner of a thing hit ("set fire to the offices of X").
HARM_TYPES = {"ASSAULT", "COERCE"}
# Acts that, promised, make a threat (CAMEO 13: threaten force, sanctions, repression, a break of relations).
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
# Acts that judge another's act: the one judged is the one who did it ("condemned Turkish air raids").
CRITICAL = {"ACCUSE", "PROTEST", "REJECT"}
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
        if kind not in PLOVER_TYPES and kind != NO_EVENT:
            raise ValueError(f"plover_verbs.tsv: unknown PLOVER type {kind!r} for {phrase!r}")
        out[(pos, phrase.strip().lower())] = Trigger(phrase, pos, kind, None if negated.strip() in {"", "-"}
                                                     else negated.strip())
    return out


NO_EVENT = "-"  # lexicon type of a use that is no event ("demonstrate thing": showing, not protesting)
# A speaker's statement that another actor must act: a demand (CAMEO 10), coded REQUEST.
OBLIGATION = Trigger("must", "V", "REQUEST", None)


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
    ix = MentionIndex(doc.id, parsed, with_references(doc.id, parsed, mentions))
    found = [f for f in (_match(tok) for tok in token_list(parsed)) if f is not None]
    consumed = {f.consumed.i for f in found if f.consumed is not None}
    verbs = {f.token.i: f for f in found if f.trigger.pos in {"V", "A"}}
    demands = {f.token.i: f for f in found if f.trigger.type in CONTENT_TYPES | {"CONSULT"}}
    protests = {f.token.i for f in found if f.trigger.type == "PROTEST"}
    out: list[Event] = []
    seen: set[tuple] = set()
    for f in found:
        if f.token.i in consumed or _subsumed(f, verbs, demands) or _object_of_act(f, verbs, demands) or \
                _agreed_to(f, verbs) or \
                _classifier(f) or _earlier(f) or _object_effort(f, verbs) or _protest_purpose(f, protests) or \
                _background(f):
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


def plover_type(event: Event) -> str | None:
    """The type a PLOVER coder gives the event, or None when it codes none: an intended or announced
    cooperative act ('will send aid', 'plans to visit') is coded as the intent to do it, AGREE; an intent or
    threat stays what it is; any other act that only may happen and anything negated is no event, nor is
    any act that is the condition of another ('if Russia sends aid', 'if Seoul agreed to talks'): no one
    announced it. The event itself keeps its own type and flags."""
    if event.negated or (event.hypothetical and conditional(event)):
        return None
    if not event.hypothetical or event.type in {"AGREE", "THREATEN"}:
        return event.type
    return "AGREE" if event.type in COOPERATIVE else None


_CONDITION = re.compile(r"(?:if|unless)\b", re.IGNORECASE)


def conditional(event: Event) -> bool:
    """Whether an event is told only as the condition of another ('if Russia sends aid to Syria, ...'): its
    evidence is the condition clause itself, as `_evidence` gives a trigger inside such a clause (and gives a
    main clause without the condition before it)."""
    return bool(_CONDITION.match(event.evidence))


def with_references(doc_id: str, parsed: SpacyDoc, mentions: list[Mention]) -> list[Mention]:
    """The mentions plus the pronouns that coreference resolves to an actor ('he', 'they'), so that an event
    told of an actor named earlier gets that actor; unless the caller already added them. Descriptions ('the
    forum') are left to the argument finders, which read them in their clause."""
    if any(m.kind in {"pronoun", "description"} for m in mentions):
        return mentions
    return mentions + pronoun_mentions(parsed, mentions, None, doc_id, descriptions=False)


# ---------------------------------------------------------------------- triggers


def _match(tok: Token) -> _Found | None:
    """The trigger at a token, if any; an entry of type '-' says the word is no event in that use."""
    found = _find_trigger(tok)
    return None if found is None or found.trigger.type == NO_EVENT else found


_TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ"})


def _find_trigger(tok: Token) -> _Found | None:
    if tok.pos_ not in _TRIGGER_POS:
        return None  # the lexicon holds verbs, nouns and adjectives only
    lex = lexicon()
    lemma = FORM_FIXES.get(tok.lower_) or LEMMA_FIXES.get(tok.lemma_.lower(), tok.lemma_.lower())
    if tok.pos_ == "VERB" and tok.dep_ != "amod":
        if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":  # "test-fired", "re-opened"
            hit = lex.get(("V", f"{tok.doc[tok.i - 2].lower_}-{lemma}"))
            if hit:
                return _Found(tok, hit)
        if lemma in _speech_verbs() and ("V", lemma) not in lex and _obligation(tok) is not None:
            return _Found(tok, OBLIGATION)  # "Chile said that Peru must return the aircraft"
        if any(c.dep_ == "aux" and c.lower_ in HELP_FORMS for c in tok.children):
            return _Found(tok, lex[("V", "help")])  # "troops helped put down riots": parsed as an auxiliary
        for child in tok.children:
            if child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in PARTICLES):
                for obj in (o for o in tok.children if o.dep_ == "dobj"):  # "stepped up security"
                    hit = lex.get(("V", f"{lemma} {child.lower_} {obj.lemma_.lower()}"))
                    if hit:
                        return _Found(tok, hit, obj)
                hit = lex.get(("V", f"{lemma} {child.lower_}"))
                if hit:
                    return _Found(tok, hit)
        # verb, preposition and noun, before the object: "go on strike", "put on alert", "sent troops to the border"
        for child in tok.children:
            for obj in (o for o in child.children if child.dep_ == "prep" and o.dep_ == "pobj"):
                hit = lex.get(("V", f"{lemma} {child.lower_} {obj.lemma_.lower()}"))
                if hit:
                    return _Found(tok, hit, obj)
        for child in tok.children:  # the object, or the passive subject ("fishermen were released")
            if child.dep_ in {"dobj", "nsubjpass"}:
                hit = _object_phrase(lemma, child, lex)
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
        for child in (c for c in tok.children if c.dep_ == "prep"):  # "a call for", "calls on X to"
            hit = lex.get(("N", f"{lemma} {child.lower_}"))
            if hit:
                return _Found(tok, hit)
        hit = lex.get(("N", lemma)) or lex.get(("N", tok.lower_))
        return _Found(tok, hit) if hit else None
    if tok.pos_ == "ADJ" and any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in {"to", "of", "toward",
                                 "towards", "with"} for c in tok.children):  # "ready to send", "critical of"
        hit = lex.get(("A", lemma))
        return _Found(tok, hit) if hit else None
    return None


def _object_phrase(lemma: str, obj: Token, lex: dict[tuple[str, str], Trigger]) -> Trigger | None:
    """A 'verb object' entry for a verb and its object: the object's own word, else the lexicon's stand-ins
    'person' (any person named as object: 'released the mayor'), 'thing' (an object that names no one:
    'struck targets', 'welcomed the decision') and 'place' (a named state, place or body: 'struck Beirut')."""
    hit = lex.get(("V", f"{lemma} {obj.lemma_.lower()}")) or lex.get(("V", f"{lemma} {obj.lower_}"))
    if hit is None and _names_person(obj):
        hit = lex.get(("V", f"{lemma} person"))
    if hit is None and obj.pos_ == "NOUN" and not obj.ent_type_ and not _names_person(obj):
        hit = lex.get(("V", f"{lemma} thing"))
    if hit is None and obj.ent_type_ in PLACE_ENTS:
        hit = lex.get(("V", f"{lemma} place"))
    return hit


def _names_person(tok: Token) -> bool:
    """Whether an object names a person: a person's name or a title ('the mayor', 'President X')."""
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in titles() or any(
        c.dep_ == "compound" and c.lower_ in titles() for c in tok.children)


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(word_table("speech_verbs.txt"))


def _obligation(verb: Token) -> Token | None:
    """The clause a speaker says another actor must carry out ('said that Peru must return ...')."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in child.children
                                         ) and any(c.dep_ == "nsubj" for c in child.children):
            return child  # an active clause: the one who must act is named ('must be merged' names no one)
    return None


def _subsumed(f: _Found, verbs: dict[int, _Found], demands: dict[int, _Found]) -> bool:
    """An inner trigger a governing trigger already codes: 'invited Putin to visit', 'criticizing sanctions',
    'refused to recognise', 'calls by X to withdraw' (the outer event is the one that happened)."""
    tok = f.token
    head = tok.head
    if _content_of(tok, {**verbs, **{i: d for i, d in demands.items() if d.trigger.pos == "N"}}):
        return True
    if f.trigger.pos == "V" and _purpose_of_same(tok, verbs):
        return True
    if head.i == tok.i or head.i not in verbs:
        return False
    if f.trigger.pos == "V":
        return tok.dep_ in {"xcomp"}
    if tok.dep_ in {"dobj", "nsubjpass"}:  # "criticized the sanctions", "the offer was turned down"
        return head.lemma_ not in LIGHT_VERBS
    return False


def _purpose_of_same(tok: Token, verbs: dict[int, _Found]) -> bool:
    """'gave X a grant to finance projects', 'sent aid to help X': a purpose infinitive of an act of the same
    type says what the act is for; it is the same act, not a second one."""
    found = verbs.get(tok.i)
    if tok.dep_ not in {"advcl", "relcl", "acl"} or found is None or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    acts = [verbs[tok.head.i].trigger] if tok.head.i in verbs else []
    if tok.head.pos_ == "NOUN" and (m := _match(tok.head)) is not None:
        acts.append(m.trigger)  # "a grant to finance projects"
    if tok.head.lemma_ in LIGHT_VERBS:  # "gave Tanzania a grant to finance ..."
        acts += [m.trigger for c in tok.head.children if c.dep_ == "dobj" and (m := _match(c)) is not None]
    return any(a.type == found.trigger.type for a in acts)


def _protest_purpose(f: _Found, protests: set[int]) -> bool:
    """'marched to demand independence', 'went on strike to protest the cuts', 'staged a rally to denounce X':
    what a protest is for is what the protest says, not a second event."""
    return f.trigger.type in PURPOSE_TYPES and _protest_of_purpose(f.token, protests) is not None


def _protest_of_purpose(tok: Token, protests: set[int]) -> Token | None:
    """The protest (verb, or the verb staging a protest noun) whose purpose infinitive `tok` heads."""
    if tok.dep_ not in {"advcl", "xcomp"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    head = tok.head
    staged = [c for c in head.children if c.dep_ == "dobj"] + [
        p for c in head.children if c.dep_ == "prep" for p in c.children]  # "staged a rally", "went on strike"
    if head.dep_ == "acl":
        staged.append(head.head)  # "the demonstration staged by students to protest ..."
    if head.i in protests or any(t.i in protests for t in staged):
        return head
    return None


def _object_effort(f: _Found, verbs: dict[int, _Found]) -> bool:
    """'suspended its aid programme', 'halted the peace process': a nominal trigger naming the effort that
    another act's object is; the governing act is the event."""
    tok = f.token
    effort = tok.head
    return (f.trigger.pos == "N" and tok.dep_ == "compound" and effort.dep_ == "dobj" and effort.head.i in verbs
            and effort.head.lemma_ not in LIGHT_VERBS)


def _object_of_act(f: _Found, verbs: dict[int, _Found], demands: dict[int, _Found]) -> bool:
    """A nominal trigger that is what another act is about: 'protested against the deal', 'complained about
    the attack', 'called for sanctions', 'their call for an embargo'; the governing act is the event reported."""
    tok = f.token
    prep = tok.head
    stance = prep.lower_ == "in" and tok.lemma_.lower() in STANCE_NOUNS  # "rallied in support of X"
    if f.trigger.pos != "N" or tok.dep_ != "pobj" or (prep.lower_ not in CONTENT_PREPS and not stance):
        return False
    return (prep.head.i in verbs and prep.head.lemma_ not in LIGHT_VERBS) or (
        prep.head.pos_ == "NOUN" and prep.head.i in demands)  # "talks on a pullback", "a call for sanctions"


def _agreed_to(f: _Found, verbs: dict[int, _Found]) -> bool:
    """'agreed to a Qatari mediation bid', 'consented to a UN inquiry': a nominal act that an agreement or refusal
    accepts is its content, not an act of its own (the one agreed to has not acted yet)."""
    tok = f.token
    prep = tok.head
    return f.trigger.pos == "N" and tok.dep_ == "pobj" and prep.lower_ == "to" and prep.head.i in verbs and \
        verbs[prep.head.i].trigger.type in {"AGREE", "REJECT"}


def _classifier(f: _Found) -> bool:
    """A nominal trigger that only classifies another noun ('aid workers', 'war crimes', 'a ceasefire
    proposal') names no event; with a noun of effort it does ('a mediation effort', 'a peacekeeping
    mission')."""
    tok = f.token
    return f.trigger.pos == "N" and tok.dep_ == "compound" and tok.head.lemma_.lower() not in EFFORT_NOUNS


def _earlier(f: _Found) -> bool:
    """A verb trigger in a relative clause in the past perfect ('children they had abducted', 'who had been
    arrested'): an earlier act that describes someone, not one the sentence reports."""
    tok = f.token
    return f.trigger.pos == "V" and tok.dep_ == "relcl" and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ == "had" for c in tok.children)


def _background(f: _Found) -> bool:
    """A nominal trigger that only dates or explains what the sentence reports ('following the killing of
    X', 'since last month's invasion', 'in the wake of the execution'): an earlier event whose own date the
    sentence does not give, so it is not reported here."""
    tok = f.token
    if f.trigger.pos != "N" or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lower_ == "wake":
        return True
    return prep.lower_ in BACKGROUND_PREPS or (prep.dep_ == "prep" and prep.head.lower_ == "following")


def _content_of(tok: Token, verbs: dict[int, _Found]) -> bool:
    """Whether a trigger lies in the complement of an agreement, request, refusal, threat or accusation:
    'agreed that their countries should cooperate', 'demanded that X release Y', 'accused X of attacking Y',
    'is ready to send troops'; and the reason given for a punishment ('jailed X for helping Y'). The
    complement is what was agreed, asked, refused or alleged, not a second event; the governing act is the
    one that took place."""
    cur = tok
    clausal = reason = False
    for _ in range(6):
        if cur.head.i == cur.i or cur.dep_ in {"relcl", "advcl", "parataxis"}:
            return False
        # a conjoined clause ('alleged that ... and that ...') passes; a noun's infinitive ('calls to withdraw')
        clausal = clausal or cur.dep_ in CLAUSAL or (cur.dep_ == "acl" and cur.head.pos_ == "NOUN")
        reason = reason or (cur.dep_ == "pcomp" and cur.head.lower_ == "for")
        came_by = cur.dep_
        cur = cur.head
        hit = verbs.get(cur.i)
        if hit is not None:
            return clausal and hit.trigger.type in CONTENT_TYPES or reason and hit.trigger.type in REASONED
        if came_by == "ccomp" and any(c.dep_ == "dobj" and c.i in verbs and verbs[c.i].trigger.pos == "N" and
                                      verbs[c.i].trigger.type in CONTENT_TYPES for c in cur.children):
            return True  # "renewed its demand that X withdraw": the clause is the content of the noun
    return False


# ---------------------------------------------------------------------- arguments


def _events_for(doc: Document, ix: MentionIndex, f: _Found) -> list[Event]:
    tok, trig = f.token, f.trigger
    if trig.pos == "N" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        tok = tok.head  # "a peace effort between X and Y": the phrase's head carries the arguments
    if trig is OBLIGATION:
        clause = _obligation(tok)
        sources = ix.subjects(tok)
        targets = [a for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for a in ix.np(c)] if clause else []
    elif trig.pos == "N":
        sources, targets = _noun_args(ix, tok, trig)
    elif trig.pos == "A":
        sources = ix.subjects(tok.head) if tok.dep_ == "acomp" else []
        targets = _prep_targets(ix, tok, trig) or _content_targets(ix, tok)  # "ready to help China"
    else:
        sources, targets = _verb_args(ix, tok, f)
    if trig.phrase in TRAVEL and not (sources and targets):
        return []  # "going over to the West like Ukraine" is no visit: a visit has a visitor and a host
    pairs = _pairs(sources, targets, "CONSULT" if trig.phrase in MUTUAL else trig.type)  # joint like a meeting
    if not pairs:
        return []
    negated = _is_negated(tok)
    kind = "PROTEST" if trig.type == "ACCUSE" and tok.lemma_ == "protest" and _crowd_subject(tok) else trig.type
    if kind == "ASSAULT" and tok.lemma_ == "strike" and trig.pos == "N" and _labour_strike(tok):
        kind = "PROTEST"  # "a strike by dock workers", "nurses began a strike": a stoppage, not an air strike
    if negated and trig.negated_type:
        kind, negated = trig.negated_type, False  # "won't recognise" is a rejection that happened
    elif kind == "AGREE" and _promised(tok, HOSTILE, negated=False):
        kind = "THREATEN"  # "vowed to retaliate", "is ready to strike": a promise of harm is a threat
    elif kind == "AGREE" and _promised(tok, COOPERATIVE, negated=True):
        kind = "REJECT"  # "vowed not to return the land": a promise not to yield is a refusal
    hypothetical = _is_hypothetical(tok)
    announced = hypothetical and _announced(tok)
    if negated and announced and kind in COOPERATIVE | {"AGREE"}:
        kind, negated, hypothetical = "REJECT", False, False  # "would not provide support": a refusal
    elif kind == "REJECT" and announced and not negated:
        hypothetical = False  # "would not accept", "will reject": saying so is the rejection
    elif not negated and announced and kind in HOSTILE - {"MOBILIZE"}:  # a planned deployment is no threat
        kind, hypothetical = "THREATEN", False  # "will impose sanctions on X", "wants to attack X": a threat
    expected = hypothetical and _expected(tok)
    sent = tok.sent
    when = resolve_when(sent, ix.parsed, doc.published, near=tok.i)
    span = _evidence(tok, sent)
    return [Event(doc.id, s.actor if s else None, kind, t.actor if t else None, when, span.text,
                  span.start_char, span.end_char, negated, hypothetical, expected) for s, t in pairs]


def _pairs(sources: list[Mention], targets: list[Mention], kind: str) -> list[tuple[Mention | None, Mention | None]]:
    """Every source with every target; conjoined subjects of a joint act ('Xi and Putin met') with each other.
    A target that is the source itself ('its own projects', 'blew themselves up') is no target."""
    targets = [t for t in targets if t.text.lower() not in REFLEXIVES
               and not any(_one_actor(s, t) for s in sources)]
    if not targets and 1 < len(sources) <= MAX_JOINT and kind in SYMMETRIC:
        pairs = [(sources[0], other) for other in sources[1:]]
    else:
        pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
    return [(s, t) for s, t in pairs if (s or t) and not (s and t and _one_actor(s, t))]


def _one_actor(source: Mention, target: Mention) -> bool:
    """Whether source and target are one actor. Two demonyms, or a demonym and a name, of one state in
    different places name different parties of that state ('Turkish police detained Turkish journalists',
    'Israeli troops entered an Israeli town'): a domestic act, which event coders code state on state."""
    if not _same_actor(source.actor, target.actor):
        return False
    kinds = {source.kind, target.kind}
    return source.start == target.start or "demonym" not in kinds or "pronoun" in kinds  # "its forces"


def _promised(tok: Token, kinds: set[str], negated: bool) -> bool:
    """Whether a promise or readiness has an act of one of `kinds` as its content, negated or not. CAMEO
    codes a promised attack, sanction or crackdown as a threat (13: 'vowed to punish X', 'ready to use
    force'), and a promise not to yield or cooperate as a rejection (12: 'vowed not to return the land')."""
    for child in tok.children:
        if child.dep_ not in {"xcomp", "ccomp"} or any(g.dep_ == "neg" for g in child.children) != negated:
            continue
        acts = [child, *(c for c in child.children if c.dep_ == "conj")]  # the promised act, not its details
        acts += [o for a in acts if a.lemma_ in LIGHT_VERBS for o in a.children if o.dep_ == "dobj"]
        if any((found := _match(a)) is not None and found.trigger.type in kinds for a in acts):
            return True
    return False


def _labour_strike(noun: Token) -> bool:
    """Whether 'strike' is a work stoppage: done by workers or a crowd ('a strike by miners', 'teachers began a
    strike', 'a doctors' strike'), not by an armed force."""
    doers = [c for c in noun.children if c.dep_ in {"compound", "poss"}] + [
        p for c in noun.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by" for p in c.children]
    if noun.dep_ == "dobj":
        doers += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return any(d.lemma_.lower() in CROWD_NOUNS | LABOUR_NOUNS for d in doers)


def _crowd_subject(verb: Token) -> bool:
    """'Thousands of students protested against ...': people in the street demonstrate, where a government
    that protests complains."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            heads = [child, *(p for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                              for p in c.children if p.dep_ == "pobj")]
            return any(h.lemma_.lower() in CROWD_NOUNS for h in heads)
    return False


def _same_actor(a: str, b: str) -> bool:
    """One actor, counting a role description ('role:president:kazakhstan') as the state it serves."""
    return a == b or a.split(":")[-1] == b or b.split(":")[-1] == a


def _verb_args(ix: MentionIndex, verb: Token, f: _Found) -> tuple[list[Mention], list[Mention]]:
    subj_pass = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subj_pass and not any(c.dep_ == "agent" for c in verb.children) and (f.trigger.type == "MOBILIZE" or (
            f.trigger.type in {"AID", "RETREAT"} and any(_common_lemma(c) in FORCE_NOUNS for c in subj_pass))):
        sources = [a for c in subj_pass for a in ix.np(c)]  # "Indian troops were deployed": India deploys them
        targets = _prep_targets(ix, verb, f.trigger, ("to", "along", "near", "into", "against", "on")) or (
            _prep_targets(ix, verb, f.trigger, ("from",)) if f.trigger.type in FROM_TARGET_TYPES else [])
    elif subj_pass and f.trigger.type == "AGREE" and _stance_complement(verb) is not None:
        sources = [a for c in subj_pass for a in ix.np(c)]  # "X is committed to cutting its tariffs": X commits
        inside = [ix.by_token[t.i] for t in _stance_complement(verb).subtree if t.i in ix.by_token
                  and not _left_undone(t, verb) and ix.by_token[t.i].actor not in {m.actor for m in sources}]
        targets = sorted(inside, key=lambda m: (ix.type_of(m) not in PARTY_TYPES, m.kind == "demonym"))[:1]
    elif subj_pass:
        sources = ix.agent(verb)
        targets = [a for c in subj_pass for a in (
            (_prep_targets(ix, c, f.trigger) or ix.np(c)) if _same(c, f.consumed) else ix.np(c))] or _prep_targets(
            ix, verb, f.trigger)  # "relations with X were severed", "sanctions were imposed on X"
        if not targets and f.trigger.type in HARM_TYPES:  # "a clinic for Malian patients was shelled"
            targets = [a for c in subj_pass for a in _owners(ix, c)]
    elif verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the accusations levelled at Ukraine by Putin"
        sources, targets = ix.agent(verb), _prep_targets(ix, verb, f.trigger)
        if not targets and _existential(verb.head):
            targets = ix.np(verb.head)  # "there were ten Russian soldiers killed": the noun is acted on
    else:
        sources = ix.subjects(verb)
        targets = _objects(ix, verb, f)
    sources = [s for s in sources if s not in targets]
    if not targets and f.trigger.type in DOMESTIC_TYPES | DOMESTIC_SAYING:
        targets = _own_people(ix, verb, sources, f.trigger.type)
    if not targets and sources and f.trigger.type in DOMESTIC_TYPES:
        targets = _own_place(ix, verb, sources)
    if not sources or not targets:
        sources, targets = _placed_sides(ix, verb, sources, targets,
                                         ATTACK_PLACE_PREPS if f.trigger.type == "ASSAULT" else PLACE_PREPS)
    if not sources and f.trigger.type == "ASSAULT" and (verb.dep_ not in {"acl", "relcl"} or _existential(verb.head)):
        sources = _attack_place(ix, verb)  # a participle after a noun describes it ('soldiers killed in X')
    if sources and not targets and f.trigger.type == "PROTEST":
        targets = _protest_place(ix, [verb])
    return sources, targets


def _state_party(ix: MentionIndex, tok: Token, state: str | None) -> list[Mention]:
    """A stand-in mention of a state found from a place, at the word that acts or is acted on."""
    return [Mention(ix.doc_id, tok.idx, tok.idx + len(tok.text), tok.text, state, "demonym")] if state else []


def _protest_place(ix: MentionIndex, toks: list[Token]) -> list[Mention]:
    """'Activists staged a protest in Ankara', 'students marched in Lima': a protest against no one named is
    addressed to the state where it is held, as event coders code it."""
    return _state_party(ix, toks[0], _place_state(ix, toks))


def _stance_complement(verb: Token) -> Token | None:
    """The act a passive form of commitment takes without an agent ('is committed to cutting', 'was determined
    to stay'): then the form states its subject's own stance, not something done to the subject."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "xcomp":
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            return next((g for g in child.children if g.dep_ == "pcomp"), None)
    return None


def _own_place(ix: MentionIndex, verb: Token, sources: list[Mention]) -> list[Mention]:
    """'Chad's government lifted a state of emergency in Ouaddai', 'declared a curfew in Haiti': a state's
    act at home, placed in the state itself or one of its regions or cities, is done to its own people (a
    domestic act, state on state)."""
    states = {st for st in (_state_of(s.actor) or _modifier_state(ix, s) for s in sources) if st}
    if len(states) != 1:
        return []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                if p.dep_ == "pobj"]  # "a state of emergency in X"
    state = states.pop()
    if _place_state(ix, [verb, *objects]) != state:
        return []
    return _state_party(ix, verb, state)


def _attack_place(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'A roadside bombing near Kunduz killed a Dutch soldier', 'killed by a bomb outside Herat': an attack whose
    doer the sentence does not name is coded to the state where it happened, as event coders code it."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + [
        p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if any(t.i in ix.by_token or t.pos_ in {"PRON", "PROPN"} or _unnamed_party(ix, t) for t in doers):
        return []  # a doer is named (or is a pronoun or name the sentence does not resolve)
    return _state_party(ix, verb, _place_state(ix, [*_scene(verb), *doers], ATTACK_PLACE_PREPS))


def _scene(verb: Token) -> list[Token]:
    """The verb and the clauses that tell when it happened ('killed 20 people when they blew themselves up in X',
    'as troops entered X'), and the act a participle follows from ('a bomb went off in X, killing ten'): where
    those happen, the act does."""
    heads = [verb.head] if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB" else []
    return [verb, *heads, *(c for c in verb.children if c.dep_ == "advcl" and any(  # "exploded in X, killing Y"
        m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "as", "while", "after"} for m in c.children))]


def _existential(noun: Token) -> bool:
    """Whether a noun is what 'there is/are' introduces: a participle after it reports the event itself
    (a participle after any other noun mostly gives the noun's background: 'a member jailed last year')."""
    head = noun.head
    return noun.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)


def _placed_sides(ix: MentionIndex, verb: Token, sources: list[Mention], targets: list[Mention],
                  preps: set[str] = PLACE_PREPS) -> tuple[list[Mention], list[Mention]]:
    """'Students demonstrated in Seoul against the government', 'police in Lagos arrested ...': an unnamed
    crowd, force or government is the one of the state where the act takes place, as event coders code it."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + [
        p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    done_to = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"against", "with", "on", "at", "upon"}
        for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN" and not p.ent_type_]  # "fired on protesters"
    doer = next((t for t in doers if _unnamed_party(ix, t)), None) if not sources else None
    done = next((t for t in done_to if _unnamed_party(ix, t)), None) if not targets else None
    if doer is None and done is None:
        return sources, targets
    state = _place_state(ix, [*_scene(verb), *doers, *done_to], preps) or _other_side_state(
        ix, doer, done, sources, targets)
    if state is None:
        return sources, targets

    def party(tok: Token | None) -> list[Mention]:
        return _state_party(ix, tok, state) if tok is not None else []
    return sources or party(doer), targets or party(done)


def _placed_doer(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'A court in Lima issued warrants', 'police in Lagos made arrests': the unnamed body or force that does what
    the noun says is the one of the state where it or the act is placed."""
    doer = next((c for c in verb.children if c.dep_ == "nsubj" and _unnamed_party(ix, c)), None)
    return _state_party(ix, doer, _place_state(ix, [verb, doer])) if doer is not None else []


def _other_side_state(ix: MentionIndex, doer: Token | None, done: Token | None, sources: list[Mention],
                      targets: list[Mention]) -> str | None:
    """'Kenyans protested against the government', 'police fired on Kenyan students': with no place named,
    an unnamed government or force is that of the state named on the other side."""
    if done is not None and doer is None and done.lemma_.lower() in AGENCY_NOUNS:
        others = sources
    elif doer is not None and done is None and doer.lemma_.lower() in AGENCY_NOUNS:
        # "police fired on Kenyan students" (people of a state, at home), not "police cordoned off an embassy"
        others = [m for m in targets if m.kind == "demonym" and id(m) in ix.spans
                  and _common_lemma(ix.head(m).head) in PEOPLE_NOUNS]
    else:
        return None
    states = {st for st in (_state_of(m.actor) or _modifier_state(ix, m) for m in others) if st}
    return states.pop() if len(states) == 1 else None


def _common_lemma(tok: Token) -> str:
    """The lemma of a common noun, also when the parser took a capitalised one for a name ('Rebels in ...')."""
    if tok.pos_ == "PROPN" and tok.lower_.endswith("s") and tok.lower_[:-1] in PEOPLE_NOUNS | AGENCY_NOUNS:
        return tok.lower_[:-1]
    return tok.lemma_.lower()


def _unnamed_party(ix: MentionIndex, tok: Token) -> bool:
    """A crowd, force or government named by a common noun alone ('protesters', 'the police')."""
    heads = [tok, *(p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj"), *(c for c in tok.children if c.dep_ == "poss")]  # "thousands of students",
    # "the government's policy"
    return tok.pos_ in {"NOUN", "PROPN"} and any(_common_lemma(h) in PEOPLE_NOUNS | AGENCY_NOUNS for h in heads) \
        and tok.i not in ix.by_token and not \
        _named_party(ix, tok)  # "rebels in Angola" name no one; the place says where they are


def _place_state(ix: MentionIndex, toks: list[Token], preps: set[str] = PLACE_PREPS) -> str | None:
    """The state named as where something happens ('in Seoul', 'in northern Iraq', 'in the Kenyan capital',
    'near the town of Kunduz'), by a state mention or a city, capital or region the gazetteer places in a
    state."""
    for tok in toks:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps):
            for p in _place_objects(prep):
                state = _state_at(ix, p)
                if state is None and p.lemma_.lower() in SETTLEMENT_NOUNS:  # "the town of Kunduz"
                    state = next((st for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for q in c.children if q.dep_ == "pobj" and (st := _state_at(ix, q))), None)
                state = state or _nested_place(ix, p)
                if state is not None:
                    return state
    return None


def _nested_place(ix: MentionIndex, noun: Token, depth: int = 0) -> str | None:
    """The state of a place given inside a place ('in a blast in a suburb of northern Kano', 'in a camp near
    Goma'): where the inner place lies, the outer one does too."""
    if depth > 2:
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in NESTED_PLACE_PREPS):
        for p in (c for c in prep.children if c.dep_ == "pobj"):
            state = _state_at(ix, p) or _nested_place(ix, p, depth + 1)
            if state is not None:
                return state
    return None


def _place_objects(prep: Token) -> list[Token]:
    """The objects of a place preposition, through a second one ('outside of the city')."""
    out = [c for c in prep.children if c.dep_ == "pobj"]
    return out or [p for c in prep.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj"]


def _state_at(ix: MentionIndex, p: Token) -> str | None:
    """The state a place noun names or lies in: its own mention or that of its modifier ('the Kenyan
    capital'), else a city, capital or region the gazetteer knows."""
    gaz = load_gazetteer()
    m = ix.by_token.get(p.i) or next((ix.by_token[c.i] for c in p.children if c.dep_ in {
        "amod", "compound"} and c.i in ix.by_token), None)
    state = _state_of(m.actor) if m is not None else None
    if state is None and (p.pos_ == "PROPN" or p.ent_type_ in {"GPE", "LOC"}):  # 'Homs' is tagged a plural noun
        key = fold(ix.parsed[p.left_edge.i:p.i + 1].text if p.left_edge.pos_ == "PROPN" else p.text)
        iso3 = gaz.by_city.get(key) or gaz.by_region.get(key)
        if iso3 is None and key.rsplit(" ", 1)[-1] in REGION_KINDS:  # "Upper Nile State"
            iso3 = gaz.by_region.get(key.rsplit(" ", 1)[0])
        state = gaz.by_capital.get(key) or (gaz.by_iso3.get(iso3) if iso3 else None)
    return state


def _own_people(ix: MentionIndex, verb: Token, sources: list[Mention], kind: str) -> list[Mention]:
    """'Turkish police detained journalists', 'demonstrators were dispersed by the Egyptian army': a state's
    forces acting on people the sentence ties to no other state act at home, and event coders code the
    people as the state's own (a domestic act, state on state). The people stand for that state here."""
    nouns = PEOPLE_NOUNS if kind in DOMESTIC_TYPES else OPPOSITION_NOUNS
    people = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"
              and ({c.lemma_.lower(), *(m.lemma_.lower() for m in c.children if m.dep_ in {"compound", "amod"})}
                   & nouns or c.lemma_.lower() in PEOPLE_NOUNS | LABOUR_NOUNS and any(
                       m.dep_ == "amod" and m.lower_ in PROTESTING for m in c.children))
              and not _named_party(ix, c)]  # "activists", "opposition leaders", "striking miners"
    states = {st for st in (_state_of(s.actor) or _modifier_state(ix, s) for s in sources) if st}
    if not people or len(states) != 1:
        return []
    span = ix.parsed[people[0].left_edge.i:people[0].right_edge.i + 1]
    return [Mention(ix.doc_id, span.start_char, span.end_char, span.text, states.pop(), "demonym")]


def _modifier_state(ix: MentionIndex, m: Mention) -> str | None:
    """The state a demonym or name before an actor ties it to ('Chadian President Idriss Deby')."""
    span = ix.spans.get(id(m))
    if span is None:  # a party this module made up ('the police' of a place) has no modifiers to read
        return None
    for tok in span.root.subtree:  # the modifiers before the name, through a title ('President')
        other = ix.by_token.get(tok.i)
        if tok.i < span.start and tok.dep_ in {"amod", "compound", "poss"} and other is not None:
            return _state_of(other.actor)
    return None


def _named_party(ix: MentionIndex, noun: Token) -> bool:
    """Whether a noun phrase names whose it is ('Kurdish activists', 'students of Kabul University'); what
    its clauses say ('a rally to protest the war in Iraq') does not."""
    heads = [noun, *(p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj")]
    return any(t.i in ix.by_token for h in heads for t in (h, *h.children) if t.dep_ not in {"acl", "relcl", "prep"}
               or t.i == h.i)


def _state_of(actor: str) -> str | None:
    """The state an actor is or serves: a country of the gazetteer, or the state a role names."""
    entries = load_gazetteer().entries
    for key in (actor, actor.split(":")[-1]):
        entry = entries.get(key)
        if entry is not None and entry.type == "country":
            return key
    return None


def _objects(ix: MentionIndex, verb: Token, f: _Found) -> list[Mention]:
    """The direct object's actors, else those of a target preposition, else the first actor in the complement;
    for a demand or a criticism of an act, the one who does the act ('demanded the withdrawal of Ethiopian
    forces', 'complained to the UN over Turkish air raids')."""
    out = _judged_doers(ix, verb, f)
    if out:
        return out
    for child in verb.children:
        if f.trigger.type == "CONSULT" and child.dep_ == "dobj" and _topic(ix, child):
            continue  # "discussed Somalia's debt with X": what is talked about is no party to the talks
        if child.dep_ in {"dobj", "dative"}:
            out += _prep_targets(ix, child, f.trigger) if _same(child, f.consumed) else [
                m for m in ix.np(child) or _state_words_before(ix, child)
                if not (m.kind == "pronoun" and ix.head(m).dep_ == "poss")]  # "its aid"
    words = f.trigger.phrase.split()
    if not out and len(words) == 2:  # the preposition of the phrase takes the object: "sealed off X", "fired on X"
        out = _prep_targets(ix, verb, f.trigger, (words[1],))
    if not out and f.consumed is not None and f.consumed.dep_ == "pobj":  # "put troops on alert along X"
        out = _prep_targets(ix, f.consumed, f.trigger)
    out = out or _prep_targets(ix, verb, f.trigger) or [
        a for c in verb.children if c.dep_ == "dobj" and not _same(c, f.consumed)
        for a in _prep_targets(ix, c, f.trigger, ("to", "for", "against", "on", "with"))]  # "its aid to X"
    if not out and f.trigger.type in IN_TARGET_TYPES:  # "lifted a curfew in X", "deployed troops in X"
        for tok in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:
            out = out or _prep_targets(ix, tok, f.trigger, ("in", "inside"))
        thing = next((c for c in verb.children if c.dep_ == "dobj" and _topic(ix, c)), None)
        if not out and thing is not None:  # "attacked a police station in the Pakistani city of X"
            out = _state_party(ix, thing, _place_state(ix, [thing, verb], {"in", "inside"}))
    if not out and f.trigger.type in FROM_TARGET_TYPES:  # "withdrew its troops from X", "seized arms from X"
        for tok in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:
            out = out or _prep_targets(ix, tok, f.trigger, ("from",))
        out = out or _prep_targets(ix, verb, f.trigger, ("of",))  # "pulled its marines out of X"
    if not out and f.trigger.phrase in TRAVEL:
        out = _capital_targets(ix, verb, f.trigger.phrase.split()[-1])
    if not out and f.trigger.type == "REQUEST":  # "sought asylum in X", "called for elections in X": the state
        for tok in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:  # where it is to happen is asked
            out = out or [m for m in _prep_targets(ix, tok, f.trigger, ("in",)) if _state_of(m.actor)]
    if not out and f.trigger.type in CONTENT_TYPES | {"PROTEST"}:  # "marched to demand independence from X"
        out = _content_targets(ix, verb, purpose=f.trigger.type == "PROTEST")
    if not out and not (f.trigger.type == "CONSULT" and any(c.dep_ == "dobj" and _topic(ix, c) for c in verb.children)):
        out = _first_in_complement(ix, verb)
    if not out and f.trigger.type == "CONSULT":
        out = _gathering_target(ix, verb)
    return out


def _topic(ix: MentionIndex, noun: Token) -> bool:
    """Whether an object names a matter ('Somalia's debt', 'the Iranian proposal') rather than a party (a name,
    people, a body, a delegation): talks about a matter are not held with it."""
    return noun.pos_ == "NOUN" and noun.i not in ix.by_token and _common_lemma(noun) not in (
        PEOPLE_NOUNS | AGENCY_NOUNS | FORCE_NOUNS | PARTY_HEADS) and not _names_person(noun)


def _judged_doers(ix: MentionIndex, verb: Token, f: _Found) -> list[Mention]:
    """The doer of the act a criticism is about (the object, or 'over'/'about'/'against' an act: 'complained
    over Turkish air raids', 'condemned the raids by X'), and of the act a demand asks for as its object
    ('demanded the withdrawal of Ethiopian forces'): the one criticised or asked is the one who acts."""
    if f.trigger.type in CRITICAL:
        acts = [c for c in verb.children if c.dep_ == "dobj" and not _same(c, f.consumed)] + [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS for p in c.children
            if p.dep_ == "pobj"]
        kinds = None
    elif f.trigger.type == "REQUEST":
        acts = [c for c in verb.children if c.dep_ == "dobj" and not _same(c, f.consumed)]
        kinds = DEMANDABLE
    else:
        return []
    for act in acts:
        found = _match(act) if act.pos_ == "NOUN" else None
        if found is not None and found.trigger.pos == "N" and (kinds is None or found.trigger.type in kinds):
            doers = _act_doers(ix, act, found.trigger.type)
            if doers:
                return doers
    return []


def _act_doers(ix: MentionIndex, noun: Token, kind: str) -> list[Mention]:
    """Who does a nominal act: its possessor or the state word before it ('Israel's raids', 'Israeli air
    raids'), its 'by' agent, and for a move of forces the forces ('the withdrawal of Ethiopian forces')."""
    out = [ix.by_token[c.i] for c in noun.children if c.i in ix.by_token and c.dep_ in {"poss", "amod", "compound",
                                                                                          "nmod"}]
    out += [a for c in noun.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by" for a in ix.pobj(c)]
    if not out and kind in {"RETREAT", "MOBILIZE"}:
        out = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
               if p.dep_ == "pobj" and _common_lemma(p) in FORCE_NOUNS | AGENCY_NOUNS for a in ix.np(p)]
    return unique_actors(out)


def _same(tok: Token, other: Token | None) -> bool:
    """Token identity by position: spaCy makes a new Token object on every access, so `is` never holds."""
    return other is not None and tok.i == other.i


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
    if trig.type == "PROTEST":
        preps = (*preps, "outside")  # "demonstrated outside the Japanese embassy"
    if trig.type == "MOBILIZE":
        preps = (*preps, "near", "along")  # "held exercises near Taiwan"
    attached = [*tok.children, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"out", "away"}
                                 for g in c.children)]  # "out of X", "away from X"
    attached += [g for c in tok.children if c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == "up"
                 for g in c.children if g.lower_ == "to"]  # "held up to 40 men": the parser's 'up' takes the 'to'
    for name in preps:
        for child in attached:
            if child.dep_ in {"prep", "dative"} and child.lower_ == name:
                found = [a for p in child.children if p.dep_ == "pobj"
                         for a in _object_actors(ix, p, lex, trig.type in HARM_TYPES)]
                if not found and not any(p.dep_ in {"pobj", "pcomp"} for p in child.children):
                    found = ix.pobj(child)  # the parser left the preposition without its object: the actor after it
                if found:
                    return found
    return []


def _object_actors(ix: MentionIndex, obj: Token, lex: dict, owner: bool = False) -> list[Mention]:
    """The actors an object stands for; an object that is itself an event ('called for sanctions against X',
    'at X's request') gives that event's target, never its source, and the doer of an act asked for ('a demand
    for Israeli withdrawal' concerns Israel). With `owner`, a thing harmed stands for its owner ('set fire to
    the offices of X', 'hacked into the computers of X')."""
    nominal = lex.get(("N", obj.lemma_.lower())) if obj.pos_ == "NOUN" else None
    if nominal is not None:
        return [a for c in obj.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "to", "with", "over"}
                for a in ix.pobj(c)] or [ix.by_token[c.i] for c in obj.children if c.i in ix.by_token and c.dep_ in
                                         {"amod", "poss", "compound"} and nominal.type in DEMANDABLE] or (
            _content_clause_subjects(ix, obj) if nominal.type in CONTENT_TYPES else [])
    if obj.lemma_.lower() in BORDER_NOUNS:  # "to its border with Kuwait": the state across the border
        across = [a for c in obj.children if c.dep_ == "prep" and c.lower_ == "with" for a in ix.pobj(c)]
        if across:
            return across
    found = ix.np(obj) or _state_words_before(ix, obj)
    if not found and owner:
        found = _owners(ix, obj)
    if not found and obj.pos_ == "NOUN" and _common_lemma(obj) in PEOPLE_NOUNS and not _named_party(ix, obj):
        found = _state_party(ix, obj, _people_place(ix, obj))
    return found


def _people_place(ix: MentionIndex, people: Token) -> str | None:
    """The state unnamed people are placed in ('refugees in Chad', 'families escaping the floods in Laos'): as
    event coders code them, people in a state are that state's."""
    state = _nested_place(ix, people)
    for verb in (c for c in people.children if c.dep_ == "acl" and c.lemma_.lower() in FLEEING):
        for obj in (o for o in verb.children if o.dep_ == "dobj"):
            state = state or _state_at(ix, obj) or _nested_place(ix, obj)
        state = state or _place_state(ix, [verb], PLACE_PREPS | {"from"})  # "escaping the floods in X", "... from X"
    return state


def _owners(ix: MentionIndex, thing: Token) -> list[Mention]:
    """Whose a thing harmed is: its 'of' ('the offices of X') or the people it is for ('a camp for Congolese
    refugees', 'a school for Kurdish children'), who are the ones an attack on it harms."""
    if thing.pos_ != "NOUN":
        return []
    found = [a for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for a in ix.pobj(c)]
    return found or [a for c in thing.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                     if p.dep_ == "pobj" and _common_lemma(p) in PEOPLE_NOUNS for a in ix.np(p) or
                     _state_words_before(ix, p)]


def _state_words_before(ix: MentionIndex, noun: Token) -> list[Mention]:
    """'five Bolivian army officers': a state's adjective on a modifier of a people or force noun ties the
    people to that state, as it does when it stands right before the noun."""
    if _common_lemma(noun) not in PEOPLE_NOUNS | AGENCY_NOUNS | FORCE_NOUNS:
        return []
    out = []
    for tok in ix.parsed[noun.left_edge.i:noun.i]:
        m = ix.by_token.get(tok.i)
        path, cur = True, tok
        while cur.i != noun.i and path:
            path = cur.dep_ in {"amod", "compound", "nmod"} and cur.head.i != cur.i
            cur = cur.head
        if m is not None and path and _state_of(m.actor):
            out.append(m)
    return unique_actors(out)


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


def _content_targets(ix: MentionIndex, tok: Token, purpose: bool = False) -> list[Mention]:
    """Whom a demand, promise, refusal or accusation concerns, read from its complement: the subject of the
    clause ('demanded that the US cancel ...'), else the first actor inside it ('promised to continue
    military aid to Mozambique'), never the actor making it."""
    sources = {m.actor for m in ix.subjects(tok)} if tok.pos_ != "ADJ" else {m.actor for m in ix.subjects(tok.head)}
    for child in tok.children:
        if child.dep_ not in ({"ccomp", "xcomp", "advcl"} if purpose else {"ccomp", "xcomp"}) or (
                purpose and not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
            continue
        subjects = [a for c in child.children if c.dep_ in {"nsubj", "nsubjpass"} for a in ix.np(c)
                    if a.actor not in sources]
        if subjects:
            return subjects
        inside = [ix.by_token[t.i] for t in child.subtree if t.i in ix.by_token
                  and ix.by_token[t.i].actor not in sources and not _left_undone(t, child)]
        if inside:  # a state, body or person before a place ('cut off the Nile waters to Sudan'), names first
            first = sorted(inside, key=lambda m: (ix.type_of(m) not in PARTY_TYPES, m.kind == "demonym"))[0]
            return _with_conjuncts(ix, first)  # "aid for Latvia and Estonia" reaches both
    return []


def _left_undone(tok: Token, top: Token) -> bool:
    """Whether `tok` lies in a 'without ...' or 'instead of ...' phrase below `top` ('agreed to resign without
    returning to X'): what such a phrase names is not done, so it is not whom the act concerns."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in {"without", "instead"}:
            return True
        cur = cur.head
    return False


def _with_conjuncts(ix: MentionIndex, first: Mention) -> list[Mention]:
    """An actor and those conjoined with it ('Iran, Libya and Sudan'): one list names every party."""
    listed = ix.np(ix.head(first)) if id(first) in ix.spans else []
    return listed if any(m is first for m in listed) else [first]


def _first_in_complement(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'helped put down riots in Kazakhstan', 'alleged genocide as being committed against people in X':
    the first actor inside the object or complement, states and named bodies before groups and demonyms."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ in {"dobj", "xcomp"}:
            found = [ix.by_token[t.i] for t in child.subtree if t.i in ix.by_token and not _inside_trigger_noun(
                t, child, lex) and not _other_side(t) and not (child.dep_ == "dobj" and _in_description(t, child))
                and not _left_undone(t, child)]
            names = [m for m in found if m.kind != "demonym"]
            if found:
                return (names or found)[:1]
    return []


def _in_description(tok: Token, top: Token) -> bool:
    """Whether `tok` lies in a clause describing the object ('the rally staged by students at X University'):
    where the object was or who made it, not whom the act is done to."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in {"acl", "relcl"}:
            return True
        cur = cur.head
    return False


def _other_side(tok: Token) -> bool:
    """A possessor of a noun of relation ('its neighbour', 'Egypt's ally'): the one it relates to, not the party."""
    return tok.dep_ == "poss" and tok.head.lemma_.lower() in RELATION_NOUNS


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
    owners = [noun, noun.head] if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else [noun]
    between = [a for t in owners for c in t.children if c.dep_ == "prep" and c.lower_ == "between"
               for a in ix.pobj(c)]  # "fighting broke out between X and Y"
    if between and not sources and not _governor_args(ix, noun, trig, False)[0]:
        sources, between = between[:1], between[1:]  # "clashes between X and Y"; with a doer ("X began an
        # effort to mediate between Y and Z") both are the ones acted with
    targets += between
    by = BY_PREPS.get(trig.type, ("by", "from"))
    heads = [noun, *(p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj")]  # "the arrest of X by Y", with "by Y" parsed under X
    sources += [a for h in heads for c in h.children if c.dep_ in {"prep", "agent"} and c.lower_ in by
                for a in ix.pobj(c)]
    if not targets:
        targets = _prep_targets(ix, noun, trig, tuple(p for p in TARGET_PREPS if p not in {"between", *by}))
    if not targets and trig.type == "PROTEST" and noun.dep_ == "dobj":  # "staged a rally to denounce X"
        targets = _content_targets(ix, noun.head, purpose=True)
    if not targets and trig.type in FROM_TARGET_TYPES:  # "Iraq's withdrawal from Kuwait"
        targets = _prep_targets(ix, noun, trig, ("from",))
    if not targets and trig.type == "CONSULT":
        targets = _capital_targets(ix, noun) or _earlier_convener(ix, noun)
    gov_sources, gov_targets = _governor_args(ix, noun, trig, bool(sources))
    verb, via = _governing_verb(noun)
    if not sources and not gov_sources and verb is not None and via == "dobj":  # "a court in X issued warrants"
        gov_sources = _placed_doer(ix, verb)
    sources = unique_actors(sources + gov_sources)
    targets = unique_actors(targets or gov_targets)
    if not targets and sources and trig.type in IN_TARGET_TYPES:  # "X imposed a blockade in Y"; a doer is named:
        verb, via = _governing_verb(noun)  # "the war in Y" alone is a background reference
        for tok in [noun] + ([verb] if verb is not None and via == "dobj" and verb.lemma_ in LIGHT_VERBS else []):
            targets = targets or _prep_targets(ix, tok, trig, ("in", "inside"))  # "held exercises in Y"
    if not targets and trig.type in CONTENT_TYPES:  # "its demand that Uganda withdraw its troops"
        targets = [m for m in _content_clause_subjects(ix, noun) if m.actor not in {s.actor for s in sources}]
    if not targets and trig.type in CONTENT_TYPES:  # "North Korea's threat to attack Japan"
        doers = {m.actor for m in sources}
        inside = [ix.by_token[t.i] for c in noun.children if c.dep_ == "acl" for t in c.subtree
                  if t.i in ix.by_token and ix.by_token[t.i].actor not in doers]
        targets = ([m for m in inside if m.kind != "demonym"] or inside)[:1]
    sources = [s for s in sources if s not in targets]
    if sources and not targets and trig.type == "PROTEST":
        verb, _ = _governing_verb(noun)
        targets = _protest_place(ix, [noun] + ([verb] if verb is not None else []))
    if trig.type == "CONSULT" and not sources:
        return [], []  # "at the SCO summit" names a meeting; without a participant it reports no act
    return sources, targets


def _content_clause_subjects(ix: MentionIndex, noun: Token) -> list[Mention]:
    """The subject of the 'that' clause stating what a demand, agreement or charge says ('the demand that Israel
    lift the closure'), also where the clause stands after the verb that takes the noun ('renewed its demand
    today that Uganda withdraw ...'): the one the demand is made on."""
    clauses = [c for c in noun.children if c.dep_ in {"acl", "ccomp"}]
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and _match(noun.head) is None:
        clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
    for clause in clauses:
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            continue
        found = [a for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for a in ix.np(c)]
        if found:
            return found
    return []


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
    if via == "with" and passive:  # "Japan was hit with tariffs by the US": the passive subject is acted on
        return ix.agent(verb), [a for c in passive for a in ix.np(c)]
    if via == "under":  # "a convoy came under attack from X": the subject is the one acted on
        doers = [a for t in (noun, verb) for c in t.children if c.dep_ in {"prep", "agent"} and c.lower_ in
                 {"from", "by"} for a in ix.pobj(c)]
        return doers, ix.subjects(verb)
    if via == "nsubjpass":  # "an investigation was launched by X into Y"
        return ix.agent(verb), _prep_targets(ix, verb, trig, ("into", "against", "on", "to", "with"))
    if via not in {"dobj", "nsubj", "attr", "agent"} and trig.type != "CONSULT":
        return [], []  # "offered help during the riots": the riots are not the helper's
    if via == "agent":  # "punctuated by an expected meeting": the passive subject's actor takes part
        sources = [a for c in passive for a in ix.np(c)]
    elif verb.lemma_ in LIGHT_VERBS or not has_source:
        sources = ix.subjects(verb) if not passive else ix.agent(verb)
    else:
        sources = []
    targets = []
    if via == "dobj" and verb.lemma_ in LIGHT_VERBS:  # "gave Iraq an ultimatum", "gave aid to X"
        targets = [a for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for a in ix.np(c)] or \
            _prep_targets(ix, verb, trig, ("to", "with", "against", "on", "for"))
    if via == "nsubj":  # "sanctions cut off the Russian economy", "his trip was to China"
        targets = [a for c in verb.children if c.dep_ in {"dobj", "attr"} for a in ix.np(c)] or _prep_targets(
            ix, verb, trig, ("to", "against", "on", "with") + (("in", "inside") if trig.type in IN_TARGET_TYPES
                                                               else ()))  # "the first troops arrived in X"
    return sources, targets


def _governing_verb(noun: Token) -> tuple[Token | None, str]:
    """The verb a nominal trigger depends on, and how: as object, subject, agent or prepositional object."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and head.pos_ in {"VERB", "AUX"}:
        return head, noun.dep_
    if noun.dep_ == "pobj" and head.dep_ in {"prep", "agent"} and head.head.pos_ in {"VERB", "AUX"}:
        return head.head, "agent" if head.dep_ == "agent" else head.lower_
    if noun.dep_ == "conj":
        return _governing_verb(head)
    if noun.dep_ == "pobj" and head.lower_ == "of" and _measure(head.head):
        return _governing_verb(head.head)  # "gave X 5 million dollars of aid": the aid is what is given
    return None, ""


def _measure(noun: Token) -> bool:
    """A noun that measures out what follows its 'of' ('5 million dollars of aid', '25,000 tons of food')."""
    return noun.pos_ == "NOUN" and (any(c.dep_ == "nummod" for c in noun.children) or
                                    noun.lemma_.lower() in MEASURE_NOUNS)


def _backed(doc: Document, ix: MentionIndex, seen: set[tuple]) -> list[Event]:
    """'Russia-backed breakaway Abkhazia': a hyphenated participle of a trigger verb with its actor."""
    out: list[Event] = []
    lex = lexicon()
    for tok in token_list(ix.parsed):
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
            measure = _measure(cur) and cur.dep_ in {"dobj", "pobj"}  # "provided tons of aid": given through it
            if cur.pos_ in {"NOUN", "PROPN"} and cur.i != tok.i and not measure:
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
        if any(_conditional(c) for c in t.children):
            return True
    top = chain[-1]
    return top.dep_ == "advcl" and any(_conditional(c) for c in top.children)


def _announced(tok: Token) -> bool:
    """Whether an unreal act is announced or intended by its actor ('will', 'would', 'wants to', 'plans
    to') rather than conditional ('if') or merely possible ('could', 'may'): CAMEO codes an announced
    hostile act as a threat and an announced refusal to cooperate as a rejection."""
    chain = _chain(tok)
    if any(_conditional(c) for t in chain for c in t.children) or (
            chain[-1].dep_ == "advcl" and any(_conditional(c) for c in chain[-1].children)):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ANNOUNCING_MODALS for t in chain for c in t.children):
        return True
    # "helped to plan and carry out" is no announcement: a plan that is not its own subject's is part of an act
    return any(t.i != tok.i and t.lemma_ in ANNOUNCING_VERBS and any(c.dep_ == "nsubj" for c in t.children)
               for t in chain)


def _expected(tok: Token) -> bool:
    """Whether an act that has not happened is told as going to happen: 'will meet', 'is set to visit',
    'plans to sign', 'the upcoming summit', rather than as possible ('could', 'may') or conditional ('if')."""
    chain = _chain(tok)
    if any(_conditional(c) for t in chain for c in t.children) or (
            chain[-1].dep_ == "advcl" and any(_conditional(c) for c in chain[-1].children)):
        return False
    if any(c.lower_ in EXPECTING_ADJS for c in tok.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in EXPECTING_MODALS for t in chain for c in t.children):
        return True
    return any(t.i != tok.i and t.lemma_ in EXPECTING_VERBS for t in chain)


def _conditional(mark: Token) -> bool:
    """'if' or 'unless' opening a condition; 'if not' before a comparison ('X, if not more') only hedges."""
    if mark.dep_ != "mark" or mark.lower_ not in {"if", "unless"}:
        return False
    following = mark.nbor() if mark.i + 1 < len(mark.doc) else None
    return not (mark.lower_ == "if" and following is not None and following.lower_ == "not")


def _evidence(tok: Token, sent: Span) -> Span:
    """The clause around the trigger: the trigger's governing verb and its dependents, inside the sentence."""
    clause = tok
    for t in _chain(tok):
        clause = t
        if t.pos_ in {"VERB", "AUX"}:
            break
    start = max(clause.left_edge.i, sent.start)
    end = min(clause.right_edge.i + 1, sent.end)
    for cond in (c for c in clause.children if c.dep_ == "advcl" and c.i < clause.i and c.left_edge.i == start
                 and any(_conditional(m) for m in c.children)):
        start = cond.right_edge.i + 1  # "If X attacks, Y will retaliate": Y's act is the main clause
        while start < clause.i and sent.doc[start].is_punct:
            start += 1
    return trimmed(sent.doc[start:end])
