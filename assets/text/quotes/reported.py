"""Reported speech: reporting verbs outside quotations with a content clause, and their speakers."""

from __future__ import annotations

from assets.text.quotes.content import _content_span, _extra_content
from assets.text.quotes.cues import _cue, _is_reporting
from assets.text.quotes.index import _Index
from assets.text.quotes.marks import _word_count
from assets.text.quotes.model import _Reported
from assets.text.quotes.speakers import _speaker_for_verb
from assets.text.quotes.words import NAMING_VERBS, REFUSAL_VERBS, REPORTING_VERBS
from assets.text.records import Claim

# A clause mostly made of one quotation is that quotation, not a separate reported claim.
QUOTED_SHARE_MAX = 0.8
# A content clause needs this many words to be a claim.
_MIN_CONTENT_WORDS = 2


def _quoted_share(idx: _Index, s: int, e: int) -> float:
    """The share of a span's characters inside quotations."""
    inside = 0
    for q in idx.quotes:
        lo, hi = max(s, q.start), min(e, q.end)
        if hi > lo:
            inside += hi - lo
    return inside / max(e - s, 1)


def _is_claim_span(idx: _Index, s: int, e: int) -> bool:
    """A content span long enough and not mostly one quotation."""
    return _word_count(idx.body[s:e]) >= _MIN_CONTENT_WORDS and _quoted_share(idx, s, e) < QUOTED_SHARE_MAX


def _find_reported(idx: _Index, quote_verbs: set[int]) -> list[_Reported]:
    """Every reported claim of the document; the verbs attributing direct quotations are skipped."""
    out: list[_Reported] = []
    for tok in idx.doc:
        if idx.in_quote(tok) or not _is_reporting(tok) or tok.i in quote_verbs:
            continue
        if (
            tok.lemma_.lower() in NAMING_VERBS
            and tok.lemma_.lower() not in REPORTING_VERBS
            and not any(c.dep_ == "dobj" for c in tok.children)
        ):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not say"
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in REFUSAL_VERBS:
            continue
        span = _content_span(idx, tok)
        if span is None:
            continue
        s, e, flags = span
        if not _is_claim_span(idx, s, e):
            continue
        spk = _speaker_for_verb(idx, tok)
        out.append(_Reported(s, e, _cue(tok), spk, list(flags)))
        for s2, e2, flags2 in _extra_content(idx, tok):
            if _is_claim_span(idx, s2, e2):
                out.append(_Reported(s2, e2, _cue(tok), spk, list(flags2)))
    return out


def _reported_claims(idx: _Index, reported: list[_Reported]) -> list[Claim]:
    """Claims of the reported clauses, with their speakers when named."""
    claims = []
    for r in reported:
        spk = r.speaker if r.speaker is not None and r.speaker.surface else None
        flags = list(r.flags) + (list(spk.flags) if spk else [])
        claims.append(
            Claim(
                sentence_idx=idx.sent_idx(r.start),
                start_char=r.start,
                end_char=r.end,
                kind="reported",
                text=idx.body[r.start : r.end],
                speaker=spk.surface if spk else None,
                speaker_key=spk.key if spk else None,
                speaker_mention=spk.mention if spk else None,
                cue=r.cue,
                flags=tuple(dict.fromkeys(flags)),
            )
        )
    return claims
