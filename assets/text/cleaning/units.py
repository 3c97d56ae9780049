"""Units of the raw text (lines, or hard-wrapped lines joined back) with their general features."""

from __future__ import annotations

import re
import unicodedata

from .patterns import CJK_PARTICLES, STOPWORDS

# Characters invisible in print (soft hyphen, zero-width spaces and joiners, direction marks, BOM): blank like
# whitespace, and dropped from kept text.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_DROP = {ord(c): None for c in INVISIBLE}
_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
WORD = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
END_SENTENCE = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
END_STRONG = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")


class Unit:
    """One line, or hard-wrapped lines joined back into one paragraph."""

    __slots__ = (
        "start",
        "end",
        "text",
        "block",
        "key",
        "words",
        "n",
        "stop",
        "sentence",
        "caps",
        "kind",
        "weight",
        "cls",
        "keep",
        "reason",
        "dup_of",
    )

    def __init__(self, start: int, end: int, text: str, block: int):
        self.start, self.end, self.text, self.block = start, end, text, block
        self.words = WORD.findall(text)
        cjk = len(_CJK.findall(text))
        # CJK text has no spaces: two characters count as one word
        self.n = len(self.words) + cjk // 2 if cjk else len(self.words)
        self.key = " ".join(w.lower() for w in self.words)
        low = [w.lower() for w in self.words]
        if cjk > len(text) // 3:
            self.stop = sum(c in CJK_PARTICLES for c in text) / max(1, cjk) * 3
        else:
            self.stop = sum(w in STOPWORDS for w in low) / len(low) if low else 0.0
        self.sentence = bool(END_SENTENCE.search(_strip_symbols(text)))
        alpha = [w for w in self.words if w[0].isalpha()]
        self.caps = sum(w[0].isupper() for w in alpha) / len(alpha) if alpha else 0.0
        self.kind: str | None = None  # boilerplate kind (a reason), set by kinds.kind_of
        self.weight = 0.0  # weight in the body run
        self.cls = "short"  # body-likeness: good, medium, content, short, bad, or title
        self.keep = False
        self.reason: str | None = None
        self.dup_of: int | None = None


def _strip_symbols(s: str) -> str:
    """Text without trailing emoji and other symbols (a sentence may end "… today! 🙂")."""
    end = len(s)
    while end > 0 and (unicodedata.category(s[end - 1])[0] == "S" or s[end - 1].isspace()):
        end -= 1
    return s[:end]


def norm(s: str) -> str:
    """Whitespace-normalised text without invisible characters."""
    return " ".join(s.translate(_DROP).split())


def is_space(c: str) -> bool:
    """Whitespace, or a character that is invisible in print (zero-width, soft hyphen, BOM)."""
    return c.isspace() or c in INVISIBLE


def strip_span(raw: str, s: int, e: int) -> tuple[int, int]:
    """The span without blank characters at either end."""
    while s < e and is_space(raw[s]):
        s += 1
    while e > s and is_space(raw[e - 1]):
        e -= 1
    return s, e


def _lines(raw: str) -> list[tuple[int, int] | None]:
    """Physical lines as stripped (start, end) spans; None for a blank line."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for m in [*_BREAK.finditer(raw), None]:
        s, e = strip_span(raw, pos, m.start() if m else len(raw))
        out.append((s, e) if s < e else None)
        if m is None:
            break
        pos = m.end()
    return out


def _continues(a: str, b: str) -> bool:
    """A hard-wrapped line: long, cut mid-sentence, and the next line goes on in lower case."""
    return 40 <= len(a) <= 110 and not END_SENTENCE.search(a) and b[:1].islower()


def units_of(raw: str) -> list[Unit]:
    """Units of the raw text, in order, with their block numbers (blocks are separated by blank lines)."""
    units: list[Unit] = []
    block, prev_blank = 0, True
    pending: list[tuple[int, int, str]] = []

    def flush() -> None:
        """Close the unit being collected."""
        if pending:
            units.append(Unit(pending[0][0], pending[-1][1], " ".join(p[2] for p in pending), block))
            pending.clear()

    for span in _lines(raw):
        if span is None:
            flush()
            if not prev_blank:
                block += 1
            prev_blank = True
            continue
        text = norm(raw[span[0] : span[1]])
        if not text:
            continue
        if pending and not _continues(pending[-1][2], text):
            flush()
        pending.append((span[0], span[1], text))
        prev_blank = False
    flush()
    return units


def key(text: str) -> str:
    """Key of a line for matching across documents: lower-case words, digits folded."""
    return re.sub(r"\d+", "0", " ".join(WORD.findall(text.lower())))
