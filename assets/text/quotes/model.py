"""The working records of one document's analysis: quotations, speakers and reported clauses."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class _Quote:
    """A quotation: its span and marks, then what attribution finds."""

    start: int  # interior offsets (quote text without marks)
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the quote runs on into the next paragraph
    para: int
    single: bool
    chain: int = -1
    continued: bool = False  # the next paragraph continues this quotation
    speaker: str | None = None
    speaker_key: str | None = None
    speaker_label: str | None = None
    cue: str | None = None
    verb_i: int | None = None
    flags: list[str] = field(default_factory=list)
    scare: bool = False
    title: bool = False
    attributed: bool = False
    embedded: bool = False
    pronoun: str | None = None
    fallback: bool = False  # the verb's subject cannot speak: take the paragraph's last named speaker, if any
    mention: str | None = None  # the words naming the speaker at this quotation ("he", "the ministry")


@dataclass
class _Speaker:
    """A speaker as written, with its entity key and label when resolved."""

    surface: str | None
    key: str | None
    label: str | None
    flags: tuple[str, ...] = ()
    pronoun: str | None = None  # an unresolved pronoun speaker, resolved later from earlier speakers
    mention: str | None = None  # the words that named the speaker where it speaks ("she", "the daily")


@dataclass
class _Reported:
    """A content clause of reported speech with its cue and speaker."""

    start: int
    end: int
    cue: str
    speaker: _Speaker | None
    flags: list[str]
