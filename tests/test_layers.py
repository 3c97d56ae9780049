"""Structure a newcomer can hold: imports flow one way, modules and functions stay a readable size."""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_nothing_under_assets_imports_workflow():
    offenders = [
        f"{p.relative_to(ROOT)}: {m}"
        for p in python_files("assets")
        for m in imported_modules(p)
        if m == "workflow" or m.startswith("workflow.")
    ]
    assert offenders == []


def test_the_text_layer_does_not_import_dagster():
    offenders = [
        f"{p.relative_to(ROOT)}: {m}"
        for p in python_files("assets/text")
        for m in imported_modules(p)
        if m.split(".")[0] in ("dagster", "duckdb", "workflow")
    ]
    assert offenders == []


def test_modules_and_functions_stay_readable():
    too_long = []
    for path in python_files("assets"):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {lines} lines")
    assert too_long == []


def test_querying_the_warehouse_imports_neither_spacy_nor_dagster(tmp_path):
    out = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "workflow.cli",
            "sql",
            "SELECT 1",
            "--snapshot",
            str(tmp_path / "none.duckdb"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=120,
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in out.stderr.splitlines() if "|" in line}
    assert "duckdb" in imported  # the import log was read
    assert not imported & {"spacy", "dagster", "polars", "great_expectations", "trafilatura"}
