"""End to end through the real UI: `dagster dev` on a free loopback port, one partition launched, checks seen in Chromium.

Needs Debian's Chromium at /usr/bin/chromium (driven by Playwright; no browser is ever downloaded) and takes a
minute or two: the server loads the code location, and the run imports spaCy and Great Expectations.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import write_inbox

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
# No internet here: without the background-networking flags Chromium keeps opening connections that get refused.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PARTITION = "2024-05-14"
LOCATION = "dossier"
SELECTOR = {"repositoryLocationName": LOCATION, "repositoryName": "__repository__", "jobName": "dossier"}
GROUPS = ["ingest", "clean", "extract", "marts", "publish"]


def raw_document_checks() -> list[str]:
    """The checks the definitions declare on raw/documents (what the asset page must list, each succeeded)."""
    import dagster as dg

    from conftest import deployment
    from workflow.definitions import build_definitions

    defs = build_definitions(deployment(Path("/nonexistent/inbox"), Path("/nonexistent/w.duckdb")))
    key = dg.AssetKey(["raw", "documents"])
    return sorted(c.name for c in defs.resolve_asset_graph().asset_check_keys if c.asset_key == key)


SERVER_TIMEOUT = 240  # `dagster dev` loads the code location before it serves: usually 30-45 s
RUN_TIMEOUT = 600  # the run imports spaCy and Great Expectations; queued behind the daemon's first tick
UI_TIMEOUT_MS = 60_000  # the UI fetches its data after the page has loaded
TERMINAL_STATUSES = {"SUCCESS", "FAILURE", "CANCELED"}

# `dagster dev` maps SIGTERM onto its SIGINT handler; a shell that started pytest in the background may have
# left SIGINT ignored, and an ignored signal stays ignored across exec. Reset it, then become `dagster dev`
# (same PID, so the recorded PID and process group are the server's).
TRAMPOLINE = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"


# ---------------------------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stat(pid: int) -> tuple[int, int, int] | None:
    """(parent PID, process group, start time) of a live process, None once it is gone or a zombie."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    fields = raw[raw.rindex(")") + 2 :].split()  # the command name may contain spaces and parentheses
    if fields[0] in ("Z", "X"):
        return None
    return int(fields[1]), int(fields[2]), int(fields[19])


def _all_pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


@dataclass
class Started:
    """Every process this test started: the `dagster dev` leader plus whatever it spawned, by (PID, start time)."""

    proc: subprocess.Popen
    known: dict[int, int] = field(default_factory=dict)

    def refresh(self) -> None:
        """Record the leader's process group and all its descendants (even any that left the group)."""
        pgid = self.proc.pid
        stats = {pid: s for pid in _all_pids() if (s := _stat(pid))}
        ours = {pid for pid, (_, group, _) in stats.items() if group == pgid} | set(self.known)
        ours.add(self.proc.pid)
        grew = True
        while grew:
            children = {pid for pid, (ppid, _, _) in stats.items() if ppid in ours} - ours
            ours |= children
            grew = bool(children)
        for pid in ours:
            if pid in stats:
                self.known.setdefault(pid, stats[pid][2])

    def alive(self) -> list[int]:
        """Recorded processes still running (same PID *and* start time, so a reused PID is never touched)."""
        return [pid for pid, start in self.known.items() if (s := _stat(pid)) and s[2] == start]

    def signal_all(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, sig)
        for pid in self.alive():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, sig)

    def stop(self, grace: float = 30.0) -> list[int]:
        """SIGTERM the group and every recorded process, wait, SIGKILL survivors; returns PIDs that needed SIGKILL."""
        self.refresh()
        self.signal_all(signal.SIGTERM)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            self.proc.poll()  # reap the leader so it does not linger as a zombie
            if not self.alive():
                break
            time.sleep(0.25)
        killed = self.alive()
        if killed:
            self.signal_all(signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        return killed


@dataclass
class Server:
    url: str
    log: Path
    started: Started

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"

    def graphql(self, query: str, variables: dict | None = None, timeout: float = 60) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.load(response)
        assert not payload.get("errors"), f"GraphQL errors: {payload['errors']}"
        return payload["data"]


LOCATION_QUERY = """
{ workspaceOrError { __typename
    ... on Workspace { locationEntries { name loadStatus
        locationOrLoadError { __typename ... on PythonError { message } } } }
    ... on PythonError { message } } }
"""


def wait_until_serving(server: Server) -> None:
    """Until the webserver answers and the `dossier` code location has loaded (or failed to: then fail)."""
    deadline = time.monotonic() + SERVER_TIMEOUT
    last = "no answer yet"
    while time.monotonic() < deadline:
        if server.started.proc.poll() is not None:
            pytest.fail(
                f"dagster dev exited with code {server.started.proc.returncode}:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(f"{server.url}/server_info", timeout=5) as response:
                json.load(response)
            entries = server.graphql(LOCATION_QUERY, timeout=30)["workspaceOrError"].get(
                "locationEntries", []
            )
            entry = next((e for e in entries if e["name"] == LOCATION), None)
            if entry and entry["loadStatus"] == "LOADED":
                loaded = entry["locationOrLoadError"] or {}
                assert loaded.get("__typename") == "RepositoryLocation", (
                    f"code location {LOCATION} failed to load: {loaded.get('message', loaded)}"
                )
                return
            last = f"location entry: {entry}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError) as exc:
            last = repr(exc)
        time.sleep(1)
    pytest.fail(
        f"dagster dev did not serve {server.url} within {SERVER_TIMEOUT}s ({last}):\n{server.log_tail()}"
    )


def need_browser() -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package to run the UI test")
    pytest.importorskip("playwright.sync_api", reason="playwright (dev dependency) is not installed")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "DOSSIER_"))}
    if os.environ.get("DOSSIER_SPACY_MODEL"):
        env["DOSSIER_SPACY_MODEL"] = os.environ["DOSSIER_SPACY_MODEL"]
    return {**env, "PYTHONUNBUFFERED": "1", **extra}


