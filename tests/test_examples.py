"""The shipped example queries on the shipped sample: each returns rows, and the cross-source ones find the stories
written into the sample for them (a wire story republished nearly verbatim, a Putin quote translated two ways,
figures two outlets agree and disagree on)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import run_graph

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
EXAMPLES = sorted((ROOT / "sql" / "examples").glob("*.sql"))

WIRE = "2024-05-16/eastline-agency/putin-xi-hail-new-era-in-joint-statement.txt"
WIRE_COPY = "2024-05-16/northwire-daily/putin-xi-new-era-joint-statement.txt"
HARBIN = "2024-05-17/meridian-post/putin-courts-business-in-harbin.txt"


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    """The demo: the whole sample through the graph once; the published read-only snapshot beside the warehouse."""
    root = tmp_path_factory.mktemp("examples")
    inbox = root / "inbox"
    shutil.copytree(SAMPLE, inbox)
    db = root / "warehouse.duckdb"
    result = run_graph(inbox, db, "2024-05-14", "2024-05-17")
    assert result.success
    path = db.with_name("warehouse.read.duckdb")
    assert path.exists()
    return path


def run_example(snapshot: Path, name: str) -> list[dict]:
    with duckdb.connect(str(snapshot), read_only=True) as con:
        cur = con.execute((ROOT / "sql" / "examples" / f"{name}.sql").read_text(encoding="utf-8"))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def test_every_example_is_tested():
    assert len(EXAMPLES) >= 9
    for path in (WIRE, WIRE_COPY, HARBIN):
        assert (SAMPLE / path).is_file(), path


@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_example_returns_rows(snapshot, example):
    rows = run_example(snapshot, example)
    assert rows, f"sql/examples/{example}.sql returns no rows on the sample"


def test_outlets_copying_names_the_wire_copy(snapshot):
    rows = run_example(snapshot, "outlets_copying")
    pairs = {(r["copier"], r["original"]): r for r in rows}
    assert ("Northwire Daily", "Eastline Agency") in pairs, rows
    assert pairs["Northwire Daily", "Eastline Agency"]["copies"] == [WIRE_COPY]
    # nothing else in the sample is a copy: the outlets' own stories on the summit share facts, not text
    assert len(rows) == 1, rows


def test_quotes_by_person_finds_putin_in_each_outlet(snapshot):
    rows = run_example(snapshot, "quotes_by_person")
    assert {r["speaker_name"] for r in rows} == {"Vladimir Putin"}
    assert {WIRE, WIRE_COPY, HARBIN} <= {r["source_path"] for r in rows}


def test_quotes_changed_shows_the_two_translations(snapshot):
    rows = run_example(snapshot, "quotes_changed")
    putin = [
        r
        for r in rows
        if r["status"] == "reworded"
        and r["speaker_a"] == r["speaker_b"] == "Vladimir Putin"
        and {r["outlet_a"], r["outlet_b"]} == {"Meridian Post", "Eastline Agency"}
    ]
    assert len(putin) == 1, rows
    wordings = {putin[0]["quote_a"], putin[0]["quote_b"]}
    assert any("today serves as one of the main stabilising factors" in q for q in wordings)
    assert any("is today one of the main stabilising factors" in q for q in wordings)


def test_who_said_it_first_credits_the_wire(snapshot):
    rows = run_example(snapshot, "who_said_it_first")
    putin = [r for r in rows if r["first_speaker"] == "Vladimir Putin"]
    assert len(putin) == 1, rows
    # the Northwire copy counts as the agency it copies: two independent sources, the agency first
    assert putin[0]["first_outlet"] == "Eastline Agency"
    assert putin[0]["n_sources"] == 2
    assert {"Eastline Agency", "Meridian Post"} <= set(putin[0]["outlets"])


def test_facts_corroborated_has_the_2023_trade_figure(snapshot):
    rows = run_example(snapshot, "facts_corroborated")
    trade = [r for r in rows if r["measure"] == "trade" and r["period"] == "2023"]
    assert len(trade) == 1, rows
    assert trade[0]["scope"] == ["China", "Russia"]
    assert trade[0]["unit"] == "USD"
    assert set(trade[0]["texts"]) == {"$240 billion", "$240.1 billion"}
    assert {"Eastline Agency", "Meridian Post", "The Harbour Ledger"} <= set(trade[0]["outlets"])
    assert trade[0]["n_sources"] == 3  # the Northwire copy of the wire story adds no source


def test_facts_in_dispute_has_the_2023_crude_figure(snapshot):
    rows = run_example(snapshot, "facts_in_dispute")
    crude = [r for r in rows if "117 million tonnes" in r["texts"]]
    assert len(crude) == 1, rows
    assert crude[0]["period"] == "2023"
    assert set(crude[0]["scope"]) >= {"China"}
    assert {"107.02 million tonnes", "107 million tonnes"} <= set(crude[0]["texts"])
    assert {"Eastline Agency", "Meridian Post"} <= set(crude[0]["outlets"])
    assert 0.08 < crude[0]["relative_difference"] < 0.09  # 107 vs 117 million tonnes
