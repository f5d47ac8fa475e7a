"""Read: files, folders and records in, one raw input (or one clear error) out per article.

Reading never raises on bad input and never drops anything silently: every file
or record that cannot be used becomes an `InputError` naming the source and the
reason, so a run over a messy folder goes on and the user can see what was left
out. Bytes are decoded robustly (byte-order mark, UTF-8, the charset an HTML
page declares, then statistical detection) and mojibake is repaired, because
scraped news arrives in every encoding. The kind of an input (plain text, HTML
or a JSON/CSV record) is taken from its content as well as its name.

Whole-file inputs (.txt, .html, .json) are limited to `MAX_BYTES`; streamed
exports (.jsonl, .csv) are read record by record, and the limit applies to each
record, so memory stays flat however large the export. Hidden files and folders
(names starting with a dot) are not inputs and are passed over when a folder is
walked; a hidden file named explicitly is read.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import is_bad

from newsgraph.model import InputError

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

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

_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_HTML_TAGS = re.compile(r"</?(?:p|div|span|br|a|h[1-6]|article|section|ul|li|table|meta|title)\b[^>]*>", re.I)
_FEED_SNIFF = re.compile(r"<rss[\s>]|<feed[\s>][^>]*xmlns|<rdf:RDF", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


@dataclass
class RawInput:
    """One article as read, before cleaning: decoded content plus whatever metadata its container gave."""

    id: str
    source: str  # file path, or path#N for the N-th record (line) of an export
    data: str  # decoded text or HTML
    kind: str  # text | html | record (already extracted text from a JSON/CSV record)
    raw_hash: str  # sha256 of the raw bytes, to recognise the same input again
    encoding: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    language: str | None = None
    translated_from: str | None = None


class _Bad(Exception):
    """A reason an input cannot be used; turned into an InputError at the boundary."""


def read_paths(paths: Iterable[str | Path]) -> Iterator[RawInput | InputError]:
    """Yield a RawInput for every article found under `paths`, or an InputError for what cannot be read."""
    seen: dict[str, int] = {}
    for item in paths:
        for result in _read_one(item):
            if isinstance(result, RawInput):
                result.id = _unique_id(result.id, seen)
            yield result


def _unique_id(doc_id: str, seen: dict[str, int]) -> str:
    """Keep ids unique within a run (two folders may hold `a.txt`), deterministically by input order."""
    count = seen.get(doc_id, 0) + 1
    seen[doc_id] = count
    return doc_id if count == 1 else f"{doc_id}~{count}"


def _read_one(item: str | Path) -> Iterator[RawInput | InputError]:
    text = str(item)
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        yield InputError(text, "URLs are not fetched (no network use); save the page and pass the file")
        return
    path = Path(item)
    if not path.exists():
        reason = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        yield InputError(text, reason)
        return
    if path.is_dir():
        yield from _read_folder(path)
        return
    yield from _read_file(path)


def _read_folder(folder: Path, visited: set[Path] | None = None) -> Iterator[RawInput | InputError]:
    """Walk a folder recursively in sorted order, so that runs are deterministic (each folder once)."""
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
            continue  # hidden files and folders (.git, .DS_Store) are not articles
        if entry.is_dir():
            yield from _read_folder(entry, visited)
        else:
            yield from _read_file(entry)


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


def _read_file(path: Path) -> Iterator[RawInput | InputError]:
    suffix, gzipped = _suffixes(path)
    source = str(path)
    if suffix in {".warc", ".arc"}:
        yield InputError(source, "web archives (WARC) are not supported yet; extract the pages to .html")
        return
    if suffix not in SUPPORTED:
        shown = suffix or "(no extension)"
        expected = ".txt, .html, .htm, .json, .jsonl or .csv"
        yield InputError(source, f"unsupported file type {shown}; expected {expected}")
        return
    try:
        if suffix in JSONL_SUFFIXES | CSV_SUFFIXES:
            yield from _read_stream(path, suffix, gzipped)
            return
        raw = _load_bytes(path, gzipped)
        yield from _from_bytes(raw, source, _stem(path), suffix)
    except _Bad as bad:
        yield InputError(source, str(bad))
    except OSError as exc:
        yield InputError(source, f"cannot read file: {exc.strerror or exc}")


def _load_bytes(path: Path, gzipped: bool) -> bytes:
    """Read a whole file, refusing anything over MAX_BYTES (checked after decompression too)."""
    size = path.stat().st_size
    if not gzipped and size > MAX_BYTES:
        limit = f"the limit is {MAX_BYTES / 1e6:.0f} MB per article"
        raise _Bad(f"file is too large ({size / 1e6:.1f} MB; {limit})")
    if gzipped:
        try:
            with gzip.open(path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except (gzip.BadGzipFile, EOFError, ValueError) as exc:
            raise _Bad(f"not a valid gzip file: {exc}") from exc
        if len(raw) > MAX_BYTES:
            raise _Bad(f"decompressed file is larger than the {MAX_BYTES / 1e6:.0f} MB limit per article")
        return raw
    return path.read_bytes()


def _from_bytes(raw: bytes, source: str, stem: str, suffix: str) -> Iterator[RawInput | InputError]:
    """Decode one whole file and decide what it is from its content as well as its name."""
    if not raw.strip():
        raise _Bad("empty file")
    text, encoding = _decode(raw, html_hint=suffix in HTML_SUFFIXES)
    if not text.strip():
        raise _Bad("empty file (only white space after decoding)")
    if suffix in JSON_SUFFIXES or _looks_like_json(text):
        records = _json_records(text)
        if records is not None:
            yield from _records_from_json(records, source, stem)
            return
        if suffix in JSON_SUFFIXES:
            raise _Bad("not valid JSON")
    kind = sniff_kind(text)
    if kind == "feed":
        raise _Bad("RSS/Atom feeds are not supported yet; pass the article pages or a JSON Lines export")
    text = repair_text(text, html=kind == "html")
    if kind == "html" and not _html_has_text(text):
        raise _Bad("HTML page has no readable text")
    digest = hashlib.sha256(raw).hexdigest()
    yield RawInput(id=stem, source=source, data=text, kind=kind, raw_hash=digest, encoding=encoding)


def decode_bytes(raw: bytes, html_hint: bool = False) -> tuple[str, str]:
    """Bytes to text: byte-order mark, UTF-8, a declared HTML charset, then detection; mojibake repaired."""
    text, encoding = _decode(raw, html_hint)
    return repair_text(text, html=html_hint or sniff_kind(text) == "html"), encoding


def _decode(raw: bytes, html_hint: bool) -> tuple[str, str]:
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(name), name
            except UnicodeDecodeError as exc:
                raise _Bad(f"file starts with a {name} byte-order mark but is not valid {name}") from exc
    if b"\x00" in raw[:8192]:
        return _decode_with_nuls(raw)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    looks_html = html_hint or _HTML_SNIFF.search(raw[:4096].decode("latin-1"))
    declared = _declared_charset(raw) if looks_html else None
    if declared:
        try:
            return raw.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return _detect(raw)


# When detection ties (the same bytes read equally well in several single-byte code pages), prefer the code
# pages most used on the web; browsers likewise read Latin-1 labels as Windows-1252.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251", "koi8_r")


def _detect(raw: bytes) -> tuple[str, str]:
    results = from_bytes(raw)
    best = results.best()
    if best is None or best.encoding is None:
        raise _Bad("could not detect the text encoding (the file may be binary)")
    tied = {name for match in results if (match.chaos, match.coherence) == (best.chaos, best.coherence)
            for name in match.could_be_from_charset}
    for name in _PREFERRED:
        if name in tied:
            try:
                return raw.decode(name), name
            except UnicodeDecodeError:
                continue
    return str(best), best.encoding


def _decode_with_nuls(raw: bytes) -> tuple[str, str]:
    """NUL bytes mean binary, unless the file is UTF-16 without a byte-order mark (NUL every other byte)."""
    head = raw[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) / 2
    for name, nuls in (("utf-16-le", odd), ("utf-16-be", even)):
        if nuls > 0.6 * half:
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                continue
            if _printable_share(text) > 0.95:
                return text, name
    raise _Bad("binary file (contains NUL bytes), not text or HTML")


def _printable_share(text: str) -> float:
    sample = text[:4000]
    if not sample:
        return 0.0
    return sum(ch.isprintable() or ch in "\n\r\t" for ch in sample) / len(sample)


def _declared_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_FTFY_TEXT = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)
_FTFY_HTML = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_character_width=False, unescape_html=False, explain=False
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# UTF-8 read as Latin-1 or Windows-1252 leaves a lead letter (Â..ô) followed by a continuation byte shown
# as a Latin-1 symbol or a Windows-1252 punctuation mark; only then is ftfy's slower detector worth running.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153"
    "\u017e\u0178]"
)


def repair_text(text: str, html: bool = False) -> str:
    """Repair mojibake and stray control characters; typographic quotes are kept as printed.

    ftfy's repair and its detector are slow on long pages, so they run only where
    a cheap pattern of mojibake or a control character is seen.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text) or (_MOJIBAKE_HINT.search(text) and is_bad(text)):
        text = ftfy.fix_text(text, _FTFY_HTML if html else _FTFY_TEXT)
    return unicodedata.normalize("NFC", text)


