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

import pickle
import re
import sqlite3
from bisect import bisect_left
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Any

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
VIEWS_LOADED = 64  # documents whose mentions are held at once

_WORD = re.compile(r"[\w’'-]+")
_TIE_WORDS = re.compile(r"\b(?:" + "|".join(sorted(FRIENDLY_WORDS | HOSTILE_WORDS)) + r")\b", re.I)
_DOUBT_WORDS = re.compile(r"\b(?:" + "|".join(sorted(AUTHORSHIP_DOUBTS)) + r")\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


class _DocView:
    """One document with its actor mentions read under corpus-wide actor ids. Sentences are found
    when asked for, not kept, and so are the mentions and the id map (from `mentions` and `actor_ids`,
    which may read them from a store), so that a large corpus costs no more memory than its texts."""

    __slots__ = ("doc", "group", "_mentions_of", "_ids_of", "_loaded", "_in_use")

    def __init__(self, doc: Document, group: str, mentions_of: Mapping[str, list[Mention]],
                 ids_of: Mapping[str, dict[str, str]], in_use: OrderedDict[str, _DocView] | None = None) -> None:
        self.doc = doc
        self.group = group  # id of the canonical copy
        self._mentions_of = mentions_of
        self._ids_of = ids_of
        self._loaded: tuple[list[Mention], list[int], dict[str, str]] | None = None
        self._in_use = OrderedDict() if in_use is None else in_use  # views holding their mentions, shared

    def _load(self) -> tuple[list[Mention], list[int], dict[str, str]]:
        """Mentions (document-local actor ids, sorted by start), their starts and the local -> corpus ids;
        kept until `release`, or until VIEWS_LOADED other views have loaded theirs since."""
        if self._loaded is None:
            found = sorted(self._mentions_of.get(self.doc.id, []), key=lambda m: m.start)
            self._loaded = (found, [m.start for m in found], self._ids_of.get(self.doc.id, {}))
            self._in_use[self.doc.id] = self
            if len(self._in_use) > VIEWS_LOADED:
                self._in_use.popitem(last=False)[1]._loaded = None
        return self._loaded

    def release(self) -> None:
        self._loaded = None
        self._in_use.pop(self.doc.id, None)

    @property
    def mentions(self) -> list[Mention]:
        return self._load()[0]

    @property
    def ids(self) -> dict[str, str]:
        return self._load()[2]

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
        found, starts, _ = self._load()
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        return [self._resolved(m) for m in found[first:last] if m.end <= end]

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


def _views(docs: list[Document], mentions: Mapping[str, list[Mention]],
           actor_ids: Mapping[str, dict[str, str]]) -> dict[str, _DocView]:
    groups = copy_groups(docs)
    in_use: OrderedDict[str, _DocView] = OrderedDict()
    return {doc.id: _DocView(doc, groups.get(doc.id, doc.id), mentions, actor_ids, in_use) for doc in docs}


def copy_groups(docs: list[Document]) -> dict[str, str]:
    """Each copy's id mapped to the id of its group's canonical copy; a document missing here is no copy
    and is its own canonical (so the map grows with the copies, not with the corpus)."""
    parent = {d.id: d.duplicate_of for d in docs if d.duplicate_of and d.duplicate_of != d.id}

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
        view.release()
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


def tie_conflicts(views: dict[str, _DocView], names: dict[str, str], db: Any = None) -> list[Conflict]:
    """A pair called friends in one text and rivals in another (copies aside). The ties found wait in a
    table of the work database `db` (one in memory when not given) and are read back a pair at a time."""
    own = db is None
    db = sqlite3.connect(":memory:") if own else db
    try:
        return list(_tie_conflicts(views, names, db))
    finally:
        if own:
            db.close()


def _tie_conflicts(views: dict[str, _DocView], names: dict[str, str], db: Any) -> Iterator[Conflict]:
    db.executescript("DROP TABLE IF EXISTS ties;"
                     "CREATE TABLE ties (a TEXT, b TEXT, doc TEXT, friendly INTEGER, word TEXT, start INTEGER,"
                     " stop INTEGER);")
    rows: list[tuple] = []
    for view in views.values():
        for tie in find_ties(view):
            a, b = sorted(tie.pair)
            rows.append((a, b, tie.doc, tie.friendly, tie.word, tie.start, tie.end))
        view.release()
        if len(rows) >= 2000:
            db.executemany("INSERT INTO ties VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            rows = []
    db.executemany("INSERT INTO ties VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    # pairs in order of their actor ids, each pair's ties in the order found (the order they were written)
    cursor = db.execute("SELECT a, b, doc, friendly, word, start, stop FROM ties ORDER BY a, b, rowid")
    for (a, b), found in groupby(cursor, key=lambda r: (r[0], r[1])):
        ties = [Tie(doc, frozenset((a, b)), bool(friendly), word, start, stop)
                for _, _, doc, friendly, word, start, stop in found]
        friendly_groups = {views[t.doc].group for t in ties if t.friendly}
        hostile = {views[t.doc].group for t in ties if not t.friendly}
        if not friendly_groups or not hostile or (len(friendly_groups | hostile) < 2):
            continue
        items = [(t.doc, t.start, _says(_tie_label(t), views[t.doc].text(t.start, t.end))) for t in ties]
        first, second = sorted(names.get(x, x) for x in (a, b))
        yield Conflict(f"relationship between {first} and {second}", _statements(items))


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


def authorship_conflicts(views: dict[str, _DocView], quotes: Iterable[Quote], actor_ids: Mapping[str, dict[str, str]],
                         names: dict[str, str]) -> list[Conflict]:
    """One text doubts that X wrote a message; another, no copy of it, attributes words to X without doubt.
    Quotes are read once, and only those of actors some text doubts are kept."""
    doubted: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for doc_id, view in views.items():
        found = authorship_doubts(view)
        view.release()
        if found:
            doubted[doc_id] = found
    doubters: dict[str, list[str]] = defaultdict(list)
    for doc_id, found in doubted.items():
        for actor in found:
            doubters[actor].append(doc_id)
    said: dict[str, list[Quote]] = defaultdict(list)
    if doubters:
        for q in quotes:
            if q.speaker and q.doc in views:
                speaker = actor_ids.get(q.doc, {}).get(q.speaker, q.speaker)
                if speaker in doubters:
                    said[speaker].append(q)
    conflicts = []
    for actor, doubting in sorted(doubters.items()):
        groups = {views[d].group for d in doubting}
        context = _context_actors(views, doubting, doubted, said[actor], actor)
        plain = [q for q in said[actor] if views[q.doc].group not in groups and actor not in doubted.get(q.doc, {})
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


def speaker_conflicts(db: Any, views: dict[str, _DocView], quotes: Iterable[Quote],
                      actor_ids: Mapping[str, dict[str, str]], names: dict[str, str]) -> list[Conflict]:
    """One quotation given to different speakers by texts that are not copies of one another. Quotations
    are listed by their first words in a table of the work database `db` and read back a key at a time,
    keys in the order they first occur."""
    db.executescript("DROP TABLE IF EXISTS quote_keys;"
                     "CREATE TABLE quote_keys (key TEXT, seq INTEGER, speaker TEXT, data BLOB);")
    rows: list[tuple[str, int, str, bytes]] = []
    for seq, q in enumerate(quotes):
        words = tuple(w.lower() for w in _WORD.findall(q.text))
        if q.kind != "direct" or not q.speaker or q.doc not in views or len(words) < QUOTE_KEY_WORDS:
            continue
        speaker = actor_ids.get(q.doc, {}).get(q.speaker, q.speaker)
        rows.append(("\x1f".join(words[:QUOTE_KEY_WORDS]), seq, speaker, pickle.dumps(q)))
        if len(rows) >= 2000:
            db.executemany("INSERT INTO quote_keys VALUES (?, ?, ?, ?)", rows)
            rows = []
    db.executemany("INSERT INTO quote_keys VALUES (?, ?, ?, ?)", rows)
    db.execute("CREATE INDEX quote_keys_key ON quote_keys (key, seq)")
    keys = db.execute("SELECT key FROM quote_keys GROUP BY key HAVING COUNT(*) > 1 ORDER BY MIN(seq)").fetchall()
    conflicts = []
    for (key,) in keys:
        attributed = [(a, pickle.loads(data)) for a, data in db.execute(
            "SELECT speaker, data FROM quote_keys WHERE key = ? ORDER BY seq", (key,))]
        speakers = {(a, views[q.doc].group) for a, q in attributed}
        if not any(a1 != a2 and g1 != g2 for a1, g1 in speakers for a2, g2 in speakers):
            continue
        items = [(q.doc, q.start, _says(f"said by {names.get(a, a)}", q.text)) for a, q in attributed]
        conflicts.append(Conflict(f"speaker of the quotation “{attributed[0][1].text[:60]}”", _statements(items)))
    return conflicts


# --------------------------------------------------------------------------- what was done


def act_conflicts(db: Any, views: dict[str, _DocView], events: Iterable[Event],
                  actor_ids: Mapping[str, dict[str, str]], names: dict[str, str]) -> list[Conflict]:
    """One text has X act against Y (sanctions, force, threats), another, no copy of it, has X back Y in
    the same year: whether X acts against Y is in dispute. Acts wait in a table of the work database `db`
    and are read back one pair of actors at a time."""
    db.executescript("DROP TABLE IF EXISTS acts;"
                     "CREATE TABLE acts (source TEXT, target TEXT, seq INTEGER, data BLOB);")
    rows: list[tuple[str, str, int, bytes]] = []
    for seq, e in enumerate(events):
        if e.doc not in views or not e.source or not e.target or e.negated or e.hypothetical:
            continue
        if e.type in HOSTILE_ACTS or e.type in FRIENDLY_ACTS:
            ids = actor_ids.get(e.doc, {})
            source, target = ids.get(e.source, e.source), ids.get(e.target, e.target)
            if source != target:
                rows.append((source, target, seq, pickle.dumps(e)))
        if len(rows) >= 2000:
            db.executemany("INSERT INTO acts VALUES (?, ?, ?, ?)", rows)
            rows = []
    db.executemany("INSERT INTO acts VALUES (?, ?, ?, ?)", rows)
    members = _copy_members(views)
    conflicts = []
    cursor = db.execute("SELECT source, target, data FROM acts ORDER BY source, target, seq")
    for (source, target), group in groupby(cursor, key=lambda r: (r[0], r[1])):
        hostile: list[Event] = []
        friendly: list[Event] = []
        for _, _, data in group:
            e = pickle.loads(data)
            side = hostile if e.type in HOSTILE_ACTS else friendly
            if len(side) < ACTS_COMPARED:
                side.append(e)
        opposed = [(h, f) for h in hostile for f in friendly
                   if views[h.doc].group != views[f.doc].group and _same_year(h.when, f.when)]
        if not opposed:
            continue
        shown = list({id(e): e for pair in opposed for e in pair}.values())
        items = [(e.doc, e.start, _says(e.type.lower(), _sentence_of(views[e.doc], e))) for e in shown]
        items += _copies_saying(views, members, shown)
        act = ACT_NOUNS[sorted({h.type for h, _ in opposed})[0]]
        src, tgt = names.get(source, source), names.get(target, target)
        conflicts.append(Conflict(f"whether {src} backs {tgt} or applies {act} against it", _statements(items)))
    return conflicts


def _same_year(a: str | None, b: str | None) -> bool:
    return not a or not b or a[:4] == b[:4]


def _sentence_of(view: _DocView, event: Event) -> str:
    s, e = view.sentence_at(event.start)
    return view.text(s, e) if e > s else event.evidence


def _copy_members(views: dict[str, _DocView]) -> dict[str, list[str]]:
    """The documents of each copy group that has copies, in view order (groups of one are left out)."""
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id, view in views.items():
        if view.group != doc_id:
            members[view.group].append(doc_id)
    for group, copies in members.items():
        if group in views:
            copies.append(group)
    order = {doc_id: n for n, doc_id in enumerate(d for ds in members.values() for d in ds)}
    position = {doc_id: n for n, doc_id in enumerate(views) if doc_id in order}
    return {group: sorted(ds, key=position.__getitem__) for group, ds in members.items()}


def _copies_saying(views: dict[str, _DocView], members: dict[str, list[str]],
                   acts: list[Event]) -> list[tuple[str, int, str]]:
    """The same sentence in every other copy of a document that states an act."""
    items = []
    for e in acts:
        group, sentence = views[e.doc].group, _sentence_of(views[e.doc], e)
        for doc_id in members.get(group, [group] if group in views else []):
            view = views[doc_id]
            if view.doc.id != e.doc:
                at = view.doc.text.find(sentence)
                if at >= 0:
                    items.append((view.doc.id, at, _says(e.type.lower(), sentence)))
    return items


def find_disputes(docs: list[Document], mentions: Mapping[str, list[Mention]],
                  actor_ids: Mapping[str, dict[str, str]], quotes: Iterable[Quote] = (),
                  events: Iterable[Event] = ()) -> list[Conflict]:
    """Ties characterised both ways, doubted authorship, quotations given to two speakers, opposed acts."""
    quotes, events = list(quotes), list(events)
    db = sqlite3.connect(":memory:")
    try:
        return list(find_disputes_work(db, docs, mentions, actor_ids, lambda: quotes, lambda: events))
    finally:
        db.close()


def find_disputes_work(db: Any, docs: list[Document], mentions: Mapping[str, list[Mention]],
                       actor_ids: Mapping[str, dict[str, str]], quotes: Callable[[], Iterable[Quote]],
                       events: Callable[[], Iterable[Event]]) -> Iterator[Conflict]:
    """`find_disputes` over streams of quotes and events (functions giving a fresh stream in stored order),
    with what grows with them in tables of the SQLite work database `db`; conflicts are yielded kind by
    kind, each kind found only once the one before is handed over."""
    views = _views(docs, mentions, actor_ids)
    names = _names(views.values())
    yield from _tie_conflicts(views, names, db)
    yield from authorship_conflicts(views, quotes(), actor_ids, names)
    yield from speaker_conflicts(db, views, quotes(), actor_ids, names)
    yield from act_conflicts(db, views, events(), actor_ids, names)
