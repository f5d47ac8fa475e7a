"""Measure newsgraph's duplicate finder at scale on a synthetic stream with planted copies of known origin.

Base documents are random sequences of real sentences taken from the article bodies of the zyte-articles
ground truth (`<shared>/benchmarks/zyte-articles/ground-truth.json`). About 15% of the stream are copies of
a base, planted at random positions (a copy may come before its original), of six kinds:

- exact: the same words in another layout (extra blank lines and spaces, quote styles swapped);
- rewrite2 / rewrite5: two adjacent sentences swapped and 2% / 5% of the words dropped or replaced;
- half / third: cut short after the first half / third of the words;
- furniture: three short page-furniture lines ("Advertisement", ...) inserted between paragraphs.

Scoring counts pairs in the same group: a planted pair is any two documents of one planted group (an
original and its copies); a predicted pair is any two documents with the same canonical. Each size runs in a
fresh process, so the peak memory reported is that run's own.

    .venv/bin/python bench/dedup_scale.py --sizes 1000,10000 --mode batch
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path

import numpy as np

from newsgraph import dedup
from newsgraph.model import Document

REPO = Path(__file__).resolve().parents[1]
GROUND_TRUTH = Path("benchmarks") / "zyte-articles" / "ground-truth.json"
DEFAULT_SIZES = "1000,10000,100000"
DEFAULT_REWRITE_RATES = "0.02,0.05"
COPY_SHARE = 0.15
SENTENCE_WORDS = (8, 60)
BASE_SENTENCES = (6, 30)
PARAGRAPH_SENTENCES = (1, 3)
# A cut shorter than this is a quotation rather than a copy (the finder ignores parts under 20 shingles).
MIN_CUT_WORDS = 40
# A cut copy whose words lie this much in sentences that one other base also has could be contained in that
# base by chance (sentences recur across bases once the stream outgrows the sentence pool): redraw it.
COVER_LIMIT = 0.6
FURNITURE = (
    "Advertisement", "Share this article", "Read more", "Sign up for our newsletter", "Story continues below",
    "Follow us", "Related stories", "Skip advertisement", "Comments", "Click to share",
)
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+")
_TO_CURLY = str.maketrans({"'": "\u2019"})
_TO_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_STRAIGHT_DOUBLE = re.compile(r'"([^"]*)"')
_WORDS = re.compile(r"\w+")


# =============================================================================================================
# sentences and corpus
# =============================================================================================================


def load_sentences(path: Path) -> list[str]:
    """Distinct sentences of 8-60 words from every article body; sorted, so the pool is the same on every run."""
    pages = json.loads(path.read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for page in pages.values():
        for line in (page.get("articleBody") or "").splitlines():
            for sentence in _SENTENCE_END.split(line.strip()):
                sentence = sentence.strip()
                if SENTENCE_WORDS[0] <= len(sentence.split()) <= SENTENCE_WORDS[1]:
                    seen.setdefault(dedup.normalise(sentence), sentence)
    return sorted(seen.values())


@dataclass
class Planted:
    """One planted copy and the original it was made from."""

    doc: str
    original: str
    kind: str


@dataclass
class Corpus:
    docs: list[Document]  # in stream order
    planted: list[Planted]
    group: dict[str, str]  # doc id -> id of the original of its planted group (an original maps to itself)
    stats: dict[str, float] = field(default_factory=dict)


Paragraphs = list[list[str]]


def _text(paragraphs: Paragraphs) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs)


def _base_sequences(n_bases: int, pool: int, rng: np.random.Generator) -> list[list[int]]:
    """Sentence indices of each base, taken in turn from a stream of shuffled passes over the pool.

    Every sentence is used about equally often and no base repeats a sentence, so any two bases share
    only the few sentences that chance puts in both.
    """
    lengths = rng.integers(BASE_SENTENCES[0], BASE_SENTENCES[1] + 1, size=n_bases)
    passes = int(lengths.sum()) // pool + 2
    stream = np.concatenate([rng.permutation(pool) for _ in range(passes)]).tolist()
    bases, pos = [], 0
    for length in lengths.tolist():
        chosen: list[int] = []
        while len(chosen) < length:
            if stream[pos] not in chosen:
                chosen.append(stream[pos])
            pos += 1
        bases.append(chosen)
    return bases


def _paragraphs(indices: list[int], rng: np.random.Generator) -> list[list[int]]:
    """Group a base's sentences into paragraphs of one to three sentences."""
    out, pos = [], 0
    while pos < len(indices):
        size = int(rng.integers(PARAGRAPH_SENTENCES[0], PARAGRAPH_SENTENCES[1] + 1))
        out.append(indices[pos:pos + size])
        pos += size
    return out