@contextlib.contextmanager
def serving(command: list[str], cwd: Path, env: dict[str, str], log: Path, port: int):
    """The UI server `command` starts, until it serves; every process it started is stopped afterwards."""
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", TRAMPOLINE, *command],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    started = Started(proc)
    server = Server(url=f"http://127.0.0.1:{port}", log=log, started=started)
    try:
        started.refresh()
        wait_until_serving(server)
        started.refresh()
        yield server
    finally:
        killed = started.stop()
        print(f"UI processes started: {sorted(started.known)}; needed SIGKILL: {killed or 'none'}")
        survivors = started.alive()
        assert not survivors, f"processes still running after SIGKILL: {survivors}"


@pytest.fixture
def dagster_ui(tmp_path: Path):
    """`dagster dev` on temp paths; every process it started is stopped afterwards, whatever the test did."""
    need_browser()
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    inbox = write_inbox(tmp_path / "inbox")
    env = clean_env(
        DAGSTER_HOME=str(home), DOSSIER_INBOX=str(inbox), DOSSIER_DB=str(tmp_path / "warehouse.duckdb")
    )
    port = free_port()
    dagster = Path(sys.executable).with_name("dagster")
    command = [str(dagster)] if dagster.exists() else [sys.executable, "-m", "dagster"]
    command += ["dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)]
    with serving(command, REPO, env, tmp_path / "dagster-dev.log", port) as server:
        yield server


# ---------------------------------------------------------------------------------------------- GraphQL


LAUNCH_RUN = """
mutation($params: ExecutionParams!) { launchRun(executionParams: $params) { __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message stack }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on InvalidSubsetError { message }
    ... on PipelineNotFoundError { message }
    ... on RunConflict { message }
    ... on UnauthorizedError { message }
    ... on ConflictingExecutionParamsError { message }
    ... on PresetNotFoundError { message }
    ... on NoModeProvidedError { message }
    ... on InvalidStepError { invalidStepKey }
    ... on InvalidOutputError { stepKey invalidOutputName } } }
"""

RUN_STATUS = """
query($runId: ID!) { runOrError(runId: $runId) { __typename
    ... on Run { status tags { key value } }
    ... on RunNotFoundError { message }
    ... on PythonError { message } } }
"""

RUN_ERRORS = """
query($runId: ID!) { logsForRun(runId: $runId, limit: 1000) { __typename
    ... on EventConnection { events { __typename ... on MessageEvent { message level stepKey } } }
    ... on PythonError { message } } }
"""

MATERIALIZED = """
query($path: [String!]!, $partition: String!) { assetOrError(assetKey: {path: $path}) { __typename
    ... on Asset { assetMaterializations(partitions: [$partition]) { partition runId } } } }
"""


def launch_partition(server: Server, partition: str) -> str:
    params = {
        "selector": SELECTOR,
        "executionMetadata": {"tags": [{"key": "dagster/partition", "value": partition}]},
    }
    result = server.graphql(LAUNCH_RUN, {"params": params})["launchRun"]
    assert result["__typename"] == "LaunchRunSuccess", f"launchRun failed: {result}"
    return result["run"]["runId"]


def wait_for_run(server: Server, run_id: str) -> dict:
    deadline = time.monotonic() + RUN_TIMEOUT
    run: dict = {}
    while time.monotonic() < deadline:
        run = server.graphql(RUN_STATUS, {"runId": run_id})["runOrError"]
        assert run["__typename"] == "Run", f"run {run_id}: {run}"
        if run["status"] in TERMINAL_STATUSES:
            return run
        time.sleep(2)
    pytest.fail(f"run {run_id} still {run.get('status')} after {RUN_TIMEOUT}s:\n{server.log_tail()}")


def run_errors(server: Server, run_id: str) -> str:
    logs = server.graphql(RUN_ERRORS, {"runId": run_id})["logsForRun"]
    events = logs.get("events", [])
    return "\n".join(
        f"[{e.get('stepKey')}] {e['message']}" for e in events if e.get("level") in ("ERROR", "CRITICAL")
    ) or str(logs)


# ---------------------------------------------------------------------------------------------- browser


def dismiss_community_modal(page) -> None:
    """The first visit shows a 'Join the Dagster community' dialog; skip it so screenshots show the page."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    skip = page.get_by_role("button", name="Skip")
    try:
        skip.wait_for(state="visible", timeout=5_000)
        skip.click()
    except PlaywrightTimeout:
        pass


def settle(page) -> None:
    """Give late requests a chance to finish (and to fail loudly) before errors are counted; best effort only."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_load_state("networkidle", timeout=15_000)


def test_ui_shows_checks_after_partition_run(dagster_ui: Server, tmp_path: Path):
    from playwright.sync_api import expect, sync_playwright

    server = dagster_ui
    raw_checks = raw_document_checks()
    assert "expectations" in raw_checks, raw_checks
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
            page_errors: list[str] = []
            server_errors: list[str] = []
            console_errors: list[str] = []
            page.on("pageerror", lambda exc: page_errors.append(str(exc)))
            page.on("console", lambda msg: msg.type == "error" and console_errors.append(msg.text))
            page.on(
                "response",
                lambda r: (
                    r.url.startswith(server.url)
                    and r.status >= 500
                    and server_errors.append(f"{r.status} {r.url}")
                ),
            )
            try:
                # 1. The global asset graph loads, lists every group of the code location, and raises nothing.
                page.goto(f"{server.url}/asset-groups", wait_until="load")
                dismiss_community_modal(page)
                expect(page.get_by_text("Global asset lineage").first).to_be_visible(timeout=UI_TIMEOUT_MS)
                for group in GROUPS:
                    expect(page.get_by_text(group, exact=True).first).to_be_visible(timeout=UI_TIMEOUT_MS)
                settle(page)
                page.screenshot(path=tmp_path / "asset-graph.png")
                context = f"console errors: {console_errors}"
                assert not page_errors, f"JavaScript errors on the asset graph: {page_errors}; {context}"
                assert not server_errors, f"server errors on the asset graph: {server_errors}; {context}"

                # 2. One partition of the job, launched through the webserver's GraphQL API, runs to success.
                run_id = launch_partition(server, PARTITION)
                run = wait_for_run(server, run_id)
                assert run["status"] == "SUCCESS", (
                    f"run {run_id} ended {run['status']}:\n{run_errors(server, run_id)}\n{server.log_tail()}"
                )
                assert {"key": "dagster/partition", "value": PARTITION} in run["tags"]
                asset = server.graphql(MATERIALIZED, {"path": ["raw", "documents"], "partition": PARTITION})
                materialized = asset["assetOrError"].get("assetMaterializations", [])
                assert [(m["partition"], m["runId"]) for m in materialized] == [(PARTITION, run_id)]

                # 3. The asset page of raw/documents shows every check of the asset, each succeeded.
                page.goto(f"{server.url}/assets/raw/documents?view=checks", wait_until="load")
                dismiss_community_modal(page)
                expect(page.get_by_text(f"Checks ({len(raw_checks)})")).to_be_visible(timeout=UI_TIMEOUT_MS)
                for check in raw_checks:
                    row = page.locator("span").filter(has_text=check).filter(has_text="Succeeded")
                    expect(row.first).to_be_visible(timeout=UI_TIMEOUT_MS)
                # The selected check's latest evaluation is shown in the detail pane.
                expect(page.get_by_text("Latest execution")).to_be_visible(timeout=UI_TIMEOUT_MS)
                expect(page.get_by_text("Passed", exact=True).first).to_be_visible(timeout=UI_TIMEOUT_MS)
                expect(page.get_by_text("Failed", exact=True)).to_have_count(0)
                settle(page)
                page.screenshot(path=tmp_path / "raw-documents-checks.png", full_page=True)
                assert not page_errors, f"JavaScript errors: {page_errors}; console errors: {console_errors}"
                assert not server_errors, f"server errors: {server_errors}"
            finally:
                try:
                    page.screenshot(path=tmp_path / "last-page.png", full_page=True)
                except Exception as exc:  # noqa: BLE001 - a debugging aid must not hide the real failure
                    print(f"no final screenshot: {exc}")
        finally:
            browser.close()


PARTITION_STATS = """
query($path: [String!]!) { assetNodeOrError(assetKey: {path: $path}) { __typename
    ... on AssetNode { partitionStats { numMaterialized numPartitions numFailed } } } }
"""


def committed_copy(dest: Path) -> Path:
    """The repository as a fresh clone has it: every tracked file (as in the working tree), nothing else."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def test_a_newcomer_runs_make_demo_then_make_ui_and_sees_the_demo(tmp_path: Path):
    """Fresh copy -> `make demo` -> `make ui`: the UI shows the demo's partitions materialised, with their rows."""
    need_browser()
    uv = os.environ.get("UV") or shutil.which("uv")
    make = shutil.which("make")
    if not (uv and make):
        pytest.skip("needs make and uv (`make test` runs the suite under uv, which sets $UV)")
    clone = committed_copy(tmp_path / "dossier")
    env = clean_env()
    demo = subprocess.run(
        [make, "demo", f"UV={uv}"], cwd=clone, env=env, capture_output=True, text=True, timeout=1800
    )
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-3000:]
    days = sorted(p.name for p in (clone / "data" / "sample").iterdir() if p.is_dir())
    screens = Path(os.environ.get("DOSSIER_SCREENSHOTS", tmp_path / "screens"))
    screens.mkdir(parents=True, exist_ok=True)

    port = free_port()
    command = [make, "ui", f"UV={uv}", f"UI_PORT={port}"]
    with serving(command, clone, env, tmp_path / "make-ui.log", port) as server:
        # the demo's run history is the UI's: every day of the sample is materialised, none failed
        for path in (["raw", "documents"], ["clean", "document_rows"], ["nlp", "claim_rows"]):
            deadline = time.monotonic() + 120
            while True:  # the webserver computes partition status in the background after it starts
                node = server.graphql(PARTITION_STATS, {"path": path})["assetNodeOrError"]
                stats = node.get("partitionStats")
                if stats is not None or time.monotonic() > deadline:
                    break
                time.sleep(2)
            assert stats and stats["numMaterialized"] == len(days) and stats["numFailed"] == 0, (path, node)
        from playwright.sync_api import expect, sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
                page.goto(f"{server.url}/asset-groups", wait_until="load")
                dismiss_community_modal(page)
                expect(page.get_by_text("Global asset lineage").first).to_be_visible(timeout=UI_TIMEOUT_MS)
                settle(page)
                page.screenshot(path=screens / "lineage.png")

                page.goto(f"{server.url}/assets/clean/document_rows?view=partitions", wait_until="load")
                dismiss_community_modal(page)
                # the partition filter counts the demo's days as materialised
                expect(page.get_by_text(f"Materialized ({len(days)})").first).to_be_visible(
                    timeout=UI_TIMEOUT_MS
                )
                settle(page)
                page.screenshot(path=screens / "clean-document-rows-partitions.png", full_page=True)

                page.goto(f"{server.url}/assets/raw/documents", wait_until="load")
                dismiss_community_modal(page)
                expect(
                    page.get_by_text("dagster/row_count").or_(page.get_by_text("Row count")).first
                ).to_be_visible(timeout=UI_TIMEOUT_MS)
                settle(page)
                page.screenshot(path=screens / "raw-documents.png", full_page=True)

                page.goto(f"{server.url}/assets/raw/documents?view=checks", wait_until="load")
                dismiss_community_modal(page)
                expect(page.get_by_text("Succeeded").first).to_be_visible(timeout=UI_TIMEOUT_MS)
                expect(page.get_by_text("Failed", exact=True)).to_have_count(0)
                settle(page)
                page.screenshot(path=screens / "raw-documents-checks.png", full_page=True)
            finally:
                browser.close()
