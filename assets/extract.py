"""Stage extract: sentences, entity mentions and claims per partition; canonical entities across the warehouse."""

import datetime as dt
from collections import Counter, defaultdict

import dagster as dg
import polars as pl

from assets import quality, stage
from assets.clean import KEY as CLEAN_KEY
from assets.text import entities, extraction, figures, quotes, records
from assets.text.records import Mention, entity_id_for, stable_id
from workflow.partitions import daily
from workflow.resources import SpacyModel, Warehouse

SENTENCES = "nlp.sentences"
MENTIONS = "nlp.mention_spans"
CLAIMS = "nlp.claim_rows"
ENTITIES = "nlp.entities"
ENTITY_MAP = "nlp.entity_map"
KEY = dg.AssetKey(["nlp", "extractions"])
ENTITIES_KEY = dg.AssetKey(["nlp", "entities"])
MENTION_LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"]

SENTENCE_SCHEMA = {
    "doc_id": pl.String,
    "partition_date": pl.Date,
    "sentence_idx": pl.Int32,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "text": pl.String,
    "_slice": pl.String,
}
MENTION_SCHEMA = {
    "doc_id": pl.String,
    "partition_date": pl.Date,
    "sentence_idx": pl.Int32,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "text": pl.String,
    "label": pl.String,
    "canonical": pl.String,
    "entity_key": pl.String,
    "local_entity_id": pl.String,
    "partial": pl.Boolean,
    "_slice": pl.String,
}
CLAIM_SCHEMA = {
    "claim_id": pl.String,
    "doc_id": pl.String,
    "partition_date": pl.Date,
    "sentence_idx": pl.Int32,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "kind": pl.String,
    "text": pl.String,
    "speaker": pl.String,
    "speaker_key": pl.String,
    "speaker_local_id": pl.String,
    "cue": pl.String,
    "value": pl.Float64,
    "unit": pl.String,
    "raw_value": pl.Float64,
    "raw_unit": pl.String,
    "year": pl.Int32,
    "measure": pl.String,
    "flags": pl.List(pl.String),
    "_slice": pl.String,
}
ENTITY_SCHEMA = {
    "entity_id": pl.String,
    "label": pl.String,
    "name": pl.String,
    "aliases": pl.List(pl.String),
    "n_mentions": pl.Int32,
    "n_docs": pl.Int32,
    "entity_key": pl.String,
}
MAP_SCHEMA = {"local_entity_id": pl.String, "entity_id": pl.String}


def extract_partition(docs: pl.DataFrame, day: dt.date, nlp) -> dict[str, pl.DataFrame]:
    """Sentence, mention and claim rows for the clean documents of one partition."""
    sentences, mentions, claims = [], [], []
    bodies = dict(docs.select("doc_id", "body").iter_rows())
    for doc_id, found in extraction.extract_documents(bodies.items(), nlp):
        body = bodies[doc_id]
        base = {"doc_id": doc_id, "partition_date": day}
        sentences += [
            {
                **base,
                "sentence_idx": s.sentence_idx,
                "start_char": s.start_char,
                "end_char": s.end_char,
                "text": s.text,
                "_slice": body[s.start_char : s.end_char],
            }
            for s in found.sentences
        ]
        mentions += [
            {
                **base,
                "sentence_idx": m.sentence_idx,
                "start_char": m.start_char,
                "end_char": m.end_char,
                "text": m.text,
                "label": m.label,
                "canonical": m.canonical,
                "entity_key": m.entity_key,
                "local_entity_id": entity_id_for(m.entity_key),
                "partial": m.partial,
                "_slice": body[m.start_char : m.end_char],
            }
            for m in found.mentions
        ]
        seen: set[str] = set()
        for c in found.claims:
            claim_id = "C" + stable_id(doc_id, c.kind, c.start_char, c.end_char, length=15)
            if claim_id in seen:
                continue
            seen.add(claim_id)
            claims.append(
                {
                    **base,
                    "claim_id": claim_id,
                    "sentence_idx": c.sentence_idx,
                    "start_char": c.start_char,
                    "end_char": c.end_char,
                    "kind": c.kind,
                    "text": c.text,
                    "speaker": c.speaker,
                    "speaker_key": c.speaker_key,
                    "speaker_local_id": entity_id_for(c.speaker_key) if c.speaker_key else None,
                    "cue": c.cue,
                    "value": c.value,
                    "unit": c.unit,
                    "raw_value": c.raw_value,
                    "raw_unit": c.raw_unit,
                    "year": c.year,
                    "measure": c.measure,
                    "flags": list(c.flags),
                    "_slice": body[c.start_char : c.end_char],
                }
            )
    return {
        SENTENCES: pl.DataFrame(sentences, schema=SENTENCE_SCHEMA),
        MENTIONS: pl.DataFrame(mentions, schema=MENTION_SCHEMA),
        CLAIMS: pl.DataFrame(claims, schema=CLAIM_SCHEMA),
    }


