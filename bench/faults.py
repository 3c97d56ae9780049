"""Fault injection: kill `dossier run` at random moments (and inside chosen transactions), re-run, compare.

usage: python bench/faults.py [--src DIR] [--docs N] [--trials N] [--aimed] [--seed S] [--work DIR]

Builds a 3-day inbox of N articles from a folder of pages (default ../shared/bench/scrapinghub-dev/text through
../shared/bench/make_corpus.py), runs it once cleanly as the reference, then for each trial starts a fresh
warehouse run, SIGKILLs it (the whole process group) at a random moment of the reference's duration, re-runs to
completion and compares every table (and the published snapshot) with the reference, row for row (run-time
stamps excluded). --aimed adds one kill inside each publishing transaction (DOSSIER_HOLD_BEFORE_COMMIT). Prints
one line per trial and the number of kills survived; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "bench"
WHEN = {"ingested_at", "seen_at", "published_at", "migrated_at", "finished_at", "checked_at"}
AIMED = ["raw.documents", "clean.document_rows", "nlp.claim_rows", "nlp.entities", "publish"]


def contents(path: Path) -> dict[str, list]:
    from assets import contract

    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for rel in contract.published():
            cols = [c for c in rel.column_names if c not in WHEN]
            out[rel.name] = sorted(
                con.execute(f"SELECT {', '.join(cols)} FROM {rel.name}").fetchall(), key=repr
            )
        return out
    finally:
        con.close()


def run(inbox: Path, db: Path, env: dict, kill_after: float | None = None, hold: str | None = None) -> str:
    """Run to the end (returns 'ok'/'failed'), or kill it after a delay / once it holds a transaction open."""
    env = {**env, **({"DOSSIER_HOLD_BEFORE_COMMIT": f"{hold}:600"} if hold else {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "workflow.cli", "run", "--inbox", str(inbox), "--db", str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    if hold:
        for line in proc.stderr:
            if f"holding uncommitted write to {hold}" in line:
                break
    elif kill_after is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=kill_after)
    if proc.poll() is None and (hold or kill_after is not None):
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return "killed"
    proc.communicate()
    return "ok" if proc.returncode == 0 else "failed"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SHARED / "scrapinghub-dev" / "text")
    ap.add_argument("--docs", type=int, default=75)
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--aimed", action="store_true", help="also kill once inside each publishing transaction")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="dossier-faults-"))
    inbox = work / "inbox"
    if not inbox.exists():
        subprocess.run(
            [sys.executable, str(SHARED / "make_corpus.py"), str(args.src), str(inbox), str(args.docs), "3"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env["PYTHONWARNINGS"] = "ignore"
    started = time.monotonic()
    assert run(inbox, work / "ref" / "w.duckdb", env) == "ok", "the reference run failed"
    duration = time.monotonic() - started
    reference = contents(work / "ref" / "w.duckdb")
    print(
        f"reference: {sum(len(v) for v in reference.values())} rows in {len(reference)} tables, {duration:.0f} s"
    )
    rng = random.Random(args.seed)
    plans = [("random", rng.uniform(1.0, duration), None) for _ in range(args.trials)]
    plans += [("aimed", None, table) for table in (AIMED if args.aimed else [])]
    survived = 0
    for n, (kind, delay, hold) in enumerate(plans, 1):
        db = work / f"t{n}" / "w.duckdb"
        outcome = run(inbox, db, env, kill_after=delay, hold=hold)
        rerun = run(inbox, db, env)
        same = rerun == "ok" and contents(db) == reference
        snap = db.with_name("w.read.duckdb")
        same = same and contents(snap) == reference
        leftovers = list(db.parent.glob(".w.read.duckdb.*.tmp"))
        ok = same and not leftovers
        survived += ok
        where = f"after {delay:.1f} s" if delay is not None else f"inside {hold}"
        print(
            f"trial {n:2d} {kind:6s} kill {where:28s} first run {outcome:7s} re-run {rerun:6s} "
            f"{'equal to reference' if same else 'DIFFERS'}{'' if not leftovers else ', temp files left'}"
        )
    print(f"survived {survived} / {len(plans)} kills")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
