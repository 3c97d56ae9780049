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
    """Replace the day's LSH buckets and shingle signatures; returns its documents."""
    con.execute("DELETE FROM clean.doc_bands WHERE partition_date = ?", [day])
    con.execute(f"DELETE FROM {SHINGLES} WHERE partition_date = ?", [day])
    ids = [
        d
        for (d,) in con.execute(
            "SELECT doc_id FROM clean.document_rows WHERE partition_date = ? ORDER BY 1", [day]
        ).fetchall()
    ]
    for part in stage.batched(ids, 200):
        texts = {doc_id: text_copies.words(body) for doc_id, body in _bodies(con, part).items()}
        rows = [
            {"doc_id": doc_id, "partition_date": day, "band": i, "bucket": bucket}
            for doc_id, text in texts.items()
            for i, bucket in enumerate(text_copies.bands(text_copies.shingles_of(text)))
        ]
        wh.insert_frame(con, "clean.doc_bands", _band_frame(rows))
        signatures = text_copies.signatures(list(texts.values()))
        wh.insert_frame(con, SHINGLES, _shingle_frame(day, list(texts), signatures))
    return ids


SHINGLES = "clean.doc_shingles"


def _shingle_frame(day: dt.date, ids: list[str], signatures: list[np.ndarray]) -> pl.DataFrame:
    import pyarrow as pa

    from assets import contract

    offsets = np.concatenate(([0], np.cumsum([s.size for s in signatures]))).astype(np.int32)
    values = np.concatenate(signatures) if signatures else np.empty(0, dtype=np.int64)
    # straight from the arrays, no Python ints
    lists = pa.ListArray.from_arrays(pa.array(offsets), pa.array(values))
    return pl.DataFrame(
        {"doc_id": ids, "partition_date": [day] * len(ids), "shingles": pl.from_arrow(lists)},
        schema=contract.relation(SHINGLES).polars_schema(),
    )


def _signatures(con, ids: list[str]) -> dict[str, np.ndarray]:
    """The stored shingle signatures of these documents (those that have one)."""
    out: dict[str, np.ndarray] = {}
    for part in stage.batched(sorted(set(ids)), 500):
        got = con.execute(
            f"SELECT doc_id, shingles FROM {SHINGLES} WHERE list_contains(?, doc_id)", [part]
        ).fetch_arrow_table()
        for chunk_ids, chunk in zip(got["doc_id"].chunks, got["shingles"].chunks, strict=True):
            offsets = chunk.offsets.to_numpy()
            values = chunk.values.to_numpy()
            for i, doc_id in enumerate(chunk_ids.to_pylist()):
                out[doc_id] = values[offsets[i] : offsets[i + 1]]
    return out


def _band_frame(rows: list[dict]) -> pl.DataFrame:
    from assets import contract

    return contract.relation("clean.doc_bands").frame(rows)


# Candidate pairs are held as positions into the sorted list of the documents they join, never as Python tuples of
# doc_id strings: a syndicated story with a hundred copies has ~5,000 pairs, and a day of such stories held as
# tuples, dicts and then a string frame for validation grew the writing process by hundreds of MB (#10).
_CANDIDATES = """
CREATE OR REPLACE TEMP TABLE _pairs AS
WITH crowded AS (
    SELECT band, bucket FROM clean.doc_bands GROUP BY ALL HAVING count(*) > $crowded
), mine AS (
    SELECT doc_id, band, bucket FROM clean.doc_bands WHERE list_contains($days, partition_date)
    AND (band, bucket) NOT IN (SELECT (band, bucket) FROM crowded)
)
SELECT DISTINCT least(m.doc_id, o.doc_id) AS a, greatest(m.doc_id, o.doc_id) AS b
FROM mine m JOIN clean.doc_bands o ON o.band = m.band AND o.bucket = m.bucket AND o.doc_id <> m.doc_id
"""
_POSITIONS = """
CREATE OR REPLACE TEMP TABLE _ids AS
SELECT doc_id, (row_number() OVER (ORDER BY doc_id) - 1)::BIGINT AS i
FROM (SELECT a AS doc_id FROM _pairs UNION SELECT b FROM _pairs)
"""


