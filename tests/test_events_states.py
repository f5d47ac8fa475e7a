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
    assert ("kenya", "RETREAT", "kenya") in coded("Kenya's government lifted the curfew in Mombasa on Tuesday.")


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

    text = "Peru will host 300 Bolivian Aymara farmers next month."
    doc, parsed = Document("t", "test", text), parse(text)
    ix = MentionIndex("t", parsed, find_mentions(doc, parsed)[0])
    farmers = next(t for t in parsed if t.lower_ == "farmers")
    # 'Bolivian' qualifies 'Aymara', the noun before the head: the people are still Bolivia's
    assert [m.actor for m in ix.np(farmers)] == ["bolivia"]
    assert [m.actor for m in _state_words_before(ix, farmers)] == ["bolivia"]


def test_a_state_named_as_a_stance_likeness_people_or_language_is_no_party():
    assert coded("A pro-Kremlin blogger was arrested in Tbilisi on Monday.") == {(None, "COERCE", "georgia")}
    assert coded("Gunmen killed an anti-Iran cleric in a market in central Kandahar.") == {
        ("afghanistan", "ASSAULT", "afghanistan")}  # the attack is placed where it happened, not in Iran
    assert coded("Police in Quito detained a Venezuela-style protest leader.") == {("ecuador", "COERCE", "ecuador")}
    assert coded("Slovakia banned the Hungarian language in public offices.") == {("slovakia", "COERCE", None)}


def test_a_demand_noun_targets_the_subject_of_its_that_clause():
    assert coded("Kenya renewed its demand on Tuesday that Uganda withdraw its troops from the island.") == {
        ("kenya", "REQUEST", "uganda")}  # the withdrawal asked for is the demand's content, not an act


def test_a_mediator_acts_with_both_parties_between_which_it_mediates():
    assert coded("Chile's envoy is mediating between Peru and Bolivia.") == {
        ("role:envoy:chile", "CONSULT", "peru"), ("role:envoy:chile", "CONSULT", "bolivia")}


def test_a_passive_form_of_commitment_without_agent_is_its_subjects_stance():
    assert coded("Laos is committed to cutting its tariffs for Thai traders.") == {("laos", "AGREE", None)}


def test_what_a_without_phrase_names_is_not_the_target():
    assert coded("The Ghanaian leader agreed to step down without going back to Togo.") == {
        ("role:leader:ghana", "AGREE", None)}


def test_the_possessor_of_a_noun_of_relation_is_the_other_side():
    assert coded("Norway accused its neighbour of spying on its navy.") == {("norway", "ACCUSE", None)}


def test_an_unnamed_body_placed_in_a_state_is_that_states():
    assert coded("A court in Lima imposed a travel ban on two Chilean pilots.") == {("peru", "COERCE", "chile")}


def test_a_protest_against_no_one_named_is_addressed_to_the_state_where_it_is_held():
    assert coded("Greek and Cypriot students staged a protest in Ankara.") == {
        ("greece", "PROTEST", "turkey"), ("cyprus", "PROTEST", "turkey")}


def test_a_quantity_the_parser_hangs_on_up_to_is_still_the_object():
    assert coded("Police detained up to 40 Malian traders at the market.") == {("mali", "COERCE", "mali")}


def test_a_region_named_whole_is_not_the_state_a_word_in_it_names():
    codes = states("Britain sent more police to Northern Ireland after the riots.")
    assert codes.get("northern-ireland") == "GBR" and "ireland" not in codes
    assert states("Jordan reopened the crossing to the West Bank.").get("west-bank") == "PSE"


def test_what_talks_are_about_is_no_party_to_them():
    assert coded("Kenya and Uganda discussed Somalia's border dispute.") == {("kenya", "CONSULT", "uganda")}
    assert coded("Kenya discussed Somalia's debt with Ethiopian officials.") == {("kenya", "CONSULT", "ethiopia")}
    assert coded("Kenya met the Somali delegation.") == {("kenya", "CONSULT", "somalia")}


def test_a_hostile_act_a_named_doer_holds_in_a_place_is_done_to_it():
    found, codes = read("Chad launched an offensive in Darfur.")
    assert {(e.source, e.type, e.target) for e in found} == {("chad", "ASSAULT", "darfur")}
    assert codes["darfur"] == "SDN"  # 'North Darfur', 'South Darfur' ... are regions of one state
    assert coded("China held naval drills in Guam.") == {("china", "MOBILIZE", "guam")}


def test_a_city_whose_name_ends_in_s_is_a_place_and_places_the_act():
    found, codes = read("Syrian troops fired on protesters in Homs.")
    assert {(e.source, e.type, e.target) for e in found} == {("syria", "ASSAULT", "syria")}
    assert "homs" not in codes  # not a people named 'Homs'


def test_a_thing_attacked_in_a_place_stands_for_that_places_state():
    assert coded("Gunmen attacked a police station in Quetta.") == {("pakistan", "ASSAULT", "pakistan")}


def test_people_on_strike_are_the_governments_own_opposition():
    assert coded("The Zambian government warned striking miners that they would be fired.") == {
        ("zambia", "THREATEN", "zambia")}


def test_a_participle_after_an_act_takes_the_acts_place():
    assert ("somalia", "ASSAULT", "somalia") in coded("A bomb exploded near a market in Mogadishu, killing ten people.")


def test_unnamed_people_are_the_state_they_are_placed_in_or_flee():
    assert coded("Norway airlifted tents to villagers escaping the floods in Chad.") == {("norway", "AID", "chad")}


def test_a_hyphenated_base_owner_or_flag_names_whose_the_people_or_thing_are():
    assert coded("Moscow-based journalists were expelled by Lithuania.") == {("lithuania", "COERCE", "russia")}
    assert coded("Iran seized a British-flagged tanker in the Strait of Hormuz.") == {
        ("iran", "COERCE", "united-kingdom")}
    assert coded("Angry mobs in Lagos attacked shops owned by Ghanaian traders.") == {("nigeria", "ASSAULT", "ghana")}


def test_unnamed_attackers_are_those_of_the_state_they_come_from():
    assert coded("A Kenyan police station was attacked by gunmen from Somalia.") == {("somalia", "ASSAULT", "kenya")}
    assert coded("Armed men from Sudan raided a refugee camp in eastern Chad.") == {("sudan", "ASSAULT", "chad")}


def test_the_doers_of_a_passive_killing_are_the_armed_doers_of_its_when_clause():
    assert coded("Two Indian soldiers were killed when Pakistani troops fired across the border.") == {
        ("pakistan", "ASSAULT", "india")}


def test_people_killed_by_an_attack_are_the_attacks_target_not_its_doers_own():
    assert coded("The Israeli bombardment of Gaza killed 30 people.") == {("israel", "ASSAULT", "gaza")}
    assert coded("Turkey's air strikes against Kurdish militants in Iraq killed dozens.") == {
        ("turkey", "ASSAULT", "iraq")}


