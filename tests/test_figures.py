"""FIGURE claims: numbers with a unit, normalised (assets/text/figures/)."""

from __future__ import annotations

import pytest

from assets.text.figures import find_figures
from assets.text.records import Claim
from conftest import sentences


@pytest.fixture(scope="module")
def figs(nlp):
    def run(text: str) -> list[Claim]:
        doc = nlp(text)
        out = find_figures(doc, sentences(doc))
        for c in out:
            assert c.kind == "figure"
            assert text[c.start_char : c.end_char] == c.text
        return out

    return run


def one(claims: list[Claim], text: str) -> Claim:
    found = [c for c in claims if c.text == text]
    assert len(found) == 1, f"{text!r} not in {[c.text for c in claims]}"
    return found[0]


def vu(claims: list[Claim]) -> list[tuple[float, str]]:
    return [(c.value, c.unit) for c in claims]


# ------------------------------------------------------------------------------------------------ money


def test_dollar_billion_is_usd_plain_number(figs):
    c = one(figs("In 2023, bilateral trade reached $240 billion."), "$240 billion")
    assert (c.value, c.unit) == (2.4e11, "USD")
    assert c.raw_value == 2.4e11 and c.raw_unit == "$"


def test_glued_bn_scale(figs):
    assert vu(figs("The deal is worth $1.2bn.")) == [(1.2e9, "USD")]


def test_parenthesised_amount_is_not_negative(figs):
    claims = figs("Trade reached $240 billion ($1.2bn) last year.")
    assert one(claims, "$1.2bn").value == 1.2e9
    assert all(c.value > 0 for c in claims)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The bid was A$3 billion.", (3e9, "AUD")),
        ("It raised C$2.5 billion.", (2.5e9, "CAD")),
        ("The stake cost HK$10 million.", (1e7, "HKD")),
        ("Sales hit US$3.5m.", (3.5e6, "USD")),
        ("Spending rose to €5bn.", (5e9, "EUR")),
        ("The bill came to £1.2tn.", (1.2e12, "GBP")),
        ("The fund holds ¥100 trillion.", (1e14, "JPY")),
        ("The project costs Rs 500 crore.", (5e9, "INR")),
        ("The fine was ₹5,000.", (5000.0, "INR")),
        ("It was valued at USD 4 million.", (4e6, "USD")),
        ("The utility asked for R1.1 billion.", (1.1e9, "ZAR")),
        ("A bed costs Tk 1,500.", (1500.0, "BDT")),
        ("Farmers were paid ৳20,000.", (20000.0, "BDT")),
        ("The ministry set aside Rp 3.2 trillion.", (3.2e12, "IDR")),
    ],
)
def test_currency_prefixes(figs, text, expected):
    assert vu(figs(text)) == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Exports were 2.3 trillion yuan.", (2.3e12, "CNY")),
        ("He was fined 500,000 rubles.", (5e5, "RUB")),
        ("The budget is 10 billion euros.", (1e10, "EUR")),
        ("They lost half a million dollars.", (5e5, "USD")),
        ("It is worth 5 billion Australian dollars.", (5e9, "AUD")),
        ("The bank holds 300 billion yen.", (3e11, "JPY")),
        ("Exports fell to 51.2 billion won.", (5.12e10, "KRW")),
        ("The treasury paid 5 million pounds.", (5e6, "GBP")),
        ("Argentina printed 100 billion pesos.", (1e11, "ARS")),
    ],
)
def test_currency_words(figs, text, expected):
    assert vu(figs(text)) == [expected]


def test_currency_word_without_scale_that_is_an_english_word_is_not_money(figs):
    # "won" is the verb here, not Korean currency.
    assert all(c.unit != "KRW" for c in figs("Labour won 412 seats."))


def test_bare_pounds_is_weight(figs):
    c = one(figs("He weighs 200 pounds."), "200 pounds")
    assert c.unit == "kg" and c.value == pytest.approx(90.718, rel=1e-4)
    assert (c.raw_value, c.raw_unit) == (200.0, "pounds")


def test_currency_range_is_one_figure_with_midpoint_and_bounds(figs):
    c = one(figs("They signed an A$3-4 billion deal."), "A$3-4 billion")
    assert (c.value, c.unit) == (3.5e9, "AUD")
    assert "range" in c.flags and (c.value_low, c.value_high) == (3e9, 4e9)


