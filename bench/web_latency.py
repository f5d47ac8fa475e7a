"""Measure the web app's response times on a large synthetic store.

A small corpus (the project's examples/, or the seed texts in ../shared with --seeds) is built once with
`newsgraph build`; its documents and every row that hangs off them are then copied in bulk SQL, group by
group, under new document ids until the store holds --docs documents. Each copy group is moved to its own
random day within four years (publication dates and calendar dates of events shift together), and each of
its actors either stays the corpus actor (share --head-share) or becomes one of --variants numbered
variants of it, so the store has a few very frequent actors and a long tail of rare ones. Stories are
remade over runs of consecutive copy groups.

The app is then created over the store (its first start builds the web index: timed apart), every main
page and API route is asked once, then --repeat times, in process with FastAPI's TestClient, and the
median and 95th percentile of each route are printed.

    .venv/bin/python bench/web_latency.py [--docs 100000] [--seeds] [--store PATH] [--repeat 30]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph import store as st

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
WORK_DIR = Path(tempfile.gettempdir()) / "newsgraph-web-bench"
FIRST_DAY = date(2021, 1, 1)
SPAN_DAYS = 4 * 365
GROUPS_PER_TRANSACTION = 1000
MAX_STORY_RUN = 6  # a remade story covers 1..6 consecutive copy groups
UNDATED_EVERY = 10  # a document undated in the corpus stays undated in every tenth group
SLOW_MS = 100.0
FACT_TABLES = (st.mentions, st.quotes, st.relations, st.events, st.claims)


@dataclass
class Plan:
    """What the copies look like: how many documents, and how actors spread over the groups."""

    docs: int
    variants: int
    head_share: float
    seed: int


# --------------------------------------------------------------------------- building the store


def build_template(corpus: Path, folder: Path) -> Path:
    """The small corpus built the ordinary way, so every row the copies start from is real output."""
    db = folder / "template.db"
    cmd = [sys.executable, "-m", "newsgraph.cli", "build", str(corpus), "--db", str(db)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"newsgraph build failed on {corpus}:\n{done.stdout}\n{done.stderr}")
    return db


def _remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def _shifted(col: str) -> str:
    """SQL moving a date by the group's shift; full dates, months and years move, other text stays."""
    by = "printf('%+d days', m.shift)"
    return (f"CASE WHEN {col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' "
            f"THEN date(substr({col}, 1, 10), {by}) || substr({col}, 11) "
            f"WHEN {col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN strftime('%Y-%m', {col} || '-01', {by}) "
            f"WHEN {col} GLOB '[0-9][0-9][0-9][0-9]' THEN strftime('%Y', {col} || '-01-01', {by}) "
            f"ELSE {col} END")


def _cols(table: Any) -> list[str]:
    return [c.name for c in table.columns if c.name != "row_id"]


def _q(name: str) -> str:
    return f'"{name}"'


def _copy_sql(table: Any, exprs: dict[str, str], joins: str = "") -> str:
    """INSERT ... SELECT of one template table for the groups in [:lo, :hi), document ids replaced."""
    cols = _cols(table)
    select = ", ".join(exprs.get(c, f"x.{_q(c)}") for c in cols)
    order = "m.rowid, x.row_id" if "row_id" in table.c else "m.rowid"
    return (f"INSERT INTO main.{table.name} ({', '.join(_q(c) for c in cols)}) SELECT {select} "
            f"FROM temp.docmap m JOIN t.{table.name} x ON x.doc = m.old {joins} "
            f"WHERE m.grp >= :lo AND m.grp < :hi ORDER BY {order}")


