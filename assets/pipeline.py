"""The asset graph: one Dagster asset per warehouse table, in pipeline order, built with one policy for every asset.

    ingest   raw.documents, raw.rejects                                  per day
    clean    clean.document_rows, clean.removed, clean.metadata_evidence per day
    copies   clean.doc_bands, clean.doc_shingles, clean.copy_pairs,
             clean.document_copies -> view clean.documents                 once per run
    extract  nlp.sentences, nlp.mention_spans, nlp.claim_rows, nlp.held_back   per day (worker processes)
    entities nlp.entities, nlp.entity_map -> views nlp.mentions, nlp.claims    once per run
    marts    the views of sql/marts, validated                           once per run
    publish  the snapshot analysts read                                  once per run

The stage modules hold the work (plain functions over a DuckDB connection, importable by worker processes without
Dagster); this module only says how each stage appears and reports in Dagster.
"""

import datetime as dt
from pathlib import Path

import dagster as dg

from assets import (
    clean,
    contract,
    copies,
    entities,
    extract,
    ingest,
    maintenance,
    marts,
    publish,
    report,
    stage,
)
from assets.partitions import Policy
from assets.resources import NLP, Inbox, Warehouse
from assets.warehouse import retrying
from assets.workers import Pool


def _days(context: dg.AssetExecutionContext) -> list[dt.date]:
    return [dt.date.fromisoformat(k) for k in context.partition_keys]


def ingest_asset(policy: Policy) -> dg.AssetsDefinition:
    @dg.multi_asset(
        name="ingest",
        specs=[report.spec(o.table, kinds=("python", "duckdb"), per_day=True) for o in ingest.OUTPUTS],
        check_specs=report.check_specs(ingest.OUTPUTS),
        description="Files of the day's inbox folder decoded into raw.documents (text, encoding, SHA-256, the HTML "
        "page's own metadata); what cannot be ingested (and links, special files, misnamed day folders) goes to "
        "raw.rejects with a reason.",
        **policy.asset_args("ingest", partitioned=True, op_tags={"stage": "ingest"}),
    )
    def ingest_(context: dg.AssetExecutionContext, inbox: Inbox, warehouse: Warehouse):
        root = Path(inbox.path)
        day_stage = ingest.day_stage(root, inbox.max_bytes, inbox.read_timeout_seconds)
        with warehouse.connect() as con:
            strays = retrying(
                lambda: ingest.publish_strays(con, root, context.log.warning), log=context.log.info
            )
            results = stage.run_days(con, day_stage, _days(context), Pool(1), context.log.info)
        missing = [r.key for r in results if r.status == "missing"]
        if missing:
            # A day with no folder is left as stored: an inbox pruned of old days must not erase the warehouse.
            context.log.warning(f"no inbox folder for {', '.join(missing)} under {root}: kept as stored")
        yield from report.events(
            context, ingest.OUTPUTS, results, {"raw.rejects:outside any day": dg.MetadataValue.int(strays)}
        )

    return ingest_


def clean_asset(policy: Policy) -> dg.AssetsDefinition:
    @dg.multi_asset(
        name="clean",
        specs=[
            report.spec(o.table, deps=["raw.documents"], kinds=("python", "duckdb"), per_day=True)
            for o in clean.OUTPUTS
        ],
        check_specs=report.check_specs(clean.OUTPUTS),
        description="Each raw document split into title and body with boilerplate removed, its outlet, URL, "
        "publication time, authors and language read from the page (with the evidence for each), and every removed "
        "span with its offsets into raw_text and its reason.",
        **policy.asset_args("clean", partitioned=True, op_tags={"stage": "clean"}),
    )
    def clean_(context: dg.AssetExecutionContext, warehouse: Warehouse, nlp: NLP):
        with warehouse.connect() as con, Pool(nlp.worker_count) as pool:
            results = stage.run_days(con, clean.DAY_STAGE, _days(context), pool, context.log.info)
        yield from report.events(context, clean.OUTPUTS, results)

    return clean_


