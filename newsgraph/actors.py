"""Actors: find who and what a document names, then resolve them across the corpus.

Per document, `find_mentions` repairs spaCy's entities (possessives, brackets,
leading articles, titles mistaken for organizations, person names split in
two), adds what the gazetteer knows (states, demonyms, capitals and seats of
government used for the government, blocs and their acronyms, cities and
regions) and descriptions that name an actor without its name ("the Chinese
president", "Chile's envoy"). Each actor's `codes.iso3` is the state it is or
belongs to, as event coders code actors: a state's own code, the state a
person's title names, the state a body's name or possessive names, the state a
city or region lies in. Ids are document-local until
`resolve_corpus` merges the same person or body named differently across
documents (Tokayev, Tokaïev; Dmitry, Dimitri Medvedev) and maps descriptions
to the person who holds the role.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby
from typing import Any

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.gazetteer import Entry, Gazetteer, fold, leading_word, load_gazetteer, slug, word_table
from newsgraph.model import Actor, Conflict, Document, Mention, Statement
from newsgraph.nlp import entities, text_of, token_list, word_counts

DEPUTY_WORDS = frozenset({"deputy", "vice"})  # words that make a leader's title a second's
ROLE_PREFIX = "role:"
LOCATIVE_PREPS = {"in", "at", "to", "from", "into", "near", "outside", "inside", "across", "through", "via"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
# Nouns for a place's governing body: 'Kyiv police', 'Shanghai authorities' name the body, not the place.
AUTHORITY_NOUNS = {"police", "authority", "authorities", "government", "governments", "official", "officials",
                   "administration", "municipality", "council", "court", "prosecutor", "prosecutors", "mayor",
                   "governor", "regime", "leadership", "force", "forces", "army", "military", "troops"}
# Nouns for what a government puts forward, which a capital before them makes that government's ('a Washington plan').
PUT_FORWARD_NOUNS = {"plan", "proposal", "offer", "initiative", "request", "demand", "ultimatum", "draft"}
# Nouns for a person's following or time in office: 'the Putin regime', 'the Xi era' keep the person.
PERSON_GROUP_NOUNS = {"regime", "era", "team", "camp", "family", "campaign", "presidency", "allies", "aide", "aides",
                      "loyalist", "loyalists", "supporter", "supporters", "doctrine", "visit", "trip", "speech"}
# Nouns for an office or its end, which only an office holder has: 'the resignation of X', "X's government".
OFFICE_NOUNS = {"resignation", "ouster", "removal", "impeachment", "overthrow", "downfall", "government",
                "administration", "cabinet", "regime", "presidency", "premiership", "reign"}
# Last words of the names of parties, fronts, armed movements and state organs, which are a state's own when no
# data says whose.
POLITICAL_BODY_WORDS = {"party", "front", "league", "movement", "alliance", "congress", "army", "brigade",
                        "brigades", "militia", "coalition", "union", "rally", "convention", "democracy", "liberation",
                        "ministry", "parliament", "senate", "court", "council", "commission", "agency"}  # and organs
# Verbs by which a state holds, frees, tries or looks into a person ('released X', 'arrested supporters of X').
CUSTODY_VERBS = {"arrest", "detain", "jail", "imprison", "release", "free", "sentence", "try", "execute", "charge",
                 "indict", "convict", "hold", "pardon", "exile", "deport", "extradite", "investigate", "probe",
                 "question", "interrogate"}
# Nouns of an inquiry, whose 'into' names who or what is looked into ('an investigation into X').
INQUIRY_NOUNS = {"investigation", "inquiry", "enquiry", "probe"}
# Words of a street protest, whose 'against' names the one protested against ('rallied against X').
PROTEST_WORDS = {"protest", "rally", "march", "demonstrate", "demonstration", "strike", "riot", "vigil", "sit-in",
                 "walkout", "boycott"}
# Verbs by which an office holder leaves office ('demanding that X resign', 'step down').
LEAVING_OFFICE = {"resign", "step", "abdicate"}
# Prefixes by which a hyphenated state adjective says whom a body sides with or against, or what it spans
# ('Pan-American Highway', 'Inter-American Development Bank'), not whose it is.
SIDING_PREFIXES = {"pro", "anti", "pan", "inter", "trans"}
BIG_CITY = 100_000  # people; a city this large is named for itself inside a body's name ('Tehran Times')
# Words that qualify a title ('foreign minister', 'deputy prime minister') and belong to the role.
ROLE_MODIFIERS = {"deputy", "vice", "first", "foreign", "prime", "defence", "defense", "senior", "chief", "interior",
                  "finance", "trade", "economy", "justice", "health", "energy", "agriculture", "education",
                  "transport", "culture", "environment", "home", "state", "national", "security", "intelligence",
                  "army", "military", "top", "acting", "supreme", "crown", "attorney", "press", "general"}
# Head words of named gatherings ('the Eastern Economic Forum'): an event, not an actor, when attended or held.
EVENT_HEADS = {"forum", "summit", "conference", "festival", "games", "olympics", "expo", "exhibition", "fair",
               "championship", "championships", "congress", "convention", "dialogue", "week", "cup", "show"}
EVENT_VERBS = {"attend", "host", "hold", "skip", "open", "close", "begin", "start", "end", "kick", "organize",
               "organise", "join", "boycott", "address", "convene", "take", "wrap", "conclude", "visit"}
_PREFIX = re.compile(r"^(?:the|a|an)\s+", re.I)


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Role words that precede or describe a person, mapped to their kind (leader | official | expert)."""
    return {word.lower(): kind for word, kind in word_table("titles.tsv").items()}


def _states_named(parsed: SpacyDoc) -> frozenset[str]:
    """ISO3 codes of the states a document names or qualifies ('Bolivia', 'Bolivian'), to place its cities."""
    cached = parsed.user_data.get("newsgraph_states")
    if cached is None:
        gaz = load_gazetteer()
        entries = [gaz.lookup(t.text) or gaz.demonym(t.text) for t in token_list(parsed) if t.text[:1].isupper()]
        entries += [gaz.lookup(e.text) for e in entities(parsed) if len(e) > 1]
        cached = frozenset(e.iso3 for e in entries if e is not None and e.type == "country" and e.iso3)
        parsed.user_data["newsgraph_states"] = cached
    return cached


def _is_city(text: str) -> bool:
    return fold(text) in load_gazetteer().by_city


@dataclass
class _Found:
    start: int  # token indices
    end: int
    actor: str
    type: str
    kind: str
    entry: Entry | None = None
    name: str = ""
    country: Entry | None = None  # the state a person, body, group or city belongs to, when the text says so


@dataclass
class _LocalActor:
    id: str
    name: str
    type: str
    entry: Entry | None = None
    aliases: Counter = field(default_factory=Counter)
    descriptions: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)  # iso3 codes of the states it is tied to
    context: Counter = field(default_factory=Counter)  # iso3 codes its sentences place it in, when no tie says


def _is_locative(span: Span) -> bool:
    """True when a place name is used as a location ('arrived in Astana'), not as an actor."""
    head = span.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in {"city", "capital", "town"}:
        return True
    return head.dep_ in {"npadvmod"} and head.head.pos_ == "VERB"


def _addressed(span: Span) -> bool:
    """'protested to Tokyo', 'called on Pyongyang', 'cracked down on Belgrade': a capital a message or an act
    is directed at, through the preposition the act's phrase takes, is the government addressed, not a place."""
    from newsgraph.events import lexicon  # later stages read actors: import on use
    from newsgraph.quotes.verbs import speech_verbs

    head = span.root
    verb, prep = head.head.head, head.head.lower_
    if head.dep_ != "pobj" or verb.pos_ != "VERB" or prep in LOCATIVE_PREPS - {"to"}:
        return False
    return prep == "to" and verb.lemma_ in speech_verbs() or ("V", f"{verb.lemma_} {prep}") in lexicon()


def _stands_alone(span: Span) -> bool:
    """True when a name is all its sentence says (a list item, a heading, a name given alone)."""
    sent = span.sent
    return not any(t.pos_ in {"VERB", "AUX"} for t in sent) and all(
        t.is_punct or span.start <= t.i < span.end or t.lower_ in {"the", "a", "an"} for t in sent)


def _names_authority(span: Span) -> bool:
    """'Kyiv police', 'the Shanghai authorities': the place modifies a noun for its governing body."""
    root = span.root
    if root.dep_ not in {"compound", "amod", "nmod"}:
        return False
    head = root.head
    words = {head.lemma_.lower(), head.lower_} | {c.lower_ for c in head.children if c.dep_ == "compound"}
    return bool(AUTHORITY_NOUNS & words)


