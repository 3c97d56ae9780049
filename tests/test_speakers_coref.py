"""Document-level coreference for quote attribution: pronouns, descriptions, fragments, shares, markup."""

from __future__ import annotations

from assets.text.entities import doc_mentions
from assets.text.quotes import find_quotes, find_reported
from assets.text.records import Claim
from conftest import sentences


def quotes_of(nlp, text: str) -> list[Claim]:
    doc = nlp(text)
    sents = sentences(doc)
    return find_quotes(doc, sents, doc_mentions(doc, sents))


def reported_of(nlp, text: str) -> list[Claim]:
    doc = nlp(text)
    sents = sentences(doc)
    return find_reported(doc, sents, doc_mentions(doc, sents))


def only(claims: list[Claim], fragment: str) -> Claim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, (fragment, claims)
    return hits[0]


# ---------------------------------------------------------------------------------------------
# Pronouns: bound under a speech verb, or the latest compatible referent (described ones too)


def test_pronoun_goes_to_an_unnamed_person_described_as_the_subject(nlp):
    text = (
        "About 62% of voters say the economy is headed the wrong way, said the poll's director, Alan Fisk.\n"
        "A young mother outside the pharmacy said she would probably not vote at all. "
        "“Nobody is talking to people like me,” she said."
    )
    q = only(quotes_of(nlp, text), "Nobody is talking")
    assert q.speaker_key is None
    assert "mother" in q.speaker
    assert q.speaker_mention == "she"


def test_it_in_a_clause_under_a_verb_of_judgement_is_that_verbs_subject(nlp):
    text = (
        "The navy said the ship carried undeclared fuel.\n"
        "The dockworkers' union denounced what it called “a betrayal of every worker in this port.”"
    )
    q = only(quotes_of(nlp, text), "a betrayal")
    assert q.speaker is not None and "union" in q.speaker
    assert q.speaker_mention == "it"


def test_a_group_word_is_never_he_or_she(nlp):
    text = (
        "Shipping agent Folake Adeyemi said her staff had not been allowed to speak to the crew. "
        "She described the conditions on board as “worse than anything I have seen in twenty years.”"
    )
    q = only(quotes_of(nlp, text), "worse than anything")
    assert q.speaker_key == "PERSON|folake adeyemi"


def test_described_person_before_a_name_in_apposition_is_the_name(nlp):
    text = (
        "Next door, the owner of a small bakery, Tomás Núñez, was more hopeful. "
        "He said the council had promised to keep shopfronts open."
    )
    r = only(reported_of(nlp, text), "keep shopfronts open")
    assert r.speaker_key == "PERSON|tomás núñez"


# ---------------------------------------------------------------------------------------------
# Definite descriptions


def test_a_role_description_points_back_at_the_person_given_that_title(nlp):
    text = (
        "Former energy secretary Geoffrey Hale, who chairs the board, defended the closures.\n"
        "“No business can run plants that lose money every hour they operate,” the former energy secretary "
        "told the BBC."
    )
    q = only(quotes_of(nlp, text), "No business can run")
    assert (q.speaker, q.speaker_key) == ("Geoffrey Hale", "PERSON|geoffrey hale")
    assert q.speaker_mention == "the former energy secretary"
    assert "described_speaker" in q.flags


def test_the_former_governor_is_the_one_called_former(nlp):
    text = (
        "Governor Dale Whitaker survived the recall vote on Tuesday.\n"
        "His predecessor, former governor Ellen Brooks, had endorsed the recall. "
        "“This is a warning to every incumbent,” the former governor said."
    )
    q = only(quotes_of(nlp, text), "a warning to every")
    assert q.speaker_key == "PERSON|ellen brooks"


def test_an_age_description_points_back_at_the_person_of_that_age(nlp):
    text = (
        "Senator Tim Walsh, 61, spoke after the vote. Maria Cole, 45, did not.\n"
        "“We cannot go back,” the 61-year-old said."
    )
    q = only(quotes_of(nlp, text), "We cannot go back")
    assert q.speaker_key == "PERSON|tim walsh"


def test_the_newspaper_is_the_publication_named_before(nlp):
    text = (
        "PARIS — The government faced new pressure after Le Quotidien published leaked minutes.\n"
        "The influential daily said ministers had been warned. "
        "“The government knew, and chose to say nothing,” the newspaper wrote in an editorial."
    )
    q = only(quotes_of(nlp, text), "chose to say nothing")
    assert q.speaker == "Le Quotidien"
    assert q.speaker_key is not None and q.speaker_key.endswith("|le quotidien")
    assert q.speaker_mention == "the newspaper"


def test_the_spokesman_is_the_spokesman_described_before(nlp):
    text = (
        "After the debate, the Republican candidate's spokesman said the exchange had been decisive. "
        "“Voters saw a leader tonight,” the spokesman said."
    )
    q = only(quotes_of(nlp, text), "Voters saw a leader")
    assert q.speaker_key is None
    assert q.speaker == "Republican candidate's spokesman"
    assert q.speaker_mention == "the spokesman"


def test_the_company_after_an_unnamed_producer_is_that_producer(nlp):
    text = (
        "The Kremlin said talks would continue. The oil producer said it would cut its dividend. "
        "“Conditions remain difficult,” the company said."
    )
    q = only(quotes_of(nlp, text), "Conditions remain difficult")
    assert q.speaker_key is None
    assert "producer" in q.speaker


# ---------------------------------------------------------------------------------------------
# Fragments, shares, markup, names over a hyphen


def test_fragment_in_the_object_of_a_verb_of_judgement_is_the_subjects(nlp):
    text = (
        "Governor Amara Nwosu on Saturday condemned the “reckless and unlawful seizure of a civilian vessel” "
        "by coastguard officers."
    )
    q = only(quotes_of(nlp, text), "reckless and unlawful")
    assert (q.speaker_key, q.cue) == ("PERSON|amara nwosu", "condemn")


def test_fragment_under_another_verb_stays_unattributed(nlp):
    text = "The ship carried crates the manifest listed as “machine parts for a cement factory in the north.”"
    q = only(quotes_of(nlp, text), "machine parts")
    assert q.speaker is None


