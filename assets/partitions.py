"""Daily partitions (one per inbox day folder) and the execution policy every asset shares."""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field
from typing import Any

import dagster as dg

# BackfillPolicy is beta; every asset relies on it deliberately: say so once, here.
warnings.filterwarnings("ignore", category=dg.BetaWarning)

FILE_POOL = "duckdb_writer"


def daily(start_date: str | dt.date) -> dg.DailyPartitionsDefinition:
    """One partition per UTC day from start_date; end_offset=1 so today is a partition the inbox sensor can run."""
    start = start_date.isoformat() if isinstance(start_date, dt.date) else start_date
    return dg.DailyPartitionsDefinition(start_date=start, end_offset=1, timezone="UTC")


@dataclass(frozen=True)
class Policy:
    """Decorator settings shared by every asset, decided once per deployment.

    On the DuckDB file every writing step is in one pool of size 1 and a backfill is one run (its steps loop over
    the days, spaCy and Great Expectations load once). On a lake writers need no pool, and a backfill is split
    into runs of at most `partitions_per_run` days that the run queue executes side by side.
    """

    partitions: dg.DailyPartitionsDefinition = field(default_factory=lambda: daily("2020-01-01"))
    pool: str | None = FILE_POOL
    partitions_per_run: int | None = None  # None: the whole range in one run
    owners: tuple[str, ...] = ("team:dossier",)

    @property
    def backfill(self) -> dg.BackfillPolicy:
        if self.partitions_per_run:
            return dg.BackfillPolicy.multi_run(self.partitions_per_run)
        return dg.BackfillPolicy.single_run()

    def asset_args(self, group: str, partitioned: bool, **kwargs: Any) -> dict[str, Any]:
        """Arguments for dg.multi_asset: partitions, pool, backfill policy, group, owners and tags."""
        args: dict[str, Any] = {
            "group_name": group,
            "pool": self.pool,
            # single_run on the unpartitioned assets too: a CLI partition-range materialisation needs it on every
            # selected asset, and they run once per run anyway.
            "backfill_policy": self.backfill if partitioned else dg.BackfillPolicy.single_run(),
            "can_subset": False,
        }
        if partitioned:
            args["partitions_def"] = self.partitions
        return {**args, **kwargs}
