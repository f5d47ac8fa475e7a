"""The pipeline: read, clean, deduplicate, understand, and store, stage by stage.

Per-document stages (`analyse`) are pure: a Document in, its facts out, so they
can run in any process. Corpus stages (`corpus_stage`) work from what is
stored: duplicates, actor resolution, disagreements and stories.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph import actors, claims, dedup, events, quotes, stories
from newsgraph.clean import LineCounts, clean
from newsgraph.model import Claim, DocFacts, Document, Event, InputError, Mention, Quote, Sentence
from newsgraph.nlp import load_nlp
from newsgraph.read import ReadOptions, read_paths
from newsgraph.read.spool import Spool
from newsgraph.scale import analyse_stream
from newsgraph.store import Store

ENGLISH = {"en", None}
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
    for doc, parsed in zip(docs, load_nlp().pipe(texts, batch_size=batch_size), strict=True):
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

    Documents are held without their texts (each is read from the store when a stage asks for it), mentions
    as light tuples, and the story grouping reads each document's words from features kept in the store,
    so memory grows little with the corpus.
    """
    docs = store.documents(with_text=False)
    links = _find_copies(store, docs)
    by_doc = {link.doc: link for link in links}
    store.set_duplicates({
        d.id: ((by_doc[d.id].canonical, by_doc[d.id].kind, by_doc[d.id].score) if d.id in by_doc else
               (None, None, None))
        for d in docs
    })
    dedup.apply_links(docs, links)
    local = store.local_actors()
    doc_mentions: dict[str, list[Mention]] = store.mention_rows()  # type: ignore[assignment]
    corpus_actors, mapping = actors.resolve_corpus(local, doc_mentions)
    del local
    found_conflicts = claims.find_conflicts(store.facts(Claim), docs, mentions=doc_mentions, actor_ids=mapping,
                                            quotes=store.facts(Quote), events=store.facts(Event))
    found_conflicts += actors.naming_conflicts(corpus_actors, doc_mentions, mapping, docs)
    del doc_mentions
    doc_actor_ids = {d.id: set(mapping.get(d.id, {}).values()) for d in docs}
    previous = [stories.Story(**row) for row in store.stories()]
    found_stories = stories.group_stories(docs, doc_actor_ids, actor_names={a.id: a.name for a in corpus_actors},
                                          previous=previous, features=stories.StoredFeatures(store))
    store.save_corpus(corpus_actors, mapping, found_conflicts, found_stories)
    return {"duplicates": len(links), "actors": len(corpus_actors)}


def _find_copies(store: Store, docs: list[Document]) -> list[dedup.DuplicateLink]:
    """Copies among all stored documents, comparing only those not compared before (their sketches are kept).

    Texts are read from the store only for new documents and for candidates being confirmed, and new
    documents are added in batches, so that the shingles of one batch at most are held at a time.
    """
    ids = {d.id for d in docs}
    index = dedup.CopyIndex(shingles_of=lambda doc_id: dedup.shingles(store.document_text(doc_id)))
    index.load((sk for sk in store.sketches() if sk.doc in ids), store.copy_pairs())
    new = [d for d in docs if d.id not in index.sketches]
    found = [pair for start in range(0, len(new), COPY_BATCH) for pair in index.add(new[start:start + COPY_BATCH])]
    store.add_copies([index.sketches[d.id] for d in new if d.id in index.sketches], found)
    return index.links()
