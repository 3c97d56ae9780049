"""Ingest decoding: encodings, HTML, and every reject reason, by direct call."""

import codecs

import pytest

from assets.text.decode import (
    REJECT_REASONS,
    Rejected,
    decode_bytes,
    decode_file,
    doc_id_for,
    html_to_text,
    sha256,
)

ARTICLE = (
    "The minister’s “café” reform was called naïve by critics — a déjà vu moment for the señor who "
    "wrote the résumé of failed plans. It’s the third such plan in a decade, and the council voted "
    "against it on Tuesday after a long and heated debate about costs. "
)


def test_utf8_is_read_as_utf8():
    text, encoding = decode_bytes(ARTICLE.encode("utf-8"))
    assert (text, encoding) == (ARTICLE, "utf-8")


def test_cp1252_is_detected_and_decoded_exactly():
    text, encoding = decode_bytes((ARTICLE * 2).encode("cp1252"))
    assert encoding == "cp1252"
    assert text == ARTICLE * 2


@pytest.mark.parametrize("codec,name", [("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig")])
def test_byte_order_marks_decide_the_encoding(codec, name):
    text, encoding = decode_bytes(ARTICLE.encode(codec))
    assert (text, encoding) == (ARTICLE, name)


def test_html_yields_title_then_main_text_without_navigation():
    html = (
        "<html><head><title>Council rejects tram plan</title></head><body><nav><a href='/'>Home</a> | "
        "<a href='/w'>World</a></nav><article><h1>Council rejects tram plan</h1><p>The city council voted "
        "on Tuesday against the new tram line, which would have cost about 1.2 billion euros.</p><p>Critics "
        "said the plan had been rushed through committee without a proper study of the costs.</p></article>"
        "<footer>© 2024 Example Media</footer></body></html>"
    )
    text = html_to_text(html)
    assert text.startswith("Council rejects tram plan\n")
    assert "1.2 billion euros" in text and "Critics said" in text
    assert "Home" not in text and "©" not in text


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("a.txt", b"", "empty"),
        ("a.txt", b" \n\t\n", "empty"),
        ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("a.txt", bytes(range(1, 32)) * 3, "binary"),
        ("a.pdf", b"%PDF-1.4", "unsupported_type"),
        ("a.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "undecodable"),
        ("a.html", b"<html><body><script>var x = 1;</script></body></html>", "no_text"),
        ("a.txt", b"x" * 101, "too_large"),
    ],
)
def test_bad_files_are_rejected_with_their_reason(name, data, reason):
    with pytest.raises(Rejected) as info:
        decode_file(name, data, max_bytes=100)
    assert info.value.reason == reason
    assert reason in REJECT_REASONS
    assert info.value.detail


def test_windows_line_endings_are_normalised():
    assert decode_file("a.txt", b"Headline\r\nFirst line.\rSecond.").text == "Headline\nFirst line.\nSecond."


def test_doc_id_depends_only_on_content():
    assert doc_id_for(sha256(b"same")) == doc_id_for(sha256(b"same")) != doc_id_for(sha256(b"other"))
    assert doc_id_for(sha256(b"same")).startswith("D") and len(doc_id_for(sha256(b"same"))) == 16


def test_shipped_cp1252_sample_is_not_read_as_a_mac_code_page():
    from pathlib import Path

    path = next(
        Path(__file__).parent.parent.joinpath("data", "sample").rglob("cafe-owners-brace-for-tram-works.txt")
    )
    decoded = decode_file(path.name, path.read_bytes())
    assert decoded.encoding == "cp1252"
    assert "Café" in decoded.text and "“" in decoded.text
