"""The store: SQLite by default, PostgreSQL for teams, through SQLAlchemy Core.

Per-document facts are written in one transaction per document, with the
document-local actor ids the per-document stages gave them. Corpus-level
results (resolved actors, the map from local to corpus ids, duplicates,
conflicts, stories) are recomputed from what is stored and replaced in one
transaction, so re-building the same input changes nothing and adding
documents never rewrites the facts of the others.
"""

from __future__ import annotations

import dataclasses
import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import groupby
from typing import Any, NamedTuple

import numpy as np
from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    delete,
    event,
    insert,
    inspect,
    select,
    text,
    update,
)

from newsgraph.dedup import CopyPair, Sketch
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
    Relation,
)

metadata = MetaData()
BUILD_LOCK_KEY = 0x6E657773  # PostgreSQL advisory lock id for builds ("news")


class StoreBusy(Exception):
    """Another build holds the store's lock."""


documents = Table(
    "documents",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", String(32)),
    Column("language", String(16)),
    Column("translated_from", String(16)),
    Column("duplicate_of", String(255)),
    Column("duplicate_kind", String(16)),
    Column("duplicate_score", Float),
    Column("raw_hash", String(64)),
    Column("removed_lines", Text, nullable=False, default="[]"),
    Column("text", Text, nullable=False),
)


def _fact_table(name: str, cls: type) -> Table:
    """A table with one typed column per field of a fact data class."""
    columns = [Column("row_id", Integer, primary_key=True, autoincrement=True)]
    for f in dataclasses.fields(cls):
        kind = str(f.type)
        if kind == "bool":
            col_type: Any = Boolean
        elif kind == "int":
            col_type = Integer
        else:
            col_type = Text
        columns.append(Column(f.name, col_type, index=f.name == "doc"))
    return Table(name, metadata, *columns)


