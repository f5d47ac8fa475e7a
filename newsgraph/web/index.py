"""The web index: tables the app derives from the store so that every page reads a few indexed rows.

Facts are stored with document-local actor ids (see store.py). Pages want them by corpus actor, in
date order, counted and searchable; working that out per request would read the whole store. So
the app keeps derived tables beside the store's own, all named web_*:

- web_edges_gN: every tie and event whose ends resolve (as `export.records` keeps them), with
  corpus actor ids and a sort date (the event's date when it is a calendar date, else the
  document's publication date);
- web_involved_gN: (actor, kind, date, edge) for each end of each edge: an actor's timeline;
- web_pairs_gN: edges counted per (source, target, kind, type): the graph and an actor's ties;
- web_quotes_gN: each quote with its speaker's corpus id and its document's date;
- web_about_gN: (actor, quote) for every actor mentioned inside a quote someone else gave;
- web_actor_stats_gN: documents, statements and facts per actor, for ranking;
- web_doc_story_gN and web_story_stats_gN: story membership and size;
- on SQLite, web_fts_{documents,quotes,actors}_gN: FTS5 external-content indexes (search.py);
- web_state: the current and previous generation, the store signature the current one was built
  from, and the overview's figures.

The app also adds a few plain indexes (ix_web_*) to store tables, e.g. actor_map by corpus actor.

Refresh. The signature is a few cheap numbers: the largest rowid of each table that grows, the
row count of the corpus tables (replaced whole by each build) and the hash of the newest document.
When it differs from the one the current generation was built from, generation N+1 is built in
short transactions (a concurrent `newsgraph build` is never locked out for long), the signature
is checked again (a build that landed meanwhile means building again), and N+1 is made current
by one small write. Generation N stays for requests still reading it; older ones are dropped.
The app refreshes at startup; then a background thread checks every few seconds and refreshes
once a change has been followed by one quiet period (so not while a build is still writing).
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    case,
    distinct,
    func,
    insert,
    inspect,
    literal,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.schema import CreateTable

from newsgraph import store as st
from newsgraph.web import search

log = logging.getLogger("newsgraph.web")

CHUNK = 100_000  # source rows per write transaction while building a generation
# The layout of the derived tables; a generation built by an app with another layout is rebuilt.
LAYOUT = "1"
DIGITS = list("0123456789")

state_metadata = MetaData()
web_state = Table(
    "web_state",
    state_metadata,
    Column("key", String(32), primary_key=True),
    Column("value", Text, nullable=False),
)

# Plain indexes on store tables that the app's queries need; names are fixed, nothing comes from a request.
STORE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_web_actor_map_actor ON actor_map (actor_id, doc, local_id)",
    "CREATE INDEX IF NOT EXISTS ix_web_documents_published ON documents (published, id)",
    "CREATE INDEX IF NOT EXISTS ix_web_documents_outlet_date ON documents (outlet, published, id)",
    "CREATE INDEX IF NOT EXISTS ix_web_documents_language_date ON documents (language, published, id)",
    "CREATE INDEX IF NOT EXISTS ix_web_documents_duplicate ON documents (duplicate_of)",
    'CREATE INDEX IF NOT EXISTS ix_web_mentions_span ON mentions (doc, start, "end", actor)',
)


@dataclass(frozen=True)
class Gen:
    """The derived tables of one generation."""

    number: int
    edges: Table
    involved: Table
    pairs: Table
    quotes: Table
    about: Table
    actor_stats: Table
    doc_story: Table
    story_stats: Table
    indexes: tuple[Index, ...]

    def fts(self, kind: str) -> str:
        """Name of this generation's full-text table for documents, quotes or actors."""
        return f"web_fts_{kind}_g{self.number}"

    @property
    def tables(self) -> tuple[Table, ...]:
        return (self.edges, self.involved, self.pairs, self.quotes, self.about, self.actor_stats,
                self.doc_story, self.story_stats)


