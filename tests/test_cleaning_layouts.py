"""Unit tests of the cleaner on page layouts it used to get wrong: the headline among header lines (teasers,
player labels, standfirsts, section labels), bylines without "By", alt text glued to captions, an outlet's
recurring lines across its documents, reader-addressing prompts, and pathological inputs (linear time)."""

from __future__ import annotations

from test_cleaning import P1, P2, P3, P4, P5, P6, assert_accounted, reasons

from assets.text.cleaning import clean_text, outlet_of, repeated_by_group, repeated_lines

HEAD = "THE MARSH GAZETTE\nNews | Sport | Opinion | Weather"


def header_page(*header: str, body: tuple[str, ...] = (P1, P2, P3)) -> str:
    """A page whose first line only names the site, with the given header lines above the body."""
    return "\n\n".join([HEAD, *header, *body, "© 2025 Marsh Gazette. All rights reserved."])


# --- the headline among the header lines ---------------------------------------------------------


def test_headline_with_byline_wins_over_teaser_above_it():
    teaser = "Harbour road reopens after landslip, three weeks early."
    headline = "Ferry terminal opening delayed after cracks found"
    c = clean_text(header_page(teaser, headline, "By Ana Ruiz\n3 May 2025"))
    assert c.title == headline
    assert reasons(c)[teaser] in ("header", "navigation")


def test_teaser_first_line_gives_way_to_headline_with_byline():
    teaser = "Also today: the ferry timetable for the summer is out."
    headline = "Ferry terminal opening delayed after cracks found"
    raw = "\n\n".join([teaser, headline, "Ana Ruiz, Transport Correspondent\n3 May 2025", P1, P2, P3])
    c = clean_text(raw)
    assert c.title == headline
    assert reasons(c)[teaser] == "header"
    assert_accounted(raw, c)


def test_title_line_stays_over_another_line_with_a_byline():
    # the page's <title> line, then a box of another article with its own byline above this one's text
    title = "Ferry terminal opening delayed after cracks found in pier"
    raw = "\n\n".join([title, "Apple harvest starts early", "By Tom Bell", P1, P2, P3])
    assert clean_text(raw).title == title


def test_on_page_form_of_the_title_line_wins():
    raw = "\n\n".join(
        [
            "Ferry delayed: cracks found in new harbour pier",
            "Cracks in new harbour pier delay the ferry terminal",
            "By Ana Ruiz",
            P1,
            P2,
            P3,
        ]
    )
    assert clean_text(raw).title == "Cracks in new harbour pier delay the ferry terminal"


def test_first_line_headline_followed_by_byline_stays():
    headline = "Ferry terminal opening delayed after cracks found"
    raw = "\n\n".join([headline, "By Ana Ruiz", P1, "Second headline of a box below the article", P2, P3])
    assert clean_text(raw).title == headline


def test_player_label_with_duration_is_not_the_headline():
    label = "Hear this story read aloud (3:48)"
    headline = "Ferry terminal opening delayed after cracks found"
    c = clean_text(header_page(label, headline, "By Ana Ruiz"))
    assert c.title == headline
    assert reasons(c)[label] == "audio_player"


def test_duration_alone_does_not_make_a_player_label():
    line = "Trains will run every 15 min from Monday"
    c = clean_text(
        header_page("Timetable changes for the coast line", "By Ana Ruiz", body=(P1, line, P2, P3))
    )
    assert line in c.body


def test_standfirst_under_headline_is_not_the_title():
    headline = "Ferry terminal opening delayed"
    standfirst = "Inspectors found cracks in the northern pier and the contractor will pay for the repairs"
    c = clean_text(header_page(headline, standfirst, "Ana Ruiz\n3 May 2025"))
    assert c.title == headline


def test_section_label_above_a_question_headline_is_not_the_title():
    headline = "Why does Quay Street flood on a calm day?"
    c = clean_text(header_page("The Tide Table", headline, "Words: Ellen Rowe\n30 March 2025"))
    assert c.title == headline
    assert reasons(c)["Words: Ellen Rowe"] == "byline"


def test_name_and_role_line_is_a_byline():
    line = "Callum Fraser, Islands Reporter"
    c = clean_text(header_page("Skerra finally gets its link", line))
    assert c.title == "Skerra finally gets its link"
    assert reasons(c)[line] == "byline"


def test_name_and_other_role_is_not_a_byline():
    line = "Callum Fraser, the island's ferry master"
    c = clean_text(header_page("Skerra finally gets its link", "By Ana Ruiz", body=(P1, line, P2)))
    assert line in c.body


