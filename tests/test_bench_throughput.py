"""The throughput benchmark: its texts are every corpus once before any repeats, and it measures a tiny size."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEEDS, SHARED, load_bench

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "throughput.py"

bench = load_bench("throughput")


def _body(text: str) -> str:
    return text.split("\n", 2)[2]  # after the numbered first line and the blank line


def test_every_text_comes_once_before_any_repeats():
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    distinct = len({_body(t) for t in bench._texts(SHARED, 5000)})
    texts = bench._texts(SHARED, distinct + 3)
    bodies = [_body(t) for t in texts]
    assert len(set(bodies[:distinct])) == distinct  # no repeat among the first `distinct`
    assert bodies[distinct:] == bodies[:3]  # then the cycle starts again
    assert len(set(texts)) == len(texts)  # the numbered first line keeps each document its own
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert all(s in bodies for s in seeds)


def test_script_prints_both_rates_and_a_ratio():
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    run = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "3", "--shared", str(SHARED)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    row = next(line for line in run.stdout.splitlines() if line.strip().startswith("3 "))
    spacy_rate, build_rate, ratio = (float(x) for x in re.findall(r"(\d+\.\d+)", row)[:3])
    assert spacy_rate > 0 and build_rate > 0
    assert ratio == pytest.approx(build_rate / spacy_rate, rel=0.05)
