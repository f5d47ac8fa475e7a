"""The PolNeAR quote benchmark: its scoring on hand-made spans with known answers, and a short real run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import load_bench

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "quotes_polnear.py"
POLNEAR = REPO.parent / "shared" / "benchmarks" / "polnear"

bench = load_bench("quotes_polnear")


def test_overlap_is_shared_words_over_the_longer_side() -> None:
    assert bench.overlap({1, 2, 3, 4}, {1, 2, 3, 4}) == 1.0
    assert bench.overlap({1, 2}, {1, 2, 3, 4}) == 0.5  # half the gold found
    assert bench.overlap({1, 2, 3, 4, 5, 6, 7, 8}, {1, 2}) == 0.25  # the gold, buried in extra words
    assert bench.overlap(set(), {1}) == 0.0
    assert bench.overlap({1, 2, 3, 4, 5, 6, 7, 8}, {1, 2}, "gold") == 1.0  # the peers' measure: gold covered


def test_pairs_are_one_to_one_and_best_first() -> None:
    found = [{1, 2, 3}, {1, 2, 3, 4}]
    gold = [{1, 2, 3, 4}]
    assert bench.pair(found, gold, 0.3) == [(1, 0, 1.0)]
    assert bench.pair(found, gold, 0.8) == [(1, 0, 1.0)]
    assert bench.pair([{9}], gold, 0.3) == []


def test_exact_spans_ignore_edge_punctuation_quotes_and_that() -> None:
    text = 'He said that "the vote was rigged," and left.'
    gold = [(text.index("that"), text.index(" and"))]
    found = [(text.index("the vote"), text.index('rigged') + len("rigged"))]
    assert bench.normalised(text, gold) == bench.normalised(text, found) == "the vote was rigged"


def test_quoted_content_and_speech_cues_decide_the_scope() -> None:
    text = 'Trump called the trade agreement with Mexico "a disaster" on Monday.'
    start = text.index('"')
    assert bench.is_quoted(text, [(start, text.index(" on Monday"))])
    assert not bench.is_quoted(text, [(0, len(text))])
    from newsgraph.nlp import parse

    parsed = parse("She told reporters the plan was final. He believes it works.")
    told = (parsed.text.index("told"), parsed.text.index("told") + 4)
    believes = (parsed.text.index("believes"), parsed.text.index("believes") + 8)
    assert bench.speech_cue(parsed, [told]) and not bench.speech_cue(parsed, [believes])


def test_score_article_counts_matches_neutral_quotes_and_speakers() -> None:
    from newsgraph.model import Quote
    from newsgraph.quotes import Attribution

    text = "Ann Lee said the dam will hold. Bob Day believes rain will come. Cats sleep a lot in summer."
    said = bench.Gold([(text.index("the dam"), text.index(" Bob") - 1)], [(0, 7)], [(8, 12)], True, False)
    belief = bench.Gold([(text.index("rain"), text.index(" Cats") - 1)], [(32, 39)], [(40, 48)], False, False)

    def found(start: int, end: int, speaker: tuple[int, int]) -> bench.Found:
        return bench.Found([Attribution(Quote("d", "ann-lee", text[slice(*speaker)], "indirect", text[start:end],
                                              "said", start, end), speaker, speaker[1] + 1)])

    quotes = [found(said.content[0][0], said.content[0][1], (0, 7)),
              found(belief.content[0][0], belief.content[0][1], (32, 39)),
              found(text.index("Cats"), len(text) - 1, (0, 3))]
    t = bench.score_article(text, [said, belief], quotes, lambda g: None)
    assert (t.gold, t.found, t.matched[("both", 0.3)], t.neutral) == (1, 3, 1, 1)  # the belief: neither way
    assert (t.exact, t.exact_neutral, t.speaker_pairs, t.speaker_right) == (1, 1, 1, 1)
    p, r, f = bench.prf(t.matched[("both", 0.3)], t.found - t.neutral, t.matched[("both", 0.3)], t.gold)
    assert (p, r) == (0.5, 1.0)


def test_a_short_run_on_dev_prints_sane_figures() -> None:
    if not (POLNEAR / "polnear_dev.jsonl").is_file():
        pytest.skip(f"PolNeAR not found at {POLNEAR} (../shared is absent); skipping the benchmark run")
    out = subprocess.run([sys.executable, str(SCRIPT), "--split", "dev", "--limit", "4", "--show", "3"],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert "PolNeAR dev: 4 articles" in out and "Scope:" in out and "Speaker right:" in out
    figures = [float(x) for line in out.splitlines() if "F1" in line
               for x in line.split("F1")[1].split()[:1]]
    assert len(figures) == 5 and all(0.3 < f <= 1.0 for f in figures), out
