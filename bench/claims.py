"""Score the text extractors (quotes, reported speech, entities, figures) against the hand-annotated claims corpus.

usage: python bench/claims.py [FIXTURE_DIR] [--json] [--details]

FIXTURE_DIR (default tests/fixtures/claims) holds <name>.txt article bodies and gold.json:
    {"<name>": {"quotes":   [{"text", "speaker", "scare"?}],
                "reported": [{"speaker", "text"}],
                "entities": [{"surface", "canonical", "label"}],
                "figures":  [{"text", "value", "unit", "year", "value_low"?, "value_high"?, "quantity"?}],
                "not_figures": ["<string>"]}}
Figures follow the conventions of tests/fixtures/CONVENTIONS.md: a range ("$5 billion and $6 billion", "30% to
50%") is one figure whose text runs from its first number to its last, value its midpoint, value_low/value_high
its bounds (two figures under a verb of change: "rose from 3 to 4 percent"); durations and ages are figures in the
time unit (quantity "duration"/"age"); units are the extractor's (m3 for cubic metres). The n-th listing of a
figure text is its n-th occurrence in the body.
A quote may also carry "mention" (the words naming its speaker at the quote: "he", "the ministry", "Ms. Ruiz";
null when none do) and "mention_kind" ("named" | "described" | "pronoun" | "none": a name, a description, a
pronoun, or no words at all, as for a second quotation after a cue or a paragraph continuing a quote run); any
key may be left out (tests/fixtures/speakers_dev annotates quotes and entities only).

The bodies go through assets.text.extraction.extract_documents (one spaCy model from load_model), and every
mention's entity_key through assets.text.entities.resolve_corpus, which names entities across the corpus.

Matching rules (one-to-one, greedy by best score):
  quotes     texts equal after normalising case, whitespace, quote marks and edge punctuation, or one contains the
             other and the shorter has >= 90 % of the longer's tokens. A predicted quote that runs over a paragraph
             break is split at the break (gold has one entry per paragraph part); identical predicted quotes count
             once. Scare quotes (gold "scare": true / predicted flag "scare_quote") are scored on their own.
  speakers   among matched gold quotes (and reported claims): the predicted speaker is the corpus name of
             speaker_key from resolve_corpus, else the speaker surface. A PERSON gold speaker must be equal
             (case-insensitive); any other gold speaker ("analysts", "Ministry of Commerce") also matches when one
             contains the other as whole words ("the ministry"). When the gold gives mention_kind, speaker accuracy
             is also reported per kind, and the predicted speaker_mention is checked against the gold mention
             (equal, or one contains the other as whole words; "mention" accuracy, over quotes whose gold has one).
  reported   Dice overlap of content-clause tokens >= 0.6.
  entities   every occurrence of a gold surface in the body (occurrences inside a longer gold occurrence dropped);
             NER recall = share with an overlapping predicted mention; canonical accuracy = share whose
             best-overlapping mention's corpus name equals the gold canonical (over all occurrences, and over found).
  figures    spans overlap, same unit, and the values agree: for a gold point, the predicted value within 0.5 %
             (relative) of the gold value; for a gold range (value_low and value_high given), the predicted
             value_low and value_high each within 0.5 % of the gold bounds (a predicted single figure, whose bounds
             are only its precision, or half of the range, does not match). Also a span-free value+unit F1 under
             the same agreement, year accuracy on span matches, and the number of predicted figures that overlap
             a not_figures occurrence lying outside every gold figure.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FIXTURES = ROOT / "tests" / "fixtures" / "claims"

QUOTE_CONTAIN_MIN = 0.90
REPORTED_DICE_MIN = 0.60
FIGURE_REL_TOL = 0.005

_QUOTE_CHARS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
}
_QUOTE_TABLE = str.maketrans(_QUOTE_CHARS)
_EDGE = " \t\r\n\"'.,;:!?\u2014\u2013-()"
_TOKEN = re.compile(r"\w+(?:'\w+)*", re.UNICODE)
_PARA_BREAK = re.compile(r"\n\s*\n")
_DETERMINERS = ("the ", "a ", "an ")


# ---------------------------------------------------------------- loading


def load_corpus(fixture_dir: str | Path = DEFAULT_FIXTURES) -> tuple[dict[str, str], dict[str, dict]]:
    """The article bodies {name: body} and the gold annotations {name: {...}} of a fixture folder."""
    folder = Path(fixture_dir)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    docs = {name: (folder / f"{name}.txt").read_text(encoding="utf-8") for name in sorted(gold)}
    return docs, gold


def resolve(resolve_corpus, preds: Mapping[str, Any]) -> dict:
    """resolve_corpus over every (doc_id, Mention) pair of the predictions: {entity_key: (canonical_key, label, name)}."""
    return dict(resolve_corpus([(doc_id, m) for doc_id, ex in preds.items() for m in ex.mentions]))


def run_extractors(docs: Mapping[str, str]) -> tuple[dict[str, Any], dict]:
    """Run the real pipeline text functions: ({doc_id: Extraction}, {entity_key: (canonical_key, label, name)})."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from assets.text.entities import resolve_corpus
    from assets.text.extraction import extract_documents, load_model

    nlp = load_model()
    preds = dict(extract_documents(sorted(docs.items()), nlp))
    return preds, resolve(resolve_corpus, preds)


