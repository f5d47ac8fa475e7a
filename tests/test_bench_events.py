"""The event-coding benchmark: its label mapping and scoring on hand-made items, and a short run on real ones."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.model import PLOVER_TYPES

from .conftest import SHARED, load_bench

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "events_gsr.py"
DATA = SHARED / "benchmarks" / "event-coding"

bench = load_bench("events_gsr")


def _needs_data() -> None:
    if not (DATA / "plover_gsr.jsonl").is_file():
        pytest.skip(f"event-coding benchmark not found at {DATA} (../shared is absent)")


def test_cameo_codes_map_to_plover_by_their_most_specific_row() -> None:
    _needs_data()
    table = bench.cameo_table(DATA / "CAMEO2PLOVER-2021.txt")
    assert bench.plover_type("0874", table) == "RETREAT"
    assert bench.plover_type("163", table) == "COERCE"  # the table's own reading of embargoes
    assert bench.plover_type("1823", table) == "ASSAULT"
    assert bench.plover_type("042", table) == "CONSULT"
    assert bench.plover_type("0211", table) == "REQUEST"  # appeals: CAMEO 02
    assert bench.plover_type("010", table) is None  # public statements have no PLOVER type


def test_old_plover_labels_are_read_as_current_ones() -> None:
    assert bench.OLD_LABELS == {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                                "FIGHT": "ASSAULT"}


def test_cameo_spelt_country_codes_are_read_as_iso3() -> None:
    actors = [{"actorText": "Tokyo", "code": "JAP"}, {"actorText": "NATO", "code": "IGO"}]
    assert bench._codes(actors, frozenset({"JPN"})) == frozenset({"JPN"})


def test_the_split_puts_the_first_half_of_sorted_ids_in_dev() -> None:
    items = [bench.Item("x", name, "", None, []) for name in ["c", "a", "e", "b", "d"]]
    assert [i.id for i in bench.split(items, "dev")] == ["a", "b", "c"]
    assert [i.id for i in bench.split(items, "test")] == ["d", "e"]


def test_scores_count_types_countries_extras_and_quiet_sentences() -> None:
    gold = bench.GoldEvent("ASSAULT", frozenset({"RUS"}), frozenset({"UKR"}))
    scores = bench.Scores()
    scores.add(bench.Item("x", "1", "", None, [gold]),
               [bench.Coded("ASSAULT", {"RUS"}, {"UKR"}), bench.Coded("ACCUSE", {"UKR"}, set())])
    scores.add(bench.Item("x", "2", "", None, [gold]), [bench.Coded("COERCE", {"RUS"}, set())])
    scores.add(bench.Item("x", "3", "", None, [], no_event=True), [])
    assert (scores.type_hits, scores.with_events, scores.correct, scores.gold_events) == (1, 2, 1, 2)
    assert scores.extra == 2  # the accusation and the coercion match no expected event
    assert scores.no_event_quiet == scores.no_event == 1
    assert scores.side_prf("source") == pytest.approx((2 / 3, 1.0, 0.8))
    assert scores.side_prf("target") == pytest.approx((1.0, 0.5, 2 / 3))


def test_joint_actors_may_sit_on_either_side() -> None:
    joint = bench.GoldEvent("AGREE", frozenset({"HUN", "ROU"}), frozenset(), joint=True)
    scores = bench.Scores()
    scores.add(bench.Item("x", "1", "", None, [joint]), [bench.Coded("AGREE", {"HUN"}, {"ROU"})])
    assert scores.correct == 1
    assert scores.side_prf("source")[2] == pytest.approx(1.0)


def test_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--shared", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert "benchmark data not found" in run.stderr


def test_script_scores_a_slice_of_each_set() -> None:
    _needs_data()
    run = subprocess.run([sys.executable, str(SCRIPT), "--set", "all", "--split", "dev", "--limit", "12"],
                         capture_output=True, text=True, timeout=120, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert "== plover dev: 12 sentences" in run.stdout and "== petr dev: 12 sentences" in run.stdout
    assert "== own dev: 12 sentences" in run.stdout  # the project's own set rides along with --set all
    accuracy = [float(x) for x in re.findall(r"^event type accuracy\s+(\d\.\d{3})", run.stdout, re.M)]
    assert len(accuracy) == 3 and accuracy[0] >= 0.5, run.stdout  # the first AGREE sentences are mostly coded
    extra = [float(x) for x in re.findall(r"^extra per sentence\s+(\d\.\d{3})", run.stdout, re.M)]
    assert all(x < 2 for x in extra), run.stdout
    assert re.search(r"^source country\s+P \d\.\d{3}\s+R \d\.\d{3}\s+F1 \d\.\d{3}$", run.stdout, re.M)


def test_the_projects_own_set_loads_joint_acts_and_quiet_sentences(tmp_path: Path) -> None:
    rows = [
        '{"id": "OWN-1", "text": "Kenya and Uganda agreed to open the border.", "expected": [{"plover": "AGREE", '
        '"source": [{"actorText": "Kenya", "code": "KEN"}, {"actorText": "Uganda", "code": "UGA"}], "target": null, '
        '"joint": true}]}',
        '{"id": "OWN-2", "text": "Rain fell.", "expected": [], "noevents": true}',
    ]
    (tmp_path / "events_own_x.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "other.jsonl").write_text("not read\n", encoding="utf-8")
    items = bench.load_own(tmp_path, frozenset({"KEN", "UGA"}))
    assert [i.id for i in items] == ["OWN-1", "OWN-2"]
    assert items[0].events == [bench.GoldEvent("AGREE", frozenset({"KEN", "UGA"}), frozenset(), True)]
    assert items[1].events == [] and items[1].no_event


def test_the_projects_own_set_is_well_formed() -> None:
    items = bench.load_own(REPO / "bench" / "data", bench.country_codes())
    assert len(items) >= 100
    assert all(i.events or i.no_event for i in items)
    assert all(g.type in PLOVER_TYPES for i in items for g in i.events)
