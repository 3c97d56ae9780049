"""Stage extract: sentences, entity mentions and claims of each clean body, per day, parsed in worker processes."""

import contextlib
import dataclasses
import datetime as dt
import signal
import traceback
from collections import Counter
from collections.abc import Iterator, Mapping

import polars as pl

from assets import quality, stage, warehouse
from assets.text import entities, extraction, figures, lexicon, quotes, records
from assets.text.records import MENTION_LABELS, entity_id_for, stable_id

DOCS_PER_TASK = 8  # documents a worker parses per task (spaCy batches them)


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
        e("ExpectColumnValuesToBeInSet", column="label", value_set=list(MENTION_LABELS)),
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


def held_suite() -> list:
    e = quality.expect
    return [
        e("ExpectColumnValuesToBeUnique", column="doc_id"),
        e("ExpectColumnValuesToBeInSet", column="reason", value_set=["over_time_budget", "extraction_error"]),
        # A held-back document is published without its extractions: worth a look, not a stop.
        e("ExpectColumnValuesToBeNull", column="doc_id", severity="warning"),
    ]


SLICE = {"_slice": pl.String}
SENTENCES = stage.Output("nlp.sentences", sentence_suite, ("sentences_within_body",), SLICE)
MENTIONS = stage.Output("nlp.mention_spans", mention_suite, ("mentions_within_sentences",), SLICE)
CLAIMS = stage.Output("nlp.claim_rows", claim_suite, ("claims_have_sentence",), SLICE)
HELD = stage.Output("nlp.held_back", held_suite)
OUTPUTS = (SENTENCES, MENTIONS, CLAIMS, HELD)
CODE_VERSION = stage.code_version(__file__, extraction, entities, quotes, figures, records, lexicon)


class OverBudget(Exception):
    pass


_settings: dict[str, object] = {"model": "", "doc_seconds": 0.0}


def configure(model: str, doc_seconds: float) -> None:
    """Set in every worker process (and in the parent when it works alone) before any task runs."""
    _settings.update(model=model, doc_seconds=doc_seconds)


@contextlib.contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget in this thread after `seconds` (a no-op where signals are unavailable)."""
    try:
        previous = signal.signal(signal.SIGALRM, _raise_over_budget)
    except ValueError:  # not the main thread: no alarm to set
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _raise_over_budget(signum, frame):
    raise OverBudget


def _row(output: stage.Output, *parts: Mapping[str, object]) -> dict:
    """A row of exactly the output table's columns (plus its validation-only ones), from merged mappings."""
    merged: dict = {}
    for part in parts:
        merged.update(part)
    return {c: merged.get(c) for c in [*output.relation.column_names, *output.extra]}


def document_rows(doc_id: str, day: dt.date, body: str, found: extraction.Extraction) -> stage.Rows:
    """The sentence, mention and claim rows of one document's extraction."""
    base = {"doc_id": doc_id, "partition_date": day}
    rows: stage.Rows = {
        SENTENCES.table: [
            _row(SENTENCES, base, dataclasses.asdict(s), {"_slice": body[s.start_char : s.end_char]})
            for s in found.sentences
        ],
        MENTIONS.table: [
            _row(
                MENTIONS,
                base,
                dataclasses.asdict(m),
                {"local_entity_id": entity_id_for(m.entity_key), "_slice": body[m.start_char : m.end_char]},
            )
            for m in found.mentions
        ],
        CLAIMS.table: [],
    }
    seen: set[str] = set()
    for c in found.claims:
        claim_id = "C" + stable_id(doc_id, c.kind, c.start_char, c.end_char, length=15)
        if claim_id not in seen:
            seen.add(claim_id)
            rows[CLAIMS.table].append(
                _row(
                    CLAIMS,
                    base,
                    dataclasses.asdict(c),
                    {
                        "claim_id": claim_id,
                        "flags": list(c.flags),
                        "_slice": body[c.start_char : c.end_char],
                        "speaker_local_id": entity_id_for(c.speaker_key) if c.speaker_key else None,
                    },
                )
            )
    return rows


