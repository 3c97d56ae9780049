"""Score the figure extractor (assets/text/figures) on a folder of gold figures, or its cross-source keys on
the multi-outlet corpus.

usage: python bench/figures.py [FOLDER] [--json] [--details]
       python bench/figures.py --outlets [tests/fixtures/outlets] [--json] [--details]
       python bench/figures.py --claims-old-conventions tests/fixtures/claims_heldout4 [--json]

FOLDER (default tests/fixtures/figures_dev) holds <name>.txt article bodies (UTF-8, one paragraph a line)
and gold.json:

    {"<name>": {
        "published": "2024-03-12",   # publication date or null: anchors "last year", "on Monday"
        "figures": [{
            "text": "$240 billion",  # as written; the n-th listing of a text: its n-th occurrence
            "value": 240000000000.0, # normalised value (a range's midpoint)
            "unit": "USD",           # normalised unit (vocabulary below)
            "quantity": "money",     # kind of quantity (vocabulary below)
            "low": 239500000000.0,   # the interval the figure asserts, in `unit`; null = open on that side
            "high": 240500000000.0,
            "period": "2023"}],      # "2023" | "2023-Q1" | "2023-04" | "2023-04-05" | null
        "not_figures": ["one solution"]}}  # optional: strings that must not be read as figures

Units: ISO 4217 codes for money; percent; pp (percentage points; basis points / 100); points (index points
and levels); count; times (multiples); km, kg, m2, l (liquid volumes), m3 (cubic volumes, gas), barrel, MW,
MWh, degC, km/h, kPa, Hz, N*m, km/l, ppm, GB; durations and ages in the time unit as written (years,
months, weeks, days, hours, minutes; a decade is 10 years). Quantities: money, share, count, ratio, index,
rate (anything per a thing or a time: "$90 a barrel", "52,000 barrels a day"), length, mass, area, volume,
speed, energy, power, temperature, pressure, frequency, torque, fuel_economy, concentration, data,
duration, age.
Intervals: a point value is +/- half a unit of its last significant digit as written (trailing zeros of a
whole number of 1,000 or more without a scale word are not significant: "4,300" is +/- 50; "$240 billion"
is +/- 0.5 billion), at least +/- 5 % with a hedge ("about", "nearly"), open on one side for "more than",
"up to"; a range asserts its bounds.

Matching (one-to-one, in gold order): a predicted figure matches a gold figure when their spans overlap;
`value` counts it when the values agree within 0.5 % (relative), `value+unit` when the unit is equal too.
Precision is over every predicted figure, recall over every gold figure. Among value+unit matches:
interval accuracy (both bounds within 0.5 % of the larger magnitude, or both open), quantity and period
accuracy.

--outlets reads tests/fixtures/outlets (README.md there): every page decoded (assets.text.decode), cleaned
with the lines its feed folder repeats that day (assets.text.cleaning), extracted with its gold publication
date. For each gold fact it reports whether the figures found share measure_key, scope (each document's
entity keys mapped through assets.text.entities.resolve_corpus), quantity and unit and have overlapping
periods (equal, or one a prefix of the other); for each `distinct` group, whether its figures differ in at
least one of those.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "tests" / "fixtures" / "figures_dev"
OUTLETS = ROOT / "tests" / "fixtures" / "outlets"
REL_TOL = 0.005
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _close(a: float | None, b: float | None, scale: float | None = None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    ref = max(abs(a), abs(b), abs(scale or 0.0))
    return abs(a - b) <= REL_TOL * ref if ref else True


def _occurrences(body: str, text: str) -> list[tuple[int, int]]:
    out, k = [], body.find(text)
    while k >= 0:
        out.append((k, k + len(text)))
        k = body.find(text, k + 1)
    return out


def gold_spans(body: str, figures: list[dict]) -> list[tuple[int, int] | None]:
    """The span of each gold figure: the n-th occurrence of its text for its n-th listing."""
    seen: dict[str, int] = defaultdict(int)
    spans = []
    for f in figures:
        occ = _occurrences(body, f["text"])
        n = seen[f["text"]]
        seen[f["text"]] += 1
        spans.append(occ[min(n, len(occ) - 1)] if occ else None)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp}


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s[:10]) if s else None


def extract(items: list[tuple[str, str, dt.date | None]]) -> dict:
    from assets.text.extraction import extract_documents, load_model

    return dict(extract_documents(items, load_model()))


def _match_doc(body: str, gold: dict, claims: list, c: dict, details: dict, name: str) -> None:
    preds = [x for x in claims if x.kind == "figure"]
    used: set[int] = set()
    c["pred"] += len(preds)
    for g, span in zip(gold["figures"], gold_spans(body, gold["figures"])):
        c["gold"] += 1
        cands = [
            (k, p)
            for k, p in enumerate(preds)
            if k not in used and span and _overlaps(span, (p.start_char, p.end_char))
        ]
        best = next(((k, p) for k, p in cands if _close(p.value, g["value"]) and p.unit == g["unit"]), None)
        best = best or next(((k, p) for k, p in cands if _close(p.value, g["value"])), None)
        best = best or (cands[0] if cands else None)
        if best is None:
            details["missed"].append(f"{name}: {g['text']!r} {g['value']} {g['unit']}")
            continue
        k, p = best
        used.add(k)
        value_ok = _close(p.value, g["value"])
        c["value_tp"] += value_ok
        if not (value_ok and p.unit == g["unit"]):
            details["wrong"].append(
                f"{name}: {g['text']!r} gold {g['value']} {g['unit']} got {p.value} {p.unit}"
            )
            continue
        c["vu_tp"] += 1
        scale = max(abs(g["value"]), abs(g["low"] or 0), abs(g["high"] or 0))
        interval = _close(p.value_low, g["low"], scale) and _close(p.value_high, g["high"], scale)
        for key, ok, got, want in (
            ("interval", interval, (p.value_low, p.value_high), (g["low"], g["high"])),
            ("quantity", p.quantity == g["quantity"], p.quantity, g["quantity"]),
            ("period", p.period == g["period"], p.period, g["period"]),
        ):
            c[f"{key}_ok"] += ok
            if not ok:
                details[key].append(f"{name}: {g['text']!r} gold {want} got {got}")
    for k, p in enumerate(preds):
        if k not in used:
            details["spurious"].append(f"{name}: {p.text!r} {p.value} {p.unit}")
    for s in gold.get("not_figures", []):
        for span in _occurrences(body, s):
            if any(_overlaps(span, (p.start_char, p.end_char)) for p in preds):
                c["not_figure_hit"] += 1
                details["not_figures"].append(f"{name}: {s!r}")


def score_folder(folder: Path) -> tuple[dict, dict]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    bodies = {name: (folder / f"{name}.txt").read_text(encoding="utf-8") for name in sorted(gold)}
    preds = extract([(n, bodies[n], _date(gold[n].get("published"))) for n in sorted(gold)])
    c: dict[str, int] = defaultdict(int)
    details: dict[str, list[str]] = defaultdict(list)
    for name in sorted(gold):
        _match_doc(bodies[name], gold[name], preds[name].claims, c, details, name)
    vu = c["vu_tp"]
    report = {
        "gold": c["gold"],
        "predicted": c["pred"],
        "value": _prf(c["value_tp"], c["pred"], c["gold"]),
        "value_unit": _prf(vu, c["pred"], c["gold"]),
        **{f"{k}_accuracy": (c[f"{k}_ok"] / vu if vu else 0.0) for k in ("interval", "quantity", "period")},
        "not_figures_hit": c["not_figure_hit"],
    }
    return report, details


# ---------------------------------------------------------------- the multi-outlet corpus


def outlet_bodies(folder: Path) -> dict[str, tuple[str, dt.date | None]]:
    """{path: (clean body, published date)} of every gold document, cleaned as the clean stage does."""
    from assets.text.cleaning import clean_text, repeated_lines
    from assets.text.decode import decode_file

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["documents"]
    raw = {p: decode_file(Path(p).name, (folder / "inbox" / p).read_bytes()).text for p in gold}
    by_feed: dict[str, list[str]] = defaultdict(list)
    for p, text in raw.items():
        by_feed[str(Path(p).parent)].append(text)
    repeated = {feed: repeated_lines(texts) for feed, texts in by_feed.items()}
    return {
        p: (clean_text(text, repeated[str(Path(p).parent)]).body, _date(gold[p].get("published_at")))
        for p, text in raw.items()
    }


def _periods_overlap(a: str | None, b: str | None) -> bool:
    return a == b or (a is not None and b is not None and (a.startswith(b) or b.startswith(a)))


def _keys(p) -> tuple:
    return (p.measure_key, tuple(sorted(p.scope)), p.quantity, p.unit)


def _rows(figures: list[dict], got: list) -> str:
    return "; ".join(
        f"{f['text']!r}=" + ("-" if g is None else f"{g.measure_key}|{','.join(g.scope)}|{g.unit}|{g.period}")
        for f, g in zip(figures, got)
    )


def _fact(got: list, c: dict) -> bool:
    """Whether a fact's figures were all found with equal keys; tallies each key's agreement."""
    have = [g for g in got if g is not None]
    c["facts"] += 1
    c["figures"] += len(got)
    c["figures_found"] += len(have)
    parts = {
        "measure_key": len({g.measure_key for g in have}) == 1 and have[0].measure_key is not None,
        "scope": len({tuple(sorted(g.scope)) for g in have}) == 1,
        "quantity_unit": len({(g.quantity, g.unit) for g in have}) == 1,
        "period": all(_periods_overlap(a.period, b.period) for a in have for b in have),
    }
    for k, v in parts.items():
        c[f"facts_{k}"] += bool(have) and v
    ok = len(have) == len(got) and all(parts.values())
    c["facts_equal"] += ok
    return ok


def _differ(got: list) -> bool:
    """Whether a trap group's figures were all found and no two of them share every key."""
    have = [g for g in got if g is not None]
    same = any(
        _keys(a) == _keys(b) and _periods_overlap(a.period, b.period)
        for i, a in enumerate(have)
        for b in have[i + 1 :]
    )
    return len(have) == len(got) and not same


