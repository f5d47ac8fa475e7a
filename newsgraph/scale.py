"""Scale-out: the per-document stages on a Dask distributed cluster.

Documents go to the workers in batches; each worker process loads the spaCy
model once (it is cached per process) and sends back each document's facts, or
the reason it failed. Results come back in input order, so the store is written
exactly as a local run writes it, and the corpus stages then run here as usual.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.model import DocFacts, Document

BATCH = 16  # documents per task: enough for nlp.pipe to batch, small enough to spread over workers


def analyse_on_cluster(docs: list[Document], scheduler: str) -> Iterator[tuple[Document, DocFacts | str]]:
    """Each document with its facts (or the reason it failed), analysed on the cluster at `scheduler`."""
    if not docs:
        return
    from distributed import Client

    batches = [docs[i:i + BATCH] for i in range(0, len(docs), BATCH)]
    with Client(scheduler) as client:
        futures = client.map(_analyse_batch, batches, pure=False)
        for batch, future in zip(batches, futures, strict=True):
            yield from zip(batch, future.result(), strict=True)


def _analyse_batch(docs: list[Document]) -> list[DocFacts | str]:
    """Runs on a worker: the same code a local build runs."""
    from newsgraph.pipeline import analyse_here

    return [facts for _, facts in analyse_here(docs)]
