"""What kind of thing a name is: products and common-noun acronyms are no organisations, companies no people
(sentences written for these tests; the model's spans are forced so each test reads one rule)."""

from __future__ import annotations

from test_entities import mentions_for


def labels(ms, text: str) -> set[str]:
    return {m.label for m in ms if m.text == text}


def test_an_acronym_defined_by_lower_case_words_is_no_name(nlp):
    text = (
        "Binge eating disorder (BED) is the most common eating disorder. People with BED eat large meals.\n"
        "The World Health Organization (WHO) keeps a list. WHO said the list grows."
    )
    ms = mentions_for(
        nlp,
        text,
        [
            ("BED", "ORG"),
            ("BED", "ORG"),
            ("World Health Organization", "ORG"),
            ("WHO", "ORG"),
            ("WHO", "ORG"),
        ],
    )
    assert labels(ms, "BED") == set()
    assert labels(ms, "WHO") == {"ORG"}


def test_an_acronym_explained_in_lower_case_after_it_is_no_name(nlp):
    text = (
        "Savers aim for FIRE (financial independence, retire early) before forty. FIRE needs a high income."
    )
    ms = mentions_for(nlp, text, [("FIRE", "ORG"), ("FIRE", "ORG")])
    assert labels(ms, "FIRE") == set()


def test_an_organisation_counted_like_a_thing_is_a_product(nlp):
    text = "It is a handsome EV, certainly. Buyers in Ohio will only get the faster version of the EV."
    ms = mentions_for(nlp, text, [("EV", "ORG"), ("Ohio", "GPE"), ("EV", "ORG")])
    assert labels(ms, "EV") == {"PRODUCT"}


def test_an_article_on_the_noun_after_an_organisation_keeps_it_one(nlp):
    text = "A Reuters poll found support fell. Reuters said the poll closed on Monday."
    ms = mentions_for(nlp, text, [("Reuters", "ORG"), ("Reuters", "ORG")])
    assert labels(ms, "Reuters") == {"ORG"}


def test_a_measured_size_before_a_name_makes_it_a_product(nlp):
    text = "Kettering sells the 65-inch Bravia at a loss. The Bravia ships in March."
    ms = mentions_for(nlp, text, [("Kettering", "ORG"), ("Bravia", "ORG"), ("Bravia", "ORG")])
    assert labels(ms, "Bravia") == {"PRODUCT"}
    assert labels(ms, "Kettering") == {"ORG"}


def test_an_organisation_ending_in_a_model_line_word_is_a_product(nlp):
    text = "Google charges $9.99 a month for Stadia Pro, which adds discounts."
    ms = mentions_for(nlp, text, [("Google", "ORG"), ("Stadia Pro", "ORG")])
    assert labels(ms, "Stadia Pro") == {"PRODUCT"}


def test_a_one_word_person_with_a_capital_inside_is_a_company(nlp):
    text = (
        "After the founder left, SoftBank, its largest investor, lent $9.5 billion. A tender offer by SoftBank "
        "is late. Sarah MacKenzie said the deal was fair. MacKenzie left early."
    )
    ms = mentions_for(
        nlp,
        text,
        [
            ("SoftBank", "PERSON"),
            ("SoftBank", "PERSON"),
            ("Sarah MacKenzie", "PERSON"),
            ("MacKenzie", "PERSON"),
        ],
    )
    assert labels(ms, "SoftBank") == {"ORG"}
    assert labels(ms, "MacKenzie") == {"PERSON"}


def test_a_headline_line_gives_a_name_no_words_the_text_writes_in_lower_case(nlp):
    text = (
        "Download Dashlane Password Manager for Free\n"
        "We rated Dashlane as one of the best password managers. You can download it now."
    )
    ms = mentions_for(nlp, text, [("Download Dashlane Password", "PERSON"), ("Dashlane", "PERSON")])
    assert [m.text for m in ms if m.label == "PERSON"] == ["Dashlane", "Dashlane"]


def test_a_headline_name_the_text_also_writes_whole_keeps_its_words(nlp):
    text = "Prices Grace Morgan Fought For\nThe mayor, Grace Morgan, said prices had fallen. By grace of the rules."
    ms = mentions_for(nlp, text, [("Grace Morgan", "PERSON"), ("Grace Morgan", "PERSON")])
    assert [m.text for m in ms if m.label == "PERSON"] == ["Grace Morgan", "Grace Morgan"]