def sniff_kind(text: str) -> str:
    """`html`, `feed` or `text`, from the content: a .txt that holds a web page is HTML."""
    head = text[:4096]
    if _FEED_SNIFF.search(head) and not _HTML_SNIFF.search(head):
        return "feed"
    if _HTML_SNIFF.search(head):
        return "html"
    if len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    return "text"


def _html_has_text(html: str) -> bool:
    """Whether an HTML page has any text at all; a page of only markup is reported, not cleaned to nothing."""
    return bool(visible_text(html).strip())


def visible_text(html: str) -> str:
    """The text a browser would show (scripts and styles dropped), one line per block; a last resort."""
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        tree = lxml_html.fromstring(html)
    except (ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", html)
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for block in tree.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
                           "article", "header", "footer", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return tree.text_content()


def _looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in {"{", "["}


def _json_records(text: str) -> list[Any] | None:
    """A JSON document as a list of records, or None when it is not JSON holding articles."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return _jsonl_in_text(text)
    if isinstance(data, dict):
        for key in ("articles", "items", "data", "results", "documents", "records"):
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    if isinstance(data, list):
        return data
    return None


def _jsonl_in_text(text: str) -> list[Any] | None:
    """A .txt or .json that is really JSON Lines (every non-empty line an object)."""
    lines = [line for line in text.splitlines() if line.strip()]
    try:
        objects = [json.loads(line) for line in lines]
    except json.JSONDecodeError:
        return None
    return objects if objects and all(isinstance(o, dict) for o in objects) else None


def _records_from_json(records: list[Any], source: str, stem: str) -> Iterator[RawInput | InputError]:
    for number, record in enumerate(records, start=1):
        raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield _record_input(record, raw, f"{source}#{number}", f"{stem}-{number}")


def _read_stream(path: Path, suffix: str, gzipped: bool) -> Iterator[RawInput | InputError]:
    """JSON Lines and CSV exports, one record at a time."""
    source = str(path)
    opener = gzip.open if gzipped else open
    with opener(path, "rb") as handle:
        if suffix in CSV_SUFFIXES:
            yield from _csv_records(handle, source, _stem(path))
            return
        found = False
        for number, line in enumerate(_bounded_lines(handle), start=1):
            if line is not None and not line.strip():
                continue
            found = True
            where, fallback_id = f"{source}#{number}", f"{_stem(path)}-{number}"
            if line is None:
                limit = f"the limit is {MAX_BYTES / 1e6:.0f} MB per article"
                yield InputError(where, f"record is too large ({limit})")
            else:
                yield _jsonl_line(line, where, fallback_id)
        if not found:
            yield InputError(source, "empty file")


def _bounded_lines(handle: Any) -> Iterator[bytes | None]:
    """Lines of a binary stream, never holding more than MAX_BYTES; None stands for a line over the limit."""
    while True:
        line = handle.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES:
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = handle.readline(MAX_BYTES + 1)
            yield None
            continue
        yield line


def _jsonl_line(line: bytes, source: str, fallback_id: str) -> RawInput | InputError:
    try:
        text, _ = _decode(line, html_hint=False)
        record = json.loads(text)
    except _Bad as bad:
        return InputError(source, str(bad))
    except json.JSONDecodeError as exc:
        return InputError(source, f"line is not valid JSON: {exc.msg} (column {exc.colno})")
    return _record_input(record, line.rstrip(b"\r\n"), source, fallback_id)


def _csv_records(handle: Any, source: str, stem: str) -> Iterator[RawInput | InputError]:
    """CSV rows streamed; the encoding is decided from the first 64 KB."""
    head = handle.read(65536)
    if not head.strip():
        yield InputError(source, "empty file")
        return
    try:
        encoding = _stream_encoding(head)
    except _Bad as bad:
        yield InputError(source, str(bad))
        return
    handle.seek(0)
    stream = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    csv.field_size_limit(MAX_BYTES)
    try:
        for number, row in enumerate(csv.DictReader(stream), start=2):  # row 1 is the header
            raw_row = json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8")
            yield _record_input(dict(row), raw_row, f"{source}#{number}", f"{stem}-{number}")
    except csv.Error as exc:
        yield InputError(source, f"not valid CSV: {exc}")


def _stream_encoding(head: bytes) -> str:
    """The encoding of a streamed file from its start (a multi-byte character may be cut at the end)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return _detect(head)[1]


def _record_input(record: Any, raw: bytes, source: str, fallback_id: str) -> RawInput | InputError:
    """One JSON/CSV record to a RawInput, accepting the field names common exports use."""
    if not isinstance(record, dict):
        return InputError(source, f"record is a JSON {type(record).__name__}, not an object")
    text = _first(record, TEXT_FIELDS)
    html = _first(record, HTML_FIELDS)
    if not text and not html:
        return InputError(source, "record has no text (text, body or content) or html field")
    data = text or html
    kind = "html" if (html and not text) or sniff_kind(data) == "html" else "record"
    data = repair_text(data, html=kind == "html")
    meta = {name: _repaired(_first(record, fields)) for name, fields in (
        ("title", TITLE_FIELDS), ("author", AUTHOR_FIELDS), ("outlet", OUTLET_FIELDS))}
    if not data.strip():
        return InputError(source, "record text is empty")
    return RawInput(
        id=_first(record, ID_FIELDS) or fallback_id,
        source=source,
        data=data,
        kind=kind,
        raw_hash=hashlib.sha256(raw).hexdigest(),
        encoding="utf-8",
        title=meta["title"],
        url=_first(record, URL_FIELDS),
        published=_first(record, DATE_FIELDS),
        author=meta["author"],
        outlet=meta["outlet"],
        language=_first(record, LANGUAGE_FIELDS),
        translated_from=_first(record, TRANSLATED_FIELDS),
    )


def _repaired(value: str | None) -> str | None:
    return repair_text(value) if value else None


def _first(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-empty field among `names` (any case) as text; lists are joined, objects give a name."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name.lower())
        flat = _as_text(value)
        if flat:
            return flat
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title") or value.get("id"))
    if isinstance(value, list):
        parts = [p for p in (_as_text(v) for v in value) if p]
        return ", ".join(parts) if parts else None
    text = str(value).strip()
    return text or None
