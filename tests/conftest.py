"""Shared fixtures: a small inbox of articles written for these tests, and a graph runner on temp paths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dagster as dg
import pytest

from assets import contract
from workflow.deployment import Deployment

HEADER = "The Lakeside Courier\nHome | World | Business | Opinion\nSubscribe for $1 a week\n"
FOOTER = "Share this article\nCookies help us deliver our services. By using this site you accept cookies.\n© 2024 Lakeside Courier Media. All rights reserved.\n"

SUMMIT = (
    HEADER
    + """Leaders pledge deeper trade ties at two-day summit
Leaders pledge deeper trade ties at two-day summit
By Dana Whitfield | May 14, 2024
Russian President Vladimir Putin arrived in Beijing on Tuesday for two days of talks with Chinese President Xi Jinping, his first foreign trip since starting a new term in office.
In 2023, trade between the two countries grew to $240 billion, a record that both governments have been keen to celebrate in public statements.
“Our partnership is not directed against anyone,” Putin said at the opening ceremony. “It is built on mutual respect and shared interests.”
Mr. Putin’s delegation included several ministers and the heads of large energy firms, according to the Kremlin.
John Kirby, a White House spokesman, noted that both leaders share an interest in weakening Western influence in Asia.
“We are watching this relationship very closely,” Kirby told reporters in Washington.
The two countries share a border of about 4,300 kilometers, much of it along the Amur river.
"""
    + FOOTER
)

TRADE = (
    HEADER
    + """Energy exports drive record trade figures
By Omar Castell | May 14, 2024
Analysts said the summit exposed how dependent Moscow has become on Chinese buyers for its oil and gas.
Trade between Russia and China reached $240 billion in 2023, up 26 percent from the year before, customs data showed.
“Beijing holds most of the cards now,” said Ali Wyne, an analyst at a research group in Washington.
He added that the imbalance would grow if Western sanctions tightened further.
The border between the countries runs for 2,615 miles, according to geographers.
"""
    + FOOTER
)

FOLLOWUP = """Harbour Evening News
Markets | Politics
Officials review the summit's economic promises
Officials in both capitals spent Wednesday reviewing the agreements signed during the visit.
Putin told state television that energy cooperation would remain the core of the relationship for years.
“We have done a great deal of work together,” Putin said in the interview, adding that new pipeline talks were close to a deal.
Economists expect exports of liquefied gas to rise by ten percent next year if the pipeline plans move forward.
Read the original article on Harbour Evening News
"""


def write_inbox(root: Path) -> Path:
    """A two-day inbox: three articles (two of one source) plus bad files on day one, one article on day two."""
    day1 = root / "2024-05-14"
    (day1 / "courier").mkdir(parents=True)
    (day1 / "courier" / "summit.txt").write_text(SUMMIT, encoding="utf-8")
    (day1 / "courier" / "trade.txt").write_text(TRADE, encoding="utf-8")
    (day1 / "empty.txt").write_bytes(b"")
    (day1 / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64)))
    (day1 / "slides.pdf").write_bytes(b"%PDF-1.4 not an article")
    (day1 / "resent-summit.txt").write_text(SUMMIT, encoding="utf-8")
    (day1 / "gone.txt").symlink_to(day1 / "does-not-exist.txt")
    (day1 / ".DS_Store").write_bytes(b"\x00\x01")
    day2 = root / "2024-05-15"
    day2.mkdir()
    (day2 / "followup.txt").write_bytes(FOLLOWUP.encode("cp1252"))
    return root


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    return write_inbox(tmp_path / "inbox")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


def deployment(inbox: Path, db: Path, **settings) -> Deployment:
    """A deployment on temp paths (nothing read from the environment)."""
    return Deployment(inbox=str(inbox), db=str(db), start_date="2024-01-01", **settings)


def run_graph(inbox: Path, db: Path, start: str, end: str | None = None, instance=None, **settings):
    """Execute the whole job for a partition range with resources pointed at temp paths."""
    from workflow.definitions import build_definitions

    defs = build_definitions(deployment(inbox, db, **settings))
    tags = {"dagster/asset_partition_range_start": start, "dagster/asset_partition_range_end": end or start}
    return defs.resolve_job_def("dossier").execute_in_process(
        tags=tags, instance=instance or dg.DagsterInstance.ephemeral(), raise_on_error=False
    )


# Columns that record when something ran, not what was found: excluded when comparing runs.
WHEN_COLUMNS = {"ingested_at", "seen_at"}
# Every table and view analysts read, from the warehouse contract (sql/).
TABLES = [r.name for r in contract.published()]


def table_contents(path) -> dict[str, list[tuple]]:
    """Every row of every table and view (minus run-time stamps), sorted, for exact comparison between runs.

    `path` is a warehouse file, or a warehouse.Target (a lake)."""
    from assets import warehouse

    with warehouse.connect(path, read_only=True) as con:
        return _contents(con)


def _contents(con) -> dict[str, list[tuple]]:
    out = {}
    for table in TABLES:
        cols = [c for c in contract.relation(table).column_names if c not in WHEN_COLUMNS]
        rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out


def today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def load_bench(name: str):
    """A script of bench/ as a module (bench/ is scripts, not a package)."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"dossier_bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def nlp():
    """The production spaCy pipeline, loaded once for the whole session."""
    from assets.text.extraction import load_model

    return load_model()


def sentences(doc):
    """The production sentence split of a parsed body (what the extract stage stores)."""
    from assets.text.extraction import sentence_spans

    return sentence_spans(doc)