def exact_copy(paragraphs: Paragraphs, rng: np.random.Generator) -> str:
    """The same words in another layout: blank lines, spaces and line breaks added, quote styles swapped."""
    def restyle(sentence: str) -> str:
        if "\u2019" in sentence or "\u201c" in sentence:
            return sentence.translate(_TO_STRAIGHT)
        return _STRAIGHT_DOUBLE.sub("\u201c\\1\u201d", sentence).translate(_TO_CURLY)

    paragraph_gaps = ("\n\n\n", "\n \n\n", "\n\t\n")
    sentence_gaps = (" ", "  ", "\n")
    parts = []
    for paragraph in paragraphs:
        text = restyle(paragraph[0])
        for sentence in paragraph[1:]:
            text += sentence_gaps[int(rng.integers(len(sentence_gaps)))] + restyle(sentence)
        parts.append(text)
    body = parts[0]
    for part in parts[1:]:
        body += paragraph_gaps[int(rng.integers(len(paragraph_gaps)))] + part
    return "\n  " + body + "  \n"


def rewrite(paragraphs: Paragraphs, rate: float, vocab: list[str], rng: np.random.Generator) -> str:
    """Swap two adjacent sentences, then drop or replace `rate` of the words at random places."""
    sentences = [s for p in paragraphs for s in p]
    sizes = [len(p) for p in paragraphs]
    k = int(rng.integers(len(sentences) - 1))
    sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
    tokens = [s.split() for s in sentences]
    flat = [(i, j) for i, toks in enumerate(tokens) for j in range(len(toks))]
    edits = max(1, round(rate * len(flat)))
    for pick in sorted(rng.choice(len(flat), size=edits, replace=False).tolist(), reverse=True):
        i, j = flat[pick]
        if rng.random() < 0.5:
            del tokens[i][j]
        else:
            tokens[i][j] = vocab[int(rng.integers(len(vocab)))]
    joined = [" ".join(toks) for toks in tokens]
    out, pos = [], 0
    for size in sizes:
        out.append(joined[pos:pos + size])
        pos += size
    return _text(out)


def cut_copy(paragraphs: Paragraphs, share: float) -> str:
    """The first `share` of the words (a truncated feed item: it may stop inside a sentence)."""
    keep = round(share * sum(len(s.split()) for p in paragraphs for s in p))
    out: Paragraphs = []
    for paragraph in paragraphs:
        kept: list[str] = []
        for sentence in paragraph:
            toks = sentence.split()
            if keep <= 0:
                break
            kept.append(" ".join(toks[:keep]))
            keep -= len(toks)
        if kept:
            out.append(kept)
        if keep <= 0:
            break
    return _text(out)


def furniture_copy(paragraphs: Paragraphs, rng: np.random.Generator) -> str:
    """Three short furniture lines inserted at paragraph boundaries (top and end included)."""
    lines = [FURNITURE[i] for i in rng.choice(len(FURNITURE), size=3, replace=False).tolist()]
    blocks = [" ".join(p) for p in paragraphs]
    slots = sorted(rng.choice(len(blocks) + 1, size=3, replace=len(blocks) + 1 < 3).tolist(), reverse=True)
    for slot, line in zip(slots, lines, strict=True):
        blocks.insert(slot, line)
    return "\n\n".join(blocks)


