"""Speaker attribution by mention kind on tests/fixtures/speakers_dev, scored by bench/claims.py.

speakers_dev/tune is what the coreference rules were fixed against (in-sample: a regression guard only);
speakers_dev/check was written at the same time and measured after the rules were done; speakers_heldout was
written apart from the rules and measured blind once after them (the gap to check is the rules' overfit), then
used for development; speakers_heldout2 was written blind after that and measured once, then used for development;
speakers_heldout3 was written blind during that and measured once, then used for development; speakers_heldout4
was written blind during that and measured once, then used for development; speakers_heldout5 and speakers_heldout6
and speakers_heldout7 likewise, one round apart (2026-12-03), speakers_heldout8 after the next session's
rules, and speakers_heldout9 after the session after that (all 2026-12-03). The scorer self-tests
check the per-kind tally on hand-made predictions.
"""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from assets.text.records import Claim
from conftest import load_bench

ROOT = Path(__file__).resolve().parents[1]
claims = load_bench("claims")

# Floors a little under the measured values (quote F1, speaker accuracy, and per kind: named, described,
# pronoun, none). Measured at the end of the speakers-q round:
#   tune  1.000 0.986 1.000 0.917 1.000 1.000   (before the round: 1.000 0.843 0.864 0.417 0.957 1.000)
#   check 1.000 0.973 1.000 0.857 1.000 1.000   (before the round: 1.000 0.838 1.000 0.429 0.909 0.857)
#   heldout 0.996 0.737 0.821 0.607 0.692 0.800 (blind, once, at f6d9b30)
# Then speakers_heldout became development material (its misses were read and fixed: ages, lede descriptions,
# hyphenated subjects, relative pronouns, surnames parsed as nouns); speakers_blind2 took its place as the blind set:
#   heldout 0.996 0.805 0.872 0.714 0.769 0.840 (2026-12-02, after the first of those fixes)
#   heldout 0.996 0.856 0.897 0.821 0.846 0.840 (2026-12-02, after all of them, at 6507713)
# speakers_heldout2 (folder speakers_heldout2, written blind by another author after those fixes), measured once:
#   heldout2 0.993 0.819 0.939 0.559 0.865 0.875 (at 6507713; the code before the fixes, 9f53dce: 0.993 0.806
#            0.939 0.529 0.865 0.833 — so little of the heldout gain carried over to unseen text)
# Then speakers_heldout2 became development material too (its misses read and fixed: lower-case role nouns tagged
# as names, roles of a body "the union's president", titles as nouns "the colonel", number agreement, groups of
# people, organisations met again for "it", organisation labels by apposition, club prefix and short name):
#   heldout2 0.993 0.917 0.939 0.882 0.919 0.917 (2026-12-03)
# speakers_heldout3 (written blind by another author while those fixes were made, not read before), measured once:
#   heldout3 0.993 0.870 0.958 0.811 0.816 0.870 (2026-12-03, after the fixes; the code before them, 79cbd57:
#            0.993 0.849 0.958 0.784 0.763 0.870)
# Then speakers_heldout3 became development material (misses read and fixed: a definite role no one was given is
# the person just named, titles as the role they name, an organisation given a noun in apposition, a person
# description never an earlier company description, "Products" as a designator):
#   heldout3 0.993 0.925 0.958 0.919 0.868 0.957; heldout2 0.993 0.931 0.939 0.912 0.919 0.958 (2026-12-03)
# With line breaks made sentence starts before the parser: heldout3 0.993 0.932 0.958 0.919 0.895 0.957.
# speakers_heldout4 (written blind by another author during that round, not read before), measured once:
#   heldout4 0.997 0.876 0.938 0.667 0.921 1.000 (2026-12-03, after round 2 and the line breaks; the code before
#            the day's work, 79cbd57: 0.997 0.855 0.917 0.667 0.868 1.000)
# Then speakers_heldout4 became development material (any noun the text gave a person, "the MP", people at an
# organisation speak for it, a subject the model calls an adjective "the daily"):
#   heldout4 0.997 0.903 0.938 0.778 0.921 1.000 (2026-12-03)
# speakers_heldout5 (written blind during the next round), measured once after it (e796fff):
#   heldout5 0.997 0.851 0.935 0.700 0.872 0.913 (the code before the round, beff808: 0.997 0.845 0.935 0.675 0.872 0.913)
# speakers_heldout6 (written blind during the round after that), measured once after it (7ad3009):
#   heldout6 0.993 0.853 0.933 0.800 0.800 0.870 (beff808: the same)
# speakers_heldout7 (written blind during the rounds after that), measured once after them (28e8783):
#   heldout7 0.990 0.893 0.980 0.743 0.897 0.920 (beff808: 0.990 0.872 0.960 0.743 0.872 0.880)
# All three then became development material:
#   heldout5 0.997 0.946 0.978 0.875 0.949 1.000; heldout6 0.993 0.909 1.000 0.829 0.850 0.957 (86da1be)
# speakers_heldout8 (written blind during the next session's rules), measured once after them (4028467):
#   heldout8 1.000 0.893 0.979 0.821 0.842 0.920 (fe4ea37, that session's start: 1.000 0.880 0.979 0.821 0.789 0.920)
# Then speakers_heldout8 became development material (honorific names, hyphenated given names, coroner as a title,
# passive sentences attribute nothing, organisations by apposition and by coalition/orchestra words, genders from
# the narrative in text order), which also moved heldout, heldout2, heldout5, heldout6 and heldout7 (b555fed):
#   heldout8 1.000 0.967 1.000 0.872 1.000 1.000; heldout 0.958; heldout2 0.951; heldout5 0.966; heldout6 0.965;
#   heldout7 0.960
# speakers_heldout9 (written blind during that session's rules), measured once after them (b555fed):
#   heldout9 0.987 0.860 0.957 0.756 0.825 0.909 (00e063d, that session's start: the same, quote for quote)
# Then speakers_heldout9 became development material (agent nouns and the one organisation of a kind as
# descriptions, media after "on", colon introductions over the next sentence, "its" for organisations, a "they"
# for the group just described, inverted cues with a person as the parser's object), which also moved heldout2
# and heldout5 (this session, 2026-12-03):
#   heldout9 0.987 0.993 1.000 0.976 1.000 1.000; heldout2 0.958; heldout5 0.986
# speakers_heldout10 (written blind during that session's rules), measured once after them (9967bec):
#   heldout10 1.000 0.900 1.000 0.750 0.900 0.960 (3a864bf, that session's start: 1.000 0.893 1.000 0.725 0.900 0.960)
# then rules from it ("The mayor of Monchique, Joaquim Pires," gives Pires the role; a kind noun carrying the article
# right before a name classes it; an organisation noun takes up the organisation its paragraph just re-described):
#   heldout10 1.000 0.927 1.000 0.850 0.900 0.960
# speakers_heldout11 (written blind during that session's later rules), measured once after them (42d48c6):
#   heldout11 1.000 0.913 1.000 0.814 0.900 0.952 (3a864bf, that session's start: 1.000 0.873 0.957 0.721 0.900 0.952)
# then rules from it (a kind noun after a possessive, or inside the name's own phrase, classes the name; a role
# above a place phrase before a name is that person's):
#   heldout11 1.000 0.940 1.000 0.907 0.900 0.952
# speakers_heldout12 (written blind during that session's last rules), measured once after them (39f7e39):
#   heldout12 0.993 0.920 0.978 0.786 0.947 1.000 (3a864bf, that session's start: the same, quote for quote)
# The next session took rules from heldout12's misses (a title before a short name; "the union leader"; a person
# word after a named speaker; a document read on someone's behalf; unnamed women, teenagers and parser-lost
# subjects as antecedents):
#   heldout11 1.000 0.947 1.000 0.907 0.925 0.952
#   heldout12 0.993 0.960 0.978 0.881 1.000 1.000
# speakers_heldout13 (written blind by a helper while those rules were written), measured once after them (006d5b0):
#   heldout13 1.000 0.947 0.955 0.929 0.946 0.963 (03e8426, that session's start: the same, quote for quote)
FLOORS = {
    "tune": (0.97, 0.95, 0.95, 0.80, 0.93, 0.95),
    "check": (0.97, 0.93, 0.95, 0.70, 0.90, 0.85),
    "heldout": (0.97, 0.93, 0.95, 0.90, 0.93, 0.93),
    "heldout2": (0.97, 0.93, 0.93, 0.91, 0.92, 0.93),
    "heldout3": (0.97, 0.90, 0.93, 0.89, 0.87, 0.92),
    "heldout4": (0.97, 0.88, 0.91, 0.75, 0.89, 0.97),
    "heldout5": (0.97, 0.96, 0.97, 0.90, 0.97, 0.97),
    "heldout6": (0.97, 0.89, 0.97, 0.80, 0.82, 0.93),
    "heldout7": (0.97, 0.92, 0.97, 0.77, 0.92, 0.90),
    "heldout8": (0.97, 0.94, 0.97, 0.84, 0.97, 0.97),
    "heldout9": (0.97, 0.97, 0.97, 0.93, 0.97, 0.97),
    "heldout10": (0.97, 0.90, 0.97, 0.80, 0.87, 0.93),
    "heldout11": (0.97, 0.92, 0.97, 0.87, 0.90, 0.92),
    "heldout12": (0.97, 0.94, 0.95, 0.85, 0.97, 0.97),
    "heldout13": (0.97, 0.92, 0.93, 0.90, 0.92, 0.93),
}
FOLDERS = {
    "tune": ROOT / "tests" / "fixtures" / "speakers_dev" / "tune",
    "check": ROOT / "tests" / "fixtures" / "speakers_dev" / "check",
    "heldout": ROOT / "tests" / "fixtures" / "speakers_heldout",
    "heldout2": ROOT / "tests" / "fixtures" / "speakers_heldout2",
    "heldout3": ROOT / "tests" / "fixtures" / "speakers_heldout3",
    "heldout4": ROOT / "tests" / "fixtures" / "speakers_heldout4",
    "heldout5": ROOT / "tests" / "fixtures" / "speakers_heldout5",
    "heldout6": ROOT / "tests" / "fixtures" / "speakers_heldout6",
    "heldout7": ROOT / "tests" / "fixtures" / "speakers_heldout7",
    "heldout8": ROOT / "tests" / "fixtures" / "speakers_heldout8",
    "heldout9": ROOT / "tests" / "fixtures" / "speakers_heldout9",
    "heldout10": ROOT / "tests" / "fixtures" / "speakers_heldout10",
    "heldout11": ROOT / "tests" / "fixtures" / "speakers_heldout11",
    "heldout12": ROOT / "tests" / "fixtures" / "speakers_heldout12",
    "heldout13": ROOT / "tests" / "fixtures" / "speakers_heldout13",
}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_speakers_dev_floors(part):
    docs, gold = claims.load_corpus(FOLDERS[part])
    preds, resolved = claims.run_extractors(docs)
    q = claims.score(docs, gold, preds, resolved)["quotes"]
    kinds = q["speaker"]["by_mention"]
    measured = (
        q["f1"],
        q["speaker"]["accuracy"],
        *(kinds[k]["accuracy"] for k in ("named", "described", "pronoun", "none")),
    )
    assert all(m >= f for m, f in zip(measured, FLOORS[part])), (measured, FLOORS[part])


