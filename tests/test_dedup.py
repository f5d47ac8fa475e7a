"""Deduplicate: exact, near and cut-short copies on texts written here, and the seed pair."""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path

import pytest

from newsgraph.dedup import (
    NUM_PERM,
    CopyIndex,
    DuplicateLink,
    apply_links,
    find_duplicates,
    normalise,
    shingles,
    signature,
)
from newsgraph.model import Document, InputError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"

WATER = "\n\n".join([
    (
        "Uzbekistan and Tajikistan signed a water-sharing agreement on Tuesday that ends a decade of quarrels"
        " over the Vakhsh river."
    ),
    (
        "The deal, reached after two days of talks in Dushanbe, sets out how much water each country may draw"
        " from the river during the summer growing season, when cotton fields downstream need it most."
    ),
    (
        '"This is a good day for farmers on both sides of the border," the Tajik energy minister told '
        "reporters after the signing ceremony. He said the reservoir behind the new dam would be filled more "
        "slowly than first planned."
    ),
    (
        "Uzbek officials had long feared that the dam would leave their irrigation canals dry in July and "
        "August. Under the agreement, a joint commission will publish daily readings of the river's flow and "
        "meet every spring to set the release schedule."
    ),
    (
        "Analysts in Tashkent welcomed the text but warned that it leaves open what happens in a year of "
        'drought. "The formula works when the snow melts on time," said one hydrologist at a university in '
        'the capital. "Nobody has tested it in a dry year."'
    ),
    (
        "The World Bank, which helped pay for the feasibility studies, said it would fund gauging stations "
        "along the river. A spokesman said the first twelve stations should be working before the end of next"
        " year."
    ),
    (
        "Relations between the two neighbours have improved steadily since 2016, when border crossings closed"
        " for years were reopened and direct flights between the capitals resumed."
    ),
    (
        "Trade between them grew by a fifth last year, according to figures from the Uzbek statistics agency,"
        " led by sales of building materials, fruit and electricity."
    ),
    (
        "The agreement must still be ratified by both parliaments, which officials expect to happen before "
        "the autumn sowing begins."
    ),
])

BIKES = "\n\n".join([
    (
        "The city council voted late on Wednesday to build forty kilometres of protected bicycle lanes over "
        "the next three years, after a debate that ran past midnight."
    ),
    (
        "Supporters said the lanes would cut traffic deaths and make the centre quieter. Shop owners on the "
        "main avenue argued that removing parking spaces would drive customers to the malls on the edge of "
        "town."
    ),
    (
        "The plan passed by nineteen votes to twelve. The mayor, who had campaigned on safer streets, called "
        "it a turning point for a city where cars have ruled the roads for half a century."
    ),
    (
        "Work on the first section, along the river embankment, is due to begin in March. The council will "
        "review the scheme after the first year and publish counts of cyclists at twenty points across the "
        "city."
    ),
    (
        "A group of residents has already said it will challenge the decision in court, arguing that the "
        "council did not consult the districts most affected by the loss of parking."
    ),
])

# The same event as WATER, told independently: same names and topic, different wording.
WATER_OTHER = "\n\n".join([
    (
        "Tajikistan and Uzbekistan have settled their long dispute over the Vakhsh river with an accord "
        "signed in the Tajik capital on Tuesday."
    ),
    (
        "Under the accord the two governments agree on summer quotas for river water, a matter that has "
        "soured relations since work on a large dam began upstream."
    ),
    (
        "A commission made up of engineers from both countries will monitor the flow and decide each year how"
        " fast the reservoir may be filled."
    ),
    (
        "The Tajik energy minister said farmers would benefit on both banks. Uzbek experts said the real test"
        " would come in a drought year, which the accord does not address in detail."
    ),
    (
        "The World Bank will pay for a network of river gauges, and both parliaments still have to approve "
        "the accord."
    ),
])


