"""Stage ingest: files from the dated inbox, decoded and fingerprinted; bad files quarantined with a reason."""

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import dagster as dg
import polars as pl

from assets import quality, stage
from assets.text import decode
from workflow.partitions import daily
from workflow.resources import Settings, Warehouse

DOCUMENTS = "raw.documents"
REJECTS = "raw.rejects"
KEY = dg.AssetKey(["raw", "documents"])

DOCUMENT_SCHEMA = {
    "doc_id": pl.String,
    "partition_date": pl.Date,
    "source_path": pl.String,
    "content_sha256": pl.String,
    "n_bytes": pl.Int64,
    "encoding": pl.String,
    "media_type": pl.String,
    "raw_text": pl.String,
    "ingested_at": pl.Datetime("us"),
}
REJECT_SCHEMA = {
    "partition_date": pl.Date,
    "source_path": pl.String,
    "reason": pl.String,
    "detail": pl.String,
    "seen_at": pl.Datetime("us"),
    "content_sha256": pl.String,
    "n_bytes": pl.Int64,
}


def day_folder(inbox: Path, day: dt.date) -> Path:
    """The inbox folder of one arrival day."""
    return inbox / day.isoformat()


def scan_partition(
    inbox: Path, day: dt.date, max_bytes: int, known: Mapping[str, str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Decode every file under the day's folder (any depth) into document rows and reject rows.

    `known` maps doc ids already stored for other days to where they came from: the same bytes arriving
    again are rejected as duplicates, so doc_id stays unique across the warehouse.
    """
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    folder = day_folder(inbox, day)
    docs: list[dict] = []
    rejects: list[dict] = []
    seen: dict[str, str] = {}
    for path in sorted(p for p in folder.rglob("*") if not p.is_dir()):
        rel_in_day = path.relative_to(folder)
        if any(part.startswith(".") for part in rel_in_day.parts):
            continue  # hidden files (.DS_Store, .gitkeep, editors' swap files) are not articles
        source_path = path.relative_to(inbox).as_posix()

        def reject(reason: str, detail: str, sha: str | None = None, size: int | None = None) -> None:
            rejects.append(
                {
                    "partition_date": day,
                    "source_path": source_path,
                    "reason": reason,
                    "detail": detail,
                    "seen_at": now,
                    "content_sha256": sha,
                    "n_bytes": size,
                }
            )

        try:
            size = path.stat().st_size
            if size > max_bytes:
                reject("too_large", f"{size} bytes is over the {max_bytes}-byte limit", size=size)
                continue
            data = path.read_bytes()
        except OSError as exc:
            reject("unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
            continue
        sha = decode.sha256(data)
        try:
            decoded = decode.decode_file(path.name, data, max_bytes)
        except decode.Rejected as exc:
            reject(exc.reason, exc.detail, sha, len(data))
            continue
        doc_id = decode.doc_id_for(sha)
        if doc_id in seen:
            reject("duplicate", f"same bytes as {seen[doc_id]}", sha, len(data))
        elif known and doc_id in known:
            reject("duplicate", f"same bytes as {known[doc_id]}, already ingested", sha, len(data))
        else:
            seen[doc_id] = source_path
            docs.append(
                {
                    "doc_id": doc_id,
                    "partition_date": day,
                    "source_path": source_path,
                    "content_sha256": sha,
                    "n_bytes": len(data),
                    "encoding": decode_name(decoded.encoding),
                    "media_type": decoded.media_type,
                    "raw_text": decoded.text,
                    "ingested_at": now,
                }
            )
    return pl.DataFrame(docs, schema=DOCUMENT_SCHEMA), pl.DataFrame(rejects, schema=REJECT_SCHEMA)


def decode_name(encoding: str) -> str:
    """Encoding names as Python spells them canonically (utf_8 -> utf-8)."""
    return encoding.replace("_", "-").lower()


def document_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToNotBeNull", column="doc_id"),
        e("ExpectColumnValuesToBeUnique", column="doc_id"),
        e("ExpectColumnValuesToMatchRegex", column="doc_id", regex=r"^D[0-9a-f]{15}$"),
        e("ExpectColumnValuesToMatchRegex", column="content_sha256", regex=r"^[0-9a-f]{64}$"),
        e("ExpectColumnValuesToBeUnique", column="source_path"),
        e("ExpectColumnValuesToNotBeNull", column="partition_date"),
        e(
            "ExpectColumnValuesToBeInSet",
            column="media_type",
            value_set=["text/plain", "text/markdown", "text/html"],
        ),
        e("ExpectColumnValuesToBeBetween", column="n_bytes", min_value=1),
        e("ExpectColumnValueLengthsToBeBetween", column="raw_text", min_value=1),
        e("ExpectColumnValuesToNotBeNull", column="encoding"),
        # Many replacement characters mean the bytes were mis-decoded upstream: worth a look, not a stop.
        e("ExpectColumnValuesToNotMatchRegex", column="raw_text", regex="\ufffd{3,}", severity="warning"),
    ]


def reject_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToNotBeNull", column="source_path"),
        e("ExpectColumnValuesToBeUnique", column="source_path"),
        e("ExpectColumnValuesToBeInSet", column="reason", value_set=list(decode.REJECT_REASONS)),
        e("ExpectColumnValueLengthsToBeBetween", column="detail", min_value=1),
    ]


@dg.asset(
    key=KEY,
    partitions_def=daily,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="duckdb_writer",
    group_name="ingest",
    kinds={"python", "duckdb"},
    owners=["team:dossier"],
    tags={"stage": "ingest"},
    code_version=stage.code_version(__file__, decode),
    check_specs=stage.check_specs(KEY, [DOCUMENTS, REJECTS]),
    description="Files of the day's inbox folder decoded into raw.documents (text, encoding, SHA-256); files "
    "that cannot be ingested go to raw.rejects with a reason. Writes both tables per partition in one transaction.",
)
def raw_documents(context: dg.AssetExecutionContext, settings: Settings, warehouse: Warehouse):
    inbox = Path(settings.inbox)
    with warehouse.connect() as con:

        def build(day: dt.date) -> stage.Built:
            known = dict(
                con.execute(
                    "SELECT doc_id, source_path FROM raw.documents WHERE partition_date <> ?", [day]
                ).fetchall()
            )
            docs, rejects = scan_partition(inbox, day, settings.max_bytes, known)
            return stage.Built(
                frames={DOCUMENTS: docs, REJECTS: rejects},
                metadata={
                    "reject reasons": Counter(rejects["reason"].to_list()),
                    "encodings": Counter(docs["encoding"].to_list()),
                    "media types": Counter(docs["media_type"].to_list()),
                    "preview": stage.preview(docs, ["doc_id", "source_path", "encoding", "n_bytes"]),
                    "rejects preview": stage.preview(rejects, ["source_path", "reason", "detail"]),
                },
            )

        missing = [
            k for k in context.partition_keys if not day_folder(inbox, dt.date.fromisoformat(k)).is_dir()
        ]
        if missing:
            # A day with no folder is left as stored: an inbox pruned of old days must not erase the warehouse.
            context.log.warning(
                f"no inbox folder for {', '.join(missing)} under {inbox}: those partitions are kept as they are"
            )
        yield from stage.run_partitions(
            context,
            con,
            build,
            {DOCUMENTS: document_suite, REJECTS: reject_suite},
            ["raw_doc_ids_unique"],
            skip=set(missing),
        )