def test_a_place_hit_or_restricted_stands_for_its_state():
    assert coded("Myanmar's junta imposed a curfew on the city of Mandalay.") == {("myanmar", "COERCE", "myanmar")}
    assert ("israel", "ASSAULT", "palestinian-territory") in coded(
        "Israeli helicopter gunships fired missiles at a car in Gaza City, killing two Hamas militants.")
    assert coded("Thai security forces shot dead four suspected insurgents in the southern province of Yala.") == {
        ("thailand", "ASSAULT", "thailand")}
    assert coded("Gunmen assassinated a Lebanese minister in Beirut.") == {
        ("lebanon", "ASSAULT", "role:minister:lebanon")}
    assert ("somalia", "ASSAULT", None) in coded(  # the embassy lies in Mogadishu: not Turkey's attack
        "A car bomb exploded near the Turkish embassy in Mogadishu, killing five people.")


def test_a_purpose_clause_takes_the_doer_and_place_of_its_main_clause():
    assert coded("Police in Dhaka fired rubber bullets to disperse thousands of opposition supporters.") == {
        ("bangladesh", "COERCE", "bangladesh")}


def test_an_act_replied_to_and_an_act_inside_a_threat_are_no_events():
    assert coded("Iraq expelled the Jordanian envoy in retaliation for Amman's expulsion of an Iraqi diplomat.") == {
        ("iraq", "SANCTION", "role:envoy:jordan")}
    assert coded("Pakistan threatened on Monday to shoot down any Indian aircraft violating its airspace.") == {
        ("pakistan", "THREATEN", "india")}


def test_restrictions_on_a_things_owner_and_forces_moved_toward_a_state():
    assert coded("Britain imposed a freeze on the assets of the Libyan leader.") == {
        ("united-kingdom", "SANCTION", "role:leader:libya")}  # "Britain" is the United Kingdom
    assert coded("Syria moved tanks toward the Lebanese border.") == {("syria", "MOBILIZE", "lebanon")}
    assert coded("Chinese troops conducted exercises opposite Taiwan on Wednesday.") == {
        ("china", "MOBILIZE", "taiwan")}
    assert coded("Venezuelan President Hugo Chavez ordered troops to the Colombian border.") == {
        ("hugo-chavez", "MOBILIZE", "colombia")}


def test_a_complaint_targets_the_doer_named_inside_its_object_not_the_complainers_own_things():
    assert coded("Manila protested the Chinese coast guard's use of water cannon against its supply boats.") == {
        ("philippines", "PROTEST", "china")}


def test_held_out_kinds_of_act_in_invented_sentences():
    assert coded("Turkish warplanes hit rebel targets in northern Iraq.") == {("turkey", "ASSAULT", "iraq")}
    assert coded("Syrian President Bashar al-Assad's forces shelled the city of Homs.") == {
        ("bashar-al-assad", "ASSAULT", "syria")}
    assert coded("Turkey said it would launch a military operation against Syrian Kurdish fighters.") == {
        ("turkey", "THREATEN", "syria")}
    assert coded("Nepalese police beat Tibetan refugees outside the Chinese embassy in Kathmandu.") == {
        ("nepal", "ASSAULT", "nepal")}
    assert coded("Lebanon's Hezbollah launched rockets into northern Israel.") == {("hezbollah", "ASSAULT", "israel")}
    assert coded("The Kremlin ordered the expulsion of ten Polish diplomats.") == {("russia", "SANCTION", "poland")}
    assert coded("Nigeria vowed to punish Cameroon for the killing of its soldiers.") == {
        ("nigeria", "THREATEN", "cameroon")}
    assert coded("Argentina halted negotiations with Chile on the fishing zone.") == {
        ("argentina", "SANCTION", "chile")}


def test_an_attack_whose_doer_goes_unnamed_comes_from_where_it_was_fired():
    assert coded("A rocket fired from southern Lebanon struck the Israeli town of Kiryat Shmona.") == {
        ("lebanon", "ASSAULT", "israel")}
    assert coded("Three Turkish soldiers were killed by a rocket launched from Syria.") == {
        ("syria", "ASSAULT", "turkey")}
    assert not any(kind == "ASSAULT" for _, kind, _ in coded(  # no attack: a carrying away from a town
        "Relief helicopters evacuated the wounded from the besieged Ukrainian town of Avdiivka on Friday."))


def test_nominal_acts_take_targets_under_their_doers_and_a_states_own_people():
    assert coded("Attacks by Somali pirates on Indian ships rose sharply last year.") == {
        ("somalia", "ASSAULT", "india")}
    assert coded("Egyptian security forces launched a crackdown on Islamist militants in Sinai.") == {
        ("egypt", "COERCE", "egypt")}


def test_a_people_in_the_street_protests_and_what_a_protest_is_over_is_no_event():
    found = coded("Kosovo Albanians protested in Pristina against Serbian rule.")
    assert {kind for _, kind, _ in found} == {"PROTEST"} and any(t == "serbia" for _, _, t in found)
    assert coded("Japan lodged a protest with China over the incursion of Chinese ships into its waters.") == {
        ("japan", "ACCUSE", "china")}


def test_forces_ordered_out_people_of_a_hyphenated_people_and_a_rally_by_an_embassy():
    assert ("mali", "COERCE", "france") in coded("Mali's junta ordered French troops out of the country.")
    assert coded("Azerbaijan launched artillery strikes on Armenian-populated villages.") == {
        ("azerbaijan", "ASSAULT", "armenia")}
    assert ("philippines", "PROTEST", "united-states") in coded(
        "Students rallied outside the U.S. embassy in Manila to protest the visit of American warships.")


def test_a_named_but_stateless_attacker_is_not_coded_to_the_place_it_hits():
    assert coded("The coalition bombed targets in Syria and Iraq.") == {(None, "ASSAULT", "syria"),
                                                                      (None, "ASSAULT", "iraq")}


def test_the_subject_of_a_verb_of_receiving_is_the_one_acted_on():
    assert coded("Ukraine received military aid from Germany.") == {("germany", "AID", "ukraine")}
    assert coded("Israel's plan drew sharp criticism from Jordan.") == {("jordan", "ACCUSE", "israel")}
    assert coded("Pakistan faced sanctions from the United States.") == {("united-states", "SANCTION", "pakistan")}


def test_a_warning_of_a_measure_against_a_state_threatens_that_state():
    assert coded("Russia warned of retaliation against Finland for joining NATO.") == {
        ("russia", "THREATEN", "finland")}


def test_measures_a_state_takes_at_home_are_done_to_its_own_people():
    assert coded("The Indian army imposed a curfew on Srinagar after clashes.") == {("india", "COERCE", "india")}
    assert coded("The Kenyan government declared a state of emergency in the coastal region.") == {
        ("kenya", "COERCE", "kenya")}


def test_the_user_of_a_means_does_what_it_is_used_for():
    assert ("turkey", "COERCE") in {(s, k) for s, k, _ in coded(
        "Turkish police used water cannon to disperse Kurdish demonstrators in Diyarbakir.")}


def test_a_protest_against_an_unnamed_government_in_its_purpose_clause_targets_the_protesters_state():
    assert coded("Indian farmers blocked roads to protest against the government.") == {("india", "PROTEST", "india")}


def test_an_infinitive_after_a_demand_object_is_the_demands_content_not_an_event():
    assert coded("The Cuban government defied a U.S. demand to release political prisoners.") == {
        ("cuba", "REJECT", "united-states")}


