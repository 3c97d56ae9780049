"""The model's entity spans of the kept labels, trimmed to their names: the mentions every step refines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text.entities.names import trim_span
from assets.text.records import LABEL_PRIORITY, MENTION_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc


__all__ = ["LABEL_PRIORITY", "MENTION_LABELS"]


class _Raw:
    """A mention being resolved: its span, label and canonical name change step by step."""

    __slots__ = ("start", "end", "text", "label", "canonical", "partial", "fixed", "first_label", "evidence")

    def __init__(self, start: int, end: int, text: str, label: str):
        self.start, self.end, self.text, self.label = start, end, text, label
        self.first_label = label  # the model's (or the finding rule's) label, before any rule read the text
        self.evidence = False  # a rule found the text showing the label the model gave (a place after "in")
        self.canonical = text
        self.partial = False
        self.fixed = False  # canonical and label come from the alias table or an acronym


def _raw_mentions(doc: Doc) -> list[_Raw]:
    """The model's entities of the kept labels, trimmed; spans with no capital letter left are dropped."""
    body = doc.text
    out: list[_Raw] = []
    for ent in doc.ents:
        if ent.label_ not in MENTION_LABELS:
            continue
        start, end = trim_span(body, ent.start_char, ent.end_char, ent.label_)
        text = body[start:end]
        if not any(c.isupper() for c in text):
            continue  # no letter, or no capital: "nonstick spray" is no name (English capitalises names)
        out.append(_Raw(start, end, text, ent.label_))
    return out


def _covered_chars(raws: list[_Raw]) -> set[int]:
    """Character offsets inside some mention."""
    return {i for r in raws for i in range(r.start, r.end)}