def test_a_share_of_a_group_speaks_for_the_group(nlp):
    text = (
        "The survey of 2,400 adults found 54% in favour. Almost half of respondents, 47%, said the major "
        "parties were “out of touch with young people.”"
    )
    q = only(quotes_of(nlp, text), "out of touch")
    assert q.speaker == "respondents"


def test_a_percentage_never_speaks(nlp):
    text = (
        "According to a survey of 600 importers, 71 percent said they had been unable to get full "
        "emissions data from suppliers."
    )
    said = [r for r in reported_of(nlp, text) if r.cue == "say"]
    assert [r.text for r in said] == ["they had been unable to get full emissions data from suppliers"]
    assert said[0].speaker is None


def test_a_handle_is_never_a_speaker(nlp):
    text = "Jonas Haller spoke on Monday.\n“We will win this fight for our farmers,” @JonasHaller wrote on Monday."
    q = only(quotes_of(nlp, text), "We will win")
    assert q.speaker is None or "@" not in q.speaker


def test_a_quotation_signed_with_a_dash_is_the_signers(nlp):
    text = (
        "“We stand with the workers of this plant,” Sen. Maria Cole said in a statement.\n"
        "“We will not back down from this fight.” — Jonas Haller (@JonasHallerLT) May 2, 2024"
    )
    q = only(quotes_of(nlp, text), "back down")
    assert q.speaker_key == "PERSON|jonas haller"
    assert "signed" in q.flags


def test_declining_to_comment_attributes_nothing(nlp):
    text = (
        "“The decision speaks for itself,” said Deputy Prime Minister Karl Obst. "
        "“The court has spoken and the matter is closed.” The ministry declined to comment further."
    )
    q = only(quotes_of(nlp, text), "The court has spoken")
    assert q.speaker_key == "PERSON|karl obst"
    assert q.speaker_mention is None  # no words name him at this quotation


def test_the_name_wins_over_a_hyphen_slip(nlp):
    text = (
        "The Greens said they were disappointed. "
        "“The country needs a government, not another election,” said Green co-leader Anja Römer."
    )
    q = only(quotes_of(nlp, text), "The country needs")
    assert q.speaker_key == "PERSON|anja römer"


def test_speaker_mention_keeps_the_title_before_a_name(nlp):
    text = "“The border will stay open for trade,” Interior Minister Jonas Haller said at a news conference."
    q = only(quotes_of(nlp, text), "The border will stay open")
    assert (q.speaker, q.speaker_mention) == ("Jonas Haller", "Interior Minister Jonas Haller")


# ---------------------------------------------------------------------------------------------
# News conventions for descriptions; names the parser split or took for common nouns


def test_an_age_no_one_was_given_describes_the_person_just_named(nlp):
    text = (
        "The town's member of parliament, Graham Voss, said he had written to the company asking it to delay "
        "the closure. The 61-year-old, who worked at the plant in the 1980s, called the announcement "
        '"a hammer blow to a town that has had too many of them."'
    )
    q = only(quotes_of(nlp, text), "a hammer blow")
    assert q.speaker_key == "PERSON|graham voss"


def test_an_age_given_to_someone_else_is_not_the_person_just_named(nlp):
    text = (
        "Ruth Mwangi, 44, chairs the tenants' group. Landlord Peter Olsen said he would appeal.\n"
        "“We will take this as far as it goes,” the 44-year-old said."
    )
    q = only(quotes_of(nlp, text), "as far as it goes")
    assert q.speaker_key == "PERSON|ruth mwangi"


def test_a_lede_description_is_the_person_named_further_down(nlp):
    text = (
        "A landlord who invented flats was jailed on Friday, in what the judge called “a cold and rehearsed "
        "deception.”\n"
        "Sentencing him, Judge Alison Pryce said the victims had been chosen because they were desperate."
    )
    q = only(quotes_of(nlp, text), "rehearsed")
    assert q.speaker_key == "PERSON|alison pryce"


def test_a_hyphenated_subject_is_the_name_in_apposition(nlp):
    text = (
        "Her co-author, Samuel Okoro, who led the dives, described “whole fields of coral where there was only "
        "rubble.”"
    )
    q = only(quotes_of(nlp, text), "whole fields")
    assert q.speaker_key == "PERSON|samuel okoro"


def test_a_relative_pronoun_is_never_the_speaker(nlp):
    text = (
        "The minister defended a bill that would let police search cars without a warrant, telling "
        'parliament that "the threat has changed faster than our laws have."'
    )
    q = only(quotes_of(nlp, text), "the threat has changed")
    assert q.speaker is None or q.speaker.lower() not in ("that", "which", "who")


def test_a_surname_taken_for_a_common_noun_is_still_the_person(nlp):
    text = (
        "The lead author, Naomi Price, said the gains were real. Her colleague Samuel Okoro agreed.\n"
        "Price was more cautious about the future. “Beautiful is not the same as resilient,” she said."
    )
    q = only(quotes_of(nlp, text), "Beautiful is not")
    assert q.speaker_key == "PERSON|naomi price"


def test_a_person_met_again_as_a_description_is_the_she_that_follows(nlp):
    text = (
        "Sentencing him, Judge Alison Pryce said the victims had been chosen because they were desperate.\n"
        "Okonjo's barrister, Priya Raman, said her client was ashamed. “He is not a sophisticated criminal,” "
        "Raman said.\n"
        "The judge was unmoved. “Repaying a fraction of what you took counts for very little,” she said."
    )
    q = only(quotes_of(nlp, text), "Repaying a fraction")
    assert q.speaker_key == "PERSON|alison pryce"


# ---------------------------------------------------------------------------------------------
# Documents speak for their owners


def test_the_report_is_the_one_published_by_the_charity_before(nlp):
    text = (
        "A report published last year by the charity Fair Rent Network estimated that such scams had risen. "
        "“Most victims never see their money again,” the report said."
    )
    q = only(quotes_of(nlp, text), "Most victims")
    assert q.speaker_key == "ORG|fair rent network"