def _seat_of(span: Span) -> bool:
    """'the government in Abuja', 'the regime in Pyongyang': a capital a governing body is said to sit in names
    that state's government, as wires write it."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lower_ in AUTHORITY_NOUNS


def _puts_forward(span: Span) -> bool:
    """'a Washington plan', 'the Beijing proposal': a capital before what a government puts forward names that
    government (a town's name before a plan only labels it: 'the Rambouillet plan')."""
    root = span.root
    return root.dep_ in {"compound", "nmod"} and root.head.lemma_.lower() in PUT_FORWARD_NOUNS


def _acts(span: Span) -> bool:
    """True when a region is a party to the clause (subject, agent, possessor, object), not a setting."""
    head = span.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ in {"nsubj", "nsubjpass", "poss", "dobj", "agent"}:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of":  # 'the interests of Central Asia', not 'all of Europe'
        return head.head.head.lower_ not in _PART_WORDS
    return head.dep_ == "pobj" and head.head.lower_ in {"by", "against", "with"}


_PART_WORDS = {"all", "most", "much", "part", "parts", "rest", "half", "some", "many", "north", "south", "east",
               "west", "centre", "center", "heart", "edge", "corner", "map", "size"}


def _is_agentive(span: Span) -> bool:
    """True when a capital or seat is used for its government: subject, agent, possessor or object."""
    head = span.root
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ in {"nsubj", "nsubjpass", "poss", "dobj", "agent", "appos"}:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in {"by", "with", "against", "for", "between", "of", "behind"}


def _gazetteer_spans(parsed: SpacyDoc, gaz: Gazetteer) -> list[_Found]:
    """Longest-first matches of gazetteer names, acronyms, demonyms, capitals and seats."""
    found: list[_Found] = []
    starts, keys = gaz.first_words, gaz.folded_keys
    i, n = 0, len(parsed)
    listed, text = token_list(parsed), text_of(parsed)
    while i < n:
        tok = listed[i]
        particle = tok.is_lower and len(tok.text) <= 3 and i + 1 < n and listed[i + 1].text == "-"  # 'al-Shabaab'
        if not (tok.text[:1].isupper() or tok.text[:1].isdigit() or particle) or tok.lower_ in {"the", "a", "an"}:
            i += 1  # a name starts after its article: 'The Pakistani Army' is no 'The Pakistani'
            continue
        if leading_word(tok.text) not in starts and leading_word(tok.text.replace(".", "")) not in starts:
            i += 1  # no gazetteer key begins with this word: spare the seven look-ups
            continue
        match = None
        for j in range(min(n, i + 7), i, -1):
            last = listed[j - 1]
            if not last.text[:1].isalnum():
                continue
            surface = text[tok.idx:last.idx + len(last.text)]
            if fold(surface) not in keys and surface.strip().replace(".", "") not in gaz.by_acronym:
                continue  # no key the look-ups below try: spare the span
            hit = _classify_known(parsed[i:j], gaz)
            if hit:
                match = hit
                break
        if match:
            found.append(match)
            i = match.end
        else:
            i += 1
    return found


# Capitalised words after a state's name that make the name a river's or a landform's ('the Niger Delta', 'the
# Jordan Valley', 'the Congo Basin'): a place of no one state.
_FEATURE_WORDS = {"delta", "river", "valley", "basin", "plateau", "desert", "estuary", "gorge", "rift"}


def _classify_known(span: Span, gaz: Gazetteer) -> _Found | None:
    text = span.text
    entry = gaz.lookup(text)
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if entry is not None and after is not None and after.text[:1].isupper() and after.lower_ in _FEATURE_WORDS:
        return _Found(span.start, span.end + 1, "", "place", "location")  # 'the Niger Delta': no state acts
    if entry and entry.members and (_is_locative(span) or not _acts(span)):
        # 'in Western Europe': where, not who; an actor only if it acts somewhere in the corpus
        return _Found(span.start, span.end, entry.id, entry.type, "location", entry, entry.name)
    if entry and text.isupper() and _glued_to_a_name(span, gaz):
        return None  # 'ZANU-PF': a letter code inside a compound name
    if entry and entry.type == "country" and text.isupper() and _bracketed_after_a_name(span):
        return None  # 'the Campaign for Democracy (CD)': the letters are the name's own, not a state's
    if entry and _closes_a_longer_name(span, entry, gaz):
        return None  # 'Kharg Island' is no Iceland ('Island'), 'Thomas Mann' no Isle of Man
    if entry:
        kind = "acronym" if text.isupper() else "name"
        return _Found(span.start, span.end, entry.id, entry.type, kind, entry, entry.name)
    key = fold(text)
    if key in gaz.by_seat:
        e = gaz.entries[gaz.by_seat[key]]
        return _Found(span.start, span.end, e.id, e.type, "metonym", e, e.name)
    if key in gaz.by_demonym:
        e = gaz.entries[gaz.by_demonym[key]]
        doc, i = span.doc, span.start
        if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].is_alpha and not gaz.demonym(doc[i - 2].text):
            return None  # 'Anglo-American': part of a compound adjective, not the state
        if i >= 1 and doc[i - 1].lower_ == "ethnic" and text.endswith("s"):
            name = f"ethnic {text}"  # a people, not the state
            return _Found(i - 1, span.end, slug(name), "group", "name", None, name, country=e)
        kind = "location" if e.members else "demonym"  # 'European markets' says where, not who
        return _Found(span.start, span.end, e.id, e.type, kind, e, e.name)
    if key in gaz.by_capital:
        e = gaz.entries[gaz.by_capital[key]]
        if _is_agentive(span) and not _is_locative(span) or _addressed(span) or _names_authority(span) or \
                _seat_of(span) or _puts_forward(span) or _stands_alone(span):
            return _Found(span.start, span.end, e.id, e.type, "metonym", e, e.name)
        return _Found(span.start, span.end, "", "place", "location")  # a location, not an actor
    return None


def _bracketed_after_a_name(span: Span) -> bool:
    """Whether letters stand in brackets right after a capitalised name ('the Campaign for Democracy (CD)'), where
    wire copy gives a name's own abbreviation."""
    doc = span.doc
    return span.start >= 2 and span.end < len(doc) and doc[span.start - 1].text == "(" and \
        doc[span.end].text == ")" and doc[span.start - 2].text[:1].isupper()


def _closes_a_longer_name(span: Span, entry: Entry, gaz: Gazetteer) -> bool:
    """Whether a one-word other name of a state (a native or old spelling: 'Island', 'Mann') is the last word of a
    longer name, after a capitalised word no data knows, mid-sentence; the state's own name is not ('Communist
    China')."""
    before = span.doc[span.start - 1] if span.start else None
    return len(span) == 1 and fold(span.text) != fold(entry.name) and before is not None and \
        not before.is_sent_start and before.text[:1].isupper() and before.is_alpha and \
        gaz.lookup(before.text) is None and gaz.demonym(before.text) is None and before.lower_ not in titles()


def _glued_to_a_name(span: Span, gaz: Gazetteer) -> bool:
    """Whether a letter code is joined by a hyphen, without spaces, to a capitalised word the gazetteer does not
    know ('ZANU-PF'), which makes it part of that name; 'US-Russia talks' joins two known names."""
    doc = span.doc
    before = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].text == "-" and not \
        doc[span.start - 1].whitespace_ and not doc[span.start - 2].whitespace_ else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].text == "-" and not \
        doc[span.end - 1].whitespace_ and not doc[span.end].whitespace_ else None
    return any(t is not None and t.text[:1].isupper() and gaz.lookup(t.text) is None and gaz.demonym(t.text) is None
               for t in (before, after))


def _prefer_longer_organizations(parsed: SpacyDoc, found: list[_Found]) -> list[_Found]:
    """'the OSCE Academy', 'the Chinese Communist Party': a named body that contains a known name is
    its own actor, so the known name inside it is dropped."""
    drop: set[int] = set()
    for ent in entities(parsed):
        if ent.label_ not in {"ORG", "FAC"}:
            continue
        span = _trim(ent)
        if span is None or len(span) < 2 or load_gazetteer().lookup(span.text):
            continue
        inside = [k for k, f in enumerate(found) if f.start >= span.start and f.end <= span.end]
        if not inside or any(found[k].end - found[k].start == len(span) for k in inside):
            continue
        extra = [t for t in span if not any(found[k].start <= t.i < found[k].end for k in inside)]
        if any(t.text[:1].isupper() and t.lower_ not in titles() for t in extra) and _has_org_word(span.text):
            drop.update(inside)
    return [f for k, f in enumerate(found) if k not in drop]


def _prefer_whole_places(parsed: SpacyDoc, found: list[_Found]) -> list[_Found]:
    """'Northern Ireland', 'the West Bank': a place the parser names whole and the gazetteer places in a state as a
    region or city is that place, not the state or bloc a word inside it names ('Ireland', 'the West')."""
    gaz = load_gazetteer()
    drop: set[int] = set()
    for ent in entities(parsed):
        if ent.label_ not in {"GPE", "LOC"}:
            continue
        span = _trim(ent)
        if span is None or len(span) < 2 or gaz.lookup(span.text) or not (
                gaz.region_state(span.text) or _is_city(span.text)):
            continue
        drop.update(k for k, f in enumerate(found) if f.start >= span.start and f.end <= span.end
                    and f.end - f.start < len(span))
    return [f for k, f in enumerate(found) if k not in drop]


def _has_org_word(text: str) -> bool:
    return any(fold(w) in _ORG_WORDS for w in re.split(r"[\s-]+", text))


