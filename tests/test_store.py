"""The store on SQLite and, where a server is configured, on PostgreSQL."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from newsgraph.dedup import NUM_PERM, CopyPair, Sketch
from newsgraph.model import (
    Actor,
    Claim,
    Conflict,
    DocFacts,
    Document,
    Event,
    InputError,
    Mention,
    Quote,
    Statement,
)
from newsgraph.store import Store, StoreBusy


def _facts(doc_id: str, text: str = "Chile and Peru signed a deal worth $3 billion.") -> DocFacts:
    doc = Document(doc_id, f"{doc_id}.txt", text, title="Deal", language="en", raw_hash="h-" + doc_id,
                   removed_lines=["Advertisement"])
    return DocFacts(
        doc=doc,
        mentions=[Mention(doc_id, 0, 5, "Chile", "chile"), Mention(doc_id, 10, 14, "Peru", "peru")],
        actors=[Actor("chile", "Chile", "country", None, ["Chile"], [doc_id], {"iso3": "CHL", "wikidata": None})],
        quotes=[Quote(doc_id, "chile", "Chile", "indirect", "a deal", "said", 22, 28)],
        events=[Event(doc_id, "chile", "AGREE", "peru", "2024-01", "signed a deal", 15, 28, hypothetical=True)],
        claims=[Claim(doc_id, "deal", 3e9, "USD", None, "$3 billion", 38, 48),
                Claim(doc_id, "summit", "3-4 June", "date", None, "3-4 June", 0, 8)],
    )


def _exercise(store: Store) -> None:
    store.save_document(_facts("a"))
    store.save_document(_facts("b"))
    before = store.counts()
    store.save_document(_facts("a"))  # saving the same document again replaces, never doubles
    assert store.counts() == before
    assert [d.id for d in store.documents()] == ["a", "b"]
    assert store.documents()[0].removed_lines == ["Advertisement"]
    lazy = store.documents(with_text=False)  # texts are read when asked for, and are the same
    assert [(d.id, d.title, d.text) for d in lazy] == [(d.id, d.title, d.text) for d in store.documents()]
    assert [tuple(dataclasses.astuple(m)) for m in store.facts(Mention)] == [
        tuple(m) for rows in store.mention_rows().values() for m in rows]
    claims = store.facts(Claim)
    assert {c.value for c in claims} == {3e9, "3-4 June"}
    events = store.facts(Event)
    assert events[0].hypothetical is True and events[0].negated is False
    store.save_corpus([Actor("chile", "Chile", "country", None, ["Chile"], ["a", "b"], {"iso3": "CHL",
                                                                                       "wikidata": None})],
                      {"a": {"chile": "chile"}}, [Conflict("deal value", [Statement("a", "$3 billion")])], [])
    assert store.actors()[0].docs == ["a", "b"]
    assert store.actor_map() == {"a": {"chile": "chile"}}
    assert store.conflicts()[0]["statements"] == [{"doc": "a", "says": "$3 billion"}]
    store.add_errors([InputError("x.bin", "binary file")])
    store.add_errors([InputError("x.bin", "binary file")])
    assert len(store.errors()) == 1
    assert store.stored_hashes() == {"a": "h-a", "b": "h-b"}
    sketch = Sketch("a", "d" * 64, 9, 1, np.arange(NUM_PERM, dtype=np.uint64) * np.uint64(2**40),
                    np.array([4, 2**63 + 8], dtype=np.uint64))
    store.add_copies([sketch], [CopyPair("b", "a", "contained", 0.9)])
    (back,) = store.sketches()
    assert (back.doc, back.digest, back.size, back.removed) == ("a", "d" * 64, 9, 1)
    assert back.minhash.tolist() == sketch.minhash.tolist() and back.samples.tolist() == [4, 2**63 + 8]
    assert store.copy_pairs() == [CopyPair("b", "a", "contained", 0.9)]
    store.save_story_features(1, [("a", b"features of a"), ("b", b"features of b")])
    store.save_story_features(1, [("a", b"newer features of a")])  # kept again: replaced, never doubled
    assert sorted(store.story_features(1, ["a", "b", "c"])) == [("a", b"newer features of a"),
                                                                 ("b", b"features of b")]
    assert store.story_features(2, ["a"]) == []  # another format version is not read
    store.save_document(_facts("a"))  # a replaced document loses its sketch, pairs and story features
    assert store.sketches() == [] and store.copy_pairs() == []
    assert store.story_features(1, ["a", "b"]) == [("b", b"features of b")]
    with store.writing():
        other = Store(store.url.replace("postgresql+psycopg://", "postgresql://").removeprefix("sqlite:///"))
        with pytest.raises(StoreBusy, match="another build"), other.writing():
            pass
        other.close()
    with store.writing():  # let go after the first build
        pass


def test_sqlite_store(tmp_path):
    store = Store(str(tmp_path / "graph.db"))
    _exercise(store)
    store.close()
    reopened = Store(str(tmp_path / "graph.db"))
    assert reopened.counts()["documents"] == 2
    reopened.close()


def test_postgres_store(postgres_db: str) -> None:
    store = Store(postgres_db)
    try:
        _exercise(store)
    finally:
        store.close()
