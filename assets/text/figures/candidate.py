"""A figure candidate as the scanner reads it: offsets, raw and converted value, unit, flags."""

from __future__ import annotations

from dataclasses import dataclass, field

# Unit conversion leaves float noise ("4208.4300000000003"); 12 significant digits drop it and keep the figure.
_SIGNIFICANT_DIGITS = 12


@dataclass
class _Cand:
    start: int  # body offsets of the figure's text
    end: int
    value: float
    unit: str | None  # None: a bare number, a count candidate
    raw_value: float
    raw_unit: str | None
    lex_end: int  # index of the first lexeme after the figure
    scaled: bool = False  # a scale word was written ("1.2 million")
    word_number: bool = False  # written in words ("two")
    occurrences: bool = False  # "met 40 times": a count whose measure is the verb
    flags: list[str] = field(default_factory=list)
    conv: object = field(default=lambda x: x)  # raw value -> value in `unit`
    low: float | None = None  # a range's bounds as written (raw, scaled); the value is their midpoint
    high: float | None = None

    def set(self, unit: str, raw_unit: str | None, conv) -> None:
        self.unit, self.raw_unit, self.conv = unit, raw_unit, conv
        self.value = conv(self.raw_value)

    def set_range(self, low: float, high: float) -> None:
        """Makes the figure a range: raw value the midpoint of the written bounds, flagged "range"."""
        self.low, self.high = low, high
        self.raw_value = (low + high) / 2
        self.value = self.conv(self.raw_value)
        if "range" not in self.flags:
            self.flags.append("range")

    def bounds(self) -> tuple[float, float] | None:
        """A range's bounds in `unit`."""
        return None if self.low is None else (self.conv(self.low), self.conv(self.high))


def _round(x: float) -> float:
    """Drops float noise from unit conversion (12 significant digits)."""
    return float(f"{x:.{_SIGNIFICANT_DIGITS}g}")


def _fmt(x: float) -> str:
    return repr(_round(x))
