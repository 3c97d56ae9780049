"""Versioned schema: a warehouse of the previous release migrates to exactly what a fresh one is."""

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from assets import contract, warehouse
from workflow.cli import main

V0 = Path(__file__).parent / "fixtures" / "schema" / "v0.sql"
SCHEMAS = "('meta', 'raw', 'clean', 'nlp', 'marts')"


def catalog(path: Path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            f"SELECT schema_name, table_name, column_name, data_type, is_nullable, comment "
            f"FROM duckdb_columns() WHERE schema_name IN {SCHEMAS} ORDER BY ALL"
        ).fetchall()
        rows += con.execute(
            f"SELECT schema_name, table_name, comment FROM duckdb_tables() "
            f"WHERE schema_name IN {SCHEMAS} ORDER BY ALL"
        ).fetchall()
        rows += con.execute(
            f"SELECT schema_name, view_name, comment, sql FROM duckdb_views() "
            f"WHERE schema_name IN {SCHEMAS} ORDER BY ALL"
        ).fetchall()
        return rows
    finally:
        con.close()


def previous_release(path: Path) -> None:
    """A warehouse as the release before versioned schemas left it, with a document in it."""
    con = duckdb.connect(str(path))
    for stmt in contract.statements(V0):
        con.execute(stmt)
    con.execute(
        "INSERT INTO raw.documents VALUES ('D0123456789abcde', '2024-05-14', '2024-05-14/a.txt', ?, 5, "
        "'utf-8', 'text/plain', 'hello', '2024-05-14 10:00:00')",
        ["0" * 64],
    )
    con.execute(
        "INSERT INTO clean.documents VALUES ('D0123456789abcde', '2024-05-14', 'Hi', 'hello', 5, 5, 0)"
    )
    con.close()


def test_the_previous_release_migrates_to_exactly_a_fresh_warehouse(tmp_path):
    fresh, old = tmp_path / "fresh.duckdb", tmp_path / "old.duckdb"
    with warehouse.connect(fresh) as con:
        assert warehouse.ensure_schema(con) == ["created"]
    previous_release(old)
    with warehouse.connect(old) as con:
        assert warehouse.schema_state(con).version == 0
        assert warehouse.pending_migrations(con) == [p.name for _, p in contract.migrations()]
        assert warehouse.ensure_schema(con) == [p.name for _, p in contract.migrations()]
        assert warehouse.ensure_schema(con) == []
        # the stored rows came through, with the new columns empty
        assert con.execute("SELECT title, outlet, copy_of FROM clean.documents").fetchall() == [
            ("Hi", None, None)
        ]
        assert con.execute("SELECT page_meta FROM raw.documents").fetchall() == [(None,)]
    assert catalog(old) == catalog(fresh)


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    old = tmp_path / "old.duckdb"
    previous_release(old)
    before = catalog(old)
    broken = tmp_path / "migrations"
    broken.mkdir()
    (broken / "0001_broken.sql").write_text(
        "CREATE SCHEMA meta;\nALTER TABLE raw.documents ADD COLUMN x INTEGER;\n"
        "SELECT no_such_column FROM raw.documents;\n"
    )
    monkeypatch.setattr(contract, "MIGRATIONS_DIR", broken)
    with warehouse.connect(old) as con, pytest.raises(duckdb.Error):
        warehouse.ensure_schema(con)
    assert catalog(old) == before


def test_a_warehouse_newer_than_the_code_is_refused_with_a_clear_message(tmp_path, capsys):
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        con.execute("UPDATE meta.schema_version SET version = version + 5")
    with warehouse.connect(path) as con, pytest.raises(warehouse.SchemaTooNew, match="upgrade Dossier"):
        warehouse.ensure_schema(con)
    assert main(["migrate", "--check", "--db", str(path)]) == 1
    assert "newer than this Dossier" in capsys.readouterr().err


def test_migrate_check_says_what_is_pending(tmp_path, capsys):
    old = tmp_path / "old.duckdb"
    previous_release(old)
    assert main(["migrate", "--check", "--db", str(old)]) == 1
    assert "pending: 0001_versioning.sql" in capsys.readouterr().out
    assert main(["migrate", "--db", str(old)]) == 0
    assert main(["migrate", "--check", "--db", str(old)]) == 0
    assert "up to date" in capsys.readouterr().out
    with warehouse.connect(old, read_only=True) as con:
        version, _, _, migrated = con.execute("SELECT * FROM meta.schema_version").fetchone()
    assert version == contract.latest_version() and migrated.date() <= dt.datetime.now(dt.UTC).date()


@pytest.mark.slow
def test_a_warehouse_written_by_the_previous_releases_duckdb_opens_and_migrates(tmp_path):
    """The release before pinned duckdb 1.5.6; the DuckLake extensions pin 1.5.5 now. Same storage format: its
    file opens under the pinned DuckDB and migrates in place."""
    import os
    import shutil
    import subprocess

    # the uv running the suite (`uv run` sets $UV), else one on the PATH, else the Makefile's `python3 -m uv`
    found = os.environ.get("UV") or shutil.which("uv")
    uv = [found] if found else ["python3", "-m", "uv"]
    old = tmp_path / "old.duckdb"
    script = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1]); con.execute(open(sys.argv[2]).read()); "
        "con.execute(\"INSERT INTO raw.documents VALUES ('D0123456789abcde', '2024-05-14', '2024-05-14/a.txt', "
        "repeat('0', 64), 5, 'utf-8', 'text/plain', 'hello', '2024-05-14 10:00:00')\"); con.close(); "
        "print(duckdb.__version__)"
    )
    made = subprocess.run(
        [
            *uv,
            "run",
            "--no-project",
            "--with",
            "duckdb==1.5.6",
            "python",
            "-c",
            script,
            str(old),
            str(V0),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if made.returncode != 0:
        pytest.skip(f"could not install duckdb 1.5.6 from the package registry: {made.stderr[-500:]}")
    assert made.stdout.strip() == "1.5.6" and duckdb.__version__ != "1.5.6"
    assert main(["migrate", "--db", str(old)]) == 0
    with warehouse.connect(old, read_only=True) as con:
        assert warehouse.schema_state(con).version == contract.latest_version()
        assert con.execute("SELECT raw_text FROM raw.documents").fetchall() == [("hello",)]