def test_a_study_published_by_a_centre_is_the_centre(nlp):
    text = (
        "Corals are recovering faster than expected, but the gains are “fragile and could be erased by one hot "
        "summer,” according to a study published on Wednesday by the Halden Marine Research Centre."
    )
    q = only(quotes_of(nlp, text), "fragile and could")
    assert q.speaker_key == "ORG|halden marine research centre"


def test_a_judgment_speaks_for_the_judge_who_wrote_it(nlp):
    text = (
        "In a 94-page judgment, Ms. Justice Fiona Keane found that the screen misled users. The judgment "
        "states: “A user who must open four menus has not been informed of anything.”"
    )
    q = only(quotes_of(nlp, text), "four menus")
    assert q.speaker_key == "PERSON|fiona keane"


def test_the_statement_is_the_company_that_issued_it(nlp):
    text = (
        "Jalanku, a ride-hailing company, cut its commission on Monday. The company said in a statement that "
        'the change would cost it money. "We have listened to our driver partners," the statement said.'
    )
    q = only(quotes_of(nlp, text), "We have listened")
    assert q.speaker_key == "ORG|jalanku"


def test_a_name_described_as_a_maker_is_a_company(nlp):
    text = (
        "Kessler Antriebstechnik, a German maker of drive units, said on Wednesday that it would build a plant. "
        '"Mexico offers us proximity to our customers," the company said.'
    )
    q = only(quotes_of(nlp, text), "proximity")
    assert q.speaker_key == "ORG|kessler antriebstechnik"


def test_she_is_the_main_clauses_subject_not_the_one_in_its_that_clause(nlp):
    text = (
        "Deputy Commissioner Aoife Brennan welcomed the ruling. Ms. Justice Fiona Keane had written it.\n"
        "Asked about an appeal, Brennan pointed out that Keane had already refused one. "
        "“I would be surprised if they had better luck in the Court of Appeal,” she said."
    )
    q = only(quotes_of(nlp, text), "better luck")
    assert q.speaker_key == "PERSON|aoife brennan"


# ---------------------------------------------------------------------------------------------
# Descriptions that point back at a named person or organisation


def test_the_minister_goes_to_the_person_titled_minister_before(nlp):
    text = (
        "Transport Minister Olwen Pryce announced the new rail timetable on Monday.\n\n"
        "Commuter groups said the changes would lengthen journeys for thousands of people.\n\n"
        "“Every train on the new timetable has a seat for every passenger,” the minister said."
    )
    q = only(quotes_of(nlp, text), "Every train")
    assert q.speaker == "Olwen Pryce"
    assert q.speaker_mention == "the minister"


def test_a_role_of_the_organisation_goes_to_the_person_who_holds_it(nlp):
    text = (
        "The Harbour Pilots Guild said its members would refuse overtime from Friday. "
        "“We have asked for a meeting six times,” its chair, Tomasz Wrona, said.\n\n"
        "The port authority said it had offered talks twice.\n\n"
        "“Nobody from the authority has answered a single letter,” the guild’s chair said."
    )
    q = only(quotes_of(nlp, text), "Nobody from the authority")
    assert q.speaker == "Tomasz Wrona"


def test_a_title_used_as_a_noun_goes_to_the_person_with_that_title(nlp):
    text = (
        "Colonel Ines Barreto of the border police said the tunnel had been used for months.\n\n"
        "“They moved tonnes of cargo through it without anyone noticing,” the colonel said."
    )
    q = only(quotes_of(nlp, text), "They moved tonnes")
    assert q.speaker == "Ines Barreto"


def test_a_role_noun_that_no_person_holds_goes_to_the_company(nlp):
    text = (
        "Gorran Copper Holdings lost its appeal against a record fine for polluting the river on Tuesday.\n\n"
        "“We are disappointed and will study the ruling,” the miner said."
    )
    q = only(quotes_of(nlp, text), "We are disappointed")
    assert q.speaker is not None and "Gorran Copper" in q.speaker
    assert q.speaker_key is not None and q.speaker_key.startswith("ORG|")


def test_a_singular_description_never_takes_a_plural_one(nlp):
    text = (
        "Four other clubs had made offers for the goalkeeper, his agent said.\n\n"
        "“We will announce our decision on Monday,” the club said."
    )
    q = only(quotes_of(nlp, text), "We will announce")
    assert q.speaker == "club"


def test_a_group_of_people_is_not_the_company(nlp):
    text = (
        "Corvane Systems will close its plant in Leeds, the company said on Monday.\n\n"
        "A group of laid-off engineers has started a petition for longer notice.\n\n"
        "“Everyone leaving will get at least three months of pay,” the company said."
    )
    q = only(quotes_of(nlp, text), "Everyone leaving")
    assert q.speaker is not None and "Corvane" in q.speaker


def test_it_goes_to_an_organisation_met_again_as_the_company(nlp):
    text = (
        "Halvard Foods recalled two brands of frozen spinach on Tuesday.\n\n"
        "Shoppers who bought the spinach can return it to any store.\n\n"
        "Regulators in Norway said they had found no illness linked to the batch.\n\n"
        "Doctors advised anyone with symptoms to call a helpline.\n\n"
        "The company will test every batch made since March. "
        "“We would rather recall too much than too little,” it said."
    )
    q = only(quotes_of(nlp, text), "We would rather")
    assert q.speaker == "Halvard Foods"
    assert q.speaker_mention == "it"


def test_an_untagged_name_speaker_takes_an_entity_only_when_every_word_matches(nlp):
    from assets.text.quotes.antecedents import _key_by_name
    from assets.text.quotes.index import _Index

    text = "Lunetta said it would take its case to the Court of Appeal."
    doc = nlp(text)
    sents = sentences(doc)
    idx = _Index(doc, sents, doc_mentions(doc, sents))
    assert "ORG|court of appeal" in {m.entity_key for m in idx.mentions}
    assert _key_by_name(idx, "Ireland’s High Court") == (None, None)  # "court" alone is not that court
    assert _key_by_name(idx, "Court of Appeal") == ("ORG|court of appeal", "ORG")