def test_complete_amounts_either_side_of_to_are_one_range(figs):
    c = one(figs("The fix costs $3 billion to $4 billion."), "$3 billion to $4 billion")
    assert (c.value, c.value_low, c.value_high) == (3.5e9, 3e9, 4e9)


def test_range_from_to_is_one_figure_without_a_verb_of_change(figs):
    claims = figs("Prices ranged from $250,000 to $1 million for the plots.")
    c = one(claims, "$250,000 to $1 million")
    assert (c.value, c.unit, c.value_low, c.value_high) == (625000.0, "USD", 250000.0, 1e6)
    assert len(claims) == 1


def test_between_two_percentages_is_one_range(figs):
    c = one(figs("Analysts expect inflation of between 5% and 6%."), "5% and 6%")
    assert (c.value, c.value_low, c.value_high, c.quantity) == (5.5, 5.0, 6.0, "share")


def test_a_verb_of_change_keeps_start_and_end_apart(figs):
    assert sorted(vu(figs("Ticket prices will rise from $15 to $18 next year."))) == [
        (15.0, "USD"),
        (18.0, "USD"),
    ]


def test_currency_range_with_repeated_symbol(figs):
    c = one(figs("The fix costs $3 to $4 billion."), "$3 to $4 billion")
    assert c.value == 3.5e9 and (c.value_low, c.value_high) == (3e9, 4e9)


def test_yen_symbol_reads_yuan_from_the_sentence(figs):
    assert vu(figs("China's fund of ¥500 billion, or 500 billion yuan, was set up.")) == [
        (5e11, "CNY"),
        (5e11, "CNY"),
    ]


def test_cents_are_hundredths(figs):
    assert vu(figs("Shares rose 50 cents.")) == [(0.5, "USD")]


def test_price_per_thing_is_flagged(figs):
    c = one(figs("Gold hit $2,400 an ounce."), "$2,400")
    assert (c.value, c.unit) == (2400.0, "USD")
    assert "per_ounce" in c.flags


def test_rate_per_year_is_flagged(figs):
    assert "per_year" in one(figs("It costs $5 billion a year."), "$5 billion").flags


# ------------------------------------------------------------------------------------------------ percentages


@pytest.mark.parametrize(
    "text,fig,value",
    [
        ("Trade grew 36 percent.", "36 percent", 36.0),
        ("Ten percent of voters agreed.", "Ten percent", 10.0),
        ("Inflation eased to 2.5%.", "2.5%", 2.5),
        ("Output rose 36 per cent.", "36 per cent", 36.0),
        ("It took a 36-percent stake.", "36-percent", 36.0),
        ("Twenty-five percent opposed it.", "Twenty-five percent", 25.0),
    ],
)
def test_percentages(figs, text, fig, value):
    c = one(figs(text), fig)
    assert (c.value, c.unit) == (value, "percent")


def test_british_pc_shorthand(figs):
    assert vu(figs("Shares jumped 36pc.")) == [(36.0, "percent")]


def test_rate_date_ago_is_not_a_rate(figs):
    c = one(figs("Only 37% trust it, down from 45% a year ago."), "45%")
    assert not any(f.startswith("per_") for f in c.flags)
    assert "decrease" not in c.flags


def test_percentage_points_and_basis_points(figs):
    claims = figs("The bank raised rates by 25 basis points and unemployment rose 2 percentage points.")
    assert (one(claims, "25 basis points").value, one(claims, "25 basis points").unit) == (0.25, "pp")
    assert (one(claims, "2 percentage points").value, one(claims, "2 percentage points").unit) == (2.0, "pp")


def test_percent_range_midpoint(figs):
    c = one(figs("Growth will be 10-15% this year."), "10-15%")
    assert (c.value, c.unit, c.value_low, c.value_high) == (12.5, "percent", 10.0, 15.0)


def test_between_and_range(figs):
    c = one(figs("Inflation will be between 3 and 4 percent."), "3 and 4 percent")
    assert c.value == 3.5 and "range" in c.flags


