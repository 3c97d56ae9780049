"""Unit tests of the CLEAN stage's boilerplate remover on short pages written for these tests."""

from __future__ import annotations

import pytest

from assets.text.cleaning import (
    INVISIBLE,  # the invariant below needs the same notion of "blank"
    REASONS,
    Cleaned,
    clean_text,
    repeated_lines,
)

P1 = (
    "The harbour authority said on Monday that the new ferry terminal would open two months later than planned, "
    "after inspectors found cracks in the concrete of the northern pier."
)
P2 = (
    "Engineers have been working through the weekend to assess the damage, and the contractor has agreed to pay "
    "for the repairs, according to a statement released by the city council."
)
P3 = (
    "Local businesses that had been counting on the extra passengers said the delay would hurt them during the busy "
    "summer season, when tourists usually arrive in large numbers from the islands."
)
P4 = (
    "The mayor told reporters that she was disappointed but that safety had to come first, and she promised that "
    "the council would publish the full inspection report before the end of the month."
)
P5 = (
    "A spokesman for the ferry company said timetables would stay the same for now and that passengers with tickets "
    "for the first crossings would be offered a refund or a seat on a later sailing."
)
P6 = (
    "Inspectors from the national transport agency will return in the spring to check that the repaired pier can "
    "carry the weight of the larger ships that the company plans to use on the route."
)
P7 = (
    "The council's report lists eleven separate defects in the structure, most of them minor, but two of them were "
    "serious enough that the engineers recommended closing the pier to vehicles at once."
)
P8 = (
    "Shop owners on the waterfront have asked the council for a reduction in their rent while the works continue, "
    "arguing that fewer visitors will walk past their doors until the terminal opens."
)
P9 = (
    "The opposition group on the council called for an independent review of how the contract was awarded, saying "
    "that the cheapest bid had been accepted without enough checks on the builder's record."
)
TITLE = "Ferry terminal opening delayed after cracks found in pier"

NAV = "Home\nNews\nSport\nWeather\nBusiness\nCulture"
FOOTER = "About us\nContact\nPrivacy Policy\nTerms of Use\n© 2024 Harbour Gazette Media. All rights reserved."


def page(*body: str, title: str = TITLE, nav: str = NAV, footer: str = FOOTER) -> str:
    """A scraped page: <title> line with the site name, menu, headline, body blocks, footer."""
    return "\n\n".join([f"{title} | Harbour Gazette", nav, title, *body, footer])


def reasons(c: Cleaned) -> dict[str, str]:
    """Removed text -> reason."""
    return {r.text: r.reason for r in c.removed}


def visible(s: str) -> str:
    return "".join(ch for ch in s if not (ch.isspace() or ch in INVISIBLE))


def assert_accounted(raw: str, c: Cleaned) -> None:
    """Every removal points into raw, removals do not overlap, and every non-blank character is somewhere."""
    covered = [False] * len(raw)
    for r in c.removed:
        assert raw[r.start : r.end] == r.text
        assert r.reason in REASONS
        assert visible(r.text), r
        for i in range(r.start, r.end):
            assert not covered[i], f"overlapping removal at {i}: {r}"
            covered[i] = True
    left = "".join(ch for i, ch in enumerate(raw) if not covered[i])
    normalised = left.replace("\u00a0", " ")
    assert sorted(visible(normalised)) == sorted(visible((c.title or "") + c.body))


# --- the basic split -------------------------------------------------------------------------------


def test_title_body_and_removals():
    raw = page(P1, P2, P3)
    c = clean_text(raw)
    assert c.title == TITLE
    assert c.body == "\n\n".join([P1, P2, P3])
    got = reasons(c)
    assert got[f"{TITLE} | Harbour Gazette"] == "headline_repeat"
    assert got["Weather"] == "navigation"
    assert got["© 2024 Harbour Gazette Media. All rights reserved."] == "copyright"
    assert_accounted(raw, c)


def test_title_line_without_a_copy_loses_the_site_name():
    raw = f"{TITLE} - Harbour Gazette\n\n{P1}\n\n{P2}"
    c = clean_text(raw)
    assert c.title == TITLE
    assert reasons(c)["- Harbour Gazette"] == "site_name"
    assert c.body == f"{P1}\n\n{P2}"
    assert_accounted(raw, c)


def test_site_name_first_line_and_headline_above_the_body():
    raw = "\n".join(
        [
            "Harbour Gazette",
            "News | Sport | Weather",
            TITLE,
            TITLE,
            "By Jan Novak | March 4, 2024",
            P1,
            P2,
            P3,
        ]
    )
    c = clean_text(raw)
    assert c.title == TITLE
    got = [(r.reason, r.text) for r in c.removed]
    assert ("site_name", "Harbour Gazette") in got
    assert ("headline_repeat", TITLE) in got
    assert c.body == "\n".join([P1, P2, P3])  # no blank lines in the raw text, none in the body
    assert len(c.body) <= len(raw)
    assert_accounted(raw, c)


