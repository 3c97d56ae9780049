"""Currencies as written (symbols, prefixes, ISO codes, nouns, minor units) and the ISO code each stands for."""

from __future__ import annotations

from assets.text import lexicon
from assets.text.figures.lexer import _phrases

_CUR_SYMBOLS: dict[str, str] = {
    **lexicon.mapping("currencies", "symbols"),
    **lexicon.mapping("currencies", "suffixed_symbols"),
}
_CUR_PREFIX_WORDS: dict[str, str] = lexicon.mapping("currencies", "prefix_words")
_GLUED_ONLY_PREFIXES = lexicon.words("currencies", "glued_only_prefixes")
_ISO_CODES = lexicon.words("currencies", "iso_codes")
# Currency nouns after the number: (words...) -> code.
_CUR_WORDS: dict[tuple[str, ...], str] = _phrases("currencies", "nouns")
_MINOR_UNITS: dict[tuple[str, ...], str] = _phrases("currencies", "minor_units")
# Nouns that are also ordinary English words: currency only with a scale word, a large amount or spaCy's MONEY.
_AMBIGUOUS_CUR_WORDS = lexicon.words("currencies", "ordinary_word_currencies")
_CUR_HINTS: dict[str, list[tuple[str, str]]] = {
    word: [tuple(pair) for pair in pairs] for word, pairs in lexicon.mapping("currencies", "hints").items()
}
# Minor units ("cents", "pence", "kopeks") are a hundredth of the main one.
_MINOR_PER_MAIN = 100


def _hinted_code(word: str, default: str, sentence: str) -> str:
    """A shared currency name read from a country named in its (lower-cased) sentence ("pesos" in Argentina: ARS)."""
    hints = _CUR_HINTS.get(word)
    if not hints:
        return default
    return next((code for needle, code in hints if needle in sentence), default)