def test_an_organisation_given_a_noun_in_apposition_is_that_noun_however_far_back(nlp):
    text = (
        "Reservoir levels fell to 12% on Sunday, according to Hidrovia Sur, the regional utility.\n\n"
        "Farmers in the valley said they had already lost a third of the harvest.\n\n"
        "The agriculture ministry promised compensation for the worst-hit districts.\n\n"
        "Schools will close early on Fridays until the rains return.\n\n"
        "“Every hospital will keep full pressure through the cuts,” the utility said."
    )
    q = only(quotes_of(nlp, text), "Every hospital")
    assert q.speaker == "Hidrovia Sur"


def test_a_definite_role_no_one_was_given_is_the_person_just_named_in_its_paragraph(nlp):
    text = (
        "Tomasz Wilk, who chairs the inquiry, questioned the mine's former safety officer on Tuesday.\n\n"
        "Wilk pressed him on a memo from January. “You signed this memo yourself,” the professor said."
    )
    q = only(quotes_of(nlp, text), "You signed this memo")
    assert q.speaker_key == "PERSON|tomasz wilk"


def test_a_title_counts_as_the_role_it_names(nlp):
    text = (
        "Justice Helen Maro sentenced the developer to eight years in prison on Friday.\n\n"
        "The court heard that investors had lost 40 million dollars.\n\n"
        "“Greed of this kind leaves real people destitute,” the judge said."
    )
    q = only(quotes_of(nlp, text), "Greed of this kind")
    assert q.speaker == "Helen Maro"


def test_a_person_description_is_never_an_earlier_company_description(nlp):
    text = (
        "A toy company is recalling 200,000 strollers after reports that a wheel can come off.\n\n"
        "Laura Bennett, 29, filed the first complaint after a wheel came off. "
        "“It happened on a busy road,” the mother of two said."
    )
    q = only(quotes_of(nlp, text), "It happened on a busy road")
    assert q.speaker_key == "PERSON|laura bennett"


def test_no_parse_tree_crosses_a_paragraph_break(nlp):
    text = (
        "“That offer is final,” the airline said in a statement released at 6 a.m.\n\n"
        "Chief executive Duarte Lemos said the strike would cost millions. “Nobody wins a strike,” he said."
    )
    doc = nlp(text)
    cut = text.index("\n\n")
    assert all((t.idx < cut) == (t.head.idx < cut) for t in doc if not t.is_space)
    q = only(quotes_of(nlp, text), "Nobody wins")
    assert q.speaker_key == "PERSON|duarte lemos"


def test_any_noun_the_text_gave_a_person_points_back_at_them(nlp):
    text = (
        "Keepers followed the escaped wolf until the vet, Anja Lorenz, arrived from a clinic nearby.\n\n"
        "“I have darted wolves before, but never beside a playground,” the vet said."
    )
    q = only(quotes_of(nlp, text), "I have darted wolves")
    assert q.speaker_key == "PERSON|anja lorenz"


def test_a_capitalised_title_after_the_points_back_at_the_person_given_it(nlp):
    text = (
        "Owen Pritchard, the town’s MP, called for an inquiry into the flood barrier.\n\n"
        "“Families here paid for this barrier and then paid again when it failed,” the MP said."
    )
    q = only(quotes_of(nlp, text), "Families here paid")
    assert q.speaker_key == "PERSON|owen pritchard"


def test_people_at_an_organisation_speak_for_it(nlp):
    text = (
        "Researchers at the Halden Marine Institute said the reef had lost a third of its coral. "
        "“We have never seen bleaching this fast,” researchers at the Halden Marine Institute said."
    )
    q = only(quotes_of(nlp, text), "We have never seen")
    assert q.speaker_key is not None and q.speaker_key.startswith("ORG|")


# ---------------------------------------------------------------------------------------------
# Rules added on 2026-12-03 (third day of #12): one test each


def test_the_daily_is_the_newspaper_classed_as_a_daily_before_its_name(nlp):
    text = (
        "Port chief Arne Solberg spoke to the daily Havposten on Monday.\n\n"
        "In an editorial on Tuesday, the daily wrote: “Nobody should cross this strait on one tired radar.”"
    )
    q = only(quotes_of(nlp, text), "Nobody should cross")
    assert q.speaker == "Havposten"


def test_a_description_repeated_word_for_word_means_what_it_meant_the_first_time(nlp):
    text = (
        "Tomas Rimkus, the league's top scorer, will join CB Almara Castellón after the Spanish club paid the "
        "buyout clause in his contract with Sirvinta Vilnius.\n\n"
        "Sirvinta Vilnius said it was disappointed.\n\n"
        "“Tomas will be presented to our supporters on Monday,” the Spanish club said."
    )
    q = only(quotes_of(nlp, text), "presented to our supporters")
    assert q.speaker == "CB Almara Castellón"


def test_who_chairs_the_committee_makes_her_the_committee_chair(nlp):
    text = (
        "“We are not against new housing,” said Councillor Ruth Abernethy, who chairs the planning committee.\n\n"
        "Kenneth Doig, who leads the residents' group, welcomed the decision.\n\n"
        "“The site floods every winter and nobody could insure those homes,” the committee chair said."
    )
    q = only(quotes_of(nlp, text), "The site floods")
    assert q.speaker == "Ruth Abernethy"


def test_a_name_before_a_participle_clause_in_commas_is_the_speaker(nlp):
    text = (
        "Ferry operator Maren Sollie defended her crews on Friday.\n\n"
        "Sollie, asked about the editorial, said: “Our captains are rested, trained and supported.”"
    )
    q = only(quotes_of(nlp, text), "Our captains are rested")
    assert q.speaker == "Sollie" and q.speaker_mention == "Sollie"


def test_she_after_a_sentence_about_her_reply_is_the_one_who_replied(nlp):
    text = (
        "“The petition was signed by half the village,” said Isla Fraser, the developer's project director.\n\n"
        "Morag Baird's reply came within minutes. “Isla knows perfectly well why they signed,” she said."
    )
    q = only(quotes_of(nlp, text), "Isla knows")
    assert q.speaker == "Morag Baird"