def test_a_series_of_acts_takes_the_doer_of_the_verb_it_is_the_object_of():
    assert ("israel", "ASSAULT") in {(s, k) for s, k, _ in coded(
        "Israel carried out a series of raids on Hamas targets in Gaza.")}
    assert coded("Iran launched a wave of arrests of opposition figures in Tehran.") == {("iran", "COERCE", "iran")}


def test_things_of_a_state_and_groups_placed_in_one_stand_for_it():
    assert coded("Russia stepped up its bombardment of Ukrainian cities.") == {("russia", "ASSAULT", "ukraine")}
    assert ("saudi-arabia", "ASSAULT", "yemen") in coded(
        "Saudi Arabia launched a campaign of air strikes against Houthi rebels in Yemen.")
    assert coded("Japan tightened export controls on South Korea.") == {("japan", "SANCTION", "south-korea")}


def test_unnamed_forces_and_their_foes_at_home_and_foreigners_who_are_not():
    assert coded("Rebel forces shelled the Angolan city of Huambo.") == {("angola", "ASSAULT", "angola")}
    assert coded("Government forces attacked rebel positions outside the Liberian capital.") == {
        ("liberia", "ASSAULT", "liberia")}
    assert coded("Authorities in Beijing detained several foreign journalists.") == {("china", "COERCE", None)}
    assert ("robert-mugabe", "COERCE", "zimbabwe") in coded(
        "Robert Mugabe, Zimbabwe's president, ordered the arrest of white farmers.")


def test_restricted_goods_people_and_crossings_stand_for_their_state():
    assert coded("India imposed a ban on imports from Malaysia.") == {("india", "COERCE", "malaysia")}
    assert coded("Jordan barred Israeli tourists from entering the country.") == {("jordan", "COERCE", "israel")}
    assert ("egypt", "COERCE") in {(s, k) for s, k, _ in coded("Egypt closed the Rafah crossing into Gaza.")}


def test_a_border_named_by_a_state_does_not_place_an_act_in_that_state():
    assert not any(s == "sudan" for s, _, _ in coded(
        "A spokesman for the Ugandan army said troops had killed 30 rebels near the Sudanese border."))


def test_a_government_rejecting_its_oppositions_demands_acts_at_home():
    assert coded("The Sudanese government rejected opposition demands for a transitional council.") == {
        ("sudan", "REJECT", "sudan")}


def test_a_threat_conditioned_on_anothers_act_threatens_that_actor():
    assert coded("Iraq threatened military action if Kuwait did not pay compensation.") == {
        ("iraq", "THREATEN", "kuwait")}


def test_sides_of_a_fight_between_unnamed_parties_are_the_states_it_is_placed_in():
    assert coded("Clashes erupted between police and protesters in Dhaka.") == {("bangladesh", "ASSAULT", "bangladesh")}
    assert ("sudan", "ASSAULT", "sudan") in coded(
        "Dozens were killed in clashes between Sudanese troops and rebels in Darfur.")
    assert coded("Israeli and Syrian forces exchanged fire on the Golan Heights.") == {("israel", "ASSAULT", "syria")}
    assert ("iran", "ASSAULT", "israel") in coded(
        "An Iranian drone struck an oil tanker operated by an Israeli-owned company.")


def test_a_place_named_before_a_common_noun_places_the_act():
    assert ("afghanistan", "ASSAULT", None) in coded("Gunmen stormed a Kabul hotel and killed five guests.")
    assert coded("Two suicide bombers killed 20 people when they blew themselves up in a Jerusalem market.") == {
        ("israel", "ASSAULT", "israel")}


def test_an_armed_group_is_coded_to_the_state_it_is_based_in():
    assert coded("Hezbollah fighters fired rockets at northern Israel on Tuesday.") == {
        ("hezbollah", "ASSAULT", "israel")}
    assert states("Boko Haram militants abducted dozens of schoolgirls.")["boko-haram"] == "NGA"


def test_people_killed_where_a_bomb_went_off_are_that_states():
    assert ("iraq", "ASSAULT", "iraq") in coded("A bomb exploded in a Baghdad market on Friday, killing 20 shoppers.")


def test_an_armed_group_acting_on_people_at_home_acts_on_its_home_state():
    assert coded("The Taliban detained two journalists on Monday.") == {("taliban", "COERCE", "afghanistan")}
    assert ("hezbollah", "RETREAT", "lebanon") in coded("Hezbollah freed three prisoners.")


def test_people_at_a_states_body_and_unnamed_protesters_where_they_protest():
    assert coded("Workers at Chile's state copper company went on strike.") == {("chile", "PROTEST", "chile")}
    assert coded("Nurses went on strike in Nairobi.") == {("kenya", "PROTEST", "kenya")}
    assert coded("Opposition supporters staged a protest in Kampala.") == {("uganda", "PROTEST", "uganda")}


def test_the_author_of_a_proposal_is_the_one_its_rejection_reaches():
    found = coded("China vetoed a draft resolution submitted by Britain and France.")
    assert found == {("china", "REJECT", "united-kingdom"), ("china", "REJECT", "france")}


def test_the_people_freed_or_arrested_are_those_their_adjective_names_else_the_states_own():
    assert coded("Colombian rebels released three Ecuadorian hostages.") == {("colombia", "RETREAT", "ecuador")}
    assert coded("An Argentine judge ordered the arrest of a former minister.") == {
        ("role:judge:argentina", "COERCE", "argentina")}


def test_a_capital_left_or_threatened_stands_for_its_state():
    assert coded("Peru withdrew its envoy from Caracas on Friday.") == {("peru", "SANCTION", "venezuela")}
    assert coded("Morocco threatened to recall its ambassador from Madrid.") == {("morocco", "THREATEN", "spain")}


def test_an_inquiry_opened_into_a_states_body_reaches_that_state():
    assert coded("Indian prosecutors opened an investigation into a Swiss bank.") == {
        ("india", "ACCUSE", "switzerland")}


def test_a_crowd_protesting_parsed_as_a_noun_phrase_still_protests():
    found = coded("Kenyan activists protested against Japan's claim to the islands.")
    assert found == {("kenya", "PROTEST", "japan")}
    assert coded("Lebanese protesters burned Syrian flags outside the embassy.") == {("lebanon", "PROTEST", "syria")}


def test_a_demand_or_bill_from_a_party_at_home_is_answered_at_home():
    assert coded("Venezuela's electoral council rejected the opposition's request for a recount.") == {
        ("venezuela", "REJECT", "venezuela")}
    assert ("kenya", "REJECT", "kenya") in {(s.split(":")[-1], t, o) for s, t, o in coded(
        "The Kenyan president vetoed a finance bill passed by parliament last week.")}
    found = coded("Thai protesters rejected the prime minister's offer of talks.")
    assert found == {("thailand", "REJECT", "thailand")}


def test_what_a_speakers_own_capital_will_do_names_the_other_party():
    found = coded("The Serbian president warned that Belgrade would cut ties with Montenegro if its parliament "
                  "adopted the resolution.")
    assert {t for _, kind, t in found if kind == "THREATEN"} == {"montenegro"}


def test_a_proposal_from_a_capital_is_that_states():
    assert coded("Tehran turned down a request from Baghdad to extradite two businessmen.") == {
        ("iran", "REJECT", "iraq")}


