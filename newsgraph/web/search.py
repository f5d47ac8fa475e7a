"""Full-text search over actors (names, aliases, descriptions), quotes and document text.

SQLite: three FTS5 tables per web-index generation (see index.py), each with external content:
the text stays in the store's own tables (documents, quotes, actors) and the FTS table holds only
the inverted index, filled by rowid in short transactions when a generation is built. Words are
stemmed (porter) and accents folded, so "sanction" finds "sanctions" and "Ozbekiston" finds
"Oʻzbekiston".

PostgreSQL: expression GIN indexes on the store's tables over to_tsvector('english', ...), which
PostgreSQL keeps current by itself; queries use plainto_tsquery with the same expressions.

A query is reduced to its words, each searched as a quoted term, so no user input is ever read
as query syntax; snippets come back with private-use marker characters that the caller turns
into pieces of escaped text. Hits are ranked (bm25) when there are at most RANKED_UP_TO of them;
a word found nearly everywhere lists the latest added first, which stays fast at any size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, text

from newsgraph.web.text import Piece, marked

if TYPE_CHECKING:
    from newsgraph.web.index import Gen

OPEN, CLOSE = "\ue000", "\ue001"
KINDS = ("actors", "quotes", "documents")
MAX_TERMS = 12
RANKED_UP_TO = 5_000  # beyond this many matches, the latest added come first: ranking them all costs too much
CHUNK = 50_000
TOKENIZE = "porter unicode61 remove_diacritics 2"

_FTS = {  # kind: (store table, indexed columns, rowid column of the store table)
    "documents": ("documents", ("title", "text"), "rowid"),
    "quotes": ("quotes", ("text", "speaker_text"), "row_id"),
    "actors": ("actors", ("name", "aliases", "description"), "rowid"),
}

_PG_VECTORS = {
    "documents": "to_tsvector('english', coalesce(d.title, '') || ' ' || d.\"text\")",
    "quotes": "to_tsvector('english', coalesce(q.\"text\", '') || ' ' || coalesce(q.speaker_text, ''))",
    "actors": "to_tsvector('english', a.name || ' ' || a.aliases || ' ' || coalesce(a.description, ''))",
}
_PG_INDEXES = {
    "documents": ("documents", "d"),
    "quotes": ("quotes", "q"),
    "actors": ("actors", "a"),
}


@dataclass
class Hit:
    kind: str  # actor | quote | document
    id: str
    title: str
    pieces: list[Piece]
    doc: str | None = None
    start: int | None = None
    end: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def terms(query: str) -> list[str]:
    return re.findall(r"\w+", query or "")[:MAX_TERMS]


def prepare_store(conn: Connection) -> None:
    """On PostgreSQL, the full-text indexes live on the store's tables and are made once."""
    if conn.dialect.name != "postgresql":
        return
    for kind, (table, alias) in _PG_INDEXES.items():
        expr = _PG_VECTORS[kind].replace(f"{alias}.", "")
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_web_{kind}_fts ON {table} USING gin (({expr}))"))


def build(engine: Engine, g: Gen) -> None:
    """Create and fill this generation's FTS5 tables (SQLite only)."""
    if engine.dialect.name != "sqlite":
        return
    for kind, (table, cols, rowid) in _FTS.items():
        name = g.fts(kind)
        content_rowid = "" if rowid == "rowid" else f", content_rowid='{rowid}'"
        with engine.begin() as conn:
            conn.execute(text(f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(cols)}, content='{table}'"
                              f"{content_rowid}, tokenize='{TOKENIZE}')"))
        with engine.connect() as conn:
            lo, hi = conn.execute(text(f"SELECT min({rowid}), max({rowid}) FROM {table}")).one()
        if lo is None:
            continue
        col_list = ", ".join(cols)
        for start in range(lo - 1, hi, CHUNK):
            with engine.begin() as conn:
                conn.execute(text(f"INSERT INTO {name}(rowid, {col_list}) SELECT {rowid}, {col_list} FROM {table} "
                                  f"WHERE {rowid} > :lo AND {rowid} <= :hi"), {"lo": start, "hi": start + CHUNK})


def search(conn: Connection, g: Gen, kind: str, query: str, limit: int, offset: int) -> tuple[list[Hit], int]:
    """One page of hits of one kind, best first, and how many there are in all."""
    words = terms(query)
    if not words or kind not in KINDS:
        return [], 0
    if conn.dialect.name == "postgresql":
        return _pg_search(conn, kind, " ".join(words), limit, offset)
    if conn.dialect.name != "sqlite":
        return [], 0
    match = " ".join('"' + w + '"' for w in words)
    name = g.fts(kind)
    total = conn.execute(text(f"SELECT count(*) FROM {name} WHERE {name} MATCH :q"), {"q": match}).scalar() or 0
    order = "f.rank" if total <= RANKED_UP_TO else "f.rowid DESC"
    params = {"q": match, "limit": limit, "offset": offset, "o": OPEN, "c": CLOSE}
    sql = _SQLITE[kind].format(name=name, order=order)
    rows = conn.execute(text(sql), params).mappings().all()
    return [_hit(kind, r) for r in rows], int(total)


