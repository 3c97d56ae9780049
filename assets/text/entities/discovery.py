"""Names the model missed or mislabelled: acronyms, names ending in a company word, names called firms."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.entities.capitals import _MAX_NAME_WORDS, _name_word
from assets.text.entities.names import _HONORIFICS, ORG_DESIGNATORS, TITLE_WORDS, normalise
from assets.text.entities.spans import _covered_chars, _Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc


ORG_DESCRIPTORS = lexicon.words("entities", "org_descriptors")

# "International Energy Agency (IEA)": a capitalised parenthetical of 2-12 letters, dots or ampersands.
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&]{1,11})\s*\)")
# "binge eating disorder (BED)" and "FIRE (financial independence, retire early)": an acronym defined by
# lower-case words, before it or inside the parentheses after it.
_WORDS_BEFORE_ACRONYM = re.compile(r"((?:[A-Za-z][\w'-]*[ ,]+){1,8})\(([A-Z]{2,6})(s?)\)")
# "hypersensitivity pneumonitis, or HP": the same definition after a comma and "or".
_WORDS_OR_ACRONYM = re.compile(r"((?:[A-Za-z][\w'-]* ){0,7}[A-Za-z][\w'-]*), or ([A-Z]{2,6})(s?)\b")
_LOWER_AFTER_ACRONYM = re.compile(r"\b([A-Z]{2,6})s?\s*\(((?:[a-z][\w'-]*[ ,]*){2,8})\)")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# An acronym used without a definition is matched to initials only at these lengths: longer all-caps words are
# shouting, not acronyms.
_MIN_ACRONYM, _MAX_ACRONYM = 2, 6
# A name described as a firm has 2-5 words: one word is too ambiguous, more is a headline.
_MIN_DESCRIBED_WORDS, _MAX_DESCRIBED_WORDS = 2, 5


def _apply_acronyms(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """'International Energy Agency (IEA)' makes every 'IEA' in the document that agency; 'binge eating disorder
    (BED)' makes every 'BED' no name at all."""
    common = _common_acronyms(doc.text)
    raws = [
        r
        for r in raws
        if r.fixed or (r.text.replace(".", "").removesuffix("s") not in common and r.text not in common)
    ]
    expansions = _defined_acronyms(doc, raws)
    _acronyms_by_initials(raws, expansions)
    if not expansions:
        return raws
    covered = _covered_chars(raws)
    for tok in doc:
        acro = tok.text.replace(".", "")
        if acro in expansions and tok.idx not in covered:
            raws.append(_Raw(tok.idx, tok.idx + len(tok.text), tok.text, expansions[acro].label))
    for r in raws:
        src = expansions.get(r.text.replace(".", ""))
        if src is not None and r is not src:
            r.label, r.canonical, r.fixed = src.label, src.canonical, True
    raws.sort(key=lambda r: r.start)
    return raws


def _defined_acronyms(doc: Doc, raws: list[_Raw]) -> dict[str, _Raw]:
    """{acronym: the name it follows in parentheses} when the acronym fits the name's initials."""
    body = doc.text
    expansions: dict[str, _Raw] = {}
    for r in raws:
        if r.label == "PERSON":
            continue
        m = _ACRONYM_AFTER.match(body, r.end)
        if not m:
            continue
        acro = m.group(1).replace(".", "")
        if not acro.isupper() or len(acro) < _MIN_ACRONYM:
            continue
        initials = "".join(w[0] for w in r.text.split() if w[:1].isupper())
        if initials.upper().startswith(acro[0]) and _is_subsequence(acro.upper(), initials.upper()):
            expansions.setdefault(m.group(1).replace(".", ""), r)
    return expansions


def _common_acronyms(body: str) -> set[str]:
    """Acronyms the document defines by lower-case words: 'binge eating disorder (BED)', 'FIRE (financial
    independence, retire early)', 'hypersensitivity pneumonitis, or HP'. A name is written with capitals, so these
    stand for common nouns. So do a plural acronym and the words it abbreviates, however written: 'Intensive Care
    Units (ICUs)'."""
    out = set()
    for m in [*_WORDS_BEFORE_ACRONYM.finditer(body), *_WORDS_OR_ACRONYM.finditer(body)]:
        words = [(w.start(), w.group()) for w in _WORD.finditer(m.group(1))]
        k = _initials_fit(m.group(2), [w for _, w in words])
        if not k:
            continue
        (first_at, first), rest = words[-k], words[-k + 1 :]
        if m.group(3):
            out |= {m.group(2), m.group(1)[first_at:].rstrip(" ,")}
            continue
        # the first word may be capitalised by position alone ("Binge eating disorder (BED) is …")
        before = body[: m.start(1) + first_at].rstrip(" ")
        opens = not before or before.endswith((".", "!", "?", "\n", '"', "“"))
        if all(w.islower() for _, w in rest) and (first.islower() or opens):
            out.add(m.group(2))
    for m in _LOWER_AFTER_ACRONYM.finditer(body):
        if _initials_fit(m.group(1), _WORD.findall(m.group(2))):
            out.add(m.group(1))
    return out


