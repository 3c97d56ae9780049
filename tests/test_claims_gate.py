"""Quality gate of the text extractors on the annotated claims corpus (tests/fixtures/claims), scored by bench/claims.py.

The gate runs the real extractors once and holds each metric to a pinned floor. The self-tests check the scorer
itself: the gold fed back as predictions must score perfectly, an empty prediction must recall nothing, and a
corrupted prediction must lose exactly what was corrupted.
"""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from assets.text.records import Claim, Mention
from conftest import load_bench

# Floors pinned a little under the measured values. "claims" is the development corpus the rules were fixed
# against (in-sample: it only guards against regressions). "claims_heldout" was written separately; its error
# categories (not its texts) guided one round of general fixes; "claims_heldout2" and "claims_heldout3" likewise,
# for speakers only. "claims_heldout4" was written after the last speaker-rule round and measured once: the
# honest estimate on unseen text. Never tune a rule to a held-out text.
METRICS = (
    "quote F1",
    "quote speaker accuracy",
    "scare-quote F1",
    "reported F1",
    "reported speaker accuracy",
    "entity NER recall",
    "entity canonical accuracy",
    "figure F1",
    "figure value+unit F1",
    "figure year accuracy",
    "not-figure clean rate",
    "overall F1",
)
FLOORS = {
    # measured 1.000 1.000 1.000 1.000 1.000 0.993 0.993 1.000 1.000 1.000 1.000 1.000
    "claims": dict(zip(METRICS, (0.97, 0.97, 0.90, 0.97, 0.97, 0.98, 0.97, 0.97, 0.97, 0.97, 0.97, 0.97))),
    # measured 0.984 1.000 0.000 0.884 0.895 0.967 0.945 0.978 0.978 0.989 1.000 0.945 (one scare quote only;
    # first blind measurement 0.968 0.933 - 0.835 0.887 0.967 0.912 0.914 0.914 0.961 0.972 0.891)
    "claims_heldout": dict(
        zip(METRICS, (0.95, 0.90, 0.00, 0.80, 0.85, 0.95, 0.88, 0.95, 0.95, 0.95, 0.97, 0.90))
    ),
    # measured 0.977 0.930 0.667 0.891 0.902 0.955 0.919 0.897 0.897 0.977 1.000 0.908; first (blind) run:
    # 0.977 0.860 0.667 0.891 0.852 0.955 0.914 0.897 0.897 0.977 1.000 0.908; its speaker errors were seen
    "claims_heldout2": dict(
        zip(METRICS, (0.95, 0.88, 0.50, 0.85, 0.85, 0.93, 0.88, 0.87, 0.87, 0.95, 0.97, 0.88))
    ),
    # measured 1.000 0.923 1.000 0.947 0.870 0.979 0.926 0.971 0.971 0.922 1.000 0.971; first (blind) run:
    # 1.000 0.897 1.000 0.947 0.815 0.979 0.926 0.971 0.971 0.922 1.000 0.971; its speaker errors were seen
    "claims_heldout3": dict(
        zip(METRICS, (0.97, 0.88, 0.90, 0.92, 0.83, 0.95, 0.90, 0.94, 0.94, 0.90, 0.97, 0.94))
    ),
    # written after the last speaker-rule round and measured once, blind (no scare quotes in it):
    # 1.000 0.767 0.000 0.966 0.833 0.907 0.815 0.924 0.924 0.955 1.000 0.952
    "claims_heldout4": dict(
        zip(METRICS, (0.97, 0.73, 0.00, 0.93, 0.80, 0.88, 0.78, 0.90, 0.90, 0.90, 0.97, 0.93))
    ),
}

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "claims"


claims = load_bench("claims")


@pytest.fixture(scope="module")
def corpus():
    return claims.load_corpus(FIXTURES)


# ---------------------------------------------------------------- gold as predictions


def _key(label: str, name: str) -> str:
    return f"{label}|{name.lower()}"


