"""The dossier command line: finding day folders, grouping days into runs, importing files."""

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