def test_from_to_is_two_figures(figs):
    claims = figs("The rate rose from 3 to 4 percent.")
    assert sorted(vu(claims)) == [(3.0, "percent"), (4.0, "percent")]
    assert all("range" not in c.flags for c in claims)


def test_explicit_minus_sign_is_kept(figs):
    assert vu(figs("GDP growth was -3.5% last quarter.")) == [(-3.5, "percent")]


def test_fall_is_not_negative(figs):
    c = one(figs("Unemployment fell 3 percent."), "3 percent")
    assert c.value == 3.0
    assert c.measure == "unemployment fell"
    assert "decrease" in c.flags


# ------------------------------------------------------------------------------------------------ quantities


def test_hyphenated_kilometres(figs):
    c = one(figs("The 4,300-kilometer border is long."), "4,300-kilometer")
    assert (c.value, c.unit, c.raw_value, c.raw_unit) == (4300.0, "km", 4300.0, "kilometer")
    assert c.measure == "border"


def test_miles_converted_to_km(figs):
    c = one(figs("The 2,615-mile pipeline was built."), "2,615-mile")
    assert c.unit == "km" and c.value == pytest.approx(4208.43, abs=0.01)
    assert (c.raw_value, c.raw_unit) == (2615.0, "mile")
    assert c.measure == "pipeline"


def test_parenthesised_conversion_is_its_own_figure(figs):
    claims = figs("The 4,300-kilometre (2,670-mile) border was closed.")
    assert one(claims, "2,670-mile").value == pytest.approx(4296.95, abs=0.01)
    assert one(claims, "4,300-kilometre").value == 4300.0


@pytest.mark.parametrize(
    "text,fig,value,unit",
    [
        ("The ship weighs 100,000 tonnes.", "100,000 tonnes", 1e8, "kg"),
        ("Farmers harvested 300kg of rice.", "300kg", 300.0, "kg"),
        ("The farm covers 500 hectares.", "500 hectares", 5e6, "m2"),
        ("The park spans 20 square kilometres.", "20 square kilometres", 2e7, "m2"),
        ("The tank holds 10 gallons.", "10 gallons", 37.85411784, "l"),
        ("Europe imported 50 bcm of gas.", "50 bcm", 5e10, "m3"),
        ("The plant has 500 MW of capacity.", "500 MW", 500.0, "MW"),
        ("The reactor adds 1.2 GW.", "1.2 GW", 1200.0, "MW"),
        ("The farm produced 3 TWh last year.", "3 TWh", 3e6, "MWh"),
        ("Temperatures hit 45°C.", "45°C", 45.0, "degC"),
        ("Winds reached 150 km/h.", "150 km/h", 150.0, "km/h"),
        ("The plane flew at 16,000 feet.", "16,000 feet", 4.8768, "km"),
        ("The tower is 300m tall.", "300m", 0.3, "km"),
    ],
)
def test_quantities_normalised_with_pint(figs, text, fig, value, unit):
    c = one(figs(text), fig)
    assert c.unit == unit
    assert c.value == pytest.approx(value, rel=1e-6)


def test_quantity_entity_unit_recognised_by_pint(figs):
    # "pints" is not in the unit table; spaCy reads a QUANTITY and pint knows the unit.
    c = one(figs("He drank 2 pints."), "2 pints")
    assert c.unit == "l" and c.value == pytest.approx(0.946, abs=0.001)


def test_data_sizes(figs):
    assert vu(figs("The phone has 128GB of storage.")) == [(128.0, "GB")]
    assert vu(figs("The drive holds 2 TB.")) == [(2000.0, "GB")]


def test_fahrenheit_converted_offset_aware(figs):
    c = one(figs("It was 119.8 degrees Fahrenheit in Sicily."), "119.8 degrees Fahrenheit")
    assert c.unit == "degC" and c.value == pytest.approx(48.78, abs=0.01)


def test_negative_temperature(figs):
    assert vu(figs("Temperatures fell to -5C overnight.")) == [(-5.0, "degC")]
    assert vu(figs("It was minus 10 degrees Celsius.")) == [(-10.0, "degC")]


def test_barrels_per_day_is_barrels_with_a_daily_rate_flag(figs):
    c = one(figs("Russia pumped 1.2 million barrels per day."), "1.2 million barrels per day")
    assert (c.value, c.unit) == (1.2e6, "barrel")
    assert c.raw_unit == "barrels per day"
    assert "per_day" in c.flags
    assert "per_day" in one(figs("Output fell to 900,000 bpd."), "900,000 bpd").flags