# ---------------------------------------------------------------- normalising


def norm_text(s: str | None) -> str:
    """Lower-cased text with straight quote marks, no double quotes, one space between words, bare edges."""
    s = unicodedata.normalize("NFKC", s or "").translate(_QUOTE_TABLE).replace('"', " ")
    return " ".join(s.split()).strip(_EDGE).lower()


def tokens(s: str | None) -> list[str]:
    return _TOKEN.findall(norm_text(s))


def norm_name(s: str | None) -> str:
    """A name for comparison: norm_text, no leading article, no possessive 's."""
    s = norm_text(s)
    for det in _DETERMINERS:
        if s.startswith(det):
            s = s[len(det) :]
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("s'"):
        s = s[:-1]
    return s.strip(_EDGE)


def _contains_words(longer: str, shorter: str) -> bool:
    return bool(shorter) and re.search(r"(?<!\w)" + re.escape(shorter) + r"(?!\w)", longer) is not None


def quote_match(gold: str, pred: str) -> float:
    """1.0 for equal normalised texts, the token ratio when one contains the other at >= 90 %, else 0."""
    g, p = norm_text(gold), norm_text(pred)
    if not g or not p:
        return 0.0
    if g == p:
        return 1.0
    if g in p or p in g:
        tg, tp = len(tokens(g)), len(tokens(p))
        ratio = min(tg, tp) / max(tg, tp) if max(tg, tp) else 0.0
        if ratio >= QUOTE_CONTAIN_MIN:
            return ratio
    return 0.0


