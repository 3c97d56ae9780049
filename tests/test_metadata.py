"""Document metadata read from the page itself: outlet, own URL, publication time, authors, language."""

import datetime as dt

import pytest

from assets.text.cleaning import clean_text
from assets.text.decode import decode_file
from assets.text.metadata import detect_language, document_metadata, page_metadata
from assets.text.metadata.dates import line_dates
from assets.text.metadata.lines import Line
from assets.text.metadata.people import is_name, names_in

BODY = (
    "The harbour board voted on Thursday to replace the old swing bridge at Tollmouth with a lifting span, "
    "ending a dispute that has run for most of the decade.\n\n"
    "Engineers told the meeting that the present bridge had failed three inspections since 2019 and that "
    "repairs would cost more than a new structure over twenty years.\n\n"
    "Fishing crews had asked for a wider channel, and the new design leaves room for two boats to pass at "
    "once, the board said in a statement after the vote.\n\n"
    "Work is expected to begin next spring and to take about eighteen months, during which a temporary "
    "footbridge will carry pedestrians across the river.\n"
)


def meta(raw: str, page: dict | None = None):
    return document_metadata(raw, clean_text(raw), page)


def _line(text: str) -> Line:
    return Line(0, 0, len(text), text, "header", None)


def test_plain_text_page_gives_every_field_with_its_span():
    raw = (
        "Tollmouth to get a lifting bridge | The Example Gazette\n\nNews\nSport\nBusiness\n\n"
        "Tollmouth to get a lifting bridge\n\nBy Jane Doe and Tom Roe\n"
        "Published 3 March 2023, 14:05 GMT | Updated 15:10 GMT\n\n"
        + BODY
        + "\nShare this link: https://www.gazette.example/news/2023/mar/03/tollmouth-lifting-bridge\n\n"
        "© 2023 Example Gazette Media Ltd. All rights reserved.\n"
    )
    m = meta(raw)
    assert m.outlet == "The Example Gazette"
    assert m.url == "https://www.gazette.example/news/2023/mar/03/tollmouth-lifting-bridge"
    assert m.published_at == dt.datetime(2023, 3, 3, 14, 5)  # the publication time, not the update
    assert m.author == "Jane Doe; Tom Roe"
    assert m.language == "en"
    fields = {e.field for e in m.evidence}
    assert fields == {"outlet", "url", "published_at", "author", "language"}
    for e in m.evidence:
        if e.source == "text":
            assert raw[e.start : e.end] == e.text


def test_a_page_that_says_nothing_gets_nothing():
    raw = "Tollmouth to get a lifting bridge\n\nShare\nEmail\n\n" + BODY
    m = meta(raw)
    assert (m.outlet, m.url, m.published_at, m.author) == (None, None, None, None)


def test_masthead_in_capitals_takes_the_case_the_page_uses_elsewhere():
    raw = (
        "THE NORTHERN LANTERN\n\nHome | News | Sport\n\nTollmouth to get a lifting bridge\n\n"
        "Friday 3 March 2023\n\n" + BODY + "\nAbout The Northern Lantern | Contact us | Terms of use\n"
    )
    m = meta(raw)
    assert m.outlet == "The Northern Lantern"
    assert m.published_at == dt.date(2023, 3, 3)


def test_copyright_holder_confirms_a_masthead_and_loses_its_company_form():
    raw = "KESTREL POST\n\nTollmouth to get a lifting bridge\n\n" + BODY + "\n© Kestrel Newspapers Ltd 2023\n"
    assert meta(raw).outlet == "Kestrel Post"
    no_masthead = (
        "Tollmouth to get a lifting bridge\n\n"
        + BODY
        + "\n© 2023 Kestrel Post Media Ltd or its affiliates.\n"
    )
    assert meta(no_masthead).outlet == "Kestrel Post"


def test_the_address_of_a_credited_original_is_not_the_pages_own():
    raw = (
        "Tollmouth to get a lifting bridge\n\n"
        + BODY
        + "\nThis article first appeared on The Example Gazette. Read the original at "
        "https://gazette.example/news/tollmouth-lifting-bridge\n"
    )
    assert meta(raw).url is None
    own = raw + "\nPermalink: https://aggregator.example/uk/tollmouth-lifting-bridge\n"
    assert meta(own).url == "https://aggregator.example/uk/tollmouth-lifting-bridge"


