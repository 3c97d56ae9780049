"""Stage clean: title and body with boilerplate removed, and every removed span with its reason."""

import datetime as dt
from collections import Counter, defaultdict
from pathlib import PurePosixPath

import dagster as dg
import polars as pl

from assets import quality, stage
from assets.ingest import KEY as RAW_KEY
from assets.text import cleaning
from assets.text.cleaning import clean_text, repeated_lines
from workflow.partitions import daily
from workflow.resources import Warehouse

DOCUMENTS = "clean.documents"
REMOVED = "clean.removed"
KEY = dg.AssetKey(["clean", "documents"])

DOCUMENT_SCHEMA = {
    "doc_id": pl.String,
    "partition_date": pl.Date,
    "title": pl.String,
    "body": pl.String,
    "n_chars_raw": pl.Int32,
    "n_chars_body": pl.Int32,
    "n_removed": pl.Int32,
}
REMOVED_SCHEMA = {
    "doc_id": pl.String,
    "partition_date": pl.Date,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "text": pl.String,
    "reason": pl.String,
    "_raw_slice": pl.String,
}


def source_of(source_path: str) -> str:
    """The source a file belongs to: its folder inside the day folder (the day itself for flat folders)."""
    parts = PurePosixPath(source_path).parts
    return "/".join(parts[1:-1]) or "."


def clean_partition(raw: pl.DataFrame, day: dt.date) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Clean every raw document of one partition; lines recurring across a source's documents are boilerplate."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for path, text in raw.select("source_path", "raw_text").iter_rows():
        by_source[source_of(path)].append(text)
    repeated = {source: repeated_lines(texts) for source, texts in by_source.items()}
    docs, removed = [], []
    for doc_id, path, text in raw.select("doc_id", "source_path", "raw_text").iter_rows():
        result = clean_text(text, repeated[source_of(path)])
        docs.append(
            {
                "doc_id": doc_id,
                "partition_date": day,
                "title": result.title,
                "body": result.body,
                "n_chars_raw": len(text),
                "n_chars_body": len(result.body),
                "n_removed": len(result.removed),
            }
        )
        removed += [
            {
                "doc_id": doc_id,
                "partition_date": day,
                "start_char": r.start,
                "end_char": r.end,
                "text": r.text,
                "reason": r.reason,
                "_raw_slice": text[r.start : r.end],
            }
            for r in result.removed
        ]
    return pl.DataFrame(docs, schema=DOCUMENT_SCHEMA), pl.DataFrame(removed, schema=REMOVED_SCHEMA)


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


@dg.asset(
    key=KEY,
    deps=[RAW_KEY],
    partitions_def=daily,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="duckdb_writer",
    group_name="clean",
    kinds={"python", "duckdb"},
    owners=["team:dossier"],
    tags={"stage": "clean"},
    code_version=stage.code_version(__file__, cleaning),
    check_specs=stage.check_specs(KEY, [DOCUMENTS, REMOVED]),
    description="Each raw document split into title and body with boilerplate removed (clean.documents), and "
    "every removed span with its offsets into raw_text and its reason (clean.removed).",
)
def clean_documents(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.connect() as con:

        def build(day: dt.date) -> stage.Built:
            raw = con.execute(
                "SELECT doc_id, source_path, raw_text FROM raw.documents WHERE partition_date = ? "
                "ORDER BY doc_id",
                [day],
            ).pl()
            docs, removed = clean_partition(raw, day)
            return stage.Built(
                frames={DOCUMENTS: docs, REMOVED: removed},
                metadata={
                    "removal reasons": Counter(removed["reason"].to_list()),
                    "characters": Counter(
                        {
                            "raw": int(docs["n_chars_raw"].sum() or 0),
                            "body": int(docs["n_chars_body"].sum() or 0),
                        }
                    ),
                    "preview": stage.preview(
                        docs, ["doc_id", "title", "n_chars_raw", "n_chars_body", "n_removed"]
                    ),
                    "removed preview": stage.preview(removed, ["doc_id", "reason", "text"]),
                },
            )

        yield from stage.run_partitions(
            context,
            con,
            build,
            {DOCUMENTS: document_suite, REMOVED: removed_suite},
            ["clean_docs_have_raw", "removed_within_raw"],
        )