def test_barrels_stay_barrels(figs):
    assert vu(figs("The tanker carries 2 million barrels of oil.")) == [(2e6, "barrel")]


def test_quantity_range_converts_both_bounds(figs):
    c = one(figs("The range is 10-20 miles."), "10-20 miles")
    assert c.value == pytest.approx(24.1402, rel=1e-4)
    assert c.value_low == pytest.approx(16.0934, rel=1e-4)
    assert c.value_high == pytest.approx(32.1869, rel=1e-4)


# ------------------------------------------------------------------------------------------------ multiples and counts


@pytest.mark.parametrize(
    "text,fig,value",
    [
        ("China's economy is 10 times larger than Russia's.", "10 times", 10.0),
        ("The plant is three times the size of the old one.", "three times", 3.0),
        ("They earn 5 times as much as others.", "5 times", 5.0),
        ("Output grew threefold.", "threefold", 3.0),
        ("Costs rose three-fold.", "three-fold", 3.0),
        ("Demand jumped 10x.", "10x", 10.0),
    ],
)
def test_multiples(figs, text, fig, value):
    c = one(figs(text), fig)
    assert (c.value, c.unit) == (value, "times")


def test_times_as_occurrences_is_a_count(figs):
    c = one(figs("The two leaders have met over 40 times since 2013."), "40 times")
    assert (c.value, c.unit) == (40.0, "count")
    assert "lower_bound" in c.flags
    assert c.measure == "meet"


def test_times_over_a_period_is_occurrences_but_times_over_alone_is_a_multiple(figs):
    assert (
        one(figs("The leaders have met more than 40 times over the past decade."), "40 times").unit == "count"
    )
    assert one(figs("The investment paid off ten times over."), "ten times").unit == "times"


def test_times_before_a_possessive_is_a_multiple(figs):
    assert one(figs("Its value is now three times its 2020 level."), "three times").unit == "times"


def test_count_through_hyphenated_adjective(figs):
    c = one(figs("The club employs about 300 full-time staff."), "300 full-time staff")
    assert (c.value, c.unit, c.measure) == (300.0, "count", "staff")


def test_emergency_number_is_not_a_count(figs):
    assert figs("Dispatchers answered 911 calls all night.") == []
    assert vu(figs("Dispatchers answered 1,200 calls all night.")) == [(1200.0, "count")]


def test_fractional_number_is_not_a_count(figs):
    assert figs("The recipe needs 0.5 eggs.") == []


def test_index_points_and_level(figs):
    claims = figs("The Dow Jones Industrial Average rose 64.06 points to 4,577.10 on Friday.")
    move, level = one(claims, "64.06 points"), one(claims, "4,577.10")
    assert (move.value, move.unit, move.quantity) == (64.06, "points", "index")
    assert "change" in move.flags
    assert (level.value, level.unit, level.quantity) == (4577.1, "points", "index")


def test_points_in_a_poll_are_percentage_points(figs):
    c = one(figs("The poll gave the mayor a 10-point lead."), "10-point")
    assert (c.value, c.unit, c.quantity) == (10.0, "pp", "share")


def test_people_count(figs):
    c = one(figs("Officials said 40 people died in the fire."), "40 people")
    assert (c.value, c.unit, c.measure) == (40.0, "count", "people")


def test_count_with_scale_and_adjective(figs):
    claims = figs("Russia deployed 300,000 troops, and 1.9 million Gazans are displaced.")
    assert one(claims, "300,000 troops").value == 3e5
    assert one(claims, "1.9 million Gazans").value == 1.9e6


def test_word_numbers(figs):
    claims = figs("A dozen people were hurt and three hundred and ten homes burned.")
    assert one(claims, "A dozen people").value == 12.0
    assert one(claims, "three hundred and ten homes").value == 310.0


def test_glued_m_before_plural_noun_is_million(figs):
    assert vu(figs("The rally drew 3m people.")) == [(3e6, "count")]


