"""Entity mentions: trimming, in-document canonical names, aliases, and corpus-level resolution."""

from __future__ import annotations

import random
import re

import pytest

from assets.text.entities import MENTION_LABELS, alias_lookup, doc_mentions, entity_key, resolve_corpus
from assets.text.records import Mention
from conftest import sentences


def mentions_for(nlp, text: str, ents: list[tuple[str, str]] | None = None):
    """Mentions of text; `ents` (in text order, optionally (surface, label, after)) force the entity spans."""
    doc = nlp(text)
    if ents is not None:
        spans, pos = [], 0
        for surface, label, *skip in ents:
            pos = max(pos, text.index(skip[0]) + len(skip[0])) if skip else pos
            start = re.compile(r"(?<!\w)" + re.escape(surface)).search(text, pos).start()
            pos = start + len(surface)
            span = doc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
            spans.append(span)
        doc.ents = spans
    out = doc_mentions(doc, sentences(doc))
    for m in out:
        assert text[m.start_char : m.end_char] == m.text
    return out


def by_text(mentions: list[Mention], text: str) -> list[Mention]:
    return [m for m in mentions if m.text == text]


def test_offsets_are_exact_body_slices_and_labels_are_kept_set(nlp):
    text = (
        "On Tuesday, Chancellor Olaf Scholz met Emmanuel Macron in Paris for 3 hours.\n"
        "The European Commission said the Treaty of Lisbon still applied to all 27 members."
    )
    ms = mentions_for(nlp, text)
    assert ms, "expected some mentions"
    assert all(m.label in MENTION_LABELS for m in ms)
    assert not any(m.text in ("Tuesday", "3 hours", "27") for m in ms)


def test_sentence_index_comes_from_sentence_offsets(nlp):
    text = "Angela Merkel spoke first. Later, Emmanuel Macron answered questions in Paris."
    doc = nlp(text)
    sents = sentences(doc)
    ms = doc_mentions(doc, sents)
    for m in ms:
        s = sents[m.sentence_idx]
        assert s.start_char <= m.start_char < s.end_char
    assert {m.sentence_idx for m in ms if m.label == "PERSON"} == {0, 1}


def test_surname_title_and_possessives_resolve_to_full_name(nlp):
    text = (
        "Russian President Vladimir Putin landed in Beijing on Thursday. "
        "Putin's aides said the trip mattered. Mr. Putin’s schedule was kept secret. "
        "President Putin later met students."
    )
    ents = [
        ("Russian", "NORP"),
        ("Vladimir Putin", "PERSON"),
        ("Beijing", "GPE"),
        ("Putin's", "PERSON"),
        ("Mr. Putin’s", "PERSON"),
        ("President Putin", "PERSON"),
    ]
    ms = mentions_for(nlp, text, ents)
    people = [m for m in ms if m.label == "PERSON"]
    assert len(people) == 4
    assert {m.entity_key for m in people} == {"PERSON|vladimir putin"}
    assert {m.canonical for m in people} == {"Vladimir Putin"}
    assert not any(m.partial for m in people)
    # Possessive endings are trimmed from the mention itself (straight and curly apostrophes).
    assert [m.text for m in people][1] == "Putin"
    assert "’s" not in people[2].text and people[2].text.endswith("Putin")


def test_surname_before_full_name_still_resolves(nlp):
    text = "Ward arrived late. Hours later, Michael Ward told the committee he had been delayed."
    ms = mentions_for(nlp, text, [("Ward", "PERSON"), ("Michael Ward", "PERSON")])
    assert [m.entity_key for m in ms] == ["PERSON|michael ward", "PERSON|michael ward"]
    assert not ms[0].partial


def test_bare_surname_without_full_name_is_partial(nlp):
    text = "Ms. Okafor said the budget was balanced. Okafor did not take questions."
    ms = mentions_for(nlp, text, [("Okafor", "PERSON"), ("Okafor", "PERSON")])
    assert all(m.partial for m in ms)
    assert {m.entity_key for m in ms} == {"PERSON|okafor"}


def test_full_names_are_not_partial(nlp):
    ms = mentions_for(
        nlp, "Jacinda Ardern visited Auckland.", [("Jacinda Ardern", "PERSON"), ("Auckland", "GPE")]
    )
    assert not ms[0].partial and ms[0].entity_key == "PERSON|jacinda ardern"


def test_shared_surname_goes_to_the_person_named_most_not_the_relative_named_last(nlp):
    text = (
        "Joe Biden spoke in Delaware. Hunter Biden stayed home. Biden later released a statement. "
        "Joe Biden returned to Washington, where Biden met aides."
    )
    ents = [
        ("Joe Biden", "PERSON"),
        ("Delaware", "GPE"),
        ("Hunter Biden", "PERSON"),
        ("Biden", "PERSON"),
        ("Joe Biden", "PERSON"),
        ("Washington", "GPE"),
        ("Biden", "PERSON"),
    ]
    ms = mentions_for(nlp, text, ents)
    bare = [m for m in ms if m.text == "Biden"]
    assert [m.entity_key for m in bare] == ["PERSON|joe biden", "PERSON|joe biden"]
    assert [m.entity_key for m in ms if m.text == "Hunter Biden"] == ["PERSON|hunter biden"]


