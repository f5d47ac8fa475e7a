"""The corpus-stage memory benchmark: replicas keep spans and copies, and the script measures two tiny sizes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, SEEDS, load_bench

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "corpus_memory.py"

bench = load_bench("corpus_memory")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> list:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    bench.build_seed_store([SEEDS, EXAMPLES], db)
    return bench.load_seeds(db)


def test_replicas_change_words_but_keep_every_span(seeds: list) -> None:
    rep = bench.Replicator(seeds)
    seed = max(seeds, key=lambda s: len(s.facts.get("mentions", [])))
    doc, facts, actors = rep.rows(5, seed)
    assert doc["id"] != seed.doc["id"] and len(doc["text"]) == len(seed.doc["text"])
    assert doc["text"] != seed.doc["text"]
    assert all(doc["text"][m["start"]:m["end"]] == m["text"] for m in facts["mentions"])
    assert all(m["doc"] == doc["id"] and m["actor"].endswith("-af") for m in facts["mentions"])
    assert {a["doc"] for a in actors} == {doc["id"]}
    again, _, _ = rep.rows(5, seed)
    assert again == doc  # deterministic
    other, _, _ = rep.rows(6, seed)
    assert other["text"] != doc["text"]


def test_script_measures_two_sizes(seeds: list, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "26,52", "--work", str(tmp_path)],
                         capture_output=True, text=True, timeout=300, cwd=REPO)
    assert run.returncode == 0, run.stderr
    rows = re.findall(r"^\s*(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)$", run.stdout, re.M)
    assert [int(r[0]) for r in rows] == [26, 52], run.stdout
    for size, seconds, peak, _, _, copies, found in rows:
        assert 0 < float(seconds) < 120 and 50 < float(peak) < 4000
        assert int(found) > 0 and int(copies) >= 2 * int(size) // 26  # each replica keeps the seeds' copies
    assert float(rows[0][4]) == 1.0


def test_missing_seeds_is_a_clear_error(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "10", "--shared", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0 and "seed corpus not found" in run.stderr
