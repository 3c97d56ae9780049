"""Quality gate of the text extractors on the annotated claims corpora (tests/fixtures/claims*), scored by
bench/claims.py.

The gate runs the real extractors once per corpus and holds each metric to the floor pinned in floors.json beside
the corpus's gold (about 0.02 under the value measured then). A floors file belongs to the exact corpus it was
measured on: its sha256 must be the corpus's (the sha256 of the `sha256sum` lines of gold.json and every *.txt,
sorted by name: `LC_ALL=C sha256sum $(LC_ALL=C ls gold.json *.txt) | sha256sum`), so a changed corpus comes with
a reviewed floors file. Every metric keeps its floor, the value measured when it was pinned, and a history with
the reason of each change to the floor (never lowered silently). tests/fixtures/CONVENTIONS.md holds the
annotation conventions and what changed in the gold.

The self-tests check the scorer itself: the gold fed back as predictions must score perfectly, an empty
prediction must recall nothing, and a corrupted prediction must lose exactly what was corrupted.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import types
from pathlib import Path

import pytest

from assets.text.records import Claim, Mention
from conftest import load_bench

# "claims" is the development corpus the rules were fixed against (in-sample: it only guards against
# regressions); the claims_heldout* corpora were written separately (floors.json says how each was used).
# Never tune a rule to a held-out text.
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
TIME_UNITS = {"years", "months", "weeks", "days", "hours", "minutes"}

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "claims"
CORPORA = sorted(p.parent.name for p in (ROOT / "tests" / "fixtures").glob("claims*/gold.json"))


claims = load_bench("claims")


@pytest.fixture(scope="module")
def corpus():
    return claims.load_corpus(FIXTURES)


def corpus_sha256(folder: Path) -> str:
    """sha256 of the `sha256sum` lines of gold.json and every *.txt of a corpus folder, sorted by name."""
    files = sorted([folder / "gold.json", *folder.glob("*.txt")], key=lambda p: p.name)
    lines = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in files)
    return hashlib.sha256(lines.encode()).hexdigest()


def load_floors(name: str) -> dict:
    return json.loads((ROOT / "tests" / "fixtures" / name / "floors.json").read_text(encoding="utf-8"))


def metric_values(r: dict) -> dict[str, float]:
    """The gated metrics of a bench/claims.py report, by their names in floors.json."""
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
    return dict(zip(METRICS, values))


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
                        flags=("range",) if claims.is_range(f) else (),
                        value_low=f.get("value_low"),
                        value_high=f.get("value_high"),
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


@pytest.mark.parametrize("name", CORPORA)
def test_figure_gold_follows_the_conventions(name):
    docs, gold = claims.load_corpus(ROOT / "tests" / "fixtures" / name)
    for doc, g in gold.items():
        for f, span in zip(g["figures"], claims.gold_figure_spans(docs[doc], g["figures"])):
            assert span is not None, (doc, f["text"])
            if claims.is_range(f):
                assert f["value_low"] < f["value_high"], (doc, f)
                assert f["value"] == pytest.approx((f["value_low"] + f["value_high"]) / 2), (doc, f)
            assert (f["unit"] in TIME_UNITS) == (f.get("quantity") in {"duration", "age"}), (doc, f)
            if "cubic" in f["text"] or "bcm" in f["text"]:
                assert f["unit"] == "m3", (doc, f)


@pytest.mark.parametrize("name", CORPORA)
def test_scorer_gives_every_corpus_figure_gold_a_perfect_score(name):
    docs, gold = claims.load_corpus(ROOT / "tests" / "fixtures" / name)
    preds, resolved = gold_predictions(docs, gold)
    f = claims.score(docs, gold, preds, resolved)["figures"]
    assert f["f1"] == 1.0 and f["value_unit"]["f1"] == 1.0 and f["year"]["accuracy"] == 1.0, (name, f)
    assert f["not_figures"]["wrongly_extracted"] == 0


def test_scorer_matches_a_range_by_its_bounds():
    gold = {
        "text": "$5 billion and $6 billion",
        "value": 5.5e9,
        "value_low": 5e9,
        "value_high": 6e9,
        "unit": "USD",
    }
    pred = {"value": 5.5e9, "value_low": 5e9, "value_high": 6e9, "unit": "USD"}
    assert claims.figure_agrees(gold, pred)
    assert claims.figure_agrees(gold, {**pred, "value_low": 5.02e9, "value_high": 5.98e9})  # within 0.5 %
    assert not claims.figure_agrees(gold, {**pred, "unit": "EUR"})
    assert not claims.figure_agrees(gold, {**pred, "value_high": 7e9})
    # a single figure at the midpoint, or one end of the range, is not the range
    assert not claims.figure_agrees(
        gold, {"value": 5.5e9, "value_low": 5.45e9, "value_high": 5.55e9, "unit": "USD"}
    )
    assert not claims.figure_agrees(
        gold, {"value": 5e9, "value_low": 4.95e9, "value_high": 5.05e9, "unit": "USD"}
    )
    assert not claims.figure_agrees(gold, {"value": 5.5e9, "unit": "USD"})
    # points keep the value rule, whatever bounds the prediction gives
    point = {"text": "$5 billion", "value": 5e9, "unit": "USD"}
    assert claims.figure_agrees(
        point, {"value": 5.01e9, "value_low": 4.9e9, "value_high": 5.1e9, "unit": "USD"}
    )
    assert not claims.figure_agrees(point, {"value": 5.5e9, "unit": "USD"})


def test_scorer_counts_a_range_read_as_two_figures_as_misses():
    docs, gold = claims.load_corpus(ROOT / "tests" / "fixtures" / "claims_heldout4")
    name = next(n for n, g in gold.items() if any(claims.is_range(f) for f in g["figures"]))
    docs, gold = {name: docs[name]}, {name: gold[name]}
    preds, resolved = gold_predictions(docs, gold)
    ranges = [c for c in preds[name].claims if "range" in c.flags]
    halves = [
        Claim(0, c.start_char, c.end_char, "figure", c.text, value=v, unit=c.unit, year=c.year)
        for c in ranges
        for v in (c.value_low, c.value_high)
    ]
    preds[name].claims = [c for c in preds[name].claims if "range" not in c.flags] + halves
    f = claims.score(docs, gold, preds, resolved)["figures"]
    assert ranges and f["fn"] == len(ranges) and f["fp"] == 2 * len(ranges), f


# ---------------------------------------------------------------- the gate


@pytest.mark.parametrize("name", CORPORA)
def test_floors_belong_to_their_exact_corpus(name):
    floors = load_floors(name)
    got = corpus_sha256(ROOT / "tests" / "fixtures" / name)
    assert floors["sha256"] == got, (
        f"{name} changed since its floors were pinned (sha256 {got}): measure it with bench/claims.py, review "
        f"tests/fixtures/{name}/floors.json (floors, measured values, a history entry for any floor changed) "
        "and record the new sha256"
    )
    assert set(floors["metrics"]) == set(METRICS)
    for metric, m in floors["metrics"].items():
        assert m["history"] and m["floor"] == m["history"][-1]["floor"], (name, metric)
        assert m["floor"] <= m["measured"], (name, metric)
        for before, entry in zip(m["history"], m["history"][1:]):
            assert entry["floor_before"] == before["floor"] and entry["why"], (name, metric, entry)
            if (
                entry["floor"] < entry["floor_before"]
            ):  # a lowered floor says what was measured before and after
                assert {"measured_old_gold", "measured"} <= set(entry), (name, metric, entry)


def test_corpus_hash_sees_every_article_and_the_gold_and_nothing_else(tmp_path):
    folder = tmp_path / "claims"
    shutil.copytree(FIXTURES, folder)
    first = corpus_sha256(folder)
    assert first == load_floors("claims")["sha256"]
    (folder / "floors.json").write_text("{}", encoding="utf-8")  # the floors file is not part of the corpus
    (folder / "notes.md").write_text("notes", encoding="utf-8")
    assert corpus_sha256(folder) == first
    txt = sorted(folder.glob("*.txt"))[0]
    body = txt.read_bytes()
    txt.write_bytes(body + b" ")
    assert corpus_sha256(folder) != first
    txt.write_bytes(body)
    assert corpus_sha256(folder) == first
    txt.rename(folder / f"z{txt.name}")
    assert corpus_sha256(folder) != first
    txt = folder / f"z{txt.name}"
    txt.rename(folder / txt.name[1:])
    gold = folder / "gold.json"
    gold.write_bytes(gold.read_bytes().replace(b'"unit": "percent"', b'"unit": "pp"', 1))
    assert corpus_sha256(folder) != first


@pytest.fixture(scope="module", params=CORPORA)
def measured(request):
    folder = ROOT / "tests" / "fixtures" / request.param
    floors = load_floors(request.param)
    assert floors["sha256"] == corpus_sha256(folder), f"{request.param}: corpus differs from its floors.json"
    docs, gold = claims.load_corpus(folder)
    preds, resolved = claims.run_extractors(docs)
    return request.param, floors, claims.score(docs, gold, preds, resolved)


def test_extractors_meet_pinned_floors(measured):
    name, floors, r = measured
    below = {
        k: f"{v:.3f} < {floors['metrics'][k]['floor']:.3f}"
        for k, v in metric_values(r).items()
        if v < floors["metrics"][k]["floor"]
    }
    assert not below, f"{name}: below pinned floors: {below}\n{claims.format_table(r)}"
