"""Person spans trimmed to the name: no line break, number, stray punctuation, verb or headline word inside.

spaCy's small model sweeps the words around a name into the span on headline-style lines and at sentence
starts ("Trump Wants Border", "Asserting Clinton", "Donald Trump 384", "That's Jeb Bush"). Each rule cuts
the span at a feature of the text, never at a listed name.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from assets.text import lexicon
from assets.text.entities.names import TITLE_WORDS, ends_in_designator, trim_span
from assets.text.entities.spans import _Raw
from assets.text.entities.verbs import inflected_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc


_LOWER_PARTICLES = lexicon.words("names", "lower_particles")
_BREAKS = re.compile("[" + re.escape("".join(lexicon.ordered("names", "person_breaks"))) + "]")
_STOPWORDS = frozenset(lexicon.table("stopwords")["by_language"]["en"].split())
_FILLERS = lexicon.words("names", "possessive_fillers") | _STOPWORDS
# Verbs a page's links and buttons open with ("Download …", "Buy …", "Subscribe …"): the acquiring verbs of the
# entity rules and the one-word reader imperatives of the cleaner.
_CALLS_TO_ACT = lexicon.words("entities", "acquiring_verbs") | frozenset(
    w for w in lexicon.words("boilerplate", "reader_imperatives") if " " not in w
)
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
_TITLE_CASE_MIN_LETTERS = 4
_VERB_TAGS = frozenset({"VBG", "VBD", "VBN", "VBZ", "VBP"})
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS"})
# A shouting abbreviation ("DL", "QB") inside a name is a headline's label when at least this many name words
# follow it ("Browns DL Sheldon Richardson"); "AJ Styles" keeps its initials.
_MIN_WORDS_AFTER_CAPS = 2


def _cut_line_breaks(body: str, raws: list[_Raw]) -> list[_Raw]:
    """A mention never crosses a line break: it keeps its first line (dropped when that has no letter); nor
    does it end in a lower-case function word ("iPad Pro and")."""
    out = []
    for r in raws:
        end = r.start + r.text.find("\n") if "\n" in r.text else r.end
        words = body[r.start : end].split()
        while len(words) > 1 and words[-1] in _FILLERS:
            end = body.rindex(words.pop(), r.start, end)
        if end != r.end:
            start, end = trim_span(body, r.start, end, r.label)
            if not any(c.isalpha() for c in body[start:end]):
                continue
            _reset(body, r, start, end)
        out.append(r)
    return out


def _reset(body: str, r: _Raw, start: int, end: int) -> None:
    """The mention moved to body[start:end]; a canonical name that was the old text follows it."""
    if r.canonical == r.text:
        r.canonical = body[start:end]
    r.start, r.end, r.text = start, end, body[start:end]


def _trim_people(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """PERSON spans cut to the name inside them; a span left with no capitalised word is dropped."""
    body = doc.text
    tags = {t.idx: t.tag_ for t in doc}
    # Words capitalised by position only ("Recent Samsung phones …"): opening a sentence or line, not tagged
    # a proper noun, and an adjective or adverb or written in lower case elsewhere in the document.
    lower = {t.text for t in doc if t.text.islower()}
    common = {
        t.idx
        for t in doc
        if (t.is_sent_start or (t.i > 0 and "\n" in doc[t.i - 1].text_with_ws))
        and not t.tag_.startswith("NNP")
        and (t.text.lower() in lower or t.tag_ in _MODIFIER_TAGS)
    }
    common |= _portfolios(doc, lower)
    # Surnames the document gives people, with the spans that give them: a word left over from a trimmed span
    # must be some other span's surname.
    lasts: dict[str, set[str]] = {}
    for r in raws:
        if r.label == "PERSON" and len(r.text.split()) >= 2:
            lasts.setdefault(r.text.split()[-1].lower(), set()).add(r.text)
    plain_text = _outside_headlines(body)
    out = []
    for r in raws:
        if r.label != "PERSON" or r.fixed:
            out.append(r)
            continue
        words = [(m.start() + r.start, m.end() + r.start) for m in _WORD.finditer(r.text)]
        others = {w: texts - {r.text} for w, texts in lasts.items()}
        words = _name_words(body, words, tags, others, common)
        words = _headline_edges(body, words, lower, plain_text)
        if not words:
            continue
        start, end = trim_span(body, words[0][0], words[-1][1], r.label)
        if not any(w[:1].isupper() for w in body[start:end].split()):
            continue
        if (start, end) != (r.start, r.end):
            r.canonical = body[start:end]
            r.start, r.end, r.text = start, end, body[start:end]
        out.append(r)
    return out


def _outside_headlines(body: str) -> str:
    """The document's lines that are not written in title case, joined."""
    return "\n".join(line for line in body.split("\n") if not _title_case(line))


