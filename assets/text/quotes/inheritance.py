"""Speakers carried forward: leftover pronouns from earlier speakers, unattributed quotes inheriting one."""

from __future__ import annotations

import bisect

from assets.text.quotes.antecedents import INHERIT_PARAGRAPHS, _place_like, _surface
from assets.text.quotes.cues import _is_reporting
from assets.text.quotes.index import _Index
from assets.text.quotes.model import _Quote, _Reported, _Speaker
from assets.text.quotes.words import ORG_NOUNS, PRONOUNS_FEMALE, PRONOUNS_MALE
from assets.text.records import Mention

# The brief names the flag 'inherited'; the warehouse marts (sql/marts/quotes_by_speaker.sql) read
# 'inherited_speaker'.
INHERITED_FLAGS = ("inherited_speaker",)

# Labels of places: never the speaker a quotation without a cue inherits.
_PLACE_LABELS = ("GPE", "LOC", "FAC")

# A remembered speaker: (pos, para, surface, key, label); a recalled one: (pos, surface, key, label).
_Recalled = tuple[int, str, str | None, str | None]


def _compatible_speaker(
    idx: _Index, pronoun: str | None, key: str | None, label: str | None, surface: str
) -> bool:
    """The remembered speaker is one the pronoun can stand for (gender, person or organisation)."""
    words = surface.lower().split()
    surface_noun = words[-1] if words else ""
    if pronoun in PRONOUNS_MALE or pronoun in PRONOUNS_FEMALE:
        if label not in (None, "PERSON"):
            return False
        want = "m" if pronoun in PRONOUNS_MALE else "f"
        return key is None or idx.gender.get(key, want) == want
    if pronoun == "it":
        return label in ("ORG", "GPE") or (label is None and surface_noun in ORG_NOUNS)
    if pronoun in ("they", "them"):
        return label != "PERSON"
    return False


class _History:
    """The speakers named so far, in document order."""

    def __init__(self, idx: _Index):
        self.idx = idx
        self.entries: list[
            tuple[int, int, str, str | None, str | None]
        ] = []  # (pos, para, surface, key, label)

    def add(self, pos: int, para: int, surface: str, key: str | None, label: str | None) -> None:
        self.entries.append((pos, para, surface, key, label))

    def recall(self, para: int, pronoun: str | None) -> _Recalled | None:
        """The latest speaker within reach that the pronoun (if any) can stand for."""
        for hpos, hp, surface, key, label in reversed(self.entries):
            if para - hp > INHERIT_PARAGRAPHS:
                return None
            if pronoun is None and label in _PLACE_LABELS:
                continue  # a country may issue a statement, but a quotation with no cue is a person's words
            if pronoun is None or _compatible_speaker(self.idx, pronoun, key, label, surface):
                return hpos, surface, key, label
        return None

    def last_named_in(self, para: int) -> tuple[str, str, str] | None:
        """The latest named person or organisation of this paragraph, if no other paragraph came since."""
        for _hpos, hp, surface, key, label in reversed(self.entries):
            if hp != para:
                break
            if key is not None and label in ("PERSON", "ORG"):
                return surface, key, label
        return None


def _intro_person(idx: _Index, q: _Quote) -> Mention | None:
    """The person a narrative sentence just before an unattributed quotation is about ("Ward spent years")."""
    lo = idx.paras[q.para - 1][0] if q.para > 0 else idx.paras[q.para][0]
    k = bisect.bisect_left(idx.m_starts, q.open_at) - 1
    while k >= 0 and idx.mentions[k].start_char >= lo:
        m = idx.mentions[k]
        k -= 1
        t = idx.mention_token(m)
        if m.label != "PERSON" or t is None or idx.in_quote(t) or _place_like(idx, m):
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
            if not any(_is_reporting(x) and not idx.in_quote(x) for x in t.sent):
                return m
            return None
    return None


def _propagate(idx: _Index, reported: list[_Reported]) -> None:
    """Resolve leftover pronoun speakers and let unattributed quotations inherit, in document order."""
    chains: dict[int, list[_Quote]] = {}
    for q in idx.quotes:
        chains.setdefault(q.chain, []).append(q)
    # Items in document order: ("q", chain parts) or ("r", reported claim).
    items: list[tuple[int, str, object]] = [(parts[0].start, "q", parts) for parts in chains.values()]
    items += [(r.start, "r", r) for r in reported]
    items.sort(key=lambda it: (it[0], it[1]))
    history = _History(idx)
    for pos, kind, obj in items:
        para = idx.para_of(pos)
        if kind == "r":
            _propagate_reported(obj, history, pos, para)
        else:
            _propagate_chain(idx, obj, history, para)


def _propagate_reported(r: _Reported, history: _History, pos: int, para: int) -> None:
    """A reported claim's pronoun speaker from the history; a named one joins it."""
    if r.speaker is not None and r.speaker.surface is None and r.speaker.pronoun:
        hit = history.recall(para, r.speaker.pronoun)
        r.speaker = _Speaker(*hit[1:], ("pronoun_speaker",), mention=r.speaker.mention) if hit else None
    if r.speaker is not None and r.speaker.surface:
        history.add(pos, para, r.speaker.surface, r.speaker.key, r.speaker.label)


def _propagate_chain(idx: _Index, parts: list[_Quote], history: _History, para: int) -> None:
    """One speaker for every part of a quotation chain: its attributed part's, else an inherited one."""
    if all(p.scare or p.title for p in parts):
        return
    src = next((p for p in reversed(parts) if p.attributed), None)
    if src is not None:
        _complete_source(src, history, para)
        speaker, key, label, cue = src.speaker, src.speaker_key, src.speaker_label, src.cue
    else:
        if any(p.embedded for p in parts):
            return
        hit = _inherited_speaker(idx, parts[0], history, para)
        if hit is None:
            return
        _, speaker, key, label = hit
        cue = None
    for p in parts:
        if p is src or p.scare or p.title:
            continue
        p.speaker, p.speaker_key, p.speaker_label, p.cue = speaker, key, label, cue
        p.mention = None  # no words name the speaker at a continuing part
        p.attributed = p.attributed or src is not None
        if src is None:
            p.flags.extend(INHERITED_FLAGS)
        else:
            p.flags.extend(f for f in src.flags if f == "pronoun_speaker")
    if speaker:
        history.add(parts[-1].start, idx.para_of(parts[-1].start), speaker, key, label)


def _complete_source(src: _Quote, history: _History, para: int) -> None:
    """An attributed quotation still without a name: its pronoun, else the paragraph's last named speaker."""
    if src.speaker is None and src.pronoun:
        hit = history.recall(para, src.pronoun)
        if hit:
            src.speaker, src.speaker_key, src.speaker_label = hit[1:]
            src.flags.append("pronoun_speaker")
    if src.speaker is None and src.fallback:
        named = history.last_named_in(para)
        if named is not None:
            src.speaker, src.speaker_key, src.speaker_label = named


def _inherited_speaker(idx: _Index, first: _Quote, history: _History, para: int) -> _Recalled | None:
    """The speaker an unattributed quotation inherits: the latest speaker, or a person introduced since."""
    hit = history.recall(para, None)
    intro = _intro_person(idx, first)
    if intro is not None and (hit is None or intro.start_char > hit[0]):
        hit = (intro.start_char, _surface(intro), intro.entity_key, intro.label)
    return hit