def _initials_fit(acro: str, words: list[str]) -> int:
    """How many of the last words the acronym abbreviates (0: none): their initials start with its first letter
    and hold its letters in order, with at most two more ("of", "and")."""
    for k in range(len(acro), min(len(words), len(acro) + 2) + 1):
        initials = "".join(w[0] for w in words[-k:]).lower()
        if initials[0] == acro[0].lower() and _is_subsequence(acro.lower(), initials):
            return k
    return 0


def _acronyms_by_initials(raws: list[_Raw], expansions: dict[str, _Raw]) -> None:
    """Without a definition in parentheses: an acronym equal to the initials of exactly one longer name."""
    longs = [r for r in raws if r.label != "PERSON" and len(r.canonical.split()) >= 2]
    for r in raws:
        acro = r.text.replace(".", "")
        if (
            r.fixed
            or acro in expansions
            or not (_MIN_ACRONYM <= len(acro) <= _MAX_ACRONYM)
            or not acro.isalpha()
            or not acro.isupper()
        ):
            continue
        cands = {x.canonical: x for x in longs if _initials(x.canonical) == acro}
        if not cands:
            cands = {x.canonical: x for x in raws if x.label == "ORG" and _abbreviates(acro, x.canonical)}
        if len(cands) == 1:
            expansions[acro] = next(iter(cands.values()))


def _abbreviates(acro: str, word: str) -> bool:
    """'VW' for 'Volkswagen', 'HP' for 'Hewlett-Packard': the short form's letters in order through one word,
    from its first letter, skipping some, the others consonants. A plain prefix is no abbreviation: 'AP' is not
    'Apple', nor 'UN' 'Unilever' (the leftmost fit decides)."""
    low = word.lower()
    if " " in word or word.isupper() or not low.startswith(acro[0].lower()) or len(word) <= len(acro) + 1:
        return False
    if any(c in "aeiou" for c in acro[1:].lower()):
        return False  # a one-word name is shortened by consonants that open its parts: "AI" is no "Apulia"
    at, positions = 0, []
    for c in acro.lower():
        at = low.find(c, at)
        if at < 0:
            return False
        positions.append(at)
        at += 1
    return positions != list(range(len(acro)))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _is_subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def _designated_orgs(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """Untagged capitalised names ending in an organisation word ("Orrin Energy")."""
    covered = _covered_chars(raws)
    added = []
    i = 0
    norp = {r.start: r for r in raws if r.label == "NORP"}
    absorbed: set[int] = set()
    while i < len(doc):
        tok = doc[i]
        # A nationality word can open a name ("Indian Premier League"); spaCy then tags only the adjective.
        national = (
            tok.idx in norp
            and norp[tok.idx].end == tok.idx + len(tok.text)
            or (
                tok.pos_ == "ADJ"
                and not tok.is_sent_start
                and i + 1 < len(doc)
                and doc[i + 1].pos_ == "PROPN"
            )
        )
        if (tok.pos_ == "PROPN" or national) and tok.text[:1].isupper():
            j = _proper_run_end(doc, i)
            span = doc[i : j + 1]
            inside = [t for t in span if t.idx in covered]
            if national and inside and all(t.i == i for t in inside):
                inside = []
            designated = span[-1].lower_.rstrip(".") in ORG_DESIGNATORS
            if j > i and designated and not inside and span[0].lower_ not in TITLE_WORDS:
                added.append(_Raw(span.start_char, span.end_char, span.text, "ORG"))
                if tok.idx in norp:
                    absorbed.add(id(norp[tok.idx]))
            i = j + 1
        else:
            i += 1
    if not added:
        return raws
    return sorted([r for r in raws if id(r) not in absorbed] + added, key=lambda r: r.start)


def _proper_run_end(doc: Doc, i: int) -> int:
    """Index of the last of the capitalised proper nouns that directly follow token i (i itself when none)."""
    j = i
    while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
        j += 1
    return j


def _described_orgs(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """Capitalised multi-word names described as an organisation by an apposition or a noun before them.

    "Silver Fern Advisory, a London-based firm, …" / "the consultancy Blue Heron Insight": an ORG, whatever
    (or whether) the model tagged it."""
    added: list[_Raw] = []
    relabel: set[str] = set()
    i = 0
    while i < len(doc):
        tok = doc[i]
        if not (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ not in TITLE_WORDS):
            i += 1
            continue
        j = _proper_run_end(doc, i)
        run = doc[i : j + 1]
        i = j + 1
        if not 1 <= len(run) <= _MAX_DESCRIBED_WORDS or not all(
            t.text.replace("-", "").replace("&", "").isalpha() for t in run
        ):
            continue
        # One word is too ambiguous for a noun before it ("the consultancy Blue …"), not for its own apposition
        # ("StayNest, the booking platform that lists most flats,").
        if not _described_as_org(doc, run, before_too=len(run) >= _MIN_DESCRIBED_WORDS):
            continue
        start, end = run.start_char, run.end_char
        inside = [r for r in raws if r.start < end and r.end > start]
        if not inside:
            added.append(_Raw(start, end, doc.text[start:end], "ORG"))
            continue
        for r in inside:
            if (
                r.start >= start
                and r.end <= end
                and not r.fixed
                and r.label in ("PERSON", "GPE", "LOC", "FAC", "PRODUCT")
                and len(r.text.split()) >= 2
            ):
                relabel.add(normalise(r.text))
    for r in raws:
        if not r.fixed and normalise(r.text) in relabel:
            r.label = "ORG"
    if not added:
        return raws
    return sorted(raws + added, key=lambda r: r.start)


def _described_as_org(doc: Doc, run, before_too: bool = True) -> bool:
    """An organisation noun in apposition with the run ("…, a firm") or before it ("the consultancy …")."""
    head = run[-1]
    described = any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in ORG_DESCRIPTORS for c in head.children
    )
    before = doc[run.start - 1] if run.start > 0 and before_too else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.lower_ in ORG_DESCRIPTORS
        and before.text.islower()
    ):
        described = (
            described
            or (before.head.i == head.i and before.dep_ in ("compound", "nmod"))
            or (head.dep_ == "appos" and head.head.i == before.i)
        )
    return described


