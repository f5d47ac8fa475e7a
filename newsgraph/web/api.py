"""JSON routes under /api/: the graph's documents, actors and facts, paged, with a schema per route.

Every parameter is bounded (pages, sizes, lengths, date patterns), so a bad value is answered
with 422 and an unknown id with 404, never with a server error.
"""

from __future__ import annotations

import json
import pathlib
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from sqlalchemy import Connection

from newsgraph.model import ACTOR_TYPES
from newsgraph.web import models as m
from newsgraph.web import queries as qs
from newsgraph.web import search as search_mod
from newsgraph.web.graph import graph as build_graph
from newsgraph.web.index import Gen, current, summary
from newsgraph.web.links import actor_path, doc_path

MAX_PAGE = 100_000
MAX_PER_PAGE = 200
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"

router = APIRouter(prefix="/api")
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": m.ErrorOut, "description": "No item with this id"}}

ActorType = Literal[ACTOR_TYPES]  # type: ignore[valid-type]  # the model's actor types, so bad values give 422


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.engine.connect() as conn:
        yield conn


def generation(conn: Annotated[Connection, Depends(connection)]) -> Gen:
    g = current(conn)
    if g is None:
        raise HTTPException(503, "The web index is being built; try again shortly.")
    return g


Conn = Annotated[Connection, Depends(connection)]
G = Annotated[Gen, Depends(generation)]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="Items per page.")]
Key = Annotated[str | None, Query(max_length=1000)]
Since = Annotated[str | None, Query(pattern=DATE_PATTERN, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD.")]


class SafeJSONResponse(JSONResponse):
    """JSON with <, > and & written as \\u escapes: the same data, but inert if a page or a
    careless client ever embeds a response in HTML."""

    def render(self, content: Any) -> bytes:
        return safe_json(content).encode("utf-8")


def safe_json(content: Any) -> str:
    text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def get(path: str, model: type, title: str) -> Callable[[Any], Any]:
    """A JSON route: its response model states the schema, SafeJSONResponse writes the body."""
    return router.get(path, response_class=SafeJSONResponse, response_model=model, summary=title,
                      responses=NOT_FOUND if "{" in path else None)


def text_value(value: str | None) -> str | None:
    """A request value as the store can hold it: NUL characters removed (PostgreSQL refuses them)."""
    return None if value is None else value.replace("\x00", "")


def _page(items: list[dict[str, Any]], total: int, page: int, per_page: int) -> dict[str, Any]:
    return {"items": items, "page": page, "per_page": per_page, "total": total}


def _missing(what: str) -> HTTPException:
    return HTTPException(404, f"No {what} with this id.")


@get("/overview", m.OverviewOut, "The corpus at a glance")
def overview(conn: Conn, g: G) -> dict[str, Any]:
    s = summary(conn)
    out = {k: s.get(k, 0) for k in ("documents", "distinct", "copies", "outlet_total", "removed_lines", "stories",
                                    "errors", "actors", "quotes", "ties", "events", "claims", "conflicts")}
    for k in ("outlets", "languages", "translated"):
        out[k] = [{"name": str(name), "count": int(n)} for name, n in s.get(k, [])]
    out.update(first_date=s.get("first_date"), last_date=s.get("last_date"), refreshed=s.get("refreshed"))
    return out


@get("/documents", m.DocumentPage, "Documents, newest first")
def documents(conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 20, outlet: Key = None,
              language: Key = None, story: Key = None) -> dict[str, Any]:
    items, total = qs.documents(conn, g, qs.Paging(page, per_page), text_value(outlet), text_value(language),
                                text_value(story))
    return _page(items, total, page, per_page)


@get("/documents/{doc_id:path}", m.DocumentDetail, "One document and its facts")
def document(conn: Conn, g: G, doc_id: Annotated[str, Path(max_length=1000)]) -> dict[str, Any]:
    doc = qs.document(conn, g, text_value(doc_id) or "")
    if doc is None:
        raise _missing("document")
    doc["facts"] = qs.document_facts(conn, g, doc["id"], doc["text"])
    return doc


@get("/actors", m.ActorPage, "Actors, those in most documents first")
def actors(conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 20, type: ActorType | None = None) -> dict:
    items, total = qs.actors(conn, g, qs.Paging(page, per_page), type)
    return _page(items, total, page, per_page)


@get("/actors/{actor_id:path}", m.ActorDetail, "One actor: ties, events in time order, what it said and was said of it")
def actor(conn: Conn, g: G, actor_id: Annotated[str, Path(max_length=1000)]) -> dict[str, Any]:
    found = qs.actor(conn, g, text_value(actor_id) or "")
    if found is None:
        raise _missing("actor")
    first = qs.Paging(1, 50)
    found["ties"] = qs.ties(conn, g, found["id"])
    found["events"], found["events_total"] = qs.edges(conn, g, "event", first, actor=found["id"])
    found["said"], found["said_total"] = qs.quotes(conn, g, first, speaker=found["id"])
    found["about"], found["about_total"] = qs.quotes(conn, g, first, about=found["id"])
    return found


@get("/quotes", m.QuotePage, "Quotes in date order")
def quotes(conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 20,
           speaker: Annotated[str | None, Query(max_length=1000, description="Actor id of the speaker.")] = None,
           about: Annotated[str | None, Query(max_length=1000, description="Actor id mentioned in the quote.")] = None,
           doc: Key = None) -> dict[str, Any]:
    items, total = qs.quotes(conn, g, qs.Paging(page, per_page), text_value(speaker), text_value(about),
                             text_value(doc))
    return _page(items, total, page, per_page)


@get("/relations", m.RelationPage, "Lasting ties between actors")
def relations(conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 20, type: Key = None, actor: Key = None,
              doc: Key = None, since: Since = None, until: Until = None) -> dict[str, Any]:
    items, total = qs.edges(conn, g, "tie", qs.Paging(page, per_page), text_value(type), text_value(actor),
                            text_value(doc), qs.Dates(since or None, until or None))
    return _page(items, total, page, per_page)


@get("/events", m.EventPage, "Events in date order, undated last")
def events(conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 20, type: Key = None, actor: Key = None,
           doc: Key = None, since: Since = None, until: Until = None) -> dict[str, Any]:
    items, total = qs.edges(conn, g, "event", qs.Paging(page, per_page), text_value(type), text_value(actor),
                            text_value(doc), qs.Dates(since or None, until or None))
    return _page(items, total, page, per_page)


@get("/claims", m.ClaimPage, "Figures the documents cite")
def claims(conn: Conn, page: PageNo = 1, per_page: PerPage = 20, doc: Key = None) -> dict[str, Any]:
    items, total = qs.claims(conn, qs.Paging(page, per_page), text_value(doc))
    return _page(items, total, page, per_page)


@get("/conflicts", m.ConflictPage, "Disagreements between documents")
def conflicts(conn: Conn, page: PageNo = 1, per_page: PerPage = 20) -> dict[str, Any]:
    items, total = qs.conflicts(conn, qs.Paging(page, per_page))
    return _page(items, total, page, per_page)


@get("/stories", m.StoryPage, "Stories, the largest first")
def stories(conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 20) -> dict[str, Any]:
    items, total = qs.stories(conn, g, qs.Paging(page, per_page))
    return _page(items, total, page, per_page)


@get("/stories/{story_id:path}", m.StoryDetail, "One story and its documents")
def story(conn: Conn, g: G, story_id: Annotated[str, Path(max_length=1000)]) -> dict[str, Any]:
    found = qs.story(conn, g, text_value(story_id) or "")
    if found is None:
        raise _missing("story")
    found["documents"] = qs.story_documents(conn, g, found["id"], 500)
    found["more_documents"] = max(0, found["docs"] - len(found["documents"]))
    return found


def hit_out(hit: search_mod.Hit) -> dict[str, Any]:
    link = actor_path(hit.id) if hit.kind == "actor" else doc_path(hit.doc or "", hit.start, hit.end)
    parts = []
    hit_depth = 0
    for p in hit.pieces:
        if p.kind == "open":
            hit_depth += 1
        elif p.kind == "close":
            hit_depth -= 1
        else:
            parts.append({"text": p.text, "hit": hit_depth > 0})
    return {"kind": hit.kind, "id": hit.id, "title": hit.title, "snippet": parts, "doc": hit.doc,
            "start": hit.start, "end": hit.end, "link": link}


@get("/search", m.SearchOut, "Full-text search over actors, quotes and documents")
def search(conn: Conn, g: G, q: Annotated[str, Query(max_length=500, description="Words to find.")],
           page: Annotated[int, Query(ge=1, le=1000)] = 1,
           per_page: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    query = text_value(q) or ""
    out: dict[str, Any] = {"q": query, "page": page, "per_page": per_page}
    for kind in search_mod.KINDS:
        hits, total = search_mod.search(conn, g, kind, query, per_page, (page - 1) * per_page)
        out[kind] = {"items": [hit_out(h) for h in hits], "total": total}
    return out


@get("/graph", m.GraphOut, "The actor graph under a filter, laid out")
def graph(conn: Conn, g: G, kind: Literal["tie", "event"] | None = None, type: Key = None,
          actor_type: Annotated[list[ActorType] | None, Query()] = None, story: Key = None,
          since: Since = None, until: Until = None,
          limit: Annotated[int, Query(ge=1, le=400, description="Most edges drawn.")] = 150) -> dict[str, Any]:
    f = qs.GraphFilter(kind, text_value(type), tuple(sorted(set(actor_type or []))), text_value(story),
                       qs.Dates(since or None, until or None), limit)
    view = build_graph(conn, g, f)
    return {
        "nodes": [{"id": n.id, "name": n.name, "type": n.type, "x": n.x, "y": n.y, "degree": n.degree,
                   "link": n.link} for n in view.nodes],
        "edges": [{"source": e.source, "target": e.target, "kinds": e.kinds, "types": e.types, "count": e.count}
                  for e in view.edges],
        "more_edges": view.more,
    }


class NDJSONResponse(StreamingResponse):
    media_type = "application/x-ndjson"


class ZipResponse(StreamingResponse):
    media_type = "application/zip"


class GraphMLResponse(StreamingResponse):
    media_type = "application/graphml+xml"


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/export/jsonl", response_class=NDJSONResponse, summary="The whole graph in the exchange format",
            responses={200: {"description": "One JSON record per line, as `newsgraph export --format jsonl`.",
                             "content": {"application/x-ndjson": {"schema": {"type": "string"}}}}})
def export_jsonl(request: Request) -> NDJSONResponse:
    from newsgraph.export import records

    store = request.app.state.store

    def lines() -> Iterator[bytes]:
        for rec in records(store):
            yield (safe_json(rec) + "\n").encode("utf-8")

    return NDJSONResponse(lines(), headers=_attachment("newsgraph.jsonl"))


def _stream(spool: IO[bytes]) -> Iterator[bytes]:
    """Send a spooled file in pieces and close it (and so delete it) once sent."""
    try:
        spool.seek(0)
        while chunk := spool.read(1 << 16):
            yield chunk
    finally:
        spool.close()


def _spooled(fill: Any) -> IO[bytes]:
    """A temporary file (in memory while small) filled by `fill`; _stream closes it once sent."""
    spool = tempfile.SpooledTemporaryFile(max_size=64 << 20)  # noqa: SIM115 - closed by _stream
    try:
        fill(spool)
    except BaseException:
        spool.close()
        raise
    return spool


def _zipped_tables(request: Request, write: Any) -> IO[bytes]:
    """Write one file per record kind into a fresh temporary folder, zipped into a spooled file."""

    def fill(spool: IO[bytes]) -> None:
        with tempfile.TemporaryDirectory(prefix="newsgraph-export-") as tmp:
            folder = pathlib.Path(tmp)
            write(request.app.state.store, folder)
            with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as zf:
                for path in sorted(folder.iterdir()):
                    zf.write(path, arcname=path.name)

    return _spooled(fill)


@router.get("/export/csv", response_class=ZipResponse, summary="The graph as CSV tables, one per record kind",
            responses={200: {"description": "A zip of documents.csv, actors.csv, ...",
                             "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}})
def export_csv(request: Request) -> ZipResponse:
    from newsgraph.export import write_csv

    return ZipResponse(_stream(_zipped_tables(request, write_csv)), headers=_attachment("newsgraph-csv.zip"))


@router.get("/export/parquet", response_class=ZipResponse,
            summary="The graph as Parquet tables, one per record kind",
            responses={200: {"description": "A zip of documents.parquet, actors.parquet, ...",
                             "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}})
def export_parquet(request: Request) -> ZipResponse:
    from newsgraph.export import write_parquet

    return ZipResponse(_stream(_zipped_tables(request, write_parquet)),
                       headers=_attachment("newsgraph-parquet.zip"))


@router.get("/export/graphml", response_class=GraphMLResponse, summary="The actor graph as GraphML",
            responses={200: {"description": "Actors as nodes, ties and events as weighted edges.",
                             "content": {"application/graphml+xml": {"schema": {"type": "string"}}}}})
def export_graphml(request: Request) -> GraphMLResponse:
    from newsgraph.export import write_graphml

    spool = _spooled(lambda out: write_graphml(request.app.state.store, out))
    return GraphMLResponse(_stream(spool), headers=_attachment("newsgraph.graphml"))
