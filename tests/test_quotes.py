"""Direct quotations (marks, speakers, scare quotes, titles) and reported speech."""

from __future__ import annotations

import pytest

from assets.text.entities import doc_mentions
from assets.text.quotes import find_quotes, find_reported
from assets.text.records import Claim
from conftest import sentences


def analyse(nlp, text: str) -> tuple[list[Claim], list[Claim]]:
    doc = nlp(text)
    sents = sentences(doc)
    mentions = doc_mentions(doc, sents)
    quotes = find_quotes(doc, sents, mentions)
    reported = find_reported(doc, sents, mentions)
    for c in quotes + reported:
        assert text[c.start_char : c.end_char] == c.text, c
        assert sents[c.sentence_idx].start_char <= c.start_char <= sents[c.sentence_idx].end_char
    assert all(c.kind == "quote" for c in quotes)
    assert all(c.kind == "reported" for c in reported)
    return quotes, reported


def quotes_of(nlp, text: str) -> list[Claim]:
    return analyse(nlp, text)[0]


def reported_of(nlp, text: str) -> list[Claim]:
    return analyse(nlp, text)[1]


def only(claims: list[Claim], fragment: str) -> Claim:
    hits = [c for c in claims if fragment in c.text]
    assert len(hits) == 1, (fragment, claims)
    return hits[0]


# ---------------------------------------------------------------------------------------------
# Quote marks and spans


def test_curly_quote_with_inverted_attribution(nlp):
    text = "Economist Helen Ward studies trade.\n“Tariffs will hurt farmers first,” said Ward, a senior fellow at the institute."
    [q] = quotes_of(nlp, text)
    assert q.text == "Tariffs will hurt farmers first"
    assert q.speaker == "Ward"
    assert q.speaker_key == "PERSON|helen ward"
    assert q.cue == "say"
    assert q.sentence_idx == 1


def test_straight_quotes_with_speaker_after(nlp):
    text = 'Marcus Lee runs the port authority. "The cranes are idle for the first time in years," Lee said.'
    [q] = quotes_of(nlp, text)
    assert q.text == "The cranes are idle for the first time in years"
    assert (q.speaker, q.speaker_key, q.cue) == ("Lee", "PERSON|marcus lee", "say")


def test_speaker_before_with_colon(nlp):
    text = "Angela Merkel was blunt. Merkel said: “Europe must learn to defend itself.”"
    [q] = quotes_of(nlp, text)
    assert q.text == "Europe must learn to defend itself."
    assert q.speaker_key == "PERSON|angela merkel"
    assert q.cue == "say"


def test_told_keeps_the_subject_not_the_addressee(nlp):
    text = "Ali Wyne studies great-power rivalry. “Neither side wants a rupture,” Wyne told Insider."
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Wyne"
    assert q.speaker_key == "PERSON|ali wyne"
    assert q.cue == "tell"


