"""HTML pages, rendered on the server from Jinja2 templates with autoescaping on.

Templates receive plain values and lists of text pieces; none of them is marked safe, so every
title, sentence and name from an article reaches the browser as escaped text.
"""

from __future__ import annotations

import math
from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined

from newsgraph.model import ACTOR_TYPES
from newsgraph.web import queries as qs
from newsgraph.web import search as search_mod
from newsgraph.web.api import MAX_PAGE, MAX_PER_PAGE, ActorType, Conn, G, Key, Since, Until, text_value
from newsgraph.web.graph import graph as build_graph
from newsgraph.web.index import summary
from newsgraph.web.links import actor_path, doc_path, seg, story_path, with_query
from newsgraph.web.text import Span, clip, highlight, parse_span, web_url

router = APIRouter(include_in_schema=False)

AnyActorType = Literal[("",) + ACTOR_TYPES]  # type: ignore[valid-type]  # "" is the form's "any"
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE)]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE)]
NAV = [("/", "Overview"), ("/graph", "Graph"), ("/actors", "Actors"), ("/documents", "Documents"),
       ("/quotes", "Quotes"), ("/events", "Events"), ("/ties", "Ties"), ("/figures", "Figures"),
       ("/disagreements", "Disagreements"), ("/stories", "Outlets side by side"), ("/search", "Search")]


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def value_text(value: Any) -> str:
    """Figures as a reader writes them: thousands separated, no float noise."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def _environment() -> Environment:
    # autoescape=True: every value printed by any template is escaped; nothing is marked safe.
    env = Environment(loader=PackageLoader("newsgraph.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(nav=NAV, doc_path=doc_path, actor_path=actor_path, story_path=story_path,
                       with_query=with_query, plural=plural, value_text=value_text, clip=clip, web_url=web_url,
                       seg=seg)
    return env


ENV = _environment()
STATIC = {
    name: (resources.files("newsgraph.web").joinpath("static", name).read_bytes(), media)
    for name, media in (("style.css", "text/css; charset=utf-8"), ("graph.js", "text/javascript; charset=utf-8"),
                        ("icon.svg", "image/svg+xml"))
}


def render(template: str, code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(template).render(**context), status_code=code)


def error_page(status: int, message: str) -> HTMLResponse:
    return render("error.html.j2", code=status, title=str(status), status=status, message=message, path="")


class Pager:
    """Previous and next links for a list page, keeping the page's other query values."""

    def __init__(self, request: Request, base: str, page: int, per_page: int, total: int, key: str = "page"):
        self.page, self.per_page, self.total, self.key = page, per_page, total, key
        self.pages = max(1, math.ceil(total / per_page))
        self._params = [(k, v) for k, v in request.query_params.multi_items() if k != key]
        self._base = base

    def url(self, page: int) -> str:
        return self._base + "?" + urlencode(self._params + [(self.key, str(page))])

    @property
    def prev(self) -> str | None:
        return self.url(self.page - 1) if self.page > 1 else None

    @property
    def next(self) -> str | None:
        return self.url(self.page + 1) if self.page < self.pages else None

    @property
    def first_item(self) -> int:
        return min(self.total, (self.page - 1) * self.per_page + 1)

    @property
    def last_item(self) -> int:
        return min(self.total, self.page * self.per_page)


@router.get("/static/{name}")
def static(name: Annotated[str, Path(max_length=64)]) -> Response:
    if name not in STATIC:
        raise HTTPException(404, "No such file.")
    body, media = STATIC[name]
    return Response(body, media_type=media, headers={"Cache-Control": "public, max-age=3600"})


@router.get("/", response_class=HTMLResponse)
def overview(conn: Conn, g: G) -> HTMLResponse:
    top, _ = qs.actors(conn, g, qs.Paging(1, 12))
    stories, _ = qs.stories(conn, g, qs.Paging(1, 10))
    return render("overview.html.j2", title="Overview", path="/", s=summary(conn), actors=top, stories=stories,
                  copies=qs.recent_copies(conn), errors=qs.errors(conn))


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, conn: Conn, g: G, kind: Literal["", "tie", "event"] = "", type: Key = None,
               actor_type: Annotated[list[ActorType] | None, Query()] = None, story: Key = None,
               since: Since = None, until: Until = None,
               limit: Annotated[int, Query(ge=10, le=400)] = 150) -> HTMLResponse:
    chosen = tuple(sorted(set(actor_type or [])))
    f = qs.GraphFilter(kind or None, text_value(type) or None, chosen, text_value(story) or None,
                       qs.Dates(since or None, until or None), limit)
    return render("graph.html.j2", title="Actor graph", path="/graph", view=build_graph(conn, g, f), f=f,
                  kind=kind, types=qs.edge_types(conn, g), stories=qs.story_choices(conn, g),
                  actor_types=list(ACTOR_TYPES), since=since or "", until=until or "",
                  api=with_query("/api/graph", kind=kind, type=f.type, actor_type=list(chosen), story=f.story,
                                 since=since, until=until, limit=limit))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 50,
                type: AnyActorType = "") -> HTMLResponse:
    items, total = qs.actors(conn, g, qs.Paging(page, per_page), type or None)
    return render("actors.html.j2", title="Actors", path="/actors", items=items, type=type or "",
                  actor_types=list(ACTOR_TYPES),
                  pager=Pager(request, "/actors", page, per_page, total))