def test_leading_the_and_glued_punctuation_are_trimmed(nlp):
    text = "Officials at the United Nations, “the Pentagon” and (the World Bank) met."
    ents = [("the United Nations,", "ORG"), ("“the Pentagon”", "ORG"), ("(the World Bank)", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert [m.text for m in ms] == ["United Nations", "Pentagon", "World Bank"]
    assert ms[0].entity_key == "ORG|united nations"


def test_dotted_abbreviations_keep_their_final_dot(nlp):
    text = "Sanctions by the U.S. and the U.K. were announced."
    ms = mentions_for(nlp, text, [("U.S.", "GPE"), ("U.K.", "GPE")])
    assert [m.text for m in ms] == ["U.S.", "U.K."]


@pytest.mark.parametrize(
    "surface,label,expected",
    [
        ("US", "GPE", "GPE|united states"),
        ("U.S.", "ORG", "GPE|united states"),
        ("U.S.A.", "GPE", "GPE|united states"),
        ("United States of America", "GPE", "GPE|united states"),
        ("America", "GPE", "GPE|united states"),
        ("Britain", "GPE", "GPE|united kingdom"),
        ("U.K.", "ORG", "GPE|united kingdom"),
        ("EU", "ORG", "ORG|european union"),
        ("E.U.", "GPE", "ORG|european union"),
        ("U.N.", "GPE", "ORG|united nations"),
        ("Russian Federation", "GPE", "GPE|russia"),
        ("People's Republic of China", "GPE", "GPE|china"),
        ("IMF", "ORG", "ORG|international monetary fund"),
    ],
)
def test_alias_table_fixes_name_and_label(nlp, surface, label, expected):
    text = f"Delegates from {surface} arrived."
    ms = mentions_for(nlp, text, [(surface, label)])
    assert ms[0].entity_key == expected
    assert ms[0].label == expected.split("|")[0]


def test_alias_lookup_needs_capitals_for_short_acronyms():
    assert alias_lookup("US") == ("United States", "GPE")
    assert alias_lookup("us") is None
    assert alias_lookup("Who") is None
    assert alias_lookup("WHO") == ("World Health Organization", "ORG")
    assert alias_lookup("the States") == ("United States", "GPE")


def test_demonyms_stay_norp_and_are_not_the_country(nlp):
    text = "Russian officials and Russians abroad welcomed the decision, unlike Chinese diplomats in Russia."
    ents = [("Russian", "NORP"), ("Russians", "NORP"), ("Chinese", "NORP"), ("Russia", "GPE")]
    ms = mentions_for(nlp, text, ents)
    keys = [m.entity_key for m in ms]
    assert keys == ["NORP|russian", "NORP|russian", "NORP|chinese", "GPE|russia"]


def test_mislabelled_surname_becomes_the_person(nlp):
    text = "Chinese leader Xi Jinping arrived in Moscow. Xi praised the talks, and Xi's hosts agreed."
    ents = [("Chinese", "NORP"), ("Xi Jinping", "PERSON"), ("Moscow", "GPE"), ("Xi", "ORG"), ("Xi's", "GPE")]
    ms = mentions_for(nlp, text, ents)
    xi = [m for m in ms if m.text == "Xi"]
    assert len(xi) == 2
    assert all(m.label == "PERSON" and m.entity_key == "PERSON|xi jinping" for m in xi)


def test_untagged_surname_of_a_known_person_becomes_a_mention(nlp):
    text = "Analyst Priya Raman wrote the report. Raman said growth would slow."
    ms = mentions_for(nlp, text, [("Priya Raman", "PERSON")])
    bare = [m for m in ms if m.text == "Raman"]
    assert bare and bare[0].entity_key == "PERSON|priya raman" and bare[0].label == "PERSON"


def test_label_flip_flops_of_one_name_are_voted(nlp):
    text = "Huawei sued. Huawei lost the case. Huawei appealed."
    ms = mentions_for(nlp, text, [("Huawei", "ORG"), ("Huawei", "GPE"), ("Huawei", "ORG")])
    assert {m.entity_key for m in ms} == {"ORG|huawei"}


def test_acronym_defined_in_parentheses(nlp):
    text = "The International Energy Agency (IEA) cut its outlook. The IEA said demand would fall."
    ms = mentions_for(nlp, text, [("The International Energy Agency", "ORG"), ("IEA", "ORG"), ("IEA", "GPE")])
    assert {m.entity_key for m in ms} == {"ORG|international energy agency"}
    assert [m.text for m in ms] == ["International Energy Agency", "IEA", "IEA"]


def test_org_short_form_after_full_name(nlp):
    text = "Goldman Sachs raised its forecast. Goldman expects more growth."
    ms = mentions_for(nlp, text, [("Goldman Sachs", "ORG"), ("Goldman", "ORG")])
    assert {m.entity_key for m in ms} == {"ORG|goldman sachs"}


def test_model_ner_end_to_end(nlp):
    """Without forced spans: the real model's output still yields one key for the full name and surname."""
    text = "Russian President Vladimir Putin arrived in Beijing. Putin’s visit lasted two days."
    ms = mentions_for(nlp, text)
    putin = [m for m in ms if "Putin" in m.text]
    assert len(putin) == 2
    assert {m.entity_key for m in putin} == {"PERSON|vladimir putin"}
    assert all(not m.text.endswith(("’s", "'s")) for m in ms)


def test_entity_key_normalises_case_and_space():
    assert entity_key("ORG", "  European   Central Bank ") == "ORG|european central bank"


# ---------------------------------------------------------------------------------------------
# resolve_corpus


def mention(text: str, label: str, canonical: str | None = None, partial: bool = False) -> Mention:
    canonical = canonical or text
    return Mention(0, 0, len(text), text, label, canonical, entity_key(label, canonical), partial)


def test_corpus_partial_surname_joins_unique_full_name():
    pairs = [
        ("d1", mention("Vladimir Putin", "PERSON")),
        ("d2", mention("Putin", "PERSON", partial=True)),
    ]
    res = resolve_corpus(pairs)
    assert res["PERSON|putin"] == ("PERSON|vladimir putin", "PERSON", "Vladimir Putin")
    assert res["PERSON|vladimir putin"][0] == "PERSON|vladimir putin"


def test_corpus_ambiguous_surname_stays_its_own_entity():
    pairs = [
        ("d1", mention("Joe Biden", "PERSON")),
        ("d2", mention("Hunter Biden", "PERSON")),
        ("d3", mention("Biden", "PERSON", partial=True)),
    ]
    res = resolve_corpus(pairs)
    assert res["PERSON|biden"][0] == "PERSON|biden"


def test_corpus_surname_first_names_resolve_through_the_first_token():
    pairs = [("d1", mention("Xi Jinping", "PERSON")), ("d2", mention("Xi", "PERSON", partial=True))]
    assert resolve_corpus(pairs)["PERSON|xi"][0] == "PERSON|xi jinping"


def test_corpus_same_name_under_two_labels_is_one_entity():
    pairs = [
        ("d1", mention("Huawei", "ORG")),
        ("d2", mention("Huawei", "ORG")),
        ("d3", mention("Huawei", "GPE")),
    ]
    res = resolve_corpus(pairs)
    assert res["ORG|huawei"] == res["GPE|huawei"] == ("ORG|huawei", "ORG", "Huawei")


def test_corpus_non_partial_single_names_do_not_merge():
    pairs = [("d1", mention("Jordan", "GPE")), ("d2", mention("Michael Jordan", "PERSON"))]
    res = resolve_corpus(pairs)
    assert res["GPE|jordan"][0] == "GPE|jordan"


def test_corpus_resolution_is_deterministic_under_input_order():
    pairs = [
        ("d1", mention("Vladimir Putin", "PERSON")),
        ("d2", mention("Putin", "PERSON", partial=True)),
        ("d3", mention("huawei", "ORG", canonical="huawei")),
        ("d3", mention("Huawei", "ORG")),
        ("d4", mention("Huawei", "GPE")),
        ("d5", mention("European Union", "ORG")),
    ]
    first = resolve_corpus(pairs)
    for seed in range(5):
        shuffled = pairs[:]
        random.Random(seed).shuffle(shuffled)
        assert resolve_corpus(shuffled) == first
    assert set(first) == {m.entity_key for _, m in pairs}


# ---------------------------------------------------------------------------------------------
# Repairs of the model's NER


def test_person_tagged_name_with_an_organisation_word_is_an_org(nlp):
    text = "Keldor Petroleum lost revenue to theft. Kingsmere United changed owners."
    ms = mentions_for(nlp, text, [("Keldor Petroleum", "PERSON"), ("Kingsmere United", "PERSON")])
    assert [m.entity_key for m in ms] == ["ORG|keldor petroleum", "ORG|kingsmere united"]


def test_untagged_name_ending_in_an_organisation_word_becomes_an_org(nlp):
    text = "The turbines were built for Orrin Energy in Hull."
    ms = mentions_for(nlp, text, [])
    assert [(m.text, m.label) for m in ms] == [("Orrin Energy", "ORG")]


def test_speaker_the_model_missed_is_discovered(nlp):
    text = "Sofia Marin chairs the committee. “The bill is not perfect,” Marin said."
    ms = mentions_for(nlp, text, [("Marin", "GPE", "perfect")])
    assert [(m.text, m.entity_key) for m in ms] == [
        ("Sofia Marin", "PERSON|sofia marin"),
        ("Marin", "PERSON|sofia marin"),
    ]


def test_untagged_appositive_name_of_a_speaker_is_discovered(nlp):
    text = "The firm's chief executive, Emeka Obi, told a trade journal that theft had doubled."
    ms = mentions_for(nlp, text, [])
    assert ("Emeka Obi", "PERSON") in [(m.text, m.label) for m in ms]


def test_place_label_on_a_speaking_surname_is_repaired_by_a_following_pronoun(nlp):
    text = "Lagarde told reporters in Ljubljana that rates would fall. She said the economy was slowing."
    ms = mentions_for(nlp, text, [("Lagarde", "GPE"), ("Ljubljana", "GPE")])
    lag = by_text(ms, "Lagarde")[0]
    assert lag.label == "PERSON" and lag.partial
    assert by_text(ms, "Ljubljana")[0].label == "GPE"


def test_role_apposition_repairs_a_person_label(nlp):
    text = "Okonjo, the finance minister, presented the budget."
    ms = mentions_for(nlp, text, [("Okonjo", "ORG")])
    assert ms[0].label == "PERSON"


def test_acronym_matching_initials_without_parentheses(nlp):
    text = "The National Institutes of Health faces cuts. NIH grants fund most research."
    ms = mentions_for(nlp, text, [("National Institutes of Health", "ORG"), ("NIH", "ORG")])
    assert {m.entity_key for m in ms} == {"ORG|national institutes of health"}


def test_country_prefix_is_split_from_a_known_institution(nlp):
    text = "The U.S. Federal Reserve held rates steady."
    ms = mentions_for(nlp, text, [("U.S. Federal Reserve", "ORG")])
    assert [(m.text, m.entity_key) for m in ms] == [
        ("U.S.", "GPE|united states"),
        ("Federal Reserve", "ORG|federal reserve"),
    ]


def test_org_head_noun_short_form(nlp):
    text = "The European Commission proposed tariffs. The Commission said the duties were temporary."
    ms = mentions_for(nlp, text, [("The European Commission", "ORG"), ("Commission", "ORG")])
    assert {m.entity_key for m in ms} == {"ORG|european commission"}


def test_partial_person_matching_an_org_first_word_becomes_that_org(nlp):
    text = "Lakeshore Residential owns 4,000 flats. Lakeshore denied wrongdoing."
    ms = mentions_for(nlp, text, [("Lakeshore Residential", "ORG"), ("Lakeshore", "PERSON")])
    assert {m.entity_key for m in ms} == {"ORG|lakeshore residential"}


def test_place_speaker_stays_a_place_when_a_person_is_nearby(nlp):
    text = "Wang Yi met his counterpart on Monday. Beijing said the talks were useful. He said more meetings would follow."
    ms = mentions_for(nlp, text, [("Wang Yi", "PERSON"), ("Beijing", "GPE")])
    assert by_text(ms, "Beijing")[0].entity_key == "GPE|beijing"


def test_regnal_and_religious_titles_stay_in_the_name(nlp):
    text = "Pope Francis visited Lisbon. Francis met young pilgrims."
    ms = mentions_for(nlp, text, [("Pope Francis", "PERSON"), ("Lisbon", "GPE"), ("Francis", "PERSON")])
    assert {m.entity_key for m in ms if m.label == "PERSON"} == {"PERSON|pope francis"}


def test_name_split_or_mislabelled_by_the_model_is_rebuilt_from_a_following_pronoun(nlp):
    text = "Jarno Lehtola of the Kiel institute was more sceptical. He argued that subsidies should be cut first."
    ms = mentions_for(nlp, text, [("Lehtola", "GPE"), ("Kiel", "ORG")])
    assert ("Jarno Lehtola", "PERSON|jarno lehtola") in [(m.text, m.entity_key) for m in ms]
    assert "Lehtola" not in [m.text for m in ms]


def test_speaker_name_partly_tagged_as_a_place_is_rebuilt(nlp):
    text = "Marta Ruiz, an economist, said the change was overdue."
    ms = mentions_for(nlp, text, [("Marta", "GPE")])
    assert [(m.text, m.entity_key) for m in ms] == [("Marta Ruiz", "PERSON|marta ruiz")]


def test_untagged_speaking_surname_with_a_following_pronoun_becomes_a_partial_person(nlp):
    text = "Okwuosa said rates would fall. She said the economy was slowing."
    ms = mentions_for(nlp, text, [])
    assert [(m.text, m.label, m.partial) for m in ms] == [("Okwuosa", "PERSON", True)]


def test_untagged_name_with_a_role_apposition_is_a_person(nlp):
    text = "Ana Ruiz, a daily rider, met the mayor on Tuesday."
    ms = mentions_for(nlp, text, [])
    assert [(m.text, m.label) for m in ms] == [("Ana Ruiz", "PERSON")]


def test_multiword_place_label_with_a_role_apposition_is_a_person(nlp):
    text = "The mayor, Lina Park, answered questions."
    ms = mentions_for(nlp, text, [("Lina Park", "LOC")])
    assert ms[0].entity_key == "PERSON|lina park"


def test_team_short_forms_resolve_to_the_full_name_but_the_city_stays_a_place(nlp):
    text = (
        "Durban Mariners coach Sipho Ndlovu said his side had earned the win over the weekend. "
        "The Mariners host Orlando Pirates next week, and the match in Durban is already sold out."
    )
    ms = mentions_for(
        nlp,
        text,
        [
            ("Durban Mariners", "PERSON"),
            ("Sipho Ndlovu", "PERSON"),
            ("Mariners", "ORG", "The "),
            ("Orlando Pirates", "ORG"),
            ("Durban", "ORG", "match in "),
        ],
    )
    assert by_text(ms, "Durban Mariners")[0].entity_key == "ORG|durban mariners"
    assert by_text(ms, "Mariners")[0].entity_key == "ORG|durban mariners"
    assert by_text(ms, "Durban")[0].entity_key == "GPE|durban"

    # a company's shop is "at" it: the short form stays the company
    text = "The Brightline Gift Card makes a good present. Get it at Brightline for $50."
    ms = mentions_for(nlp, text, [("Brightline Gift Card", "ORG"), ("Brightline", "ORG", "at ")])
    assert by_text(ms, "Brightline")[0].entity_key == "ORG|brightline"
    assert (
        by_text(ms, "Brightline Gift Card")[0].label == "PRODUCT"
    )  # a card is sold, like a "Pro" or a "Lite"


def test_multiword_trailing_part_of_a_team_name_resolves_to_it(nlp):
    text = (
        "The Kolkata Knight Riders signed the fast bowler for $2 million at the auction. "
        "The Knight Riders finished last a year ago, and Kolkata fans were furious."
    )
    ents = [("Kolkata Knight Riders", "ORG"), ("Knight Riders", "ORG", "auction"), ("Kolkata", "GPE", "ago")]
    ms = mentions_for(nlp, text, ents)
    assert by_text(ms, "Knight Riders")[0].entity_key == "ORG|kolkata knight riders"
    assert by_text(ms, "Kolkata")[0].entity_key == "GPE|kolkata"


def test_nationality_word_opening_an_organisation_name_becomes_the_organisation(nlp):
    text = "Rohit Sharma, who captains the Mumbai side in the Indian Premier League, said he would rest for two weeks."
    ms = mentions_for(nlp, text, [("Rohit Sharma", "PERSON"), ("Mumbai", "GPE"), ("Indian", "NORP")])
    assert [(m.text, m.label) for m in ms] == [
        ("Rohit Sharma", "PERSON"),
        ("Mumbai", "GPE"),
        ("Indian Premier League", "ORG"),
    ]


def test_untagged_organisation_name_opening_with_an_adjective(nlp):
    text = "Officials said the Indian Premier League will expand to 12 teams next season."
    ms = mentions_for(nlp, text, [])
    assert [(m.text, m.entity_key) for m in ms] == [("Indian Premier League", "ORG|indian premier league")]


def test_country_possessive_inside_one_span_is_two_mentions(nlp):
    text = "South Africa’s Competition Commission said on Friday it would investigate the proposed merger of the two grocers."
    ms = mentions_for(nlp, text, [("South Africa’s Competition Commission", "GPE")])
    assert [(m.text, m.label) for m in ms] == [("South Africa", "GPE"), ("Competition Commission", "ORG")]


def test_possessive_brand_name_is_not_split(nlp):
    text = "Shares in McDonald’s Corporation rose after the results."
    ms = mentions_for(nlp, text, [("McDonald’s Corporation", "ORG")])
    assert [m.text for m in ms] == ["McDonald’s Corporation"]


def test_office_titles_are_not_part_of_the_canonical_name(nlp):
    text = (
        "Treasurer Jim Chalmers said the cut was welcome. Later, Sheriff Dana Cole and Councillor Amir Patel "
        "spoke to reporters. Chalmers said more relief would follow."
    )
    doc = nlp(text)
    canon = {m.canonical for m in doc_mentions(doc, sentences(doc)) if m.label == "PERSON"}
    assert {"Jim Chalmers", "Dana Cole", "Amir Patel"} <= canon
    assert not any(name.split()[0] in ("Treasurer", "Sheriff", "Councillor") for name in canon)


def test_add_with_a_plain_object_does_not_make_its_subject_a_person(nlp):
    text = "Skyline Air will add an Airbus A220 to its fleet next spring. Skyline Air flies to 14 cities."
    labels = {
        m.label
        for m in mentions_for(nlp, text, [("Skyline Air", "ORG"), ("Airbus", "ORG"), ("Skyline Air", "ORG")])
        if m.text == "Skyline Air"
    }
    assert labels == {"ORG"}


@pytest.mark.parametrize(
    "name, forced",
    [("Lys Glacier", "PERSON"), ("Lake Kivu", "ORG"), ("Mount Elgon", "PERSON"), ("Rufiji River", "GPE")],
)
def test_named_natural_features_are_places_whatever_the_model_says(nlp, name, forced):
    text = f"Scientists have measured the water at {name} every summer since 1990, the report said."
    [m] = [m for m in mentions_for(nlp, text, [(name, forced)]) if m.text == name]
    assert m.label == "LOC"


def test_place_words_do_not_override_organisation_designators_or_surnames(nlp):
    text = "Doctors at Mount Elgon Hospital treated 40 patients, said Damon Hill, a nurse."
    ms = {
        m.text: m.label
        for m in mentions_for(nlp, text, [("Mount Elgon Hospital", "ORG"), ("Damon Hill", "PERSON")])
    }
    assert ms["Mount Elgon Hospital"] == "ORG"
    assert ms["Damon Hill"] == "PERSON"


def test_apposition_with_an_agent_noun_makes_a_mislabelled_name_a_person(nlp):
    text = "The melt at Lys Glacier has exposed bare rock, said Ferrari, a retired guide. Ferrari said the hut was moved twice."
    ms = mentions_for(nlp, text, [("Lys Glacier", "PERSON"), ("Ferrari", "ORG"), ("Ferrari", "ORG")])
    assert {m.label for m in ms if m.text == "Ferrari"} == {"PERSON"}
    assert {m.label for m in ms if m.text == "Lys Glacier"} == {"LOC"}
    text = "Karimov, a glaciologist, has studied the ice for 30 years."
    [m] = mentions_for(nlp, text, [("Karimov", "GPE")])
    assert m.label == "PERSON"


def test_apposition_with_an_organisation_noun_keeps_the_organisation(nlp):
    text = "Ferrari, a carmaker based in Maranello, said sales rose 9 percent."
    [m] = [
        m for m in mentions_for(nlp, text, [("Ferrari", "ORG"), ("Maranello", "GPE")]) if m.text == "Ferrari"
    ]
    assert m.label == "ORG"


def test_person_span_takes_an_untagged_given_name_before_it(nlp):
    text = "The plan was drawn up by Wahyu Setiawan Hadi, a director at the ministry. Exports would double by 2026, Hadi said."
    ms = mentions_for(nlp, text, [("Setiawan Hadi", "PERSON"), ("Hadi", "ORG", "2026")])
    assert [(m.text, m.canonical) for m in ms if m.label == "PERSON"] == [
        ("Wahyu Setiawan Hadi", "Wahyu Setiawan Hadi"),
        ("Hadi", "Wahyu Setiawan Hadi"),
    ]


def test_bare_surname_resolves_to_an_untagged_earlier_full_name(nlp):
    text = "The plan was drawn up by Wahyu Setiawan Hadi at the ministry. Exports would double by 2026, Hadi said."
    [m] = [m for m in mentions_for(nlp, text, [("Hadi", "PERSON", "2026")]) if m.label == "PERSON"]
    assert (m.text, m.canonical, m.partial) == ("Hadi", "Wahyu Setiawan Hadi", False)


def test_untagged_full_name_that_speaks_becomes_a_person_mention(nlp):
    text = "Agus Prasetyo said exports of nickel would double. “We have the reserves,” Prasetyo said."
    ms = mentions_for(nlp, text, [("Agus", "ORG"), ("Prasetyo", "PERSON", "reserves")])
    assert [(m.text, m.label, m.canonical) for m in ms] == [
        ("Agus Prasetyo", "PERSON", "Agus Prasetyo"),
        ("Prasetyo", "PERSON", "Agus Prasetyo"),
    ]


def test_titles_roles_and_organisation_words_do_not_join_a_name(nlp):
    text = "Treasury Secretary Lina Hadi met bankers on Monday. Later Hadi said rates would stay high."
    [m] = [m for m in mentions_for(nlp, text, [("Hadi", "PERSON", "Later")]) if m.text == "Hadi"]
    assert m.canonical == "Lina Hadi"
    text = "Halvern Energy Hadi Group signed the deal. Hadi said it was a good day."
    [m] = [m for m in mentions_for(nlp, text, [("Hadi", "PERSON", "deal")]) if m.text == "Hadi"]
    assert m.partial and m.canonical == "Hadi"


def test_headline_capitals_are_not_a_full_name(nlp):
    text = "Nickel Boom Lifts Hopes For Prasetyo\nExports of nickel would double by 2026, Prasetyo said on Monday."
    [m] = [m for m in mentions_for(nlp, text, [("Prasetyo", "PERSON", "2026")]) if m.text == "Prasetyo"]
    assert m.canonical == "Prasetyo"


def test_possessive_shop_name_tagged_person_is_an_organisation(nlp):
    text = "Halbrook's will close 12 stores next year. Halbrook's said the closures would affect 800 jobs."
    ms = mentions_for(nlp, text, [("Halbrook's", "PERSON"), ("Halbrook's", "PERSON")])
    assert {(m.label, m.entity_key) for m in ms} == {("ORG", "ORG|halbrook")}


def test_bare_name_followed_by_the_company_is_an_organisation(nlp):
    text = "Dunmore will cut 300 jobs, the company said on Monday. Dunmore blamed weak demand."
    ms = mentions_for(nlp, text, [("Dunmore", "PERSON"), ("Dunmore", "PERSON")])
    assert {m.label for m in ms} == {"ORG"}


def test_bare_person_beside_an_institution_stays_a_person(nlp):
    text = "Lagarde spoke in Ljubljana, where the bank's council met. Lagarde said rates would fall."
    ms = mentions_for(nlp, text, [("Lagarde", "PERSON"), ("Ljubljana", "GPE"), ("Lagarde", "PERSON")])
    assert {m.label for m in ms if m.text == "Lagarde"} == {"PERSON"}
    text = "Dunmore will retire next year, the minister said on Monday. Dunmore said he was tired."
    ms = mentions_for(nlp, text, [("Dunmore", "PERSON"), ("Dunmore", "PERSON")])
    assert {m.label for m in ms} == {"PERSON"}
    text = "Shares in Halbrook's stores fell. Mr. Halbrook said the company would recover."
    ms = mentions_for(nlp, text, [("Halbrook's", "PERSON"), ("Halbrook", "PERSON")])
    assert {m.label for m in ms} == {"PERSON"}


# ---------------------------------------------------------------------------------------------
# Names described as organisations


def _label_of(ms, text):
    hits = [m for m in ms if m.text == text]
    assert hits, (text, ms)
    return hits[0].label


def test_untagged_name_with_firm_apposition_becomes_an_organisation(nlp):
    ms = mentions_for(nlp, "Silver Fern Advisory, a London-based firm, estimated losses at $2 billion.")
    assert _label_of(ms, "Silver Fern Advisory") == "ORG"


def test_name_tagged_person_with_consultancy_apposition_is_an_organisation(nlp):
    ms = mentions_for(nlp, "Cardinal Row, a consultancy, said prices would rise.")
    assert _label_of(ms, "Cardinal Row") == "ORG"


def test_name_after_research_firm_is_an_organisation(nlp):
    text = (
        "Kestrel Point Research, a group that tracks ships, said exports fell. Data from the firm showed it."
    )
    assert _label_of(mentions_for(nlp, text), "Kestrel Point Research") == "ORG"


def test_person_described_as_a_consultant_stays_a_person(nlp):
    ms = mentions_for(nlp, "Maria Lopez, a consultant, said prices would rise.")
    assert _label_of(ms, "Maria Lopez") == "PERSON"


def test_street_described_as_a_street_is_not_made_an_organisation(nlp):
    ms = mentions_for(nlp, "Old Mill Lane, a quiet street, flooded on Monday.")
    assert all(m.label != "ORG" for m in ms)


def test_a_title_with_its_portfolio_in_front_is_not_part_of_the_name(nlp):
    text = (
        "Housing Minister Ciarán Dunphy defended the plan on Monday. Foreign Affairs Secretary Lena Ortiz "
        "was travelling. Dunphy said building had picked up."
    )
    doc = nlp(text)
    canon = {m.canonical for m in doc_mentions(doc, sentences(doc)) if m.label == "PERSON"}
    assert "Ciarán Dunphy" in canon
    assert not any(name.startswith(("Housing", "Foreign", "Affairs")) for name in canon)


def test_a_word_is_not_the_short_form_of_an_organisation_named_only_later(nlp):
    text = (
        "Ireland’s High Court on Monday upheld a €45 million fine imposed on the fitness app Pacelink for "
        "sharing location data.\n"
        "Pacelink has 28 days to appeal. “I would be surprised if they had better luck in the Court of Appeal,” "
        "she said."
    )
    ms = mentions_for(nlp, text)
    assert not [m for m in ms if m.start_char < 30 and m.canonical == "Court of Appeal"]


# ---------------------------------------------------------------------------------------------- used as things


def _labels(ms, text):
    return {m.label for m in ms if m.text == text}


def test_a_person_taking_which_is_an_organisation(nlp):
    text = "The largest lander is from Corvane Orbital, which bid its reusable vehicle for the contract."
    ms = mentions_for(nlp, text, [("Corvane Orbital", "PERSON")])
    assert _labels(ms, "Corvane Orbital") == {"ORG"}


def test_a_platform_where_things_are_posted_is_not_a_person(nlp):
    text = "Taylor Swift posted on Chirper accusing the label of blocking her. Follow us on Chirper @desk for more."
    ms = mentions_for(nlp, text, [("Taylor Swift", "PERSON"), ("Chirper", "PERSON"), ("Chirper", "PERSON")])
    assert _labels(ms, "Chirper") == {"ORG"}
    assert _labels(ms, "Taylor Swift") == {"PERSON"}


def test_a_name_before_a_noun_only_companies_have_is_a_company(nlp):
    text = "Many Chirper users argued that the campaign had worked."
    ms = mentions_for(nlp, text, [("Chirper", "PERSON")])
    assert _labels(ms, "Chirper") == {"ORG"}


def test_a_title_or_who_keeps_a_person_used_that_way(nlp):
    text = "Mr. Halloran, who runs the fund, said Halloran shares had doubled."
    ms = mentions_for(nlp, text, [("Halloran", "PERSON"), ("Halloran", "PERSON")])
    assert _labels(ms, "Halloran") == {"PERSON"}


def test_a_name_after_a_is_a_product(nlp):
    text = "The bundle is still $50 cheaper than a regular Lumo, and the Lumo Lite docks too."
    ms = mentions_for(nlp, text, [("Lumo", "PERSON")])
    assert _labels(ms, "Lumo") == {"PRODUCT"}


def test_a_name_with_shareholders_or_a_chairman_is_a_company(nlp):
    text = (
        "Nantwell had become the largest shareholder of Corbridge. Later it bought the stake held by "
        "Corbridge's former chairman, who was then Corbridge's largest shareholder."
    )
    ms = mentions_for(nlp, text, [("Corbridge", "PERSON"), ("Corbridge", "PERSON"), ("Corbridge", "PERSON")])
    assert _labels(ms, "Corbridge") == {"ORG"}


def test_a_persons_chairman_role_does_not_make_them_a_company(nlp):
    text = "The council's chairman, Viktor Holub, said the fine was lawful."
    ms = mentions_for(nlp, text, [("Viktor Holub", "PERSON")])
    assert _labels(ms, "Viktor Holub") == {"PERSON"}


def test_a_titles_organisation_after_the_title_is_no_person(nlp):
    text = (
        "Tellvo announced a new alarm system. Rob Goldman, President Tellvo North America, says hospitals "
        "asked for it. Tellvo is based in Zurich. President Maria Lund of Vestland Bank agreed."
    )
    ms = mentions_for(
        nlp,
        text,
        [
            ("Tellvo", "ORG"),
            ("Rob Goldman", "PERSON"),
            ("Tellvo North America", "PERSON"),
            ("Tellvo", "ORG"),
            ("Maria Lund", "PERSON"),
        ],
    )
    assert _labels(ms, "Tellvo North America") == {"ORG"}
    assert _labels(ms, "Maria Lund") == {"PERSON"}


def test_a_word_opening_several_names_is_not_short_for_one_of_them(nlp):
    """ "Apple" after "Apple Watch" and "Apple TV" is the maker, not its first product; "Goldman" after "Goldman
    Sachs" and "Goldman Sachs Group" is still the bank (the long names extend one another)."""
    text = (
        "The Apple Watch now tracks sleep. The Apple TV app got a new menu. "
        "Apple said both updates ship in May."
    )
    ms = mentions_for(nlp, text, [("Apple Watch", "ORG"), ("Apple TV", "ORG"), ("Apple", "ORG", "app got")])
    assert by_text(ms, "Apple")[0].entity_key == "ORG|apple"
    text = "Goldman Sachs raised its forecast. Goldman Sachs Group shares rose. Goldman expects more growth."
    ms = mentions_for(
        nlp, text, [("Goldman Sachs", "ORG"), ("Goldman Sachs Group", "ORG"), ("Goldman", "ORG", "rose")]
    )
    assert by_text(ms, "Goldman")[0].entity_key == "ORG|goldman sachs"


def test_one_untagged_word_with_an_organisation_apposition_is_an_organisation(nlp):
    text = "RoomWise, the booking platform that lists most of the flats, said it would comply."
    assert _label_of(mentions_for(nlp, text, []), "RoomWise") == "ORG"


def test_a_law_or_work_ending_in_an_organisation_word_is_an_organisation(nlp):
    text = "Shoppers have joined the Honest Loaf Coalition in large numbers."
    ms = mentions_for(nlp, text, [("Honest Loaf Coalition", "LAW")])
    assert _label_of(ms, "Honest Loaf Coalition") == "ORG"


def test_an_untagged_name_ending_in_orchestra_is_an_organisation(nlp):
    text = "Musicians of the Harbour City Orchestra walked out on Friday."
    assert _label_of(mentions_for(nlp, text, []), "Harbour City Orchestra") == "ORG"


def test_a_work_relabelled_an_organisation_loses_its_article(nlp):
    text = "The Wool Growers' Council met on Monday. Members of the Wool Growers' Council voted."
    ms = mentions_for(
        nlp, text, [("The Wool Growers' Council", "WORK_OF_ART"), ("Wool Growers' Council", "ORG")]
    )
    assert {(m.text, m.label) for m in ms} == {("Wool Growers' Council", "ORG")}


def test_a_name_in_apposition_with_a_places_newspaper_is_an_organisation(nlp):
    text = "La Voz del Litoral, the city's oldest newspaper, put the ban on its front page."
    ms = mentions_for(nlp, text, [("La Voz del Litoral", "PERSON")])
    assert _label_of(ms, "La Voz del Litoral") == "ORG"


def test_a_country_owned_by_the_world_as_its_producer_stays_a_place(nlp):
    text = "Ghana, the world's second-largest cocoa producer, has seen its harvest fall."
    assert _label_of(mentions_for(nlp, text, [("Ghana", "GPE")]), "Ghana") == "GPE"


def test_a_short_form_through_one_word_is_that_organisation(nlp):
    text = (
        "Volkswagen unveiled an electric concept car in Los Angeles. VW says the car previews a production "
        "model. Hewlett-Packard also cut jobs, and HP said the cuts were final."
    )
    ms = mentions_for(nlp, text)
    assert [m.canonical for m in by_text(ms, "VW")] == ["Volkswagen"]
    assert [m.canonical for m in by_text(ms, "HP")] == ["Hewlett-Packard"]


def test_a_prefix_of_a_name_is_no_short_form_of_it(nlp):
    text = "Apple sold more phones this year. The AP reported that Apple shares rose on Monday."
    ms = mentions_for(nlp, text)
    assert all(m.canonical == "AP" for m in by_text(ms, "AP"))


def test_a_short_form_with_a_vowel_after_its_first_letter_is_no_short_form_of_one_word(nlp):
    text = "Apulia wants more investment in AI, and AI firms say Apulia is cheap."
    ms = mentions_for(nlp, text, [("Apulia", "ORG"), ("AI", "ORG"), ("AI", "ORG"), ("Apulia", "ORG")])
    assert {m.canonical for m in by_text(ms, "AI")} == {"AI"}
