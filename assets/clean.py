"""Stage clean: title and body with boilerplate removed, and every removed span with its reason."""

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath

import polars as pl

from assets import quality, stage, warehouse
from assets.text import cleaning, metadata
from assets.text.cleaning import clean_text, repeated_lines

BATCH = 50


def document_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToNotBeNull", column="doc_id"),
        e("ExpectColumnValuesToBeUnique", column="doc_id"),
        e("ExpectColumnValuesToNotBeNull", column="body"),
        e(
            "ExpectColumnPairValuesAToBeGreaterThanB",
            column_A="n_chars_raw",
            column_B="n_chars_body",
            or_equal=True,
        ),
        # An article cleaned down to nothing, or with no headline found, deserves a look but is not an error.
        e("ExpectColumnValuesToBeBetween", column="n_chars_body", min_value=1, severity="warning"),
        e("ExpectColumnValuesToNotBeNull", column="title", severity="warning"),
        e("ExpectColumnValueLengthsToBeBetween", column="title", max_value=400, severity="warning"),
    ]


def removed_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToNotBeNull", column="doc_id"),
        e("ExpectColumnValuesToBeBetween", column="start_char", min_value=0),
        e("ExpectColumnPairValuesAToBeGreaterThanB", column_A="end_char", column_B="start_char"),
        e("ExpectColumnValuesToBeInSet", column="reason", value_set=list(cleaning.REASONS)),
        e("ExpectColumnPairValuesToBeEqual", column_A="text", column_B="_raw_slice"),
        e("ExpectCompoundColumnsToBeUnique", column_list=["doc_id", "start_char"]),
    ]


def evidence_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToBeInSet", column="field", value_set=list(metadata.FIELDS)),
        e("ExpectColumnValuesToBeInSet", column="source", value_set=list(metadata.SOURCES)),
        e("ExpectColumnValueLengthsToBeBetween", column="value", min_value=1),
        # a value read from the text points at exactly the span it was read from
        e("ExpectColumnPairValuesToBeEqual", column_A="text", column_B="_raw_slice"),
    ]


DOCUMENTS = stage.Output("clean.document_rows", document_suite, invariants=("clean_docs_have_raw",))
REMOVED = stage.Output(
    "clean.removed", removed_suite, invariants=("removed_within_raw",), extra={"_raw_slice": pl.String}
)
EVIDENCE = stage.Output("clean.metadata_evidence", evidence_suite, extra={"_raw_slice": pl.String})
OUTPUTS = (DOCUMENTS, REMOVED, EVIDENCE)
CODE_VERSION = stage.code_version(__file__, cleaning, metadata)


def source_of(source_path: str) -> str:
    """The source a file belongs to: its folder inside the day folder (the day itself for flat folders)."""
    parts = PurePosixPath(source_path).parts
    return "/".join(parts[1:-1]) or "."


def clean_documents(day: dt.date, docs: list[tuple], repeated: Mapping[str, frozenset[str]]) -> stage.Rows:
    """Rows of the clean tables for (doc_id, source_path, raw_text[, page_meta JSON]) documents of one day."""
    out: stage.Rows = {o.table: [] for o in OUTPUTS}
    for doc_id, path, text, *page in docs:
        result = clean_text(text, repeated.get(source_of(path), frozenset()))
        found = metadata.document_metadata(text, result, json.loads(page[0]) if page and page[0] else None)
        base = {"doc_id": doc_id, "partition_date": day}
        out[DOCUMENTS.table].append(
            {
                **base,
                "title": result.title,
                "body": result.body,
                "n_chars_raw": len(text),
                "n_chars_body": len(result.body),
                "n_removed": len(result.removed),
                "outlet": found.outlet,
                "url": found.url,
                "published_at": _timestamp(found.published_at),
                "author": found.author,
                "language": found.language,
            }
        )
        out[REMOVED.table] += [
            {
                **base,
                "start_char": r.start,
                "end_char": r.end,
                "text": r.text,
                "reason": r.reason,
                "_raw_slice": text[r.start : r.end],
            }
            for r in result.removed
        ]
        out[EVIDENCE.table] += [
            {
                **base,
                "field": e.field,
                "value": e.value,
                "source": e.source,
                "rule": e.name,
                "start_char": e.start,
                "end_char": e.end,
                "text": e.text,
                "_raw_slice": text[e.start : e.end] if e.start is not None else e.text,
            }
            for e in found.evidence
            if e.field in metadata.FIELDS
        ]
    return out


def _timestamp(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


def clean_partition(raw: pl.DataFrame, day: dt.date) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One day's raw documents (doc_id, source_path, raw_text) cleaned in memory: for tests and benchmarks."""
    docs = list(raw.select("doc_id", "source_path", "raw_text").iter_rows())
    by_source: dict[str, list[str]] = defaultdict(list)
    for _, path, text in docs:
        by_source[source_of(path)].append(text)
    rows = clean_documents(day, docs, {s: repeated_lines(texts) for s, texts in by_source.items()})
    return DOCUMENTS.frame(rows[DOCUMENTS.table]), REMOVED.frame(rows[REMOVED.table])


def _texts(con, day: dt.date, ids: list[str]) -> Iterator[tuple[str, str, str, str | None]]:
    for part in stage.batched(ids, BATCH):
        yield from con.execute(
            "SELECT doc_id, source_path, raw_text, page_meta FROM raw.documents WHERE partition_date = ? "
            "AND list_contains(?, doc_id) ORDER BY doc_id",
            [day, list(part)],
        ).fetchall()


def inputs(con, day: dt.date) -> stage.Inputs:
    """The day's raw documents in batches, each with the lines its source repeats across the day's documents."""
    listing = con.execute(
        "SELECT doc_id, source_path, content_sha256 FROM raw.documents WHERE partition_date = ? "
        "ORDER BY doc_id",
        [day],
    ).fetchall()
    upstream = warehouse.partition_state(con, "ingest", [day]).get(day)
    fp = stage.fingerprint(upstream[1] if upstream else listing)
    ids_by_source: dict[str, list[str]] = defaultdict(list)
    for doc_id, path, _ in listing:
        ids_by_source[source_of(path)].append(doc_id)

    def items():
        repeated = {
            source: repeated_lines(text for _, _, text, _ in _texts(con, day, ids))
            for source, ids in ids_by_source.items()
        }
        for part in stage.batched([doc_id for doc_id, _, _ in listing], BATCH):
            yield day, list(_texts(con, day, list(part))), repeated

    return stage.Inputs(fp, items(), len(listing))


def build(item) -> stage.Rows:
    day, docs, repeated = item
    return clean_documents(day, docs, repeated)


def describe(frames: Mapping[str, pl.DataFrame]) -> dict[str, Counter]:
    docs, removed = frames[DOCUMENTS.table], frames[REMOVED.table]
    return {
        "clean.removed:removal reasons": Counter(removed["reason"].to_list()),
        "clean.document_rows:characters": Counter(
            {"raw": int(docs["n_chars_raw"].sum() or 0), "body": int(docs["n_chars_body"].sum() or 0)}
        ),
    }


DAY_STAGE = stage.DayStage(
    name="clean",
    outputs=OUTPUTS,
    code_version=CODE_VERSION,
    inputs=inputs,
    build=build,
    items_per_chunk=4,
    count=lambda item: len(item[1]),
    describe=describe,
)
