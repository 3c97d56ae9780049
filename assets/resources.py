"""Resources the assets use: the inbox, the warehouse and the NLP settings (chosen per deployment by workflow/)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator

import dagster as dg

from assets import warehouse
from assets.text import decode


class Inbox(dg.ConfigurableResource):
    """Where articles arrive: a folder of YYYY-MM-DD day folders, and what the ingest stage accepts."""

    path: str = "data/inbox"
    max_bytes: int = decode.DEFAULT_MAX_BYTES
    read_timeout_seconds: float = 30.0


class Warehouse(dg.ConfigurableResource):
    """The warehouse: a DuckDB file (one writer at a time) or a DuckLake (many writers)."""

    url: str = "data/warehouse.duckdb"
    data_path: str = ""
    lock_wait_seconds: float = 900.0
    keep_snapshot_days: int = 7  # DuckLake: snapshots (time travel) kept this long by the weekly upkeep

    @property
    def target(self) -> warehouse.Target:
        return warehouse.Target(self.url, self.data_path)

    @contextlib.contextmanager
    def connect(self, on_wait: Callable[[str], None] | None = None) -> Iterator:
        """A writing connection to a warehouse at the current schema version (migrated on first use)."""
        on_wait = on_wait or dg.get_dagster_logger().warning  # shown by the CLI at its default level
        with warehouse.connect(self.target, wait_seconds=self.lock_wait_seconds, on_wait=on_wait) as con:
            done = warehouse.ensure_schema(con, lake=self.target.is_lake)
            if done:
                dg.get_dagster_logger().info(f"warehouse schema: {', '.join(done)}")
            yield con


class NLP(dg.ConfigurableResource):
    """The spaCy pipeline and how the extract stage spends the machine."""

    model: str = ""  # a spaCy pipeline package; empty: the official small English model, else its re-upload
    workers: int = 0  # processes parsing in parallel; 0: one per core
    doc_seconds: float = 120.0  # a document taking longer than this is held back with a reason

    @property
    def model_name(self) -> str:
        from assets.text.extraction import default_model_name

        return self.model or default_model_name()

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, len(os.sched_getaffinity(0)))

    def load(self):
        from assets.text.extraction import load_model

        return load_model(self.model_name)
