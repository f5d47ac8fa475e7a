"""Paths in, articles out: folders walked, each file read by what it holds, URLs fetched, feeds expanded.

The kind of an input is taken from its content as well as its name: a `.txt`
holding a web page is HTML, a `.txt` holding one URL a line is a list of
pages to fetch, and a `.xml` holding RSS is a feed. Whole-file inputs are
limited to `ReadOptions.max_bytes`; streamed exports and archives apply the
limit to each record, so memory stays flat however large the file.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.model import InputError
from newsgraph.read import records
from newsgraph.read.decode import decode, html_has_text, repair_text, sniff_kind
from newsgraph.read.raw import RawInput, ReadOptions, Unreadable
from newsgraph.read.warc import read_warc
from newsgraph.read.web import Web, url_id

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
URL_LIST_SUFFIXES = {".urls"}
SUPPORTED = (TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | WARC_SUFFIXES
             | FEED_SUFFIXES | URL_LIST_SUFFIXES)

_URL = re.compile(r"^https?://\S+$", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def read_paths(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[RawInput | InputError]:
    """Yield a RawInput for every article found under `paths`, or an InputError for what cannot be read."""
    options = options or ReadOptions()
    seen: dict[str, int] = {}
    with Web(options) as web:
        for item in paths:
            for result in _read_one(item, options, web):
                if isinstance(result, RawInput):
                    result.id = _unique_id(result.id, seen)
                yield result


def _unique_id(doc_id: str, seen: dict[str, int]) -> str:
    """Keep ids unique within a run (two folders may hold `a.txt`), deterministically by input order."""
    count = seen.get(doc_id, 0) + 1
    seen[doc_id] = count
    return doc_id if count == 1 else f"{doc_id}~{count}"


def _read_one(item: str | Path, options: ReadOptions, web: Web) -> Iterator[RawInput | InputError]:
    text = str(item)
    if _SCHEME.match(text):
        yield from _read_url(text, options, web)
        return
    path = Path(item)
    if not path.exists():
        reason = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        yield InputError(text, reason)
        return
    if path.is_dir():
        yield from _read_folder(path, options, web)
        return
    yield from _read_file(path, options, web)


def _read_folder(
    folder: Path, options: ReadOptions, web: Web, visited: set[Path] | None = None
) -> Iterator[RawInput | InputError]:
    """Walk a folder recursively in sorted order, so that runs are deterministic (each folder once).

    Hidden files and folders (.git, .DS_Store) are not articles and are passed
    over; a hidden file named explicitly is read.
    """
    visited = set() if visited is None else visited
    real = folder.resolve()
    if real in visited:
        return  # a symbolic link back to a folder already read
    visited.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield InputError(str(folder), f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _read_folder(entry, options, web, visited)
        else:
            yield from _read_file(entry, options, web)


def _suffixes(path: Path) -> tuple[str, bool]:
    """The meaningful suffix of a name, and whether the file is gzip-compressed (`page.html.gz`)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) > 1 else ""), True
    return (suffixes[-1] if suffixes else ""), False


