"""Lake upkeep: DuckLake's own functions merge small files, flush inlined rows, expire old snapshots, delete files.

Every day a writer publishes adds small Parquet files and a snapshot; left alone, reads slow down and storage
grows. Snapshots younger than the retention stay (time travel keeps working for that long).
"""

from __future__ import annotations

from assets import warehouse as wh

STEPS = (
    ("flush inlined rows", "CALL ducklake_flush_inlined_data('{lake}')"),
    ("merge small files", "CALL ducklake_merge_adjacent_files('{lake}')"),
    (
        "expire snapshots",
        "CALL ducklake_expire_snapshots('{lake}', older_than => now() - INTERVAL '{days} days')",
    ),
    (
        "delete unused files",
        "CALL ducklake_cleanup_old_files('{lake}', older_than => now() - INTERVAL '{days} days')",
    ),
)


def tidy(con, keep_days: int = 7) -> dict[str, int]:
    """Run every upkeep step; returns how many tables or files each touched."""
    done = {}
    for name, sql in STEPS:
        try:
            rows = con.execute(sql.format(lake=wh.LAKE_ALIAS, days=int(keep_days))).fetchall()
        except Exception:
            # a step that lost a race leaves its transaction aborted; the caller retries it
            wh.rollback_quietly(con)
            raise
        done[name] = len(rows)
    return done