def test_people_from_named_states_and_marches_through_a_city():
    assert coded("Farmers from France and Belgium blocked roads to protest against the trade policy.") == {
        ("france", "PROTEST", None), ("belgium", "PROTEST", None)}
    assert ("chile", "PROTEST", "chile") in coded("Demonstrators marched through Santiago on Saturday.")


def test_those_killed_by_a_strike_on_another_state_are_that_states():
    found = coded("Russian forces launched a missile strike on Kharkiv overnight, killing four civilians.")
    assert {t for _, _, t in found} == {"ukraine"}


def test_places_forces_leave_or_are_sent_to_stand_for_their_state():
    assert coded("Washington withdrew its last soldiers from Kabul airport late on Monday.") == {
        ("united-states", "RETREAT", "afghanistan")}
    assert coded("China launched large-scale military drills around Taiwan on Thursday.") == {
        ("china", "MOBILIZE", "taiwan")}
    assert coded("The withdrawal of Ethiopian troops from bases in Somalia's Gedo region began on Monday.") == {
        ("ethiopia", "RETREAT", "somalia")}


def test_unnamed_doers_placed_apart_from_their_act_and_lowercase_name_particles():
    found = coded("Rebels in Congo attacked a village in Uganda.")
    assert found == {("democratic-republic-of-the-congo", "ASSAULT", "uganda")}
    found = coded("A convoy of Ugandan peacekeepers was ambushed by al-Shabaab fighters on Friday.")
    assert ("al-shabaab", "ASSAULT", "uganda") in found


def test_a_protest_at_the_protesters_own_government_and_at_anothers_decision():
    found = coded("Nigerian labour unions began a nationwide strike over the government's removal of fuel subsidies.")
    assert found == {("nigeria", "PROTEST", "nigeria")}
    assert coded("Iranian students protested against the Danish government's decision.") == {
        ("iran", "PROTEST", "denmark")}


def test_a_town_captured_by_its_states_adjective_and_demands_bowed_to_at_home():
    found = coded("Russian troops captured the eastern Ukrainian town of Avdiivka after months of fighting.")
    assert ("russia", "ASSAULT", "ukraine") in found
    assert coded("Turkey halted all trade with Israel over the war.") == {("turkey", "SANCTION", "israel")}
    found = coded("Kenya's president bowed to the demands of protesters and dropped a planned tax increase.")
    assert ("kenya", "CONCEDE", "kenya") in {(s.split(":")[-1], t, o) for s, t, o in found}


def test_an_inquiry_into_an_unnamed_office_holder_is_an_act_at_home():
    found = coded("Indonesia's anti-corruption agency launched a probe into the trade minister on Monday.")
    assert {t for _, _, t in found} == {"indonesia"}


def test_a_complaint_brought_to_a_forum_is_about_the_one_judged():
    found = coded("Iran complained to the United Nations over Iraq's use of chemical weapons.")
    assert found == {("iran", "ACCUSE", "iraq")}


def test_a_siding_prefix_gives_no_state_and_a_district_name_falls_back_to_its_city():
    _, codes = read("The pro-Iranian Islamic Jihad group freed three French hostages on Wednesday.")
    assert codes["pro-iranian-islamic-jihad"] is None  # it sides with Iran; it is not Iran's
    found = coded("A car bomb exploded near a crowded market in Christian east Beirut, killing 31 people.")
    assert ("lebanon", "ASSAULT", "lebanon") in found


def test_of_two_subjects_the_named_one_acts():
    found = coded("Sudan's paramilitary Rapid Support Forces shelled army positions in Khartoum on Wednesday.")
    assert ("rapid-support-forces", "ASSAULT", "sudan") in found


def test_a_forces_craft_are_its_states_and_a_downing_is_an_attack():
    found = coded("Gunboats of the Yugoslav federal navy shelled the old walled city of Dubrovnik on Wednesday.")
    assert ("yugoslavia", "ASSAULT", "croatia") in found
    found = coded("The downing of a Ukrainian airliner by Iran's Revolutionary Guards killed everyone on board.")
    assert any(kind == "ASSAULT" and t == "ukraine" for _, kind, t in found)


def test_a_protest_demanding_an_act_is_addressed_to_whom_the_demand_asks():
    found = coded("Thousands of Armenians marched through Yerevan, demanding that Moscow transfer the region.")
    assert found == {("armenia", "PROTEST", "russia")}  # and the demand is the protest's purpose, no second event


def test_crowds_obstructing_protest_and_threats_answer_their_conditions():
    found = coded("Angry farmers blocked motorways across France with tractors to protest against falling incomes.")
    assert found == {("france", "PROTEST", "france")}
    found = coded("The Kremlin threatened retaliation on Thursday after Finland's leaders announced a NATO bid.")
    assert {(s, k, t) for s, k, t in found if k == "THREATEN"} == {("russia", "THREATEN", "finland")}
    assert coded("The European Community imposed an embargo on arms sales to Yugoslavia.") == {
        ("european-economic-community", "SANCTION", "yugoslavia")}


def test_returns_go_to_their_recipient_and_alerts_answer_what_prompted_them():
    assert coded("Israel handed back the Taba beach enclave to Egypt on Wednesday.") == {("israel", "RETREAT", "egypt")}
    found = coded("Honduras put its armed forces on maximum alert after reports that Nicaraguan troops had crossed "
                  "the border.")
    assert ("honduras", "MOBILIZE", "nicaragua") in found


def test_people_freed_named_by_their_nationality_and_threats_conditioned_on_anothers_act():
    assert coded("China released two Canadians on Friday.") == {("china", "RETREAT", "canada")}
    found = coded("Iran threatened on Sunday to close the strait to all shipping if Iraq continued its attacks.")
    assert ("iran", "THREATEN", "iraq") in found


def test_an_inquiry_into_a_partys_role_and_strikes_across_a_state():
    assert coded("An Argentine judge opened an investigation into the role of Iranian diplomats.") == {
        ("role:judge:argentina", "ACCUSE", "iran")}
    assert coded("Russian missiles and drones hit energy facilities across Ukraine early on Friday.") == {
        ("russia", "ASSAULT", "ukraine")}
    found = coded("Russia said it would cut gas supplies to Ukraine unless Kiev paid its debts.")
    assert ("russia", "THREATEN", "ukraine") in found


def test_an_office_holder_is_placed_by_the_capital_and_a_capital_addressed_is_its_government():
    events, states = read("Thousands of students marched through Jakarta on Monday demanding the resignation of "
                          "President Suharto.")
    assert [(e.type, states.get(e.target)) for e in events] == [("PROTEST", "IDN")]
    assert coded("Seoul protested to Tokyo over the textbooks.") == {("south-korea", "ACCUSE", "japan")}
    assert coded("Seoul sent its envoy to Tokyo on Monday.") == set()


def test_a_groups_plural_name_in_the_singular_and_a_person_in_office_placed_by_the_sentence():
    assert coded("Colombo rejected on Thursday a Tamil Tiger demand for an interim administration.") == {
        ("sri-lanka", "REJECT", "liberation-tigers-of-tamil-eelam")}
    events, states = read("Thousands of opposition supporters rallied outside parliament in Tbilisi on Saturday "
                          "demanding the resignation of Shevardnadze.")
    assert [(e.type, states.get(e.target)) for e in events] == [("PROTEST", "GEO")]