def test_repeated_headline_is_title_once_and_removed_elsewhere():
    raw = page(P1, P2, TITLE, P3, P4)
    c = clean_text(raw)
    assert c.title == TITLE
    assert TITLE not in c.body
    assert [r.reason for r in c.removed if r.text == TITLE] == ["headline_repeat"]
    assert P3 in c.body and P4 in c.body


def test_body_is_never_longer_than_raw():
    for raw in [
        "\n".join([P1, P2, P3]),
        "\n\n".join([P1, P2, P3]),
        "\r\n".join([P1, "• a point", "• another", P2]),
    ]:
        c = clean_text(raw)
        assert len(c.body) <= len(raw)
        assert P1 in c.body and P2 in c.body


def test_empty_and_blank_input():
    assert clean_text("") == Cleaned(None, "", ())
    c = clean_text(" \n\n\u200b \n")
    assert c.body == "" and c.removed == ()


# --- what must stay ----------------------------------------------------------------------------------


def test_subheading_between_paragraphs_stays():
    raw = page(P1, P2, "What happens next", P3, P4)
    c = clean_text(raw)
    assert "\n\nWhat happens next\n\n" in c.body


def test_bullet_summary_stays():
    bullets = (
        "• Opening pushed back by two months\n• Contractor pays for repairs\n• Refunds for early tickets"
    )
    raw = page("The main points of the decision:\n" + bullets, P1, P2, P3)
    c = clean_text(raw)
    for line in bullets.splitlines():
        assert line in c.body
    assert c.body.startswith("The main points of the decision:")


def test_quote_only_and_short_paragraphs_stay():
    quote = "“We will not cut corners,” she said."
    short = "Nobody was hurt."
    raw = page(P1, quote, P2, short, P3)
    c = clean_text(raw)
    assert quote in c.body
    assert short in c.body
    assert c.body.index(quote) < c.body.index(P2) < c.body.index(short)


def test_unicode_quotes_and_dashes_are_unchanged():
    para = "The pier — built in 1968 — was “never meant” for ships of today’s size, the report says – again."
    raw = page(P1, para, P2)
    c = clean_text(raw)
    assert para in c.body


def test_invisible_characters_and_nbsp_are_normalised():
    raw = page(
        P1, "The\u00a0terminal will\u200b cost more than ex\u00adpected,\ufeff the council admitted.", P2
    )
    c = clean_text(raw)
    assert "The terminal will cost more than expected, the council admitted." in c.body
    assert "\u00a0" not in c.body and "\u200b" not in c.body and "\u00ad" not in c.body
    assert_accounted(raw, c)


def test_crlf_input():
    raw = page(P1, P2, "What happens next", P3).replace("\n", "\r\n")
    c = clean_text(raw)
    assert c.title == TITLE
    assert c.body == "\n\n".join([P1, P2, "What happens next", P3])
    assert "\r" not in c.body
    assert_accounted(raw, c)


def test_hard_wrapped_paragraph_is_joined():
    wrapped = (
        "Residents of the old quarter have complained for years that the\n"
        "ferry traffic keeps them awake, and several of them said they\n"
        "would welcome a few more quiet months."
    )
    raw = page(P1, wrapped, P2)
    c = clean_text(raw)
    assert " ".join(wrapped.split()) in c.body
    assert_accounted(raw, c)


# --- what must go ------------------------------------------------------------------------------------


def test_glued_caption_is_removed():
    caption = "Maria Lopez Tom BakerMayor Maria Lopez talks with council member Tom Baker outside city hall on Tuesday."
    raw = page(caption, P1, P2, P3)
    c = clean_text(raw)
    assert reasons(c)[caption] == "caption"
    assert "Baker" not in c.body


def test_caption_with_credit_is_removed():
    caption = "The northern pier, left, seen from the old lighthouse. (Photo: Jan Novak / Harbour Gazette)"
    raw = page(P1, caption, P2, P3)
    c = clean_text(raw)
    assert reasons(c)[caption] == "caption"
    assert c.body == "\n\n".join([P1, P2, P3])


def test_credit_line_is_removed():
    raw = page("Photo: Jan Novak/Getty Images", P1, P2, P3)
    assert reasons(clean_text(raw))["Photo: Jan Novak/Getty Images"] == "credit"