def test_menu_row_and_cookie_buttons_are_not_headlines():
    headline = "Ferry terminal opening delayed after cracks found"
    c = clean_text(header_page("ACCEPT | MORE OPTIONS", "Home › News › Local", headline, "By Ana Ruiz"))
    assert c.title == headline


# --- captions glued to their alt text ------------------------------------------------------------


def test_two_names_glued_before_the_caption():
    caption = "Ann LeeTom BellAnn Lee and Tom Bell outside the court on Friday."
    c = clean_text(header_page("Court clears harbour pair", "By Ana Ruiz", body=(P1, caption, P2, P3)))
    assert reasons(c)[caption] == "caption"
    assert c.body == "\n\n".join([P1, P2, P3])


def test_glued_caption_with_accented_names():
    caption = "Hēmi WalkerHēmi Walker on his farm in the Kōtare Valley."
    c = clean_text(header_page("Farmers weigh the future", "By Ana Ruiz", body=(P1, caption, P2)))
    assert reasons(c)[caption] == "caption"


def test_camel_case_without_echo_or_with_punctuation_is_not_a_caption():
    kept = [
        "Ronald MacArthur told the council the new road would open in the spring of next year.",
        "— Mike Beauvais (@MikeBeauvais) November 18, 2019",
        "PowerPoint slides were shown by the harbour master at the meeting on Thursday evening.",
    ]
    c = clean_text(header_page("Harbour meeting", "By Ana Ruiz", body=(P1, *kept, P2, P3)))
    for line in kept:
        assert line in c.body


# --- repetition across an outlet's documents -------------------------------------------------------


BLURB = "The Tide Table is our weekly look at the questions readers send us about the coast, every Friday."


def test_outlet_of_names_the_site():
    assert outlet_of("THE MARSH GAZETTE\n\nNews") == "the marsh gazette"
    assert outlet_of("Ferry delayed after cracks found | Marsh Gazette\n\nBody") == "marsh gazette"
    assert outlet_of(P1) is None


def test_recurring_blurb_is_removed_when_pages_are_grouped_by_outlet():
    pages = [
        header_page(f"Story number {i} of the week", "By Ana Ruiz", body=(p, q, BLURB))
        for i, (p, q) in enumerate([(P1, P2), (P3, P4), (P5, P6)])
    ]
    other = "\n\n".join(["Kestrel News", "A different outlet's story", P6, P1])
    rep = repeated_by_group((outlet_of(t), t) for t in [*pages, other])
    assert set(rep) == {"the marsh gazette", "kestrel news"}
    c = clean_text(pages[0], rep["the marsh gazette"])
    assert reasons(c)[BLURB] == "repeated_across_documents"
    assert c.body == "\n\n".join([P1, P2])
    assert BLURB in clean_text(pages[0]).body  # alone, it reads as a sentence of the article
    assert rep["kestrel news"] == repeated_lines([other])


# --- prompts that address the reader ------------------------------------------------------------


def test_sentence_reporting_a_subscription_is_kept():
    line = "Customers can subscribe to a monthly cookie box, and the shop's newsletter tells them what is coming."
    c = clean_text(header_page("Bakery opens", "By Ana Ruiz", body=(P1, line, P2)))
    assert line in c.body


def test_email_newsletter_chrome_is_removed():
    raw = "\n\n".join(
        [
            "QUARRY WEEKLY -- issue 412\nYou are receiving this because you subscribed at quarryweekly.example.\n"
            "View this email in your browser",
            "Allotments to get running water",
            P1,
            P2,
            P3,
            "Unsubscribe | Update your preferences",
        ]
    )
    c = clean_text(raw)
    assert c.body == "\n\n".join([P1, P2, P3])
    assert c.title == "Allotments to get running water"


# --- lines the article repeats or cites --------------------------------------------------------------


def test_line_recurring_three_times_in_the_article_is_its_structure():
    meal = "Breakfast: two eggs, one slice of toast and a cup of tea, then a short walk before work."
    body = (P1, "Monday", meal, "Tuesday", meal, "Wednesday", meal, P2, P3)
    c = clean_text(header_page("A week of simple meals", "By Ana Ruiz", body=body))
    assert c.body.count(meal) == 3


def test_pull_quote_shown_twice_is_a_duplicate():
    quote = "“We owe the next generation something better than a leaking roof,” the chairman said on Monday."
    c = clean_text(header_page("Stadium plan approved", "By Ana Ruiz", body=(P1, quote, P2, quote, P3)))
    assert c.body.count(quote) == 1
    assert "duplicate" in {r.reason for r in c.removed}