def score_outlets(folder: Path) -> tuple[dict, dict]:
    from assets.text.entities import resolve_corpus

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    bodies = outlet_bodies(folder)
    preds = extract([(p, body, published) for p, (body, published) in sorted(bodies.items())])
    # Scopes hold each document's own entity keys; across documents they compare through corpus resolution.
    mentions = [(d, m) for d, ex in preds.items() for m in ex.mentions]
    canon = {k: v[0] for k, v in resolve_corpus(mentions).items()}

    def found(fig: dict):
        span = next(iter(_occurrences(bodies[fig["doc"]][0], fig["text"])), None)
        claims = [c for c in preds[fig["doc"]].claims if c.kind == "figure"]
        got = next((c for c in claims if span and _overlaps(span, (c.start_char, c.end_char))), None)
        return got and dataclasses.replace(got, scope=tuple(sorted({canon.get(k, k) for k in got.scope})))

    details: dict[str, list[str]] = defaultdict(list)
    c: dict[str, int] = defaultdict(int)
    for fact in gold["facts"]:
        got = [found(f) for f in fact["figures"]]
        if not _fact(got, c):
            details["facts"].append(f"{fact['id']}: {_rows(fact['figures'], got)}")
    for group in gold["distinct"]:
        got = [found(f) for f in group["figures"]]
        c["distinct"] += 1
        differ = _differ(got)
        c["distinct_differ"] += differ
        if not differ:
            details["distinct"].append(f"{group['why'][:60]}: {_rows(group['figures'], got)}")
    return dict(c), details


