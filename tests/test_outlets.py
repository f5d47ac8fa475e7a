"""Outlets side by side: sentences, VADER tone per outlet and actor, coverage, and what only one outlet reports."""

from __future__ import annotations

from newsgraph.model import Actor, Document, Mention
from newsgraph.outlets import (
    UNKNOWN_OUTLET,
    Fact,
    StoryDocs,
    exclusive_facts,
    mentions_from_names,
    outlet_of,
    same_fact,
    sentence_spans,
    story_outlets,
    tone_score,
    widest_stories,
)

WARM = ("Leaders praised Norway for its generous and wonderful help to the fishermen. "
        "Norway signed the accord on Monday. ")
COLD = ("Critics said Norway was a cruel, dishonest bully that destroyed the talks. "
        "Sweden and Norway met again in Oslo. ")
FRENCH = "La Norvège a signé l'accord lundi. "


def doc(doc_id: str, text: str, outlet: str | None, language: str = "en", duplicate_of: str | None = None) -> Document:
    return Document(doc_id, f"{doc_id}.txt", text, outlet=outlet, language=language, duplicate_of=duplicate_of)


def named(d: Document, surface: str, actor: str) -> list[Mention]:
    """Every whole occurrence of surface in the document, as the pipeline's mentions would be."""
    out, start = [], d.text.find(surface)
    while start >= 0:
        out.append(Mention(d.id, start, start + len(surface), surface, actor))
        start = d.text.find(surface, start + 1)
    return out


def corpus() -> tuple[list[Document], list[Mention], StoryDocs]:
    docs = [doc("a", WARM, "North Wire"), doc("b", COLD, "Baltic Post"), doc("c", FRENCH, "Le Courrier", "fr"),
            doc("a2", WARM, None, duplicate_of="a")]
    mentions = [m for d in docs for m in named(d, "Norway", "norway") + named(d, "Sweden", "sweden")]
    mentions += named(docs[2], "Norvège", "norway")
    return docs, mentions, StoryDocs("s1", "Nordic fisheries", ["a", "b", "c", "a2"])


def test_sentences_end_at_stops_but_not_at_titles_or_initials() -> None:
    text = "Mr. Holm met Dr. J. Berg in Oslo. “We agree,” he said! Then\nthe U.S. envoy left.\n\nNew paragraph"
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["Mr. Holm met Dr. J. Berg in Oslo.", "“We agree,” he said!", "Then", "the U.S. envoy left.",
                     "New paragraph"]


def test_vader_scores_warm_words_above_zero_and_hostile_ones_below() -> None:
    assert tone_score("Leaders praised the generous and wonderful help.") > 0.5
    assert tone_score("Critics said it was a cruel, dishonest bully.") < -0.5
    assert tone_score("The meeting took place on Monday.") == 0.0


def test_each_outlet_gets_its_own_tone_toward_the_actor_with_the_sentences_behind_it() -> None:
    docs, mentions, story = corpus()
    [view] = story_outlets(docs, mentions, [story])
    assert [o.outlet for o in view.outlets] == ["Baltic Post", "Le Courrier", "North Wire"]
    warm = next(o for o in view.outlets if o.outlet == "North Wire").actor("norway")
    cold = next(o for o in view.outlets if o.outlet == "Baltic Post").actor("norway")
    assert warm is not None and cold is not None
    assert warm.tone is not None and warm.tone > 0.2
    assert cold.tone is not None and cold.tone < -0.2
    # the strongest sentence is the one a reader should check, and its span points at it in the document
    strongest = cold.strongest
    assert strongest is not None and strongest.score < -0.5
    assert COLD[strongest.start:strongest.end] == strongest.text and strongest.text.startswith("Critics said")
    assert {s.text for s in warm.sentences} == {WARM.split(". ")[0] + ".", "Norway signed the accord on Monday."}