def gold_predictions(docs, gold, *, wrong_speakers: bool = False, drop_figures: bool = False):
    """Fake Extraction objects that say exactly what the gold says, and the resolution map they need."""
    persons = {e["canonical"] for g in gold.values() for e in g["entities"] if e["label"] == "PERSON"}
    resolved, preds = {}, {}
    for name, g in gold.items():
        body = docs[name]
        mentions = []
        for o in claims.gold_entity_occurrences(body, g["entities"]):
            k = _key(o["label"], o["canonical"])
            resolved[k] = (k, o["label"], o["canonical"])
            mentions.append(
                Mention(0, o["start"], o["end"], body[o["start"] : o["end"]], o["label"], o["canonical"], k)
            )
        out = []
        for kind in ("quotes", "reported"):
            for item in g[kind]:
                start = body.index(item["text"])
                speaker = item["speaker"]
                if wrong_speakers and speaker:
                    speaker = "Nobody In Particular"
                skey = None
                if speaker in persons:
                    skey = _key("PERSON", speaker)
                    resolved[skey] = (skey, "PERSON", speaker)
                flags = ("scare_quote",) if item.get("scare") else ()
                out.append(
                    Claim(
                        0,
                        start,
                        start + len(item["text"]),
                        {"quotes": "quote"}.get(kind, kind),
                        item["text"],
                        speaker=speaker,
                        speaker_key=skey,
                        flags=flags,
                    )
                )
        if not drop_figures:
            for f, span in zip(g["figures"], claims.gold_figure_spans(body, g["figures"])):
                out.append(
                    Claim(
                        0,
                        span[0],
                        span[1],
                        "figure",
                        body[span[0] : span[1]],
                        value=float(f["value"]),
                        unit=f["unit"],
                        year=f["year"],
                    )
                )
        preds[name] = types.SimpleNamespace(sentences=[], mentions=mentions, claims=out)
    return preds, resolved


# ---------------------------------------------------------------- corpus integrity


def test_gold_annotations_occur_in_their_articles(corpus):
    docs, gold = corpus
    assert 12 <= len(docs) <= 15
    for name, g in gold.items():
        body = docs[name]
        assert 250 <= len(body.split()) <= 600, name
        for q in g["quotes"]:
            assert q["text"] in body, (name, q["text"])
            assert q.get("scare") or q["speaker"], (name, q["text"])
        for r in g["reported"]:
            assert r["text"] in body, (name, r["text"])
        for e in g["entities"]:
            assert claims.find_all(body, e["surface"]), (name, e["surface"])
            assert e["label"] in {"PERSON", "ORG", "GPE", "LOC", "NORP"}, (name, e)
        for f, span in zip(g["figures"], claims.gold_figure_spans(body, g["figures"])):
            assert span is not None, (name, f["text"])
            assert isinstance(f["value"], (int, float)) and f["unit"], (name, f)
        for s in g["not_figures"]:
            assert claims.find_all(body, s), (name, s)


# ---------------------------------------------------------------- scorer self-tests


def test_scorer_gives_gold_a_perfect_score(corpus):
    docs, gold = corpus
    preds, resolved = gold_predictions(docs, gold)
    report = claims.score(docs, gold, preds, resolved)
    for cat in ("quotes", "scare_quotes", "reported", "figures", "overall"):
        assert report[cat]["precision"] == 1.0 and report[cat]["recall"] == 1.0, (cat, report[cat])
    assert report["figures"]["value_unit"]["f1"] == 1.0
    assert report["quotes"]["speaker"]["accuracy"] == 1.0
    assert report["reported"]["speaker"]["accuracy"] == 1.0
    assert report["figures"]["year"]["accuracy"] == 1.0
    assert report["entities"]["ner_recall"] == 1.0
    assert report["entities"]["canonical_accuracy"] == 1.0
    assert report["entities"]["label_accuracy_found"] == 1.0
    assert report["figures"]["not_figures"]["wrongly_extracted"] == 0
    assert report["figures"]["not_figures"]["clean_rate"] == 1.0


def test_scorer_gives_empty_prediction_zero_recall(corpus):
    docs, gold = corpus
    empty = {name: types.SimpleNamespace(sentences=[], mentions=[], claims=[]) for name in gold}
    report = claims.score(docs, gold, empty, {})
    for cat in ("quotes", "scare_quotes", "reported", "figures", "overall"):
        assert report[cat]["recall"] == 0.0 and report[cat]["tp"] == 0, (cat, report[cat])
        assert report[cat]["fn"] > 0
    assert report["entities"]["ner_recall"] == 0.0
    assert report["entities"]["canonical_accuracy"] == 0.0
    report_missing = claims.score(docs, gold, {}, {})
    assert report_missing["overall"]["recall"] == 0.0


