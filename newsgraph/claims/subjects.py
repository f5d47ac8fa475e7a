"""What a figure or a date is about, read from the dependency parse.

A figure's subject is the noun it counts or measures with the words that narrow it down
('border with Russia', 'people who came to Astana'); a date's subject is the event or clause
it dates ('Russian troops helped put down deadly riots'). Subjects are compared loosely by
their content words so that two documents stating one measure can be set side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsgraph.claims.numbers import Figure

DATE_MODIFIERS = {"early", "mid", "late"}
COPULAS = {"be", "become", "remain", "stand", "reach", "top", "hit", "total", "rise", "fall", "grow", "drop",
           "exceed", "amount", "climb", "increase", "decrease", "decline", "surpass", "number"}
LIGHT_EVENT_VERBS = {"take", "hold", "happen", "occur", "start", "begin", "open", "kick", "end", "close",
                     "convene", "run", "conclude", "last"}
FUTURE_MARKERS = {"will", "shall", "'ll", "’ll"}
FUTURE_GOVERNORS = {"set", "expect", "schedule", "plan", "due", "go", "slate", "poise"}
FUTURE_ADJECTIVES = {"upcoming", "next", "forthcoming", "coming", "planned", "scheduled"}
# superlatives of a measurable size or amount: 'the largest country', 'the third-biggest partner'
MEASURE_SUPERLATIVES = {"large", "big", "small", "long", "high", "low", "rich", "poor", "populous", "tall",
                        "deep", "wide", "fast", "heavy", "busy"}
ORDINAL_WORDS = {w: i for i, w in enumerate(
    ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])}
STOPWORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "its",
        "his", "her", "their", "our", "this", "that", "these", "those", "who", "which", "was", "were",
        "is", "are", "be", "been", "being", "has", "have", "had", "it", "they", "he", "she", "we",
        "you", "as", "about", "into", "over", "after", "before", "than", "more", "less"]
)


# --------------------------------------------------------------------------- the parse: what is measured


def phrase(doc: SpacyDoc, indices: Iterable[int], anchor: Token | None = None) -> str:
    """Tokens joined in text order, kept to the anchor's line; adjacent tokens keep their spacing."""
    chosen = set(indices)
    for i in list(chosen):  # hyphens and brackets between chosen words: 'two-way', 'Organization (SCO)'
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc) and doc[j].is_punct and doc[j].tag_ in ("HYPH", "-LRB-", "-RRB-"):
                k = j - 1 if j < i else j + 1
                if doc[j].tag_ == "HYPH" and k in chosen or doc[j].tag_ != "HYPH":
                    chosen.add(j)
    chosen = balanced(doc, chosen)
    if anchor is not None:
        chosen = {i for i in chosen if same_line(doc, i, anchor.i)}
    order = sorted(chosen)
    out = []
    for n, i in enumerate(order):
        token = doc[i]
        adjacent = n + 1 < len(order) and order[n + 1] == i + 1
        out.append(token.text_with_ws if adjacent else token.text + " ")
    return re.sub(r"\s+", " ", "".join(out)).strip(" ,;:-")


def balanced(doc: SpacyDoc, chosen: set[int]) -> set[int]:
    """Drop brackets that lost their partner."""
    opened: list[int] = []
    keep = set(chosen)
    for i in sorted(chosen):
        if doc[i].tag_ == "-LRB-":
            opened.append(i)
        elif doc[i].tag_ == "-RRB-":
            if opened:
                opened.pop()
            else:
                keep.discard(i)
    keep.difference_update(opened)
    return keep


def same_line(doc: SpacyDoc, i: int, j: int) -> bool:
    low, high = min(i, j), max(i, j)
    return "\n" not in doc[low:high + 1].text


def modifiers(token: Token, skip: set[int], det: bool = False) -> list[int]:
    """A noun and the words that narrow it down on its left (compounds, adjectives, possessors)."""
    out = [token.i]
    for child in token.lefts:
        if child.i in skip or child.lower_ in DATE_MODIFIERS and child.i + 1 in skip:
            continue
        if child.dep_ == "det" and det and child.lower_ in ("the", "a", "an"):
            out.append(child.i)
        if child.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod", "case"):
            out.extend(t.i for t in child.subtree if t.i not in skip and t.dep_ != "det" and not t.is_punct)
    return out


def right_complement(token: Token, skip: set[int], limit: int = 7) -> list[int]:
    """The first prepositional phrase, relative clause or participle that follows a noun, kept short."""
    for child in token.rights:
        if child.i in skip:
            continue
        if child.dep_ == "prep" and any(c.dep_ == "pobj" for c in child.children):
            pobj = next(c for c in child.children if c.dep_ == "pobj")
            return [child.i, *modifiers(pobj, skip, det=True)]
        if child.dep_ in ("relcl", "acl") and child.pos_ in ("VERB", "AUX"):
            words = [t.i for t in child.subtree if t.i not in skip and not t.is_punct]
            words = [i for i in words if i <= child.i + limit]
            return words if len(words) <= limit + 2 else words[:limit]
        if child.dep_ in ("amod", "oprd") and child.pos_ == "ADJ":
            return [child.i]
    return []


