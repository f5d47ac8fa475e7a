"""Shared fixtures: the seed corpus and gold live beside the project in ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.yaml"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent); skipping seed checks")
    return SEEDS


@pytest.fixture(scope="session")
def gold_file(seeds_dir: Path) -> Path:
    return GOLD