def dice(a: str, b: str) -> float:
    """Dice coefficient of the two texts' token multisets."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    counts: dict[str, int] = defaultdict(int)
    for t in ta:
        counts[t] += 1
    common = 0
    for t in tb:
        if counts[t] > 0:
            counts[t] -= 1
            common += 1
    return 2 * common / (len(ta) + len(tb))


def speaker_match(gold: str | None, pred: str | None, person_names: set[str]) -> bool:
    g, p = norm_name(gold), norm_name(pred)
    if not g or not p:
        return not g and not p
    if g == p:
        return True
    if g in person_names:
        return False
    return _contains_words(g, p) or _contains_words(p, g)


def value_close(gold: float, pred: float | None) -> bool:
    if pred is None:
        return False
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= FIGURE_REL_TOL * abs(gold)


def unit_equal(gold: str | None, pred: str | None) -> bool:
    return (gold or "").strip().lower() == (pred or "").strip().lower()


def is_range(gold_figure: Mapping) -> bool:
    """Whether a gold figure is a range: it gives both bounds."""
    return gold_figure.get("value_low") is not None and gold_figure.get("value_high") is not None


def figure_agrees(gold: Mapping, pred: Mapping) -> bool:
    """Same unit, and: for a gold range, both predicted bounds within tolerance of the gold bounds; for a gold
    point, the predicted value within tolerance of the gold value."""
    if not unit_equal(gold["unit"], pred["unit"]):
        return False
    if is_range(gold):
        return value_close(gold["value_low"], pred.get("value_low")) and value_close(
            gold["value_high"], pred.get("value_high")
        )
    return value_close(gold["value"], pred["value"])


# ---------------------------------------------------------------- spans


def find_all(body: str, s: str) -> list[tuple[int, int]]:
    """Case-sensitive occurrences of s in body that do not start or end inside a word or a number."""
    if not s:
        return []
    pat = r"(?<![\w.,])" + re.escape(s)
    if s[-1].isalnum():
        pat += r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pat, body)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def gold_figure_spans(body: str, figures: list[dict]) -> list[tuple[int, int] | None]:
    """The span of each gold figure: the n-th occurrence of its text for its n-th listing."""
    seen: dict[str, int] = defaultdict(int)
    spans = []
    for f in figures:
        occ = find_all(body, f["text"])
        n = seen[f["text"]]
        seen[f["text"]] += 1
        spans.append(occ[n] if n < len(occ) else (occ[-1] if occ else None))
    return spans


def gold_entity_occurrences(body: str, entities: list[dict]) -> list[dict]:
    """Every occurrence of every gold surface, minus those strictly inside another occurrence."""
    occ = []
    for e in entities:
        for start, end in find_all(body, e["surface"]):
            occ.append({"start": start, "end": end, **e})
    keep = []
    for o in occ:
        inside = any(
            p is not o
            and p["start"] <= o["start"]
            and o["end"] <= p["end"]
            and (p["end"] - p["start"]) > (o["end"] - o["start"])
            for p in occ
        )
        if not inside:
            keep.append(o)
    uniq = {(o["start"], o["end"]): o for o in keep}
    return sorted(uniq.values(), key=lambda o: o["start"])


# ---------------------------------------------------------------- predictions


def entity_name(resolved: Mapping, key: str | None) -> str | None:
    """The corpus-wide name of an entity key (third field of resolve_corpus's value, or its .name)."""
    if not key or key not in resolved:
        return None
    v = resolved[key]
    if isinstance(v, (tuple, list)):
        return v[2] if len(v) > 2 else None
    return getattr(v, "name", None)


def mention_name(m: Any, resolved: Mapping) -> str | None:
    return (
        entity_name(resolved, getattr(m, "entity_key", None))
        or getattr(m, "canonical", None)
        or getattr(m, "text", None)
    )


def speaker_name(c: Any, resolved: Mapping) -> str | None:
    return entity_name(resolved, getattr(c, "speaker_key", None)) or getattr(c, "speaker", None)


def predicted_quotes(ex: Any, resolved: Mapping) -> list[dict]:
    """Quote claims, split at paragraph breaks, deduplicated by normalised text."""
    out, seen = [], set()
    for c in getattr(ex, "claims", ()) or ():
        if c.kind != "quote":
            continue
        scare = "scare_quote" in (c.flags or ())
        for part in _PARA_BREAK.split(c.text or ""):
            key = (norm_text(part), scare)
            if not key[0] or key in seen:
                continue
            seen.add(key)
            out.append(
                {
                    "text": part,
                    "speaker": speaker_name(c, resolved),
                    "mention": getattr(c, "speaker_mention", None),
                    "scare": scare,
                }
            )
    return out


def predicted_reported(ex: Any, resolved: Mapping) -> list[dict]:
    out, seen = [], set()
    for c in getattr(ex, "claims", ()) or ():
        if c.kind != "reported" or not norm_text(c.text) or (c.start_char, c.end_char) in seen:
            continue
        seen.add((c.start_char, c.end_char))
        out.append({"text": c.text, "speaker": speaker_name(c, resolved)})
    return out


def predicted_figures(ex: Any) -> list[dict]:
    out, seen = [], set()
    for c in getattr(ex, "claims", ()) or ():
        key = (c.start_char, c.end_char, c.value, c.unit)
        if c.kind != "figure" or key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "span": (c.start_char, c.end_char),
                "text": c.text,
                "value": c.value,
                "value_low": getattr(c, "value_low", None),
                "value_high": getattr(c, "value_high", None),
                "unit": c.unit,
                "year": c.year,
            }
        )
    return out


# ---------------------------------------------------------------- matching and metrics