def _doc(doc_id: str, text: str, removed: list[str] | None = None) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", text=text, removed_lines=removed or [])


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _cut_short(text: str, share: float) -> str:
    """The first `share` of the words, paragraphs run together the way a feed reformats them."""
    budget = round(share * len(text.split()))
    kept = []
    for para in _paragraphs(text):
        words = para.split()[:budget]
        if not words:
            break
        kept.append(" ".join(words))
        budget -= len(words)
    return "\n".join(kept)


def test_normalise_folds_layout_case_quotes_and_punctuation() -> None:
    assert normalise("“Hello,”  she said –\n\n• It’s HERE.") == normalise('"hello" She said - it\'s here')


def test_exact_copy_with_other_layout_is_exact() -> None:
    relaid = WATER.replace("\n\n", "\n").replace('"', "\u201c", 1).upper()
    links = find_duplicates([_doc("a", WATER), _doc("b", relaid), _doc("c", BIKES)])
    assert links == [DuplicateLink("b", "a", "exact", 1.0)]


def test_near_copy_with_light_rewording_is_near() -> None:
    reworded = (WATER.replace("on Tuesday", "on 14 March")
                .replace("two days of talks", "two days of negotiations")
                .replace("told reporters", "told journalists")
                .replace("grew by a fifth", "rose by a fifth"))
    links = find_duplicates([_doc("a", WATER), _doc("b", reworded), _doc("c", BIKES)])
    assert len(links) == 1
    link = links[0]
    assert (link.doc, link.canonical, link.kind) in {("b", "a", "near"), ("a", "b", "near")}
    assert 0.8 <= link.score < 1.0


def test_cut_short_copy_keeping_a_third_is_contained() -> None:
    short = "Asia | Water deal on the Vakhsh\n" + _cut_short(WATER, 1 / 3).replace("\n\n", "\n")
    assert len(short.split()) < 0.45 * len(WATER.split())
    links = find_duplicates([_doc("a", short), _doc("b", WATER), _doc("c", BIKES)])
    assert len(links) == 1
    link = links[0]
    assert (link.doc, link.canonical, link.kind) == ("a", "b", "contained")
    assert link.score >= 0.8


def test_unrelated_and_independently_written_texts_are_not_linked() -> None:
    assert find_duplicates([_doc("a", WATER), _doc("b", BIKES), _doc("c", WATER_OTHER)]) == []


def test_short_quotation_inside_an_article_is_not_a_copy() -> None:
    quote = "This is a good day for farmers on both sides of the border"
    assert find_duplicates([_doc("a", WATER), _doc("b", quote)]) == []


def test_documents_without_words_are_never_linked() -> None:
    assert find_duplicates([_doc("a", ""), _doc("b", " \n "), _doc("c", WATER)]) == []


def test_fuller_copy_is_canonical_whatever_the_ids() -> None:
    short = _cut_short(WATER, 0.5)
    links = find_duplicates([_doc("a", short), _doc("z", WATER)])
    assert [(link.doc, link.canonical) for link in links] == [("a", "z")]


def test_cleaner_copy_wins_between_equally_full_copies() -> None:
    furniture = ["Advertisement", "Share this article"]
    links = find_duplicates([_doc("a", WATER, furniture), _doc("b", WATER)])
    assert [(link.doc, link.canonical, link.kind) for link in links] == [("a", "b", "exact")]


def test_group_resolves_to_one_canonical() -> None:
    near = WATER.replace("on Tuesday", "on Monday").replace("told reporters", "told journalists")
    cut = _cut_short(near, 0.4)
    excerpt_of_cut = _cut_short(near, 0.25)
    links = find_duplicates([
        _doc("n1", near), _doc("n2", cut), _doc("n3", excerpt_of_cut), _doc("n0", WATER + "\n\nEnds."),
    ])
    assert {link.canonical for link in links} == {"n0"}
    assert sorted(link.doc for link in links) == ["n1", "n2", "n3"]
    kinds = {link.doc: link.kind for link in links}
    assert kinds["n1"] == "near" and kinds["n2"] == "contained" and kinds["n3"] == "contained"


