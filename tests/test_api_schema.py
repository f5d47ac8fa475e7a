"""The REST API against its own OpenAPI description, in process, over a store built from examples/.

schemathesis reads /openapi.json from the app and generates requests for every operation, valid ones and
invalid ones (wrong types, out-of-range pages, too-long values), then runs all of its checks on each
answer: no server error, a status code and a content type the description lists, a body that matches the
response schema, declared headers, invalid input refused and valid input accepted. Any failed check fails
the test. The number of generated requests per operation is bounded so the whole run stays short.
Generated ids rarely name a stored item, so every stored document, actor and story is also sent through
the detail routes and the filters that take an id, and those answers are checked the same way.

The description does not depend on the data, so it is read at import time from an app over an empty
in-memory store (pytest needs the operations when it collects the tests, and schemathesis's fixture-based
loader fails under pytest 9.2); every generated request is then sent to an app over the examples store,
whose description is checked to be the same.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from newsgraph.cli import app as cli
from newsgraph.store import Store
from newsgraph.web import create_app

from .conftest import EXAMPLES

# Per operation and generation phase; raise it for a longer run outside CI.
MAX_EXAMPLES = int(os.environ.get("NEWSGRAPH_API_EXAMPLES", "25"))

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(":memory:", refresh_every=0))


@pytest.fixture(scope="module")
def examples_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    db = str(tmp_path_factory.mktemp("api-schema") / "examples.db")
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    app = create_app(db, refresh_every=0)
    yield app
    app.state.store.close()


def test_description_is_the_same_with_data(examples_app: FastAPI) -> None:
    assert examples_app.openapi() == schema.raw_schema
    assert len(list(schema.get_all_operations())) >= 15


def test_each_store_gets_its_own_graph(examples_app: FastAPI, tmp_path: Path) -> None:
    """Every app lays out its default graph at start; apps over other stores in the same process (the empty
    one that gave the description above, and this one) must not serve theirs to each other."""
    empty_app = create_app(str(tmp_path / "empty.db"), refresh_every=0)
    try:
        assert TestClient(examples_app).get("/api/graph").json()["nodes"]
        assert TestClient(empty_app).get("/api/graph").json()["nodes"] == []
    finally:
        empty_app.state.store.close()


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_api_conforms_to_its_schema(case: schemathesis.Case, examples_app: FastAPI) -> None:
    case.call_and_validate(app=examples_app)


def _stored_cases(store: Store) -> list[schemathesis.Case]:
    """Requests that name stored items: detail routes and id filters, as a client following links sends them."""
    docs = store.documents()
    actors = [a.id for a in store.actors()]
    stories = [s["id"] for s in store.stories()]
    days = sorted({d.published[:10] for d in docs if d.published})
    cases = []

    def add(path: str, path_parameters: dict[str, str] | None = None, query: dict[str, str] | None = None) -> None:
        cases.append(schema[path]["GET"].Case(path_parameters=path_parameters or {}, query=query or {}))

    for d in docs:
        add("/api/documents/{doc_id}", {"doc_id": d.id})
        add("/api/quotes", query={"doc": d.id})
        add("/api/events", query={"doc": d.id})
        add("/api/relations", query={"doc": d.id})
        add("/api/claims", query={"doc": d.id})
        if d.outlet:
            add("/api/documents", query={"outlet": d.outlet})
    for a in actors:
        add("/api/actors/{actor_id}", {"actor_id": a})
        add("/api/quotes", query={"speaker": a})
        add("/api/quotes", query={"about": a})
        add("/api/events", query={"actor": a})
        add("/api/relations", query={"actor": a})
    for s in stories:
        add("/api/stories/{story_id}", {"story_id": s})
        add("/api/documents", query={"story": s})
        add("/api/graph", query={"story": s})
    if days:
        for path in ("/api/events", "/api/relations", "/api/graph"):
            add(path, query={"since": days[0], "until": days[-1]})
    return cases


def test_stored_items_conform_to_the_schema(examples_app: FastAPI) -> None:
    store = examples_app.state.store
    cases = _stored_cases(store)
    counts = store.counts()
    assert counts["documents"] and counts["actors"] and counts["stories"], counts
    for case in cases:
        response = case.call_and_validate(app=examples_app)
        assert response.status_code == 200, (case.formatted_path, case.query, response.text[:300])
