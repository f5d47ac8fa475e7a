"""The duplicate benchmark plants what it claims, scores known answers right, and runs end to end at 500 docs."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from newsgraph.dedup import DuplicateLink, words

from .conftest import load_bench

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "dedup_scale.py"
TRUTH = REPO.parent / "shared" / "benchmarks" / "zyte-articles" / "ground-truth.json"


bench = load_bench("dedup_scale")


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    if not TRUTH.is_file():
        pytest.skip(f"Zyte ground truth not found at {TRUTH} (../shared is absent)")
    return bench.load_sentences(TRUTH)


@pytest.fixture(scope="module")
def corpus(sentences: list[str]):
    return bench.build_corpus(sentences, 300, seed=3)


def _pairs(corpus, kind: str):
    text = {d.id: d.text for d in corpus.docs}
    found = [(text[p.doc], text[p.original]) for p in corpus.planted if p.kind == kind]
    assert found, kind
    return found


def test_sentence_pool_is_real_sentences_of_the_allowed_length(sentences: list[str]) -> None:
    assert len(sentences) > 3000
    assert all(8 <= len(s.split()) <= 60 for s in sentences)
    assert len({" ".join(words(s)) for s in sentences}) == len(sentences)


def test_stream_has_the_planted_share_of_each_kind_and_is_deterministic(corpus, sentences: list[str]) -> None:
    assert len(corpus.docs) == 300
    assert len({d.id for d in corpus.docs}) == 300
    assert Counter(p.kind for p in corpus.planted) == {
        "exact": 8, "rewrite2": 8, "rewrite5": 8, "half": 7, "third": 7, "furniture": 7}
    position = {d.id: i for i, d in enumerate(corpus.docs)}
    assert any(position[p.doc] < position[p.original] for p in corpus.planted)  # some copies come first
    again = bench.build_corpus(sentences, 300, seed=3)
    assert [d.text for d in again.docs] == [d.text for d in corpus.docs]


def test_exact_copies_differ_in_layout_only(corpus) -> None:
    for copy, original in _pairs(corpus, "exact"):
        assert copy != original
        assert words(copy) == words(original)


def test_cut_copies_keep_the_opening_share_of_the_words(corpus) -> None:
    for kind, share in (("half", 1 / 2), ("third", 1 / 3)):
        for copy, original in _pairs(corpus, kind):
            kept, full = words(copy), words(original)
            assert kept == full[:len(kept)]
            assert len(kept) >= bench.MIN_CUT_WORDS * 0.9
            assert abs(len(kept) / len(full) - share) < 0.05, (kind, len(kept), len(full))


def test_furniture_copies_add_three_known_lines(corpus) -> None:
    for copy, original in _pairs(corpus, "furniture"):
        extra = [line for line in copy.split("\n\n") if line not in original.split("\n\n")]
        assert len(extra) == 3 and all(line in bench.FURNITURE for line in extra)
        assert [line for line in copy.split("\n\n") if line not in extra] == original.split("\n\n")


def test_rewrites_change_about_their_share_of_the_words(corpus) -> None:
    for kind, rate in (("rewrite2", 0.02), ("rewrite5", 0.05)):
        for copy, original in _pairs(corpus, kind):
            before, after = words(original), words(copy)
            lost = sum((Counter(before) - Counter(after)).values())
            edits = max(1, round(rate * len(original.split())))  # a token may hold two words (U.S.)
            assert 1 <= lost <= 2 * edits, (kind, lost, edits)


def test_score_of_known_answers(corpus) -> None:
    perfect = [DuplicateLink(p.doc, p.original, "exact", 1.0) for p in corpus.planted]
    result = bench.score(corpus, perfect)
    assert (result.precision, result.recall) == (1.0, 1.0)
    assert set(result.recall_by_kind.values()) == {1.0}
    nothing = bench.score(corpus, [])
    assert (nothing.precision, nothing.recall, nothing.wrong_joins) == (1.0, 0.0, 0)
    originals = sorted({p.original for p in corpus.planted})
    wrong = bench.score(corpus, [*perfect, DuplicateLink(originals[1], originals[0], "near", 0.9)])
    assert wrong.wrong_joins == 1 and wrong.wrong_joins_with_overlap == 0
    assert wrong.precision < 1.0 and wrong.recall == 1.0


def test_deciles_place_each_batch_by_its_middle() -> None:
    steps = [{"start": s, "docs": 100, "add": 0.1, "links": 0.1} for s in range(0, 1000, 100)]
    assert bench.deciles(steps, 1000) == pytest.approx([2.0] * 10)
    assert bench.deciles(steps, 1000, ("add",)) == pytest.approx([1.0] * 10)
    one = bench.deciles(steps[:1], 200)  # documents 0-99 of 200: the middle, 50, is in the third tenth
    assert one[2] == pytest.approx(2.0) and one.count(None) == 9


def test_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "100", "--shared", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert "benchmark data not found" in run.stderr


def test_script_runs_500_docs_in_batch_mode(sentences: list[str]) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "500", "--mode", "batch"],
                         capture_output=True, text=True, timeout=120, cwd=REPO)
    assert run.returncode == 0, run.stderr
    row = re.search(r"^\s*500\s+(\d\.\d{3})\s+(\d\.\d{3})\s+(\d\.\d{3})", run.stdout, re.M)
    assert row, run.stdout
    precision, _, exact_recall = (float(v) for v in row.groups())
    assert precision >= 0.95 and exact_recall == 1.0, run.stdout
    assert "peak MB" in run.stdout and "wrong joins" in run.stdout
