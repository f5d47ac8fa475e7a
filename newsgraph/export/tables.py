"""The records as flat tables, one per record kind, shared by the CSV and Parquet writers.

Both writers take the same columns so that a CSV file and a Parquet file of one
kind hold the same thing; only the typing differs. Nested fields are flattened
(an actor's `codes` become `iso3` and `wikidata` columns), and a figure's value,
which may be a number or a date, gets a text column and a numeric one, since a
column must have one type.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Column types: str, int, float, bool, list (of strings), statements (a list of {doc, says}).
SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "document": [("doc", "str"), ("source", "str"), ("outlet", "str"), ("author", "str"), ("title", "str"),
                 ("published", "str"), ("language", "str"), ("translated_from", "str"), ("duplicate_of", "str"),
                 ("text", "str"), ("removed_lines", "list")],
    "actor": [("id", "str"), ("name", "str"), ("type", "str"), ("description", "str"), ("aliases", "list"),
              ("docs", "list"), ("iso3", "str"), ("wikidata", "str")],
    "quote": [("doc", "str"), ("speaker", "str"), ("speaker_text", "str"), ("kind", "str"), ("text", "str"),
              ("cue", "str"), ("start", "int"), ("end", "int")],
    "relation": [("doc", "str"), ("source", "str"), ("type", "str"), ("target", "str"), ("evidence", "str"),
                 ("start", "int"), ("end", "int")],
    "event": [("doc", "str"), ("source", "str"), ("type", "str"), ("target", "str"), ("when", "str"),
              ("negated", "bool"), ("hypothetical", "bool"), ("expected", "bool"),
              ("evidence", "str"), ("start", "int"), ("end", "int")],
    "claim": [("doc", "str"), ("subject", "str"), ("value", "str"), ("value_number", "float"), ("unit", "str"),
              ("period", "str"), ("evidence", "str"), ("start", "int"), ("end", "int")],
    "conflict": [("topic", "str"), ("statements", "statements")],
    "story": [("id", "str"), ("label", "str"), ("docs", "list")],
}

FILE_NAMES: dict[str, str] = {
    "document": "documents", "actor": "actors", "quote": "quotes", "relation": "relations", "event": "events",
    "claim": "claims", "conflict": "conflicts", "story": "stories",
}


def number_text(value: float) -> str:
    """A number as a person would write it: 24.0 as "24", 16.5 as "16.5"."""
    return str(int(value)) if value.is_integer() else repr(value)


def _flatten(rec: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in rec.items() if k != "record"}
    if rec["record"] == "actor":
        codes = row.pop("codes") or {}
        row["iso3"], row["wikidata"] = codes.get("iso3"), codes.get("wikidata")
    elif rec["record"] == "claim":
        value = row["value"]
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        row["value_number"] = float(value) if numeric else None
        row["value"] = number_text(float(value)) if numeric else value
    return row


def tables(recs: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Rows per record kind, every kind present (empty when the graph has none), columns as in SCHEMAS."""
    out: dict[str, list[dict[str, Any]]] = {kind: [] for kind in SCHEMAS}
    for rec in recs:
        kind = rec["record"]
        if kind not in SCHEMAS:
            raise ValueError(f"record kind {kind!r} has no table schema")
        row = _flatten(rec)
        out[kind].append({name: row.get(name) for name, _ in SCHEMAS[kind]})
    return out