@lru_cache(maxsize=16)
def define(number: int) -> Gen:
    """The Table objects of generation `number` (indexes are created after the rows are in)."""
    md = MetaData()

    def table(base: str, *columns: Column) -> Table:
        return Table(f"web_{base}_g{number}", md, *columns)

    def ix(t: Table, suffix: str, *cols: Any) -> Index:
        return Index(f"ix_{t.name}_{suffix}", *cols)

    def key(name: str, **kw: Any) -> Column:
        return Column(name, String(255), **kw)

    edges = table("edges", Column("id", Integer, primary_key=True, autoincrement=True),
                  Column("kind", String(8), nullable=False), Column("fact", Integer, nullable=False),
                  Column("type", String(64), nullable=False), key("source"), key("target"),
                  key("doc", nullable=False), Column("undated", Integer, nullable=False),
                  Column("day", String(32), nullable=False))
    involved = table("involved", key("actor", nullable=False), Column("kind", String(8), nullable=False),
                     Column("undated", Integer, nullable=False), Column("day", String(32), nullable=False),
                     Column("edge", Integer, nullable=False))
    pairs = table("pairs", key("source", nullable=False), key("target", nullable=False),
                  Column("kind", String(8), nullable=False), Column("type", String(64), nullable=False),
                  Column("n", Integer, nullable=False), Column("first", Integer, nullable=False))
    quotes = table("quotes", Column("fact", Integer, primary_key=True, autoincrement=False),
                   key("doc", nullable=False), key("speaker"), Column("undated", Integer, nullable=False),
                   Column("day", String(32), nullable=False))
    about = table("about", key("actor", nullable=False), Column("fact", Integer, nullable=False),
                  Column("undated", Integer, nullable=False), Column("day", String(32), nullable=False))
    stats = table("actor_stats", key("actor", primary_key=True), Column("type", String(32)),
                  *[Column(n, Integer, nullable=False) for n in ("docs", "quotes", "about", "ties", "events", "facts")])
    doc_story = table("doc_story", key("doc", nullable=False), Column("story", String(64), nullable=False))
    story_stats = table("story_stats", Column("story", String(64), primary_key=True),
                        Column("docs", Integer, nullable=False), Column("outlets", Integer, nullable=False),
                        Column("first", String(32)), Column("last", String(32)))
    indexes = (
        ix(edges, "kind", edges.c.kind, edges.c.undated, edges.c.day, edges.c.id),
        ix(edges, "type", edges.c.type, edges.c.undated, edges.c.day, edges.c.id),
        ix(edges, "doc", edges.c.doc),
        ix(involved, "actor", involved.c.actor, involved.c.kind, involved.c.undated, involved.c.day, involved.c.edge),
        ix(pairs, "n", pairs.c.n.desc(), pairs.c.source, pairs.c.target),
        ix(pairs, "source", pairs.c.source, pairs.c.kind),
        ix(pairs, "target", pairs.c.target, pairs.c.kind),
        ix(quotes, "speaker", quotes.c.speaker, quotes.c.undated, quotes.c.day, quotes.c.fact),
        ix(quotes, "day", quotes.c.undated, quotes.c.day, quotes.c.fact),
        ix(quotes, "doc", quotes.c.doc, quotes.c.fact),
        ix(about, "actor", about.c.actor, about.c.undated, about.c.day, about.c.fact),
        ix(stats, "docs", stats.c.docs.desc(), stats.c.actor),
        ix(stats, "type", stats.c.type, stats.c.docs.desc(), stats.c.actor),
        ix(doc_story, "story", doc_story.c.story, doc_story.c.doc),
        ix(doc_story, "doc", doc_story.c.doc),
        ix(story_stats, "docs", story_stats.c.docs.desc(), story_stats.c.story),
    )
    return Gen(number, edges, involved, pairs, quotes, about, stats, doc_story, story_stats, indexes)


# --------------------------------------------------------------------------- state


def read_state(conn: Connection) -> dict[str, str]:
    return {r.key: r.value for r in conn.execute(select(web_state))}


def _put(conn: Connection, values: dict[str, str]) -> None:
    for k, v in values.items():
        done = conn.execute(update(web_state).where(web_state.c.key == k).values(value=v)).rowcount
        if not done:
            conn.execute(insert(web_state).values(key=k, value=v))


