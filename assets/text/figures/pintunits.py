"""Physical units read through pint: the unit each dimension is kept in, and units written after a number that
no table lists ("3.2 GHz", "250 MPa", "100km/hr", "80 m.p.h.", "square kilometres")."""

from __future__ import annotations

from functools import lru_cache

from assets.text import lexicon
from assets.text.figures.lexer import _glued, _Lex

# (pint unit we convert to, the name written in Claim.unit), one per dimension, tried in order.
_TARGETS = [tuple(t) for t in lexicon.ordered("units", "targets")]
# Volumes written as a cube of a length ("cubic metres", "bcm") stay cubic metres: gas is traded in them.
_CUBIC_TARGET = tuple(lexicon.ordered("units", "cubic_target"))
# Torque (force times length) has the dimension of energy; pint's unit names tell the two apart.
_TORQUE_TARGET = tuple(lexicon.ordered("units", "torque_target"))
_TORQUE_NAMES = ("newton", "force_")
# Words pint reads as units that are ordinary English in prose ("in", "at", "pm", "point").
_PROSE_WORDS = lexicon.words("units", "pint_prose_words")
# Single letters are units only where listed: glued to the number ("5m", "118,000t") or, for a few capitals
# that
# are never words, also after a space ("65 W").
_GLUED_LETTERS = lexicon.words("units", "single_letter_units_glued")
_SPACED_LETTERS = lexicon.words("units", "single_letter_units_spaced")
_SQUARE = lexicon.words("units", "square_words")
_CUBIC = lexicon.words("units", "cubic_words")
# Lexemes that join the parts of one written unit ("km/hr", "N·m", "m.p.h.", "kilowatt-hour").
# What a dimensionless unit's pint name must contain to be kept ("16 degrees" is an angle, no figure).
_NAMED = {"GB": "byte", "ppm": "ppm"}
_UNIT_JOINERS = {"/": "/", "·": "*", "⋅": "*", "-": "*", "‑": "*", ".": "", "*": "*"}
_MAX_CHAIN = 7
_MIN_UNIT_NAME = 3
# Dimensionless units a bare number measures rather than counts ("16 degrees": an angle or a temperature).
_BARE_MEASURES = lexicon.words("units", "bare_measure_nouns")
# Parts of speech a unit word never has ("in" ADP, "are" AUX, "us" PRON).
_NOT_UNIT_POS = ("ADP", "AUX", "VERB", "ADV", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADJ")


@lru_cache(maxsize=1)
def _ureg():
    """The one pint registry, built on first use."""
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1)
def _target_dims():
    """Each kept unit with its pint dimensionality."""
    return [(t, _ureg().parse_expression(t[0]).dimensionality) for t in _TARGETS]


def _target(parsed) -> tuple[str, str] | None:
    """The (pint unit, name) a parsed quantity is kept in, or None for a dimension that is no figure."""
    dim = parsed.dimensionality
    names = str(parsed.units)
    if dim == _ureg().parse_expression(_TORQUE_TARGET[0]).dimensionality and any(
        n in names for n in _TORQUE_NAMES
    ):
        return _TORQUE_TARGET
    if dim == _ureg().parse_expression(_CUBIC_TARGET[0]).dimensionality and (
        "** 3" in names or "cubic" in names
    ):
        return _CUBIC_TARGET
    # Bytes, parts per million and angles are all dimensionless to pint: a dimensionless target needs its name.
    return next((t for t, d in _target_dims() if d == dim and (dim or _NAMED[t[1]] in names)), None)


def _pint_setter(pint_unit: str, raw_text: str):
    """(unit name, raw text, converter) for a pint unit, converting to the unit we keep for its dimension."""
    ureg = _ureg()
    parsed = ureg.parse_expression(pint_unit)
    target = _target(parsed)
    if target is None:
        return None, raw_text, None

    def conv(x: float) -> float:
        return ureg.Quantity(x * parsed.magnitude, parsed.units).to(target[0]).magnitude

    return target[1], raw_text, conv