def test_second_copy_of_a_box_is_a_duplicate():
    box = (
        "The terminal was first proposed in 2015 as part of a plan to move ferry traffic away from the historic "
        "centre of the town."
    )
    raw = page(P1, box, P2, P3, box, P4)
    c = clean_text(raw)
    assert c.body.count(box) == 1
    dups = [r for r in c.removed if r.text == box]
    assert len(dups) == 1 and dups[0].reason == "duplicate"
    assert dups[0].start > raw.index(P3)


def test_truncation_marker_is_stripped_and_text_before_kept():
    raw = page(P1, P2, "Some residents, however, said they had never believed the original date.......")
    c = clean_text(raw)
    assert c.body.endswith("Some residents, however, said they had never believed the original date")
    assert reasons(c)["......."] == "truncation_marker"
    assert_accounted(raw, c)


def test_truncation_before_a_paywall_prompt():
    raw = page(P1, P2, "Some residents said they had never…", "Subscribe to continue reading this article")
    c = clean_text(raw)
    assert c.body.endswith("Some residents said they had never")
    got = reasons(c)
    assert got["…"] == "truncation_marker"
    assert got["Subscribe to continue reading this article"] == "paywall"


def test_cookie_notice_is_removed():
    notice = (
        "We use cookies to improve your experience. By continuing to browse you accept our cookie policy."
    )
    raw = page(P1, P2, P3, footer=notice + "\n\nAccept all cookies")
    c = clean_text(raw)
    got = reasons(c)
    assert got[notice] == "cookie_notice"
    assert got["Accept all cookies"] == "cookie_notice"


def test_comment_form_and_counter_are_removed():
    form = "Leave a Reply Cancel reply\nYour email address will not be published. Required fields are marked *\nName *\nEmail *\nWebsite"
    raw = page(P1, P2, P3, "3 comments", form)
    c = clean_text(raw)
    got = reasons(c)
    assert got["3 comments"] == "comment_counter"
    for line in form.splitlines():
        assert got[line] == "comment_form"
    assert c.body == "\n\n".join([P1, P2, P3])


def test_reader_comments_after_the_article_are_not_body():
    comments = []
    for name, text in [
        (
            "harbourfan",
            "This is exactly what everyone in town expected to happen, the whole project was rushed.",
        ),
        (
            "old_sailor",
            "I have been taking that ferry for thirty years and the old pier was always fine for us.",
        ),
        (
            "jmk",
            "Glad they found the cracks before the opening rather than after, that could have been awful.",
        ),
    ]:
        comments += [f"{name} says:", "May 3, 2024 at 9:12 am", text, "Reply"]
    raw = page(P1, P2, P3, P4, "3 responses to “Ferry terminal opening delayed”", *comments)
    c = clean_text(raw)
    assert c.body == "\n\n".join([P1, P2, P3, P4])
    got = reasons(c)
    assert got["harbourfan says:"] == "comments"
    assert got["Reply"] == "comment_form"


def test_read_the_original_article_is_removed():
    line = "Read the original article on Harbour Weekly."
    raw = page(P1, P2, line)
    c = clean_text(raw)
    assert reasons(c)[line] == "attribution"
    assert "original article" not in c.body


def test_share_and_audio_widgets_are_removed():
    raw = page("Share this article\nFacebook\nTwitter\nEmail", "Listen to this article\n4:12", P1, P2, P3)
    got = reasons(clean_text(raw))
    assert got["Share this article"] == "share_widget"
    assert got["Facebook"] == "share_widget"
    assert got["Listen to this article"] == "audio_player"
    assert got["4:12"] == "audio_player"


def test_byline_and_dateline_are_removed():
    raw = page("By Jan Novak", "Published 9:41 am, March 4, 2024", P1, P2, P3)
    got = reasons(clean_text(raw))
    assert got["By Jan Novak"] == "byline"
    assert got["Published 9:41 am, March 4, 2024"] == "dateline"


def test_aggregator_header_is_removed():
    raw = page("14 articles | last updated 2 hours ago", P1, P2, P3)
    c = clean_text(raw)
    assert reasons(c)["14 articles | last updated 2 hours ago"] == "header"
    assert c.body == "\n\n".join([P1, P2, P3])


def test_previous_next_post_block_is_removed():
    block = "« Previous post\nCity opens new cycle lane along the seafront\nNext post »\nSchool roof repairs finished ahead of term"
    raw = page(P1, P2, P3, block)
    c = clean_text(raw)
    assert c.body == "\n\n".join([P1, P2, P3])
    got = reasons(c)
    assert got["« Previous post"] == "related_links"
    assert got["City opens new cycle lane along the seafront"] == "related_links"