def _trim(span: Span) -> Span | None:
    """Drop leading articles, trailing possessives and brackets from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’", ")", "(", ",", ".", "-"}
                           or doc[end - 1].text.startswith("(")):
        end -= 1
    for k in range(start, end):  # "Organisation (SCO" -> stop at the bracket
        if doc[k].text == "(":
            end = k
            break
    owner = _possessive_country(doc, start, end)
    if owner is not None:  # "Chile's Defense Department": the state is its own mention
        start = owner
    return doc[start:end] if end > start else None


def _possessive_country(doc: SpacyDoc, start: int, end: int) -> int | None:
    """The index after "<state>'s" when a span opens with a state's possessive and goes on past it."""
    gaz = load_gazetteer()
    for k in range(start + 1, min(end - 1, start + 4)):
        if doc[k].text in {"'s", "’s"}:
            entry = gaz.lookup(doc[start:k].text)
            return k + 1 if entry is not None and entry.type == "country" else None
    return None


def _country_before(doc: SpacyDoc, start: int) -> Entry | None:
    """The state named just before a span as its owner or qualifier: "Chile's ...", "Saudi ...", "UK ..."."""
    gaz = load_gazetteer()
    k = start - 1
    if k >= 0 and doc[k].text in {"'s", "’s"}:
        k -= 1
    for first in range(k, max(-1, k - 3), -1):
        entry = gaz.lookup(doc[first:k + 1].text) or gaz.demonym(doc[first:k + 1].text)
        if entry is not None and entry.type == "country":
            return entry
    return None


def _country_within(span: Span, places: bool = True) -> Entry | None:
    """A state that a name contains as a word or adjective ('Pakistani Army', 'Bank of Korea', 'Mongolian
    People's Party'), else one of its regions or cities ('Kano State government', 'Santa Marta Self Defense
    Forces'): the body belongs to that state. A person's title counts only states (`places` False): a
    researcher at a Moscow institute need not serve Russia."""
    gaz = load_gazetteer()
    parts = [span[i:i + size] for size in (3, 2, 1) for i in range(0, len(span) - size + 1)]
    doc = span.doc
    parts = [p for p in parts if p.text[:1].isupper() and not (  # 'pro-Iranian' sides with it, 'Pan-American' spans
        p.start >= 2 and doc[p.start - 1].text == "-" and doc[p.start - 2].lower_ in SIDING_PREFIXES)]
    for part in parts:
        entry = gaz.lookup(part.text) or gaz.demonym(part.text)
        if entry is not None and entry.type == "country" and part.text != entry.iso3 and not (  # 'PRI' is a party,
                part.text.isupper() and _glued_to_a_name(part, gaz)) and not (  # 'PF' in 'ZANU-PF' part of a name
                _closes_a_longer_name(part, entry, gaz)):
            return entry
    for part in parts if places else []:  # a small town's name is too often a plain word ('Fleet'): large cities only
        if part.start > span.start and part.end < span.end and doc[part.start - 1].text[:1].isupper() and \
                doc[part.end].text[:1].isupper():
            continue  # a word inside a run of names ('Aung San Suu Kyi') is no place
        big = gaz.city_population.get(fold(part.text), 0) >= BIG_CITY
        entry = _region_state(part) or (gaz.city_state(part.text) if big else None)
        if entry is not None:
            return entry
    return None


def _region_state(span: Span) -> Entry | None:
    """The state of a first-level region named by the span. A one-word region name is often a plain word or a
    given name as well ('Mary', 'Meta', 'Delta'): it counts only where the parser took it for a place."""
    if len(span) == 1 and span.root.ent_type_ not in {"GPE", "LOC"}:
        return None
    return load_gazetteer().region_state(span.text)


def _title_before(doc: SpacyDoc, start: int) -> tuple[list[Token], Entry | None, bool]:
    """Title words, the state they are tied to, and 'former', just before a name."""
    gaz = load_gazetteer()
    words: list[Token] = []
    country: Entry | None = None
    former = False
    k = start - 1
    while k >= 0 and start - k <= 6:
        tok = doc[k]
        low = tok.lower_
        if low in titles() or (tok.text[:1].isupper() and low in ROLE_MODIFIERS):
            words.insert(0, tok)
        elif low in {"former", "ex", "late", "then"} or low.startswith("ex-"):
            former = True
        elif gaz.demonym(tok.text) or (gaz.lookup(tok.text) and gaz.lookup(tok.text).type == "country"):
            country = gaz.demonym(tok.text) or gaz.lookup(tok.text)
        elif low in {"'s", "’s", "-", "high", "ranking", "high-ranking", "official"} or tok.pos_ == "ADJ":
            pass
        elif low == "of" and k >= 1 and doc[k - 1].lower_ in titles() and start - k <= 3:
            pass  # "Secretary of State", "Minister of Defence": the office's name goes on before its 'of'
        elif tok.pos_ == "PROPN" and tok.ent_type_ in {"ORG", "NORP"}:
            words.insert(0, tok)
        else:
            break
        k -= 1
    return words, country, former


def _person_description(span: Span) -> str | None:
    """'Kazakh President X' -> 'President of Kazakhstan'; 'X, a fellow at Y' -> 'fellow at Y'."""
    words, country, former = _title_before(span.doc, span.start)
    role_words = [w.text for w in words if w.lower_ in titles() or w.text[:1].isupper()]
    if role_words:
        role = " ".join(role_words)
        role = role[0].upper() + role[1:]
        text = f"{role} of {country.name}" if country else role
        return ("Former " + text[0].lower() + text[1:]) if former else text
    head = span.root
    for child in head.children:
        if child.dep_ == "appos":
            text = _PREFIX.sub("", child.doc[child.left_edge.i: child.right_edge.i + 1].text)
            return text.split(",")[0].strip(" ,") or None  # the apposition, not the clause after its comma
    return None


def _person_country(span: Span) -> Entry | None:
    """The state a person serves, from the title before the name ('Kazakh President X', 'Lithuania's
    president X', 'US Senator X') or an apposition ('X, Taiwan's deputy foreign minister')."""
    words, country, _ = _title_before(span.doc, span.start)
    if country is not None and words:
        return country
    if any(titles().get(w.lower_) in {"leader", "official"} for w in [*words, span[0]]):  # "King Harald of Norway"
        for p in (p for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children):
            owner = load_gazetteer().lookup(span.doc[p.left_edge.i:p.i + 1].text) if p.dep_ == "pobj" else None
            if owner is not None and owner.type == "country":
                return owner
    for child in span.root.children:
        if child.dep_ == "appos" and any(titles().get(t.lower_) for t in child.subtree):
            found = _country_within(child.doc[child.left_edge.i: child.right_edge.i + 1], places=False)
            if found is not None:
                return found
    return None


# How a state is named in the sentence of an office holder for it to be the state of the office: as the place
# ('the floods in Laos'), the owner or qualifier of something ('Peru's ports', 'Latvian farm unions'), or the
# subject of a clause ('said Iceland will stay'); a state acted on is not.
_HOME_DEPS = {"poss", "amod", "compound", "nmod", "nsubj", "nsubjpass"}


def _office_state(span: Span) -> Entry | None:
    """'President Anna Berg ... the tariffs set in Estonia': a person with a title of state office that
    names no state holds it in the one state the sentence names, when that state is no other office holder's
    ('South African leader X', 'the president of Armenia') and not one acted on ('visited France')."""
    words, _, _ = _title_before(span.doc, span.start)
    if not any(titles().get(w.lower_) in {"leader", "official"} for w in words) and not _in_office(span):
        return None
    return _home_state_of_sentence(span, len(words))


def _held_state(span: Span) -> Entry | None:
    """'Burma's government released Aung San Suu Kyi', 'police arrested supporters of X', 'an investigation into
    X': a person a state holds, frees, tries or looks into, in a sentence that names that state alone, is its
    own."""
    root = span.root
    held = root if root.dep_ in {"dobj", "nsubjpass"} else (
        root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ in {
            "dobj", "nsubjpass"} else None)
    looked_into = root.dep_ == "pobj" and root.head.lower_ == "into" and root.head.head.lemma_.lower() in INQUIRY_NOUNS
    placed_under = held is not None and any(  # "placed X under investigation", "put X under house arrest"
        c.dep_ == "prep" and c.lower_ == "under" and any(p.lemma_.lower() in INQUIRY_NOUNS | {"arrest", "detention"}
                                                         for p in c.children) for c in held.head.children)
    if not looked_into and not placed_under and (held is None or held.head.lemma_.lower() not in CUSTODY_VERBS):
        return None
    return _home_state_of_sentence(span, 0, office=False)


def _protested_state(span: Span) -> Entry | None:
    """'Students rallied in Jakarta against X', 'marched against X's decision': a person a crowd protests
    against, in a sentence that names one state at home, is that state's."""
    root = span.root
    against = root.head if root.dep_ == "pobj" else (
        root.head.head if root.dep_ == "poss" and root.head.dep_ == "pobj" else None)
    if against is None or against.lower_ != "against" or against.head.lemma_.lower() not in PROTEST_WORDS:
        return None
    return _home_state_of_sentence(span, 0, office=False)


def _owner_state(span: Span) -> Entry | None:
    """"Venezuela's state oil company PDVSA", "Zimbabwe's Mugabe": a body or person a state is said to have, in the
    possessive, is that state's."""
    gaz = load_gazetteer()
    heads = [span.root, *(c for c in span.root.children if c.dep_ == "compound" and c.i < span.start)]
    for child in (c for h in heads for c in h.children):  # "Ukraine's state energy firm Naftogaz"
        if child.dep_ != "poss" or child.i >= span.start:
            continue
        owner = span.doc[child.left_edge.i:child.i + 1].text
        entry = gaz.lookup(owner) or _capital_of(child)
        if entry is not None and entry.type == "country" and entry.iso3:
            return entry
    return None


