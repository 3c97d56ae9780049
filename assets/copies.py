"""Copies: documents whose bodies are near-duplicates (syndication, a wire story on two sites, a re-scrape).

Warehouse-wide and incremental: only the days whose clean output changed since the last run are (re)hashed into
LSH buckets (clean.doc_bands), their documents are compared with the documents sharing a bucket, and the pairs
that hold up on exact shingle overlap are kept (clean.copy_pairs). Each document's earliest partner is kept in
clean.document_copies (clean.documents.copy_of), recomputed only for the documents whose pairs changed.
"""

import datetime as dt
from collections import Counter, OrderedDict
from collections.abc import Iterable

import numpy as np
import polars as pl

from assets import quality, stage
from assets import warehouse as wh
from assets.text import copies as text_copies
from assets.text import lexicon

STEP = "copies"
CROWDED_BUCKET = 1000  # a bucket shared by more documents than this is boilerplate, not a story: not compared


def pair_suite() -> list:
    e = quality.expect
    return [
        e("ExpectCompoundColumnsToBeUnique", column_list=["doc_a", "doc_b"]),
        e("ExpectColumnPairValuesAToBeGreaterThanB", column_A="doc_b", column_B="doc_a"),
        e("ExpectColumnValuesToBeBetween", column="similarity", min_value=0, max_value=1),
        e("ExpectColumnValuesToBeBetween", column="containment", min_value=0, max_value=1),
    ]


PAIRS = stage.Output("clean.copy_pairs", pair_suite, invariants=("copy_pairs_have_documents",))
CODE_VERSION = stage.code_version(__file__, text_copies, lexicon)


def changed_days(con) -> tuple[list[dt.date], dict[dt.date, str]]:
    """Days whose clean output differs from what copies last saw (or that are gone), and the clean states."""
    clean = dict(
        con.execute(
            "SELECT partition_date, output_sha FROM meta.partition_state WHERE stage = 'clean'"
        ).fetchall()
    )
    seen = dict(
        con.execute(
            "SELECT partition_date, fingerprint FROM meta.partition_state WHERE stage = ?", [STEP]
        ).fetchall()
    )
    version = CODE_VERSION
    days = sorted(
        d for d in set(clean) | set(seen) if stage.fingerprint(clean.get(d), version) != seen.get(d)
    )
    return days, {d: stage.fingerprint(clean[d], version) for d in clean}


