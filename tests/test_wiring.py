"""The Dagster wiring: pools, backfill policies, code versions, executor."""

import dagster as dg

from assets import stage
from workflow.definitions import ASSETS, defs


def test_every_asset_writes_through_the_one_writer_pool_and_backfills_in_one_run():
    for asset in ASSETS:
        assert asset.op.pool == "duckdb_writer", asset.key
        assert asset.backfill_policy == dg.BackfillPolicy.single_run(), asset.key


def test_stages_are_grouped_described_and_versioned():
    graph = defs.resolve_asset_graph()
    groups = {graph.get(k).group_name for k in graph.get_all_asset_keys()}
    assert groups == {"ingest", "clean", "extract", "marts", "publish"}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description, key
        if node.group_name != "publish":
            assert node.code_version, key


def test_code_version_follows_the_source(tmp_path):
    source = tmp_path / "rules.py"
    source.write_text("THRESHOLD = 3\n")
    before = stage.code_version(source)
    assert stage.code_version(source) == before
    source.write_text("THRESHOLD = 4\n")
    assert stage.code_version(source) != before


def test_the_job_runs_in_process():
    assert defs.resolve_job_def("dossier").executor_def.name == dg.in_process_executor.name
