"""The corpus stage reads the store in streams and keeps its bulky state in a work file: it must give what
the in-memory functions give on the same rows, the same on PostgreSQL as on SQLite, and nothing new when
run again."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from newsgraph import actors, claims, stories
from newsgraph import store as st
from newsgraph.model import Claim, Event, Quote
from newsgraph.pipeline import corpus_stage

from .conftest import EXAMPLES, SEEDS, load_bench

bench = load_bench("corpus_memory")
REPLICATED = 6 * 13  # documents: six replicas of the seeds and examples


@pytest.fixture(scope="module")
def replicated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of replicated seed documents whose corpus stage has not run yet."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    folder = tmp_path_factory.mktemp("corpus")
    bench.build_seed_store([SEEDS, EXAMPLES], folder / "seed.db")
    seeds = bench.load_seeds(folder / "seed.db")
    bench.make_store(seeds, len(seeds) * 6, folder / "replicated.db", log=lambda _: None)
    return folder / "replicated.db"


def _copy(source: Path, target_db: str) -> st.Store:
    """Every row of a SQLite store written into another store (any database)."""
    src, target = st.Store(str(source)), st.Store(target_db)
    with src.engine.connect() as conn, target.transaction() as out:
        for table in st.metadata.sorted_tables:
            rows = [dict(r) for r in conn.execute(select(table)).mappings()]
            if rows:
                out.execute(insert(table), rows)
    src.close()
    return target


def _tables(store: st.Store) -> dict[str, list[tuple]]:
    """Every table's rows without row ids, sorted: what a build leaves behind, whatever the database."""
    out = {}
    with store.engine.connect() as conn:
        for table in st.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name != "row_id"]
            out[table.name] = sorted((tuple(r) for r in conn.execute(select(*columns))), key=repr)
    with store.engine.connect() as conn:  # conflicts are kept in the order they were found
        out["conflicts"] = [tuple(r) for r in conn.execute(select(st.conflicts.c.topic, st.conflicts.c.statements)
                                                           .order_by(st.conflicts.c.row_id))]
    return out


def test_stage_matches_the_in_memory_functions(replicated: Path, tmp_path: Path) -> None:
    store = _copy(replicated, str(tmp_path / "a.db"))
    summary = corpus_stage(store)
    docs = store.documents(with_text=False)
    local, mentions = store.local_actors(), store.mention_rows()
    corpus_actors, mapping = actors.resolve_corpus(local, mentions)  # type: ignore[arg-type]
    assert summary["actors"] == len(corpus_actors) > 0
    assert [dataclasses.asdict(a) | {"codes": None} for a in corpus_actors] == [
        dataclasses.asdict(a) | {"codes": None} for a in store.actors()]
    assert {k: v for k, v in mapping.items() if v} == store.actor_map()
    found = claims.find_conflicts(store.facts(Claim), docs, mentions=mentions,  # type: ignore[arg-type]
                                  actor_ids=mapping, quotes=store.facts(Quote), events=store.facts(Event))
    found += actors.naming_conflicts(corpus_actors, mentions, mapping, docs)  # type: ignore[arg-type]
    assert found, "the replicated seeds disagree somewhere"
    assert [{"topic": c.topic, "statements": [dataclasses.asdict(s) for s in c.statements]} for c in found] == \
        store.conflicts()
    grouped = stories.group_stories(docs, {d.id: set(mapping.get(d.id, {}).values()) for d in docs},
                                    actor_names={a.id: a.name for a in corpus_actors},
                                    previous=[stories.Story(**row) for row in store.stories()],
                                    features=stories.StoredFeatures(store))
    assert sorted((s.id, s.label, list(s.docs)) for s in grouped) == [
        (s["id"], s["label"], s["docs"]) for s in store.stories()]
    assert summary["duplicates"] == sum(1 for d in docs if d.duplicate_of) > 0
    store.close()


def test_stage_again_changes_nothing(replicated: Path, tmp_path: Path) -> None:
    store = _copy(replicated, str(tmp_path / "b.db"))
    corpus_stage(store)
    first = _tables(store)
    corpus_stage(store)
    assert _tables(store) == first
    assert json.loads(first["stories"][0][2])  # stories list their documents
    store.close()


def test_postgres_gives_what_sqlite_gives(replicated: Path, tmp_path: Path, postgres_db: str) -> None:
    lite = _copy(replicated, str(tmp_path / "c.db"))
    pg = _copy(replicated, postgres_db)
    try:
        assert corpus_stage(pg) == corpus_stage(lite)
        assert _tables(pg) == _tables(lite)
    finally:
        lite.close()
        pg.close()