def _bodies(con, ids: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in stage.batched(sorted(set(ids)), 200):
        out.update(
            con.execute(
                "SELECT doc_id, body FROM clean.document_rows WHERE list_contains(?, doc_id)", [part]
            ).fetchall()
        )
    return out


def _hash_day(con, day: dt.date) -> list[str]:
    """Replace the day's LSH buckets; returns its documents."""
    con.execute("DELETE FROM clean.doc_bands WHERE partition_date = ?", [day])
    ids = [
        d
        for (d,) in con.execute(
            "SELECT doc_id FROM clean.document_rows WHERE partition_date = ? ORDER BY 1", [day]
        ).fetchall()
    ]
    for part in stage.batched(ids, 200):
        rows = [
            {"doc_id": doc_id, "partition_date": day, "band": i, "bucket": bucket}
            for doc_id, body in _bodies(con, part).items()
            for i, bucket in enumerate(text_copies.bands(text_copies.shingles(body)))
        ]
        wh.insert_frame(con, "clean.doc_bands", _band_frame(rows))
    return ids


def _band_frame(rows: list[dict]) -> pl.DataFrame:
    from assets import contract

    return contract.relation("clean.doc_bands").frame(rows)


def _candidates(con, days: list[dt.date]) -> list[tuple[str, str]]:
    return con.execute(
        """WITH crowded AS (
               SELECT band, bucket FROM clean.doc_bands GROUP BY ALL HAVING count(*) > ?
           ), mine AS (
               SELECT doc_id, band, bucket FROM clean.doc_bands WHERE list_contains(?, partition_date)
               AND (band, bucket) NOT IN (SELECT (band, bucket) FROM crowded)
           )
           SELECT DISTINCT least(m.doc_id, o.doc_id) AS a, greatest(m.doc_id, o.doc_id) AS b
           FROM mine m JOIN clean.doc_bands o ON o.band = m.band AND o.bucket = m.bucket AND o.doc_id <> m.doc_id
           ORDER BY a, b""",
        [CROWDED_BUCKET, days],
    ).fetchall()


def _confirm(con, pairs: list[tuple[str, str]]) -> list[dict]:
    """The candidate pairs whose exact shingle overlap says copy.

    Pairs are compared group by group of connected documents (a story and its copies), so each body is read and
    shingled about once however many pairs it is in; at most CACHED signatures are held at a time."""
    out = []
    cache: OrderedDict[str, np.ndarray] = OrderedDict()
    for group in _connected(pairs):
        for part in stage.batched(group, 500):
            missing = {d for pair in part for d in pair} - set(cache)
            for doc_id, body in _bodies(con, missing).items():
                cache[doc_id] = text_copies.signature(text_copies.shingles(body))
            for a, b in part:
                sa, sb = _recent(cache, a), _recent(cache, b)
                similarity, containment = text_copies.overlap(sa, sb)
                if text_copies.is_copy(similarity, containment, min(sa.size, sb.size)):
                    out.append(
                        {
                            "doc_a": a,
                            "doc_b": b,
                            "similarity": round(similarity, 6),
                            "containment": round(containment, 6),
                        }
                    )
            while len(cache) > CACHED:
                cache.popitem(last=False)
    return sorted(out, key=lambda r: (r["doc_a"], r["doc_b"]))


CACHED = 4000  # signatures held at once (~12 KB each)
_NONE = np.empty(0, dtype=np.int64)  # a document whose body is gone: no shingles


def _recent(cache: OrderedDict[str, np.ndarray], doc_id: str) -> np.ndarray:
    if doc_id not in cache:
        return _NONE
    cache.move_to_end(doc_id)  # least recently used leaves first
    return cache[doc_id]


def _connected(pairs: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The pairs split by connected component of the documents they join, each sorted; in a stable order."""
    parent: dict[str, str] = {}

    def root(d: str) -> str:
        while parent.setdefault(d, d) != d:
            parent[d] = parent[parent[d]]  # path halving
            d = parent[d]
        return d

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[tuple[str, str]]] = {}
    for pair in pairs:
        groups.setdefault(root(pair[0]), []).append(pair)
    return [sorted(groups[r]) for r in sorted(groups)]


def refresh(con, log=print) -> stage.DayResult | None:
    """Bring clean.doc_bands and clean.copy_pairs up to date; None when no day's cleaned text changed.

    A result held back (its pairs failed their checks) leaves the previous pairs and buckets as they were.
    """
    try:
        return _refresh(con, log)
    except _HeldBack as held:
        return held.result


def _refresh(con, log) -> stage.DayResult | None:
    days, states = changed_days(con)
    if not days:
        log("copies: no day's cleaned text changed since the last run")
        return None
    result = stage.DayResult(None, "published", suites={PAIRS.table: []})
    with wh.transaction(con):
        touched: list[str] = []
        for day in days:
            old = [
                d
                for (d,) in con.execute(
                    "SELECT DISTINCT doc_id FROM clean.doc_bands WHERE partition_date = ?", [day]
                ).fetchall()
            ]
            touched += old + _hash_day(con, day)
        con.register("_touched", pl.DataFrame({"doc_id": sorted(set(touched))}, schema={"doc_id": pl.String}))
        try:
            con.execute(
                "DELETE FROM clean.copy_pairs "
                "WHERE doc_a IN (SELECT doc_id FROM _touched) OR doc_b IN (SELECT doc_id FROM _touched)"
            )
            found = _confirm(con, _candidates(con, days))
            frame = PAIRS.frame(found)
            suite = quality.validate("clean_copy_pairs", frame, PAIRS.suite())
            result.suites[PAIRS.table].append(suite)
            wh.insert_frame(con, PAIRS.table, frame)
            result.rows[PAIRS.table] = frame.height
            result.rows[COPIES_TABLE] = _update_copy_of(con)
        finally:
            con.unregister("_touched")
        result.invariants = wh.run_invariants(con, PAIRS.invariants)
        wh.record_step(con, STEP, stage.fingerprint(days))  # one copies step at a time (see record_step)
        for day in days:
            con.execute(
                "DELETE FROM meta.partition_state WHERE stage = ? AND partition_date = ?", [STEP, day]
            )
            if day in states:
                wh.record_partition(con, STEP, day, states[day], states[day], 0)
        if not suite.passed or not all(i.passed for i in result.invariants):
            result.status = "held"
            raise _HeldBack(result)
    result.counters["clean.copy_pairs:days hashed"] = Counter(
        {"days": len(days), "documents": len(set(touched))}
    )
    log(
        f"copies: {len(days)} day(s) hashed, {frame.height} copy pair(s) found for {len(set(touched))} document(s)"
    )
    return result


COPIES_TABLE = "clean.document_copies"

# The documents whose earliest partner may have changed: the touched ones, their partners now, and the documents
# that copied a touched one before. Nothing else can change: a partner's arrival (day, path) is fixed by its doc_id.
_AFFECTED = """
CREATE OR REPLACE TEMP TABLE _affected AS
SELECT doc_id FROM _touched
UNION SELECT doc_b FROM clean.copy_pairs WHERE doc_a IN (SELECT doc_id FROM _touched)
UNION SELECT doc_a FROM clean.copy_pairs WHERE doc_b IN (SELECT doc_id FROM _touched)
UNION SELECT doc_id FROM clean.document_copies WHERE copy_of IN (SELECT doc_id FROM _touched)
"""

# The rule (also in sql/migrations/0006_document_copies.sql, which fills the table once from stored pairs): a
# document copies its earliest partner by arrival day, then source path, then doc_id, if that is earlier than it.
_EARLIEST = """
INSERT INTO clean.document_copies
WITH arrival AS (
    SELECT d.doc_id, d.partition_date, r.source_path
    FROM clean.document_rows d JOIN raw.documents r USING (doc_id)
), partners AS (
    SELECT doc_a AS doc_id, doc_b AS other FROM clean.copy_pairs WHERE doc_a IN (SELECT doc_id FROM _affected)
    UNION ALL
    SELECT doc_b, doc_a FROM clean.copy_pairs WHERE doc_b IN (SELECT doc_id FROM _affected)
)
SELECT p.doc_id, arg_min(o.doc_id, (o.partition_date, o.source_path, o.doc_id)) AS copy_of
FROM partners p
JOIN arrival me ON me.doc_id = p.doc_id
JOIN arrival o ON o.doc_id = p.other
WHERE (o.partition_date, o.source_path, o.doc_id) < (me.partition_date, me.source_path, me.doc_id)
GROUP BY p.doc_id
"""


def _update_copy_of(con) -> int:
    """Recompute clean.document_copies for the documents the changed pairs can affect; returns rows written."""
    con.execute(_AFFECTED)
    try:
        con.execute("DELETE FROM clean.document_copies WHERE doc_id IN (SELECT doc_id FROM _affected)")
        return con.execute(_EARLIEST).fetchone()[0]
    finally:
        con.execute("DROP TABLE IF EXISTS _affected")


class _HeldBack(Exception):
    """Raised inside the transaction to roll it back when the pairs fail their checks."""

    def __init__(self, result: stage.DayResult):
        super().__init__("copy pairs failed their checks")
        self.result = result
