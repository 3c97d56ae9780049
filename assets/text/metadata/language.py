"""The language of a text: py3langid (the model ships inside the package; no download, no network).

py3langid is the maintained fork of langid.py by trafilatura's author (trafilatura itself uses it for its
language filter); it covers 97 languages and answers with ISO 639-1 codes. Below MIN_CHARS of text or
MIN_PROB of normalised probability the answer is None: a menu or a caption is no evidence of a language.
"""

from __future__ import annotations

import functools

MODEL = "py3langid"
MIN_CHARS = 40
MIN_PROB = 0.5
# Sure enough to override the language a page declares in its markup.
SURE = 0.99
# Enough text to decide; a long body is cut here to keep the classifier fast.
MAX_CHARS = 5000


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code or None, probability) of the text's language."""
    text = " ".join(text[:MAX_CHARS].split())
    if len(text) < MIN_CHARS:
        return None, 0.0
    code, prob = _identifier().classify(text)
    prob = float(prob)
    return (code if prob >= MIN_PROB else None), prob