def _stem(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem or name


def _read_file(path: Path, options: ReadOptions, web: Web) -> Iterator[RawInput | InputError]:
    suffix, gzipped = _suffixes(path)
    source = str(path)
    if not path.is_file():  # reading a named pipe or a device would block or never end
        yield InputError(source, "not a regular file (a pipe, socket or device)")
        return
    if suffix not in SUPPORTED:
        shown = suffix or "(no extension)"
        expected = ".txt, .html, .json, .jsonl, .csv, .warc, .rss/.xml or .urls (any of them gzipped)"
        yield InputError(source, f"unsupported file type {shown}; expected {expected}")
        return
    try:
        if suffix in JSONL_SUFFIXES | CSV_SUFFIXES | WARC_SUFFIXES:
            yield from _read_stream(path, suffix, gzipped, options)
            return
        raw = _load_bytes(path, gzipped, options.max_bytes)
        yield from from_bytes(raw, source, _stem(path), suffix, options, web)
    except Unreadable as bad:
        yield InputError(source, str(bad))
    except OSError as exc:
        yield InputError(source, f"cannot read file: {exc.strerror or exc}")


def _read_stream(path: Path, suffix: str, gzipped: bool, options: ReadOptions) -> Iterator[RawInput | InputError]:
    """Exports and archives, one record at a time; a cut-off gzip keeps the records before the cut."""
    source, stem = str(path), _stem(path)
    if suffix in WARC_SUFFIXES:
        with open(path, "rb") as handle:  # warcio opens gzip members itself
            yield from read_warc(handle, source, stem, options)
        return
    opener = gzip.open if gzipped else open
    try:
        with opener(path, "rb") as handle:
            reader = records.read_csv if suffix in CSV_SUFFIXES else records.read_jsonl
            yield from reader(handle, source, stem, options)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield InputError(source, f"compressed file is cut off or damaged: {exc}")


def _load_bytes(path: Path, gzipped: bool, limit: int) -> bytes:
    """Read a whole file, refusing anything over the limit (checked after decompression too)."""
    size = path.stat().st_size
    if not gzipped and size > limit:
        raise Unreadable(f"file is too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB per article)")
    if gzipped:
        try:
            with gzip.open(path, "rb") as handle:
                raw = handle.read(limit + 1)
        except (gzip.BadGzipFile, EOFError, zlib.error, ValueError) as exc:
            raise Unreadable(f"not a valid gzip file or cut off: {exc}") from exc
        if len(raw) > limit:
            raise Unreadable(f"decompressed file is larger than the {limit / 1e6:.0f} MB limit per article")
        return raw
    return path.read_bytes()


def from_bytes(
    raw: bytes, source: str, stem: str, suffix: str, options: ReadOptions, web: Web,
    url: str | None = None, declared: str | None = None,
) -> Iterator[RawInput | InputError]:
    """Decode one whole file or response and decide what it is from its content as well as its name."""
    if not raw.strip():
        raise Unreadable("empty file")
    text, encoding = decode(raw, html_hint=suffix in HTML_SUFFIXES, declared=declared)
    if not text.strip():
        raise Unreadable("empty file (only white space after decoding)")
    if suffix in JSON_SUFFIXES or records.looks_like_json(text):
        found = records.json_records(text)
        if found is not None:
            yield from records.records_from_json(found, source, stem, options.fields)
            return
        if suffix in JSON_SUFFIXES:
            raise Unreadable("not valid JSON")
    kind = sniff_kind(text)
    if kind == "feed" or (suffix in FEED_SUFFIXES and kind != "html"):
        yield from web.feed(raw, source)
        return
    urls = _url_list(text)
    if urls is not None:
        for link in urls:
            yield from _read_url(link, options, web)
        return
    text = repair_text(text, html=kind == "html")
    if kind == "html" and not html_has_text(text):
        raise Unreadable("HTML page has no readable text")
    digest = hashlib.sha256(raw).hexdigest()
    yield RawInput(id=stem, source=source, data=text, kind=kind, raw_hash=digest, encoding=encoding, url=url)


def _url_list(text: str) -> list[str] | None:
    """The URLs of a file that holds only URLs, one a line (`#` starts a comment); None for any other text."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if lines and all(_URL.match(line) for line in lines):
        return lines
    return None


def _read_url(url: str, options: ReadOptions, web: Web) -> Iterator[RawInput | InputError]:
    """Fetch one URL and read what comes back as a file of that kind (a page, a feed, an export)."""
    fetched = web.get(url)
    if isinstance(fetched, InputError):
        yield fetched
        return
    suffix = ".html" if fetched.content_type and "html" in fetched.content_type else ""
    try:
        yield from from_bytes(fetched.content, url, url_id(fetched.url), suffix, options, web,
                              url=fetched.url, declared=fetched.charset)
    except Unreadable as bad:
        yield InputError(url, str(bad))



