"""Quotation marks in a body: paragraphs, quote spans with their marks, and chains over paragraphs."""

from __future__ import annotations

import re

from assets.text.quotes.model import _Quote
from assets.text.quotes.words import ELISION

# A quotation this short left open at a paragraph's end is a stray mark or a scare quote, not a run-on quote.
SCARE_MAX_WORDS = 4

# The marks the scanner knows. Straight marks (" and ') open or close by context; curly ones by shape.
_DOUBLE_MARKS = '“”"„«»'
_DOUBLE_OPENERS = "“„«"
_DOUBLE_CLOSERS = "”»"
_SINGLE_MARKS = "‘’'"
_SINGLE_OPENERS = "‘'"
_SINGLE_CLOSERS = "’'"
# Characters after which a mark opens a quotation: nothing, a space, a bracket, a dash, a slash, another
# opening mark or a colon.
_OPENING_CONTEXT = "([{—–-/“‘\"'«„:"
# Characters that may follow an opening single mark besides a letter or digit.
_AFTER_SINGLE_OPENER = '“"….'
# A paragraph opening with one of these continues a quotation left open at the end of the one before.
_CONTINUING_MARKS = '“"„«'


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """Lines with text, as (start, end) offsets trimmed of spaces."""
    spans = []
    for m in re.finditer(r"[^\n]+", body):
        s, e = m.start(), m.end()
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _word_count(text: str) -> int:
    """Words with a letter or digit."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _is_open_context(ch: str | None) -> bool:
    """A mark after this character (None: the paragraph's start) may open a quotation."""
    return ch is None or ch.isspace() or ch in _OPENING_CONTEXT


def _single_role(body: str, i: int, ps: int, pe: int) -> str | None:
    """'open', 'close' or None (apostrophe) for a single quote mark at i."""
    ch = body[i]
    prev = body[i - 1] if i > ps else None
    nxt = body[i + 1] if i + 1 < pe else None
    if (
        ch in _SINGLE_OPENERS
        and _is_open_context(prev)
        and nxt is not None
        and (nxt.isalnum() or nxt in _AFTER_SINGLE_OPENER)
    ):
        if ELISION.match(body, i + 1):
            return None  # ’90s, ’em
        return "open"
    if (
        ch in _SINGLE_CLOSERS
        and prev is not None
        and not prev.isspace()
        and (nxt is None or not nxt.isalnum())
    ):
        return "close"
    return None


def _double_role(body: str, i: int, ps: int, pe: int, inside: bool) -> str | None:
    """'open', 'close' or None (a stray mark) for a double quote mark at i."""
    ch = body[i]
    if ch in _DOUBLE_OPENERS:
        return "open"
    if ch in _DOUBLE_CLOSERS:
        return "close"
    if inside:
        return "close"  # straight marks alternate
    prev = body[i - 1] if i > ps else None
    nxt = body[i + 1] if i + 1 < pe else None
    if _is_open_context(prev) and nxt is not None and not nxt.isspace():
        return "open"
    return None  # a stray closing mark


def _closes_single(body: str, i: int, pe: int) -> bool:
    """Whether a ’ closes a single-quoted quotation: after 's' and before a lower-case word it is more likely
    a plural possessive, unless no later mark closes."""
    if body[i - 1] not in "sS":
        return True
    m = re.match(r"\s+([a-z])", body[i + 1 : pe])
    if not m:
        return True
    return not any(
        _single_role(body, j, 0, pe) == "close" for j in range(i + 1, pe) if body[j] in _SINGLE_CLOSERS
    )


def _scan_paragraph(body: str, pi: int, ps: int, pe: int) -> tuple[list[_Quote], int | None]:
    """Quotations closed inside one paragraph, and the offset of a double quote left open at its end."""
    ignore: set[int] = set()
    while True:
        quotes: list[_Quote] = []
        open_at: int | None = None
        single = False
        for i in range(ps, pe):
            ch = body[i]
            if i in ignore:
                continue
            if ch in _DOUBLE_MARKS:
                if open_at is not None and single:
                    continue  # nested double marks inside a single-quoted quotation
                role = _double_role(body, i, ps, pe, open_at is not None)
                if role == "open" and open_at is None:
                    open_at, single = i, False
                elif role == "open" and open_at is not None:
                    open_at = i  # an earlier mark never closed: restart at the newer opening
                elif role == "close" and open_at is not None:
                    quotes.append(_Quote(open_at + 1, i, open_at, i, pi, False))
                    open_at = None
            elif ch in _SINGLE_MARKS:
                role = _single_role(body, i, ps, pe)
                if open_at is None and role == "open":
                    open_at, single = i, True
                elif open_at is not None and single and role == "close" and _closes_single(body, i, pe):
                    quotes.append(_Quote(open_at + 1, i, open_at, i, pi, True))
                    open_at = None
        if open_at is not None and single:
            ignore.add(open_at)  # an unmatched single mark is an apostrophe: rescan without it
            continue
        return quotes, open_at


def _run_on_quote(body: str, paras: list[tuple[int, int]], pi: int, open_at: int) -> _Quote | None:
    """A double quote left open at a paragraph's end: continued in the next paragraph, or unclosed if long."""
    pe = paras[pi][1]
    nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
    continues = nxt is not None and body[nxt] in _CONTINUING_MARKS
    if not continues and len(body[open_at:pe].split()) <= SCARE_MAX_WORDS:
        return None
    q = _Quote(open_at + 1, pe, open_at, None, pi, False, continued=continues)
    if not continues:
        q.flags.append("unclosed")  # no closing mark anywhere: kept to the paragraph's end
    return q


def _trim(body: str, q: _Quote) -> bool:
    """Narrow a quotation to its words (no edge spaces, no trailing comma); False when it has none."""
    s, e = q.start, q.end
    while s < e and body[s].isspace():
        s += 1
    while e > s and (body[e - 1].isspace() or body[e - 1] == ","):
        e -= 1
    if s < e and any(c.isalnum() for c in body[s:e]):
        q.start, q.end = s, e
        return True
    return False


def _chain(quotes: list[_Quote], paras: list[tuple[int, int]]) -> None:
    """Number the chains: a quotation continued over several paragraphs shares one chain."""
    chain = 0
    for k, q in enumerate(quotes):
        prev = quotes[k - 1] if k else None
        if prev is not None and prev.continued and prev.para == q.para - 1 and q.open_at == paras[q.para][0]:
            q.chain = prev.chain
        else:
            chain += 1
            q.chain = chain


def _scan_quotes(body: str) -> list[_Quote]:
    """Every quotation of a body in document order, trimmed and chained."""
    paras = _paragraphs(body)
    quotes: list[_Quote] = []
    for pi, (ps, pe) in enumerate(paras):
        found, open_at = _scan_paragraph(body, pi, ps, pe)
        quotes.extend(found)
        if open_at is not None:
            run_on = _run_on_quote(body, paras, pi, open_at)
            if run_on is not None:
                quotes.append(run_on)
    out = [q for q in quotes if _trim(body, q)]
    _chain(out, paras)
    return out
