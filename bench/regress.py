"""Dump every output of the text layer for a fixed set of inputs, or compare two dumps.

usage: python bench/regress.py dump OUT.json [--bench DIR]
       python bench/regress.py diff A.json B.json

`dump` runs the cleaner over tests/fixtures/cleaning, data/sample and (with --bench, e.g.
../shared/bench/scrapinghub-dev) the benchmark's text and HTML pages, and the extractors (sentences, mentions,
claims, corpus-level entity resolution) over every tests/fixtures/claims* corpus and the cleaned sample.
`diff` prints what changed and exits 1 when anything did. A refactor that claims "behaviour unchanged" shows
an empty diff; a rule change shows exactly which outputs it moved.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _cleaning_inputs(bench: Path | None) -> dict[str, dict[str, str]]:
    """Batches of raw texts {batch: {name: text}}; each batch shares one repeated-lines pass."""
    from assets.text.decode import decode_file

    batches: dict[str, dict[str, str]] = {}
    fixtures = ROOT / "tests" / "fixtures" / "cleaning"
    batches["fixtures/cleaning"] = {
        p.stem: p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*.txt"))
    }
    for day in sorted((ROOT / "data" / "sample").iterdir()):
        for path in sorted(day.rglob("*")):
            if path.is_file():
                try:
                    text = decode_file(path.name, path.read_bytes()).text
                except Exception:  # noqa: BLE001 - rejected sample files have no cleaning output
                    continue
                batches.setdefault(f"sample/{day.name}/{path.parent.name}", {})[path.name] = text
    if bench:
        from assets.text.decode import html_to_text

        texts = sorted((bench / "text").glob("*.txt"))
        batches["bench/text"] = {p.stem: p.read_text(encoding="utf-8") for p in texts}
        html = {}
        for p in sorted((bench / "html").glob("*.html.gz")):
            with gzip.open(p, "rt", encoding="utf-8", errors="replace") as fh:
                html[p.name.removesuffix(".html.gz")] = html_to_text(fh.read())
        batches["bench/html"] = html
    return batches


def _plain(obj):
    if dataclasses.is_dataclass(obj):
        return {k: _plain(v) for k, v in dataclasses.asdict(obj).items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, float):
        return float(f"{obj:.12g}")
    return obj


def dump(out: Path, bench: Path | None) -> None:
    from assets.text.cleaning import clean_text, repeated_lines
    from assets.text.entities import resolve_corpus
    from assets.text.extraction import extract_documents, load_model

    result: dict[str, dict] = {"cleaning": {}, "extraction": {}, "resolution": {}}
    bodies: dict[str, str] = {}
    for batch, texts in _cleaning_inputs(bench).items():
        rep = repeated_lines(texts.values())
        for name, text in texts.items():
            c = clean_text(text, rep)
            result["cleaning"][f"{batch}/{name}"] = {
                "title": c.title,
                "body": c.body,
                "removed": [[r.start, r.end, r.reason] for r in c.removed],
            }
            if batch.startswith("sample/"):
                bodies[f"{batch}/{name}"] = c.body
    corpora = {"sample": bodies}
    for folder in sorted((ROOT / "tests" / "fixtures").glob("claims*")):
        corpora[folder.name] = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    nlp = load_model()
    for corpus, docs in corpora.items():
        found = dict(extract_documents(sorted(docs.items()), nlp))
        for name, ex in found.items():
            result["extraction"][f"{corpus}/{name}"] = _plain(ex)
        resolved = resolve_corpus([(d, m) for d, ex in found.items() for m in ex.mentions])
        result["resolution"][corpus] = {k: list(v) for k, v in sorted(resolved.items())}
    out.write_text(json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    print(
        f"wrote {out}: {len(result['cleaning'])} cleaned pages, {len(result['extraction'])} extracted documents"
    )


def diff(a: Path, b: Path, limit: int = 40) -> int:
    left = json.loads(a.read_text(encoding="utf-8"))
    right = json.loads(b.read_text(encoding="utf-8"))
    changed = 0
    for section in sorted(set(left) | set(right)):
        la, rb = left.get(section, {}), right.get(section, {})
        for key in sorted(set(la) | set(rb)):
            if la.get(key) != rb.get(key):
                changed += 1
                if changed <= limit:
                    print(f"{section}: {key}")
                    _show(la.get(key), rb.get(key))
    print(f"{changed} output(s) differ")
    return 1 if changed else 0


def _show(x, y, path: str = "  ") -> None:
    """The first few differing leaves of two JSON values."""
    if isinstance(x, dict) and isinstance(y, dict):
        for k in sorted(set(x) | set(y)):
            if x.get(k) != y.get(k):
                _show(x.get(k), y.get(k), f"{path}.{k}")
        return
    if isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
        for i, (u, v) in enumerate(zip(x, y)):
            if u != v:
                _show(u, v, f"{path}[{i}]")
        return
    print(
        f"{path}: {json.dumps(x, ensure_ascii=False)[:300]}\n{' ' * len(path)}→ {json.dumps(y, ensure_ascii=False)[:300]}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--bench", type=Path, help="a benchmark folder with text/ and html/ (scrapinghub layout)")
    c = sub.add_parser("diff")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.command == "dump":
        dump(args.out, args.bench)
        return 0
    return diff(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
