"""The parse newsgraph runs gives exactly the annotations of the model as it ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.nlp import load_nlp, sentence_numbers, stock_model, word_counts
from newsgraph.nlp.attributes import MemoAttributeRuler

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]  # when ../shared is there
    texts.append("I'd say y'all are gonna get it, ain't that so? We've been there; it's nothin' new.")
    return texts


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_memo_attribute_rules_match_the_stock_component_token_for_token():
    ours = load_nlp()
    assert isinstance(ours.get_pipe("attribute_ruler"), MemoAttributeRuler)
    stock = stock_model()
    assert type(stock.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    texts = _texts()
    expected = [_annotations(d) for d in stock.pipe(texts)]
    got = [_annotations(d) for d in ours.pipe(texts)]
    assert sum(len(d) for d in got) > 3000
    for want, have in zip(expected, got, strict=True):
        assert have == want


def test_multi_token_rules_still_apply():
    doc = load_nlp()("They're gonna win, ain't they?")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["ai"] == "be"


def test_sentence_numbers_follow_the_parse():
    doc = load_nlp()("Astana hosted the talks. Both sides signed a deal. Markets rose.")
    numbers = sentence_numbers(doc)
    assert numbers == [k for k, s in enumerate(doc.sents) for _ in s]
    assert numbers[-1] == 2


def test_word_counts_count_token_texts():
    doc = load_nlp()("Oslo met Oslo's partners in Oslo.")
    assert word_counts(doc)["Oslo"] == 3


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_texts_parse(text):
    doc = load_nlp()(text)
    assert sentence_numbers(doc) == [0] * len(doc)
