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
A group or thing belongs to the one a hyphenated modifier names ('Moscow-based journalists', 'a British-flagged
tanker', 'shops owned by Ghanaian traders'); unnamed attackers to the state they come from ('gunmen from
Somalia') or fire from ('a rocket fired from Lebanon'), and a stateless group hit to the state it is in ('Houthi
rebels in Yemen'). The subject of a verb of receiving is the one acted on ('Ukraine received aid from X', 'drew
criticism from X'); those an attack named as subject kills are its targets ('the bombardment of Gaza killed 30');
an act replied to ('in retaliation for X's expulsion of ...') is background, not a report.

Ties between actors (MEMBER_OF, LEADS, ...) are read by `newsgraph.relations`; its
`extract_relations` is re-exported here so the pipeline finds both stages in one place.
Reports of one event in many documents are merged by `newsgraph.events.merge` (re-exported here).
The word lists the rules read live in `newsgraph.events.words`, and the reading of places and owners (the state
a place lies in, 'Moscow-based', 'gunmen from Somalia') in `newsgraph.events.places`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.actors import titles
from newsgraph.coref import pronoun_mentions
from newsgraph.dates import resolve_when
from newsgraph.events.home import (
    _crowd_home,
    _crowd_noun,
    _inquiry_target,
    _named_by_state,
    _other_side_state,
    _own_government,
    _own_place,
    _own_proposers,
    _protest_place,
    _result_place,
)
from newsgraph.events.merge import MergedEvent, Report, filter_merged, merge_reports, timeline_lines
from newsgraph.events.places import (
    _as_place,
    _common_lemma,
    _compound_place,
    _home_state,
    _hyphen_owner,
    _modifier_state,
    _named_party,
    _nested_place,
    _origin_owner,
    _people_place,
    _place_party,
    _place_state,
    _sole_state,
    _state_at,
    _state_of,
    _state_party,
    _state_words_before,
    _unnamed_party,
)
from newsgraph.events.words import (
    AGENCY_NOUNS,
    ANNOUNCING_MODALS,
    ANNOUNCING_VERBS,
    ARMED_HARM_VERBS,
    ATTACK_PLACE_PREPS,
    BACKGROUND_PREPS,
    BORDER_NOUNS,
    BY_PREPS,
    CLAUSAL,
    CONDUCT_NOUNS,
    CONFLICT_NOUNS,
    CONTENT_PREPS,
    CONTENT_TYPES,
    CONVEYING_VERBS,
    COOPERATIVE,
    CRITICAL,
    CROWD_NOUNS,
    DEMANDABLE,
    DEPLOY_PLACE_PREPS,
    DEPLOYED_NOUNS,
    DISSENT_VERBS,
    DOCUMENT_NOUNS,
    DOER_NOUNS,
    DOMESTIC_SAYING,
    DOMESTIC_TYPES,
    EASING_VERBS,
    EFFORT_NOUNS,
    EXPECTING_ADJS,
    EXPECTING_MODALS,
    EXPECTING_VERBS,
    FIGHTING_NOUNS,
    FORCE_NOUNS,
    FOREIGN_WORDS,
    FORM_FIXES,
    FROM_TARGET_TYPES,
    GATHERINGS,
    HANDING_VERBS,
    HARM_TYPES,
    HELP_FORMS,
    HOME_AFFAIRS,
    HOME_BODIES,
    HOSTILE,
    HUMAN_NOUNS,
    IN_TARGET_TYPES,
    INSTRUMENT_VERBS,
    INTENT_VERBS,
    LABOUR_NOUNS,
    LEMMA_FIXES,
    LIGHT_VERBS,
    MARCHING_NOUNS,
    MAX_JOINT,
    MEASURE_NOUNS,
    MODALS,
    MOVING_TYPES,
    MUTUAL,
    NATURAL_HAZARDS,
    OBLIGATION_MODALS,
    OBSTRUCTING,
    OPPOSITION_NOUNS,
    OWNED_BY,
    OWNING_TYPES,
    PARTICLES,
    PARTY_HEADS,
    PARTY_TYPES,
    PENALTY_NOUNS,
    PEOPLE_NOUNS,
    PLACE_ENTS,
    PLACE_PREPS,
    PLOT_NOUNS,
    PROPOSAL_NOUNS,
    PROTESTING,
    PURPOSE_TYPES,
    REASONED,
    RECEIVING_VERBS,
    REFLEXIVES,
    REFUSAL_VERBS,
    REPLY_NOUNS,
    REPORT_NOUNS,
    SETTLEMENT_NOUNS,
    STANCE_NOUNS,
    STAND_INS,
    STOPPING_VERBS,
    SYMMETRIC,
    TARGET_PREPS,
    TIES_NOUNS,
    TRADE_NOUNS,
    TRAVEL,
    UNREAL_ADJS,
    VOWING_VERBS,
    WEAPON_NOUNS,
)
from newsgraph.gazetteer import fold, load_gazetteer
from newsgraph.model import PLOVER_TYPES, Document, Event, Mention
from newsgraph.nlp import token_list
from newsgraph.quotes.verbs import speech_verbs
from newsgraph.relations import (
    RELATION_NOUNS,
    MentionIndex,
    extract_relations,
    trimmed,
    unique_actors,
)

__all__ = ["extract_events", "extract_relations", "filter_merged", "lexicon", "merge_reports", "MergedEvent",
           "plover_type", "Report", "timeline_lines", "Trigger", "with_references"]

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
    complaints = {**demands, **{f.token.i: f for f in found if f.trigger.type == "PROTEST"}}  # "a protest over X"
    protests = {f.token.i for f in found if f.trigger.type == "PROTEST" or _crowd_act(f)}
    triggers = {f.token.i for f in found}
    out: list[Event] = []
    seen: set[tuple] = set()
    for f in found:
        if f.token.i in consumed or _subsumed(f, verbs, demands) or _object_of_act(f, verbs, complaints) or \
                _agreed_to(f, verbs) or \
                _classifier(f) or _earlier(f) or _object_effort(f, verbs) or _protest_purpose(f, protests) or \
                _told_as_occasion(f, verbs, triggers) or \
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
    forum') are left to the argument finders, which read them in their clause, all but the owner 'the
    country's' and its like, which stand for a state named before."""
    if any(m.kind in {"pronoun", "description"} for m in mentions):
        return mentions
    return mentions + pronoun_mentions(parsed, mentions, None, doc_id, descriptions=False, states=True)


# ---------------------------------------------------------------------- triggers


def _match(tok: Token) -> _Found | None:
    """The trigger at a token, if any; an entry of type '-' says the word is no event in that use, and a verb
    of receiving is none when its object names the act ('received aid': the aid is the event)."""
    found = _find_trigger(tok)
    if found is None or found.trigger.type == NO_EVENT:
        return None
    if found.trigger.pos == "V" and found.consumed is None and tok.lemma_ in RECEIVING_VERBS and any(
            c.dep_ == "dobj" and (n := _find_trigger(c)) is not None and n.trigger.pos == "N" for c in tok.children):
        return None
    return found


_TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ"})


def _find_trigger(tok: Token) -> _Found | None:
    if tok.pos_ not in _TRIGGER_POS:
        return None  # the lexicon holds verbs, nouns and adjectives only
    lex = lexicon()
    lemma = FORM_FIXES.get(tok.lower_) or LEMMA_FIXES.get(tok.lemma_.lower(), tok.lemma_.lower())
    # a verb form in a noun's place is a noun the tagger missed ('held missile exercises')
    pos = "NOUN" if tok.pos_ == "VERB" and tok.dep_ in {"dobj", "pobj"} and tok.tag_ == "VBZ" else tok.pos_
    if pos == "VERB" and tok.dep_ != "amod":
        if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":  # "test-fired", "re-opened"
            hit = lex.get(("V", f"{tok.doc[tok.i - 2].lower_}-{lemma}"))
            if hit:
                return _Found(tok, hit)
        if lemma in speech_verbs() and ("V", lemma) not in lex and _obligation(tok) is not None:
            return _Found(tok, OBLIGATION)  # "Chile said that Peru must return the aircraft"
        if lemma in {"order", "tell", "give"} and any(c.dep_ == "xcomp" and c.lemma_ == "leave" for c in tok.children):
            return _Found(tok, lex[("V", "expel")])  # "ordered the ambassador to leave the country": an expulsion
        result = tok.tag_ == "VBG" and tok.dep_ == "advcl"  # "clashed, leaving 30 dead" is no withdrawal
        if lemma in {"leave", "quit"} and not result and any(c.dep_ == "dobj" for c in tok.children) and any(
                _common_lemma(d) in FORCE_NOUNS for d in _doer_tokens(tok)):
            return _Found(tok, lex[("V", "withdraw")])  # "the last Russian troops left Estonia": a withdrawal
        if lemma in ARMED_HARM_VERBS and ("V", lemma) not in lex and any(
                _common_lemma(d) in FORCE_NOUNS | WEAPON_NOUNS for d in _doer_tokens(tok)):
            return _Found(tok, lex[("V", "bomb")])  # "Iraqi jets hit the terminal": harm by arms is an attack
        if any(c.dep_ == "aux" and c.lower_ in HELP_FORMS for c in tok.children):
            return _Found(tok, lex[("V", "help")])  # "troops helped put down riots": parsed as an auxiliary
        # verb, preposition and noun, before the object: "go on strike", "put on alert", "sent troops to the border",
        # also through a particle parsed as a preposition ("pulled out of the talks")
        for child in _idiom_preps(tok):
            for words, obj in [(child.lower_, o) for o in child.children if o.dep_ == "pobj"] + [
                    (f"{child.lower_} {g.lower_}", o) for g in child.children if g.dep_ == "prep"
                    for o in g.children if o.dep_ == "pobj"]:
                for noun in (obj.lemma_.lower(), *(c.lower_ for c in obj.children if c.dep_ == "amod")):
                    hit = lex.get(("V", f"{lemma} {words} {noun}"))  # also "on a war footing", parsed with
                    if hit:  # 'footing' as a modifier of 'war'
                        return _Found(tok, hit, obj)
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None  # "handed over 32 prisoners", parsed as
        misread = [after] if after is not None and after.dep_ == "quantmod" and after.lower_ in PARTICLES else []
        for child in [*tok.children, *misread]:  # 'over 32'
            if child.dep_ == "prt" or (child.dep_ in {"advmod", "quantmod"} and child.lower_ in PARTICLES) or (
                    child.dep_ == "prep" and child.lower_ in {"out", "away"} and any(  # "ordered troops out of X"
                        g.dep_ == "prep" for g in child.children)):
                for obj in (o for o in tok.children if o.dep_ == "dobj"):  # "stepped up security"
                    hit = lex.get(("V", f"{lemma} {child.lower_} {obj.lemma_.lower()}"))
                    if hit:
                        return _Found(tok, hit, obj)
                hit = lex.get(("V", f"{lemma} {child.lower_}"))
                if hit:
                    return _Found(tok, hit)
        for child in tok.children:  # the object, or the passive subject ("fishermen were released"), or an object
            if child.dep_ in {"dobj", "nsubjpass"}:  # it is listed with ("cut air, road and rail links")
                measured = [p for c in child.children if _measure(child) and c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"]  # "sent thousands of troops"
                for obj in (child, *child.conjuncts, *measured):
                    hit = _object_phrase(lemma, obj, lex)
                    if hit:
                        return _Found(tok, hit, obj)
        for child in tok.children:
            if child.dep_ == "prep" or (child.dep_ == "xcomp" and any(a.lower_ == "to" for a in child.children)):
                hit = lex.get(("V", f"{lemma} {'to' if child.dep_ == 'xcomp' else child.lower_}"))
                if hit:
                    return _Found(tok, hit)  # "call for", "side with", "offered to negotiate"
        hit = lex.get(("V", lemma))
        return _Found(tok, hit) if hit else None
    if pos == "NOUN":
        if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":  # "a sit-in", "the pull-out", split at the hyphen
            hit = lex.get(("N", f"{tok.doc[tok.i - 2].lower_}-{lemma}"))
            if hit:
                return _Found(tok, hit)
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


def _idiom_preps(verb: Token) -> list[Token]:
    """The prepositions that may close a 'verb preposition noun' idiom: the verb's own, then those the parser hung
    on its object or on the noun of its first phrase ('placed its forces along the line on high alert')."""
    own = [c for c in verb.children if c.dep_ == "prep"]
    nouns = [c for c in verb.children if c.dep_ == "dobj"] + [p for c in own for p in c.children if p.dep_ == "pobj"]
    return own + [c for n in nouns for c in n.children if c.dep_ == "prep"]


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
    if hit is None and (obj.pos_ == "NOUN" and _common_lemma(obj) in HUMAN_NOUNS or _people_word(obj)):
        hit = lex.get(("V", f"{lemma} people"))  # "beat refugees", "held villagers", "freed two Canadians"
    return hit or _composed(lemma, obj, lex)


def _composed(lemma: str, obj: Token, lex: dict[tuple[str, str], Trigger]) -> Trigger | None:
    """A verb of stopping or easing with a noun of ties, fighting or penalty, or one of carrying with a noun of
    forces, that no lexicon pair lists ('halted imports of wine', 'suspended aid programmes', 'stopped the
    shelling', 'eased the embargo', 'poured troops into X'): typed as the lexicon types its listed pairs of the
    same kind."""
    if obj.pos_ != "NOUN":
        return None
    nouns = {_common_lemma(obj), obj.lower_} | {_common_lemma(c) for c in obj.children if c.dep_ == "compound"}
    if lemma in EASING_VERBS and nouns & PENALTY_NOUNS:
        return lex.get(("V", "lift sanction"))
    if lemma in STOPPING_VERBS and nouns & FIGHTING_NOUNS:
        return lex.get(("V", "halt fighting"))
    if lemma in STOPPING_VERBS and nouns & TIES_NOUNS:
        return lex.get(("V", "halt aid"))
    if lemma in CONVEYING_VERBS and nouns & DEPLOYED_NOUNS:
        return lex.get(("V", "move troops"))  # "poured troops into X", "flew tanks to the border"
    return None


def _names_person(tok: Token) -> bool:
    """Whether an object names a person: a person's name or a title ('the mayor', 'President X')."""
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in titles() or any(
        c.dep_ == "compound" and c.lower_ in titles() for c in tok.children)


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
    if f.trigger.pos == "V" and tok.dep_ == "acl" and tok.tag_ == "VBN" and head.dep_ in {"dobj", "nsubjpass"} and \
            head.head.i in verbs:  # "rejected the mediation offered by Greece": the offer is what was turned down
        return True
    if head.i == tok.i or head.i not in verbs:
        return False
    if f.trigger.pos == "V":
        return tok.dep_ in {"xcomp"}
    if tok.dep_ in {"dobj", "nsubjpass"}:  # "criticized the sanctions", "the offer was turned down"
        return head.lemma_ not in LIGHT_VERBS
    return False


def _speakers(ix: MentionIndex, verb: Token) -> list[Mention]:
    """Who reports the clause of `verb` ('..., officials in London said'; 'X said ...')."""
    said = verb.head if verb.dep_ in {"ccomp", "parataxis"} else next(
        (c for c in verb.children if c.dep_ == "parataxis"), None)
    if said is None or said.lemma_ not in speech_verbs():
        return []
    return ix.subjects(said)


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
    return (f.trigger.type in PURPOSE_TYPES or f.trigger.type == "PROTEST" or _crowd_act(f)) and \
        _protest_of_purpose(f.token, protests) is not None  # ("..., throwing bottles": how the crowd protested)


def _protest_of_purpose(tok: Token, protests: set[int]) -> Token | None:
    """The protest (verb, or the verb staging a protest noun) whose purpose infinitive or demanding participle
    `tok` heads."""
    if tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.tag_ == "VBG":
        tok = tok.head  # "..., throwing bottles and chanting slogans"
    crowd_manner = tok.tag_ == "VBG" and tok.dep_ == "advcl"  # "besieged the embassy, throwing bottles"
    if tok.dep_ not in {"advcl", "xcomp"} or not (any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                                                  or _demanding(tok) or crowd_manner):
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
    act = verbs.get(prep.head.i)  # "lodged a protest over X": a light verb whose phrase is the act
    proposal = prep.head  # "rejected a proposal for a truce": the truce is what was turned down
    put_forward = proposal.pos_ == "NOUN" and proposal.lemma_.lower() in PROPOSAL_NOUNS and proposal.dep_ in {
        "dobj", "nsubjpass"} and proposal.head.i in verbs
    return (act is not None and (prep.head.lemma_ not in LIGHT_VERBS or act.consumed is not None)) or (
        prep.head.pos_ == "NOUN" and prep.head.i in demands) or put_forward  # "a call for sanctions"


def _agreed_to(f: _Found, verbs: dict[int, _Found]) -> bool:
    """'agreed to a Qatari mediation bid', 'consented to a UN inquiry': a nominal act that an agreement or refusal
    accepts is its content, not an act of its own (the one agreed to has not acted yet)."""
    tok = f.token
    prep = tok.head
    return f.trigger.pos == "N" and tok.dep_ == "pobj" and prep.lower_ == "to" and prep.head.i in verbs and \
        verbs[prep.head.i].trigger.type in {"AGREE", "REJECT"}


def _classifier(f: _Found) -> bool:
    """A nominal trigger that only classifies another noun ('aid workers', 'war crimes', 'a ceasefire
    proposal', 'prisoners of war') names no event; with a noun of effort it does ('a mediation effort', 'a peacekeeping
    mission')."""
    tok = f.token
    if f.trigger.pos == "N" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and not any(
            c.dep_ in {"det", "poss", "amod"} for c in tok.children):  # "prisoners of war", "veterans of war"
        return _common_lemma(tok.head.head) in HUMAN_NOUNS | {"prisoner", "veteran"}
    return f.trigger.pos == "N" and tok.dep_ == "compound" and tok.head.lemma_.lower() not in EFFORT_NOUNS


def _told_as_occasion(f: _Found, verbs: dict[int, _Found], nouns: set[int]) -> bool:
    """A trigger in an 'after' or 'since' clause of a clause that reports an act of its own ('X imposed
    sanctions on Y after soldiers seized power in Z', 'praised Seoul after its president returned from his summit
    in Pyongyang'): the earlier act is the occasion of the one reported."""
    tok = f.token
    if f.trigger.pos == "N":  # "after X returned from his summit in Pyongyang": the clause's verb is its act's
        while tok.dep_ in {"pobj", "prep", "dobj"} and tok.head.i != tok.i:
            tok = tok.head
    if tok.pos_ != "VERB" or tok.dep_ != "advcl" or not any(
            m.dep_ == "mark" and m.lower_ in {"after", "since", "following"} for m in tok.children):
        return False
    return any(t.i in verbs or any(c.dep_ == "dobj" and c.i in nouns for c in t.children) for t in _chain(tok.head))


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
    if prep.lower_ in {"for", "to", "against", "over", "at"} and prep.head.lemma_.lower() in REPLY_NOUNS:
        return True  # "in retaliation for Amman's expulsion of a diplomat", "in anger over the bombing of X": the
        # act replied to came before
    if prep.lower_ == "during" and f.trigger.type != "CONSULT":  # "during the Iraqi occupation" sets the time; a
        return True  # visit or talks during which something is said did take place
    return prep.lower_ in BACKGROUND_PREPS or (prep.dep_ == "prep" and prep.head.lower_ == "following")


def _content_of(tok: Token, verbs: dict[int, _Found]) -> bool:
    """Whether a trigger lies in the complement of an agreement, request, refusal, threat or accusation:
    'agreed that their countries should cooperate', 'demanded that X release Y', 'accused X of attacking Y',
    'is ready to send troops'; and the reason given for a punishment ('jailed X for helping Y'). The
    complement is what was agreed, asked, refused or alleged, not a second event; the governing act is the
    one that took place."""
    cur = tok
    clausal = reason = False
    if tok.dep_ == "acl" and _common_lemma(tok.head) in PLOT_NOUNS and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
        return True  # "a plot to blow up an airliner": what was plotted has not been done
    for _ in range(6):
        if cur.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in cur.children) and any(
                c.dep_ == "dobj" and c.i < cur.i and c.i in verbs and verbs[c.i].trigger.pos == "N" and
                verbs[c.i].trigger.type in CONTENT_TYPES for c in cur.head.children):
            return True  # "defied a demand to release prisoners", the infinitive parsed under the verb
        if cur.head.i == cur.i or cur.dep_ in {"relcl", "advcl", "parataxis"}:
            return False
        # a conjoined clause ('alleged that ... and that ...') passes; a noun's infinitive ('calls to withdraw')
        clausal = clausal or cur.dep_ in CLAUSAL or (cur.dep_ == "acl" and cur.head.pos_ == "NOUN")
        reason = reason or (cur.dep_ == "pcomp" and cur.head.lower_ == "for")
        came_by = cur.dep_
        cur = cur.head
        hit = verbs.get(cur.i)
        if hit is not None:  # what lies inside a threat's content lies in that content too ('threatened to shoot
            # down aircraft violating its airspace': the violation is no event of its own)
            return clausal and hit.trigger.type in CONTENT_TYPES | {"SUPPORT"} or reason and hit.trigger.type in \
                REASONED or (clausal and _content_of(cur, verbs))  # "backed X's decision to bomb Y": what is backed
        if (came_by == "ccomp" or came_by == "prep" and clausal) and any(
                c.dep_ == "dobj" and c.i in verbs and verbs[c.i].trigger.pos == "N" and
                verbs[c.i].trigger.type in CONTENT_TYPES for c in cur.children):
            return True  # "renewed its demand that X withdraw": the clause is the content of the noun; so is what
            # "opened an inquiry into reports that X killed ..." looks into, 'into' parsed under the verb
    return False


# ---------------------------------------------------------------------- arguments


def _events_for(doc: Document, ix: MentionIndex, f: _Found) -> list[Event]:
    if _crowd_act(f):
        f = _Found(f.token, replace(f.trigger, type="PROTEST"), f.consumed)
    if f.trigger.type == "ASSAULT" and f.token.lemma_ == "strike" and f.trigger.pos == "N" and _labour_strike(f.token):
        # "a strike by dock workers", "nurses began a strike": a stoppage, not an air strike
        f = _Found(f.token, replace(f.trigger, type="PROTEST"), f.consumed)
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
    if trig.type == "ACCUSE" and sources and not targets:  # "opened an investigation into alleged kickbacks"
        targets = _inquiry_target(ix, tok, sources)
    if trig.type in OWNING_TYPES | {"MOBILIZE"}:  # "imposed a curfew on Srinagar": the place stands for its state
        targets = [_as_place(ix, t) for t in targets]
    if trig.pos == "V" and not sources and any(c.dep_ == "nsubj" and c.lemma_.lower() in NATURAL_HAZARDS
                                               for c in tok.children):
        return []  # "an earthquake struck the south of the country": no one's act
    if trig.phrase in TRAVEL and not (sources and targets):
        return []  # "going over to the West like Ukraine" is no visit: a visit has a visitor and a host
    if trig.phrase in MUTUAL and len(sources) > 1:  # "X and Y forces exchanged fire on the Golan": where, not whom
        targets = [t for t in targets if ix.type_of(t) not in {"place", "unknown"}]
    targets = _abroad_first(ix, sources, targets)
    pairs = _pairs(sources, targets, "CONSULT" if trig.phrase in MUTUAL else trig.type)  # joint like a meeting
    if not pairs:
        return []
    negated = _is_negated(tok)
    kind = trig.type
    gaz = load_gazetteer()
    if kind == "RETREAT" and tok.lemma_ in {"withdraw", "pull", "quit"} and targets and all(
            (e := gaz.entries.get(t.actor)) is not None and e.type == "organization" for t in targets):
        kind = "SANCTION"  # "Morocco withdrew from the OAU": leaving a body reduces relations (CAMEO 16)
    if kind == "AID" and f.consumed is not None and _common_lemma(f.consumed) in FORCE_NOUNS and targets and \
            _sole_state(ix, sources) is not None and _sole_state(ix, sources) == _sole_state(ix, targets):
        kind = "MOBILIZE"  # "Sri Lanka sent troops to the Jaffna peninsula": troops sent at home are deployed
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


def _abroad_first(ix: MentionIndex, sources: list[Mention], targets: list[Mention]) -> list[Mention]:
    """'struck Iraqi intelligence in Baghdad ... a plot to kill a former U.S. president', 'released five U.S.
    citizens held in its prisons': an act that reaches another state is not also one on the doer's own; the
    own state found beside it is a word of the description (whose prisons, whose coalition)."""
    own = _sole_state(ix, sources)
    if own is None or len(targets) < 2:
        return targets
    states = [_home_state(t.actor) or _modifier_state(ix, t) for t in targets]
    if not any(st not in {None, own} for st in states):
        return targets
    return [t for t, st in zip(targets, states, strict=True) if st != own]


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


def _crowd_act(f: _Found) -> bool:
    """'students protested against X', 'farmers blocked motorways', 'rioters set fire to ...': people in the street
    demonstrate, obstruct and riot, where a government complains, blockades or burns (CAMEO 14, protest)."""
    return (f.trigger.type == "ACCUSE" and f.token.lemma_ == "protest" or f.token.lemma_ in OBSTRUCTING or
            f.trigger.phrase in OBSTRUCTING) and f.trigger.type != "PROTEST" and _crowd_subject(f.token)


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
    headless = _headless_subject(verb)
    if verb.dep_ in {"advcl", "xcomp"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        verb = verb.head  # "thousands banged pots to protest against X": the crowd of the clause it serves
    for child in [*verb.children, *headless]:
        if child.dep_ == "nsubj" or child in headless:
            heads = [child, *(p for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                              for p in c.children if p.dep_ == "pobj")]
            return any(h.lemma_.lower() in CROWD_NOUNS or _people_word(h) for h in heads)
    return False


def _headless_subject(verb: Token) -> list[Token]:
    """'Kenyan activists protested against ...' parsed as a noun with a participle after it: a verb of dissent
    has no passive, so the noun it hangs from is its subject; so is it of a participle that says or threatens
    something when the noun is all the sentence has besides."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"} or any(
            c.dep_ == "agent" for c in verb.children):
        return []
    if verb.lemma_ in DISSENT_VERBS:
        return [verb.head]
    # 'UNITA rebels threatened to shoot down aircraft' as a sentence with no verb of its own: the participle is it;
    # so is a threat or vow with its infinitive, which no passive takes
    told = any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)
    vowed = verb.lemma_ in VOWING_VERBS and any(c.dep_ in {"xcomp", "advcl"} and any(  # the infinitive is often
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)  # parsed as a clause
    return [verb.head] if verb.head.dep_ == "ROOT" and told or vowed else []


def _people_word(tok: Token) -> bool:
    """A people named in the plural ('Albanians', 'Serbs'): a crowd of them, not a state's government."""
    return tok.pos_ in {"PROPN", "NOUN"} and tok.lower_.endswith("s") and tok.text[:1].isupper() and \
        load_gazetteer().demonym(tok.text[:-1]) is not None


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
        sources = ix.agent(verb) or (_capital_targets(ix, verb, "from") if f.trigger.type in FROM_TARGET_TYPES
                                     else [])  # "two diplomats were expelled from Tehran": by its government
        targets = [a for c in subj_pass for a in (
            (_prep_targets(ix, c, f.trigger) or ix.np(c) or _hyphen_owner(ix, c)) if _same(c, f.consumed) else
            ix.np(c) or _hyphen_owner(ix, c) or _authors(ix, c))] or _prep_targets(
            ix, verb, f.trigger)  # "relations with X were severed", "sanctions were imposed on X"
        if not targets and f.trigger.type in HARM_TYPES:  # "a clinic for Malian patients was shelled"
            targets = [a for c in subj_pass for a in _owners(ix, c)]
        if not sources and f.trigger.type == "REJECT":  # "X's offer was turned down, the Philippine foreign ministry
            sources = _speakers(ix, verb)  # said": who says it was refused refused it
    elif _headless_subject(verb):  # "Kenyan activists protested against X", parsed as a noun phrase
        sources = [a for t in _headless_subject(verb) for a in ix.np(t)]
        targets = _objects(ix, verb, f)
    elif verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and \
            verb.head.lemma_.lower() in DOCUMENT_NOUNS:  # "issued a declaration demanding that X ...": who issued it
        sources, targets = ix.subjects(verb.head.head), _objects(ix, verb, f)
    elif verb.dep_ == "acl" and verb.tag_ == "VBN":  # "the accusations levelled at Ukraine by Putin"
        sources, targets = ix.agent(verb), _prep_targets(ix, verb, f.trigger)
        if not targets and _existential(verb.head):
            targets = ix.np(verb.head)  # "there were ten Russian soldiers killed": the noun is acted on
    else:
        sources = ix.subjects(verb)
        targets = _objects(ix, verb, f)
    targets = _past_forum(ix, [verb], f.trigger, targets)
    sources = sources or _owned_doers(ix, verb, f.trigger.type) or _when_doers(ix, verb, f)
    if not sources and verb.dep_ == "xcomp" and verb.head.lemma_ in INSTRUMENT_VERBS:
        sources = ix.subjects(verb.head)  # "police used water cannon to disperse ...": the police disperse
    sources = [s for s in sources if s not in targets]
    targets = [t for t in targets if not (t.kind == "pronoun" and any(t.actor == s.actor for s in sources))]
    act = _harming_act(verb, f)  # (a pronoun read back to the doer is no one acted on: "if they went ahead")
    if act is not None:  # "the Israeli bombardment of Gaza killed 30 people": those the bombardment hit
        targets = targets or _noun_args(ix, act.token, act.trigger)[1]
    elif not targets and f.trigger.type in HARM_TYPES and _result_place(ix, verb):
        targets = _result_place(ix, verb)  # "struck X's Khost province, killing eight people": people there
    elif not targets and f.trigger.type in DOMESTIC_TYPES | DOMESTIC_SAYING:
        targets = _own_people(ix, verb, sources, f.trigger.type) or (
            _own_proposers(ix, verb, sources) if f.trigger.type in DOMESTIC_SAYING | {"CONCEDE"} else [])
    if not targets and sources and f.trigger.type in DOMESTIC_TYPES and act is None:
        targets = _own_place(ix, verb, sources)
    if not targets and sources and f.trigger.type == "MOBILIZE":  # "Indonesia poured troops into Aceh": forces
        targets = _own_place(ix, verb, sources, DEPLOY_PLACE_PREPS)  # sent to a place at home are turned on it
    if not sources or not targets:
        near = f.trigger.type in {"ASSAULT", "PROTEST"}  # "rallied outside the embassy in Manila"
        sources, targets = _placed_sides(ix, verb, sources, targets, ATTACK_PLACE_PREPS if near else PLACE_PREPS)
    if not sources and f.trigger.type == "ASSAULT" and (verb.dep_ not in {"acl", "relcl"} or _existential(verb.head)):
        sources = _attack_place(ix, verb)  # a participle after a noun describes it ('soldiers killed in X')
    if not targets and f.trigger.type in DOMESTIC_SAYING | {"SUPPORT"} and any(_crowd_noun(ix, s) for s in sources):
        targets = _own_government(ix, verb, sources) or (  # "unions endorsed the government's plan": their own;
            _crowd_home(ix, verb, sources) if f.trigger.type in CRITICAL else [])  # "the opposition rejected the
        # election results": what it turns down at home is its government's
    if f.trigger.type == "THREATEN" and f.trigger.phrase in speech_verbs():  # "Israel will strike targets across
        found = _threatening_state(ix, verb, sources)  # Lebanon, the minister warned": the state that will strike
        if found is not None and {t.actor for t in targets} <= {d.actor for d in found[0]}:  # threatens the one
            sources, targets = found  # it will strike, unless the warning names whom it is told to
    if not targets and f.trigger.type == "THREATEN" and sources:  # "threatened to declare a state of emergency"
        targets = next((t for x in verb.children if x.dep_ == "xcomp" and (t := _own_place(ix, x, sources))), [])
        targets = targets or _threatened_place(ix, verb)
    if not targets and f.trigger.type in DOMESTIC_SAYING | {"SANCTION", "SUPPORT"} and sources:
        targets = _own_institution(ix, verb, sources)  # "threatened to boycott the elections": its own state's
    if not targets and f.trigger.type == "CONCEDE" and any(_crowd_noun(ix, s) for s in sources):
        targets = _crowd_home(ix, verb, sources)  # "the teachers' union called off its strike": to its government
    if sources and not targets and f.trigger.type == "PROTEST":
        targets = _protest_place(ix, [verb]) or _own_government(ix, verb, sources) or _crowd_home(ix, verb, sources)
    return sources, targets


def _border_sides(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'moved divisions close to the Pakistani border': forces sent to a border named for another state face
    that state."""
    own = _sole_state(ix, ix.subjects(verb) + ix.agent(verb))
    borders = [t for t in verb.subtree if t.lemma_.lower() in BORDER_NOUNS and _phrase_of(t, verb)]
    return [m for b in borders for c in b.children if c.dep_ in {"amod", "compound", "poss"}
            and (m := ix.by_token.get(c.i)) is not None and _state_of(m.actor) not in {None, own}]


def _phrase_of(tok: Token, verb: Token) -> bool:
    """Whether a noun sits in one of a verb's own place phrases ('close to the X border', 'along the border'),
    not in a clause or noun of its own."""
    cur = tok
    while cur.dep_ in {"pobj", "prep", "advmod"} and cur.head != cur:
        cur = cur.head
        if cur == verb:
            return True
    return False


def _threatening_state(ix: MentionIndex, verb: Token, speakers: list[Mention]
                       ) -> tuple[list[Mention], list[Mention]] | None:
    """'Israel will strike targets across Lebanon if ..., Defence Minister X warned': a warning whose clause has a
    state do harm, told by someone of that state or of none, is that state's threat to whom the harm reaches."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        doers = [a for c in clause.children if c.dep_ == "nsubj" for a in ix.np(c) if ix.type_of(a) == "country"]
        act = _match(clause)
        if not doers or act is None or act.trigger.type not in HARM_TYPES | {"SANCTION", "MOBILIZE"}:
            continue
        own = _sole_state(ix, speakers)
        if own is not None and own not in {_state_of(d.actor) for d in doers}:
            continue
        done = [a for a in _objects(ix, clause, act) if a.actor not in {d.actor for d in doers}]
        place = _place_state(ix, [clause, *(c for c in clause.children if c.dep_ == "dobj")],
                             ATTACK_PLACE_PREPS | {"across", "into"}) if not done else None
        if done or place is not None:  # else whom the harm reaches is read as before ('would arrest them')
            return doers, done or _state_party(ix, clause, place)
    return None


def _threatened_place(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'warned that they would resume attacks in Colombo': a threatened harm placed in a state is aimed at it."""
    for act in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}):
        harms = [act, *(c for c in act.children if c.dep_ == "dobj" and (m := _match(c)) is not None
                        and m.trigger.type in HARM_TYPES)]
        state = _place_state(ix, harms, PLACE_PREPS)
        if state is not None:
            return _state_party(ix, act, state)
    return []


def _own_institution(ix: MentionIndex, verb: Token, sources: list[Mention]) -> list[Mention]:
    """'Serb leaders threatened to boycott the elections', 'Tehran rejected parliament's bill': an election,
    parliament or government no one is named with is the doers' own state's."""
    acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    for thing in (c for a in acts for c in a.children if c.dep_ in {"dobj", "nsubjpass"}):
        owned = [thing, *(c for c in thing.children if c.dep_ in {"poss", "compound"})]
        if any(_common_lemma(t) in HOME_BODIES | HOME_AFFAIRS for t in owned) and thing.i not in ix.by_token and \
                not _named_party(ix, thing) and not any(t.i in ix.by_token for t in thing.subtree) and not any(
                    m.dep_ == "amod" and m.lower_ in FOREIGN_WORDS for m in thing.children):
            return _state_party(ix, thing, _sole_state(ix, sources))
    return []


def _when_doers(ix: MentionIndex, verb: Token, f: _Found) -> list[Mention]:
    """'Two soldiers were killed when Pakistani troops fired across the border': the doers of a harm told in
    the passive without an agent are those of the attack, or the armed doers, of its 'when' clause."""
    if f.trigger.type not in HARM_TYPES or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    for clause in (c for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "as", "after"} for m in c.children)):
        found = _match(clause)
        armed = any(c.dep_ == "nsubj" and _common_lemma(c) in FORCE_NOUNS | DOER_NOUNS for c in clause.children)
        if found is not None and found.trigger.type in HARM_TYPES or armed:  # "when troops fired across ..."
            return ix.subjects(clause)
    return []


def _harming_act(verb: Token, f: _Found) -> _Found | None:
    """The attack a harm verb has as subject ('the bombardment of Gaza killed 30 people', 'air strikes wounded
    dozens'): those harmed are the attack's targets, not people of its doer at home."""
    if f.trigger.type not in HARM_TYPES:
        return None
    for subj in (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"):
        found = _match(subj)
        if found is not None and found.trigger.pos == "N" and found.trigger.type in HARM_TYPES:
            return found
    return None


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


def _attack_place(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'A roadside bombing near Kunduz killed a Dutch soldier', 'killed by a bomb outside Herat': an attack whose
    doer the sentence does not name is coded to the state where it happened, or whence it was fired ('a rocket
    fired from Gaza'), as event coders code it."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + [
        p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if any(t.i in ix.by_token or t.pos_ in {"PRON", "PROPN"} or _unnamed_party(ix, t) for t in doers):
        return []  # a doer is named (or is a pronoun or name the sentence does not resolve)
    hit = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}  # "gunmen killed a minister in Beirut"
           and all(_common_lemma(d) in DOER_NOUNS for d in doers)]  # not "the coalition bombed targets in X"
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)  # "shells were fired from X", "a rocket launched
    fired = [*([verb] if passive else []), *(c for d in doers for c in d.children if c.dep_ == "acl")]  # from X"
    return _state_party(ix, verb, _place_state(ix, fired, {"from"}) or _place_state(  # "fired from Gaza"
        ix, [*_scene(verb), *doers], ATTACK_PLACE_PREPS) or _place_state(ix, hit, PLACE_PREPS) or next(
        (st for h in hit if (st := _compound_place(ix, h))), None))  # "stormed a Kabul hotel"


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
    doers = _doer_tokens(verb)
    purposes = [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]  # "blocked roads to protest against the government"
    done_to = [c for v in (verb, *verb.conjuncts) for c in v.children if c.dep_ in {"dobj", "nsubjpass"}] + [
        p for t in (verb, *purposes) for c in t.children if c.dep_ == "prep" and c.lower_ in {
            "against", "with", "on", "at", "upon", "to"}
        for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN" and not p.ent_type_]  # "fired on protesters",
    # "set fire to buildings in X"
    doer = next((t for t in doers if _unnamed_party(ix, t)), None) if not sources else None
    done = next((t for t in done_to if _unnamed_party(ix, t)), None) if not targets else None
    if doer is None and done is None:
        return sources, targets
    crowd = [doer, *(p for c in doer.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)] if \
        doer is not None else []  # "hundreds of prisoners in X"
    home = _place_state(ix, crowd, PLACE_PREPS) if doer is not None else None
    if home is not None:  # "rebels in Yemen fired at the Saudi city of X": the doers are placed apart from the act
        sources = _state_party(ix, doer, home)
        if done is None:
            return sources, targets
    state = _place_state(ix, [*_scene(verb), *doers, *done_to], preps) or next(  # "took to the streets of X"
        (st for t in done_to if t.lemma_.lower() in SETTLEMENT_NOUNS and (st := _nested_place(ix, t))), None) or \
        _other_side_state(ix, doer, done, sources, targets)
    if state is None and doer is not None and preps is ATTACK_PLACE_PREPS:  # "rebels shelled the Angolan city of X"
        state = next((st for t in done_to if t.dep_ == "dobj" and (st := _state_at(ix, t) or next(
            (m.actor for m in _place_party(ix, t)), None))), None)
    state = state or _sentence_state(ix, verb, places_only=bool(sources or targets))  # not "the government
    # rejected US criticism": a state on one side says whose the other side is only when it is named as a place
    if state is None:
        return sources, targets

    def party(tok: Token | None) -> list[Mention]:
        return _state_party(ix, tok, state) if tok is not None else []
    return sources or party(doer), targets or party(done)


def _sentence_state(ix: MentionIndex, verb: Token, places_only: bool = False) -> str | None:
    """'The opposition rejected the government's offer, saying the elections in Togo were rigged': where a
    sentence names one state and nothing else, as a party or a place, its unnamed government, opposition or
    crowd are that state's; with `places_only`, when it names that state as where something is ('government
    troops attacked rebels in the north of Chad')."""
    sent = verb.sent
    named = [m for t in sent if (m := ix.by_token.get(t.i)) is not None]
    states = {_home_state(m.actor) or _modifier_state(ix, m) for m in named}
    places = {st for t in sent if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and (
        st := _state_at(ix, t) or _nested_place(ix, t))}
    states |= places
    if len(states) != 1 or None in states or places_only and not places:
        return None
    return states.pop()


def _doer_tokens(verb: Token) -> list[Token]:
    """The words for whoever does what a verb says: its subject or 'by' agent, else, for a clause without a
    subject of its own, those of the clause it depends on ('police fired bullets to disperse the crowd')."""
    cur = verb
    for _ in range(3):
        doers = [c for c in cur.children if c.dep_ == "nsubj"] + [
            p for c in cur.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if doers or any(c.dep_ == "nsubjpass" for c in cur.children) or cur.dep_ not in {"advcl", "conj", "xcomp"} \
                or cur.head.pos_ not in {"VERB", "AUX"}:
            return doers
        if cur.dep_ == "xcomp" and cur.head.lemma_ not in INSTRUMENT_VERBS and any(
                c.dep_ == "dobj" for c in cur.head.children):
            return []  # "urged the police to disperse them": the object is the doer
        cur = cur.head
    return []


def _placed_doer(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'A court in Lima issued warrants', 'police in Lagos made arrests': the unnamed body or force that does what
    the noun says is the one of the state where it or the act is placed."""
    doer = next((c for c in verb.children if c.dep_ == "nsubj" and _unnamed_party(ix, c)), None)
    return _state_party(ix, doer, _place_state(ix, [verb, doer])) if doer is not None else []


def _own_people(ix: MentionIndex, verb: Token, sources: list[Mention], kind: str) -> list[Mention]:
    """'Turkish police detained journalists', 'demonstrators were dispersed by the Egyptian army': a state's
    forces acting on people the sentence ties to no other state act at home, and event coders code the
    people as the state's own (a domestic act, state on state). The people stand for that state here."""
    acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")] if kind == "THREATEN" else [verb]
    harm = any((m := _match(a)) is not None and m.trigger.type in DOMESTIC_TYPES for a in acts[1:])
    nouns = PEOPLE_NOUNS if kind in DOMESTIC_TYPES or harm else OPPOSITION_NOUNS  # "threatened to kill mayors"
    objects = [c for a in acts for c in a.children if c.dep_ in {"dobj", "nsubjpass"}] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "at", "upon", "against"}
        for p in c.children if p.dep_ == "pobj"]  # "opened fire on a crowd"
    objects += [p for o in objects if _match(o) is not None for c in o.children if c.dep_ == "prep" and
                c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]  # "ordered the arrest of farmers"
    people = [c for c in objects if (c.pos_ == "NOUN" or c.pos_ == "PROPN" and c.i not in ix.by_token)  # "the
              # People's Democracy Party", a name no one recognised
              and ({c.lemma_.lower(), *(m.lemma_.lower() for m in c.children if m.dep_ in {"compound", "amod"})}
                   & nouns or c.lemma_.lower() in PEOPLE_NOUNS | LABOUR_NOUNS and any(
                       m.dep_ == "amod" and m.lower_ in PROTESTING for m in c.children))
              and not _named_by_state(ix, c)  # "activists", "opposition leaders", "supporters of X" (no state's)
              and not any(m.dep_ == "amod" and m.lower_ in FOREIGN_WORDS for m in c.children)]  # not "foreign ..."
    state = _sole_state(ix, sources)
    if not people or state is None:
        return []
    span = ix.parsed[people[0].left_edge.i:people[0].right_edge.i + 1]
    return [Mention(ix.doc_id, span.start_char, span.end_char, span.text, state, "demonym")]


def _owned_doers(ix: MentionIndex, verb: Token, kind: str) -> list[Mention]:
    """The doers of an act named by whose they are rather than by name: the subject or 'by' agent that is
    'Kabul-based' or 'from Sudan'; of an attack, also one made from a state ('shelled from Syria by rebels'),
    where a withdrawal's 'from' is where the doers leave."""
    doers = _doer_tokens(verb)
    at = verb if kind == "ASSAULT" else None
    return [m for d in doers for m in _hyphen_owner(ix, d) or _origin_owner(ix, d, at)]


def _objects(ix: MentionIndex, verb: Token, f: _Found) -> list[Mention]:
    """The direct object's actors, else those of a target preposition, else the first actor in the complement;
    for a demand or a criticism of an act, the one who does the act ('demanded the withdrawal of Ethiopian
    forces', 'complained to the UN over Turkish air raids')."""
    out = _judged_doers(ix, verb, f)
    if out:
        return out
    if f.trigger.type == "RETREAT" and f.trigger.phrase.split()[0] in HANDING_VERBS:  # "handing it back to X",
        out = [m for m in _prep_targets(ix, verb, f.trigger, ("to",)) if ix.type_of(m) != "place"]  # "returned
        if out:  # the land to X": whom the thing goes back to, not the thing
            return out
    # "rejected as absurd a U.S. proposal", "dismissed as baseless Egypt's claim": the object parsed under 'as'
    as_objects = [] if any(c.dep_ == "dobj" for c in verb.children) else [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
        if p.dep_ == "pobj" and p.pos_ == "NOUN" and any(d.dep_ in {"det", "poss"} for d in p.children)]
    for child in [*verb.children, *as_objects]:
        if f.trigger.type == "CONSULT" and child.dep_ == "dobj" and _topic(ix, child):
            continue  # "discussed Somalia's debt with X": what is talked about is no party to the talks
        if child.dep_ in {"dobj", "dative"} or child in as_objects:
            owners = _owners(ix, child) or _place_party(ix, child) if f.trigger.type in OWNING_TYPES else []
            # "attacked shops owned by X", "shelled the city of Homs"
            used = _same(child, f.consumed) and f.trigger.phrase.split()[-1] not in STAND_INS  # "struck the town
            # of X": an object matched by a stand-in is the one acted on, not a word of the phrase
            authors = _authors(ix, child) if child.lemma_.lower() in PROPOSAL_NOUNS else []  # "a Kosovo plan
            # drafted by X" is X's, whatever it is about; what allegations say is the doers' ("to investigate
            # allegations that state police took part in ...")
            authors = authors or (_alleged_doers(ix, child) if child.lemma_.lower() in REPORT_NOUNS
                                  and f.trigger.type == "ACCUSE" else [])
            found = _phrase_object_targets(ix, child, f.trigger) if used else [
                m for m in authors or ix.np(child) or _state_words_before(ix, child) or _hyphen_owner(ix, child) or
                owners or _authors(ix, child) if not (m.kind == "pronoun" and ix.head(m).dep_ == "poss")]  # "its aid"
            out += _and_placed_state(ix, child, found, (verb,)) if f.trigger.type in OWNING_TYPES else found
    if f.trigger.type in {"RETREAT", "AID"} and out and all(ix.type_of(m) in {"place", "unknown"} for m in out):
        out = _prep_targets(ix, verb, f.trigger, ("to",)) or out  # "handed back the Taba enclave to Egypt"
    words = f.trigger.phrase.split()
    if not out and len(words) == 2:  # the preposition of the phrase takes the object: "sealed off X", "fired on X"
        out = _prep_targets(ix, verb, f.trigger, (words[1],))
    if not out and f.consumed is not None and f.consumed.dep_ == "pobj":  # "put troops on alert along X"
        out = _prep_targets(ix, f.consumed, f.trigger)
    if not out and f.trigger.type == "RETREAT":  # "withdrew its fighters from Turkey to bases in Iraq": the
        for tok in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:  # state left, not where they go
            out = out or _prep_targets(ix, tok, f.trigger, ("from", "of") if tok is verb else ("from",))
    out = out or _prep_targets(ix, verb, f.trigger) or [
        a for c in verb.children if c.dep_ == "dobj" and not _same(c, f.consumed)
        for a in _prep_targets(ix, c, f.trigger, ("to", "for", "against", "on", "with"))]  # "its aid to X"
    if not out and f.trigger.type in IN_TARGET_TYPES:  # "lifted a curfew in X", "deployed troops in X"
        for tok in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:
            out = out or [_as_place(ix, m) for m in _prep_targets(ix, tok, f.trigger, ("in", "inside", "across"))]
        thing = next((c for c in verb.children if c.dep_ == "dobj" and _topic(ix, c)), None)
        if not out and thing is not None:  # "attacked a police station in the Pakistani city of X"
            out = _state_party(ix, thing, _place_state(ix, [thing, verb], {"in", "inside"}))
    if not out and f.trigger.type in FROM_TARGET_TYPES:  # "withdrew its troops from X", "seized arms from X"
        for tok in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:
            out = out or _prep_targets(ix, tok, f.trigger, ("from",)) or _capital_targets(ix, tok, "from")
        out = out or _prep_targets(ix, verb, f.trigger, ("of",))  # "pulled its marines out of X"
    stances = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
               if p.dep_ == "pobj" and _common_lemma(p) in STANCE_NOUNS]  # "marched in protest against X's plan",
    for stance in stances:  # "rallied in support of X"
        out = out or _prep_targets(ix, stance, f.trigger, ("against", "at", "over", "of", "with", "to"))
    if not out and f.trigger.phrase in TRAVEL:
        out = _capital_targets(ix, verb, f.trigger.phrase.split()[-1])
    if not out and f.trigger.type == "REQUEST":  # "sought asylum in X", "called for elections in X": the state
        for tok in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:  # where it is to happen is asked
            out = out or [m for m in _prep_targets(ix, tok, f.trigger, ("in",)) if _state_of(m.actor)]
    if not out and f.trigger.type in CONTENT_TYPES | {"PROTEST"}:  # "marched to demand independence from X"
        out = _content_targets(ix, verb, purpose=f.trigger.type == "PROTEST")
    if f.trigger.type == "MOBILIZE" and all(_home_state(m.actor) in {None, *(
            _home_state(s.actor) for s in ix.subjects(verb))} for m in out):  # where forces go at home says less
        out = _posture_target(ix, verb) or out  # than whom the show of force is aimed at
    if f.trigger.type == "THREATEN" and all(_home_state(m.actor) is None for m in out):
        out = _condition_targets(ix, verb) or out  # "threatened to quit the treaty unless Washington ...": the one
        # whose act the threat is conditioned on, where what it threatens names no state
    if not out and not (f.trigger.type == "CONSULT" and any(c.dep_ == "dobj" and _topic(ix, c) for c in verb.children)):
        out = _first_in_complement(ix, verb)
    if not out and f.trigger.type == "CONSULT":
        out = _gathering_target(ix, verb)
    return out


def _posture_target(ix: MentionIndex, verb: Token) -> list[Mention]:
    """Whom a deployment or alert answers: 'a show of force aimed at X', 'in a standoff with X', 'after reports that
    X's troops had crossed', '..., saying X was preparing an invasion'."""
    aimed = [a for t in verb.subtree if t.dep_ == "acl" and t.lemma_ in {"aim", "direct"} for p in t.children
             if p.dep_ == "prep" and p.lower_ == "at" for a in ix.pobj(p)]
    rival = [a for n in verb.subtree if n.lemma_.lower() in CONFLICT_NOUNS and n.dep_ == "pobj" and n.head.lower_ in {
        "in", "amid"} for w in n.children if w.dep_ == "prep" and w.lower_ == "with" for a in ix.pobj(w)]
    own = {s.actor for s in ix.subjects(verb)}  # "in response to what it called ...": not the doer itself
    occasion = [a for c in verb.children if c.dep_ in {"advcl", "prep"} and (c.lower_ == "after" or any(
        p.dep_ == "pobj" and p.lemma_ in REPLY_NOUNS for p in c.children) or any(
        m.dep_ == "mark" and m.lower_ in {"after", "as"} for m in c.children) or (
        c.tag_ == "VBG" and c.lemma_ in speech_verbs())) for t in c.subtree
        if (a := ix.by_token.get(t.i)) is not None and ix.type_of(a) == "country" and a.actor not in own][:1]
    return aimed or rival or occasion or _planned_fight_target(ix, verb) or _border_sides(ix, verb) or \
        _timed_before(ix, verb, own)


def _timed_before(ix: MentionIndex, verb: Token, own: set[str]) -> list[Mention]:
    """'held exercises days before Taiwan's election', 'ahead of Lithuania's referendum': a show of force timed
    before another state's event is staged to weigh on that state."""
    whens = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"before", "during"} or c.lower_ == "ahead"]
    events = [p for w in whens for p in (*w.children, *(g for d in w.children if d.dep_ == "prep" for g in d.children))
              if p.dep_ == "pobj"]  # 'ahead' takes its event through 'of'
    return [a for e in events for m in e.children if m.dep_ in {"poss", "compound", "amod"}
            and (a := ix.by_token.get(m.i)) is not None and ix.type_of(a) == "country" and a.actor not in own][:1]


def _planned_fight_target(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'called up reservists ahead of an offensive in Gaza', 'moved troops in preparation for an incursion into
    X': forces readied for a fight are aimed at where the fight is to be."""
    fights = [n for t in verb.subtree if t.dep_ == "pobj" and t.head.dep_ == "prep" and (
        t.head.lower_ in {"before", "for"} or t.head.head.lower_ == "ahead") for n in (t, *(
            p for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"))
        if _common_lemma(n) in FIGHTING_NOUNS | {"invasion", "incursion"}]
    for fight in fights:
        found = [a for c in fight.children if c.dep_ == "prep" and c.lower_ in {"into", "against", "on"}
                 for a in ix.pobj(c) if ix.type_of(a) == "country"]
        state = _place_state(ix, [fight], {"in", "into", "on"})
        if found or state:
            return found or _state_party(ix, fight, state)
    return []


def _condition_targets(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'threatened military action if Kuwait did not pay', 'threatened retaliation after X announced': the one
    whose act a threat is conditioned on, or answers, is the one threatened; an unnamed government there is the
    threatener's own ('unless the government froze ...'), as are unnamed people ('if protesters did not leave')."""
    acts = [verb, *(x for x in verb.children if x.dep_ in {"xcomp", "advcl"} and any(  # "threatened to close X
        a.dep_ == "aux" and a.lower_ == "to" for a in x.children) or x.dep_ == "ccomp")]  # if Iraq continued its
    # attacks", "warned that it would quit the treaty if X resumed its exercises"
    doers = ix.subjects(verb)
    for clause in (c for c in acts for c in c.children
                   if c.dep_ == "advcl" and any(_conditional(m) or m.dep_ == "mark" and m.lower_ == "after"
                                                for m in c.children)):
        found = [m for m in ix.subjects(clause) if m.actor not in {d.actor for d in doers}] or _own_government(
            ix, clause, doers) or [  # "unless they ...", read back to the threatener, is no one
            m for c in clause.children if c.dep_ == "nsubj" and _common_lemma(c) in MARCHING_NOUNS
            and _unnamed_party(ix, c) for m in _state_party(ix, c, _sole_state(ix, doers))]
        if found:
            return found
    return []


def _phrase_object_targets(ix: MentionIndex, obj: Token, trig: Trigger) -> list[Mention]:
    """Whom an act reaches when its phrase used up the object noun ('released hostages', 'captured the town'):
    the noun's own target preposition or owner; people or forces named with a state ('three Ecuadorian
    hostages'); a place harmed, by the state it lies in ('the eastern Ukrainian town of X')."""
    found = _prep_targets(ix, obj, trig) or _hyphen_owner(ix, obj)
    if not found and trig.type == "PROTEST":  # "burned Danish flags": the state whose flag it is
        found = ix.np(obj)
    if not found and _common_lemma(obj) in HUMAN_NOUNS | FORCE_NOUNS:  # not the owner's pronoun: "its troops"
        found = [m for m in ix.np(obj) if not (m.kind == "pronoun" and ix.head(m).dep_ == "poss")]
    if not found and trig.type in OWNING_TYPES and _common_lemma(obj) in SETTLEMENT_NOUNS:
        found = _state_party(ix, obj, _state_at(ix, obj)) or _place_party(ix, obj)
    return found


def _authors(ix: MentionIndex, thing: Token) -> list[Mention]:
    """Who put forward a thing acted on ('vetoed a resolution drafted by X', 'rejected a plan put forward by
    X', 'a request from Baghdad'): the agent of the participle after it, or a capital it comes from, the party
    whose proposal is turned down, backed or judged."""
    return [a for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in ix.agent(c)] or [
        m for prep in ("from", "by") for m in _capital_targets(ix, thing, prep)] or ([
            a for c in thing.children if c.dep_ == "prep" and c.lower_ in {"from", "by"} for a in ix.pobj(c)] or [
            a for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
            for g in p.children if g.dep_ == "prep" and g.lower_ in {"from", "by"} for a in ix.pobj(g)] or  # "an
            _hyphen_owner(ix, thing) or [  # offer of talks from X", with 'from' parsed under the talks
            a for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
            if p.dep_ == "pobj" and (_common_lemma(p) in FORCE_NOUNS or _match(p) is not None) for a in ix.np(p)]
        if thing.lemma_.lower() in PROPOSAL_NOUNS else [])  # "a ceasefire offer from the rebels", "a U.S.-sponsored
    # resolution", "an offer of Australian troops", "an offer of Japanese aid": whose troops or aid is offered
    # offers it


def _past_forum(ix: MentionIndex, toks: list[Token], trig: Trigger, targets: list[Mention]) -> list[Mention]:
    """'complained to the United Nations over Iraq's use of ...', 'lodged a complaint with the Security Council
    over X': a body a criticism is brought to is the forum that hears it; the one judged is whom it is about."""
    if trig.type not in CRITICAL or not targets or any(ix.type_of(t) != "organization" for t in targets):
        return targets
    judged = [a for t in toks for a in _prep_targets(ix, t, trig, ("over", "about", "against"))]
    return judged or targets


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
        preps = (*preps, "near", "along", "opposite", "around", "off")  # "held exercises near Taiwan"
    attached = [*tok.children, *(g for c in tok.children if c.dep_ in {"prep", "advmod", "prt"} and c.lower_ in {
        "out", "away", "back"} for g in c.children)]  # "out of X", "away from X", "pulled troops back from X"
    attached += [g for c in tok.children if c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == "up"
                 for g in c.children if g.lower_ == "to"]  # "held up to 40 men": the parser's 'up' takes the 'to'
    for name in preps:
        for child in attached:
            if child.dep_ in {"prep", "dative"} and child.lower_ == name:
                owning = trig.type in OWNING_TYPES or trig.phrase in OBSTRUCTING  # "set fire to the offices of X"
                found = [a for p in child.children if p.dep_ == "pobj"
                         for a in _object_actors(ix, p, lex, owning, trig.type in MOVING_TYPES,
                                                 trig.type in CRITICAL)
                         if not (a.kind == "pronoun" and ix.head(a).dep_ == "poss")]  # "against its boats"
                if not found and not any(p.dep_ in {"pobj", "pcomp"} for p in child.children):
                    found = ix.pobj(child)  # the parser left the preposition without its object: the actor after it
                if found:
                    return found
    return []


def _object_actors(ix: MentionIndex, obj: Token, lex: dict, owner: bool = False, placed: bool = False,
                   critical: bool = False) -> list[Mention]:
    """The actors an object stands for; an object that is itself an event ('called for sanctions against X',
    'at X's request') gives that event's target, never its source, and the doer of an act asked for ('a demand
    for Israeli withdrawal' concerns Israel). With `owner`, a thing harmed stands for its owner ('set fire to
    the offices of X', 'hacked into the computers of X'); with `placed`, a place forces leave or are sent to
    stands for its state ('withdrew from Kabul airport', 'deployed troops to the streets of Guayaquil'). An act
    objected to (`critical`) is its doer's ('a strike against the Israeli occupation')."""
    nominal = lex.get(("N", obj.lemma_.lower())) if obj.pos_ == "NOUN" else None
    if nominal is not None:
        return [a for c in obj.children if c.dep_ == "prep" and c.lower_ in {"against", "on", "to", "with", "over"}
                for a in ix.pobj(c)] or [ix.by_token[c.i] for c in obj.children if c.i in ix.by_token and c.dep_ in
                                         {"amod", "poss", "compound"} and (nominal.type in DEMANDABLE or critical)] or [
            a for c in obj.children if c.dep_ == "poss" and critical for a in ix.np(c)] or (  # "the Israeli army's
            # siege": whose army
            _alleged_doers(ix, obj) if nominal.type in CONTENT_TYPES else []) or _doers_named(ix, obj)
    if obj.lemma_.lower() in BORDER_NOUNS:  # "to its border with Kuwait": the state across the border
        across = [a for c in obj.children if c.dep_ == "prep" and c.lower_ == "with" for a in ix.pobj(c)]
        if across:
            return across
    whose = [a for c in obj.children if c.dep_ == "poss" for a in ix.np(c)] if critical else []
    if any(_home_state(a.actor) or _modifier_state(ix, a) for a in whose):  # "against the Israeli army's siege of
        return whose  # the Church": whose act is objected to, not what it is done to
    found = ix.np(obj) or _state_words_before(ix, obj) or _hyphen_owner(ix, obj) or [
        a for c in obj.children if c.dep_ == "poss" for a in ix.np(c)] or [  # "against the Danish government's
        a for c in obj.children if c.dep_ == "relcl" for g in c.children if g.dep_ == "nsubj" and g.i < c.i
        for a in ix.np(g)] or _doers_named(ix, obj)  # decision", "against the barrier Israel is building": whose the
    # thing is; "the expansion of settlements by Israel": who does it
    if not found and obj.pos_ == "NOUN" and obj.lemma_.lower() in REPORT_NOUNS:  # "an inquiry into allegations
        found = _alleged_doers(ix, obj)  # that police tortured detainees in X": whom the allegations are about
    if not found and _common_lemma(obj) in CONDUCT_NOUNS:  # "into the role of Iranian diplomats"
        found = [a for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for a in ix.pobj(c)]
    if not found and owner:  # "set fire to the offices of X"; "fired at a car in Gaza City"
        found = _owners(ix, obj) or _state_party(ix, obj, _nested_place(ix, obj) if obj.pos_ == "NOUN" else None) \
            or _place_party(ix, obj)  # "closed the crossing into Gaza"
    if not found and placed:
        found = _place_party(ix, obj) or _state_party(ix, obj, _compound_place(ix, obj) or (
            _nested_place(ix, obj) if obj.pos_ == "NOUN" else None))
    if not found and obj.pos_ == "NOUN" and _common_lemma(obj) in PEOPLE_NOUNS and not _named_party(ix, obj):
        found = _state_party(ix, obj, _people_place(ix, obj))
    if not found and obj.pos_ == "NOUN":  # "warned of retaliation against Finland": whom the measure is against
        found = [a for c in obj.children if c.dep_ == "prep" and c.lower_ in {"against", "upon"} for a in ix.pobj(c)]
    if not found and critical and obj.pos_ == "NOUN":  # "in protest against the construction of Israel's barrier":
        found = [a for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children  # the
                 if p.dep_ == "pobj" for m in p.children if m.dep_ == "poss" for a in ix.np(m)]  # owner's doing
    return _and_placed_state(ix, obj, found) if owner else found


def _and_placed_state(ix: MentionIndex, noun: Token, found: list[Mention], around: tuple[Token, ...] = ()
                      ) -> list[Mention]:
    """'Air strikes against Houthi rebels in Yemen': a group hit that no state has is, as coders code it, also
    the state it is placed in (by its own place or that of the act `around` it); a group of a state ('Syrian
    rebels') is that state's already."""
    if not found or noun.pos_ != "NOUN" or any(_state_of(m.actor) or ix.type_of(m) in {"country", "person"}
                                               for m in found):
        return found
    return found + _state_party(ix, noun, _nested_place(ix, noun) or _place_state(ix, list(around), {"in", "inside"}))


def _owners(ix: MentionIndex, thing: Token) -> list[Mention]:
    """Whose a thing harmed is: its 'of' or 'from' ('the offices of X', 'imports from X') or the people it is
    for ('a camp for Congolese refugees', 'a school for Kurdish children'), who are the ones an attack on it
    harms; a state's word before it ('Ukrainian cities', which the actor finder reads as places, not as the
    state)."""
    if thing.pos_ != "NOUN":
        return []
    states = [m for c in thing.children if c.dep_ in {"amod", "compound", "nmod"} and (m := ix.by_token.get(c.i))
              is not None and _state_of(m.actor)]
    if states:
        return states
    found = [a for c in thing.children if c.dep_ == "prep" and c.lower_ in {"of", "from"} for a in ix.pobj(c)] or [
        a for c in thing.children if c.dep_ == "prep" and c.lower_ == "to" and _common_lemma(thing) in TRADE_NOUNS
        for a in ix.pobj(c)] or [  # "an embargo on arms sales to X": whom the goods go to
        a for c in thing.children if c.dep_ == "acl" and c.lower_ in OWNED_BY for a in ix.agent(c) or [
            m for g in c.children if g.dep_ == "agent" for p in g.children for m in _hyphen_owner(ix, p)]
    ] or _hyphen_owner(ix, thing) or [  # "shops owned by Ghanaian traders", "a British-flagged tanker"
        a for c in thing.children if c.dep_ == "acl" and c.lemma_ in {"carry", "transport"} for o in c.children
        if o.dep_ == "dobj" for a in ix.np(o) or _state_words_before(ix, o)]  # "a bus carrying Israeli settlers"
    return found or [a for c in thing.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                     if p.dep_ == "pobj" and _common_lemma(p) in PEOPLE_NOUNS for a in ix.np(p) or
                     _state_words_before(ix, p)]


def _capital_targets(ix: MentionIndex, tok: Token, prep: str = "to") -> list[Mention]:
    """'came to Astana', 'a visit to Washington', 'recalled its envoy from Rabat': a capital named as the
    destination or the post left stands for the state (a capital named as the place of a meeting does not)."""
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
    said_by = ix.subjects(tok) if tok.pos_ != "ADJ" else ix.subjects(tok.head)
    # the speaker's own state named in the clause ('X's president warned that Belgrade would ...') is the speaker,
    # unless the speakers are its opposition or a crowd ('Sudanese opposition leaders demanded that Khartoum ...')
    crowd = bool(said_by) and all(_crowd_noun(ix, m) is not None for m in said_by)
    sources = {m.actor for m in said_by} | {st for m in said_by if (st := _state_of(m.actor) or (
        _modifier_state(ix, m) if ix.type_of(m) == "person" else None))}  # a state's own official, not its rebels
    for child in tok.children:
        to_clause = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ not in {"ccomp", "xcomp", "advcl"} or (purpose and not to_clause and not _demanding(child)) or (
                not purpose and child.dep_ == "advcl" and not to_clause):
            continue  # an infinitive the parser hangs as an adverbial clause is still the content ('threatened
            # on Tuesday to aim its missiles at X')
        if purpose and _demanding(child):  # "..., demanding the withdrawal of French troops": whom the demand asks
            asked = _objects(ix, child, _match(child))
            if asked:
                return asked
        subjects = [a for c in child.children if c.dep_ in {"nsubj", "nsubjpass"} for a in ix.np(c)
                    if a.actor not in sources or crowd and a.kind in {"name", "metonym"}]
        if subjects:
            return subjects
        inside = [m for t in child.subtree if t.i in ix.by_token and (m := ix.by_token[t.i]).actor not in sources
                  and not _left_undone(t, child) and not (m.kind == "pronoun" and t.dep_ == "poss")]  # "its debts"
        if inside:  # a state, body or person before a place ('cut off the Nile waters to Sudan'), names first
            first = sorted(inside, key=lambda m: (ix.type_of(m) not in PARTY_TYPES, m.kind == "demonym"))[0]
            return _with_conjuncts(ix, first)  # "aid for Latvia and Estonia" reaches both
        capitals = [m for t in child.subtree for prep in ("from", "to") for m in _capital_targets(ix, t, prep)]
        if capitals:  # "threatened to recall its ambassador from Rabat"
            return capitals[:1]
    return []


def _demanding(clause: Token) -> bool:
    """'marched through Yerevan, demanding that Moscow ...': a participle of demand or dissent after a protest
    says what the protest is for, as an infinitive of purpose does."""
    found = _match(clause) if clause.tag_ == "VBG" else None
    return found is not None and found.trigger.type in PURPOSE_TYPES


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
            found = [m for m in found if not (m.kind == "pronoun" and ix.head(m).dep_ == "poss")]  # "its boats"
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
    owners = [noun, noun.head] if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.pos_ == "VERB" else [noun]
    between = [a for t in owners for c in t.children if c.dep_ == "prep" and c.lower_ == "between"
               for a in _placed_parties(ix, c, owners) or ix.pobj(c)]  # "fighting broke out between X and Y"
    if between and not sources and not _governor_args(ix, noun, trig, False)[0]:
        sources, between = between[:1], between[1:]  # "clashes between X and Y"; with a doer ("X began an
        # effort to mediate between Y and Z") both are the ones acted with
    targets += between
    by = BY_PREPS.get(trig.type, ("by", "from"))
    heads = [noun, *(p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj")]  # "the arrest of X by Y", with "by Y" parsed under X
    into = next((c.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "into"), None)
    late_by = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" and into is not None and c.i > into]
    targets += [a for c in late_by for a in ix.pobj(c)]  # "an investigation into nuclear activities by Iran": the
    # 'by' after what is looked into names its doer, parsed under the inquiry
    sources += [a for h in heads for c in h.children if c.dep_ in {"prep", "agent"} and c.lower_ in by
                and c not in late_by for a in ix.pobj(c)]
    forces = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ ==
              "pobj" and _common_lemma(p) in FORCE_NOUNS for a in ix.np(p)] if trig.type == "RETREAT" else []
    sources += forces  # "the withdrawal of Ethiopian troops from X": the forces' state withdraws them
    if not targets:
        skip = {"between", *by, *(["of"] if forces else [])}
        targets = _prep_targets(ix, noun, trig, tuple(p for p in TARGET_PREPS if p not in skip))
    if not targets and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":  # "an air and arms embargo on X", the
        targets = _prep_targets(ix, noun.head, trig, ("on", "against"))  # "on" parsed under the first conjunct
    if not targets:  # "attacks by Somali pirates on Indian ships", with "on" parsed under the doers
        targets = [a for h in heads for c in h.children if c.dep_ in {"prep", "agent"} and c.lower_ in by
                   for p in c.children if p.dep_ == "pobj" for a in _prep_targets(ix, p, trig, ("on", "against"))]
    verb, via = _governing_verb(noun)
    targets = _past_forum(ix, [noun, *([verb] if verb is not None and via == "dobj" else [])], trig, targets)
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
    if verb is not None and via == "dobj" and verb.lemma_ in RECEIVING_VERBS and gov_targets:
        targets = gov_targets  # "Pakistan faced sanctions from the US": the one who faces them is the target
        sources = [s for s in sources if not any(s.actor == t.actor for t in targets)]
    if not targets and sources and trig.type in DOMESTIC_SAYING:  # "opened an inquiry into the former president"
        verb, via = _governing_verb(noun)
        targets = _own_proposers(ix, noun, sources) or (
            _own_proposers(ix, verb, sources) if verb is not None and via == "dobj" else [])
    if not targets and sources and trig.type in DOMESTIC_TYPES:  # "police launched a crackdown on militants"
        targets = _own_people(ix, noun, sources, trig.type)
        verb, via = _governing_verb(noun)  # "the army imposed a curfew on Srinagar": at home
        if not targets and verb is not None and via == "dobj":
            targets = _own_place(ix, verb, sources)
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
        ranked = sorted(inside, key=lambda m: (ix.type_of(m) != "country", ix.type_of(m) not in PARTY_TYPES))
        targets = _with_conjuncts(ix, ranked[0]) if ranked else []
    if trig.type == "MOBILIZE" and verb is not None and all(_home_state(m.actor) in {None, *(
            _home_state(s.actor) for s in sources)} for m in targets):  # "held exercises ... aimed at X"
        targets = _posture_target(ix, verb) or targets
    if not targets and sources and trig.type == "MOBILIZE":  # "the deployment of troops to Aceh"
        targets = _own_place(ix, noun, sources, DEPLOY_PLACE_PREPS)
    if trig.type in OWNING_TYPES and len(targets) == 1 and id(targets[0]) in ix.spans:  # "strikes against Houthi
        verb, via = _governing_verb(noun)  # rebels in Yemen", the place told with the act
        head = ix.head(targets[0])
        head = head.head if head.dep_ in {"compound", "amod"} else head
        targets = _and_placed_state(ix, head, targets, (noun, *([verb] if verb is not None else [])))
    sources = [s for s in sources if s not in targets]
    verb, via = _governing_verb(noun)
    if trig.type == "PROTEST" and not sources and verb is not None and via == "dobj":  # "opposition supporters
        sources, targets = _placed_sides(ix, verb, sources, targets, ATTACK_PLACE_PREPS)  # staged a sit-in in X"
    if sources and not targets and trig.type == "PROTEST":
        targets = _protest_place(ix, [noun] + ([verb] if verb is not None else [])) or _own_government(
            ix, verb if verb is not None else noun, sources)
        if not targets and via in {"dobj", "nsubj"}:  # "workers staged a strike", "a strike by unions paralysed
            targets = _crowd_home(ix, noun, sources)  # X"; not "an attack in the Palestinian uprising"
    if trig.type == "CONSULT" and not sources:
        return [], []  # "at the SCO summit" names a meeting; without a participant it reports no act
    return sources, targets


def _placed_parties(ix: MentionIndex, prep: Token, around: list[Token]) -> list[Mention]:
    """'Clashes between police and protesters in Dhaka', 'fighting between Sudanese troops and rebels in Darfur':
    the sides a 'between' names with common nouns are those of the state the fighting is placed in."""
    sides = [p for o in prep.children if o.dep_ == "pobj" for p in (o, *(c for c in o.subtree if c.dep_ == "conj"))
             if p.pos_ in {"NOUN", "PROPN"}]
    if len(sides) < 2:
        return []
    state = None
    for side in sides:
        state = state or _nested_place(ix, side)
    state = state or _place_state(ix, around, PLACE_PREPS)
    out: list[Mention] = []
    for side in sides:
        named = ix.np(side) if side.i in ix.by_token or any(c.i in ix.by_token for c in side.children) else []
        out += [m for m in named if m not in out] if named else (
            _state_party(ix, side, state) if _unnamed_party(ix, side) else [])
    return out


def _doers_named(ix: MentionIndex, thing: Token) -> list[Mention]:
    """Who does what a noun names, by a 'by' in its phrase ('the expansion of settlements by Israel', 'killings of
    civilians by X troops', with the 'by' parsed under the 'of') or the agent of a participle after it ('torture
    carried out by X officers')."""
    things = [thing, *thing.conjuncts]  # "torture and disappearances carried out by X"
    by = [a for t in things for b in t.subtree if b.dep_ == "prep" and b.lower_ == "by" and b.head.pos_ != "VERB"
          for a in ix.pobj(b)]  # "the abduction of a cleric from a street by agents of X", however deep the 'by'
    return by or [a for t in things for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in ix.agent(c)]


def _alleged_doers(ix: MentionIndex, noun: Token) -> list[Mention]:
    """The doers of what a report or allegation says ('allegations that X's troops killed ...'), also unnamed
    forces placed where the alleged act happened ('that police tortured detainees in X')."""
    found = _content_clause_subjects(ix, noun)
    if found:
        return found
    for clause in (c for c in noun.children if c.dep_ in {"acl", "ccomp"}):
        for subj in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and _unnamed_party(ix, c)):
            return _state_party(ix, subj, _place_state(ix, [clause, *clause.children]) or _place_state(
                ix, [c for c in clause.children if c.dep_ == "prep"]))
    return []


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
    if via == "dobj" and verb.lemma_ in RECEIVING_VERBS and not passive:  # "Ukraine received aid from Germany"
        doers = [a for t in (noun, verb) for c in t.children if c.dep_ in {"prep", "agent"} and c.lower_ in
                 {"from", "by"} for a in ix.pobj(c)]
        return doers, ix.subjects(verb)
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
            _prep_targets(ix, verb, trig, ("to", "with", "against", "on", "for", "into", "behind"))
    if via == "dobj" and not targets:  # "opened an inquiry into X", "staged a strike against X", "threw its support
        targets = _prep_targets(ix, verb, trig, ("into", "against", "behind"))  # behind X": the parser hangs the
        # noun's complement on the verb
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
    while clause.dep_ == "xcomp" and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head  # "if Moscow continued to back X": the infinitive is part of its verb's clause
    start = max(clause.left_edge.i, sent.start)
    end = min(clause.right_edge.i + 1, sent.end)
    for cond in (c for c in clause.children if c.dep_ == "advcl" and c.i < clause.i and c.left_edge.i == start
                 and any(_conditional(m) for m in c.children)):
        start = cond.right_edge.i + 1  # "If X attacks, Y will retaliate": Y's act is the main clause
        while start < clause.i and sent.doc[start].is_punct:
            start += 1
    return trimmed(sent.doc[start:end])
