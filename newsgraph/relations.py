"""Lasting ties between actors, read from the dependency parse and the actor mentions.

News states ties in a small set of constructions that recur whatever the story: a title
before a name ("Kazakh President X"), an apposition ("X, a fellow at the Y"), a copular or
possessive phrase around a tie noun ("A is a member of B", "B's ally A", "A's biggest
trading partner"), hyphenated modifiers ("NATO-member Turkey", "the Russian-dominated
CSTO") and a few verbs ("A borders B", "A shares a border with B"). Each rule below reads
one construction from the parse, so it works on any text; none knows a particular actor.

`MentionIndex` is shared with the event extractor: it maps tokens to mentions, finds the
actors a noun phrase denotes (conjuncts, demonym modifiers, "leaders of X"), the subject of
a clause (through control, coordination and participles) and resolves the pronouns and
definite descriptions ("it", "his", "the Central Asian nation") that arguments often are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.actors import ROLE_PREFIX, role_kind, titles
from newsgraph.gazetteer import load_gazetteer
from newsgraph.model import Document, Mention, Relation
from newsgraph.nlp import text_of, token_list

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
# Singular heads of a definite description that stands for a state: "the Central Asian nation".
STATE_NOUNS = {"nation", "country", "state", "republic", "kingdom"}
# Heads whose adjectives classify rather than name ("former Soviet states", "SCO member states").
CLASS_NOUNS = {"state", "country", "nation", "republic", "member", "region", "city", "neighbour", "neighbor"}
SUBJECTS = {"nsubj", "csubj"}
QUANTITY_HEADS = {"lot", "number", "majority", "minority", "host", "group", "dozen", "hundred", "thousand",
                  "million", "handful", "couple", "some", "many", "most", "all", "few", "several", "both", "score"}
# People and bodies sent or come from somewhere, whose "from" names whose they are ("doctors from X"); not forces,
# whose "from" is mostly where they leave ("troops from the border").
ORIGIN_HEADS = {"doctor", "expert", "official", "delegation", "delegate", "diplomat", "envoy", "volunteer", "worker",
                "team", "observer", "monitor", "inspector", "engineer", "adviser", "advisor", "journalist", "reporter",
                "refugee", "student", "tourist", "pilgrim", "migrant", "immigrant", "investor", "businessman",
                "representative", "negotiator", "lawmaker", "legislator", "minister", "leader", "activist",
                "scientist", "specialist", "mediator", "people", "group", "farmer", "protester", "demonstrator",
                "fisherman", "trader", "resident", "villager", "soldier", "fighter", "militant", "family"}
# Nouns for people whose "at" names the body they work or study at, and so whose they are ("staff at the
# Kenyan embassy", "workers at Chile's state copper company").
PLACE_OF_WORK_HEADS = {"worker", "employee", "staff", "miner", "student", "official", "doctor", "nurse", "teacher",
                       "researcher", "scientist", "engineer", "guard", "diplomat", "lecturer", "professor"}
# Nouns of a relation to another party: the possessor is the other side ('Egypt's ally', 'its neighbour').
RELATION_NOUNS = {"ally", "partner", "neighbour", "neighbor", "rival", "enemy", "foe", "adversary", "opponent",
                  "proxy", "client", "patron", "counterpart"}
# Heads whose "of" names the actor meant: "leaders of China", "the region of Xinjiang".
OF_HEADS = {"leader", "leadership", "government", "people", "president", "head", "region", "republic", "city",
            "capital", "province", "territory", "state", "country", "nation", "authority", "delegation",
            "representative", "minister", "ministry", "army", "force", "troop", "parliament", "member", "part",
            "citizen", "official", "diplomat", "side", "regime", "administration", "population", "kingdom",
            "resident", "inhabitant",
            # a force's units and craft ('gunboats of the Yugoslav navy', 'jets of the Israeli air force')
            "unit", "warship", "gunboat", "ship", "jet", "aircraft", "plane", "helicopter", "tank", "battalion",
            "brigade", "division", "squadron", "fleet", "soldier", "commander", "officer",
            "guerrilla", "rebel", "fighter", "militant", "supporter"}  # 'guerrillas of El Salvador's FMLN'
COPULAS = {"be", "become", "remain", "stay", "seem"}
LISTING_PREPS = {"including", "like", "as"}  # "leaders including X", "countries like X", "such as X"
# Tie nouns and the relation they state when predicated of an actor ("A is B's ally").
TIE_NOUNS = {
    "member": "MEMBER_OF", "ally": "ALLY_OF", "partner": "PARTNER_OF", "neighbour": "BORDERS",
    "neighbor": "BORDERS", "part": "PART_OF", "province": "PART_OF", "territory": "PART_OF",
}
TRADE_WORDS = {"trade", "trading", "commercial"}
HOLDER_PREPS = {"of", "for", "to", "with"}
# Nouns that name a pact between the actors that modify them: "the Russia-China alliance".
PACT_NOUNS = {"alliance": "ALLY_OF", "axis": "ALLY_OF", "partnership": "PARTNER_OF", "friendship": "PARTNER_OF"}
# "the Russian-dominated CSTO", "the China-led bloc": the first is a (leading) member of the second.
DOMINANCE_WORDS = {"dominated", "led", "founded", "controlled", "-dominated", "-led"}
# A state's envoy to a body implies membership of it: "Uzbekistan's representative to the SCO".
ENVOY_NOUNS = {"representative", "envoy", "ambassador", "delegate", "delegation", "mission"}
BODY_NOUNS = {"alliance", "bloc", "organization", "organisation", "union", "group", "grouping", "pact",
              "association", "community", "coalition", "partnership", "forum", "body"}
COMPRISING = {"comprise", "include", "consist", "unite", "bring", "group"}
AFFILIATION_PREPS = {"at", "with", "of", "from", "for"}
ROLE_MODIFIERS = {"deputy", "vice", "first", "foreign", "prime", "defence", "defense", "senior", "chief",
                  "general", "interior", "finance", "economy", "trade", "state", "press", "acting"}
FORMER = {"former", "ex", "late", "then", "ex-"}
TIE_VERBS_HAVE = {"have", "maintain", "enjoy", "keep"}
TIES_NOUNS = {"tie", "relation", "relationship"}
# Words that mark a body of the state itself: its chambers, ministries, forces, agencies and media.
STATE_BODY_WORDS = {"parliament", "assembly", "congress", "senate", "council", "ministry", "department",
                    "agency", "army", "navy", "forces", "force", "guard", "police", "court", "bank", "commission",
                    "committee", "office", "service", "state", "state-run", "state-owned", "government", "cabinet",
                    "embassy", "military", "intelligence", "directorate", "administration", "legislature", "chamber"}
INITIATIVE_NOUNS = {"initiative", "project", "programme", "program", "plan", "strategy", "scheme", "fund"}


class MentionIndex:
    """Tokens to mentions, and the argument-finding that relations and events share."""

    def __init__(self, doc_id: str, parsed: SpacyDoc, mentions: list[Mention]) -> None:
        self.doc_id = doc_id
        self.parsed = parsed
        self.by_token: dict[int, Mention] = {}
        self.spans: dict[int, Span] = {}  # id(mention) -> token span
        self.mentions: list[Mention] = []
        text = text_of(parsed)
        for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
            span = parsed.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span) or _no_party(text, m):
                continue
            self.mentions.append(m)
            self.spans[id(m)] = span
            for tok in span:
                old = self.by_token.get(tok.i)
                if old is None or (old.end - old.start) < (m.end - m.start):
                    self.by_token[tok.i] = m
        self.types = self._actor_types()

    # ------------------------------------------------------------------ types

    def _actor_types(self) -> dict[str, str]:
        """Each actor's type: from the gazetteer, else from how its mentions are labelled and titled."""
        gaz = load_gazetteer()
        spans: dict[str, list[Span]] = defaultdict(list)
        for m in self.mentions:
            spans[m.actor].append(self.spans[id(m)])
        out = {}
        for actor, group in spans.items():
            entry = gaz.entries.get(actor)
            if actor.startswith(ROLE_PREFIX):
                out[actor] = "person"
            elif entry is not None:
                out[actor] = entry.type
            else:
                out[actor] = _type_from_spans(group)
        return out

    def type_of(self, m: Mention) -> str:
        return self.types.get(m.actor, "unknown")

    def span(self, m: Mention) -> Span:
        return self.spans[id(m)]

    def head(self, m: Mention) -> Token:
        return self.spans[id(m)].root

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def in_range(self, start: int, end: int) -> list[Mention]:
        """Mentions whose tokens lie in [start, end), in text order."""
        return [m for m in self.mentions if self.spans[id(m)].start >= start and self.spans[id(m)].end <= end]

    # ------------------------------------------------------------------ noun phrases

    def np(self, tok: Token, depth: int = 0) -> list[Mention]:
        """The actors the noun phrase headed by `tok` denotes, over its conjuncts."""
        if depth > 6:
            return []
        named = [a for c in tok.children if c.dep_ == "appos" and c.i in self.by_token
                 and self.by_token[c.i].kind == "name" and tok.i not in self.by_token for a in self.np(c, depth + 1)]
        found = named or self._head_actors(tok, depth)  # "his Kazakh counterpart X" is X
        for child in tok.children:
            if child.dep_ == "conj" or (child.dep_ == "appos" and not named and (
                    not found or child.i in self.by_token)):
                found += self.np(child, depth + 1)
        return unique_actors(found)

    def _head_actors(self, tok: Token, depth: int) -> list[Mention]:
        m = self.by_token.get(tok.i)
        if m is not None:
            return [m]
        if tok.pos_ == "PRON":
            ante = self.antecedent(tok)
            return [ante] if ante else []
        if tok.pos_ not in {"NOUN", "PROPN", "NUM"}:
            return []
        listed = self.listed(tok, depth)
        if listed:
            return listed
        if tok.lemma_.lower() in STATE_NOUNS and tok.tag_ == "NN" and any(
                c.lower_ == "the" for c in tok.children):
            ante = self.state_anaphor(tok)
            if ante:
                return [ante]
        if tok.lemma_.lower() not in CLASS_NOUNS:
            deps = {"amod", "compound", "nmod"} | ({"poss"} if tok.lemma_.lower() not in RELATION_NOUNS else set())
            mods = [self.by_token[m.i] for c in tok.children if c.dep_ in deps
                    for m in (c, *_conjuncts(c)) if m.i in self.by_token] or [
                self.by_token[g.i] for c in tok.children if c.dep_ == "compound" for g in c.children
                if g.dep_ in {"amod", "compound"} and g.i in self.by_token and self.by_token[g.i].kind == "demonym"]
            if mods:  # "Hungarian and Romanian officials" are both states' officials; "Bolivian coca growers"
                return unique_actors(mods)  # are Bolivia's, the adjective parsed under the noun before the head
            owners = [a for c in tok.children if c.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in self.by_token
                      for a in self._head_actors(c, depth + 1)]
            if owners:  # "Nigeria's oil workers' union": the union of that state's workers
                return owners
        # "leaders of X", "the region of X", "a lot of X"; "doctors from X", "a team of experts from X";
        # "workers at X's state oil company" (a state's: a body named there leaves them unnamed people at it)
        for prep, heads in (("of", OF_HEADS | QUANTITY_HEADS), ("from", ORIGIN_HEADS), ("at", PLACE_OF_WORK_HEADS)):
            if tok.lemma_.lower() in heads:
                for child in tok.children:
                    if child.dep_ == "prep" and child.lower_ == prep:
                        found = list(self.pobj(child))
                        return found if prep != "at" or all(self.type_of(m) == "country" for m in found) else []
        return []

    def listed(self, tok: Token, depth: int = 0) -> list[Mention]:
        """'leaders including X', 'countries like X and Y', 'states such as X'."""
        out: list[Mention] = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in LISTING_PREPS:
                out += [a for a in self.pobj(child)]
        return out

    # ------------------------------------------------------------------ anaphora

    def antecedent(self, tok: Token) -> Mention | None:
        """The actor a third-person pronoun stands for: the nearest fitting, preferably subject, mention."""
        low = tok.lower_
        if low == "it" and _expletive(tok):
            return None
        if low in PERSON_PRONOUNS:
            return self._search_back(tok, lambda m: self.type_of(m) == "person")
        if low in THING_PRONOUNS:
            return self._search_back(tok, lambda m: self.type_of(m) in {"country", "organization", "group"}
                                     and m.kind != "demonym")
        return None

    def state_anaphor(self, tok: Token) -> Mention | None:
        """'the Central Asian nation': the latest state named before, inside the region if one is given."""
        gaz = load_gazetteer()
        region = next((self.by_token[c.i] for c in tok.children if c.i in self.by_token), None)
        members = gaz.entries[region.actor].members if region and region.actor in gaz.entries else set()

        def fits(m: Mention) -> bool:
            entry = gaz.entries.get(m.actor)
            return (entry is not None and entry.type == "country" and m.kind != "demonym"
                    and (not members or entry.iso3 in members))
        if region is not None and not members and self.type_of(region) == "country":
            return region  # "the Russian state" names Russia itself
        return self._search_back(tok, fits)

    def _search_back(self, tok: Token, fits: Callable[[Mention], bool]) -> Mention | None:
        """Nearest fitting mention in the sentence (not c-commanded by a subject pronoun), then earlier ones."""
        sent = tok.sent
        ahead = self._fronted_subject(tok)
        if ahead is not None and fits(ahead):
            return ahead
        blocked = {t.i for t in tok.head.subtree} if tok.dep_ in {"nsubj", "nsubjpass"} else {tok.i}
        here = [m for m in self.in_range(sent.start, tok.i) if self.head(m).i not in blocked and fits(m)]
        if here:
            subj = [m for m in here if self.head(m).dep_ in {"nsubj", "nsubjpass"}]
            return (subj or here)[-1]
        prev = sent.start - 1
        for _ in range(3):
            if prev < 0:
                break
            s = self.parsed[prev].sent
            cands = [m for m in self.in_range(s.start, s.end) if fits(m)]
            if cands:
                subj = [m for m in cands if self.head(m).dep_ in {"nsubj", "nsubjpass"}]
                return (subj or cands)[0]
            prev = s.start - 1
        return None

    def _fronted_subject(self, tok: Token) -> Mention | None:
        """'To justify its intervention, Russia began ...': a pronoun in a fronted phrase points ahead to
        the subject of the clause it modifies."""
        cur = tok
        while cur.head.i != cur.i:
            parent = cur.head
            if cur.dep_ in {"advcl", "prep", "npadvmod"} and parent.pos_ in {"VERB", "AUX"}:
                subj = next((c for c in parent.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and cur.i < subj.i and tok.i < subj.i and subj.i in self.by_token:
                    return self.by_token[subj.i]
                return None
            cur = parent
        return None

    # ------------------------------------------------------------------ clauses

    def subjects(self, verb: Token, depth: int = 0) -> list[Mention]:
        """The actors doing what `verb` says: its subject, or the one it inherits from the clause above."""
        if depth > 6:
            return []
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:  # of two subjects the parser gives ('Sudan's paramilitary | Rapid Support Forces'), the named
            found = next((a for c in subjects if (a := self.np(c))), [])
            return unique_actors(found + self.likened(verb))
        for child in verb.children:
            if child.dep_ == "nsubjpass":  # the grammatical subject a participle above inherits
                return self.np(child) if depth else []
        dep, head = verb.dep_, verb.head
        if dep == "xcomp":
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            return self.np(obj) if obj is not None else self.subjects(head, depth + 1)
        if dep in {"advcl", "conj"} and head.pos_ in {"VERB", "AUX"}:
            return self.subjects(head, depth + 1)
        if dep == "acomp" and head.lemma_ in COPULAS:  # "X is committed to ...": the predicate's subject
            return self.subjects(head, depth + 1)
        if dep == "pcomp":
            gov = head.head
            obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            if head.lower_ in {"for", "of"} and obj is not None:
                return self.np(obj)  # "thanked Russia for supporting China", "accused X of attacking"
            return self.subjects(gov, depth + 1) if gov.pos_ in {"VERB", "AUX"} else []
        if dep == "relcl":
            return self.np(head)
        if dep == "acl" and any(c.lower_ == "to" for c in verb.children):
            return self._benefactive(head)  # "it was an opportunity for X to meet"
        return []

    def _benefactive(self, noun: Token) -> list[Mention]:
        for tok in (noun, noun.head):
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "for":
                    found = [a for a in self.pobj(child)]
                    if found:
                        return found
        return []

    def likened(self, verb: Token) -> list[Mention]:
        """'Like China, Kazakhstan has followed ...': the compared actor does the same."""
        return [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "like"
                for a in self.pobj(c)]

    def agent(self, verb: Token) -> list[Mention]:
        """The 'by X' of a passive verb."""
        return [a for c in verb.children if c.dep_ == "agent" for a in self.pobj(c)]

    def pobj(self, prep: Token) -> list[Mention]:
        """The actors a preposition governs; when the parser left it without an object ('at' at the end of
        a line), the actor named right after it."""
        objects = [p for p in prep.children if p.dep_ in {"pobj", "pcomp"} and p.pos_ != "VERB"]
        if objects:
            return [a for p in objects for a in self.np(p)]
        for k in range(prep.i + 1, min(prep.i + 4, len(self.parsed))):
            m = self.by_token.get(k)
            if m is not None:
                return [m]
            if self.parsed[k].is_punct or self.parsed[k].is_space or self.parsed[k].pos_ in {"VERB", "ADP"}:
                break
        return []


# A state named inside these words is no party to what the phrase says: 'anti-Iran cleric' (an opponent),
# 'pro-Moscow rebels' (a sympathiser), 'a Rwanda-style massacre' (a comparison), 'ethnic Uzbek traders' (a people).
_STANCE_BEFORE = re.compile(r"\b(?:anti|pro|non)\s*-\s*$", re.IGNORECASE)
_LIKENESS_AFTER = re.compile(r"^\s*-\s*(?:style|like|type|esque)\b", re.IGNORECASE)
_ETHNIC_BEFORE = re.compile(r"\bethnic\s+$", re.IGNORECASE)
# ... nor one named only as a language ('the Hungarian language', 'Hungarian-speaking villages').
_LANGUAGE_AFTER = re.compile(r"^(?:\s+(?:language|tongue|dialect|alphabet|script)s?\b|\s*-\s*(?:speaking|language)\b)",
                             re.IGNORECASE)


def _no_party(text: str, m: Mention) -> bool:
    """Whether a mention names a state only as the object of a stance or likeness ('anti-Iran', 'pro-Moscow',
    'Rwanda-style'), as the name of a people ('ethnic Uzbek') or of a language ('the Hungarian language'): the
    phrase is then no party of that state."""
    before, after = text[max(0, m.start - 12):m.start], text[m.end:m.end + 10]
    if _STANCE_BEFORE.search(before) or _LIKENESS_AFTER.match(after):
        return True
    return m.kind == "demonym" and bool(_ETHNIC_BEFORE.search(before) or _LANGUAGE_AFTER.match(after))


def _conjuncts(tok: Token) -> list[Token]:
    """The words conjoined to a modifier ('Hungarian and Romanian'), which modify the same head."""
    out = []
    for child in tok.children:
        if child.dep_ == "conj":
            out += [child, *_conjuncts(child)]
    return out


def _type_from_spans(spans: list[Span]) -> str:
    """Type of an actor the gazetteer does not know, from entity labels and titles before its mentions."""
    labels = [s.root.ent_type_ for s in spans]
    if any(len(s) > 1 and all(t.ent_type_ == "PERSON" for t in s) for s in spans) or any(
            _title_words_before(s) for s in spans):
        return "person"
    if "ORG" in labels or any(t.ent_type_ == "ORG" for s in spans for t in s):
        return "organization"
    if "GPE" in labels or "LOC" in labels:
        return "place"
    if "NORP" in labels:
        return "group"
    return "unknown"


def _expletive(tok: Token) -> bool:
    """'it was obvious that', 'it remains unclear if', 'it is X that ...', 'when it comes to': no referent."""
    head = tok.head
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if head.lemma_ == "come" and any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children):
        return True
    if head.lemma_ not in COPULAS | {"appear", "take", "make", "matter"}:
        return False
    if any(c.dep_ in {"ccomp", "csubj", "xcomp"} for c in head.children):
        return True
    return any(c.dep_ in {"attr", "acomp"} and any(g.dep_ in {"relcl", "ccomp", "acl", "xcomp"} for g in c.children)
               for c in head.children)


def _title_words_before(span: Span) -> bool:
    k = span.start - 1
    return k >= 0 and (span.doc[k].lower_ in titles() or span.doc[k].lower_ == "counterpart")


def _previous_word(tok: Token) -> Token | None:
    k = tok.i - 1
    while k >= 0 and tok.doc[k].is_punct:
        k -= 1
    return tok.doc[k] if k >= 0 else None


def _prep_objects(ix: MentionIndex, tok: Token, preps: set[str]) -> list[Mention]:
    """Actors in the objects of the given prepositions under `tok`."""
    return [a for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for a in ix.pobj(c)]


def unique_actors(mentions: list[Mention]) -> list[Mention]:
    """The first mention of each actor, in order."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append(m)
    return out


# ====================================================================== relations

Tie = tuple[Mention, str, Mention | str, Token]  # source, type, target (mention or actor id), anchor token


def extract_relations(doc: Document, parsed: SpacyDoc, mentions: list[Mention]) -> list[Relation]:
    """Lasting ties stated in one document, each with the sentence that states it."""
    ix = MentionIndex(doc.id, parsed, mentions)
    ties: list[Tie] = []
    for rule in RULES:
        ties += rule(ix)
    ties += _leaders_of_bodies(ix, ties)
    return _to_relations(doc.id, ix, ties)


def _to_relations(doc_id: str, ix: MentionIndex, ties: list[Tie]) -> list[Relation]:
    gaz = load_gazetteer()
    out: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()
    for source, kind, target, anchor in ties:
        target_id = target if isinstance(target, str) else target.actor
        key = (source.actor, kind, target_id)
        if source.actor == target_id or key in seen:
            continue
        target_type = gaz.entries[target_id].type if target_id in gaz.entries else (
            ix.types.get(target_id, "unknown"))
        if not _fits(kind, ix.type_of(source), target_type):
            continue
        seen.add(key)
        sent = trimmed(anchor.sent)
        out.append(Relation(doc_id, source.actor, kind, target_id, sent.text, sent.start_char, sent.end_char))
    return out


def trimmed(span: Span) -> Span:
    """The span without the white space tokens (paragraph breaks) at its edges."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def _fits(kind: str, source_type: str, target_type: str) -> bool:
    """Type constraints every tie obeys: only bodies have members, people do not border anything."""
    if kind == "MEMBER_OF":
        return target_type in {"organization", "group", "unknown"} and target_type != "country"
    if kind == "LEADS":
        return source_type == "person" or target_type == "organization"
    if kind in {"BORDERS", "TRADE_PARTNER_OF"}:
        return "person" not in {source_type, target_type}
    if kind in {"ALLY_OF", "PARTNER_OF"}:
        return target_type != "person" or source_type == "person"
    return True


# ---------------------------------------------------------------------- titles and roles


def _titles(ix: MentionIndex) -> list[Tie]:
    """'Kazakh President X', 'Kazakhstan's Deputy Foreign Minister X', 'Communist Party official X'."""
    out: list[Tie] = []
    kinds: dict[str, str] = {}
    counterparts = []
    for m in ix.mentions:
        if ix.type_of(m) != "person" or m.kind == "pronoun":
            continue
        if m.actor.startswith(ROLE_PREFIX):
            out += _role_description(ix, m)
            continue
        words, affil, former = _scan_title(ix, ix.span(m).start)
        if former or not words:
            continue
        if any(w.lower_ == "counterpart" for w in words):
            counterparts.append((m, words, affil))
            continue
        kind = role_kind([w.lower_ for w in words])
        if kind:
            kinds.setdefault(m.actor, kind)
        tie = _role_tie(m, kind, affil, ix.span(m).root, ix)
        if tie:
            out.append(tie)
    for m, words, affil in counterparts:  # "his Kazakh counterpart X": the possessor's office, for another state
        poss = next((c for w in words for c in w.children if c.dep_ == "poss"), None)
        owner = ix.np(poss) if poss is not None else []
        kind = kinds.get(owner[0].actor) if owner else None
        tie = _role_tie(m, kind, affil, ix.span(m).root, ix)
        if tie:
            out.append(tie)
    return out


def _scan_title(ix: MentionIndex, start: int) -> tuple[list[Token], Mention | None, bool]:
    """Title words, the state or body they belong to, and whether the office is a former one."""
    doc = ix.parsed
    words: list[Token] = []
    affil = None
    k = start - 1
    while k >= 0 and start - k <= 8:
        tok = doc[k]
        m = ix.at(tok)
        if m is not None and ix.type_of(m) in {"country", "organization", "group"}:
            affil = m
            k = ix.span(m).start - 1
            break
        if tok.lower_ in titles() or tok.lower_ == "counterpart" or (
                tok.lower_ in ROLE_MODIFIERS and (tok.text[:1].isupper() or words)):
            words.insert(0, tok)
        elif tok.lower_ in FORMER or tok.lower_.startswith("ex-"):
            return words, affil, True
        elif not (tok.lower_ in {"'s", "’s", "-", "–"} or tok.pos_ == "ADJ" or tok.dep_ == "amod"):
            break
        k -= 1
    former = any(doc[j].lower_ in FORMER for j in range(max(0, k - 1), k + 1)) if k >= 0 else False
    return words, affil, former


def _role_tie(m: Mention, kind: str | None, affil: Mention | None, anchor: Token, ix: MentionIndex) -> Tie | None:
    if affil is None or kind is None:
        return None
    affil_type = ix.type_of(affil)
    if kind == "leader":
        return (m, "LEADS", affil, anchor)
    if kind == "official" or (kind == "expert" and affil_type == "organization"):
        return (m, "PART_OF", affil, anchor)
    return None


def _role_description(ix: MentionIndex, m: Mention) -> list[Tie]:
    """'the Chinese president' (an actor id 'role:president:china') leads the state it names."""
    parts = m.actor.split(":")
    if len(parts) != 3:
        return []
    _, role, state = parts
    kind = titles().get(role, "leader" if role == "leader" else None)
    if kind == "leader":
        return [(m, "LEADS", state, ix.span(m).root)]
    if kind == "official":
        return [(m, "PART_OF", state, ix.span(m).root)]
    return []


def _appositions(ix: MentionIndex) -> list[Tie]:
    """'X, a senior researcher at the Y', 'X, the Kazakh prime minister', 'X is a fellow at Y'."""
    out: list[Tie] = []
    for m in ix.mentions:
        if ix.type_of(m) != "person" or m.kind not in {"name"}:
            continue
        head = ix.head(m)
        for role in _role_nouns(ix, head):
            out += _role_noun_ties(ix, m, role)
    return out


def _role_nouns(ix: MentionIndex, head: Token) -> Iterator[Token]:
    for child in head.children:
        if child.dep_ == "appos" and child.i not in ix.by_token:
            yield child
    if head.dep_ == "appos" and head.head.i not in ix.by_token and head.head.pos_ == "NOUN":
        yield head.head
    if head.dep_ == "nsubj" and head.head.lemma_ in COPULAS:
        yield from (c for c in head.head.children if c.dep_ == "attr" and c.i not in ix.by_token)


def _role_noun_ties(ix: MentionIndex, m: Mention, role: Token) -> list[Tie]:
    kind = titles().get(role.lemma_.lower())
    if any(c.lower_ in FORMER for c in role.children):
        return []
    if kind in {"leader", "official"}:
        words = [c for c in role.children if c.dep_ in {"compound", "amod"} and c.lower_ in ROLE_MODIFIERS]
        kind = role_kind([w.lower_ for w in [*words, role]])
        owner = [ix.by_token[c.i] for c in role.children if c.i in ix.by_token and c.dep_ in
                 {"amod", "compound", "poss", "nmod"}]
        owner += [a for c in role.children if c.dep_ == "prep" and c.lower_ == "of"
                  for a in ix.pobj(c)]
        if owner:
            tie = _role_tie(m, kind, owner[0], role, ix)
            return [tie] if tie else []
    out: list[Tie] = []
    for prep in role.children:
        if prep.dep_ != "prep" or prep.lower_ not in AFFILIATION_PREPS:
            continue
        for body in ix.pobj(prep):
            if ix.type_of(body) == "organization":
                out.append((m, "LEADS" if kind == "leader" else "PART_OF", body, role))
    return out


# ---------------------------------------------------------------------- tie nouns


def _tie_nouns(ix: MentionIndex) -> list[Tie]:
    """'A is a member of B', 'A, one of B's closest allies', 'A's biggest trading partner', 'A and B are
    strategic partners', 'B considers A to be allies', 'A and the other B member states'."""
    out: list[Tie] = []
    for tok in token_list(ix.parsed):
        lemma = tok.lemma_.lower()
        if lemma not in TIE_NOUNS or tok.pos_ != "NOUN":
            continue
        kind = TIE_NOUNS[lemma]
        if lemma == "partner" and any(c.lower_ in TRADE_WORDS for c in tok.children):
            kind = "TRADE_PARTNER_OF"
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in CLASS_NOUNS:
            out += _member_states(ix, tok, kind)
            continue
        if _denied(tok):
            continue
        bearers, holders = _tie_sides(ix, tok)
        if not holders and len(bearers) > 1 and kind in {"ALLY_OF", "PARTNER_OF", "TRADE_PARTNER_OF"}:
            out += [(bearers[0], kind, other, tok) for other in bearers[1:]]
            continue
        out += [(b, kind, h, tok) for b in bearers for h in holders]
    return out


def _denied(tok: Token) -> bool:
    """'Turkey is not a member': the copula is negated and the noun is its own complement."""
    if tok.dep_ in {"attr", "acomp"}:
        return any(c.dep_ == "neg" for c in tok.head.children)
    return any(c.dep_ == "neg" or c.lower_ == "no" for c in tok.children)


def _tie_sides(ix: MentionIndex, tok: Token) -> tuple[list[Mention], list[Mention]]:
    """Who bears the tie (the subject, apposed or listed actor) and whom it is a tie to (the holder)."""
    poss = [a for c in tok.children if c.dep_ == "poss" for a in ix.np(c)]
    mods = [ix.by_token[c.i] for c in tok.children if c.dep_ in {"amod", "compound", "nmod"} and c.i in ix.by_token]
    preps = _prep_objects(ix, tok, HOLDER_PREPS) or _prep_objects(ix, tok, {"in"})
    if poss and mods and all(ix.type_of(m) == "country" for m in mods):
        return poss, mods  # "its Russian ally": the possessor's ally is the modifier's state
    holders = poss or mods or preps
    if holders:  # "a member of the CSTO, as well as the EAEU"
        holders += [ix.by_token[c.i] for c in tok.children if c.dep_ == "conj" and c.i in ix.by_token]
    bearers = ix.listed(tok) or _bearers(ix, tok)
    if not holders and bearers:
        holders = _considerer(ix, tok)
    return bearers, holders


def _bearers(ix: MentionIndex, tok: Token, depth: int = 0) -> list[Mention]:
    if depth > 4:
        return []
    dep, head = tok.dep_, tok.head
    if (dep in {"attr", "acomp", "oprd"} or (dep == "conj" and head.lemma_ in COPULAS)) and (
            head.lemma_ in COPULAS or dep == "oprd"):
        return ix.subjects(head)
    if dep == "conj" and head.pos_ == "NOUN":
        return _bearers(ix, head, depth + 1)
    if dep == "nsubj" and head.lemma_ in COPULAS:  # "Mexico's biggest trading partner is the United States"
        return [a for c in head.children if c.dep_ == "attr" for a in ix.np(c)]
    if dep == "appos":
        if head.i in ix.by_token:
            return ix.np(head)
        before = _previous_word(tok.left_edge)  # an apposition the parser hung on the wrong noun
        return [ix.by_token[before.i]] if before is not None and before.i in ix.by_token else []
    if dep == "pobj" and head.lower_ == "of" and head.head.lower_ in {"one", "some", "many", "two", "all"}:
        return _bearers(ix, head.head, depth + 1)  # "A, one of B's allies"
    if dep == "pobj" and head.lower_ == "as":
        return ix.subjects(head.head) if head.head.pos_ == "VERB" else []
    return []


def _considerer(ix: MentionIndex, tok: Token) -> list[Mention]:
    """'B considers A to be allies': the one who considers is the other side of the tie."""
    clause = tok.head
    for _ in range(2):
        if clause.dep_ in {"ccomp", "xcomp"} and clause.head.lemma_ in {"consider", "regard", "see", "view", "call"}:
            return ix.subjects(clause.head)
        clause = clause.head
    return []


def _member_states(ix: MentionIndex, member: Token, kind: str) -> list[Tie]:
    """'Russia and the other SCO member states in Central Asia', 'member countries such as X'."""
    if kind != "MEMBER_OF":
        return []
    head = member.head
    bodies = [ix.by_token[c.i] for t in (member, head) for c in t.children
              if c.i in ix.by_token and c.dep_ in {"compound", "poss", "nmod"}]
    bodies += [a for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for a in ix.pobj(c)]
    members = ix.listed(head)
    if any(c.lower_ == "other" for c in head.children) and head.dep_ == "conj":
        members += [a for a in ix.np(head.head) if a not in bodies][:1]
    members += [a for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
                for a in ix.pobj(c) if ix.type_of(a) == "group"]
    return [(mem, "MEMBER_OF", body, member) for mem in members for body in bodies]


def _hyphen_ties(ix: MentionIndex) -> list[Tie]:
    """'NATO-member Turkey', 'the Russian-dominated CSTO', 'the Russia-China alliance'."""
    out: list[Tie] = []
    doc = ix.parsed
    for m in ix.mentions:
        span = ix.span(m)
        k = span.start - 1
        if k >= 0 and doc[k].lower_ in {"member", "-member"}:
            j = k - 1 if k - 1 >= 0 and doc[k - 1].text in {"-", "–"} else k
            body = ix.at(doc[j - 1]) if j - 1 >= 0 else None
            if body is not None and ix.type_of(body) == "organization":
                out.append((m, "MEMBER_OF", body, span.root))
        if ix.type_of(m) == "organization":
            out += _dominated(ix, m, span)
    for tok in token_list(doc):
        kind = PACT_NOUNS.get(tok.lemma_.lower())
        if kind is None or _denied(tok):
            continue
        sides = unique_actors([ix.by_token[c.i] for c in tok.subtree if c.i < tok.i and c.i in ix.by_token
                         and c.head.i in {tok.i} | {t.i for t in tok.children}])
        sides += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
                  for a in ix.pobj(c)]
        sides = [s for s in unique_actors(sides) if ix.type_of(s) != "person"]
        if len(sides) >= 2:
            out += [(sides[0], kind, other, tok) for other in sides[1:]]
    return out