def greedy_match(golds: list, preds: list, sim) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, pred index, score) with score > 0, best scores first."""
    cands = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            s = sim(g, p)
            if s > 0:
                cands.append((s, -i, -j))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, ni, nj in cands:
        i, j = -ni, -nj
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j, s))
    return sorted(pairs)


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def ratio(num: int, den: int) -> dict:
    return {"accuracy": num / den if den else 0.0, "correct": num, "total": den}


def _tally_speakers(kind, pairs, gold, pred, persons, c, d) -> None:
    """Count matched items whose speaker agrees with the gold, and list the ones that do not."""
    for i, j, _ in pairs:
        c[kind + "_speaker_total"] += 1
        mk = gold[i].get("mention_kind")
        c[f"{kind}_speaker_{mk}_total"] += mk is not None
        if speaker_match(gold[i]["speaker"], pred[j]["speaker"], persons):
            c[kind + "_speaker_correct"] += 1
            c[f"{kind}_speaker_{mk}_correct"] += mk is not None
        else:
            d[kind + "_speaker_wrong"].append(
                {"text": gold[i]["text"], "gold": gold[i]["speaker"], "pred": pred[j]["speaker"], "kind": mk}
            )
        if gold[i].get("mention"):
            c[kind + "_mention_total"] += 1
            if speaker_match(gold[i]["mention"], pred[j].get("mention"), set()):
                c[kind + "_mention_correct"] += 1
            else:
                d[kind + "_mention_wrong"].append(
                    {"text": gold[i]["text"], "gold": gold[i]["mention"], "pred": pred[j].get("mention")}
                )


MENTION_KINDS = ("named", "described", "pronoun", "none")


def _by_mention(c: Mapping[str, int]) -> dict:
    """Quote speaker accuracy per gold mention kind, and speaker_mention accuracy; empty without kinds."""
    if not any(c.get(f"quote_speaker_{k}_total") for k in MENTION_KINDS):
        return {}
    out = {k: ratio(c[f"quote_speaker_{k}_correct"], c[f"quote_speaker_{k}_total"]) for k in MENTION_KINDS}
    return {"by_mention": out, "mention": ratio(c["quote_mention_correct"], c["quote_mention_total"])}


def _reported_sim(a: dict, b: dict) -> float:
    s = dice(a["text"], b["text"])
    return s if s >= REPORTED_DICE_MIN else 0.0


def _fig_sim(sp: tuple[int, int] | None, gfig: dict, p: dict) -> float:
    """1 + the share of the gold span covered, for an overlapping prediction that agrees with the gold; else 0."""
    if sp is None or not _overlaps(sp, p["span"]) or not figure_agrees(gfig, p):
        return 0.0
    ov = min(sp[1], p["span"][1]) - max(sp[0], p["span"][0])
    return 1.0 + ov / max(1, sp[1] - sp[0])


def _score_figures(body: str, g: dict, pf: list[dict], c: dict, d: dict) -> None:
    """Tally one document's figures (span match, span-free value+unit, year) and not-figure traps."""
    gf = g.get("figures", [])
    gspans = gold_figure_spans(body, gf)
    pairs = greedy_match(list(enumerate(gf)), pf, lambda ig, p: _fig_sim(gspans[ig[0]], ig[1], p))
    c["figure_tp"] += len(pairs)
    c["figure_fp"] += len(pf) - len(pairs)
    c["figure_fn"] += len(gf) - len(pairs)
    mg, mp = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    d["figure_missed"] += [f"{f['text']} = {_shown(f)} {f['unit']}" for i, f in enumerate(gf) if i not in mg]
    d["figure_spurious"] += [
        f"{p['text']} = {p['value']} {p['unit']}" for j, p in enumerate(pf) if j not in mp
    ]
    for i, j, _ in pairs:
        c["figure_year_total"] += 1
        if gf[i].get("year") == pf[j]["year"]:
            c["figure_year_correct"] += 1
        else:
            d["figure_year_wrong"].append(
                {"text": gf[i]["text"], "gold": gf[i].get("year"), "pred": pf[j]["year"]}
            )
    vu_pairs = greedy_match(gf, pf, lambda a, b: 1.0 if figure_agrees(a, b) else 0.0)
    c["figure_vu_tp"] += len(vu_pairs)
    c["figure_vu_fp"] += len(pf) - len(vu_pairs)
    c["figure_vu_fn"] += len(gf) - len(vu_pairs)

    # not-figures: occurrences outside every gold figure span
    traps = [
        (s, span)
        for s in g.get("not_figures", [])
        for span in find_all(body, s)
        if not any(gs is not None and _overlaps(span, gs) for gs in gspans)
    ]
    c["not_figure_total"] += len(traps)
    hit_traps = set()
    for p in pf:
        hit = [t for t in traps if _overlaps(t[1], p["span"])]
        if hit:
            c["not_figure_extracted"] += 1
            hit_traps.update(hit)
            d["not_figure_extracted"].append(p["text"])
    c["not_figure_traps_hit"] += len(hit_traps)


