"""Exports: JSON documents, JSON Lines and CSV, one record an article, read with the user's field names.

JSON Lines and CSV are streamed record by record, and the size limit applies
to each record, so memory stays flat however large the export. A bad record
becomes an InputError naming `file#N` and the reading goes on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsgraph.model import InputError
from newsgraph.read.decode import decode, repair_text, sniff_kind, stream_encoding
from newsgraph.read.raw import FieldNames, RawInput, ReadOptions, Unreadable

# Keys under which a JSON document often holds its list of articles.
_LIST_KEYS = ("articles", "items", "data", "results", "documents", "records", "entries")


def looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in {"{", "["}


def json_records(text: str) -> list[Any] | None:
    """A JSON document as a list of records, or None when it is not JSON holding articles."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return _jsonl_in_text(text)
    if isinstance(data, dict):
        for key in _LIST_KEYS:
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


def records_from_json(
    records: list[Any], source: str, stem: str, fields: FieldNames
) -> Iterator[RawInput | InputError]:
    for number, record in enumerate(records, start=1):
        raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield record_input(record, raw, f"{source}#{number}", f"{stem}-{number}", fields)


def read_jsonl(handle: BinaryIO, source: str, stem: str, options: ReadOptions) -> Iterator[RawInput | InputError]:
    """JSON Lines, one record at a time; a line over the size limit is reported and skipped."""
    found = False
    for number, line in enumerate(_bounded_lines(handle, options.max_bytes), start=1):
        if line is not None and not line.strip():
            continue
        found = True
        where, fallback_id = f"{source}#{number}", f"{stem}-{number}"
        if line is None:
            yield InputError(where, f"record is too large (the limit is {options.max_bytes / 1e6:.0f} MB per article)")
        else:
            yield _jsonl_line(line, where, fallback_id, options.fields)
    if not found:
        yield InputError(source, "empty file")


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of a binary stream, never holding more than `limit` bytes; None stands for a line over it."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = handle.readline(limit + 1)
            yield None
            continue
        yield line


def _jsonl_line(line: bytes, source: str, fallback_id: str, fields: FieldNames) -> RawInput | InputError:
    try:
        text, _ = decode(line, html_hint=False)
        record = json.loads(text)
    except Unreadable as bad:
        return InputError(source, str(bad))
    except json.JSONDecodeError as exc:
        return InputError(source, f"line is not valid JSON: {exc.msg} (column {exc.colno})")
    return record_input(record, line.rstrip(b"\r\n"), source, fallback_id, fields)


def read_csv(handle: BinaryIO, source: str, stem: str, options: ReadOptions) -> Iterator[RawInput | InputError]:
    """CSV rows streamed; the encoding is decided from the first 64 KB."""
    head = handle.read(65536)
    if not head.strip():
        yield InputError(source, "empty file")
        return
    if b"\x00" in head:
        yield InputError(source, "binary file (contains NUL bytes), not CSV")
        return
    try:
        encoding = stream_encoding(head)
    except Unreadable as bad:
        yield InputError(source, str(bad))
        return
    handle.seek(0)
    stream = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    csv.field_size_limit(options.max_bytes)
    rows = 0
    try:
        for number, row in enumerate(csv.DictReader(stream), start=2):  # row 1 is the header
            rows += 1
            raw_row = json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8")
            yield record_input(dict(row), raw_row, f"{source}#{number}", f"{stem}-{number}", options.fields)
    except csv.Error as exc:
        yield InputError(source, f"not valid CSV: {exc}")
        return
    if rows == 0:
        yield InputError(source, "CSV has a header row but no records")


def record_input(
    record: Any, raw: bytes, source: str, fallback_id: str, fields: FieldNames
) -> RawInput | InputError:
    """One JSON/CSV record to a RawInput, accepting the field names common exports use."""
    if not isinstance(record, dict):
        return InputError(source, f"record is a JSON {type(record).__name__}, not an object")
    lowered = {str(k).lower(): v for k, v in record.items()}
    text = _first(lowered, fields.text)
    html = _first(lowered, fields.html)
    if not text and not html:
        named = ", ".join(fields.text[:3])
        return InputError(source, f"record has no text ({named}, ...) or html field")
    data = text or html or ""
    kind = "html" if (html and not text) or sniff_kind(data) == "html" else "record"
    data = repair_text(data, html=kind == "html")
    if not data.strip():
        return InputError(source, "record text is empty")
    return RawInput(
        id=_first(lowered, fields.id) or fallback_id,
        source=source,
        data=data,
        kind=kind,
        raw_hash=hashlib.sha256(raw).hexdigest(),
        encoding="utf-8",
        title=_repaired(_first(lowered, fields.title)),
        url=_first(lowered, fields.url),
        published=_first(lowered, fields.date),
        author=_repaired(_first(lowered, fields.author)),
        outlet=_repaired(_first(lowered, fields.outlet)),
        language=_first(lowered, fields.language),
        translated_from=_first(lowered, fields.translated_from),
    )


def _repaired(value: str | None) -> str | None:
    return repair_text(value) if value else None


def _first(lowered: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-empty field among `names` (any case) as text; lists are joined, objects give a name."""
    for name in names:
        flat = _as_text(lowered.get(name.lower()))
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