def _claim(text: str, speaker: str | None, mention: str | None) -> Claim:
    return Claim(0, 0, len(text), "quote", text, speaker=speaker, speaker_mention=mention)


def test_scorer_counts_speakers_by_mention_kind():
    body = "“One two three four,” he said. “Five six seven eight.” “Nine ten eleven twelve,” the firm said."
    gold = {
        "doc": {
            "quotes": [
                {
                    "text": "One two three four",
                    "speaker": "Ann Lee",
                    "mention": "he",
                    "mention_kind": "pronoun",
                },
                {
                    "text": "Five six seven eight.",
                    "speaker": "Ann Lee",
                    "mention": None,
                    "mention_kind": "none",
                },
                {
                    "text": "Nine ten eleven twelve",
                    "speaker": "Acme",
                    "mention": "the firm",
                    "mention_kind": "described",
                },
            ],
            "entities": [{"surface": "Ann Lee", "canonical": "Ann Lee", "label": "PERSON"}],
        }
    }
    ex = types.SimpleNamespace(
        claims=[
            _claim("One two three four", "Ann Lee", "he"),
            _claim("Five six seven eight.", "Bob Roe", None),
            _claim("Nine ten eleven twelve", "Acme", "Acme"),
        ],
        mentions=[],
    )
    q = claims.score({"doc": body}, gold, {"doc": ex}, {})["quotes"]
    kinds = q["speaker"]["by_mention"]
    assert (kinds["pronoun"]["correct"], kinds["pronoun"]["total"]) == (1, 1)
    assert (kinds["none"]["correct"], kinds["none"]["total"]) == (0, 1)
    assert (kinds["described"]["correct"], kinds["named"]["total"]) == (1, 0)
    # Mentions are checked where the gold has one: "he" right, "Acme" for "the firm" wrong.
    assert (q["speaker"]["mention"]["correct"], q["speaker"]["mention"]["total"]) == (1, 2)


def test_scorer_without_mention_kinds_reports_no_breakdown():
    body = "“One two three four,” Ann Lee said."
    gold = {"doc": {"quotes": [{"text": "One two three four", "speaker": "Ann Lee"}]}}
    ex = types.SimpleNamespace(claims=[_claim("One two three four", "Ann Lee", "Ann Lee")], mentions=[])
    q = claims.score({"doc": body}, gold, {"doc": ex}, {})["quotes"]
    assert "by_mention" not in q["speaker"] and q["speaker"]["accuracy"] == 1.0