def _kinds(rewrite_rates: list[float]) -> list[str]:
    return ["exact", *[f"rewrite{round(rate * 100)}" for rate in rewrite_rates], "half", "third", "furniture"]


class _CutGuard:
    """Says whether a cut copy of a base might be contained by chance in another base (see COVER_LIMIT)."""

    def __init__(self, bases: list[list[int]], sentence_words: list[int]) -> None:
        self.bases = bases
        self.words = sentence_words
        self.postings: dict[int, list[int]] = defaultdict(list)
        for b, sentences in enumerate(bases):
            for s in sentences:
                self.postings[s].append(b)

    def safe(self, base: int, order: list[int], share: float) -> bool:
        keep = round(share * sum(self.words[s] for s in order))
        if keep < MIN_CUT_WORDS:
            return False
        covered: Counter[int] = Counter()
        left = keep
        for s in order:
            if left <= 0:
                break
            part = min(left, self.words[s])
            for other in self.postings[s]:
                if other != base:
                    covered[other] += part
            left -= self.words[s]
        return not covered or max(covered.values()) < COVER_LIMIT * keep


def build_corpus(sentences: list[str], n: int, seed: int = 7,
                 rewrite_rates: tuple[float, ...] = (0.02, 0.05)) -> Corpus:
    """A stream of n documents, COPY_SHARE of them planted copies spread evenly over the kinds."""
    rng = np.random.default_rng(seed)
    kinds = _kinds(list(rewrite_rates))
    n_copies = round(n * COPY_SHARE)
    n_bases = n - n_copies
    sequences = _base_sequences(n_bases, len(sentences), rng)
    paragraphs = [[[sentences[s] for s in p] for p in _paragraphs(seq, rng)] for seq in sequences]
    vocab = sorted({w for s in sentences for w in s.split()})
    guard = _CutGuard(sequences, [len(s.split()) for s in sentences])
    shares = {"half": 1 / 2, "third": 1 / 3}
    makers: dict[str, Callable[[Paragraphs], str]] = {
        "exact": lambda p: exact_copy(p, rng),
        "half": lambda p: cut_copy(p, shares["half"]),
        "third": lambda p: cut_copy(p, shares["third"]),
        "furniture": lambda p: furniture_copy(p, rng),
    }
    for rate in rewrite_rates:
        makers[f"rewrite{round(rate * 100)}"] = lambda p, rate=rate: rewrite(p, rate, vocab, rng)
    texts = [_text(p) for p in paragraphs]
    origin: list[int] = list(range(n_bases))  # base index each document comes from
    copy_kind: list[str | None] = [None] * n_bases
    redrawn = 0
    for i in range(n_copies):
        kind = kinds[i % len(kinds)]
        base = int(rng.integers(n_bases))
        while kind in shares and not guard.safe(base, sequences[base], shares[kind]):
            redrawn += 1
            if redrawn > 100 * n_copies:
                raise ValueError("no base is long enough and distinct enough to cut; the sentence pool is too small")
            base = int(rng.integers(n_bases))
        texts.append(makers[kind](paragraphs[base]))
        origin.append(base)
        copy_kind.append(kind)
    order = rng.permutation(n).tolist()
    width = len(str(n - 1))
    ids = [""] * n
    for position, item in enumerate(order):
        ids[item] = f"d{position:0{width}d}"
    docs = [Document(id=ids[item], source=f"synthetic/{ids[item]}", text=texts[item], removed_lines=[])
            for item in order]
    planted = [Planted(ids[item], ids[origin[item]], copy_kind[item] or "")
               for item in range(n_bases, n)]
    group = {ids[item]: ids[origin[item]] for item in range(n)}
    draws = sum(len(seq) for seq in sequences)
    stats = {"pool": len(sentences), "bases": n_bases, "copies": n_copies, "cut_redrawn": redrawn,
             "sentence_reuse": draws / len(sentences)}
    return Corpus(docs, sorted(planted, key=lambda p: p.doc), group, stats)


# =============================================================================================================
# scoring
# =============================================================================================================


