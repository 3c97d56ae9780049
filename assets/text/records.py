"""Row types that the text functions return and the extract stage writes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from assets.text import lexicon

# Entity labels Dossier keeps from spaCy's OntoNotes scheme, in tie-break order (lexicon/entities.toml).
LABEL_PRIORITY: tuple[str, ...] = lexicon.ordered("entities", "mention_labels")
MENTION_LABELS = frozenset(LABEL_PRIORITY)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id that depends only on the given parts."""
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:length]


def entity_id_for(entity_key: str) -> str:
    """The entity id of a canonical entity key such as 'PERSON|vladimir putin'."""
    return "E" + stable_id(entity_key, length=15)


@dataclass(frozen=True)
class Sentence:
    sentence_idx: int
    start_char: int  # offsets into clean.documents.body
    end_char: int
    text: str  # == body[start_char:end_char]


@dataclass(frozen=True)
class Mention:
    sentence_idx: int
    start_char: int  # offsets into body; body[start_char:end_char] == text
    end_char: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, LAW, WORK_OF_ART
    canonical: str  # canonical name within the document, e.g. "Vladimir Putin" for "Mr. Putin"
    entity_key: str  # "LABEL|normalised canonical", e.g. "PERSON|vladimir putin"
    partial: bool = False  # a bare surname the document never expands (resolved across the corpus later)
    label_from_text: bool = False  # the text shows it: "the island of Skerra", "voters in Ravensfield" (GPE)


@dataclass(frozen=True)
class Claim:
    """A quote, a reported statement or a figure; offsets into the clean body."""

    sentence_idx: int
    start_char: int  # the claim's text: the quoted words, the content clause, the figure
    end_char: int
    kind: str  # quote | reported | figure
    text: str
    speaker: str | None = (
        None  # the speaker's name as the text gives it (resolved through pronouns and descriptions)
    )
    speaker_key: str | None = None  # entity_key of the speaker when it is an entity
    speaker_mention: str | None = (
        None  # the words that name the speaker at the claim ("he", "the ministry", "Putin")
    )
    cue: str | None = None  # reporting verb / cue ("said", "according to"); None for scare quotes
    value: float | None = None  # figure: normalised value (a range's midpoint)
    unit: str | None = None  # figure: normalised unit: USD/EUR/... percent km kg times count years ...
    raw_value: float | None = None  # figure: value as written (e.g. 2615 for "2,615-mile")
    raw_unit: str | None = None  # figure: unit as written (e.g. "mile")
    year: int | None = None  # figure: year the figure refers to, when the text says it
    measure: str | None = None  # figure: what it measures, from the syntax ("bilateral trade", "border")
    flags: tuple[str, ...] = field(
        default_factory=tuple
    )  # e.g. ("scare_quote",), ("pronoun_speaker",), ("range",)
    # Figures, for comparison across documents:
    value_low: float | None = (
        None  # the interval the figure asserts, in `unit`: a range's bounds, or the value
    )
    value_high: float | None = None  # +/- the precision it is written with, widened by hedges; None = open
    quantity: str | None = (
        None  # money, share, count, length, mass, volume, area, speed, energy, power, temperature,
    )
    # pressure, frequency, rate, ratio, index, duration, age, ... (what kind of quantity it is)
    period: str | None = (
        None  # "2023", "2023-Q1", "2023-04", "2023-04-05": when, relative periods anchored by the
    )
    # publication date
    measure_key: str | None = (
        None  # the measure's family ("trade", "gdp", "turnout"): equal keys measure the same
    )
    scope: tuple[str, ...] = field(
        default_factory=tuple
    )  # entity keys of what it is about ("GPE|china", ...)