def _dominated(ix: MentionIndex, m: Mention, span: Span) -> list[Tie]:
    doc = ix.parsed
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in {"the", "a"}:
        k -= 1
    if k < 1 or doc[k].lower_ not in DOMINANCE_WORDS:
        return []
    j = k - 1
    if doc[j].text in {"-", "–"}:
        j -= 1
    leader = ix.at(doc[j]) if j >= 0 else None
    if leader is None or ix.type_of(leader) not in {"country"}:
        return []
    return [(leader, "MEMBER_OF", m, span.root)]


# ---------------------------------------------------------------------- borders, places, bodies


def _borders(ix: MentionIndex) -> list[Tie]:
    """'A borders B', 'bordering B' (A the clause subject), 'A shares / has a border with B'."""
    out: list[Tie] = []
    for tok in token_list(ix.parsed):
        lemma = tok.lemma_.lower()
        if lemma == "border" and tok.pos_ == "VERB" and not _negated(tok):
            sources = ix.subjects(tok)
            targets = [a for c in tok.children if c.dep_ == "dobj" for a in ix.np(c)]
        elif lemma == "border" and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_ in {
                "share", "have"} and not _negated(tok.head):
            sources = ix.subjects(tok.head)
            targets = [a for t in (tok, tok.head) for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                       for a in ix.pobj(c)]
        elif lemma == "border" and tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children):
            sources = ix.subjects(tok)  # "X borders Y" with the verb tagged as a plural noun
            targets = [a for c in tok.children if c.dep_ == "dobj" for a in ix.np(c)]
        elif tok.lower_ in {"borders", "bordered"}:
            sources, targets = _adjacent_actors(ix, tok)
        else:
            continue
        out += [(s, "BORDERS", t, tok) for s in sources for t in targets]
    return out


