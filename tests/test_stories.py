"""Stories: documents about the same episode are grouped, other episodes stay apart."""

from __future__ import annotations

import random
from datetime import date

from newsgraph import stories
from newsgraph.model import Document
from newsgraph.store import Store
from newsgraph.stories import (
    FEATURES_VERSION,
    LABEL_UNITS,
    DocFeatures,
    StoredFeatures,
    Story,
    day_range,
    display_name,
    doc_features,
    group_stories,
)

WATER_1 = (
    "Uzbekistan and Tajikistan signed an agreement on Tuesday on sharing the water of the Vakhsh river, "
    "ending years of dispute over a giant dam upstream. Tajik President Emomali Rahmon and Uzbek President "
    "Shavkat Mirziyoyev attended the ceremony in Dushanbe. Under the deal a joint commission will set summer "
    "quotas for irrigation and publish daily readings of the river's flow. Farmers downstream had feared "
    "that filling the reservoir would leave their cotton fields dry."
)
WATER_2 = (
    "The water accord between Tashkent and Dushanbe was welcomed by farmers in the Uzbek province of "
    "Surkhandarya, who depend on the river for irrigation. Shavkat Mirziyoyev said the agreement showed that "
    "neighbours could settle disputes over water by talking. Emomali Rahmon promised that the reservoir behind "
    "the dam would be filled slowly, and that the joint commission would meet every spring to fix the quotas."
)
WATER_3 = (
    "Analysts say the Vakhsh water agreement signed by Uzbekistan and Tajikistan leaves open what happens in a "
    "drought. The dam and its reservoir give Tajikistan control over the river's flow, and the quotas agreed "
    "this week assume normal snowmelt. The World Bank, which paid for studies of the dam, offered to fund "
    "gauging stations so that the joint commission can check the flow of water to downstream farmers."
)
COAST_1 = (
    "Japan and the Philippines began a joint coast guard exercise off the island of Luzon on Monday. "
    "Six patrol vessels and a surveillance aircraft are taking part in the drills, which rehearse search and "
    "rescue at sea and the boarding of suspect ships. Fumio Kishida said the exercise would help keep the "
    "sea lanes open. China said the drills raised tensions in the South China Sea."
)
COAST_2 = (
    "Coast guard crews from the Philippines and Japan practised boarding a suspect vessel during the second "
    "day of their exercise near Luzon. Ferdinand Marcos visited one of the patrol vessels and thanked Japan "
    "for supplying new ships to the Philippine coast guard. Beijing protested, saying the exercise in the "
    "South China Sea was aimed at China."
)
COAST_3 = (
    "The joint exercise of the Japanese and Philippine coast guards ended on Friday with a search and rescue "
    "drill in rough sea. Officials said the patrol vessels and aircraft would return for a larger exercise "
    "next year. China, which claims most of the South China Sea, again criticised the drills, while Fumio "
    "Kishida and Ferdinand Marcos praised the crews."
)
# The same two states as the water story, another episode months later.
BORDER = (
    "Uzbekistan and Tajikistan reopened two border crossings on Thursday that had been closed since a clash "
    "between border guards in the spring. Shavkat Mirziyoyev and Emomali Rahmon spoke by telephone and "
    "agreed to open more crossings for traders and families before winter. Queues of lorries formed at the "
    "checkpoints within hours."
)
# The same states and the same week as the water story, another subject.
FOOTBALL = (
    "Uzbekistan beat Tajikistan two goals to one in a friendly football match in Tashkent on Wednesday. "
    "The home side scored twice in the first half, and the visitors pulled one goal back with a penalty in "
    "the final minutes. The coach of the Tajik team said his young players had learned a lot from the game "
    "against a stronger opponent."
)

