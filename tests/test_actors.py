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


def _one_doc(text: str):
    doc = Document("a", "a.txt", text)
    mentions, actors = find_mentions(doc, parse(text))
    return mentions, {a.name: a for a in actors}


def test_people_are_tied_to_the_state_their_title_names():
    text = ("Peruvian Foreign Minister Ana Cecilia Gervasi met Kenneth Ofori-Atta, Ghana's finance minister, "
            "in Lima on Friday.")
    _, actors = _one_doc(text)
    gervasi = actors["Ana Cecilia Gervasi"]  # one name, though the parser split it and took the end for a place
    assert gervasi.codes["iso3"] == "PER" and gervasi.description == "Foreign Minister of Peru"
    assert actors["Kenneth Ofori-Atta"].codes["iso3"] == "GHA"
    assert actors["Kenneth Ofori-Atta"].description == "Ghana's finance minister"
    assert "Gervasi" not in actors and "Lima" not in actors


def test_a_body_after_a_states_possessive_belongs_to_that_state():
    mentions, actors = _one_doc("Brazil's Federal Senate approved the bill on Tuesday.")
    assert actors["Federal Senate"].codes["iso3"] == "BRA"
    assert actors["Brazil"].codes["iso3"] == "BRA"
    _, actors = _one_doc("Norway's Storting Presidium rejected the proposal.")  # no entity from the parser
    assert any(a.type == "organization" and a.codes["iso3"] == "NOR" for a in actors.values())
    _, actors = _one_doc("The Pakistani Army denied the report.")
    assert actors["Pakistani Army"].codes["iso3"] == "PAK"


def test_a_place_names_its_authorities_but_not_where_things_happen():
    mentions, actors = _one_doc("Ankara police detained twelve students, and Istanbul prosecutors opened a case.")
    assert {m.actor for m in mentions if m.kind == "metonym"} == {"turkey"}
    assert actors["Istanbul"].type == "place" and actors["Istanbul"].codes["iso3"] == "TUR"
    mentions, actors = _one_doc("The delegation arrived in Ankara on Monday and flew on to Istanbul.")
    assert not [m for m in mentions if m.text in {"Ankara", "Istanbul"}]


def test_roles_without_a_name_resolve_to_the_holder_or_else_the_state():
    texts = {
        "a": "German Defence Minister Boris Pistorius visited Vilnius on Monday.",
        "b": "The German defence minister said the brigade would be ready by 2027.",
        "c": "Chile's envoy said the talks would resume, while Chile kept its tariffs.",
    }
    (actors, mapping), mentions = _run(texts)
    pistorius = next(a for a in actors if a.name == "Boris Pistorius")
    assert pistorius.codes["iso3"] == "DEU"
    role = next(m for m in mentions["b"] if m.kind == "description")
    assert mapping["b"][role.actor] == pistorius.id
    envoy = next(m for m in mentions["c"] if m.kind == "description")
    assert mapping["c"][envoy.actor] == "chile"  # no named envoy: the office speaks for its state


def test_regions_act_only_as_parties_to_a_clause():
    mentions, actors = _one_doc("Exports to Western Europe fell, while Europe imposed new tariffs on steel.")
    assert {m.text: m.kind for m in mentions}["Western Europe"] == "location"
    assert {m.text: m.kind for m in mentions}["Europe"] == "name"
    mentions, _ = _one_doc("Several Baltic and South Caucasus former Soviet republics sought closer ties.")
    assert "South Caucasus" not in {m.text for m in mentions}  # a modifier qualifies, it does not act


def test_cities_listed_with_a_place_are_places_of_their_state():
    mentions, actors = _one_doc("Moscow claims the regions of Kherson and Kharkiv.")
    assert actors["Kharkiv"].type == "place" and actors["Kharkiv"].codes["iso3"] == "UKR"
    assert actors["Kherson"].codes["iso3"] == "UKR"
    assert {m.text: m.actor for m in mentions}["Moscow"] == "russia"


def test_gatherings_are_events_not_actors():
    _, actors = _one_doc("The ministers attended the Munich Security Conference in February.")
    assert not any("Conference" in name for name in actors)
    _, actors = _one_doc("Delegates gathered as the ruling party's National Convention opened in Ottawa.")
    assert not any("Convention" in name for name in actors)  # the clipped name is made whole first


def test_given_names_that_are_also_towns_stay_people():
    _, actors = _one_doc("Meta said the network was wrong, and Mary agreed with Nelson.")
    assert actors["Mary"].type == actors["Nelson"].type == "person"
    assert actors["Meta"].codes["iso3"] is None  # a one-word region name counts only as a place


def test_regions_the_parser_mistakes_belong_to_their_state():
    _, actors = _one_doc("Republika Srpska rejected the ruling, and Kano State officials said nothing.")
    assert actors["Republika Srpska"].type == "place" and actors["Republika Srpska"].codes["iso3"] == "BIH"
    assert actors["Kano State"].codes["iso3"] == "NGA"


def test_demonyms_name_the_state_or_its_people():
    mentions, actors = _one_doc("Two Saudis and several Kazakhs were detained, a British diplomat said.")
    assert {m.actor for m in mentions} >= {"saudi-arabia", "kazakhstan", "united-kingdom"}
    mentions, actors = _one_doc("Rebels from ethnic Kazakhs in the north protested.")
    group = next(a for a in actors.values() if a.type == "group")
    assert group.codes["iso3"] == "KAZ"


def test_a_town_name_after_a_given_name_is_a_surname():
    from spacy.tokens import Doc, Span

    from newsgraph.actors import _given_name_before

    def town_labelled(text: str) -> Span:
        """The text's parse with only its second word labelled a place, as the parser labels some surnames."""
        doc = Doc.from_docs([parse(text)])  # a copy: the shared parse stays as it is
        doc.ents = [Span(doc, 1, 2, label="GPE")]
        return doc.ents[0]

    assert _given_name_before(town_labelled("Maria Florence, the harbour manager, asked Peru to reopen the port."))
    assert not _given_name_before(town_labelled("President Florence asked Peru to reopen the port."))  # a title
