"""Stories: group the documents that report the same episode.

Readers follow episodes (a state visit, a summit, a border clash), not single
articles, and want to see which outlets covered each one. Two documents belong
to the same story when they name much the same actors, use much the same words,
and were published close together. Copies found by the Deduplicate stage are
always in the same story.

The measures, all over the corpus at hand:
- actors: weighted Jaccard over actor ids, each actor weighted by its inverse
  document frequency, so that actors named everywhere (the great powers in a
  corpus about them) say less than rarer ones;
- text: cosine of TF-IDF vectors over content words (sublinear term counts);
- time: the gap between the publication dates, when both are known, at most
  MAX_GAP_DAYS.

Linked pairs are joined by single link (connected components). Pairs are only
proposed when two documents share an actor or one of their most distinctive
terms that is not found nearly everywhere, which keeps the work far below all
pairs on a large corpus. Given the stories of an earlier run, only pairs with a
new document are tested, so documents attach to the stories they continue;
the measures themselves (term and actor weights) are recomputed over the whole
corpus each run.

Labels read "Actor, Actor: phrase": the actors named in most of the story's
documents, then its most distinctive noun phrase, found without a parse from the
noun phrases that determiners open, favouring the title and lead. A story of more
than LABEL_UNITS units is labelled from its LABEL_UNITS earliest ones (see
`_label_units`), so that labelling a very large story costs no more memory than a
story of that size.
"""

from __future__ import annotations

import calendar
import json
import math
import os
import re
import tempfile
import zlib
from array import array
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.model import Document

ACTOR_THRESHOLD = 0.2  # weighted Jaccard of actor sets
TEXT_THRESHOLD = 0.15  # TF-IDF cosine
TEXT_ONLY_THRESHOLD = 0.45  # when either document has no actors, the text alone must be this close
MAX_GAP_DAYS = 30
MIN_WORD_LENGTH = 3
# Posting lists longer than this are not used to propose pairs: an actor or term found
# almost everywhere cannot show that two documents share an episode.
MAX_POSTING_SHARE = 0.2
MIN_POSTING_CAP = 100
CANDIDATE_TERMS = 12  # each document's most distinctive terms also propose pairs
VECTORS_AT_HAND = 2048  # word vectors kept in memory while pairs are tested
LABEL_ACTORS = 3
# Units a label is read from: the words and texts of a story of tens of thousands of documents would not fit in
# memory, and its earliest reports already say what the episode is.
LABEL_UNITS = 100
BIGRAM_BONUS = 1.5  # a two-word phrase says more in a label than a single word
# News puts the gist first (title and lead): phrases found there are better labels.
LEAD_TOKENS = 40
LEAD_BONUS = 1.5
FEATURES_VERSION = 1  # raise when DocFeatures or the tokenising changes: stored features are then recomputed
MAX_MODIFIERS = 2  # words allowed between a determiner and the noun that closes its phrase
# Closed-class English words that open a noun phrase (articles, demonstratives, possessives, quantifiers);
# "that" is left out: it more often opens a clause than a noun phrase.
_DETERMINERS = frozenset({
    "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "whose", "every", "each", "any", "some", "no", "another", "such", "both", "several", "many", "few",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
})
# Words that end a noun phrase. The strong ones rarely follow a verb directly; the weak ones
# (prepositions) often do ('came to', 'met in').
_NP_END_STRONG = frozenset({
    "of", "and", "or", "but", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
    "should", "can", "may", "might", "must", "which", "who", "whose",
})
_NP_END_WEAK = frozenset({
    "in", "on", "at", "to", "for", "with", "by", "from", "into", "over", "after", "before", "between",
    "against", "near", "since", "during", "that",
})
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "de", "la"}

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|[.!?;:,()\[\]\"\u201c\u201d\u2014\u2013]")
_SENTENCE_END = {".", "!", "?", ":", '"', "\u201c", "\u201d"}
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass
class Story:
    """Documents that report the same episode, with a short label a reader can skim."""

    id: str
    label: str
    docs: list[str]