def _document_sql(template_first: str) -> str:
    d = st.documents
    exprs = {
        "id": "m.new",
        "source": "'synthetic/' || m.grp || '/' || x.source",
        "published": (f"CASE WHEN coalesce(x.published, '') != '' THEN {_shifted('x.published')} "
                      f"WHEN m.grp % {UNDATED_EVERY} = 0 THEN x.published "
                      f"ELSE date('{template_first}', printf('%+d days', m.shift)) END"),
        "duplicate_of": "md.new",
        "duplicate_kind": "CASE WHEN md.new IS NULL THEN NULL ELSE x.duplicate_kind END",
        "duplicate_score": "CASE WHEN md.new IS NULL THEN NULL ELSE x.duplicate_score END",
        "raw_hash": "substr(x.raw_hash, 1, 48) || printf('%016x', m.grp)",
    }
    cols = _cols(d)
    select = ", ".join(exprs.get(c, f"x.{_q(c)}") for c in cols)
    return (f"INSERT INTO main.documents ({', '.join(_q(c) for c in cols)}) SELECT {select} "
            "FROM temp.docmap m JOIN t.documents x ON x.id = m.old "
            "LEFT JOIN temp.docmap md ON md.old = x.duplicate_of AND md.grp = m.grp "
            "WHERE m.grp >= :lo AND m.grp < :hi ORDER BY m.rowid")


def _group_statements(template_first: str) -> list[str]:
    """One statement per store table that holds per-document rows, all for a range of groups."""
    out = [_document_sql(template_first)]
    for table in FACT_TABLES:
        exprs = {"doc": "m.new"}
        if table is st.events:
            exprs["when"] = _shifted('x."when"')
        out.append(_copy_sql(table, exprs))
    out.append(_copy_sql(st.doc_actors, {"doc": "m.new", "data": "json_set(x.data, '$.docs', json_array(m.new))"}))
    out.append(_copy_sql(st.actor_map, {"doc": "m.new", "actor_id": "coalesce(a.new, x.actor_id)"},
                         "LEFT JOIN temp.actmap a ON a.grp = m.grp AND a.old = x.actor_id"))
    out.append(_copy_sql(st.sketches, {"doc": "m.new"}))
    out.append("INSERT INTO main.copy_pairs (a, b, kind, score) SELECT m.new, mb.new, x.kind, x.score "
               "FROM temp.docmap m JOIN t.copy_pairs x ON x.a = m.old "
               "JOIN temp.docmap mb ON mb.old = x.b AND mb.grp = m.grp WHERE m.grp >= :lo AND m.grp < :hi")
    return out


def _plan_groups(conn: sqlite3.Connection, plan: Plan, rng: random.Random) -> tuple[int, str]:
    """Fill temp.docmap (template doc -> copy, group, day shift) and temp.actmap (actor variants per group)."""
    docs = [r[0] for r in conn.execute("SELECT id FROM t.documents ORDER BY id")]
    if not docs:
        sys.exit("the template corpus produced no documents")
    dated = [r[0][:10] for r in conn.execute("SELECT published FROM t.documents WHERE published GLOB "
                                             "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'")]
    first = min(dated) if dated else "2025-01-01"
    base = (FIRST_DAY - date.fromisoformat(first)).days
    groups = math.ceil(plan.docs / len(docs))
    conn.execute("CREATE TEMP TABLE docmap (old TEXT, new TEXT, grp INTEGER, shift INTEGER)")
    conn.execute("CREATE TEMP TABLE actmap (grp INTEGER, old TEXT, new TEXT, n INTEGER)")
    actors = [r[0] for r in conn.execute("SELECT id FROM t.actors ORDER BY id")]
    rows, variants = [], []
    for k in range(groups):
        shift = base + rng.randrange(SPAN_DAYS)
        for old in docs[:plan.docs - k * len(docs)]:
            rows.append((old, f"{old}-c{k:06d}", k, shift))
        for old in actors:
            if plan.variants > 0 and rng.random() >= plan.head_share:
                n = rng.randrange(1, plan.variants + 1)
                variants.append((k, old, f"{old}-v{n}", n))
    conn.executemany("INSERT INTO temp.docmap VALUES (?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO temp.actmap VALUES (?, ?, ?, ?)", variants)
    conn.execute("CREATE INDEX temp.ix_docmap_grp ON docmap (grp)")
    conn.execute("CREATE INDEX temp.ix_docmap_old ON docmap (old, grp)")
    conn.execute("CREATE INDEX temp.ix_actmap ON actmap (grp, old)")
    return groups, first


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _fill_actors(conn: sqlite3.Connection) -> None:
    """Corpus actors and the variants in use, each with the documents the copies gave it."""
    conn.execute("CREATE TEMP TABLE actor_docs AS SELECT actor_id, json_group_array(doc) AS docs FROM "
                 "(SELECT DISTINCT actor_id, doc FROM main.actor_map ORDER BY actor_id, doc) GROUP BY actor_id")
    conn.execute("CREATE INDEX temp.ix_actor_docs ON actor_docs (actor_id)")
    conn.execute("INSERT INTO main.actors (id, name, type, description, aliases, docs, iso3, wikidata) "
                 "SELECT x.id, x.name, x.type, x.description, x.aliases, coalesce(d.docs, '[]'), x.iso3, x.wikidata "
                 "FROM t.actors x LEFT JOIN temp.actor_docs d ON d.actor_id = x.id")
    conn.execute("INSERT INTO main.actors (id, name, type, description, aliases, docs, iso3, wikidata) "
                 "SELECT v.new, x.name || ' #' || v.n, x.type, x.description, json_array(x.name || ' #' || v.n), "
                 "d.docs, NULL, NULL FROM (SELECT DISTINCT old, new, n FROM temp.actmap) v "
                 "JOIN t.actors x ON x.id = v.old JOIN temp.actor_docs d ON d.actor_id = v.new")


