"""Reliability: a build killed with SIGKILL at a random moment and run again gives exactly the store of a clean
run, no row lost and none doubled; and a second build on a store in use is refused."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph import store as st

from .conftest import EXAMPLES, store_rows

ROUNDS = int(os.environ.get("NEWSGRAPH_KILL_ROUNDS", "4"))  # raise it (20) for a longer run outside CI


def _build(db: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "build", str(EXAMPLES), "--db", str(db),
                             "--offline", *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def clean_dump(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    db = tmp_path_factory.mktemp("clean") / "graph.db"
    assert _build(db).wait(timeout=300) == 0
    dump = store_rows(db)
    assert dump["documents"] and dump["mentions"] and dump["stories"]
    return dump


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_killed_build_then_rerun_equals_a_clean_run(clean_dump, tmp_path: Path, round_number: int) -> None:
    db = tmp_path / "graph.db"
    rng = random.Random(round_number)
    build = _build(db)
    time.sleep(rng.uniform(1.0, 6.0))  # model loading, reading, per-document saving or the corpus stage
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    rerun = _build(db)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read().decode(errors="replace") if rerun.stderr else ""
    assert store_rows(db) == clean_dump


def test_second_build_on_a_busy_store_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "graph.db"
    holder = st.Store(str(db))
    with holder.writing():  # a build in progress, as far as any other process can tell
        second = _build(db)
        assert second.wait(timeout=120) == 3
        assert b"another build is writing" in (second.stderr.read() if second.stderr else b"")
    holder.close()
    assert _build(db).wait(timeout=300) == 0  # once the first is done, the store takes builds again
