"""The parse newsgraph runs gives exactly the annotations of the model as it ships."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Span

import newsgraph.nlp as nlp_module
from newsgraph.nlp import load_nlp, parse_by_paragraph, sentence_numbers, stock_model, token_list, word_counts
from newsgraph.nlp.attributes import MemoAttributeRuler, MemoLemmatizer
from newsgraph.nlp.entities import BatchEntityRecognizer

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
ARTICLES = REPO.parent / "shared" / "benchmarks" / "zyte-articles" / "ground-truth.json"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]  # when ../shared is there
    texts.append("I'd say y'all are gonna get it, ain't that so? We've been there; it's nothin' new.")
    if ARTICLES.is_file():  # many words no rule names, in many forms
        bodies = json.loads(ARTICLES.read_text(encoding="utf-8")).values()
        texts += [b["articleBody"] for b in list(bodies)[:40] if b.get("articleBody")]
    return texts


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_memo_attribute_rules_lemmas_and_batch_entities_match_the_stock_components_token_for_token():
    ours = load_nlp()
    assert isinstance(ours.get_pipe("attribute_ruler"), MemoAttributeRuler)
    assert isinstance(ours.get_pipe("lemmatizer"), MemoLemmatizer)
    assert isinstance(ours.get_pipe("ner"), BatchEntityRecognizer)
    stock = stock_model()
    assert type(stock.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    texts = _texts()
    expected = [_annotations(d) for d in stock.pipe(texts)]
    got = [_annotations(d) for d in ours.pipe(texts)]
    assert sum(len(d) for d in got) > 3000
    assert sum(t[7] == "B" for d in got for t in d) > 300  # many entities of many kinds were decided
    for want, have in zip(expected, got, strict=True):
        assert have == want


def test_batch_entities_match_stock_on_empty_and_short_paragraphs_in_one_batch():
    texts = ["", "Putin met Xi in Beijing on Monday.", "  ", "NATO", "Tokayev thanked the United Nations.\n"]
    want = [_annotations(d) for d in stock_model().pipe(texts, batch_size=8)]
    assert [_annotations(d) for d in load_nlp().pipe(texts, batch_size=8)] == want
    assert any(t[8] == "PERSON" for d in want for t in d)


def test_preset_entities_are_left_to_the_stock_recognizer():
    ours, stock = load_nlp(), stock_model()
    text = "Kazakhstan and Russia signed a deal in Astana on Friday."
    docs = []
    for nlp in (ours, stock):
        doc = nlp.make_doc(text)
        doc.set_ents([Span(doc, 0, 1, label="ORG")])  # set before the recognizer runs: it must keep it
        for _name, component in nlp.pipeline:
            doc = component(doc)
        docs.append(doc)
    assert [(e.text, e.label_) for e in docs[0].ents] == [(e.text, e.label_) for e in docs[1].ents]
    assert (docs[0].ents[0].text, docs[0].ents[0].label_) == ("Kazakhstan", "ORG")
    assert any(e.label_ == "GPE" for e in docs[0].ents)


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


def test_paragraph_parses_join_back_into_the_text():
    texts = _texts() + ["", "One line only.",
                         "Headline with no stop\nThe body starts here. It goes on.\n\n  \nLast one."]
    docs = list(parse_by_paragraph(texts, batch_size=4))
    assert [d.text for d in docs] == texts
    for doc in docs:
        for sent in doc.sents:
            inner = sent.text.rstrip()
            assert "\n" not in inner or not inner.split("\n", 1)[1].strip(), "a sentence crosses a paragraph"


def test_a_paragraph_met_again_reuses_its_parse_and_annotations():
    nlp_module._PARSED.clear()
    shared = "Norway and Iceland signed a fisheries accord in Reykjavik on Monday.\n"
    first, second = parse_by_paragraph(["Oslo report\n" + shared, "Bergen desk\n" + shared])
    assert shared in nlp_module._PARSED
    tail = [(t.text, t.dep_, t.head.i - t.i, t.ent_type_, t.lemma_) for t in first[3:]]
    again = [(t.text, t.dep_, t.head.i - t.i, t.ent_type_, t.lemma_) for t in second[3:]]
    assert tail == again and len(tail) > 10
    alone = [(t.text, t.dep_, t.head.i - t.i, t.ent_type_, t.lemma_) for t in load_nlp()(shared)]
    assert tail == alone


def test_the_paragraph_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(nlp_module, "PARAGRAPH_CACHE", 3)
    nlp_module._PARSED.clear()
    list(parse_by_paragraph([f"Line {n} of the wire.\nAnother line {n}." for n in range(4)]))
    assert len(nlp_module._PARSED) == 3


def test_token_list_is_the_parse_in_order_and_kept():
    doc = load_nlp()("Lima and Quito agreed. Bogota objected.")
    listed = token_list(doc)
    assert [t.i for t in listed] == list(range(len(doc)))
    assert [t.text for t in listed] == [t.text for t in doc]
    assert token_list(doc) is listed


def test_a_batch_recognizer_without_a_model_to_decode_says_so():
    with pytest.raises(RuntimeError, match="no recognizer"):
        BatchEntityRecognizer()(load_nlp().make_doc("Astana hosted the talks."))
