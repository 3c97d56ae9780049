"""A person's gender from their first name, by the name dictionary of the gender-guesser package."""

from __future__ import annotations

import functools

from assets.text.quotes.words import TITLE_WORDS

# Only names the dictionary calls plainly male or female count; "mostly_*" and "andy" (Kim, Xi, Andrea) do not.
_GENDERS = {"male": "m", "female": "f"}


@functools.cache
def _detector():
    """The dictionary, loaded once (about a second); None when the package is not installed."""
    try:
        import gender_guesser.detector as detector
    except ImportError:  # the genders then come from titles and pronouns alone
        return None
    return detector.Detector(case_sensitive=False)


def first_name(name: str) -> str | None:
    """The first name of a full name ("Dr. Ruth Okafor" -> "Ruth"); None for a single word or an initial."""
    words = [w for w in name.split() if w]
    while words and (words[0].lower() in TITLE_WORDS or words[0].lower().rstrip(".") in TITLE_WORDS):
        words = words[1:]
    if len(words) < 2 or len(words[0]) < 2 or not words[0].isalpha() or not words[0][:1].isupper():
        return None
    return words[0]


@functools.cache
def first_name_gender(name: str) -> str | None:
    """'m' or 'f' when the first name of a full name is a plainly male or female one, else None."""
    first = first_name(name)
    det = _detector() if first else None
    return _GENDERS.get(det.get_gender(first)) if det is not None else None