def test_related_links_box_inside_the_article_is_bridged():
    box = "Related stories\nCity opens new cycle lane along the seafront\nSchool roof repairs finished ahead of term"
    raw = page(P1, P2, box, P3, P4)
    c = clean_text(raw)
    assert c.body == "\n\n".join([P1, P2, P3, P4])
    assert reasons(c)["Related stories"] == "related_links"


def test_newsletter_prompt_and_category_list_are_removed():
    raw = page(
        P1,
        P2,
        "Sign up for our newsletter",
        P3,
        "Enter your email address to get the morning briefing in your inbox.",
        "Tags: ferries, harbour, city council",
    )
    c = clean_text(raw)
    got = reasons(c)
    assert got["Sign up for our newsletter"] == "newsletter_prompt"
    assert got["Enter your email address to get the morning briefing in your inbox."] == "newsletter_prompt"
    assert got["Tags: ferries, harbour, city council"] == "category_list"
    assert c.body == "\n\n".join([P1, P2, P3])


def test_advertisement_label_inside_the_article_is_removed():
    raw = page(P1, "Advertisement", P2, P3)
    c = clean_text(raw)
    assert reasons(c)["Advertisement"] == "advertisement"
    assert c.body == "\n\n".join([P1, P2, P3])


def test_teasers_of_other_articles_after_the_body_are_not_body():
    teasers = []
    for head, text in [
        (
            "City opens new cycle lane",
            "The two-kilometre lane along the seafront opened on Saturday after a year of work on the road and pavements.",
        ),
        (
            "School roof repaired",
            "Pupils will return to a dry building next week after the council finished repairs to the leaking roof of the school.",
        ),
        (
            "Market hall to reopen",
            "Traders said they were relieved that the market hall will reopen in June after the long renovation was finished.",
        ),
    ]:
        teasers += [head, "Jan Novak", text]
    raw = page(P1, P2, P3, P4, "More from Harbour Gazette", *teasers)
    c = clean_text(raw)
    assert c.body == "\n\n".join([P1, P2, P3, P4])


# --- repetition across documents ---------------------------------------------------------------------


def test_repeated_lines_across_documents_are_removed():
    promo = "Download the Harbour Gazette app for the latest local news on the go."
    docs = [
        page(P1, P2, promo, P3, title="Ferry terminal opening delayed"),
        page(P4, P5, promo, P6, title="Council publishes inspection report"),
        page(P7, P8, promo, P9, title="Traders worry about the summer season"),
    ]
    rep = repeated_lines(docs)
    c = clean_text(docs[0], rep)
    assert reasons(c)[promo] == "repeated_across_documents"
    assert c.body == "\n\n".join([P1, P2, P3])
    assert clean_text(docs[0]).body.count(promo) == 1  # without the batch it reads as a sentence


def test_repeated_lines_small_batches():
    header = "Harbour Gazette — your town, every morning"
    two = [f"{header}\n\n{P1}\n\n{P2}", f"{header}\n\n{P3}\n\n{P4}"]
    assert len(repeated_lines(two)) >= 1
    assert repeated_lines([f"{header}\n\n{P1}"]) == frozenset()
    assert repeated_lines([]) == frozenset()


def test_syndicated_story_is_not_template():
    # the same wire story on two sites of one batch: its paragraphs recur, but they are the article
    docs = [page(P1, P2, P3, P4), page(P1, P2, P3, P4, nav="Start\nLocal\nWorld")]
    rep = repeated_lines(docs)
    c = clean_text(docs[0], rep)
    assert c.body == "\n\n".join([P1, P2, P3, P4])


# --- vocabulary and speed ----------------------------------------------------------------------------


def test_every_reason_is_documented():
    assert len(set(REASONS)) == len(REASONS)
    raw = page(
        "By Jan Novak",
        "Share this article\nFacebook",
        P1,
        "Advertisement",
        P2,
        P3,
        "3 comments",
        "Leave a Reply",
        "Tags: ferries, harbour",
    )
    c = clean_text(raw)
    assert {r.reason for r in c.removed} <= set(REASONS)
    assert_accounted(raw, c)


@pytest.mark.parametrize("seed", range(5))
def test_invariants_on_noisy_pages(seed):
    import random

    rng = random.Random(seed)
    pieces = [
        P1,
        P2,
        P3,
        P4,
        P5,
        "Home",
        "Menu",
        "Share",
        "© 2024",
        "By Jan Novak",
        "1 / 12",
        "Advertisement",
        "What happens next",
        "• one point\n• another point",
        "  indented\tline  ",
        "\u00a0",
        "x",
    ]
    body = [rng.choice(pieces) for _ in range(25)]
    raw = page(*body).replace("\n\n", rng.choice(["\n\n", "\r\n\r\n", "\n \n"]))
    c = clean_text(raw)
    assert_accounted(raw, c)
