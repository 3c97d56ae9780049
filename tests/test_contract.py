"""The warehouse contract: sql/ is the one place tables, views and columns are defined and described."""

import duckdb
import polars as pl
import pytest

from assets import contract, warehouse


def test_every_table_view_and_column_is_described():
    undescribed = [r.name for r in contract.relations().values() if not r.description]
    undescribed += [
        f"{r.name}.{c.name}" for r in contract.relations().values() for c in r.columns if not c.description
    ]
    assert undescribed == []


def test_views_know_what_they_read():
    assert set(contract.relation("nlp.mentions").reads) == {"nlp.mention_spans", "nlp.entity_map"}
    assert "clean.document_copies" in contract.relation("clean.documents").reads


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    path = tmp_path_factory.mktemp("contract") / "w.duckdb"
    with warehouse.connect(path) as con:
        assert warehouse.ensure_schema(con) == ["created"]
    return path


def test_a_fresh_warehouse_carries_every_description_in_its_catalog(fresh):
    con = duckdb.connect(str(fresh), read_only=True)
    try:
        stored = {
            (f"{s}.{t}", c): comment
            for s, t, c, comment in con.execute(
                "SELECT schema_name, table_name, column_name, comment FROM duckdb_columns()"
            ).fetchall()
        }
        tables = dict(
            con.execute(
                "SELECT schema_name || '.' || table_name, comment FROM duckdb_tables() "
                "UNION ALL SELECT schema_name || '.' || view_name, comment FROM duckdb_views()"
            ).fetchall()
        )
    finally:
        con.close()
    for r in contract.relations().values():
        assert tables[r.name] == r.description, r.name
        for c in r.columns:
            # a view column without its own COMMENT inherits the description in the contract, not in the catalog
            assert stored[(r.name, c.name)] in (c.description, None), (r.name, c.name)


def test_every_table_takes_a_frame_built_from_its_contract_schema(fresh):
    con = duckdb.connect(str(fresh))
    try:
        for r in contract.tables():
            frame = r.frame([{}])  # one row of nulls in exactly the contract's types
            assert frame.schema == pl.Schema(r.polars_schema())
            con.register("_f", frame.to_arrow())
            described = con.execute("DESCRIBE SELECT * FROM _f").fetchall()
            con.unregister("_f")
            assert [d[0] for d in described] == r.column_names, r.name
            table_types = dict(
                con.execute(
                    f"SELECT column_name, data_type FROM duckdb_columns() WHERE "
                    f"schema_name || '.' || table_name = '{r.name}'"
                ).fetchall()
            )
            assert {d[0]: d[1] for d in described} == table_types, r.name
    finally:
        con.close()


def test_every_mart_answers_on_an_empty_warehouse(tmp_path):
    from assets import warehouse

    with warehouse.connect(tmp_path / "w.duckdb") as con:
        warehouse.ensure_schema(con)
        for relation in contract.published():
            assert con.execute(f"SELECT count(*) FROM {relation.name}").fetchone() == (0,), relation.name