@router.get("/actor/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, conn: Conn, g: G, actor_id: Annotated[str, Path(max_length=1000)],
               events_page: PageNo = 1, said_page: PageNo = 1, about_page: PageNo = 1) -> HTMLResponse:
    found = qs.actor(conn, g, text_value(actor_id) or "")
    if found is None:
        raise HTTPException(404, "No actor with this id.")
    base = actor_path(found["id"])
    per = 25
    events, events_total = qs.edges(conn, g, "event", qs.Paging(events_page, per), actor=found["id"])
    said, said_total = qs.quotes(conn, g, qs.Paging(said_page, per), speaker=found["id"])
    about, about_total = qs.quotes(conn, g, qs.Paging(about_page, per), about=found["id"])
    return render("actor.html.j2", title=found["name"], path="/actors", a=found, ties=qs.ties(conn, g, found["id"]),
                  events=events, said=said, about=about,
                  events_pager=Pager(request, base, events_page, per, events_total, "events_page"),
                  said_pager=Pager(request, base, said_page, per, said_total, "said_page"),
                  about_pager=Pager(request, base, about_page, per, about_total, "about_page"))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 50,
                   outlet: Key = None, language: Key = None, story: Key = None) -> HTMLResponse:
    outlet, language, story = text_value(outlet) or None, text_value(language) or None, text_value(story) or None
    items, total = qs.documents(conn, g, qs.Paging(page, per_page), outlet, language, story)
    return render("documents.html.j2", title="Documents", path="/documents", items=items, outlet=outlet,
                  language=language, story=qs.story(conn, g, story) if story else None,
                  pager=Pager(request, "/documents", page, per_page, total))


def _doc_spans(facts: dict[str, list[dict[str, Any]]], hl: tuple[int, int] | None) -> list[Span]:
    """What the document page marks: the cited passage outermost, then events, quotes and figures, then mentions."""
    spans: list[Span] = []
    if hl:
        spans.append(Span(hl[0], hl[1], "hl", 0, id=f"s-{hl[0]}", title="the cited passage"))
    for e in facts["events"]:
        if e["start"] is not None and e["end"] is not None:
            who = f"{e['source_name'] or e['source'] or '?'} → {e['type']} → {e['target_name'] or e['target'] or '?'}"
            spans.append(Span(e["start"], e["end"], "event", 1, id=f"e-{e['id']}", title=f"event: {who}"))
    for q in facts["quotes"]:
        if q["start"] is not None and q["end"] is not None:
            by = q["speaker_name"] or q["speaker_text"] or "unattributed"
            spans.append(Span(q["start"], q["end"], "quote", 2, id=f"q-{q['id']}", title=f"{q['kind']} quote: {by}"))
    for c in facts["claims"]:
        if c["start"] is not None and c["end"] is not None:
            spans.append(Span(c["start"], c["end"], "figure", 2, id=f"f-{c['id']}",
                              title=f"figure: {c['subject']} = {value_text(c['value'])} {c['unit'] or ''}".strip()))
    for mention in facts["mentions"]:
        if mention["start"] is not None and mention["end"] is not None:
            title = f"{mention['actor_name'] or mention['actor'] or 'unresolved'} ({mention['kind']})"
            spans.append(Span(mention["start"], mention["end"], "mention", 3, title=title))
    return spans