def _adjacent_actors(ix: MentionIndex, tok: Token) -> tuple[list[Mention], list[Mention]]:
    """'Turkey borders Syria' read from the words alone, for when the parser took the verb for a noun."""
    before = ix.at(ix.parsed[tok.i - 1]) if tok.i > 0 else None
    k = tok.i + 1
    while k < len(ix.parsed) and ix.parsed[k].lower_ in {"the", "a"}:
        k += 1
    after = ix.at(ix.parsed[k]) if k < len(ix.parsed) else None
    if before is None or after is None or ix.span(after).start != k:
        return [], []
    return [before], [after]


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _places(ix: MentionIndex) -> list[Tie]:
    """'Donetsk and Luhansk in eastern Ukraine', 'the region of Xinjiang in China' (a place in a state),
    'Central Asian countries like Kazakhstan', 'the largest country in Central Asia' (a state in a region)."""
    gaz = load_gazetteer()
    out: list[Tie] = []
    for tok in token_list(ix.parsed):
        if tok.dep_ != "prep" or tok.lower_ != "in":
            continue
        outer = ix.pobj(tok)
        head = tok.head
        for whole in outer:
            whole_type = ix.type_of(whole)
            if whole_type == "country":
                out += [(p, "PART_OF", whole, tok) for p in _place_parts(ix, head)]
            elif whole_type == "group" and head.lemma_.lower() in STATE_NOUNS:
                out += [(s, "PART_OF", whole, tok) for s in _bearers(ix, head) if ix.type_of(s) == "country"]
    for tok in token_list(ix.parsed):
        if tok.lemma_.lower() not in STATE_NOUNS or tok.tag_ != "NNS":
            continue
        regions = [ix.by_token[c.i] for c in tok.children if c.i in ix.by_token and ix.type_of(
            ix.by_token[c.i]) == "group"]
        for region in regions:
            members = gaz.entries[region.actor].members if region.actor in gaz.entries else set()
            for state in ix.listed(tok):
                entry = gaz.entries.get(state.actor)
                if entry is not None and entry.type == "country" and (not members or entry.iso3 in members):
                    out.append((state, "PART_OF", region, tok))
    return out


