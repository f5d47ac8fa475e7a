"""PLOVER events read from the parse: triggers, sources and targets, flags, dates; and the seed corpus."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from newsgraph.actors import find_mentions
from newsgraph.events import (
    extract_events,
    extract_relations,
    filter_merged,
    lexicon,
    merge_reports,
    plover_type,
    timeline_lines,
)
from newsgraph.gazetteer import fold
from newsgraph.model import PLOVER_TYPES, Document, Event, Mention
from newsgraph.nlp import parse


def events(text: str, published: str | None = "2023-05-12", **options: bool) -> list[Event]:
    doc = Document("t", "test", text, published=published)
    parsed = parse(text)
    mentions, _ = find_mentions(doc, parsed)
    return extract_events(doc, parsed, mentions, **options)


def triples(text: str) -> set[tuple[str | None, str, str | None]]:
    return {(e.source, e.type, e.target) for e in events(text)}


def find(found: list[Event], source: str | None, kind: str, target: str | None) -> Event:
    hits = [e for e in found if (e.source, e.type, e.target) == (source, kind, target)]
    assert hits, f"no {source} {kind} {target} in {[(e.source, e.type, e.target) for e in found]}"
    return hits[0]


def test_the_lexicon_maps_only_to_plover_types_and_names_its_source():
    lex = lexicon()
    assert len(lex) > 150
    assert {t.type for t in lex.values()} <= {*PLOVER_TYPES, "-"}  # "-": a use that is no event
    assert lex[("V", "meet")].type == "CONSULT" and lex[("N", "sanction")].type == "SANCTION"
    header = (Path(__file__).resolve().parents[1] / "newsgraph" / "data" / "plover_verbs.tsv").read_text()
    assert "PLOVER" in header.splitlines()[1] and "CAMEO" in header


def test_meeting_with_titles_and_a_weekday():
    found = events("German Chancellor Olaf Scholz met with French President Emmanuel Macron in Paris on Tuesday.")
    event = find(found, "olaf-scholz", "CONSULT", "emmanuel-macron")
    assert event.when == "2023-05-09"
    assert not event.negated and not event.hypothetical


def test_passive_voice_takes_the_agent_as_source():
    event = find(events("Ukraine was attacked by Russia last month."), "russia", "ASSAULT", "ukraine")
    assert event.when == "2023-04"


def test_compound_subjects_meet_each_other():
    assert ("xi", "CONSULT", "putin") in triples("Xi and Putin met in Moscow on March 21.")
    assert ("kenya", "AGREE", "uganda") in triples("Kenya and Uganda signed a trade deal.")


def test_conjoined_targets_each_get_an_event():
    found = triples("Malian President Ousmane Keita will visit Niger and Chad.")
    assert ("ousmane-keita", "CONSULT", "niger") in found
    assert ("ousmane-keita", "CONSULT", "chad") in found


def test_nominal_triggers_take_possessor_and_demonym_sources():
    assert ("russia", "ASSAULT", "georgia") in triples("Moscow's invasion of Georgia shocked Europe.")
    assert ("west", "SANCTION", "russia") in triples("Western sanctions against Moscow have hurt Russian banks.")
    assert ("china", "SUPPORT", "north-korea") in triples("Beijing's support for Pyongyang is well known.")


def test_a_support_verb_lends_its_subject_and_a_comparison_adds_a_source():
    found = triples("Like Japan, South Korea has joined the sanctions against Russia.")
    assert ("south-korea", "SANCTION", "russia") in found
    assert ("japan", "SANCTION", "russia") in found


def test_a_demonym_object_is_the_state():
    assert ("lithuania", "SANCTION", "russia") in triples("Lithuania expelled three Russian diplomats.")


def test_light_verb_phrase_changes_the_type():
    found = triples("Japan has provided economic support to Ukraine.")
    assert ("japan", "AID", "ukraine") in found
    assert ("japan", "SUPPORT", "ukraine") not in found


def test_negation_flags_and_negated_types():
    signed = find(events("India did not sign the agreement with Pakistan."), "india", "AGREE", "pakistan")
    assert signed.negated
    rejected = find(events("Saudi Arabia has never recognised Israel."), "saudi-arabia", "REJECT", "israel")
    assert not rejected.negated
    refused = find(events("Brazil refused to recognise Kosovo."), "brazil", "REJECT", "kosovo")
    assert not refused.negated


def test_hypothetical_and_future_events_are_flagged():
    planned = find(events("Chinese Foreign Minister Wang Yi is set to visit Brazil next month."),
                   "wang-yi", "CONSULT", "brazil")
    assert planned.hypothetical and planned.when == "2023-06"
    assert find(events("The Turkish government will send aid to Syria."), "turkey", "AID", "syria").hypothetical
    assert find(events("If Serbia invades Kosovo, NATO would respond."), "serbia", "ASSAULT", "kosovo").hypothetical
    assert not find(events("Japan imposed sanctions on North Korea."), "japan", "SANCTION",
                    "north-korea").hypothetical


def test_pronoun_sources_resolve_to_the_antecedent():
    found = triples("Prime Minister Narendra Modi arrived in Tokyo on Monday. He later met with Japanese "
                    "officials.")
    assert ("narendra-modi", "CONSULT", "japan") in found


def test_accused_of_doing_makes_the_accused_the_doer():
    found = triples("Iran accused Israel of attacking its consulate.")
    assert ("iran", "ACCUSE", "israel") in found
    assert ("iran", "ASSAULT", None) not in found


def test_a_request_names_the_requester_and_the_one_asked():
    found = triples("Russian troops helped restore order in Armenia at the request of Prime Minister Nikol "
                    "Pashinyan.")
    assert ("russia", "AID", "armenia") in found
    assert ("nikol-pashinyan", "REQUEST", "russia") in found


def test_a_capital_as_destination_stands_for_the_state_but_not_as_venue():
    assert ("narendra-modi", "CONSULT", "united-states") in triples(
        "The visit by Indian Prime Minister Narendra Modi to Washington was postponed.")
    assert not any(t == "russia" for _, _, t in triples("Xi and Putin met in Moscow on March 21."))


def test_no_event_without_an_actor_and_no_self_loops():
    assert events("Thousands of people protested in the streets.") == []
    assert not any(e.source == e.target for e in events("Russia said the Russian army defended itself."))
    assert not any(e.source == e.target for e in events("The Pakistani military put its forces on alert."))


def test_two_parties_of_one_state_give_a_domestic_event():
    """Event coders code a state's forces acting on its own people state on state ('TUR -> TUR'): two
    mentions of one state in different places are two parties, where a pronoun back to it is the same one."""
    assert ("turkey", "COERCE", "turkey") in triples("Turkish police detained Turkish journalists.")
    assert ("russia", "ASSAULT", "russia") in triples("Russia's army attacked Russian positions.")


def test_require_both_keeps_only_events_between_two_actors():
    text = "Russia's war continues. Japan imposed sanctions on North Korea."
    assert any(e.target is None for e in events(text))
    assert all(e.source and e.target for e in events(text, require_both=True))


def test_evidence_span_points_into_the_text():
    text = "The talks failed. Kenya and Uganda signed a trade deal on Friday."
    event = find(events(text), "kenya", "AGREE", "uganda")
    assert text[event.start:event.end] == event.evidence
    assert "signed" in event.evidence


def test_the_lexicon_grows_by_category_from_the_cameo_table():
    lex = lexicon()
    counts = {kind: sum(t.type == kind for t in lex.values()) for kind in PLOVER_TYPES}
    assert min(counts.values()) >= 10, counts  # every PLOVER type has words for its CAMEO categories
    header = (Path(__file__).resolve().parents[1] / "newsgraph" / "data" / "plover_verbs.tsv").read_text()
    assert "CAMEO->PLOVER" in header and "[14 demonstrate" in header


def test_the_content_of_an_agreement_is_not_a_second_event():
    found = triples("Senior Polish and Lithuanian officials agreed on Wednesday that their countries should "
                    "cooperate.")
    assert ("poland", "AGREE", "lithuania") in found
    assert not any(kind == "COOPERATE" for _, kind, _ in found)


def test_a_demand_takes_its_target_from_the_clause_it_governs():
    assert triples("The United States demanded that China cancel the arms sale.") == {
        ("united-states", "REQUEST", "china")}


def test_saying_that_another_must_act_is_a_demand():
    assert triples("Chile said on Tuesday that Peru must return the aircraft.") == {
        ("chile", "REQUEST", "peru")}
    assert triples("Medvedev said that the two regions must be merged.") == set()  # nobody is asked


def test_readiness_to_act_is_an_expressed_intent():
    assert triples("Denmark is willing to send troops to Mali.") == {("denmark", "AGREE", "mali")}


def test_an_announced_cooperative_act_is_coded_as_intent_for_plover():
    planned = find(events("The Turkish government will send aid to Syria."), "turkey", "AID", "syria")
    assert planned.hypothetical and plover_type(planned) == "AGREE"
    done = find(events("Japan imposed sanctions on North Korea."), "japan", "SANCTION", "north-korea")
    assert plover_type(done) == "SANCTION"
    maybe = find(events("If Serbia invades Kosovo, NATO would respond."), "serbia", "ASSAULT", "kosovo")
    assert plover_type(maybe) is None  # an act that only may happen is no event for a coder
    threat = find(events("North Korea threatened to attack South Korea."), "north-korea", "THREATEN", "south-korea")
    assert plover_type(threat) == "THREATEN"


def test_people_in_the_street_protest_where_a_government_complains():
    # the government a state's people protest against is their own state's
    assert ("serbia", "PROTEST", "serbia") in triples("Thousands of Serbian students protested against the government.")
    assert ("russia", "ACCUSE", "estonia") in triples("Russia protested against the Estonian decision.")


def test_idioms_and_object_stand_ins():
    assert ("kenya", "COERCE", "somalia") in triples("Kenyan police took three Somali nationals into custody.")
    assert ("germany", "SUPPORT", "russia") in triples("Germany welcomed the Russian decision.")
    assert ("xi", "CONSULT", "putin") in triples("Xi welcomed Putin to Beijing.")


def test_a_reflexive_object_and_the_reason_for_a_punishment_are_no_targets_or_events():
    assert triples("Britain said that Libya had attacked themselves.") == {("libya", "ASSAULT", None)}
    assert triples("An Egyptian court has jailed a Ghanaian student for helping militants in Libya.") == {
        ("egypt", "COERCE", "ghana")}


def test_releasing_a_person_is_a_retreat_and_a_curfew_lifted_in_a_state_concerns_it():
    assert ("india", "RETREAT", "srinagar") in triples("India on Friday released the mayor of Srinagar.")
    assert ("ethiopia", "RETREAT", "tigray") in triples("Ethiopia lifted a night curfew in Tigray on Sunday.")


def test_a_reference_to_the_source_itself_is_no_target():
    found = triples("The Economic Community of West African States (ECOWAS) has agreed to set up a water research "
                    "center to develop its regional projections.")
    assert found == {("economic-community-of-west-african-states", "AGREE", None)}


def test_an_actor_named_in_an_earlier_sentence_is_the_source():
    found = events("Kenya's president arrived in Addis Ababa on Monday. He met Ethiopian Prime Minister Abiy Ahmed "
                   "on Tuesday.", published="2023-05-12")
    met = [e for e in found if e.type == "CONSULT" and e.target == "abiy-ahmed"]
    assert met and met[0].source and met[0].source.endswith("kenya") and met[0].when == "2023-05-09"


def test_dates_explicit_relative_and_the_article_date():
    assert find(events("Iran and Iraq signed a treaty on March 3, 2021."), "iran", "AGREE", "iraq").when == "2021-03-03"
    assert find(events("Chile expelled two Peruvian diplomats last week."), "chile", "SANCTION", "peru").when == \
        "2023-05"
    assert find(events("Chile expelled two Peruvian diplomats."), "chile", "SANCTION", "peru").when == "2023-05-12"


# ---------------------------------------------------------------------- merging reports across documents


def _event(doc: str, source: str | None, kind: str, target: str | None, when: str | None, start: int = 0,
           **flags: bool) -> Event:
    return Event(doc, source, kind, target, when, f"{source} {kind} {target}", start, start + 10, **flags)


def test_reports_of_one_event_merge_across_documents_and_date_precisions():
    merged = merge_reports([
        _event("a", "xi-jinping", "CONSULT", "vladimir-putin", "2022-09-15"),
        _event("b", "vladimir-putin", "CONSULT", "xi-jinping", "2022-09"),  # a meeting is joint: either order
        _event("c", "xi-jinping", "CONSULT", "vladimir-putin", "2022-09-16"),  # a day off: "yesterday" elsewhere
        _event("d", "xi-jinping", "CONSULT", "vladimir-putin", None),
    ])
    assert len(merged) == 1
    one = merged[0]
    assert (one.type, one.source, one.target, one.when) == ("CONSULT", "vladimir-putin", "xi-jinping", "2022-09-15")
    assert one.docs == ["a", "b", "c", "d"] and one.originals == 4
    assert one.id.startswith("ev-") and one.id == merge_reports(list(reversed([
        _event("a", "xi-jinping", "CONSULT", "vladimir-putin", "2022-09-15"),
        _event("b", "vladimir-putin", "CONSULT", "xi-jinping", "2022-09"),
        _event("c", "xi-jinping", "CONSULT", "vladimir-putin", "2022-09-16"),
        _event("d", "xi-jinping", "CONSULT", "vladimir-putin", None)])))[0].id  # stable whatever the order


def test_directed_acts_flags_and_distant_dates_stay_apart():
    merged = merge_reports([
        _event("a", "russia", "ASSAULT", "ukraine", "2022-02-24"),
        _event("b", "ukraine", "ASSAULT", "russia", "2022-02-24"),  # not joint: the other way is another event
        _event("c", "russia", "ASSAULT", "ukraine", "2022-03-10"),
        _event("d", "russia", "ASSAULT", "ukraine", "2022-02-24", hypothetical=True),
        _event("e", "russia", "ASSAULT", "ukraine", "2022-02-24", negated=True),
    ])
    assert len(merged) == 5
    assert [m.when for m in merged][-1] == "2022-03-10"  # ordered by date


def test_copies_of_one_article_add_reports_but_not_originals():
    merged = merge_reports([_event("wire", "china", "AID", "kazakhstan", "2022-01"),
                            _event("copy", "china", "AID", "kazakhstan", "2022-01"),
                            _event("wire", "china", "AID", "kazakhstan", "2022-01", start=50)],
                           duplicate_of={"copy": "wire"})
    assert len(merged) == 1 and len(merged[0].reports) == 3 and merged[0].originals == 1


def test_merging_real_reports_from_two_texts():
    texts = {"one": ("Chinese President Xi Jinping met Russian President Vladimir Putin in Samarkand on Thursday.",
                     "2022-09-16"),
             "two": ("Putin and Xi met on September 15 in Uzbekistan.", "2022-09-20")}
    found = []
    for doc_id, (text, published) in texts.items():
        doc = Document(doc_id, "test", text, published=published)
        parsed = parse(text)
        mentions, _ = find_mentions(doc, parsed)
        for e in extract_events(doc, parsed, mentions):  # document-local ids to corpus ids, as the store does
            e.source = "xi-jinping" if e.source and "xi" in e.source else "vladimir-putin" if e.source else None
            e.target = "xi-jinping" if e.target and "xi" in e.target else "vladimir-putin" if e.target else None
            found.append(e)
    merged = [m for m in merge_reports(found) if m.type == "CONSULT"]
    assert len(merged) == 1 and merged[0].docs == ["one", "two"] and merged[0].when == "2022-09-15"


def test_timeline_lines_name_actors_flags_and_reports():
    merged = merge_reports([_event("a", "japan", "SANCTION", "north-korea", "2023-05-01"),
                            _event("b", "japan", "SANCTION", "north-korea", "2023-05"),
                            _event("a", "iran", "THREATEN", None, None, hypothetical=True)])
    lines = timeline_lines(merged, {"japan": "Japan", "north-korea": "North Korea"})
    assert lines[0].startswith("2023-05-01  SANCTION  Japan -> North Korea  (2 reports, 2 articles)")
    assert lines[1].startswith("undated     THREATEN  iran [possible]  (1 report, 1 article)")
    assert filter_merged(merged, actor="north-korea") == merged[:1]
    assert filter_merged(merged, kind="threaten") == merged[1:]


# ---------------------------------------------------------------------- the seed corpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.yaml"


def _seed_outputs() -> tuple[dict, dict[str, dict[str, set[str]]], dict[str, list[tuple]], dict[str, list[tuple]]]:
    from newsgraph.clean import clean_corpus
    from newsgraph.read import read_paths

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    published = {d["doc"]: d["published"] for d in gold["documents"]}
    texts: dict[str, dict[str, set[str]]] = {}
    rels: dict[str, list[tuple]] = {}
    evs: dict[str, list[tuple]] = {}
    raws = [r for r in read_paths(sorted(SEEDS.glob("*.txt"))) if not hasattr(r, "reason")]
    for doc in clean_corpus(raws):
        key = next(k for k in published if doc.id.startswith(k))
        doc.published = doc.published or published[key]
        parsed = parse(doc.text)
        mentions, _ = find_mentions(doc, parsed)
        texts[key] = _surface_forms(mentions)
        rels[key] = [(r.source, r.type, r.target) for r in extract_relations(doc, parsed, mentions)]
        evs[key] = [(e.source, e.type, e.target) for e in extract_events(doc, parsed, mentions, require_both=True)
                    if not e.negated]
    return gold, texts, rels, evs


def _surface_forms(mentions: list[Mention]) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        forms[m.actor].add(fold(m.text))
    return forms


def _f1(gold: dict, kind: str, outputs: dict[str, list[tuple]], texts: dict[str, dict[str, set[str]]]) -> float:
    names = {a["id"]: {fold(x) for x in [a["name"], *a.get("aliases", [])]} for a in gold["actors"]}

    def same(gold_id: str, out_id: str | None, doc: str) -> bool:
        return out_id is not None and (out_id == gold_id or bool(texts[doc].get(out_id, set()) & names[gold_id]))

    golds = [g for g in gold[kind] if g["doc"] in outputs]
    correct = found = 0
    hit: set[int] = set()
    for doc, outs in outputs.items():
        for source, rel, target in set(outs):
            matches = [i for i, g in enumerate(golds) if g["doc"] == doc and g["type"] == rel
                       and same(g["source"], source, doc) and same(g["target"], target, doc)]
            correct += bool(matches)
            hit |= set(matches)
        found += len(set(outs))
    precision = correct / found if found else 0.0
    recall = len(hit) / len(golds) if golds else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@pytest.fixture(scope="module")
def seed_outputs():
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent); skipping seed checks")
    return _seed_outputs()


def test_seed_relations_reach_their_floor(seed_outputs):
    gold, texts, rels, _ = seed_outputs
    assert _f1(gold, "relations", rels, texts) >= 0.75


def test_seed_events_reach_their_floor(seed_outputs):
    gold, texts, _, evs = seed_outputs
    assert _f1(gold, "events", evs, texts) >= 0.62


def test_if_not_before_a_comparison_is_a_hedge_not_a_condition() -> None:
    from newsgraph.events import _is_hypothetical
    from newsgraph.nlp import parse

    hedged = parse("Like Peru, Chile has followed American sanctions against Cuba, if not even more strictly.")
    assert not _is_hypothetical(next(t for t in hedged if t.lemma_ == "follow"))
    conditional = parse("Chile will follow the sanctions if Peru does not object.")
    assert _is_hypothetical(next(t for t in conditional if t.lemma_ == "follow"))


# ---------------------------------------------------------------------- categories, structure by structure
# One sentence per category and structure (active, passive, nominal, a state's forces or people named by a
# demonym), written for these tests; the triple is (source, type as a PLOVER coder gives it, target).
CATEGORY_CASES = [
    # ASSAULT (CAMEO 18-20)
    ("Syrian artillery shelled Turkish villages near the border.", ("syria", "ASSAULT", "turkey")),
    ("Lebanon was bombed by Israeli warplanes on Sunday.", ("israel", "ASSAULT", "lebanon")),
    ("Israel's bombing of Gaza continued for a third day.", ("israel", "ASSAULT", "gaza")),
    ("Fighting broke out between Armenian and Azerbaijani forces.", ("armenia", "ASSAULT", "azerbaijan")),
    ("Ethiopian troops clashed with Eritrean soldiers along the frontier.", ("ethiopia", "ASSAULT", "eritrea")),
    ("Israeli warplanes struck Beirut.", ("israel", "ASSAULT", "lebanon")),
    ("The Chinese coast guard rammed a Vietnamese fishing boat.", ("china", "ASSAULT", "vietnam")),
    ("There were 12 Chadian soldiers killed in Niger today.", ("niger", "ASSAULT", "chad")),  # doer unnamed: the place
    # MOBILIZE (15)
    ("China mobilized troops along the Indian border.", ("china", "MOBILIZE", "india")),
    ("Russia massed troops near Ukraine's border.", ("russia", "MOBILIZE", "ukraine")),
    ("Indian troops were deployed along the Chinese border.", ("india", "MOBILIZE", "china")),
    ("The deployment of Russian troops to Belarus worried Lithuania.", ("russia", "MOBILIZE", "belarus")),
    ("Turkey sent troops to its border with Syria.", ("turkey", "MOBILIZE", "syria")),
    # PROTEST (14)
    ("Thousands of Iranians protested against Israel.", ("iran", "PROTEST", "israel")),
    ("Thousands of students demonstrated in Seoul against the government.",
     ("south-korea", "PROTEST", "south-korea")),
    ("Hundreds of Filipino workers staged a demonstration outside the Japanese embassy in Manila.",
     ("philippines", "PROTEST", "japan")),
    ("Chinese protesters marched on the Japanese embassy in Beijing.", ("china", "PROTEST", "japan")),
    ("Kenyan teachers went on strike over pay.", ("kenya", "PROTEST", "kenya")),
    # REJECT (12)
    ("The Iranian proposal was rejected by the United States.", ("united-states", "REJECT", "iran")),
    ("Spain's rejection of the French plan surprised Paris.", ("spain", "REJECT", "france")),
    ("Japan turned down China's request for talks.", ("japan", "REJECT", "china")),
    ("Merkel said Germany would not provide support to Hungary.", ("germany", "REJECT", "hungary")),
    ("Syria rejected calls by Egypt to withdraw its forces from Lebanon.", ("syria", "REJECT", "egypt")),
    # REQUEST (02, 10)
    ("Pakistan demanded that India withdraw its troops.", ("pakistan", "REQUEST", "india")),
    ("The Palestinians called on Israel to halt settlement building.",
     ("palestinian-territory", "REQUEST", "israel")),
    ("Egypt's demand for Israeli withdrawal was repeated on Monday.", ("egypt", "REQUEST", "israel")),
    ("Kuwait asked the United States for military protection.", ("kuwait", "REQUEST", "united-states")),
    # RETREAT (084-087)
    ("Israel released 200 Palestinian prisoners.", ("israel", "RETREAT", "palestinian-territory")),
    ("Ten Thai fishermen were released by Myanmar.", ("myanmar", "RETREAT", "thailand")),
    ("Iraq's withdrawal from Kuwait began on Sunday.", ("iraq", "RETREAT", "kuwait")),
    ("Italy lifted sanctions on Libya.", ("italy", "RETREAT", "libya")),
    ("Serbian forces lifted the siege of Sarajevo.", ("serbia", "RETREAT", "bosnia-and-herzegovina")),
    # SANCTION (16)
    ("Australia expelled Russian diplomats.", ("australia", "SANCTION", "russia")),
    ("The expulsion of Russian diplomats by Sweden angered Moscow.", ("sweden", "SANCTION", "russia")),
    ("Japan was hit with new tariffs by the United States.", ("united-states", "SANCTION", "japan")),
    ("Egypt recalled its ambassador from Israel.", ("egypt", "SANCTION", "israel")),
    ("Germany halted arms sales to Saudi Arabia.", ("germany", "SANCTION", "saudi-arabia")),
    # SUPPORT (05)
    ("France praised Germany's decision.", ("france", "SUPPORT", "germany")),
    ("Venezuela recognized the new government of Bolivia.", ("venezuela", "SUPPORT", "bolivia")),
    ("Egypt's support for the Syrian rebels angered Damascus.", ("egypt", "SUPPORT", "syria")),
    ("The Polish president expressed support for Ukraine.", ("role:president:poland", "SUPPORT", "ukraine")),
    # THREATEN (13)
    ("Iraq has threatened to halt oil exports to Jordan.", ("iraq", "THREATEN", "jordan")),
    ("Seoul was threatened by Pyongyang with nuclear war.", ("north-korea", "THREATEN", "south-korea")),
    ("North Korea's threats against Japan alarmed Tokyo.", ("north-korea", "THREATEN", "japan")),
    ("Iran vowed to retaliate against Israel.", ("iran", "THREATEN", "israel")),
    ("Russia plans to attack Ukraine.", ("russia", "THREATEN", "ukraine")),
    ("The EU will impose sanctions on Iran.", ("european-union", "THREATEN", "iran")),
    # COERCE (17), at home and abroad
    ("Turkish police arrested Kurdish activists in Istanbul.", ("turkey", "COERCE", "turkey")),
    ("Police in Lagos arrested dozens of protesters.", ("nigeria", "COERCE", "nigeria")),
    ("Demonstrators were dispersed by the Egyptian army.", ("egypt", "COERCE", "egypt")),
    ("The arrest of the Turkish journalist by Iranian police angered Ankara.", ("iran", "COERCE", "turkey")),
    ("A Chinese court sentenced an Australian writer to death.", ("china", "COERCE", "australia")),
    ("Iranian security forces seized a British tanker.", ("iran", "COERCE", "united-kingdom")),
    ("Malian President Amadou Diallo released political prisoners.", ("amadou-diallo", "RETREAT", "mali")),
    ("The Kenyan government warned opposition leaders that it would arrest them.", ("kenya", "THREATEN", "kenya")),
    # more structures: a work stoppage is no air strike; purposes of protests; reasons; things owned
    ("Kenyan nurses began a strike over pay.", ("kenya", "PROTEST", "kenya")),
    ("A strike by Nigerian oil workers cut exports.", ("nigeria", "PROTEST", "nigeria")),
    ("Israeli jets carried out a strike on Syria.", ("israel", "ASSAULT", "syria")),
    ("Thousands of Kenyans protested against the government.", ("kenya", "PROTEST", "kenya")),
    ("Kenyan teachers staged a rally to denounce the United States.", ("kenya", "PROTEST", "united-states")),
    ("Hundreds of Palestinians hurled stones at Israeli soldiers.", ("palestinian-territory", "PROTEST", "israel")),
    ("Iraqi troops fired artillery shells into Iranian territory.", ("iraq", "ASSAULT", "iran")),
    ("Iraq has moved thousands of troops to its border with Kuwait.", ("iraq", "MOBILIZE", "kuwait")),
    ("India test-fired a nuclear-capable missile on Sunday.", ("india", "MOBILIZE", None)),
    ("Rebels in Angola released two Portuguese hostages.", ("angola", "RETREAT", "portugal")),
    ("Washington eased its trade embargo against Vietnam.", ("united-states", "RETREAT", "vietnam")),
    ("Canada suspended its aid program for Yugoslavia.", ("canada", "SANCTION", "yugoslavia")),
    ("Saudi Arabia severed diplomatic ties with Iran.", ("saudi-arabia", "SANCTION", "iran")),
    ("Rioters set fire to the offices of the Kenyan administration.",
     (None, "PROTEST", "kenya")),
    ("Iran hacked into the email accounts of Saudi diplomats.",
     ("iran", "COERCE", "saudi-arabia")),
    ("Egyptian police broke up a demonstration in Cairo.", ("egypt", "COERCE", "egypt")),
    ("The Lebanese government turned down an Israeli offer of talks.", ("lebanon", "REJECT", "israel")),
    ("Greece refused to recognize Macedonia.", ("greece", "REJECT", "north-macedonia")),
    ("Egypt warned Israel against attacking Lebanon.", ("egypt", "THREATEN", "israel")),
    ("The United States threatened China with trade sanctions.", ("united-states", "THREATEN", "china")),
    ("China defended North Korea at the United Nations.", ("china", "SUPPORT", "north-korea")),
    ("The United States gave Iraq an ultimatum to leave Kuwait.", ("united-states", "THREATEN", "iraq")),
    ("North Korea's threat to attack Japan alarmed Tokyo.", ("north-korea", "THREATEN", "japan")),
    ("Iran's refusal to release the British sailors angered London.", ("iran", "REJECT", "united-kingdom")),
    ("China conducted military exercises near Taiwan.", ("china", "MOBILIZE", "taiwan")),
    ("Indian and Pakistani troops exchanged fire across the border.", ("india", "ASSAULT", "pakistan")),
    ("Iran and Iraq fought a long war.", ("iran", "ASSAULT", "iraq")),
    ("Serbian soldiers raped Bosnian women.", ("serbia", "ASSAULT", "bosnia-and-herzegovina")),
    ("Police cordoned off the Iranian embassy.", (None, "COERCE", "iran")),
    ("Police fired on Kenyan students.", ("kenya", "ASSAULT", "kenya")),
    # passives of every kind: the agent acts, the subject is acted on, unless it is the agent's own forces
    ("The Egyptian proposal was welcomed by Jordan.", ("jordan", "SUPPORT", "egypt")),
    ("The British decision was supported by France.", ("france", "SUPPORT", "united-kingdom")),
    ("The Iraqi offer was turned down by Kuwait.", ("kuwait", "REJECT", "iraq")),
    ("Three Turkish soldiers were killed by Kurdish rebels.", (None, "ASSAULT", "turkey")),
    ("Two Egyptian journalists were detained by Israeli police.", ("israel", "COERCE", "egypt")),
    ("Iranian demonstrators were fired on by police.", ("iran", "ASSAULT", "iran")),
    ("Japanese troops were sent to Iraq.", ("japan", "AID", "iraq")),
    ("Japanese troops were withdrawn from Iraq.", ("japan", "RETREAT", "iraq")),
    ("Sanctions were imposed on Iran by the United Nations.", ("united-nations", "SANCTION", "iran")),
    ("Diplomatic relations with Israel were severed by Mauritania.", ("mauritania", "SANCTION", "israel")),
    ("China said it would not accept any interference by the United States.", ("china", "REJECT", "united-states")),
    ("Tens of thousands of Israelis demonstrated in Tel Aviv against the government's peace policy.",
     ("israel", "PROTEST", "israel")),
    ("The United States pulled its marines out of Lebanon.", ("united-states", "RETREAT", "lebanon")),
    ("Egyptian security forces stormed a militant hideout in Cairo.", ("egypt", "ASSAULT", "egypt")),
]


def coded(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.source, plover_type(e), e.target) for e in events(text)}


@pytest.mark.parametrize("text,expected", CATEGORY_CASES)
def test_each_category_in_each_structure(text: str, expected: tuple[str | None, str, str | None]):
    assert expected in coded(text)


def test_a_possible_or_conditional_attack_is_no_threat():
    assert all(kind is None for _, kind, _ in coded("Russia could attack Ukraine if NATO expands."))


def test_the_content_of_a_call_or_demand_is_no_second_event():
    assert coded("Activists renewed their call for sanctions against Israel.") == {(None, "REQUEST", "israel")}
    assert {k for _, k, _ in coded("Syria rejected calls by Egypt to withdraw its forces from Lebanon.")} == {
        "REJECT"}


def test_what_a_protest_or_praise_is_for_is_no_second_event():
    assert {k for _, k, _ in coded("Thousands of Albanians marched through Pristina to demand independence.")} == {
        "PROTEST"}
    assert coded("Iran's president praised Syria for standing by Tehran.") == {
        ("role:president:iran", "SUPPORT", "syria")}


def test_a_passive_subject_that_is_itself_an_act_is_no_second_event():
    assert coded("The American request was refused by the Saudi government.") == {
        ("saudi-arabia", "REJECT", "united-states")}
    assert coded("Sanctions were imposed on Iran by the United Nations.") == {("united-nations", "SANCTION", "iran")}


def test_a_promise_is_a_threat_or_a_refusal_by_what_it_promises():
    assert ("iran", "THREATEN", "israel") in coded("Iran vowed to retaliate against Israel.")
    assert ("israel", "AGREE", "lebanon") in coded("Israel promised not to attack Lebanon.")
    assert ("armenia", "REJECT", "azerbaijan") in coded("Armenia vowed not to return the occupied land to Azerbaijan.")
    assert ("israel", "AGREE", None) in coded("Israel agreed not to build new settlements.")


def test_a_rally_in_support_of_someone_is_one_protest():
    assert {k for _, k, _ in coded("Thousands of Egyptians rallied in support of the Palestinians.")} == {"PROTEST"}


def test_an_earlier_act_in_a_relative_clause_is_not_reported():
    assert {k for _, k, _ in coded("Ugandan rebels freed 30 children they had abducted.")} == {"RETREAT"}


def test_lexicon_has_nominal_triggers_for_every_category():
    """Each PLOVER type is triggered by nouns as well as verbs ('the arrest of', 'an embargo against')."""
    lex = lexicon()
    for kind in PLOVER_TYPES:
        assert any(t.type == kind and pos == "V" for (pos, _), t in lex.items()), kind
        assert any(t.type == kind and pos == "N" for (pos, _), t in lex.items()), kind


@pytest.mark.parametrize("text, hypothetical, expected", [
    ("Norway will meet Iceland in Oslo next week.", True, True),
    ("Norway is set to meet Iceland in Oslo next week.", True, True),
    ("Norway plans to meet Iceland in Oslo.", True, True),
    ("Norway could meet Iceland in Oslo.", True, False),
    ("If Norway meets Iceland in Oslo, the talks may resume.", True, False),
    ("Norway met Iceland in Oslo on Monday.", False, False),
])
def test_expected_acts_are_told_apart_from_possible_ones(text, hypothetical, expected):
    event = find(events(text), "norway", "CONSULT", "iceland")
    assert (event.hypothetical, event.expected) == (hypothetical, expected)
