"""Feeds: RSS and Atom documents in, one `FeedEntry` per item out, and whether its page is still needed.

Feeds are parsed with feedparser, which reads every RSS and Atom dialect and
survives the small errors real feeds are full of: a feed that has entries is
read even when feedparser flags it as not well-formed, and only a document with
no entries at all is refused, with the reason. Nothing is fetched here: the
bytes come from the caller, and are handed to feedparser as a stream because
given a string it would try to open it as a URL or a file path.

Many feeds carry only a teaser; `needs_page` tells the caller when the linked
page has to be fetched to get the article itself.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser

from newsgraph.read.decode import visible_text

# Below this many words an entry's text is taken to be a teaser, not the article. Feed teasers are one to three
# sentences (roughly 20 to 60 words), while even short news briefs run past 100 words, so 80 sits between the two:
# a longer text is very likely the article itself and fetching the page would only cost the publisher a request.
NEEDS_PAGE_WORDS = 80

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# How a feed marks text it cut short: an ellipsis, alone or in brackets, at the very end.
_TRUNCATED = re.compile(r"(?:\.\.\.|\u2026)\s*\]?\s*$")
_WORD = re.compile(r"\w+")
_RSS_AUTHOR = re.compile(r"^\s*[^\s@()]+@[^\s()]+\s*\((.+)\)\s*$")
_SAX_POSITION = re.compile(r"^<[^>]*>:\d+:\d+:\s*")


@dataclass
class FeedEntry:
    """One feed item as the feed gives it; HTML fields hold HTML even when the feed sent plain text."""

    id: str
    title: str | None
    link: str | None
    published: str | None  # ISO 8601 in UTC, from the item's published date or, failing that, its updated date
    author: str | None
    summary_html: str | None
    content_html: str | None
    outlet: str | None  # the feed's own title


def parse_feed(data: str | bytes, source: str) -> list[FeedEntry]:
    """Read the entries of an RSS or Atom document; raise ValueError saying why when it holds none to read.

    `source` names the document in errors and, when it is an http(s) URL, resolves relative links in it.
    """
    if not _as_bytes(data).strip():
        raise ValueError(f"{source}: empty document, not a feed")
    parsed = feedparser.parse(io.BytesIO(_as_bytes(data)), response_headers=_headers_for(data, source))
    entries = parsed.get("entries") or []
    if not entries:
        _refuse_if_not_feed(parsed, source)
        return []
    feed = parsed.get("feed") or {}
    outlet = _plain(feed.get("title"), feed.get("title_detail"))
    return [_entry(raw, outlet, source, index) for index, raw in enumerate(entries)]


def needs_page(entry: FeedEntry, min_words: int = NEEDS_PAGE_WORDS) -> bool:
    """True when the entry's text is only a teaser, so the article must be read from the linked page.

    The entry's text is its content, or its summary when it has no content (some feeds put the whole article
    in the summary). It is a teaser when it is missing, shorter than `min_words`, or ends in the ellipsis
    feeds use to mark text they cut short.
    """
    body = entry.content_html or entry.summary_html
    if not body:
        return True
    text = html_to_text(body)
    return len(_WORD.findall(text)) < min_words or bool(_TRUNCATED.search(text))


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment on one line, for counting words and for short fields."""
    return " ".join(visible_text(fragment).split())


def _as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _headers_for(data: str | bytes, source: str) -> dict[str, str]:
    """Headers telling feedparser what it cannot see: the text's encoding when already decoded, and its URL.

    A str was decoded by the caller and is re-encoded as UTF-8 here, so its XML declaration may name an encoding
    it no longer has; a charset on an XML media type takes precedence over the declaration.
    """
    headers: dict[str, str] = {}
    if isinstance(data, str):
        headers["content-type"] = "application/xml; charset=utf-8"
    if urlsplit(source).scheme.lower() in ("http", "https"):
        headers["content-location"] = source
    return headers


