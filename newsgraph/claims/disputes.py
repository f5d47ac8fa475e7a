"""Disagreements that are not figures: how two actors are tied, who said something, what was done.

Texts characterise a tie in words ('strategic partners', 'geopolitical rivals', 'its Russian ally'),
attribute statements to people and report acts. Two texts disagree when one calls a pair of actors
friends and another calls them rivals, when one casts doubt on who wrote a message ('purportedly
sent by', 'his account was hacked') that another attributes without doubt, when they give one
quotation to two different speakers, or when one has an actor sanction or attack another that the
other has it support in the same year. Copies of one article never disagree with each other, but
every copy that carries a side of a disagreement is listed with it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsgraph.model import Conflict, Document, Event, Mention, Quote, Statement

# how texts characterise a tie between two actors
FRIENDLY_WORDS = {"ally", "allies", "alliance", "allied", "partner", "partners", "partnership", "friend",
                  "friends", "friendship"}
HOSTILE_WORDS = {"rival", "rivals", "rivalry", "adversary", "adversaries", "enemy", "enemies", "foe", "foes",
                 "competitor", "competitors", "antagonist", "antagonists"}
# words shortly before a tie word that deny or hollow it out: 'refrain from ... rivalry', 'nominally partners'
DOUBT_WORDS = {"not", "no", "never", "nor", "refrain", "refrains", "avoid", "avoids", "nominally", "ostensibly",
               "hardly", "instead"}
DOUBT_WINDOW = 6  # words
TIE_REACH = 120  # characters between a tie word and the actors it ties
# doubt about who wrote something, and the things written
AUTHORSHIP_DOUBTS = {"purportedly", "purported", "allegedly", "alleged", "supposedly", "hacked", "fake", "forged",
                     "fabricated", "doctored", "deepfake", "spoofed", "impostor", "apocryphal"}
MESSAGE_NOUNS = {"message", "messages", "post", "posts", "statement", "letter", "tweet", "tweets", "video",
                 "recording", "account", "remarks", "comments", "email", "audio", "article", "op-ed"}
NAMED_KINDS = {"name", "description"}
# acts that cannot both be one actor's policy toward another at one time, as one text says one and another
# the other: 'China has followed the sanctions against Russia' against 'China has supported Russia'
HOSTILE_ACTS = {"SANCTION", "COERCE", "ASSAULT", "THREATEN"}
FRIENDLY_ACTS = {"SUPPORT", "AID", "COOPERATE"}
ACT_NOUNS = {"SANCTION": "sanctions", "COERCE": "coercion", "ASSAULT": "force", "THREATEN": "threats"}
QUOTE_KEY_WORDS = 8  # words of a direct quotation that identify it across texts
STATEMENTS_PER_DOC = 2
STATEMENTS_PER_SIDE = 6
ACTS_COMPARED = 50  # acts of each kind per pair compared, enough to show a disagreement
SAYS_CHARS = 300

_WORD = re.compile(r"[\w’'-]+")
_TIE_WORDS = re.compile(r"\b(?:" + "|".join(sorted(FRIENDLY_WORDS | HOSTILE_WORDS)) + r")\b", re.I)
_DOUBT_WORDS = re.compile(r"\b(?:" + "|".join(sorted(AUTHORSHIP_DOUBTS)) + r")\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass
class _DocView:
    """One document with its actor mentions read under corpus-wide actor ids. Sentences are found
    when asked for, not kept, so that a large corpus costs no more memory than its texts and mentions."""

    doc: Document
    group: str  # id of the canonical copy
    mentions: list[Mention] = field(default_factory=list)  # document-local actor ids, sorted by start
    ids: dict[str, str] = field(default_factory=dict)  # local actor id -> corpus actor id

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.mentions]

    def sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.doc.text)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence that holds a position, found within its line."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        for s, e in sentence_spans(text[line_start:line_end]):
            if s <= pos - line_start < e:
                return line_start + s, line_start + e
        return pos, pos

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        first, last = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [self._resolved(m) for m in self.mentions[first:last] if m.end <= end]

    def all_mentions(self) -> Iterable[Mention]:
        return (self._resolved(m) for m in self.mentions)

    def _resolved(self, m: Mention) -> Mention:
        return Mention(m.doc, m.start, m.end, m.text, self.ids.get(m.actor, m.actor), m.kind)

    def text(self, start: int, end: int) -> str:
        return self.doc.text[start:end].strip()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences as character spans: lines, cut after a full stop, question or exclamation mark."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for cut in _SENTENCE_END.finditer(line.group()):
            spans.append((start, line.start() + cut.start()))
            start = line.start() + cut.end()
        spans.append((start, line.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _views(docs: list[Document], mentions: dict[str, list[Mention]],
           actor_ids: dict[str, dict[str, str]]) -> dict[str, _DocView]:
    groups = copy_groups(docs)
    return {doc.id: _DocView(doc, groups[doc.id], sorted(mentions.get(doc.id, []), key=lambda m: m.start),
                             actor_ids.get(doc.id, {})) for doc in docs}


def copy_groups(docs: list[Document]) -> dict[str, str]:
    """Each document id mapped to the id of its canonical copy (itself when it is no copy)."""
    parent = {d.id: d.duplicate_of or d.id for d in docs}

    def root(doc_id: str) -> str:
        seen = set()
        while parent.get(doc_id, doc_id) != doc_id and doc_id not in seen:
            seen.add(doc_id)
            doc_id = parent[doc_id]
        return doc_id

    return {d: root(d) for d in parent}


def _names(views: Iterable[_DocView]) -> dict[str, str]:
    """A display name per actor id: the commonest way texts name it."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for view in views:
        for m in view.all_mentions():
            if m.kind == "name":
                counts[m.actor][m.text] += 1
    return {actor: c.most_common(1)[0][0] for actor, c in counts.items()}