def resolve_entities(mentions: pl.DataFrame, speaker_keys: list[str]) -> dict[str, pl.DataFrame]:
    """Canonical entities over every stored mention, and the map from document-level ids to them."""
    pairs = [
        (doc_id, Mention(0, 0, 0, text, label, canonical, key, partial))
        for doc_id, text, label, canonical, key, partial in mentions.select(
            "doc_id", "text", "label", "canonical", "entity_key", "partial"
        ).iter_rows()
    ]
    resolved = entities.resolve_corpus(pairs)
    aliases: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    counts: Counter = Counter()
    info: dict[str, tuple[str, str]] = {}
    mapping: dict[str, str] = {}
    for doc_id, m in pairs:
        canonical_key, label, name = resolved.get(m.entity_key, (m.entity_key, m.label, m.canonical))
        aliases[canonical_key].add(m.text)
        docs[canonical_key].add(doc_id)
        counts[canonical_key] += 1
        info[canonical_key] = (label, name)
        mapping[entity_id_for(m.entity_key)] = entity_id_for(canonical_key)
    for key in speaker_keys:  # a speaker that is not itself a mention still needs an entity row
        canonical_key, label, name = resolved.get(
            key, (key, key.split("|", 1)[0], key.split("|", 1)[-1].title())
        )
        info.setdefault(canonical_key, (label, name))
        mapping.setdefault(entity_id_for(key), entity_id_for(canonical_key))
    rows = [
        {
            "entity_id": entity_id_for(k),
            "label": label,
            "name": name,
            "aliases": sorted(aliases[k]),
            "n_mentions": counts[k],
            "n_docs": len(docs[k]),
            "entity_key": k,
        }
        for k, (label, name) in info.items()
    ]
    return {
        ENTITIES: pl.DataFrame(rows, schema=ENTITY_SCHEMA).sort("entity_id"),
        ENTITY_MAP: pl.DataFrame(
            [{"local_entity_id": a, "entity_id": b} for a, b in mapping.items()], schema=MAP_SCHEMA
        ).sort("local_entity_id"),
    }


def sentence_suite() -> list:
    e = quality.expect
    return [
        e("ExpectCompoundColumnsToBeUnique", column_list=["doc_id", "sentence_idx"]),
        e("ExpectColumnValuesToBeBetween", column="start_char", min_value=0),
        e("ExpectColumnPairValuesAToBeGreaterThanB", column_A="end_char", column_B="start_char"),
        e("ExpectColumnPairValuesToBeEqual", column_A="text", column_B="_slice"),
        e("ExpectColumnValueLengthsToBeBetween", column="text", max_value=5000, severity="warning"),
    ]


def mention_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToNotBeNull", column="entity_key"),
        e("ExpectColumnValuesToBeInSet", column="label", value_set=MENTION_LABELS),
        e("ExpectColumnPairValuesAToBeGreaterThanB", column_A="end_char", column_B="start_char"),
        e("ExpectColumnPairValuesToBeEqual", column_A="text", column_B="_slice"),
        e("ExpectCompoundColumnsToBeUnique", column_list=["doc_id", "start_char", "end_char"]),
        e("ExpectColumnValueLengthsToBeBetween", column="canonical", min_value=1),
    ]


def claim_suite() -> list:
    e = quality.expect
    figure = 'kind == "figure"'
    return [
        e("ExpectColumnValuesToBeUnique", column="claim_id"),
        e("ExpectColumnValuesToBeInSet", column="kind", value_set=["quote", "reported", "figure"]),
        e("ExpectColumnPairValuesAToBeGreaterThanB", column_A="end_char", column_B="start_char"),
        e("ExpectColumnPairValuesToBeEqual", column_A="text", column_B="_slice"),
        e("ExpectColumnValuesToNotBeNull", column="value", row_condition=figure, condition_parser="pandas"),
        e("ExpectColumnValuesToNotBeNull", column="unit", row_condition=figure, condition_parser="pandas"),
        e("ExpectColumnValuesToBeBetween", column="year", min_value=1800, max_value=2200, severity="warning"),
        e("ExpectColumnValuesToNotBeNull", column="text"),
    ]


