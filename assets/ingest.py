"""Stage ingest: the files of a day's inbox folder decoded and fingerprinted; anything else quarantined with a reason."""

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import polars as pl

from assets import inbox, quality, stage, warehouse
from assets.text import decode


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


DOCUMENTS = stage.Output("raw.documents", document_suite, invariants=("raw_doc_ids_unique",))
REJECTS = stage.Output("raw.rejects", reject_suite)
OUTPUTS = (DOCUMENTS, REJECTS)


def read_entry(
    entry: inbox.Entry, day: dt.date, max_bytes: int, timeout: float, now: dt.datetime
) -> stage.Rows:
    """One inbox entry as a document row, or a reject row saying why not (never raises for a bad file)."""

    def reject(reason: str, detail: str, sha: str | None = None, size: int | None = None) -> stage.Rows:
        return {
            REJECTS.table: [
                {
                    "partition_date": day,
                    "source_path": entry.source_path,
                    "reason": reason,
                    "detail": detail,
                    "seen_at": now,
                    "content_sha256": sha,
                    "n_bytes": size,
                }
            ]
        }

    if entry.problem:
        return reject(entry.problem, entry.detail, size=entry.size if entry.problem != "symlink" else None)
    if decode.media_type_for(entry.path.name) is None:  # decided by name: the bytes are never read
        return reject(
            "unsupported_type", f"'{entry.path.name}' is not .txt, .md, .html or .htm", size=entry.size
        )
    try:
        data = inbox.read(entry, max_bytes, timeout)
    except inbox.ReadError as exc:
        return reject(exc.reason, exc.detail, size=entry.size)
    sha = decode.sha256(data)
    try:
        decoded = decode.decode_file(entry.path.name, data, max_bytes)
    except decode.Rejected as exc:
        return reject(exc.reason, exc.detail, sha, len(data))
    return {
        DOCUMENTS.table: [
            {
                "doc_id": decode.doc_id_for(sha),
                "partition_date": day,
                "source_path": entry.source_path,
                "content_sha256": sha,
                "n_bytes": len(data),
                "encoding": decode_name(decoded.encoding),
                "media_type": decoded.media_type,
                "raw_text": decoded.text,
                "ingested_at": now,
                "page_meta": json.dumps(decoded.page, ensure_ascii=False, sort_keys=True)
                if decoded.page
                else None,
            }
        ]
    }


def decode_name(encoding: str) -> str:
    """Encoding names as Python spells them canonically (utf_8 -> utf-8)."""
    return encoding.replace("_", "-").lower()


def deduplicate(con, day: dt.date, rows: stage.Rows, seen: dict) -> stage.Rows:
    """The same bytes stored once: a later copy (in the day, or of another day's file) becomes a reject.

    `seen` (doc id -> path) lives as long as one publishing attempt of the day.
    """
    docs = rows.get(DOCUMENTS.table, [])
    ids = [d["doc_id"] for d in docs]
    known = (
        dict(
            con.execute(
                "SELECT doc_id, source_path FROM raw.documents WHERE partition_date <> ? "
                "AND list_contains(?, doc_id)",
                [day, ids],
            ).fetchall()
        )
        if ids
        else {}
    )
    kept, rejects = [], list(rows.get(REJECTS.table, []))
    for d in docs:
        where = seen.get(d["doc_id"]) or (
            known.get(d["doc_id"]) and f"{known[d['doc_id']]}, already ingested"
        )
        if where:
            rejects.append(
                {
                    "partition_date": day,
                    "source_path": d["source_path"],
                    "reason": "duplicate",
                    "detail": f"same bytes as {where}",
                    "seen_at": d["ingested_at"],
                    "content_sha256": d["content_sha256"],
                    "n_bytes": d["n_bytes"],
                }
            )
        else:
            seen[d["doc_id"]] = d["source_path"]
            kept.append(d)
    return {DOCUMENTS.table: kept, REJECTS.table: rejects}


def describe(frames: Mapping[str, pl.DataFrame]) -> dict[str, Counter]:
    docs, rejects = frames[DOCUMENTS.table], frames[REJECTS.table]
    return {
        "raw.rejects:reject reasons": Counter(rejects["reason"].to_list()),
        "raw.documents:encodings": Counter(docs["encoding"].to_list()),
        "raw.documents:media types": Counter(docs["media_type"].to_list()),
    }


def day_stage(root: Path, max_bytes: int, timeout_seconds: float) -> stage.DayStage:
    """The ingest stage over an inbox folder, accepting files up to max_bytes, each read within the timeout."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)

    def inputs(con, day: dt.date) -> stage.Inputs:
        entries = list(inbox.scan_day(root, day.isoformat()))
        missing = not entries and not (root / day.isoformat()).is_dir()
        fp = stage.fingerprint(max_bytes, [(e.source_path, e.size, e.mtime_ns, e.problem) for e in entries])
        items = [(e, day) for e in entries]
        return stage.Inputs(fp, items, len(items), missing=missing)

    def build(item) -> stage.Rows:
        entry, day = item
        return read_entry(entry, day, max_bytes, timeout_seconds, now)

    return stage.DayStage(
        name="ingest",
        outputs=OUTPUTS,
        code_version=CODE_VERSION,
        inputs=inputs,
        build=build,
        count=lambda item: 1,
        review=deduplicate,
        describe=describe,
    )


CODE_VERSION = stage.code_version(__file__, decode, inbox)


def publish_strays(con, root: Path, log) -> int:
    """Misnamed day folders and loose files at the top of the inbox, as reject rows of no day (replaced each run)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [
        {
            "partition_date": None,
            "source_path": e.source_path,
            "reason": e.problem,
            "detail": e.detail,
            "seen_at": now,
            "content_sha256": None,
            "n_bytes": None,
        }
        for e in inbox.strays(root)
    ]
    with warehouse.transaction(con):
        con.execute("DELETE FROM raw.rejects WHERE partition_date IS NULL")
        warehouse.insert_frame(con, REJECTS.table, REJECTS.frame(rows))
    for row in rows:
        log(f"inbox: {row['source_path']}: {row['reason']}: {row['detail']}")
    return len(rows)
