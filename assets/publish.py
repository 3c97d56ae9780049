"""Stage publish: what analysts read, refreshed after every run that changed something.

On the DuckDB file that is the snapshot beside it (assets/snapshot.py); a mart held back by its checks is left out.
On a lake, analysts read the lake itself: every committed transaction is a snapshot (time travel by version), so
publishing only records which version the run ended at.
"""

from assets import contract, snapshot, stage
from assets import warehouse as wh

STEP = "publish"
CHECK = "snapshot_matches_warehouse"


def counts(con, prefix: str = "") -> dict[str, int]:
    return {
        r.name: con.execute(f"SELECT count(*) FROM {prefix}{r.name}").fetchone()[0]
        for r in contract.published()
        if r.kind == "table"
    }


def publish_file(con, target: wh.Target, log=print) -> tuple[dict, dict[str, str]]:
    """Publish the snapshot unless nothing changed since the last publish; (metadata, differences found)."""
    held = [
        m for (m,) in con.execute("SELECT mart FROM meta.mart_status WHERE status = 'held_back'").fetchall()
    ]
    input_sha = stage.fingerprint(
        wh.step_input_sha(con, ["ingest", "clean", "extract"]),
        wh.step_done(con, "entities"),
        wh.step_done(con, "marts"),
        held,
    )
    if wh.step_done(con, STEP) == input_sha and target.snapshot_path.exists():
        removed = snapshot.remove_temp_files(target.snapshot_path)
        log(
            f"publish: {target.snapshot_path} is up to date"
            + (f"; {removed} leftover temp file(s) removed" if removed else "")
        )
        return {"path": str(target.snapshot_path), "unchanged": True}, {}
    done = snapshot.publish(con, target, held)
    with wh.transaction(con):  # only once the snapshot is in place: a publish killed half-way is redone
        wh.record_step(con, STEP, input_sha)
    mine = counts(con)
    with wh.connect(done.path, read_only=True) as snap:
        theirs = counts(snap)
    differ = {t: f"{mine[t]} vs {theirs.get(t)}" for t in mine if mine[t] != theirs.get(t)}
    log(
        f"publish: {done.path} ({done.mode}, {done.days_copied if done.days_copied >= 0 else 'all'} day(s) copied)"
    )
    return {
        "path": str(done.path),
        "mode": done.mode,
        "bytes": done.bytes,
        "held back marts": ", ".join(held) or "none",
        **{f"rows {t}": n for t, n in mine.items()},
    }, differ


def lake_version(con) -> int:
    """The lake's latest committed snapshot: what analysts reading the lake now see."""
    return con.execute(f"SELECT max(snapshot_id) FROM ducklake_snapshots('{wh.LAKE_ALIAS}')").fetchone()[0]
