"""The extraction benchmark's scoring, on hand-made strings with known scores, and one short run on real pages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import load_bench

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "extraction.py"
ZYTE = REPO.parent / "shared" / "benchmarks" / "zyte-articles"


bench = load_bench("extraction")


def test_shingles_of_a_short_text_are_one_shingle() -> None:
    assert bench.shingles("Red sky, at night") == {("Red", "sky", "at", "night"): 1}
    assert bench.shingles("red sky") == {("red", "sky"): 1}
    assert bench.shingles(" -- ") == {}


def test_shingle_match_counts_shares_of_hits_extras_and_misses() -> None:
    truth = "one two three four five six"  # shingles: 1-4, 2-5, 3-6
    output = "one two three four five seven"  # shingles: 1-4, 2-5, 3-7
    tp, fp, fn = bench.shingle_match(truth, output)
    assert (tp, fp, fn) == pytest.approx((2 / 4, 1 / 4, 1 / 4))
    assert bench.shingle_match(truth, truth) == (1.0, 0.0, 0.0)
    assert bench.shingle_match("", "") == (0.0, 0.0, 0.0)


def test_shingle_scores_average_per_page_then_take_f1_of_the_averages() -> None:
    perfect = bench.shingle_match("a b c d e", "a b c d e")
    half = bench.shingle_match("a b c d e f", "a b c d")  # 1 hit, 2 misses: P 1, R 1/3
    empty = bench.shingle_match("a b c d e", "")  # no output: no precision, recall 0
    precision, recall, f1 = bench.shingle_scores([perfect, half, empty])
    assert precision == pytest.approx(1.0)
    assert recall == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_bag_of_words_is_case_blind_and_counts_repeats() -> None:
    assert bench.bag_of_words("The cat sat", "the CAT sat") == (1.0, 1.0, 1.0)
    precision, recall, f1 = bench.bag_of_words("the the cat", "the cat sat down")  # overlap: the, cat
    assert (precision, recall) == pytest.approx((2 / 3, 2 / 4))
    assert f1 == pytest.approx(2 * (2 / 3) * (2 / 4) / (2 / 3 + 2 / 4))
    assert bench.bag_of_words("", "") == (1.0, 1.0, 1.0)
    assert bench.bag_of_words("words", "") == (0.0, 0.0, 0.0)
    assert bench.bag_of_words("", "words") == (0.0, 0.0, 0.0)


def test_metadata_matches_ignore_case_spacing_and_time_of_day() -> None:
    assert bench.same_text("  Jane   DOE ", "jane doe")
    assert not bench.same_text(None, "jane doe")
    assert bench.same_date("2019-11-18T09:30:00+01:00", "2019-11-18")
    assert bench.same_date("2019-11-18", "November 18, 2019")
    assert not bench.same_date("2019-11-17", "2019-11-18")
    assert not bench.same_date("2019-11", "2019-11-18")


def test_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--set", "zyte", "--shared", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert "benchmark data not found" in run.stderr


def test_script_scores_three_zyte_pages() -> None:
    if not (ZYTE / "ground-truth.json").is_file():
        pytest.skip(f"Zyte benchmark not found at {ZYTE} (../shared is absent)")
    run = subprocess.run([sys.executable, str(SCRIPT), "--set", "zyte", "--limit", "3"],
                         capture_output=True, text=True, timeout=120, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert "3 pages" in run.stdout
    assert re.search(r"^text F1\s+\d\.\d{3}\s+\d\.\d{3}$", run.stdout, re.M), run.stdout