def _fill_stories(conn: sqlite3.Connection, groups: int, rng: random.Random) -> int:
    """Each template story remade over runs of 1..MAX_STORY_RUN consecutive groups."""
    copies: dict[tuple[str, int], str] = {(o, g): n for o, n, g in conn.execute("SELECT old, new, grp FROM docmap")}
    rows = []
    for story_id, label, docs in conn.execute("SELECT id, label, docs FROM t.stories ORDER BY id").fetchall():
        members = json.loads(docs)
        k, i = 0, 0
        while k < groups:
            run = range(k, min(groups, k + rng.randint(1, MAX_STORY_RUN)))
            new_docs = [copies[(d, g)] for g in run for d in members if (d, g) in copies]
            if new_docs:
                rows.append((f"{story_id}-{i:05d}", f"{label} ({i + 1})", json.dumps(new_docs)))
                i += 1
            k = run.stop
    conn.executemany("INSERT INTO main.stories (id, label, docs) VALUES (?, ?, ?)", rows)
    return len(rows)


def _fill_conflicts(conn: sqlite3.Connection, groups: int) -> None:
    """Each template disagreement once per group, between that group's copies."""
    copies: dict[tuple[str, int], str] = {(o, g): n for o, n, g in conn.execute("SELECT old, new, grp FROM docmap")}
    template = conn.execute("SELECT topic, statements FROM t.conflicts ORDER BY row_id").fetchall()
    rows = []
    for k in range(groups):
        for topic, statements in template:
            said = json.loads(statements)
            if all((s.get("doc"), k) in copies for s in said):
                rows.append((topic, json.dumps([{**s, "doc": copies[(s["doc"], k)]} for s in said])))
    conn.executemany("INSERT INTO main.conflicts (topic, statements) VALUES (?, ?)", rows)
    conn.execute("INSERT INTO main.errors (source, reason) SELECT source, reason FROM t.errors")


def synthesize(template: Path, target: Path, plan: Plan) -> None:
    """Copy the template's rows into a fresh store at `target` until it holds plan.docs documents."""
    _remove(target)
    st.Store(str(target)).close()  # the store's own schema
    rng = random.Random(plan.seed)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("ATTACH DATABASE ? AS t", (str(template),))
        groups, first = _plan_groups(conn, plan, rng)
        statements = _group_statements(first)
        t0 = time.perf_counter()
        for lo in range(0, groups, GROUPS_PER_TRANSACTION):
            hi = min(groups, lo + GROUPS_PER_TRANSACTION)
            with _transaction(conn):
                for sql in statements:
                    conn.execute(sql, {"lo": lo, "hi": hi})
            done = conn.execute("SELECT count(*) FROM docmap WHERE grp < ?", (hi,)).fetchone()[0]
            print(f"  {done:>9,} documents  {time.perf_counter() - t0:6.1f} s", flush=True)
        with _transaction(conn):
            _fill_actors(conn)
            n_stories = _fill_stories(conn, groups, rng)
            _fill_conflicts(conn, groups)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"  corpus level: {n_stories:,} stories, {time.perf_counter() - t0:6.1f} s in all", flush=True)
    finally:
        conn.close()