def extract_batch(item: tuple[dt.date, list[tuple[str, str, dt.date | None]]]) -> stage.Rows:
    """Rows for a batch of (doc_id, body, published) of one day; a document over its time budget or failing is
    held back with the reason."""
    day, docs = item
    nlp = extraction.load_model(str(_settings["model"]) or None)
    seconds = float(_settings["doc_seconds"]) or 0.0
    # spaCy's vocabulary keeps every new string it meets; a worker parsing thousands of documents grew by them.
    # The memory zone hands back what this batch added (the rows built inside it are plain Python values).
    with nlp.memory_zone():
        return _batch_rows(day, docs, nlp, seconds)


def _batch_rows(day: dt.date, docs: list[tuple[str, str, dt.date | None]], nlp, seconds: float) -> stage.Rows:
    out: stage.Rows = {o.table: [] for o in OUTPUTS}
    short = [doc for doc in docs if len(doc[1]) <= extraction.CHUNK_CHARS]
    try:  # fast path: the ordinary bodies through nlp.pipe together, within the budget of all of them
        with _budget(seconds * len(short)) if seconds and short else contextlib.nullcontext():
            found = dict(extraction.extract_documents(short, nlp))
    except Exception:  # noqa: BLE001 - one bad document must not sink the batch: retry one by one below
        found = {}
    for doc_id, body, published in docs:
        try:
            if doc_id not in found:
                with _budget(seconds) if seconds else contextlib.nullcontext():
                    found[doc_id] = next(extraction.extract_documents([(doc_id, body, published)], nlp))[1]
            for table, rows in document_rows(doc_id, day, body, found[doc_id]).items():
                out[table] += rows
        except OverBudget:
            out[HELD.table].append(
                {
                    "doc_id": doc_id,
                    "partition_date": day,
                    "reason": "over_time_budget",
                    "detail": f"extraction took over {seconds:g} s ({len(body)} characters)",
                }
            )
        except Exception as exc:  # noqa: BLE001 - a rule's bug on one text holds back that text, not the day
            where = traceback.extract_tb(exc.__traceback__)[-1]
            out[HELD.table].append(
                {
                    "doc_id": doc_id,
                    "partition_date": day,
                    "reason": "extraction_error",
                    "detail": f"{type(exc).__name__}: {exc} ({where.filename}:{where.lineno})"[:500],
                }
            )
    return out


def inputs(con, day: dt.date) -> stage.Inputs:
    listing = con.execute(
        "SELECT doc_id, length(body) FROM clean.document_rows WHERE partition_date = ? ORDER BY doc_id", [day]
    ).fetchall()
    upstream = warehouse.partition_state(con, "clean", [day]).get(day)
    fp = stage.fingerprint(upstream[1] if upstream else listing)

    def items():
        for part in stage.batched([doc_id for doc_id, _ in listing], DOCS_PER_TASK * 4):
            rows = con.execute(
                "SELECT doc_id, body, published_at::DATE FROM clean.document_rows WHERE partition_date = ? "
                "AND list_contains(?, doc_id) ORDER BY doc_id",
                [day, list(part)],
            ).fetchall()
            for task in stage.batched(rows, DOCS_PER_TASK):
                yield day, list(task)

    return stage.Inputs(fp, items(), len(listing))


def describe(frames: Mapping[str, pl.DataFrame]) -> dict[str, Counter]:
    claims = frames[CLAIMS.table]
    figures_ = claims.filter(pl.col("kind") == "figure")
    return {
        "nlp.claim_rows:claims by kind": Counter(claims["kind"].to_list()),
        "nlp.claim_rows:figure units": Counter(figures_["unit"].to_list()),
        "nlp.mention_spans:mentions by label": Counter(frames[MENTIONS.table]["label"].to_list()),
        "nlp.held_back:reasons": Counter(frames[HELD.table]["reason"].to_list()),
    }


DAY_STAGE = stage.DayStage(
    name="extract",
    outputs=OUTPUTS,
    code_version=CODE_VERSION,
    inputs=inputs,
    build=extract_batch,
    items_per_chunk=16,
    count=lambda item: len(item[1]),
    describe=describe,
    parallel=True,
)
