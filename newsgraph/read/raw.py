"""The reader's data: one raw input per article, the options a run reads with, and the reason type."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_BYTES = 20_000_000  # bytes per article: far above any real article, far below a memory problem

# Field names used by common exports (news APIs, scrapers, Common Crawl tools), first match wins.
TEXT_FIELDS = ("text", "body", "content", "maintext", "article", "articleBody", "article_body", "full_text")
HTML_FIELDS = ("html", "raw_html", "page", "body_html")
ID_FIELDS = ("id", "doc_id", "_id", "uuid", "guid", "article_id")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url", "uri")
DATE_FIELDS = ("published", "date", "date_publish", "published_at", "publish_date", "pubDate", "datetime")
AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
OUTLET_FIELDS = ("outlet", "source", "sitename", "site_name", "publisher", "source_name", "media")
LANGUAGE_FIELDS = ("language", "lang")
TRANSLATED_FIELDS = ("translated_from", "original_language", "source_language")


@dataclass
class RawInput:
    """One article as read, before cleaning: decoded content plus whatever metadata its container gave."""

    id: str
    source: str  # file path, path#N for the N-th record of an export, or the URL it was fetched from
    data: str  # decoded text or HTML
    kind: str  # text | html | record (already extracted text from a JSON/CSV record or a feed entry)
    raw_hash: str  # sha256 of the raw bytes, to recognise the same input again
    encoding: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    language: str | None = None
    translated_from: str | None = None


@dataclass(frozen=True)
class FieldNames:
    """Which fields of a JSON or CSV export hold what; each is tried in order, in any letter case.

    Exports name their fields in many ways, so the common names are tried by
    default; a user whose export differs names its fields (`with_fields`).
    """

    text: tuple[str, ...] = TEXT_FIELDS
    html: tuple[str, ...] = HTML_FIELDS
    id: tuple[str, ...] = ID_FIELDS
    title: tuple[str, ...] = TITLE_FIELDS
    url: tuple[str, ...] = URL_FIELDS
    date: tuple[str, ...] = DATE_FIELDS
    author: tuple[str, ...] = AUTHOR_FIELDS
    outlet: tuple[str, ...] = OUTLET_FIELDS
    language: tuple[str, ...] = LANGUAGE_FIELDS
    translated_from: tuple[str, ...] = TRANSLATED_FIELDS

    def with_fields(self, **named: str | None) -> FieldNames:
        """These names, with the user's own field names tried first (`text="story_body"`)."""
        changes = {key: (value, *getattr(self, key)) for key, value in named.items() if value}
        return FieldNames(**{**self.__dict__, **changes})


@dataclass
class ReadOptions:
    """How a run reads: size limit, export field names, and whether URLs and feed links are fetched."""

    max_bytes: int = MAX_BYTES
    fields: FieldNames = field(default_factory=FieldNames)
    fetch: bool = True  # fetch URLs given as inputs and the pages of feed entries that hold only a summary
    user_agent: str | None = None
    timeout: float = 10.0
    delay: float = 1.0  # seconds between two requests to the same host


class Unreadable(Exception):
    """A reason an input cannot be used; turned into an InputError naming the source at the boundary."""