def _shown(f: dict) -> str:
    """A figure's value for the details: the bounds of a range, else the value."""
    if is_range(f):
        return f"{f['value_low']}..{f['value_high']}"
    return str(f["value"])


def score(
    docs: Mapping[str, str], gold: Mapping[str, dict], preds: Mapping[str, Any], resolved: Mapping
) -> dict:
    """All metrics of the predictions {doc_id: Extraction-like} against the gold, plus per-document misses."""
    persons = {
        norm_name(e["canonical"])
        for g in gold.values()
        for e in g.get("entities", [])
        if e["label"] == "PERSON"
    }
    c = defaultdict(int)
    details: dict[str, dict] = {}

    for name in sorted(gold):
        body, g = docs[name], gold[name]
        ex = preds.get(name)
        d = details[name] = defaultdict(list)

        # quotes and scare quotes
        pq = predicted_quotes(ex, resolved) if ex is not None else []
        for scare in (False, True):
            gq = [q for q in g.get("quotes", []) if bool(q.get("scare")) == scare]
            pp = [q for q in pq if q["scare"] == scare]
            pairs = greedy_match(gq, pp, lambda a, b: quote_match(a["text"], b["text"]))
            cat = "scare" if scare else "quotes"
            c[cat + "_tp"] += len(pairs)
            c[cat + "_fp"] += len(pp) - len(pairs)
            c[cat + "_fn"] += len(gq) - len(pairs)
            mg, mp = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
            d[cat + "_missed"] += [q["text"] for i, q in enumerate(gq) if i not in mg]
            d[cat + "_spurious"] += [q["text"] for j, q in enumerate(pp) if j not in mp]
            if not scare:
                _tally_speakers("quote", pairs, gq, pp, persons, c, d)

        # reported speech
        gr = g.get("reported", [])
        pr = predicted_reported(ex, resolved) if ex is not None else []
        pairs = greedy_match(gr, pr, _reported_sim)
        c["reported_tp"] += len(pairs)
        c["reported_fp"] += len(pr) - len(pairs)
        c["reported_fn"] += len(gr) - len(pairs)
        mg, mp = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
        d["reported_missed"] += [r["text"] for i, r in enumerate(gr) if i not in mg]
        d["reported_spurious"] += [r["text"] for j, r in enumerate(pr) if j not in mp]
        _tally_speakers("reported", pairs, gr, pr, persons, c, d)

        # entities
        mentions = list(getattr(ex, "mentions", ()) or ()) if ex is not None else []
        for o in gold_entity_occurrences(body, g.get("entities", [])):
            c["entity_total"] += 1
            span = (o["start"], o["end"])
            hits = [m for m in mentions if _overlaps(span, (m.start_char, m.end_char))]
            if not hits:
                d["entity_missed"].append(o["surface"])
                continue
            c["entity_found"] += 1
            best = max(
                hits,
                key=lambda m: (
                    min(m.end_char, span[1]) - max(m.start_char, span[0]),
                    -(m.end_char - m.start_char),
                ),
            )
            if best.label == o["label"]:
                c["entity_label_correct"] += 1
            else:
                d["entity_label_wrong"].append(
                    {"surface": o["surface"], "gold": o["label"], "pred": best.label}
                )
            pname = mention_name(best, resolved)
            if norm_name(pname) == norm_name(o["canonical"]):
                c["entity_canonical_correct"] += 1
            else:
                d["entity_canonical_wrong"].append(
                    {"surface": o["surface"], "gold": o["canonical"], "pred": pname}
                )

        # figures and not-figures
        _score_figures(body, g, predicted_figures(ex) if ex is not None else [], c, d)

    quotes = prf(c["quotes_tp"], c["quotes_fp"], c["quotes_fn"])
    scare = prf(c["scare_tp"], c["scare_fp"], c["scare_fn"])
    reported = prf(c["reported_tp"], c["reported_fp"], c["reported_fn"])
    figures = prf(c["figure_tp"], c["figure_fp"], c["figure_fn"])
    overall = prf(
        *(sum(c[f"{k}_{x}"] for k in ("quotes", "scare", "reported", "figure")) for x in ("tp", "fp", "fn"))
    )
    report = {
        "documents": len(gold),
        "quotes": {
            **quotes,
            "speaker": {**ratio(c["quote_speaker_correct"], c["quote_speaker_total"]), **_by_mention(c)},
        },
        "scare_quotes": scare,
        "reported": {
            **reported,
            "speaker": ratio(c["reported_speaker_correct"], c["reported_speaker_total"]),
        },
        "entities": {
            "occurrences": c["entity_total"],
            "ner_recall": c["entity_found"] / c["entity_total"] if c["entity_total"] else 0.0,
            "canonical_accuracy": c["entity_canonical_correct"] / c["entity_total"]
            if c["entity_total"]
            else 0.0,
            "canonical_accuracy_found": c["entity_canonical_correct"] / c["entity_found"]
            if c["entity_found"]
            else 0.0,
            "label_accuracy_found": c["entity_label_correct"] / c["entity_found"]
            if c["entity_found"]
            else 0.0,
            "found": c["entity_found"],
            "canonical_correct": c["entity_canonical_correct"],
        },
        "figures": {
            **figures,
            "value_unit": prf(c["figure_vu_tp"], c["figure_vu_fp"], c["figure_vu_fn"]),
            "year": ratio(c["figure_year_correct"], c["figure_year_total"]),
            "not_figures": {
                "occurrences": c["not_figure_total"],
                "wrongly_extracted": c["not_figure_extracted"],
                "clean_rate": 1 - c["not_figure_traps_hit"] / c["not_figure_total"]
                if c["not_figure_total"]
                else 1.0,
            },
        },
        "overall": {
            **overall,
            "speaker": ratio(
                c["quote_speaker_correct"] + c["reported_speaker_correct"],
                c["quote_speaker_total"] + c["reported_speaker_total"],
            ),
        },
        "details": {k: {kk: vv for kk, vv in v.items() if vv} for k, v in details.items()},
    }
    return report


