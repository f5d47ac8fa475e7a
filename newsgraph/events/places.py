"""Where acts happen and whose people and things are: the state a place lies in (by its mention or the
gazetteer), the state of unnamed people, forces and bodies placed in it, and the owner a hyphenated name or a
"from" gives ('Moscow-based journalists', 'gunmen from Somalia'). Event coders code such parties as the state
they belong to; the argument finders in `newsgraph.events` call these when a sentence names no actor."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.words import (
    AGENCY_NOUNS,
    BORDER_NOUNS,
    DOER_NOUNS,
    FLEEING,
    FORCE_NOUNS,
    FOREIGN_WORDS,
    NESTED_PLACE_PREPS,
    OWNED_BY,
    PEOPLE_NOUNS,
    PLACE_PREPS,
    REGION_KINDS,
    SETTLEMENT_NOUNS,
)
from newsgraph.gazetteer import fold, load_gazetteer
from newsgraph.model import Mention
from newsgraph.relations import MentionIndex, unique_actors


def _state_party(ix: MentionIndex, tok: Token, state: str | None) -> list[Mention]:
    """A stand-in mention of a state found from a place, at the word that acts or is acted on."""
    return [Mention(ix.doc_id, tok.idx, tok.idx + len(tok.text), tok.text, state, "demonym")] if state else []


def _common_lemma(tok: Token) -> str:
    """The lemma of a common noun, also when the parser took a capitalised one for a name ('Rebels in ...')."""
    if tok.pos_ == "PROPN" and tok.lower_.endswith("s") and tok.lower_[:-1] in PEOPLE_NOUNS | AGENCY_NOUNS:
        return tok.lower_[:-1]
    return tok.lemma_.lower()


def _unnamed_party(ix: MentionIndex, tok: Token) -> bool:
    """A crowd, force or government named by a common noun alone ('protesters', 'the police')."""
    heads = [tok, *(p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj"), *(c for c in tok.children if c.dep_ in {"poss", "compound"})]
    # "thousands of students", "the government's policy", "rebel positions"
    return tok.pos_ in {"NOUN", "PROPN"} and any(_common_lemma(h) in PEOPLE_NOUNS | AGENCY_NOUNS for h in heads) \
        and tok.i not in ix.by_token and not _named_party(ix, tok) and not any(  # "rebels in Angola" name no one;
            m.dep_ == "amod" and m.lower_ in FOREIGN_WORDS for m in tok.children)  # "foreign journalists" are others'
    # the place says where they are


def _place_state(ix: MentionIndex, toks: list[Token], preps: set[str] = PLACE_PREPS) -> str | None:
    """The state named as where something happens ('in Seoul', 'in northern Iraq', 'in the Kenyan capital',
    'near the town of Kunduz'), by a state mention or a city, capital or region the gazetteer places in a
    state."""
    for tok in toks:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps):
            for p in _place_objects(prep):
                if p.lemma_.lower() in BORDER_NOUNS:
                    continue  # "near the Sudanese border" lies between two states, in neither
                # "near the Turkish embassy in Mogadishu": a building lies where its place says
                state = (_nested_place(ix, p) if p.pos_ == "NOUN" else None) or _state_at(ix, p)
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
    capital'), else a city, capital or region the gazetteer knows, also as the name before a common noun
    ('a Jerusalem market')."""
    m = ix.by_token.get(p.i) or next((ix.by_token[c.i] for c in sorted(p.children, key=lambda c: c.dep_ != "poss")
                                      if (c.dep_ in {"amod", "compound"} or c.dep_ == "poss" and c.pos_ == "PROPN")
                                      and c.i in ix.by_token), None)
    # "Somalia's Gedo region": the state that owns the region, before the name the region shares with a town
    state = _state_of(m.actor) if m is not None else None
    if state is None and (p.pos_ == "PROPN" or p.ent_type_ in {"GPE", "LOC"}):  # 'Homs' is tagged a plural noun
        start = min((t.i for t in p.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), default=p.i)
        # "the Gaza Strip": the name, without its article; "Christian east Beirut": else the last word alone
        whole = fold(ix.parsed[start:p.i + 1].text)  # a body's or building's name is no place by its last word
        for key in dict.fromkeys([whole] + ([] if start < p.i and p.ent_type_ in {"ORG", "FAC"} else [fold(p.text)])):
            state = _named_place_state(key)
            if state is not None:
                break
    return state or _compound_place(ix, p)


def _named_place_state(key: str) -> str | None:
    """The state of a city, capital or region by its folded name."""
    gaz = load_gazetteer()
    iso3 = gaz.by_city.get(key) or gaz.by_region.get(key)
    if iso3 is None and key.rsplit(" ", 1)[-1] in REGION_KINDS:  # "Upper Nile State"
        iso3 = gaz.by_region.get(key.rsplit(" ", 1)[0])
    if iso3 is None and key.endswith(" city"):  # "Gaza City" where the gazetteer knows "Gaza"
        iso3 = gaz.by_city.get(key.removesuffix(" city"))
    return gaz.by_capital.get(key) or (gaz.by_iso3.get(iso3) if iso3 else None)


