"""The inbox as a boundary: which day folders and files there are, read without ever leaving the inbox.

Nothing here follows a symbolic link or opens anything that is not a regular file: a link (to a file or a folder,
inside the inbox or out of it), a FIFO, a socket or a device is reported with a reason and never read. Files are
opened with O_NOFOLLOW | O_NONBLOCK, checked again on the open descriptor, and read with a size cap and a deadline.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CHUNK = 1 << 20
_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


@dataclass(frozen=True)
class Entry:
    """Something found under the inbox: a regular file to read, or a thing to reject without reading it."""

    path: Path  # absolute path, never resolved through links
    source_path: str  # relative to the inbox, POSIX separators, printable
    size: int
    mtime_ns: int
    problem: str | None = None  # reject reason when not a regular file: symlink | not_a_regular_file | ...
    detail: str = ""


class ReadError(Exception):
    """A file that could not be read, with a reject reason and detail."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


def printable(rel: str) -> str:
    """A path as stored: undecodable bytes of a file name shown as \\xNN instead of failing the run."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_date(name: str) -> bool:
    if not DAY.match(name):
        return False
    try:
        dt.date.fromisoformat(name)
        return True
    except ValueError:
        return False


def days(inbox: Path) -> list[str]:
    """Every real YYYY-MM-DD folder directly under the inbox (not links), sorted."""
    if not inbox.is_dir():
        return []
    return sorted(e.name for e in os.scandir(inbox) if is_date(e.name) and e.is_dir(follow_symlinks=False))


def strays(inbox: Path) -> list[Entry]:
    """What sits directly under the inbox but is not a day folder: misnamed folders, loose files, links."""
    if not inbox.is_dir():
        return []
    out = []
    for e in sorted(os.scandir(inbox), key=lambda e: e.name):
        if e.name.startswith("."):
            continue
        st = e.stat(follow_symlinks=False)
        if e.is_symlink():
            out.append(
                _entry(
                    inbox,
                    Path(e.path),
                    st,
                    "symlink",
                    f"a link to {_link_target(e.path)}; links are not followed",
                )
            )
        elif e.is_dir(follow_symlinks=False) and not is_date(e.name):
            why = "not a real date" if DAY.match(e.name) else "not named YYYY-MM-DD"
            out.append(
                _entry(
                    inbox,
                    Path(e.path),
                    st,
                    "bad_day_folder",
                    f"folder '{printable(e.name)}' is {why}; its files are not ingested",
                )
            )
        elif not e.is_dir(follow_symlinks=False):
            out.append(
                _entry(
                    inbox,
                    Path(e.path),
                    st,
                    "outside_day_folder",
                    "a file directly in the inbox, not in a YYYY-MM-DD folder",
                )
            )
    return out


def scan_day(inbox: Path, day: str) -> Iterator[Entry]:
    """Every non-hidden entry under a day folder, any depth, in path order; links and special files flagged."""
    folder = inbox / day
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        yield _entry(
            inbox,
            folder,
            st,
            "symlink",
            f"the day folder is a link to {_link_target(folder)}; links are not followed",
        )
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk(inbox, folder)


def _walk(inbox: Path, folder: Path) -> Iterator[Entry]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Entry(
            folder,
            printable(folder.relative_to(inbox).as_posix()),
            0,
            0,
            "unreadable",
            f"folder: {exc.strerror or exc}",
        )
        return
    for e in entries:
        if e.name.startswith("."):
            continue  # hidden files (.DS_Store, .gitkeep, editors' swap files) are not articles
        path = Path(e.path)
        st = e.stat(follow_symlinks=False)
        if stat.S_ISLNK(st.st_mode):
            yield _entry(
                inbox, path, st, "symlink", f"a link to {_link_target(path)}; links are not followed"
            )
        elif stat.S_ISDIR(st.st_mode):
            yield from _walk(inbox, path)
        elif stat.S_ISREG(st.st_mode):
            yield _entry(inbox, path, st)
        else:
            kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
            yield _entry(inbox, path, st, "not_a_regular_file", f"{kind}; only regular files are read")


def _entry(
    inbox: Path, path: Path, st: os.stat_result, problem: str | None = None, detail: str = ""
) -> Entry:
    rel = printable(path.relative_to(inbox).as_posix())
    return Entry(path, rel, st.st_size, st.st_mtime_ns, problem, detail)


def _link_target(path) -> str:
    try:
        return printable(os.readlink(path))
    except OSError:
        return "an unreadable target"


def read(entry: Entry, max_bytes: int, timeout_seconds: float) -> bytes:
    """The file's bytes; raises ReadError (too_large, not_a_regular_file, symlink, unreadable)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(entry.path, flags)
    except OSError as exc:
        if os.path.islink(entry.path):
            raise ReadError("symlink", "became a link after the scan; links are not followed") from None
        raise ReadError("unreadable", f"{type(exc).__name__}: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped for something else between the scan and the open
            raise ReadError(
                "not_a_regular_file",
                f"{_KINDS.get(stat.S_IFMT(st.st_mode), 'not a regular file')} at read time",
            )
        if st.st_size > max_bytes:
            raise ReadError("too_large", f"{st.st_size} bytes is over the {max_bytes}-byte limit")
        return _read_capped(fd, max_bytes, timeout_seconds)
    except OSError as exc:
        raise ReadError("unreadable", f"{type(exc).__name__}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _read_capped(fd: int, max_bytes: int, timeout_seconds: float) -> bytes:
    deadline = time.monotonic() + timeout_seconds
    parts, size = [], 0
    while True:
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:  # grew while being read
            raise ReadError("too_large", f"over the {max_bytes}-byte limit while being read")
        if time.monotonic() > deadline:
            raise ReadError("unreadable", f"reading took longer than {timeout_seconds:g} s")
