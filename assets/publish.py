"""Stage publish: what analysts read, refreshed after every run that changed something.

On the DuckDB file that is the snapshot beside it (assets/snapshot.py); a mart held back by its checks is left out.
On a lake, analysts read the lake itself: every committed transaction is a snapshot (time travel by version), so
publishing only records which version the run ended at.
"""

import dagster as dg

from assets import contract, report, snapshot, stage
from assets import warehouse as wh
from assets.partitions import Policy
from assets.resources import Warehouse

STEP = "publish"
KEY = dg.AssetKey(["publish", "snapshot"])
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
        return {"path": dg.MetadataValue.path(str(target.snapshot_path)), "unchanged": True}, {}
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
        "path": dg.MetadataValue.path(str(done.path)),
        "mode": dg.MetadataValue.text(done.mode),
        "bytes": dg.MetadataValue.int(done.bytes),
        "held back marts": dg.MetadataValue.text(", ".join(held) or "none"),
        **{f"rows {t}": dg.MetadataValue.int(n) for t, n in mine.items()},
    }, differ


def build_asset(policy: Policy) -> dg.AssetsDefinition:
    deps = [report.key(r.name) for r in contract.published()]

    @dg.asset(
        key=KEY,
        deps=deps,
        group_name="publish",
        kinds={"duckdb"},
        pool=policy.pool,
        backfill_policy=dg.BackfillPolicy.single_run(),
        owners=list(policy.owners),
        check_specs=[
            dg.AssetCheckSpec(
                CHECK,
                asset=KEY,
                description="The published copy opens read-only and has the warehouse's rows, table by table",
            )
        ],
        description="What analysts read: on the DuckDB file, the read-only snapshot beside it "
        "(warehouse.read.duckdb), updated with only what changed and swapped in atomically so readers never block "
        "or break a run; marts held back by their checks are left out. On a lake, the lake's committed version.",
    )
    def snapshot_(context: dg.AssetExecutionContext, warehouse: Warehouse):
        target = warehouse.target
        with warehouse.connect() as con:
            if target.is_lake:
                version = con.execute(
                    f"SELECT max(snapshot_id) FROM ducklake_snapshots('{wh.LAKE_ALIAS}')"
                ).fetchone()[0]
                meta, differ = {"lake snapshot": dg.MetadataValue.int(version)}, {}
            else:
                meta, differ = publish_file(con, target, context.log.info)
        yield dg.MaterializeResult(metadata=meta)
        yield dg.AssetCheckResult(
            check_name=CHECK, passed=not differ, metadata={"differences": dg.MetadataValue.json(differ)}
        )

    return snapshot_
