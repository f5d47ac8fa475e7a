"""Fetch: polite HTTP fetching of article pages and feeds, one page (or one clear error) per URL.

A news reader that fetches pages talks to servers it does not own, so every
request is polite by default: it names itself in the User-Agent, obeys
robots.txt, waits between requests to the same host, backs off when a server
is busy and gives up after a bounded number of tries. Every failure becomes a
`FetchError` whose reason a person can act on ("HTTP 404 Not Found", "refused
by robots.txt"), because a run over a list of URLs should report what it left
out rather than stop.

Redirects are followed one hop at a time instead of by httpx itself, so each
hop gets the same checks as the first URL: scheme, robots.txt of its host and
the per-host delay. Bodies are streamed and cut off at `max_bytes`, so a huge
or endless response costs bounded memory. The fetcher is synchronous and meant
to be used from one thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newsgraph import __version__
from newsgraph.read.raw import MAX_BYTES

DEFAULT_USER_AGENT = f"newsgraph/{__version__} (+https://github.com/newsgraph/newsgraph)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_RETRIES = 2
DEFAULT_MAX_BYTES = MAX_BYTES
DEFAULT_DELAY = 1.0
DEFAULT_BACKOFF = 0.5  # first retry waits this long, each later one twice as long as the one before
DEFAULT_MAX_RETRY_AFTER = 30.0  # a server asking for a longer pause is treated as "not now" and not retried
DEFAULT_MAX_REDIRECTS = 10
MAX_CRAWL_DELAY = 30.0  # a robots.txt Crawl-delay above this is clamped so one host cannot stall a run for hours
ROBOTS_MAX_BYTES = 512 * 1024  # the least a crawler must read of a robots.txt (RFC 9309); anything past it is ignored

SCHEMES = ("http", "https")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Pages and feeds, under the names servers really use; text/plain is kept because misconfigured servers send
# feeds and articles with it and the reader sniffs the content anyway.
ACCEPTED_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/xml", "application/xml", "text/plain", "application/json",
     "application/feed+json", "application/rss+xml", "application/atom+xml", "application/rdf+xml"}
)
ACCEPT_HEADER = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)


@dataclass
class Fetched:
    """One fetched response: the final URL after redirects and the raw body, still undecoded.

    The body is left as bytes because decoding is the reader's job: it weighs the header charset against the
    page's own declaration and the bytes themselves.
    """

    url: str
    status: int
    content: bytes
    content_type: str | None  # media type from the header, lower case, without parameters
    charset: str | None  # charset parameter from the header, if the server sent one


class FetchError(Exception):
    """A URL that could not be fetched, with a reason a person can act on."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"could not fetch {url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class _Retry(Exception):
    """Internal: one attempt failed in a way worth trying again, after `wait` seconds at least."""

    def __init__(self, error: FetchError, wait: float | None = None) -> None:
        super().__init__(error.reason)
        self.error = error
        self.wait = wait


@dataclass
class _Reply:
    """Internal: what one request produced once its body is read and the connection released."""

    url: str
    status: int
    headers: httpx.Headers
    content: bytes
    next_url: str | None  # where a redirect points, if this was one


class Fetcher:
    """Fetch pages and feeds politely; use as a context manager so the connection pool is closed."""

    def __init__(
        self,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        max_bytes: int = DEFAULT_MAX_BYTES,
        delay: float = DEFAULT_DELAY,
        respect_robots: bool = True,
        *,
        backoff: float = DEFAULT_BACKOFF,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.retries = max(0, retries)
        self.max_bytes = max_bytes
        self.delay = delay
        self.respect_robots = respect_robots
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.max_redirects = max_redirects
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept": ACCEPT_HEADER},
            timeout=timeout,
            follow_redirects=False,
            max_redirects=max_redirects,
        )
        self._robots: dict[str, RobotFileParser] = {}
        self._last_request: dict[str, float] = {}
        self._crawl_delay: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release pooled connections; the fetcher cannot be used afterwards."""
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """Fetch one page or feed, following redirects; raise `FetchError` with the reason when it cannot."""
        current = _checked_url(url, url)
        for _ in range(self.max_redirects + 1):
            self._check_robots(url, current)
            reply = self._get_with_retries(current)
            if reply.next_url is None:
                return _fetched(reply)
            current = _checked_url(url, reply.next_url)
        raise FetchError(url, f"more than {self.max_redirects} redirects")

    # -- robots.txt -------------------------------------------------------------------------------------------

    def _check_robots(self, original: str, url: str) -> None:
        """Refuse a URL its host's robots.txt forbids to this user agent; robots.txt is read once per origin."""
        if not self.respect_robots:
            return
        rules = self._robots_for(url)
        if not rules.can_fetch(self.user_agent, url):
            raise FetchError(original, "refused by robots.txt" if url == original else f"refused by robots.txt ({url})")

    def _robots_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            rules = self._read_robots(origin + "/robots.txt")
            self._robots[origin] = rules
            delay = rules.crawl_delay(self.user_agent)
            if delay is not None:
                self._crawl_delay[_host_key(url)] = min(float(delay), MAX_CRAWL_DELAY)
        return self._robots[origin]

    def _read_robots(self, robots_url: str) -> RobotFileParser:
        """Read robots.txt with the same client; decide what a missing, forbidden or unreachable one means.

        A missing file (404 and other 4xx) allows everything, as every crawler agrees. 401/403 disallow
        everything: a host that refuses to show its rules is taken to refuse crawling too. A server error or
        no connection at all allows, so a host whose robots.txt alone is broken can still be read; if the host
        itself is down the page fetch will fail with its own reason.
        """
        rules = RobotFileParser(robots_url)
        self._wait_turn(robots_url)
        try:
            with self._client.stream("GET", robots_url, follow_redirects=True) as response:
                body = _read_capped(response, ROBOTS_MAX_BYTES) if response.is_success else b""
                status = response.status_code
        except httpx.HTTPError:
            rules.allow_all = True
            return rules
        finally:
            self._mark_done(robots_url)
        if status in (401, 403):
            rules.disallow_all = True
        elif 200 <= status < 300:
            rules.parse(body.decode("utf-8", errors="replace").splitlines())
        else:
            rules.allow_all = True
        return rules

    # -- requests and retries -----------------------------------------------------------------------------------

    def _get_with_retries(self, url: str) -> _Reply:
        """GET one URL (one redirect hop), trying again on failures that are usually temporary."""
        attempts = self.retries + 1
        for attempt in range(attempts):
            try:
                return self._get_once(url)
            except _Retry as retry:
                if attempt == attempts - 1:
                    raise _final_error(retry.error, attempts) from None
                time.sleep(retry.wait if retry.wait is not None else self.backoff * 2**attempt)
        raise AssertionError("unreachable: the loop returns or raises")

    def _get_once(self, url: str) -> _Reply:
        """One request: raise `_Retry` for temporary failures and `FetchError` for final ones."""
        self._wait_turn(url)
        try:
            with self._client.stream("GET", url) as response:
                return self._reply(url, response)
        except httpx.TimeoutException as exc:
            raise _Retry(FetchError(url, f"timed out after {self.timeout:g} s")) from exc
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise _Retry(FetchError(url, _describe_transport_error(exc))) from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, _describe_transport_error(exc)) from exc
        finally:
            self._mark_done(url)

    def _reply(self, url: str, response: httpx.Response) -> _Reply:
        status = response.status_code
        if response.has_redirect_location and response.next_request is not None:
            return _Reply(str(response.url), status, response.headers, b"", str(response.next_request.url))
        if status in RETRY_STATUSES:
            raise _Retry(FetchError(url, _status_reason(response), status), self._retry_wait(url, response))
        if not response.is_success:
            raise FetchError(url, _status_reason(response), status)
        _check_content_type(url, response)
        _check_declared_length(url, response, self.max_bytes)
        content = _read_capped(response, self.max_bytes)
        if len(content) > self.max_bytes:
            raise FetchError(url, f"response larger than {_format_size(self.max_bytes)}", status)
        return _Reply(str(response.url), status, response.headers, content, None)

    def _retry_wait(self, url: str, response: httpx.Response) -> float | None:
        """The pause a busy server asked for; one longer than the cap ends the fetch instead of stalling the run."""
        wait = _retry_after_seconds(response.headers.get("Retry-After"))
        if wait is not None and wait > self.max_retry_after:
            reason = f"{_status_reason(response)}; server asked to retry after {wait:g} s"
            raise FetchError(url, reason, response.status_code)
        return wait

    def _wait_turn(self, url: str) -> None:
        """Space requests to one host by `delay` (or its robots.txt Crawl-delay, if longer).

        The gap runs from the end of the previous response (see `_mark_done`), so a slow reply
        never lets the next request follow it closer than the delay.
        """
        host = _host_key(url)
        gap = max(self.delay, self._crawl_delay.get(host, 0.0))
        last = self._last_request.get(host)
        if last is not None:
            remaining = last + gap - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)
        self._last_request[host] = time.monotonic()

    def _mark_done(self, url: str) -> None:
        self._last_request[_host_key(url)] = time.monotonic()