def _party_state(span: Span) -> Entry | None:
    """'Burma's government rejected a call by the National League for Democracy': a party, front or armed
    movement no data names, in a sentence that names one state at home, is of that state (a state's own
    opposition and rebels are named without it)."""
    if span[-1].lower_ not in POLITICAL_BODY_WORDS or _names_a_body(span[:-1]):
        return None  # "the U.N. Human Rights Commission" is the body's, not a state's
    return _home_state_of_sentence(span, 0, office=False)


def _names_a_body(words: Span) -> bool:
    """Whether some word of a name is itself a known international body's name or acronym ('U.N.', 'EU')."""
    gaz = load_gazetteer()
    return any((e := gaz.lookup(t.text)) is not None and e.type == "organization" for t in words)


def _home_state_of_sentence(span: Span, title_words: int, office: bool = True) -> Entry | None:
    """The one state a sentence names as a place or an owner, apart from the words of the span itself; for an
    office holder (`office`), not when the state is another office holder's ('South African leader X')."""
    gaz = load_gazetteer()
    states: set[str] = set()
    for tok in span.sent:
        if tok.i in range(span.start - title_words - 3, span.end) and _within(tok, span.root) or \
                not tok.text[:1].isupper():
            continue  # the office holder's own words ('Kenyan President X'), not a clause before it
        entry = next((e for e in (gaz.lookup(tok.text), gaz.demonym(tok.text), _capital_of(tok))
                      if e is not None and e.type == "country" and e.iso3), None)  # 'Jakarta' names a region too
        if entry is None:
            continue
        if office and _holds_office(tok) or not _home_place(tok):
            return None
        states.add(entry.iso3)
    return gaz.entries[gaz.by_iso3[states.pop()]] if len(states) == 1 else None


def _within(tok: Token, root: Token) -> bool:
    """Whether `tok` belongs to the phrase headed by `root` (its heads reach it)."""
    for _ in range(6):
        if tok.i == root.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _in_office(span: Span) -> bool:
    """'the resignation of Shevardnadze', "Abacha's government": a person whose office or its end is spoken of
    holds one, as a title would say."""
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in LEAVING_OFFICE:  # "demanding that X step down"
        return root.head.lemma_.lower() != "step" or any(c.lower_ == "down" for c in root.head.children)
    owner = root.head if root.dep_ == "poss" else (
        root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None)
    return owner is not None and owner.pos_ == "NOUN" and owner.lemma_.lower() in OFFICE_NOUNS


def _capital_of(tok: Token) -> Entry | None:
    """The state whose capital a place name is ('marched in Jakarta'): in the sentence of an office holder
    it names the state as well as the state's own name would."""
    gaz = load_gazetteer()
    name = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None) if tok.ent_type_ == "GPE" else None
    key = fold(name.text if name is not None else tok.text)  # 'Buenos Aires' whole
    return gaz.entries[gaz.by_capital[key]] if tok.pos_ == "PROPN" and key in gaz.by_capital else None


def _holds_office(tok: Token) -> bool:
    """Whether a state word names another office holder's state: 'South African leader', 'president of X'."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in {"'s", "’s"}:
        nxt = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
    if nxt is not None and (nxt.lower_ in titles() or nxt.lower_ in ROLE_MODIFIERS) and nxt.tag_ != "NNS":
        return True  # 'South African leader X'; 'Colombian congressmen' are a body, not one rival office holder
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in titles()


def _home_place(tok: Token) -> bool:
    """Whether a state word says where something is or whose it is, not whom an act reaches."""
    head = tok
    while head.dep_ in {"conj", "compound"} and head.head.i != head.i and head.head.pos_ == "PROPN":
        head = head.head
    if head.dep_ == "pobj":
        return head.head.lower_ in {"in", "inside", "across", "throughout", "through"}
    return head.dep_ in _HOME_DEPS


def _role_run(parsed: SpacyDoc, end: int) -> int:
    """Where the run of title words that ends before `end` starts ('deputy foreign minister')."""
    start = end
    while start > 0 and (parsed[start - 1].lower_ in titles() or parsed[start - 1].lower_ in ROLE_MODIFIERS):
        start -= 1
    return start


def _role_owner(parsed: SpacyDoc, start: int) -> tuple[Entry | None, int]:
    """The state a role is tied to by the words before it ('Chinese', 'the Kremlin', "Somalia's"), and where
    those words start."""
    gaz = load_gazetteer()
    if start == 0:
        return None, start
    prev = parsed[start - 1]
    if fold(prev.text) in gaz.by_seat:
        return gaz.entries[gaz.by_seat[fold(prev.text)]], start - 1
    if prev.lower_ in {"'s", "’s"}:
        for first in range(start - 2, max(-1, start - 5), -1):
            entry = gaz.lookup(parsed[first:start - 1].text)
            if entry is not None:
                return entry, first
        return None, start
    entry = gaz.demonym(prev.text) or (gaz.lookup(prev.text) if prev.text.isupper() else None)
    return entry, start - 1


def _description_mentions(parsed: SpacyDoc, taken: set[int]) -> list[_Found]:
    """'the Chinese president', 'the Kremlin leader', 'German Defence Minister': a role tied to a state,
    with no name after it."""
    out = []
    for tok in token_list(parsed):
        if not titles().get(tok.lower_) or tok.i in taken:
            continue
        nxt = parsed[tok.i + 1] if tok.i + 1 < len(parsed) else None
        if nxt is not None and (nxt.lower_ in titles() or nxt.pos_ == "PROPN" or nxt.ent_type_ == "PERSON"):
            continue  # not the run's last title word, or a title before a name, handled with the name
        run = _role_run(parsed, tok.i + 1)
        words = [t.lower_ for t in parsed[run:tok.i + 1]]
        kind = role_kind(words)
        country, start = _role_owner(parsed, run)
        if kind is None or country is None or country.type != "country" or any(i in taken for i in range(run,
                                                                                                      tok.i + 1)):
            continue
        if start > 0 and parsed[start - 1].lower_ in {"former", "ex"}:
            continue
        if start > 0 and parsed[start - 1].lower_ in {"the", "his", "her", "their"}:
            start -= 1
        if kind == "leader" and not DEPUTY_WORDS & set(words):
            role = next(w for w in words if titles().get(w) == "leader")
            role = "leader" if role in {"leader", "leadership"} else role
        else:
            role = " ".join(words)
        out.append(_Found(start, tok.i + 1, f"{ROLE_PREFIX}{role}:{country.id}", "person", "description",
                          country=country))
    return out


def _person_like(span: Span, persons_seen: set[str]) -> bool:
    """An ORG or GPE that is really a person: after a title, beside a person, or a known person's name."""
    words, _, _ = _title_before(span.doc, span.start)
    if any(titles().get(w.lower_) for w in words):
        return True
    if not _name_shaped(span.text):
        return False
    if any(c.dep_ == "appos" and titles().get(c.lower_) for c in span.root.children):
        return True  # 'X, a specialist at ...': the apposition's head is a person's role
    root = span.root
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    if any(p.ent_type_ == "PERSON" for p in partners):
        return True
    return fold(span.text) in persons_seen or fold(span[-1].text) in persons_seen


def _name_shaped(text: str) -> bool:
    """Two to four capitalised words, none of them a word organizations use in their names."""
    words = text.replace("-", " ").split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not any(
        fold(w) in _ORG_WORDS for w in words)


_ORG_WORDS = {
    "organisation", "organization", "institute", "party", "union", "council", "center", "centre", "foundation",
    "agency", "ministry", "bank", "company", "group", "university", "academy", "committee", "court",
    "association", "news", "times", "post", "press", "service", "office", "department", "army", "force",
    "forces", "commission", "fund", "initiative", "corporation", "inc", "ltd", "network", "club", "assembly",
    "parliament", "congress", "federation", "republic", "state", "states", "endowment", "school", "college",
}