def copies_asset(policy: Policy) -> dg.AssetsDefinition:
    @dg.multi_asset(
        name="copies",
        specs=[
            report.spec("clean.doc_bands", deps=["clean.document_rows"], kinds=("python", "duckdb")),
            report.spec("clean.doc_shingles", deps=["clean.document_rows"], kinds=("python", "duckdb")),
            report.spec("clean.copy_pairs", deps=["clean.document_rows"], kinds=("python", "duckdb")),
            report.spec(copies.COPIES_TABLE, deps=["clean.copy_pairs"], kinds=("sql", "duckdb")),
            report.spec(
                "clean.documents", deps=contract.relation("clean.documents").reads, kinds=("sql", "duckdb")
            ),
        ],
        check_specs=report.check_specs([copies.PAIRS]),
        description="Near-duplicate documents (the same story with other boilerplate or small edits): MinHash LSH "
        "buckets per day, candidate pairs confirmed on exact shingle overlap. Only days whose cleaned text changed "
        "are hashed again; each document's earliest copy partner (clean.documents.copy_of) is kept in a table, "
        "recomputed only for documents whose pairs changed.",
        **policy.asset_args("clean", partitioned=False, op_tags={"stage": "copies"}),
    )
    def copies_(context: dg.AssetExecutionContext, warehouse: Warehouse):
        with warehouse.connect() as con:
            result = retrying(lambda: copies.refresh(con, context.log.info), log=context.log.info)
        if result is None:
            yield from _unchanged(
                [
                    "clean.doc_bands",
                    "clean.doc_shingles",
                    "clean.copy_pairs",
                    copies.COPIES_TABLE,
                    "clean.documents",
                ],
                [copies.PAIRS],
            )
            return
        yield dg.MaterializeResult(asset_key=report.key("clean.doc_bands"))
        yield dg.MaterializeResult(asset_key=report.key("clean.doc_shingles"))
        yield from report.events(context, [copies.PAIRS], [result])
        yield dg.MaterializeResult(
            asset_key=report.key(copies.COPIES_TABLE),
            metadata={"rows recomputed": result.rows[copies.COPIES_TABLE]},
        )
        yield dg.MaterializeResult(asset_key=report.key("clean.documents"))

    return copies_


def extract_asset(policy: Policy) -> dg.AssetsDefinition:
    @dg.multi_asset(
        name="extract",
        specs=[
            report.spec(
                o.table, deps=["clean.document_rows"], kinds=("python", "spacy", "duckdb"), per_day=True
            )
            for o in extract.OUTPUTS
        ],
        check_specs=report.check_specs(extract.OUTPUTS),
        description="spaCy over each clean body, in worker processes: sentences, entity mentions with their "
        "document-level canonical names, and claims (quotes with speakers, reported speech, figures with value, "
        "unit, interval, measure, scope and period); documents over the time budget are held back with a reason.",
        **policy.asset_args("extract", partitioned=True, op_tags={"stage": "extract"}),
    )
    def extract_(context: dg.AssetExecutionContext, warehouse: Warehouse, nlp: NLP):
        pool = Pool(nlp.worker_count, extract.configure, (nlp.model_name, nlp.doc_seconds))
        with warehouse.connect() as con, pool:
            results = stage.run_days(con, extract.DAY_STAGE, _days(context), pool, context.log.info)
        yield from report.events(context, extract.OUTPUTS, results)

    return extract_


def entities_asset(policy: Policy) -> dg.AssetsDefinition:
    views = ["nlp.mentions", "nlp.claims"]

    @dg.multi_asset(
        name="entities",
        specs=[
            report.spec(o.table, deps=["nlp.mention_spans", "nlp.claim_rows"], kinds=("python", "duckdb"))
            for o in entities.OUTPUTS
        ]
        + [report.spec(v, deps=contract.relation(v).reads, kinds=("sql", "duckdb")) for v in views],
        check_specs=report.check_specs(entities.OUTPUTS),
        description="Canonical entities across the whole warehouse and the map from each document's entity keys to "
        "them: label flip-flops merged, bare surnames resolved to the corpus's full name. Runs once after the days of "
        "a run, only when their extractions changed; the views nlp.mentions and nlp.claims read through the map.",
        **policy.asset_args("extract", partitioned=False, op_tags={"stage": "entities"}),
    )
    def entities_(context: dg.AssetExecutionContext, warehouse: Warehouse):
        with warehouse.connect() as con:
            result = retrying(lambda: entities.refresh(con, context.log.info), log=context.log.info)
        if result is None:
            yield from _unchanged([o.table for o in entities.OUTPUTS] + views, entities.OUTPUTS)
            return
        yield from report.events(context, entities.OUTPUTS, [result])
        for view in views:
            yield dg.MaterializeResult(asset_key=report.key(view))

    return entities_


