"""One deployment's settings: read from the environment once, turned into resources and the asset policy.

| variable | default | meaning |
|---|---|---|
| DOSSIER_INBOX | data/inbox | folder of YYYY-MM-DD day folders |
| DOSSIER_DB | data/warehouse.duckdb | a .duckdb file, or ducklake:postgres:… / ducklake:sqlite:PATH |
| DOSSIER_DATA_PATH | (beside a sqlite catalog) | DuckLake only: where the Parquet files go |
| DOSSIER_WORKERS | the machine's cores | processes parsing in parallel |
| DOSSIER_SPACY_MODEL | en_core_web_sm, else its re-upload | spaCy pipeline package |
| DOSSIER_START_DATE | the first day folder in the inbox | first daily partition |
| DOSSIER_DAYS_PER_RUN | 7 on a lake, all on a file | days per run when a backfill is split into runs |
| DOSSIER_MAX_BYTES | 5000000 | larger files are rejected as too_large |
| DOSSIER_DOC_SECONDS | 120 | a document whose extraction takes longer is held back (nlp.held_back) |
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from assets import inbox as inbox_folder
from assets.warehouse import Target

DEFAULT_INBOX = "data/inbox"
DEFAULT_DB = "data/warehouse.duckdb"


@dataclass(frozen=True)
class Deployment:
    inbox: str = DEFAULT_INBOX
    db: str = DEFAULT_DB
    data_path: str = ""
    workers: int = 0
    spacy_model: str = ""
    start_date: str = ""
    days_per_run: int = 0
    max_bytes: int = 5_000_000
    doc_seconds: float = 120.0

    @classmethod
    def from_env(cls, **overrides) -> Deployment:
        env = os.environ
        values = {
            "inbox": env.get("DOSSIER_INBOX", DEFAULT_INBOX),
            "db": env.get("DOSSIER_DB", DEFAULT_DB),
            "data_path": env.get("DOSSIER_DATA_PATH", ""),
            "workers": int(env.get("DOSSIER_WORKERS") or 0),
            "spacy_model": env.get("DOSSIER_SPACY_MODEL", ""),
            "start_date": env.get("DOSSIER_START_DATE", ""),
            "days_per_run": int(env.get("DOSSIER_DAYS_PER_RUN") or 0),
            "max_bytes": int(env.get("DOSSIER_MAX_BYTES") or 5_000_000),
            "doc_seconds": float(env.get("DOSSIER_DOC_SECONDS") or 120.0),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def target(self) -> Target:
        return Target(self.db, self.data_path)

    def first_day(self) -> dt.date:
        """The first partition: the setting, else the inbox's first day folder, else today (UTC)."""
        if self.start_date:
            return dt.date.fromisoformat(self.start_date)
        days = inbox_folder.days(Path(self.inbox))
        return dt.date.fromisoformat(days[0]) if days else dt.datetime.now(dt.UTC).date()

    def resources(self) -> dict:
        from assets.resources import NLP, Inbox, Warehouse

        return {
            "inbox": Inbox(path=self.inbox, max_bytes=self.max_bytes),
            "warehouse": Warehouse(url=self.db, data_path=self.data_path),
            "nlp": NLP(model=self.spacy_model, workers=self.workers, doc_seconds=self.doc_seconds),
        }

    def policy(self):
        from assets.partitions import FILE_POOL, Policy, daily

        lake = self.target.is_lake
        return Policy(
            partitions=daily(self.first_day()),
            # DuckDB allows one writing process: every writing step of every run takes turns in one pool.
            # A lake takes many writers: no pool, and backfills split into runs the run queue executes side by side.
            pool=None if lake else FILE_POOL,
            partitions_per_run=(self.days_per_run or 7) if lake else (self.days_per_run or None),
        )
