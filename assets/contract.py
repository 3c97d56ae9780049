"""The warehouse contract: every table, view and column with its type and description, read from sql/.

sql/schema/*.sql creates the tables and base views of a fresh warehouse, sql/marts/*.sql the marts; both carry
`COMMENT ON` statements, the one place the contract is documented. This module runs them once in an in-memory
DuckDB and reads the catalog back, so the Polars schemas the stages build with, the column descriptions shown by
`dossier schema`, README and the Dagster catalog, and the table lists of the snapshot and the tests all come from
the DDL itself. A view column without a comment of its own carries the comment of the same-named column of a
table or view it reads (found from DuckDB's own parse of the view, `json_serialize_sql`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    import polars as pl

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
SCHEMA_DIR = SQL_DIR / "schema"
MARTS_DIR = SQL_DIR / "marts"
MIGRATIONS_DIR = SQL_DIR / "migrations"
SCHEMAS = ("meta", "raw", "clean", "nlp", "marts")
_LEADING_COMMENTS = re.compile(r"^(\s*--[^\n]*\n)*\s*")
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

_POLARS = {  # DuckDB type -> Polars type name (polars is imported only where frames are built)
    "VARCHAR": "String",
    "DATE": "Date",
    "TIMESTAMP": "Datetime",
    "INTEGER": "Int32",
    "BIGINT": "Int64",
    "UBIGINT": "UInt64",
    "DOUBLE": "Float64",
    "FLOAT": "Float32",
    "BOOLEAN": "Boolean",
    "SMALLINT": "Int16",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type as the catalog spells it: VARCHAR, INTEGER, VARCHAR[], ...
    nullable: bool
    description: str
    inherited: bool = False  # a view column the SQL does not describe: its description is its source column's

    @property
    def polars(self) -> pl.DataType:
        import polars as pl

        def dtype(name: str) -> pl.DataType:
            return pl.Datetime("us") if name == "Datetime" else getattr(pl, name)

        if self.type.endswith("[]"):
            return pl.List(dtype(_POLARS[self.type[:-2]]))
        return dtype(_POLARS[self.type])


@dataclass(frozen=True)
class Relation:
    """A table or view of the warehouse."""

    name: str  # schema.table
    kind: str  # table | view
    description: str
    columns: tuple[Column, ...]
    reads: tuple[str, ...] = ()  # views: the tables and views the query reads

    @property
    def schema(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def partitioned(self) -> bool:
        """Rows belong to a day (Dagster partition) and are replaced day by day."""
        return any(c.name == "partition_date" for c in self.columns)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def polars_schema(self, **extra: pl.DataType) -> dict[str, pl.DataType]:
        """The Polars schema of the table's rows; `extra` adds validation-only columns (named with a leading _)."""
        return {**{c.name: c.polars for c in self.columns}, **extra}

    def frame(self, rows: list[dict], **extra: pl.DataType) -> pl.DataFrame:
        """Rows as a frame of exactly this table's columns and types (missing keys become nulls)."""
        import polars as pl

        return pl.DataFrame(rows, schema=self.polars_schema(**extra))


def statements(path: Path) -> list[str]:
    """The SQL statements of a file, split by DuckDB's own parser, without the comment lines before each."""
    return [
        _LEADING_COMMENTS.sub("", s.query).strip()
        for s in duckdb.extract_statements(path.read_text(encoding="utf-8"))
    ]


def schema_files() -> list[Path]:
    return sorted(SCHEMA_DIR.glob("*.sql")) + sorted(MARTS_DIR.glob("*.sql"))


