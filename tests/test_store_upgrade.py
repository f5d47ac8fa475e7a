"""A store written by an earlier version gains the columns added since, and keeps its rows."""

from __future__ import annotations

import sqlite3

from newsgraph.model import DocFacts, Document, Event
from newsgraph.store import Store


def test_an_older_store_gets_new_fact_columns_and_keeps_its_rows(tmp_path):
    db = tmp_path / "old.db"
    store = Store(str(db))
    doc = Document("d1", "d1.txt", "Norway met Iceland.", language="en")
    facts = DocFacts(doc=doc, events=[Event("d1", "norway", "CONSULT", "iceland", None, "Norway met Iceland.",
                                            0, 19, hypothetical=True, expected=True)])
    store.save_document(facts)
    store.close()
    with sqlite3.connect(db) as con:  # as an earlier version left it: no 'expected' column
        con.execute("ALTER TABLE events DROP COLUMN expected")
    reopened = Store(str(db))
    [event] = reopened.facts(Event)
    assert (event.source, event.type, event.target, event.hypothetical) == ("norway", "CONSULT", "iceland", True)
    assert event.expected is False  # unknown for old rows: not claimed
    reopened.save_document(facts)
    assert [e.expected for e in reopened.facts(Event)] == [True]
    reopened.close()
