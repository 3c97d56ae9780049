"""Scale-out: the graph writing a DuckLake (catalog in PostgreSQL, or in SQLite without a server).

The PostgreSQL server is real: started by the fixture on a loopback port with its data in a temporary folder, and
stopped by its PID. Every test runs against both catalogs.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from assets import publish, warehouse
from conftest import run_graph, table_contents
from workflow import localpg

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def postgres():
    if localpg.binaries() is None:
        pytest.skip(
            "PostgreSQL's server binaries are absent (Debian package postgresql; .ci/run installs it)"
        )
    folder = Path(
        tempfile.mkdtemp(prefix="dossier-pg-")
    )  # outside pytest's 0700 tmp: the postgres user reads it
    server = localpg.start(folder)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["postgres", "sqlite"])
def lake(request, tmp_path) -> warehouse.Target:
    files = tmp_path / "lake-files"
    if request.param == "sqlite":
        return warehouse.Target(f"ducklake:sqlite:{tmp_path / 'catalog.sqlite'}", str(files))
    server = request.getfixturevalue("postgres")
    return warehouse.Target(server.database(f"t{uuid.uuid4().hex[:12]}"), str(files))


def cli(
    lake: warehouse.Target, inbox: Path, *args: str, env_extra: dict | None = None, **kw
) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env.update({"PYTHONWARNINGS": "ignore", **(env_extra or {})})
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workflow.cli",
            "run",
            "--inbox",
            str(inbox),
            "--db",
            lake.url,
            "--data-path",
            lake.data_path,
            "--workers",
            "1",
            *args,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def test_the_whole_graph_into_a_lake_equals_the_same_inbox_into_a_file(inbox, lake, tmp_path):
    assert run_graph(inbox, lake.url, "2024-05-14", "2024-05-15", data_path=lake.data_path).success
    assert run_graph(inbox, tmp_path / "file" / "w.duckdb", "2024-05-14", "2024-05-15").success
    assert table_contents(lake) == table_contents(tmp_path / "file" / "w.duckdb")
    assert list(Path(lake.data_path).rglob("*.parquet")), "the lake keeps its rows in Parquet files"


def test_two_runs_on_different_days_at_once_both_succeed(inbox, lake, tmp_path):
    # one a whole run, the other only the per-day stages, as a machine of a many-machine backfill runs them
    runs = [
        cli(lake, inbox, "--date", "2024-05-14", cwd=tmp_path),
        cli(lake, inbox, "--date", "2024-05-15", "--days-only", cwd=tmp_path),
    ]
    for proc in runs:
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-3000:]
    # the warehouse-wide steps of whichever run finished last saw both days, or the next run catches up
    assert run_graph(inbox, lake.url, "2024-05-14", "2024-05-15", data_path=lake.data_path).success
    reference = tmp_path / "file" / "w.duckdb"
    assert run_graph(inbox, reference, "2024-05-14", "2024-05-15").success
    assert table_contents(lake) == table_contents(reference)


def test_a_writer_killed_mid_commit_loses_nothing_of_the_others_and_a_rerun_converges(inbox, lake, tmp_path):
    assert run_graph(inbox, lake.url, "2024-05-14", data_path=lake.data_path).success
    before = table_contents(lake)
    proc = cli(
        lake,
        inbox,
        "--date",
        "2024-05-15",
        cwd=tmp_path,
        start_new_session=True,
        env_extra={"DOSSIER_HOLD_BEFORE_COMMIT": "nlp.claim_rows:300"},
    )
    try:
        deadline = time.monotonic() + 600
        for line in proc.stderr:
            if "holding uncommitted write to nlp.claim_rows" in line:
                break
            assert time.monotonic() < deadline
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    after = table_contents(lake)
    for table in ("nlp.claim_rows", "nlp.entities", "clean.document_rows"):
        assert all(r in after[table] for r in before[table]), table
    assert run_graph(inbox, lake.url, "2024-05-14", "2024-05-15", data_path=lake.data_path).success
    reference = tmp_path / "file" / "w.duckdb"
    assert run_graph(inbox, reference, "2024-05-14", "2024-05-15").success
    assert table_contents(lake) == table_contents(reference)


def test_a_reader_on_a_snapshot_is_unaffected_by_later_writes(inbox, lake):
    assert run_graph(inbox, lake.url, "2024-05-14", data_path=lake.data_path).success
    with warehouse.connect(lake, read_only=True) as con:
        version = publish.lake_version(con)

    def count(con) -> tuple[int, int]:
        return con.execute(
            "SELECT (SELECT count(*) FROM raw.documents), (SELECT count(*) FROM marts.speakers)"
        ).fetchone()

    with warehouse.connect(lake, read_only=True, snapshot_version=version) as reader:
        before = count(reader)
    if (
        lake.catalog == "postgres"
    ):  # a reader may stay open while others write (a SQLite catalog locks writers out)
        with warehouse.connect(lake, read_only=True, snapshot_version=version) as reader:
            assert run_graph(inbox, lake.url, "2024-05-15", data_path=lake.data_path).success
            assert count(reader) == before
    else:
        assert run_graph(inbox, lake.url, "2024-05-15", data_path=lake.data_path).success
    with warehouse.connect(lake, read_only=True) as latest:
        assert count(latest)[0] == before[0] + 1
    with warehouse.connect(lake, read_only=True, snapshot_version=version) as yesterday:
        assert count(yesterday) == before  # time travel: the marts as they were


def test_lake_upkeep_changes_no_answer(inbox, tmp_path):
    from workflow.definitions import build_definitions
    from workflow.deployment import Deployment

    lake = warehouse.Target(f"ducklake:sqlite:{tmp_path / 'catalog.sqlite'}", str(tmp_path / "files"))
    assert run_graph(inbox, lake.url, "2024-05-14", data_path=lake.data_path).success
    assert run_graph(inbox, lake.url, "2024-05-15", data_path=lake.data_path).success
    before = table_contents(lake)
    defs = build_definitions(
        Deployment(inbox=str(inbox), db=lake.url, data_path=lake.data_path, start_date="2024-01-01")
    )
    result = defs.resolve_job_def("lake_maintenance").execute_in_process()
    assert result.success
    assert table_contents(lake) == before


def test_a_writer_that_looked_before_another_created_the_lake_retries_and_finds_it(lake, monkeypatch):
    # Two first runs at once: one creates the schema between the other's look at the catalog and its first CREATE
    # ("Table with name schema_version already exists"); the loser tries again and finds the schema made.
    with warehouse.connect(lake) as con:
        assert warehouse.ensure_schema(con, lake=True) == ["created"]
    looks = []
    real = warehouse.schema_state

    def stale_first(con):
        looks.append(1)
        return warehouse.SchemaState(None, None) if len(looks) == 1 else real(con)

    monkeypatch.setattr(warehouse, "schema_state", stale_first)
    monkeypatch.setattr(warehouse, "backoff", lambda attempt: None)
    with warehouse.connect(lake) as con:
        assert warehouse.ensure_schema(con, lake=True) == []
    assert len(looks) == 2
