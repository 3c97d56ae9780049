"""Canonical entities across the whole warehouse, and the map from each document's entity ids to them.

DuckDB aggregates the stored mentions by entity key (one row per key and surface, not one per mention), the text
rules resolve those keys to canonical entities (label flip-flops, bare surnames), and only rows that changed are
written. A run in which no day's extractions changed does nothing.
"""

from collections import Counter

import polars as pl

from assets import quality, stage, warehouse
from assets.text import entities, lexicon, records
from assets.text.records import MENTION_LABELS, entity_id_for

STEP = "entities"


def entity_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToNotBeNull", column="entity_id"),
        e("ExpectColumnValuesToBeUnique", column="entity_id"),
        e("ExpectColumnValueLengthsToBeBetween", column="name", min_value=1),
        e("ExpectColumnValuesToBeInSet", column="label", value_set=list(MENTION_LABELS)),
        e("ExpectColumnValuesToBeBetween", column="n_docs", min_value=0),
    ]


def map_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToBeUnique", column="local_entity_id"),
        e("ExpectColumnValuesToNotBeNull", column="entity_id"),
    ]


ENTITIES = stage.Output("nlp.entities", entity_suite, invariants=("mentions_have_entity",))
ENTITY_MAP = stage.Output("nlp.entity_map", map_suite, invariants=("speakers_have_entity",))
OUTPUTS = (ENTITIES, ENTITY_MAP)
CODE_VERSION = stage.code_version(__file__, entities, records, lexicon)


def resolve(con) -> dict[str, pl.DataFrame]:
    """nlp.entities and nlp.entity_map for everything stored, computed from per-key aggregates."""
    groups = con.execute(
        "SELECT entity_key, label, canonical, count(*) AS n, bool_and(partial) AS partial, "
        "count(*) FILTER (WHERE label_from_text) AS n_from_text "
        "FROM nlp.mention_spans GROUP BY entity_key, label, canonical ORDER BY ALL"
    ).fetchall()
    resolved = entities.resolve_keys(groups)
    speakers = [
        k
        for (k,) in con.execute(
            "SELECT DISTINCT speaker_key FROM nlp.claim_rows WHERE speaker_key IS NOT NULL ORDER BY 1"
        ).fetchall()
    ]
    mapping = {key: resolved.get(key, (key, label, canonical)) for key, label, canonical, *_ in groups}
    for key in speakers:  # a speaker that is not itself a mention still needs an entity row
        mapping.setdefault(key, resolved.get(key, (key, key.split("|", 1)[0], key.split("|", 1)[-1].title())))
    keys = pl.DataFrame(
        [{"entity_key": k, "canonical_key": v[0], "label": v[1], "name": v[2]} for k, v in mapping.items()],
        schema={"entity_key": pl.String, "canonical_key": pl.String, "label": pl.String, "name": pl.String},
    )
    con.register("_keys", keys.to_arrow())
    try:
        stats = con.execute(
            """SELECT k.canonical_key, any_value(k.label) AS label, any_value(k.name) AS name,
                      coalesce(list_sort(list(DISTINCT m.text) FILTER (WHERE m.text IS NOT NULL)), []) AS aliases,
                      count(m.text)::INTEGER AS n_mentions, count(DISTINCT m.doc_id)::INTEGER AS n_docs
               FROM _keys k LEFT JOIN nlp.mention_spans m USING (entity_key)
               GROUP BY k.canonical_key ORDER BY 1"""
        ).fetchall()
    finally:
        con.unregister("_keys")
    rows = [
        {
            "entity_id": entity_id_for(ck),
            "label": label,
            "name": name,
            "aliases": aliases,
            "n_mentions": n_mentions,
            "n_docs": n_docs,
            "entity_key": ck,
        }
        for ck, label, name, aliases, n_mentions, n_docs in stats
    ]
    return {
        ENTITIES.table: ENTITIES.frame(rows).sort("entity_id"),
        ENTITY_MAP.table: ENTITY_MAP.frame(
            [
                {"local_entity_id": entity_id_for(k), "entity_id": entity_id_for(v[0])}
                for k, v in mapping.items()
            ]
        ).sort("local_entity_id"),
    }


def refresh(con, log=print) -> stage.DayResult | None:
    """Bring the entity tables up to date; None when no day's extractions changed since the last refresh."""
    input_sha = stage.fingerprint(warehouse.step_input_sha(con, ["extract"]), CODE_VERSION)
    if warehouse.step_done(con, STEP) == input_sha:
        log("entities: unchanged since the last refresh")
        return None
    result, frames = stage.publish_whole(
        con,
        OUTPUTS,
        lambda: resolve(con),
        keys={ENTITIES.table: "entity_id", ENTITY_MAP.table: "local_entity_id"},
        on_commit=lambda: warehouse.record_step(con, STEP, input_sha),
    )
    result.counters["nlp.entities:entities by label"] = Counter(frames[ENTITIES.table]["label"].to_list())
    top = frames[ENTITIES.table].sort("n_mentions", descending=True).head(10)
    result.preview[ENTITIES.table] = top
    return result
