"""Names as strings: entity keys, spans trimmed to the name, a person's name without titles, same person."""

from __future__ import annotations

import unicodedata
from functools import cache

from assets.text import lexicon

TITLE_WORDS = lexicon.words("people", "titles")
NEWSPAPER_DESIGNATORS = lexicon.words("people", "newspaper_designators")
ORG_DESIGNATORS = lexicon.words("people", "org_designators") | NEWSPAPER_DESIGNATORS
LEGAL_SUFFIXES = lexicon.words("people", "legal_suffixes")
ROLE_NOUNS = lexicon.words("people", "role_nouns")
_ROLE_SUFFIXES = lexicon.ordered("people", "role_suffixes")
_HONORIFICS = lexicon.words("people", "honorifics")
_LOWER_PARTICLES = lexicon.words("names", "lower_particles")
_POST_NOMINALS = lexicon.words("people", "post_nominals")
_KEEP_DOT_WORDS = lexicon.words("names", "keep_dot_words")
_LEAD_PUNCT = lexicon.words("names", "lead_punctuation")
_TRAIL_PUNCT = lexicon.words("names", "trail_punctuation")
_GENERATIONS = lexicon.words("names", "generation_suffixes")

# A first name clipped to its first letters ("Des" for Desmond) keeps at least this many.
_MIN_CLIPPED = 3
# Agent suffixes count only on words longer than this: "human", "Asian", "Oman" are no roles.
_MIN_SUFFIXED_ROLE = 5


def is_role(lemma: str) -> bool:
    """A noun for a kind of person: a listed role or an agent suffix ("glaciologist", "fisherman")."""
    low = lemma.lower()
    return low in ROLE_NOUNS or (
        len(low) > _MIN_SUFFIXED_ROLE and low.isalpha() and low.endswith(_ROLE_SUFFIXES)
    )


def normalise(name: str) -> str:
    """Lower-cased, whitespace-normalised form of a name used in entity keys."""
    return " ".join(name.replace("’", "'").replace("‘", "'").split()).lower()


def entity_key(label: str, canonical: str) -> str:
    """The entity key 'LABEL|normalised canonical'."""
    return f"{label}|{normalise(canonical)}"


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
    """The name without titles before it, nor lower-case words other than particles ("von", "da")."""
    words = text.split()
    words = words[_after_title(words) :]
    while len(words) > 2 and words[-1].isupper() and words[-1].lower().replace(".", "") in _POST_NOMINALS:
        words = words[:-1]  # "Rebecca Lyle KC"
    if len(words) > 3 and words[0].islower() and words[0] in ("for", "of"):
        # a portfolio after a title left out of the span: "(Minister) for Creative Industries X Y"
        words = words[-2:]
    while len(words) > 1 and (
        words[0].lower() in TITLE_WORDS
        or (words[0][:1].islower() and words[0].lower() not in _LOWER_PARTICLES)
        or (
            len(words) > 2 and words[0].lower() in ROLE_NOUNS
        )  # an occupation used as a title: "Nurse Grace Mendoza"
    ):
        words = words[1:]
    return " ".join(words)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """`shorter` is a strictly shorter run of consecutive tokens of `longer`."""
    n = len(shorter)
    if n == 0 or n >= len(longer):
        return False
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


@cache
def _short_forms() -> object:
    from nicknames import NickNamer  # a curated table of English given names and their short forms

    return NickNamer()


@cache
def same_first(a: str, b: str) -> bool:
    """Two first names (lower case) for one person: equal but for accents, or one a short form of the other
    ("greg" / "gregory", "kate" / "katherine", "ronnie" / "ronald"; not "mike" / "john")."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    table = _short_forms()
    if b in table.nicknames_of(a) or a in table.nicknames_of(b):
        return True
    # the table's gaps ("des" / "desmond", "gill" / "gillian"): the longer name's first letters, when those are
    # no given name of their own ("daniel" is one: not "danielle")
    short, long_ = sorted((a, b), key=len)
    return (
        len(short) >= _MIN_CLIPPED and long_.startswith(short) and short.isalpha() and not given_name(short)
    )


def given_name(word: str) -> bool:
    """'Will', 'Rich', 'Kate': a given name or a short form of one in the table (lower case or not)."""
    table = _short_forms()
    w = fold(word.lower())
    return bool(table.nicknames_of(w) or table.canonicals_of(w))


def ends_in_designator(name: str) -> bool:
    """'Fenwright Appliances Inc.', 'Freight Workers' Union': the name's last word is an organisation word."""
    return name.split()[-1].lower().rstrip(".") in ORG_DESIGNATORS


def fold(word: str) -> str:
    """A word without its accents: 'joaquín' -> 'joaquin' (outlets differ in keeping them)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _compatible(full: list[str], other: list[str]) -> bool:
    """True when `other` names the same person as the full name `full` (a father is not his son, Jr.)."""
    if other == full:
        return True
    if _generation(full) != _generation(other):
        return False
    if _contains(full, other):
        return True
    # "Vladimir V. Putin" vs "Vladimir Putin": same first and last name, middle names that do not conflict.
    return len(other) >= 2 and len(full) >= 2 and same_first(other[0], full[0]) and same_middles(full, other)


def _generation(toks: list[str]) -> str:
    return toks[-1] if len(toks) > 2 and toks[-1] in _GENERATIONS else ""


def same_middles(a: list[str], b: list[str]) -> bool:
    """Two names (lower-case tokens) with the same last word (accents aside) whose middle names agree: one has
    none, or each middle word equals the other's or is its initial ("donald j. trump" ~ "donald trump" ~ "donald john
    trump"; "george h.w. bush" is not "george w. bush")."""
    if fold(a[-1]) != fold(b[-1]) or _generation(a) != _generation(b):
        return False
    ma, mb = a[1:-1], b[1:-1]
    if _generation(a):
        ma, mb = a[1:-2], b[1:-2]
    if not ma or not mb:
        return True
    return len(ma) == len(mb) and all(x == y or _initial(x, y) or _initial(y, x) for x, y in zip(ma, mb))


def _initial(x: str, y: str) -> bool:
    """x is the initial of y: 'j.' or 'j' for 'john'."""
    letter = x.rstrip(".")
    return len(letter) == 1 and y[:1] == letter and len(y.rstrip(".")) > 1
