"""The interval a figure asserts and the kind of quantity it is.

A point value stands for every value that rounds to it as written: +/- half a unit of its last significant
digit ("$238.6 billion" is 238.55-238.65 bn; "$240 billion" is 239.5-240.5 bn, the numeral before a scale
word counting every digit; "4,300 km" is 4,250-4,350, since trailing zeros of a whole number of 1,000 or
more without a scale word are not significant). A hedge ("about", "nearly") widens it to at least +/- 5 %;
"more than" and "up to" leave one side open (None). A range asserts its bounds.
"""

from __future__ import annotations

import re

from assets.text import lexicon
from assets.text.figures.candidate import _Cand, _round

_QUANTITIES: dict[str, str] = lexicon.mapping("units", "quantities")
_SCALES: dict[str, float] = lexicon.mapping("numbers", "scales")
_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"[^\W\d_]+")
_ISO_CODE = re.compile(r"[A-Z]{3}")
# How far a hedge widens a figure: "about $240 billion" is at least 228-252 bn.
_HEDGE_SHARE = 0.05
# From this value a whole number's trailing zeros are read as rounding ("4,300"), below it as digits ("120").
_ROUNDED_FROM = 1000


def _quantity(unit: str | None, flags: list[str]) -> str | None:
    """money, share, count, length, …, rate, duration, age (see lexicon/units.toml [quantities])."""
    for kind in ("age", "duration"):
        if kind in flags:
            return kind
    if any(f.startswith("per_") for f in flags):
        return "rate"
    if unit in _QUANTITIES:
        return _QUANTITIES[unit]
    return "money" if unit and _ISO_CODE.fullmatch(unit) else None


def _half_step(cand: _Cand, text: str) -> float:
    """Half a unit of the figure's last significant digit, in its raw (written, scaled) units."""
    m = _NUMERAL.search(text)
    if m is None:  # in words: "three million" is +/- half a million, "twenty-eight" +/- 0.5
        scales = [_SCALES[w.lower()] for w in _WORD.findall(text) if w.lower() in _SCALES]
        return 0.5 * (scales[-1] if cand.scaled and scales else 1.0)
    digits = m.group().replace(",", "")
    numeral = float(digits)
    factor = abs(cand.raw_value) / numeral if numeral else 1.0  # the scale word's factor ("1.2bn")
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    elif not cand.scaled and numeral >= _ROUNDED_FROM:
        step = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    else:
        step = 1.0
    return 0.5 * step * factor


def _interval(cand: _Cand, text: str, flags: list[str]) -> tuple[float | None, float | None]:
    """(value_low, value_high) in the figure's unit."""
    if cand.low is not None:
        low, high = sorted(cand.bounds())
    else:
        half = _half_step(cand, text)
        low, high = sorted((cand.conv(cand.raw_value - half), cand.conv(cand.raw_value + half)))
        if "approx" in flags:
            spread = abs(cand.value) * _HEDGE_SHARE
            low, high = min(low, cand.value - spread), max(high, cand.value + spread)
    if "lower_bound" in flags:
        return _round(cand.value if cand.low is None else low), None
    if "upper_bound" in flags:
        return None, _round(cand.value if cand.low is None else high)
    return _round(low), _round(high)
