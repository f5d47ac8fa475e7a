"""Deduplicate: find exact copies, near copies and cut-short copies, and link each to one canonical.

The same wire story runs in many outlets, and a single outlet often has the same
article twice (raw page and clean feed, full and truncated). Facts must be
counted once, yet every version is kept, so each copy is linked to the fullest,
cleanest version of its group instead of being dropped.

Three tests, all over the same normalised word sequence (case folded, quote
styles unified, punctuation and whitespace folded away, so bullets, dashes and
line breaks do not matter), each found by an index and confirmed exactly on the
word 5-shingles:

- exact: the same sha256 of the normalised text;
- near: MinHash LSH finds candidates, the exact Jaccard of the shingle sets
  confirms them (>= NEAR_THRESHOLD);
- contained: a content-defined sample of each text's shingles (those whose hash
  is 0 modulo SAMPLE_MOD) is indexed, so a shorter text whose samples mostly lie
  in a longer one is found however small a part of it it is; the exact share of
  its shingles found in the longer one confirms it (>= CONTAINMENT_THRESHOLD).

Near and exact copies are symmetric and are merged transitively. Containment is
not: an excerpt quoted inside two different articles must not make those two
articles copies of each other, so a document only ever hangs below the single
best document that contains it.

The work is incremental. `CopyIndex.add` compares new documents with everything
indexed so far and keeps the confirmed pairs (`CopyPair`); the links are then
derived from all pairs, which is cheap. A `Sketch` (digest, size, MinHash and
samples) is what a store keeps of each document, so that a later run indexes
stored documents again without reading or hashing their text.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from newsgraph.model import Document

SHINGLE_WORDS = 5
NUM_PERM = 128
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # persisted signatures are only comparable under the same scheme
SAME_THRESHOLD = 0.8  # Jaccard at which two texts are the same article, whatever else holds
NEAR_THRESHOLD = 0.5  # exact Jaccard of shingle sets for a near copy (a 5% rewrite keeps about 0.6)
CONTAINMENT_THRESHOLD = 0.8  # share of the shorter text's shingles found in the longer one
# Candidate searches use lower thresholds than the verification, because MinHash
# estimates are noisy and a missed candidate can never be recovered later.
# MinHash LSH: the signature is cut into BANDS bands of ROWS values; two texts sharing any band are compared.
# 32 x 4 finds nearly every pair with Jaccard 0.6 (99%) and most at 0.5 (87%); the samples find the rest.
BANDS, ROWS = 32, 4
SAMPLE_MOD = 4  # one shingle in four is indexed for containment, chosen by its hash, so copies sample alike
CONTAINMENT_CANDIDATE_SHARE = 0.5  # share of the shorter text's samples found in the other
COMMON_SAMPLE = 100  # a sample held by more documents than this is stock phrasing, not a sign of copying
# An excerpt of a sentence or two is a quotation, not a copy of the article.
MIN_CONTAINED_SHINGLES = 20
SCORE_DIGITS = 4
_SHINGLE_BASE = 0x100000001B3  # an odd 64-bit multiplier (the FNV prime)

KINDS = ("exact", "near", "contained")

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
})
_WORD = re.compile(r"\w+(?:'\w+)*")


@dataclass
class DuplicateLink:
    """One document found to be a copy of the group's canonical document."""

    doc: str
    canonical: str
    kind: str  # exact | near | contained
    score: float  # 1.0 for exact, Jaccard for near, containment for contained


def normalise(text: str) -> str:
    """Fold everything that differs between copies of one article but not its wording."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    """The normalised word sequence that all three tests compare."""
    return normalise(text).split()


@lru_cache(maxsize=1 << 20)
def _word_hash(word: str) -> int:
    """A word's stable hash, remembered: the same words recur across a corpus."""
    return _stable_hash(word)


def _stable_hash(value: str) -> int:
    """A 64-bit hash that is the same in every process (Python's hash() is salted per process)."""
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big")


