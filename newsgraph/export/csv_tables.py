"""CSV tables: one file per record kind, for spreadsheets and tools that read nothing else.

Cells hold article text, which is untrusted: a spreadsheet would run a cell that
starts with "=", "+", "-" or "@" (or a tab or carriage return before one) as a
formula, so such cells are prefixed with a single quote, which spreadsheets show
as text. Files are plain UTF-8 without a byte-order mark.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from newsgraph.export.jsonl import records
from newsgraph.export.tables import FILE_NAMES, SCHEMAS, number_text, tables
from newsgraph.store import Store

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def safe_text(text: str) -> str:
    """The text as a cell no spreadsheet will evaluate."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value: Any, kind: str) -> str | int:
    """One value as its CSV cell: lists joined, statements as JSON text, text made safe."""
    if value is None:
        return ""
    if kind == "bool":
        return "true" if value else "false"
    if kind == "int":
        return int(value)
    if kind == "float":
        return number_text(float(value))
    if kind == "list":
        text = LIST_SEPARATOR.join(value)
    elif kind == "statements":
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return safe_text(text)


def write_csv(store: Store, folder: Path) -> dict[Path, int]:
    """Write documents.csv, actors.csv, ... into the folder; returns the rows written per file."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[Path, int] = {}
    for kind, rows in tables(records(store)).items():
        schema = SCHEMAS[kind]
        path = folder / f"{FILE_NAMES[kind]}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([name for name, _ in schema])
            writer.writerows([cell(row[name], col) for name, col in schema] for row in rows)
        written[path] = len(rows)
    return written
