"""What figures assert, for comparing them across documents: interval, period, measure, measure_key, scope."""

from __future__ import annotations

import datetime as dt

import pytest

from assets.text import entities
from assets.text.figures import find_figures
from assets.text.figures.period import parse_period
from assets.text.records import Claim
from conftest import sentences


@pytest.fixture(scope="module")
def figs(nlp):
    def run(text: str, published: dt.date | None = None) -> list[Claim]:
        doc = nlp(text)
        sents = sentences(doc)
        return find_figures(doc, sents, entities.doc_mentions(doc, sents), published)

    return run


def one(claims: list[Claim], text: str) -> Claim:
    found = [c for c in claims if c.text == text]
    assert len(found) == 1, f"{text!r} not in {[c.text for c in claims]}"
    return found[0]


def bounds(c: Claim) -> tuple:
    return tuple(None if x is None else pytest.approx(x, rel=1e-9) for x in (c.value_low, c.value_high))


# ------------------------------------------------------------------------------------------------ intervals


@pytest.mark.parametrize(
    "text,fig,low,high",
    [
        ("Trade reached $240 billion.", "$240 billion", 239.5e9, 240.5e9),
        ("Trade reached $238.6 billion.", "$238.6 billion", 238.55e9, 238.65e9),
        ("The border is 4,300 km long.", "4,300 km", 4250.0, 4350.0),
        ("Trade reached about $240 billion.", "$240 billion", 228e9, 252e9),
        ("More than 40 people died.", "40 people", 40.0, None),
        ("It charges at up to 250 kW.", "250 kW", None, 0.25),
        ("Three million people voted.", "Three million people", 2.5e6, 3.5e6),
    ],
)
def test_interval_as_written(figs, text, fig, low, high):
    assert bounds(one(figs(text), fig)) == bounds(
        Claim(0, 0, 0, "figure", "", value_low=low, value_high=high)
    )


def test_hedged_and_precise_figures_overlap_and_miles_meet_kilometres(figs):
    a = one(figs("Trade reached about $240 billion."), "$240 billion")
    b = one(figs("Trade reached $238.6 billion."), "$238.6 billion")
    assert a.value_low <= b.value_high and b.value_low <= a.value_high
    km = one(figs("The border runs 4,300 km."), "4,300 km")
    miles = one(figs("The border runs 2,670 miles."), "2,670 miles")
    assert km.value_low <= miles.value_high and miles.value_low <= km.value_high


# ------------------------------------------------------------------------------------------------ periods

PUBLISHED = dt.date(2024, 2, 15)  # a Thursday


@pytest.mark.parametrize(
    "text,period",
    [
        ("last year", "2023"),
        ("this year's", "2024"),
        ("next year", "2025"),
        ("last month", "2024-01"),
        ("the fourth quarter", "2023-Q4"),
        ("the first quarter of 2022", "2022-Q1"),
        ("Monday", "2024-02-12"),
        ("April 5, 2023", "2023-04-05"),
        ("March", "2023-03"),
        ("the past five years", None),
        ("a year", None),
    ],
)
def test_parse_period_against_publication(text, period):
    assert parse_period(text, PUBLISHED) == period


def test_relative_periods_need_a_publication_date():
    assert parse_period("last year", None) is None
    assert parse_period("April 5, 2023", None) == "2023-04-05"


def test_figure_period_from_its_clause(figs):
    claims = figs(
        "Turnout was 61% last month. In the fourth quarter, revenue rose to $1.8 billion.", PUBLISHED
    )
    assert one(claims, "61%").period == "2024-01"
    assert one(claims, "$1.8 billion").period == "2023-Q4"
    assert one(figs("Turnout was 61% last month."), "61%").period is None


def test_the_date_of_a_statement_is_not_the_figure_period(figs):
    c = one(figs("The company is recalling 4,000 cars, it said on Monday.", PUBLISHED), "4,000 cars")
    assert c.period is None


# ------------------------------------------------------------------------------------------------ measures


def test_pronoun_measure_takes_the_antecedent_with_its_scope_and_period(figs):
    text = "Wool exports from New Zealand slipped last year. They fell to NZ$538 million."
    c = one(figs(text, PUBLISHED), "NZ$538 million")
    assert c.measure == "wool export"
    assert c.measure_key == "exports"
    assert c.scope == ("GPE|new zealand",)
    assert c.period == "2023"


def test_measure_family_equal_across_wordings(figs):
    a = one(figs("Overseas sales of wool reached $538 million."), "$538 million")
    b = one(figs("The industry's shipments abroad were worth $538 million."), "$538 million")
    c = one(figs("New Zealand's wool exports fell to $538 million."), "$538 million")
    assert a.measure_key == b.measure_key == c.measure_key == "exports"


def test_verb_of_a_family_names_the_measure(figs):
    a = one(figs("The scheme would now cost about £1.9bn."), "£1.9bn")
    b = one(
        figs("The recall will not come cheap. It is expected to cost about $310 million."), "$310 million"
    )
    assert a.measure_key == b.measure_key == "cost"


def test_unnamed_measure_keys_by_its_head(figs):
    whole = one(figs("The crossing is 7.4km long."), "7.4km")
    part = one(figs("The viaduct section is 3.1km long."), "3.1km")
    assert whole.measure_key == "crossing" and part.measure_key == "section"


def test_changes_and_increments_never_equal_levels(figs):
    level = one(figs("Trade reached $240 billion."), "$240 billion")
    change = one(figs("Trade was up 26 percent."), "26 percent")
    assert change.measure_key.endswith(":change") and "change" in change.flags
    assert level.measure_key == "trade" and "change" not in level.flags
    pledged = one(figs("She has 300 pledged delegates."), "300 pledged delegates")
    added = one(figs("She won 99 additional delegates."), "99 additional delegates")
    assert pledged.measure_key != added.measure_key


def test_scope_is_the_entities_of_the_measure(figs):
    c = one(figs("China's trade with Russia reached $240 billion."), "$240 billion")
    assert c.scope == ("GPE|china", "GPE|russia")


def test_poll_share_is_a_vote_share_of_the_person_with_the_pollster(figs):
    text = "A survey conducted by Halden Research found Teresa Vanterpool at 48% among likely voters."
    c = one(figs(text), "48%")
    assert c.measure_key == "vote_share"
    assert "PERSON|teresa vanterpool" in c.scope and "ORG|halden research" in c.scope


def test_a_pronoun_inside_a_sentence_or_before_an_acting_verb_keeps_its_own_measure(figs):
    quoted = one(figs("Water use rose sharply. They say it is only 2 percent of the supply."), "2 percent")
    assert quoted.measure_key != "water use" and "water" not in (quoted.measure or "")
    acting = one(figs("Pay talks ended. They will start at £12.60 an hour."), "£12.60")
    assert acting.measure == "start"


def test_the_dateline_date_is_not_the_figure_period(figs):
    text = "DETROIT, Sept 18 (Pinewick) - Corvell Motors is recalling 412,318 vehicles in the United States."
    c = one(figs(text, dt.date(2024, 9, 18)), "412,318 vehicles")
    assert c.period is None
    assert c.measure_key == "recall" and "GPE|united states" in c.scope


def test_a_closing_move_differs_from_an_intraday_move(figs):
    close = one(figs("The company's shares closed down 4.2% on Wednesday."), "4.2%")
    intraday = one(figs("The company's shares fell as much as 6.1% during the day."), "6.1%")
    assert close.measure_key == "share_price:change:close"
    assert intraday.measure_key == "share_price:change"