def test_strong_suffix_counts_the_noun(figs):
    c = one(figs("A 300,000-strong army gathered."), "300,000-strong")
    assert (c.value, c.unit, c.measure) == (3e5, "count", "army")


def test_scaled_number_without_noun_still_counts(figs):
    c = one(figs("The city has a population of 1.2 million."), "1.2 million")
    assert (c.value, c.unit) == (1.2e6, "count")


# ------------------------------------------------------------------------------------------------ not figures


@pytest.mark.parametrize(
    "text",
    [
        "The summit took place in 2023.",
        "They met on May 14, 2023.",
        "Prices were lower in the 1990s.",
        "She finished third and he came 2nd.",
        "Call 555-1234 or +1 202 555 0123.",
        "The bill passed 68-32 in the Senate.",
        "The talks took place two years ago.",
        "Three of them left.",
        "The two leaders met in Beijing.",
        "COVID-19 spread, F-16 jets flew and G20 leaders met.",
        "5G networks and 3D printing were discussed at 10:30 on 9/11.",
        "The Boeing 737 jets were grounded.",
        "Nearly two-thirds of Americans disagree.",
        "One man was arrested.",
        "They published a 1,000-page report and a 10-point plan.",
        "The index closed at 4,783.45.",
        "Roughly one in five adults and four out of 10 children smoke.",
        "Listen to this article 00:00 / 05:31 1x",
        "The S&P 500 closed at 5,300.",
    ],
)
def test_not_figures(figs, text):
    assert figs(text) == []


def test_time_nouns_make_durations_not_counts(figs):
    claims = figs("The talks lasted three days and the war five years.")
    assert [(c.value, c.unit, c.quantity) for c in claims] == [
        (3.0, "days", "duration"),
        (5.0, "years", "duration"),
    ]
    assert all("duration" in c.flags for c in claims)


@pytest.mark.parametrize(
    "text,fig,value",
    [
        ("The 67-year-old senator retired.", "67-year-old", 67.0),
        ("Smith, aged 45, left the post.", "45", 45.0),
        ("Visitors must be at least 18 years old.", "18 years old", 18.0),
    ],
)
def test_ages(figs, text, fig, value):
    c = one(figs(text), fig)
    assert (c.value, c.unit, c.quantity) == (value, "years", "age") and "age" in c.flags


def test_a_decade_is_ten_years_and_a_hyphenated_duration_is_a_label(figs):
    assert vu(figs("Prices rose for two decades.")) == [(20.0, "years")]
    assert figs("They signed a 10-year deal.") == []


# ------------------------------------------------------------------------------------------------ measure, year, flags


def test_measure_is_subject_noun_phrase(figs):
    c = one(figs("Bilateral trade reached $240 billion."), "$240 billion")
    assert c.measure == "bilateral trade"


def test_measure_from_of_complement(figs):
    c = one(figs("About 36 percent of voters backed the plan."), "36 percent")
    assert c.measure == "voter"
    assert "approx" in c.flags


def test_measure_looks_past_placeholder_nouns(figs):
    c = one(figs("Bilateral trade reached a record $240 billion in 2023."), "$240 billion")
    assert (c.measure, c.year) == ("bilateral trade", 2023)


def test_measure_of_acting_subject_is_not_the_actor(figs):
    assert one(figs("The startup raised $150 million in a funding round."), "$150 million").measure == "raise"


def test_change_by_after_placeholder(figs):
    c = one(figs("Rents rose by an average of 6.2 per cent."), "6.2 per cent")
    assert c.measure == "rent rose" and "increase" in c.flags


def test_measure_from_modified_noun(figs):
    assert (
        one(figs("Congress passed a $1.5 trillion spending bill."), "$1.5 trillion").measure
        == "spending bill"
    )


def test_measure_for_actor_subject_names_what_not_who(figs):
    c = one(figs("The European Union pledged €50 billion in aid."), "€50 billion")
    assert c.measure == "aid"


def test_measure_skips_determiners_and_is_short(figs):
    for c in figs(
        "The annual state defence budget rose to $231 billion, while the 4,300-kilometre border stayed shut."
    ):
        assert c.measure is not None
        assert not c.measure.startswith(("the ", "a "))
        assert len(c.measure.split()) <= 4


