"""The web app and REST API on real stores: pages, links to highlighted passages, paging, search, escaping."""

from __future__ import annotations

import html
import io
import json
import re
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app as cli
from newsgraph.export import records
from newsgraph.model import DocFacts, Document
from newsgraph.store import Store
from newsgraph.web import create_app
from newsgraph.web.text import Span, highlight, sentence_around, web_url

from .conftest import EXAMPLES

runner = CliRunner()
PAGES = ["/", "/graph", "/actors", "/documents", "/quotes", "/events", "/ties", "/figures", "/disagreements",
         "/stories", "/search"]
API_LISTS = ["/api/documents", "/api/actors", "/api/quotes", "/api/relations", "/api/events", "/api/claims",
             "/api/conflicts", "/api/stories"]


def _build(db: str, *paths: str) -> None:
    result = runner.invoke(cli, ["build", *paths, "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _client(db: str) -> TestClient:
    return TestClient(create_app(db, refresh_every=0))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory, seeds_dir) -> tuple[TestClient, Store]:
    db = str(tmp_path_factory.mktemp("web-seeds") / "seeds.db")
    _build(db, str(seeds_dir))
    return _client(db), Store(db)


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> tuple[TestClient, Store, str]:
    db = str(tmp_path_factory.mktemp("web-examples") / "examples.db")
    _build(db, str(EXAMPLES))
    return _client(db), Store(db), db


# --------------------------------------------------------------------------- HTML helpers


class Marks(HTMLParser):
    """Collects tags, and the text inside each element that carries an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, str | None]] = []
        self.text_by_id: dict[str, str] = {}
        self.text_in_class: dict[str, str] = {}
        self.open_marks = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in ("br", "img", "input", "meta", "link", "circle", "line"):
            return
        self.stack.append((tag, a.get("id")))
        if a.get("id"):
            self.text_by_id[a["id"]] = ""  # type: ignore[index]
        if a.get("class") and "text" in (a.get("class") or "").split():
            self.text_in_class.setdefault("text", "")

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, ident in self.stack:
            if ident:
                self.text_by_id[ident] += data


def parse(page: str) -> Marks:
    p = Marks()
    p.feed(page)
    return p


def text_div(page: str) -> str:
    """The document text as the page shows it: the <div class="text"> with every tag removed."""
    m = re.search(r'<div class="text">(.*?)</div>', page, re.S)
    assert m, "no document text on the page"
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))


def hrefs(page: str, cls: str | None = None) -> list[str]:
    return [a.get("href") or "" for tag, a in parse(page).tags
            if tag == "a" and (cls is None or cls in (a.get("class") or "").split())]


# --------------------------------------------------------------------------- pure functions


def test_highlight_nests_crossing_spans_and_keeps_every_character():
    text = "Norway said the accord was fair, officials said."
    spans = [Span(0, 31, "event", 1, id="e-1"), Span(12, 40, "quote", 2, id="q-1"), Span(0, 6, "mention", 3),
             Span(12, 31, "hl", 0, id="s-12")]
    pieces = highlight(text, spans)
    depth, shown, ids = 0, "", []
    for p in pieces:
        if p.kind == "open":
            depth += 1
            ids += [p.id] if p.id else []
        elif p.kind == "close":
            depth -= 1
            assert depth >= 0
        else:
            shown += p.text
    assert depth == 0 and shown == text
    assert sorted(ids) == ["e-1", "q-1", "s-12"]  # a split span carries its id once


def test_sentence_around_a_quote_and_links_only_for_web_addresses():
    text = "First one. Then Xi said: \u201cWe will stay.\u201d Later on."
    start = text.index("We will")
    sent = sentence_around(text, 0, start, start + len("We will stay."))
    assert sent.text == "Then Xi said: \u201cWe will stay.\u201d"
    assert text[sent.start:sent.end] == sent.text
    assert web_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,x",
                "file:///etc/passwd", "java\nscript:alert(1)", "/relative"):
        assert web_url(bad) is None


# --------------------------------------------------------------------------- pages on the examples


def test_overview_counts_match_the_store(examples):
    client, store, _ = examples
    docs = store.documents()
    counts = store.counts()
    api = client.get("/api/overview").json()
    assert api["documents"] == len(docs) == 8
    assert api["copies"] == sum(1 for d in docs if d.duplicate_of) == 1
    assert api["distinct"] == len(docs) - api["copies"]
    assert api["stories"] == counts["stories"] and api["actors"] == counts["actors"]
    assert api["quotes"] == counts["quotes"] and api["errors"] == counts["errors"]
    outlets = {}
    for d in docs:
        if d.outlet:
            outlets[d.outlet] = outlets.get(d.outlet, 0) + 1
    assert {o["name"]: o["count"] for o in api["outlets"]} == outlets
    assert api["languages"] == [{"name": "en", "count": 8}]
    assert api["removed_lines"] == sum(len(d.removed_lines) for d in docs)
    page = client.get("/").text
    assert f">{len(docs):,}</a> ({len(docs) - 1:,} distinct, 1 copy)" in page
    for outlet in outlets:
        assert html.escape(outlet) in page


def test_every_page_answers_with_security_headers_and_no_inline_script(examples):
    client, _, _ = examples
    for path in PAGES + API_LISTS + ["/api/overview", "/openapi.json", "/static/style.css", "/static/graph.js"]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert "'unsafe-inline'" not in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        if r.headers["content-type"].startswith("text/html"):
            for tag, attrs in parse(r.text).tags:
                if tag == "script":
                    assert attrs.get("src", "").startswith("/static/"), path
                assert "style" not in attrs, (path, tag)
    for form in ["/actors?type=", "/graph?kind=&type=&story=&since=&until=&limit=150", "/events?type=&since=&until=",
                 "/documents?outlet=&language=&story=", "/search?q="]:  # forms submit their empty fields
        assert client.get(form).status_code == 200, form
    assert client.get("/static/../pyproject.toml").status_code == 404
    assert client.get("/static/nothing.css").status_code == 404


def test_api_pages_cover_every_quote_once_and_bounds_give_422(examples):
    client, store, _ = examples
    total = store.counts()["quotes"]
    seen: list[int] = []
    page = 1
    while True:
        body = client.get("/api/quotes", params={"page": page, "per_page": 7}).json()
        assert body["total"] == total and body["per_page"] == 7
        if not body["items"]:
            break
        seen += [q["id"] for q in body["items"]]
        page += 1
    assert len(seen) == len(set(seen)) == total
    assert page == -(-total // 7) + 1
    far = client.get("/api/documents", params={"page": 100000, "per_page": 200}).json()
    assert far["items"] == [] and far["total"] == 8
    for path, params in [("/api/quotes", {"page": 0}), ("/api/quotes", {"per_page": 0}),
                         ("/api/quotes", {"per_page": 201}), ("/api/documents", {"page": "abc"}),
                         ("/api/documents", {"page": 10 ** 30}), ("/api/events", {"since": "2025-3"}),
                         ("/api/actors", {"type": "planet"}), ("/api/search", {}),
                         ("/api/search", {"q": "x" * 501})]:
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, params, r.text)
        assert isinstance(r.json()["detail"], list)
    for path in ["/api/documents/nope", "/api/actors/nope", "/api/stories/nope", "/api/documents/a%2Fb%3Fc",
                 "/api/actors/\u00e9\u4e2d"]:
        r = client.get(path)
        assert r.status_code == 404 and r.json()["detail"].startswith("No "), path
    assert client.get("/doc/nope").status_code == 404
    assert client.get("/actor/nope").status_code == 404
    assert "<h1>404</h1>" in client.get("/story/nope").text


def test_events_come_in_date_order_with_undated_last(examples):
    client, _, _ = examples
    items = client.get("/api/events", params={"per_page": 200}).json()["items"]
    assert items
    keys = [(e["date"] is None, e["date"] or "") for e in items]
    assert keys == sorted(keys)
    dated = client.get("/api/events", params={"since": "2025-03-05", "until": "2025-03-06", "per_page": 200}).json()
    assert dated["items"] and all("2025-03-05" <= e["date"] < "2025-03-07" for e in dated["items"])


def test_document_page_keeps_the_text_and_marks_every_fact(examples):
    client, store, _ = examples
    for doc in store.documents():
        detail = client.get(f"/api/documents/{doc.id}").json()
        assert detail["text"] == doc.text
        page = client.get(f"/doc/{doc.id}").text
        assert text_div(page) == doc.text  # highlighting adds marks, never changes or drops a character
        marks = parse(page)
        for fact, prefix in [(q, "q") for q in detail["facts"]["quotes"]] + [
                (e, "e") for e in detail["facts"]["events"]]:
            # a mark that crosses another is split so the marks nest; its id stays on the first part
            shown = marks.text_by_id[f"{prefix}-{fact['id']}"]
            assert shown and doc.text[fact["start"]:fact["end"]].startswith(shown)
        for q in detail["facts"]["quotes"]:  # a link to any quote outlines exactly the quote
            marks = parse(client.get(f"/doc/{doc.id}", params={"hl": f"{q['start']}-{q['end']}"}).text)
            assert marks.text_by_id[f"s-{q['start']}"] == doc.text[q["start"]:q["end"]]
        if doc.duplicate_of:
            assert f'href="/doc/{doc.duplicate_of}"' in page
            original = client.get(f"/doc/{doc.duplicate_of}").text
            assert f'href="/doc/{doc.id}"' in original  # the original lists its copies


def test_quotes_about_an_actor_mention_it_inside_the_quote(examples):
    client, _, _ = examples
    actors = client.get("/api/actors", params={"per_page": 200}).json()["items"]
    checked = 0
    for a in actors:
        about = client.get("/api/quotes", params={"about": a["id"], "per_page": 200}).json()["items"]
        for q in about:
            facts = client.get(f"/api/documents/{q['doc']}").json()["facts"]
            assert any(m["actor"] == a["id"] and q["start"] <= m["start"] and m["end"] <= q["end"]
                       for m in facts["mentions"])
            assert q["speaker"] != a["id"]
            checked += 1
    assert checked > 0


def test_graph_links_to_actor_pages_and_filters(examples):
    client, _, _ = examples
    page = client.get("/graph").text
    assert page == client.get("/graph").text  # the layout is seeded
    nodes = [h for h in hrefs(page) if h.startswith("/actor/")]
    assert nodes
    for href in nodes:
        assert client.get(href).status_code == 200
    ties = client.get("/api/graph", params={"kind": "tie"}).json()
    assert ties["edges"] and all(e["kinds"] == ["tie"] for e in ties["edges"])
    people = client.get("/api/graph", params={"actor_type": "country"}).json()
    assert all(n["type"] == "country" for n in people["nodes"])
    story = client.get("/api/stories").json()["items"][0]["id"]
    assert client.get("/graph", params={"story": story, "since": "2025", "until": "2025-03"}).status_code == 200


def test_story_page_sets_outlets_side_by_side(examples):
    client, store, _ = examples
    story = client.get("/api/stories").json()["items"][0]
    page = client.get(story["link"]).text
    docs = {d.id: d for d in store.documents()}
    story_docs = client.get(f"/api/stories/{story['id']}").json()["documents"]
    assert len(story_docs) == story["docs"]
    for outlet in {docs[d["id"]].outlet for d in story_docs if docs[d["id"]].outlet}:
        assert f"<h2>{html.escape(outlet)} " in page


def test_search_finds_a_quote_by_one_of_its_words(examples):
    client, store, _ = examples
    quote = max((r for r in records(store) if r["record"] == "quote"), key=lambda r: len(r["text"]))
    word = max(re.findall(r"[A-Za-z]{5,}", quote["text"]), key=len)
    body = client.get("/api/search", params={"q": word, "per_page": 50}).json()
    hits = body["quotes"]["items"]
    assert any(h["doc"] == quote["doc"] and h["start"] == quote["start"] for h in hits), word
    assert all(any(p["hit"] for p in h["snippet"]) for h in hits)
    page = client.get("/search", params={"q": word}).text
    assert '<mark class="hit">' in page
    assert client.get("/api/search", params={"q": '"AND OR NEAR( *'}).status_code == 200  # no query syntax leaks


def test_exports_from_the_web_app(examples):
    client, store, _ = examples
    lines = client.get("/api/export/jsonl").text.splitlines()
    assert [json.loads(x) for x in lines] == list(records(store))
    with zipfile.ZipFile(io.BytesIO(client.get("/api/export/csv").content)) as zf:
        assert "documents.csv" in zf.namelist()
    with zipfile.ZipFile(io.BytesIO(client.get("/api/export/parquet").content)) as zf:
        assert "documents.parquet" in zf.namelist()
    assert b"<graphml" in client.get("/api/export/graphml").content


def test_openapi_states_a_schema_for_every_json_route(examples):
    client, _, _ = examples
    spec = client.get("/openapi.json").json()
    for path in API_LISTS + ["/api/documents/{doc_id}", "/api/actors/{actor_id}", "/api/search", "/api/graph"]:
        ok = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok, path
    assert not [p for p in spec["paths"] if not p.startswith("/api/")]


def test_a_build_after_startup_reaches_the_pages(tmp_path):
    db = str(tmp_path / "grow.db")
    _build(db, str(EXAMPLES / "01_courier_talks_open.txt"))
    client = _client(db)
    index = client.app.state.index  # type: ignore[attr-defined]
    assert client.get("/api/overview").json()["documents"] == 1
    assert not index.stale()
    _build(db, str(EXAMPLES / "04_ledger_tariff.html"))
    assert index.stale()
    assert index.refresh()
    assert client.get("/api/overview").json()["documents"] == 2
    found = client.get("/api/search", params={"q": "tariff"}).json()["documents"]["items"]
    assert [h["id"] for h in found] == ["04_ledger_tariff"]
    assert not index.refresh()  # nothing changed since


def test_a_serving_app_notices_a_build_by_itself(tmp_path):
    db = str(tmp_path / "live.db")
    _build(db, str(EXAMPLES / "01_courier_talks_open.txt"))
    with TestClient(create_app(db, refresh_every=0.2)) as client:  # the context runs the background checks
        assert client.get("/api/overview").json()["documents"] == 1
        _build(db, str(EXAMPLES / "04_ledger_tariff.html"))
        deadline = time.monotonic() + 30
        while client.get("/api/overview").json()["documents"] != 2:
            assert time.monotonic() < deadline, "the web index was not refreshed"
            time.sleep(0.2)
        assert client.get("/doc/04_ledger_tariff").status_code == 200


# --------------------------------------------------------------------------- the seeds


def test_xi_jinping_page_lists_his_statements_with_their_sentences(seeds):
    client, store = seeds
    found = client.get("/api/search", params={"q": "Xi Jinping"}).json()["actors"]["items"]
    xi = next(h["id"] for h in found if h["title"] == "Xi Jinping")
    expected = [r for r in records(store) if r["record"] == "quote" and r["speaker"] == xi]
    assert expected
    said = client.get(f"/api/actors/{xi}").json()["said"]
    assert {(q["doc"], q["start"], q["end"]) for q in said} == {(r["doc"], r["start"], r["end"]) for r in expected}
    page = client.get(f"/actor/{xi}").text
    for q in said:
        text = store.document_text(q["doc"])
        assert text[q["sentence_start"]:q["sentence_end"]] == q["sentence"]
        assert q["sentence_start"] <= q["start"] < q["end"] <= q["sentence_end"]
        shown = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert " ".join(q["sentence"].split())[:200] in " ".join(shown.split())
        assert html.escape(q["link"]) in page


def test_a_statement_link_opens_its_document_with_the_quote_highlighted(seeds):
    client, store = seeds
    found = client.get("/api/search", params={"q": "Xi Jinping"}).json()["actors"]["items"]
    xi = next(h["id"] for h in found if h["title"] == "Xi Jinping")
    page = client.get(f"/actor/{xi}").text
    section = page[page.index('id="said"'):page.index('id="about"')]
    links = [h for h in hrefs(section, "cite") if "?hl=" in h]
    assert links
    for link in links:
        parts = urlsplit(link)
        start, end = (int(x) for x in parts.query.split("=", 1)[1].split("-"))
        assert parts.fragment == f"s-{start}"
        doc_page = client.get(f"{parts.path}?{parts.query}").text
        marks = parse(doc_page)
        hl = next(a for tag, a in marks.tags if tag == "mark" and a.get("id") == f"s-{start}")
        assert "hl" in (hl.get("class") or "").split()
        doc_id = parts.path.removeprefix("/doc/")
        assert marks.text_by_id[f"s-{start}"] == store.document_text(doc_id)[start:end]


def test_seed_pages_all_answer(seeds):
    client, _ = seeds
    for path in PAGES + API_LISTS:
        assert client.get(path).status_code == 200, path
    for a in client.get("/api/actors", params={"per_page": 200}).json()["items"]:
        assert client.get(a["link"]).status_code == 200


# --------------------------------------------------------------------------- untrusted text

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS = "javascript:alert(1)"


def _hostile_corpus(folder: Path) -> None:
    (folder / "a_story.txt").write_text(
        f"{SCRIPT} Ministers meet in Oslo {IMG}\n\nBy {SCRIPT} Staff\n\n"
        f"Norway and Sweden signed a fisheries accord in Oslo on Monday, 3 June 2024. \"{SCRIPT} We will protect "
        f"the northern stocks {IMG},\" the Norwegian prime minister, Jonas Gahr Store, said on Monday.\n\n"
        f"Sweden's foreign minister said the accord was {JS} a fair deal for both countries. The quota was "
        "120,000 tonnes in 2023, officials said.\n", encoding="utf-8")
    esc = html.escape
    (folder / "b_page.html").write_text(
        f"<!DOCTYPE html><html><head><title>{esc(SCRIPT)} Talks in Helsinki {esc(IMG)}</title>"
        f'<meta name="author" content="{esc(SCRIPT)} Reporter"><link rel="canonical" href="{JS}">'
        '<meta property="article:published_time" content="2024-06-04"></head><body><article>'
        f"<h1>{esc(SCRIPT)} Talks in Helsinki {esc(IMG)}</h1><p>Finland and Estonia agreed on Tuesday to build a new "
        f"undersea cable, the two governments said in Helsinki. \"{esc(SCRIPT)} This link matters for our security "
        f"{esc(IMG)},\" Finnish President Alexander Stubb said at the signing.</p><p>Estonia's prime minister, "
        f'Kristen Michal, said the cable would be ready in 2026. <a href="{JS}">Read more {JS}</a> The project will '
        "cost 300 million euros, officials said.</p><p>Finland is a member of NATO. Estonia borders Russia.</p>"
        "</article></body></html>", encoding="utf-8")
    record = {"id": SCRIPT, "title": f"{SCRIPT} Summit in Riga {IMG}", "author": f"{IMG} Desk", "url": JS,
              "outlet": f"{SCRIPT} Wire", "date": "2024-06-05",
              "text": f"Latvia and Lithuania signed a defence pact in Riga on Wednesday. \u201c{SCRIPT} Our borders "
                      f"are safe {IMG},\u201d Latvian President Edgars Rinkevics said on Wednesday. Lithuania accused "
                      f"Russia of sending drones over its territory in May 2024. Visit {JS} for more."}
    (folder / "c_feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[TestClient, Store]:
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "corpus"
    corpus.mkdir()
    _hostile_corpus(corpus)
    db = str(folder / "hostile.db")
    _build(db, str(corpus))
    store = Store(db)
    # Sources that only a fetched page would carry, written through the store as a build writes them.
    for doc_id, source in [("js-source", JS), ("web-source", f"https://example.org/a?q={SCRIPT}")]:
        store.save_document(DocFacts(Document(doc_id, source, f"Plain text {SCRIPT} {IMG}.", title=SCRIPT,
                                              author=IMG, outlet=JS, language="en")))
    return _client(db), store


class Inert(HTMLParser):
    """Fails on any markup an attacker could have injected: script, img, event handlers, script URLs."""

    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag != "img", self.where
        if tag == "script":
            assert (dict(attrs).get("src") or "").startswith("/static/"), self.where
        for name, value in attrs:
            assert not name.startswith("on"), (self.where, tag, name)
            if name in ("href", "src", "action", "xlink:href"):
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), (self.where, value)


def _check_page(body: str, where: str) -> None:
    assert "<script>alert" not in body, where
    assert "<img" not in body, where
    assert 'href="javascript:' not in body.lower(), where
    Inert(where).feed(body)  # an onerror= inside an escaped attribute value is text; as an attribute it fails


def _check_json(body: str, where: str) -> None:
    assert "<script" not in body and "<img" not in body, where  # < and > travel as \u003c and \u003e
    json.loads(body)


def test_hostile_text_is_shown_escaped_on_every_page_and_in_every_response(hostile):
    client, store = hostile
    docs = store.documents()
    actors = client.get("/api/actors", params={"per_page": 200}).json()["items"]
    stories = client.get("/api/stories").json()["items"]
    paths = PAGES + [f"/doc/{seg}" for seg in (_seg(d.id) for d in docs)]
    paths += [f"/doc/{_seg(d.id)}?hl=0-5" for d in docs] + [a["link"] for a in actors] + [s["link"] for s in stories]
    paths += [f"/documents?outlet={_seg(JS)}", "/search?q=script+alert", "/search?q=onerror",
              f"/quotes?speaker={_seg(SCRIPT)}", f"/doc/{_seg(SCRIPT)}?hl={_seg(SCRIPT)}", f"/search?q={_seg(IMG)}",
              f"/graph?story={_seg(SCRIPT)}&type={_seg(IMG)}", f"/actor/{_seg(SCRIPT)}", f"/actors?type={_seg(IMG)}"]
    shown = 0
    for path in paths:
        r = client.get(path)
        assert r.status_code in (200, 404, 422), path
        assert r.headers["content-type"].startswith("text/html"), path
        _check_page(r.text, path)
        shown += r.text.count(html.escape(SCRIPT, quote=False)) + r.text.count(html.escape(SCRIPT))
    assert shown > 10  # the hostile strings are there, as text
    doc_page = client.get(f"/doc/{_seg(SCRIPT)}").text
    assert html.escape(SCRIPT) in doc_page and html.escape(IMG) in doc_page
    assert '<code>javascript:alert(1)</code>' in client.get("/doc/js-source").text
    web = client.get("/doc/web-source").text
    assert 'href="https://example.org/a?q=&lt;script&gt;alert(1)&lt;/script&gt;"' in web
    api = API_LISTS + ["/api/overview", "/api/graph", "/api/search?q=script", "/api/search?q=alert+onerror"]
    api += [f"/api/documents/{_seg(d.id)}" for d in docs] + [f"/api/actors/{_seg(a['id'])}" for a in actors]
    api += [f"/api/quotes?speaker={_seg(SCRIPT)}", f"/api/documents?page={_seg(SCRIPT)}", "/api/export/jsonl"]
    for path in api:
        r = client.get(path)
        assert r.status_code in (200, 422), path
        assert r.headers["x-content-type-options"] == "nosniff"
        if path.endswith("jsonl"):
            for line in r.text.splitlines():
                _check_json(line, path)
        else:
            _check_json(r.text, path)
    listed = client.get("/api/documents", params={"per_page": 50}).json()["items"]
    assert {d["id"] for d in listed} >= {SCRIPT, "js-source"}
    assert next(d for d in listed if d["id"] == "js-source")["url"] is None
    assert next(d for d in listed if d["id"] == SCRIPT)["title"].startswith(SCRIPT)  # data kept as it was


def _seg(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


# --------------------------------------------------------------------------- PostgreSQL


def test_web_app_on_postgres(postgres_db: str) -> None:
    db = postgres_db
    client: Any = None
    try:
        _build(db, str(EXAMPLES))
        client = _client(db)
        assert client.get("/api/overview").json()["documents"] == 8
        for path in PAGES + API_LISTS:
            assert client.get(path).status_code == 200, path
        quote = client.get("/api/quotes").json()["items"][0]
        page = client.get(quote["link"].split("#")[0]).text
        assert f'id="s-{quote["start"]}"' in page
        hits = client.get("/api/search", params={"q": "mackerel"}).json()
        assert hits["documents"]["total"] > 0 and hits["quotes"]["total"] > 0
        assert client.get("/api/documents/a%00b").status_code == 404
        assert client.get("/api/quotes", params={"speaker": "a\x00b"}).json()["total"] == 0
    finally:
        if client is not None:
            client.app.state.store.close()
