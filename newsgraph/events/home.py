"""Acts at home: the state an unnamed party stands for when a state's own forces, government or people act
at home ('police detained students', 'rebels rejected the government's call', 'unions struck against the
government's plan'), or where a harm lands ('a strike on Kharkiv, killing four civilians'). Event coders code
such a party as the state it belongs to; the argument finders in `newsgraph.events` call these when a sentence
names no other party."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.places import (
    _common_lemma,
    _home_state,
    _modifier_state,
    _named_party,
    _place_state,
    _sole_state,
    _state_at,
    _state_of,
    _state_party,
)
from newsgraph.events.words import (
    AGENCY_NOUNS,
    ATTACK_PLACE_PREPS,
    DOMESTIC_PARTIES,
    EMERGENCY_NOUNS,
    FOREIGN_WORDS,
    HOME_BODIES,
    INQUIRY_WORDS,
    MARCHING_NOUNS,
    OPPOSITION_NOUNS,
    PEOPLE_NOUNS,
    PLACE_PREPS,
)
from newsgraph.model import Mention
from newsgraph.relations import MentionIndex


def _own_place(ix: MentionIndex, verb: Token, sources: list[Mention], preps: frozenset[str] = frozenset()
               ) -> list[Mention]:
    """'Chad's government lifted a state of emergency in Ouaddai', 'declared a curfew in Haiti': a state's
    act at home, placed in the state itself or one of its regions or cities, is done to its own people (a
    domestic act, state on state). `preps` adds the ones a movement takes ('poured troops into Aceh')."""
    state = _sole_state(ix, sources)
    if state is None:
        return []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                if p.dep_ == "pobj"]  # "a state of emergency in X"
    objects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]  # "were
    # massed by the army outside X": the parser often hangs the place on the agent
    placed = _place_state(ix, [verb, *objects], PLACE_PREPS | {"on"} | preps)  # "imposed a curfew on the city of X"
    if placed is None and any(o.lemma_.lower() in EMERGENCY_NOUNS for o in objects):
        placed = state  # "declared a state of emergency" names no place: the state's own
    if placed != state:
        return []
    return _state_party(ix, verb, state)


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


def _own_proposers(ix: MentionIndex, verb: Token, sources: list[Mention]) -> list[Mention]:
    """'Venezuela's electoral council rejected the opposition's request', 'a bid by defence lawyers was rejected
    by a Pakistani court', 'rebels rejected the government's call': a demand, offer or bill from a party the
    sentence ties to no state (the government, parliament, the opposition, lawyers, students) is one at home,
    and event coders code that party as the state of the one answering it."""
    state = _sole_state(ix, sources)
    if state is None:
        return []
    things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    things += [p for t in (verb, *things) for c in t.children if c.dep_ == "prep" and c.lower_ in {
        "into", "against", "to"} for p in c.children if p.dep_ == "pobj"]  # "an inquiry into the former president's
    # role", "bowed to the demands of protesters"
    for thing in things:
        parties = [thing, *(c for c in thing.children if c.dep_ in {"poss", "compound"})] + [
            p for c in thing.children if c.dep_ in {"prep", "acl"} for g in (c, *c.children)
            if g.dep_ in {"prep", "agent"} and g.lower_ in {"from", "by", "of"} for p in g.children if p.dep_ == "pobj"]
        for party in parties if thing.i not in ix.by_token else []:
            heads = [party, *(c for c in party.children if c.dep_ == "compound")]
            if any(_common_lemma(h) in DOMESTIC_PARTIES for h in heads) and not _named_by_state(ix, party) and not \
                    any(m.dep_ == "amod" and m.lower_ in FOREIGN_WORDS for m in party.children):
                return _state_party(ix, party, state)
    return []


def _named_by_state(ix: MentionIndex, party: Token) -> bool:
    """Whether a party is named as some state's ('Kenyan students', 'students of Kabul University'); a people
    with no state of its own ('Shona rebels') leaves it the answering state's."""
    if not _named_party(ix, party):
        return False
    named = [ix.by_token[t.i] for t in party.subtree if t.i in ix.by_token]
    return not named or any(_state_of(m.actor) or _modifier_state(ix, m) or _home_state(m.actor) for m in named)