mentions = _fact_table("mentions", Mention)
quotes = _fact_table("quotes", Quote)
relations = _fact_table("relations", Relation)
events = _fact_table("events", Event)
claims = _fact_table("claims", Claim)
doc_actors = Table(
    "doc_actors",
    metadata,
    Column("doc", String(255), primary_key=True),
    Column("id", String(255), primary_key=True),
    Column("data", Text, nullable=False),  # the document-local Actor as JSON
)
actors = Table(
    "actors",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("description", Text),
    Column("aliases", Text, nullable=False),
    Column("docs", Text, nullable=False),
    Column("iso3", String(8)),
    Column("wikidata", String(32)),
)
actor_map = Table(
    "actor_map",
    metadata,
    Column("doc", String(255), primary_key=True),
    Column("local_id", String(255), primary_key=True),
    Column("actor_id", String(255), nullable=False),
)
conflicts = Table(
    "conflicts",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("topic", Text, nullable=False),
    Column("statements", Text, nullable=False),
)
stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("label", Text, nullable=False),
    Column("docs", Text, nullable=False),
)
# What the duplicate finder keeps of each document, and the copy pairs it confirmed, so that adding
# documents compares only the new ones (see dedup.CopyIndex).
sketches = Table(
    "sketches",
    metadata,
    Column("doc", String(255), primary_key=True),
    Column("digest", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("removed", Integer, nullable=False),
    Column("minhash", LargeBinary, nullable=False),
    Column("samples", LargeBinary, nullable=False),
    Column("informative", Integer, nullable=False),
)
copy_pairs = Table(
    "copy_pairs",
    metadata,
    Column("a", String(255), primary_key=True),
    Column("b", String(255), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("score", Float, nullable=False),
)
# What the story grouping needs of each document's words (see stories.DocFeatures), so that later builds
# read it instead of tokenising every stored text again. `version` names the feature format.
story_features = Table(
    "story_features",
    metadata,
    Column("doc", String(255), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)
errors = Table(
    "errors",
    metadata,
    Column("row_id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

FACT_TABLES: dict[type, Table] = {Mention: mentions, Quote: quotes, Relation: relations, Event: events, Claim: claims}
TEXT_CACHE = 64  # texts a lazily read document keeps at hand: corpus stages read one document's text repeatedly


class MentionRow(NamedTuple):
    """A Mention with the same fields, as a tuple: a corpus holds millions, and a data class costs three times
    the memory. Code that reads mentions by field name takes either."""

    doc: str
    start: int
    end: int
    text: str
    actor: str
    kind: str


class RecentlyRead(Mapping[str, Any]):
    """Values loaded by key when asked for, the last `keep` of them kept: corpus stages read one document's
    text, mentions or actor map a few times in a row, then move on. It cannot be listed or counted."""

    def __init__(self, load: Callable[[str], Any], keep: int) -> None:
        self._load = load
        self._keep = keep
        self._recent: OrderedDict[str, Any] = OrderedDict()

    def __getitem__(self, key: str) -> Any:
        if key in self._recent:
            self._recent.move_to_end(key)
            return self._recent[key]
        value = self._recent[key] = self._load(key)
        if len(self._recent) > self._keep:
            self._recent.popitem(last=False)
        return value

    def __iter__(self) -> Iterator[str]:
        raise TypeError("values are read one key at a time")

    def __len__(self) -> int:
        raise TypeError("values are read one key at a time")

    def __bool__(self) -> bool:
        return True


class _TextsAtHand(RecentlyRead):
    """Texts read from a store, the last TEXT_CACHE of them kept."""

    def __init__(self, store: Store) -> None:
        super().__init__(store.document_text, TEXT_CACHE)
        self.store = store


class StoredDocument(Document):
    """A document whose text stays in the store until it is read."""

    def __init__(self, texts: _TextsAtHand, **fields: Any) -> None:
        self._texts = texts
        super().__init__(text="", **fields)

    @property  # type: ignore[override]
    def text(self) -> str:
        return self._texts[self.id]

    @text.setter
    def text(self, value: str) -> None:
        """The text is the store's; the data class constructor's assignment is ignored."""


class DocumentRef:
    """A stored document as the corpus stages see it: its id, links, date and title at hand, its text and
    furniture lines read from the store when asked. A tenth of the memory of a Document without text,
    which matters when every document of a large corpus is listed at once."""

    __slots__ = ("id", "title", "published", "duplicate_of", "duplicate_kind", "duplicate_score", "_texts")

    def __init__(self, texts: _TextsAtHand, doc_id: str, title: str | None, published: str | None,
                 duplicate_of: str | None, duplicate_kind: str | None, duplicate_score: float | None) -> None:
        self._texts = texts
        self.id, self.title, self.published = doc_id, title, published
        self.duplicate_of, self.duplicate_kind, self.duplicate_score = duplicate_of, duplicate_kind, duplicate_score

    @property
    def text(self) -> str:
        return self._texts[self.id]

    @property
    def removed_lines(self) -> list[str]:
        return self._texts.store.removed_lines(self.id)


def _encode(value: Any) -> str:
    """Claim values are numbers or text ('3-4 June'); JSON keeps which."""
    return json.dumps(value)


def _decode_value(cls: type, name: str, value: Any) -> Any:
    if cls is Claim and name == "value" and isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def database_url(db: str) -> str:
    """A path means a SQLite file; anything with '://' is taken as a SQLAlchemy URL."""
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return f"sqlite:///{db}"


def _add_missing_columns(engine: Engine) -> None:
    """Give a store made by an earlier version the columns added since (new fact fields), empty for old rows."""
    found = inspect(engine)
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            have = {c["name"] for c in found.get_columns(table.name)}
            for column in table.columns:
                if column.name not in have:
                    kind = column.type.compile(dialect=engine.dialect)
                    if isinstance(column.type, Boolean):
                        kind += " DEFAULT " + ("0" if engine.dialect.name == "sqlite" else "false")
                    conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))


class Store:
    """A graph store on one database."""

    def __init__(self, db: str = "newsgraph.db") -> None:
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        metadata.create_all(self.engine)
        _add_missing_columns(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store's build lock: one build writes at a time, a second is refused with StoreBusy.

        Readers (reports, the web app) never need it. SQLite is locked with a lock
        file beside the database, PostgreSQL with an advisory lock; both are let go
        when the process ends, however it ends, so a killed build never leaves a
        stale lock behind.
        """
        if self.engine.dialect.name == "sqlite":
            with _file_lock(self.url.removeprefix("sqlite:///")):
                yield
            return
        with self.engine.connect() as conn:
            if not conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": BUILD_LOCK_KEY}).scalar():
                raise StoreBusy("another build is writing to this database; wait for it to finish")
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": BUILD_LOCK_KEY})
                conn.commit()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.engine.begin() as conn:
            yield conn

    # ------------------------------------------------------------ documents

    def stored_hashes(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {row.id: row.raw_hash for row in conn.execute(select(documents.c.id, documents.c.raw_hash))}

    def save_document(self, facts: DocFacts) -> None:
        """Replace one document and all its facts in a single transaction."""
        doc = facts.doc
        with self.transaction() as conn:
            self._delete_document(conn, doc.id)
            row = {c.name: getattr(doc, c.name) for c in documents.columns if c.name != "removed_lines"}
            row["removed_lines"] = json.dumps(doc.removed_lines)
            conn.execute(insert(documents), [row])
            for cls, table in FACT_TABLES.items():
                items = [x for x in _facts_of(facts, cls)]
                if items:
                    conn.execute(insert(table), [
                        {k: _encode(v) if k == "value" else v for k, v in vars(x).items()}  # facts are flat
                        for x in items
                    ])
            if facts.actors:
                conn.execute(insert(doc_actors), [
                    {"doc": doc.id, "id": a.id, "data": json.dumps(vars(a))} for a in facts.actors
                ])

    def _delete_document(self, conn: Any, doc_id: str) -> None:
        """A document is replaced whole: its facts, its sketch and its copy pairs go with it."""
        conn.execute(delete(documents).where(documents.c.id == doc_id))
        conn.execute(delete(sketches).where(sketches.c.doc == doc_id))
        conn.execute(delete(copy_pairs).where((copy_pairs.c.a == doc_id) | (copy_pairs.c.b == doc_id)))
        conn.execute(delete(doc_actors).where(doc_actors.c.doc == doc_id))
        conn.execute(delete(story_features).where(story_features.c.doc == doc_id))
        for table in FACT_TABLES.values():
            conn.execute(delete(table).where(table.c.doc == doc_id))

    def documents(self, with_text: bool = True) -> list[Document]:
        """All documents in id order. Without text, each document reads its text from the store when asked,
        so a corpus stage over many documents holds only the texts it is working on."""
        columns = [c for c in documents.columns if with_text or c.name != "text"]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*columns).order_by(documents.c.id)).mappings().all()
        out: list[Document] = []
        texts = _TextsAtHand(self)
        shared: dict[str, str] = {}  # outlets, languages, authors and furniture lines recur across documents
        for r in rows:
            data = {k: shared.setdefault(v, v) if isinstance(v, str) and k != "text" else v for k, v in r.items()}
            data["removed_lines"] = [shared.setdefault(v, v) for v in json.loads(data["removed_lines"] or "[]")]
            out.append(Document(**data) if with_text else StoredDocument(texts, **data))
        return out

    def set_duplicates(self, links: dict[str, tuple[str | None, str | None, float | None]]) -> None:
        with self.transaction() as conn:
            for doc_id, (canonical, kind, score) in links.items():
                conn.execute(update(documents).where(documents.c.id == doc_id).values(
                    duplicate_of=canonical, duplicate_kind=kind, duplicate_score=score))

    def document_refs(self) -> list[DocumentRef]:
        """All documents in id order as light references (see DocumentRef), read in one stream."""
        cols = documents.c
        texts = _TextsAtHand(self)
        shared: dict[str, str] = {}  # dates and kinds recur
        query = select(cols.id, cols.title, cols.published, cols.duplicate_of, cols.duplicate_kind,
                       cols.duplicate_score).order_by(cols.id)
        return [DocumentRef(texts, r.id, r.title, r.published and shared.setdefault(r.published, r.published),
                            r.duplicate_of, r.duplicate_kind and shared.setdefault(r.duplicate_kind, r.duplicate_kind),
                            r.duplicate_score) for r in self._stream(query)]

    def removed_lines(self, doc_id: str) -> list[str]:
        with self.engine.connect() as conn:
            found = conn.execute(select(documents.c.removed_lines).where(documents.c.id == doc_id)).scalar_one()
        return json.loads(found or "[]")

    def update_duplicates(self, links: Iterable[tuple[str, str, str, float]]) -> None:
        """Set (doc, canonical, kind, score) links and clear the links of every other document, touching only
        rows whose link changes: one statement per change, run as a batch, never one per document."""
        wanted = {doc: (canonical, kind, score) for doc, canonical, kind, score in links}
        cols = documents.c
        with self.transaction() as conn:
            have = {r.id: (r.duplicate_of, r.duplicate_kind, r.duplicate_score) for r in conn.execute(
                select(cols.id, cols.duplicate_of, cols.duplicate_kind, cols.duplicate_score).where(
                    (cols.duplicate_of.is_not(None)) | (cols.duplicate_kind.is_not(None))
                    | (cols.duplicate_score.is_not(None))))}
            changes = [{"b_id": doc, "b_of": link[0], "b_kind": link[1], "b_score": link[2]}
                       for doc, link in wanted.items() if have.get(doc) != link]
            changes += [{"b_id": doc, "b_of": None, "b_kind": None, "b_score": None}
                        for doc in have if doc not in wanted]
            if changes:
                conn.execute(update(documents).where(cols.id == bindparam("b_id")).values(
                    duplicate_of=bindparam("b_of"), duplicate_kind=bindparam("b_kind"),
                    duplicate_score=bindparam("b_score")), changes)

    def document_text(self, doc_id: str) -> str:
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.text).where(documents.c.id == doc_id)).scalar_one()

    # ------------------------------------------------------------ duplicates

    def sketches(self) -> list[Sketch]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(sketches).order_by(sketches.c.doc)).all()
        return [Sketch(r.doc, r.digest, r.size, r.removed, np.frombuffer(r.minhash, dtype="<u8").astype(np.uint64),
                       np.frombuffer(r.samples, dtype="<u8").astype(np.uint64), r.informative) for r in rows]

    def iter_sketches(self, batch: int = 1000) -> Iterator[Sketch]:
        """The sketches of stored documents in id order, read in batches rather than all at once."""
        last = ""
        while True:
            query = select(sketches).join(documents, documents.c.id == sketches.c.doc).where(
                sketches.c.doc > last).order_by(sketches.c.doc).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(query).all()
            for r in rows:
                yield Sketch(r.doc, r.digest, r.size, r.removed,
                             np.frombuffer(r.minhash, dtype="<u8").astype(np.uint64),
                             np.frombuffer(r.samples, dtype="<u8").astype(np.uint64), r.informative)
            if len(rows) < batch:
                return
            last = rows[-1].doc

    def unsketched_ids(self) -> list[str]:
        """Documents the duplicate finder has not compared yet, in id order."""
        query = select(documents.c.id).where(~select(sketches.c.doc).where(
            sketches.c.doc == documents.c.id).exists()).order_by(documents.c.id)
        with self.engine.connect() as conn:
            return [r.id for r in conn.execute(query)]

    def copy_pairs(self) -> list[CopyPair]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(copy_pairs)).all()
        return [CopyPair(r.a, r.b, r.kind, r.score) for r in rows]

    def add_copies(self, found: list[Sketch], pairs: list[CopyPair]) -> None:
        """Keep the sketches of newly compared documents and the pairs found among them, in one transaction."""
        with self.transaction() as conn:
            if found:
                conn.execute(insert(sketches), [
                    {"doc": sk.doc, "digest": sk.digest, "size": sk.size, "removed": sk.removed,
                     "minhash": sk.minhash.astype("<u8").tobytes(), "samples": sk.samples.astype("<u8").tobytes(),
                     "informative": sk.informative}
                    for sk in found])
            if pairs:
                conn.execute(insert(copy_pairs), [dataclasses.asdict(p) for p in pairs])

    # ------------------------------------------------------------ facts

    def facts(self, cls: type) -> list[Any]:
        """All stored facts of one kind, with document-local actor ids."""
        table = FACT_TABLES[cls]
        names = [f.name for f in dataclasses.fields(cls)]
        with self.engine.connect() as conn:
            rows = conn.execute(select(table).order_by(table.c.doc, table.c.row_id)).mappings().all()
        return [cls(**{n: _decode_value(cls, n, r[n]) for n in names}) for r in rows]

    def iter_facts(self, cls: type) -> Iterator[Any]:
        """`facts` streamed, for corpus stages that must not hold every fact at once."""
        table = FACT_TABLES[cls]
        names = [f.name for f in dataclasses.fields(cls)]
        for r in self._stream(select(table).order_by(table.c.doc, table.c.row_id)):
            row = r._mapping
            yield cls(**{n: _decode_value(cls, n, row[n]) for n in names})

    def mention_rows(self) -> dict[str, list[MentionRow]]:
        """Every mention, per document in stored order, as light tuples whose repeated strings are shared."""
        out: dict[str, list[MentionRow]] = {}
        shared: dict[str, str] = {}
        columns = [mentions.c[f] for f in MentionRow._fields]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*columns).order_by(mentions.c.doc, mentions.c.row_id))
            for doc, start, end, text_, actor, kind in rows:
                doc, text_, actor, kind = (shared.setdefault(v, v) for v in (doc, text_, actor, kind))
                out.setdefault(doc, []).append(MentionRow(doc, start, end, text_, actor, kind))
        return out

    def local_actors(self) -> dict[str, list[Actor]]:
        """Each document's own actors. The same actor recurs in many documents: its strings are shared."""
        out: dict[str, list[Actor]] = {}
        shared: dict[Any, Any] = {}

        def one(value: Any) -> Any:
            if isinstance(value, str):
                return shared.setdefault(value, value)
            if isinstance(value, list):
                return [one(v) for v in value]
            if isinstance(value, dict):
                return {one(k): one(v) for k, v in value.items()}
            return value

        with self.engine.connect() as conn:
            for row in conn.execute(select(doc_actors).order_by(doc_actors.c.doc, doc_actors.c.id)):
                out.setdefault(row.doc, []).append(Actor(**one(json.loads(row.data))))
        return out

    def _stream(self, query: Any, rows: int = 2000) -> Iterator[Any]:
        """Rows of a query fetched a batch at a time (a server-side cursor on PostgreSQL)."""
        with self.engine.connect() as conn:
            yield from conn.execution_options(stream_results=True, yield_per=rows).execute(query)

    def iter_local_actors(self) -> Iterator[tuple[str, Actor]]:
        """(doc, document-local actor) streamed, documents in code-point order of their ids (as Python sorts
        them, whatever the database's collation), each document's actors in id order."""
        doc = doc_actors.c.doc.collate("C") if self.engine.dialect.name == "postgresql" else doc_actors.c.doc
        for row in self._stream(select(doc_actors).order_by(doc, doc_actors.c.id)):
            yield row.doc, Actor(**json.loads(row.data))

    def mention_kinds(self) -> set[tuple[str, bool]]:
        """(local actor id, whether the mention names a location) over all mentions, each pair once."""
        query = select(mentions.c.actor, mentions.c.kind).distinct()
        with self.engine.connect() as conn:
            return {(r.actor, r.kind == "location") for r in conn.execute(query)}

    def iter_prefixed_mentions(self, prefix: str) -> Iterator[tuple[str, str, str]]:
        """(doc, actor, text) of mentions whose actor id starts with `prefix`, in stored order."""
        query = select(mentions.c.doc, mentions.c.actor, mentions.c.text).where(
            mentions.c.actor.startswith(prefix, autoescape=True)).order_by(mentions.c.doc, mentions.c.row_id)
        for r in self._stream(query):
            if r.actor.startswith(prefix):  # LIKE ignores case on SQLite
                yield r.doc, r.actor, r.text

    def iter_mentions_by_doc(self) -> Iterator[tuple[str, list[MentionRow]]]:
        """Each document's mentions in stored order, documents in id order, streamed."""
        columns = [mentions.c[f] for f in MentionRow._fields]
        rows = (MentionRow(*r) for r in self._stream(select(*columns).order_by(mentions.c.doc, mentions.c.row_id)))
        for doc, group in groupby(rows, key=lambda m: m.doc):
            yield doc, list(group)

    def mentions_of(self, doc_ids: list[str]) -> dict[str, list[MentionRow]]:
        """The mentions of a few documents, in stored order."""
        columns = [mentions.c[f] for f in MentionRow._fields]
        out: dict[str, list[MentionRow]] = {d: [] for d in doc_ids}
        with self.engine.connect() as conn:
            for r in conn.execute(select(*columns).where(mentions.c.doc.in_(doc_ids)).order_by(
                    mentions.c.doc, mentions.c.row_id)):
                out[r.doc].append(MentionRow(*r))
        return out

    # ------------------------------------------------------------ corpus level

    def save_corpus(self, corpus_actors: list[Actor], mapping: dict[str, dict[str, str]],
                    found_conflicts: list[Conflict], found_stories: list[Any]) -> None:
        """Replace every corpus-level result in one transaction."""
        rows = ((doc, local, actor) for doc, ids in mapping.items() for local, actor in ids.items())
        self.save_corpus_stream(corpus_actors, rows, found_conflicts, found_stories)

    def save_corpus_stream(self, corpus_actors: Iterable[Actor], map_rows: Iterable[tuple[str, str, str]],
                           found_conflicts: Iterable[Conflict], found_stories: list[Any], batch: int = 2000) -> None:
        """`save_corpus` from streams of actors and (doc, local id, corpus id) rows, written in batches
        within the one transaction."""
        def batches(items: Iterable[Any]) -> Iterator[list[Any]]:
            chunk: list[Any] = []
            for item in items:
                chunk.append(item)
                if len(chunk) >= batch:
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk

        with self.transaction() as conn:
            for table in (actors, actor_map, conflicts, stories):
                conn.execute(delete(table))
            for chunk in batches(corpus_actors):
                conn.execute(insert(actors), [{
                    "id": a.id, "name": a.name, "type": a.type, "description": a.description,
                    "aliases": json.dumps(a.aliases), "docs": json.dumps(a.docs),
                    "iso3": a.codes.get("iso3"), "wikidata": a.codes.get("wikidata"),
                } for a in chunk])
            for chunk in batches(map_rows):
                conn.execute(insert(actor_map), [{"doc": d, "local_id": k, "actor_id": v} for d, k, v in chunk])
            for chunk in batches(found_conflicts):
                conn.execute(insert(conflicts), [{
                    "topic": c.topic, "statements": json.dumps([dataclasses.asdict(s) for s in c.statements])
                } for c in chunk])
            if found_stories:
                conn.execute(insert(stories), [
                    {"id": s.id, "label": s.label, "docs": json.dumps(list(s.docs))} for s in found_stories
                ])

    def actors(self) -> list[Actor]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(actors).order_by(actors.c.id)).mappings().all()
        return [Actor(r["id"], r["name"], r["type"], r["description"], json.loads(r["aliases"]),
                      json.loads(r["docs"]), {"iso3": r["iso3"], "wikidata": r["wikidata"]}) for r in rows]

    def actor_map(self) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(select(actor_map)):
                out.setdefault(row.doc, {})[row.local_id] = row.actor_id
        return out

    def conflicts(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(conflicts).order_by(conflicts.c.row_id)).all()
        return [{"topic": r.topic, "statements": json.loads(r.statements)} for r in rows]

    def stories(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(stories).order_by(stories.c.id)).all()
        return [{"id": r.id, "label": r.label, "docs": json.loads(r.docs)} for r in rows]

    # ------------------------------------------------------------ story features

    def story_features(self, version: int, doc_ids: list[str]) -> list[tuple[str, bytes]]:
        """(doc, data) of the stored story features of these documents, where they are kept in this format
        version; callers ask for a few hundred documents at a time."""
        query = select(story_features.c.doc, story_features.c.data).where(
            story_features.c.version == version, story_features.c.doc.in_(doc_ids))
        with self.engine.connect() as conn:
            return [(row.doc, row.data) for row in conn.execute(query)]

    def save_story_features(self, version: int, found: Iterable[tuple[str, bytes]]) -> None:
        """Keep story features of documents (replacing any older ones) in one transaction."""
        rows = [{"doc": doc, "version": version, "data": data} for doc, data in found]
        if not rows:
            return
        with self.transaction() as conn:
            conn.execute(delete(story_features).where(story_features.c.doc.in_([r["doc"] for r in rows])))
            conn.execute(insert(story_features), rows)

    # ------------------------------------------------------------ errors

    def add_errors(self, found: list[InputError]) -> None:
        if not found:
            return
        with self.transaction() as conn:
            known = {(r.source, r.reason) for r in conn.execute(select(errors.c.source, errors.c.reason))}
            rows = [{"source": e.source, "reason": e.reason} for e in found if (e.source, e.reason) not in known]
            if rows:
                conn.execute(insert(errors), rows)

    def errors(self) -> list[InputError]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(errors).order_by(errors.c.row_id)).all()
        return [InputError(r.source, r.reason) for r in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and tests."""
        from sqlalchemy import func

        out = {}
        with self.engine.connect() as conn:
            for table in metadata.sorted_tables:
                out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
        return out


def _facts_of(facts: DocFacts, cls: type) -> list[Any]:
    return {Mention: facts.mentions, Quote: facts.quotes, Relation: facts.relations,
            Event: facts.events, Claim: facts.claims}[cls]


@contextmanager
def _file_lock(db_path: str) -> Iterator[None]:
    """An exclusive, non-blocking flock on `<db>.lock`; the kernel releases it if the process dies."""
    import fcntl

    lock_path = f"{db_path or 'memory'}.lock"
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreBusy(f"another build is writing to {db_path}; wait for it to finish") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """WAL lets readers (the report, a web app) read while a build writes."""
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