def _place_parts(ix: MentionIndex, head: Token) -> list[Mention]:
    """The places a noun phrase names, when the phrase is a place ('Donetsk', 'republics of D and L')."""
    found = ix.np(head)
    if not found and head.pos_ == "NOUN":
        found = [a for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for a in ix.pobj(c)]
    return [p for p in found if ix.type_of(p) in {"place", "unknown"}]


def _possessed_bodies(ix: MentionIndex) -> list[Tie]:
    """'Russia's State Duma', "China's state-run Xinhua" (part of the state); 'China's Belt and Road
    Initiative' (an initiative the state leads)."""
    out: list[Tie] = []
    for m in ix.mentions:
        if ix.type_of(m) != "organization":
            continue
        span = ix.span(m)
        owners = [ix.by_token[c.i] for c in span.root.children if c.dep_ == "poss" and c.i in ix.by_token]
        k = span.start - 1
        while not owners and k >= 1 and span.start - k <= 4 and ix.parsed[k].tag_ != "POS" and (
                ix.parsed[k].dep_ in {"amod", "compound", "punct", "npadvmod"} and ix.parsed[k].pos_ != "DET"):
            k -= 1  # "China's state-run Xinhua": skip the modifiers between owner and body
        if not owners and k >= 1 and ix.parsed[k].tag_ == "POS" and ix.parsed[k - 1].i in ix.by_token:
            owners = [ix.by_token[ix.parsed[k - 1].i]]
        words = {w.lower_ for w in span} | {w.lower_ for w in ix.parsed[k + 1:span.start]}
        initiative = span[-1].lemma_.lower() in INITIATIVE_NOUNS
        if not initiative and not words & STATE_BODY_WORDS:
            continue  # "Germany's Siemens" is a company of the country, not part of the state
        for owner in owners:
            if ix.type_of(owner) == "country":
                out.append((owner, "LEADS", m, span.root) if initiative else (m, "PART_OF", owner, span.root))
    return out