def test_year_from_fronted_date(figs):
    claims = figs("In 2023, trade grew to $240 billion and exports rose 5 percent.")
    assert one(claims, "$240 billion").year == 2023
    assert one(claims, "5 percent").year == 2023


def test_year_attached_to_its_own_figure(figs):
    claims = figs("Exports rose to $50 billion in 2022 from $40 billion in 2021.")
    assert one(claims, "$50 billion").year == 2022
    assert one(claims, "$40 billion").year == 2021


def test_year_from_fiscal_year_date(figs):
    c = one(figs("Revenue rose 12% to $4.5 billion in the fiscal year ended June 30, 2024."), "$4.5 billion")
    assert c.year == 2024


def test_since_year_is_a_baseline_not_the_figure_year(figs):
    assert one(figs("Wind capacity has grown threefold since 2015."), "threefold").year is None


def test_year_dating_another_noun_in_the_figure_phrase_is_not_taken(figs):
    c = one(figs("Prices now trade more than 80 percent below their peak at the end of 2022."), "80 percent")
    assert c.year is None


def test_figure_with_its_own_relative_date_borrows_no_year(figs):
    claims = figs("The plan would cut funding from about $47 billion this year to $27.5 billion in 2026.")
    assert one(claims, "$47 billion").year is None
    assert one(claims, "$27.5 billion").year == 2026


def test_target_year(figs):
    assert one(figs("Demand is set to grow threefold by 2030."), "threefold").year == 2030


def test_rate_words_do_not_block_the_sentence_year(figs):
    assert one(figs("In 2023, the state spent $5 billion a year on roads."), "$5 billion").year == 2023


def test_year_written_after_each_figure_wins_over_the_parse(figs):
    claims = figs("Global sales reached 10.5 million units in 2022 and 11 million units in 2023.")
    assert one(claims, "10.5 million units").year == 2022
    assert one(claims, "11 million units").year == 2023


def test_no_year_when_sentence_has_none(figs):
    assert one(figs("Trade grew to $240 billion."), "$240 billion").year is None


def test_year_of_another_noun_is_not_taken(figs):
    c = one(figs("Emissions must fall 45% compared with 2005 levels."), "45%")
    assert c.year is None


def test_approximation_flags_stay_out_of_text(figs):
    claims = figs(
        "More than 1,200 people were killed and up to 3,000 homes were destroyed, roughly 30% of the town."
    )
    assert "lower_bound" in one(claims, "1,200 people").flags
    assert "upper_bound" in one(claims, "3,000 homes").flags
    assert "approx" in one(claims, "30%").flags


def test_up_and_down_flags(figs):
    claims = figs("Net income was $23.6 billion, up 8 percent, while costs were down 3%.")
    assert "increase" in one(claims, "8 percent").flags
    assert "decrease" in one(claims, "3%").flags


# ------------------------------------------------------------------------------------------------ offsets


def test_offsets_and_sentence_index_on_multi_sentence_body(nlp, figs):
    text = "Talks began on Monday.\n\nBilateral trade reached $240 billion. Exports rose 5 percent."
    claims = figs(text)
    split = sentences(nlp(text))
    for c in claims:
        s = split[c.sentence_idx]
        assert s.start_char <= c.start_char and c.end_char <= s.end_char
    assert [c.text for c in claims] == ["$240 billion", "5 percent"]
    assert claims[0].sentence_idx != claims[1].sentence_idx


def test_empty_body(nlp):
    doc = nlp("")
    assert find_figures(doc, []) == []


def test_a_spaced_single_letter_is_not_rand(figs):
    assert not any(c.unit == "ZAR" for c in figs("Take exit R 2 and drive 3 kilometres north."))


def test_a_relative_date_inside_an_apposition_does_not_undate_the_figure(figs):
    claims = figs("In 2023, trade grew to $240 billion, a rise of 26.3 percent on the year before.")
    assert one(claims, "$240 billion").year == 2023


def test_a_relative_date_of_the_figure_itself_still_blocks_borrowing(figs):
    claims = figs("The fund lost money in 2023 and expects $47 billion this year.")
    assert one(claims, "$47 billion").year is None


# ------------------------------------------------------------------------------------------------ news forms


