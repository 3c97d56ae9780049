"""The dossier command line: finding day folders, grouping days into runs, importing files."""

import pytest

from workflow.cli import contiguous_ranges, inbox_days, main


def test_cli_finds_only_real_day_folders_and_groups_consecutive_days(tmp_path):
    for name in ("2024-05-14", "2024-05-15", "2024-05-17", "2024-13-45", "notes", "2024-05-16.bak"):
        (tmp_path / name).mkdir()
    (tmp_path / "2024-05-18").write_text("a file, not a day folder")
    days = inbox_days(tmp_path)
    assert days == ["2024-05-14", "2024-05-15", "2024-05-17"]
    assert contiguous_ranges(days) == [("2024-05-14", "2024-05-15"), ("2024-05-17", "2024-05-17")]


def test_import_copies_a_flat_folder_into_the_day_and_never_overwrites(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("first")
    (src / ".hidden").write_text("skip me")
    inbox = tmp_path / "inbox"
    assert main(["import", str(src), "--date", "2024-05-14", "--inbox", str(inbox)]) == 0
    assert sorted(p.name for p in (inbox / "2024-05-14").iterdir()) == ["a.txt"]
    (src / "a.txt").write_text("changed")
    assert main(["import", str(src), "--date", "2024-05-14", "--inbox", str(inbox)]) == 0
    assert (inbox / "2024-05-14" / "a.txt").read_text() == "first"
    assert "not overwritten" in capsys.readouterr().err


def test_sql_without_a_snapshot_says_what_to_do(tmp_path, capsys):
    assert main(["sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "dossier run" in capsys.readouterr().err


def test_a_missing_inbox_is_exit_2_with_the_path(tmp_path, capsys):
    assert main(["run", "--inbox", str(tmp_path / "nowhere"), "--db", str(tmp_path / "w.duckdb")]) == 2
    assert str(tmp_path / "nowhere") in capsys.readouterr().err
    assert not (tmp_path / "w.duckdb").exists()


def test_an_empty_inbox_is_exit_2_unless_allowed(tmp_path, capsys):
    (tmp_path / "inbox").mkdir()
    args = ["run", "--inbox", str(tmp_path / "inbox"), "--db", str(tmp_path / "w.duckdb")]
    assert main(args) == 2
    assert "--allow-empty" in capsys.readouterr().err
    assert main([*args, "--allow-empty"]) == 0


def test_a_flat_folder_of_articles_gets_the_import_command_to_use(tmp_path, capsys):
    flat = tmp_path / "articles"
    flat.mkdir()
    (flat / "story.txt").write_text("A headline\n\nA paragraph of the story.\n")
    assert main(["run", "--inbox", str(flat), "--db", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err
    assert f"dossier import {flat}" in err and "--date" in err


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("dossier ") and out.split()[1][0].isdigit()


def test_a_second_process_holding_the_warehouse_is_waited_for_with_a_message(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "w.duckdb"
    assert main(["migrate", "--db", str(db)]) == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('held', flush=True); "
            "time.sleep(4); con.close()",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        waited = subprocess.run(
            [sys.executable, "-m", "workflow.cli", "migrate", "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.wait(timeout=60)
    assert waited.returncode == 0, waited.stderr
    assert f"waiting for the warehouse lock on {db}" in waited.stderr
    assert "already up to date" in waited.stdout