@lru_cache(maxsize=4096)
def _parse(expr: str, allow_time: bool = False):
    """The pint expression of a written unit when it names a kept dimension (or time, when allowed), else
    None."""
    try:
        parsed = _ureg().parse_expression(expr)
    except Exception:  # pint raises its own error types (undefined unit, syntax) for what is not a unit
        return None
    if not hasattr(parsed, "units") or parsed.dimensionless:
        return None
    if _target(parsed) is not None:
        return expr
    if allow_time and parsed.dimensionality == _ureg().parse_expression("hour").dimensionality:
        return expr
    return None


def _word_ok(w: _Lex, glued: bool, pos: str | None) -> bool:
    """Whether a single word may be read as a unit by pint at all."""
    if w.low in _PROSE_WORDS or (pos in _NOT_UNIT_POS and len(w.text) > 1):
        return False
    if len(w.text) == 1:
        return w.text in _GLUED_LETTERS and glued or w.text in _SPACED_LETTERS
    return True


def _chain(lex: list[_Lex], k: int) -> list[_Lex]:
    """The lexemes glued together from k that may spell one unit ("km", "/", "hr")."""
    out = [lex[k]]
    for j in range(k + 1, min(len(lex), k + _MAX_CHAIN)):
        t = lex[j]
        if not _glued(lex, j) or not (t.kind == "word" or t.text in _UNIT_JOINERS or t.text in ("2", "3")):
            break
        out.append(t)
    return out


def _spell(parts: list[_Lex]) -> str:
    """A glued run as pint reads it: joiners as operators, a trailing 2 or 3 as a power ("km2")."""
    s = ""
    for p in parts:
        if p.kind == "num":
            s += f"**{p.text}"
        else:
            s += _UNIT_JOINERS.get(p.text, p.text)
    return s


def _glued_unit(lex: list[_Lex], k: int, pos_at, allow_time: bool) -> tuple[str, int] | None:
    """The longest glued run from lexeme k that pint reads as a unit: (pint expression, next index)."""
    chain = _chain(lex, k)
    glued = _glued(lex, k)
    for n in range(len(chain), 0, -1):
        parts = chain[:n]
        if parts[-1].kind != "word" and parts[-1].text not in ("2", "3", "."):
            continue
        if parts[-1].text == "." and sum(p.text == "." for p in parts) < 2:
            continue  # "118,000t." ends a sentence; "m.p.h." is an abbreviation
        if n == 1 and not _word_ok(parts[0], glued, pos_at(parts[0].start)):
            continue
        letters = "".join(p.text for p in parts if p.text != ".")
        if (
            n > 1
            and all(p.kind == "word" or p.text == "." for p in parts)
            and letters.lower() in _PROSE_WORDS
        ):
            continue  # "a.m.", "p.m.": an abbreviation that spells a prose word
        for expr in {_spell(parts), _spell(parts).replace("*", "")} if n > 1 else {parts[0].text}:
            if expr and (got := _parse(expr.strip("*/"), allow_time)):
                return got, k + n
    return None


def _generic_unit(lex: list[_Lex], k: int, pos_at, allow_time: bool = False) -> tuple[str, int] | None:
    """A unit pint knows at lexeme k: a glued run ("km/hr"), or "square"/"cubic" before one; (expr, next
    index)."""
    if k >= len(lex) or lex[k].kind != "word":
        return None
    power = 2 if lex[k].low in _SQUARE else 3 if lex[k].low in _CUBIC else None
    if power is not None and k + 1 < len(lex):
        inner = _glued_unit(lex, k + 1, pos_at, False)
        if inner is not None and (got := _parse(f"({inner[0]})**{power}")):
            return got, inner[1]
        return None
    return _glued_unit(lex, k, pos_at, allow_time)


def _names_a_unit(word: str) -> bool:
    """Whether a noun names a unit of measure ("degrees", "knots"): a number before it measures, not counts."""
    if len(word) < _MIN_UNIT_NAME or word.lower() in _PROSE_WORDS:
        return False
    if word.lower() in _BARE_MEASURES:
        return True
    try:
        parsed = _ureg().parse_expression(word)
    except Exception:  # pint raises its own error types for what is not a unit
        return False
    # A dimensionless "unit" ("unit", "count", "bit", "cycle") is a thing counted in prose.
    return hasattr(parsed, "units") and not parsed.dimensionless
