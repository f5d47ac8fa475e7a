"""Rule-based coreference: pronouns and descriptions resolved to actors on sentences written here."""

from __future__ import annotations

from newsgraph import actors
from newsgraph.coref import Resolver, pronoun_mentions
from newsgraph.model import Document, Mention
from newsgraph.nlp import parse


def resolved(text: str) -> list[tuple[str, str]]:
    """(pronoun or description, actor) for every resolved word, in text order."""
    doc = Document(id="t", source="test", text=text)
    parsed = parse(text)
    mentions, found = actors.find_mentions(doc, parsed)
    return [(m.text, m.actor) for m in pronoun_mentions(parsed, mentions, found, doc.id)]


def resolver_for(text: str) -> tuple[Resolver, object]:
    doc = Document(id="t", source="test", text=text)
    parsed = parse(text)
    mentions, found = actors.find_mentions(doc, parsed)
    return Resolver(parsed, mentions, found), parsed


def test_a_pronoun_takes_the_latest_subject_of_its_gender() -> None:
    text = "Angela Merkel met Emmanuel Macron in Berlin. She called the talks productive."
    assert resolved(text) == [("She", "angela-merkel")]


def test_gender_told_by_a_possessive_steers_later_pronouns() -> None:
    text = ("Hillary Clinton praised her staff. Donald Trump attacked Clinton on Monday. "
            "She said he was unfit.")
    assert resolved(text) == [("her", "hillary-clinton"), ("She", "hillary-clinton"), ("he", "donald-trump")]


def test_an_honorific_tells_both_person_and_gender() -> None:
    resolver, _ = resolver_for("Mrs. Clinton met Bernie Sanders in Ohio. She said the meeting went well.")
    assert resolver.gender.get("clinton") == "f"
    assert resolved("Mrs. Clinton met Bernie Sanders in Ohio. She said the meeting went well.") == [
        ("She", "clinton")]


def test_it_and_they_point_to_bodies_never_to_people() -> None:
    text = "Poland protested to the commission. Prime Minister Donald Tusk said it would appeal."
    assert ("it", "poland") in resolved(text)
    text = "Germany and France signed the pact. They will meet again in May."
    assert resolved(text) == []  # several bodies named together are no single actor


def test_a_description_points_to_the_person_introduced_with_that_word() -> None:
    text = ("Researcher Tom Baker, an economist at the Brookings Institution, says growth has stalled. "
            "The economist expects a rebound.")
    assert ("economist", "tom-baker") in resolved(text)


def test_an_antecedent_too_far_back_is_not_taken() -> None:
    text = ("John Smith opened the meeting.\nNothing happened for a week.\nThe weather was cold.\n"
            "Snow fell on the hills.\nThe roads were icy.\nThe trains were late.\nHe said the city was ready.")
    assert not any(word == "He" for word, _ in resolved(text))


def test_an_object_pronoun_is_not_its_own_verb_s_subject() -> None:
    text = "Joe Biden met Barack Obama. Biden praised him warmly."
    assert ("him", "barack-obama") in resolved(text)


def test_resolve_names_and_added_antecedents() -> None:
    resolver, parsed = resolver_for("The spokesman spoke first. Later he took questions.")
    he = next(t for t in parsed if t.lower_ == "he")
    assert resolver.resolve(he) is None  # no named person before it
    spokesman = next(t for t in parsed if t.lower_ == "spokesman")
    resolver.add(spokesman, "press-office", person=True)
    assert resolver.resolve(he) == "press-office"


def test_pronoun_mentions_are_mentions_of_the_document() -> None:
    text = "Chancellor Olaf Scholz spoke in Berlin. He said that Germany would send more aid."
    doc = Document(id="d1", source="test", text=text)
    parsed = parse(text)
    mentions, found = actors.find_mentions(doc, parsed)
    out = pronoun_mentions(parsed, mentions, found, doc.id)
    assert out == [Mention("d1", text.index("He said"), text.index("He said") + 2, "He", "olaf-scholz", "pronoun")]
