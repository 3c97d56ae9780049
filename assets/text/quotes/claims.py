"""One analysis per document, turned into quote claims and reported-speech claims."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from assets.text.quotes.attribution import _attribute_quotes
from assets.text.quotes.index import _Index
from assets.text.quotes.inheritance import _propagate
from assets.text.quotes.reported import _find_reported, _reported_claims
from assets.text.records import Claim, Mention, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _analyse(doc: Doc, sentences: list[Sentence], mentions: list[Mention]) -> tuple[list[Claim], list[Claim]]:
    """Quote and reported claims of a document, computed once and cached on the Doc."""
    cache_key = ("dossier.quotes", len(sentences), hash(tuple(mentions)))
    cached = doc.user_data.get("dossier.quotes")
    if cached is not None and cached[0] == cache_key:
        return cached[1]
    idx = _Index(doc, sentences, mentions)
    _attribute_quotes(idx)
    # Attribution verbs of direct quotations are not reported speech; a partial quotation inside a clause is.
    quote_verbs = {q.verb_i for q in idx.quotes if q.verb_i is not None and not q.embedded}
    reported = _find_reported(idx, quote_verbs)
    _propagate(idx, reported)
    result = (_quote_claims(idx), _reported_claims(idx, reported))
    doc.user_data["dossier.quotes"] = (cache_key, result)
    return result


def _norm_quote(text: str) -> str:
    """A quotation's words without case or punctuation, to spot repeats."""
    return " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())


def _quote_claims(idx: _Index) -> list[Claim]:
    """One claim per distinct quotation, titles left out; a repeat lends its speaker to an unnamed one."""
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for q in idx.quotes:
        if q.title:
            continue
        text = idx.body[q.start : q.end]
        flags = list(dict.fromkeys(q.flags))
        if q.continued or any(o.chain == q.chain and o is not q for o in idx.quotes):
            flags.append("multi_paragraph")
        claim = Claim(
            sentence_idx=idx.sent_idx(q.start),
            start_char=q.start,
            end_char=q.end,
            kind="quote",
            text=text,
            speaker=None if q.scare else q.speaker,
            speaker_key=None if q.scare else q.speaker_key,
            speaker_mention=None if q.scare or q.speaker is None else q.mention,
            cue=None if q.scare else q.cue,
            flags=tuple(flags),
        )
        key = _norm_quote(text)
        if key in seen:
            k = seen[key]
            if claims[k].speaker is None and claim.speaker is not None and not q.scare:
                claims[k] = replace(
                    claims[k],
                    speaker=claim.speaker,
                    speaker_key=claim.speaker_key,
                    speaker_mention=claim.speaker_mention,
                    cue=claim.cue,
                    flags=claim.flags,
                )
            continue
        seen[key] = len(claims)
        claims.append(claim)
    return claims


def find_quotes(doc: Doc, sentences: list[Sentence], mentions: list[Mention]) -> list[Claim]:
    """Direct quotations with their speaker."""
    return list(_analyse(doc, sentences, mentions)[0])


def find_reported(doc: Doc, sentences: list[Sentence], mentions: list[Mention]) -> list[Claim]:
    """Reported speech: speaker + content clause from the dependency parse."""
    return list(_analyse(doc, sentences, mentions)[1])
