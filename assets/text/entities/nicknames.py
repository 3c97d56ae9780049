"""Other first names a text gives a person: "John Milo Ford … Everyone called him Mike", "Robert "Bobby" Kent"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assets.text.entities.clues import nickname_of, two_sentences_before
from assets.text.entities.names import name_tokens
from assets.text.entities.spans import _Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc

# First name, a quoted one-word nickname, surname: 'Robert "Bobby" Kent', "Ronald 'Ron' Greaves".
_QUOTED = re.compile(r"(?<![\w.])([A-Z][\w.-]+)\s+[\"'“‘]([A-Z][\w-]+)[\"'”’]\s+([A-Z][\w'’-]+)")


def _quoted_nicknames(body: str, raws: list[_Raw]) -> list[_Raw]:
    """'Robert "Bobby" Kent' is one person mention (the model often tags 'Robert' and 'Kent' apart) when the
    model tagged a person in it; its text keeps the nickname, which _apply_nicknames reads back."""
    out = list(raws)
    for m in _QUOTED.finditer(body):
        inside = [r for r in out if r.start < m.end() and r.end > m.start()]
        if not any(r.label == "PERSON" for r in inside) or any(r.fixed for r in inside):
            continue
        out = [r for r in out if r not in inside]
        r = _Raw(m.start(), m.end(), m.group(), "PERSON")
        r.fixed = True  # no trimming at the quotes, no relabelling
        out.append(r)
    out.sort(key=lambda r: r.start)
    return out


def _apply_nicknames(doc: Doc, persons: list[_Raw]) -> None:
    """A first name the text gives a person ("John Milo Ford … Everyone called him Mike", 'Robert "Bobby" Kent')
    names that person, alone or before the surname ("a Mike Ford novel"); not when another person here has it as
    a first name."""
    found: list[tuple[str, _Raw]] = []  # (nickname, the person's mention)
    for r in persons:
        m = _QUOTED.fullmatch(r.text)
        if m is not None:
            r.canonical = f"{m.group(1)} {m.group(3)}"
            found.append((m.group(2).lower(), r))
    for tok in doc:
        anchor = nickname_of(tok)
        person = _person_at(doc, persons, anchor) if anchor is not None else None
        if person is not None:
            found.append((tok.lower_, person))
    names = [toks for toks in (name_tokens(r.canonical) for r in persons) if len(toks) >= 2]
    for nick, person in found:
        full = name_tokens(person.canonical)
        if not full or nick == full[0] or any(n[0] == nick and n[-1] != full[-1] for n in names):
            continue
        for r in persons:
            toks = name_tokens(r.canonical)
            if toks and toks[0] == nick and (len(toks) == 1 or toks[1:] == full[-1:]):
                r.canonical = person.canonical


def _person_at(doc: Doc, persons: list[_Raw], anchor) -> _Raw | None:
    """The person a nickname clue points at: the name it is, or for a pronoun the last full name in the two
    sentences before (none named earlier in its own sentence, which could be the one meant)."""
    if anchor.pos_ != "PRON":
        return next((r for r in persons if r.start <= anchor.idx < r.end), None)
    sent = anchor.sent
    if any(sent.start_char <= r.start < anchor.idx for r in persons):
        return None
    first = two_sentences_before(sent)
    before = [
        r
        for r in persons
        if doc[first].idx <= r.start < sent.start_char and len(name_tokens(r.canonical)) >= 2
    ]
    return before[-1] if before else None