def store_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t.name: conn.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0]
                for t in st.metadata.sorted_tables}
    finally:
        conn.close()


def disk_size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


def free_bytes(db: Path) -> int:
    """Pages SQLite keeps for reuse (a dropped web index generation leaves them): on disk, but empty."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA freelist_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()


def size_text(db: Path) -> str:
    free = free_bytes(db)
    return _mib(disk_size(db)) + (f" ({_mib(free)} of it free pages)" if free >= 1 << 20 else "")


def _mib(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MiB"


# --------------------------------------------------------------------------- timing the app


def index_current(db: Path) -> bool:
    """Whether the web index already matches the store, so that starting the app builds nothing."""
    from sqlalchemy import inspect

    from newsgraph.web import index

    s = st.Store(str(db))
    try:
        if "web_state" not in inspect(s.engine).get_table_names():
            return False
        with s.engine.connect() as conn:
            state = index.read_state(conn)
            return state.get("signature") == index.signature(conn) and state.get("layout") == index.LAYOUT
    finally:
        s.close()


def forget_index(db: Path) -> None:
    """Make the next start build a new web index generation (and drop the old one)."""
    conn = sqlite3.connect(db)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'web_state'").fetchone():
            with conn:
                conn.execute("DELETE FROM web_state WHERE key IN ('generation', 'signature')")
    finally:
        conn.close()


@dataclass
class Picks:
    actor: str
    actor_name: str
    doc: str
    story: str
    word: str
    since: str
    until: str


def pick_ids(db: Path) -> Picks:
    """Real ids to ask for: the most-mentioned actor, the middle document by date, the largest story."""
    conn = sqlite3.connect(db)
    try:
        actor, _ = conn.execute(
            "SELECT am.actor_id, count(*) AS n FROM mentions m JOIN actor_map am "
            "ON am.doc = m.doc AND am.local_id = m.actor GROUP BY am.actor_id ORDER BY n DESC, am.actor_id "
            "LIMIT 1").fetchone()
        name = conn.execute("SELECT name FROM actors WHERE id = ?", (actor,)).fetchone()[0]
        n_docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        doc, day = conn.execute("SELECT id, published FROM documents ORDER BY published, id LIMIT 1 OFFSET ?",
                                (n_docs // 2,)).fetchone()
        story = conn.execute("SELECT id FROM stories ORDER BY json_array_length(docs) DESC, id LIMIT 1").fetchone()
    finally:
        conn.close()
    words = re.findall(r"\w+", name)
    year = (day or "2023")[:4]
    return Picks(actor, name, doc, story[0] if story else "", max(words, key=len) if words else "news",
                 f"{year}-01", f"{year}-06")


def routes(p: Picks) -> list[str]:
    from newsgraph.web.links import actor_path, doc_path, seg, story_path, with_query

    dates = {"since": p.since, "until": p.until}
    out = ["/", "/graph", with_query("/graph", **dates), "/actors", actor_path(p.actor), "/documents",
           "/documents?page=1000", doc_path(p.doc), "/quotes", "/events", with_query("/events", **dates), "/ties",
           "/figures", "/disagreements", "/stories"]
    out += [story_path(p.story)] if p.story else []
    out += [with_query("/search", q=p.word),
            "/api/overview", "/api/documents", "/api/documents?page=2500", f"/api/documents/{seg(p.doc)}",
            "/api/actors", f"/api/actors/{seg(p.actor)}", "/api/quotes", with_query("/api/quotes", speaker=p.actor),
            "/api/relations", "/api/events", with_query("/api/events", **dates), "/api/claims", "/api/conflicts",
            "/api/stories"]
    out += [f"/api/stories/{seg(p.story)}"] if p.story else []
    out += [with_query("/api/search", q=p.word), "/api/graph", with_query("/api/graph", **dates), "/openapi.json"]
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def time_routes(client: Any, paths: list[str], repeat: int) -> dict[str, tuple[float, list[float]]]:
    """Per route: the first (cold) request and `repeat` more, in milliseconds."""
    out = {}
    for path in paths:
        samples = []
        for i in range(repeat + 1):
            t0 = time.perf_counter()
            r = client.get(path)
            ms = (time.perf_counter() - t0) * 1000
            if r.status_code != 200:
                sys.exit(f"{path} answered {r.status_code}: {r.text[:300]}")
            samples.append(ms)
            if i == 0:
                first = ms
        out[path] = (first, samples[1:])
    return out


def report(results: dict[str, tuple[float, list[float]]]) -> None:
    width = max(len(p) for p in results)
    print(f"\n{'route':<{width}}  {'first':>8}  {'median':>8}  {'p95':>8}")
    everything = []
    slow = 0
    for path, (first, samples) in results.items():
        med = statistics.median(samples)
        everything += samples
        mark = "  SLOW" if med > SLOW_MS else ""
        slow += bool(mark)
        print(f"{path:<{width}}  {first:8.1f}  {med:8.1f}  {p95(samples):8.1f}{mark}")
    print(f"\noverall median of all {len(everything)} timed requests: {statistics.median(everything):.1f} ms; "
          f"{slow} of {len(results)} routes over {SLOW_MS:.0f} ms median (milliseconds; 'first' is the request "
          "right after start)")


def measure(db: Path, repeat: int) -> None:
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    fresh = not index_current(db)
    t0 = time.perf_counter()
    app = create_app(str(db), refresh_every=0)
    started = time.perf_counter() - t0
    what = "built the web index and laid out the default graph" if fresh else "web index was already current"
    print(f"\napp start: {started:.1f} s ({what})")
    print(f"store on disk with the web index: {size_text(db)}")
    t0 = time.perf_counter()
    again = create_app(str(db), refresh_every=0)
    print(f"second start, index current: {time.perf_counter() - t0:.2f} s")
    again.state.store.close()
    picks = pick_ids(db)
    print(f"ids: actor {picks.actor!r} ({picks.actor_name}), document {picks.doc!r}, story {picks.story!r}, "
          f"search {picks.word!r}, dates {picks.since}..{picks.until}")
    try:
        with TestClient(app) as client:
            report(time_routes(client, routes(picks), repeat))
    finally:
        app.state.store.close()


# --------------------------------------------------------------------------- main


def has_documents(db: Path) -> bool:
    if not db.is_file():
        return False
    conn = sqlite3.connect(db)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
            return False
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0] > 0
    finally:
        conn.close()


def prepare(args: argparse.Namespace) -> Path:
    corpus = SEEDS if args.seeds else EXAMPLES
    if args.seeds and not corpus.is_dir():
        sys.exit(f"seed corpus not found at {corpus}; ../shared must sit beside the repository")
    db = Path(args.store) if args.store else WORK_DIR / f"web-{corpus.name}-{args.docs}.db"
    if args.store and has_documents(db):
        print(f"reusing {db}")
        if args.fresh_index:
            forget_index(db)
        return db
    db.parent.mkdir(parents=True, exist_ok=True)
    plan = Plan(args.docs, args.variants, args.head_share, args.seed)
    with tempfile.TemporaryDirectory(prefix="newsgraph-template-") as tmp:
        t0 = time.perf_counter()
        template = build_template(corpus, Path(tmp))
        print(f"built {corpus} with newsgraph build in {time.perf_counter() - t0:.1f} s")
        print(f"copying to {plan.docs:,} documents in {db}")
        synthesize(template, db, plan)
    return db


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the synthetic store")
    ap.add_argument("--seeds", action="store_true", help="copy the seed corpus of ../shared instead of examples/")
    ap.add_argument("--store", help="SQLite file to use: reused when it holds documents, else built there")
    ap.add_argument("--fresh-index", action="store_true", help="with a reused store, build the web index anew")
    ap.add_argument("--repeat", type=int, default=30, help="timed requests per route")
    ap.add_argument("--variants", type=int, default=500, help="numbered variants per corpus actor (0: none)")
    ap.add_argument("--head-share", type=float, default=0.25,
                    help="share of copy groups in which an actor stays the corpus actor")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.docs < 1 or args.repeat < 1:
        ap.error("--docs and --repeat must be positive")
    db = prepare(args)
    counts = store_counts(db)
    print("rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items() if v))
    print(f"store on disk: {size_text(db)}")
    measure(db, args.repeat)


if __name__ == "__main__":
    main()