# ---------------------------------------------------------------- the claims corpora under their older conventions


def claims_old_conventions(folder: Path) -> dict:
    """bench/claims.py's figure scores with the claims gold's older conventions applied to today's output: a
    range's value is its lower bound, cubic metres are litres, durations and ages are not figures. Shows how
    much of a change on those corpora is convention and how much is reading."""
    sys.path.insert(0, str(ROOT / "bench"))
    import claims as cb

    from assets.text import extraction

    plain = extraction.extract

    def old(doc, published=None):
        ex = plain(doc, published)
        out = []
        for c in ex.claims:
            if c.kind == "figure" and {"duration", "age"} & set(c.flags):
                continue
            if c.kind == "figure" and c.unit == "m3":
                c = dataclasses.replace(c, unit="l", value=c.value * 1000)
            if c.kind == "figure" and "range" in c.flags and c.value_low is not None:
                c = dataclasses.replace(c, value=c.value_low)
            out.append(c)
        return dataclasses.replace(ex, claims=out)

    extraction.extract = old
    try:
        docs, gold = cb.load_corpus(folder)
        preds, resolved = cb.run_extractors(docs)
        return cb.score(docs, gold, preds, resolved)["figures"]
    finally:
        extraction.extract = plain


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--outlets", action="store_true", help="score cross-source keys on the outlets corpus")
    ap.add_argument(
        "--claims-old-conventions",
        action="store_true",
        help="score a claims* folder under its older conventions",
    )
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    if args.claims_old_conventions:
        report, details = claims_old_conventions(Path(args.folder)), {}
    elif args.outlets:
        report, details = score_outlets(Path(args.folder) if args.folder else OUTLETS)
    else:
        report, details = score_folder(Path(args.folder) if args.folder else DEFAULT)
    if args.json:
        print(json.dumps({**report, **({"details": details} if args.details else {})}, indent=1))
        return 0
    for k, v in report.items():
        if isinstance(v, dict) and "f1" in v:
            print(f"{k:<20} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  (tp {v['tp']})")
        elif isinstance(v, dict):
            print(f"{k:<20} {json.dumps(v)}")
        else:
            print(f"{k:<20} {v:.3f}" if isinstance(v, float) else f"{k:<20} {v}")
    if args.details:
        for k, rows in details.items():
            print(f"\n-- {k}")
            print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