def test_excerpt_quoted_in_two_articles_does_not_join_them() -> None:
    excerpt = _paragraphs(WATER)[3] + "\n\n" + _paragraphs(WATER)[4]
    article_1 = BIKES + "\n\n" + excerpt
    article_2 = WATER_OTHER + "\n\n" + excerpt + "\n\n" + _paragraphs(BIKES)[1]
    links = find_duplicates([_doc("e", excerpt), _doc("x", article_1), _doc("y", article_2)])
    assert len(links) == 1 and links[0].doc == "e" and links[0].kind == "contained"
    assert links[0].canonical in {"x", "y"}


def test_output_is_deterministic_and_sorted() -> None:
    docs = [
        _doc("d1", WATER), _doc("d2", WATER.lower()), _doc("d3", _cut_short(WATER, 0.3)),
        _doc("d4", BIKES), _doc("d5", _cut_short(BIKES, 0.6)), _doc("d6", WATER_OTHER),
    ]
    first = find_duplicates(docs)
    for seed in range(5):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert find_duplicates(shuffled) == first
    assert first == sorted(first, key=lambda link: (link.canonical, link.doc))
    assert {(link.doc, link.canonical) for link in first} == {("d2", "d1"), ("d3", "d1"), ("d5", "d4")}


def test_stored_signatures_give_the_same_links() -> None:
    docs = [_doc("a", _cut_short(WATER, 0.4)), _doc("b", WATER), _doc("c", BIKES)]
    sigs = {d.id: signature(d.text) for d in docs}
    assert all(len(s) == NUM_PERM and all(isinstance(v, int) for v in s) for s in sigs.values())
    assert sigs["a"] == signature(docs[0].text)
    assert find_duplicates(docs, signatures=sigs) == find_duplicates(docs)


def test_repeated_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        find_duplicates([_doc("a", WATER), _doc("a", BIKES)])


def test_apply_links_sets_and_resets_fields() -> None:
    docs = [_doc("a", _cut_short(WATER, 0.4)), _doc("b", WATER), _doc("c", BIKES)]
    docs[2].duplicate_of, docs[2].duplicate_kind, docs[2].duplicate_score = "b", "near", 0.9
    apply_links(docs, find_duplicates(docs))
    assert (docs[0].duplicate_of, docs[0].duplicate_kind) == ("b", "contained")
    assert docs[0].duplicate_score is not None and docs[0].duplicate_score >= 0.8
    assert (docs[1].duplicate_of, docs[2].duplicate_of, docs[2].duplicate_kind) == (None, None, None)


def _stand_in_clean(path: Path) -> Document:
    """Until the Clean stage exists: drop repeated lines and short lines without sentence punctuation."""
    lines = path.read_text(encoding="utf-8").splitlines()
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.strip()] = seen.get(line.strip(), 0) + 1
    body, removed = [], []
    for line in lines:
        text = line.strip()
        short = len(text.split()) < 4 and not re.search(r"[.!?\u201d\"]$", text)
        furniture = text and (seen[text] > 1 or short)
        (removed if furniture else body).append(line)
    return Document(id=path.name.split("_")[0], source=str(path), text="\n".join(body), removed_lines=removed)


def _clean_seeds() -> list[Document]:
    paths = sorted(SEEDS.glob("*.txt"))
    if importlib.util.find_spec("newsgraph.clean") and importlib.util.find_spec("newsgraph.read"):
        from newsgraph.clean import clean_corpus
        from newsgraph.read import read_paths

        raws = [item for item in read_paths([str(p) for p in paths]) if not isinstance(item, InputError)]
        return list(clean_corpus(raws))
    return [_stand_in_clean(p) for p in paths]