def test_a_plural_acronym_and_its_capitalised_words_are_no_name(nlp):
    text = (
        "Nurses in Intensive Care Units (ICUs) see every alarm. Each ICU keeps one log.\n"
        "The Intensive Care Society (ICS) trains them."
    )
    ms = mentions_for(
        nlp,
        text,
        [("Intensive Care Units", "ORG"), ("ICU", "ORG"), ("Intensive Care Society", "ORG"), ("ICS", "ORG")],
    )
    assert labels(ms, "Intensive Care Units") == labels(ms, "ICU") == set()
    assert labels(ms, "Intensive Care Society") == {"ORG"}


def test_a_name_ending_in_a_product_of_the_document_is_that_product(nlp):
    text = "The smaller Nintendo Switch gives up the dock. This bundle is $50 cheaper than a regular Switch."
    ms = mentions_for(nlp, text, [("Nintendo Switch", "PERSON"), ("Switch", "PERSON")])
    assert labels(ms, "Nintendo Switch") == labels(ms, "Switch") == {"PRODUCT"}


def test_letters_a_hyphen_and_a_number_name_a_model_not_an_organisation(nlp):
    text = "Tuft cells release IL-25 after the signal. The G-20 met in Osaka."
    ms = mentions_for(nlp, text, [("IL-25", "ORG"), ("G-20", "ORG"), ("Osaka", "GPE")])
    assert labels(ms, "IL-25") == {"PRODUCT"}
    assert labels(ms, "G-20") == {"ORG"}


def test_a_one_word_name_given_alone_first_is_not_a_longer_name_after_it(nlp):
    text = (
        "Apple sells more phones. Apple TV Channels now carries twelve channels. Apple said the price stays.\n"
        "Goldman Sachs cut its forecast. Goldman said the bank expects growth."
    )
    ents = [
        ("Apple", "ORG"),
        ("Apple TV Channels", "ORG"),
        ("Apple", "ORG"),
        ("Goldman Sachs", "ORG"),
        ("Goldman", "ORG"),
    ]
    ms = mentions_for(nlp, text, ents)
    canon = {m.text: m.canonical for m in ms}
    assert [m.canonical for m in ms if m.text == "Apple"] == ["Apple", "Apple"]
    assert canon["Goldman"] == "Goldman Sachs"


def test_a_heading_the_text_writes_in_lower_case_is_no_name(nlp):
    text = "Post-Workout Meal\nEat your post-workout meal within an hour. Harlow Foods sells one."
    ms = mentions_for(nlp, text, [("Post-Workout Meal", "ORG"), ("Harlow Foods", "ORG")])
    assert labels(ms, "Post-Workout Meal") == set()
    assert labels(ms, "Harlow Foods") == {"ORG"}


def test_a_name_owning_a_chief_executive_is_a_company(nlp):
    text = "Grant Pollard, Whitestone's chief executive, was careful. By noon, Whitestone had sold most of the wool."
    ms = mentions_for(
        nlp, text, [("Grant Pollard", "PERSON"), ("Whitestone", "PERSON"), ("Whitestone", "PERSON")]
    )
    assert labels(ms, "Whitestone") == {"ORG"}
    assert labels(ms, "Grant Pollard") == {"PERSON"}


def test_one_name_working_for_another_is_two_names(nlp):
    text = (
        "The poll was carried out by Halden Research for the Larchmont Tribune. Halden Research called 600 voters "
        "and the Larchmont Tribune paid for it. The Commission for Racial Equality welcomed it."
    )
    ents = [
        ("Halden Research for the Larchmont Tribune", "ORG"),
        ("Halden Research", "ORG"),
        ("Larchmont Tribune", "ORG"),
        ("Commission for Racial Equality", "ORG"),
    ]
    names = [m.text for m in mentions_for(nlp, text, ents) if m.label == "ORG"]
    assert names[:2] == ["Halden Research", "Larchmont Tribune"]
    assert "Commission for Racial Equality" in names


