"""Shared fixtures: the seed corpus and gold live beside the project in ../shared when present."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.yaml"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BENCH = Path(__file__).resolve().parents[1] / "bench"


def load_bench(name: str) -> ModuleType:
    """A script under bench/ as a module, so tests can check its scoring code."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def store_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of a SQLite store as sorted rows, without the surrogate row ids that differ between runs."""
    from sqlalchemy import create_engine, select

    from newsgraph import store

    engine = create_engine(f"sqlite:///{db}")
    out = {}
    with engine.connect() as conn:
        for table in store.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name != "row_id"]
            out[table.name] = sorted((tuple(row) for row in conn.execute(select(*columns)).all()), key=repr)
    engine.dispose()
    return out


@pytest.fixture
def postgres_db() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped after it; skips where no server is set."""
    url = os.environ.get("NEWSGRAPH_TEST_POSTGRES")
    if not url:
        pytest.skip("no PostgreSQL server configured: set NEWSGRAPH_TEST_POSTGRES=postgresql://... "
                    "(.ci/run starts one)")
    import sqlalchemy

    name = f"newsgraph_test_{uuid.uuid4().hex[:8]}"
    admin = sqlalchemy.create_engine(url.replace("postgresql://", "postgresql+psycopg://"),
                                     isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sqlalchemy.text(f"CREATE DATABASE {name}"))
    try:
        yield f"{url.rsplit('/', 1)[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sqlalchemy.text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent); skipping seed checks")
    return SEEDS


@pytest.fixture(scope="session")
def gold_file(seeds_dir: Path) -> Path:
    return GOLD


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Chromium as root in a sandboxed machine with no network: no sandbox, no background connections.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run does this)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[dev])")
    with sync_api.sync_playwright() as play:
        launched = play.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
