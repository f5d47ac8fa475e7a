"""The scorer, on a small gold file and graph written here, with the expected numbers worked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsgraph.evaluate import format_table, load_gold, match_actors, match_documents, quote_overlap, score
from newsgraph.model import Actor, Document, to_record

GOLD_YAML = """
corpus: tiny
documents:
  - {doc: "000", outlet: Daily Planet, author: Lois Lane, title: null, published: "2022-09", language: en,
     translated_from: null, duplicate_of: null, boilerplate: ["Advertisement", "Share this"],
     body_starts: "First body", body_ends: "last words."}
  - {doc: "001", outlet: Daily Planet, author: Lois Lane, title: null, published: "2022-09", language: en,
     translated_from: null, duplicate_of: "000", boilerplate: [],
     body_starts: "First body", body_ends: "Second body line."}
  - {doc: "002", outlet: Byline, author: null, title: null, published: "2024-07", language: en,
     translated_from: null, duplicate_of: null, boilerplate: ["Subscribe now"],
     body_starts: "Only line", body_ends: "of 002."}
actors:
  - {id: xi-jinping, name: Xi Jinping, type: person, aliases: ["Xi", "President Xi"], docs: ["000", "001"]}
  - {id: kazakhstan, name: Kazakhstan, type: country, aliases: ["Kazakh authorities"], docs: ["000"]}
  - {id: sco, name: Shanghai Cooperation Organisation, type: organization, aliases: ["SCO"],
     docs: ["000", "002"]}
  - {id: kassym-jomart-tokayev, name: Kassym-Jomart Tokayev, type: person,
     aliases: ["Tokayev", "Kazakhstan’s President"], docs: ["002"]}
quotes:
  - {doc: "000", speaker: xi-jinping, kind: direct, starts: "China will continue our strong support", cue: said}
  - {doc: "000", speaker: null, kind: direct, starts: "all eyes will be on", cue: null}
  - {doc: "002", speaker: kassym-jomart-tokayev, kind: indirect, starts: "we will not recognise", cue: said}
relations:
  - {doc: "000", source: kazakhstan, type: MEMBER_OF, target: sco, evidence: "x"}
  - {doc: "002", source: kassym-jomart-tokayev, type: LEADS, target: kazakhstan, evidence: "x"}
events:
  - {doc: "000", source: xi-jinping, type: CONSULT, target: kazakhstan, when: "2022-09", evidence: "x"}
claims:
  - {doc: "000", subject: trade, value: 41000000000, unit: USD, period: "2023", evidence: "x"}
  - {doc: "000", subject: riots, value: "2022-01", unit: date, period: "2022-01", evidence: "x"}
  - {doc: "002", subject: summit, value: "3-4 June", unit: date, period: "2024", evidence: "x"}
  - {doc: "002", subject: visit, value: 2013, unit: year, period: "2013", evidence: "x"}
conflicts:
  - topic: dates of the SCO summit
    statements: [{doc: "002", says: "3-4 June"}, {doc: "002", says: "July 2"}]
  - topic: name of the CSTO
    statements: [{doc: "000", says: "a"}, {doc: "002", says: "b"}]
