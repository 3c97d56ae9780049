"""How English writes a word: mostly in lower case ("turnout", "healthcare", "jump") or capitalised, as a name
("Putin", "Apple", "Brown").

A word capitalised only because it opens a sentence or sits in a title-case headline looks like a name to the
small model. The evidence is spaCy's own English lookups (`spacy-lookups-data`, `lexeme_prob`): case-sensitive
word probabilities estimated from a large web corpus. The small model ships without them.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import cache
from importlib import resources

# A word is common when English writes it in lower case at least this many times as often as capitalised: "turnout"
# (36 times), "healthcare" (15), "jump" (18); "Brown" (1.4 times) and "Apple" (0.5) are names.
COMMON_RATIO = 4.5


@cache
def _common_words() -> frozenset[str]:
    """The lower-case words of the table whose capitalised form is rare beside them (or absent)."""
    # read straight from the package's data file: spaCy's Lookups would keep all million entries (and take twice
    # as long to load); only the words passing the ratio are kept, once per process
    path = resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    with path.open("rb") as raw, gzip.open(raw) as fh:
        prob: dict[str, float] = json.load(fh)
    margin = math.log(COMMON_RATIO)
    return frozenset(
        w
        for w, p in prob.items()
        if w.isalpha() and w.islower() and p - prob.get(w.capitalize(), -math.inf) >= margin
    )


def common_word(word: str) -> bool:
    """'Turnout', 'Healthcare': a capitalised word English writes mostly in lower case. Words it has no count of
    are not, nor words in capitals ("CNN" is rare as "Cnn" but no common word)."""
    return word[:1].isupper() and word[1:].islower() and word.lower() in _common_words()