def _final_error(error: FetchError, attempts: int) -> FetchError:
    """The last attempt's error, saying how many were made so "HTTP 503" is not mistaken for a single try."""
    if attempts == 1:
        return error
    return FetchError(error.url, f"{error.reason} (after {attempts} attempts)", error.status)


def _checked_url(original: str, url: str) -> str:
    """Accept only absolute http(s) URLs: other schemes could read local files or talk to other services."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        where = "" if url == original else f" (redirect to {url})"
        raise FetchError(original, f"unsupported URL scheme '{scheme or 'none'}'{where}; only http and https")
    if not parts.hostname:
        raise FetchError(original, f"URL has no host: {url}")
    try:
        httpx.URL(url)
        _ = parts.port  # an out-of-range port only shows when read
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(original, f"invalid URL: {exc}") from exc
    return url


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    return f"{(parts.hostname or '').lower()}:{port}"


def _fetched(reply: _Reply) -> Fetched:
    media_type, charset = _parse_content_type(reply.headers.get("Content-Type"))
    return Fetched(url=reply.url, status=reply.status, content=reply.content, content_type=media_type, charset=charset)


def _parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """Split a Content-Type header into its media type and charset, both lower case."""
    if not value:
        return None, None
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, raw = param.partition("=")
        if name.strip().lower() == "charset" and raw.strip():
            charset = raw.strip().strip("\"'").lower()
    return media_type.strip().lower() or None, charset


def _check_content_type(url: str, response: httpx.Response) -> None:
    """Refuse images, video, archives and the like before reading them: they cannot hold an article."""
    media_type, _ = _parse_content_type(response.headers.get("Content-Type"))
    if media_type is None or media_type in ACCEPTED_TYPES or media_type.endswith("+xml"):
        return
    raise FetchError(url, f"not an HTML page or feed ({media_type})", response.status_code)


def _check_declared_length(url: str, response: httpx.Response, max_bytes: int) -> None:
    """Refuse a body whose declared length is already too large, without downloading any of it."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"response larger than {_format_size(max_bytes)}", response.status_code)