def marts_asset(policy: Policy) -> dg.AssetsDefinition:
    checks = [
        dg.AssetCheckSpec(
            report.EXPECTATIONS,
            asset=report.key(name),
            blocking=False,
            description="Great Expectations suite over the mart's rows; a failing mart is left "
            "out of the published snapshot, the rest is published",
        )
        for name in marts.SUITES
    ]

    @dg.multi_asset(
        name="marts",
        specs=[report.spec(m.name, deps=m.reads, kinds=("sql", "duckdb")) for m in marts.marts()],
        check_specs=checks,
        description="The views in schema marts (sql/marts/), validated when data changed: who said what, speakers, "
        "entities seen together, documents' sources, facts across outlets, quotes across outlets.",
        **policy.asset_args("marts", partitioned=False, op_tags={"stage": "marts"}),
    )
    def marts_(context: dg.AssetExecutionContext, warehouse: Warehouse):
        with warehouse.connect() as con:
            results, held, counts = retrying(lambda: marts.check(con, context.log.info), log=context.log.info)
        if held:
            context.log.warning(f"held back from the snapshot (failed their suites): {', '.join(held)}")
        for m in marts.marts():
            meta = (
                {"unchanged": True}
                if results is None
                else {"dagster/row_count": counts[m.name]}
                if m.name in counts
                else {}
            )
            yield dg.MaterializeResult(asset_key=report.key(m.name), metadata=meta)
        for name in marts.SUITES:
            suite = (results or {}).get(name)
            yield dg.AssetCheckResult(
                asset_key=report.key(name),
                check_name=report.EXPECTATIONS,
                passed=name not in held,
                severity=dg.AssetCheckSeverity.WARN,
                metadata={"unchanged": "data unchanged: not re-validated"}
                if suite is None
                else report.suite_metadata([("all", suite)]),
            )

    return marts_


def publish_asset(policy: Policy) -> dg.AssetsDefinition:
    key = dg.AssetKey(["publish", "snapshot"])

    @dg.asset(
        key=key,
        deps=[report.key(r.name) for r in contract.published()],
        group_name="publish",
        kinds={"duckdb"},
        pool=policy.pool,
        backfill_policy=dg.BackfillPolicy.single_run(),
        owners=list(policy.owners),
        check_specs=[
            dg.AssetCheckSpec(
                publish.CHECK,
                asset=key,
                description="The published copy opens read-only and has the warehouse's rows, table by table",
            )
        ],
        description="What analysts read: on the DuckDB file, the read-only snapshot beside it "
        "(warehouse.read.duckdb), updated with only what changed and swapped in atomically so readers never block "
        "or break a run; marts held back by their checks are left out. On a lake, the lake's committed version.",
    )
    def snapshot_(context: dg.AssetExecutionContext, warehouse: Warehouse):
        target = warehouse.target
        with warehouse.connect() as con:
            if target.is_lake:
                meta, differ = {"lake snapshot": publish.lake_version(con)}, {}
            else:
                meta, differ = publish.publish_file(con, target, context.log.info)
        yield dg.MaterializeResult(metadata=meta)
        yield dg.AssetCheckResult(
            check_name=publish.CHECK,
            passed=not differ,
            metadata={"differences": dg.MetadataValue.json(differ)},
        )

    return snapshot_


def maintenance_asset(policy: Policy) -> dg.AssetsDefinition:
    @dg.asset(
        key=dg.AssetKey(["maintenance", "lake"]),
        group_name="publish",
        kinds={"ducklake"},
        owners=list(policy.owners),
        description="Lake upkeep (DuckLake's own functions): flush inlined rows to Parquet, merge small files, "
        "expire snapshots older than the retention, delete files no snapshot needs. Scheduled weekly.",
    )
    def lake_(context: dg.AssetExecutionContext, warehouse: Warehouse):
        with warehouse.connect() as con:
            done = retrying(
                lambda: maintenance.tidy(con, warehouse.keep_snapshot_days), log=context.log.warning
            )
        context.log.info(", ".join(f"{k}: {v}" for k, v in done.items()))
        return dg.MaterializeResult(metadata={k: dg.MetadataValue.int(v) for k, v in done.items()})

    return lake_


def _unchanged(tables: list[str], outputs) -> list[object]:
    """What a warehouse-wide step reports when its inputs did not change since it last ran."""
    events: list[object] = [
        dg.MaterializeResult(asset_key=report.key(t), metadata={"unchanged": True}) for t in tables
    ]
    for o in outputs:
        events += list(report.unchanged_checks(o))
    return events


BUILDERS = (
    ingest_asset,
    clean_asset,
    copies_asset,
    extract_asset,
    entities_asset,
    marts_asset,
    publish_asset,
)


def build_assets(policy: Policy, lake: bool = False) -> list[dg.AssetsDefinition]:
    """Every asset of the graph, with the deployment's partitions, pool and backfill policy (and, on a lake, its
    upkeep), each owned by the policy's owners."""
    assets = [build(policy) for build in BUILDERS] + ([maintenance_asset(policy)] if lake else [])
    return dg.map_asset_specs(lambda spec: spec.replace_attributes(owners=list(policy.owners)), assets)
