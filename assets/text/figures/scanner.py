"""Figure candidates in a body, left to right: a signed number with its currency, scale, range, unit and rate."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from assets.text import lexicon
from assets.text.figures.candidate import _Cand
from assets.text.figures.counts import _COLLECTIVE_NOUNS
from assets.text.figures.currencies import (
    _CUR_HINTS,
    _CUR_PREFIX_WORDS,
    _CUR_SYMBOLS,
    _GLUED_ONLY_PREFIXES,
    _ISO_CODES,
    _hinted_code,
)
from assets.text.figures.lexer import HYPHENS, _glued, _lex, _match_table, _phrases, _sing
from assets.text.figures.numbers import _fold_word, _number, _scale
from assets.text.figures.pintunits import _PROSE_WORDS, _generic_unit
from assets.text.figures.units import _PINT_UNITS, _apply_unit, _pint_setter, _unit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_RATES: dict[tuple[str, ...], str] = _phrases("figures", "rates")
_CHANGE_VERBS = lexicon.words("figures", "change_up") | lexicon.words("figures", "change_down")
_PRICE_PER = lexicon.words("figures", "price_per")
_RATE_DATE_FOLLOWERS = lexicon.words("figures", "rate_date_followers")
# Written minus signs before a glued number: hyphen-minus, U+2212 minus, en dash ("-3.5%", "−5C").
_MINUS_SIGNS = ("-", "−", "–")
# What joins the two numbers of a compact range ("3-4", "3–4", "3—4", "3 to 4"); "and" only after "between".
_RANGE_JOINERS = ("-", "–", "—", "to")
# Symbols glued before a number that make it part of a code, date, time or version ("9/11", "10:30", "#5").
_CODE_JOINERS = "/:.#№'’_@&+=^"
# Symbols glued after a number (and followed by another) that make it a date, time, decimal or list ("12/05").
_NUMBER_JOINERS = (":", "/", ".", ",", "-", "‑")
# Dashes between a word or number and a glued number ("COVID-19", "F-16").
_CODE_DASHES = ("-", "–", "‑")
# A QUANTITY entity's unit is at most this many words ("20 cubic feet", "3 fluid ounces"), and longer than two
# letters: pint reads short words as units too ("in", "at").
_MAX_QUANTITY_UNIT_WORDS = 3
_MIN_PINT_NAME = 3


class _Range(NamedTuple):
    """The second number of a compact range, or where a "from … to" start borrows its unit."""

    high: float | None  # the upper bound, scaled
    borrowed_at: int | None  # "from 3 to 4 percent": the lexeme index of the unit the start borrows
    factor: float  # the scale both bounds share
    k: int  # the lexeme index after the figure


class _Scanner:
    """Finds figure candidates in a body, left to right."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.body = doc.text
        self.lex = _lex(self.body)
        self.money_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "MONEY"]

    # -- what spaCy says about a place in the body

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def pos_at(self, char: int) -> str | None:
        t = self.token_at(char)
        return t.pos_ if t is not None else None

    def next_plural(self, k: int) -> bool:
        """Whether the word after lexeme k is a plural noun (so a glued "m" there means million)."""
        if k + 1 >= len(self.lex) or self.lex[k + 1].kind != "word":
            return False
        t = self.token_at(self.lex[k + 1].start)
        plural = t is not None and (t.tag_ in ("NNS", "NNPS") or t.lower_ in _COLLECTIVE_NOUNS)
        return plural and t.pos_ in ("NOUN", "PROPN")

    def changes(self, char: int) -> bool:
        """Whether the figure at `char` hangs from a verb of change ("rose from 3 to 4 percent"): its bounds
        are
        a start and an end, not a range."""
        t = self.token_at(char)
        for a in [t, *t.ancestors] if t is not None else []:
            if a.pos_ == "VERB":
                return a.lemma_.lower() in _CHANGE_VERBS
        return False

    def in_money_ent(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.money_ents)

    def hint(self, word: str, default: str, char: int) -> str:
        """A shared currency name read from a country named in the same sentence ("pesos" in Argentina -> ARS)."""
        if not _CUR_HINTS.get(word):
            return default
        t = self.token_at(char)
        return _hinted_code(word, default, t.sent.text.lower() if t is not None else "")

    # -- the scan

    def scan(self) -> list[_Cand]:
        out: list[_Cand] = []
        i = 0
        while i < len(self.lex):
            cand = self.parse(i)
            if cand is not None:
                out.append(cand)
                i = cand.lex_end
            else:
                i += 1
        out = self._join_ranges(out)
        # spaCy's QUANTITY entities name units the table lacks ("20 micrograms"); pint decides if the words are a unit.
        for ent in self.doc.ents:
            if ent.label_ != "QUANTITY":
                continue
            overlapping = [c for c in out if c.start < ent.end_char and ent.start_char < c.end]
            if all(c.unit is None for c in overlapping):
                cand = self._from_quantity_ent(ent)
                if cand is not None:
                    out = [c for c in out if c not in overlapping] + [cand]
        return sorted(out, key=lambda c: c.start)

    def _join_ranges(self, cands: list[_Cand]) -> list[_Cand]:
        """Two complete figures of one unit joined by "to", a dash or "between … and" are one range
        ("$250,000 to
        $1 million", "between 5% and 6%"), unless a verb of change makes them a start and an end."""
        out: list[_Cand] = []
        for cand in cands:
            prev = out[-1] if out else None
            if prev is not None and self._joins(prev, cand):
                prev.set_range(prev.raw_value, cand.raw_value)
                prev.end, prev.lex_end = cand.end, cand.lex_end
                continue
            out.append(cand)
        return out

    def _joins(self, a: _Cand, b: _Cand) -> bool:
        lex = self.lex
        k = a.lex_end
        if (
            a.unit is None
            or (a.unit, a.raw_unit) != (b.unit, b.raw_unit)
            or a.low is not None
            or b.low is not None
        ):
            return False
        if k + 1 >= len(lex) or lex[k + 1].start != b.start:
            return False
        first = next(j for j, t in enumerate(lex) if t.start >= a.start)
        before = lex[first - 1].low if first > 0 else ""
        conn = lex[k].low
        if not (conn in _RANGE_JOINERS or conn == "and" and before == "between"):
            return False
        if conn == "to" and self.changes(a.start):
            return False
        return a.conv(a.raw_value) < b.conv(b.raw_value) and a.flags == b.flags

    def _from_quantity_ent(self, ent: Span) -> _Cand | None:
        """A figure from a QUANTITY entity whose unit words pint knows."""
        lex = self.lex
        idx = [k for k, t in enumerate(lex) if ent.start_char <= t.start and t.end <= ent.end_char]
        for j in idx:
            num = _number(lex, j)
            if num is None or (not num[2] and self._bad_left(j)):
                continue
            value, k, _ = num
            factor, k, _ = _scale(lex, k, False, self.next_plural)
            if k < len(lex) and lex[k].text in HYPHENS and _glued(lex, k):
                k += 1
            words = []
            while (
                k < len(lex)
                and lex[k].kind == "word"
                and lex[k].end <= ent.end_char
                and len(words) < _MAX_QUANTITY_UNIT_WORDS
            ):
                words.append(lex[k])
                k += 1
            return self._pint_quantity(j, value * factor, factor != 1, words)
        return None

    def _pint_quantity(self, j: int, raw: float, scaled: bool, words: list) -> _Cand | None:
        """The figure at lexeme j whose unit is the longest run of `words` pint knows ("2 pints")."""
        for n_words in range(len(words), 0, -1):
            name = "_".join(_sing(w.text) for w in words[:n_words])
            if len(name) < _MIN_PINT_NAME or any(w.low in _PROSE_WORDS for w in words[:n_words]):
                continue  # "four quarters" is a time, not a quarter-hundredweight
            try:
                setter = _pint_setter(name, self.body[words[0].start : words[n_words - 1].end])
            except Exception:  # pint raises its own error types for names it does not know
                continue
            if setter[0] is None:
                continue
            end_k = self.lex.index(words[n_words - 1]) + 1
            cand = _Cand(
                self.lex[j].start, words[n_words - 1].end, raw, None, raw, None, end_k, scaled=scaled
            )
            cand.set(*setter)
            return cand
        return None

    # -- what may not touch a number

    def _bad_left(self, j: int) -> bool:
        """Numbers glued to letters or inside codes, dates, times and versions ("COVID-19", "F-16", "9/11", "10:30")."""
        lex = self.lex
        if not _glued(lex, j):
            return False
        prev = lex[j - 1]
        if prev.kind in ("word", "num"):
            return True
        if prev.text in _CODE_DASHES and j >= 2 and _glued(lex, j - 1) and lex[j - 2].kind in ("word", "num"):
            return True
        return prev.text in _CODE_JOINERS

    def _bad_right(self, k: int) -> bool:
        """A number that goes on as a date, a time, a fraction or a code ("12/05", "10:30", "4x4")."""
        lex = self.lex
        if k < len(lex) and _glued(lex, k) and lex[k].text in _NUMBER_JOINERS and k + 1 < len(lex):
            return _glued(lex, k + 1) and lex[k + 1].kind == "num" and lex[k].text not in HYPHENS
        return False

    # -- one figure

    def _sign(self, i: int) -> tuple[float, int] | None:
        """A written minus ("-3.5%", "minus 5") and the index after it; None for a hyphen after a word ("COVID-19")."""
        lex, n = self.lex, len(self.lex)
        t = lex[i]
        if t.low == "minus" and i + 1 < n and lex[i + 1].kind == "num":
            return -1.0, i + 1
        if t.low == "minus" and i + 2 < n and lex[i + 1].text in HYPHENS and lex[i + 2].kind == "num":
            return -1.0, i + 2  # "minus-130 degrees"
        if t.text in _MINUS_SIGNS and i + 1 < n and lex[i + 1].kind == "num" and _glued(lex, i + 1):
            if not (i == 0 or t.spaced or lex[i - 1].text in "(["):
                return None  # a hyphen after a word or a number is not a minus ("COVID-19", "3-4")
            return -1.0, i + 1
        return 1.0, i

    def _prefix(self, j: int) -> tuple[str | None, str | None, int]:
        """A currency written before the number ("$", "HK$", "Rs", "EUR"): code, raw text, index of the number."""
        lex, n = self.lex, len(self.lex)
        t = lex[j]
        if t.kind == "cur":
            code = self.hint("¥", "JPY", t.start) if t.text == "¥" else _CUR_SYMBOLS[t.text]
            if j + 1 < n and lex[j + 1].kind == "num" and lex[j + 1].start - t.end <= 1:
                return code, t.text, j + 1
        spaced = t.text + "$"  # "HK $1.2 billion": a prefix of two letters or more, spaced from its sign
        if (
            t.kind == "word"
            and len(t.text) > 1
            and spaced in _CUR_SYMBOLS
            and j + 2 < n
            and lex[j + 1].text == "$"
            and lex[j + 1].start - t.end <= 1
            and lex[j + 2].kind == "num"
            and _glued(lex, j + 2)
        ):
            return _CUR_SYMBOLS[spaced], self.body[t.start : lex[j + 1].end], j + 2
        if t.kind == "word" and (t.text in _CUR_PREFIX_WORDS or t.text in _ISO_CODES):
            k = j + 1
            if k < n and lex[k].text == "." and _glued(lex, k):
                k += 1
            gap = 0 if t.text in _GLUED_ONLY_PREFIXES else 1
            if k < n and lex[k].kind == "num" and lex[k].start - lex[k - 1].end <= gap:
                return _CUR_PREFIX_WORDS.get(t.text, t.text), self.body[t.start : lex[k - 1].end], k
        return None, None, j

    def parse(self, i: int) -> _Cand | None:
        """The figure starting at lexeme i, or None."""
        lex = self.lex
        signed = self._sign(i)
        if signed is None:
            return None
        sign, j = signed
        cur, cur_raw, j = self._prefix(j)
        if cur is None and sign > 0 and lex[j].kind == "word":
            fold = _fold_word(lex[j].text)  # "threefold"
            if fold is not None:
                return _Cand(
                    lex[j].start, lex[j].end, fold, "times", fold, lex[j].text, j + 1, word_number=True
                )
        num = _number(lex, j)
        if num is None:
            return None
        value, k, in_words = num
        if (in_words and sign < 0) or (not in_words and cur is None and sign > 0 and self._bad_left(j)):
            return None
        if self._bad_right(k):
            return None
        factor, k, _ = _scale(lex, k, cur is not None, self.next_plural)
        if in_words and value == 1 and factor == 1 and lex[j].low in ("a", "an"):
            return None
        rng = self._range(i, k, value, factor, cur, in_words)
        raw = sign * value * rng.factor
        cand = _Cand(
            lex[i].start,
            lex[rng.k - 1].end,
            raw,
            None,
            raw,
            None,
            rng.k,
            scaled=rng.factor != 1,
            word_number=in_words,
        )
        return self._finish(cand, rng, cur, cur_raw, lo_end=k)

    def _range(self, i: int, k: int, value: float, factor: float, cur: str | None, in_words: bool) -> _Range:
        """A compact range after the first number: "3-4 percent", "$3-4 billion", "between 3 and 4", "10 to 15 km"."""
        lex, n = self.lex, len(self.lex)
        conn = lex[k].low if k < n else ""
        before = lex[i - 1].low if i > 0 else ""
        # "$3 billion to $4 billion" is two complete amounts, not a compact range.
        complete = cur is not None and factor != 1
        if complete or not (conn in _RANGE_JOINERS or (conn == "and" and before == "between")):
            return _Range(None, None, factor, k)
        k2 = k + 1
        if k2 < n and lex[k2].kind == "cur" and cur is not None:
            k2 += 1
        num2 = _number(lex, k2)
        if num2 is None or (conn != "to" and num2[2] != in_words):
            return _Range(None, None, factor, k)
        v2, k3, _ = num2
        f2, k3, _ = _scale(lex, k3, cur is not None, self.next_plural)
        if self._bad_right(k3) or (_unit(lex, k3, self.body, self.pos_at) is None and cur is None):
            return _Range(None, None, factor, k)
        if before == "from" and conn == "to" and self.changes(lex[i].start):
            # "rose from 3 to 4 percent": a start and an end; the start borrows the unit
            return _Range(None, k3, factor, k)
        if v2 * f2 > value * (factor if factor != 1 else f2):
            factor = factor if factor != 1 else f2
            return _Range(v2 * f2, None, factor, k3)
        return _Range(None, None, factor, k)

    def _finish(
        self, cand: _Cand, rng: _Range, cur: str | None, cur_raw: str | None, lo_end: int
    ) -> _Cand | None:
        """The candidate with its unit, range flags and rate applied; None when what follows says it is no figure."""
        lex, n = self.lex, len(self.lex)
        u = _unit(lex, rng.borrowed_at if rng.borrowed_at is not None else rng.k, self.body, self.pos_at)
        end = _apply_unit(self, u, cand, cur, rng.factor) if u is not None else None
        if cand.unit is None and cur is not None:
            cand.unit, cand.raw_unit = cur, cur_raw
        if rng.high is not None:
            cand.set_range(cand.raw_value, rng.high)
        if rng.borrowed_at is not None:
            if cand.unit in (None, "count"):
                return None
            cand.end, cand.lex_end = lex[lo_end - 1].end, lo_end
            return cand
        if end is not None:
            cand.end, cand.lex_end = lex[end - 1].end, end
        if cand.lex_end < n and _glued(lex, cand.lex_end) and lex[cand.lex_end].kind in ("word", "num"):
            return None  # an unknown suffix: "1990s", "5G", "4th", "3D"
        self._add_rate(cand)
        return cand

    def _add_rate(self, cand: _Cand) -> None:
        """Flags a rate after the figure: "a year" -> "per_year", "$90 a barrel" -> "per_barrel",
        "$21.25 per square foot" -> "per_square_foot"."""
        lex, n, k = self.lex, len(self.lex), cand.lex_end
        if cand.unit is None or k + 1 >= n:
            return
        m = _match_table(lex, k, _RATES)
        if m:
            if not (k + 2 < n and lex[k + 2].low in _RATE_DATE_FOLLOWERS):  # "45% a year ago" is a date
                cand.flags.append(_RATES[m[0]])
            return
        if lex[k].low not in _PRICE_PER:
            return
        unit = _match_table(lex, k + 1, _PINT_UNITS) or _generic_unit(lex, k + 1, self.pos_at)
        if unit is not None:  # "per square foot", "a tonne"
            words = [_sing(t.text) for t in lex[k + 1 : unit[1]] if t.kind == "word"]
            cand.flags.append("per_" + "_".join(words))
            return
        # "$90 a barrel", "$2,400 an ounce", "£6 per car": a price per some thing.
        tok = self.token_at(lex[k + 1].start)
        if tok is not None and tok.pos_ == "NOUN" and tok.tag_ == "NN":
            cand.flags.append(f"per_{tok.lower_}")
