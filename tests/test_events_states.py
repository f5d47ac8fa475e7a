"""The states on each side of an event: peoples named with a state, office holders placed by their sentence,
the doer of a criticised or demanded act, attacks and home acts placed where they happen, conditions."""

from __future__ import annotations

from newsgraph.actors import find_mentions
from newsgraph.events import conditional, extract_events, plover_type
from newsgraph.model import Document, Event
from newsgraph.nlp import parse


def read(text: str) -> tuple[list[Event], dict[str, str | None]]:
    """The events of a text and each actor's state (ISO3) as the actor finder codes it."""
    doc = Document("t", "test", text, published="2024-03-04")
    parsed = parse(text)
    mentions, actors = find_mentions(doc, parsed)
    return extract_events(doc, parsed, mentions), {a.id: a.codes.get("iso3") for a in actors}


def coded(text: str) -> set[tuple[str | None, str | None, str | None]]:
    found, _ = read(text)
    return {(e.source, plover_type(e), e.target) for e in found}


def states(text: str) -> dict[str, str | None]:
    return read(text)[1]


def test_a_people_named_after_a_state_adjective_is_that_states_group():
    assert states("Afghan Uzbeks blocked the road for three days.")["afghan-uzbeks"] == "AFG"
    assert states("Hundreds of Syrian Kurds crossed the border last week.")["syrian-kurds"] == "SYR"
    codes = states("Police detained Afghan Uzbek farmers on Monday.")
    assert codes.get("afghan-uzbek") == "AFG" and "uzbekistan" not in codes


def test_a_people_of_a_named_state_belongs_to_it():
    codes = states("The Hungarians of southern Slovakia demanded schools in their own language.")
    assert codes["hungarians"] == "SVK"
    codes = states("Ethnic Uzbeks in Kyrgyzstan fled their homes.")
    assert codes["ethnic-uzbeks"] == "KGZ"


def test_an_office_holder_without_a_state_takes_the_one_his_sentence_places_him_in():
    assert states("President Tomas Hradec lifted the nightly curfew in Moldova on Friday.")["tomas-hradec"] == "MDA"
    assert states("Prime Minister Ana Ruiz said Peru is ready to sign the accord.")["ana-ruiz"] == "PER"


def test_no_state_for_an_office_holder_when_the_state_is_anothers_or_acted_on():
    codes = states("President Luis Ortega welcomed Brazilian leader Ana Costa on Monday.")
    assert codes["luis-ortega"] is None and codes["ana-costa"] == "BRA"
    assert states("President Luis Ortega visited France on Monday.")["luis-ortega"] is None
    assert states("Minister Ana Ruiz met the president of Chile.")["ana-ruiz"] is None


def test_a_criticism_targets_the_doer_of_the_act_it_is_about():
    assert ("norway", "ACCUSE", "russia") in coded(
        "Norway complained to the Security Council over Russian naval exercises near its coast.")


def test_a_demand_for_an_act_targets_the_one_asked_to_do_it():
    assert ("kenya", "REQUEST", "ethiopia") in coded("Kenya demanded the withdrawal of Ethiopian troops from Somalia.")


def test_an_act_that_is_a_condition_is_no_event_and_the_main_clause_keeps_its_own():
    found, _ = read("If Chile sends food aid to Peru, Bolivia will send aid too.")
    chile = next(e for e in found if e.source == "chile")
    assert chile.hypothetical and conditional(chile) and plover_type(chile) is None
    bolivia = next(e for e in found if e.source == "bolivia")
    assert not conditional(bolivia) and plover_type(bolivia) == "AGREE"
    assert all(plover_type(e) is None for e in read("Togo will be glad if Ghana agrees to talks.")[0]
               if e.source == "ghana")


def test_an_attack_by_no_one_named_is_coded_to_the_state_where_it_happened():
    found, codes = read("A roadside bomb near the Afghan city of Kandahar killed two Canadian soldiers on Sunday.")
    attack = next(e for e in found if e.type == "ASSAULT")
    assert (attack.source, attack.target) == ("afghanistan", "canada")
    # the police of the place are that state's own: a domestic attack
    assert ("afghanistan", "ASSAULT", "afghanistan") in coded(
        "Gunmen shot dead three policemen near the Afghan city of Herat.")


def test_a_named_attacker_is_not_replaced_by_the_place():
    assert all(e.source != "syria" for e in read("Turkish jets bombed a village near the Syrian city of Afrin.")[0])


def test_a_state_act_placed_at_home_is_done_to_its_own_people():
    assert ("kenya", "CONCEDE", "kenya") in coded("Kenya's government lifted the curfew in Mombasa on Tuesday.")


def test_aid_measured_out_is_still_given_to_its_recipient():
    assert ("japan", "AID", "laos") in coded("Japan gave Laos ten thousand tons of food aid last year.")


def test_the_purpose_of_a_grant_is_not_a_second_grant():
    found, _ = read("Sweden will give Zambia a loan of 40 million dollars to fund new schools in the country.")
    assert [(e.source, e.type, e.target) for e in found if e.type == "AID"] == [("sweden", "AID", "zambia")]


def test_an_office_holder_of_a_named_state_serves_it():
    assert states("Queen Rania of Jordan opened the new hospital.")["queen-rania"] == "JOR"
    assert states("President Omar Bongo of Gabon met the French ambassador.")["omar-bongo"] == "GAB"


def test_every_party_of_a_list_in_the_content_is_a_target():
    found = coded("The ministers agreed to send doctors to Malawi and Zambia.")
    assert {(None, "AGREE", "malawi"), (None, "AGREE", "zambia")} <= found


def test_a_state_adjective_on_a_modifier_ties_the_people_to_the_state():
    from newsgraph.events import _state_words_before
    from newsgraph.relations import MentionIndex

    text = "Turkey will allow 500 Turkish Kurd refugees to return home."
    doc, parsed = Document("t", "test", text), parse(text)
    ix = MentionIndex("t", parsed, find_mentions(doc, parsed)[0])
    refugees = next(t for t in parsed if t.lower_ == "refugees")
    assert ix.np(refugees) == []  # 'Turkish' qualifies 'Kurd', not the noun itself
    assert [m.actor for m in _state_words_before(ix, refugees)] == ["turkey"]