def test_a_street_protest_naming_no_one_is_against_the_state_where_its_crowd_is():
    assert coded("Dock workers in Chile staged a three-day strike over pay.") == {("chile", "PROTEST", "chile")}
    assert coded("Teachers in Peru blocked highways to protest low wages.") == {("peru", "PROTEST", "peru")}
    assert coded("The plan drew protests from Slovenian leaders.") == {("slovenia", "PROTEST", None)}


def test_parties_at_home_address_their_own_government_and_a_proposals_content_is_no_event():
    assert coded("Kenyan unions backed the government's plan to raise taxes.") == {("kenya", "SUPPORT", "kenya")}
    assert coded("Opposition parties in Nepal demanded that the government resign.") == {
        ("nepal", "REQUEST", "nepal")}
    assert coded("Hezbollah rejected a French proposal for a ceasefire with Israel.") == {
        ("hezbollah", "REJECT", "france")}
    # the act a threat is conditioned on, also as an infinitive, is not coded
    assert coded("Turkey warned Greece of grave consequences if Athens continued to arm the island.") == {
        ("turkey", "THREATEN", "greece"), ("greece", None, None)}


def test_talks_left_links_cut_in_a_list_and_craft_released():
    assert coded("Rebels in Colombia pulled out of peace talks with Bogota on Monday.") >= {
        ("colombia", "SANCTION", "colombia")}
    assert coded("Iran cut rail, road and air links with Azerbaijan.") == {("iran", "SANCTION", "azerbaijan")}
    assert coded("Eritrea released a Yemeni fishing boat and its crew.") == {("eritrea", "RETREAT", "yemen")}


def test_troops_sent_at_home_are_deployed_and_a_river_delta_is_no_state():
    assert coded("The Peruvian government sent thousands of troops to the Ayacucho region.") == {
        ("peru", "MOBILIZE", "peru")}
    assert coded("India sent troops to Sri Lanka.") == {("india", "AID", "sri-lanka")}
    assert "niger" not in states("Nigerian troops patrolled the creeks of the Niger Delta.")


def test_a_thing_protested_is_whose_clause_says_and_a_capital_of_two_words_places_an_office_holder():
    assert coded("Hundreds of Lebanese marched in Beirut against the wall Syria is building.") == {
        ("lebanon", "PROTEST", "syria")}
    events, states = read("Teachers in Buenos Aires struck against President Eduardo Salas's wage freeze.")
    assert [(e.type, states.get(e.target)) for e in events] == [("PROTEST", "ARG")]


def test_forces_pulled_back_from_a_place_or_border_and_an_embargo_of_two_kinds():
    assert coded("Syria began withdrawing its troops from the Lebanese town of Zahle.") == {
        ("syria", "RETREAT", "lebanon")}
    assert coded("Ecuador pulled its troops back from the border with Peru.") == {("ecuador", "RETREAT", "peru")}
    assert coded("The European Union imposed an oil and arms embargo on Syria.") == {
        ("european-union", "SANCTION", "syria")}


def test_a_crowd_storming_or_throwing_protests_and_what_it_is_angry_over_is_no_event():
    assert coded("Hundreds of students hurled rocks at the French embassy in Dakar in anger over the killing of "
                 "a Senegalese migrant.") == {("senegal", "PROTEST", "france")}
    assert coded("Protesters stormed the parliament building in Bishkek.") == {
        ("kyrgyzstan", "PROTEST", "kyrgyzstan")}
    assert coded("Kuwait deported dozens of Jordanians, accusing them of having collaborated during the Iraqi "
                 "occupation.") >= {("kuwait", "COERCE", "jordan")}


def test_a_threat_to_act_on_people_at_home_is_against_the_state_itself():
    assert coded("The Kenyan government threatened to arrest opposition leaders if they went ahead with the march.") \
        == {("kenya", "THREATEN", "kenya")}


def test_a_state_adjective_on_the_noun_before_the_head_names_the_people():
    assert coded("Kenyan tea farmers blocked the main highway to protest low prices.") == {
        ("kenya", "PROTEST", "kenya")}


def test_an_inquiry_is_into_the_doers_of_what_it_looks_into():
    assert coded("The IAEA launched an investigation into undeclared nuclear work by Syria.") == {
        ("international-atomic-energy-agency", "ACCUSE", "syria")}
    events, states = read("Peru's congress opened an inquiry into allegations that police beat students in Lima.")
    assert [(states.get(e.source), e.type, states.get(e.target)) for e in events] == [("PER", "ACCUSE", "PER")]
    assert coded("Lebanese students staged a strike against the closure of schools by Syria.") == {
        ("lebanon", "PROTEST", "syria")}


def test_a_hyphenated_sit_in_stones_pelted_and_an_expulsion_from_a_capital():
    assert coded("Nepali students staged a sit-in at Tribhuvan University in Kathmandu.") == {
        ("nepal", "PROTEST", "nepal")}  # the university is no town named 'University'
    assert coded("Hundreds of Pakistani students pelted the Danish embassy with stones.") == {
        ("pakistan", "PROTEST", "denmark")}
    assert coded("Three French diplomats were expelled from Algiers on Sunday.") == {
        ("algeria", "SANCTION", "france")}


def test_troops_leaving_a_state_withdraw_from_it():
    assert coded("The last Cuban troops left Angola on Saturday.") == {("cuba", "RETREAT", "angola")}
    assert coded("The minister left Moscow on Monday.") == set()


def test_office_holders_placed_past_a_clause_and_a_letter_code_inside_a_name():
    events, codes = read("Peruvian senators endorsed President Rafael Soto's plan on Tuesday.")
    assert [(codes.get(e.source), e.type, codes.get(e.target)) for e in events] == [("PER", "SUPPORT", "PER")]
    events, codes = read("Students in Nairobi marched on Monday, demanding that Mwai Kibaki step down.")
    assert [(e.type, codes.get(e.target)) for e in events if e.type == "PROTEST"] == [("PROTEST", "KEN")]
    assert "french-polynesia" not in states("Opposition leaders refused to join a government with ZANU-PF.")
    assert "MLI" not in states("The junta rejected calls from Aung San Suu Kyi's party.").values()
    assert coded("The Thai government threatened to declare an emergency if protesters did not leave the airport.") \
        == {("thailand", "THREATEN", "thailand")}


def test_a_capitals_plan_is_its_governments_and_rioters_burning_protest():
    assert coded("Chile and Peru rejected a Washington plan for a regional trade zone.") == {
        ("chile", "REJECT", "united-states"), ("peru", "REJECT", "united-states")}
    assert coded("Milosevic rejected the Rambouillet peace plan.") == {("milosevic", "REJECT", None)}
    assert coded("Rioters set fire to government buildings in Lagos.") == {("nigeria", "PROTEST", "nigeria")}


