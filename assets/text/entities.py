"""Entity mentions with document-level and corpus-level canonical names."""

from __future__ import annotations

import bisect
import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from assets.text import lexicon
from assets.text.records import Mention, Sentence

MENTION_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
# Tie-break order when one name carries several labels; PERSON first because
# spaCy's small model mostly errs by calling people ORG/GPE, not the reverse.
LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")

ALIASES_PATH = Path(__file__).with_name("aliases.csv")

TITLE_WORDS = lexicon.words("people", "titles")
ORG_DESIGNATORS = lexicon.words("people", "org_designators")
ROLE_NOUNS = lexicon.words("people", "role_nouns")
_ROLE_SUFFIXES = ("ist", "ian", "man", "woman", "men", "women")
# Last (or, for lake/mount, first) words of a place name: "Lys Glacier" is never a person or an organisation.
PLACE_LAST_WORDS = frozenset(
    """
    glacier river lake mountain mountains valley bay island islands sea ocean gulf strait peninsula canyon
    desert forest falls creek delta basin plateau reef volcano coast lagoon fjord
    """.split()
)
PLACE_FIRST_WORDS = frozenset({"lake", "mount", "mt", "mt."})
_HONORIFICS = frozenset(
    {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "miss", "sir", "dame", "prof", "prof."}
)
_LOWER_PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "al",
        "bin",
        "ibn",
        "dos",
        "du",
        "ter",
    }
)
_KEEP_DOT_WORDS = frozenset(
    {
        "inc",
        "co",
        "corp",
        "ltd",
        "jr",
        "sr",
        "st",
        "bros",
        "plc",
        "llc",
        "l.p",
        "no",
        "dept",
        "univ",
        "assn",
        "ave",
        "mt",
    }
)
_LEAD_PUNCT = "\"'“”‘’«»([{<*•·–—-,.;:!?/|"
_TRAIL_PUNCT = "\"'“”‘’«»)]}>*•·–—-,;:!?/|"
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&]{1,11})\s*\)")


def is_role(lemma: str) -> bool:
    """A noun for a kind of person: a listed role or an agent suffix ("glaciologist", "fisherman", "technician")."""
    low = lemma.lower()
    return low in ROLE_NOUNS or (len(low) > 5 and low.isalpha() and low.endswith(_ROLE_SUFFIXES))


def normalise(name: str) -> str:
    """Lower-cased, whitespace-normalised form of a name used in entity keys."""
    return " ".join(name.replace("’", "'").replace("‘", "'").split()).lower()


def entity_key(label: str, canonical: str) -> str:
    """The entity key 'LABEL|normalised canonical'."""
    return f"{label}|{normalise(canonical)}"


def _alias_key(text: str) -> str:
    key = normalise(text).replace(".", "")
    if key.startswith("the "):
        key = key[4:]
    return " ".join(key.split())


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=1)
def load_aliases() -> dict[str, tuple[str, str, bool]]:
    """Alias table keyed by normalised alias: (canonical, label, needs upper-case surface)."""
    table: dict[str, tuple[str, str, bool]] = {}
    with ALIASES_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = _alias_key(row["alias"])
            caps = _is_caps(row["alias"]) and len(key.replace(" ", "")) <= 5
            if key in table:
                canonical, label, prev_caps = table[key]
                table[key] = (canonical, label, prev_caps and caps)
            else:
                table[key] = (row["canonical"].strip(), row["label"].strip(), caps)
    return table


def alias_lookup(text: str) -> tuple[str, str] | None:
    """(canonical, label) when the text is a known alias, else None."""
    hit = load_aliases().get(_alias_key(text))
    if hit is None:
        return None
    canonical, label, caps = hit
    # Short all-caps aliases (US, WHO) must be written in capitals: "us", "Who" are words.
    if caps and not _is_caps(text.replace("the ", "").replace("The ", "")):
        return None
    return canonical, label


def trim_span(text: str, start: int, end: int, label: str = "") -> tuple[int, int]:
    """Offsets of a span without leading 'the', possessive 's and glued punctuation."""
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in _LEAD_PUNCT):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAIL_PUNCT):
            end -= 1
        seg = text[start:end]
        low = seg.lower()
        if low.startswith("the ") and not (label == "WORK_OF_ART" and seg.startswith("The ")):
            start += 4
        elif low.endswith("'s") or low.endswith("’s"):
            end -= 2
        elif seg.endswith(".") and not _keeps_dot(seg):
            end -= 1
        if (start, end) == before:
            return start, end


def _keeps_dot(seg: str) -> bool:
    last = seg.split()[-1] if seg.split() else seg
    core = last[:-1]
    if "." in core:  # dotted abbreviations: U.S., U.K., D.C.
        return True
    return core.lower() in _KEEP_DOT_WORDS


def name_tokens(name: str) -> list[str]:
    """Lower-cased tokens of a person name without titles ('President Xi' -> ['xi'])."""
    toks = normalise(name).split()
    return toks[_after_title(toks) :]