def test_scorer_notices_wrong_speakers_and_lost_figures(corpus):
    docs, gold = corpus
    preds, resolved = gold_predictions(docs, gold, wrong_speakers=True, drop_figures=True)
    report = claims.score(docs, gold, preds, resolved)
    assert report["quotes"]["f1"] == 1.0
    assert report["quotes"]["speaker"]["accuracy"] == 0.0
    assert report["reported"]["speaker"]["accuracy"] == 0.0
    assert report["figures"]["recall"] == 0.0 and report["figures"]["fp"] == 0


def test_scorer_matching_rules():
    assert claims.quote_match("“no limits,”", '"No  limits"') == 1.0
    assert claims.quote_match("When he said ‘go’, we went", "When he said 'go', we went") == 1.0
    long = " ".join(f"w{i}" for i in range(20))
    assert claims.quote_match(long, long + " extra") > 0  # 20/21 tokens
    assert claims.quote_match(long, " ".join(long.split()[:10])) == 0.0  # half the quote
    assert claims.dice("exports fell 4 per cent", "exports fell 4 per cent in May") >= 0.6
    persons = {"vladimir putin"}
    assert claims.speaker_match("Vladimir Putin", "vladimir putin", persons)
    assert not claims.speaker_match("Vladimir Putin", "Putin", persons)
    assert claims.speaker_match("analysts", "Analysts at Kestrel", persons)
    assert claims.speaker_match("Ministry of Commerce", "the ministry", persons)
    assert claims.value_close(4296.94848, 4300) and not claims.value_close(100, 101)
    body = "It rose 3.5% and then 5% more."
    i = body.index("5% more")
    assert claims.find_all(body, "5%") == [(i, i + 2)]


def test_bench_main_runs_with_a_fake_extractor(corpus, monkeypatch, capsys):
    docs, gold = corpus
    preds, resolved = gold_predictions(docs, gold)

    def extract_documents(items, nlp):
        assert nlp == "fake-model"
        for doc_id, body in items:
            assert body == docs[doc_id]
            yield doc_id, preds[doc_id]

    def resolve_corpus(pairs):
        out = {}
        for _doc_id, m in pairs:
            out[m.entity_key] = resolved[m.entity_key]
        out.update({k: v for k, v in resolved.items() if k.startswith("PERSON|")})
        return out

    extraction = types.ModuleType("assets.text.extraction")
    extraction.load_model = lambda: "fake-model"
    extraction.extract_documents = extract_documents
    entities = types.ModuleType("assets.text.entities")
    entities.resolve_corpus = resolve_corpus
    monkeypatch.setitem(sys.modules, "assets.text.extraction", extraction)
    monkeypatch.setitem(sys.modules, "assets.text.entities", entities)

    assert claims.main([str(FIXTURES), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["overall"]["f1"] == 1.0 and report["entities"]["canonical_accuracy"] == 1.0
    assert claims.main([str(FIXTURES)]) == 0
    assert "quotes" in capsys.readouterr().out


# ---------------------------------------------------------------- the gate


@pytest.fixture(scope="module", params=sorted(FLOORS))
def measured(request):
    docs, gold = claims.load_corpus(ROOT / "tests" / "fixtures" / request.param)
    preds, resolved = claims.run_extractors(docs)
    return request.param, claims.score(docs, gold, preds, resolved)


def test_extractors_meet_pinned_floors(measured):
    name, r = measured
    values = (
        r["quotes"]["f1"],
        r["quotes"]["speaker"]["accuracy"],
        r["scare_quotes"]["f1"],
        r["reported"]["f1"],
        r["reported"]["speaker"]["accuracy"],
        r["entities"]["ner_recall"],
        r["entities"]["canonical_accuracy"],
        r["figures"]["f1"],
        r["figures"]["value_unit"]["f1"],
        r["figures"]["year"]["accuracy"],
        r["figures"]["not_figures"]["clean_rate"],
        r["overall"]["f1"],
    )
    below = {k: f"{v:.3f} < {FLOORS[name][k]:.3f}" for k, v in zip(METRICS, values) if v < FLOORS[name][k]}
    assert not below, f"{name}: below pinned floors: {below}\n{claims.format_table(r)}"