def migrations() -> list[tuple[int, Path]]:
    """(version, file) of every migration, in order; versions are 1, 2, 3, ... without gaps."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        m = _MIGRATION_NAME.match(path.name)
        if not m:
            raise ValueError(f"{path}: migration files are named NNNN_what_it_does.sql")
        found.append((int(m.group(1)), path))
    if [v for v, _ in found] != list(range(1, len(found) + 1)):
        raise ValueError(f"migrations in {MIGRATIONS_DIR} must be numbered 0001, 0002, ... without gaps")
    return found


def latest_version() -> int:
    return len(migrations())


@functools.cache
def contract_sha() -> str:
    """Hash of every schema, mart and migration file: changes when any view, comment or column changes."""
    digest = hashlib.sha256()
    for path in [*schema_files(), *(p for _, p in migrations())]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def is_view_or_comment(statement: str) -> bool:
    """Statements re-applied to an existing warehouse after its migrations: views and descriptions."""
    head = " ".join(statement.split()[:4]).upper()
    return head.startswith(("CREATE OR REPLACE VIEW", "COMMENT ON", "CREATE SCHEMA"))


@functools.cache
def relations() -> dict[str, Relation]:
    """Every table and view of a fresh warehouse, by name, in creation order."""
    con = duckdb.connect()
    try:
        for path in schema_files():
            for stmt in statements(path):
                con.execute(stmt)
        return _read_catalog(con)
    finally:
        con.close()


def _read_catalog(con: duckdb.DuckDBPyConnection) -> dict[str, Relation]:
    schemas = ", ".join(f"'{s}'" for s in SCHEMAS)
    rows = con.execute(
        f"""SELECT name, kind, comment, sql FROM (
                SELECT schema_name || '.' || table_name AS name, 'table' AS kind, comment, sql, table_oid AS oid FROM duckdb_tables()
                WHERE schema_name IN ({schemas}) AND NOT internal
                UNION ALL
                SELECT schema_name || '.' || view_name, 'view', comment, sql, view_oid FROM duckdb_views()
                WHERE schema_name IN ({schemas}) AND NOT internal)
            ORDER BY oid"""
    ).fetchall()
    columns: dict[str, list[tuple]] = {}
    for rel, col, typ, nullable, comment in con.execute(
        f"""SELECT schema_name || '.' || table_name, column_name, data_type, is_nullable, comment
            FROM duckdb_columns() WHERE schema_name IN ({schemas}) ORDER BY column_index"""
    ).fetchall():
        columns.setdefault(rel, []).append((col, typ, nullable, comment))
    sources = {name: _view_sources(con, sql) for name, kind, _, sql in rows if kind == "view"}
    out: dict[str, Relation] = {}
    # tables first, then views in dependency order, so a view inherits from views it reads
    pending = [r for r in rows if r[1] == "table"] + [r for r in rows if r[1] == "view"]
    while pending:
        name, kind, comment, _ = pending.pop(0)
        if kind == "view" and any(s in sources and s not in out for s in sources[name]):
            pending.append((name, kind, comment, _))
            continue
        cols = tuple(
            Column(
                col,
                typ,
                bool(nullable),
                comment or _inherited(col, sources.get(name, ()), out),
                inherited=kind == "view" and not comment,
            )
            for col, typ, nullable, comment in columns.get(name, [])
        )
        out[name] = Relation(
            name=name, kind=kind, description=comment or "", columns=cols, reads=tuple(sources.get(name, ()))
        )
    order = {name: i for i, (name, *_rest) in enumerate(rows)}
    return dict(sorted(out.items(), key=lambda kv: (SCHEMAS.index(kv[1].schema), kv[1].kind, order[kv[0]])))


def _view_sources(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    """schema.table names a view's query reads, from DuckDB's serialised parse tree."""
    query = sql[sql.upper().index(" AS ") + 4 :] if " AS " in sql.upper() else sql
    tree = json.loads(con.execute("SELECT json_serialize_sql(?)", [query.rstrip(";")]).fetchone()[0])
    found: list[str] = []
    for node in _walk(tree):
        if node.get("type") == "BASE_TABLE" and node.get("schema_name"):
            name = f"{node['schema_name']}.{node['table_name']}"
            if name not in found:
                found.append(name)
    return found


def _walk(node) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _inherited(column: str, sources: list[str], known: dict[str, Relation]) -> str:
    for source in sources:
        rel = known.get(source)
        for c in rel.columns if rel else ():
            if c.name == column and c.description:
                return c.description
    return ""


def relation(name: str) -> Relation:
    return relations()[name]


def tables(schema: str | None = None) -> list[Relation]:
    """Every table (not view), optionally of one schema, in contract order."""
    return [r for r in relations().values() if r.kind == "table" and (schema is None or r.schema == schema)]


def published() -> list[Relation]:
    """What analysts query: every table and view outside the bookkeeping schema."""
    return [r for r in relations().values() if r.schema != "meta"]


def view_column_comments() -> Iterator[str]:
    """COMMENT statements for the view columns the SQL does not describe, with their source column's description,
    so that `SELECT comment FROM duckdb_columns()` describes all an analyst can read."""
    for r in relations().values():
        for c in r.columns:
            if c.inherited and c.description:
                text = c.description.replace("'", "''")
                yield f"COMMENT ON COLUMN {r.name}.{c.name} IS '{text}'"