def test_bare_address_inside_the_article_is_kept_outside_removed():
    ref = "https://www.example.org/reports/2024/harbour-inspection.pdf"
    c = clean_text(header_page("Inspection report published", "By Ana Ruiz", body=(P1, P2, ref, P3, P4)))
    assert ref in c.body
    image = "https://static.example.org/images/harbour-pier-500x250.jpg"
    c = clean_text(header_page("Inspection report published", "By Ana Ruiz", body=(P1, P2, image, P3, P4)))
    assert reasons(c)[image] == "link"
    c = clean_text(
        header_page("Inspection report published", "By Ana Ruiz", body=(P1, P2, P3, "Photos", ref))
    )
    assert ref not in c.body


def test_sentence_opening_with_by_is_not_a_byline():
    line = "By March, prices had doubled."
    c = clean_text(header_page("Prices double", "By Ana Ruiz", body=(P1, line, P2, P3)))
    assert line in c.body
    assert reasons(c)["By Ana Ruiz"] == "byline"


def test_trailing_teasers_of_other_articles_are_cut():
    teasers = [
        "Bridge repairs close Station Road\nDrivers are warned of delays while engineers replace the bearings.",
        "Cafe owner wins baking award\nThe owner of the Corner Cup has won a national award for her lemon cake.",
        "Uniform swap shop opens on Saturday\nParents can swap outgrown uniforms for free at the church hall.",
    ]
    c = clean_text(header_page("Library to lend tools", "By Ana Ruiz", body=(P1, P2, P3, *teasers)))
    assert c.body == "\n\n".join([P1, P2, P3])


def test_sections_under_subheadings_are_kept():
    body = (P1, "What the inspectors found", P2, "What happens next", P3, "Who pays for it", P4)
    c = clean_text(header_page("Pier inspection report", "By Ana Ruiz", body=body))
    assert c.body == "\n\n".join(body)


def test_author_bio_at_the_end_is_a_byline():
    bio = "Hannah Cole is a transport researcher and a regular contributor to the Marsh Gazette."
    c = clean_text(
        header_page("Stop changing the clocks", "Hannah Cole\n26 October 2025", body=(P1, P2, P3, bio))
    )
    assert c.body == "\n\n".join([P1, P2, P3])
    assert reasons(c)[bio] == "byline"
    other = "Tom Bell is the harbour master and has worked on the pier for thirty years, his colleagues said."
    assert other in clean_text(header_page("Pier", "Hannah Cole", body=(P1, P2, other))).body


def test_sentence_citing_an_agency_is_not_a_caption():
    cited = "As yet there is no evidence linking the third case to the first two, the commission said, according to Reuters."
    caption = "Protesters gather in the square outside the harbour office on Friday. Reuters"
    c = clean_text(header_page("Plague case confirmed", "By Ana Ruiz", body=(P1, cited, P2, caption, P3)))
    assert cited in c.body
    assert reasons(c)[caption] == "caption"


def test_slash_credit_ends_a_caption_and_menu_capitals_are_no_byline():
    caption = "The winning team paddles past the lighthouse. Elwin Chronicle/Megan Price"
    raw = "\n\n".join(
        [
            "Port Elwin Chronicle\nNEWS SPORT EVENTS PICTURES",
            "Raft race returns to the harbour",
            "Megan Price\nSunday 10 August 2025",
            caption,
            P1,
            P2,
            P3,
        ]
    )
    c = clean_text(raw)
    assert reasons(c)[caption] == "caption"
    assert c.title == "Raft race returns to the harbour"
    assert (
        "AC/DC"
        in clean_text(header_page("Concert", body=(P1, "The band AC/DC played in the park.", P2))).body
    )


# --- pathological inputs (linear time; bench/clean_speed.py prints the seconds) -------------------------


def test_many_tiny_lines():
    raw = "".join(f"w{i % 1000}\n" for i in range(50_000))
    c = clean_text(raw)
    assert c.body == ""
    assert len(c.removed) == 50_000 - (1 if c.title else 0)
    assert all(raw[r.start : r.end] == r.text for r in c.removed[:100])


def test_long_block_of_kept_lines_is_joined_line_by_line():
    lines = [
        f"Line {i} of the council report says the plan was approved by members on Monday."
        for i in range(5000)
    ]
    c = clean_text("Council news today\n" + "\n".join(lines))
    assert c.body == "\n".join(lines)


def test_one_huge_paragraph():
    para = "The council met again today and talked at length about the bridge. " * 10_000
    c = clean_text(para)
    assert c.body == para.strip() and c.removed == ()
