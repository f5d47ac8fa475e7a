"""Fetching against a real HTTP server on 127.0.0.1: robots.txt, redirects, retries, limits and refusals."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import newsgraph
from newsgraph.read.feeds import parse_feed
from newsgraph.read.fetch import DEFAULT_USER_AGENT, Fetched, Fetcher, FetchError

ARTICLE = (
    "<!doctype html><html><head><title>Quota talks resume</title></head>"
    "<body><article><p>Negotiators met in Tromsø on Monday.</p></article></body></html>"
).encode()
RSS = (
    b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
    b"<item><title>Quota talks resume</title><link>/article</link><description>Talks resume.</description>"
    b"</item></channel></rss>"
)
ROBOTS_RULES = b"User-agent: *\nDisallow: /private/\n"
SLOW_SECONDS = 1.5
HUGE_BYTES = 1024 * 1024


@dataclass
class Hit:
    path: str
    user_agent: str | None
    at: float


@dataclass
class Site:
    """What the test server serves and what it saw; `robots` picks how /robots.txt answers."""

    robots: str = "rules"  # rules | missing | forbidden | broken
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def record(self, path: str, user_agent: str | None) -> int:
        """Note a request; return how many times this path was asked for, this one included."""
        with self.lock:
            self.hits.append(Hit(path, user_agent, time.monotonic()))
            return sum(1 for hit in self.hits if hit.path == path)

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for hit in self.hits if hit.path == path)

    def times(self, path: str) -> list[float]:
        with self.lock:
            return [hit.at for hit in self.hits if hit.path == path]

    def url(self, path: str) -> str:
        return self.base + path


class Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        return

    def do_GET(self) -> None:  # noqa: N802 (name fixed by http.server)
        site = self.server.site
        seen = site.record(self.path, self.headers.get("User-Agent"))
        route = ROUTES.get(self.path)
        if route is None:
            self._send(404, b"not here", "text/plain")
        else:
            route(self, site, seen)

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def _robots(handler: Handler, site: Site, seen: int) -> None:
    if site.robots == "rules":
        handler._send(200, ROBOTS_RULES, "text/plain")
    elif site.robots == "missing":
        handler._send(404, b"no robots here", "text/plain")
    elif site.robots == "forbidden":
        handler._send(403, b"forbidden", "text/plain")
    else:  # broken: drop the connection without a word, as an unreachable robots.txt looks to a client
        handler.close_connection = True


def _article(handler: Handler, site: Site, seen: int) -> None:
    handler._send(200, ARTICLE, "text/html; charset=UTF-8")


def _redirect_to(target: str) -> Callable[[Handler, Site, int], None]:
    def route(handler: Handler, site: Site, seen: int) -> None:
        handler._send(302, b"", "text/plain", {"Location": target})

    return route


def _flaky(handler: Handler, site: Site, seen: int) -> None:
    if seen == 1:
        handler._send(503, b"busy", "text/plain")
    else:
        _article(handler, site, seen)


def _down(handler: Handler, site: Site, seen: int) -> None:
    handler._send(503, b"down", "text/plain")


def _busy_short(handler: Handler, site: Site, seen: int) -> None:
    if seen == 1:
        handler._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
    else:
        _article(handler, site, seen)


def _busy_long(handler: Handler, site: Site, seen: int) -> None:
    handler._send(429, b"slow down", "text/plain", {"Retry-After": "120"})


def _slow(handler: Handler, site: Site, seen: int) -> None:
    time.sleep(SLOW_SECONDS)
    try:
        _article(handler, site, seen)
    except (BrokenPipeError, ConnectionResetError):
        return  # the client timed out and left, which is what the test wants


def _huge(handler: Handler, site: Site, seen: int, declare_length: bool) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    if declare_length:
        handler.send_header("Content-Length", str(HUGE_BYTES))
    handler.end_headers()
    chunk = b"<p>" + b"x" * 8189 + b"</p>"
    try:
        for _ in range(HUGE_BYTES // len(chunk)):
            handler.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError):
        return  # the client stopped reading at its limit, which is what the test wants


def _image(handler: Handler, site: Site, seen: int) -> None:
    handler._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")


def _feed(handler: Handler, site: Site, seen: int) -> None:
    handler._send(200, RSS, "application/rss+xml; charset=ISO-8859-1")


ROUTES: dict[str, Callable[[Handler, Site, int], None]] = {
    "/robots.txt": _robots,
    "/article": _article,
    "/private/page": _article,
    "/redirect": _redirect_to("/article"),
    "/redirect-private": _redirect_to("/private/page"),
    "/redirect-loop": _redirect_to("/redirect-loop"),
    "/redirect-ftp": _redirect_to("ftp://127.0.0.1/file.txt"),
    "/flaky": _flaky,
    "/down": _down,
    "/busy-short": _busy_short,
    "/busy-long": _busy_long,
    "/slow": _slow,
    "/huge": lambda handler, site, seen: _huge(handler, site, seen, declare_length=False),
    "/huge-declared": lambda handler, site, seen: _huge(handler, site, seen, declare_length=True),
    "/image.png": _image,
    "/feed.xml": _feed,
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: Site) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.site = site


@pytest.fixture
def serve() -> Iterator[Callable[..., Site]]:
    """Start test servers on free ports, each in its own thread; all are shut down after the test."""
    servers: list[_Server] = []

    def start(robots: str = "rules") -> Site:
        site = Site(robots=robots)
        server = _Server(site)
        site.base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        servers.append(server)
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site(serve: Callable[..., Site]) -> Site:
    return serve()


@pytest.fixture
def make_fetcher() -> Iterator[Callable[..., Fetcher]]:
    """Fetchers without the politeness pauses (tests hit their own server), closed after the test."""
    made: list[Fetcher] = []

    def make(**options: object) -> Fetcher:
        settings: dict[str, object] = {"delay": 0.0, "backoff": 0.01, "timeout": 2.0}
        settings.update(options)
        fetcher = Fetcher(**settings)  # type: ignore[arg-type]
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


def _error(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    return caught.value


def test_article_is_fetched_with_type_charset_and_user_agent(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetched = make_fetcher().fetch(site.url("/article"))
    assert fetched == Fetched(site.url("/article"), 200, ARTICLE, "text/html", "utf-8")
    expected_agent = f"newsgraph/{newsgraph.__version__} (+https://github.com/newsgraph/newsgraph)"
    assert expected_agent == DEFAULT_USER_AGENT
    assert [hit.user_agent for hit in site.hits] == [expected_agent, expected_agent]  # robots.txt, then the page


def test_custom_user_agent_is_sent(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    make_fetcher(user_agent="quota-watch/2.1").fetch(site.url("/article"))
    assert {hit.user_agent for hit in site.hits} == {"quota-watch/2.1"}


def test_feed_content_type_and_header_charset(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetched = make_fetcher().fetch(site.url("/feed.xml"))
    assert (fetched.content_type, fetched.charset) == ("application/rss+xml", "iso-8859-1")
    entries = parse_feed(fetched.content, fetched.url)
    assert [entry.link for entry in entries] == [site.url("/article")]  # relative link resolved against the feed


def test_robots_txt_refuses_disallowed_path_and_is_read_once(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetcher = make_fetcher()
    error = _error(fetcher, site.url("/private/page"))
    assert error.reason == "refused by robots.txt"
    assert site.count("/private/page") == 0
    fetcher.fetch(site.url("/article"))
    fetcher.fetch(site.url("/article"))
    assert site.count("/robots.txt") == 1


def test_robots_txt_can_be_ignored(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetched = make_fetcher(respect_robots=False).fetch(site.url("/private/page"))
    assert fetched.status == 200
    assert site.count("/robots.txt") == 0


@pytest.mark.parametrize(("robots", "allowed"), [("missing", True), ("broken", True), ("forbidden", False)])
def test_robots_txt_missing_unreachable_or_forbidden(
    serve: Callable[..., Site], make_fetcher: Callable[..., Fetcher], robots: str, allowed: bool
) -> None:
    site = serve(robots=robots)
    fetcher = make_fetcher()
    if allowed:
        assert fetcher.fetch(site.url("/private/page")).status == 200
    else:
        assert _error(fetcher, site.url("/article")).reason == "refused by robots.txt"
        assert site.count("/article") == 0


def test_redirect_is_followed_to_final_url(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetched = make_fetcher().fetch(site.url("/redirect"))
    assert fetched.url == site.url("/article")
    assert fetched.content == ARTICLE


def test_redirect_into_disallowed_path_is_refused(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = _error(make_fetcher(), site.url("/redirect-private"))
    assert error.reason.startswith("refused by robots.txt")
    assert site.count("/private/page") == 0


def test_redirects_are_bounded(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = _error(make_fetcher(max_redirects=3), site.url("/redirect-loop"))
    assert error.reason == "more than 3 redirects"
    assert site.count("/redirect-loop") == 4


def test_only_http_and_https(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetcher = make_fetcher()
    assert "unsupported URL scheme 'file'" in _error(fetcher, "file:///etc/passwd").reason
    assert "unsupported URL scheme 'ftp'" in _error(fetcher, site.url("/redirect-ftp")).reason
    assert _error(fetcher, "http:///article").reason == "URL has no host: http:///article"
    assert _error(fetcher, "http://127.0.0.1:99999/article").reason.startswith("invalid URL")


def test_not_found_is_reported_without_retrying(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = _error(make_fetcher(), site.url("/missing"))
    assert (error.reason, error.status) == ("HTTP 404 Not Found", 404)
    assert str(error) == f"could not fetch {site.url('/missing')}: HTTP 404 Not Found"
    assert site.count("/missing") == 1


def test_server_error_is_retried_until_it_succeeds(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetched = make_fetcher(retries=2).fetch(site.url("/flaky"))
    assert fetched.content == ARTICLE
    assert site.count("/flaky") == 2


def test_retries_are_bounded(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = _error(make_fetcher(retries=2), site.url("/down"))
    assert error.reason == "HTTP 503 Service Unavailable (after 3 attempts)"
    assert site.count("/down") == 3
    assert _error(make_fetcher(retries=0), site.url("/down")).reason == "HTTP 503 Service Unavailable"


def test_retry_after_is_honoured(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    make_fetcher().fetch(site.url("/busy-short"))
    first, second = site.times("/busy-short")
    assert second - first >= 0.95


def test_retry_after_beyond_the_cap_gives_up(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    error = _error(make_fetcher(max_retry_after=5), site.url("/busy-long"))
    assert error.reason == "HTTP 429 Too Many Requests; server asked to retry after 120 s"
    assert site.count("/busy-long") == 1


def test_slow_response_times_out(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    started = time.monotonic()
    error = _error(make_fetcher(timeout=0.5, retries=0), site.url("/slow"))
    assert error.reason == "timed out after 0.5 s"
    assert time.monotonic() - started < SLOW_SECONDS


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_huge_response_is_cut_off(site: Site, make_fetcher: Callable[..., Fetcher], path: str) -> None:
    error = _error(make_fetcher(max_bytes=64 * 1024), site.url(path))
    assert error.reason == "response larger than 64 KB"


def test_image_is_refused(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    assert _error(make_fetcher(), site.url("/image.png")).reason == "not an HTML page or feed (image/png)"


def test_connection_refused(make_fetcher: Callable[..., Fetcher]) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago has nobody listening on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = _error(make_fetcher(retries=1), f"http://127.0.0.1:{port}/article")
    assert error.reason == "connection refused (after 2 attempts)"


def test_requests_to_one_host_are_spaced(site: Site, make_fetcher: Callable[..., Fetcher]) -> None:
    fetcher = make_fetcher(delay=0.3)
    fetcher.fetch(site.url("/article"))
    fetcher.fetch(site.url("/article"))
    times = [hit.at for hit in site.hits]  # robots.txt, article, article
    assert len(times) == 3
    assert all(later - earlier >= 0.28 for earlier, later in zip(times, times[1:], strict=False))


def test_context_manager_closes_the_client(site: Site) -> None:
    with Fetcher(delay=0) as fetcher:
        fetcher.fetch(site.url("/article"))
    with pytest.raises(RuntimeError):
        fetcher.fetch(site.url("/redirect"))
