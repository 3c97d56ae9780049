"""The Dagster wiring: one asset per table, pools and backfill policies per deployment, code versions, executor."""

import dagster as dg

from assets import contract, stage
from workflow.definitions import build_definitions
from workflow.deployment import Deployment


def _defs(db="w.duckdb", **kw):
    return build_definitions(Deployment(inbox="no-inbox", db=db, start_date="2024-01-01", **kw))


def test_every_published_table_and_view_is_an_asset_named_like_it():
    graph = _defs().resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {r.name.replace(".", "/") for r in contract.published()} <= keys
    node = graph.get(dg.AssetKey(["clean", "documents"]))
    schema = node.metadata["dagster/column_schema"]
    assert [c.name for c in schema.columns] == contract.relation("clean.documents").column_names
    assert all(c.description for c in schema.columns)
    assert node.metadata["dagster/table_name"] == "warehouse.clean.documents"


def test_on_a_file_every_writer_is_in_the_one_writer_pool_and_backfills_in_one_run():
    for asset in _defs().assets:
        assert asset.op.pool == "duckdb_writer", asset.keys
        assert asset.backfill_policy == dg.BackfillPolicy.single_run(), asset.keys


def test_on_a_lake_writers_need_no_pool_and_backfills_split_into_runs():
    defs = _defs(db="ducklake:sqlite:/tmp/x.sqlite", days_per_run=3)
    assets = {a.op.name: a for a in defs.assets}
    assert all(a.op.pool is None for a in assets.values())
    assert assets["extract"].backfill_policy == dg.BackfillPolicy.multi_run(3)
    assert assets["entities"].backfill_policy == dg.BackfillPolicy.single_run()
    # lake upkeep has its own weekly job: inside the main job it would race the other writers' commits
    upkeep = dg.AssetKey(["maintenance", "lake"])
    assert upkeep not in defs.resolve_job_def("dossier").asset_layer.selected_asset_keys
    assert defs.resolve_job_def("lake_maintenance").asset_layer.selected_asset_keys == {upkeep}


def test_partitions_start_at_the_first_inbox_day(tmp_path):
    (tmp_path / "2024-05-14").mkdir()
    (tmp_path / "2024-05-20").mkdir()
    (tmp_path / "2023-02-30").mkdir()  # not a date: ignored
    defs = build_definitions(Deployment(inbox=str(tmp_path), db="w.duckdb"))
    partitions = defs.resolve_job_def("dossier").partitions_def
    assert partitions.get_first_partition_key() == "2024-05-14"


def test_assets_are_grouped_described_and_versioned():
    graph = _defs().resolve_asset_graph()
    groups = {graph.get(k).group_name for k in graph.get_all_asset_keys()}
    assert groups == {"ingest", "clean", "extract", "marts", "publish"}
    for key in graph.get_all_asset_keys():
        assert graph.get(key).description, key
        assert graph.get(key).owners == ["team:dossier"], key
    defs = _defs()
    for job_part in (defs.resolve_job_def("dossier"),):
        assert job_part.description
    assert all(s.description for s in defs.schedules) and all(s.description for s in defs.sensors)


def test_code_version_follows_every_file_of_a_package(tmp_path):
    package = tmp_path / "rules"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "words.toml").write_text("x = 'a'\n")
    before = stage.code_version(package / "__init__.py")
    assert stage.code_version(package / "__init__.py") == before
    (package / "words.toml").write_text("x = 'b'\n")
    assert stage.code_version(package / "__init__.py") != before


def test_the_job_runs_in_process():
    assert _defs().resolve_job_def("dossier").executor_def.name == dg.in_process_executor.name
