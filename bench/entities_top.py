"""The most mentioned persons and organisations of a warehouse, with the surfaces merged into each (for reading).

usage: python bench/entities_top.py WAREHOUSE.duckdb [--top 50]

Prints, per label, rank, name, mentions, documents and up to eight aliases: the list #12 asks to be free of junk
names and of two rows for one referent. Asserts nothing.
"""

from __future__ import annotations

import argparse

import duckdb


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("warehouse")
    ap.add_argument("--top", type=int, default=50)
    args = ap.parse_args()
    con = duckdb.connect(args.warehouse, read_only=True)
    for label in ("PERSON", "ORG"):
        rows = con.execute(
            "SELECT name, n_mentions, n_docs, aliases FROM nlp.entities WHERE label = ? "
            "ORDER BY n_mentions DESC, name LIMIT ?",
            [label, args.top],
        ).fetchall()
        print(f"{label} (top {len(rows)} by mentions)")
        for i, (name, mentions, docs, aliases) in enumerate(rows, 1):
            others = [a for a in aliases if a != name][:8]
            print(f"  {i:>3}  {name:<40} {mentions:>6} mentions {docs:>5} docs   {', '.join(others)}")


if __name__ == "__main__":
    main()