@pytest.mark.parametrize(
    "text,fig,value,unit,quantity",
    [
        ("The chip runs at 3.2 GHz.", "3.2 GHz", 3.2e9, "Hz", "frequency"),
        ("The beam is rated at 250 MPa.", "250 MPa", 250000.0, "kPa", "pressure"),
        ("The scooter tops out at 100km/hr.", "100km/hr", 100.0, "km/h", "speed"),
        ("The car reached 80 m.p.h. on the test.", "80 m.p.h.", 128.74752, "km/h", "speed"),
        ("The train ran at 90 kilometres per hour.", "90 kilometres per hour", 90.0, "km/h", "speed"),
        ("The motor delivers 400 N·m of torque.", "400 N·m", 400.0, "N*m", "torque"),
        ("The engine makes 332 lb-ft of torque.", "332 lb-ft", 450.131558846, "N*m", "torque"),
        ("The hybrid returns 52 mpg.", "52 mpg", 22.107472764, "km/l", "fuel_economy"),
        ("Ozone reached 40 ppb.", "40 ppb", 0.04, "ppm", "concentration"),
        ("The lamp draws 65 W.", "65 W", 6.5e-05, "MW", "power"),
        ("The plot covers 3 square kilometres.", "3 square kilometres", 3e6, "m2", "area"),
        (
            "Exports reached 4.3 billion cubic metres of gas.",
            "4.3 billion cubic metres",
            4.3e9,
            "m3",
            "volume",
        ),
        (
            "The crater fell to minus-130 degrees Fahrenheit.",
            "minus-130 degrees Fahrenheit",
            -90.0,
            "degC",
            "temperature",
        ),
    ],
)
def test_units_pint_reads(figs, text, fig, value, unit, quantity):
    c = one(figs(text), fig)
    assert c.unit == unit and c.quantity == quantity
    assert c.value == pytest.approx(value, rel=1e-6)


def test_prose_words_and_clock_times_are_not_units(figs):
    assert figs("The vote is at 8 a.m. and results come in at 9 p.m.") == []
    assert vu(figs("She finished 3rd in 2 hours.")) == [(2.0, "hours")]


@pytest.mark.parametrize(
    "text,fig,value,unit",
    [
        ("The miner paid $US2.3 billion for it.", "$US2.3 billion", 2.3e9, "USD"),
        ("Its rival offered $A3.1 billion.", "$A3.1 billion", 3.1e9, "AUD"),
        ("The tower sold for HK $1.2 billion.", "HK $1.2 billion", 1.2e9, "HKD"),
        ("A bowl of noodles costs RM23.50.", "RM23.50", 23.5, "MYR"),
        ("A cake costs 18 sen.", "18 sen", 0.18, "MYR"),
    ],
)
def test_currency_forms(figs, text, fig, value, unit):
    c = one(figs(text), fig)
    assert (c.value, c.unit, c.quantity) == (value, unit, "money")


def test_a_letter_m_before_of_a_plural_is_million(figs):
    c = one(figs("The company sold 35m of its devices."), "35m")
    assert (c.value, c.unit) == (35e6, "count")
    assert vu(figs("The wall is 35m high.")) == [(0.035, "km")]


def test_spelled_out_number_across_scale_words(figs):
    claims = figs("Twenty-eight thousand six hundred forty-two people signed the petition.")
    assert vu(claims) == [(28642.0, "count")]


@pytest.mark.parametrize(
    "text,fig,flag",
    [
        ("Office rents averaged $21.25 per square foot.", "$21.25", "per_square_foot"),
        ("Brent rose to $84.50 a barrel on Monday.", "$84.50", "per_barrel"),
        ("The 52,000 barrel-a-day refinery will close.", "52,000 barrel-a-day", "per_day"),
    ],
)
def test_rates_are_flagged_and_quantity_rate(figs, text, fig, flag):
    c = one(figs(text), fig)
    assert flag in c.flags and c.quantity == "rate"


def test_bare_degrees_and_quarters_are_no_figures(figs):
    assert figs("Temperatures of 16 degrees are expected.") == []
    assert figs("Sales rose in four quarters.") == []


def test_pounds_over_time_are_money(figs):
    c = one(figs("That could mean two hundred pounds a month."), "two hundred pounds")
    assert (c.value, c.unit) == (200.0, "GBP") and "per_month" in c.flags
