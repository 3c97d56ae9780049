"""Whether a document is English: the English pipeline's entities in other languages are mostly noise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc


# The commonest function words of each language (lexicon/stopwords.toml, shared with the cleaner).
_STOPWORDS = {
    lang: frozenset(words.split()) for lang, words in lexicon.table("stopwords")["by_language"].items()
}
# Fewer words than this say too little about their language: short texts are taken as English.
_MIN_WORDS = 30


def reads_as_english(doc: Doc) -> bool:
    """No other language's function words outnumber English ones (in German, Indonesian or Portuguese text
    spaCy's English model tags capitalised nouns and sentence openers as people)."""
    words = [t.lower_ for t in doc if t.is_alpha]
    if len(words) < _MIN_WORDS:
        return True
    hits = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    english = hits.pop("en", 0)
    return all(n <= english for n in hits.values())