def _inquiry_target(ix: MentionIndex, tok: Token, sources: list[Mention]) -> list[Mention]:
    """'Italian magistrates opened an investigation into alleged kickbacks', 'the Senate launched an inquiry into
    charges that the army ...': an inquiry by a state's body into what names no other state is into that state's
    own affairs, as event coders code it; one into what names one other state ('into killings by Indonesian
    troops', 'into crimes in Venezuela') is into that state, its doers named by 'by' first."""
    if tok.lemma_.lower() not in INQUIRY_WORDS:
        return []
    state = _sole_state(ix, sources)
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok  # "opened an inquiry on Monday into X"
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)  # else a 'by' parsed as agent is the doers'
    looked_into = [*(tok.subtree if verb is not tok else []), *(
        t for c in verb.children if c.dep_ not in {"nsubj", "nsubjpass"} and not (passive and c.dep_ == "agent")
        for t in c.subtree)]
    own = {m.actor for m in sources}
    named = [m for t in looked_into if (m := ix.by_token.get(t.i)) is not None and m.actor not in own]
    foreign = [m for m in named if (_state_of(m.actor) or _modifier_state(ix, m)) not in {None, state}]
    if state is not None and not foreign:
        return _state_party(ix, tok, state)
    doers = [m for m in named if any(a.dep_ in {"prep", "agent"} and a.lower_ == "by" for a in ix.head(m).ancestors)]
    pool = [m for m in doers if m in foreign] if doers else foreign  # "by agents of the CIA": theirs or no one's
    states = {_state_of(m.actor) or _modifier_state(ix, m) for m in pool}
    return pool[:1] if len(states) == 1 else []


def _own_government(ix: MentionIndex, verb: Token, sources: list[Mention]) -> list[Mention]:
    """An unnamed government, parliament or authority named under `tok` is that of the actors' own state: the
    one a protest at home addresses ('Argentine unions struck against the government's austerity measures',
    'opposition parties boycotted parliament'), or a threat ('unless the government froze prices')."""
    state = _sole_state(ix, sources)
    if state is None:
        return []
    own = next((t for t in verb.subtree if t.pos_ == "NOUN" and _common_lemma(t) in HOME_BODIES
                and t.i not in ix.by_token and not _named_party(ix, t)), None)
    return _state_party(ix, own, state) if own is not None else []


def _result_place(ix: MentionIndex, verb: Token) -> list[Mention]:
    """'launched a strike on Kharkiv, killing four civilians': those a participle of result harms are where the
    attack it follows from struck, so they stand for that place's state, not for the attacker's."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.pos_ != "VERB":
        return []
    head = verb.head
    hit = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
    state = _place_state(ix, [head, *hit], ATTACK_PLACE_PREPS | {"against"}) or next(
        (st for h in hit if (st := _state_at(ix, h))), None)
    done = next((c for c in verb.children if c.dep_ == "dobj"), verb)
    return _state_party(ix, done, state)


def _protest_place(ix: MentionIndex, toks: list[Token]) -> list[Mention]:
    """'Activists staged a protest in Ankara', 'students marched in Lima': a protest against no one named is
    addressed to the state where it is held, as event coders code it."""
    return _state_party(ix, toks[0], _place_state(ix, toks, ATTACK_PLACE_PREPS))  # "rallied outside parliament in X"


def _crowd_home(ix: MentionIndex, tok: Token, sources: list[Mention]) -> list[Mention]:
    """'Coal miners in Russia blocked the railway to protest unpaid wages', 'Palestinian prisoners in Israeli jails
    began a hunger strike': a street protest that names no one it is against is against the state where its
    crowd is, else the state the crowd belongs to, as event coders code it. Leaders who protest do not march."""
    crowds = [c for c in (_crowd_noun(ix, m) for m in sources) if c is not None]
    if not crowds:
        return []
    return _state_party(ix, tok, _place_state(ix, crowds, ATTACK_PLACE_PREPS) or _sole_state(ix, sources))


def _crowd_noun(ix: MentionIndex, m: Mention) -> Token | None:
    """The crowd or people noun a source mention names or qualifies ('Bangladeshi garment workers', 'miners in
    Russia', 'opposition parties'), if it is one."""
    if id(m) in ix.spans:
        tok = ix.head(m)
    else:  # a stand-in sits on the word for the party it places
        span = ix.parsed.char_span(m.start, m.end)
        if span is None:
            return None
        tok = span.root
    for _ in range(3):
        if _common_lemma(tok) in MARCHING_NOUNS or any(  # "opposition leaders"
                c.dep_ == "compound" and _common_lemma(c) in OPPOSITION_NOUNS for c in tok.children):
            return tok
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            tok = tok.head.head  # "miners in Russia"
        elif tok.dep_ in {"amod", "compound", "poss", "nmod"}:
            tok = tok.head  # "Bangladeshi workers", "Russia's miners"
        else:
            return None
    return None
