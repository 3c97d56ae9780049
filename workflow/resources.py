"""Resources: the warehouse file, the spaCy model, and the inbox settings."""

import contextlib
import functools
import os
from pathlib import Path

import dagster as dg

from assets import warehouse
from assets.text.extraction import default_model_name, load_model


def default_model() -> str:
    """DOSSIER_SPACY_MODEL, else the official small English model when installed, else its re-upload."""
    return os.environ.get("DOSSIER_SPACY_MODEL") or default_model_name()


def snapshot_path_for(db_path: str) -> str:
    """The read-only copy analysts open: warehouse.duckdb -> warehouse.read.duckdb beside it."""
    path = Path(db_path)
    return str(path.with_name(f"{path.stem}.read{path.suffix or '.duckdb'}"))


class Settings(dg.ConfigurableResource):
    """Where articles arrive and what the ingest stage accepts."""

    inbox: str = "data/inbox"
    max_bytes: int = 5_000_000


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file (one writer at a time) and its published read-only snapshot."""

    path: str = "data/warehouse.duckdb"
    snapshot_path: str = ""
    lock_wait_seconds: float = 900.0

    @contextlib.contextmanager
    def connect(self):
        """A writing connection with every table created."""
        with warehouse.connect(self.path, wait_seconds=self.lock_wait_seconds) as con:
            warehouse.ensure_schema(con)
            yield con

    @property
    def snapshot(self) -> str:
        return self.snapshot_path or snapshot_path_for(self.path)


class SpacyModel(dg.ConfigurableResource):
    """The spaCy pipeline used by the extract stage."""

    name: str = ""

    def load(self):
        return _load_model(self.name or default_model())


@functools.cache
def _load_model(name: str):
    return load_model(name)


def from_environment() -> dict[str, dg.ConfigurableResource]:
    """Resources configured from DOSSIER_INBOX, DOSSIER_DB, DOSSIER_SPACY_MODEL and defaults."""
    return {
        "settings": Settings(inbox=os.environ.get("DOSSIER_INBOX", "data/inbox")),
        "warehouse": Warehouse(path=os.environ.get("DOSSIER_DB", "data/warehouse.duckdb")),
        "nlp": SpacyModel(name=default_model()),
    }
