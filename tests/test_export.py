"""Export formats: CSV, Parquet and GraphML written through the command line and read back with real readers."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import FILE_NAMES, SCHEMAS
from newsgraph.export.csv_tables import safe_text

from .conftest import EXAMPLES

runner = CliRunner()


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, list[dict]]:
    """The examples corpus built and exported in every format."""
    out = tmp_path_factory.mktemp("export")
    db = str(out / "examples.db")
    _invoke("build", str(EXAMPLES), "--db", db)
    _invoke("export", "--db", db, "--format", "jsonl", "-o", str(out / "graph.jsonl"))
    _invoke("export", "--db", db, "--format", "csv", "-o", str(out / "csv"))
    _invoke("export", "--db", db, "--format", "parquet", "-o", str(out / "parquet"))
    _invoke("export", "--db", db, "--format", "graphml", "-o", str(out / "graph.graphml"))
    recs = [json.loads(line) for line in (out / "graph.jsonl").read_text(encoding="utf-8").splitlines()]
    return out, recs


def test_csv_has_one_file_per_kind_with_every_record(exported):
    out, recs = exported
    counts = Counter(r["record"] for r in recs)
    for kind, name in FILE_NAMES.items():
        path = out / "csv" / f"{name}.csv"
        assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
        rows = _read_csv(path)
        assert len(rows) == counts[kind], kind
        with path.open(encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == [column for column, _ in SCHEMAS[kind]]
    actors = {row["id"]: row for row in _read_csv(out / "csv" / "actors.csv")}
    for rec in (r for r in recs if r["record"] == "actor"):
        assert actors[rec["id"]]["aliases"].split("; ") == rec["aliases"]
        assert actors[rec["id"]]["iso3"] == (rec["codes"]["iso3"] or "")
    events = _read_csv(out / "csv" / "events.csv")
    assert {row["negated"] for row in events} <= {"true", "false"}
    assert all(int(row["start"]) < int(row["end"]) for row in events)


def test_csv_neutralises_formulas_from_article_text(tmp_path):
    """A formula opening a text file ends up in removed_lines; one in an export's title field is the title."""
    folder = tmp_path / "in"
    folder.mkdir()
    formula = '=HYPERLINK("http://127.0.0.1/x","Read more")'
    body = "Chile and Peru signed a trade deal on Monday, officials said. The deal cuts tariffs on copper."
    (folder / "trap.txt").write_text(f"{formula}\n\n{body}\n", encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"title": formula, "text": body}) + "\n", encoding="utf-8")
    db = str(tmp_path / "trap.db")
    _invoke("build", str(folder), "--db", db)
    _invoke("export", "--db", db, "--format", "csv", "-o", str(tmp_path / "csv"))
    docs = {row["source"].rsplit("/", 1)[-1]: row for row in _read_csv(tmp_path / "csv" / "documents.csv")}
    assert docs["feed.jsonl#1"]["title"] == "'" + formula
    assert docs["trap.txt"]["removed_lines"] == "'" + formula
    for start in "=+-@\t\r":
        assert safe_text(start + "1+1") == "'" + start + "1+1"
    assert safe_text("Oslo, 3 March") == "Oslo, 3 March"


def test_folder_formats_need_a_folder(exported):
    out, _ = exported
    result = runner.invoke(app, ["export", "--db", str(out / "examples.db"), "--format", "parquet"])
    assert result.exit_code == 2
    assert "folder" in result.output


def test_parquet_columns_are_typed_and_complete(exported):
    out, recs = exported
    counts = Counter(r["record"] for r in recs)
    tables = {kind: pq.read_table(out / "parquet" / f"{name}.parquet") for kind, name in FILE_NAMES.items()}
    for kind, table in tables.items():
        assert table.num_rows == counts[kind], kind
        assert table.column_names == [column for column, _ in SCHEMAS[kind]]
    events, actors = tables["event"].schema, tables["actor"].schema
    assert events.field("negated").type == pa.bool_() and events.field("hypothetical").type == pa.bool_()
    assert events.field("start").type == pa.int64() and tables["quote"].schema.field("end").type == pa.int64()
    assert actors.field("aliases").type == pa.list_(pa.string())
    assert tables["claim"].schema.field("value_number").type == pa.float64()
    by_id = {row["id"]: row for row in tables["actor"].to_pylist()}
    for rec in (r for r in recs if r["record"] == "actor"):
        assert by_id[rec["id"]]["aliases"] == rec["aliases"] and by_id[rec["id"]]["docs"] == rec["docs"]
    numbers = [r["value"] for r in recs if r["record"] == "claim" and isinstance(r["value"], float)]
    assert sorted(numbers) == sorted(v for v in tables["claim"].column("value_number").to_pylist() if v is not None)


def test_graphml_has_typed_actors_and_weighted_dated_ties(exported):
    out, recs = exported
    g = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    actors = {r["id"]: r for r in recs if r["record"] == "actor"}
    assert set(g.nodes) == set(actors)
    assert all(data["type"] == actors[node]["type"] for node, data in g.nodes(data=True))
    published = {r["doc"]: r["published"] for r in recs if r["record"] == "document"}
    relations = [(u, v, d) for u, v, d in g.edges(data=True) if d["kind"] == "relation"]
    assert relations
    for source, target, data in relations:
        facts = [r for r in recs if r["record"] == "relation" and (r["source"], r["target"], r["type"])
                 == (source, target, data["type"])]
        assert data["weight"] == len({r["evidence"] for r in facts}) >= 1
        assert data["docs"].split("; ") == list(dict.fromkeys(r["doc"] for r in facts))
        assert data["evidence"] == facts[0]["evidence"]
        dates = sorted(published[r["doc"]] for r in facts if published[r["doc"]])
        assert (data["first_date"], data["last_date"]) == ((dates[0], dates[-1]) if dates else ("", ""))
    assert any(d["first_date"] for _, _, d in relations)
    assert any(d["kind"] == "event" and isinstance(d["negated"], bool) for _, _, d in g.edges(data=True))
    declared = ElementTree.parse(out / "graph.graphml").getroot()
    assert all(key.get("attr.type") for key in declared.iter("{http://graphml.graphdrawing.org/xmlns}key"))
    assert b">None<" not in (out / "graph.graphml").read_bytes()


def test_graphml_goes_to_stdout_without_a_file(exported):
    out, _ = exported
    text = _invoke("export", "--db", str(out / "examples.db"), "--format", "graphml")
    assert text == (out / "graph.graphml").read_text(encoding="utf-8")