@dataclass(slots=True)
class _Unit:
    """One duplicate group, treated as a single document: copies must not count as agreement.

    Its words (those of the canonical document) are not kept here: a corpus has too many of them.
    They are read through the grouping's features when needed.
    """

    id: str  # the canonical document
    docs: list[str]
    actors: Collection[str]  # read only: a set, or a tuple of a document's actors (smaller by far)
    first: date | None = None
    last: date | None = None


@dataclass
class DocFeatures:
    """What the grouping needs of one document's words, computed once from its title and text.

    Dicts keep the order in which phrases first occur, which the measures depend on. The noun-phrase
    and capitalisation evidence is kept as per-document parts that add up over the corpus.
    """

    terms: dict[str, int]  # content word -> count
    bigrams: dict[str, int]  # adjacent content words -> count
    first_seen: dict[str, int]  # phrase -> first token position
    after_determiner: list[str]  # words right after a determiner
    nominal: list[str]  # words and pairs that close a noun phrase whatever else the corpus holds
    nominal_if: list[tuple[str, str]]  # (word, pair) that do so when the word follows a determiner somewhere
    proper: dict[str, tuple[int, int]]  # word -> (times seen inside a sentence, times capitalised there)

    def to_bytes(self) -> bytes:
        data = [list(self.terms.items()), list(self.bigrams.items()), list(self.first_seen.items()),
                self.after_determiner, self.nominal, self.nominal_if, list(self.proper.items())]
        return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    @classmethod
    def from_bytes(cls, data: bytes) -> DocFeatures:
        terms, bigrams, first, after, nominal, nominal_if, proper = json.loads(zlib.decompress(data))
        return cls(dict(terms), dict(bigrams), dict(first), after, nominal, [tuple(p) for p in nominal_if],
                   {w: tuple(n) for w, n in proper})


def day_range(published: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD...) may mean."""
    if not published:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published.strip())
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            day = date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


class _Tok(NamedTuple):
    word: str  # lower case, possessive 's removed; punctuation as is
    capitalised: bool
    initial: bool  # first word of a sentence or line, where capitals say nothing


def _tokens(text: str) -> list[_Tok]:
    out = []
    initial = True
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if not tok[0].isalpha():
            out.append(_Tok(tok, False, False))
            initial = initial or tok in _SENTENCE_END
            continue
        if text[max(0, m.start() - 2):m.start()].endswith("\n"):
            initial = True
        out.append(_Tok(_POSSESSIVE.sub("", tok.lower()), tok[0].isupper(), initial))
        initial = False
    return out


def _is_content(word: str) -> bool:
    return len(word) >= MIN_WORD_LENGTH and word[0].isalpha() and word not in STOP_WORDS


def _phrases(tokens: list[_Tok]) -> Iterable[tuple[int, str, bool]]:
    """(position, phrase, is_bigram) for content words and adjacent content-word pairs (nothing between)."""
    previous = None
    for i, tok in enumerate(tokens):
        if _is_content(tok.word):
            yield i, tok.word, False
            if previous:
                yield i, f"{previous} {tok.word}", True
            previous = tok.word
        else:
            previous = None


def _determiner_runs(tokens: list[_Tok]) -> Iterable[tuple[list[str], str]]:
    """Content-word runs opened by a determiner, each with the token that closes it."""
    for i, tok in enumerate(tokens):
        if tok.word not in _DETERMINERS:
            continue
        run: list[str] = []
        for nxt in tokens[i + 1:i + 3 + MAX_MODIFIERS]:  # the noun, its modifiers and the closer
            if not _is_content(nxt.word):
                if run:
                    yield run, nxt.word
                break
            run.append(nxt.word)


def _noun_evidence(tokens: list[_Tok]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """One document's part of the noun evidence: words and pairs that end a noun phrase opened by a
    determiner ('the joint commission will' gives 'commission' and 'joint commission'), a cheap sign of
    a noun without a parse.

    A word right after a determiner is a noun or an adjective. After a longer run the last
    word may be the verb ('several countries came to'), so it counts only when the run ends
    in punctuation or a word that cannot follow a verb directly, or (`nominal_if`) when the
    word is also seen right after a determiner anywhere in the corpus.
    """
    after: dict[str, None] = {}
    nominal: dict[str, None] = {}
    nominal_if: dict[tuple[str, str], None] = {}
    for run, closer in _determiner_runs(tokens):
        after[run[0]] = None
        strong = not closer[0].isalpha() or closer in _NP_END_STRONG
        if len(run) == 1:
            if strong or closer in _NP_END_WEAK:
                nominal[run[0]] = None
        elif strong:
            nominal.update({run[-1]: None, " ".join(run[-2:]): None})
        elif closer in _NP_END_WEAK:
            nominal_if[(run[-1], " ".join(run[-2:]))] = None
    return list(after), list(nominal), list(nominal_if)


def doc_features(title: str | None, text: str) -> DocFeatures:
    """A document's features: its title, a full stop, then its text, read as one token stream."""
    tokens = _tokens(title or "") + [_Tok(".", False, False)] + _tokens(text)
    terms: Counter = Counter()
    bigrams: Counter = Counter()
    first_seen: dict[str, int] = {}
    for pos, phrase, is_bigram in _phrases(tokens):
        (bigrams if is_bigram else terms)[phrase] += 1
        first_seen.setdefault(phrase, pos)
    seen: Counter = Counter()
    caps: Counter = Counter()
    for tok in tokens:  # capitals inside sentences: names and demonyms, which the actor part of a label covers
        if tok.word[0].isalpha() and not tok.initial:
            seen[tok.word] += 1
            caps[tok.word] += tok.capitalised
    after, nominal, nominal_if = _noun_evidence(tokens)
    return DocFeatures(dict(terms), dict(bigrams), first_seen, after, nominal, nominal_if,
                       {w: (n, caps[w]) for w, n in seen.items()})


