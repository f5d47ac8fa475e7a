"""Actors: mentions repaired and resolved, on sentences written for these tests."""

from __future__ import annotations

from newsgraph.actors import find_mentions, resolve_corpus
from newsgraph.gazetteer import derived_demonyms, load_gazetteer
from newsgraph.model import Document
from newsgraph.nlp import parse


def _run(texts: dict[str, str]):
    per_doc, mentions = {}, {}
    for doc_id, text in texts.items():
        doc = Document(doc_id, f"{doc_id}.txt", text)
        mentions[doc_id], per_doc[doc_id] = find_mentions(doc, parse(text))
    return resolve_corpus(per_doc, mentions), mentions


def _by_alias(actors):
    return {alias: a for a in actors for alias in a.aliases}


def test_gazetteer_comes_from_packages():
    gaz = load_gazetteer()
    assert gaz.lookup("Kazakhstan").iso3 == "KAZ"
    assert gaz.lookup("the United States").iso3 == "USA"
    assert gaz.lookup("US").iso3 == "USA"
    assert gaz.lookup("us") is None  # the pronoun is not a state
    assert gaz.demonym("Kazakh").iso3 == "KAZ"
    assert gaz.demonym("French").iso3 == "FRA"
    assert gaz.entries[gaz.by_capital["canberra"]].iso3 == "AUS"
    assert gaz.lookup("NATO").type == "organization"


def test_derived_demonyms_follow_english_patterns():
    assert "Uzbek" in derived_demonyms("Uzbekistan")
    assert "Bolivian" in derived_demonyms("Bolivia")
    assert "European" in derived_demonyms("Europe")


def test_titles_possessives_and_brackets_are_repaired():
    text = (
        "Brazilian President Luiz Inacio Lula da Silva met Norway's prime minister in Oslo. "
        "The Organization of American States (OAS) said Lula's visit was welcome."
    )
    (actors, mapping), mentions = _run({"a": text})
    names = _by_alias(actors)
    assert names["OAS"].id == names["Organization of American States"].id
    assert "Lula's" not in names
    lula = next(a for a in actors if a.type == "person" and "Lula" in a.name)
    assert lula.description == "President of Brazil"
    assert "Oslo" not in names  # a city used as a location is not an actor


def test_short_names_and_spelling_variants_resolve_across_documents():
    texts = {
        "a": "Chilean President Gabriel Boric visited Lima on Monday. Boric said the talks went well.",
        "b": "Gabriél Boric, who leads Chile, met the Peruvian foreign minister.",
        "c": "The Chilean president announced new tariffs on Friday.",
    }
    (actors, mapping), mentions = _run(texts)
    boric = [a for a in actors if a.type == "person" and "Boric" in a.name]
    assert len(boric) == 1
    assert boric[0].docs == ["a", "b", "c"]
    role = next(m for m in mentions["c"] if m.kind == "description")
    assert mapping["c"][role.actor] == boric[0].id


def test_capital_as_government_but_not_as_place():
    text = "Paris condemned the decision. Hundreds of people gathered in Paris on Sunday."
    (actors, mapping), mentions = _run({"a": text})
    metonyms = [m for m in mentions["a"] if m.kind == "metonym"]
    assert len(metonyms) == 1 and metonyms[0].start == 0
    assert mapping["a"][metonyms[0].actor] == "france"


def test_a_body_named_differently_by_two_documents_is_a_disagreement():
    from newsgraph.actors import naming_conflicts

    texts = {
        "a": "Vietnam is a member of the Association of Asian Nations (ASEAN), officials said.",
        "b": "Laos joined the Association of Southeast Asian Nations (ASEAN) in 1997.",
        "c": "The Association of Southeast Asian Nations met in Jakarta on Monday.",
    }
    (actors, mapping), mentions = _run(texts)
    docs = [Document(k, f"{k}.txt", v) for k, v in texts.items()]
    found = naming_conflicts(actors, mentions, mapping, docs)
    assert len(found) == 1
    assert {s.doc for s in found[0].statements} == {"a", "b", "c"}
    assert "Association of Asian Nations" in {s.says for s in found[0].statements}
    docs[2].duplicate_of = "b"
    docs[0].duplicate_of = "b"  # copies do not disagree with their original
    assert naming_conflicts(actors, mentions, mapping, docs) == []
