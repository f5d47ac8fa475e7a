"""The NGEC actor-resolution benchmark: how country cases are picked, and a short run on real cases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import load_bench

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "actors_ngec.py"
SHARED = REPO.parent / "shared"

bench = load_bench("actors_ngec")


def _record(test: str, args: list[str], asserts: list[str], params: dict | None = None) -> dict:
    return {"test": test, "calls": [{"var": "code", "method": "agent_to_code", "args": args}],
            "asserts": asserts, "params": params or {}}


def test_only_cases_expecting_a_state_code_are_country_cases() -> None:
    records = [
        _record("state", ["Norwegian fishermen"], ["code['country'] == 'NOR'", "code['code_1'] == 'CVL'"]),
        _record("none", ["a crowd"], ["code['country'] == ''"]),
        _record("bloc", ["the bloc"], ["code['country'] == 'IGO'"]),
        _record("param", ["the Navy", "Chilean", "Today"], ["code['country'] == d['correct_country']"],
                {"d": {"correct_country": "CHL"}}),
        _record("kosovo", ["Pristina"], ["code['country'] == 'XKX'"]),
        _record("sector", ["a senator"], ["code['code_1'] == 'LEG'"]),
    ]
    cases = bench.country_cases(records)
    assert [(c.name, c.expected) for c in cases] == [("state", "NOR"), ("param", "CHL"), ("kosovo", "XKX")]
    assert cases[1].context == "Chilean"


def test_context_goes_before_the_actor_text_after_its_article() -> None:
    case = bench.Case("x", "the Navy", "Chilean", "CHL")
    assert bench.case_text(case) == ("the Chilean Navy", 0, len("the Chilean Navy"))
    text, start, end = bench.case_text(bench.Case("y", "Jane Roe", "Chilean", "CHL"))
    assert text[start:end] == "Jane Roe"


def test_resolution_codes_states_demonyms_and_titles() -> None:
    assert bench.resolve("Norwegian fishermen", 0, 19)[0] == "NOR"
    text = "Peruvian Foreign Minister Ana Cecilia Gervasi"
    assert bench.resolve(text, 0, len(text))[:3:2] == ("PER", "person")
    assert bench.resolve("a crowd", 0, 7) == (None, None, "none")


def test_misses_are_classed_by_what_was_found() -> None:
    case = bench.Case("x", "Jane Roe", "", "NOR")
    assert bench.miss_class(bench.Outcome(case, "Jane Roe", None, "Jane Roe", "person")) == "no country (person)"
    assert bench.miss_class(bench.Outcome(case, "Jane Roe", "SWE", "Jane Roe", "person")) == "wrong country"
    assert bench.miss_class(bench.Outcome(case, "Jane Roe", None, None, "none")) == "no actor found"


def test_a_short_run_on_the_real_cases_gives_sane_figures() -> None:
    if not (SHARED / bench.CASES).is_file():
        pytest.skip(f"benchmark data absent: {SHARED / bench.CASES}")
    cases = bench.load_cases(SHARED)
    assert 200 <= len(cases) <= len(json.loads((SHARED / bench.CASES).read_text(encoding="utf-8")))
    figures = bench.summary(bench.run(cases[:40]))
    assert figures["cases"] == 40
    assert 0.2 <= figures["share_right"] <= 1.0
    assert figures["right"] + figures["no_country"] + figures["wrong_country"] == 40
    done = subprocess.run([sys.executable, str(SCRIPT), "--limit", "10", "--show-misses"], capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.startswith("ngec country cases: 10 ")
