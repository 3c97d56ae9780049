"""The raw text as lines with offsets, each placed above, inside or below the article body the cleaner kept."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assets.text.cleaning import Cleaned

# A kept line this long (in words) is article prose: the body runs from the first such line to the last.
BODY_WORDS = 12

_WORD = re.compile(r"\w[\w'’.-]*")
_COPYRIGHT = re.compile(r"©|\bcopyright\b|all rights reserved", re.I)


@dataclass(frozen=True)
class Line:
    """One non-blank line of the raw text."""

    index: int  # position among the non-blank lines
    start: int  # offsets of the stripped line in the raw text
    end: int
    text: str
    zone: str  # "header" (above the body), "body" or "footer" (below it)
    reason: str | None  # the cleaner's removal reason when it removed this line, else None (kept or title)

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


def lines_of(raw: str, cleaned: Cleaned | None) -> list[Line]:
    """Non-blank lines of `raw` with zone and removal reason.

    The body is the stretch between the first and the last line of prose (long, ending like a sentence) the
    cleaner kept; without a cleaner result (or when it kept no prose) it is between the first and last prose.
    """
    spans: list[tuple[int, int, str]] = []
    for m in re.finditer(r"[^\n]+", raw):
        s, e = m.start(), m.end()
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e, raw[s:e]))
    reasons = _reasons(spans, cleaned)
    prose = [i for i, (_, _, t) in enumerate(spans) if _prose(t)]
    long_kept = [i for i in prose if reasons[i] is None] or prose
    first, last = (long_kept[0], long_kept[-1]) if long_kept else (len(spans), len(spans))
    out = []
    for i, (s, e, t) in enumerate(spans):
        zone = "header" if i < first else "footer" if i > last else "body"
        out.append(Line(i, s, e, t, zone, reasons[i]))
    return out


def _prose(text: str) -> bool:
    """A line of running text: long, ending like a sentence, not a copyright notice."""
    return (
        len(_WORD.findall(text)) >= BODY_WORDS
        and text.rstrip()[-1:] in '.!?"”’)'
        and not _COPYRIGHT.search(text)
    )


def _reasons(spans: list[tuple[int, int, str]], cleaned: Cleaned | None) -> list[str | None]:
    """The cleaner's reason for each line it removed (the removal covering most of the line), else None."""
    out: list[str | None] = [None] * len(spans)
    if cleaned is None:
        return out
    removed = sorted(cleaned.removed, key=lambda r: r.start)
    j = 0
    for i, (s, e, _) in enumerate(spans):
        while j < len(removed) and removed[j].end <= s:
            j += 1
        best, cover = None, 0
        k = j
        while k < len(removed) and removed[k].start < e:
            overlap = min(e, removed[k].end) - max(s, removed[k].start)
            if overlap > cover:
                best, cover = removed[k].reason, overlap
            k += 1
        if best is not None and cover >= 0.5 * (e - s):
            out[i] = best
    return out


def neighbours(lines: list[Line], i: int) -> tuple[Line | None, Line | None]:
    """The lines just before and after line i."""
    return (lines[i - 1] if i > 0 else None, lines[i + 1] if i + 1 < len(lines) else None)
