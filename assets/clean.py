"""Stage clean: title and body with boilerplate removed, and every removed span with its reason."""

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath

import polars as pl

from assets import quality, stage, warehouse
from assets.text import cleaning, lexicon, metadata
from assets.text.cleaning import clean_text, outlet_of, repeated_by_group

BATCH = (
    8  # documents per work item (a worker cleans one item at a time; small, so a day of 30 spreads over both)
)


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
CODE_VERSION = stage.code_version(__file__, cleaning, metadata, lexicon)


def source_of(source_path: str) -> str:
    """The source a file belongs to: its folder inside the day folder (the day itself for flat folders)."""
    parts = PurePosixPath(source_path).parts
    return "/".join(parts[1:-1]) or "."


def group_key(source_path: str, text: str) -> str:
    """The group whose repeated lines count as boilerplate for a document: its outlet, else its folder."""
    outlet = outlet_of(text)
    return f"outlet:{outlet}" if outlet else f"folder:{source_of(source_path)}"


def clean_documents(day: dt.date, docs: list[tuple]) -> stage.Rows:
    """Rows of the clean tables for (doc_id, source_path, raw_text, page_meta JSON, repeated lines) of one day."""
    out: stage.Rows = {o.table: [] for o in OUTPUTS}
    for doc_id, _path, text, page, repeated in docs:
        result = clean_text(text, repeated)
        found = metadata.document_metadata(text, result, json.loads(page) if page else None)
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
    repeated = repeated_by_group((group_key(path, text), text) for _, path, text in docs)
    rows = clean_documents(day, [(d, p, t, None, repeated[group_key(p, t)]) for d, p, t in docs])
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
    ids = [doc_id for doc_id, _, _ in listing]

    def items():
        # Template lines and recurring section labels repeat across one outlet's pages, whatever feed folder they
        # arrived in: documents are grouped by the outlet their first line names, else by their folder.
        group_of: dict[str, str] = {}

        def grouped():
            for doc_id, path, text, _ in _texts(con, day, ids):
                group_of[doc_id] = group_key(path, text)
                yield group_of[doc_id], text

        repeated = repeated_by_group(grouped())
        for part in stage.batched(ids, BATCH):
            docs = _texts(con, day, list(part))
            yield day, [(*doc, repeated.get(group_of[doc[0]], frozenset())) for doc in docs]

    return stage.Inputs(fp, items(), len(listing))


def build(item) -> stage.Rows:
    day, docs = item
    return clean_documents(day, docs)


def _batch_size(item) -> int:
    return len(item[1])


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
    items_per_chunk=12,
    count=_batch_size,
    describe=describe,
    parallel=True,  # cleaning and reading dates cost tens of milliseconds a page: worth the worker processes
)