def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    """Read at most max_bytes + 1 bytes (decoded), so the caller can tell a body that hit the cap."""
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            return bytes(body[: max_bytes + 1])
    return bytes(body)


def _status_reason(response: httpx.Response) -> str:
    phrase = response.reason_phrase
    if not phrase:
        try:
            phrase = HTTPStatus(response.status_code).phrase
        except ValueError:
            phrase = "unknown status"
    return f"HTTP {response.status_code} {phrase}"


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _describe_transport_error(exc: httpx.HTTPError) -> str:
    """Turn a low-level error into the reason a person would give ("connection refused", "host not found")."""
    text = str(exc)
    lowered = text.lower()
    if "refused" in lowered:
        return "connection refused"
    if any(sign in lowered for sign in ("name or service not known", "nodename nor servname", "getaddrinfo",
                                         "no address associated", "name resolution")):
        return "host not found"
    if "certificate" in lowered or "ssl" in lowered:
        return f"TLS error: {text}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"server broke the HTTP protocol: {text}"
    if isinstance(exc, httpx.DecodingError):
        return f"could not decode the response: {text}"
    return f"connection failed: {text or type(exc).__name__}"


def _format_size(n: int) -> str:
    mb = 1024 * 1024
    if n >= mb:
        return f"{n / mb:g} MB"
    if n >= 1024:
        return f"{n / 1024:g} KB"
    return f"{n} bytes"
