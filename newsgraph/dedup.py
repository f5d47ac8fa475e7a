"""Deduplicate: find exact copies, near copies and cut-short copies, and link each to one canonical.

The same wire story runs in many outlets, and a single outlet often has the same
article twice (raw page and clean feed, full and truncated). Facts must be
counted once, yet every version is kept, so each copy is linked to the fullest,
cleanest version of its group instead of being dropped.

Three tests, all over the same normalised word sequence (case folded, quote
styles unified, punctuation and whitespace folded away, so bullets, dashes and
line breaks do not matter):

- exact: the same sha256 of the normalised text;
- near: MinHash LSH over word 5-shingles finds candidates, the exact Jaccard of
  the shingle sets confirms them (>= NEAR_THRESHOLD);
- contained: MinHash LSH Ensemble finds documents that may contain most of a
  shorter one, the exact share of the shorter one's shingles found in the
  longer one confirms it (>= CONTAINMENT_THRESHOLD).

Near and exact copies are symmetric and are merged transitively. Containment is
not: an excerpt quoted inside two different articles must not make those two
articles copies of each other, so a document only ever hangs below the single
best document that contains it.

`signature` is kept separate so that a store can persist MinHash signatures and
reuse them when documents are added later.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH, MinHashLSHEnsemble

from newsgraph.model import Document

SHINGLE_WORDS = 5
NUM_PERM = 128
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # persisted signatures are only comparable under the same scheme
NEAR_THRESHOLD = 0.8  # exact Jaccard of shingle sets for a near copy
CONTAINMENT_THRESHOLD = 0.8  # share of the shorter text's shingles found in the longer one
# Candidate searches use lower thresholds than the verification, because MinHash
# estimates are noisy and a missed candidate can never be recovered later.
NEAR_CANDIDATE_THRESHOLD = 0.6
CONTAINMENT_CANDIDATE_THRESHOLD = 0.4
ENSEMBLE_PARTITIONS = 16
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


@dataclass
class _Sketch:
    """What the comparisons need of one document, computed once."""

    doc: Document
    digest: str
    shingles: frozenset[int]
    minhash: MinHash

    @property
    def size(self) -> int:
        return len(self.shingles)


def normalise(text: str) -> str:
    """Fold everything that differs between copies of one article but not its wording."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    """The normalised word sequence that all three tests compare."""
    return normalise(text).split()


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


def shingles(text: str) -> frozenset[int]:
    """Hashes of the word 5-shingles; a text shorter than one shingle is one shingle of all its words.

    Words are hashed once each and combined with wrapping 64-bit arithmetic, which
    is much faster than hashing every shingle string and just as stable.
    """
    seq = words(text)
    if not seq:
        return frozenset()
    if len(seq) < SHINGLE_WORDS:
        return frozenset({_stable_hash(" ".join(seq))})
    vocab = {w: _stable_hash(w) for w in set(seq)}
    word_hashes = np.array([vocab[w] for w in seq], dtype=np.uint64)
    last = len(seq) - SHINGLE_WORDS + 1
    combined = np.zeros(last, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE_WORDS):
            combined = combined * np.uint64(_SHINGLE_BASE) + word_hashes[k:k + last]
        combined = _mix(combined)
    return frozenset(combined.tolist())


def _low32(value: int) -> int:
    """Feed the 64-bit shingle hashes to MinHash's 32-bit permutations."""
    return value & 0xFFFFFFFF


def _minhash_of(shingle_set: Iterable[int]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=_low32, scheme=MINHASH_SCHEME)
    mh.update_batch(list(shingle_set))
    return mh


def signature(text: str) -> list[int]:
    """The MinHash hash values of a text's shingles, as plain ints a store can persist."""
    return [int(v) for v in _minhash_of(shingles(text)).hashvalues]


def minhash_from_signature(values: list[int]) -> MinHash:
    """Rebuild a MinHash from a persisted signature."""
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashvalues=values, scheme=MINHASH_SCHEME)


def text_digest(text: str) -> str:
    """sha256 of the normalised text: equal for exact copies whatever their layout or quote style."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def _sketch(doc: Document, stored: list[int] | None) -> _Sketch:
    """Shingles are always recomputed (the checks are exact); a stored signature saves the MinHash."""
    shingle_set = shingles(doc.text)
    mh = minhash_from_signature(stored) if stored and len(stored) == NUM_PERM else _minhash_of(shingle_set)
    return _Sketch(doc, text_digest(doc.text), shingle_set, mh)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def containment(part: frozenset[int], whole: frozenset[int]) -> float:
    """Share of `part`'s shingles that are also in `whole`."""
    return len(part & whole) / len(part) if part else 0.0


def _rank(s: _Sketch) -> tuple[int, int, str]:
    """Sort key of the canonical choice: fullest first, then least furniture removed, then id."""
    return (-s.size, len(s.doc.removed_lines), s.doc.id)


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


