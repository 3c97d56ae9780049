"""Document metadata read from the page itself: outlet, own URL, publication time, authors, language.

Files carry no source, date or author; only the page says who published it and when. `page_metadata(html)`
reads what an HTML page declares (meta fields, canonical link, JSON-LD; trafilatura and htmldate fill gaps);
`document_metadata(raw_text, cleaned, page)` reads a plain-text page's leftovers (page-title line,
masthead, copyright line, bylines, date lines, printed permalinks) with the cleaner's removed spans placing
each line above, in or below the article, and lets the page's own fields win. Every value carries its
evidence: the meta field it came from, or the raw-text span and the rule that read it. A value the page
does not state is None: never a guess from the file name or folder.

Modules: `lines` (raw lines with zones), `outlet`, `urls`, `dates`, `people`, `language`, `page` (HTML),
`document` (the merge), `result` (Metadata, Evidence). Vocabulary: `lexicon/metadata.toml`.
"""

from __future__ import annotations

from .document import document_metadata
from .language import detect as detect_language
from .page import page_metadata
from .result import FIELDS, SOURCES, Evidence, Metadata, from_iso, iso

__all__ = [
    "FIELDS",
    "SOURCES",
    "Evidence",
    "Metadata",
    "detect_language",
    "document_metadata",
    "from_iso",
    "iso",
    "page_metadata",
]