def find_mentions(doc: Document, parsed: SpacyDoc) -> tuple[list[Mention], list[Actor]]:
    """All actor mentions in one document and the document's actors (ids local to the document)."""
    gaz = load_gazetteer()
    found = _prefer_whole_places(parsed, _prefer_longer_organizations(parsed, _gazetteer_spans(parsed, gaz)))
    taken = {i for f in found for i in range(f.start, f.end)}
    ents = _repaired_entities(parsed)
    persons_seen = {fold(e.text) for e in ents if e.label_ == "PERSON"}
    persons_seen |= {fold(e[-1].text) for e in ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = _trim(ent)
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        if not any(t.text[:1].isupper() for t in span):
            continue
        hit = _classify_entity(span, ent.label_, persons_seen)
        if hit:
            found.append(hit)
            taken |= set(range(hit.start, hit.end))
    for extra in _missed_places(parsed, taken) + _possessed_bodies(parsed, taken):
        found.append(extra)
        taken |= set(range(extra.start, extra.end))
    found += _description_mentions(parsed, taken)
    outlet = fold(doc.outlet) if doc.outlet else None
    found = [f for f in found if (f.actor or f.kind != "location") and not (outlet and fold(f.name or "") == outlet)]
    found = _qualified_peoples(parsed, found)
    _merge_peoples(found)
    return _assemble(doc, parsed, found)


def _repaired_entities(parsed: SpacyDoc) -> list[Span]:
    """The parser's entities made whole: two person entities side by side are one name ('Jam Kamal' 'Khan
    Alyani'), capitalised name words left just after a person's name belong to it, and those left just before
    a body's name belong to that ('National' 'Congress')."""
    out: list[Span] = []
    for ent in entities(parsed):
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start:
            out[-1] = Span(parsed, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    for k, ent in enumerate(out):
        if ent.label_ in {"GPE", "LOC"} and len(ent) == 1 and _given_name_before(ent):
            out[k] = ent = Span(parsed, ent.start - 1, ent.end, label="PERSON")  # 'Maria Florence'
        if ent.label_ == "ORG":
            start = ent.start
            while start > 0 and parsed[start - 1].pos_ == "PROPN" and not parsed[start - 1].ent_type_ and \
                    parsed[start - 1].text[:1].isupper() and parsed[start - 1].lower_ not in titles():
                start -= 1
            out[k] = Span(parsed, start, ent.end, label="ORG") if start != ent.start else ent
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        while end < len(parsed) and _name_word(parsed[end]):
            end += 1
        if end != ent.end:
            out[k] = Span(parsed, ent.start, end, label="PERSON")
    return out


def _given_name_before(ent: Span) -> bool:
    """'Maria Florence said': a one-word place name right after a capitalised name word that modifies it and is no
    title, place, state or people is a surname (the parser took it for the town of that name)."""
    if ent.start == 0:
        return False
    prev = ent.doc[ent.start - 1]
    if prev.pos_ != "PROPN" or prev.ent_type_ or not prev.text[:1].isupper() or not prev.is_alpha or \
            prev.dep_ != "compound" or prev.head.i != ent.root.i or prev.lower_ in titles():
        return False
    gaz = load_gazetteer()
    return not (gaz.lookup(prev.text) or gaz.demonym(prev.text) or _is_city(prev.text) or gaz.region_state(prev.text)
                or fold(prev.text) in gaz.by_capital or _is_city(f"{prev.text} {ent.text}"))


def _name_word(tok: Token) -> bool:
    """A capitalised word right after a person's name that continues it: no title, no known place or state
    ('Ana Cecilia' 'Gervasi', where the parser took the surname for a place)."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.lower_ in titles() or tok.ent_type_ == "PERSON":
        return False
    if not tok.ent_type_:
        return True
    gaz = load_gazetteer()
    known = gaz.lookup(tok.text) or gaz.demonym(tok.text) or _is_city(tok.text) or gaz.region_state(tok.text)
    whole = tok.ent_iob_ == "B" and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    return tok.ent_type_ in {"GPE", "ORG", "NORP"} and whole and not known


def _missed_places(parsed: SpacyDoc, taken: set[int]) -> list[_Found]:
    """'of Donetsk and Luhansk': a city name the parser left out of its entities, listed with a place or
    with another city, is a place like them."""
    out = []
    for tok in token_list(parsed):
        if tok.i in taken or tok.ent_type_ or tok.pos_ != "PROPN" or not _is_city(tok.text):
            continue
        partners = ([tok.head] if tok.dep_ == "conj" else []) + [c for c in tok.children if c.dep_ == "conj"]
        if not any(p.ent_type_ in {"GPE", "LOC"} or p.pos_ == "PROPN" and _is_city(p.text) for p in partners):
            continue
        span = parsed[tok.i:tok.i + 1]
        if _is_locative(span):
            continue
        out.append(_Found(tok.i, tok.i + 1, slug(tok.text), "place", "name", name=tok.text,
                          country=load_gazetteer().city_state(tok.text, _states_named(parsed))))
    return out


def _possessed_bodies(parsed: SpacyDoc, taken: set[int]) -> list[_Found]:
    """"Russia's State Duma", "Britain's Defence Ministry": capitalised words after a state's possessive
    name a body of that state, even where the parser found no entity."""
    out = []
    for tok in token_list(parsed):
        if tok.text not in {"'s", "’s"} or tok.i + 1 >= len(parsed):
            continue
        country = _country_before(parsed, tok.i + 1)
        end = tok.i + 1
        while end < len(parsed) and end not in taken and parsed[end].text[:1].isupper() and \
                parsed[end].pos_ in {"PROPN", "NOUN", "ADJ"} and parsed[end].ent_type_ not in {"PERSON", "DATE"}:
            end += 1
        if country is None or end == tok.i + 1 or any(t.lower_ in titles() for t in parsed[tok.i + 1:end]):
            continue
        if end < len(parsed) and parsed[end].ent_iob_ == "I":
            continue  # the run stops inside a name ('Air' of 'Air Astana')
        if parsed[end - 1].pos_ == "ADJ" or not (_has_org_word(parsed[tok.i + 1:end].text) or any(
                t.ent_type_ in {"ORG", "FAC"} for t in parsed[tok.i + 1:end])):
            continue  # "Serbia's Novak Djokovic": only a name that reads as a body's is one
        name = parsed[tok.i + 1:end].text
        out.append(_Found(tok.i + 1, end, slug(_org_key(name)), "organization", "name", name=name, country=country))
    return out


def _is_gathering(span: Span) -> bool:
    """'attended the Eastern Economic Forum': a named gathering that is attended, held or opens is an event."""
    if len(span) < 2 or span[-1].lower_ not in EVENT_HEADS:
        return False
    head = span.root
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "pobj":
        return True
    return head.dep_ in {"dobj", "nsubj", "nsubjpass"} and head.head.lemma_.lower() in EVENT_VERBS


def _in_full_name(span: Span) -> bool:
    """True when the word is part of a longer person's name elsewhere in the document ('Sydney Smith')."""
    key = fold(span.text)
    return any(e.label_ == "PERSON" and len(e) > len(span) and key in {fold(t.text) for t in e} | {fold(e.text)}
               for e in entities(span.doc))


def _classify_entity(span: Span, label: str, persons_seen: set[str]) -> _Found | None:
    text = span.text
    region = _region_state(span) if label not in {"GPE", "LOC"} else load_gazetteer().region_state(text)
    known_place = False
    if label == "PERSON" and (_beside_place(span) or region and not _in_full_name(span)):
        label, known_place = "GPE", True  # 'Donetsk and Luhansk': a name listed with places is a place
    elif label == "ORG" and (_is_city(text) or region) and not _has_org_word(text):
        label, known_place = "GPE", True  # a city or region the parser took for a body
    elif label == "PERSON" and "-" in text and all(fold(p) in persons_seen for p in text.split("-")):
        return None  # 'Putin-Xi meeting': two people named as a pair, each named elsewhere
    if label == "PERSON" or (label in {"ORG", "GPE", "NORP"} and not known_place and _person_like(span, persons_seen)):
        if len(span) == 1 and span[0].pos_ not in {"PROPN", "NOUN"} or label == "PERSON" and _names_a_thing(span):
            return None
        return _Found(span.start, span.end, "", "person", "name", name=text)
    if label in {"GPE", "LOC", "NORP"} and text.endswith("s") and (
            span[-1].tag_ in {"NNPS", "NNS"} and not (label != "NORP" and (_is_city(text) or region))
            or _names_a_people(span, text[:-1])):  # 'Homs' and 'Athens' are cities, 'Uyghurs' a people
        start = span.start - 1 if span.start and span.doc[span.start - 1].lower_ == "ethnic" else span.start
        name = span.doc[start:span.end].text
        return _Found(start, span.end, slug(name), "group", "name", name=name,  # 'Uyghurs', 'ethnic Kurds'
                      country=load_gazetteer().demonym(text) or _people_state(text))
    if label in {"GPE", "LOC"}:
        city = _is_city(text)
        if city and (_is_locative(span) or not _is_agentive(span)) and not (
                _names_authority(span) or _stands_alone(span)):
            return None  # a city as a location
        return _Found(span.start, span.end, slug(text), "place", "name", name=text, country=_place_state(span))
    if label == "NORP":
        people = _people_state(text + "s") if " " not in text else None
        if people is not None:  # 'Serb forces', 'Croat villages': a people's name as its state's adjective
            return _Found(span.start, span.end, people.id, people.type, "demonym", people, people.name)
        if span.root.pos_ == "ADJ" or _modifies_noun(span):
            return None
        return _Found(span.start, span.end, slug(text), "group", "name", name=text, country=_country_within(span))
    if label == "FAC" and not _has_org_word(text):
        return None  # a building or place, unless named as an institution ('the Wilson Center')
    if label in {"ORG", "FAC"} and _is_gathering(span):
        return None
    return _Found(span.start, span.end, slug(_org_key(text)), "organization", "name", name=text,
                  country=_country_before(span.doc, span.start) or _country_within(span))


def _place_state(span: Span) -> Entry | None:
    """The state a named place lies in. A name both a region and a city carry ('Virginia') is the region,
    unless only the city's state is named in the text."""
    gaz = load_gazetteer()
    named = _states_named(span.doc)
    region = gaz.region_state(span.text)
    city = gaz.city_state(span.text, named) if _is_city(span.text) else None
    if region is not None and city is not None:
        return city if city.iso3 in named and region.iso3 not in named else region
    return city or region or _country_within(span)


def _modifies_noun(span: Span) -> bool:
    """'Central Asian and South Caucasus republics': a name used as a modifier qualifies, it does not act."""
    head = span.root
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ in {"amod", "compound", "nmod"} and head.head.pos_ in {"NOUN", "PROPN"}


def _names_a_thing(span: Span) -> bool:
    """'his Vkontakte account': a lone name, said once, that only qualifies a thing is a brand, not a person;
    'the Putin regime' qualifies a body of people and keeps its person."""
    root = span.root
    if len(span) != 1 or root.dep_ not in {"compound", "nmod"} or root.head.pos_ != "NOUN":
        return False
    if root.head.lemma_.lower() in AUTHORITY_NOUNS | PERSON_GROUP_NOUNS or root.head.lower_ in titles():
        return False
    return word_counts(span.doc)[span.text] == 1


def _people_state(plural: str) -> Entry | None:
    """The state a people named in the plural is named after, where its name is the state's with a suffix
    English adds for the land ('Serbs' of Serbia, 'Croats' of Croatia, 'Turks' of Turkey, 'Swedes' of Sweden):
    a people the data lists no demonym for."""
    gaz = load_gazetteer()
    if not plural.endswith("s") or len(plural) < 5:
        return None
    stem = plural[:-1]
    for suffix in ("ia", "ey", "land", "n"):
        entry = gaz.lookup(stem + suffix)
        if entry is not None and entry.type == "country" and fold(entry.name).startswith(fold(stem)):
            return entry
    return None


def _names_a_people(span: Span, singular: str) -> bool:
    """'Uyghurs' when 'Uyghur' is used elsewhere in the document as a people's adjective or name."""
    if load_gazetteer().demonym(singular):
        return True
    return any(e.text == singular and e.label_ in {"NORP", "ORG"} for e in entities(span.doc))


def _beside_place(span: Span) -> bool:
    """True when a city's name is conjoined with a place name ('Donetsk and Luhansk'); a name alone that is
    also a city's ('Mary', 'Nelson') stays a person."""
    root = span.root
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    return any(p.ent_type_ in {"GPE", "LOC"} or p.pos_ == "PROPN" and not p.ent_type_ and _is_city(p.text)
               for p in partners) and (len(span) > 1 or _is_city(span.text) or not span.root.ent_type_)


def _qualified_peoples(parsed: SpacyDoc, found: list[_Found]) -> list[_Found]:
    """'Afghan Uzbeks', 'Turkish Kurds', 'Slovak Hungarian voters': a people named after a state's adjective is
    the group of that people in that state, as event coders code it, not a second state beside the first."""
    found = sorted(found, key=lambda f: f.start)
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        qualifier = prev is not None and prev.type == "country" and prev.entry is not None and (
            prev.kind == "demonym" or prev.kind == "name" and parsed[prev.end - 1].dep_ == "compound")  # "Kosovo"
        if qualifier and prev.end == f.start and _names_people(parsed[f.start:f.end], f) and (
                f.entry is None or f.entry.id != prev.entry.id):
            name = parsed[prev.start:f.end].text
            out[-1] = _Found(prev.start, f.end, slug(name), "group", "name", None, name, country=prev.entry)
            continue
        out.append(f)
    return [_resident(parsed, f, out) for f in out]


def _resident(parsed: SpacyDoc, f: _Found, found: list[_Found]) -> _Found:
    """'Ethnic Hungarians in southern Slovakia', 'the Russians of Latvia': a people named with the state it lives
    in is that state's group, as event coders code it, not the state its name comes from."""
    span = parsed[f.start:f.end]
    if not (f.type == "group" or f.kind == "demonym" and span[-1].tag_ in {"NNS", "NNPS"}):
        return f
    at = {i: g for g in found if g.type == "country" and g.entry is not None for i in range(g.start, g.end)}
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}):
        home = next((at[p.i].entry for p in prep.children if p.dep_ == "pobj" and p.i in at), None)
        own = f.country or f.entry
        if home is not None and (own is None or own.id != home.id):
            name = parsed[f.start:f.end].text
            return _Found(f.start, f.end, f.actor if f.type == "group" else slug(name), "group", "name", None,
                          f.name if f.type == "group" else name, country=home)
    return f


