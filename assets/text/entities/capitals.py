"""Full names the model cut short or missed, rebuilt from the capitalised words before a person's surname."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assets.text.entities.clues import _speaks_or_described
from assets.text.entities.names import ORG_DESIGNATORS, ROLE_NOUNS, TITLE_WORDS, normalise
from assets.text.entities.spans import _covered_chars, _Raw

if TYPE_CHECKING:
    from spacy.tokens import Doc


# Parts of speech the model gives to name words (unknown names are often tagged NOUN, ADJ or X).
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X"})
# A person's name has at most this many words (given names, surname).
_MAX_NAME_WORDS = 4
# A line is headline-style when it has this many words, nearly all capitalised ("Nickel Boom Lifts Hopes").
_HEADLINE_MIN_WORDS = 4
_HEADLINE_CAPS_SHARE = 0.7


def _name_word(tok) -> bool:
    """A token that can be part of a person's name: a capitalised word, not a title, role or company word."""
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
    caps = sum(w[:1].isupper() for w in words)
    return len(words) >= _HEADLINE_MIN_WORDS and caps >= _HEADLINE_CAPS_SHARE * len(words)


def _name_run(doc: Doc, tok, covered: set[int], limit: int = _MAX_NAME_WORDS) -> list:
    """Name words right before tok (one space apart, uncovered) and tok itself: `limit` tokens at most."""
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


def _extend_names_left(doc: Doc, raws: list[_Raw]) -> None:
    """'Wahyu Setiawan Hadi' where the model tagged 'Setiawan Hadi': a name takes the name words before it."""
    covered = _covered_chars(raws)
    tok_of = {t.idx: t for t in doc}
    for r in raws:
        first = tok_of.get(r.start)
        if r.label != "PERSON" or r.fixed or first is None or first.lower_ in TITLE_WORDS:
            continue
        n = len(r.text.split())
        run = _name_run(doc, first, covered, limit=max(_MAX_NAME_WORDS - n + 1, 1))
        if len(run) >= 2 and all(t.pos_ == "PROPN" for t in run[:-1]):
            r.start = run[0].idx
            r.text = doc.text[r.start : r.end]
            r.canonical = r.text


def _extend_names_right(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """'Councillor Marta' + 'Zielińska' (tagged a place): a person's name of one or two words takes the one
    capitalised word right after it that the model tagged as something else, when the text names a person by
    that word elsewhere ("Councillor Zielińska"); a headline's "Trump Iran" stays two names."""
    surnames = {r.text.split()[-1] for r in raws if r.label == "PERSON"}
    by_start = {r.start: r for r in raws}
    tok_of = {t.idx: t for t in doc}
    absorbed: set[int] = set()
    for r in raws:
        if r.label != "PERSON" or r.fixed or id(r) in absorbed:
            continue
        words = [w for w in r.text.split() if w.lower() not in TITLE_WORDS]
        nxt = by_start.get(r.end + 1)
        if (
            not 1 <= len(words) <= 2
            or nxt is None
            or nxt.fixed
            or nxt.label == "PERSON"
            or nxt.text not in surnames
        ):
            continue
        tok = tok_of.get(nxt.start)
        after = doc[tok.i + 1] if tok is not None and tok.i + 1 < len(doc) else None
        if (
            tok is None
            or doc.text[r.end] != " "
            or tok.pos_ != "PROPN"
            or (after is not None and after.pos_ == "PROPN")
        ):
            continue
        r.end = nxt.end
        r.text = r.canonical = doc.text[r.start : r.end]
        absorbed.add(id(nxt))
    return [r for r in raws if id(r) not in absorbed]


def _names_from_capitals(doc: Doc, raws: list[_Raw]) -> tuple[list[_Raw], dict[str, tuple[int, str]]]:
    """Full names, untagged by the model, that a bare PERSON surname abbreviates ("Agus Prasetyo": Prasetyo).

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
        run, inside = _free_name_run(doc, tok, by_char)
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


def _free_name_run(doc: Doc, tok, by_char: dict[int, _Raw]) -> tuple[list, dict[int, _Raw]]:
    """The name run ending at tok, shortened from the left until every mention it touches lies inside it.

    Words inside a mention count as free when the whole mention lies inside the candidate name. Returns the
    run (empty when none is left) and the mentions inside it, by id."""
    run = _name_run(doc, tok, set())
    inside: dict[int, _Raw] = {}
    while run:
        inside = {id(x): x for t in run if (x := by_char.get(t.idx)) is not None}
        if not any(
            x.fixed or x.start < run[0].idx or x.end > tok.idx + len(tok.text) for x in inside.values()
        ):
            break
        run = run[1:] if len(run) > 2 else []
    return run, inside


def _hyphenated_names(doc: Doc, raws: list[_Raw]) -> None:
    """'Marie-Claire Etoundi' where the model tagged 'Marie': a person's name cut at a hyphen takes the hyphened
    word and the name words right after it."""
    covered = _covered_chars(raws)
    tok_of = {t.idx: t for t in doc}
    for r in raws:
        hyphen = tok_of.get(r.end)
        if r.label != "PERSON" or r.fixed or hyphen is None or hyphen.text != "-" or hyphen.i + 1 >= len(doc):
            continue
        nxt = doc[hyphen.i + 1]
        if nxt.idx != r.end + 1 or nxt.idx in covered or not _name_word(nxt):
            continue
        end = nxt
        while (
            end.i + 1 < len(doc)
            and len(doc.text[r.start : end.idx + len(end.text)].split()) < _MAX_NAME_WORDS
        ):
            after = doc[end.i + 1]
            if after.idx != end.idx + len(end.text) + 1 or after.idx in covered or not _name_word(after):
                break
            end = after
        r.end = end.idx + len(end.text)
        r.text = r.canonical = doc.text[r.start : r.end]