_SQLITE = {
    "documents": (
        "SELECT d.id, d.title, d.outlet, d.published, snippet({name}, -1, :o, :c, '…', 24) AS snippet "
        "FROM {name} f JOIN documents d ON d.rowid = f.rowid WHERE {name} MATCH :q "
        "ORDER BY {order} LIMIT :limit OFFSET :offset"),
    "quotes": (
        "SELECT q.row_id, q.doc, q.start, q.\"end\", q.kind, q.speaker_text, snippet({name}, 0, :o, :c, '…', 40) "
        "AS snippet, d.title, d.outlet FROM {name} f JOIN quotes q ON q.row_id = f.rowid "
        "LEFT JOIN documents d ON d.id = q.doc WHERE {name} MATCH :q ORDER BY {order} LIMIT :limit OFFSET :offset"),
    "actors": (
        "SELECT a.id, a.name, a.type, a.description, snippet({name}, -1, :o, :c, '…', 16) AS snippet "
        "FROM {name} f JOIN actors a ON a.rowid = f.rowid WHERE {name} MATCH :q "
        "ORDER BY {order} LIMIT :limit OFFSET :offset"),
}

_PG_HEADLINE = f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords=40, MinWords=12, MaxFragments=1, FragmentDelimiter=…"
_PG = {
    "documents": (
        "SELECT d.id, d.title, d.outlet, d.published, ts_headline('english', d.\"text\", query, :opts) AS snippet "
        "FROM (SELECT d.id, ts_rank({vec}, query) AS score, query FROM documents d, plainto_tsquery('english', :q) "
        "query WHERE {vec} @@ query ORDER BY score DESC, d.id LIMIT :limit OFFSET :offset) hits "
        "JOIN documents d ON d.id = hits.id ORDER BY hits.score DESC, d.id"),
    "quotes": (
        "SELECT q.row_id, q.doc, q.start, q.\"end\", q.kind, q.speaker_text, "
        "ts_headline('english', coalesce(q.\"text\", ''), query, :opts) AS snippet, d.title, d.outlet "
        "FROM (SELECT q.row_id, ts_rank({vec}, query) AS score, query FROM quotes q, "
        "plainto_tsquery('english', :q) query WHERE {vec} @@ query ORDER BY score DESC, q.row_id "
        "LIMIT :limit OFFSET :offset) hits JOIN quotes q ON q.row_id = hits.row_id "
        "LEFT JOIN documents d ON d.id = q.doc ORDER BY hits.score DESC, q.row_id"),
    "actors": (
        "SELECT a.id, a.name, a.type, a.description, "
        "ts_headline('english', a.name || ' — ' || coalesce(a.description, ''), query, :opts) AS snippet "
        "FROM (SELECT a.id, ts_rank({vec}, query) AS score, query FROM actors a, plainto_tsquery('english', :q) "
        "query WHERE {vec} @@ query ORDER BY score DESC, a.id LIMIT :limit OFFSET :offset) hits "
        "JOIN actors a ON a.id = hits.id ORDER BY hits.score DESC, a.id"),
}
_PG_COUNT = {
    "documents": "SELECT count(*) FROM documents d WHERE {vec} @@ plainto_tsquery('english', :q)",
    "quotes": "SELECT count(*) FROM quotes q WHERE {vec} @@ plainto_tsquery('english', :q)",
    "actors": "SELECT count(*) FROM actors a WHERE {vec} @@ plainto_tsquery('english', :q)",
}


def _pg_search(conn: Connection, kind: str, query: str, limit: int, offset: int) -> tuple[list[Hit], int]:
    vec = _PG_VECTORS[kind]
    total = conn.execute(text(_PG_COUNT[kind].format(vec=vec)), {"q": query}).scalar() or 0
    if not total:
        return [], 0
    params = {"q": query, "limit": limit, "offset": offset, "opts": _PG_HEADLINE}
    rows = conn.execute(text(_PG[kind].format(vec=vec)), params).mappings().all()
    return [_hit(kind, r) for r in rows], int(total)


def _hit(kind: str, r: Any) -> Hit:
    pieces = marked(r["snippet"] or "", OPEN, CLOSE)
    if kind == "documents":
        return Hit("document", r["id"], r["title"] or r["id"], pieces, doc=r["id"],
                   extra={"outlet": r["outlet"], "published": r["published"]})
    if kind == "quotes":
        return Hit("quote", str(r["row_id"]), r["speaker_text"] or "", pieces, doc=r["doc"], start=r["start"],
                   end=r["end"], extra={"kind": r["kind"], "doc_title": r["title"], "outlet": r["outlet"]})
    return Hit("actor", r["id"], r["name"], pieces, extra={"type": r["type"], "description": r["description"]})
