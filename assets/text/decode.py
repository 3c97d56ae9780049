"""Bytes of an inbox file to article text, or a reason it cannot be ingested."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass

import charset_normalizer
import trafilatura

from assets.text.metadata import page_metadata

TEXT_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".text": "text/plain"}
HTML_SUFFIXES = {".html": "text/html", ".htm": "text/html"}
DEFAULT_MAX_BYTES = 5_000_000

# Reasons a file lands in raw.rejects (public vocabulary: the README lists them, sql/schema holds the column).
REJECT_REASONS = (
    "empty",  # zero bytes, or only whitespace once decoded
    "too_large",  # over the size limit
    "binary",  # NUL bytes or mostly control characters without a Unicode BOM
    "undecodable",  # no text encoding fits the bytes
    "unsupported_type",  # not .txt/.md/.html/.htm
    "unreadable",  # the file could not be read (permissions, vanished, I/O error)
    "no_text",  # HTML with no extractable main text
    "duplicate",  # same bytes as a file already ingested (doc_id is the content hash)
    "symlink",  # a symbolic link (to a file or a folder): never followed, never read
    "not_a_regular_file",  # a FIFO, socket or device: never opened
    "bad_day_folder",  # a folder under the inbox that is not a real YYYY-MM-DD date: its files are not ingested
    "outside_day_folder",  # a file directly under the inbox instead of in a day folder
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Charset-normalizer's chaos scores of single-byte Latin code pages are often near-tied (cp1252 text
# ranked as cp1257, or below mac_latin2 on "coherence"); within this margin the code page most used for
# legacy web text wins, then the candidate whose decoded text reads most like a language.
_CHAOS_TIE = 0.1
_COMMON = {"cp1252": 0, "latin_1": 1, "iso8859_15": 2, "cp1251": 3, "cp1250": 4, "gb18030": 5, "shift_jis": 6}


class Rejected(Exception):
    """A file that cannot be ingested, with a reason from REJECT_REASONS and a human detail."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    media_type: str
    # HTML only: what the page declares about itself (assets.text.metadata.page_metadata: outlet, url,
    # published_at, author, language, title, evidence), JSON-ready; None for plain text.
    page: dict | None = None


def sha256(data: bytes) -> str:
    """Hex SHA-256 of the file's bytes."""
    return hashlib.sha256(data).hexdigest()


def doc_id_for(content_sha256: str) -> str:
    """The document id: stable for the same bytes, whatever the file is called or when it arrives."""
    return "D" + content_sha256[:15]


def media_type_for(name: str) -> str | None:
    """The media type Dossier ingests a file name as, or None when unsupported."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return TEXT_SUFFIXES.get(suffix) or HTML_SUFFIXES.get(suffix)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and encoding name of bytes in any common encoding; raises Rejected."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise Rejected(
                    "undecodable", f"{encoding} byte-order mark but invalid data at byte {exc.start}"
                ) from None
    nul = data.find(b"\x00")
    wide = _wide_unicode(data) if nul >= 0 else None
    if wide is not None:
        return wide
    if nul >= 0:
        raise Rejected("binary", f"NUL byte at offset {nul} and no Unicode byte-order mark")
    controls = sum(1 for b in data[:4096] if b < 32 and b not in (9, 10, 12, 13))
    if controls > 0.05 * min(len(data), 4096):
        raise Rejected("binary", f"{controls} control bytes in the first {min(len(data), 4096)}")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise Rejected("undecodable", "neither UTF-8 nor any single- or multi-byte code page fits the bytes")
    best_chaos = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= best_chaos + _CHAOS_TIE]
    # A match stands for a group of code pages that decode these bytes to the same text; name it by the
    # group's most common member.
    _, _, _, encoding, i = min(
        (_COMMON.get(enc, 99), -m.coherence, m.chaos, enc, i)
        for i, m in enumerate(near)
        for enc in m.could_be_from_charset
    )
    return str(near[i]), encoding


def _wide_unicode(data: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 text without a byte-order mark, told apart from binary by where its zero bytes fall.

    Text in these encodings has zero bytes in fixed lanes (every other byte for UTF-16 Latin text, three of every
    four for UTF-32); binary data has them anywhere. A lane layout is accepted only if the decoded text is
    mostly printable.
    """
    sample = data[:4096]
    for encoding, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width:
            continue
        lanes = [sample[i::width] for i in range(width)]
        zero = [lane.count(0) / max(1, len(lane)) for lane in lanes]
        text_lanes = [0] if encoding.endswith("le") else [width - 1]
        if all(zero[i] < 0.5 for i in text_lanes) and all(
            z > 0.9 for i, z in enumerate(zero) if i not in text_lanes
        ):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            shown = text[:2000]
            if sum(c.isprintable() or c.isspace() for c in shown) >= 0.95 * len(shown):
                return text, encoding
    return None


def html_to_text(html: str) -> str:
    """Main text of an HTML page (trafilatura), with the page's title as the first line."""
    return _extract(html)[0]


def _extract(html: str):
    """(main text with the title first, trafilatura's extraction result or None)."""
    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=True, with_metadata=True)
    if doc is None or not (doc.text or "").strip():
        return "", doc
    title = " ".join((doc.title or "").split())
    text = doc.text.strip()
    return (f"{title}\n\n{text}" if title and not text.startswith(title) else text), doc


def html_page(html: str, extracted=None) -> dict:
    """The page's own metadata (outlet, url, published_at, author, language, title, evidence)."""
    return page_metadata(html, extracted)


def decode_file(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode one inbox file into text; raises Rejected with the reason it cannot be ingested."""
    media_type = media_type_for(name)
    if media_type is None:
        raise Rejected("unsupported_type", f"'{name}' is not .txt, .md, .html or .htm")
    if not data:
        raise Rejected("empty", "the file has zero bytes")
    if len(data) > max_bytes:
        raise Rejected("too_large", f"{len(data)} bytes is over the {max_bytes}-byte limit")
    text, encoding = decode_bytes(data)
    page = None
    if media_type == "text/html":
        html = text
        text, extracted = _extract(html)
        if not text.strip():
            raise Rejected("no_text", "no main text found in the HTML")
        page = html_page(html, extracted)
    elif not text.strip():
        raise Rejected("empty", f"only whitespace once decoded as {encoding}")
    return Decoded(
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        encoding=encoding,
        media_type=media_type,
        page=page,
    )