class TextFeatures:
    """Features computed from each document's text whenever they are asked for; nothing is kept."""

    def many(self, docs: list[Document]) -> Iterator[DocFeatures]:
        """The features of these documents, in their order."""
        return (doc_features(d.title, d.text) for d in docs)

    def flush(self) -> None:
        """Nothing to keep."""


class StoredFeatures(TextFeatures):
    """Features kept in a store's story_features table: each document is tokenised once, when first grouped,
    and later builds read its features instead of its text."""

    def __init__(self, store: Any, chunk: int = 500) -> None:
        self.store = store
        self.chunk = chunk
        self.pending: dict[str, bytes] = {}

    def many(self, docs: list[Document]) -> Iterator[DocFeatures]:
        for start in range(0, len(docs), self.chunk):
            part = docs[start:start + self.chunk]
            stored = dict(self.store.story_features(FEATURES_VERSION, [d.id for d in part]))
            for doc in part:
                data = stored.get(doc.id) or self.pending.get(doc.id)
                yield DocFeatures.from_bytes(data) if data is not None else self._computed(doc)

    def _computed(self, doc: Document) -> DocFeatures:
        found = doc_features(doc.title, doc.text)
        self.pending[doc.id] = found.to_bytes()
        if len(self.pending) >= self.chunk:
            self.flush()
        return found

    def flush(self) -> None:
        """Write the features computed since the last flush."""
        self.store.save_story_features(FEATURES_VERSION, self.pending.items())
        self.pending = {}


def _idf(df: Counter, n: int) -> dict[str, float]:
    """Smoothed inverse document frequency: never zero, so that a word found everywhere still counts a little."""
    return {key: math.log((1 + n) / (1 + count)) + 1.0 for key, count in df.items()}


def _units(docs: list[Document], doc_actors: Mapping[str, Collection[str]]) -> list[_Unit]:
    """Duplicate groups as units (copies must not count as independent reports), in id order; each unit's
    words are those of its title and canonical (fullest) text."""
    by_id = {d.id: d for d in docs}
    members: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        members[d.duplicate_of if d.duplicate_of in by_id else d.id].append(d)
    units = []
    for root in sorted(members):
        group = sorted(members[root], key=lambda d: d.id)
        named = [doc_actors.get(d.id, frozenset()) for d in group]
        actors = named[0] if len(named) == 1 else frozenset().union(*named)  # one set per document, not two
        unit = _Unit(root, [d.id for d in group], actors)
        ranges = [r for r in (day_range(d.published) for d in group) if r]
        if ranges:
            unit.first, unit.last = min(r[0] for r in ranges), max(r[1] for r in ranges)
        units.append(unit)
    return units