def _after_title(words: list[str]) -> int:
    # A title may come with its portfolio in front ("Housing Minister X", "Foreign Affairs Secretary X"):
    # everything up to the last title word before the surname is the title.
    last = max((i for i, w in enumerate(words[:-1]) if w.lower() in TITLE_WORDS), default=-1)
    return last + 1


def _strip_person_titles(text: str) -> str:
    words = text.split()
    words = words[_after_title(words) :]
    while len(words) > 1 and (
        words[0].lower() in TITLE_WORDS
        or (words[0][:1].islower() and words[0].lower() not in _LOWER_PARTICLES)
    ):
        words = words[1:]
    return " ".join(words)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    if n == 0 or n >= len(longer):
        return False
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _compatible(full: list[str], other: list[str]) -> bool:
    """True when `other` names the same person as the full name `full`."""
    if other == full:
        return True
    if _contains(full, other):
        return True
    # "Vladimir V. Putin" vs "Vladimir Putin": same first and last name.
    return len(other) >= 2 and len(full) >= 2 and other[0] == full[0] and other[-1] == full[-1]


class _Raw:
    __slots__ = ("start", "end", "text", "label", "canonical", "partial", "fixed")

    def __init__(self, start: int, end: int, text: str, label: str):
        self.start, self.end, self.text, self.label = start, end, text, label
        self.canonical = text
        self.partial = False
        self.fixed = False  # canonical and label come from the alias table or an acronym


def _raw_mentions(doc: Doc) -> list[_Raw]:
    body = doc.text
    out: list[_Raw] = []
    for ent in doc.ents:
        if ent.label_ not in MENTION_LABELS:
            continue
        start, end = trim_span(body, ent.start_char, ent.end_char, ent.label_)
        text = body[start:end]
        if not any(c.isalpha() for c in text):
            continue
        out.append(_Raw(start, end, text, ent.label_))
    return out


def _org_by_designator(raws: list[_Raw]) -> None:
    for r in raws:
        words = r.text.split()
        if r.label == "PERSON" and len(words) >= 2 and words[-1].lower().rstrip(".") in ORG_DESIGNATORS:
            r.label = "ORG"
        elif r.label in ("PERSON", "ORG", "GPE") and not r.fixed and _place_name(words):
            r.label = "LOC"


def _place_name(words: list[str]) -> bool:
    """'Lys Glacier', 'Lake Kivu', 'Mount Kenya': a named natural feature."""
    if (
        len(words) < 2
        or not all(w[:1].isupper() for w in words)
        or words[-1].lower().rstrip(".") in ORG_DESIGNATORS
    ):
        return False
    return words[-1].lower() in PLACE_LAST_WORDS or words[0].lower() in PLACE_FIRST_WORDS


def _person_evidence(doc: Doc, r: _Raw, tok_of: dict) -> bool:
    """Signs that an ORG/GPE mention is really a person: an honorific, a role, a he/she that follows."""
    first = tok_of.get(r.start)
    if first is None:
        return False
    if first.i > 0 and doc[first.i - 1].lower_ in _HONORIFICS:
        return True
    tok = doc.char_span(r.start, r.end, alignment_mode="expand").root
    if len(r.text.split()) > 1:
        # Several words: only apposition with a person's role counts ("The mayor, Lina Park, …").
        if tok.dep_ == "appos" and is_role(tok.head.lemma_):
            return True
        return any(c.dep_ == "appos" and is_role(c.lemma_) for c in tok.children)
    if tok.i > 0 and doc[tok.i - 1].lower_ in _HONORIFICS:
        return True
    for c in tok.children:
        if c.dep_ == "appos" and is_role(c.lemma_):
            return True
        if c.dep_ == "compound" and c.i < tok.i and c.lower_ in ROLE_NOUNS:
            return True
    if tok.dep_ == "appos" and is_role(tok.head.lemma_):
        return True
    return tok.dep_ == "nsubj" and _says(tok.head) and _pronoun_follows(doc, tok, say_only=True)


def _pronoun_follows(doc: Doc, tok, say_only: bool) -> bool:
    """The next subject after tok's clause is he/she, and no named person nearby could be the one meant."""
    sent = tok.sent
    window_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    window_start = doc[window_start - 1].sent.start if window_start > 0 else window_start
    if any(t.ent_type_ == "PERSON" for t in doc[window_start : tok.i]):
        return False
    for t in doc[tok.i + 1 : min(len(doc), sent.end + 80)]:
        if t.dep_ == "nsubj" and t.i > tok.head.i and (not say_only or _says(t.head)):
            if t.sent == sent and t.lower_ not in ("he", "she"):
                continue  # a subject inside tok's own sentence ("… who said that prices rose")
            return t.lower_ in ("he", "she")
        if t.ent_type_ == "PERSON":
            return False
    return False