def _mix(values: np.ndarray) -> np.ndarray:
    """The 64-bit finaliser of MurmurHash3, so that every bit of a shingle hash depends on all its words."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


def shingles(text: str) -> np.ndarray:
    """Hashes of the word 5-shingles, sorted and unique; a text shorter than one shingle is one shingle.

    Words are hashed once each and combined with wrapping 64-bit arithmetic, which
    is much faster than hashing every shingle string and just as stable.
    """
    return _shingles_of(words(text))


def _shingles_of(seq: list[str]) -> np.ndarray:
    if not seq:
        return np.zeros(0, dtype=np.uint64)
    if len(seq) < SHINGLE_WORDS:
        return np.array([_stable_hash(" ".join(seq))], dtype=np.uint64)
    word_hashes = np.array([_word_hash(w) for w in seq], dtype=np.uint64)
    last = len(seq) - SHINGLE_WORDS + 1
    combined = np.zeros(last, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE_WORDS):
            combined = combined * np.uint64(_SHINGLE_BASE) + word_hashes[k:k + last]
        combined = _mix(combined)
    return np.unique(combined)


def band_keys(minhash: np.ndarray) -> np.ndarray:
    """One 64-bit key per band of a MinHash signature (the band's number is mixed in, so bands never meet)."""
    rows = minhash[: BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
    keys = np.arange(BANDS, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in range(ROWS):
            keys = keys * np.uint64(_SHINGLE_BASE) + rows[:, column]
        return _mix(keys)


def _low32(value: int) -> int:
    """Feed the 64-bit shingle hashes to MinHash's 32-bit permutations."""
    return value & 0xFFFFFFFF


@lru_cache(maxsize=1)
def _permutations() -> object:
    """MinHash's permutations, drawn once: making them is most of the cost of a new MinHash."""
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME).permutations


def _minhash_of(shingle_hashes: np.ndarray) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=_low32, permutations=_permutations(),
                 scheme=MINHASH_SCHEME)
    mh.update_batch(shingle_hashes.tolist())
    return mh


def signature(text: str) -> list[int]:
    """The MinHash hash values of a text's shingles, as plain ints a store can persist."""
    return [int(v) for v in _minhash_of(shingles(text)).hashvalues]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    shared = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0


def containment(part: np.ndarray, whole: np.ndarray) -> float:
    """Share of `part`'s shingles that are also in `whole`."""
    return len(np.intersect1d(part, whole, assume_unique=True)) / len(part) if len(part) else 0.0


@dataclass
class Sketch:
    """What the finder keeps of one document: small, so a store can keep it and later runs skip the text."""

    doc: str
    digest: str
    size: int  # distinct shingles
    removed: int  # furniture lines removed: between equally full copies the cleaner one is canonical
    minhash: np.ndarray  # NUM_PERM MinHash values
    samples: np.ndarray  # the shingles whose hash is 0 modulo SAMPLE_MOD, sorted
    informative: int = -1  # samples not yet common when the document was indexed (-1: not indexed yet)

    @property
    def rank(self) -> tuple[int, int, str]:
        """Sort key of the canonical choice: fullest first, then least furniture removed, then id."""
        return (-self.size, self.removed, self.doc)


def sketch(doc: Document, stored: list[int] | None = None) -> Sketch:
    """A document's sketch; a stored MinHash signature saves recomputing it."""
    return _sketch_and_shingles(doc, stored)[0]


def _sketch_and_shingles(doc: Document, stored: list[int] | None = None) -> tuple[Sketch, np.ndarray]:
    seq = words(doc.text)
    hashes = _shingles_of(seq)
    if stored is not None and len(stored) == NUM_PERM:
        values = np.asarray(stored, dtype=np.uint64)
    else:
        values = _minhash_of(hashes).hashvalues.astype(np.uint64)
    digest = hashlib.sha256(" ".join(seq).encode("utf-8")).hexdigest()
    return Sketch(doc.id, digest, len(hashes), len(doc.removed_lines), values,
                  hashes[hashes % np.uint64(SAMPLE_MOD) == 0]), hashes


@dataclass
class CopyPair:
    """A confirmed pair: `near` (either way; exact copies are near with 1.0) or `contained` (a in b)."""

    a: str
    b: str
    kind: str  # near | contained
    score: float


class _Postings:
    """Key -> the first COMMON_SAMPLE documents that hold it, as sorted arrays grown in steps.

    Keys are shingle samples or MinHash band hashes. A key held by that many
    documents is common (stock phrasing, or a story syndicated widely): later
    holders are not listed, which keeps every lookup short, and it no longer
    counts as informative for the documents that bring it later. The first
    holders stay listed, so a widely run story can still be found through them.
    Sorted arrays cost 16 bytes a listing, where sets in a dict cost hundreds.
    """

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.uint64)
        self.docs = np.zeros(0, dtype=np.int32)
        self._pending: dict[int, list[int]] = defaultdict(list)
        self._pending_size = 0

    def _holders(self, samples: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
        left = np.searchsorted(self.keys, samples, "left")
        right = np.searchsorted(self.keys, samples, "right")
        pending = [self._pending.get(key, []) for key in samples.tolist()]
        return left, right, pending

    def add(self, samples: np.ndarray, doc: int) -> int:
        """List `doc` under each of its samples that is not yet common; return how many those were."""
        left, right, pending = self._holders(samples)
        informative = 0
        for key, lo, hi, waiting in zip(samples.tolist(), left.tolist(), right.tolist(), pending, strict=True):
            if hi - lo + len(waiting) < COMMON_SAMPLE:
                informative += 1
                self._pending[key].append(doc)
                self._pending_size += 1
        if self._pending_size > max(50_000, len(self.keys) // 4):
            self._merge()
        return informative

    def _merge(self) -> None:
        keys = np.fromiter((k for k, ds in self._pending.items() for _ in ds), dtype=np.uint64,
                           count=self._pending_size)
        docs = np.fromiter((d for ds in self._pending.values() for d in ds), dtype=np.int32, count=self._pending_size)
        keys, docs = np.concatenate([self.keys, keys]), np.concatenate([self.docs, docs])
        order = np.argsort(keys, kind="stable")
        self.keys, self.docs = keys[order], docs[order]
        self._pending, self._pending_size = defaultdict(list), 0

    def shared(self, samples: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """The listed documents holding any of `samples`; how many of all the samples, and of the informative
        ones (whose lists are complete), each holds; and how many samples are informative."""
        left, right, pending = self._holders(samples)
        sizes = (right - left) + np.array([len(w) for w in pending], dtype=np.int64)
        complete = sizes < COMMON_SAMPLE
        parts, flags = [], []
        for lo, hi, waiting, full in zip(left.tolist(), right.tolist(), pending, complete.tolist(), strict=True):
            for held in (self.docs[lo:hi], np.asarray(waiting, dtype=np.int64)):
                if len(held):
                    parts.append(held)
                    flags.append(np.full(len(held), full))
        empty = np.zeros(0, dtype=np.int64)
        if not parts:
            return empty, empty, empty, int(complete.sum())
        docs, in_complete = np.concatenate(parts), np.concatenate(flags)
        holders, inverse = np.unique(docs, return_inverse=True)
        return (holders, np.bincount(inverse, minlength=len(holders)),
                np.bincount(inverse, weights=in_complete, minlength=len(holders)).astype(np.int64),
                int(complete.sum()))


class CopyIndex:
    """Every document seen so far, indexed, and the copy pairs among them; `add` compares only new ones.

    `shingles_of` gives the shingles of a document known only by its sketch (one
    loaded from a store), for the exact check of a candidate pair.
    """

    def __init__(self, shingles_of: Callable[[str], np.ndarray] | None = None) -> None:
        self.sketches: dict[str, Sketch] = {}
        self.pairs: list[CopyPair] = []
        self._shingles_of = shingles_of
        self._texts: dict[str, str] = {}  # texts of documents added here (the caller's strings, not copies)
        self._recent: dict[str, np.ndarray] = {}  # shingles computed during one `add`, dropped after it
        self._ids: list[str] = []
        self._digests: dict[str, str] = {}
        self._bands = _Postings()
        self._samples = _Postings()
        self._informative = np.zeros(1024, dtype=np.int64)  # by index: each document's informative samples

    def load(self, sketches: Iterable[Sketch], pairs: Iterable[CopyPair] = ()) -> None:
        """Index stored documents and their known pairs, comparing nothing."""
        for sk in sketches:
            self._index(sk)
        self.pairs.extend(pairs)

    def add(self, docs: Iterable[Document], signatures: dict[str, list[int]] | None = None) -> list[CopyPair]:
        """Compare each new document with all indexed ones, index it, and return the pairs found."""
        found: list[CopyPair] = []
        for doc in docs:
            if doc.id in self.sketches:
                raise ValueError(f"document ids must be unique; repeated: {doc.id}")
            sk, hashes = _sketch_and_shingles(doc, (signatures or {}).get(doc.id))
            if not sk.size:
                continue  # a document with no words is never linked
            if self._shingles_of is None:  # else texts are read again when needed, never all held at once
                self._texts[doc.id] = doc.text
            self._recent[doc.id] = hashes
            found.extend(self._compare(sk))
            self._index(sk)
        self._recent.clear()
        self.pairs.extend(found)
        return found

    def _index(self, sk: Sketch) -> None:
        self.sketches[sk.doc] = sk
        self._ids.append(sk.doc)
        self._digests.setdefault(sk.digest, sk.doc)
        self._bands.add(band_keys(sk.minhash), len(self._ids) - 1)
        informative = self._samples.add(sk.samples, len(self._ids) - 1)
        if sk.informative < 0:
            sk.informative = informative
        if len(self._ids) > len(self._informative):
            self._informative = np.concatenate([self._informative, np.zeros(len(self._informative) + 1024, np.int64)])
        self._informative[len(self._ids) - 1] = sk.informative

    def _candidates(self, sk: Sketch) -> list[str]:
        found = {self._ids[i] for i in self._bands.shared(band_keys(sk.minhash))[0].tolist()}
        if sk.digest in self._digests:
            found.add(self._digests[sk.digest])
        if len(sk.samples):
            # Shares are taken of informative samples, those whose lists of holders are complete, so that a
            # text whose wording is mostly common is judged on the samples that can still tell it apart.
            holders, held, held_complete, informative = self._samples.shared(sk.samples)
            # this text inside another: of its samples whose lists are complete, most name the other;
            # another inside this text: most of the samples the other is listed under are this text's too
            inside = held_complete >= CONTAINMENT_CANDIDATE_SHARE * max(1, informative)
            around = held >= CONTAINMENT_CANDIDATE_SHARE * np.maximum(1, self._informative[holders])
            for index in holders[inside | around].tolist():
                found.add(self._ids[index])
        return sorted(found)

    def _compare(self, sk: Sketch) -> list[CopyPair]:
        mine = self.shingles(sk.doc)
        found = (_pair(sk, self.sketches[other_id], mine, self.shingles) for other_id in self._candidates(sk))
        return [pair for pair in found if pair is not None]

    def shingles(self, doc_id: str) -> np.ndarray:
        """A document's shingles, recomputed when needed: keeping them all would cost more than the index."""
        if doc_id not in self._recent:
            if doc_id in self._texts:
                self._recent[doc_id] = shingles(self._texts[doc_id])
            elif self._shingles_of is not None:
                self._recent[doc_id] = self._shingles_of(doc_id)
            else:
                raise KeyError(f"no text known for {doc_id}")
        return self._recent[doc_id]

    def links(self) -> list[DuplicateLink]:
        """Every copy linked to its group's canonical, sorted by canonical then doc."""
        groups, near = _groups(self.sketches, self.pairs)
        direct = {(p.a, p.b): p for p in self.pairs} | {(p.b, p.a): p for p in self.pairs if p.kind == "near"}
        links = []
        for canon_id, members in groups.items():
            for doc_id in members:
                if doc_id != canon_id:
                    same = near.find(doc_id) == near.find(canon_id)
                    links.append(self._link(doc_id, canon_id, same, direct.get((doc_id, canon_id))))
        return sorted(links, key=lambda link: (link.canonical, link.doc))

    def _link(self, doc: str, canon: str, same_near_group: bool, pair: CopyPair | None) -> DuplicateLink:
        """Describe a member by its direct relation to the canonical, not by the chain that joined them."""
        if self.sketches[doc].digest == self.sketches[canon].digest:
            return DuplicateLink(doc, canon, "exact", 1.0)
        if pair is not None:
            return DuplicateLink(doc, canon, pair.kind, pair.score)
        mine, theirs = self.shingles(doc), self.shingles(canon)
        j, c = jaccard(mine, theirs), containment(mine, theirs)
        kind = _kind(j, c, len(mine))
        if kind == "near" or (kind is None and same_near_group):
            return DuplicateLink(doc, canon, "near", round(j, SCORE_DIGITS))
        return DuplicateLink(doc, canon, "contained", round(c, SCORE_DIGITS))


def _kind(j: float, c: float, part_size: int) -> str | None:
    """How two texts are copies: nearly the same (near), the shorter one inside the other (contained), a
    light rewrite (near), or not copies (None)."""
    if j >= SAME_THRESHOLD:
        return "near"
    if c >= CONTAINMENT_THRESHOLD and part_size >= MIN_CONTAINED_SHINGLES:
        return "contained"  # an excerpt of a sentence or two is a quotation, not a copy
    return "near" if j >= NEAR_THRESHOLD else None


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _groups(sketches: dict[str, Sketch], pairs: list[CopyPair]) -> tuple[dict[str, list[str]], _UnionFind]:
    """Final groups keyed by their canonical document (near groups, then containment trees on top),
    and the near groups themselves."""
    near = _UnionFind(sketches)
    for p in pairs:
        if p.kind == "near" and p.a in sketches and p.b in sketches:
            near.union(p.a, p.b)
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(sketches):
        members[near.find(doc_id)].append(doc_id)
    best = {root: min(ids, key=lambda i: sketches[i].rank) for root, ids in members.items()}
    # each near group hangs below the one fuller group that contains it best
    parent: dict[str, tuple[float, tuple[int, int, str], str]] = {}
    for p in pairs:
        if p.kind != "contained" or p.a not in sketches or p.b not in sketches:
            continue
        src, dst = near.find(p.a), near.find(p.b)
        if src == dst or sketches[best[dst]].rank >= sketches[best[src]].rank:
            continue
        candidate = (-p.score, sketches[best[dst]].rank, dst)
        if src not in parent or candidate < parent[src]:
            parent[src] = candidate
    groups: dict[str, list[str]] = defaultdict(list)
    for root, ids in members.items():
        top = root
        while top in parent:
            top = parent[top][2]
        groups[best[top]].extend(ids)
    return groups, near


def find_duplicates(
    docs: list[Document], signatures: dict[str, list[int]] | None = None
) -> list[DuplicateLink]:
    """Link every copy to its group's canonical (the fullest, cleanest version), sorted by canonical then doc.

    `signatures` maps document ids to stored `signature` values, to skip recomputing them.
    Documents with no words are never linked.
    """
    ids = [d.id for d in docs]
    if len(ids) != len(set(ids)):
        dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
        raise ValueError(f"document ids must be unique; repeated: {', '.join(dupes[:5])}")
    index = CopyIndex()
    index.add(sorted(docs, key=lambda d: d.id), signatures)
    return index.links()


def apply_links(docs: list[Document], links: list[DuplicateLink]) -> None:
    """Write the links onto the documents; documents without a link are reset, so a re-run is idempotent."""
    by_doc = {link.doc: link for link in links}
    for doc in docs:
        link = by_doc.get(doc.id)
        doc.duplicate_of = link.canonical if link else None
        doc.duplicate_kind = link.kind if link else None
        doc.duplicate_score = link.score if link else None


def _pair(sk: Sketch, other: Sketch, mine: np.ndarray, shingles_of: Callable[[str], np.ndarray]) -> CopyPair | None:
    """How a new document relates to a candidate: a near copy, one contained in the other, or neither."""
    if other.digest == sk.digest:
        return CopyPair(*sorted((sk.doc, other.doc)), "near", 1.0)
    theirs = shingles_of(other.doc)
    j = jaccard(mine, theirs)
    part, whole = (sk, other) if sk.rank > other.rank else (other, sk)
    c = containment(mine, theirs) if part is sk else containment(theirs, mine)
    kind = _kind(j, c, part.size)
    if kind == "near":
        return CopyPair(*sorted((sk.doc, other.doc)), "near", round(j, SCORE_DIGITS))
    if kind == "contained":
        return CopyPair(part.doc, whole.doc, "contained", round(c, SCORE_DIGITS))
    return None


class FlatCopyIndex:
    """`CopyIndex` with its postings, digests and document facts in an SQLite file instead of in memory.

    A large corpus holds millions of postings; kept in a table indexed by key, the finder's memory stays
    flat as the corpus grows, while every lookup answers exactly as `_Postings` does (the first
    COMMON_SAMPLE holders of a key are listed, later ones only counted as uninformative). Only each
    document's informative count (four bytes) is kept in memory, for the containment test.
    """

    _BANDS, _SAMPLES = 0, 1
    _LIMIT = 900  # keys per statement, under SQLite's limit on bound values

    def __init__(self, path: str, shingles_of: Callable[[str], np.ndarray]) -> None:
        self.db = sqlite3.connect(path)
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;"
            "CREATE TABLE post (kind INTEGER, key INTEGER, doc INTEGER, PRIMARY KEY (kind, key, doc)) WITHOUT ROWID;"
            "CREATE TABLE sizes (kind INTEGER, key INTEGER, n INTEGER, PRIMARY KEY (kind, key)) WITHOUT ROWID;"
            "CREATE TABLE docs (idx INTEGER PRIMARY KEY, id TEXT UNIQUE, digest TEXT, size INTEGER,"
            " removed INTEGER);"
            "CREATE TABLE digests (digest TEXT PRIMARY KEY, idx INTEGER);")
        self._shingles_of = shingles_of
        self._recent: dict[str, np.ndarray] = {}
        self._count = 0
        self._informative = np.zeros(1024, dtype=np.int32)

    def close(self) -> None:
        self.db.close()

    def load(self, sketches: Iterable[Sketch]) -> None:
        """Index stored documents, comparing nothing."""
        for sk in sketches:
            self._index(sk)
        self.db.commit()

    def add(self, docs: Iterable[Document]) -> tuple[list[Sketch], list[CopyPair]]:
        """Compare each new document with all indexed ones and index it; the sketches made and pairs found."""
        made: list[Sketch] = []
        found: list[CopyPair] = []
        for doc in docs:
            sk, hashes = _sketch_and_shingles(doc)
            if not sk.size:
                continue  # a document with no words is never linked
            self._recent[doc.id] = hashes
            bands, samples = _signed(band_keys(sk.minhash)), _signed(sk.samples)
            sizes = (self._sizes(self._BANDS, bands), self._sizes(self._SAMPLES, samples))
            found.extend(self._compare(sk, bands, samples, sizes))
            self._index(sk, bands, samples, sizes)
            made.append(sk)
        self._recent.clear()
        self.db.commit()
        return made, found

    def _chunks(self, keys: list[int]) -> Iterator[tuple[list[int], str]]:
        for start in range(0, len(keys), self._LIMIT):
            part = keys[start:start + self._LIMIT]
            yield part, ",".join("?" * len(part))

    def _sizes(self, kind: int, keys: list[int]) -> dict[int, int]:
        """How many documents are listed under each key that has any."""
        out: dict[int, int] = {}
        for part, marks in self._chunks(keys):
            out.update(self.db.execute(f"SELECT key, n FROM sizes WHERE kind = ? AND key IN ({marks})", [kind, *part]))
        return out

    def _post(self, kind: int, keys: list[int], idx: int, sizes: dict[int, int]) -> int:
        """List `idx` under each key not yet common; how many those were (as `_Postings.add`)."""
        listed = [key for key in keys if sizes.get(key, 0) < COMMON_SAMPLE]
        self.db.executemany("INSERT INTO post VALUES (?, ?, ?)", [(kind, key, idx) for key in listed])
        self.db.executemany("INSERT INTO sizes VALUES (?, ?, 1) ON CONFLICT (kind, key) DO UPDATE SET n = n + 1",
                            [(kind, key) for key in listed])
        return len(listed)

    def _holders(self, keys: list[int]) -> set[int]:
        """Documents listed under any of these band keys."""
        out: set[int] = set()
        for part, marks in self._chunks(keys):
            out.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT doc FROM post WHERE kind = ? AND key IN ({marks})", [self._BANDS, *part]))
        return out

    def _shared(self, keys: list[int], sizes: dict[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """As `_Postings.shared` over sample keys: holders, keys held, complete keys held, complete keys."""
        complete = sum(1 for key in keys if sizes.get(key, 0) < COMMON_SAMPLE)
        held: Counter = Counter()
        held_complete: Counter = Counter()
        for part, marks in self._chunks([k for k in keys if k in sizes]):
            for doc, n, n_complete in self.db.execute(
                    "SELECT p.doc, COUNT(*), SUM(s.n < ?) FROM post p JOIN sizes s ON s.kind = p.kind AND s.key = p.key"
                    f" WHERE p.kind = ? AND p.key IN ({marks}) GROUP BY p.doc", [COMMON_SAMPLE, self._SAMPLES, *part]):
                held[doc] += n
                held_complete[doc] += n_complete
        holders = np.array(sorted(held), dtype=np.int64)
        return (holders, np.array([held[h] for h in holders.tolist()], dtype=np.int64),
                np.array([held_complete[h] for h in holders.tolist()], dtype=np.int64), complete)

    def _index(self, sk: Sketch, bands: list[int] | None = None, samples: list[int] | None = None,
               sizes: tuple[dict[int, int], dict[int, int]] | None = None) -> None:
        idx = self._count
        self._count += 1
        bands = _signed(band_keys(sk.minhash)) if bands is None else bands
        samples = _signed(sk.samples) if samples is None else samples
        if sizes is None:
            sizes = (self._sizes(self._BANDS, bands), self._sizes(self._SAMPLES, samples))
        self.db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", (idx, sk.doc, sk.digest, sk.size, sk.removed))
        self.db.execute("INSERT OR IGNORE INTO digests VALUES (?, ?)", (sk.digest, idx))
        self._post(self._BANDS, bands, idx, sizes[0])
        informative = self._post(self._SAMPLES, samples, idx, sizes[1])
        if sk.informative < 0:
            sk.informative = informative
        if idx >= len(self._informative):
            self._informative = np.concatenate([self._informative, np.zeros(len(self._informative), np.int32)])
        self._informative[idx] = sk.informative

    def _ids(self, numbers: Iterable[int]) -> list[str]:
        out: list[str] = []
        for part, marks in self._chunks(list(numbers)):
            out += [r[0] for r in self.db.execute(f"SELECT id FROM docs WHERE idx IN ({marks})", part)]
        return out

    def sketch_of(self, doc_id: str) -> Sketch | None:
        """The indexed facts of a document (digest, size, removed), without its arrays."""
        row = self.db.execute("SELECT digest, size, removed FROM docs WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        empty = np.zeros(0, dtype=np.uint64)
        return Sketch(doc_id, row[0], row[1], row[2], empty, empty)

    def _candidates(self, sk: Sketch, bands: list[int], samples: list[int],
                    sizes: tuple[dict[int, int], dict[int, int]]) -> list[str]:
        numbers = self._holders(bands)
        row = self.db.execute("SELECT idx FROM digests WHERE digest = ?", (sk.digest,)).fetchone()
        if row is not None:
            numbers.add(row[0])
        if samples:
            holders, held, held_complete, informative = self._shared(samples, sizes[1])
            inside = held_complete >= CONTAINMENT_CANDIDATE_SHARE * max(1, informative)
            around = held >= CONTAINMENT_CANDIDATE_SHARE * np.maximum(1, self._informative[holders])
            numbers.update(holders[inside | around].tolist())
        return sorted(self._ids(numbers))

    def _compare(self, sk: Sketch, bands: list[int], samples: list[int],
                 sizes: tuple[dict[int, int], dict[int, int]]) -> list[CopyPair]:
        mine = self.shingles(sk.doc)
        pairs = []
        for other_id in self._candidates(sk, bands, samples, sizes):
            other = self.sketch_of(other_id)
            assert other is not None
            pair = _pair(sk, other, mine, self.shingles)
            if pair is not None:
                pairs.append(pair)
        return pairs

    def shingles(self, doc_id: str) -> np.ndarray:
        if doc_id not in self._recent:
            self._recent[doc_id] = self._shingles_of(doc_id)
        return self._recent[doc_id]

    def links(self, pairs: list[CopyPair]) -> list[DuplicateLink]:
        """As `CopyIndex.links`, over the documents that take part in a pair (the others link to nothing)."""
        involved = sorted({d for p in pairs for d in (p.a, p.b)})
        sketches = {d: sk for d in involved if (sk := self.sketch_of(d)) is not None}
        view = CopyIndex(shingles_of=self._shingles_of)
        view.sketches, view.pairs = sketches, pairs
        return view.links()


def _signed(keys: np.ndarray) -> list[int]:
    """64-bit keys as the signed integers SQLite stores."""
    return keys.astype(np.uint64).view(np.int64).tolist()