def _says(label: str, text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    return f"{label}: {text if len(text) <= SAYS_CHARS else text[:SAYS_CHARS - 1] + '…'}"


def _statements(items: list[tuple[str, int, str]]) -> list[Statement]:
    """(doc, position, says) to statements in text order, no repeats, at most a few per document and
    per side (the label before the colon), so that a much-told disagreement stays readable."""
    out: list[Statement] = []
    per_doc: Counter = Counter()
    per_side: Counter = Counter()
    for doc, _, says in sorted(set(items)):
        side = says.split(":", 1)[0]
        if per_doc[doc] < STATEMENTS_PER_DOC and per_side[side] < STATEMENTS_PER_SIDE:
            out.append(Statement(doc, says))
            per_doc[doc] += 1
            per_side[side] += 1
    return out


# --------------------------------------------------------------------------- ties


@dataclass(frozen=True)
class Tie:
    """One sentence's characterisation of the tie between two actors."""

    doc: str
    pair: frozenset[str]
    friendly: bool
    word: str
    start: int  # the sentence
    end: int


def find_ties(view: _DocView) -> list[Tie]:
    """Tie words in each sentence, each tying the two distinct actors nearest to it."""
    ties: list[Tie] = []
    text = view.doc.text
    if not _TIE_WORDS.search(text):
        return ties
    for start, end in view.sentences():
        sentence = text[start:end]
        found = view.mentions_in(start, end)
        for match in _WORD.finditer(sentence):
            word = match.group().lower()
            if word not in FRIENDLY_WORDS and word not in HOSTILE_WORDS:
                continue
            pos = start + match.start()
            pair = _nearest_pair(found, pos)
            if pair is None:
                continue
            before = [w.lower() for w in _WORD.findall(sentence[:match.start()])][-DOUBT_WINDOW:]
            friendly = (word in FRIENDLY_WORDS) != any(w in DOUBT_WORDS for w in before)
            ties.append(Tie(view.doc.id, pair, friendly, match.group(), start, end))
    return ties


def _nearest_pair(mentions: list[Mention], pos: int) -> frozenset[str] | None:
    def distance(m: Mention) -> int:
        return max(m.start - pos, pos - m.end, 0)

    chosen: list[str] = []
    for m in sorted(mentions, key=distance):
        if distance(m) > TIE_REACH:
            break
        if m.actor not in chosen:
            chosen.append(m.actor)
        if len(chosen) == 2:
            return frozenset(chosen)
    return None


def tie_conflicts(views: dict[str, _DocView], names: dict[str, str]) -> list[Conflict]:
    """A pair called friends in one text and rivals in another (copies aside)."""
    by_pair: dict[frozenset[str], list[Tie]] = defaultdict(list)
    for view in views.values():
        for tie in find_ties(view):
            by_pair[tie.pair].append(tie)
    conflicts = []
    for pair, ties in sorted(by_pair.items(), key=lambda kv: sorted(kv[0])):
        friendly = {views[t.doc].group for t in ties if t.friendly}
        hostile = {views[t.doc].group for t in ties if not t.friendly}
        if not friendly or not hostile or (len(friendly | hostile) < 2):
            continue
        items = [(t.doc, t.start, _says(_tie_label(t), views[t.doc].text(t.start, t.end))) for t in ties]
        a, b = sorted(names.get(x, x) for x in pair)
        conflicts.append(Conflict(f"relationship between {a} and {b}", _statements(items)))
    return conflicts


def _tie_label(tie: Tie) -> str:
    """'rivals', or 'partners (doubted)' when the text denies or hollows out the word it uses."""
    stated_friendly = tie.word.lower() in FRIENDLY_WORDS
    return tie.word.lower() if stated_friendly == tie.friendly else f"{tie.word.lower()} (doubted)"


# --------------------------------------------------------------------------- who said it


def authorship_doubts(view: _DocView) -> dict[str, list[tuple[int, int]]]:
    """Actors whose authorship of a message a text doubts, with the sentences that doubt it."""
    doubts: dict[str, list[tuple[int, int]]] = defaultdict(list)
    if not _DOUBT_WORDS.search(view.doc.text):
        return doubts
    for start, end in view.sentences():
        words = [(m.start(), m.group().lower()) for m in _WORD.finditer(view.doc.text[start:end])]
        lowered = {w for _, w in words}
        if not lowered & MESSAGE_NOUNS:
            continue
        for offset, word in words:
            if word not in AUTHORSHIP_DOUBTS:
                continue
            named = [m for m in view.mentions_in(start, end) if m.kind in NAMED_KINDS]
            if named:
                pos = start + offset
                nearest = min(named, key=lambda m: max(m.start - pos, pos - m.end, 0))
                doubts[nearest.actor].append((start, end))
            break
    return doubts


def authorship_conflicts(views: dict[str, _DocView], quotes: list[Quote], actor_ids: dict[str, dict[str, str]],
                         names: dict[str, str]) -> list[Conflict]:
    """One text doubts that X wrote a message; another, no copy of it, attributes words to X without doubt."""
    doubted = {doc_id: authorship_doubts(view) for doc_id, view in views.items()}
    said: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker and q.doc in views:
            said[actor_ids.get(q.doc, {}).get(q.speaker, q.speaker)].append(q)
    doubters: dict[str, list[str]] = defaultdict(list)
    for doc_id, found in doubted.items():
        for actor in found:
            doubters[actor].append(doc_id)
    conflicts = []
    for actor, doubting in sorted(doubters.items()):
        groups = {views[d].group for d in doubting}
        context = _context_actors(views, doubting, doubted, said[actor], actor)
        plain = [q for q in said[actor] if views[q.doc].group not in groups and actor not in doubted[q.doc]
                 and _linked(views[q.doc], q, context)]
        if not plain:
            continue
        name = names.get(actor, actor)
        items = [(d, s, _says(f"doubts that {name} wrote it", views[d].text(s, e)))
                 for d in doubting for s, e in doubted[d][actor]]
        for q in plain:
            s, e = views[q.doc].sentence_at(q.start)
            items.append((q.doc, s, _says(f"attributes it to {name}", views[q.doc].text(s, e))))
        conflicts.append(Conflict(f"authorship of the message attributed to {name}", _statements(items)))
    return conflicts


def _context_actors(views: dict[str, _DocView], doubting: list[str], doubted: dict, own: list[Quote],
                    actor: str) -> set[str]:
    """Actors named where a text doubts X's authorship or quotes X: what the disputed message is about."""
    found: set[str] = set()
    for d in doubting:
        spans = list(doubted[d][actor]) + [views[d].sentence_at(q.start) for q in own if q.doc == d]
        for s, e in spans:
            found |= {m.actor for m in views[d].mentions_in(s, e)}
    return found - {actor}


def _linked(view: _DocView, quote: Quote, context: set[str]) -> bool:
    """A quotation is about the disputed message when its sentence names a message or what the message
    was about."""
    s, e = view.sentence_at(quote.start)
    words = {w.lower() for w in _WORD.findall(view.doc.text[s:e])}
    return bool(words & MESSAGE_NOUNS) or bool({m.actor for m in view.mentions_in(s, e)} & context)


def speaker_conflicts(views: dict[str, _DocView], quotes: list[Quote], actor_ids: dict[str, dict[str, str]],
                      names: dict[str, str]) -> list[Conflict]:
    """One quotation given to different speakers by texts that are not copies of one another."""
    by_words: dict[tuple[str, ...], list[tuple[str, Quote]]] = defaultdict(list)
    for q in quotes:
        words = tuple(w.lower() for w in _WORD.findall(q.text))
        if q.kind != "direct" or not q.speaker or q.doc not in views or len(words) < QUOTE_KEY_WORDS:
            continue
        by_words[words[:QUOTE_KEY_WORDS]].append((actor_ids.get(q.doc, {}).get(q.speaker, q.speaker), q))
    conflicts = []
    for attributed in by_words.values():
        speakers = {(a, views[q.doc].group) for a, q in attributed}
        if not any(a1 != a2 and g1 != g2 for a1, g1 in speakers for a2, g2 in speakers):
            continue
        items = [(q.doc, q.start, _says(f"said by {names.get(a, a)}", q.text)) for a, q in attributed]
        conflicts.append(Conflict(f"speaker of the quotation “{attributed[0][1].text[:60]}”", _statements(items)))
    return conflicts


# --------------------------------------------------------------------------- what was done


def act_conflicts(views: dict[str, _DocView], events: list[Event], actor_ids: dict[str, dict[str, str]],
                  names: dict[str, str]) -> list[Conflict]:
    """One text has X act against Y (sanctions, force, threats), another, no copy of it, has X back Y in
    the same year: whether X acts against Y is in dispute."""
    by_pair: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for e in events:
        if e.doc not in views or not e.source or not e.target or e.negated or e.hypothetical:
            continue
        if e.type in HOSTILE_ACTS or e.type in FRIENDLY_ACTS:
            ids = actor_ids.get(e.doc, {})
            by_pair[(ids.get(e.source, e.source), ids.get(e.target, e.target))].append(e)
    conflicts = []
    for (source, target), acts in sorted(by_pair.items()):
        if source == target:
            continue
        hostile = [e for e in acts if e.type in HOSTILE_ACTS][:ACTS_COMPARED]
        friendly = [e for e in acts if e.type in FRIENDLY_ACTS][:ACTS_COMPARED]
        opposed = [(h, f) for h in hostile for f in friendly
                   if views[h.doc].group != views[f.doc].group and _same_year(h.when, f.when)]
        if not opposed:
            continue
        shown = list({id(e): e for pair in opposed for e in pair}.values())
        items = [(e.doc, e.start, _says(e.type.lower(), _sentence_of(views[e.doc], e))) for e in shown]
        items += _copies_saying(views, shown)
        act = ACT_NOUNS[sorted({h.type for h, _ in opposed})[0]]
        src, tgt = names.get(source, source), names.get(target, target)
        conflicts.append(Conflict(f"whether {src} backs {tgt} or applies {act} against it", _statements(items)))
    return conflicts


def _same_year(a: str | None, b: str | None) -> bool:
    return not a or not b or a[:4] == b[:4]


def _sentence_of(view: _DocView, event: Event) -> str:
    s, e = view.sentence_at(event.start)
    return view.text(s, e) if e > s else event.evidence


def _copies_saying(views: dict[str, _DocView], acts: list[Event]) -> list[tuple[str, int, str]]:
    """The same sentence in every other copy of a document that states an act."""
    members: dict[str, list[_DocView]] = defaultdict(list)
    for view in views.values():
        members[view.group].append(view)
    items = []
    for e in acts:
        group, sentence = views[e.doc].group, _sentence_of(views[e.doc], e)
        for view in members[group]:
            if view.doc.id != e.doc:
                at = view.doc.text.find(sentence)
                if at >= 0:
                    items.append((view.doc.id, at, _says(e.type.lower(), sentence)))
    return items


def find_disputes(docs: list[Document], mentions: dict[str, list[Mention]], actor_ids: dict[str, dict[str, str]],
                  quotes: Iterable[Quote] = (), events: Iterable[Event] = ()) -> list[Conflict]:
    """Ties characterised both ways, doubted authorship, quotations given to two speakers, opposed acts."""
    views = _views(docs, mentions, actor_ids)
    names = _names(views.values())
    quotes = list(quotes)
    return (tie_conflicts(views, names) + authorship_conflicts(views, quotes, actor_ids, names)
            + speaker_conflicts(views, quotes, actor_ids, names) + act_conflicts(views, list(events), actor_ids, names))