def _promote_people(doc: Doc, raws: list[_Raw]) -> None:
    tok_of = {t.idx: t for t in doc}
    cands = [
        r
        for r in raws
        if r.label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT")
        and not r.fixed
        and len(r.text.split()) <= 3
        and all(w[:1].isupper() for w in r.text.split())
        and r.text.split()[-1].lower() not in ORG_DESIGNATORS
    ]
    promote = {normalise(r.text) for r in cands if _person_evidence(doc, r, tok_of)}
    for r in cands:
        if normalise(r.text) in promote:
            r.label = "PERSON"


def _vote_labels(raws: list[_Raw]) -> None:
    groups: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        if not r.fixed:
            groups[normalise(r.text)].append(r)
    for group in groups.values():
        counts = Counter(r.label for r in group)
        if len(counts) < 2:
            continue
        best = max(counts, key=lambda lab: (counts[lab], -LABEL_PRIORITY.index(lab)))
        for r in group:
            r.label = best


def _apply_aliases(raws: list[_Raw]) -> None:
    for r in raws:
        hit = alias_lookup(r.text)
        if hit and r.label != "NORP":
            r.canonical, r.label = hit
            r.fixed = True


def _apply_acronyms(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """'International Energy Agency (IEA)' makes every 'IEA' in the document that agency."""
    body = doc.text
    expansions: dict[str, _Raw] = {}
    for r in raws:
        if r.label == "PERSON":
            continue
        m = _ACRONYM_AFTER.match(body, r.end)
        if not m:
            continue
        acro = m.group(1).replace(".", "")
        if not acro.isupper() or len(acro) < 2:
            continue
        initials = "".join(w[0] for w in r.text.split() if w[:1].isupper())
        if initials.upper().startswith(acro[0]) and _is_subsequence(acro.upper(), initials.upper()):
            expansions.setdefault(m.group(1).replace(".", ""), r)
    # Without a parenthetical definition: an acronym equal to the initials of exactly one longer name here.
    longs = [r for r in raws if r.label != "PERSON" and len(r.canonical.split()) >= 2]
    for r in raws:
        acro = r.text.replace(".", "")
        if (
            r.fixed
            or acro in expansions
            or not (2 <= len(acro) <= 6)
            or not acro.isalpha()
            or not acro.isupper()
        ):
            continue
        cands = {x.canonical: x for x in longs if _initials(x.canonical) == acro}
        if len(cands) == 1:
            expansions[acro] = next(iter(cands.values()))
    if not expansions:
        return raws
    covered = {i for r in raws for i in range(r.start, r.end)}
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


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _is_subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X"})


def _name_word(tok) -> bool:
    """A token that can be part of a person's name: capitalised, alphabetic, no title, role or company word."""
    text = tok.text
    low = tok.lower_
    if not text[:1].isupper() or not text.replace("-", "").isalpha() or (len(text) > 1 and text.isupper()):
        return False
    if low in TITLE_WORDS or low in ROLE_NOUNS or low.rstrip(".") in ORG_DESIGNATORS:
        return False
    return tok.pos_ in _NAME_POS and tok.ent_type_ in ("", "PERSON", "ORG", "GPE")


def _title_case_line(doc: Doc, tok) -> bool:
    """The token sits on a headline-style line where most words are capitalised."""
    body = doc.text
    lo = body.rfind("\n", 0, tok.idx) + 1
    hi = body.find("\n", tok.idx)
    words = [w for w in body[lo : hi if hi >= 0 else len(body)].split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _name_run(doc: Doc, tok, covered: set[int], limit: int = 4) -> list:
    """Capitalised name words directly before tok (one space apart, uncovered), with tok: at most `limit` tokens."""
    run = [tok]
    i = tok.i - 1
    while i >= 0 and len(run) < limit:
        t = doc[i]
        if t.idx in covered or not _name_word(t) or doc.text[t.idx + len(t.text) : run[0].idx] != " ":
            break
        run.insert(0, t)
        i -= 1
    if len(run) >= 2 and run[0].is_sent_start and not _speaks_or_described(run[-1]):
        run = run[1:]  # a capitalised sentence opener is not obviously part of the name
    return run if len(run) >= 2 and not _title_case_line(doc, tok) else []


def _speaks_or_described(tok) -> bool:
    """The name is the subject of a reporting verb or in apposition with a person's role."""
    if tok.dep_ == "nsubj" and _says(tok.head):
        return True
    if tok.dep_ == "appos" and is_role(tok.head.lemma_):
        return True
    return any(c.dep_ == "appos" and is_role(c.lemma_) for c in tok.children)


def _extend_names_left(doc: Doc, raws: list[_Raw]) -> None:
    """'Wahyu Setiawan Hadi' when the model tagged only 'Setiawan Hadi': the name takes the capitalised words before it."""
    covered = {i for r in raws for i in range(r.start, r.end)}
    tok_of = {t.idx: t for t in doc}
    for r in raws:
        first = tok_of.get(r.start)
        if r.label != "PERSON" or r.fixed or first is None or first.lower_ in TITLE_WORDS:
            continue
        n = len(r.text.split())
        run = _name_run(doc, first, covered, limit=max(4 - n + 1, 1))
        if len(run) >= 2 and all(t.pos_ == "PROPN" for t in run[:-1]):
            r.start = run[0].idx
            r.text = doc.text[r.start : r.end]
            r.canonical = r.text


def _names_from_capitals(doc: Doc, raws: list[_Raw]) -> tuple[list[_Raw], dict[str, tuple[int, str]]]:
    """Full names, untagged by the model, that a bare PERSON surname abbreviates ("Agus Prasetyo" for "Prasetyo").

    Returns the mentions (a full name becomes one when it speaks or has a role beside it) and
    {surname: (position, full name)} for the surnames whose full name stays unmentioned."""
    multi = {
        w for r in raws if r.label == "PERSON" and len(r.text.split()) >= 2 for w in normalise(r.text).split()
    }
    bare = {
        normalise(r.text) for r in raws if r.label == "PERSON" and not r.fixed and len(r.text.split()) == 1
    }
    bare -= multi
    if not bare:
        return raws, {}
    by_char = {i: r for r in raws for i in range(r.start, r.end)}
    found: dict[str, tuple[int, str]] = {}
    added, dropped = [], set()
    for tok in doc:
        low = tok.lower_
        if low not in bare or low in found or not tok.text[:1].isupper():
            continue
        # Words inside a mention count as free when the whole mention lies inside the candidate name.
        run = _name_run(doc, tok, set())
        while run:
            inside = {id(x): x for t in run if (x := by_char.get(t.idx)) is not None}
            if not any(
                x.fixed or x.start < run[0].idx or x.end > tok.idx + len(tok.text) for x in inside.values()
            ):
                break
            run = run[1:] if len(run) > 2 else []
        if not run:
            continue
        start, end = run[0].idx, tok.idx + len(tok.text)
        found[low] = (start, doc.text[start:end])
        if _speaks_or_described(tok):
            dropped.update(inside)
            added.append(_Raw(start, end, doc.text[start:end], "PERSON"))
    if added:
        raws = sorted([r for r in raws if id(r) not in dropped] + added, key=lambda r: r.start)
    return raws, found


# Definite descriptions that only an organisation takes ("the retailer said").
_ORG_COMMON = frozenset(
    "company firm retailer chain carmaker automaker airline carrier bank lender group brand maker store business".split()
)
_GENDERED = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself"})


def _shop_possessive(doc: Doc, r: _Raw, tok_of: dict) -> bool:
    """'Halbrook's said' / 'Halbrook's will close': a possessive that owns nothing names a shop, not a person."""
    if doc.text[r.end : r.end + 2] not in ("'s", "’s"):
        return False
    tok = tok_of.get(r.end)
    if tok is None or tok.i + 1 >= len(doc):
        return tok is not None
    nxt = doc[tok.i + 1]
    return nxt.pos_ in ("VERB", "AUX", "PUNCT") and nxt.text not in ("-", "–")


def _orgs_by_usage(doc: Doc, raws: list[_Raw]) -> None:
    """A bare 'person' name the document treats as an organisation ("Halbrook's said …; the retailer …") is one."""
    groups: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        if r.label == "PERSON" and r.partial and not r.fixed and len(r.text.split()) == 1:
            groups[normalise(r.canonical)].append(r)
    if not groups:
        return
    tok_of = {t.idx: t for t in doc}
    names = sorted((r for r in raws if r.label in ("PERSON", "ORG")), key=lambda r: r.start)
    refs = [
        t
        for t in doc
        if t.lower_ in _ORG_COMMON
        and t.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    ]
    for group in groups.values():
        toks = [tok_of.get(r.start) for r in group]
        if any(
            t is None
            or (t.i > 0 and (doc[t.i - 1].lower_ in _HONORIFICS or doc[t.i - 1].lower_ in TITLE_WORDS))
            for t in toks
        ):
            continue
        if any(w.lower_ in _GENDERED for t in toks for w in t.sent):
            continue
        ids = {id(r) for r in group}
        shop = any(_shop_possessive(doc, r, tok_of) for r in group)
        referred = False
        for ref in refs:
            before = [r for r in names if r.end <= ref.idx]
            # The subject "the company" right after the name (same or next sentence) can only mean it.
            if before and id(before[-1]) in ids:
                near = tok_of[before[-1].start].sent
                if ref.sent == near or (near.end < len(doc) and doc[near.end].sent == ref.sent):
                    referred = True
        if shop or referred:
            for r in group:
                r.label, r.partial = "ORG", False


def _resolve_people(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    persons = [r for r in raws if r.label == "PERSON"]
    for r in persons:
        r.canonical = _strip_person_titles(r.text)
    # Full names in order of first appearance; a later variant joins an earlier compatible name.
    fulls: list[tuple[list[str], str]] = []  # (tokens, canonical)
    first_pos: dict[str, int] = {}
    for r in persons:
        toks = name_tokens(r.canonical)
        if len(toks) < 2:
            continue
        for ftoks, fcanon in fulls:
            if _compatible(ftoks, toks) or _contains(toks, ftoks):
                r.canonical = fcanon
                break
        else:
            fulls.append((toks, r.canonical))
            first_pos[r.canonical] = r.start
    # Positions of every mention of each full name, to pick the nearest preceding one.
    positions: dict[str, list[int]] = defaultdict(list)
    for r in persons:
        if r.canonical in first_pos:
            positions[r.canonical].append(r.start)

    def expand(toks: list[str], at: int) -> str | None:
        cands = [fc for ft, fc in fulls if _contains(ft, toks)]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        before = [(max((p for p in positions[c] if p < at), default=-1), c) for c in cands]
        best = max(before)
        if best[0] >= 0:
            return best[1]
        return min(cands, key=lambda c: first_pos[c])

    for r in persons:
        if r.canonical in first_pos:
            continue
        toks = name_tokens(r.canonical)
        full = expand(toks, r.start)
        if full is not None:
            r.canonical = full
        else:
            r.partial = len(toks) == 1
    # spaCy often tags a known person's bare name as ORG/GPE ("Xi", "Ward"): relabel it.
    for r in raws:
        if r.label == "PERSON" or r.fixed:
            continue
        toks = name_tokens(r.text)
        if len(toks) <= 2:
            full = expand(toks, r.start)
            if full is not None:
                r.label, r.canonical = "PERSON", full
    # Bare surnames spaCy missed entirely.
    if fulls:
        covered = {i for r in raws for i in range(r.start, r.end)}
        pieces = {t for ft, _ in fulls for t in (ft[0], ft[-1]) if len(t) > 1}
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.idx in covered or not tok.text[:1].isupper():
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
                continue  # part of a longer name ("Trump Tower")
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.pos_ == "PROPN" and prev.text.lower() not in TITLE_WORDS:
                continue
            low = tok.text.lower()
            if low in pieces and low not in TITLE_WORDS:
                full = expand([low], tok.idx)
                if full is not None:
                    nr = _Raw(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON")
                    nr.canonical = full
                    raws.append(nr)
        raws.sort(key=lambda r: r.start)
    return raws


_SAY = lexicon.words("speech", "speaking_verbs")


def _says(verb) -> bool:
    """A 'say'-type verb used for speech: 'add', 'note' or 'write' with a plain object ("will add a jet") is not."""
    lemma = verb.lemma_.lower()
    if lemma not in _SAY:
        return False
    if lemma in ("say", "tell", "warn"):
        return True
    return not any(c.dep_ == "dobj" for c in verb.children) or any(c.dep_ == "ccomp" for c in verb.children)


def _name_chain(tok) -> list:
    """The capitalised proper-noun tokens of a name ending at tok ("Sofia Marin"), titles excluded."""
    chain = [tok]
    i = tok.i - 1
    while (
        i >= 0
        and tok.doc[i].pos_ == "PROPN"
        and tok.doc[i].text[:1].isupper()
        and tok.doc[i].lower_ not in TITLE_WORDS
    ):
        chain.insert(0, tok.doc[i])
        i -= 1
    return chain


def _discover_speakers(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """Names the NER missed but the syntax gives away: proper-noun subjects of 'say'-type verbs."""
    by_char = {}
    for r in raws:
        for c in range(r.start, r.end):
            by_char[c] = r
    added: list[_Raw] = []
    dropped: dict[int, _Raw] = {}
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.idx not in by_char:
            # "Ana Ruiz, a daily rider, …": a name in apposition with a person's role.
            if any(c.dep_ == "appos" and is_role(c.lemma_) for c in tok.children):
                chain = _name_chain(tok)
                if 2 <= len(chain) <= 3 and not any(t.idx in by_char for t in chain):
                    start, end = chain[0].idx, tok.idx + len(tok.text)
                    added.append(_Raw(start, end, doc.text[start:end], "PERSON"))
                    for c in range(start, end):
                        by_char[c] = added[-1]
                    continue
        if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and _says(tok.head):
            # "Keldor's chief executive, Emeka Obi, told …"
            for c in tok.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN" and c.text[:1].isupper():
                    chain = _name_chain(c)
                    if len(chain) >= 2 and not any(t.idx in by_char for t in chain):
                        start, end = chain[0].idx, c.idx + len(c.text)
                        added.append(_Raw(start, end, doc.text[start:end], "PERSON"))
            continue
        if tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and not _says(tok.head):
            # "Clemens Fuest of the Ifo Institute was sceptical. He argued …"
            chain = _name_chain(tok)
            if (
                2 <= len(chain) <= 3
                and all(t.text.isalpha() for t in chain)
                and tok.lower_ not in ORG_DESIGNATORS
            ):
                start, end = chain[0].idx, tok.idx + len(tok.text)
                inside = {id(r): r for t in chain if (r := by_char.get(t.idx)) is not None}
                if any(
                    r.fixed or r.label == "PERSON" or r.start < start or r.end > end for r in inside.values()
                ):
                    continue
                if _pronoun_follows(doc, tok, say_only=False):
                    dropped.update(inside)
                    added.append(_Raw(start, end, doc.text[start:end], "PERSON"))
            continue
        if tok.pos_ != "PROPN" or tok.dep_ != "nsubj" or not _says(tok.head):
            continue
        if not tok.text[:1].isupper() or tok.lower_ in TITLE_WORDS or not tok.text.isalpha():
            continue
        own = by_char.get(tok.idx)
        if own is not None and own.label == "PERSON":
            continue
        chain = _name_chain(tok)
        if len(chain) >= 2:
            start, end = chain[0].idx, tok.idx + len(tok.text)
            inside = {id(r): r for t in chain if (r := by_char.get(t.idx)) is not None}
            # Pieces of the name the model tagged as something else ("Marta" GPE in "Marta Ruiz said") give way.
            if any(r.fixed or r.start < start or r.end > end for r in inside.values()):
                continue
            dropped.update(inside)
            added.append(_Raw(start, end, doc.text[start:end], "PERSON"))
            continue
        # A lone surname: find the full name it abbreviates elsewhere in the document.
        full = None
        for other in doc:
            if other.i != tok.i and other.text == tok.text and other.i > 0:
                ch = _name_chain(other)
                if len(ch) >= 2 and not any(
                    by_char.get(t.idx) is not None
                    and by_char[t.idx].label != "PERSON"
                    and by_char[t.idx] is not own
                    for t in ch
                ):
                    full = ch
                    break
        if full is None:
            honorific = tok.i > 0 and doc[tok.i - 1].lower_ in _HONORIFICS
            if own is None and (honorific or _pronoun_follows(doc, tok, say_only=True)):
                added.append(_Raw(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON"))
            continue
        if own is not None:
            if own.fixed or own.start != tok.idx or own.end != tok.idx + len(tok.text):
                continue
            own.label = "PERSON"
        else:
            added.append(_Raw(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON"))
        start, end = full[0].idx, full[-1].idx + len(full[-1].text)
        if not any(t.idx in by_char for t in full):
            added.append(_Raw(start, end, doc.text[start:end], "PERSON"))
            for c in range(start, end):
                by_char[c] = added[-1]
        else:
            for t in full:
                r = by_char.get(t.idx)
                if r is not None and r.label != "PERSON" and not r.fixed and r.text == tok.text:
                    r.label = "PERSON"
    if not added:
        return raws
    raws = [r for r in raws if id(r) not in dropped]
    seen = {(r.start, r.end) for r in raws}
    raws = raws + [r for r in added if (r.start, r.end) not in seen]
    raws.sort(key=lambda r: r.start)
    return raws


def _resolve_org_short_forms(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """'Goldman' after 'Goldman Sachs', 'the Commission' after 'the European Commission': the longer organisation."""
    longs = [r for r in raws if r.label == "ORG" and len(r.canonical.split()) >= 2]
    firsts: dict[str, list[str]] = defaultdict(list)
    lasts: dict[str, list[str]] = defaultdict(list)
    for x in longs:  # in order of appearance: an ambiguous short form names the first-introduced organisation
        words = x.canonical.split()
        if x.canonical not in firsts[words[0].lower()]:
            firsts[words[0].lower()].append(x.canonical)
        if words[-1].lower() in ORG_DESIGNATORS and x.canonical not in lasts[words[-1].lower()]:
            lasts[words[-1].lower()].append(x.canonical)
    ends: dict[str, list[str]] = defaultdict(list)
    for x in longs:
        last = x.canonical.split()[-1].lower()
        if x.canonical not in ends[last]:
            ends[last].append(x.canonical)
    tok_at = {t.idx: t for t in doc}
    for r in raws:
        if r.fixed:
            continue
        words = r.canonical.split()
        if len(words) >= 2 and r.label == "ORG":
            # "the Knight Riders" after "the Kolkata Knight Riders": a leading or trailing part of the full name.
            low = [w.lower() for w in words]
            full = []
            for x in longs:
                xl = x.canonical.lower().split()
                if (
                    len(xl) > len(low)
                    and (xl[: len(low)] == low or xl[-len(low) :] == low)
                    and x.start < r.start
                ):
                    full.append(x.canonical)
            if full:
                r.canonical = full[0]
            continue
        if len(words) != 1:
            continue
        word = r.canonical.lower()
        if r.label == "ORG" or (r.label == "PERSON" and r.partial):
            cands = firsts.get(word)
            if cands and _locative(tok_at.get(r.start)):
                r.label = "GPE"  # "fans in Durban": the place the club is named after, not the club
                continue
            if not cands and r.label == "ORG":
                single = lasts.get(word) if len(lasts.get(word, [])) == 1 else ends.get(word)
                cands = single if single and len(single) == 1 else None
            if cands:
                r.label, r.canonical, r.partial = "ORG", cands[0], False
    if not firsts:
        return raws
    covered = {i for r in raws for i in range(r.start, r.end)}
    for tok in doc:
        cands = firsts.get(tok.lower_)
        if (
            not cands
            or tok.pos_ != "PROPN"
            or tok.idx in covered
            or not tok.text[:1].isupper()
            or _locative(tok)
        ):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue
        nr = _Raw(tok.idx, tok.idx + len(tok.text), tok.text, "ORG")
        nr.canonical = cands[0]
        raws.append(nr)
    raws.sort(key=lambda r: r.start)
    return raws


_POSSESSIVE = re.compile(r"[’']s\s+")


def _split_possessive_owner(raws: list[_Raw]) -> list[_Raw]:
    """'South Africa’s Competition Commission' in one span is a place and the institution it owns."""
    out: list[_Raw] = []
    for r in raws:
        m = _POSSESSIVE.search(r.text)
        if m and not r.fixed and r.label != "PERSON":
            owner, owned = r.text[: m.start()], r.text[m.end() :]
            words = owned.split()
            owner_hit = alias_lookup(owner)
            place = r.label in ("GPE", "LOC") or (owner_hit is not None and owner_hit[1] == "GPE")
            if place and owner and words and all(w[:1].isupper() for w in words):
                a = _Raw(r.start, r.start + len(owner), owner, "GPE")
                if owner_hit is not None:
                    a.canonical, a.label, a.fixed = owner_hit[0], owner_hit[1], True
                b = _Raw(r.start + m.end(), r.end, owned, "ORG")
                out += [a, b]
                continue
        out.append(r)
    return out


_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "throughout", "inside"})


def _locative(tok) -> bool:
    """The word is the object of a place preposition ("the match in Durban")."""
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS


def _split_country_prefix(raws: list[_Raw]) -> list[_Raw]:
    """'U.S. Federal Reserve' is the country and the institution when both parts are known names."""
    out: list[_Raw] = []
    for r in raws:
        words = r.text.split(" ", 1)
        if len(words) == 2 and r.label != "PERSON":
            head, rest = alias_lookup(words[0]), alias_lookup(words[1])
            if head and rest and head[1] == "GPE" and rest[1] != "GPE":
                a = _Raw(r.start, r.start + len(words[0]), words[0], head[1])
                a.canonical, a.fixed = head[0], True
                b = _Raw(r.end - len(words[1]), r.end, words[1], rest[1])
                b.canonical, b.fixed = rest[0], True
                out += [a, b]
                continue
        out.append(r)
    return out


def _designated_orgs(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """Untagged capitalised names ending in an organisation word ("Orrin Energy")."""
    covered = {i for r in raws for i in range(r.start, r.end)}
    added = []
    i = 0
    norp = {r.start: r for r in raws if r.label == "NORP"}
    absorbed: set[int] = set()
    while i < len(doc):
        tok = doc[i]
        # A nationality word can open a name ("Indian Premier League"); spaCy then tags only the adjective NORP.
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
            j = i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
                j += 1
            span = doc[i : j + 1]
            inside = [t for t in span if t.idx in covered]
            if national and inside and all(t.i == i for t in inside):
                inside = []
            if j > i and span[-1].lower_.rstrip(".") in ORG_DESIGNATORS and not inside:
                if span[0].lower_ not in TITLE_WORDS:
                    added.append(_Raw(span.start_char, span.end_char, span.text, "ORG"))
                    if tok.idx in norp:
                        absorbed.add(id(norp[tok.idx]))
            i = j + 1
        else:
            i += 1
    if not added:
        return raws
    return sorted([r for r in raws if id(r) not in absorbed] + added, key=lambda r: r.start)


# Common nouns that describe a name as an organisation: "Silver Fern Advisory, a consultancy", "research firm Northgate".
ORG_DESCRIPTORS = frozenset(
    """
    consultancy firm company group agency bank lender insurer startup charity nonprofit organisation organization
    association manufacturer carmaker automaker retailer publisher broadcaster consortium conglomerate watchdog
    airline fund
    """.split()
)


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
        j = i
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
            j += 1
        run = doc[i : j + 1]
        i = j + 1
        if not 2 <= len(run) <= 5 or not all(t.text.replace("-", "").replace("&", "").isalpha() for t in run):
            continue
        head = run[-1]
        described = any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in ORG_DESCRIPTORS
            for c in head.children
        )
        before = doc[run.start - 1] if run.start > 0 else None
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
        if not described:
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


def _teams_by_article(doc: Doc, raws: list[_Raw]) -> None:
    """'Durban Mariners' is no person when the document also says 'the Mariners': people take no article."""
    plural = set()
    for r in raws:
        words = r.text.split()
        tok = doc.char_span(r.start, r.end, alignment_mode="expand")
        if (
            len(words) == 1
            and words[0][-1:] == "s"
            and tok is not None
            and tok.start > 0
            and doc[tok.start - 1].lower_ == "the"
        ):
            plural.add(words[0].lower())
    if not plural:
        return
    for r in raws:
        words = r.text.split()
        if r.label == "PERSON" and not r.fixed and len(words) >= 2 and words[-1].lower() in plural:
            r.label = "ORG"


def _singular_norp(raws: list[_Raw]) -> None:
    """'Russians' and 'Russian' are one group; the singular is the canonical name."""
    for r in raws:
        if r.label != "NORP" or r.fixed:
            continue
        last = r.canonical.split()[-1]
        if len(last) > 4 and last[-1] == "s" and not last.lower().endswith(("ss", "us", "ies")):
            r.canonical = r.canonical[: len(r.canonical) - 1]


def doc_mentions(doc: Doc, sentences: list[Sentence]) -> list[Mention]:
    """Entity mentions of one document with their document-level canonical name and key."""
    raws = _raw_mentions(doc)
    _apply_aliases(raws)
    raws = _split_country_prefix(raws)
    raws = _split_possessive_owner(raws)
    _singular_norp(raws)
    _vote_labels(raws)
    raws = _apply_acronyms(doc, raws)
    raws = _discover_speakers(doc, raws)
    _org_by_designator(raws)
    raws = _designated_orgs(doc, raws)
    _promote_people(doc, raws)
    _teams_by_article(doc, raws)
    raws = _described_orgs(doc, raws)
    _extend_names_left(doc, raws)
    raws, spelled = _names_from_capitals(doc, raws)
    raws = _resolve_people(doc, raws)
    for r in raws:
        hit = spelled.get(normalise(r.canonical)) if r.label == "PERSON" and r.partial else None
        if hit is not None and hit[0] < r.start:
            r.canonical, r.partial = hit[1], False
    _orgs_by_usage(doc, raws)
    raws = _resolve_org_short_forms(doc, raws)
    starts = [s.start_char for s in sentences]
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for r in raws:
        if (r.start, r.end) in seen:
            continue
        seen.add((r.start, r.end))
        idx = max(bisect.bisect_right(starts, r.start) - 1, 0) if starts else 0
        out.append(
            Mention(
                sentence_idx=sentences[idx].sentence_idx if sentences else 0,
                start_char=r.start,
                end_char=r.end,
                text=r.text,
                label=r.label,
                canonical=r.canonical,
                entity_key=entity_key(r.label, r.canonical),
                partial=r.partial and r.label == "PERSON",
            )
        )
    return out


def resolve_corpus(mentions: Iterable[tuple[str, Mention]]) -> dict[str, tuple[str, str, str]]:
    """Map every entity_key seen (doc_id, mention pairs over the whole warehouse) to (canonical_key, label, name)."""
    key_names: dict[str, Counter] = defaultdict(Counter)
    key_docs: dict[str, set[str]] = defaultdict(set)
    key_partial: dict[str, bool] = {}
    for doc_id, m in mentions:
        key_names[m.entity_key][m.canonical] += 1
        key_docs[m.entity_key].add(doc_id)
        key_partial[m.entity_key] = key_partial.get(m.entity_key, True) and m.partial

    # The same normalised name under several labels is one entity (spaCy label flip-flops).
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in sorted(key_names):
        by_name[key.split("|", 1)[1]].append(key)
    name_label: dict[str, str] = {}
    name_surface: dict[str, str] = {}
    name_partial: dict[str, bool] = {}
    for norm, keys in by_name.items():
        weight = Counter()
        surfaces = Counter()
        for k in keys:
            weight[k.split("|", 1)[0]] += sum(key_names[k].values())
            surfaces.update(key_names[k])
        name_label[norm] = max(weight, key=lambda lab: (weight[lab], -_priority(lab)))
        name_surface[norm] = max(surfaces, key=lambda s: (surfaces[s], _surface_rank(s)))
        name_partial[norm] = all(key_partial[k] for k in keys if k.startswith("PERSON|")) and any(
            k.startswith("PERSON|") for k in keys
        )

    # Bare surnames: resolved to the corpus's unique full person name ending (or, failing that, starting) with it.
    full_people = sorted(n for n, lab in name_label.items() if lab == "PERSON" and len(n.split()) >= 2)
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in full_people:
        by_last[n.split()[-1]].append(n)
        by_first[n.split()[0]].append(n)
    target: dict[str, str] = {n: n for n in name_label}
    for norm in name_label:
        if len(norm.split()) != 1 or not name_partial[norm]:
            continue
        if name_label[norm] != "PERSON":
            continue
        cands = by_last.get(norm, [])
        if not cands:
            cands = by_first.get(norm, [])
        if len(cands) == 1:
            target[norm] = cands[0]

    result: dict[str, tuple[str, str, str]] = {}
    for key in key_names:
        norm = target[key.split("|", 1)[1]]
        label = name_label[norm]
        result[key] = (f"{label}|{norm}", label, name_surface[norm])
    return result


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


def _surface_rank(s: str) -> tuple:
    # Deterministic preference among equally frequent spellings: capitalised, then lexicographic.
    return (s[:1].isupper(), tuple(-ord(c) for c in s))