def test_who_runs_a_bakery_makes_him_the_baker(nlp):
    text = (
        "Water will be cut for 12 hours a day, the utility said. Pablo Ortiz, who runs a bakery near the market, "
        "said he would open later.\n\n"
        "Lucia Varela, a nurse, said the hospital had its own tanks.\n\n"
        "“My customers still want their bread at six,” the baker said."
    )
    q = only(quotes_of(nlp, text), "My customers")
    assert q.speaker == "Pablo Ortiz"


def test_members_of_an_organisation_introducing_a_quote_with_a_colon_speak_for_it(nlp):
    text = (
        "Director Klara Vesela resigned on Monday. She said the sponsor had not asked for the film to be dropped.\n\n"
        "Members of the Association of Moravian Documentarists signed an open letter: “Whatever the legal advice, "
        "a film critical of a sponsor has vanished.”"
    )
    q = only(quotes_of(nlp, text), "Whatever the legal advice")
    assert q.speaker == "Members of the Association of Moravian Documentarists"
    assert q.speaker_key is not None and "association of moravian documentarists" in q.speaker_key.lower()


def test_the_german_club_is_the_club_with_a_club_prefix_not_the_other_club(nlp):
    text = (
        "FC Maasburg have agreed to sell their captain to SV Rheinwald for 31 million euros.\n\n"
        "Maasburg coach Piet de Wit said he understood the player's wish to leave.\n\n"
        "Rheinwald will pay 26 million euros up front. “Both clubs are satisfied with the deal,” the German club said."
    )
    q = only(quotes_of(nlp, text), "Both clubs are satisfied")
    assert q.speaker in ("SV Rheinwald", "Rheinwald")


def test_the_paper_is_the_newspaper_named_before_not_the_owner_of_a_report(nlp):
    text = (
        "The World Health Organization said in a report that cases had doubled.\n\n"
        "The Central Luzon Herald, a regional daily, said two hospitals had run out of beds. "
        "“Parents queued from 5 a.m. outside the health centre,” the paper said."
    )
    q = only(quotes_of(nlp, text), "Parents queued")
    assert q.speaker_key is not None and "herald" in q.speaker_key.lower()


def test_a_generic_role_goes_to_the_one_person_described_with_its_modifier(nlp):
    text = (
        "“The rules are the same for everybody,” said Claire Dumont, a French commissaire who chairs the jury. "
        "Team manager Josu Etxeberria said the team would appeal.\n\n"
        "The jury announced its decision late. “If he had let go of the bottle, we would not be here,” the French "
        "official said."
    )
    q = only(quotes_of(nlp, text), "let go of the bottle")
    assert q.speaker == "Claire Dumont"


def test_a_name_for_a_party_in_court_is_that_partys_lawyer(nlp):
    text = (
        "Peter Lindqvist, for Tuck, had asked for home detention. Judge Sarah Ngata refused.\n\n"
        "“There will almost certainly be an appeal against the sentence,” the lawyer added."
    )
    q = only(quotes_of(nlp, text), "almost certainly")
    assert q.speaker == "Peter Lindqvist"


def test_the_union_representative_is_the_person_who_represents_staff_for_the_union(nlp):
    text = (
        "Dirk Wouters, who represents the brewery's staff for the General Food Workers Union, was cautious.\n\n"
        "Wouters said the union would meet staff on Monday. “We want the commitment written into the contract,” "
        "the union representative said."
    )
    q = only(quotes_of(nlp, text), "We want the commitment")
    assert q.speaker_key is not None and "wouters" in q.speaker_key.lower()


def test_the_insurer_is_the_organisation_whose_name_shares_its_stem(nlp):
    text = (
        "Harbourline Health Insurance said attackers had entered its systems through a supplier's account.\n\n"
        "ShadeNet, the group behind the attack, posted a sample of 2,000 records on Wednesday.\n\n"
        "“We will contact every affected customer by the end of next week,” the insurer said."
    )
    q = only(quotes_of(nlp, text), "contact every affected")
    assert q.speaker_key is not None and "harbourline" in q.speaker_key.lower()


def test_the_judgment_named_again_speaks_for_the_judge_who_wrote_it(nlp):
    text = (
        "“A river is not a drain,” Justice Suresh Kurup wrote in the 64-page judgment.\n\n"
        "The state government said it would study the ruling.\n\n"
        "The judgment was also scathing about the pollution board. “The regulator watched and wrote letters,” "
        "the judgment said."
    )
    q = only(quotes_of(nlp, text), "The regulator watched")
    assert q.speaker_key is not None and "kurup" in q.speaker_key.lower()


def test_a_noun_with_a_who_clause_is_a_person_a_later_he_can_mean(nlp):
    text = (
        "Headteacher Alasdair Munro said the school had 11 pupils.\n\n"
        "A crofter in Glendale whose granddaughter is in primary three said the bus would leave at 7.40am. "
        "‘She will spend longer on that bus than in the playground,’ he said."
    )
    q = only(quotes_of(nlp, text), "She will spend longer")
    assert q.speaker is not None and "crofter" in q.speaker and q.speaker_key is None


def test_who_has_skippered_a_trawler_makes_him_the_skipper(nlp):
    text = (
        "‘We are being asked to watch other boats fish our waters,’ said Declan Gallagher, 58, who has skippered a "
        "trawler out of Killybegs for 30 years.\n\n"
        "The minister, Sean Breen, said the deal was the best available.\n\n"
        "Gallagher scoffed at that. ‘This deal means no fishing for half of us,’ the skipper said."
    )
    q = only(quotes_of(nlp, text), "no fishing for half")
    assert q.speaker_key is not None and "gallagher" in q.speaker_key.lower()


def test_a_definite_organisation_noun_introducing_a_quote_with_a_colon_is_the_organisation(nlp):
    text = (
        "Tyne Green Residents' Association has campaigned for months to restore the route.\n\n"
        "The association was blunt: “Day three of the closure. Still no bus and still no answers.”"
    )
    q = only(quotes_of(nlp, text), "Day three of the closure")
    assert q.speaker_key is not None and "association" in q.speaker_key.lower()