# ---------------------------------------------------------------- output


def format_table(report: dict) -> str:
    def row(name, m, extra=""):
        return f"{name:<22}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}  {extra}"

    def acc(a):
        return f"{a['accuracy']:.3f} ({a['correct']}/{a['total']})"

    q, r, f, e = report["quotes"], report["reported"], report["figures"], report["entities"]
    nf = f["not_figures"]
    lines = [
        f"claims benchmark: {report['documents']} documents",
        f"{'category':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}  notes",
        row("quotes", q, "speaker acc " + acc(q["speaker"])),
        *(
            f"{'  speaker, ' + k:<22}{'':>39}  speaker acc {acc(a)}"
            for k, a in q["speaker"].get("by_mention", {}).items()
        ),
        *(
            [f"{'  speaker mention':<22}{'':>39}  acc {acc(q['speaker']['mention'])}"]
            if "mention" in q["speaker"]
            else []
        ),
        row("scare quotes", report["scare_quotes"]),
        row("reported speech", r, "speaker acc " + acc(r["speaker"])),
        row("figures (span)", f, "year acc " + acc(f["year"])),
        row("figures (value+unit)", f["value_unit"]),
        row("overall", report["overall"], "speaker acc " + acc(report["overall"]["speaker"])),
        f"{'entities':<22}NER recall {e['ner_recall']:.3f} ({e['found']}/{e['occurrences']}), "
        f"canonical acc {e['canonical_accuracy']:.3f} ({e['canonical_correct']}/{e['occurrences']}), "
        f"on found {e['canonical_accuracy_found']:.3f}, label acc on found {e['label_accuracy_found']:.3f}",
        f"{'not-figures':<22}{nf['wrongly_extracted']} predicted figures on {nf['occurrences']} traps "
        f"(clean rate {nf['clean_rate']:.3f})",
    ]
    return "\n".join(lines)


def format_details(report: dict) -> str:
    out = []
    for doc, d in report["details"].items():
        if not d:
            continue
        out.append(f"== {doc}")
        for k, items in d.items():
            for it in items:
                out.append(f"  {k}: {json.dumps(it, ensure_ascii=False)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("fixture_dir", nargs="?", default=str(DEFAULT_FIXTURES))
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON instead of a table")
    ap.add_argument(
        "--details", action="store_true", help="also list misses, spurious predictions and wrong speakers"
    )
    args = ap.parse_args(argv)

    docs, gold = load_corpus(args.fixture_dir)
    preds, resolved = run_extractors(docs)
    report = score(docs, gold, preds, resolved)
    if args.json:
        if not args.details:
            report = {k: v for k, v in report.items() if k != "details"}
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(format_table(report))
        if args.details:
            print(format_details(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
