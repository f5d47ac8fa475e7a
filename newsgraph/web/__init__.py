"""The web app and REST API over a graph store: `create_app(db)` gives a FastAPI application.

HTML pages are rendered on the server (Jinja2, autoescaped); JSON routes live under /api/ with
their schema at /openapi.json. The app reads the store and keeps a web index beside it (see
index.py), refreshed at startup and whenever a build changes the store.

Article text, titles, authors and URLs are untrusted. Templates escape every value; only http(s)
sources become links; no request value is used as a file name (the two static files are held in
memory); SQL takes values only as bound parameters; and every response carries a Content Security
Policy that allows scripts, styles and images from the app alone, with no inline script.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__
from newsgraph.store import Store
from newsgraph.web.graph import graph
from newsgraph.web.index import WebIndex, current
from newsgraph.web.queries import GraphFilter

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
     b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware that adds the security headers to every HTTP response, streamed ones too."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def create_app(db: str, refresh_every: float = 30.0) -> FastAPI:
    """The app over the store `db` (a SQLite file or a database URL).

    The web index is brought up to date before the app is returned; while it serves, a
    background thread checks the store every `refresh_every` seconds (0: never).
    """
    from newsgraph.web import api, pages
    from newsgraph.web.api import SafeJSONResponse

    store = Store(db)
    index = WebIndex(store.engine)

    def warm() -> None:
        """Lay out the default graph now, so that its first visitor does not wait for it."""
        with store.engine.connect() as conn:
            g = current(conn)
            if g is not None:
                graph(conn, g, GraphFilter())

    index.on_refresh.append(warm)
    if not index.refresh():
        warm()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        index.start(refresh_every)
        try:
            yield
        finally:
            index.stop()

    app = FastAPI(title="newsgraph", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="The graph of actors, ties, events, quotes and figures read from news articles. "
                              "Every fact carries its document and the character span of its sentence.")
    app.state.store = store
    app.state.engine = store.engine
    app.state.index = index
    app.add_middleware(SecurityHeaders)
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request):
            return SafeJSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code,
                                    headers=getattr(exc, "headers", None))
        return pages.error_page(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return SafeJSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        problems = ["; ".join(str(x) for x in e.get("loc", ())[1:]) + ": " + str(e.get("msg", ""))
                    for e in exc.errors()]
        return pages.error_page(422, "This page does not take these values: " + ", ".join(problems))

    return app