class _Spill:
    """Numbered records of (int ids, float values) in a temporary file: the word vectors of a large corpus
    would not fit in memory, and each is read only a few times. The last records read are kept at hand."""

    def __init__(self, at_hand: int = 4096) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - open as long as the grouping runs; see close()
        self.offsets = array("q", [0])
        self.unread = False  # written since the file was last flushed
        self.at_hand = at_hand
        self.recent: OrderedDict[int, tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def append(self, ids: list[int], values: list[float]) -> None:
        data = np.asarray(ids, dtype=np.int32).tobytes() + np.asarray(values, dtype=np.float64).tobytes()
        self.file.write(data)
        self.unread = True
        self.offsets.append(self.offsets[-1] + len(data))

    def get(self, number: int) -> tuple[np.ndarray, np.ndarray]:
        if number in self.recent:
            self.recent.move_to_end(number)
            return self.recent[number]
        if self.unread:
            self.file.flush()
            self.unread = False
        start, end = self.offsets[number], self.offsets[number + 1]
        data = os.pread(self.file.fileno(), end - start, start)
        size = (end - start) // 12
        record = np.frombuffer(data, np.int32, size), np.frombuffer(data, np.float64, size, offset=4 * size)
        self.recent[number] = record
        if len(self.recent) > self.at_hand:
            self.recent.popitem(last=False)
        return record

    def close(self) -> None:
        self.file.close()


class _Vector(NamedTuple):
    """A unit-length sparse vector: term ids in the order the terms first occur, their weights, and the
    ids sorted (with their weights) for lookups."""

    ids: np.ndarray
    values: np.ndarray
    sorted_ids: np.ndarray
    sorted_values: np.ndarray


def _vector(record: tuple[np.ndarray, np.ndarray]) -> _Vector:
    ids, values = record
    order = np.argsort(ids, kind="stable")
    return _Vector(ids, values, ids[order], values[order])


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _cosine(a: _Vector, b: _Vector) -> float:
    """`cosine` over spilled vectors, adding the same products in the same order, so the sum is the same."""
    if len(a.ids) > len(b.ids):
        a, b = b, a
    if not len(a.ids) or not len(b.ids):
        return 0.0
    at, found = _find_sorted(b.sorted_ids, a.ids)
    other = np.where(found, b.sorted_values[at], 0.0)
    return sum((a.values * other).tolist())


def _find_sorted(keys: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each wanted key is (or would be) in the non-empty sorted `keys`, and whether it is there."""
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return at, keys[at] == wanted


def weighted_jaccard(a: Collection[str], b: Collection[str], weight: dict[str, float]) -> float:
    """Shared weight over total weight: sharing a rare actor counts more than sharing a common one."""
    a = a if isinstance(a, set | frozenset) else frozenset(a)
    b = b if isinstance(b, set | frozenset) else frozenset(b)
    union = sum(weight.get(x, 1.0) for x in a | b)
    return sum(weight.get(x, 1.0) for x in a & b) / union if union else 0.0


def _gap_days(a: _Unit, b: _Unit) -> int | None:
    """Days between two units' date ranges (0 when they overlap), or None when either is undated."""
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return None
    return max(0, (b.first - a.last).days, (a.first - b.last).days)


class _KeyCounts:
    """How many times each integer key was added, as two sorted arrays (keys, counts): a corpus's word pairs
    number in the millions, and a dict of them would hold a string, an int and a float for each. Keys wait
    in a buffer and are merged in batches."""

    def __init__(self, batch: int = 1 << 20) -> None:
        self.keys = np.empty(0, np.int64)
        self.counts = np.empty(0, np.int32)
        self.pending = array("q")
        self.batch = batch

    def add(self, keys: Iterable[int]) -> None:
        self.pending.extend(keys)
        if len(self.pending) >= self.batch:
            self.merge()

    def merge(self) -> None:
        """Fold the buffered keys into the sorted arrays."""
        if not self.pending:
            return
        new, times = np.unique(np.frombuffer(self.pending, np.int64), return_counts=True)
        times = times.astype(np.int32)
        self.pending = array("q")
        at = np.searchsorted(self.keys, new)
        hit = at < len(self.keys)
        hit[hit] = self.keys[at[hit]] == new[hit]
        self.counts[at[hit]] += times[hit]
        miss = ~hit
        self.keys = np.insert(self.keys, at[miss], new[miss])
        self.counts = np.insert(self.counts, at[miss], times[miss])

    def count(self, keys: list[int]) -> list[int]:
        """The count of each key (0 when never added); call merge() first."""
        if not len(self.keys):
            return [0] * len(keys)
        at, found = _find_sorted(self.keys, np.asarray(keys, np.int64))
        return np.where(found, self.counts[at], 0).tolist()


class _Corpus:
    """Corpus-wide statistics, the spilled vectors and the candidate postings, built in two passes over the
    units' features; only statistics over the vocabulary are kept in memory, never a unit's words.

    Phrases are known by integer keys: a word by its number in the vocabulary, a pair of adjacent words by
    the numbers of both (every word of a pair is also counted as a word, so it has a number). Their document
    frequencies and the noun evidence are then arrays of numbers, which stay small as the corpus grows.
    """

    def __init__(self, units: list[_Unit], roots: list[Document], features: TextFeatures,
                 names: dict[str, str] | None) -> None:
        self.units = units
        self.names = names
        self.vocabulary: dict[str, int] = {}
        self.term_df = array("i")  # documents holding each word, by its number
        self.pair_df = _KeyCounts()
        seen: Counter = Counter()
        caps: Counter = Counter()
        after: set[int] = set()
        nominal = _KeyCounts()
        nominal_if = _KeyCounts()  # pairs whose last word closes a noun phrase when it follows a determiner
        counts = _Spill(at_hand=0)
        for f in features.many(roots):
            ids = [self._number(t) for t in f.terms]
            for t in ids:
                self.term_df[t] += 1
            self.pair_df.add(self._key(p) for p in f.bigrams)
            for word, (n, c) in f.proper.items():
                seen[word] += n
                caps[word] += c
            after.update(self._number(w) for w in f.after_determiner)
            nominal.add(self._key(p) for p in f.nominal)
            nominal_if.add(self._key(pair) for _, pair in f.nominal_if)
            counts.append(ids, [float(c) for c in f.terms.values()])
        n = len(units)
        self.actor_idf = _idf(Counter(a for u in units for a in u.actors), n)
        self.term_idf = array("d", (math.log((1 + n) / (1 + count)) + 1.0 for count in self.term_df))
        self.pair_df.merge()
        self.proper = {w for w, k in seen.items() if caps[w] * 2 > k}
        del seen, caps
        self.nominal = self._nominal(nominal, nominal_if, after)
        self.first_day = array("i", (u.first.toordinal() if u.first and u.last else -1 for u in units))
        self.last_day = array("i", (u.last.toordinal() if u.first and u.last else -1 for u in units))
        self.vectors = _Spill(at_hand=0)
        self.recent: OrderedDict[int, _Vector] = OrderedDict()  # the last vectors used, ready for lookups
        self._vectorise(counts)
        counts.close()

    def _number(self, word: str) -> int:
        number = self.vocabulary.setdefault(word, len(self.vocabulary))
        if number == len(self.term_df):
            self.term_df.append(0)
        return number

    def _key(self, phrase: str) -> int:
        """A word's number, or for a pair of words both numbers in one key (above every word's number)."""
        first, _, second = phrase.partition(" ")
        if not second:
            return self._number(first)
        return ((self._number(first) + 1) << 32) | self._number(second)

    @staticmethod
    def _nominal(nominal: _KeyCounts, nominal_if: _KeyCounts, after: set[int]) -> np.ndarray:
        """Sorted keys of the words and pairs that close a noun phrase: those that always do, and the pairs
        (with their last word) whose last word is also seen right after a determiner somewhere."""
        nominal.merge()
        nominal_if.merge()
        last = nominal_if.keys & 0xFFFFFFFF
        confirmed = np.isin(last, np.fromiter(after, np.int64, len(after)))
        return np.unique(np.concatenate([nominal.keys, nominal_if.keys[confirmed], last[confirmed]]))

    def keys(self, phrases: list[str]) -> list[int]:
        """The phrases' keys (the words of the corpus's own units are all in the vocabulary already)."""
        return [self._key(p) for p in phrases]

    def is_nominal(self, phrases: list[str]) -> list[bool]:
        """Whether each phrase closes a noun phrase somewhere in the corpus."""
        if not len(self.nominal):
            return [False] * len(phrases)
        return _find_sorted(self.nominal, np.asarray(self.keys(phrases), np.int64))[1].tolist()

    def phrase_idf(self, phrases: list[str]) -> list[float]:
        """Smoothed inverse document frequency of each phrase, as `_idf` gives it."""
        n = len(self.units)
        pairs = [p for p in phrases if " " in p]
        pair_counts = dict(zip(pairs, self.pair_df.count(self.keys(pairs)), strict=True))
        out = []
        for p in phrases:
            count = pair_counts[p] if p in pair_counts else self.term_df[self.vocabulary[p]]
            out.append(math.log((1 + n) / (1 + count)) + 1.0)
        return out

    def _vectorise(self, counts: _Spill) -> None:
        """Unit-length TF-IDF vectors with sublinear term frequency; each unit's actors and most distinctive
        terms are listed as the keys that propose pairs. The postings are then one array of units, sorted by
        key and then unit, with each key's start in it."""
        terms = list(self.vocabulary)
        key_numbers: dict[str | int, int] = {}  # an actor id, or a word's number
        keys_flat = array("i")
        self.keys_at = array("q", [0])
        for i, u in enumerate(self.units):
            ids, tfs = counts.get(i)
            vec = {terms[t]: (1.0 + math.log(int(c))) * self.term_idf[t]
                   for t, c in zip(ids.tolist(), tfs.tolist(), strict=True)}
            norm = math.sqrt(sum(v * v for v in vec.values()))
            vector = {t: v / norm for t, v in vec.items()} if norm else {}
            self.vectors.append([self.vocabulary[t] for t in vector], list(vector.values()))
            top = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATE_TERMS]
            for key in [*u.actors, *(self.vocabulary[t] for t, _ in top)]:
                keys_flat.append(key_numbers.setdefault(key, len(key_numbers)))
            self.keys_at.append(len(keys_flat))
        del key_numbers
        self.keys_flat = np.frombuffer(keys_flat, np.int32)
        owners = np.repeat(np.arange(len(self.units), dtype=np.int32), np.diff(np.frombuffer(self.keys_at, np.int64)))
        order = np.argsort(self.keys_flat, kind="stable")
        self.postings = owners[order]
        del owners, order
        self.posting_at = np.concatenate([[0], np.cumsum(np.bincount(self.keys_flat))])

    def vector(self, i: int) -> _Vector:
        """Unit i's vector; pairs are tested between units close in the id order, so the last ones used
        are kept at hand, with their ids already sorted."""
        if i in self.recent:
            self.recent.move_to_end(i)
            return self.recent[i]
        found = self.recent[i] = _vector(self.vectors.get(i))
        if len(self.recent) > VECTORS_AT_HAND:
            self.recent.popitem(last=False)
        return found

    def partners(self, i: int) -> list[int]:
        """Later units sharing an actor or a distinctive term with unit i, and close enough in time to be
        linked; posting lists that are too long (an actor or term found almost everywhere) are skipped."""
        cap = max(MIN_POSTING_CAP, int(MAX_POSTING_SHARE * len(self.units)))
        parts = []
        for number in self.keys_flat[self.keys_at[i]:self.keys_at[i + 1]].tolist():
            start, end = int(self.posting_at[number]), int(self.posting_at[number + 1])
            if end - start <= cap:
                ids = self.postings[start:end]
                parts.append(ids[np.searchsorted(ids, i, side="right"):])
        if not parts:
            return []
        found = np.unique(np.concatenate(parts))
        return self._in_time(i, found).tolist()

    def _in_time(self, i: int, found: np.ndarray) -> np.ndarray:
        """Those of `found` whose gap to unit i is at most MAX_GAP_DAYS, or whose date (or i's) is unknown."""
        first, last = self.first_day[i], self.last_day[i]
        if first < 0 or not len(found):
            return found
        firsts = np.frombuffer(self.first_day, np.int32)[found]
        lasts = np.frombuffer(self.last_day, np.int32)[found]
        gap = np.maximum(np.maximum(firsts - last, first - lasts), 0)
        return found[(firsts < 0) | (gap <= MAX_GAP_DAYS)]

    def linked(self, i: int, j: int) -> bool:
        """Same episode: close in time (when known), and similar in actors and words."""
        a, b = self.units[i], self.units[j]
        gap = _gap_days(a, b)
        if gap is not None and gap > MAX_GAP_DAYS:
            return False
        text = _cosine(self.vector(i), self.vector(j))
        if not a.actors or not b.actors:
            return text >= TEXT_ONLY_THRESHOLD
        return text >= TEXT_THRESHOLD and weighted_jaccard(a.actors, b.actors, self.actor_idf) >= ACTOR_THRESHOLD

    def close(self) -> None:
        self.vectors.close()


class _Components:
    """Union-find over units, joined as each linked pair is found, so no list of pairs is ever held.

    Each component's root is its smallest unit; the components are those that joining every linked
    pair at once would give, whatever the order of the joins.
    """

    def __init__(self, n: int) -> None:
        self.parent = array("i", range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)

    def groups(self) -> list[list[int]]:
        """The components, each in unit order, listed in the order of their smallest unit."""
        found: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            found[self.find(i)].append(i)
        return list(found.values())


def display_name(actor_id: str, names: dict[str, str] | None = None) -> str:
    """The actor's name when known, else its slug written out ('xi-jinping' -> 'Xi Jinping')."""
    if names and actor_id in names:
        return names[actor_id]
    words = actor_id.split("-")
    return " ".join(w if i and w in _SMALL_WORDS else w.capitalize() for i, w in enumerate(words))


def _label_actors(units: list[_Unit], ctx: _Corpus, texts: str) -> list[str]:
    """The actors named in most of the story's documents; ties go to the most often named, then the rarer."""
    counts = Counter(a for u in units for a in u.actors if ":" not in a)
    if not counts:
        return []
    lowered = texts.casefold()

    def key(a: str) -> tuple[int, int, float, str]:
        occurrences = lowered.count(display_name(a, ctx.names).casefold())
        return (-counts[a], -occurrences, -ctx.actor_idf.get(a, 1.0), a)

    ranked = sorted(counts, key=key)
    top = counts[ranked[0]]
    return [display_name(a, ctx.names) for a in ranked[:LABEL_ACTORS] if counts[a] * 2 >= top]


def _label_phrase(features: list[DocFeatures], ctx: _Corpus, named: set[str]) -> str | None:
    """The most distinctive noun phrase of the story: in many of its documents, early in them, rare elsewhere.
    Phrases with a proper word or a word of the named actors are left to the actor part of the label."""
    df: Counter = Counter()
    tf: Counter = Counter()
    first: dict[str, int] = {}
    for f in features:
        for table in (f.terms, f.bigrams):
            df.update(table.keys())
            tf.update(table)
        for phrase, pos in f.first_seen.items():
            first[phrase] = min(pos, first.get(phrase, pos))
    allowed = [p for p in tf if not any(w in ctx.proper or w in named for w in p.split())]
    nouns = [p for p, noun in zip(allowed, ctx.is_nominal(allowed), strict=True) if noun]
    chosen = nouns or allowed
    scores = {}
    for phrase, idf in zip(chosen, ctx.phrase_idf(chosen), strict=True):
        weight = (BIGRAM_BONUS if " " in phrase else 1.0) * (LEAD_BONUS if first[phrase] < LEAD_TOKENS else 1.0)
        scores[phrase] = df[phrase] * idf * (1.0 + math.log(tf[phrase])) * weight
    if not scores:
        return None
    return min(scores, key=lambda p: (-scores[p], first[p], p))


def _label(units: list[_Unit], features: list[DocFeatures], ctx: _Corpus, texts: str) -> str:
    """'Actor, Actor: phrase', e.g. 'Japan, Philippines: coast guard exercise'."""
    actors = _label_actors(units, ctx, texts)
    named = {w.casefold() for name in actors for w in re.findall(r"\w+", name)}
    phrase = _label_phrase(features, ctx, named)
    head = ", ".join(actors)
    if head and phrase:
        return f"{head}: {phrase}"
    return head or phrase or "untitled"


def _order_key(units: list[_Unit]) -> tuple[date, str]:
    """Stories are numbered by their earliest dated document, undated ones last, then by document id."""
    dates = [u.first for u in units if u.first is not None]
    return (min(dates) if dates else date.max, min(d for u in units for d in u.docs))


def group_stories(
    docs: list[Document],
    doc_actors: Mapping[str, Collection[str]],
    actor_names: dict[str, str] | None = None,
    previous: list[Story] | None = None,
    features: TextFeatures | None = None,
) -> list[Story]:
    """Group the documents into stories; every document is in one story.

    `doc_actors` maps each document id to the corpus actor ids it names;
    `actor_names` (actor id -> name) makes the labels read better when given.
    With `previous` stories (from an earlier run), grouping is incremental: only
    pairs that involve a new document are tested, earlier stories are kept whole
    (a new document may join or merge them, never split them), and a story that
    gained nothing keeps its id and label. Without them, stories are numbered
    "story-1", ... by their earliest document. `features` says where the words of
    documents come from (by default their texts, read each time; `StoredFeatures`
    keeps them in a store); texts are read only to label stories that changed.
    """
    features = features or TextFeatures()
    units = _units(docs, doc_actors)
    if not units:
        return []
    by_id = {d.id: d for d in docs}
    ctx = _Corpus(units, [by_id[u.id] for u in units], features, actor_names)
    known = {d: story for story in previous or [] for d in story.docs}
    is_new = [any(d not in known for d in u.docs) for u in units]
    components = _Components(len(units))
    try:
        _join_linked(ctx, components, is_new, bool(known))
    finally:
        ctx.close()
    _keep_together(units, known, components)
    groups = sorted(([units[i] for i in comp] for comp in components.groups()), key=_order_key)
    del components
    numbers = [int(s.id.rsplit("-", 1)[1]) for s in previous or [] if s.id.rsplit("-", 1)[-1].isdigit()]
    next_number = max(numbers, default=0) + 1
    stories = []
    for group in groups:
        doc_ids = sorted(d for u in group for d in u.docs)
        before = sorted({known[d].id: known[d] for d in doc_ids if d in known}.values(), key=_story_number)
        if len(before) == 1 and before[0].docs == doc_ids:
            stories.append(before[0])  # unchanged: same id, same label
            continue
        if before:
            story_id = before[0].id  # grown or merged: the oldest story's id lives on
        else:
            story_id, next_number = f"story-{next_number}", next_number + 1
        read = _label_units(group)
        roots = [by_id[u.id] for u in read]
        texts = "\n".join(d.text for d in roots)
        stories.append(Story(story_id, _label(read, list(features.many(roots)), ctx, texts), doc_ids))
    features.flush()
    return sorted(stories, key=_story_number)


def _join_linked(ctx: _Corpus, components: _Components, is_new: list[bool], incremental: bool) -> None:
    """Join every linked pair of units as it is found. With earlier stories (`incremental`), only pairs with a
    new unit are tested. A pair already in one component is not tested: joining it would change nothing."""
    for i in range(len(ctx.units)):
        for j in ctx.partners(i):
            if (is_new[i] or is_new[j] or not incremental) and components.find(i) != components.find(j) \
                    and ctx.linked(i, j):
                components.union(i, j)


def _label_units(group: list[_Unit]) -> list[_Unit]:
    """The units a story's label is read from: all of them up to LABEL_UNITS, else the LABEL_UNITS earliest
    (dated before undated, then by id), which opened the episode and stay the same as later reports join."""
    if len(group) <= LABEL_UNITS:
        return group
    earliest = sorted(group, key=lambda u: (u.first is None, u.first or date.min, u.id))[:LABEL_UNITS]
    return sorted(earliest, key=lambda u: u.id)  # in the story's own (id) order, as a small story is read


def _keep_together(units: list[_Unit], known: dict[str, Story], components: _Components) -> None:
    """Join the units of each earlier story, which is never split."""
    first_unit: dict[str, int] = {}
    for i, unit in enumerate(units):
        for story in {known[d].id for d in unit.docs if d in known}:
            if story in first_unit:
                components.union(first_unit[story], i)
            else:
                first_unit[story] = i


def _story_number(story: Story) -> tuple[int, str]:
    tail = story.id.rsplit("-", 1)[-1]
    return (int(tail), story.id) if tail.isdigit() else (10**9, story.id)