def _near_pairs(sketches: dict[str, _Sketch]) -> set[tuple[str, str]]:
    """Exact and near copies: same digest, or LSH candidates whose exact Jaccard passes."""
    pairs: set[tuple[str, str]] = set()
    by_digest: dict[str, list[str]] = defaultdict(list)
    for doc_id, s in sketches.items():
        by_digest[s.digest].append(doc_id)
    for ids in by_digest.values():
        ids.sort()
        pairs.update((ids[0], other) for other in ids[1:])
    lsh = MinHashLSH(threshold=NEAR_CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    for doc_id in sorted(sketches):
        lsh.insert(doc_id, sketches[doc_id].minhash)
    for doc_id in sorted(sketches):
        mine = sketches[doc_id].shingles
        for other in lsh.query(sketches[doc_id].minhash):
            if other > doc_id and jaccard(mine, sketches[other].shingles) >= NEAR_THRESHOLD:
                pairs.add((doc_id, other))
    return pairs


def _containment_edges(sketches: dict[str, _Sketch]) -> list[tuple[str, str, float]]:
    """(part, whole, containment) for every document most of whose shingles lie in a fuller one."""
    ensemble = MinHashLSHEnsemble(
        threshold=CONTAINMENT_CANDIDATE_THRESHOLD, num_perm=NUM_PERM, num_part=ENSEMBLE_PARTITIONS)
    ensemble.index((doc_id, s.minhash, s.size) for doc_id, s in sorted(sketches.items()))
    edges = []
    for doc_id in sorted(sketches):
        part = sketches[doc_id]
        if part.size < MIN_CONTAINED_SHINGLES:
            continue
        for other in sorted(set(ensemble.query(part.minhash, part.size))):
            whole = sketches[other]
            if other == doc_id or _rank(whole) >= _rank(part):
                continue  # only ever hang below a fuller document, so no cycle can form
            score = containment(part.shingles, whole.shingles)
            if score >= CONTAINMENT_THRESHOLD:
                edges.append((doc_id, other, score))
    return edges


def _groups(sketches: dict[str, _Sketch]) -> tuple[dict[str, list[str]], _UnionFind]:
    """Final groups keyed by their canonical document (near groups, then containment trees on top),
    and the near groups themselves."""
    near = _UnionFind(sketches)
    for a, b in _near_pairs(sketches):
        near.union(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(sketches):
        members[near.find(doc_id)].append(doc_id)
    best = {root: min(ids, key=lambda i: _rank(sketches[i])) for root, ids in members.items()}
    # each near group hangs below the one fuller group that contains it best
    parent: dict[str, tuple[float, tuple[int, int, str], str]] = {}
    for part, whole, score in _containment_edges(sketches):
        src, dst = near.find(part), near.find(whole)
        if src == dst or _rank(sketches[best[dst]]) >= _rank(sketches[best[src]]):
            continue
        candidate = (-score, _rank(sketches[best[dst]]), dst)
        if src not in parent or candidate < parent[src]:
            parent[src] = candidate
    groups: dict[str, list[str]] = defaultdict(list)
    for root, ids in members.items():
        top = root
        while top in parent:
            top = parent[top][2]
        groups[best[top]].extend(ids)
    return groups, near


def _link(member: _Sketch, canonical: _Sketch, same_near_group: bool) -> DuplicateLink:
    """Describe a member by its direct relation to the canonical, not by the chain that joined them."""
    doc, canon = member.doc.id, canonical.doc.id
    if member.digest == canonical.digest:
        return DuplicateLink(doc, canon, "exact", 1.0)
    j = jaccard(member.shingles, canonical.shingles)
    c = containment(member.shingles, canonical.shingles)
    if j >= NEAR_THRESHOLD or (same_near_group and c < CONTAINMENT_THRESHOLD):
        return DuplicateLink(doc, canon, "near", round(j, SCORE_DIGITS))
    return DuplicateLink(doc, canon, "contained", round(c, SCORE_DIGITS))


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
    stored = signatures or {}
    sketches = {d.id: _sketch(d, stored.get(d.id)) for d in docs}
    sketches = {doc_id: s for doc_id, s in sketches.items() if s.size}
    if len(sketches) < 2:
        return []
    groups, near = _groups(sketches)
    links = []
    for canon_id, members in groups.items():
        canonical = sketches[canon_id]
        for doc_id in members:
            if doc_id != canon_id:
                links.append(_link(sketches[doc_id], canonical, near.find(doc_id) == near.find(canon_id)))
    return sorted(links, key=lambda link: (link.canonical, link.doc))


def apply_links(docs: list[Document], links: list[DuplicateLink]) -> None:
    """Write the links onto the documents; documents without a link are reset, so a re-run is idempotent."""
    by_doc = {link.doc: link for link in links}
    for doc in docs:
        link = by_doc.get(doc.id)
        doc.duplicate_of = link.canonical if link else None
        doc.duplicate_kind = link.kind if link else None
        doc.duplicate_score = link.score if link else None