def _refuse_if_not_feed(parsed: Any, source: str) -> None:
    """Raise ValueError for a document that is not a feed or too broken to yield entries; an empty feed passes."""
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.get("version"):
        reason = f"not an RSS or Atom feed ({_describe_problem(problem)})" if problem else "not an RSS or Atom feed"
        raise ValueError(f"{source}: {reason}")
    if problem:
        raise ValueError(f"{source}: malformed feed with no readable entries ({_describe_problem(problem)})")


def _describe_problem(problem: object) -> str:
    """The parser's complaint without its "<unknown>:line:column:" prefix, whose numbers do not match the input."""
    text = _SAX_POSITION.sub("", str(problem).strip())
    return text or type(problem).__name__


def _entry(raw: Any, outlet: str | None, source: str, index: int) -> FeedEntry:
    link = raw.get("link") or None
    title = _plain(raw.get("title"), raw.get("title_detail"))
    content = _content_html(raw)
    summary = _summary_html(raw, content)
    return FeedEntry(
        id=raw.get("id") or link or _fallback_id(source, index, title),
        title=title,
        link=link,
        published=_published(raw),
        author=_author(raw),
        summary_html=summary,
        content_html=content,
        outlet=outlet,
    )


def _fallback_id(source: str, index: int, title: str | None) -> str:
    """An id for an item with neither guid nor link, stable as long as the feed and the item's title are."""
    digest = hashlib.sha256(f"{source}\n{title or index}".encode()).hexdigest()[:16]
    return f"{source}#{digest}"


def _content_html(raw: Any) -> str | None:
    """The item's full content as HTML: the longest content element, HTML ones preferred over plain text."""
    best: tuple[bool, int, str] | None = None
    for part in raw.get("content") or []:
        value = part.get("value") or ""
        if not value.strip():
            continue
        is_html = part.get("type") in HTML_TYPES
        candidate = (is_html, len(value), value if is_html else _text_as_html(value))
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else None


def _summary_html(raw: Any, content: str | None) -> str | None:
    """The item's summary as HTML; feedparser copies content into summary when there is none, so drop copies."""
    value = raw.get("summary") or ""
    if not value.strip():
        return None
    if any(value == part.get("value") for part in raw.get("content") or []):
        return None
    detail = raw.get("summary_detail") or {}
    return value if detail.get("type", "text/html") in HTML_TYPES else _text_as_html(value)


def _text_as_html(text: str) -> str:
    """Plain text made safe to read as HTML, so every *_html field means the same thing."""
    return html.escape(text, quote=False)


def _published(raw: Any) -> str | None:
    """The item's date as ISO 8601 UTC; feedparser has already normalised it to a UTC time tuple.

    The updated date stands in when there is no published one: Atom requires only `updated`, and for a news
    item it is the nearest date the feed gives. `dict.get` is used so feedparser's deprecated fallback from
    updated to published is not triggered.
    """
    stamp = dict.get(raw, "published_parsed") or dict.get(raw, "updated_parsed")
    if not stamp:
        return None
    return datetime(*stamp[:6], tzinfo=UTC).isoformat()


def _author(raw: Any) -> str | None:
    """Author names, comma-separated; e-mail addresses are dropped when the feed also gives a name.

    RSS writes an author as "address (Name)"; that form is split here because feedparser's own split
    mangles addresses whose top-level domain is longer than four letters.
    """
    rss_form = _RSS_AUTHOR.match(raw.get("author") or "")
    if rss_form:
        return _plain(rss_form.group(1))
    names = [_plain(person.get("name")) for person in raw.get("authors") or []]
    names = [name for name in names if name]
    if names:
        return ", ".join(dict.fromkeys(names))
    return _plain(raw.get("author"))


def _plain(value: Any, detail: Any = None) -> str | None:
    """A short text field as plain text: feedparser keeps markup in fields the feed typed as HTML."""
    if not isinstance(value, str):
        return None
    if detail and detail.get("type") in HTML_TYPES:
        value = html_to_text(value)
    text = " ".join(value.split())
    return text or None