class _Candidates:
    """The candidate pairs of a run: documents by position (`ids`, sorted, so a < b as doc_ids are), pairs as arrays."""

    def __init__(self, con, days: list[dt.date]):
        con.execute(_CANDIDATES, {"crowded": CROWDED_BUCKET, "days": days})
        con.execute(_POSITIONS)
        self.ids = [d for (d,) in con.execute("SELECT doc_id FROM _ids ORDER BY i").fetchall()]
        got = con.execute(
            "SELECT x.i AS a, y.i AS b FROM _pairs JOIN _ids x ON x.doc_id = _pairs.a "
            "JOIN _ids y ON y.doc_id = _pairs.b"
        ).fetchnumpy()
        con.execute("DROP TABLE _pairs")
        self.a = np.asarray(got["a"], dtype=np.int64)
        self.b = np.asarray(got["b"], dtype=np.int64)

    def write(self, con, frame: pl.DataFrame) -> None:
        """Insert confirmed pairs (positions) as doc_ids; the position table is dropped."""
        con.register("_found", frame.to_arrow())
        try:
            con.execute(
                f"INSERT INTO {PAIRS.table} SELECT x.doc_id, y.doc_id, f.similarity, f.containment "
                "FROM _found f JOIN _ids x ON x.i = f.doc_a JOIN _ids y ON y.i = f.doc_b ORDER BY x.doc_id, y.doc_id"
            )
        finally:
            con.unregister("_found")
            con.execute("DROP TABLE _ids")


def _confirm(con, cand: _Candidates) -> pl.DataFrame:
    """The candidate pairs whose exact shingle overlap says copy, by position (doc_a < doc_b).

    Pairs are compared group by group of connected documents (a story and its copies), so each body is read and
    shingled about once however many pairs it is in; at most CACHED signatures are held at a time."""
    a, b = cand.a, cand.b
    order = np.lexsort((b, a, _components(len(cand.ids), a, b)[a]))
    keep, similarities, containments = [], [], []
    cache: OrderedDict[int, np.ndarray] = OrderedDict()
    for part in np.array_split(order, max(1, -(-order.size // 500))):
        missing = {int(d) for d in np.concatenate((a[part], b[part]))} - set(cache)
        stored = _signatures(con, [cand.ids[d] for d in missing])
        cache.update((d, stored.get(cand.ids[d], _NONE)) for d in sorted(missing))  # a body gone: no shingles
        for k in part.tolist():
            sa, sb = _recent(cache, int(a[k])), _recent(cache, int(b[k]))
            similarity, containment = text_copies.overlap(sa, sb)
            if text_copies.is_copy(similarity, containment, min(sa.size, sb.size)):
                keep.append(k)
                similarities.append(round(similarity, 6))
                containments.append(round(containment, 6))
        while len(cache) > CACHED:
            cache.popitem(last=False)
    keep_at = np.asarray(keep, dtype=np.int64)
    found = pl.DataFrame(
        {
            "doc_a": a[keep_at],
            "doc_b": b[keep_at],
            "similarity": pl.Series(similarities, dtype=pl.Float64),
            "containment": pl.Series(containments, dtype=pl.Float64),
        }
    )
    return found.sort("doc_a", "doc_b")


# Pairs per validation: GX over 500,000 pairs at once left the validator process ~70 MB larger for the rest of a run.
VALIDATED_ROWS = 50_000


def _by_first(frame: pl.DataFrame) -> list[pl.DataFrame]:
    """The pairs (sorted) in parts of about VALIDATED_ROWS that never split one doc_a's pairs: a repeated pair
    lies within one part, so every part unique means all unique."""
    if frame.height <= VALIDATED_ROWS:
        return [frame]
    first = frame["doc_a"].to_numpy()
    starts = np.flatnonzero(np.r_[True, first[1:] != first[:-1]])  # where each doc_a's run begins
    cuts, last = [], 0
    for start in starts.tolist():
        if start - last >= VALIDATED_ROWS:
            cuts.append(start)
            last = start
    bounds = [0, *cuts, frame.height]
    return [frame.slice(a, b - a) for a, b in zip(bounds, bounds[1:])]


CACHED = 4000  # signatures held at once (~12 KB each)
_NONE = np.empty(0, dtype=np.int64)  # a document whose body is gone: no shingles


def _recent(cache: OrderedDict[int, np.ndarray], doc: int) -> np.ndarray:
    cache.move_to_end(doc)  # least recently used leaves first
    return cache[doc]


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each of n documents' connected component, as the smallest position in it, given the pairs (a, b).

    Min-label propagation with pointer jumping, in numpy: a story's copies are nearly a clique, so it settles in a
    few rounds; a Python union-find over hundreds of thousands of pairs cost more time and memory."""
    label = np.arange(n, dtype=np.int64)
    while True:
        low = np.minimum(label[a], label[b])
        new = label.copy()
        np.minimum.at(new, a, low)
        np.minimum.at(new, b, low)
        new = new[new]  # a label is a position in the same component with a smaller or equal label: follow it
        if np.array_equal(new, label):
            return label
        label = new


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
            candidates = _Candidates(con, days)
            # validated by position: the positions follow doc_id order, so uniqueness and doc_a < doc_b are the
            # same statements about the doc_ids written from them
            frame = _confirm(con, candidates)
            suites = [quality.validate("clean_copy_pairs", part, PAIRS.suite()) for part in _by_first(frame)]
            result.suites[PAIRS.table] += suites
            candidates.write(con, frame)
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
        if not all(s.passed for s in suites) or not all(i.passed for i in result.invariants):
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
