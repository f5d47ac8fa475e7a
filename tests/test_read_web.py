"""Reading from the web: URLs, lists of URLs and feeds, fetched from a real server on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import InputError
from newsgraph.read import RawInput, ReadOptions, read_paths
from newsgraph.store import Store

PARAGRAPH = ("Fisheries ministers from Iceland and Norway met in Bergen on Tuesday to discuss the mackerel quota, "
             "and officials said the talks would continue next month after both sides tabled new figures. ")


def _page(title: str) -> bytes:
    body = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(5))
    return (f"<html><head><title>{title}</title><meta name='author' content='Kari Holm'></head>"
            f"<body><nav>Home | World</nav><article><h1>{title}</h1>{body}</article></body></html>").encode()


def _feed(base: str) -> bytes:
    full = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(3))
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Full entry</title><link>{base}/news/full</link><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate>
<description><![CDATA[{full}]]></description></item>
<item><title>Short entry</title><link>{base}/news/short</link><pubDate>Wed, 05 Mar 2025 09:00:00 GMT</pubDate>
<description>Ministers met again.</description></item>
<item><title>Private entry</title><link>{base}/private/memo</link>
<description>A memo was leaked.</description></item>
</channel></rss>""".encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        return

    def do_GET(self) -> None:  # noqa: N802 (name fixed by http.server)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.server.seen.append((self.path, self.headers.get("User-Agent", "")))  # type: ignore[attr-defined]
        routes = {
            "/robots.txt": (b"User-agent: *\nDisallow: /private/\n", "text/plain"),
            "/news/short": (_page("Ministers meet again"), "text/html; charset=utf-8"),
            "/news/plain": (_page("Quota talks in Bergen"), "text/html"),
            "/feed.xml": (_feed(base), "application/rss+xml"),
            "/private/memo": (_page("Memo"), "text/html"),
        }
        if self.path not in routes:
            self.send_error(404)
            return
        body, kind = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _base(httpd: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


FAST = ReadOptions(delay=0, timeout=5)


def test_url_is_fetched_as_a_page_with_its_url(server: ThreadingHTTPServer) -> None:
    url = f"{_base(server)}/news/plain"
    (raw,) = list(read_paths([url], FAST))
    assert isinstance(raw, RawInput) and raw.kind == "html" and raw.url == url and raw.source == url
    assert raw.id == f"127-0-0-1-{server.server_address[1]}-news-plain"
    agents = [agent for _, agent in server.seen]  # type: ignore[attr-defined]
    assert agents and all(agent.startswith("newsgraph/") for agent in agents)


def test_missing_page_and_robots_refusal_are_reported(server: ThreadingHTTPServer) -> None:
    missing, private = list(read_paths([f"{_base(server)}/news/gone", f"{_base(server)}/private/memo"], FAST))
    assert isinstance(missing, InputError) and "404" in missing.reason
    assert isinstance(private, InputError) and "robots.txt" in private.reason
    assert "/private/memo" not in [path for path, _ in server.seen]  # type: ignore[attr-defined]


def test_list_of_urls_is_read_page_by_page(server: ThreadingHTTPServer, tmp_path: Path) -> None:
    listing = tmp_path / "reading-list.txt"
    listing.write_text(f"# pages to read\n{_base(server)}/news/plain\n\n{_base(server)}/news/gone\n")
    page, missing = list(read_paths([listing], FAST))
    assert isinstance(page, RawInput) and page.url.endswith("/news/plain")
    assert isinstance(missing, InputError) and missing.source.endswith("/news/gone")


def test_feed_entries_become_articles_and_summaries_fetch_their_page(server: ThreadingHTTPServer) -> None:
    results = list(read_paths([f"{_base(server)}/feed.xml"], FAST))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["RawInput", "RawInput", "InputError", "RawInput"], results
    full, fetched, refused, summary = results
    assert full.kind == "record" and full.title == "Full entry" and full.published.startswith("2025-03-04")
    assert full.outlet == "Harbour Wire" and "Bergen" in full.data
    assert fetched.kind == "html" and fetched.url.endswith("/news/short") and fetched.title == "Short entry"
    assert "robots.txt" in refused.reason and "feed's own text is used" in refused.reason
    assert summary.data == "A memo was leaked."


def test_offline_reads_feed_text_and_fetches_nothing(server: ThreadingHTTPServer, tmp_path: Path) -> None:
    saved = tmp_path / "wire.xml"
    saved.write_bytes(_feed(_base(server)))
    results = list(read_paths([saved], ReadOptions(fetch=False)))
    assert [r.title for r in results] == ["Full entry", "Short entry", "Private entry"]
    assert server.seen == []  # type: ignore[attr-defined]


def test_build_from_a_url_stores_the_article(server: ThreadingHTTPServer, tmp_path: Path) -> None:
    db = tmp_path / "graph.db"
    result = CliRunner().invoke(app, ["build", f"{_base(server)}/news/plain", "--db", str(db)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    store = Store(str(db))
    (doc,) = store.documents()
    store.close()
    assert doc.title == "Quota talks in Bergen" and "mackerel quota" in doc.text and "Home | World" not in doc.text
