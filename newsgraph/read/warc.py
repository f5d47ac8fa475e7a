"""Web archives: the HTML pages inside a WARC (or .warc.gz) file, each an article with its URL.

Only `response` records whose payload is HTML are articles; images, scripts
and style sheets in the same archive are passed over. An archive cut off in
the middle (a crawl stopped, a copy interrupted) keeps every page read before
the break and reports the break as one error naming the file.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.model import InputError
from newsgraph.read.decode import decode_bytes, sniff_kind
from newsgraph.read.raw import RawInput, ReadOptions, Unreadable

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(handle: BinaryIO, source: str, stem: str, options: ReadOptions) -> Iterator[RawInput | InputError]:
    """Each HTML response in the archive, in archive order; `source#N` names the N-th record."""
    pages = 0
    number = 0
    try:
        for record in ArchiveIterator(handle):
            number += 1
            if record.rec_type != "response":
                continue
            result = _page(record, f"{source}#{number}", f"{stem}-{number}", options)
            if result is not None:
                pages += 1
                yield result
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        where = f"after record {number}" if number else "at its start"
        yield InputError(source, f"web archive is cut off or damaged {where}: {_short(exc)}")
        return
    if number == 0:
        yield InputError(source, "empty web archive (no records)")
    elif pages == 0:
        yield InputError(source, f"web archive holds no HTML pages ({number} records read)")


def _page(record: object, source: str, doc_id: str, options: ReadOptions) -> RawInput | InputError | None:
    """One response record to a RawInput; None for what is not a page (images, scripts)."""
    http = record.http_headers  # type: ignore[attr-defined]
    content_type = (http.get_header("Content-Type") if http else None) or ""
    mime, _, params = content_type.partition(";")
    mime = mime.strip().lower()
    if mime and mime not in _HTML_TYPES:
        return None
    status = http.get_statuscode() if http else None
    if status and not status.startswith("2"):
        return None  # redirects and error pages are not articles
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    payload = record.content_stream().read(options.max_bytes + 1)  # type: ignore[attr-defined]
    if len(payload) > options.max_bytes:
        return InputError(source, f"page is too large (the limit is {options.max_bytes / 1e6:.0f} MB per article)")
    if not payload.strip():
        return None
    try:
        text, encoding = decode_bytes(payload, html_hint=True, declared=_charset(params))
    except Unreadable as bad:
        return InputError(source, f"{url or 'page'}: {bad}")
    if not mime and sniff_kind(text) != "html":
        return None
    return RawInput(id=doc_id, source=source, data=text, kind="html", raw_hash=hashlib.sha256(payload).hexdigest(),
                    encoding=encoding, url=url)


def _charset(params: str) -> str | None:
    for part in params.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip()
    return None


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