def test_what_an_obstructing_crowd_protests_against_and_the_authors_and_doers_of_what_is_judged():
    assert coded("Peruvian farmers blocked highways to protest against imports of Chilean potatoes.") == {
        ("peru", "PROTEST", "chile")}
    assert coded("Belgrade rejected a Bosnia peace plan drafted by France.") == {("serbia", "REJECT", "france")}
    assert coded("A proposal by Hanoi for border talks was rejected by Beijing.") == {("china", "REJECT", "vietnam")}
    assert coded("Pakistani students burned Danish flags in Lahore.") == {("pakistan", "PROTEST", "denmark")}
    assert ("national-court", "ACCUSE", "chile") in coded(
        "Spain's National Court opened an investigation into torture carried out by Chilean officers.")
    assert coded("Kenya lifted a curfew in Somalia's border town of Dhobley.") == {("kenya", "RETREAT", "somalia")}


def test_a_threat_names_whom_its_act_reaches_else_whose_act_it_is_conditioned_on():
    assert coded("Iran threatened on Monday to aim its missiles at Kuwait and Bahrain.") == {
        ("iran", "THREATEN", "kuwait"), ("iran", "THREATEN", "bahrain")}
    assert coded("Pyongyang threatened to quit the Nuclear Non-Proliferation Treaty unless Seoul halted its drills.") \
        >= {("north-korea", "THREATEN", "south-korea")}


def test_a_party_or_front_no_data_names_is_of_the_one_state_its_sentence_names():
    events, codes = read("The Egyptian government broke off talks with leaders of the Islamic Renewal Front.")
    assert [(codes.get(e.source), e.type, codes.get(e.target)) for e in events] == [("EGY", "SANCTION", "EGY")]
    assert states("Human Rights Watch criticised Kenya.").get("human-rights-watch") is None


def test_an_act_told_as_the_occasion_of_another_and_a_natural_hazard_are_no_events():
    assert coded("The African Union suspended Mali's membership after soldiers seized power in Bamako.") == {
        ("african-union", "SANCTION", "mali")}
    assert coded("An earthquake struck the south of Turkey on Monday.") == set()
    assert coded("NATO expressed solidarity with Latvia after a Russian jet violated its airspace.") == {
        ("north-atlantic-treaty-organization", "SUPPORT", "latvia")}


def test_who_put_forward_what_was_refused_and_who_says_it_was_refused():
    assert coded("A truce offer from the Houthis was rejected by Saudi Arabia.") == {
        ("saudi-arabia", "REJECT", "houthis")}
    assert coded("Chile's request for talks was turned down, Bolivian officials in La Paz said.") >= {
        ("bolivia", "REJECT", "chile")}


def test_a_crowd_taking_to_the_streets_of_a_city_is_placed_by_it():
    assert coded("Opposition supporters took to the streets of Lusaka to protest the election results.") == {
        ("zambia", "PROTEST", "zambia")}


def test_a_people_named_after_its_state_is_that_states():
    assert coded("Thousands of Croats rallied in Zagreb against the peace plan.") >= {("croatia", "PROTEST", "croatia")}
    assert states("Hundreds of Kurds marched in Ankara.").get("kurds") == "TUR"  # a people with no state of its
    assert states("Kurds from Iraq marched in Ankara.").get("kurds") is None  # own, placed in one


def test_how_a_crowd_protests_is_part_of_its_protest():
    assert coded("Thousands of Iranian students besieged the British embassy in Tehran, throwing stones and chanting "
                 "slogans.") == {("iran", "PROTEST", "united-kingdom")}


def test_a_vehicle_attacked_stands_for_the_people_it_carries():
    assert coded("Gunmen ambushed a bus carrying Kenyan teachers near Mandera.") == {(None, "ASSAULT", "kenya")}


def test_a_statement_issued_says_what_its_issuer_demands_and_a_code_inside_a_name_is_no_state():
    assert coded("The rebel Kurdistan Workers' Party issued a statement demanding that the Turkish government free "
                 "its leader.") >= {("kurdistan-workers-party", "REQUEST", "turkey")}
    assert "PYF" not in states("Tsvangirai accused Zimbabwe's ruling ZANU-PF party of sending militias.").values()


def test_a_show_of_force_names_whom_it_is_aimed_at_or_quarrels_with():
    assert coded("China held large-scale missile exercises off Fujian in a show of force aimed at Taiwan.") == {
        ("china", "MOBILIZE", "taiwan")}
    assert coded("Ankara put its navy on alert in a standoff with Athens.") == {("turkey", "MOBILIZE", "greece")}
    assert coded("Seoul put its forces on alert, saying Pyongyang was preparing an attack.") >= {
        ("south-korea", "MOBILIZE", "north-korea")}


def test_threats_and_strikes_at_home_and_a_possessive_inside_a_demand_is_no_one():
    assert coded("Peruvian rebels threatened to kill local mayors who refused to resign.") == {
        ("peru", "THREATEN", "peru")}
    assert coded("Angolan rebels threatened on Wednesday to shoot down civilian aircraft.") >= {
        ("angola", "THREATEN", None)}  # a threat and its infinitive read after a noun
    assert ("algeria", "PROTEST", "algeria") in coded("Rioting youths set fire to government buildings and looted "
                                                      "shops in Algiers.")
    assert coded("Bolivian miners walked off the job, demanding that the government settle its debts.") == {
        ("bolivia", "PROTEST", "bolivia")}


def test_a_body_named_after_its_city_lies_there_and_doers_of_listed_acts():
    assert coded("Students at Cairo University staged a sit-in against the closure of a newspaper.") == {
        ("egypt", "PROTEST", "egypt")}
    assert ("national-court", "ACCUSE", "chile") in coded(
        "Spain's National Court opened an inquiry into torture and disappearances carried out by Chilean officers.")


def test_what_was_offered_and_turned_down_is_no_second_event():
    assert coded("Belgrade rejected the mediation offered by Greece.") == {("serbia", "REJECT", "greece")}


def test_an_inquiry_ordered_is_an_investigation_and_what_it_looks_into_no_second_event():
    assert coded("Kenya's attorney general ordered an investigation into the conduct of police in Kisumu.") == {
        ("role:attorney general:kenya", "ACCUSE", "kenya")}
    assert {t for _, t, _ in coded("Police in Lima launched an investigation into the bombing of a hotel.")} == {
        "ACCUSE"}


def test_threats_and_refusals_at_home():
    assert coded("Zambian President Frederick Chiluba threatened to declare a state of emergency.") == {
        ("frederick-chiluba", "THREATEN", "zambia")}
    assert coded("Kenya's opposition rejected the election results.") == {("kenya", "REJECT", "kenya")}


def test_ordering_a_diplomat_to_leave_is_an_expulsion_and_allowing_relief_flights_a_retreat():
    assert coded("Uganda ordered the Sudanese ambassador to leave the country within 48 hours.") == {
        ("uganda", "SANCTION", "role:ambassador:sudan")}
    assert ("sudan", "RETREAT", None) in coded("The Sudanese government allowed relief flights into the south.")


def test_an_object_parsed_under_as_and_troops_offered_by_their_state():
    assert coded("North Korea rejected as absurd a U.S. proposal for talks.") == {
        ("north-korea", "REJECT", "united-states")}
    assert coded("Indonesia turned down an offer of Australian troops.") == {("indonesia", "REJECT", "australia")}