def _compound_place(ix: MentionIndex, noun: Token) -> str | None:
    """The state of the place named before a common noun or inside a body's name ('a Jerusalem market', 'a Kabul
    hotel', 'Tehran University'): the thing lies there."""
    if noun.pos_ != "NOUN" and noun.ent_type_ not in {"ORG", "FAC"}:  # 'Tehran University' lies in Tehran
        return None
    return next((st for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and (st := _state_at(ix, c))), None)


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
               or t.i == h.i) or bool(_hyphen_owner(ix, noun))  # "Moscow-based journalists"


def _hyphen_owner(ix: MentionIndex, noun: Token) -> list[Mention]:
    """'Moscow-based journalists', 'Serb-run offices', 'a Saudi-led force': a group or thing whose modifier says
    that an actor or place before a hyphen bases, runs or leads it is that actor's, or that place's state's."""
    out: list[Mention] = []
    for mod in noun.children:
        glued = mod.dep_ in {"amod", "compound"} and "-" in mod.text[1:] and \
            mod.lower_.rsplit("-", 1)[1] in OWNED_BY  # 'U.S.-sponsored' as one token
        if glued:
            m = ix.by_token.get(mod.i)
            entry = load_gazetteer().lookup(mod.text.rsplit("-", 1)[0])
            out += [m] if m is not None and _state_of(m.actor) else _state_party(
                ix, mod, entry.id if entry is not None and entry.type == "country" else None)
            continue
        if mod.dep_ not in {"amod", "compound"} or mod.lower_ not in OWNED_BY or mod.i < 2 or \
                ix.parsed[mod.i - 1].text not in {"-", "–"}:
            continue
        owner = ix.parsed[mod.i - 2]
        m = ix.by_token.get(owner.i)
        state = _state_at(ix, owner)
        if m is not None and (_state_of(m.actor) or state is None):
            out.append(m)
        else:
            out += _state_party(ix, owner, state)
    return out


def _origin_owner(ix: MentionIndex, noun: Token, verb: Token | None = None) -> list[Mention]:
    """'Gunmen from Somalia', 'armed men from across the border in Sudan': unnamed doers are those of the
    state they come from; so are those of an act done from a state ('attacked from Sudan by gunmen')."""
    if _common_lemma(noun) not in DOER_NOUNS or _named_party(ix, noun):
        return []
    for prep in (c for t in (noun, verb) if t is not None for c in t.children
                 if c.dep_ == "prep" and c.lower_ == "from"):
        for p in _place_objects(prep):
            m = ix.by_token.get(p.i)
            if m is not None and _state_of(m.actor):
                return [m]
            state = _state_at(ix, p) or _nested_place(ix, p)
            if state is not None:
                return _state_party(ix, p, state)
    return []


def _state_of(actor: str) -> str | None:
    """The state an actor is or serves: a country of the gazetteer, or the state a role names."""
    entries = load_gazetteer().entries
    for key in (actor, actor.split(":")[-1]):
        entry = entries.get(key)
        if entry is not None and entry.type == "country":
            return key
    return None


def _home_state(actor: str) -> str | None:
    """The state an actor is, serves or is based in: an armed group's home state acts at home ('the Taliban
    detained journalists' is a domestic act), though the group is no state itself."""
    entries = load_gazetteer().entries
    state = _state_of(actor)
    entry = entries.get(actor)
    if state is None and entry is not None and entry.home:
        home = load_gazetteer().by_iso3.get(entry.home)
        state = home if home in entries else None
    return state


def _sole_state(ix: MentionIndex, parties: list[Mention]) -> str | None:
    """The one state the parties are or serve (by name, role, home or the adjective before them), if they
    are of exactly one: the state whose own people they act on at home."""
    states = {st for st in (_home_state(m.actor) or _modifier_state(ix, m) for m in parties) if st}
    return states.pop() if len(states) == 1 else None


def _place_party(ix: MentionIndex, noun: Token) -> list[Mention]:
    """A place hit that names no actor ('shelled Homs', 'the town of Idlib') stands for the state the gazetteer
    places it in."""
    place = noun
    if noun.pos_ == "NOUN" and noun.lemma_.lower() in SETTLEMENT_NOUNS:  # "the city of Homs"
        place = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                      if p.dep_ == "pobj"), noun)
    if place.pos_ != "PROPN" or place.i in ix.by_token:
        return []
    return _state_party(ix, place, _state_at(ix, place))


def _as_place(ix: MentionIndex, m: Mention) -> Mention:
    """A name taken for no known actor where a place is meant ('in Yala') stands for the state the gazetteer
    places it in, when it knows one."""
    if ix.type_of(m) != "unknown" or id(m) not in ix.spans:
        return m
    head = ix.head(m)
    state = _state_at(ix, head)
    settlement = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if state is None and settlement is not None and settlement.lemma_.lower() in SETTLEMENT_NOUNS:
        state = _state_at(ix, settlement)  # "the eastern Ukrainian town of X"
    return next(iter(_state_party(ix, head, state)), m)


def _people_place(ix: MentionIndex, people: Token) -> str | None:
    """The state unnamed people are placed in ('refugees in Chad', 'families escaping the floods in Laos'): as
    event coders code them, people in a state are that state's."""
    state = _nested_place(ix, people)
    for verb in (c for c in people.children if c.dep_ == "acl" and c.lemma_.lower() in FLEEING):
        for obj in (o for o in verb.children if o.dep_ == "dobj"):
            state = state or _state_at(ix, obj) or _nested_place(ix, obj)
        state = state or _place_state(ix, [verb], PLACE_PREPS | {"from"})  # "escaping the floods in X", "... from X"
    return state


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
