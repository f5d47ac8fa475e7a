"""The pipeline: read, clean, deduplicate, understand, and store, stage by stage.

Per-document stages (`analyse`) are pure: a Document in, its facts out, so they
can run in any process. Corpus stages (`corpus_stage`) work from what is
stored: duplicates, actor resolution, disagreements and stories.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from newsgraph import actors, claims, dedup, events, quotes, stories
from newsgraph.claims.conflicts import find_conflicts_work
from newsgraph.clean import LineCounts, clean
from newsgraph.model import Claim, DocFacts, Document, Event, InputError, Quote, Sentence
from newsgraph.nlp import load_nlp, parse_by_paragraph
from newsgraph.read import ReadOptions, read_paths
from newsgraph.read.spool import Spool
from newsgraph.scale import analyse_stream
from newsgraph.store import RecentlyRead, Store

ENGLISH = {"en", None}
PER_DOC_KEPT = 64  # documents whose mentions and actor map the disagreement finder keeps at hand
COPY_BATCH = 256  # new documents the duplicate finder compares per call; it keeps their shingles until the call ends


@dataclass
class BuildSummary:
    read: int = 0
    added: int = 0
    unchanged: int = 0
    skipped_language: int = 0
    errors: list[InputError] = field(default_factory=list)
    duplicates: int = 0
    actors: int = 0


def analyse(doc: Document, parsed: object | None = None) -> DocFacts:
    """Every per-document stage over one cleaned document."""
    facts = DocFacts(doc=doc)
    if doc.language not in ENGLISH or not doc.text.strip():
        return facts  # kept and listed, never run through English extraction
    if parsed is None:
        parsed = load_nlp()(doc.text)
    facts.sentences = [Sentence(doc.id, s.start_char, s.end_char, s.text) for s in parsed.sents]
    facts.mentions, facts.actors = actors.find_mentions(doc, parsed)
    facts.quotes = quotes.extract_quotes(doc, parsed, facts.mentions, facts.actors)
    facts.actors += quotes.joint_actors(facts.quotes, facts.actors)  # 'Xi and Putin said': one joint speaker
    facts.relations = events.extract_relations(doc, parsed, facts.mentions)
    facts.events = events.extract_events(doc, parsed, facts.mentions)
    facts.claims = claims.extract_claims(doc, parsed)
    return facts


def build(
    paths: Iterable[str | Path],
    store: Store,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    options: ReadOptions | None = None,
    scheduler: str | None = None,
    workers: int = 1,
) -> BuildSummary:
    """Read, process and store the inputs; then redo the corpus stages. Raises StoreBusy if a build runs.

    The per-document stages run in `workers` local processes, or with `scheduler` (a Dask address
    such as tcp://host:8786) on that cluster; reading, storing and the corpus stages stay here.
    Inputs wait in a spool on disk and documents flow through the stages as a stream, so memory
    does not grow with the number of inputs.
    """
    with store.writing():
        return _build(paths, store, on_error, progress, options, scheduler, workers)


def analyse_here(docs: list[Document], batch_size: int = 16) -> Iterator[tuple[Document, DocFacts | str]]:
    """Each document with its facts (or the reason it failed), parsed in batches in this process."""
    texts = [d.text if d.language in ENGLISH else "" for d in docs]
    for doc, parsed in zip(docs, parse_by_paragraph(texts, batch_size), strict=True):
        yield doc, _analysed(doc, parsed)


def _analysed(doc: Document, parsed: object) -> DocFacts | str:
    try:
        return analyse(doc, parsed)
    except Exception as exc:  # reported by the caller as an input error, never silently
        return f"{type(exc).__name__}: {exc}"


def _build(
    paths: Iterable[str | Path],
    store: Store,
    on_error: Callable[[InputError], None] | None,
    progress: Callable[[int, int, str], None] | None,
    options: ReadOptions | None,
    scheduler: str | None = None,
    workers: int = 1,
) -> BuildSummary:
    summary = BuildSummary()
    with Spool() as raws:
        lines = LineCounts()  # furniture repeated across pages is seen only once every input is counted
        for item in read_paths(list(paths), options):
            if isinstance(item, InputError):
                summary.errors.append(item)
                if on_error:
                    on_error(item)
            else:
                lines.add(item)
                raws.append(item)
        store.add_errors(summary.errors)
        known = store.stored_hashes()

        def changed() -> Iterator[Document]:
            for raw in raws:
                doc = clean(raw, lines)
                summary.read += 1
                if known.get(doc.id) == doc.raw_hash:
                    summary.unchanged += 1
                else:
                    yield doc

        for done, (doc, facts) in enumerate(analyse_stream(changed(), workers, scheduler)):
            if progress:
                progress(summary.unchanged + done, len(raws), doc.id)
            _store_facts(store, doc, facts, summary, on_error)
        if progress:
            progress(len(raws), len(raws), "")
    corpus_summary = corpus_stage(store)
    summary.duplicates = corpus_summary["duplicates"]
    summary.actors = corpus_summary["actors"]
    return summary


def _store_facts(store: Store, doc: Document, facts: DocFacts | str, summary: BuildSummary,
                 on_error: Callable[[InputError], None] | None) -> None:
    if doc.language not in ENGLISH:
        summary.skipped_language += 1
    if isinstance(facts, str):  # one bad document must not stop the run; it is recorded
        error = InputError(doc.source, f"processing failed: {facts}")
        summary.errors.append(error)
        store.add_errors([error])
        if on_error:
            on_error(error)
        return
    store.save_document(facts)
    summary.added += 1


def corpus_stage(store: Store) -> dict[str, int]:
    """Duplicates, actor resolution, disagreements and stories over everything stored.

    Documents are held without their texts (each is read from the store when a stage asks for it). What
    grows with every document and mention (the duplicate finder's postings, person occurrences awaiting
    their turn, the map from local to corpus actors, each actor's documents, names of bodies) waits in a
    temporary SQLite work file and is read back one key at a time; mentions are read from the store one
    document at a time, and disagreements found are put away as they come.
    """
    docs: list[Document] = store.document_refs()  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="newsgraph-corpus-") as work:
        links = _find_copies(store, docs, work)
        store.update_duplicates((link.doc, link.canonical, link.kind, link.score) for link in links)
        dedup.apply_links(docs, links)
        db = sqlite3.connect(os.path.join(work, "corpus.db"))
        try:
            return _resolve_and_group(store, docs, db) | {"duplicates": len(links)}
        finally:
            db.close()


def _resolve_and_group(store: Store, docs: list[Document], db: sqlite3.Connection) -> dict[str, int]:
    """Actor resolution, disagreements and stories, with their bulky state in the work database `db`."""
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
    resolved = actors.resolve_corpus_work(db, store.iter_local_actors, store.mention_kinds(),
                                          lambda: store.iter_prefixed_mentions(actors.ROLE_PREFIX))
    mentions = RecentlyRead(lambda doc_id: store.mentions_of([doc_id])[doc_id], PER_DOC_KEPT)
    mapping = RecentlyRead(resolved.mapping_of, PER_DOC_KEPT)
    found_conflicts = _Spilled(db, "found_conflicts")
    found_conflicts.extend(find_conflicts_work(db, lambda: store.iter_facts(Claim), docs, mentions=mentions,
                                               actor_ids=mapping, quotes=lambda: store.iter_facts(Quote),
                                               events=lambda: store.iter_facts(Event)))
    per_doc = ((doc_id, found, resolved.mapping_of(doc_id)) for doc_id, found in store.iter_mentions_by_doc())
    found_conflicts.extend(actors.naming_conflicts_work(db, resolved.actors, per_doc,
                                                        {d.id for d in docs if d.duplicate_of}))
    ids = {a.id: a.id for a in resolved.actors}  # one string per actor, shared by every document naming it
    named: dict[str, tuple[str, ...]] = {}
    for doc_id, rows in groupby(resolved.map_rows(), key=lambda r: r[0]):
        named[doc_id] = tuple(sorted({ids.get(r[2], r[2]) for r in rows}))
    doc_actor_ids = {d.id: named.pop(d.id, ()) for d in docs}
    previous = [stories.Story(**row) for row in store.stories()]
    found_stories = stories.group_stories(docs, doc_actor_ids, actor_names={a.id: a.name for a in resolved.actors},
                                          previous=previous, features=stories.StoredFeatures(store))
    del doc_actor_ids
    store.save_corpus_stream(resolved.with_docs(), resolved.map_rows(), found_conflicts, found_stories)
    return {"actors": len(resolved.actors)}


class _Spilled:
    """Items kept in a table of the work database in the order given, read back in that order."""

    def __init__(self, db: sqlite3.Connection, name: str) -> None:
        self.db, self.name = db, name
        db.execute(f"CREATE TABLE {name} (seq INTEGER PRIMARY KEY, data BLOB)")

    def extend(self, items: Iterable[Any], batch: int = 500) -> None:
        rows: list[tuple[bytes]] = []
        for item in items:
            rows.append((pickle.dumps(item),))
            if len(rows) >= batch:
                self.db.executemany(f"INSERT INTO {self.name} (data) VALUES (?)", rows)
                rows = []
        self.db.executemany(f"INSERT INTO {self.name} (data) VALUES (?)", rows)

    def __iter__(self) -> Iterator[Any]:
        return (pickle.loads(data) for (data,) in self.db.execute(f"SELECT data FROM {self.name} ORDER BY seq"))


def _find_copies(store: Store, docs: list[Document], work: str | None = None) -> list[dedup.DuplicateLink]:
    """Copies among all stored documents, comparing only those not compared before (their sketches are kept).

    Texts are read from the store only for new documents and for candidates being confirmed, and new
    documents are added in batches, each kept with its pairs as soon as it is compared. The index of
    postings lives in an SQLite file in `work` (a temporary folder when not given).
    """
    with tempfile.TemporaryDirectory(prefix="newsgraph-copies-", dir=work) as folder:
        index = dedup.FlatCopyIndex(os.path.join(folder, "copies.db"),
                                    shingles_of=lambda doc_id: dedup.shingles(store.document_text(doc_id)))
        try:
            index.load(store.iter_sketches())
            new_ids = set(store.unsketched_ids())
            new = [d for d in docs if d.id in new_ids]
            del new_ids
            for start in range(0, len(new), COPY_BATCH):
                made, found = index.add(new[start:start + COPY_BATCH])
                store.add_copies(made, found)
            return index.links(store.copy_pairs())
        finally:
            index.close()