def noun_phrase(token: Token, skip: set[int] | None = None) -> list[int]:
    """A short noun phrase for a measured noun: its modifiers and its first complement."""
    skip = skip or set()
    words = modifiers(token, skip) + right_complement(token, skip)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN" \
            and token.head.head.i not in skip:
        owner = token.head.head  # 'start of the pandemic', 'share of imports'
        words += [owner.i, token.head.i] + [c.i for c in owner.lefts if c.dep_ in ("amod", "compound")]
    return words


def clause_core(verb: Token, skip: set[int]) -> list[int]:
    """Subject, verb and first object of a clause: 'Russian troops helped put down riots'."""
    words = [verb.i] + [c.i for c in verb.children if c.dep_ in ("prt", "neg", "aux") and c.lower_ not in
                        ("will", "would", "has", "have", "had", "is", "are", "was", "were", "be", "been")]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.pos_ != "PRON" and subject.i not in skip:
        words += noun_phrase(subject, skip)
    elif verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i not in skip:
        words += modifiers(verb.head, skip)  # 'message sent by Medvedev'
    chain = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    for v in chain:
        words += [v.i] + [c.i for c in v.children if c.dep_ == "prt"]
        obj = next((c for c in v.children if c.dep_ in ("dobj", "attr", "acomp") and c.i not in skip), None)
        if obj is not None:
            words += modifiers(obj, skip)
            break
        prep = next((c for c in v.rights if c.dep_ in ("prep", "agent") and c.i not in skip
                     and any(p.dep_ == "pobj" and p.i not in skip for p in c.children)), None)
        if prep is not None:
            pobj = next(p for p in prep.children if p.dep_ == "pobj")
            words += [prep.i, *modifiers(pobj, skip, det=True)]
            break
    return words


def _nearest_noun_before(token: Token) -> Token | None:
    for i in range(token.i - 1, token.sent.start - 1, -1):
        if token.doc[i].pos_ in ("NOUN", "PROPN"):
            return token.doc[i]
    return None


def event_of(root: Token, gov: Token, skip: set[int]) -> list[int]:
    """What a date is the date of: a clause on the date itself ('in 2013, when X visited'), the noun
    it modifies, or the event or clause its verb states."""
    clause = next((c for c in root.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), None)
    if clause is not None:
        return clause_core(clause, skip)
    if gov.pos_ in ("NOUN", "PROPN"):
        return noun_phrase(gov, skip)
    if gov.pos_ not in ("VERB", "AUX"):
        return [gov.i]
    if gov.lemma_ in LIGHT_EVENT_VERBS:
        subject = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and gov.dep_ in ("acl", "relcl"):
            subject = gov.head
        if subject is None and gov.dep_ == "advcl":
            subject = _nearest_noun_before(gov)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return modifiers(subject, skip)
    return clause_core(gov, skip)


def governor(root: Token) -> Token:
    """The word a date or figure attaches to, through its preposition."""
    if root.dep_ in ("pobj", "pcomp") and root.head.dep_ in ("prep", "agent", "mark") or (
        root.dep_ == "pobj" and root.head.pos_ in ("ADP", "SCONJ")
    ):
        return root.head.head
    return root.head


def direction(gov: Token) -> str:
    """Whether an undated month points back ('helped in January') or forward ('kicks off in October')."""
    if gov.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in FUTURE_ADJECTIVES for c in gov.children):
            return "future"
        return "past"
    verb = gov
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_MARKERS for a in auxes):
            return "future"
        if verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_GOVERNORS:
            return "future"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
            return "past"
        if verb.lemma_ in LIGHT_EVENT_VERBS and (
                verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)):
            return "future"  # 'kicks off in October', 'is held in June': scheduled
        if verb.tag_ in ("VBZ", "VBP"):
            return "past"
        if verb.dep_ in ("xcomp", "conj", "relcl", "acl") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        break
    return "past"


def measured(doc: SpacyDoc, span: Span, figure: Figure) -> list[int]:
    """The words that say what a figure measures."""
    skip = set(range(span.start, span.end))
    root = span.root
    if figure.kind == "count":
        noun = counted_noun(span)
        if noun is None:
            return []
        if _is_hyphen_modifier(span, noun):  # 'the 27-nation European Union' counts the Union's nations
            return noun_phrase(noun.head, skip | {noun.i})
        return noun_phrase(noun, skip) + _governing_words(noun, skip)
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i not in skip), None)
    if of is not None and any(p.dep_ == "pobj" for p in of.children):
        pobj = next(p for p in of.children if p.dep_ == "pobj")
        if pobj.pos_ != "PRON":
            return noun_phrase(pobj, skip)
        return [pobj.i, *_clause_tail(root.head, skip)]
    head = root.head
    if root.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod") and head.pos_ in ("NOUN", "PROPN") \
            and head.i > root.i and head.i not in skip:
        return noun_phrase(head, skip)
    gov = governor(root)
    for _ in range(2):  # 'the deal is worth €3.5m', 'sterling traded up 0.3%'
        if gov.pos_ in ("ADJ", "ADV", "ADP", "PART") and gov.head.i != gov.i:
            gov = gov.head
    if gov.pos_ in ("VERB", "AUX"):
        if root.dep_ == "dobj" or gov.lemma_ not in COPULAS and root.dep_ != "attr":
            return clause_core(gov, skip)  # 'China lent 2 billion yuan to the city'
        subject = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.i not in skip:
            return noun_phrase(subject, skip)  # 'turnout was 61.2%'
        return clause_core(gov, skip)
    return noun_phrase(gov, skip) if gov.pos_ in ("NOUN", "PROPN") else []