def current(conn: Connection) -> Gen | None:
    """The generation pages should read, or None before the first refresh (or after a layout change)."""
    rows = dict(conn.execute(select(web_state.c.key, web_state.c.value)
                             .where(web_state.c.key.in_(("generation", "layout")))).all())
    return define(int(rows["generation"])) if rows.get("generation") and rows.get("layout") == LAYOUT else None


def summary(conn: Connection) -> dict[str, Any]:
    value = conn.execute(select(web_state.c.value).where(web_state.c.key == "summary")).scalar()
    return json.loads(value) if value else {}


# --------------------------------------------------------------------------- signature


def signature(conn: Connection) -> str:
    """A few numbers that change whenever a build changes the store, each answered from an index."""
    parts: dict[str, Any] = {}
    for t in (st.mentions, st.quotes, st.relations, st.events, st.claims, st.errors, st.conflicts):
        parts[t.name] = conn.execute(select(func.max(t.c.row_id))).scalar()
    for t in (st.documents, st.actors, st.stories, st.conflicts):
        parts["n_" + t.name] = conn.execute(select(func.count()).select_from(t)).scalar()
    if conn.dialect.name == "sqlite":
        row = conn.execute(text("SELECT rowid, raw_hash FROM documents ORDER BY rowid DESC LIMIT 1")).first()
        parts["newest"] = list(row) if row else None
    elif conn.dialect.name == "postgresql":
        names = [t.name for t in st.metadata.sorted_tables]
        rows = conn.execute(text(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables "
            "WHERE relname = ANY(:names) ORDER BY relname"), {"names": names}).all()
        parts["changes"] = [list(r) for r in rows]
    return json.dumps(parts, sort_keys=True, default=str)


# --------------------------------------------------------------------------- building a generation


def _is_date(col: Any) -> Any:
    """True where a value begins with a four-digit year, so it sorts as a calendar date."""
    return and_(col.isnot(None), *[func.substr(col, i, 1).in_(DIGITS) for i in range(1, 5)])


def _day(col: Any) -> Any:
    return func.coalesce(col, "")


def _undated(col: Any) -> Any:
    return case((func.coalesce(col, "") == "", 1), else_=0)


def _ranges(engine: Engine, col: Any) -> Iterator[tuple[int, int]]:
    with engine.connect() as conn:
        lo, hi = conn.execute(select(func.min(col), func.max(col))).one()
    if lo is None:
        return
    start = lo - 1
    while start < hi:
        yield start, start + CHUNK
        start += CHUNK


def _fill_chunked(engine: Engine, target: Table, cols: list[str], sel: Any, key: Any) -> None:
    for lo, hi in _ranges(engine, key):
        with engine.begin() as conn:
            conn.execute(insert(target).from_select(cols, sel.where(key > lo, key <= hi)))


def _fill_edges(engine: Engine, g: Gen) -> None:
    cols = ["kind", "fact", "type", "source", "target", "doc", "undated", "day"]
    d = st.documents
    r = st.relations
    src, tgt = st.actor_map.alias("src"), st.actor_map.alias("tgt")
    ties = (select(literal("tie"), r.c.row_id, func.coalesce(r.c.type, ""), src.c.actor_id, tgt.c.actor_id, r.c.doc,
                   _undated(d.c.published), _day(d.c.published))
            .select_from(r.join(src, and_(src.c.doc == r.c.doc, src.c.local_id == r.c.source))
                         .join(tgt, and_(tgt.c.doc == r.c.doc, tgt.c.local_id == r.c.target))
                         .outerjoin(d, d.c.id == r.c.doc))
            .where(src.c.actor_id != tgt.c.actor_id))
    _fill_chunked(engine, g.edges, cols, ties, r.c.row_id)
    e = st.events
    src, tgt = st.actor_map.alias("src"), st.actor_map.alias("tgt")
    day = case((_is_date(e.c.when), func.substr(e.c.when, 1, 10)), else_=d.c.published)
    events = (select(literal("event"), e.c.row_id, func.coalesce(e.c.type, ""), src.c.actor_id, tgt.c.actor_id,
                     e.c.doc, _undated(day), _day(day))
              .select_from(e.outerjoin(src, and_(src.c.doc == e.c.doc, src.c.local_id == e.c.source))
                           .outerjoin(tgt, and_(tgt.c.doc == e.c.doc, tgt.c.local_id == e.c.target))
                           .outerjoin(d, d.c.id == e.c.doc))
              .where(or_(src.c.actor_id.isnot(None), tgt.c.actor_id.isnot(None)),
                     or_(src.c.actor_id.is_(None), tgt.c.actor_id.is_(None), src.c.actor_id != tgt.c.actor_id)))
    _fill_chunked(engine, g.edges, cols, events, e.c.row_id)
    cols = ["actor", "kind", "undated", "day", "edge"]
    x = g.edges
    for end in (x.c.source, x.c.target):
        sel = select(end, x.c.kind, x.c.undated, x.c.day, x.c.id).where(end.isnot(None))
        _fill_chunked(engine, g.involved, cols, sel, x.c.id)
    with engine.begin() as conn:
        sel = (select(x.c.source, x.c.target, x.c.kind, x.c.type, func.count(), func.min(x.c.id))
               .where(x.c.source.isnot(None), x.c.target.isnot(None))
               .group_by(x.c.source, x.c.target, x.c.kind, x.c.type))
        conn.execute(insert(g.pairs).from_select(["source", "target", "kind", "type", "n", "first"], sel))


