"""Numbers at a lexeme: numerals, numbers in words ("three hundred and ten"), "-fold" words and scale words."""

from __future__ import annotations

from collections.abc import Callable

from assets.text import lexicon
from assets.text.figures.currencies import _CUR_WORDS
from assets.text.figures.lexer import HYPHENS, _glued, _Lex, _match_table
from assets.text.figures.pintunits import _generic_unit
from assets.text.figures.units import _BARREL_UNITS, _PINT_UNITS

_ONES = {w: i for i, w in enumerate(lexicon.ordered("numbers", "ones"))}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(lexicon.ordered("numbers", "tens"))}
# Not read by any rule (kept as it was declared; see the split's report).
_FRACTION_WORDS = lexicon.words("numbers", "fraction_words")
_SCALES: dict[str, float] = lexicon.mapping("numbers", "scales")
# Single letters are scales only glued to a money figure or before a counted noun ("$5m", "3m people");
# otherwise "5m" is metres.
_LETTER_SCALES: dict[str, float] = lexicon.mapping("numbers", "letter_scales")
_AFTER_A = lexicon.words("numbers", "after_a")
_FOLD_STEMS: dict[str, float] = lexicon.mapping("numbers", "fold_stems")
# Scale words that may sit inside a number written in words ("twenty-eight thousand six hundred").
_INNER_SCALES = ("thousand", "million", "billion", "trillion")
# "twenty-five" and "twenty five" take a unit word from one to nine.
_UNIT_DIGIT = range(1, 10)


def _low(lex: list[_Lex], k: int) -> str:
    """Lexeme k lower-cased when it is a word, else ""."""
    return lex[k].low if k < len(lex) and lex[k].kind == "word" else ""


def _below_hundred(lex: list[_Lex], k: int) -> tuple[int, int] | None:
    """A number word below a hundred at lexeme k ("seven", "forty", "twenty-five"), with the index after it."""
    w = _low(lex, k)
    if w in _ONES:
        return _ONES[w], k + 1
    if w not in _TENS:
        return None
    hyphened = k + 2 < len(lex) and lex[k + 1].text in HYPHENS and _glued(lex, k + 1) and _glued(lex, k + 2)
    unit = _low(lex, k + 2) if hyphened else ""
    if _ONES.get(unit, 0) in _UNIT_DIGIT:
        return _TENS[w] + _ONES[unit], k + 3
    if _ONES.get(_low(lex, k + 1), 0) in _UNIT_DIGIT:
        return _TENS[w] + _ONES[_low(lex, k + 1)], k + 2
    return _TENS[w], k + 1


def _word_number(lex: list[_Lex], j: int) -> tuple[float, int] | None:
    """A number written in words from lexeme j, scale words inside it included when more words follow them
    ("twenty-eight thousand six hundred forty-two"); a final scale word is left to `_scale` ("three
    million")."""
    got = _word_group(lex, j)
    if got is None:
        return None
    total, (value, k) = 0.0, got
    while _low(lex, k) in _INNER_SCALES:
        nxt = k + 2 if _low(lex, k + 1) == "and" else k + 1
        rest = _word_group(lex, nxt) if _low(lex, nxt) not in ("a", "an") else None
        if rest is None:
            break
        total, (value, k) = total + value * _SCALES[_low(lex, k)], rest
    if total and _low(lex, k) in _INNER_SCALES:  # "two million three hundred thousand"
        value, k = value * _SCALES[_low(lex, k)], k + 1
    return total + value, k


def _word_group(lex: list[_Lex], j: int) -> tuple[float, int] | None:
    """A number in words below a thousand from lexeme j ("twenty-five", "three hundred and ten", "a
    dozen")."""
    w = _low(lex, j)
    if w in ("a", "an"):
        if _low(lex, j + 1) not in _AFTER_A:
            return None
        value, k = 1.0, j + 1
    elif w == "half" and _low(lex, j + 1) in ("a", "an") and _low(lex, j + 2) in _SCALES:
        return 0.5, j + 2
    else:
        got = _below_hundred(lex, j)
        if got is None:
            return None
        value, k = float(got[0]), got[1]
    if _low(lex, k) == "hundred":
        value, k = value * 100, k + 1
        rest = _below_hundred(lex, k + 1 if _low(lex, k) == "and" else k)
        if rest is not None:
            value, k = value + rest[0], rest[1]
    if _low(lex, k) == "dozen":
        value, k = value * 12, k + 1
    return value, k


def _fold_word(word: str) -> float | None:
    """The multiple in a one-word "-fold" ("threefold" -> 3, "tenfold" -> 10)."""
    w = word.lower()
    if not w.endswith("fold") or len(w) <= len("fold"):
        return None
    stem = w[: -len("fold")]
    if stem in _ONES:
        return float(_ONES[stem])
    if stem in _TENS:
        return float(_TENS[stem])
    return _FOLD_STEMS.get(stem)


def _number(lex: list[_Lex], j: int) -> tuple[float, int, bool] | None:
    """A number at lexeme j: value, next index, whether written in words."""
    if j >= len(lex):
        return None
    if lex[j].kind == "num":
        return float(lex[j].text.replace(",", "")), j + 1, False
    if lex[j].kind == "word":
        wn = _word_number(lex, j)
        if wn:
            return wn[0], wn[1], True
    return None


def _unit_follows(lex: list[_Lex], k: int) -> bool:
    """Whether a currency, barrel or pint unit word starts at lexeme k ("5m barrels", "3m euros")."""
    if k >= len(lex) or lex[k].kind != "word":
        return False
    return bool(
        _match_table(lex, k, _CUR_WORDS)
        or _match_table(lex, k, _BARREL_UNITS)
        or _match_table(lex, k, _PINT_UNITS)
        or _generic_unit(lex, k, lambda _c: None)
    )


def _scale(
    lex: list[_Lex], k: int, money: bool, next_plural: Callable[[int], bool]
) -> tuple[float, int, str]:
    """Scale words after a number ("billion", "bn", "lakh crore", a glued "m" on money), with the index after."""
    factor, written = 1.0, []
    while k < len(lex) and lex[k].kind in ("word", "sym"):
        hyphen = lex[k].text == "-" and _glued(lex, k) and k + 1 < len(lex) and _glued(lex, k + 1)
        kk = k + 1 if hyphen else k
        w = lex[kk]
        if w.kind != "word":
            break
        if w.low in _SCALES:
            factor *= _SCALES[w.low]
        elif w.low in _LETTER_SCALES and _glued(lex, kk) and not written and not hyphen:
            # "35m of its devices": a part of a counted plural is a count too.
            of_plural = _low(lex, kk + 1) == "of" and (next_plural(kk + 1) or next_plural(kk + 2))
            if money or _unit_follows(lex, kk + 1) or (w.low != "b" and (next_plural(kk) or of_plural)):
                factor *= _LETTER_SCALES[w.low]
            else:
                break
        else:
            break
        written.append(w.text)
        k = kk + 1
    return factor, k, " ".join(written)