def _envoys(ix: MentionIndex) -> list[Tie]:
    """'Uzbekistan's representative to the SCO': the sending state is a member of the body."""
    out: list[Tie] = []
    for tok in token_list(ix.parsed):
        if tok.lemma_.lower() not in ENVOY_NOUNS:
            continue
        # the state's own mention, also when a longer description covers it ("Brazil's ambassador")
        states = unique_actors([a for c in tok.children if c.dep_ in {"poss", "amod", "compound"}
                                for a in ix.np(c) + ix.in_range(c.left_edge.i, c.i + 1)])
        bodies = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "at"}
                  for a in ix.pobj(c)]
        out += [(s, "MEMBER_OF", b, tok) for s in states if ix.type_of(s) == "country"
                for b in bodies if ix.type_of(b) == "organization"]
    return out


def _compositions(ix: MentionIndex) -> list[Tie]:
    """'the CSTO, an alliance comprising several former Soviet states and Russia'."""
    out: list[Tie] = []
    for m in ix.mentions:
        if ix.type_of(m) != "organization":
            continue
        for body in (c for c in ix.head(m).children if c.dep_ == "appos" and c.lemma_.lower() in BODY_NOUNS):
            for verb in (c for c in body.children if c.dep_ in {"acl", "relcl"} and c.lemma_ in COMPRISING):
                members = [a for c in verb.children if c.dep_ == "dobj" for a in ix.np(c)]
                out += [(a, "MEMBER_OF", m, verb) for a in members if ix.type_of(a) == "country"]
    return out


