"""Parquet tables: one typed file per record kind, for pandas, DuckDB, Spark and the like.

Columns keep their types (offsets as integers, flags as booleans, lists as lists
of strings), so readers need no parsing. pyarrow is imported only when a file is
written, to keep the other commands quick to start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.export.jsonl import records
from newsgraph.export.tables import FILE_NAMES, SCHEMAS, tables
from newsgraph.store import Store


def arrow_schema(kind: str) -> Any:
    """The pyarrow schema of one record kind's table."""
    import pyarrow as pa

    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
        "statements": pa.list_(pa.struct([("doc", pa.string()), ("says", pa.string())])),
    }
    return pa.schema([(name, types[col]) for name, col in SCHEMAS[kind]])


def write_parquet(store: Store, folder: Path) -> dict[Path, int]:
    """Write documents.parquet, actors.parquet, ... into the folder; returns the rows written per file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written: dict[Path, int] = {}
    for kind, rows in tables(records(store)).items():
        path = folder / f"{FILE_NAMES[kind]}.parquet"
        pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(kind)), path)
        written[path] = len(rows)
    return written
