"""Exports: the graph read back from the store, written in the format a reader's tools take.

- JSON Lines (`jsonl.py`): the exchange format, one record a line, the reference form;
- CSV and Parquet (`csv_tables.py`, `parquet.py`): one table per record kind (`tables.py`);
- GraphML (`graphml.py`): actors as nodes, ties and events as weighted edges.

Each writer takes a Store and a destination and returns what it wrote, so the
command line and any other front end call the same functions.
"""

from newsgraph.export.csv_tables import write_csv
from newsgraph.export.graphml import build_graph, graph, write_graphml
from newsgraph.export.jsonl import mention_records, read_jsonl, records, resolved, write_jsonl
from newsgraph.export.parquet import write_parquet
from newsgraph.export.tables import FILE_NAMES, SCHEMAS, tables

__all__ = [
    "FILE_NAMES", "SCHEMAS", "build_graph", "graph", "mention_records", "read_jsonl", "records", "resolved", "tables",
    "write_csv", "write_graphml", "write_jsonl", "write_parquet",
]