def _title_case(line: str) -> bool:
    """'King of Monitors: 35% Off Dell', 'Download the App for Free': three words or more, and every word of
    four letters or more capitalised, function words aside ("… Gaming Monitor with RGB")."""
    words = _LETTERS.findall(line)
    long = [w for w in words if len(w) >= _TITLE_CASE_MIN_LETTERS and w.lower() not in _STOPWORDS]
    return len(words) >= 3 and bool(long) and all(w[0].isupper() for w in long)


def _headline_edges(body: str, words: list, lower: set[str], plain_text: str) -> list:
    """A word at the edge of a name on a title-case line, which the document writes in lower case elsewhere or
    which is a function word, or (first) a call to act ("Download", "Buy"), is no part of the name unless the
    document's other lines write it with its neighbour: 'Off Dell' is Dell and 'Dashlane Password' Dashlane, but
    'Will Smith' stays when the text names Will Smith."""

    def common(w: tuple[int, int], pair: str) -> bool:
        text = body[w[0] : w[1]].lower()
        return (text in lower or text in _FILLERS) and pair not in plain_text

    def imperative(w: tuple[int, int], pair: str) -> bool:
        # "Download Dashlane Password Manager for Free": a line of links opens with a call to act on the page;
        # "Mark Carney Wins" opens with a name (any verb list would hold "mark", so only these verbs count).
        return body[w[0] : w[1]].lower() in _CALLS_TO_ACT and pair not in plain_text

    def pair(a: tuple[int, int], b: tuple[int, int]) -> str:
        return body[a[0] : a[1]] + " " + body[b[0] : b[1]]

    while len(words) > 1 and (
        common(words[0], pair(words[0], words[1])) or imperative(words[0], pair(words[0], words[1]))
    ):
        words = words[1:]
    while len(words) > 1 and common(words[-1], pair(words[-2], words[-1])):
        words = words[:-1]
    return words


def _portfolios(doc: Doc, lower: set[str]) -> set[int]:
    """'Minister of State for Housing Ciarán Dunphy': a word after a title's "for"/"of" that the document also
    writes in lower case is the title's portfolio, not the start of the name."""
    out = set()
    for t in doc[1:]:
        prev = doc[t.i - 1]
        if (
            prev.lower_ in ("for", "of")
            and t.text[:1].isupper()
            and t.text.lower() in lower
            and any(w.lower_ in TITLE_WORDS for w in doc[max(0, t.i - 5) : t.i - 1])
        ):
            out.add(t.idx)
    return out


def _name_words(body: str, words: list, tags: dict, lasts: dict[str, set[str]], common: set[int]) -> list:
    """The (start, end) words of the name inside a PERSON span."""
    words = _first_piece(body, words)
    words = _after_filler_possessive(body, words)
    words = _after_caps_label(body, words)
    while len(words) > 1 and (words[0][0] in common or _lead_junk(body, words, tags, lasts)):
        words = words[1:]
    for i in range(1, len(words)):
        if _tail_junk(body, words, i, tags, lasts):
            return words[:i]
    return words