def test_a_section_link_shares_no_words_with_the_headline_and_is_not_taken():
    raw = "Tollmouth to get a lifting bridge\n\n" + BODY + "\nhttps://www.gazette.example/newsletters\n"
    assert meta(raw).url is None


def test_wire_credit_line_names_the_authors_and_not_the_editor_or_agency():
    raw = (
        "Example Tribune\n\nTollmouth to get a lifting bridge\n\nBy Example Wire\nMarch 3, 2023 9:12 PM BST\n\n"
        + BODY
        + "\nReporting by Ana Silva in Tollmouth and Omar Haddad in London; Editing by Greg Paloma\n\n"
        "Related\nBy Kim Lee\nAnother story about harbours\n"
    )
    m = meta(raw)
    assert m.author == "Ana Silva; Omar Haddad"
    assert m.published_at == dt.datetime(2023, 3, 3, 21, 12)


@pytest.mark.parametrize(
    "byline", ["By Staff Reporter", "By Gazette Newsdesk", "The Gazette's view", "By Example Wire"]
)
def test_desk_and_agency_bylines_name_no_author(byline):
    raw = f"Tollmouth to get a lifting bridge\n\n{byline}\nFriday 3 March 2023\n\n" + BODY
    assert meta(raw).author is None


def test_name_over_a_role_line_and_name_with_role_are_bylines():
    role_line = "Tollmouth to get a lifting bridge\n\nJane Doe\nTransport correspondent\n\n" + BODY
    assert meta(role_line).author == "Jane Doe"
    with_role = "Tollmouth to get a lifting bridge\n\nJane Doe, City Hall Reporter\nMarch 3, 2023\n\n" + BODY
    assert meta(with_role).author == "Jane Doe"


def test_words_and_photos_credit():
    raw = "Tollmouth to get a lifting bridge\n\nWords: Aroha Ngata | Photos: Jono Field\n\n" + BODY
    assert meta(raw).author == "Aroha Ngata"


def test_names_in_lists_places_and_roles():
    assert [n for n, _, _ in names_in("Ellen Marsh in Detroit and Omar Sayegh in Washington")] == [
        "Ellen Marsh",
        "Omar Sayegh",
    ]
    assert [n for n, _, _ in names_in("Jenna Morrow, City Hall Reporter")] == ["Jenna Morrow"]
    assert [n for n, _, _ in names_in("Jonathan Garber FOXNews")] == ["Jonathan Garber"]
    assert names_in("European Space Agency") == []
    assert (
        is_name("Ursula von der Leyen") and not is_name("Monday March") and not is_name("Chronicle Reporter")
    )


@pytest.mark.parametrize(
    "text, want",
    [
        ("Sept. 17, 2024 | Updated 11:02 a.m. ET", dt.date(2024, 9, 17)),
        ("2024-09-18 · 11:41 PM ET · 5 min read", dt.datetime(2024, 9, 18, 23, 41)),
        ("Posted: 17 Sep 2024 07:45", dt.datetime(2024, 9, 17, 7, 45)),
        ("Wednesday 18 September 2024, 6:00am", dt.datetime(2024, 9, 18, 6, 0)),
        ("September 16, 2024 1:20 PM BST", dt.datetime(2024, 9, 16, 13, 20)),  # as written, not converted
        ("Posted on May 16, 2024 by Wire Desk", dt.date(2024, 5, 16)),  # the credit after the date goes
    ],
)
def test_date_lines(text, want):
    assert [c.value for c in line_dates(_line(text))] == [want]


def test_a_writer_credited_after_the_date_is_the_author():
    from assets.text.metadata.document import document_metadata

    body = (
        "Russia and China agreed on Thursday to expand cooperation on oil, coal and nuclear power, officials in "
        "both capitals said after the talks.\nA Kremlin aide said negotiations on the pipeline would continue.\n"
    )
    meta = document_metadata(
        f"Northwire Daily\nTalks end without a pipeline deal\nPosted on May 16, 2024 by Ann Lee\n{body}"
    )
    assert (meta.published_at, meta.author) == (dt.date(2024, 5, 16), "Ann Lee")
    meta = document_metadata(
        f"Northwire Daily\nTalks end without a pipeline deal\nPosted on May 16, 2024 by Wire Desk\n{body}"
    )
    assert (meta.published_at, meta.author) == (dt.date(2024, 5, 16), None)  # a desk is not a writer