def test_residents_of_a_place_and_prisoners_held_in_a_state_protest_there():
    assert coded("Residents of Okinawa protested against the presence of U.S. bases.") == {
        ("okinawa", "PROTEST", "united-states")}
    assert coded("Hundreds of Kurdish prisoners in Turkish jails went on hunger strike.") >= {
        ("turkey", "PROTEST", "turkey")}


def test_a_peoples_name_before_a_noun_is_its_states_adjective():
    assert coded("Serb forces shelled the town of Tuzla.") == {("serbia", "ASSAULT", "bosnia-and-herzegovina")}


def test_support_thrown_behind_a_capital_and_what_a_backed_decision_says_is_no_event():
    assert coded("Moscow threw its support behind Belgrade in the dispute over Kosovo.") == {
        ("russia", "SUPPORT", "serbia")}
    assert coded("Britain backed Washington's decision to bomb Libya.") == {
        ("united-kingdom", "SUPPORT", "united-states")}


def test_leaving_a_body_reduces_relations_and_envoys_recalled():
    assert coded("Morocco withdrew from the Organization of African Unity.") == {
        ("morocco", "SANCTION", "organisation-of-african-unity")}
    assert coded("Israel withdrew from Gaza.") == {("israel", "RETREAT", "palestinian-territory")}
    assert coded("Nigeria recalled its high commissioner from London.") == {("nigeria", "SANCTION", "united-kingdom")}


def test_a_person_a_state_holds_or_frees_is_its_own_and_a_capital_appealed_to_its_government():
    events, codes = read("Burma's military government released Aung San Suu Kyi from house arrest on Monday.")
    assert [(codes.get(e.source), e.type, codes.get(e.target)) for e in events] == [("MMR", "RETREAT", "MMR")]
    assert coded("Seoul appealed to Pyongyang to resume family reunions.") >= {
        ("south-korea", "REQUEST", "north-korea")}


def test_a_party_no_one_recognised_banned_at_home():
    assert coded("Turkey's Constitutional Court banned the pro-Kurdish People's Democracy Party on Thursday.") == {
        ("constitutional-court", "COERCE", "turkey")}


def test_a_body_or_person_a_state_is_said_to_have_is_its_own():
    assert states("Moscow sanctioned Ukraine's state energy firm Naftogaz.").get("naftogaz") == "UKR"
    assert states("Zimbabwe's Mugabe rejected the demands of the opposition.").get("mugabe") == "ZWE"


def test_a_capital_reached_through_the_acts_own_preposition_is_its_government():
    assert coded("Tokyo called on Beijing to release the fishermen.") >= {("japan", "REQUEST", "china")}
    assert coded("Ugandan rebels threatened to attack unless the government in Kampala freed their leader.") >= {
        ("uganda", "THREATEN", "uganda")}


def test_an_oppositions_demand_of_its_own_capital_targets_its_state():
    assert coded("Kenyan opposition leaders demanded that Nairobi hold a referendum on the constitution.") == {
        ("kenya", "REQUEST", "kenya")}


def test_stopping_ties_or_easing_penalties_no_pair_lists():
    assert coded("Moscow halted imports of Georgian mineral water on Friday.") == {("russia", "SANCTION", "georgia")}
    assert coded("Washington relaxed its embargo on Vietnam.") == {("united-states", "RETREAT", "vietnam")}
    assert coded("Hanoi brushed aside Beijing's claims to the islands.") == {("vietnam", "REJECT", "china")}


def test_a_union_of_a_states_workers_is_that_states():
    assert coded("Chile's copper miners' union rejected the government's pay offer.") == {
        ("chile", "REJECT", "chile")}


def test_armed_units_or_weapons_that_hit_a_place_assault_and_an_island_is_not_iceland():
    found = states("Cairo said Libyan jets hit a fuel depot on Zabargad Island overnight.")
    assert "iceland" not in found
    assert coded("Cairo said Libyan jets hit a fuel depot on Zabargad Island overnight.") == {
        ("libya", "ASSAULT", None)}
    assert coded("Iraqi rockets struck the embassy in Kabul.") == {("iraq", "ASSAULT", "afghanistan")}


def test_troops_that_begin_leaving_a_country_retreat_from_it():
    assert coded("Burundian troops began leaving the north of Somalia on Friday.") == {
        ("burundi", "RETREAT", "somalia")}


def test_forces_carried_to_a_place_at_home_are_deployed_against_that_state():
    assert coded("The Nigerian army flew troops into Borno on Friday.") == {("nigeria", "MOBILIZE", "borno")}
    assert states("The Nigerian army flew troops into Borno on Friday.")["borno"] == "NGA"
    assert states("Jakarta rushed more police into Aceh.")["aceh"] == "IDN"  # a province under a grouping unit
    assert coded("Thousands of troops were massed by the Sri Lankan army outside Jaffna.") == {
        ("sri-lanka", "MOBILIZE", "sri-lanka")}


def test_forces_readied_for_a_fight_or_in_answer_aim_at_the_other_side():
    assert coded("Egypt called up reservists ahead of an offensive in Libya.") == {("egypt", "MOBILIZE", "libya")}
    assert coded("Tehran placed its navy on high alert in response to what it called provocations by "
                 "Washington.") == {("iran", "MOBILIZE", "united-states")}
    assert coded("Athens put its forces on a war footing.") == {("greece", "MOBILIZE", None)}
    assert coded("India moved armoured divisions close to the Pakistani border in Rajasthan.") == {
        ("india", "MOBILIZE", "pakistan")}



def test_a_protest_against_an_act_is_against_its_doer():
    assert ("philippines", "PROTEST", "united-states") in coded(
        "Students in Manila staged a sit-in against the American occupation.")


def test_an_inquiry_into_what_names_no_other_state_is_into_the_states_own_affairs():
    assert coded("Greek prosecutors opened an investigation on Tuesday into alleged bribes paid by state "
                 "hospitals.") == {("greece", "ACCUSE", "greece")}
    assert coded("Britain launched an investigation into Russian hacking.") == {
        ("united-kingdom", "ACCUSE", "russia")}
    assert states("The Kenyan Senate opened an inquiry into claims that the Finance Ministry had hidden debts."
                  )["finance-ministry"] == "KEN"
    assert states("The U.N. Human Rights Council opened an inquiry into killings by Syrian troops."
                  ).get("u-n-human-rights-council") is None


def test_an_inquiry_into_what_names_one_other_state_is_into_that_state():
    assert ("international-criminal-court", "ACCUSE", "myanmar") in coded(
        "The International Criminal Court opened an investigation into alleged crimes committed by security forces "
        "in Myanmar.")
    assert ("united-nations", "ACCUSE", "serbia") in coded(
        "The United Nations opened an inquiry into killings of Bosnian civilians by the Serbian army.")


def test_a_threat_parsed_as_a_participle_after_its_subject_with_its_infinitive_as_a_clause():
    assert ("al-shabaab", "THREATEN", "kenya") in coded(
        "Somalia's al-Shabaab movement, which holds much of the south, threatened on Friday to attack any convoy "
        "heading for Kenyan bases.")


