"""Stage marts: SQL views answering analysts' questions, then the read-only snapshot analysts open."""

import dagster as dg

from assets import quality, stage
from assets import warehouse as db
from assets.extract import ENTITIES_KEY
from workflow.resources import Warehouse

KEY = dg.AssetKey(["marts", "views"])
SNAPSHOT_KEY = dg.AssetKey(["warehouse_snapshot"])
# In dependency order: later views read earlier ones.
VIEW_FILES = [
    "00_schema.sql",
    "quotes_by_speaker.sql",
    "speakers.sql",
    "entity_cooccurrence.sql",
    "figures_compared.sql",
    "figure_groups.sql",
    "quotes_across_sources.sql",
]
VIEWS = [f"marts.{name.removesuffix('.sql')}" for name in VIEW_FILES if not name.startswith("00_")]


def create_views(con) -> None:
    """(Re)create every mart view from sql/marts/, in file order."""
    for name in VIEW_FILES:
        con.execute(db.sql(f"marts/{name}"))


def figure_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToBeInSet", column="status", value_set=["corroborated", "discrepant"]),
        e("ExpectColumnValuesToBeBetween", column="relative_difference", min_value=0, max_value=1),
        e("ExpectColumnValuesToNotBeNull", column="unit"),
    ]


def quote_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToNotBeNull", column="quote"),
        e("ExpectColumnValuesToBeUnique", column="claim_id"),
        e("ExpectColumnValuesToNotBeNull", column="speaker_name", severity="warning"),
    ]


SUITES = {"marts.figures_compared": figure_suite, "marts.quotes_by_speaker": quote_suite}


@dg.asset(
    key=KEY,
    deps=[ENTITIES_KEY],
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="duckdb_writer",
    group_name="marts",
    kinds={"sql", "duckdb"},
    owners=["team:dossier"],
    tags={"stage": "marts"},
    code_version=stage.code_version(__file__, *[db.SQL_DIR / "marts" / n for n in VIEW_FILES]),
    check_specs=stage.check_specs(KEY, list(SUITES), invariants=False),
    description="Views in schema marts, from sql/marts/: quotes_by_speaker, speakers, entity_cooccurrence, "
    "figures_compared (pairs of figures across sources, corroborated or discrepant), figure_groups, "
    "quotes_across_sources. Created and validated in one transaction.",
)
def marts_views(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.connect() as con:
        con.begin()
        try:
            create_views(con)
            results = [
                quality.validate(t.replace(".", "_"), con.execute(f"SELECT * FROM {t}").pl(), s())
                for t, s in SUITES.items()
            ]
            groups = con.execute(
                "SELECT measure_head, unit, year, n_docs, status, texts FROM marts.figure_groups "
                "ORDER BY n_docs DESC, measure_head LIMIT 8"
            ).pl()
            metadata = {
                f"rows {v}": dg.MetadataValue.int(con.execute(f"SELECT count(*) FROM {v}").fetchone()[0])
                for v in VIEWS
            }
            metadata["figure groups"] = stage.preview(groups, groups.columns, n=8)
            done = stage.Published(key="all", suites=results, invariants=[], built=stage.Built({}, metadata))
            con.commit() if done.ok else con.rollback()
        except BaseException:
            con.rollback()
            raise
    yield from stage.report(context, [done], SUITES, [])


SNAPSHOT_TABLES = (
    "raw.documents",
    "raw.rejects",
    "clean.documents",
    "clean.removed",
    "nlp.sentences",
    "nlp.mentions",
    "nlp.entities",
    "nlp.claims",
)


@dg.asset(
    key=SNAPSHOT_KEY,
    deps=[KEY],
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="duckdb_writer",
    group_name="publish",
    kinds={"duckdb"},
    owners=["team:dossier"],
    check_specs=[
        dg.AssetCheckSpec(
            "snapshot_matches_warehouse",
            asset=SNAPSHOT_KEY,
            description="The published copy opens read-only and has the warehouse's rows",
        )
    ],
    description="The read-only copy of the warehouse analysts query (warehouse.read.duckdb beside the "
    "warehouse file), replaced atomically after every successful run so readers never block or break a run.",
)
def warehouse_snapshot(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.connect() as con:
        size = db.publish_snapshot(con, warehouse.path, warehouse.snapshot)
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SNAPSHOT_TABLES}
    with db.connect(warehouse.snapshot, read_only=True) as snap:
        published = {t: snap.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SNAPSHOT_TABLES}
    yield dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(warehouse.snapshot),
            "bytes": dg.MetadataValue.int(size),
            **{f"rows {t}": dg.MetadataValue.int(n) for t, n in counts.items()},
        }
    )
    differ = {t: f"{counts[t]} vs {published[t]}" for t in SNAPSHOT_TABLES if counts[t] != published[t]}
    yield dg.AssetCheckResult(
        check_name="snapshot_matches_warehouse",
        passed=not differ,
        metadata={"differences": dg.MetadataValue.json(differ)},
    )