def test_an_untagged_minister_for_a_portfolio_is_named_without_it(nlp):
    text = (
        "The state provides a third of the orchestra's funding. “I expect them to settle it quickly,” "
        "Minister for Creative Industries Lauren Ashby said."
    )
    q = only(quotes_of(nlp, text), "settle it quickly")
    assert q.speaker == "Lauren Ashby"


def test_the_teenager_is_the_one_person_given_a_teenage_age(nlp):
    text = (
        "Elene Dzneladze, a 16-year-old schoolgirl from Kutaisi, won the Tbilisi Open on Sunday.\n\n"
        "Her coach, Giorgi Beridze, 54, said she had trained every day.\n\n"
        "“Now I just want to sleep for a week,” the teenager said."
    )
    q = only(quotes_of(nlp, text), "sleep for a week")
    assert q.speaker_key is not None and "dzneladze" in q.speaker_key.lower()


def test_a_modified_company_noun_is_the_one_given_that_noun_before(nlp):
    text = (
        "The operator, Lusavia Airports, expects traffic to rise to 45 million passengers a year.\n\n"
        "Protesters from Alcochete Verde marched to the ministry on Saturday.\n\n"
        "The airport operator later wrote on social media: “Today we start building the airport Lisbon deserves.”"
    )
    q = only(quotes_of(nlp, text), "Today we start building")
    assert q.speaker_key is not None and "lusavia" in q.speaker_key.lower()


def test_a_second_quote_after_a_company_abbreviation_inherits_the_speaker(nlp):
    text = (
        '"Frozen fish is a volume business," said Tom Reddick, an analyst at Pell & Co. '
        '"When energy bills double, a plant goes under overnight."'
    )
    q = only(quotes_of(nlp, text), "When energy bills")
    assert q.speaker == "Tom Reddick"


def test_a_participle_on_a_document_noun_does_not_take_the_quote_from_the_speaker(nlp):
    text = (
        "A tenant who lost her deposit said in a statement read to the court: "
        "“I slept on a friend’s floor for two months.”"
    )
    q = only(quotes_of(nlp, text), "I slept on")
    assert q.speaker is not None and "tenant" in q.speaker


def test_a_comment_clause_set_in_the_sentence_gives_a_fragment_its_speaker(nlp):
    text = (
        "Dr. Naomi Price led the survey. If the summers are mild, the reefs could recover; if not, Price warned, "
        "the recovery seen so far “may turn out to have been a brief pause.”"
    )
    q = only(quotes_of(nlp, text), "brief pause")
    assert q.speaker_key == "PERSON|naomi price"


def test_a_participle_clause_after_a_comma_belongs_to_the_sentence_subject(nlp):
    text = (
        "Interior Minister Helena Marques on Tuesday defended a bill that would let police search vehicles near "
        'the border without a warrant, telling parliament in Lisbon that "the threat has changed faster than '
        'our laws have."'
    )
    q = only(quotes_of(nlp, text), "threat has changed")
    assert q.speaker_key == "PERSON|helena marques"


# ---------------------------------------------------------------------------------------------
# Titles and descriptions that name the speaker


def test_a_coroners_title_is_no_part_of_the_speaker(nlp):
    text = (
        "Coroner Hemi Ratana said the crew had arrived too late. "
        "“The delay was not the crew's fault,” Coroner Hemi Ratana said."
    )
    q = only(quotes_of(nlp, text), "The delay")
    assert q.speaker == "Hemi Ratana"


def test_a_role_before_a_names_apposition_is_that_persons_role_however_tagged(nlp):
    text = (
        "The city’s culture senator, Ilse Vogtmann, said the museum would reopen in May.\n\n"
        "Engineers found cracks in two of the roof beams last winter.\n\n"
        "The contractor has not commented.\n\n"
        "“Nobody will stand under a cracked beam,” said the senator."
    )
    q = only(quotes_of(nlp, text), "Nobody will stand")
    assert q.speaker == "Ilse Vogtmann"


def test_a_passive_sentence_after_a_quotation_does_not_attribute_it(nlp):
    text = (
        "“The claim was false,” the judge, Rowena Tite, said. “Nobody asked the bakery first.” "
        "The article had been written by the paper's food critic."
    )
    q = only(quotes_of(nlp, text), "Nobody asked")
    assert q.speaker == "Rowena Tite"


def test_a_noun_and_its_posting_participle_introduce_a_quotation_with_a_colon(nlp):
    text = (
        "The Harbourside Tenants Collective has fought the plan for a year.\n\n"
        "The collective posted on Facebook: “We will be at the hearing, all of us.”"
    )
    q = only(quotes_of(nlp, text), "We will be at the hearing")
    assert q.speaker == "Harbourside Tenants Collective"


def test_it_after_the_coalition_is_the_coalition(nlp):
    text = (
        "“Prices went up twice this year,” said Mireille Gagnon of the Honest Loaf Coalition.\n\n"
        "The coalition is asking shoppers to keep their receipts. “We want to be ready for court,” it said."
    )
    q = only(quotes_of(nlp, text), "We want to be ready")
    assert q.speaker == "Honest Loaf Coalition" and q.speaker_mention == "it"


def test_a_possessive_on_a_names_apposition_is_not_that_persons_gender(nlp):
    text = (
        "Marine biologist Ana Ferreira said the coral had returned.\n\n"
        "Her co-author, Tomas Lindqvist, who led the dives, described “fields of new coral.” "
        "He said that the regrowth had surprised the divers.\n\n"
        "“I did not think I would see that again,” he said."
    )
    q = only(quotes_of(nlp, text), "I did not think")
    assert q.speaker == "Tomas Lindqvist"


def test_the_narratives_she_teaches_a_name_its_gender_before_a_later_quotation(nlp):
    text = (
        "Peter Weiss has run the bakery by the bridge for years. Maren Holt said the bridge would close in May. "
        "She added that the repairs would take a year.\n\n"
        "“Nobody told us anything,” he said."
    )
    q = only(quotes_of(nlp, text), "Nobody told us")
    assert q.speaker == "Peter Weiss"


