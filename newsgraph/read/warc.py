"""Web archives: the HTML pages inside a WARC (or .warc.gz) file, each an article with its URL.

Only `response` records whose payload is HTML are articles; images, scripts
and style sheets in the same archive are passed over. An archive cut off in
the middle (a crawl stopped, a copy interrupted) keeps every page read before
the break and reports the break as one error naming the file.
"""

from __future__ import annotations

import gzip
import hashlib
import os
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
    problem = _not_an_archive(handle)
    if problem:
        yield InputError(source, problem)
        return
    size = os.fstat(handle.fileno()).st_size
    pages = number = 0
    records = ArchiveIterator(handle)
    try:
        for record in records:
            number += 1
            if record.rec_type != "response":
                continue
            result = _page(record, f"{source}#{number}", f"{stem}-{number}", options)
            while record.raw_stream.read(65536):  # what was not read (an image, a page over the limit)
                continue
            if record.raw_stream.limit > 0:  # the record ends before its declared length: the file was cut
                yield InputError(f"{source}#{number}", "web archive is cut off inside this record")
                return
            if result is not None:
                pages += 1
                yield result
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        yield InputError(source, f"web archive is damaged after record {number}: {_short(exc)}")
        return
    if records.offset < size:  # a compressed archive whose last member is incomplete ends early
        yield InputError(source, f"web archive is cut off after record {number} "
                                 f"({records.offset} of {size} bytes could be read)")
    elif pages == 0:
        yield InputError(source, f"web archive holds no HTML pages ({number} records read)")


def _not_an_archive(handle: BinaryIO) -> str | None:
    """Why a file is not a WARC/ARC archive (checked on its first bytes), or None when it looks like one."""
    head = handle.read(2)
    handle.seek(0)
    if not head:
        return "empty file"
    if head == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=handle) as inner:
                head = inner.read(16)
        except (OSError, EOFError, zlib.error) as exc:
            return f"not a valid gzip file or cut off: {_short(exc)}"
        finally:
            handle.seek(0)
    else:
        head = handle.read(16)
        handle.seek(0)
    if head.startswith((b"WARC/", b"filedesc://")):
        return None
    return "not a web archive (it does not start with a WARC header)"


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