def _held_ties(ix: MentionIndex) -> list[Tie]:
    """'having close economic ties with China', 'A maintains good relations with B': partners."""
    out: list[Tie] = []
    for tok in token_list(ix.parsed):
        if tok.lemma_.lower() not in TIES_NOUNS or tok.dep_ != "dobj" or tok.head.lemma_ not in TIE_VERBS_HAVE:
            continue
        if _negated(tok.head) or not any(c.dep_ == "amod" for c in tok.children):
            continue
        others = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                  for a in ix.pobj(c)]
        out += [(s, "PARTNER_OF", o, tok) for s in ix.subjects(tok.head) for o in others]
    return out


def _leaders_of_bodies(ix: MentionIndex, ties: list[Tie]) -> list[Tie]:
    """'SCO leaders, including Russian President X': the state X leads is a member of the body."""
    led = {s.actor: t for s, kind, t, _ in ties if kind == "LEADS" and ix.type_of(s) == "person"}
    out: list[Tie] = []
    for tok in token_list(ix.parsed):
        if tok.lemma_.lower() not in {"leader", "head"} or tok.tag_ != "NNS":
            continue
        bodies = [ix.by_token[c.i] for c in tok.children if c.i in ix.by_token and c.dep_ in {
            "compound", "poss", "nmod"} and ix.type_of(ix.by_token[c.i]) == "organization"]
        for person in ix.listed(tok):
            state = led.get(person.actor)
            out += [(state, "MEMBER_OF", body, tok) for body in bodies if isinstance(state, Mention)]
    return out


RULES: list[Callable[[MentionIndex], list[Tie]]] = [
    _titles, _appositions, _tie_nouns, _hyphen_ties, _borders, _places, _possessed_bodies, _envoys,
    _compositions, _held_ties,
]