def test_says_name_with_apposition(nlp):
    text = (
        "“The relationship is deeply asymmetric,” says Joseph Torigian, a professor at American University."
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Joseph Torigian"
    assert q.speaker_key == "PERSON|joseph torigian"
    assert q.cue == "say"


def test_title_before_surname_maps_to_full_name(nlp):
    text = "Vladimir Putin arrived on Monday. “We are ready for dialogue,” Mr. Putin said."
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "PERSON|vladimir putin"


def test_split_quote_gives_two_claims_with_one_speaker(nlp):
    text = "Sofia Marin chairs the committee. “The bill is not perfect,” Marin said, “but it is a start.”"
    qs = quotes_of(nlp, text)
    assert [q.text for q in qs] == ["The bill is not perfect", "but it is a start."]
    assert {q.speaker_key for q in qs} == {"PERSON|sofia marin"}
    assert all(q.cue == "say" for q in qs)


def test_multi_paragraph_quote_takes_the_final_speaker(nlp):
    text = (
        "The minister spoke for an hour.\n"
        "“We inherited an empty treasury.\n"
        "“We cut spending where we could.\n"
        "“Now the economy is growing again,” said Finance Minister Grace Otieno."
    )
    qs = quotes_of(nlp, text)
    assert [q.text for q in qs] == [
        "We inherited an empty treasury.",
        "We cut spending where we could.",
        "Now the economy is growing again",
    ]
    assert {q.speaker for q in qs} == {"Grace Otieno"}
    assert {q.speaker_key for q in qs} == {"PERSON|grace otieno"}
    assert all("multi_paragraph" in q.flags for q in qs)
    assert not any("inherited_speaker" in q.flags for q in qs)


def test_according_to_attributes_a_quote(nlp):
    text = "“The reactor is safe to restart,” according to Hiroshi Tanaka, the plant's chief engineer."
    [q] = quotes_of(nlp, text)
    assert q.cue == "according to"
    assert q.speaker_key == "PERSON|hiroshi tanaka"


def test_quote_with_nested_single_quotes_is_one_claim(nlp):
    text = "“They kept calling it ‘a temporary measure’ for ten years,” said Nadia Haddad."
    [q] = quotes_of(nlp, text)
    assert q.text == "They kept calling it ‘a temporary measure’ for ten years"
    assert q.speaker_key == "PERSON|nadia haddad"


def test_apostrophes_are_not_quote_marks(nlp):
    text = "Putin’s critics don’t believe the ’90s will return, and the workers' union isn't sure either."
    assert quotes_of(nlp, text) == []


def test_apostrophes_inside_a_quote_keep_it_whole(nlp):
    text = "“I don’t think Europe’s leaders understood the ’90s,” said Pavel Novak."
    [q] = quotes_of(nlp, text)
    assert q.text == "I don’t think Europe’s leaders understood the ’90s"


def test_single_quoted_speech_british_style(nlp):
    text = "Keir Starmer addressed the conference. ‘We will rebuild the country,’ Starmer said."
    [q] = quotes_of(nlp, text)
    assert q.text == "We will rebuild the country"
    assert q.speaker_key == "PERSON|keir starmer"


def test_titles_are_not_quotes(nlp):
    text = (
        "She reread ‘War and Peace’ last winter. His book titled “The Long Road Home” sold well, "
        "and the film “Dune” opened on Friday."
    )
    assert quotes_of(nlp, text) == []


def test_repeated_quote_is_one_claim(nlp):
    text = (
        "Lena Fischer runs the clinic. “We are out of insulin,” Fischer said.\n"
        "Patients were turned away. “We are out of insulin,” she repeated."
    )
    qs = quotes_of(nlp, text)
    assert len(qs) == 1
    assert qs[0].speaker_key == "PERSON|lena fischer"


# ---------------------------------------------------------------------------------------------
# Pronouns and inheritance


def test_pronoun_speaker_resolves_to_last_named_person(nlp):
    text = "Tomas Herrera leads the union. He met managers on Monday.\n“Nobody here wants a strike,” he said."
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Tomas Herrera" or q.speaker == "Herrera"
    assert q.speaker_key == "PERSON|tomas herrera"
    assert "pronoun_speaker" in q.flags
    assert q.speaker.lower() != "he"


def test_pronoun_gender_from_honorific_beats_nearer_person(nlp):
    text = (
        "Ms. Amara Osei runs the charity. She met Daniel Price and his staff on Friday.\n"
        "“The donations have dried up,” she said."
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "PERSON|amara osei"


def test_pronoun_prefers_the_sentence_subject_over_an_object(nlp):
    text = "Laura Chen interviewed Mark Ruiz last week.\n“The numbers do not add up,” she said."
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "PERSON|laura chen"


def test_unattributed_quote_paragraph_inherits_previous_speaker(nlp):
    text = (
        "“The harvest failed for the third year,” said Ibrahim Musa, a farmer in the north.\n"
        "“Without rain, nothing grows here.”"
    )
    qs = quotes_of(nlp, text)
    assert len(qs) == 2
    assert qs[1].speaker_key == "PERSON|ibrahim musa"
    assert "inherited_speaker" in qs[1].flags
    assert "inherited_speaker" not in qs[0].flags


def test_no_inheritance_without_a_previous_speaker(nlp):
    text = "The town was quiet.\n“Nobody comes here anymore, not even the tourists.”"
    [q] = quotes_of(nlp, text)
    assert q.speaker is None and q.speaker_key is None


# ---------------------------------------------------------------------------------------------
# Scare quotes


def test_scare_quotes_are_kept_without_speaker(nlp):
    text = (
        "“We expect a deal soon,” said Ana Souza, the trade minister.\n"
        "The two countries declared a “no limits” partnership amid “concerns” in Europe."
    )
    qs = quotes_of(nlp, text)
    scare = [q for q in qs if "scare_quote" in q.flags]
    assert sorted(q.text for q in scare) == ["concerns", "no limits"]
    for q in scare:
        assert q.speaker is None and q.speaker_key is None and q.cue is None
    real = only(qs, "deal soon")
    assert real.speaker_key == "PERSON|ana souza"


def test_short_quote_with_attribution_is_not_a_scare_quote(nlp):
    text = "“Absolutely not,” said Rosa Delgado when asked about a merger."
    [q] = quotes_of(nlp, text)
    assert "scare_quote" not in q.flags
    assert q.speaker_key == "PERSON|rosa delgado"


def test_partial_quote_inside_reported_clause_gets_the_speaker(nlp):
    text = "Ali Wyne said the summit was “mostly symbolic” for both sides."
    qs = quotes_of(nlp, text)
    q = only(qs, "mostly symbolic")
    assert "scare_quote" not in q.flags
    assert q.speaker_key == "PERSON|ali wyne"


def test_naming_verb_attributes_a_short_quote(nlp):
    text = "Officials called the talks “productive but difficult.”"
    [q] = quotes_of(nlp, text)
    assert q.speaker == "Officials"
    assert q.cue == "call"


# ---------------------------------------------------------------------------------------------
# Reported speech


def test_reported_with_that_clause(nlp):
    text = "John Kirby noted that both leaders share an interest in weakening Western influence."
    [r] = reported_of(nlp, text)
    assert r.text == "both leaders share an interest in weakening Western influence"
    assert r.speaker_key == "PERSON|john kirby"
    assert r.cue == "note"


def test_reported_inverted_attribution(nlp):
    text = "Both leaders distrust the West, said Ali Wyne, an analyst at the Eurasia Group."
    [r] = reported_of(nlp, text)
    assert r.text == "Both leaders distrust the West"
    assert r.speaker == "Ali Wyne"
    assert r.cue == "say"


def test_reported_with_common_noun_speaker(nlp):
    text = "Analysts said the summit exposed the limits of the partnership."
    [r] = reported_of(nlp, text)
    assert r.speaker == "Analysts"
    assert r.speaker_key is None
    assert r.text == "the summit exposed the limits of the partnership"


def test_reported_according_to(nlp):
    text = "The delegation included several energy executives, according to the Kremlin."
    [r] = reported_of(nlp, text)
    assert r.cue == "according to"
    assert r.text == "The delegation included several energy executives"
    assert r.speaker == "Kremlin"


def test_reported_according_to_at_sentence_start(nlp):
    text = "According to the central bank, inflation fell to its lowest level in a decade."
    [r] = reported_of(nlp, text)
    assert r.text == "inflation fell to its lowest level in a decade"
    assert r.cue == "according to"


@pytest.mark.parametrize(
    "verb,lemma",
    [
        ("warned", "warn"),
        ("argued", "argue"),
        ("insisted", "insist"),
        ("acknowledged", "acknowledge"),
        ("predicted", "predict"),
        ("wrote", "write"),
        ("explained", "explain"),
    ],
)
def test_reporting_verb_list(nlp, verb, lemma):
    text = f"Central bank governor Maria Lopez {verb} that interest rates would stay high through the winter."
    [r] = reported_of(nlp, text)
    assert r.cue == lemma
    assert r.speaker_key == "PERSON|maria lopez"
    assert r.text == "interest rates would stay high through the winter"


def test_reported_pronoun_speaker_is_resolved(nlp):
    text = "“Beijing holds most of the cards,” said Ali Wyne, an analyst.\nHe added that the imbalance would grow."
    [r] = reported_of(nlp, text)
    assert r.speaker_key == "PERSON|ali wyne"
    assert r.cue == "add"
    assert r.text == "the imbalance would grow"


def test_quote_attribution_is_not_reported_speech(nlp):
    text = "“We will not back down,” Chen Wei said on Monday. Chen Wei said: “The talks are over.”"
    assert reported_of(nlp, text) == []


def test_participle_after_quote_is_reported_speech(nlp):
    text = "“We have done a great deal of work,” Olaf Berg said, adding that new pipeline talks were close to a deal."
    quotes, reported = analyse(nlp, text)
    assert len(quotes) == 1
    [r] = reported
    assert r.text == "new pipeline talks were close to a deal"
    assert r.speaker_key == "PERSON|olaf berg"
    assert r.cue == "add"


def test_negated_and_question_reports_are_not_claims(nlp):
    text = "The mayor did not say when the bridge would reopen. Reporters asked whether the budget was final."
    assert reported_of(nlp, text) == []


def test_relative_clause_speaker(nlp):
    text = "Nora Blake, who said the plan would fail, resigned on Friday."
    [r] = reported_of(nlp, text)
    assert r.speaker_key == "PERSON|nora blake"
    assert r.text == "the plan would fail"


# ---------------------------------------------------------------------------------------------
# Further attribution patterns


def test_colon_introduction_names_the_speaker(nlp):
    text = (
        "“The strike is over,” said Mark Ellison, the union's negotiator.\n"
        "Sandra Voss, who represents the employers, was more cautious: “We still have details to settle.”"
    )
    qs = quotes_of(nlp, text)
    q = only(qs, "details to settle")
    assert q.speaker_key == "PERSON|sandra voss"
    assert "colon_intro" in q.flags


def test_unattributed_quote_after_narrative_goes_to_that_person(nlp):
    text = (
        "“The deal is done,” said Mark Ellison, the union's negotiator.\n"
        "Kofi Mensah spent two decades at the plant before the closure.\n"
        "“Nobody gave us anything. We fought for every cent.”"
    )
    q = only(quotes_of(nlp, text), "fought for every cent")
    assert q.speaker_key == "PERSON|kofi mensah"
    assert "inherited_speaker" in q.flags


def test_definite_company_speaker_refers_to_the_named_organisation(nlp):
    text = (
        "Orrin Energy won the contract for the offshore field last year.\n"
        "The company said the turbines would be running by next spring."
    )
    [r] = reported_of(nlp, text)
    assert r.speaker_key == "ORG|orrin energy"
    assert r.text == "the turbines would be running by next spring"


def test_appositive_organisation_is_the_speaker(nlp):
    text = "The developer, Prairie Wind Partners, says the project will power 40,000 homes."
    [r] = reported_of(nlp, text)
    assert r.speaker_key == "ORG|prairie wind partners"


def test_put_it_attributes_a_quote(nlp):
    text = "As Kevin Lam, an economist at a bank in Singapore, put it, “The consumer is the missing engine of growth.”"
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "PERSON|kevin lam"
    assert q.cue == "put it"


def test_said_in_a_statement_that(nlp):
    text = "Secretary-General António Guterres said in a statement that he had hoped for a more ambitious outcome."
    [r] = reported_of(nlp, text)
    assert r.text == "he had hoped for a more ambitious outcome"
    assert r.speaker_key == "PERSON|antónio guterres"


def test_told_a_meeting_that(nlp):
    text = "The plan was approved after President Xi Jinping told a Politburo meeting that officials must do more to support incomes."
    [r] = reported_of(nlp, text)
    assert r.text == "officials must do more to support incomes"
    assert r.speaker_key == "PERSON|xi jinping"
    assert r.cue == "tell"


def test_coordinated_reporting_verb_ends_the_content_clause(nlp):
    text = "China's Ministry of Commerce said the decision was protectionist and vowed to defend Chinese companies."
    [r] = reported_of(nlp, text)
    assert r.text == "the decision was protectionist"
    assert r.speaker == "Ministry of Commerce"


def test_expectations_about_an_object_are_not_reported_speech(nlp):
    text = "The club's owner expects the takeover to close before the start of next season."
    assert reported_of(nlp, text) == []


def test_quoted_as_saying_uses_the_passive_subject(nlp):
    text = 'Vladimir Putin was quoted as saying that the West "wants to destroy Russia."'
    q = only(quotes_of(nlp, text), "destroy Russia")
    assert q.speaker_key == "PERSON|vladimir putin"


def test_statement_read_is_an_attribution(nlp):
    text = '"The numbers are simply not there," the statement read.'
    [q] = quotes_of(nlp, text)
    assert q.cue == "read"
    assert q.speaker == "statement"


def test_it_resolves_to_an_organisation(nlp):
    text = "Toyota reported record profits on Tuesday.\n“Demand for hybrids remains very strong,” it said in a statement."
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "ORG|toyota"
    assert "pronoun_speaker" in q.flags


def test_they_resolves_to_a_previous_group_speaker(nlp):
    text = "Both governments said they would deepen ties. They also pledged to “jointly oppose hegemonism in all its forms.”"
    q = only(quotes_of(nlp, text), "hegemonism")
    assert q.speaker == "Both governments"


def test_partial_quote_in_reported_clause_yields_both_claims(nlp):
    text = 'Donald Trump said prices were "through the roof" in every state.'
    quotes, reported = analyse(nlp, text)
    assert only(quotes, "through the roof").speaker_key == "PERSON|donald trump"
    assert only(reported, "prices were").speaker_key == "PERSON|donald trump"


def test_reported_speech_after_a_quote_paragraph(nlp):
    text = (
        "“If these tenders happen on schedule, that changes the picture,” said Andrés Molina, an analyst.\n\n"
        "Leaders of local communities said the companies had not consulted them on water use."
    )
    reported = reported_of(nlp, text)
    r = only(reported, "consulted them")
    assert r.text == "the companies had not consulted them on water use"
    assert r.speaker == "Leaders of local communities"


def test_unclosed_quote_is_kept_to_the_paragraph_end_and_flagged(nlp):
    text = "The mayor said: “We will rebuild every home that the flood destroyed\nOfficials declined to give a timeline."
    q = only(quotes_of(nlp, text), "rebuild")
    assert q.text == "We will rebuild every home that the flood destroyed"
    assert "unclosed" in q.flags


def test_quote_claims_never_cross_paragraphs(nlp):
    text = "“First part of the statement.\n“Second part of the statement,” said Ines Ortega.\nShe left."
    qs = quotes_of(nlp, text)
    assert all("\n" not in q.text for q in qs)
    assert len(qs) == 2


def test_plural_possessive_inside_single_quoted_speech(nlp):
    text = "‘The workers’ pay has not risen in years,’ said Amy Clarke, a union organiser."
    [q] = quotes_of(nlp, text)
    assert q.text == "The workers’ pay has not risen in years"
    assert q.speaker_key == "PERSON|amy clarke"


def test_next_sentence_with_its_own_object_is_not_the_attribution(nlp):
    text = "Leila Haddad coached the team for a decade.\n“We won.” Critics described the result as a fluke."
    q = only(quotes_of(nlp, text), "We won")
    assert q.speaker != "Critics"
    assert q.speaker_key == "PERSON|leila haddad"


def test_pronoun_points_to_an_untagged_name_introduced_just_before(nlp):
    text = (
        "Marta Ruiz, an economist, said the change was overdue.\n"
        "Ilse Brandauer of the Kiel institute was more sceptical. She argued that subsidies should be cut first."
    )
    r = only(reported_of(nlp, text), "subsidies")
    assert r.speaker_key == "PERSON|ilse brandauer"


def test_clause_before_a_semicolon_is_not_the_next_speakers_content(nlp):
    text = "Some analysts think the bank will wait until June; others expect a cut in April."
    reported = reported_of(nlp, text)
    assert [(r.speaker, r.text) for r in reported] == [("Some analysts", "the bank will wait until June")]


def test_findings_and_rulings_are_reported_claims(nlp):
    text = (
        "The court ruled that the law was unconstitutional. The report found that emissions rose by a third."
    )
    reported = reported_of(nlp, text)
    assert [(r.cue, r.speaker, r.text) for r in reported] == [
        ("rule", "court", "the law was unconstitutional"),
        ("find", "report", "emissions rose by a third"),
    ]


def test_as_someone_noted_introduces_reported_content(nlp):
    text = (
        "As the IMF noted in its latest outlook, growth in the region is slowing. Prices rose, as expected."
    )
    reported = reported_of(nlp, text)
    assert [(r.cue, r.speaker_key, r.text) for r in reported] == [
        ("note", "ORG|international monetary fund", "growth in the region is slowing")
    ]


def test_dateline_is_not_part_of_the_content(nlp):
    text = "TOKYO — Japan will release part of its rice stockpile, the agriculture ministry said on Friday."
    [r] = reported_of(nlp, text)
    assert r.text == "Japan will release part of its rice stockpile"


def test_complementiser_parsed_as_pronoun_is_dropped(nlp):
    text = (
        "Yuichiro Tamaki, who leads the opposition party, said on social media that farmers had been "
        "warning about shortages for two years."
    )
    [r] = reported_of(nlp, text)
    assert r.text == "farmers had been warning about shortages for two years"


def test_speaker_description_keeps_its_organisation(nlp):
    text = "A spokesman for the ministry said the border would stay closed."
    [r] = reported_of(nlp, text)
    assert r.speaker == "spokesman for the ministry"


def test_question_quote_with_inverted_asked(nlp):
    text = (
        "“Is this really the best we can do?” asked Priya Nair, a council member. “Residents deserve better.”"
    )
    qs = quotes_of(nlp, text)
    assert [q.speaker_key for q in qs] == ["PERSON|priya nair", "PERSON|priya nair"]
    assert qs[0].cue == "ask"


def test_coordinated_quotes_share_one_attribution(nlp):
    text = "Critics called the plan “a tax on the poor” and “fundamentally unfair to working families.”"
    qs = quotes_of(nlp, text)
    assert [(q.speaker, q.cue) for q in qs] == [("Critics", "call"), ("Critics", "call")]


def test_resolved_pronoun_teaches_gender_for_later_pronouns(nlp):
    text = (
        "Tom Becker runs the transit authority. “If costs fall, fares fall,” he said.\n"
        "Ana Ruiz, a daily rider, met Becker on Tuesday. Becker listened. “I am tired of waiting,” she said."
    )
    q = only(quotes_of(nlp, text), "tired of waiting")
    assert q.speaker_key == "PERSON|ana ruiz"


def test_made_it_clear_that(nlp):
    text = "The minister made it clear that no deal would be signed this year. She made a cake."
    [r] = reported_of(nlp, text)
    assert (r.cue, r.speaker, r.text) == ("make clear", "minister", "no deal would be signed this year")


# ---------------------------------------------------------------------------------------------
# Newcomers, organisation speakers, coordinated and bounded reported speech


def test_inverted_question_takes_the_named_speaker_not_a_word_of_the_quote(nlp):
    text = (
        "Councillor Maria Ostrowska said the depot would bring jobs. "
        "“Jobs for whom?” asked Bernice Adler, 78, who has lived on the street since 1990."
    )
    q = only(quotes_of(nlp, text), "Jobs for whom")
    assert (q.speaker, q.speaker_key, q.cue) == ("Bernice Adler", "PERSON|bernice adler", "ask")


def test_she_after_a_described_newcomer_means_the_newcomer(nlp):
    text = (
        "Maria Ostrowska, a councillor, backed the depot, but the petition was started by a neighbour, "
        "Bernice Adler, 78, who has lived on the street since 1990. She said the fumes would reach the primary school."
    )
    r = only(reported_of(nlp, text), "fumes")
    assert r.speaker_key == "PERSON|bernice adler"
    assert "pronoun_speaker" in r.flags


def test_she_after_a_quoted_newcomer_with_age_does_not_go_back_to_the_earlier_speaker(nlp):
    text = (
        "Councillor Maria Ostrowska said on Monday that the depot would bring 200 jobs to the district.\n"
        "“That is simply not true,” said Ilse Varga, 64, who has run a bakery on the corner for three decades. "
        "She said the council had stopped answering her letters."
    )
    q = only(quotes_of(nlp, text), "simply not true")
    assert q.speaker_key == "PERSON|ilse varga"
    r = only(reported_of(nlp, text), "stopped answering")
    assert r.speaker_key == "PERSON|ilse varga"


def test_newcomer_of_the_wrong_known_gender_does_not_capture_the_pronoun(nlp):
    text = (
        "Tom Reyes, the deputy mayor, is a former bus driver. He was joined on Monday by a spokeswoman for the union, "
        "Helena Dorsey, who has led the campaign since June. He said the depot would open in 2027."
    )
    r = only(reported_of(nlp, text), "depot would open")
    assert r.speaker_key == "PERSON|tom reyes"


def test_the_carmaker_means_the_company_not_the_union_beside_it(nlp):
    text = (
        "Talks between Vantor Motors and the United Auto Workers union stalled on Friday after three weeks. "
        "The carmaker said it had made its final offer."
    )
    r = only(reported_of(nlp, text), "final offer")
    assert (r.speaker, r.speaker_key, r.speaker_mention) == (
        "Vantor Motors",
        "ORG|vantor motors",
        "The carmaker",
    )


def test_the_company_skips_a_regulator_named_earlier(nlp):
    text = (
        "Regulators at the Federal Trade Commission sued Halvorsen Foods on Thursday over its planned purchase "
        "of a rival dairy. The company said it would fight the lawsuit."
    )
    r = only(reported_of(nlp, text), "fight the lawsuit")
    assert (r.speaker, r.speaker_key, r.speaker_mention) == (
        "Halvorsen Foods",
        "ORG|halvorsen foods",
        "The company",
    )


def test_the_agency_said_in_a_statement_that(nlp):
    text = (
        "The Environment Agency fined Thames Water £3 million for the spill, which killed thousands of fish. "
        "The agency said in a statement that the company had ignored repeated warnings."
    )
    r = only(reported_of(nlp, text), "ignored repeated warnings")
    assert r.text == "the company had ignored repeated warnings"
    assert (r.speaker, r.speaker_key, r.speaker_mention) == (
        "Environment Agency",
        "ORG|environment agency",
        "The agency",
    )


def test_the_ministry_said_means_the_ministry_not_the_drugmaker(nlp):
    text = (
        "The Ministry of Health issued new guidance after talks with Pfizer and Moderna. "
        "The ministry said in a statement that booster doses would be offered to everyone over 65."
    )
    r = only(reported_of(nlp, text), "booster doses")
    assert r.speaker_key == "ORG|ministry of health"


def test_it_said_means_the_sued_company_not_the_agent_of_the_passive(nlp):
    text = "Halvorsen Foods was sued by the Federal Trade Commission over the merger. It said it would fight the lawsuit."
    r = only(reported_of(nlp, text), "fight the lawsuit")
    assert (r.speaker, r.speaker_key) == ("Halvorsen Foods", "ORG|halvorsen foods")
    assert "pronoun_speaker" in r.flags


def test_said_that_a_and_that_b_gives_two_claims(nlp):
    text = (
        "Harbour master Ines Calloway said that the dredging would begin in March and that the channel "
        "would stay open to ferries throughout the works."
    )
    rs = reported_of(nlp, text)
    assert [r.text for r in rs] == [
        "the dredging would begin in March",
        "the channel would stay open to ferries throughout the works",
    ]
    assert {r.speaker_key for r in rs} == {"PERSON|ines calloway"}


def test_said_a_and_added_that_b(nlp):
    text = (
        "Finance Minister Pravin Rao said the deficit would narrow to 4 percent next year, "
        "and added that the fuel subsidy would be phased out by 2027."
    )
    rs = reported_of(nlp, text)
    assert [(r.text, r.cue) for r in rs] == [
        ("the deficit would narrow to 4 percent next year", "say"),
        ("the fuel subsidy would be phased out by 2027", "add"),
    ]
    assert {r.speaker_key for r in rs} == {"PERSON|pravin rao"}


def test_content_continues_after_a_mid_sentence_attribution(nlp):
    text = "The pipes under the old town are decades old, Monica Hale told the council on Wednesday, and replacing them will cost millions."
    rs = reported_of(nlp, text)
    assert [r.text for r in rs] == [
        "The pipes under the old town are decades old",
        "replacing them will cost millions",
    ]
    assert {(r.speaker, r.cue) for r in rs} == {("Monica Hale", "tell")}


def test_speaker_pronoun_clause_after_attribution_is_narration_not_content(nlp):
    text = "Prices will keep rising through the summer, the central bank said on Thursday, and it cut its growth forecast to 1.2 percent."
    [r] = reported_of(nlp, text)
    assert r.text == "Prices will keep rising through the summer"


def test_second_attribution_after_the_first_ends_its_content(nlp):
    text = (
        "Rail traffic through the tunnel will fall by a third this winter, the Baltic Transport Institute said, "
        "and freight operators say the cuts will hit exporters hardest."
    )
    rs = reported_of(nlp, text)
    assert [(r.text, r.speaker) for r in rs] == [
        ("Rail traffic through the tunnel will fall by a third this winter", "Baltic Transport Institute"),
        ("the cuts will hit exporters hardest", "freight operators"),
    ]


def test_while_clause_with_its_own_speaker_ends_the_content(nlp):
    text = "The institute said rail traffic would fall by a third, while freight operators say the cuts will hit exporters hardest."
    rs = reported_of(nlp, text)
    assert [(r.text, r.speaker) for r in rs] == [
        ("rail traffic would fall by a third", "institute"),
        ("the cuts will hit exporters hardest", "freight operators"),
    ]


def test_described_as_quote_is_a_quote_and_not_a_reported_claim(nlp):
    text = (
        "Opposition leader Kofi Mensah, whose party lost two seats in the spring, described the plan as "
        "“a giveaway to donors” and vowed to fight it in parliament."
    )
    quotes, reported = analyse(nlp, text)
    q = only(quotes, "giveaway to donors")
    assert (q.speaker_key, q.cue) == ("PERSON|kofi mensah", "describe")
    assert "scare_quote" not in q.flags
    assert not [r for r in reported if "giveaway" in r.text]


def test_described_as_without_quotation_marks_stays_reported(nlp):
    text = "Analysts at the Kiel institute described the rebound in factory orders as a statistical blip."
    r = only(reported_of(nlp, text), "statistical blip")
    assert r.cue == "describe"


def test_short_complement_of_called_after_its_object_is_a_partial_quote(nlp):
    text = "Defence Minister Rafael Ortiz, speaking after a cabinet meeting, called the accusations “simply untrue” on Tuesday."
    [q] = quotes_of(nlp, text)
    assert (q.speaker_key, q.cue) == ("PERSON|rafael ortiz", "call")
    assert "scare_quote" not in q.flags


def test_short_as_complement_of_described_is_a_partial_quote(nlp):
    text = "Senator Maria Lutz, who sits on the budget committee, described the deal as “a mistake”."
    [q] = quotes_of(nlp, text)
    assert (q.speaker_key, q.cue) == ("PERSON|maria lutz", "describe")


def test_name_given_by_a_participle_is_a_scare_quote(nlp):
    text = "Prosecutors said the officials ran a scheme called “cash-for-crude” between 2015 and 2019, diverting oil revenue abroad."
    q = only(quotes_of(nlp, text), "cash-for-crude")
    assert "scare_quote" in q.flags
    assert q.speaker is None and q.cue is None


def test_quoted_modifier_before_its_noun_stays_a_scare_quote(nlp):
    text = "Ministers from both countries signed what they called a “no limits” partnership in Beijing last week."
    q = only(quotes_of(nlp, text), "no limits")
    assert "scare_quote" in q.flags


def test_plural_common_noun_subject_with_a_that_clause_split_by_the_parser(nlp):
    text = (
        "Entomologists at three universities have warned for months that the beetle, first spotted near the port "
        "in 2022, could spread north of the river."
    )
    [r] = reported_of(nlp, text)
    assert r.text == "the beetle, first spotted near the port in 2022, could spread north of the river"
    assert (r.speaker, r.cue) == ("Entomologists at three universities", "warn")


def test_expect_is_reported_only_with_a_that_clause(nlp):
    assert (
        reported_of(
            nlp, "Economists polled by Reuters expect the central bank to hold rates at 5.25 percent."
        )
        == []
    )
    [r] = reported_of(
        nlp, "Economists polled by Reuters expect that the central bank will hold rates until September."
    )
    assert (r.text, r.speaker, r.cue) == (
        "the central bank will hold rates until September",
        "Economists",
        "expect",
    )


def test_time_phrase_between_said_and_a_bare_clause_dates_the_saying(nlp):
    text = "South Africa’s Competition Commission said on Friday it would investigate the proposed merger of the two grocers."
    [r] = reported_of(nlp, text)
    assert r.text == "it would investigate the proposed merger of the two grocers"
    assert r.speaker_key == "ORG|competition commission"


def test_time_phrase_inside_a_that_clause_is_kept(nlp):
    text = "The transport secretary said that on Friday the tunnel had flooded for the second time this year."
    [r] = reported_of(nlp, text)
    assert r.text.startswith("on Friday the tunnel had flooded")


def test_she_after_a_newcomer_beats_an_earlier_speaker_known_to_be_female(nlp):
    text = (
        "Ms. Ostrowska, the councillor who backs the depot, said she expected a vote in May.\n"
        "“Nobody asked us,” said Bernice Adler, 78, who has lived on Calder Street since 1990. "
        "She said the diesel fumes were already reaching her kitchen window."
    )
    r = only(reported_of(nlp, text), "diesel fumes")
    assert r.speaker_key == "PERSON|bernice adler"


# ---------------------------------------------------------------------------------------------
# Unnamed spokespeople speak for their organisation


def test_spokeswoman_for_a_short_form_speaks_for_the_full_organisation(nlp):
    text = (
        "Corvane Infrastructure won the contract to rebuild the bridge in March. "
        "A spokeswoman for Corvane said the work would start in June.\n"
        "“We are confident the schedule will hold,” a spokeswoman for Corvane said."
    )
    quotes, reported = analyse(nlp, text)
    q = only(quotes, "schedule will hold")
    assert q.speaker_key == "ORG|corvane infrastructure"
    assert "spokeswoman" in q.speaker
    assert only(reported, "work would start").speaker_key == "ORG|corvane infrastructure"


def test_spokesman_for_the_ministry_points_back_at_the_named_ministry(nlp):
    text = (
        "The Ministry of Transport has ordered a review of the rail line. "
        "A spokesman for the ministry told reporters the line would reopen next week."
    )
    r = only(reported_of(nlp, text), "reopen next week")
    assert r.speaker_key == "ORG|ministry of transport"


def test_organisation_name_before_spokeswoman_is_the_speaker(nlp):
    text = "Transport Canada issued a safety notice on Tuesday.\n“Safety is our top priority,” a Transport Canada spokeswoman said."
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "ORG|transport canada"


def test_company_spokesman_refers_to_the_company_named_before(nlp):
    text = "Brellin Foods recalled 40,000 jars of peanut butter. “Customers should return the jars,” said a company spokesman."
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "ORG|brellin foods"


def test_spokesman_for_an_unnamed_group_is_not_given_another_organisation(nlp):
    text = "Brellin Foods recalled 40,000 jars of peanut butter. A spokesman for a consumer group said the recall came too late."
    r = only(reported_of(nlp, text), "came too late")
    assert r.speaker_key is None
    assert "consumer group" in r.speaker


def test_named_spokeswoman_after_the_organisation_is_the_speaker(nlp):
    r = only(
        reported_of(nlp, "A spokeswoman for Brellin Foods, Ana Ruiz, said the jars were safe."),
        "jars were safe",
    )
    assert r.speaker == "Ana Ruiz"


def test_the_airline_means_the_carrier_not_the_planemaker_mentioned_later(nlp):
    text = (
        "Skyline Air will add an Airbus A220 to its fleet next spring. Skyline Air flies to 14 cities. "
        "Airbus delivered the jet in May.\n“The A220 lets us open thinner routes,” the airline said."
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "ORG|skyline air"


def test_the_airline_means_the_organisation_described_as_a_carrier(nlp):
    text = (
        "Norvik, a regional carrier, ordered six Embraer jets in March. Embraer shares rose 2 percent on the news.\n"
        "“These aircraft fit our network,” the airline said."
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "ORG|norvik"


def test_the_company_still_means_an_airline_named_before(nlp):
    text = "Skyline Air cut 300 jobs on Monday.\n“We had no choice,” the company said."
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "ORG|skyline air"


def test_he_after_a_sentence_with_a_glacier_and_a_person_means_the_person(nlp):
    text = (
        "The melt at Lys Glacier has exposed bare rock, said Marco Ferrari, 71, a retired guide.\n"
        "“When I was a boy the ice came down to the hut,” he said."
    )
    [q] = quotes_of(nlp, text)
    assert q.speaker_key == "PERSON|marco ferrari"


def test_the_company_said_after_a_shop_name_tagged_person(nlp):
    text = (
        "Halbrook's will close 12 stores next year. Halbrook's said the closures would affect 800 jobs.\n"
        "“These decisions are never easy,” the company said."
    )
    quotes, reported = analyse(nlp, text)
    assert only(quotes, "never easy").speaker_key == "ORG|halbrook"
    assert only(reported, "800 jobs").speaker_key == "ORG|halbrook"


def test_speaker_surface_drops_the_title_before_a_name(nlp):
    [q] = quotes_of(nlp, "“Inflation is moderating,” said Treasurer Jim Chalmers.")
    assert (q.speaker, q.speaker_key) == ("Jim Chalmers", "PERSON|jim chalmers")
    r = only(reported_of(nlp, "Finance Minister Kwabena Osei said the deficit would narrow."), "deficit")
    assert r.speaker == "Kwabena Osei"
    # Regnal and religious titles are part of the name.
    r = only(reported_of(nlp, "King Charles said the monarchy would adapt to new times."), "monarchy")
    assert r.speaker == "King Charles"


# ---------------------------------------------------------------------------------------------
# Documents speak for the organisation that owns them


def test_its_annual_report_speaks_for_the_company_named_before(nlp):
    text = "Brellin Energy posted a loss for the year. Its annual report said debt had risen to $4 billion."
    c = only(reported_of(nlp, text), "debt had risen")
    assert c.speaker == "Its annual report"
    assert c.speaker_key == "ORG|brellin energy"


def test_the_boards_own_figures_speak_for_the_authority(nlp):
    text = (
        "The Port Authority of Kessel has struggled with congestion. "
        "According to the board's own figures, waiting times doubled in 2023."
    )
    c = only(reported_of(nlp, text), "waiting times doubled")
    assert c.speaker == "board's own figures"
    assert c.speaker_key == "ORG|port authority of kessel"


def test_statement_from_the_airline_speaks_for_the_airline(nlp):
    text = "Lumora Airways grounded 12 jets. A statement from the airline said the checks would take a week."
    c = only(reported_of(nlp, text), "checks would take")
    assert c.speaker_key == "ORG|lumora airways"


def test_a_report_with_no_owner_stays_unresolved(nlp):
    c = only(reported_of(nlp, "The report said debt had risen to $4 billion."), "debt had risen")
    assert c.speaker == "report"
    assert c.speaker_key is None


def test_its_report_without_a_named_organisation_stays_unresolved(nlp):
    text = "The government published new data on Monday. Its report said 4,000 homes were damaged."
    c = only(reported_of(nlp, text), "homes were damaged")
    assert c.speaker_key is None


def test_the_consultancy_refers_to_the_name_described_as_one(nlp):
    text = (
        "Tidewater Maritime Analytics, a consultancy, tracks tanker movements. "
        "The consultancy said shipments fell 12 percent in March."
    )
    c = only(reported_of(nlp, text), "shipments fell")
    assert (c.speaker, c.speaker_mention) == ("Tidewater Maritime Analytics", "The consultancy")
    assert c.speaker_key == "ORG|tidewater maritime analytics"


def test_the_firm_refers_to_an_untagged_name_with_a_firm_apposition(nlp):
    text = (
        "Silver Fern Advisory, a London-based firm, estimated losses at $2 billion. "
        "The firm said insurers would pay most of it."
    )
    c = only(reported_of(nlp, text), "insurers would pay")
    assert c.speaker_key == "ORG|silver fern advisory"


def test_the_company_after_a_town_described_as_a_town_stays_unresolved(nlp):
    text = "Ridgeway, a small town in Ohio, lost its mill. The company said it would move."
    c = only(reported_of(nlp, text), "it would move")
    assert c.speaker_key is None


# ---------------------------------------------------------------------------------------------
# Places the model tags as people or organisations never speak for a nearby pronoun or description


def test_he_does_not_mean_a_town_tagged_person_after_near(nlp):
    q = only(
        quotes_of(nlp, "Fighting broke out near Gardez on Sunday. “These reports are false,” he said."),
        "reports are false",
    )
    assert q.speaker is None
    assert q.speaker_key is None


def test_he_does_not_mean_a_state_tagged_person_in_a_locative_list(nlp):
    text = (
        "Floods cut roads in Coahuila and Nuevo Leon. Traffic resumed near Saltillo-Monterrey later. "
        "“We are safe now,” he told reporters."
    )
    q = only(quotes_of(nlp, text), "We are safe now")
    assert q.speaker_key is None or q.speaker_key.startswith("PERSON|") and "leon" not in q.speaker_key


def test_she_still_means_the_mayor_who_toured_a_place(nlp):
    text = "Mayor Hilda Garza toured flooded streets near Gardez on Sunday. “We will rebuild every home,” she said."
    q = only(quotes_of(nlp, text), "rebuild every home")
    assert q.speaker_key == "PERSON|hilda garza"


def test_the_company_is_not_a_town_tagged_org_after_in(nlp):
    text = "Workers at a plant in Ramos Arizpe walked out on Monday. The company said talks would resume."
    c = only(reported_of(nlp, text), "talks would resume")
    assert c.speaker_key is None


def test_the_company_skips_a_town_and_finds_the_carmaker(nlp):
    text = (
        "Vantor Motors builds trucks in Saltillo. "
        "Output at the plant near Ramos Arizpe fell 20 percent, the company said."
    )
    c = only(reported_of(nlp, text), "Output at the plant")
    assert c.speaker_key == "ORG|vantor motors"


def test_the_company_still_means_an_organisation_after_at(nlp):
    text = "Workers at Vantor Motors walked out on Monday. The company said talks would resume."
    c = only(reported_of(nlp, text), "talks would resume")
    assert c.speaker_key == "ORG|vantor motors"


def test_the_agency_is_not_a_name_before_state(nlp):
    text = (
        "Officials met on Monday to discuss the Coahuila state budget. The agency said spending would rise."
    )
    c = only(reported_of(nlp, text), "spending would rise")
    assert c.speaker_key is None


def test_the_agency_is_not_a_name_before_highway(nlp):
    text = "Engineers inspected the Saltillo-Monterrey highway on Monday. The agency said repairs would cost $3 million."
    c = only(reported_of(nlp, text), "repairs would cost")
    assert c.speaker_key is None


# ---------------------------------------------------------------------------------------------
# Partial quotations take their speaker from someone who can speak


def test_partial_quote_on_a_thing_subject_goes_to_the_outer_reporting_verb(nlp):
    text = (
        "Ana Ruiz, the finance minister, spoke on Friday. "
        "She said the price rise suggested “a turning point” for the economy."
    )
    q = only(quotes_of(nlp, text), "a turning point")
    assert q.speaker_key == "PERSON|ana ruiz"


def test_partial_quote_on_a_thing_subject_goes_to_the_trailing_attribution(nlp):
    q = only(quotes_of(nlp, "The ruling indicated “a clear shift” in policy, lawyers said."), "a clear shift")
    assert q.speaker == "lawyers"


def test_partial_quote_on_a_thing_subject_with_no_speaker_is_left_unattributed(nlp):
    q = only(
        quotes_of(
            nlp,
            "Inflation data came out on Monday. The price rise suggested “a turning point”, and markets fell.",
        ),
        "turning point",
    )
    assert q.speaker is None
    assert q.speaker_key is None


def test_partial_quote_with_an_organisation_noun_subject_keeps_it(nlp):
    q = only(quotes_of(nlp, "The new tariff would “hurt the poorest”, the union warned."), "hurt the poorest")
    assert q.speaker == "union"


def test_partial_quote_with_a_named_subject_keeps_it(nlp):
    text = "Ana Ruiz, the finance minister, spoke on Friday. The data revealed “a worrying trend”, said Ruiz."
    q = only(quotes_of(nlp, text), "worrying trend")
    assert q.speaker_key == "PERSON|ana ruiz"


def test_partial_quote_on_a_thing_subject_takes_the_paragraphs_named_speaker(nlp):
    text = "Finance minister Ana Ruiz said inflation would ease. The price rise confirmed “what we feared”, and markets fell."
    q = only(quotes_of(nlp, text), "what we feared")
    assert q.speaker_key == "PERSON|ana ruiz"


def test_partial_quote_on_a_thing_subject_does_not_reach_into_an_earlier_paragraph(nlp):
    text = "Finance minister Ana Ruiz said inflation would ease.\n\nThe price rise confirmed “what we feared”, and markets fell."
    q = only(quotes_of(nlp, text), "what we feared")
    assert q.speaker is None
