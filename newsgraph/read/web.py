"""The network edge of reading: URLs fetched politely, and feeds expanded into their articles.

One `Web` serves a whole run, so robots.txt is read once per host and the
per-host delay holds across inputs. With `ReadOptions.fetch` off, nothing is
fetched: URLs are reported, and feed entries give what they hold.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsgraph.model import InputError
from newsgraph.read.decode import decode_bytes, repair_text, visible_text
from newsgraph.read.raw import RawInput, ReadOptions, Unreadable

if TYPE_CHECKING:
    from newsgraph.read.feeds import FeedEntry
    from newsgraph.read.fetch import Fetched, Fetcher

_ID_CHARS = re.compile(r"[^a-z0-9]+")
_ID_LENGTH = 80


def url_id(url: str) -> str:
    """A readable, stable document id from a URL (host and path), so that a page read twice keeps its id."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    slug = _ID_CHARS.sub("-", f"{host}{parts.path}{'-' + parts.query if parts.query else ''}".lower()).strip("-")
    if len(slug) <= _ID_LENGTH:
        return slug or "page"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return f"{slug[:_ID_LENGTH - 9].rstrip('-')}-{digest}"


class Web:
    """Fetching for one run: a lazily opened polite client, closed when the run ends."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options
        self._fetcher: Fetcher | None = None

    def __enter__(self) -> Web:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def get(self, url: str) -> Fetched | InputError:
        """The response for `url`, or an InputError naming it and saying why it could not be fetched."""
        if not self.options.fetch:
            return InputError(url, "fetching is turned off (--offline); save the page and pass the file")
        if urlsplit(url).scheme.lower() not in {"http", "https"}:
            return InputError(url, "only http and https URLs are fetched")
        from newsgraph.read.fetch import FetchError

        try:
            return self._client().fetch(url)
        except FetchError as exc:
            return InputError(url, f"could not fetch: {exc}")

    def feed(self, raw: bytes, source: str) -> Iterator[RawInput | InputError]:
        """Each entry of an RSS or Atom feed as an article; the linked page is fetched when the entry is a summary."""
        from newsgraph.read.feeds import needs_page, parse_feed

        try:
            entries = parse_feed(raw, source)
        except ValueError as exc:
            yield InputError(source, f"not a readable feed: {exc}")
            return
        for number, entry in enumerate(entries, start=1):
            where = f"{source}#{number}"
            if entry.link and needs_page(entry) and self.options.fetch:
                page = self._entry_page(entry, where)
                if isinstance(page, RawInput):
                    yield page
                    continue
                yield page  # the page could not be fetched: say so, then keep what the feed holds
            yield self._entry_text(entry, where, number)

    def _entry_page(self, entry: FeedEntry, where: str) -> RawInput | InputError:
        fetched = self.get(entry.link or "")
        if isinstance(fetched, InputError):
            return InputError(where, f"{fetched.reason}; the feed's own text is used")
        try:
            html, encoding = decode_bytes(fetched.content, html_hint=True, declared=fetched.charset)
        except Unreadable as bad:
            return InputError(where, f"linked page {fetched.url}: {bad}; the feed's own text is used")
        return RawInput(
            id=url_id(fetched.url), source=fetched.url, data=html, kind="html",
            raw_hash=hashlib.sha256(fetched.content).hexdigest(), encoding=encoding,
            title=entry.title, url=fetched.url, published=entry.published, author=entry.author,
        )

    def _entry_text(self, entry: FeedEntry, where: str, number: int) -> RawInput | InputError:
        body = entry.content_html or entry.summary_html or ""
        text = repair_text(visible_text(body)) if body.strip() else ""
        if not text.strip():
            return InputError(where, "feed entry has no text and its page was not fetched")
        key = f"{entry.id or entry.link or number}\n{text}".encode()
        return RawInput(
            id=url_id(entry.link) if entry.link else f"entry-{number}", source=where, data=text, kind="record",
            raw_hash=hashlib.sha256(key).hexdigest(), encoding="utf-8", title=entry.title, url=entry.link,
            published=entry.published, author=entry.author, outlet=entry.outlet,
        )

    def _client(self) -> Fetcher:
        if self._fetcher is None:
            from newsgraph.read.fetch import Fetcher

            kwargs = {"timeout": self.options.timeout, "delay": self.options.delay, "max_bytes": self.options.max_bytes}
            if self.options.user_agent:
                kwargs["user_agent"] = self.options.user_agent
            self._fetcher = Fetcher(**kwargs)
        return self._fetcher