@dataclass
class Score:
    precision: float
    recall: float
    predicted_pairs: int
    true_pairs: int
    planted_pairs: int
    recall_by_kind: dict[str, float]
    planted_by_kind: dict[str, int]
    wrong_joins: int  # pairs of planted groups the finder put together
    wrong_joins_with_overlap: int  # of those, joins where two texts really pass a finder threshold
    rewrite_jaccard: dict[str, float]  # median 5-shingle Jaccard of each rewrite kind to its original


def canonical_map(docs: list[Document], links: list[dedup.DuplicateLink]) -> dict[str, str]:
    """Each document's canonical (itself when it is not a copy), following chains to their end."""
    parent = {d.id: d.id for d in docs}
    for link in links:
        parent[link.doc] = link.canonical
    out = {}
    for doc_id in parent:
        top, seen = doc_id, {doc_id}
        while parent[top] != top and parent[top] not in seen:
            top = parent[top]
            seen.add(top)
        out[doc_id] = top
    return out


def text_shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Word 5-shingles by the benchmark's own simple rule (case folded `\\w+` words), independent of the finder."""
    tokens = _WORDS.findall(text.casefold())
    size = dedup.SHINGLE_WORDS
    if len(tokens) < size:
        return frozenset([tuple(tokens)]) if tokens else frozenset()
    return frozenset(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _overlaps(a: frozenset, b: frozenset) -> bool:
    """Whether two texts pass the finder's near or containment threshold, i.e. the corpus itself made them copies."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return (_jaccard(a, b) >= dedup.NEAR_THRESHOLD
            or (len(small) >= dedup.MIN_CONTAINED_SHINGLES
                and len(small & big) / len(small) >= dedup.CONTAINMENT_THRESHOLD))


def score(corpus: Corpus, links: list[dedup.DuplicateLink]) -> Score:
    """Pair precision and recall over groups, per-kind recall of planted links, and what the wrong joins were."""
    canon = canonical_map(corpus.docs, links)
    predicted: dict[str, list[str]] = defaultdict(list)
    for doc_id, top in canon.items():
        predicted[top].append(doc_id)
    planted_sizes = Counter(corpus.group.values())
    planted_pairs = sum(s * (s - 1) // 2 for s in planted_sizes.values())
    predicted_pairs = true_pairs = wrong = wrong_overlap = 0
    text = {d.id: d.text for d in corpus.docs}
    for members in predicted.values():
        predicted_pairs += len(members) * (len(members) - 1) // 2
        labels: dict[str, list[str]] = defaultdict(list)
        for doc_id in members:
            labels[corpus.group[doc_id]].append(doc_id)
        true_pairs += sum(len(ids) * (len(ids) - 1) // 2 for ids in labels.values())
        for left, right in combinations(sorted(labels), 2):
            wrong += 1
            sketches = {d: text_shingles(text[d]) for d in labels[left] + labels[right]}
            if any(_overlaps(sketches[a], sketches[b]) for a in labels[left] for b in labels[right]):
                wrong_overlap += 1
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    jaccards: dict[str, list[float]] = defaultdict(list)
    for p in corpus.planted:
        total[p.kind] += 1
        found[p.kind] += canon[p.doc] == canon[p.original]
        if p.kind.startswith("rewrite"):
            jaccards[p.kind].append(_jaccard(text_shingles(text[p.doc]), text_shingles(text[p.original])))
    return Score(
        precision=true_pairs / predicted_pairs if predicted_pairs else 1.0,
        recall=true_pairs / planted_pairs if planted_pairs else 1.0,
        predicted_pairs=predicted_pairs, true_pairs=true_pairs, planted_pairs=planted_pairs,
        recall_by_kind={k: found[k] / total[k] for k in total},
        planted_by_kind=dict(total),
        wrong_joins=wrong, wrong_joins_with_overlap=wrong_overlap,
        rewrite_jaccard={k: float(np.median(v)) for k, v in jaccards.items()},
    )


# =============================================================================================================
# one size, in its own process
# =============================================================================================================


def copy_index_available() -> bool:
    return hasattr(dedup, "CopyIndex")


def run_batch(docs: list[Document]) -> tuple[list[dedup.DuplicateLink], list[dict[str, float]]]:
    return dedup.find_duplicates(docs), []


def run_incremental(docs: list[Document], batch: int) -> tuple[list[dedup.DuplicateLink], list[dict[str, float]]]:
    """Feed the stream in batches and read the links after each, as a store adding documents would.

    Reading the links is timed too, so work an index defers until asked still shows where it is done.
    """
    index = dedup.CopyIndex()
    steps = []
    links: list[dedup.DuplicateLink] = []
    for start in range(0, len(docs), batch):
        chunk = docs[start:start + batch]
        t0 = time.perf_counter()
        index.add(chunk)
        t1 = time.perf_counter()
        links = index.links()
        t2 = time.perf_counter()
        steps.append({"start": start, "docs": len(chunk), "add": t1 - t0, "links": t2 - t1})
    return links, steps


def deciles(steps: list[dict[str, float]], n: int, parts: tuple[str, ...] = ("add", "links")) -> list[float | None]:
    """Seconds per 1000 documents in each tenth of the stream (a batch counts where its middle falls)."""
    seconds, counted = [0.0] * 10, [0] * 10
    for step in steps:
        tenth = min(9, int((step["start"] + step["docs"] / 2) * 10 // n))
        seconds[tenth] += sum(step[part] for part in parts)
        counted[tenth] += int(step["docs"])
    return [seconds[i] / counted[i] * 1000 if counted[i] else None for i in range(10)]


def finder_fingerprint() -> str:
    """Start of the sha256 of the finder's source, so figures can be tied to the code that made them."""
    return hashlib.sha256(Path(dedup.__file__).read_bytes()).hexdigest()[:12]


def measure(sentences: list[str], n: int, mode: str, batch: int, seed: int,
            rewrite_rates: tuple[float, ...]) -> dict:
    """Build the corpus, time the finder on it, score it; everything the parent prints for one size."""
    t0 = time.perf_counter()
    corpus = build_corpus(sentences, n, seed, rewrite_rates)
    built = time.perf_counter() - t0
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    links, steps = run_incremental(corpus.docs, batch) if mode == "incremental" else run_batch(corpus.docs)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = score(corpus, links)
    return {"n": n, "mode": mode, "seconds": seconds, "build_seconds": built, "rss_before_mb": rss_before,
            "peak_rss_mb": peak, "corpus": corpus.stats, "score": asdict(result),
            "deciles_add": deciles(steps, n, ("add",)) if steps else None,
            "deciles": deciles(steps, n) if steps else None,
            "links_seconds": sum(step["links"] for step in steps)}


# =============================================================================================================
# report
# =============================================================================================================


def _cell(value: float | None, fmt: str) -> str:
    return "-" if value is None else format(value, fmt)


def report(results: list[dict], kinds: list[str]) -> None:
    head = f"{'docs':>7} {'P':>6} {'R':>6} " + " ".join(f"{k:>9}" for k in kinds)
    head += f" {'s total':>8} {'s/1k docs':>9} {'peak MB':>8}"
    print(head)
    for r in results:
        s = r["score"]
        row = f"{r['n']:>7} {s['precision']:>6.3f} {s['recall']:>6.3f} "
        row += " ".join(f"{_cell(s['recall_by_kind'].get(k), '.3f'):>9}" for k in kinds)
        row += f" {r['seconds']:>8.1f} {r['seconds'] / r['n'] * 1000:>9.3f} {r['peak_rss_mb']:>8.0f}"
        print(row)
    print()
    for r in results:
        s, c = r["score"], r["corpus"]
        planted = ", ".join(f"{k} {s['planted_by_kind'].get(k, 0)}" for k in kinds)
        jac = ", ".join(f"{k} {v:.3f}" for k, v in sorted(s["rewrite_jaccard"].items()))
        print(f"n={r['n']}: {c['bases']} bases + {c['copies']} copies ({planted}); each sentence in "
              f"{c['sentence_reuse']:.1f} bases on average; {c['cut_redrawn']} cut originals redrawn")
        print(f"  pairs: planted {s['planted_pairs']}, predicted {s['predicted_pairs']}, true {s['true_pairs']}; "
              f"wrong joins {s['wrong_joins']} ({s['wrong_joins_with_overlap']} where the texts really overlap)")
        print(f"  median Jaccard of rewrites to their original: {jac or '-'}")
        common = getattr(dedup, "COMMON_SAMPLE", None)
        if common is not None and c["sentence_reuse"] > common:
            print(f"  note: sentences recur in more documents than the finder's COMMON_SAMPLE ({common}), beyond "
                  "which it takes shingles for stock phrasing; containment recall here reflects that, not only scale")
        print(f"  corpus built in {r['build_seconds']:.1f} s; RSS before the finder {r['rss_before_mb']:.0f} MB")
        if r["deciles"]:
            print("  s per 1000 docs by tenth of the stream (add):       "
                  + " ".join(_cell(v, ".3f") for v in r["deciles_add"]))
            print("  s per 1000 docs by tenth of the stream (add+links): "
                  + " ".join(_cell(v, ".3f") for v in r["deciles"]))
            print(f"  links() after every batch: {r['links_seconds']:.1f} s of the {r['seconds']:.1f} s")
    for before, after in zip(results, results[1:], strict=False):
        ratio = (after["seconds"] / after["n"]) / (before["seconds"] / before["n"])
        print(f"time per doc, {before['n']} -> {after['n']} docs: x{ratio:.2f}")


def _spawn(args: argparse.Namespace, n: int, mode: str) -> dict:
    """One size in a fresh interpreter, so its peak RSS is its own."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", str(n), "--mode", mode,
           "--batch", str(args.batch), "--seed", str(args.seed), "--shared", str(args.shared),
           "--rewrite-rates", args.rewrite_rates]
    run = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"size {n} failed with exit code {run.returncode}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated stream sizes (default: %(default)s)")
    parser.add_argument("--mode", choices=["batch", "incremental"], default=None,
                        help="find_duplicates on the whole stream, or CopyIndex fed in batches "
                             "(default: incremental when CopyIndex exists)")
    parser.add_argument("--batch", type=int, default=1000, help="documents per CopyIndex.add (incremental mode)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rewrite-rates", default=DEFAULT_REWRITE_RATES,
                        help="share of words edited in each rewrite kind (default: %(default)s)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="folder holding benchmarks/ (default: ../shared beside the repository)")
    parser.add_argument("--one", type=int, default=0, help=argparse.SUPPRESS)  # a single size, as JSON
    args = parser.parse_args(argv)
    truth = args.shared / GROUND_TRUTH
    if not truth.is_file():
        print(f"benchmark data not found: {truth}; pass --shared PATH to the folder holding benchmarks/",
              file=sys.stderr)
        return 2
    mode = args.mode or ("incremental" if copy_index_available() else "batch")
    if mode == "incremental" and not copy_index_available():
        print("newsgraph.dedup has no CopyIndex yet; use --mode batch", file=sys.stderr)
        return 2
    rates = tuple(float(r) for r in args.rewrite_rates.split(",") if r.strip())
    if args.one:
        sentences = load_sentences(truth)
        print(json.dumps(measure(sentences, args.one, mode, args.batch, args.seed, rates)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    sentences = load_sentences(truth)
    print(f"sentence pool: {len(sentences)} distinct sentences of {SENTENCE_WORDS[0]}-{SENTENCE_WORDS[1]} words "
          f"from {truth}", flush=True)
    print(f"finder: newsgraph/dedup.py sha256 {finder_fingerprint()}; mode {mode}"
          + (f", batches of {args.batch}" if mode == "incremental" else ""), flush=True)
    results = []
    for n in sizes:
        results.append(_spawn(args, n, mode))
        print(f"  done: {n} docs in {results[-1]['seconds']:.1f} s", file=sys.stderr)
    report(results, _kinds(list(rates)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