def _fill_quotes(engine: Engine, g: Gen) -> None:
    d, q = st.documents, st.quotes
    sp = st.actor_map.alias("sp")
    sel = (select(q.c.row_id, q.c.doc, sp.c.actor_id, _undated(d.c.published), _day(d.c.published))
           .select_from(q.outerjoin(sp, and_(sp.c.doc == q.c.doc, sp.c.local_id == q.c.speaker))
                        .outerjoin(d, d.c.id == q.c.doc)))
    _fill_chunked(engine, g.quotes, ["fact", "doc", "speaker", "undated", "day"], sel, q.c.row_id)
    m, named = st.mentions, st.actor_map.alias("named")
    wq = g.quotes
    sel = (select(named.c.actor_id, q.c.row_id, wq.c.undated, wq.c.day).distinct()
           .select_from(q.join(wq, wq.c.fact == q.c.row_id)
                        .join(m, and_(m.c.doc == q.c.doc, m.c.start >= q.c.start, m.c.start < q.c.end,
                                      m.c.end <= q.c.end))
                        .join(named, and_(named.c.doc == m.c.doc, named.c.local_id == m.c.actor)))
           .where(or_(wq.c.speaker.is_(None), wq.c.speaker != named.c.actor_id)))
    _fill_chunked(engine, g.about, ["actor", "fact", "undated", "day"], sel, q.c.row_id)


def _fill_stats(engine: Engine, g: Gen) -> None:
    """Per actor: documents, statements, quotes about it, ties and events, so pages never count them."""
    a, am, inv = st.actors, st.actor_map, g.involved
    counts = {
        "docs": select(am.c.actor_id.label("actor"), func.count(distinct(am.c.doc)).label("n"))
        .group_by(am.c.actor_id),
        "quotes": select(g.quotes.c.speaker.label("actor"), func.count().label("n"))
        .where(g.quotes.c.speaker.isnot(None)).group_by(g.quotes.c.speaker),
        "about": select(g.about.c.actor, func.count().label("n")).group_by(g.about.c.actor),
        "ties": select(inv.c.actor, func.count().label("n")).where(inv.c.kind == "tie").group_by(inv.c.actor),
        "events": select(inv.c.actor, func.count().label("n")).where(inv.c.kind == "event").group_by(inv.c.actor),
    }
    joined: Any = a
    values = []
    for name, sel in counts.items():
        sub = sel.subquery(name)
        joined = joined.outerjoin(sub, sub.c.actor == a.c.id)
        values.append(func.coalesce(sub.c.n, 0))
    sel = select(a.c.id, a.c.type, *values, values[3] + values[4]).select_from(joined)
    with engine.begin() as conn:
        conn.execute(insert(g.actor_stats).from_select(
            ["actor", "type", "docs", "quotes", "about", "ties", "events", "facts"], sel))


