"""Where the per-document stages run: in this process, in N local processes, or on a Dask cluster.

Documents arrive as a stream and leave in the same order with their facts (or
the reason they failed), so the store is written exactly as a one-process run
writes it, whatever ran the stages. Work goes out in batches of BATCH documents,
enough for `nlp.pipe` to batch and small enough to spread over workers; at most
IN_FLIGHT batches per worker are out at once, so memory stays flat however long
the stream. Each worker process loads the spaCy model once (it is cached per
process).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from newsgraph.model import DocFacts, Document

BATCH = 16
IN_FLIGHT = 2

Results = Iterator[tuple[Document, DocFacts | str]]


def analyse_stream(docs: Iterable[Document], workers: int = 1, scheduler: str | None = None) -> Results:
    """Each document with its facts, analysed here (workers=1), in local processes, or on the cluster."""
    batches = _batches(docs)
    if scheduler:
        yield from _on_cluster(batches, scheduler)
    elif workers > 1:
        yield from _in_processes(batches, workers)
    else:
        from newsgraph.pipeline import analyse_here

        for batch in batches:
            yield from analyse_here(batch)


def _batches(docs: Iterable[Document]) -> Iterator[list[Document]]:
    stream = iter(docs)
    while batch := list(islice(stream, BATCH)):
        yield batch


def _in_order(batches: Iterator[list[Document]], submit: Callable[[list[Document]], Future], limit: int) -> Results:
    """Keep up to `limit` batches running; hand results back in input order."""
    running: deque[tuple[list[Document], Future]] = deque()
    for batch in batches:
        running.append((batch, submit(batch)))
        if len(running) >= limit:
            done, future = running.popleft()
            yield from zip(done, future.result(), strict=True)
    while running:
        done, future = running.popleft()
        yield from zip(done, future.result(), strict=True)


def _in_processes(batches: Iterator[list[Document]], workers: int) -> Results:
    # spawn, not fork: a forked copy of a process that already holds the model and threads is not safe
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from _in_order(batches, lambda batch: pool.submit(analyse_batch, batch), workers * IN_FLIGHT)


def _on_cluster(batches: Iterator[list[Document]], scheduler: str) -> Results:
    from distributed import Client

    with Client(scheduler) as client:
        limit = max(1, sum(client.nthreads().values())) * IN_FLIGHT
        yield from _in_order(batches, lambda batch: client.submit(analyse_batch, batch, pure=False), limit)


def analyse_batch(docs: list[Document]) -> list[DocFacts | str]:
    """Runs in a worker: the same code a one-process build runs."""
    from newsgraph.pipeline import analyse_here

    return [facts for _, facts in analyse_here(docs)]