def _names_people(span: Span, f: _Found) -> bool:
    """Whether a mention names a people: an ethnic or national group, or a state's noun for its citizens
    used as a noun or before one ('Uzbeks', 'Uzbek refugees'), not a state's adjective before a body."""
    if f.type == "group" and f.entry is None:
        return True
    return f.kind == "demonym" and f.type == "country" and (
        span[-1].tag_ in {"NNS", "NNPS", "NNP", "NN"})


def _merge_peoples(found: list[_Found]) -> None:
    """'Uyghur', 'Uyghur Muslim' and 'Uyghurs' in one document: one people, named by its plural."""
    groups = {fold(f.name): f for f in found if f.type == "group" and not f.entry and f.name.endswith("s")}
    for f in found:
        if f.entry or f.type not in {"organization", "group"} or not f.name:
            continue
        first = fold(f.name).split()[0]
        owner = groups.get(first + "s")
        if owner is not None and owner is not f:
            f.actor, f.type, f.name = owner.actor, owner.type, owner.name


def _org_key(name: str) -> str:
    """One key for spelling variants of an organization's name (-isation/-ization)."""
    return re.sub(r"isation", "ization", fold(name))


def _assemble(doc: Document, parsed: SpacyDoc, found: list[_Found]) -> tuple[list[Mention], list[Actor]]:
    found.sort(key=lambda f: f.start)
    persons = [f for f in found if f.type == "person" and not f.actor]
    _cluster_persons(persons)
    _link_acronyms(parsed, found)
    local: dict[str, _LocalActor] = {}
    mentions = []
    for f in found:
        span = parsed[f.start:f.end]
        mentions.append(Mention(doc.id, span.start_char, span.end_char, span.text, f.actor, f.kind))
        if f.actor.startswith(ROLE_PREFIX):
            continue
        actor = local.get(f.actor)
        if actor is None:
            name = f.entry.name if f.entry else f.name or span.text
            actor = local[f.actor] = _LocalActor(f.actor, name, f.type, f.entry)
        actor.aliases[span.text] += 1
        country = f.country
        if f.type == "person":
            if len(f.name) > len(actor.name):
                actor.name = f.name
            desc = _person_description(span)
            if desc:
                actor.descriptions[desc] += 1
            country = _person_country(span) or _owner_state(span)  # "Zimbabwe's Mugabe"
            home = (_office_state(span) or _held_state(span) or _protested_state(span)) if country is None else None
        elif f.type in {"organization", "group"} and f.entry is None and country is None:
            country = _owner_state(span)
            # a party no data names, or a people with no state ('Shona rebels'), is of the state it is named in
            home = None if country is not None else _party_state(span) if f.type == "organization" else \
                _home_state_of_sentence(span, 0, office=False)
        else:
            home = None
        if home is not None and home.iso3:
            actor.context[home.iso3] += 1
        if country is not None and country.iso3:
            actor.countries[country.iso3] += 1
    actors = [_to_actor(a, doc.id) for a in local.values()]
    return mentions, actors


def _cluster_persons(persons: list[_Found]) -> None:
    """Give one id to the full and short forms of a name within a document ('Tokayev' -> full name)."""
    full = [p for p in persons if len(p.name.split()) > 1]
    for p in full:
        p.actor = slug(p.name)
    for p in persons:
        if p.actor:
            continue
        key = fold(p.name)
        owners = [f for f in full if key in fold(f.name).replace("-", " ").split() or key in fold(f.name).split()]
        if owners:
            best = Counter(o.actor for o in owners).most_common(1)[0][0]
            p.actor = best
            p.name = next(o.name for o in owners if o.actor == best)
        else:
            p.actor = slug(p.name)
    # the longest name wins as the document's name for the person
    longest: dict[str, str] = {}
    for p in persons:
        if len(p.name) > len(longest.get(p.actor, "")):
            longest[p.actor] = p.name
    for p in persons:
        p.name = longest[p.actor]


def _link_acronyms(parsed: SpacyDoc, found: list[_Found]) -> None:
    """'Collective Security Organisation (CSTO)': the bracketed acronym and the name are one actor."""
    by_start = {f.start: f for f in found}
    for f in found:
        k = f.end
        if k + 2 < len(parsed) and parsed[k].text == "(" and parsed[k + 2].text == ")":
            other = by_start.get(k + 1)
            if other is None or other.type != "organization" and f.type != "organization":
                continue
            known, unknown = (other, f) if other.entry else (f, other)
            if known.entry and not unknown.entry:
                unknown.actor, unknown.entry, unknown.type = known.actor, known.entry, known.type
            elif not known.entry and not unknown.entry:
                other.actor = f.actor


def _to_actor(a: _LocalActor, doc_id: str) -> Actor:
    e = a.entry
    description = a.descriptions.most_common(1)[0][0] if a.descriptions else (e.description if e else None)
    iso3 = (e.iso3 or e.home) if e else None  # a state's own code, or the state an armed group is based in
    if iso3 is None and (a.countries or a.context):
        # the state it belongs to, as event coders code actors; else the one its office is held in
        iso3 = (a.countries or a.context).most_common(1)[0][0]
    codes = {"iso3": iso3, "wikidata": e.wikidata if e else None}
    return Actor(a.id, e.name if e else a.name, a.type, description, sorted(a.aliases), [doc_id], codes)