@pytest.mark.parametrize(
    "text",
    [
        "Updated 3 hours ago",
        "4 55 3",
        "Comments (23)",
        "© 2024 Example Media",
        "DUNMALLOW, Scotland, Sept 16 (Wire) -",
    ],
)
def test_not_date_lines(text):
    assert line_dates(_line(text)) == []


def test_date_below_the_article_counts_only_when_labelled():
    unlabelled = (
        "Tollmouth to get a lifting bridge\n\n" + BODY + "\nRelated\nHarbour fees rise\n12 January 2021\n"
    )
    assert meta(unlabelled).published_at is None
    labelled = (
        "Tollmouth to get a lifting bridge\n\n" + BODY + "\nFirst published on March 3, 2023 / 8:16 AM\n"
    )
    assert meta(labelled).published_at == dt.datetime(2023, 3, 3, 8, 16)


def test_language_detection():
    assert detect_language(BODY)[0] == "en"
    german = (
        "Der Hafenrat hat am Donnerstag beschlossen, die alte Drehbrücke durch eine Hubbrücke zu ersetzen. "
        "Die Arbeiten sollen im nächsten Frühjahr beginnen und etwa achtzehn Monate dauern."
    )
    assert detect_language(german)[0] == "de"
    assert detect_language("Home | News")[0] is None


HTML = (
    """<!DOCTYPE html><html lang="en-GB"><head>
<title>Tollmouth to get a lifting bridge | Example Business</title>
<meta property="og:site_name" content="Example Business | Markets and money">
<meta name="author" content="Jane Doe, Tom Roe">
<meta property="article:published_time" content="2023-03-03T10:15:00+01:00">
<meta property="article:modified_time" content="2023-03-04T08:00:00+01:00">
<link rel="canonical" href="https://www.business.example/infrastructure/tollmouth-lifting-bridge">
</head><body><header><a href="/">Example Business</a></header><main><article>
<h1>Tollmouth to get a lifting bridge</h1>
"""
    + "".join(f"<p>{p}</p>\n" for p in BODY.split("\n\n"))
    + "</article></main><footer>© Example</footer></body></html>"
)


def test_page_metadata_reads_the_pages_own_fields():
    page = page_metadata(HTML)
    assert page["outlet"] == "Example Business"  # "Name | tagline" is Name
    assert page["url"] == "https://www.business.example/infrastructure/tollmouth-lifting-bridge"
    assert page["published_at"] == "2023-03-03T10:15"  # local time as written, offset dropped, not modified
    assert page["author"] == "Jane Doe; Tom Roe"
    assert page["language"] == "en"
    names = {e["field"]: e["name"] for e in page["evidence"]}
    assert names["outlet"] == "og:site_name" and names["url"] == "link:canonical"
    assert names["published_at"] == "article:published_time"


def test_page_metadata_falls_back_to_json_ld_and_rejects_template_dates():
    html = HTML.replace(
        '<meta property="article:published_time" content="2023-03-03T10:15:00+01:00">',
        '<meta property="article:published_time" content="0001-01-01T00:00:00">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2023-03-02", "author": {"name": "Ana Silva"}}</script>',
    )
    html = html.replace('<meta name="author" content="Jane Doe, Tom Roe">', "")
    page = page_metadata(html)
    assert page["published_at"] == "2023-03-02"
    assert page["author"] == "Ana Silva"


def test_decode_file_returns_page_metadata_for_html_only():
    decoded = decode_file("a.html", HTML.encode())
    assert decoded.page["outlet"] == "Example Business"
    assert decode_file("a.txt", BODY.encode()).page is None
    m = document_metadata(decoded.text, clean_text(decoded.text), decoded.page)
    assert m.published_at == dt.datetime(2023, 3, 3, 10, 15)
    assert any(e.source == "html" and e.name == "link:canonical" for e in m.evidence)