def entity_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToNotBeNull", column="entity_id"),
        e("ExpectColumnValuesToBeUnique", column="entity_id"),
        e("ExpectColumnValueLengthsToBeBetween", column="name", min_value=1),
        e("ExpectColumnValuesToBeInSet", column="label", value_set=MENTION_LABELS),
        e("ExpectColumnValuesToBeBetween", column="n_docs", min_value=0),
    ]


def map_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToBeUnique", column="local_entity_id"),
        e("ExpectColumnValuesToNotBeNull", column="entity_id"),
    ]


@dg.asset(
    key=KEY,
    deps=[CLEAN_KEY],
    partitions_def=daily,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="duckdb_writer",
    group_name="extract",
    kinds={"python", "spacy", "duckdb"},
    owners=["team:dossier"],
    tags={"stage": "extract"},
    code_version=stage.code_version(__file__, extraction, entities, quotes, figures, records),
    check_specs=stage.check_specs(KEY, [SENTENCES, MENTIONS, CLAIMS]),
    description="spaCy over each clean body: sentences (nlp.sentences), entity mentions with their "
    "document-level canonical names (nlp.mention_spans), and claims — direct quotes with speakers, reported "
    "speech, normalised figures (nlp.claim_rows). Offsets are into clean.documents.body.",
)
def nlp_extractions(context: dg.AssetExecutionContext, warehouse: Warehouse, nlp: SpacyModel):
    model = nlp.load()
    with warehouse.connect() as con:

        def build(day: dt.date) -> stage.Built:
            docs = con.execute(
                "SELECT doc_id, body FROM clean.documents WHERE partition_date = ? ORDER BY doc_id", [day]
            ).pl()
            frames = extract_partition(docs, day, model)
            claims = frames[CLAIMS]
            return stage.Built(
                frames=frames,
                metadata={
                    "claims by kind": Counter(claims["kind"].to_list()),
                    "mentions by label": Counter(frames[MENTIONS]["label"].to_list()),
                    "figure units": Counter(claims.filter(pl.col("kind") == "figure")["unit"].to_list()),
                    "quotes preview": stage.preview(
                        claims.filter(pl.col("kind") == "quote"), ["speaker", "cue", "text"]
                    ),
                    "figures preview": stage.preview(
                        claims.filter(pl.col("kind") == "figure"),
                        ["text", "value", "unit", "year", "measure"],
                    ),
                },
            )

        yield from stage.run_partitions(
            context,
            con,
            build,
            {SENTENCES: sentence_suite, MENTIONS: mention_suite, CLAIMS: claim_suite},
            ["sentences_within_body", "mentions_within_sentences", "claims_have_sentence"],
        )


@dg.asset(
    key=ENTITIES_KEY,
    deps=[KEY],
    # single_run on the unpartitioned assets too: a CLI partition-range materialisation needs it on every
    # selected asset, and they run once per run anyway.
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool="duckdb_writer",
    group_name="extract",
    kinds={"python", "duckdb"},
    owners=["team:dossier"],
    tags={"stage": "extract"},
    code_version=stage.code_version(__file__, entities, records),
    check_specs=stage.check_specs(ENTITIES_KEY, [ENTITIES, ENTITY_MAP]),
    description="Canonical entities across the whole warehouse (nlp.entities) and the map from each document's "
    "entity keys to them (nlp.entity_map): one entity per canonical name, bare surnames resolved to the corpus's "
    "unique full name. Refreshed once after the partitions of a run; nlp.mentions and nlp.claims read through it.",
)
def nlp_entities(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.connect() as con:
        mentions = con.execute(
            "SELECT doc_id, text, label, canonical, entity_key, partial FROM nlp.mention_spans "
            "ORDER BY doc_id, start_char"
        ).pl()
        speakers = [
            k
            for (k,) in con.execute(
                "SELECT DISTINCT speaker_key FROM nlp.claim_rows WHERE speaker_key IS NOT NULL ORDER BY 1"
            ).fetchall()
        ]
        frames = resolve_entities(mentions, speakers)
        built = stage.Built(
            frames=frames,
            metadata={
                "entities by label": Counter(frames[ENTITIES]["label"].to_list()),
                "top entities": stage.preview(
                    frames[ENTITIES].sort("n_mentions", descending=True),
                    ["name", "label", "n_mentions", "n_docs"],
                    n=10,
                ),
            },
        )
        yield from stage.run_whole(
            context,
            con,
            built,
            {ENTITIES: entity_suite, ENTITY_MAP: map_suite},
            ["mentions_have_entity", "speakers_have_entity"],
        )