"""

FILES = {
    "000_aaa.txt": "Advertisement\nTitle line\nFirst body line here.\nShare this\n\nSecond body line.\n"
                   "Last body line ends with last words.\nFooter\n",
    "001_bbb.txt": "First body line here.\nSecond body line.\n",
    "002_ccc.txt": "Subscribe now\nOnly line of 002.\n",
}


def _actor(actor_id: str, name: str, docs: list[str], aliases: list[str] | None = None) -> dict:
    return to_record(Actor(actor_id, name, "person", aliases=aliases or [], docs=docs))


def _records() -> list[dict]:
    docs = [
        Document("000_aaa", "000_aaa.txt", "First body line here.\n\nSecond body line.", outlet="daily planet",
                 published="2022-09-14", language="en", removed_lines=["Advertisement", "  Share   this "]),
        Document("001_bbb", "001_bbb.txt", "First body line here.\nSecond body line.", outlet="Daily Planet",
                 author="Lois Lane", published="2022-09", language="en", duplicate_of="000_aaa"),
        Document("002_ccc", "002_ccc.txt", "Only line of 002.", outlet="Byline", published="2024",
                 language="en", duplicate_of="000_aaa"),
        Document("999_zzz", "999_zzz.txt", "Not in the gold."),
    ]
    out = [to_record(d) for d in docs]
    out += [
        _actor("xi", "Xi", ["000_aaa", "001_bbb"]),
        _actor("kz", "The Kazakh authorities", ["000_aaa"]),
        _actor("shanghai", "Shanghai", ["000_aaa"]),
        _actor("tok", "K. Tokayev", ["002_ccc"], aliases=["Kazakhstan's president"]),
        _actor("extra", "SCO", ["999_zzz"]),
    ]

    def fact(kind: str, doc: str, **fields) -> dict:
        return {"record": kind, "doc": doc, **fields}

    out += [
        fact("quote", "000_aaa", speaker="xi", text="“China will continue our strong support of Kazakhstan”"),
        fact("quote", "000_aaa", speaker="kz", text="eyes will be on"),
        fact("quote", "002_ccc", speaker="tok", text="the economy is growing"),
        fact("relation", "000_aaa", source="kz", type="MEMBER_OF", target="shanghai"),
        fact("relation", "000_aaa", source="kz", type="MEMBER_OF", target="sco"),
        fact("relation", "002_ccc", source="tok", type="LEADS", target="kazakhstan"),
        fact("event", "000_aaa", source="xi", type="CONSULT", target="kz", when=None),
        fact("event", "000_aaa", source="xi", type="ASSAULT", target="kz", when="2022-09"),
        fact("claim", "000_aaa", value=41.3e9, unit="USD"),
        fact("claim", "000_aaa", value="2022-01-15", unit="date"),
        fact("claim", "002_ccc", value="2024-06-03/2024-06-04", unit="date"),
        fact("claim", "002_ccc", value="2012", unit="year"),
        {"record": "conflict", "topic": "date of summit", "statements": [{"doc": "002_ccc", "says": "x"}]},
        {"record": "conflict", "topic": "CSTO membership", "statements": [{"doc": "000_aaa", "says": "y"}]},
    ]
    return out


@pytest.fixture()
def gold(tmp_path: Path) -> dict:
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD_YAML, encoding="utf-8")
    return load_gold(path)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_documents_match_by_unique_prefix() -> None:
    assert match_documents(["000", "001"], ["000_aaa", "001_bbb", "999"]) == {"000_aaa": "000", "001_bbb": "001"}
    assert match_documents(["00"], ["000_aaa", "001_bbb"]) == {}  # not unique
    assert match_documents(["00"], ["00", "001_bbb"]) == {"00": "00"}  # equal wins


def test_actor_match_prefers_the_name_then_aliases() -> None:
    gold = [{"id": "kazakhstan", "name": "Kazakhstan", "aliases": ["Astana"]},
            {"id": "astana", "name": "Astana", "aliases": []}]
    out = [{"id": "a", "name": "the Astana", "aliases": ["Kazakhstan"]},
           {"id": "b", "name": "Nur-Sultan", "aliases": ["Kazakhstan"]},
           {"id": "c", "name": "Almaty", "aliases": []}]
    assert match_actors(out, gold) == {"a": "astana", "b": "kazakhstan"}


def test_quote_overlap_grades() -> None:
    assert quote_overlap("all eyes will be on", "The template: “all eyes will be on” them") == 2
    assert quote_overlap("Russia would always protect ethnic Russians", "always protect ethnic Russians") == 1
    assert quote_overlap("Russia would always protect ethnic Russians", "he protected nobody at all today") == 0


def test_scores_worked_by_hand(gold: dict, corpus: Path) -> None:
    s = score(_records(), gold, corpus_dir=corpus)
    # actors: output pairs (000,xi) (001,xi) (000,kaz) (000,?shanghai) (002,tokayev); gold has 6 pairs
    assert (s["actors"]["tp"], s["actors"]["output"], s["actors"]["gold"]) == (4, 5, 6)
    assert (s["actors"]["precision"], s["actors"]["recall"], s["actors"]["f1"]) == (0.8, 0.667, 0.727)
    # quotes: 2 of 3 gold found, 2 of 3 output matched, speaker right for 1 of the 2 found
    assert (s["quotes"]["recall"], s["quotes"]["precision"], s["quotes"]["speaker_accuracy"]) == (0.667, 0.667, 0.5)
    # relations: 2 of 3 output right (a target that maps to no gold actor misses), both gold found
    assert (s["relations"]["precision"], s["relations"]["recall"], s["relations"]["f1"]) == (0.667, 1.0, 0.8)
    # events: `when` ignored; the ASSAULT is wrong
    assert (s["events"]["precision"], s["events"]["recall"], s["events"]["f1"]) == (0.5, 1.0, 0.667)
    assert (s["duplicates"]["precision"], s["duplicates"]["recall"]) == (0.5, 1.0)
    # boilerplate: 2 of 3 gold lines removed; body lines kept: 2/3 + 2/2 + 1/1 = 5/6
    b = s["boilerplate"]
    assert (b["removed"], b["removed_count"], b["gold_lines"]) == (0.667, 2, 3)
    assert (b["body_kept"], b["body_kept_count"], b["body_lines"]) == (0.833, 5, 6)
    # claims: 41.3e9 within 1% of 41e9, 2022-01-15 starts with 2022-01, '3-4 June' read in 2024; 2012 wrong
    assert (s["claims"]["found"], s["claims"]["gold"], s["claims"]["recall"]) == (3, 4, 0.75)
    assert (s["conflicts"]["hit"], s["conflicts"]["gold"], s["conflicts"]["output"]) == (1, 2, 2)
    fields = s["documents"]["fields"]
    assert (fields["outlet"], fields["author"], fields["published"]) == (1.0, 0.667, 0.667)


def test_boilerplate_without_corpus_uses_removed_lines_only(gold: dict) -> None:
    b = score(_records(), gold)["boilerplate"]
    assert b["removed"] == 0.667
    assert b["body_kept"] is None


def test_empty_output_scores_zero(gold: dict) -> None:
    s = score([], gold)
    assert (s["actors"]["precision"], s["actors"]["recall"]) == (0.0, 0.0)
    assert s["claims"]["found"] == 0
    assert s["documents"]["matched"] == 0


def test_table_lists_every_category(gold: dict, corpus: Path) -> None:
    table = format_table(score(_records(), gold, corpus_dir=corpus))
    for name in ("actors", "quotes", "relations", "events", "duplicates", "boilerplate", "claims", "conflicts"):
        assert any(line.startswith(name) for line in table.splitlines()), name
    assert "0.727" in table and "5/6" in table and "found 3/4" in table


def test_load_gold_keeps_ids_as_strings(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(yaml.safe_dump({"documents": [{"doc": "000"}]}), encoding="utf-8")
    gold = load_gold(path)
    assert gold["documents"][0]["doc"] == "000"
    assert gold["actors"] == []