def test_handing_back_or_over_retreats_toward_the_recipient_and_prisoners_of_war_are_no_war():
    assert coded("Russia handed back the island to Japan.") == {("russia", "RETREAT", "japan")}
    assert coded("Eritrea handed over 40 Ethiopian prisoners of war on Monday.") == {
        ("eritrea", "RETREAT", "ethiopia")}
    assert coded("Rwandan troops vacated the Congolese town of Bukavu.") == {
        ("rwanda", "RETREAT", "democratic-republic-of-the-congo")}
    assert ("israel", "RETREAT", "west-bank") in coded("Israel lifted its closure of the West Bank.")


def test_idioms_of_backing_are_support():
    assert coded("Tehran on Monday came to the defence of Damascus over its military presence in Lebanon.") == {
        ("iran", "SUPPORT", "syria")}
    assert coded("Cairo threw its weight behind the Saudi plan.") == {("egypt", "SUPPORT", "saudi-arabia")}
    assert coded("The Nigerian army pledged its loyalty to the president.") == {("nigeria", "SUPPORT", None)}


def test_a_person_a_crowd_protests_against_at_home_is_that_states():
    assert states("Farmers in Nairobi marched against William Ruto's tax plan.")["william-ruto"] == "KEN"
    assert states("Thousands of workers rallied in Lima against Alan Garcia.")["alan-garcia"] == "PER"
    assert states("Thousands of workers rallied in Lima with Alan Garcia.").get("alan-garcia") is None


def test_a_name_that_spans_states_is_no_states():
    assert states("Truckers blocked the Pan-American Highway near Lima.").get("pan-american-highway") is None


def test_the_countrys_stands_for_the_state_named_before():
    assert coded("Peruvian President Ana Rojas warned the country's mining unions that strikes would be broken "
                 "up.") == {("ana-rojas", "THREATEN", "peru")}


def test_a_proposal_is_its_sponsors_or_the_offerer_of_what_it_offers():
    assert coded("Moscow vetoed a U.S.-sponsored resolution on Syria.") >= {("russia", "REJECT", "united-states")}
    assert coded("An offer of Chinese economic aid was rejected on Monday by Hanoi.") == {
        ("vietnam", "REJECT", "china")}


def test_pulling_out_of_positions_near_a_city_leaves_its_state():
    assert coded("Syrian troops pulled out of positions near Beirut.") == {("syria", "RETREAT", "lebanon")}


def test_an_act_that_reaches_another_state_is_not_also_on_the_doers_own():
    assert coded("The United States imposed a total trade embargo on Cuba on Friday, banning imports of Cuban goods "
                 "and closing American ports to its ships.") == {("united-states", "SANCTION", "cuba")}


def test_unnamed_parties_of_a_sentence_naming_one_state_are_that_states():
    assert coded("The opposition rejected the government's offer of talks, saying the elections in Togo had been "
                 "rigged.") == {("togo", "REJECT", "togo")}
    assert coded("The government rejected US criticism of its human rights record.") == {
        (None, "REJECT", "united-states")}


def test_a_threat_of_harm_in_a_place_or_to_boycott_home_affairs_targets_that_state():
    assert coded("The Tamil Tigers warned that they would resume attacks in Colombo if the army advanced "
                 "further.") == {("liberation-tigers-of-tamil-eelam", "THREATEN", "sri-lanka")}
    assert coded("Serb leaders threatened to boycott the elections.") == {("serbia", "THREATEN", "serbia")}
    assert coded("Russia threatened to cut off gas supplies to Ukraine.") == {("russia", "THREATEN", "ukraine")}


def test_they_leans_to_a_body_named_in_the_plural():
    assert coded("Kuwait expelled two Iraqi diplomats on Tuesday, accusing them of spying.") == {
        ("kuwait", "SANCTION", "iraq"), ("kuwait", "ACCUSE", "iraq")}


def test_a_warning_that_a_state_will_strike_is_its_threat_to_whom_it_will_strike():
    assert coded("Israel will strike Hezbollah targets across Lebanon if rocket fire continues, Defence Minister "
                 "Amos Levin warned on Sunday.") == {("israel", "THREATEN", "hezbollah")}
    assert coded("China warned Taiwan that it would use force.") == {("china", "THREATEN", "taiwan")}


def test_a_show_of_force_timed_before_another_states_event_is_aimed_at_it():
    assert coded("Russia held naval drills in the Baltic ahead of Lithuania's referendum.") == {
        ("russia", "MOBILIZE", "lithuania")}


def test_a_withdrawal_is_from_the_state_left_not_toward_where_the_forces_go():
    assert coded("The PKK pulled its fighters out of Turkey into northern Iraq.") == {
        ("kurdistan-workers-party", "RETREAT", "turkey")}


def test_a_protest_or_rally_in_protest_against_or_in_support_of_reaches_its_object():
    assert coded("Thousands rallied in Kiev in support of Georgia.") == {("ukraine", "PROTEST", "georgia")}
    assert coded("Palestinians marched in Ramallah in protest against the construction of Israel's barrier.") == {
        ("palestinian-territory", "PROTEST", "israel")}


def test_an_offer_is_of_whom_its_content_comes_from_and_the_commonwealth_is_a_body():
    assert coded("Algeria's military-backed government rejected an offer of talks from the Islamic Salvation "
                 "Front.") == {("algeria", "REJECT", "islamic-salvation-front")}
    assert coded("The Commonwealth suspended Zimbabwe's membership.") == {
        ("commonwealth-of-nations", "SANCTION", "zimbabwe")}


def test_unnamed_doers_of_a_sentence_placing_one_state_are_that_states():
    assert ("india", "THREATEN", "india") in coded(
        "Separatist rebels warned that they would carry out attacks in Indian cities unless troops were pulled "
        "out of the valley.")


def test_letters_in_brackets_after_a_name_are_its_own_and_a_person_placed_under_investigation_is_at_home():
    assert "dominica" not in states("Police in Lagos threatened to arrest leaders of the Campaign for Democracy (CD).")
    assert states("Kenya's attorney general placed former minister Joseph Kamau under investigation on Monday."
                  ).get("joseph-kamau") == "KEN"
    assert coded("Moscow recalled its ambassador from Tallinn in protest against the removal of a Soviet war "
                 "memorial.") == {("russia", "SANCTION", "estonia")}


def test_a_warning_conditioned_in_its_clause_targets_the_one_whose_act_it_waits_on():
    assert coded("Tehran warned that it would quit the Non-Proliferation Treaty if Washington imposed new "
                 "sanctions.") >= {("iran", "THREATEN", "united-states")}


def test_what_an_inquiry_looks_into_is_no_event_of_its_own():
    assert coded("Amnesty International opened an inquiry into reports that Indonesian troops killed scores of "
                 "mourners at a cemetery in Dili.") == {("amnesty-international", "ACCUSE", "indonesia")}


def test_what_a_plot_or_plan_was_to_do_is_no_event():
    assert coded("Police foiled a plan to bomb the US embassy in Nairobi.") == set()
    assert coded("Britain broke off diplomatic relations with Syria after a London court linked Damascus to a plot "
                 "to blow up an Israeli airliner.") == {("united-kingdom", "SANCTION", "syria")}


def test_a_meeting_told_as_the_occasion_of_a_reported_act_is_no_event():
    assert coded("Tokyo praised Seoul for a historic step after South Korean President Kim Dae-jung returned from "
                 "his summit in Pyongyang.") == {("japan", "SUPPORT", "south-korea")}
