"""Paths of the web pages, built in one place so every id is quoted the same way.

Ids come from the articles (a feed entry's link can be a document id), so each id is quoted as
one path segment: a '/', '?' or '#' in an id can never change which page a link opens.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode


def seg(value: str) -> str:
    return quote(value, safe="")


def doc_path(doc: str, start: int | None = None, end: int | None = None) -> str:
    """The document page; with a span, the span is highlighted and scrolled to."""
    path = f"/doc/{seg(doc)}"
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return f"{path}?hl={start}-{end}#s-{start}"
    return path


def actor_path(actor: str) -> str:
    return f"/actor/{seg(actor)}"


def story_path(story: str) -> str:
    return f"/story/{seg(story)}"


def with_query(path: str, **params: object) -> str:
    """`path` with the given query parameters; a list gives one parameter per item; None and "" are left out."""
    kept = []
    for key, value in params.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if item is not None and item != "":
                kept.append((key, str(item)))
    return f"{path}?{urlencode(kept)}" if kept else path