def test_seed_cut_short_column_is_contained_in_the_full_one() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    docs = _clean_seeds()
    assert len(docs) == 5
    by_prefix = {Path(d.source).name.split("_")[0]: d.id for d in docs}
    links = find_duplicates(docs)
    assert [(link.doc, link.canonical, link.kind) for link in links] == [
        (by_prefix["001"], by_prefix["000"], "contained")]
    assert links[0].score >= 0.8


def test_index_fed_in_batches_gives_the_links_of_one_pass() -> None:
    """Documents arriving later are compared with those indexed before; the links equal a single pass."""
    short = _cut_short(WATER, 1 / 3)
    docs = [_doc("a", short), _doc("b", BIKES), _doc("c", WATER), _doc("d", WATER_OTHER),
            _doc("e", WATER.replace("\n\n", "\n"))]
    index = CopyIndex()
    first = index.add(docs[:2])
    assert first == []  # a cut-short copy alone and an unrelated text: nothing yet
    later = index.add(docs[2:])
    assert {(p.a, p.b, p.kind) for p in later} == {("a", "c", "contained"), ("c", "e", "near"),
                                                   ("a", "e", "contained")}
    assert index.links() == find_duplicates(docs)


def test_stored_sketches_stand_in_for_the_text() -> None:
    """An index loaded from sketches and pairs finds a new copy, reading the old text only to confirm it."""
    old = [_doc("a", WATER), _doc("b", BIKES)]
    first = CopyIndex()
    first.add(old)
    texts = {d.id: d.text for d in old}
    asked: list[str] = []

    def shingles_of(doc_id: str):  # noqa: ANN202
        asked.append(doc_id)
        return shingles(texts[doc_id])

    second = CopyIndex(shingles_of=shingles_of)
    second.load(first.sketches.values(), first.pairs)
    second.add([_doc("c", _cut_short(WATER, 0.5))])
    assert second.links() == [DuplicateLink("c", "a", "contained", 1.0)]
    assert asked == ["a"]  # only the candidate's text was read


def test_flat_index_finds_what_the_memory_index_finds(tmp_path: Path) -> None:
    """Postings in an SQLite file give the pairs and links of the in-memory index, fed in the same batches,
    including a stock phrase held by more than COMMON_SAMPLE documents and sketches loaded from before."""
    from newsgraph import dedup

    stock = " ".join(f"word{i}" for i in range(40))  # shared by every filler text: its samples become common
    rng = random.Random(3)
    fillers = [" ".join(rng.choice(WATER_OTHER.split()) for _ in range(120)) + " " + stock
               for _ in range(dedup.COMMON_SAMPLE + 20)]
    docs = [_doc(f"f{n:03d}", text) for n, text in enumerate(fillers)]
    docs += [_doc("w1", WATER), _doc("w2", _cut_short(WATER, 0.4)), _doc("w3", WATER.replace("\n\n", "\n")),
             _doc("b1", BIKES), _doc("f000-copy", fillers[0])]
    texts = {d.id: d.text for d in docs}
    memory = CopyIndex()
    old, new = docs[:60], docs[60:]
    memory.add(old)
    flat = dedup.FlatCopyIndex(str(tmp_path / "copies.db"), shingles_of=lambda doc_id: shingles(texts[doc_id]))
    try:
        flat.load(memory.sketches[d.id] for d in old if d.id in memory.sketches)
        flat_pairs = list(memory.pairs)
        for start in range(0, len(new), 16):
            made, found = flat.add(new[start:start + 16])
            assert found == memory.add(new[start:start + 16])
            assert [sk.informative for sk in made] == [memory.sketches[sk.doc].informative for sk in made]
            flat_pairs += found
        assert flat.links(flat_pairs) == memory.links()
        assert {p.b for p in flat_pairs} >= {"w1", "w3", "f000-copy"}
    finally:
        flat.close()
