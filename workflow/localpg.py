"""A throwaway PostgreSQL server for a DuckLake catalog: the tests and `make lake-demo` start one and stop it.

usage: python -m workflow.localpg start DIR [--port N]   # prints the ducklake attach string
       python -m workflow.localpg stop DIR

It runs Debian's PostgreSQL binaries (package `postgresql`) on a loopback port with its data, socket and log in
DIR, as the `postgres` user when started by root (PostgreSQL refuses to run as root), and is stopped by the PID
in its postmaster.pid.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

DATABASE = "dossier"


def binaries() -> Path | None:
    """The folder of PostgreSQL's server binaries, newest version first; None when not installed."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]), reverse=True
    )
    return found[0].parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Server:
    folder: Path
    port: int

    @property
    def attach(self) -> str:
        """The DuckLake target for this server's database."""
        return f"ducklake:postgres:dbname={DATABASE} host=127.0.0.1 port={self.port} user=postgres"

    def database(self, name: str) -> str:
        """Create another database on this server; returns the DuckLake target for it."""
        bin_dir = binaries()
        subprocess.run(
            _as_postgres(
                [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name]
            ),
            check=True,
            capture_output=True,
        )
        return self.attach.replace(f"dbname={DATABASE}", f"dbname={name}")

    def stop(self) -> None:
        """Stop the server by the PID it recorded (fast shutdown), and wait for it to go."""
        pid_file = self.folder / "data" / "postmaster.pid"
        if not pid_file.exists():
            return
        pid = int(pid_file.read_text().split()[0])
        try:
            os.kill(pid, signal.SIGINT)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def start(folder: Path, port: int | None = None) -> Server:
    """initdb in folder/data, start on 127.0.0.1:port, create the database; returns the running server."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL's server binaries are not installed (Debian package `postgresql`)")
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        folder.chmod(0o755)
        shutil.chown(folder, "postgres", "postgres")
    data, sock = folder / "data", folder / "socket"
    port = port or free_port()
    if not data.exists():
        subprocess.run(
            _as_postgres(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "--no-sync",
                    "-E",
                    "UTF8",
                ]
            ),
            check=True,
            capture_output=True,
        )
    sock.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(sock, "postgres", "postgres")
    options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=off"
    subprocess.run(
        _as_postgres(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "server.log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    server = Server(folder, port)
    created = subprocess.run(
        _as_postgres(
            [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE]
        ),
        capture_output=True,
        text=True,
    )
    if created.returncode != 0 and "already exists" not in created.stderr:
        server.stop()
        raise RuntimeError(f"createdb failed: {created.stderr.strip()}")
    return server


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["start", "stop"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--port", type=int)
    args = ap.parse_args(argv)
    if args.action == "start":
        server = start(args.folder.resolve(), args.port)
        (args.folder / "port").write_text(str(server.port))
        print(server.attach)
    else:
        port_file = args.folder / "port"
        port = int(port_file.read_text()) if port_file.exists() else 0
        Server(args.folder.resolve(), port).stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