def test_a_subject_pronoun_before_a_name_does_not_vote_for_its_gender(nlp):
    text = (
        "Arno Weiss runs the bakery by the bridge. Maren Holt said the bridge would close in May.\n\n"
        "She added that the closure had been planned under Tomas Brandt's council.\n\n"
        "“That is simply untrue,” he said when asked about her remarks."
    )
    q = only(quotes_of(nlp, text), "That is simply untrue")
    assert q.speaker == "Tomas Brandt"


def test_the_noun_itself_in_a_name_beats_a_word_of_its_stem(nlp):
    text = (
        "Players of the Harbour City Orchestra walked out on Friday.\n\n"
        "The Orchestral Players Guild said its members had voted to strike.\n\n"
        "The orchestra said refunds would be paid. “We want to be back on stage next week,” it said."
    )
    q = only(quotes_of(nlp, text), "We want to be back")
    assert q.speaker == "Harbour City Orchestra"


# ---------------------------------------------------------------------------------------------
# Rules added with speakers_heldout9 (sentences written for these tests)


def test_a_definite_agent_noun_no_one_was_given_is_the_person_just_named(nlp):
    text = (
        "Maria Santos spent the morning at her workshop in Braga. "
        "“I cannot raise my prices again,” the potter told reporters."
    )
    q = only(quotes_of(nlp, text), "I cannot raise")
    assert q.speaker_key == "PERSON|maria santos"
    assert q.speaker_mention == "the potter"


def test_the_one_organisation_of_a_kind_is_found_however_far_back(nlp):
    text = (
        "More than 200 flights were cancelled as pilots at Norvik Air began a strike on Friday.\n\n"
        "Passengers queued for hours at the terminal. Hotels in the city filled quickly.\n\n"
        "Some travellers slept on benches overnight.\n\n"
        "“We are doing everything we can to rebook passengers,” the airline said."
    )
    q = only(quotes_of(nlp, text), "We are doing everything")
    assert q.speaker_key == "ORG|norvik air"


def test_an_organisation_after_on_is_the_medium_not_the_referent(nlp):
    text = (
        "Corvo Atlético lost again on Sunday. Its captain posted on Instagram within the hour.\n\n"
        "The club said in a statement: “We stand by our players.”"
    )
    q = only(quotes_of(nlp, text), "We stand by")
    assert q.speaker_key != "ORG|instagram"


def test_a_colon_introduction_beats_a_verb_in_the_next_sentence(nlp):
    text = (
        "Housing Minister Rhodri Evans told parliament on Wednesday: ‘We have built more homes in the north this "
        "year than in any year in the history of the State.’ Evans, a former GP in Conwy, has promised a new housing "
        "centre in the city by 2027."
    )
    q = only(quotes_of(nlp, text), "We have built")
    assert (q.speaker_key, q.cue) == ("PERSON|rhodri evans", "tell")


def test_a_participle_on_the_document_is_not_the_reporting_verb(nlp):
    text = (
        "The Ministry of Transport rejected the appeal on Monday. "
        "The ministry set out its reasons in a written ruling: “Safety must come before speed.”"
    )
    q = only(quotes_of(nlp, text), "Safety must come")
    assert q.speaker_key == "ORG|ministry of transport"


def test_a_name_the_parser_left_as_the_root_speaks_through_its_participle(nlp):
    text = (
        "Paulo Mendes, a former night editor who left the paper in 2019, posted on Facebook: “Every good reporter "
        "in this town learned the trade on that floor.”"
    )
    q = only(quotes_of(nlp, text), "Every good reporter")
    assert q.speaker_key == "PERSON|paulo mendes"


def test_a_colon_introduction_without_a_verb_beats_a_verb_in_the_next_sentence(nlp):
    text = (
        'Analysts at Bramwell Securities were more cautious: "This is the weakest quarter for retail since the '
        'pandemic." In a note to clients, they pointed to rising rents as the main worry.'
    )
    q = only(quotes_of(nlp, text), "This is the weakest")
    assert q.speaker_key == "ORG|bramwell securities"
    assert "colon_intro" in q.flags


def test_a_subject_they_takes_up_the_group_its_paragraph_just_described(nlp):
    text = (
        "The mayor defended the cuts on Monday.\n\n"
        "Four bus drivers at the Northgate depot described a week of cancelled routes. "
        "“We turn people away every single morning,” they said."
    )
    q = only(quotes_of(nlp, text), "We turn people away")
    assert q.speaker is not None and q.speaker.lower().startswith("four bus drivers")
    assert q.speaker_mention == "they"


def test_they_after_a_named_subject_is_left_to_the_speaker_history(nlp):
    text = (
        "Mayor Ruth Calder defended the cuts on Monday.\n\n"
        "“We turn people away every single morning,” they said."
    )
    q = only(quotes_of(nlp, text), "We turn people away")
    assert q.speaker is None or "Calder" not in q.speaker


def test_an_inverted_cue_takes_the_person_the_parser_made_its_object(nlp):
    text = (
        "The last kiosk in the square shut on Friday. “Where will I buy my stamps now?” asked a pensioner at the "
        "bus stop, who had used it for forty years."
    )
    q = only(quotes_of(nlp, text), "Where will I buy")
    assert q.speaker is not None and "pensioner" in q.speaker


def test_they_of_people_at_a_named_organisation_is_the_organisation(nlp):
    text = (
        '"Rents will keep rising until 2027," analysts at Harrow Street Research wrote in a note on Monday. '
        '"Only new building can change that," they wrote.'
    )
    q = only(quotes_of(nlp, text), "Only new building")
    assert q.speaker_key == "ORG|harrow street research"


def test_a_role_of_a_place_with_a_name_after_its_comma_is_that_persons(nlp):
    text = (
        "Flames reached the village on the third night.\n\n"
        "The mayor of Aljezur, Carlos Nunes, defended the council. “We asked for more firefighters in 2022 and we "
        "kept every letter,” the mayor said."
    )
    q = only(quotes_of(nlp, text), "We asked for more")
    assert q.speaker_key == "PERSON|carlos nunes"


