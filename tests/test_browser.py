"""The web app in a real headless Chromium: a new user's path to a statement's sentence, screenshots of the
main pages, and untrusted article text that never runs.

The server is `newsgraph serve` started as a user starts it; Playwright drives Debian's Chromium
(/usr/bin/chromium, installed by `.ci/run`). The tests skip, saying why, where either is missing.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

from .conftest import EXAMPLES
from .test_web import _hostile_corpus

MAIN_PAGES = ["/", "/graph", "/actors", "/documents", "/quotes", "/events", "/ties", "/figures",
              "/disagreements", "/stories", "/search?q=quota"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _built(folder: Path, *inputs: Path) -> str:
    db = str(folder / "graph.db")
    result = CliRunner().invoke(app, ["build", *map(str, inputs), "--db", db, "--offline"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def serve() -> Iterator[object]:
    """Start `newsgraph serve` on a free port of 127.0.0.1 and give its base URL once it answers."""
    servers: list[subprocess.Popen[bytes]] = []

    def start(db: str) -> str:
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", db, "--port", str(port),
                                   "--refresh", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        servers.append(server)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"newsgraph serve exited: {server.stdout.read().decode(errors='replace')}")
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    return base
            except httpx.TransportError:
                time.sleep(0.3)
        pytest.fail("newsgraph serve did not answer within 120 s")

    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


def _page(browser: object, errors: list[str]) -> object:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    return page


def test_new_user_reaches_a_statement_of_xi_jinping_in_its_document(browser, serve, seeds_dir, tmp_path) -> None:
    base = serve(_built(tmp_path, seeds_dir))
    errors: list[str] = []
    page = _page(browser, errors)
    page.goto(base + "/")
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    page.fill("input[name=q]", "Xi Jinping")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.get_by_role("link", name="Xi Jinping", exact=True).first.click()
    page.wait_for_load_state()
    assert "/actor/" in page.url
    said = page.locator("#said")
    assert said.locator("blockquote").count() > 0  # his statements, each in its sentence
    statement = said.locator("blockquote").first.inner_text()
    page.screenshot(path=str(tmp_path / "actor.png"), full_page=True)
    said.locator("a.cite").first.click()
    page.wait_for_load_state()
    assert "/doc/" in page.url and "#s-" in page.url
    anchor = page.url.rsplit("#", 1)[1]
    marked = page.locator(f"mark[id='{anchor}']")
    assert marked.is_visible() and "hl" in (marked.get_attribute("class") or "")
    assert marked.inner_text().strip()[:40] in " ".join(statement.split())
    page.screenshot(path=str(tmp_path / "document.png"))
    assert errors == []
    assert all((tmp_path / f"{name}.png").stat().st_size > 10_000 for name in ("overview", "actor", "document"))


def test_main_pages_render_without_errors(browser, serve, tmp_path) -> None:
    base = serve(_built(tmp_path, EXAMPLES))
    errors: list[str] = []
    page = _page(browser, errors)
    for number, path in enumerate(MAIN_PAGES):
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        assert page.locator("h1").count() >= 1, path
        page.screenshot(path=str(tmp_path / f"page-{number}.png"), full_page=True)
    page.goto(base + "/graph")
    node = page.locator("svg a.node circle").first
    node.click(force=True)  # labels of neighbouring nodes may overlap it; any node leads to an actor
    page.wait_for_load_state()
    assert "/actor/" in page.url  # graph nodes lead to actor pages
    assert errors == [], errors


def test_untrusted_text_never_runs_in_the_browser(browser, serve, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _hostile_corpus(corpus)
    base = serve(_built(tmp_path, corpus))
    dialogs: list[str] = []
    errors: list[str] = []
    page = _page(browser, errors)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    links = httpx.get(base + "/api/documents", params={"per_page": 50}).json()["items"]
    actors = httpx.get(base + "/api/actors", params={"per_page": 50}).json()["items"]
    paths = MAIN_PAGES + ["/search?q=script"] + [d["link"] for d in links] + [a["link"] for a in actors]
    for path in paths:
        page.goto(base + path)
        for anchor in page.locator("a[href]").all():
            assert not (anchor.get_attribute("href") or "").lower().startswith("javascript:"), path
        assert page.locator("body script").count() == 0, path
        assert page.locator("img[onerror]").count() == 0, path
    assert dialogs == []
