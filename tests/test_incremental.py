"""Incremental by design: unchanged days are skipped, a new day costs what it brings, results equal a full run."""

import dataclasses

import pytest

from assets import clean
from conftest import run_graph, table_contents

pytestmark = pytest.mark.slow


def metadata(result, key: str) -> dict:
    """The materialisation metadata a run recorded for an asset (by asset key string)."""
    for event in result.all_events:
        if event.event_type_value == "ASSET_MATERIALIZATION":
            mat = event.event_specific_data.materialization
            if mat.asset_key.to_user_string() == key:
                return {k: v.value for k, v in mat.metadata.items()}
    return {}


def test_a_rerun_with_nothing_new_skips_every_day_and_every_warehouse_wide_step(inbox, db):
    assert run_graph(inbox, db, "2024-05-14", "2024-05-15").success
    first = table_contents(db)
    again = run_graph(inbox, db, "2024-05-14", "2024-05-15")
    assert again.success
    for table in ("raw/documents", "clean/document_rows", "nlp/sentences"):
        assert metadata(again, table)["days"] == {"skipped": ["2024-05-14", "2024-05-15"]}, table
    for table in ("clean/copy_pairs", "nlp/entities", "marts/quotes_by_speaker", "publish/snapshot"):
        assert metadata(again, table).get("unchanged") is True, table
    assert table_contents(db) == first


def test_a_changed_file_reprocesses_its_day_only(inbox, db):
    assert run_graph(inbox, db, "2024-05-14", "2024-05-15").success
    (inbox / "2024-05-15" / "followup.txt").write_text(
        "Officials review the summit\n\nOfficials in both capitals "
        "spent Wednesday reviewing the agreements, Putin said.\n"
    )
    result = run_graph(inbox, db, "2024-05-14", "2024-05-15")
    assert result.success
    for table in ("raw/documents", "clean/document_rows", "nlp/claim_rows"):
        assert metadata(result, table)["days"] == {"skipped": ["2024-05-14"], "published": ["2024-05-15"]}, (
            table
        )


def test_a_new_code_version_reprocesses_and_identical_output_stops_there(inbox, db, monkeypatch):
    assert run_graph(inbox, db, "2024-05-14").success
    monkeypatch.setattr(clean, "DAY_STAGE", dataclasses.replace(clean.DAY_STAGE, code_version="next"))
    result = run_graph(inbox, db, "2024-05-14")
    assert result.success
    assert metadata(result, "clean/document_rows")["days"] == {"published": ["2024-05-14"]}
    # the cleaner's output did not change, so nothing downstream has new input
    assert metadata(result, "nlp/sentences")["days"] == {"skipped": ["2024-05-14"]}


def test_entities_after_a_new_day_equal_entities_resolved_from_scratch(inbox, db, tmp_path):
    assert run_graph(inbox, db, "2024-05-14").success
    assert run_graph(inbox, db, "2024-05-15").success
    scratch = tmp_path / "scratch" / "w.duckdb"
    assert run_graph(inbox, scratch, "2024-05-14", "2024-05-15").success
    day_by_day, all_at_once = table_contents(db), table_contents(scratch)
    for table in ("nlp.entities", "nlp.entity_map", "nlp.mentions", "nlp.claims", "clean.documents"):
        assert day_by_day[table] == all_at_once[table], table