def test_an_organisation_noun_takes_up_the_organisation_its_paragraph_just_redescribed(nlp):
    text = (
        "Kestrel Rail Systems won the tram order over the local manufacturer Nordvagn, which builds carriages "
        "in Borås.\n\n"
        "The local manufacturer reacted within the hour. “This sends 300 jobs abroad,” the company said."
    )
    q = only(quotes_of(nlp, text), "This sends 300 jobs")
    assert q.speaker_key == "ORG|nordvagn"


def test_an_organisation_classed_by_a_kind_noun_is_that_kind_for_a_description(nlp):
    text = (
        "Gdynia dockers walk out\n\n"
        "Dockers at the port of Gdynia walked off the job after talks with the terminal operator Levanto Quay "
        "broke down over automation.\n\n"
        "“We gave them eleven meetings,” said Ewa Nowak, 48, of the dockers' union.\n\n"
        "The company said in a statement: “No permanent worker will lose a contract.”"
    )
    q = only(quotes_of(nlp, text), "No permanent worker")
    assert q.speaker_key == "ORG|levanto quay"


def test_a_kind_noun_inside_the_names_own_phrase_classes_it_for_a_description(nlp):
    text = (
        '"This money was taken from people who start work at midnight," said Josée Tremblay, president of the '
        "bakery workers' union Syndicat Pain et Four.\n\n"
        "The chain said it would appeal.\n\n"
        '"We have a list of other bakeries, and this ruling puts them on notice," the union said.'
    )
    q = only(quotes_of(nlp, text), "We have a list")
    assert q.speaker_key is not None and q.speaker_key.startswith("ORG|syndicat pain")


def test_a_role_above_a_place_phrase_before_a_name_is_that_persons(nlp):
    text = (
        "The chief of surgery at Costa Brava Hospital, Dr. Ignacio Ferrer, said 60 operations had been postponed.\n\n"
        "‘Every one of those is a patient who has already waited months,’ the chief of surgery said."
    )
    q = only(quotes_of(nlp, text), "Every one of those")
    assert q.speaker_key == "PERSON|ignacio ferrer"


def test_a_leader_of_an_organisation_kind_is_its_president_named_before(nlp):
    text = (
        "“The river has been closed to us since June,” said Tomás Reyes, president of the Lota Boatmen's Union.\n\n"
        "The port authority said the ban would be reviewed in spring, and the health ministry backed it.\n\n"
        "“Reviewed is not lifted,” the union leader said."
    )
    q = only(quotes_of(nlp, text), "Reviewed is not lifted")
    assert q.speaker_key == "PERSON|tomás reyes"


def test_a_title_before_a_name_makes_a_person_whatever_the_model_called_it(nlp):
    text = (
        "Oil reached the beach at dawn.\n\n"
        "“Enough,” Mayor Rodrigo Sáez said.\n\n"
        "The terminal's owner said the ships had permits.\n\n"
        "“Then we will ask who signed them,” the mayor said."
    )
    q = only(quotes_of(nlp, text), "Then we will ask")
    assert q.speaker_key is not None and q.speaker_key.startswith("PERSON|") and "sáez" in q.speaker_key


def test_a_person_word_after_a_named_speaker_in_the_paragraph_is_that_speaker(nlp):
    text = (
        "“Most of these leaks start with a password left in a script,” said Aino Koskela of the Turku Data "
        "Lab. “Rotating keys every month would have stopped this one,” the security expert added."
    )
    q = only(quotes_of(nlp, text), "Rotating keys")
    assert q.speaker_key == "PERSON|aino koskela"


def test_a_person_word_given_to_an_unnamed_speaker_before_stays_theirs(nlp):
    text = (
        "Minister Kalle Virtanen declined to comment on the audit. A source close to the ministry said the "
        "report was finished in May. “It has been sitting on a desk since spring,” the source said."
    )
    q = only(quotes_of(nlp, text), "sitting on a desk")
    assert q.speaker_key != "PERSON|kalle virtanen"


def test_a_statement_read_on_someones_behalf_speaks_for_them(nlp):
    text = (
        "Daniel Okafor, 61, did not give evidence. His barrister, Mrs Ruth Adeyemi, read a statement on his behalf "
        "outside the court.\n\n"
        "“I accept what I did and I am sorry for it,” the statement said."
    )
    q = only(quotes_of(nlp, text), "I accept what I did")
    assert q.speaker_key is not None and "okafor" in q.speaker_key


def test_she_after_a_woman_described_as_the_subject_is_that_woman(nlp):
    text = (
        "“I have sailed with them since the nineties,” said Petros Alexiou, 70, a retired pilot from Volos.\n\n"
        "A woman from Skiathos carrying two suitcases was less patient. “Nobody has told us anything since "
        "breakfast,” she said."
    )
    q = only(quotes_of(nlp, text), "Nobody has told us")
    assert q.speaker_key is None and q.speaker is not None and "woman" in q.speaker


def test_she_after_a_teenager_described_as_the_subject_is_that_teenager(nlp):
    text = (
        "“We waited nine years for this,” said Maureen Tait, 66, who has held a season ticket since 1990.\n\n"
        "A teenager in a club scarf held up a painted banner. “She is the reason I joined the under-14s,” she said."
    )
    q = only(quotes_of(nlp, text), "the reason I joined")
    assert q.speaker_key is None and q.speaker is not None and "teenager" in q.speaker


def test_a_subject_the_parser_made_the_root_is_still_the_subject(nlp):
    text = (
        "“Bigger is the only way to survive,” said Piotr Zielinski, who runs the cooperative.\n\n"
        "A dairy farmer from Mońki who asked not to be named disagreed. “Without our own plant we simply "
        "vanish, one herd at a time,” she said."
    )
    q = only(quotes_of(nlp, text), "Without our own plant")
    assert q.speaker is not None and "farmer" in q.speaker