# ---------------------------------------------------------------- corpus level


@lru_cache(maxsize=65536)
def _surname_key(name: str) -> tuple[str, str]:
    parts = fold(name).split()
    return (parts[0], parts[-1]) if len(parts) > 1 else ("", parts[0] if parts else "")


def _same_person(a: str, b: str) -> bool:
    """Spelling variants and transliterations of one full name: the same surname and a close first name
    (or initials), or a close surname and a very close first name."""
    fa, la = _surname_key(a)
    fb, lb = _surname_key(b)
    if not (fa and fb):
        return False
    if la == lb:
        return (fa[0] == fb[0] and min(len(fa), len(fb)) <= 2) or _similar(fa, fb, 0.6)
    return _similar(la, lb, 0.8) and _similar(fa, fb, 0.85)


def _similar(x: str, y: str, least: float) -> bool:
    """SequenceMatcher's ratio is at least `least`; its cheap upper bounds rule out most pairs first."""
    matcher = SequenceMatcher(None, x, y)
    return matcher.real_quick_ratio() >= least and matcher.quick_ratio() >= least and matcher.ratio() >= least


class _NameIndex:
    """Full names, each with a value, blocked by the start and the end of the surname.

    A corpus holds many thousands of names; comparing each new name with all of them is quadratic.
    Spelling variants of one surname (Tokayev, Tokaiev, Toqaev) share its first or last two letters,
    so only names in those blocks are compared. Names keep the order they were added in. Under each
    word only the first two values are listed: callers ask whether one name alone holds a word, and a
    word shared by many names must not make the index grow with every name added.
    """

    def __init__(self) -> None:
        self._items: list[tuple[str, object]] = []
        self._blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._words: dict[str, list[object]] = defaultdict(list)
        self._found: dict[str, object] = {}
        self._unblocked: set[str] = set()

    def add(self, name: str, value: object) -> None:
        blocks = _name_blocks(name)
        if blocks or name not in self._unblocked:  # a name without blocks is never compared: listed once
            self._unblocked.update(() if blocks else (name,))
            number = len(self._items)
            self._items.append((name, value))
            for key in blocks:
                self._blocks[key].append(number)
        for word in dict.fromkeys(fold(name).split()):
            if len(self._words[word]) < 2:
                self._words[word].append(value)

    def values(self) -> list:
        """The values in the order added (of a name without blocks, a single word, only the first)."""
        return [value for _, value in self._items]

    def first_same(self, name: str) -> object | None:
        """The value of the first name added that is a spelling of the same person's name."""
        if name in self._found:  # the first match never changes, since names are only appended
            return self._found[name]
        numbers = sorted({n for key in _name_blocks(name) for n in self._blocks.get(key, ())})
        hit = next((self._items[n][1] for n in numbers if _same_person(self._items[n][0], name)), None)
        if hit is not None:
            self._found[name] = hit
        return hit

    def holding(self, word: str) -> list:
        """The first two values whose name contains this folded word, in the order added."""
        return list(self._words.get(word, ()))


def _name_blocks(name: str) -> set[tuple[str, str]]:
    first, last = _surname_key(name)
    return {("start", last[:2]), ("end", last[-2:])} if first else set()


class _Target:
    """A corpus actor being assembled. Its documents go to the work table as they come (a common actor is
    named in most documents); only their count, which ranks role holders, is kept here."""

    __slots__ = ("actor", "serial", "seen", "aliases")

    def __init__(self, actor: Actor, serial: int) -> None:
        self.actor = actor
        self.serial = serial
        self.seen = 0
        self.aliases: dict[str, None] = {}


class ResolvedActors:
    """The outcome of `resolve_corpus_work`: corpus actors without their document lists, which stay in the
    work database with the map from document-local to corpus ids, read one actor or one document at a time."""

    def __init__(self, db: Any, targets: list[_Target]) -> None:
        self.db = db
        self._targets = targets
        self.actors = [t.actor for t in targets]

    def docs_of(self, target: _Target) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT doc FROM actor_docs WHERE grp = ? ORDER BY doc", (target.serial,))]

    def with_docs(self) -> Iterator[Actor]:
        """Each corpus actor with its sorted documents, in id order, one at a time."""
        for t in self._targets:
            yield dataclasses.replace(t.actor, docs=self.docs_of(t))

    def mapping_of(self, doc_id: str) -> dict[str, str]:
        return dict(self.db.execute("SELECT local, actor FROM map WHERE doc = ?", (doc_id,)).fetchall())

    def map_rows(self) -> Iterator[tuple[str, str, str]]:
        """(doc, local id, corpus id), in document order."""
        yield from self.db.execute("SELECT doc, local, actor FROM map ORDER BY doc, local")

    def mapping(self) -> dict[str, dict[str, str]]:
        """The whole map as dictionaries, for callers that work in memory."""
        out: dict[str, dict[str, str]] = defaultdict(dict)
        for doc, local, actor in self.map_rows():
            out[doc][local] = actor
        return out


_WORK_TABLES = """
CREATE TABLE IF NOT EXISTS persons (seq INTEGER PRIMARY KEY, words INTEGER, size INTEGER, doc0 TEXT, data TEXT);
CREATE TABLE IF NOT EXISTS map (doc TEXT, local TEXT, actor TEXT, PRIMARY KEY (doc, local)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_docs (grp INTEGER, doc TEXT);
"""


def resolve_corpus(
    per_doc: dict[str, list[Actor]], mentions: dict[str, list[Mention]] | None = None
) -> tuple[list[Actor], dict[str, dict[str, str]]]:
    """Merge document-local actors into corpus actors.

    Returns the corpus actors and, per document, a map from local id to corpus
    id (role descriptions such as 'role:president:china' map to the person who
    holds that role, or are absent when no one does).
    """
    mentions = mentions or {}
    db = sqlite3.connect(":memory:")
    try:
        resolved = resolve_corpus_work(
            db, lambda: ((doc_id, a) for doc_id, acts in sorted(per_doc.items()) for a in acts),
            {(m.actor, m.kind == "location") for ms in mentions.values() for m in ms},
            lambda: ((doc_id, m.actor, m.text) for doc_id, ms in mentions.items() for m in ms
                     if m.actor.startswith(ROLE_PREFIX)))
        return list(resolved.with_docs()), dict(resolved.mapping())
    finally:
        db.close()


def resolve_corpus_work(db: Any, local: Callable[[], Iterable[tuple[str, Actor]]],
                        mention_kinds: set[tuple[str, bool]],
                        role_mentions: Callable[[], Iterable[tuple[str, str, str]]]) -> ResolvedActors:
    """`resolve_corpus` over streams, with its bulky state in an SQLite work database `db`.

    `local()` gives (doc, local actor) in document then id order, and is read twice; `mention_kinds` holds
    (local actor id, whether named as a location) for every mention; `role_mentions()` gives (doc, role id,
    text) of role mentions in stored order. Memory holds the distinct names and one corpus actor per id;
    the per-document map, each actor's documents and the person occurrences awaiting their turn are tables.
    """
    db.executescript(_WORK_TABLES)
    person_names = _NameIndex()
    for name in sorted({a.name for _, a in local() if a.type == "person"}):
        person_names.add(name, name)
    surnames = {fold(n.split()[-1]) for n in person_names.values() if len(n.split()) > 1}
    canonical: dict[str, _Target] = {}
    serials = iter(range(1 << 62))
    sink = _WorkSink(db)
    person_like: dict[str, bool] = {}  # by name: the answer never changes once the names are indexed
    for seq, (doc_id, a) in enumerate(local()):
        if a.type in {"organization", "place"} and not a.codes.get("iso3") and a.name not in person_like:
            person_like[a.name] = _is_person_name(a.name, person_names, surnames)
        if a.type in {"organization", "place"} and not a.codes.get("iso3") and person_like[a.name]:
            a.type = "person"  # a person the parser took for an organization in this document
        if a.type == "person":
            sink.person(seq, a)
            continue
        target = canonical.get(a.id)
        if target is None:
            canonical[a.id] = target = _Target(Actor(a.id, a.name, a.type, a.description, [], [], dict(a.codes)),
                                               next(serials))
        _absorb(target, a, doc_id, sink)
        sink.map(doc_id, a.id, target.actor.id)
    sink.flush()
    # persons: full names first (longest first), then short forms join a unique full name
    groups = _NameIndex()
    latest: dict[str, _Target] = {}  # by id, the last group made under it (an id made twice keeps the last)
    for doc_id, a in sink.persons():
        target = groups.first_same(a.name)
        if target is None and len(a.name.split()) == 1:
            owners = groups.holding(fold(a.name))
            target = owners[0] if len(owners) == 1 else None
        if target is None:
            target = _Target(Actor(slug(a.name), a.name, "person", None, [], [], dict(a.codes)), next(serials))
            groups.add(a.name, target)
            latest[target.actor.id] = target
        _absorb(target, a, doc_id, sink)
        sink.map(doc_id, a.id, target.actor.id)
    sink.flush()
    for actor_id, g in latest.items():
        canonical[actor_id] = g
    _drop_mere_locations(mention_kinds, canonical, db)
    _map_roles(role_mentions(), canonical, sink)
    sink.flush()
    db.execute("CREATE INDEX IF NOT EXISTS actor_docs_grp ON actor_docs (grp)")
    db.commit()
    targets = sorted(canonical.values(), key=lambda t: t.actor.id)
    for t in targets:
        t.actor.aliases = sorted(t.aliases)
    return ResolvedActors(db, targets)