def _fill_stories(engine: Engine, g: Gen) -> None:
    with engine.connect() as conn:
        rows = conn.execute(select(st.stories.c.id, st.stories.c.docs)).all()
    members = []
    for story_id, docs in rows:
        seen: set[str] = set()
        for doc in json_list(docs):
            if isinstance(doc, str) and doc not in seen:
                seen.add(doc)
                members.append({"doc": doc, "story": story_id})
    d, ds = st.documents, g.doc_story
    with engine.begin() as conn:
        for i in range(0, len(members), CHUNK):
            conn.execute(insert(ds), members[i:i + CHUNK])
        sel = (select(ds.c.story, func.count(), func.count(distinct(d.c.outlet)), func.min(d.c.published),
                      func.max(d.c.published))
               .select_from(ds.outerjoin(d, d.c.id == ds.c.doc)).group_by(ds.c.story))
        conn.execute(insert(g.story_stats).from_select(["story", "docs", "outlets", "first", "last"], sel))


def json_list(value: Any) -> list[Any]:
    """A JSON list stored as text; anything else (null, damaged text) reads as an empty list."""
    try:
        data = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return data if isinstance(data, list) else []


def _count(conn: Connection, sel: Any) -> int:
    return int(conn.execute(sel).scalar() or 0)


def overview(conn: Connection, g: Gen) -> dict[str, Any]:
    """The overview page's figures, worked out once per generation rather than per request."""
    d = st.documents
    n_docs = _count(conn, select(func.count()).select_from(d))
    copies = _count(conn, select(func.count()).select_from(d).where(d.c.duplicate_of.isnot(None)))
    first, last = conn.execute(select(func.min(d.c.published), func.max(d.c.published))
                               .where(d.c.published.isnot(None), d.c.published != "")).one()

    def grouped(col: Any, limit: int) -> list[list[Any]]:
        sel = (select(col, func.count().label("n")).select_from(d).where(col.isnot(None), col != "")
               .group_by(col).order_by(func.count().desc(), col).limit(limit))
        return [[r[0], r[1]] for r in conn.execute(sel)]

    removed = 0
    for (lines,) in conn.execute(select(d.c.removed_lines).where(d.c.removed_lines != "[]")).yield_per(5000):
        removed += len(json_list(lines))
    edges = dict(conn.execute(select(g.edges.c.kind, func.count()).group_by(g.edges.c.kind)).all())
    return {
        "documents": n_docs, "distinct": n_docs - copies, "copies": copies,
        "first_date": first, "last_date": last,
        "outlets": grouped(d.c.outlet, 50),
        "outlet_total": _count(conn, select(func.count(distinct(d.c.outlet)))),
        "no_outlet": _count(conn, select(func.count()).select_from(d).where(or_(d.c.outlet.is_(None),
                                                                               d.c.outlet == ""))),
        "languages": grouped(d.c.language, 50),
        "translated": grouped(d.c.translated_from, 50),
        "removed_lines": removed,
        "stories": _count(conn, select(func.count()).select_from(st.stories)),
        "errors": _count(conn, select(func.count()).select_from(st.errors)),
        "actors": _count(conn, select(func.count()).select_from(st.actors)),
        "quotes": _count(conn, select(func.count()).select_from(st.quotes)),
        "claims": _count(conn, select(func.count()).select_from(st.claims)),
        "conflicts": _count(conn, select(func.count()).select_from(st.conflicts)),
        "ties": int(edges.get("tie", 0)),
        "events": int(edges.get("event", 0)),
        "refreshed": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _claim_generation(engine: Engine) -> int:
    with engine.begin() as conn:
        conn.execute(update(web_state).where(web_state.c.key == "next").values(value=web_state.c.value))
        nxt = int(conn.execute(select(web_state.c.value).where(web_state.c.key == "next")).scalar() or 0) + 1
        _put(conn, {"next": str(nxt)})
    return nxt


_GEN_TABLE = re.compile(r"^web_[a-z_]+_g(\d+)$")


def _drop_generations(engine: Engine, keep: set[int], below: int) -> None:
    """Drop every derived table of a generation under `below` that is not kept."""
    names = [n for n in inspect(engine).get_table_names() if _GEN_TABLE.match(n)]
    for name in names:
        number = int(_GEN_TABLE.match(name).group(1))  # type: ignore[union-attr]
        if number < below and number not in keep:
            with engine.begin() as conn:
                conn.execute(text(f'DROP TABLE IF EXISTS "{name}"'))


def _drop_generation(engine: Engine, number: int) -> None:
    """Drop the tables of one generation, e.g. one whose build failed."""
    for name in inspect(engine).get_table_names():
        m = _GEN_TABLE.match(name)
        if m and int(m.group(1)) == number:
            with engine.begin() as conn:
                conn.execute(text(f'DROP TABLE IF EXISTS "{name}"'))


class WebIndex:
    """Keeps the derived tables in step with the store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.on_refresh: list[Callable[[], None]] = []  # called after each new generation, e.g. to warm caches
        state_metadata.create_all(engine)
        with engine.begin() as conn:
            for ddl in STORE_INDEXES:
                conn.execute(text(ddl))
            search.prepare_store(conn)

    def stale(self) -> bool:
        with self.engine.connect() as conn:
            return not _up_to_date(read_state(conn), signature(conn))

    def refresh(self, force: bool = False, attempts: int = 3) -> bool:
        """Build a new generation if the store changed since the current one; True if one was made."""
        with self._lock:
            for _ in range(attempts):
                with self.engine.connect() as conn:
                    state = read_state(conn)
                    sig = signature(conn)
                if not force and _up_to_date(state, sig):
                    return False
                if self._build(sig, state):
                    for hook in self.on_refresh:
                        hook()
                    return True
            log.warning("the store kept changing while the web index was built; trying again later")
            return False

    def _build(self, sig: str, state: dict[str, str]) -> bool:
        number = _claim_generation(self.engine)
        g = define(number)
        try:
            with self.engine.begin() as conn:
                for t in g.tables:
                    conn.execute(CreateTable(t))  # the table alone: its indexes come after its rows
            _fill_edges(self.engine, g)
            _fill_quotes(self.engine, g)
            _fill_stats(self.engine, g)
            _fill_stories(self.engine, g)
            with self.engine.begin() as conn:
                for ix in g.indexes:
                    ix.create(conn)
            if self.engine.dialect.name == "postgresql":  # fresh tables have no statistics for the planner yet
                with self.engine.begin() as conn:
                    for t in g.tables:
                        conn.execute(text(f'ANALYZE "{t.name}"'))
            search.build(self.engine, g)
            with self.engine.connect() as conn:
                figures = overview(conn, g)
            with self.engine.begin() as conn:
                # write first, so the check below and the switch happen under one write lock
                conn.execute(update(web_state).where(web_state.c.key == "generation").values(value=web_state.c.value))
                if signature(conn) != sig:
                    raise _Moved
                previous = state.get("generation") or ""
                _put(conn, {"generation": str(number), "previous": previous, "signature": sig, "layout": LAYOUT,
                            "summary": json.dumps(figures)})
        except _Moved:
            _drop_generation(self.engine, number)
            return False
        except Exception:
            _drop_generation(self.engine, number)
            raise
        keep = {number} | ({int(state["generation"])} if state.get("generation") else set())
        _drop_generations(self.engine, keep=keep, below=number)
        log.info("web index generation %d built", number)
        return True

    def start(self, every: float) -> None:
        """Check the store every `every` seconds in the background (0 or less: never)."""
        if every <= 0 or self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._watch, args=(every,), name="newsgraph-web-index", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _watch(self, every: float) -> None:
        """Refresh once the store has changed and then stayed the same for one period: a build that is
        still writing keeps changing the signature, and rebuilding under it would be wasted work."""
        pending: str | None = None
        while not self._stop.wait(every):
            try:
                with self.engine.connect() as conn:
                    state, sig = read_state(conn), signature(conn)
                if _up_to_date(state, sig) or sig != pending:
                    pending = None if _up_to_date(state, sig) else sig
                    continue
                self.refresh()
                pending = None
            except Exception:  # a failed refresh keeps the current generation; the next check retries
                log.exception("web index refresh failed")


def _up_to_date(state: dict[str, str], sig: str) -> bool:
    return bool(state.get("generation")) and state.get("layout") == LAYOUT and state.get("signature") == sig


class _Moved(Exception):
    """The store changed while a generation was being built."""
