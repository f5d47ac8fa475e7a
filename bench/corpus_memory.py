"""Measure the corpus stage alone (duplicates, actor resolution, disagreements, stories) as the store grows.

A store of N documents is made by replicating the stored rows of a real build: the seed corpus
(`<shared>/corpus/seeds`) and `examples/` are built once with `newsgraph build`, then each replica copies
every document row and its fact rows (mentions, quotes, relations, events, claims, document-local actors)
under new document ids. Replicas are changed so that they behave like other articles, not copies:

- names (capitalised words that are not stop words) get their second and last letters from the replica,
  one of 676 variants, in texts and in every fact that quotes them; actor ids get the same suffix, so each replica
  names its own actors and the single words stop growing once every variant is used (pairs of adjacent words
  keep growing: the swaps below make new ones in every replica, as new articles do);
- about one lowercase word in three (drawn per replica) is swapped for a word of the same length from the
  seed vocabulary, so replicas are not near copies of each other (copies among the seeds stay copies);
- full publication dates move one day per replica.

Every change keeps lengths, so the character spans of facts still point at the same words. Rows are written
straight through the store's tables (no spaCy). Each size then runs `corpus_stage` in a fresh process, which
reports its seconds and its peak resident memory (`resource.getrusage`).

    .venv/bin/python bench/corpus_memory.py --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from sqlalchemy import insert, select

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = "1000,10000,100000"
DEFAULT_WORK = Path("/tmp/newsgraph-corpus-memory")
VARIANTS = 26 * 26
SWAP_EVERY = 3
BATCH_DOCS = 2000
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
_WORD = re.compile(r"\b[a-z]{4,}\b")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# Fact fields that hold document-local actor ids, per table.
_ACTOR_FIELDS = {"mentions": ("actor",), "quotes": ("speaker",), "relations": ("source", "target"),
                 "events": ("source", "target")}


@dataclasses.dataclass
class Seed:
    """The stored rows of one seed document."""

    doc: dict[str, Any]
    facts: dict[str, list[dict[str, Any]]]
    actors: list[dict[str, Any]]


def build_seed_store(paths: list[Path], db: Path) -> None:
    """Run the real build once over the seed inputs (cached: the same db is reused)."""
    if db.exists():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    cli = Path(sys.executable).parent / "newsgraph"
    run = subprocess.run([str(cli), "build", *map(str, paths), "--db", str(db)], capture_output=True, text=True)
    if run.returncode != 0:
        db.unlink(missing_ok=True)
        raise SystemExit(f"seed build failed:\n{run.stderr[-2000:]}")


def load_seeds(db: Path) -> list[Seed]:
    """Every document row of a store with its fact and local-actor rows (row ids dropped)."""
    from newsgraph import store as st

    source = st.Store(str(db))
    fact_tables = {t.name: t for t in st.FACT_TABLES.values()}
    with source.engine.connect() as conn:
        docs = [dict(r) for r in conn.execute(select(st.documents).order_by(st.documents.c.id)).mappings()]
        facts: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for name, table in fact_tables.items():
            for r in conn.execute(select(table).order_by(table.c.row_id)).mappings():
                row = {k: v for k, v in r.items() if k != "row_id"}
                facts[row["doc"]][name].append(row)
        local: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in conn.execute(select(st.doc_actors)).mappings():
            local[r["doc"]].append(dict(r))
    source.close()
    return [Seed(d, dict(facts[d["id"]]), local[d["id"]]) for d in docs]


class Replicator:
    """Turns seed rows into the rows of replica r (see the module docstring for what changes)."""

    def __init__(self, seeds: list[Seed]) -> None:
        self.seeds = seeds
        vocabulary = sorted({w for s in seeds for w in _WORD.findall(s.doc["text"]) if w not in STOP_WORDS})
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for w in vocabulary:
            self.by_length[len(w)].append(w)
        self._swaps: tuple[int, dict[str, str]] = (-1, {})

    def names(self, value: str | None, tag: str) -> str | None:
        """Each name ends in the replica's two letters; lengths are kept."""
        if not value:
            return value
        return _NAME.sub(lambda m: m.group() if m.group().lower() in STOP_WORDS else _tagged(m.group(), tag), value)

    def text(self, value: str, tag: str, swaps: dict[str, str]) -> str:
        """Names tagged and about one lowercase word in three swapped for another word of the same length."""
        return _WORD.sub(lambda m: swaps.get(m.group(), m.group()), self.names(value, tag) or "")

    def swaps(self, replica: int) -> dict[str, str]:
        """The replica's word swaps: the same in all its documents, so copies among the seeds stay copies."""
        if self._swaps[0] != replica:
            rng = random.Random(replica)
            table = {w: rng.choice(pool) for pool in self.by_length.values() for w in pool
                     if rng.random() * SWAP_EVERY < 1}
            self._swaps = (replica, table)
        return self._swaps[1]

    def rows(self, replica: int, seed: Seed) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], list[dict]]:
        v = replica % VARIANTS
        tag = _LETTERS[v // 26] + _LETTERS[v % 26]
        new_id = f"r{replica:06d}-{seed.doc['id']}"
        swaps = self.swaps(replica)
        doc = dict(seed.doc, id=new_id, source=f"{seed.doc['source']}#r{replica}",
                   text=self.text(seed.doc["text"], tag, swaps), title=self.names(seed.doc["title"], tag),
                   published=shift_date(seed.doc["published"], replica), duplicate_of=None,
                   duplicate_kind=None, duplicate_score=None)
        facts = {name: [self._fact(name, row, new_id, tag, swaps) for row in rows] for name, rows in seed.facts.items()}
        actors = []
        for row in seed.actors:
            data = json.loads(row["data"])
            data.update(id=actor_id(data["id"], tag), name=self.names(data["name"], tag),
                        description=self.names(data.get("description"), tag), docs=[new_id],
                        aliases=[self.names(a, tag) for a in data.get("aliases", [])])
            actors.append({"doc": new_id, "id": actor_id(row["id"], tag), "data": json.dumps(data)})
        return doc, facts, actors

    def _fact(self, table: str, row: dict[str, Any], doc_id: str, tag: str, swaps: dict[str, str]) -> dict[str, Any]:
        out = {}
        for key, value in row.items():
            if key == "doc":
                out[key] = doc_id
            elif key in _ACTOR_FIELDS.get(table, ()):
                out[key] = actor_id(value, tag)
            elif key in {"text", "evidence", "speaker_text", "subject"} and isinstance(value, str):
                out[key] = self.text(value, tag, swaps)  # the words of the text they were taken from
            else:
                out[key] = value
        return out


def _tagged(name: str, tag: str) -> str:
    """The second and last letters replaced: variants of one name spread over many spelling blocks, as the
    names of a large corpus do, instead of all sharing a start or an end."""
    return name[0] + tag[0] + name[2:-1] + tag[1]


def actor_id(value: str | None, tag: str) -> str | None:
    return f"{value}-{tag}" if value else value


def shift_date(published: str | None, days: int) -> str | None:
    m = _DATE.match(published or "")
    if not m:
        return published
    moved = date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + timedelta(days=days)
    return moved.isoformat() + (published or "")[10:]


def replicated(rep: Replicator, size: int) -> Iterator[tuple[dict[str, Any], dict[str, list[dict]], list[dict]]]:
    for n in range(size):
        replica, k = divmod(n, len(rep.seeds))
        yield rep.rows(replica, rep.seeds[k])


def make_store(seeds: list[Seed], size: int, db: Path, log: Callable[[str], None] = print) -> float:
    """A store of `size` replicated documents, written in batches; returns the seconds it took."""
    from newsgraph import store as st

    start = time.perf_counter()
    db.unlink(missing_ok=True)
    target = st.Store(str(db))
    tables = {t.name: t for t in st.FACT_TABLES.values()}
    batch: list[tuple[dict, dict, list]] = []

    def flush() -> None:
        with target.transaction() as conn:
            conn.execute(insert(st.documents), [b[0] for b in batch])
            for name, table in tables.items():
                rows = [r for b in batch for r in b[1].get(name, [])]
                if rows:
                    conn.execute(insert(table), rows)
            rows = [r for b in batch for r in b[2]]
            if rows:
                conn.execute(insert(st.doc_actors), rows)
        batch.clear()

    for item in replicated(Replicator(seeds), size):
        batch.append(item)
        if len(batch) >= BATCH_DOCS:
            flush()
    if batch:
        flush()
    target.close()
    seconds = time.perf_counter() - start
    log(f"  made {size} documents in {seconds:.1f} s")
    return seconds


def run_child(db: Path) -> dict[str, float]:
    """The corpus stage over a store, in this process; its seconds and peak resident MB."""
    from newsgraph.pipeline import corpus_stage
    from newsgraph.store import Store

    store = Store(str(db))
    start = time.perf_counter()
    summary = corpus_stage(store)
    seconds = time.perf_counter() - start
    store.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_mb": peak_kb / 1024, **summary}


def measure(db: Path) -> dict[str, float]:
    """Run the corpus stage in a fresh process, so the peak is that run's own."""
    run = subprocess.run([sys.executable, __file__, "--child", str(db)], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"corpus stage failed on {db}:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated document counts")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="folder for the seed and test stores")
    parser.add_argument("--keep", action="store_true", help="keep the test stores")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_child(args.child)))
        return 0
    seeds_dir = args.shared / "corpus" / "seeds"
    if not seeds_dir.is_dir():
        print(f"seed corpus not found at {seeds_dir}; pass --shared PATH", file=sys.stderr)
        return 2
    seed_db = args.work / "seed.db"
    build_seed_store([seeds_dir, REPO / "examples"], seed_db)
    seeds = load_seeds(seed_db)
    print(f"{len(seeds)} seed documents from {seed_db}")
    print(f"{'docs':>8} {'seconds':>9} {'peak MB':>9} {'x time':>7} {'x peak':>7} {'copies':>7} {'actors':>7}")
    first: dict[str, float] | None = None
    for size in (int(s) for s in args.sizes.split(",")):
        db = args.work / f"corpus-{size}.db"
        make_store(seeds, size, db, log=lambda msg: print(msg, file=sys.stderr))
        result = measure(db)
        first = first or result
        print(f"{size:>8} {result['seconds']:>9.2f} {result['peak_mb']:>9.1f} "
              f"{result['seconds'] / first['seconds']:>7.2f} {result['peak_mb'] / first['peak_mb']:>7.2f} "
              f"{int(result['duplicates']):>7} {int(result['actors']):>7}", flush=True)
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