class _WorkSink:
    """Rows for the work tables, written in batches."""

    def __init__(self, db: Any, batch: int = 5000) -> None:
        self.db = db
        self.batch = batch
        self._maps: list[tuple[str, str, str]] = []
        self._docs: list[tuple[int, str]] = []
        self._persons: list[tuple] = []

    def map(self, doc: str, local: str, actor: str) -> None:
        self._maps.append((doc, local, actor))
        if len(self._maps) >= self.batch:
            self.flush()

    def doc(self, target: _Target, doc: str) -> None:
        self._docs.append((target.serial, doc))
        if len(self._docs) >= self.batch:
            self.flush()

    def person(self, seq: int, a: Actor) -> None:
        self._persons.append((seq, len(a.name.split()), len(a.name), a.docs[0], json.dumps(vars(a))))
        if len(self._persons) >= self.batch:
            self.flush()

    def persons(self) -> Iterator[tuple[str, Actor]]:
        """Person occurrences in the order they are grouped: most words first, then longest, then document."""
        cursor = self.db.execute("SELECT data FROM persons ORDER BY words DESC, size DESC, doc0, seq")
        for (data,) in cursor:
            a = Actor(**json.loads(data))
            yield a.docs[0], a

    def flush(self) -> None:
        if self._maps:
            self.db.executemany("INSERT OR REPLACE INTO map VALUES (?, ?, ?)", self._maps)
        if self._docs:
            self.db.executemany("INSERT INTO actor_docs VALUES (?, ?)", self._docs)
        if self._persons:
            self.db.executemany("INSERT INTO persons VALUES (?, ?, ?, ?, ?)", self._persons)
        self._maps, self._docs, self._persons = [], [], []


def _drop_mere_locations(mention_kinds: set[tuple[str, bool]], canonical: dict[str, _Target], db: Any) -> None:
    """A region only ever named as a location ('in Western Europe') is no actor of the story."""
    acting = {actor for actor, located in mention_kinds if not located}
    located = {actor for actor, is_location in mention_kinds if is_location}
    db.execute("CREATE TEMP TABLE IF NOT EXISTS dropped (local TEXT PRIMARY KEY)")
    db.execute("DELETE FROM dropped")
    db.executemany("INSERT OR IGNORE INTO dropped VALUES (?)", ((a,) for a in located - acting))
    db.execute("DELETE FROM map WHERE local IN (SELECT local FROM dropped)")
    for actor_id in located - acting:
        canonical.pop(actor_id, None)


def _is_person_name(name: str, person_names: _NameIndex, surnames: set[str]) -> bool:
    if fold(name) in surnames:
        return True
    return _name_shaped(name) and person_names.first_same(name) is not None


def _absorb(target: _Target, a: Actor, doc_id: str, sink: _WorkSink) -> None:
    actor = target.actor
    target.aliases.update(dict.fromkeys(a.aliases))
    target.aliases.setdefault(a.name)
    sink.doc(target, doc_id)
    target.seen += 1
    for key, value in a.codes.items():
        if value and not actor.codes.get(key):
            actor.codes[key] = value
    if a.description and (not actor.description or actor.type == "person" and " of " in a.description
                          and " of " not in actor.description):
        actor.description = a.description


def _map_roles(role_mentions: Iterable[tuple[str, str, str]], canonical: dict[str, _Target],
               sink: _WorkSink) -> None:
    """'the Chinese president' -> the person described as President of China elsewhere in the corpus; a role
    no named person holds ("Uzbekistan's representative") stands for its state, as event coders code it."""
    gaz = load_gazetteer()
    holders: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for t in canonical.values():
        a = t.actor
        if a.type != "person" or not a.description or a.description.lower().startswith("former"):
            continue
        m = re.match(r"(.+?) of (.+)$", a.description)
        if not m:
            continue
        entry = gaz.lookup(m.group(2))
        if entry is None:
            continue
        words = [w.lower() for w in m.group(1).split()]
        if role_kind(words) == "leader" and not DEPUTY_WORDS & set(words):
            holders[("leader", entry.id)][a.id] += t.seen
        for w in words:
            holders[(w, entry.id)][a.id] += t.seen
        if len(words) > 1:
            holders[(" ".join(words), entry.id)][a.id] += t.seen
    for doc_id, actor, text in role_mentions:
        _, role, country = actor.split(":", 2)
        counts = holders.get((role, country)) or (holders.get(("leader", country)) if " " not in role else None)
        if counts:
            person = counts.most_common(1)[0][0]
            sink.map(doc_id, actor, person)
            sink.doc(canonical[person], doc_id)
            canonical[person].aliases.setdefault(text)
        elif country in canonical:
            sink.map(doc_id, actor, country)  # no one named holds the role: the office speaks for its state


def role_kind(words: list[str]) -> str | None:
    """The kind of role lowercased title words name ('leader', 'official', ...): a leader's title wins unless
    a deputy's word qualifies it, else the first title found."""
    kinds = [titles().get(w) for w in words]
    if "leader" in kinds and not DEPUTY_WORDS & set(words):
        return "leader"
    return next((k for k in kinds if k), None)


def naming_conflicts(corpus_actors: list[Actor], mentions: dict[str, list[Mention]],
                     mapping: dict[str, dict[str, str]], docs: list[Document]) -> list[Conflict]:
    """Documents that give one body different full names ('Collective Security Organisation (CSTO)'
    against 'Collective Security Treaty Organization'): words differ, not only spelling."""
    db = sqlite3.connect(":memory:")
    try:
        per_doc = ((doc_id, ms, mapping.get(doc_id, {})) for doc_id, ms in mentions.items())
        return naming_conflicts_work(db, corpus_actors, per_doc, {d.id for d in docs if d.duplicate_of})
    finally:
        db.close()


def naming_conflicts_work(db: Any, corpus_actors: list[Actor],
                          per_doc: Iterable[tuple[str, list[Mention], dict[str, str]]],
                          copies: set[str]) -> list[Conflict]:
    """`naming_conflicts` over (doc, its mentions, its local -> corpus map) streamed in any order; the names
    found wait in a table of the SQLite work database `db` and are read back one actor at a time."""
    by_id = {a.id: a for a in corpus_actors}
    db.execute("CREATE TABLE IF NOT EXISTS org_forms (actor TEXT, form TEXT, said TEXT)")
    db.execute("DELETE FROM org_forms")
    rows: list[tuple[str, str, str]] = []
    for doc_id, doc_mentions, ids in per_doc:
        if doc_id in copies:
            continue  # a copy repeats its original; it does not disagree with it
        for m in doc_mentions:
            actor = by_id.get(ids.get(m.actor, ""))
            if actor is None or actor.type != "organization" or m.kind != "name" or len(m.text.split()) < 2:
                continue
            rows.append((actor.id, "\x1f".join(_org_key(m.text).split()), f"{doc_id}: {m.text}"))
        if len(rows) >= 5000:
            db.executemany("INSERT INTO org_forms VALUES (?, ?, ?)", rows)
            rows = []
    db.executemany("INSERT INTO org_forms VALUES (?, ?, ?)", rows)
    out = []
    cursor = db.execute("SELECT actor, form, said FROM org_forms ORDER BY actor")
    for actor_id, group in groupby(cursor, key=lambda r: r[0]):
        variants: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for _, form, said in group:
            variants[tuple(form.split("\x1f"))].add(said)
        conflict = _naming_conflict(by_id[actor_id], variants)
        if conflict is not None:
            out.append(conflict)
    return out


def _naming_conflict(actor: Actor, variants: dict[tuple[str, ...], set[str]]) -> Conflict | None:
    # Short forms drop the head word ('Belt and Road'); a name that keeps the head but not the
    # words before it ('Collective Security Organisation') is a different name for the same body.
    heads = defaultdict(set)
    for words in variants:
        heads[words[-1]].add(words)
    variants = {w: variants[w] for ws in heads.values() if len(ws) > 1 for w in sorted(ws)}
    if len(variants) < 2:
        return None
    statements = [Statement(said.split(": ", 1)[0], said.split(": ", 1)[1])
                  for _, group in sorted(variants.items()) for said in sorted(group)]
    return Conflict(f"name of {actor.name}", statements)


def actor_country(actor_id: str, actors: list[Actor]) -> str | None:
    """The ISO3 code of the state an actor is or belongs to (event coders code actors by country); for a
    role description ('role:president:mongolia') the state the role is tied to."""
    if actor_id.startswith(ROLE_PREFIX):
        entry = load_gazetteer().entries.get(actor_id.split(":", 2)[2])
        return entry.iso3 if entry else None
    actor = next((a for a in actors if a.id == actor_id), None)
    return actor.codes.get("iso3") if actor else None