@router.get("/doc/{doc_id:path}", response_class=HTMLResponse)
def document_page(conn: Conn, g: G, doc_id: Annotated[str, Path(max_length=1000)],
                  hl: Annotated[str | None, Query(max_length=40)] = None) -> HTMLResponse:
    doc = qs.document(conn, g, text_value(doc_id) or "")
    if doc is None:
        raise HTTPException(404, "No document with this id.")
    facts = qs.document_facts(conn, g, doc["id"], doc["text"])
    span = parse_span(hl, len(doc["text"]))
    pieces = highlight(doc["text"], _doc_spans(facts, span))
    actors: dict[str, str] = {}
    for mention in facts["mentions"]:
        if mention["actor"]:
            actors.setdefault(mention["actor"], mention["actor_name"] or mention["actor"])
    return render("document.html.j2", title=doc["title"] or doc["id"], path="/documents", d=doc, facts=facts,
                  pieces=pieces, hl=span, actors=sorted(actors.items(), key=lambda kv: kv[1].lower()))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 50,
                speaker: Key = None, about: Key = None) -> HTMLResponse:
    speaker, about = text_value(speaker) or None, text_value(about) or None
    items, total = qs.quotes(conn, g, qs.Paging(page, per_page), speaker=speaker, about=about)
    who = {k: qs.actor(conn, g, v) for k, v in (("speaker", speaker), ("about", about)) if v}
    return render("quotes.html.j2", title="Quotes", path="/quotes", items=items, who=who,
                  pager=Pager(request, "/quotes", page, per_page, total))


def _edges_page(request: Request, conn: Conn, g: G, kind: str, page: int, per_page: int, type: str | None,
                actor: str | None, since: str | None, until: str | None) -> HTMLResponse:
    type, actor = text_value(type) or None, text_value(actor) or None
    items, total = qs.edges(conn, g, kind, qs.Paging(page, per_page), type, actor, None,
                            qs.Dates(since or None, until or None))
    path = "/events" if kind == "event" else "/ties"
    return render("edges.html.j2", title="Events in date order" if kind == "event" else "Ties", path=path,
                  kind=kind, items=items, type=type or "", actor=qs.actor(conn, g, actor) if actor else None,
                  types=qs.edge_types(conn, g).get(kind, []), since=since or "", until=until or "",
                  pager=Pager(request, path, page, per_page, total))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 50, type: Key = None,
                actor: Key = None, since: Since = None, until: Until = None) -> HTMLResponse:
    return _edges_page(request, conn, g, "event", page, per_page, type, actor, since, until)


@router.get("/ties", response_class=HTMLResponse)
def ties_page(request: Request, conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 50, type: Key = None,
              actor: Key = None, since: Since = None, until: Until = None) -> HTMLResponse:
    return _edges_page(request, conn, g, "tie", page, per_page, type, actor, since, until)


@router.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 50) -> HTMLResponse:
    items, total = qs.claims(conn, qs.Paging(page, per_page))
    refs = qs.doc_refs(conn, [c["doc"] for c in items])
    return render("figures.html.j2", title="Figures", path="/figures", items=items, refs=refs,
                  pager=Pager(request, "/figures", page, per_page, total))


@router.get("/disagreements", response_class=HTMLResponse)
def disagreements_page(request: Request, conn: Conn, page: PageNo = 1, per_page: PerPage = 20) -> HTMLResponse:
    items, total = qs.conflicts(conn, qs.Paging(page, per_page))
    return render("disagreements.html.j2", title="Disagreements", path="/disagreements", items=items,
                  pager=Pager(request, "/disagreements", page, per_page, total))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, conn: Conn, g: G, page: PageNo = 1, per_page: PerPage = 50) -> HTMLResponse:
    items, total = qs.stories(conn, g, qs.Paging(page, per_page))
    return render("stories.html.j2", title="Outlets side by side", path="/stories", items=items,
                  pager=Pager(request, "/stories", page, per_page, total))


@router.get("/story/{story_id:path}", response_class=HTMLResponse)
def story_page(conn: Conn, g: G, story_id: Annotated[str, Path(max_length=1000)]) -> HTMLResponse:
    found = qs.story(conn, g, text_value(story_id) or "")
    if found is None:
        raise HTTPException(404, "No story with this id.")
    side = qs.side_by_side(conn, g, found["id"])
    return render("story.html.j2", title=found["label"], path="/stories", s=found, outlets=side["outlets"],
                  more=max(0, found["docs"] - side["shown"]))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, conn: Conn, g: G, q: Annotated[str, Query(max_length=500)] = "",
                page: Annotated[int, Query(ge=1, le=1000)] = 1) -> HTMLResponse:
    query = (text_value(q) or "").strip()
    per_page = 20
    sections = []
    if query:
        for kind in search_mod.KINDS:
            hits, total = search_mod.search(conn, g, kind, query, per_page, (page - 1) * per_page)
            sections.append((kind, hits, total))
    most = max((total for _, _, total in sections), default=0)
    return render("search.html.j2", title="Search", path="/search", q=query, sections=sections,
                  pager=Pager(request, "/search", page, per_page, most))