def _first_piece(body: str, words: list) -> list:
    """The first piece with a capitalised word, the span being split at break characters and at numbers."""
    pieces: list[list] = [[]]
    for s, e in words:
        text = body[s:e]
        if any(c.isdigit() for c in text):
            pieces.append([])
            continue
        m = _BREAKS.search(text)
        while m:
            if m.start() > 0:
                pieces[-1].append((s, s + m.start()))
            pieces.append([])
            s, text = s + m.end(), text[m.end() :]
            m = _BREAKS.search(text)
        if text:
            pieces[-1].append((s, e))
    return next((p for p in pieces if any(body[s:e][:1].isupper() for s, e in p)), [])


def _after_filler_possessive(body: str, words: list) -> list:
    """'That's Jeb Bush' is Jeb Bush; 'Jeff Bezos's Blue Origin' is Jeff Bezos (the owner, not the owned)."""
    for i, (s, e) in enumerate(words[:-1]):
        text = body[s:e]
        if text[-2:] in ("'s", "’s"):
            if i == 0 and text[:-2].lower() in _FILLERS:
                return words[1:]
            return words[:i] + [(s, e - 2)]
    return words


def _after_caps_label(body: str, words: list) -> list:
    """'Browns DL Sheldon Richardson': the name is what follows a shouting abbreviation inside the span."""
    # Not the first word: a span opening in capitals is a company form ("PT Sulawesi Mineral") or initials.
    for i in range(1, len(words) - _MIN_WORDS_AFTER_CAPS):
        text = body[words[i][0] : words[i][1]]
        if (
            len(text) >= 2
            and text.isalpha()
            and text.isupper()
            and not body[words[-1][0] : words[-1][1]].isupper()
        ):
            return words[i + 1 :]
    return words


def _lead_junk(body: str, words: list, tags: dict, lasts: dict[str, set[str]]) -> bool:
    """The first word is no part of the name: a lower-case word, a function word, or a verb form."""
    s, e = words[0]
    text = body[s:e]
    if text[:1].islower():
        return text not in _LOWER_PARTICLES
    tag = tags.get(s, "")
    if text.lower() in _FILLERS and not tag.startswith("NNP"):
        return True
    rest = body[words[1][0] : words[-1][1]].lower()
    known = len(words) == 2 and bool(lasts.get(rest.split()[-1]))
    return inflected_verb(text) and (tag in _VERB_TAGS or known)


def _tail_junk(body: str, words: list, i: int, tags: dict, lasts: dict[str, set[str]]) -> bool:
    """Word i and what follows it are no part of the name: a lower-case word or a verb form after a name."""
    s, e = words[i]
    text = body[s:e]
    if text[:1].islower():
        return text not in _LOWER_PARTICLES
    if not inflected_verb(text):
        return False
    rest_last = body[words[i - 1][0] : words[i - 1][1]].lower()
    # After a surname the document gives a person elsewhere ("Trump Wants"); after a full name, a participle
    # ("Ryan Hollman Submitted") or a word the model itself reads as a verb.
    if i == 1:
        return bool(lasts.get(rest_last))
    if i < len(words) - 1:
        return False  # a name goes on after it ("World Glacier Monitoring Service")
    return inflected_verb(text, ("ing", "ed")) or tags.get(s, "") in _VERB_TAGS


# "X and Y", "X & Y", "X for (the) Y": two names joined in one span
_JOINED = re.compile(r"\s+(?:and|&|for(?: the)?)\s+")


# "… and Freight Workers' Union": "and", then capitalised words (up to four) ending the name
_AND_CAPITALS = re.compile(r"\s(?:and|&)\s((?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*)")


