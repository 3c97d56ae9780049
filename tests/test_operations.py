"""Operating Dossier: schedule, sensor, concurrent runs, readers of the snapshot, crashes mid-write."""

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.partitions import daily
from assets.resources import Inbox
from conftest import run_graph, table_contents, today
from workflow.jobs import build_automation, new_files

_, _, daily_schedule, inbox_sensor = build_automation(daily("2024-01-01"))

REPO = Path(__file__).resolve().parent.parent


def test_schedule_asks_for_the_previous_day():
    context = dg.build_schedule_context(
        scheduled_execution_time=dt.datetime(2024, 5, 15, 1, 30, tzinfo=dt.UTC)
    )
    request = daily_schedule(context)
    assert request.partition_key == "2024-05-14"
    assert request.run_key == "schedule-2024-05-14"


def test_sensor_triggers_once_per_new_file_in_todays_folder(tmp_path):
    folder = tmp_path / "inbox" / today()
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("First article.")
    settings = Inbox(path=str(tmp_path / "inbox"))

    context = dg.build_sensor_context(resources={"inbox": settings})
    first = inbox_sensor(context)
    assert isinstance(first, dg.RunRequest) and first.partition_key == today()

    again = inbox_sensor(dg.build_sensor_context(cursor=context.cursor, resources={"inbox": settings}))
    assert isinstance(again, dg.SkipReason)

    (folder / "b.txt").write_text("Second article.")
    third_context = dg.build_sensor_context(cursor=context.cursor, resources={"inbox": settings})
    third = inbox_sensor(third_context)
    assert isinstance(third, dg.RunRequest) and third.run_key != first.run_key
    assert third.tags["dossier/new_files"] == "1"


def test_sensor_cursor_ignores_hidden_files_and_resets_on_a_new_day(tmp_path):
    folder = tmp_path / "2024-05-14"
    folder.mkdir()
    (folder / ".partial").write_text("x")
    fresh, cursor = new_files(folder, "2024-05-14", None)
    assert fresh == []
    (folder / "a.txt").write_text("x")
    fresh, cursor = new_files(folder, "2024-05-14", cursor)
    assert fresh == ["a.txt"]
    fresh, _ = new_files(folder, "2024-05-15", cursor)
    assert fresh == ["a.txt"]


def test_definitions_validate():
    out = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-w", "workspace.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DAGSTER_HOME": str(REPO / "dagster_home")},
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]


def _cli(args, env, **kw):
    return subprocess.Popen(
        [sys.executable, "-m", "workflow.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return home


@pytest.mark.slow
def test_two_concurrent_runs_both_succeed(inbox, db, tmp_path):
    env = {**os.environ, "DAGSTER_HOME": str(_home(tmp_path)), "PYTHONWARNINGS": "ignore"}
    runs = [
        _cli(["run", "--inbox", str(inbox), "--db", str(db), "--date", day], env, cwd=tmp_path)
        for day in ("2024-05-14", "2024-05-15")
    ]
    for proc in runs:
        out, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-3000:]
    con = duckdb.connect(str(db), read_only=True)
    days = con.execute("SELECT DISTINCT partition_date::VARCHAR FROM clean.documents ORDER BY 1").fetchall()
    con.close()
    assert days == [("2024-05-14",), ("2024-05-15",)]


@pytest.mark.slow
def test_a_reader_holding_the_snapshot_does_not_fail_a_run(inbox, db):
    assert run_graph(inbox, db, "2024-05-14").success
    snapshot = db.with_name("warehouse.read.duckdb")
    reader = duckdb.connect(str(snapshot), read_only=True)
    try:
        before = reader.execute("SELECT count(*) FROM raw.documents").fetchone()[0]
        assert run_graph(inbox, db, "2024-05-15").success
        # The open reader keeps its consistent (old) view; a new reader sees the new snapshot.
        assert reader.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == before
    finally:
        reader.close()
    fresh = duckdb.connect(str(snapshot), read_only=True)
    assert fresh.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == before + 1
    fresh.close()


@pytest.mark.slow
def test_sigkill_inside_a_write_then_rerun_equals_a_clean_run(inbox, db, tmp_path):
    clean_db = tmp_path / "clean" / "warehouse.duckdb"
    assert run_graph(inbox, clean_db, "2024-05-14", "2024-05-15").success
    expected = table_contents(clean_db)

    env = {**os.environ, "PYTHONWARNINGS": "ignore", "DOSSIER_HOLD_BEFORE_COMMIT": "nlp.claim_rows:300"}
    env.pop("DAGSTER_HOME", None)
    proc = _cli(["run", "--inbox", str(inbox), "--db", str(db)], env, cwd=tmp_path, start_new_session=True)
    try:
        deadline = time.monotonic() + 600
        for line in proc.stderr:
            if "holding uncommitted write to nlp.claim_rows" in line:
                break
            assert time.monotonic() < deadline
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    # Ingest and clean committed before the kill; the extract transaction did not.
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM clean.documents").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM nlp.claim_rows").fetchone()[0] == 0
    con.close()

    assert run_graph(inbox, db, "2024-05-14", "2024-05-15").success
    assert table_contents(db) == expected


@pytest.mark.slow
def test_a_killed_snapshot_publish_leaves_no_temp_file_after_the_next_run(inbox, db, tmp_path):
    assert run_graph(inbox, db, "2024-05-14").success
    snapshot = db.with_name("warehouse.read.duckdb")
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "DOSSIER_HOLD_BEFORE_COMMIT": "publish:300"}
    env.pop("DAGSTER_HOME", None)
    proc = _cli(["run", "--inbox", str(inbox), "--db", str(db)], env, cwd=tmp_path, start_new_session=True)
    try:
        deadline = time.monotonic() + 600
        for line in proc.stderr:
            if "holding uncommitted write to publish" in line:
                break
            assert time.monotonic() < deadline
        leftovers = list(tmp_path.glob(".warehouse.read.duckdb.*"))
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert any(p.name.endswith(".tmp") for p in leftovers)  # the kill happened mid-publish
    reader = duckdb.connect(str(snapshot), read_only=True)  # the published snapshot survived the kill
    assert reader.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 2
    reader.close()

    assert run_graph(inbox, db, "2024-05-14", "2024-05-15").success
    assert [p.name for p in tmp_path.glob(".warehouse.read.duckdb.*.tmp")] == []
    fresh = duckdb.connect(str(snapshot), read_only=True)
    assert fresh.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 3
    fresh.close()


@pytest.mark.slow
def test_incremental_snapshot_equals_a_full_copy(inbox, db, tmp_path):
    assert run_graph(inbox, db, "2024-05-14").success
    assert run_graph(inbox, db, "2024-05-15").success  # day two: first publish into the second slot (full)
    (inbox / "2024-05-15" / "extra.txt").write_text(
        "Ports brace for a busy summer\n\nPort operators said on "
        "Thursday that volumes had risen 8 percent since January.\n"
    )
    assert run_graph(inbox, db, "2024-05-15").success  # back to the first slot: only what changed is copied
    snapshot = db.with_name("warehouse.read.duckdb")
    assert table_contents(snapshot) == table_contents(db)