def _clause_tail(verb: Token, skip: set[int]) -> list[int]:
    return [verb.i] + [c.i for c in verb.children if c.dep_ in ("attr", "acomp") and c.i not in skip]


def counted_noun(span: Span) -> Token | None:
    """The noun a bare number counts ('10,000 people'), on the same line as the number."""
    root = span.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN") \
            and head.i >= span.end and "\n" not in span.doc[span.start:head.i + 1].text:
        return head
    return None


def _is_hyphen_modifier(span: Span, noun: Token) -> bool:
    """'27-nation', '5-star': number, hyphen and a singular noun that modifies another noun."""
    doc = span.doc
    return (noun.i == span.end + 1 and doc[span.end].tag_ == "HYPH" and noun.tag_ == "NN"
            and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"))


def _governing_words(noun: Token, skip: set[int]) -> list[int]:
    """For a bare counted noun, the verb it depends on ('followed by people', 'left people dead')."""
    if any(c.dep_ in ("prep", "relcl", "acl") for c in noun.rights):
        return []
    head = noun.head
    if noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
        return [head.head.i, head.i]
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        words = [head.i] + [c.i for c in head.children if c.dep_ in ("oprd", "acomp", "prt")]
        subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i != noun.i), None)
        if noun.dep_ == "dobj" and subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            words += modifiers(subject, skip)  # 'Russia has troops'
        return words
    return []


@lru_cache(maxsize=65536)
def subject_words(subject: str) -> frozenset[str]:
    """Content words of a subject, lower case, plural -s dropped, to compare subjects loosely."""
    words = re.findall(r"[\w’'-]+", subject.lower())
    stems = {re.sub(r"(?<=[a-z]{3})s$", "", w.strip("’'-")) for w in words}
    return frozenset(w for w in stems if w and w not in STOPWORDS and not w.isdigit())


def same_subject(a: str, b: str, min_shared: int = 1) -> bool:
    """Two subjects name the same measure: most content words shared (at least `min_shared`)."""
    wa, wb = subject_words(a), subject_words(b)
    shared = len(wa & wb)
    if not wa or not wb or shared < min_shared:
        return False
    return shared / len(wa | wb) >= 0.5 or (shared >= 2 and shared == min(len(wa), len(wb)))




# --------------------------------------------------------------------------- arrivals for a gathering

# gatherings a date can be the date of, and the generic nouns that refer back to one ('the event')
GATHERINGS = {"summit", "event", "forum", "meeting", "conference", "congress", "talks", "games", "olympics",
              "ceremony", "session", "festival", "gathering", "parade", "celebration", "inauguration", "rally"}
GENERIC_GATHERINGS = {"event", "gathering", "occasion", "meeting"}
ATTENDANCE_WORDS = {"arrive", "arrival", "attend", "attendance", "come", "land", "fly", "travel", "gather"}
ATTENDANCE_MARK = "arrival for "


def gathering_noun(sent: Span) -> Token | None:
    """The gathering a sentence speaks of arriving for: 'came to attend the event', 'arrived for the summit'."""
    if not any(t.lemma_.lower() in ATTENDANCE_WORDS for t in sent):
        return None
    for token in sent:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in GATHERINGS:
            continue
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in ("for", "to", "at"):
            head = head.head
        if head.lemma_.lower() in ATTENDANCE_WORDS:
            return token
    return None


def attendance_subject(sent: Span, subject: str, earlier: list[str]) -> str | None:
    """'arrival for <gathering>' when a date's sentence tells of arriving for a gathering and the date
    is not itself dated as the gathering; a generic or definite noun ('the event') names the latest
    gathering dated before it in the document (`earlier` subjects, in text order)."""
    noun = gathering_noun(sent)
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    words = subject_words(subject)
    if lemma in words and not any(t.lemma_.lower() in ATTENDANCE_WORDS for t in sent if t.lower_ in words):
        return None  # the date is the gathering's own ('the summit, held on 3-4 June')
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    if lemma in GENERIC_GATHERINGS or definite:
        wanted = GATHERINGS if lemma in GENERIC_GATHERINGS else {lemma}
        for before in reversed(earlier):
            if subject_words(before) & wanted and not before.startswith(ATTENDANCE_MARK):
                return ATTENDANCE_MARK + before
    return ATTENDANCE_MARK + phrase(noun.doc, noun_phrase(noun), noun)
