"""Units written after a number (percent, money nouns, minor units, barrels, pint units, multiples), applied to it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.figures.candidate import _Cand
from assets.text.figures.currencies import (
    _AMBIGUOUS_CUR_WORDS,
    _CUR_WORDS,
    _ISO_CODES,
    _MINOR_PER_MAIN,
    _MINOR_UNITS,
)
from assets.text.figures.lexer import HYPHENS, _glued, _Lex, _match_table, _phrases, _sing
from assets.text.figures.pintunits import _generic_unit, _parse, _pint_setter

if TYPE_CHECKING:
    from assets.text.figures.scanner import _Scanner

# Physical units pint cannot read as written: (words...) -> pint unit; pint itself reads every other unit
# word.
_PINT_UNITS: dict[tuple[str, ...], str] = _phrases("units", "pint_units")
_PERCENT_UNITS: dict[tuple[str, ...], tuple[str, float]] = {
    **{tuple(p.split()): ("percent", 1.0) for p in lexicon.ordered("units", "percent")},
    **{tuple(p.split()): ("pp", 1.0) for p in lexicon.ordered("units", "percentage_points")},
    **{tuple(p.split()): ("pp", 0.01) for p in lexicon.ordered("units", "basis_points")},
}
_INDEX_POINTS: dict[tuple[str, ...], str] = {
    tuple(p.split()): "points" for p in lexicon.ordered("units", "index_points")
}
# Oil barrels stay barrels; a daily rate ("bpd", "barrels a day") is the flag "per_day", like any other rate.
_BARREL_UNITS: dict[tuple[str, ...], tuple[str, str | None]] = {
    **{tuple(p.split()): ("barrel", None) for p in lexicon.ordered("units", "barrels")},
    **{tuple(p.split()): ("barrel", "per_day") for p in lexicon.ordered("units", "barrels_per_day")},
}
# Tried in this order at the same lexeme: a percent or barrel phrase wins over the pint unit it starts with.
_UNIT_TABLES = (
    ("percent", _PERCENT_UNITS),
    ("barrel", _BARREL_UNITS),
    ("points", _INDEX_POINTS),
    ("minor", _MINOR_UNITS),
    ("cur", _CUR_WORDS),
    ("pint", _PINT_UNITS),
)
_COMPARATIVE_AFTER_TIMES = lexicon.words("figures", "comparative_after_times")
# Penn tags of comparatives: "10 times larger", "three times faster".
_COMPARATIVE_TAGS = ("JJR", "RBR")
_TIME_RATES = _phrases("figures", "rates")
# Money nouns after a plain number are read as currency from this amount on when written with commas ("5,000 rand").
_BIG_AMOUNT = 1000


def _no_pos(_char: int) -> str | None:
    return None


def _unit(lex: list[_Lex], k: int, body: str, pos_at=_no_pos):
    """The unit written at lexeme k (after an optional glued hyphen): (kind, payload, raw text, next index)
    or None.

    `pos_at(char)` is spaCy's part of speech at a body offset: a word pint knows is no unit when it is a
    preposition, a verb, … ("in", "are")."""
    if k >= len(lex):
        return None
    hyphen = lex[k].text in HYPHENS and _glued(lex, k) and k + 1 < len(lex) and _glued(lex, k + 1)
    kk = k + 1 if hyphen else k
    if kk >= len(lex):
        return None
    for kind, table in _UNIT_TABLES:
        m = _match_table(lex, kk, table)
        if m:
            key, end = m
            if kind == "pint" and lex[kk].text == "M":
                continue  # a capital M is not metres
            if kind == "pint":
                gen = _generic_unit(lex, kk, pos_at)  # a longer glued unit wins: "m.p.h." over "m"
                expr, end = (gen[0], gen[1]) if gen is not None and gen[1] > end else (table[key], end)
                return _per(lex, kk, expr, end, body, pos_at)
            return kind, table[key], body[lex[kk].start : lex[end - 1].end], end
    if lex[kk].text != "M" and (got := _generic_unit(lex, kk, pos_at)) is not None:
        return _per(lex, kk, got[0], got[1], body, pos_at)
    return _unit_word(lex, kk, hyphen)


def _per(lex: list[_Lex], kk: int, expr: str, end: int, body: str, pos_at):
    """A physical unit, joined with a "per" unit after it when the two make a kept unit ("kilometres per
    hour",
    "miles an hour", "km/h"): ("pint", expression, raw text, next index)."""
    n = len(lex)
    joiner = lex[end].low if end < n else ""
    if end + 1 < n and (joiner in ("per", "/") or joiner in ("a", "an") and lex[end + 1].kind == "word"):
        m = _match_table(lex, end + 1, _PINT_UNITS)
        other = (_PINT_UNITS[m[0]], m[1]) if m else _generic_unit(lex, end + 1, pos_at, allow_time=True)
        if other is not None and _parse(f"({expr})/({other[0]})"):
            expr, end = f"({expr})/({other[0]})", other[1]
    return "pint", expr, body[lex[kk].start : lex[end - 1].end], end


def _unit_word(lex: list[_Lex], kk: int, hyphen: bool):
    """A unit no table holds: an ISO code, a glued C or F, "times", "fold", a glued "x" or "×", "-strong"."""
    w = lex[kk]
    if w.kind == "word":
        if w.text in _ISO_CODES and not hyphen:
            return "iso", w.text, w.text, kk + 1
        if w.text in ("C", "F") and _glued(lex, kk) and not hyphen:
            return "pint", "degC" if w.text == "C" else "degF", w.text, kk + 1
        if w.low == "times" and not hyphen:
            return "times", None, w.text, kk + 1
        if w.low == "fold":
            return "fold", None, w.text, kk + 1
        code_like = kk + 1 < len(lex) and _glued(lex, kk + 1) and lex[kk + 1].kind == "num"  # "4x4"
        if w.low == "x" and _glued(lex, kk) and not hyphen and not code_like:
            return "fold", None, w.text, kk + 1
        if w.low == "strong" and hyphen:
            return "strong", None, w.text, kk + 1
    elif w.text == "×" and _glued(lex, kk):
        return "fold", None, w.text, kk + 1
    return None


def _apply_unit(sc: _Scanner, u, cand: _Cand, cur: str | None, factor: float) -> int | None:
    """Applies the unit written after the number; the lexeme index after it, or None when it is not one."""
    kind, payload, raw_text, end = u
    if kind == "percent":
        if cur is not None:
            return None
        unit, mult = payload
        cand.set(unit, raw_text, lambda x: x * mult)
        return end
    if kind in ("cur", "iso"):
        return _apply_money(sc, u, cand, cur, factor)
    if cur is not None:
        return None
    return end if _apply_quantity(sc, u, cand) else None


def _apply_money(sc: _Scanner, u, cand: _Cand, cur: str | None, factor: float) -> int | None:
    """A currency noun or ISO code after the number ("5 billion euros", "100 billion pesos", "4 million USD")."""
    kind, code, raw_text, end = u
    if kind == "cur":
        key = tuple(_sing(w) for w in re.findall(r"[^\W\d_]+", raw_text.lower()))
        head, qualified = (key[-1] if key else ""), len(key) > 1
        # A bare "pounds" is money only with a scale word: spaCy reads "weighs 200 pounds" as MONEY too.
        # "two hundred pounds a month" is a price over time; a weight has no such rate.
        per_time = _match_table(sc.lex, end, _TIME_RATES) is not None
        money_read = factor != 1 or per_time or sc.in_money_ent(cand.start, sc.lex[end - 1].end)
        if head == "pound" and not qualified and factor == 1 and not per_time:
            if cur is not None:
                return None
            cand.set(*_pint_setter("pound", raw_text))  # pounds without a scale or spaCy's MONEY: a weight
            return end
        big = abs(cand.raw_value) >= _BIG_AMOUNT and "," in sc.body[cand.start : cand.end]
        if head in _AMBIGUOUS_CUR_WORDS and not qualified and not (money_read or big):
            return None
        if not qualified:
            code = sc.hint(head, code, cand.start)
    if cur is not None:
        cand.raw_unit = None  # "$5 billion dollars": the symbol already says it
        return end
    cand.set(code, raw_text, lambda x: x)
    return end


def _apply_quantity(sc: _Scanner, u, cand: _Cand) -> bool:
    """A non-money unit after the number; whether it applies."""
    kind, payload, raw_text, end = u
    if kind == "minor":
        cand.set(payload, raw_text, lambda x: x / _MINOR_PER_MAIN)
    elif kind == "barrel":
        cand.set(payload[0], raw_text, lambda x: x)
        if payload[1]:
            cand.flags.append(payload[1])
    elif kind == "pint":
        setter = _pint_setter(payload, raw_text)
        if setter[0] is None:
            return False
        cand.set(*setter)
    elif kind == "fold":
        if cand.raw_value <= 1:
            return False  # "1x" is a playback speed or a label, never a multiple worth stating
        cand.set("times", raw_text, lambda x: x)
    elif kind == "times":
        _apply_times(sc, cand, raw_text, end)
    elif kind == "strong":
        cand.set("count", None, lambda x: x)
    elif kind == "points":
        cand.set("points", raw_text, lambda x: x)
    else:
        return False
    return True


def _apply_times(sc: _Scanner, cand: _Cand, raw_text: str, end: int) -> None:
    """ "N times": a multiple before a comparison ("10 times larger"), else a count of occurrences ("met 40 times")."""
    lex = sc.lex
    nxt = lex[end] if end < len(lex) else None
    tok = sc.token_at(nxt.start) if nxt is not None and nxt.kind == "word" else None
    comparative = tok is not None and (nxt.low in _COMPARATIVE_AFTER_TIMES or tok.tag_ in _COMPARATIVE_TAGS)
    if nxt is not None and nxt.low == "over" and end + 1 < len(lex) and lex[end + 1].kind == "word":
        comparative = False  # "met 40 times over the past decade"; "paid ten times over." is a multiple
    cand.set("times" if comparative else "count", raw_text, lambda x: x)
    cand.occurrences = not comparative