def _repeated_names(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """An organisation's or a place's name met again where the model tagged nothing ("the fitness app Pacelink" …
    "Pacelink has 28 days to appeal"): one name keeps one meaning through a news story. The whole capitalised
    run must be the name ("Pacelink Europe" is another name)."""
    label_of = {r.text: r.label for r in raws if r.label in ("ORG", "GPE") and r.text[:1].isupper()}
    names = set(label_of)
    if not names:
        return raws
    covered = _covered_chars(raws)
    starts = {t.idx: t for t in doc}
    added = []
    for name in names:
        for hit in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", doc.text):
            tok = starts.get(hit.start())
            if tok is None or hit.start() in covered or (hit.end() - 1) in covered:
                continue
            first = tok.i
            last = doc.char_span(hit.start(), hit.end(), alignment_mode="expand").end
            before = doc[first - 1] if first > 0 else None
            after = doc[last] if last < len(doc) else None
            if (before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()) or (
                after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()
            ):
                continue
            added.append(_Raw(hit.start(), hit.end(), name, label_of[name]))
    if not added:
        return raws
    return sorted(raws + added, key=lambda r: r.start)


def _honorific_names(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """Untagged names after an honorific ("Mr Justice Aldous Penhaligon upheld the claim"): only a person's name
    takes "Mr", "Dr" or "Dame", so the capitalised words after it (and after any title) are one."""
    covered = _covered_chars(raws)
    added = []
    for tok in doc:
        if tok.lower_ not in _HONORIFICS or not tok.text[:1].isupper():
            continue
        i = tok.i + 1
        while i < len(doc) and doc[i].lower_ in TITLE_WORDS and doc[i].text[:1].isupper():
            i += 1  # "Mr Justice", "Dr Prof."
        j = i
        while j < len(doc) and j - i < _MAX_NAME_WORDS and _name_word(doc[j]) and doc[j].pos_ == "PROPN":
            j += 1
        run = doc[i:j]
        if len(run) and not any(t.idx in covered for t in run):
            added.append(_Raw(run.start_char, run.end_char, run.text, "PERSON"))
    if not added:
        return raws
    return sorted(raws + added, key=lambda r: r.start)