def test_a_one_word_organisation_the_text_puts_things_in_is_a_place(nlp):
    text = (
        "Reporting by Ellen Marsh in Detroit; editing by Greg Paloma. Corvell Motors holds a stake in Halden, "
        "and Halden said it would sell."
    )
    ents = [
        ("Ellen Marsh", "PERSON"),
        ("Detroit", "ORG"),
        ("Greg Paloma", "PERSON"),
        ("Corvell Motors", "ORG"),
    ]
    ents += [("Halden", "ORG"), ("Halden", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Detroit") == {"GPE"}
    assert labels(ms, "Halden") == {"ORG"}


def test_a_place_named_again_where_the_model_tagged_nothing_is_a_mention(nlp):
    text = "Officials in Chisinau met on Monday. A new line between Vulcanesti and Chisinau opens next year."
    ms = mentions_for(nlp, text, [("Chisinau", "GPE")])
    assert [m.start_char for m in ms if m.text == "Chisinau" and m.label == "GPE"] == [13, 71]


def test_a_research_firm_word_ends_an_organisation_name(nlp):
    text = "The poll was carried out by Corvid Insights for the chamber. Corvid surveyed voters online."
    ms = mentions_for(nlp, text, [("Corvid Insights", "PERSON"), ("Corvid", "PERSON")])
    assert labels(ms, "Corvid Insights") == labels(ms, "Corvid") == {"ORG"}


def test_a_one_word_organisation_ending_a_product_name_is_the_product(nlp):
    text = "Corvell Motors is recalling the Corvell Tamarack. Owners of the Tamarack got an email."
    ents = [("Corvell Motors", "ORG"), ("Corvell Tamarack", "PRODUCT"), ("Tamarack", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Tamarack") == {"PRODUCT"}
    assert labels(ms, "Corvell Motors") == {"ORG"}


def test_a_word_opening_a_product_name_is_the_maker_not_its_other_line(nlp):
    text = "Ascom Unite Connect links the alarms to the Ascom Myco handset. Ascom said both ship in May."
    ents = [("Ascom Unite Connect", "ORG"), ("Ascom Myco", "PRODUCT"), ("Ascom", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert [m.canonical for m in ms if m.text == "Ascom"] == ["Ascom"]


def test_a_person_whose_surname_the_model_called_a_product_stays_a_person(nlp):
    text = "“We will strike,” said Katrin Wendt, 49, chair of the union. Wendt left. Wendt posted a photo."
    ents = [("Katrin Wendt", "PERSON"), ("Wendt", "PRODUCT"), ("Wendt", "PRODUCT")]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Katrin Wendt") == {"PERSON"}


def test_a_word_opening_two_names_anywhere_in_the_text_is_their_maker(nlp):
    text = (
        "Ascom Unite Connect links the alarms. Ascom said it would ship in May. "
        "Rob Goldman, president of Ascom North America, agreed."
    )
    ents = [
        ("Ascom Unite Connect", "ORG"),
        ("Ascom", "ORG"),
        ("Rob Goldman", "PERSON"),
        ("Ascom North America", "ORG"),
    ]
    ms = mentions_for(nlp, text, ents)
    assert [m.canonical for m in ms if m.text == "Ascom"] == ["Ascom"]


def test_a_name_only_ever_written_with_a_model_letter_after_it_is_a_product(nlp):
    text = "It has a 60W USB-C port and a 12W USB-A port. ISIS-K claimed the attack, and ISIS denied it."
    ms = mentions_for(nlp, text, [("USB", "ORG"), ("USB", "ORG"), ("ISIS", "ORG"), ("ISIS", "ORG")])
    assert labels(ms, "USB") == {"PRODUCT"}
    assert labels(ms, "ISIS") == {"ORG"}


def test_a_one_word_organisation_described_on_its_own_is_not_a_longer_name(nlp):
    text = (
        "Ascom will link its alarms to Dräger Infinity monitors. Dräger, a German maker of medical technology, "
        "said the link would ship in May."
    )
    ents = [("Ascom", "ORG"), ("Dräger Infinity", "ORG"), ("Dräger", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert [m.canonical for m in ms if m.text == "Dräger"] == ["Dräger"]


def test_a_surname_after_an_honorific_is_no_short_form_of_an_organisation(nlp):
    text = (
        "Trump Impeachment Inquiry\nVolker said he did not know Mr. Trump saw the request as political. Volker "
        "told the committee he worked with Mr. Trump's lawyer."
    )
    ents = [
        ("Trump Impeachment Inquiry", "ORG"),
        ("Volker", "PERSON"),
        ("Trump", "ORG"),
        ("Volker", "PERSON"),
    ]
    ents += [("Trump", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert {(m.label, m.canonical) for m in ms if m.text == "Trump"} == {("PERSON", "Trump")}


def test_a_person_bought_or_reviewed_like_a_thing_is_a_product(nlp):
    text = "Read our Glimmer Quest review first. Shops will sell Glimmer Quest from Friday."
    ms = mentions_for(nlp, text, [("Glimmer Quest", "PERSON"), ("Glimmer Quest", "PERSON")])
    assert {m.label for m in ms if m.text == "Glimmer Quest"} == {"PRODUCT"}


def test_a_person_bought_who_also_speaks_stays_a_person(nlp):
    text = "The club wants to buy Dario Mendes back. Dario Mendes said he was happy in Lisbon."
    ms = mentions_for(nlp, text, [("Dario Mendes", "PERSON"), ("Dario Mendes", "PERSON"), ("Lisbon", "GPE")])
    assert {m.label for m in ms if m.text == "Dario Mendes"} == {"PERSON"}


def test_a_name_ending_in_an_event_word_is_an_event(nlp):
    text = "Spain won the Harbour Cup Finals in Madrid on Sunday."
    ms = mentions_for(nlp, text, [("Spain", "GPE"), ("Harbour Cup Finals", "ORG"), ("Madrid", "GPE")])
    assert [m.label for m in ms if m.text == "Harbour Cup Finals"] == ["EVENT"]


def test_a_name_working_for_a_company_is_two_names_even_when_neither_is_named_alone(nlp):
    text = (
        "The first poll, from Kessock Polling for the Ardmore Gazette, gave the mayor 48 percent. "
        "The Committee for the Protection of Journalists said nothing."
    )
    ents = [
        ("Kessock Polling for the Ardmore Gazette", "ORG"),
        ("The Committee for the Protection of Journalists", "ORG"),
    ]
    names = [m.text for m in mentions_for(nlp, text, ents) if m.label == "ORG"]
    assert names == ["Kessock Polling", "Ardmore Gazette", "Committee for the Protection of Journalists"]


def test_one_word_after_the_and_before_and_a_company_name_is_part_of_it(nlp):
    text = "The Driver and Vehicle Standards Agency said it would monitor the recall."
    ents = [("Driver", "ORG"), ("Vehicle Standards Agency", "ORG")]
    names = [m.text for m in mentions_for(nlp, text, ents) if m.label == "ORG"]
    assert names == ["Driver and Vehicle Standards Agency"]
    # the model tagged the first word only
    text = "Shares fell when the Coastal and Harbour Workers' Union announced its ballot."
    names = [m.text for m in mentions_for(nlp, text, [("Coastal", "ORG")]) if m.label == "ORG"]
    assert names == ["Coastal and Harbour Workers' Union"]


def test_a_word_named_on_its_own_too_stays_apart_from_the_name_after_and(nlp):
    text = "Output at the Halvard and Kessock Motors plants fell. Halvard said demand was weak."
    ents = [("Halvard", "ORG"), ("Kessock Motors", "ORG"), ("Halvard", "ORG")]
    names = [m.text for m in mentions_for(nlp, text, ents) if m.label == "ORG"]
    assert names == ["Halvard", "Kessock Motors", "Halvard"]


def test_a_sentence_opening_modifier_capitalised_nowhere_else_is_no_name(nlp):
    text = "Turnout models in municipal races are notoriously hard to build, said Ellen Marsh."
    ms = mentions_for(nlp, text, [("Turnout", "PERSON"), ("Ellen Marsh", "PERSON")])
    assert [m.text for m in ms] == ["Ellen Marsh"]


def test_a_name_the_text_writes_with_a_tier_word_after_it_is_a_product_line(nlp):
    text = (
        "Apple's latest Tablix Pro features a brighter display. You can charge your phone or Tablix at once. "
        "HBO said HBO Max would launch in May."
    )
    ents = [("Apple", "ORG"), ("Tablix", "ORG"), ("Tablix", "ORG"), ("HBO", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Tablix") == {"PRODUCT"}
    assert labels(ms, "Apple") == labels(ms, "HBO") == {"ORG"}


def test_a_name_after_a_lower_case_brand_word_is_a_product_line(nlp):
    text = "The new e-tron Sportback will have all-wheel drive. Audi says the Sportback is quieter."
    ms = mentions_for(nlp, text, [("Sportback", "ORG"), ("Audi", "ORG"), ("Sportback", "ORG")])
    assert labels(ms, "Sportback") == {"PRODUCT"}
    assert labels(ms, "Audi") == {"ORG"}


def test_a_name_modifying_a_kind_of_place_after_the_is_that_place(nlp):
    text = (
        "He spoke at a campaign event in the Millrace neighborhood. Mr. Dunmore lives in the Kessock suburbs."
    )
    ms = mentions_for(nlp, text, [("Millrace", "PERSON"), ("Dunmore", "PERSON")])
    assert labels(ms, "Millrace") == {"GPE"}
    assert labels(ms, "Dunmore") == {"PERSON"}


def test_an_acronym_defined_after_lower_case_words_and_or_is_no_name(nlp):
    text = (
        "Vaping Can Send You to the Hospital. The diagnosis was hypersensitivity pneumonitis, or HP. "
        "The man had a form of HP that strikes bird keepers."
    )
    ms = mentions_for(nlp, text, [("Hospital", "ORG"), ("HP", "ORG"), ("HP", "ORG")])
    assert [m.text for m in ms] == ["Hospital"]


def test_a_longer_name_opened_by_a_maker_and_its_product_line_is_about_the_product(nlp):
    text = (
        "The Stadia Pro tier costs $9.99. The Google Stadia Red Dead Redemption 2 port is slow. It is peak Google. "
        "The collapse of the Birch Glacier worried the World Glacier Monitoring Service."
    )
    ents = [("Stadia", "ORG"), ("Google Stadia Red Dead Redemption 2", "ORG"), ("Google", "ORG")]
    ents += [("Glacier", "PRODUCT"), ("World Glacier Monitoring Service", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Google Stadia Red Dead Redemption 2") == {"PRODUCT"}
    assert [m.canonical for m in ms if m.text == "Google"] == ["Google"]
    assert labels(ms, "World Glacier Monitoring Service") == {"ORG"}


def test_a_one_word_person_listed_among_places_only_is_a_place(nlp):
    text = "Pilot schemes run in Ghana, Kenya and Morocco. Ruto Amani, Ghana and Togo signed too."
    ents = [("Ghana", "GPE"), ("Kenya", "PERSON"), ("Morocco", "GPE"), ("Ruto Amani", "PERSON")]
    ents += [("Ghana", "GPE"), ("Togo", "GPE")]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Kenya") == {"GPE"}
    assert labels(ms, "Ruto Amani") == {"PERSON"}


def test_a_one_word_person_the_text_puts_things_in_is_a_place(nlp):
    text = "The berries are picked in Kent the day before. Voters kept their faith in Dunmore, and Dunmore said so."
    ms = mentions_for(nlp, text, [("Kent", "PERSON"), ("Dunmore", "PERSON"), ("Dunmore", "PERSON")])
    assert labels(ms, "Kent") == {"GPE"}
    assert labels(ms, "Dunmore") == {"PERSON"}


def test_a_one_word_organisation_is_no_short_form_of_a_numbered_title_it_opens(nlp):
    text = "The Vexa Red Harbor 2 port does not run at 60fps. It is peak Vexa, critics said."
    ms = mentions_for(nlp, text, [("Vexa Red Harbor 2", "ORG"), ("Vexa", "ORG")])
    assert [m.canonical for m in ms if m.text == "Vexa"] == ["Vexa"]


def test_a_word_listed_among_common_nouns_only_is_no_name(nlp):
    text = (
        "Healthcare, government, and leisure and hospitality led the gains. Labour will not raise income tax, "
        "national insurance or VAT. Halvard, Kessock and rivals fell. Reach us on Twitter, email or phone."
    )
    ents = [("Healthcare", "ORG"), ("Labour", "ORG"), ("VAT", "ORG"), ("Halvard", "ORG"), ("Kessock", "ORG")]
    ms = mentions_for(nlp, text, [*ents, ("Twitter", "ORG")])
    assert [m.text for m in ms] == ["Labour", "Halvard", "Kessock", "Twitter"]


def test_a_name_the_parser_joins_to_far_common_nouns_stays_a_name(nlp):
    text = "Email comments and suggestions for fact-checks to our desk or find us on Facebook,and Twitter."
    ms = mentions_for(nlp, text, [("Facebook", "ORG"), ("Twitter", "ORG")])
    assert [m.text for m in ms] == ["Facebook", "Twitter"]


def test_a_name_ending_in_a_football_club_word_is_an_organisation(nlp):
    text = "The manager spoke after Saturday's 2-0 win over Dunford Rangers at home."
    ms = mentions_for(nlp, text, [("Dunford Rangers", "PERSON")])
    assert labels(ms, "Dunford Rangers") == {"ORG"}


def test_a_name_ending_in_a_street_word_is_a_facility(nlp):
    text = "Mr Fenn, 58, of Oakhurst Lane, denies all charges."
    ms = mentions_for(nlp, text, [("Fenn", "PERSON"), ("Oakhurst Lane", "ORG")])
    assert labels(ms, "Oakhurst Lane") == {"FAC"}


def test_a_person_modifying_a_role_before_another_persons_name_is_no_person(nlp):
    text = (
        "The party led by Brexit campaigner Nigel Farage won seats. Lib Dem leader Sir Ed Davey gained too. "
        "Obama adviser David Axelrod spoke, and Barack Obama agreed."
    )
    ents = [("Brexit", "PERSON"), ("Nigel Farage", "PERSON"), ("Lib Dem", "PERSON"), ("Ed Davey", "PERSON")]
    ents += [("Obama", "PERSON"), ("David Axelrod", "PERSON"), ("Barack Obama", "PERSON")]
    ms = mentions_for(nlp, text, ents)
    assert [m.text for m in ms] == ["Nigel Farage", "Ed Davey", "Obama", "David Axelrod", "Barack Obama"]


def test_a_sentence_opener_english_writes_in_lower_case_is_no_name(nlp):
    # the document never writes "turnout" or "healthcare" in lower case: the evidence is how English writes them
    text = "Turnout was just 58 per cent across the county. Brown said the count was fair."
    ms = mentions_for(nlp, text, [("Turnout", "PERSON"), ("Brown", "PERSON")])
    assert [(m.text, m.label) for m in ms] == [("Brown", "PERSON")]
    text = "Healthcare added 40,000 jobs last month. Putin has said nothing."
    ms = mentions_for(nlp, text, [("Healthcare", "ORG"), ("Putin", "PERSON")])
    assert [(m.text, m.label) for m in ms] == [("Putin", "PERSON")]


def test_a_common_opener_that_speaks_or_ends_a_full_name_stays(nlp):
    said = mentions_for(nlp, "May said the vote was a warning. It was close.", [("May", "PERSON")])
    assert labels(said, "May") == {"PERSON"}
    text = "Theresa May left office in 2019. May later wrote a book."
    ms = mentions_for(nlp, text, [("Theresa May", "PERSON"), ("May", "PERSON")])
    assert labels(ms, "May") == {"PERSON"}


def test_a_person_of_common_words_only_is_no_name_unless_it_speaks(nlp):
    text = (
        "It ran in the print edition as 'Grain Harvest Slips, Prices Jump'. It was written by Will Hunt. "
        "Harbour Grid said supplies were tight. Readers can email Harbour Grid."
    )
    ents = [
        ("Prices Jump", "PERSON"),
        ("Will Hunt", "PERSON"),
        ("Harbour Grid", "PERSON"),
        ("Harbour Grid", "PERSON"),
    ]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Prices Jump") == set()
    assert labels(ms, "Will Hunt") == {"PERSON"}
    assert [m.text for m in ms].count("Harbour Grid") == 2
    # inside running text the capitals are the writer's: a name, whatever its words
    ms = mentions_for(nlp, "She rushed over to Best Buy on Friday.", [("Best Buy", "PERSON")])
    assert [m.text for m in ms] == ["Best Buy"]


def test_a_lone_capital_or_big_city_is_a_place_not_a_person(nlp):
    text = "The fund will lend Kyiv a large sum. Allies pledged to support Kyiv."
    ms = mentions_for(nlp, text, [("Kyiv", "PERSON"), ("Kyiv", "PERSON")])
    assert labels(ms, "Kyiv") == {"GPE"}
    # a given name, a full name here, or words of its own keep the person
    text = "Whitney Houston sang first. Fans cheered Houston. Victoria thanked the crowd. Lima said he would stay."
    ents = [("Whitney Houston", "PERSON"), ("Houston", "PERSON"), ("Victoria", "PERSON"), ("Lima", "PERSON")]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Houston") == labels(ms, "Victoria") == labels(ms, "Lima") == {"PERSON"}


def test_an_organisation_named_by_a_kind_of_place_or_a_natural_feature_is_that_place(nlp):
    text = (
        "The summit met at a resort in the southern region of Tavoria. The bank's tower stands on the banks of "
        "the Vell. The city cleaned up the Sarne and its tributary, the Oust, at great cost. Tavoria Foods said "
        "sales rose."
    )
    ents = [("Tavoria", "ORG"), ("Vell", "ORG"), ("Oust", "ORG"), ("Tavoria Foods", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Tavoria") == {"GPE"}
    assert labels(ms, "Vell") == labels(ms, "Oust") == {"LOC"}
    assert labels(ms, "Tavoria Foods") == {"ORG"}


def test_a_mention_says_whether_a_rule_set_its_label(nlp):
    text = "Two boats a day serve the island of Skerra. Shares in Calder Holdings rose."
    ms = mentions_for(nlp, text, [("Skerra", "ORG"), ("Calder Holdings", "ORG")])
    assert [(m.text, m.label, m.label_from_text) for m in ms] == [
        ("Skerra", "GPE", True),
        ("Calder Holdings", "ORG", False),
    ]


def test_a_place_the_text_puts_something_in_shows_its_label(nlp):
    text = (
        "Voters in Marrowby go to the polls today. Marrowby has a new bypass. Shares in Marrowby Foods rose."
    )
    ents = [("Marrowby", "GPE"), ("Marrowby", "GPE"), ("Marrowby Foods", "ORG")]
    ms = mentions_for(nlp, text, ents)
    assert [(m.text, m.label, m.label_from_text) for m in ms] == [
        ("Marrowby", "GPE", True),
        ("Marrowby", "GPE", False),
        ("Marrowby Foods", "ORG", False),
    ]


def test_an_opener_after_a_quote_mark_and_a_role_word_opener_are_no_names(nlp):
    text = '"Apps are under pressure to feel instant," he said. Founder and chief executive Ada Quell said sorry.'
    ms = mentions_for(nlp, text, [("Apps", "PERSON"), ("Founder", "PERSON"), ("Ada Quell", "PERSON")])
    assert [m.text for m in ms] == ["Ada Quell"]


def test_a_kinship_word_used_as_a_name_is_no_name(nlp):
    text = '"Mum will tell us we both did well," said Liam Okoro. "Well, here we are, Dad."'
    ms = mentions_for(nlp, text, [("Mum", "PERSON"), ("Liam Okoro", "PERSON"), ("Dad", "PERSON")])
    assert [m.text for m in ms] == ["Liam Okoro"]


def test_a_name_ending_in_a_station_or_parade_word_is_a_facility(nlp):
    text = "The governor spoke at Union Station. The club shop is on Marine Parade."
    ms = mentions_for(nlp, text, [("Union Station", "ORG"), ("Marine Parade", "ORG")])
    assert labels(ms, "Union Station") == labels(ms, "Marine Parade") == {"FAC"}


def test_a_person_naming_a_kind_of_device_or_software_is_a_product(nlp):
    text = "The laptop has a Glint display. The game runs in the Quarto browser. The Vance administration said no."
    ents = [("Glint", "PERSON"), ("Quarto", "PERSON"), ("Vance", "PERSON")]
    ms = mentions_for(nlp, text, ents)
    assert labels(ms, "Glint") == labels(ms, "Quarto") == {"PRODUCT"}
    assert labels(ms, "Vance") == {"PERSON"}