def _join_coordinated(body: str, raws: list[_Raw]) -> list[_Raw]:
    """'The Driver and Vehicle Standards Agency', tagged as 'Driver' and 'Vehicle Standards Agency': one word
    after "the", then "and" and a name ending in a company word, is one name when that word is named nowhere
    else in the document (the article belongs to the whole name; "the Ford and General Motors plants" names Ford
    elsewhere). So when the model tagged the first word only ("the Maritime and Freight Workers' Union")."""
    counts = Counter(r.text for r in raws)
    starts = {r.start for r in raws}
    out: list[_Raw] = []
    for r in raws:
        tail = _AND_CAPITALS.match(body, r.end)
        if (
            _first_of_a_joined_name(body, r, counts)
            and tail is not None
            and tail.start(1) not in starts
            and ends_in_designator(tail.group(1))
        ):
            r = _Raw(r.start, tail.end(1), body[r.start : tail.end(1)], "ORG")
        prev = out[-1] if out else None
        if (
            prev is not None
            and r.label == "ORG"
            and not r.fixed
            and _first_of_a_joined_name(body, prev, counts)
            and body[prev.end : r.start] in (" and ", " & ")
            and ends_in_designator(r.text)
        ):
            out[-1] = _Raw(prev.start, r.end, body[prev.start : r.end], "ORG")
            continue
        out.append(r)
    return out


def _first_of_a_joined_name(body: str, r: _Raw, counts: Counter) -> bool:
    """One word tagged an organisation after "the", named nowhere else in the document."""
    return (
        r.label == "ORG"
        and not r.fixed
        and " " not in r.text
        and counts[r.text] == 1
        and body[max(0, r.start - 4) : r.start].lower() == "the "
    )


# "(Reuters/Ellen Marsh)", "AP Photo/Evan Vucci": an agency, a slash, a person of two or three capitalised words
_CREDIT = re.compile(r"([A-Z][\w&. ]*?)/((?:[A-Z][\w'’-]+ ){1,2}[A-Z][\w'’-]+)")


def _split_credits(raws: list[_Raw]) -> list[_Raw]:
    """A photo credit tagged as one organisation ("SBJ/Aya Koffi-Diabaté") is the agency and the photographer."""
    out: list[_Raw] = []
    for r in raws:
        m = _CREDIT.fullmatch(r.text) if r.label == "ORG" and not r.fixed else None
        if m is None:
            out.append(r)
            continue
        out.append(_Raw(r.start, r.start + m.end(1), m.group(1), "ORG"))
        out.append(_Raw(r.start + m.start(2), r.end, m.group(2), "PERSON"))
    return out


def _for_a_company(left: str, joiner: str, right: str) -> bool:
    """'Halden Research for the Larchmont Tribune': a name of two words or more working "for the" a name ending
    in a company word is two bodies. Names with "for the" inside end otherwise ("Committee for the Protection of
    Journalists", "Institute for the Study of War")."""
    return joiner.split()[-1] == "the" and len(left.split()) >= 2 and ends_in_designator(right)


def _split_coordinated(raws: list[_Raw]) -> list[_Raw]:
    """'iPad Pro and MacBook Pro' is two names when the document names each on its own, and so is 'Halden
    Research for the Larchmont Tribune' (also when neither is: see _for_a_company); 'Procter and Gamble',
    'Customs and Border Protection', 'Commission for Racial Equality' stay one (their halves are never names
    alone)."""
    alone: dict[str, list[str]] = {}
    for r in raws:
        alone.setdefault(r.text, []).append(r.label)
    out: list[_Raw] = []
    for r in raws:
        m = _JOINED.search(r.text)
        if r.fixed or m is None or _JOINED.search(r.text, m.end()):
            out.append(r)
            continue
        left, right = r.text[: m.start()], r.text[m.end() :]
        if (left in alone and right in alone) or _for_a_company(left, m.group(), right):
            for s, t in ((r.start, left), (r.start + m.end(), right)):
                labels = alone.get(t, [r.label])
                out.append(_Raw(s, s + len(t), t, max(set(labels), key=labels.count)))
        else:
            out.append(r)
    return out