# Actor ids as the Actors stage gives them for these texts.
ACTORS = {
    "w1": {"uzbekistan", "tajikistan", "emomali-rahmon", "shavkat-mirziyoyev", "vakhsh"},
    "w2": {"uzbekistan", "tajikistan", "emomali-rahmon", "shavkat-mirziyoyev", "surkhandarya"},
    "w3": {"uzbekistan", "tajikistan", "vakhsh", "world-bank"},
    "c1": {"japan", "philippines", "china", "fumio-kishida", "luzon"},
    "c2": {"japan", "philippines", "china", "ferdinand-marcos", "luzon"},
    "c3": {"japan", "philippines", "china", "fumio-kishida", "ferdinand-marcos"},
    "b": {"uzbekistan", "tajikistan", "emomali-rahmon", "shavkat-mirziyoyev"},
    "f": {"uzbekistan", "tajikistan"},
}
TEXTS = {"w1": WATER_1, "w2": WATER_2, "w3": WATER_3, "c1": COAST_1, "c2": COAST_2, "c3": COAST_3,
         "b": BORDER, "f": FOOTBALL}
DATES = {"w1": "2024-03-12", "w2": "2024-03-13", "w3": "2024-03-15", "c1": "2024-03-11", "c2": "2024-03-12",
         "c3": "2024-03-15", "b": "2024-09-05", "f": "2024-03-13"}


def _docs(ids: list[str], dated: bool = True) -> list[Document]:
    return [Document(id=i, source=f"{i}.txt", text=TEXTS[i], published=DATES[i] if dated else None) for i in ids]


def _by_docs(stories: list[Story]) -> list[list[str]]:
    return sorted(s.docs for s in stories)


def test_two_stories_of_three_documents_separate() -> None:
    stories = group_stories(_docs(["w1", "c1", "w2", "c2", "w3", "c3"]), ACTORS)
    assert _by_docs(stories) == [["c1", "c2", "c3"], ["w1", "w2", "w3"]]


def test_two_stories_separate_without_dates() -> None:
    stories = group_stories(_docs(["w1", "c1", "w2", "c2", "w3", "c3"], dated=False), ACTORS)
    assert _by_docs(stories) == [["c1", "c2", "c3"], ["w1", "w2", "w3"]]


def test_same_actors_but_another_episode_stay_apart() -> None:
    stories = group_stories(_docs(["w1", "w2", "w3", "b", "f"]), ACTORS)
    assert _by_docs(stories) == [["b"], ["f"], ["w1", "w2", "w3"]]


def test_dates_far_apart_keep_similar_documents_apart() -> None:
    docs = _docs(["w1", "w2", "w3"])
    docs[2].published = "2024-07"
    stories = group_stories(docs, ACTORS)
    assert _by_docs(stories) == [["w1", "w2"], ["w3"]]


def test_copies_are_always_in_their_canonical_story() -> None:
    copy = Document(id="w1-copy", source="x", text=WATER_1[:200], published="2025-01-01", duplicate_of="w1")
    docs = _docs(["w1", "w2", "c1", "c2"]) + [copy]
    stories = group_stories(docs, {**ACTORS, "w1-copy": {"uzbekistan"}})
    assert _by_docs(stories) == [["c1", "c2"], ["w1", "w1-copy", "w2"]]


def test_documents_without_actors_need_very_similar_text() -> None:
    docs = _docs(["w1", "w2", "c1"])
    stories = group_stories(docs, {})
    assert _by_docs(stories) == [["c1"], ["w1"], ["w2"]]
    twin = Document(id="w1b", source="x", text=WATER_1.replace("Tuesday", "Monday"), published="2024-03-12")
    assert ["w1", "w1b"] in _by_docs(group_stories(docs + [twin], {}))


def test_ids_follow_the_earliest_document_and_output_is_deterministic() -> None:
    ids = ["w1", "w2", "w3", "c1", "c2", "c3", "b", "f"]
    first = group_stories(_docs(ids), ACTORS)
    assert [s.id for s in first] == [f"story-{n}" for n in range(1, len(first) + 1)]
    assert first[0].docs == ["c1", "c2", "c3"]  # 11 March, the earliest date
    assert first[-1].docs == ["b"]  # September
    assert sorted(d for s in first for d in s.docs) == sorted(ids)
    for seed in range(4):
        shuffled = _docs(ids)
        random.Random(seed).shuffle(shuffled)
        assert group_stories(shuffled, ACTORS) == first


