"""The exchange-format records read back from the store, and their JSON Lines form.

Facts are stored with document-local actor ids; here they are rewritten to the
corpus actor ids. A relation whose ends resolve to no actor is left out; a
quote or event keeps a null where its speaker, source or target is unknown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from newsgraph.model import Claim, Conflict, Event, Mention, Quote, Relation, Statement, to_record
from newsgraph.store import Store


def resolved(store: Store, cls: type[Quote] | type[Relation] | type[Event]) -> Iterator[Any]:
    """The stored quotes, relations or events with corpus actor ids, as the exchange format gives them."""
    mapping = store.actor_map()

    def resolve(doc: str, local: str | None) -> str | None:
        return mapping.get(doc, {}).get(local) if local else None

    for fact in store.facts(cls):
        if isinstance(fact, Quote):
            fact.speaker = resolve(fact.doc, fact.speaker)
            yield fact
            continue
        fact.source, fact.target = resolve(fact.doc, fact.source), resolve(fact.doc, fact.target)
        ends = (fact.source and fact.target) if isinstance(fact, Relation) else (fact.source or fact.target)
        if ends and fact.source != fact.target:
            yield fact


def mention_records(store: Store) -> Iterator[dict[str, Any]]:
    """Mentions with corpus actor ids, for readers that weigh who is named where (the report's tone).

    Not part of the exchange format: a mention is evidence for an actor, not a fact of the graph.
    """
    mapping = store.actor_map()
    for m in store.facts(Mention):
        actor = mapping.get(m.doc, {}).get(m.actor)
        if actor:
            yield {"record": "mention", "doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "actor": actor,
                   "kind": m.kind}


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record of the graph, documents first, in a stable order."""
    for doc in store.documents():
        yield to_record(doc)
    for actor in store.actors():
        yield to_record(actor)
    for cls in (Quote, Relation, Event):
        for fact in resolved(store, cls):
            yield to_record(fact)
    for c in store.facts(Claim):
        yield to_record(c)
    for c in store.conflicts():
        yield to_record(Conflict(c["topic"], [Statement(**s) for s in c["statements"]]))
    for s in store.stories():
        yield {"record": "story", **s}


def write_jsonl(store: Store, out: TextIO) -> int:
    n = 0
    for rec in records(store):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
