"""The inbox as a boundary: links, special files and misnamed folders are reported, never followed or opened."""

import os
import socket
import threading

import pytest

from assets import inbox
from assets.ingest import read_entry
from assets.text.decode import decode_bytes

DAY = "2024-05-14"


@pytest.fixture
def box(tmp_path):
    root = tmp_path / "inbox"
    day = root / DAY
    (day / "feed").mkdir(parents=True)
    (day / "feed" / "good.txt").write_text(
        "Headline\n\nA plain article about the harbour and the ferry timetable.\n"
    )
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-OUTSIDE-THE-INBOX")
    (day / "passwd.txt").symlink_to(outside / "secret.txt")
    (day / "linked-folder").symlink_to(outside, target_is_directory=True)
    os.mkfifo(day / "pipe.txt")
    return root


def entries(root):
    return {e.source_path: e for e in inbox.scan_day(root, DAY)}


def test_links_and_fifos_are_flagged_and_never_followed(box):
    found = entries(box)
    assert found[f"{DAY}/feed/good.txt"].problem is None
    assert found[f"{DAY}/passwd.txt"].problem == "symlink"
    assert found[f"{DAY}/linked-folder"].problem == "symlink"
    assert found[f"{DAY}/pipe.txt"].problem == "not_a_regular_file"
    assert not any("secret" in path for path in found)  # the linked folder was not walked into


def test_a_socket_is_not_a_regular_file(tmp_path):
    day = tmp_path / DAY
    day.mkdir()
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(day / "s.txt"))
        assert [e.problem for e in inbox.scan_day(tmp_path, DAY)] == ["not_a_regular_file"]
    finally:
        sock.close()


def test_reading_a_fifo_swapped_in_after_the_scan_returns_at_once(box):
    good = entries(box)[f"{DAY}/feed/good.txt"]
    os.unlink(good.path)
    os.mkfifo(good.path)  # nobody writes to it: a blocking open would hang forever
    result: dict = {}
    reader = threading.Thread(target=lambda: result.update(rows=read_entry(good, None, 1000, 5.0, None)))
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive()
    (reject,) = result["rows"]["raw.rejects"]
    assert reject["reason"] == "not_a_regular_file"


def test_a_link_is_never_read(box):
    rows = read_entry(entries(box)[f"{DAY}/passwd.txt"], None, 1000, 5.0, None)
    assert rows["raw.rejects"][0]["reason"] == "symlink"
    assert "SECRET" not in repr(rows)


def test_a_day_folder_that_is_a_link_is_one_reject(tmp_path):
    real = tmp_path / "elsewhere"
    real.mkdir()
    (real / "a.txt").write_text("an article somewhere else")
    (tmp_path / DAY).symlink_to(real, target_is_directory=True)
    (entry,) = inbox.scan_day(tmp_path, DAY)
    assert entry.problem == "symlink" and entry.source_path == DAY
    assert inbox.days(tmp_path) == []


def test_what_is_not_a_day_folder_is_reported(tmp_path):
    for name in ("2024-05-14", "2026-02-30", "2026-13-01", "notes"):
        (tmp_path / name).mkdir()
    (tmp_path / "loose.txt").write_text("x")
    (tmp_path / ".hidden").mkdir()
    strays = {e.source_path: (e.problem, e.detail) for e in inbox.strays(tmp_path)}
    assert inbox.days(tmp_path) == ["2024-05-14"]
    assert strays["2026-02-30"][0] == "bad_day_folder" and "not a real date" in strays["2026-02-30"][1]
    assert strays["notes"][0] == "bad_day_folder" and "YYYY-MM-DD" in strays["notes"][1]
    assert strays["loose.txt"][0] == "outside_day_folder"
    assert ".hidden" not in strays and "2026-13-01" in strays


def test_odd_file_names_are_stored_printably(tmp_path):
    day = tmp_path / DAY
    day.mkdir()
    (day / 'a "quoted"\nname.txt').write_text("x")
    (day / os.fsdecode(b"caf\xe9.txt")).write_text("y")
    paths = sorted(e.source_path for e in inbox.scan_day(tmp_path, DAY))
    assert paths == [f'{DAY}/a "quoted"\nname.txt', f"{DAY}/caf\\xe9.txt"]
    assert all(p.encode("utf-8") for p in paths)


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    day = tmp_path / DAY
    day.mkdir()
    (day / "big.txt").write_bytes(b"x" * 5000)
    (entry,) = inbox.scan_day(tmp_path, DAY)
    with pytest.raises(inbox.ReadError) as err:
        inbox.read(entry, max_bytes=1000, timeout_seconds=5)
    assert err.value.reason == "too_large"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_without_a_byte_order_mark_is_text_not_binary(encoding):
    text = "Ferry workers voted to end the strike on Thursday, the union said.\n" * 3
    assert decode_bytes(text.encode(encoding)) == (text, encoding)