def test_label_names_the_central_actors_and_a_shared_phrase() -> None:
    names = {"japan": "Japan", "philippines": "Philippines", "china": "China"}
    stories = group_stories(_docs(["c1", "c2", "c3", "w1", "w2", "w3"]), ACTORS, names)
    coast = next(s for s in stories if s.docs == ["c1", "c2", "c3"])
    head, _, phrase = coast.label.partition(": ")
    assert set(head.split(", ")) == {"Japan", "Philippines", "China"}  # the three named in every document
    assert phrase and sum(phrase in TEXTS[d].lower() for d in coast.docs) >= 2
    assert phrase.split()[0] not in {"japan", "philippine", "philippines", "china"}


def test_label_without_names_writes_out_the_slugs() -> None:
    assert display_name("shanghai-cooperation-organisation") == "Shanghai Cooperation Organisation"
    assert display_name("bank-of-england") == "Bank of England"
    assert display_name("xi-jinping", {"xi-jinping": "Xi Jinping"}) == "Xi Jinping"


def test_day_range_reads_every_precision() -> None:
    assert day_range("2024-02-29") == (date(2024, 2, 29), date(2024, 2, 29))
    assert day_range("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert day_range("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert day_range("2024-03-05T10:00:00Z") == (date(2024, 3, 5), date(2024, 3, 5))
    assert day_range("2023-02-30") is None
    assert day_range("last week") is None and day_range(None) is None


def test_no_documents_no_stories() -> None:
    assert group_stories([], {}) == []


def test_stories_from_actors_found_in_the_text() -> None:
    from newsgraph.actors import find_mentions, resolve_corpus
    from newsgraph.nlp import parse

    docs = _docs(["w1", "c1", "w2", "c2", "w3", "c3"], dated=False)
    local, mentions = {}, {}
    for doc in docs:
        mentions[doc.id], local[doc.id] = find_mentions(doc, parse(doc.text))
    corpus_actors, mapping = resolve_corpus(local, mentions)
    doc_actors = {d.id: set(mapping.get(d.id, {}).values()) for d in docs}
    stories = group_stories(docs, doc_actors, {a.id: a.name for a in corpus_actors})
    assert _by_docs(stories) == [["c1", "c2", "c3"], ["w1", "w2", "w3"]]


def test_new_documents_join_the_stories_they_continue() -> None:
    """Grouping again with the earlier stories: ids and labels stay, new documents attach or start a story."""
    first = group_stories(_docs(["w1", "w2", "c1"]), ACTORS)
    water = next(s for s in first if "w1" in s.docs)
    coast = next(s for s in first if "c1" in s.docs)
    again = group_stories(_docs(["w1", "w2", "c1", "w3", "c2", "b"]), ACTORS, previous=first)
    by_id = {s.id: s for s in again}
    assert by_id[water.id].docs == ["w1", "w2", "w3"]
    assert by_id[coast.id].docs == ["c1", "c2"]
    (border,) = [s for s in again if s.id not in {water.id, coast.id}]
    assert border.docs == ["b"] and border.id == "story-3"
    unchanged = group_stories(_docs(["w1", "w2", "c1"]), ACTORS, previous=first)
    assert unchanged == first


def test_earlier_stories_are_never_split() -> None:
    """A story kept from before stays whole even if today's measures would not join its documents."""
    earlier = [Story("story-7", "an earlier grouping", ["c1", "w1"])]
    again = group_stories(_docs(["w1", "c1", "w2"]), ACTORS, previous=earlier)
    assert _by_docs(again) == [["c1", "w1", "w2"]]
    assert again[0].id == "story-7" and again[0].label != "an earlier grouping"


def test_features_survive_the_store_round_trip() -> None:
    found = doc_features("Water deal", WATER_1)
    assert DocFeatures.from_bytes(found.to_bytes()) == found
    assert list(found.terms)[:3] == ["water", "deal", "uzbekistan"]  # the order words first occur in is kept
    assert found.proper["dushanbe"] == (1, 1) and "joint commission" in found.nominal


def test_stored_features_group_alike_and_spare_later_runs_the_texts(tmp_path) -> None:
    """Features kept in a store give the same stories; a later run reads them, not the texts."""
    ids = ["w1", "c1", "w2", "c2", "w3", "c3", "b", "f"]
    store = Store(str(tmp_path / "graph.db"))
    features = StoredFeatures(store)
    assert group_stories(_docs(ids), ACTORS, features=features) == group_stories(_docs(ids), ACTORS)
    assert len(store.story_features(FEATURES_VERSION, ids)) == len(ids) and not features.pending
    textless = [Document(id=d.id, source=d.source, text="", published=d.published) for d in _docs(ids)]
    assert _by_docs(group_stories(textless, ACTORS, features=StoredFeatures(store))) == _by_docs(
        group_stories(_docs(ids), ACTORS))
    assert _by_docs(group_stories(textless, ACTORS)) != _by_docs(group_stories(_docs(ids), ACTORS))
    store.close()


def _letters(n: int) -> str:
    """A made-up word per number, so that neighbouring documents share a rare word and chain together."""
    return "zq" + "".join("abcdefghijklmnopqrstuvwxyz"[int(c)] for c in f"{n:04d}")


def _long_story() -> tuple[list[Document], dict[str, set[str]]]:
    """One story of LABEL_UNITS early reports naming two states, then more later reports that also name two
    other actors. The later ones sort first by id, so only their dates put them after the early ones."""
    docs, actors = [], {}
    late = LABEL_UNITS + LABEL_UNITS // 2
    for k in range(LABEL_UNITS + late):
        early = k < LABEL_UNITS
        doc_id = f"z{k:04d}" if early else f"a{k:04d}"
        day = date(2024, 3, 1).toordinal() + k // 20
        text = f"{COAST_1} The crews named {_letters(k)} and {_letters(k + 1)}."
        docs.append(Document(id=doc_id, source=f"{doc_id}.txt", text=text, published=date.fromordinal(day).isoformat()))
        actors[doc_id] = {"japan", "philippines"} | (set() if early else {"china", "fumio-kishida"})
    return docs, actors


def test_a_story_larger_than_the_label_cap_is_labelled_from_its_earliest_units(monkeypatch) -> None:
    """Most reports of the story name China, but its LABEL_UNITS earliest do not: the label follows those."""
    docs, actors = _long_story()
    names = {"japan": "Japan", "philippines": "Philippines", "china": "China", "fumio-kishida": "Fumio Kishida"}
    (story,) = group_stories(docs, actors, names)
    assert len(story.docs) > LABEL_UNITS
    head, _, phrase = story.label.partition(": ")
    assert set(head.split(", ")) == {"Japan", "Philippines"} and phrase
    for seed in range(2):
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        assert group_stories(shuffled, actors, names) == [story]
    monkeypatch.setattr(stories, "LABEL_UNITS", len(docs))  # read from every unit, the label names China too
    (whole,) = group_stories(docs, actors, names)
    assert whole.docs == story.docs and "China" in whole.label.partition(": ")[0].split(", ")


def test_key_counts_merged_in_batches_count_like_a_counter() -> None:
    """Word-pair frequencies are kept as sorted arrays merged batch by batch; they must count exactly."""
    from collections import Counter

    from newsgraph.stories import _KeyCounts

    rng = random.Random(7)
    added = [rng.choice([rng.randrange(50), rng.randrange(1 << 40)]) for _ in range(5000)]
    counts = _KeyCounts(batch=97)  # many merges, each adding new keys and counting known ones
    for start in range(0, len(added), 13):
        counts.add(added[start:start + 13])
    counts.merge()
    expected = Counter(added)
    asked = sorted(expected) + [-1, 1 << 41, 51]
    assert counts.count(asked) == [expected.get(k, 0) for k in asked]
    assert list(counts.keys) == sorted(expected)
    assert _KeyCounts().count([3]) == [0]
