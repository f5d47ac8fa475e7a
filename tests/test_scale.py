"""Scale-out: a build whose per-document stages run on a Dask cluster equals a local build, row for row."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

from .conftest import EXAMPLES, store_rows


def test_cluster_build_equals_local_build(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local_db, cluster_db = tmp_path / "local.db", tmp_path / "cluster.db"
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(EXAMPLES), "--db", str(local_db), "--offline"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", processes=True,
                                  dashboard_address=None) as cluster:
        result = runner.invoke(app, ["build", str(EXAMPLES), "--db", str(cluster_db), "--offline",
                                     "--scheduler", cluster.scheduler_address], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        with distributed.Client(cluster.scheduler_address) as client:
            assert len(client.scheduler_info()["workers"]) == 2
    local, clustered = store_rows(local_db), store_rows(cluster_db)
    assert local["documents"] and local["mentions"] and local["events"]
    assert clustered == local