def test_a_copy_without_outlet_counts_with_its_original_and_only_once() -> None:
    docs, mentions, story = corpus()
    by_id = {d.id: d for d in docs}
    assert outlet_of(by_id["a2"], by_id) == "North Wire"
    assert outlet_of(doc("z", "x", None), {}) == UNKNOWN_OUTLET
    [view] = story_outlets(docs, mentions, [story])
    north = next(o for o in view.outlets if o.outlet == "North Wire")
    assert north.docs == ["a", "a2"]
    assert north.actor("norway").mentions == 2  # "Norway" twice in one text; the copy is not counted again


def test_a_document_in_another_language_counts_as_coverage_but_adds_no_tone() -> None:
    docs, mentions, story = corpus()
    [view] = story_outlets(docs, mentions, [story])
    french = next(o for o in view.outlets if o.outlet == "Le Courrier").actor("norway")
    assert french is not None and french.mentions == 1
    assert french.tone is None and french.sentences == [] and french.strongest is None


def test_main_actors_are_those_most_outlets_name() -> None:
    docs, mentions, story = corpus()
    [view] = story_outlets(docs, mentions, [story], main_actors=1)
    assert view.main_actors == ["norway"]


def event(doc_id: str, source: str, kind: str, target: str, start: int = 0) -> Fact:
    return Fact("event", doc_id, start, start + 10, (source, kind, target, False, False), f"{source} {kind} {target}")


def quote(doc_id: str, speaker: str, words: str, start: int = 0) -> Fact:
    return Fact("quote", doc_id, start, start + len(words), (speaker,), words)


def test_only_facts_no_other_outlet_reports_are_exclusive() -> None:
    docs, _, story = corpus()
    facts = [
        event("a", "norway", "AGREE", "sweden"), event("b", "norway", "AGREE", "sweden"),
        event("b", "sweden", "ACCUSE", "norway", 20),
        quote("a", "holm", "We will protect the northern stocks for our children"),
        quote("b", "holm", "“We will protect the northern stocks,” Holm said", 30),
        quote("a", "holm", "Our fleet stays in port", 60),
        event("a2", "norway", "SUPPORT", "sweden", 80),  # a copy of a: North Wire's, not a third outlet's
        event("elsewhere", "norway", "ASSAULT", "sweden"),  # not in the story
    ]
    found = {(x.outlet, x.fact.text) for x in exclusive_facts(docs, facts, story)}
    assert found == {("Baltic Post", "sweden ACCUSE norway"), ("North Wire", "Our fleet stays in port"),
                     ("North Wire", "norway SUPPORT sweden")}


def test_a_story_of_one_outlet_has_no_exclusives() -> None:
    docs, _, _ = corpus()
    alone = StoryDocs("s2", "North only", ["a", "a2"])
    assert exclusive_facts(docs, [event("a", "norway", "AGREE", "sweden")], alone) == []


def test_quotes_match_across_outlets_only_when_they_share_most_words() -> None:
    a = quote("a", "holm", "We will protect the northern stocks")
    assert same_fact(a, quote("b", "holm", "we will PROTECT northern stocks, she said"))
    assert not same_fact(a, quote("b", "holm", "Tariffs will rise next year"))
    assert not same_fact(a, quote("b", "berg", "We will protect the northern stocks"))


def test_widest_stories_come_first_and_single_outlet_stories_are_left_out() -> None:
    docs, _, story = corpus()
    alone = StoryDocs("s2", "North only", ["a", "a2"])
    pair = StoryDocs("s3", "Two outlets", ["a", "b"])
    assert [s.id for s in widest_stories(docs, [alone, pair, story], limit=5)] == ["s1", "s3"]
    assert [s.id for s in widest_stories(docs, [alone, pair, story], limit=1)] == ["s1"]


def test_mentions_from_names_take_whole_words_longest_first() -> None:
    d = doc("m", "Kari Holm met Holmberg. Holm left Norway; NORWAY and Norwegians stayed.", "X")
    actors = [Actor("holm", "Kari Holm", "person", aliases=["Holm"], docs=["m"]),
              Actor("norway", "Norway", "country", docs=["m"])]
    found = [(m.text, m.actor) for m in mentions_from_names([d], actors)]
    assert found == [("Kari Holm", "holm"), ("Holm", "holm"), ("Norway", "norway")]
