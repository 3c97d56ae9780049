"""The shared stage machinery on a real DuckDB file, without Dagster: skipping, publishing, rolling back."""

import dataclasses
import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from assets import clean, ingest, stage, warehouse
from assets.workers import Pool

DAY = dt.date(2024, 5, 14)
ARTICLE = (
    "Ferry strike ends\n\nDock workers returned to the terminals on Thursday after the operator agreed to "
    "a new rota and a one-off payment, the union said.\n"
)


@pytest.fixture
def setup(tmp_path):
    box = tmp_path / "inbox"
    (box / DAY.isoformat()).mkdir(parents=True)
    (box / DAY.isoformat() / "a.txt").write_text(ARTICLE)
    (box / DAY.isoformat() / "empty.txt").write_text("")
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
    return box, path


def run(path, day_stage, days=(DAY,)):
    with warehouse.connect(path) as con:
        return stage.run_days(con, day_stage, list(days), Pool(1))


def rows(path, sql):
    with warehouse.connect(path, read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_day_is_published_then_skipped_until_its_input_or_code_changes(setup):
    box, path = setup
    assert [r.status for r in run(path, ingest.day_stage(box, 5_000_000, 30.0))] == ["published"]
    assert rows(path, "SELECT source_path FROM raw.documents") == [(f"{DAY}/a.txt",)]
    assert rows(path, "SELECT reason FROM raw.rejects") == [("empty",)]
    assert [r.status for r in run(path, ingest.day_stage(box, 5_000_000, 30.0))] == ["skipped"]

    (box / DAY.isoformat() / "b.txt").write_text(ARTICLE + "More.\n")
    assert [r.status for r in run(path, ingest.day_stage(box, 5_000_000, 30.0))] == ["published"]
    assert len(rows(path, "SELECT * FROM raw.documents")) == 2

    newer = dataclasses.replace(ingest.day_stage(box, 5_000_000, 30.0), code_version="changed")
    assert [r.status for r in run(path, newer)] == ["published"]
    assert [r.status for r in run(path, newer)] == ["skipped"]


def test_a_day_without_a_folder_is_left_as_stored(setup):
    box, path = setup
    run(path, ingest.day_stage(box, 5_000_000, 30.0))
    assert [
        r.status for r in run(path, ingest.day_stage(box, 5_000_000, 30.0), [DAY + dt.timedelta(days=1)])
    ] == ["missing"]
    assert len(rows(path, "SELECT * FROM raw.documents")) == 1


def test_clean_follows_ingest_and_skips_when_ingest_republished_the_same_rows(setup):
    box, path = setup
    run(path, ingest.day_stage(box, 5_000_000, 30.0))
    assert [r.status for r in run(path, clean.DAY_STAGE)] == ["published"]
    assert rows(path, "SELECT title FROM clean.documents") == [("Ferry strike ends",)]
    run(
        path, dataclasses.replace(ingest.day_stage(box, 5_000_000, 30.0), code_version="changed")
    )  # same rows again
    assert [r.status for r in run(path, clean.DAY_STAGE)] == ["skipped"]


def test_a_failing_invariant_rolls_the_day_back(setup, monkeypatch):
    box, path = setup
    run(path, ingest.day_stage(box, 5_000_000, 30.0))
    run(path, clean.DAY_STAGE)
    before = rows(path, "SELECT * FROM clean.document_rows")
    (box / DAY.isoformat() / "c.txt").write_text(ARTICLE + "Later.\n")
    run(path, ingest.day_stage(box, 5_000_000, 30.0))
    broken = warehouse.Invariant("clean_docs_have_raw", 1, ({"doc_id": "x"},))
    monkeypatch.setattr(warehouse, "run_invariants", lambda con, names, params=None: [broken])
    (result,) = run(path, clean.DAY_STAGE)
    assert result.status == "held" and "clean_docs_have_raw" in " ".join(result.failures())
    assert rows(path, "SELECT * FROM clean.document_rows") == before
    assert rows(path, "SELECT count(*) FROM meta.partition_state WHERE stage = 'clean'") == [(1,)]


def test_a_failing_expectation_rolls_the_day_back(setup, monkeypatch):
    box, path = setup
    run(path, ingest.day_stage(box, 5_000_000, 30.0))
    bad = dataclasses.replace(clean.DAY_STAGE, build=lambda item: {"clean.document_rows": [{"doc_id": None}]})
    (result,) = run(path, bad)
    assert result.status == "held"
    assert any(o.column == "doc_id" for s in result.suites["clean.document_rows"] for o in s.errors)
    assert rows(path, "SELECT count(*) FROM clean.document_rows") == [(0,)]


def test_replace_changed_touches_only_rows_that_differ(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        frame = pl.DataFrame({"local_entity_id": ["a", "b", "c"], "entity_id": ["x", "y", "z"]})
        assert warehouse.replace_changed(con, "nlp.entity_map", frame, "local_entity_id") == 3
        assert warehouse.replace_changed(con, "nlp.entity_map", frame, "local_entity_id") == 0
        changed = pl.DataFrame({"local_entity_id": ["a", "b", "d"], "entity_id": ["x", "w", "v"]})
        # b changes (1 out, 1 in), c goes, d comes
        assert warehouse.replace_changed(con, "nlp.entity_map", changed, "local_entity_id") == 4
        assert sorted(con.execute("SELECT * FROM nlp.entity_map").fetchall()) == [
            ("a", "x"),
            ("b", "w"),
            ("d", "v"),
        ]


def test_clean_partition_by_direct_call():
    raw = pl.DataFrame({"doc_id": ["D1"], "source_path": [f"{DAY}/a.txt"], "raw_text": [ARTICLE]})
    docs, removed = clean.clean_partition(raw, DAY)
    assert docs["title"].to_list() == ["Ferry strike ends"]
    assert docs["body"][0].startswith("Dock workers") and removed.height == 0


def test_every_stage_that_reads_word_lists_is_redone_when_they_change():
    from assets import copies, entities, extract

    for module in (clean, copies, extract, entities):
        line = Path(module.__file__).read_text(encoding="utf-8").split("CODE_VERSION = ")[1].splitlines()[0]
        assert "lexicon" in line, module.__name__


class _Recording(Pool):
    """A pool that says it has two workers but builds in this process, lazily, recording each map call."""

    def __init__(self):
        super().__init__(2)
        self.asked: list[bool] = []
        self.built: list[dt.date] = []

    def map(self, fn, items, parallel=True):
        self.asked.append(parallel)
        for item in items:
            self.built.append(item[0])
            yield fn(item)


def _small_days(tmp_path, per_day=(2, 2, 2)):
    box = tmp_path / "inbox"
    days = [DAY + dt.timedelta(days=i) for i in range(len(per_day))]
    for day, n_docs in zip(days, per_day):
        (box / day.isoformat()).mkdir(parents=True)
        for n in range(n_docs):
            (box / day.isoformat() / f"{n}.txt").write_text(ARTICLE.replace("Thursday", f"day {day} {n}"))
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        stage.run_days(con, ingest.day_stage(box, 5_000_000, 30.0), days, Pool(1))
    return days, path


def test_many_small_days_are_built_in_one_stream_once_the_run_has_enough_documents(tmp_path):
    days, path = _small_days(tmp_path, (2, 0, 2, 2))  # 6 documents over 4 days, one of them empty
    one_by_one = dataclasses.replace(clean.DAY_STAGE, parallel_min_docs=10)
    streamed = dataclasses.replace(clean.DAY_STAGE, parallel_min_docs=4)
    pool = _Recording()
    with warehouse.connect(path) as con:
        stage.run_days(con, one_by_one, days, pool)
        expected = con.execute("SELECT * FROM clean.document_rows ORDER BY doc_id").fetchall()
        assert pool.asked == [False] * 4  # a map per day, in this process
        con.execute("DELETE FROM meta.partition_state WHERE stage = 'clean'")
        con.execute("DELETE FROM clean.document_rows")
        pool.asked.clear()
        statuses = [r.status for r in stage.run_days(con, streamed, days, pool)]
        assert statuses == ["published"] * 4
        assert pool.asked == [True]  # one stream across the days
        assert con.execute("SELECT * FROM clean.document_rows ORDER BY doc_id").fetchall() == expected


def test_a_held_day_in_the_stream_leaves_the_days_after_it_right(tmp_path):
    days, path = _small_days(tmp_path, (3, 3, 3))

    def build(item):
        day, docs = item
        rows = clean.build(item)
        if day == days[1]:  # the middle day builds a row its suite rejects
            rows["clean.document_rows"][0]["doc_id"] = None
        return rows

    streamed = dataclasses.replace(clean.DAY_STAGE, parallel_min_docs=4, build=build)
    streamed = dataclasses.replace(streamed, inputs=_one_doc_per_item(streamed.inputs))
    with warehouse.connect(path) as con:
        results = stage.run_days(con, streamed, days, _Recording())
        assert [r.status for r in results] == ["published", "held", "published"]
        per_day = con.execute(
            "SELECT partition_date, count(*) FROM clean.document_rows GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert per_day == [(days[0], 3), (days[2], 3)]


def _one_doc_per_item(inputs):
    """The stage's inputs with one document per work item: a held day still has items queued behind its first."""

    def split(con, day):
        found = inputs(con, day)
        items = ((d, [doc]) for d, docs in found.items for doc in docs)
        return dataclasses.replace(found, items=items)

    return split


def test_a_real_pool_of_two_publishes_what_one_process_does(tmp_path):
    days, path = _small_days(tmp_path, (3, 3))
    streamed = dataclasses.replace(clean.DAY_STAGE, parallel_min_docs=4)
    with warehouse.connect(path) as con:
        stage.run_days(con, streamed, days, Pool(1))
        expected = con.execute("SELECT * FROM clean.document_rows ORDER BY doc_id").fetchall()
        con.execute("DELETE FROM meta.partition_state WHERE stage = 'clean'")
        con.execute("DELETE FROM clean.document_rows")
        with Pool(2) as pool:
            assert [r.status for r in stage.run_days(con, streamed, days, pool)] == ["published"] * 2
        assert con.execute("SELECT * FROM clean.document_rows ORDER BY doc_id").fetchall() == expected


def test_extract_batches_after_earlier_batches_give_the_same_rows():
    """Each batch parses inside a spaCy memory zone that hands back the strings it added: a batch that follows
    others (whose words were freed) gives exactly the rows it gives on its own, and the same twice."""
    from assets import extract

    fixtures = Path(__file__).parent / "fixtures" / "claims"
    docs = [(p.stem, p.read_text(encoding="utf-8"), None) for p in sorted(fixtures.glob("*.txt"))][:6]
    assert len(docs) == 6
    alone = extract.extract_batch((DAY, docs[3:]))
    extract.extract_batch((DAY, docs[:3]))
    after = extract.extract_batch((DAY, docs[3:]))
    again = extract.extract_batch((DAY, docs[3:]))
    assert alone == after == again
    assert alone[extract.CLAIMS.table] and alone[extract.MENTIONS.table]


def test_a_days_rows_wait_on_disk_not_in_the_open_transaction(tmp_path):
    """DuckDB holds what a transaction appends in small inserts in memory until it commits; a day's chunks are
    spilled to files and inserted by one statement, so the writer's in-memory table data does not grow with the
    day (here 60 chunks of 2,000 sentences)."""
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
    held: list[int] = []

    def review(con, day, rows, state):
        held.append(
            con.execute(
                "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'"
            ).fetchone()[0]
        )
        return rows

    def build(item):
        day, n = item
        return {
            "nlp.sentences": [
                {
                    "doc_id": f"d{n:03d}",
                    "partition_date": day,
                    "sentence_idx": i,
                    "start_char": i,
                    "end_char": i + 1,
                    "text": f"Sentence number {i} of document {n}, long enough to take some room.",
                }
                for i in range(2000)
            ]
        }

    big = stage.DayStage(
        name="test.big",
        outputs=(stage.Output("nlp.sentences", lambda: []),),
        code_version="1",
        inputs=lambda con, day: stage.Inputs("fp", [(day, n) for n in range(60)], 60),
        build=build,
        items_per_chunk=1,
        count=lambda item: 1,
        review=review,
    )
    assert [r.status for r in run(path, big)] == ["published"]
    assert rows(path, "SELECT count(*) FROM nlp.sentences") == [(120_000,)]
    assert len(held) >= 60 and max(held) < 4 * 2**20, held  # before: 13.5 MB by the last chunk


def test_the_blocks_a_day_read_are_not_kept_for_the_next(tmp_path):
    """DuckDB caches every block it reads until its memory limit; a writer reading earlier days grew with the
    warehouse. After each day the cache is emptied and the memory limit is the one set before."""
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        con.execute(
            "INSERT INTO nlp.sentences (doc_id, partition_date, sentence_idx, start_char, end_char, text) "
            "SELECT 'd' || (i // 100), DATE '2024-01-01', i % 100, 0, 1, md5(i::VARCHAR) || md5((-i)::VARCHAR) "
            "FROM range(300000) t(i)"
        )
        con.execute("CHECKPOINT")
    cached: list[int] = []

    def cache(con) -> int:
        return con.execute(
            "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'BASE_TABLE'"
        ).fetchone()[0]

    def inputs(con, day):
        con.execute("SELECT max(text), max(doc_id) FROM nlp.sentences").fetchall()  # reads every stored block
        cached.append(cache(con))
        return stage.Inputs(f"fp{day}", [day], 1)

    reader = stage.DayStage(
        name="test.reader",
        outputs=(stage.Output("nlp.sentences", lambda: []),),
        code_version="1",
        inputs=inputs,
        build=lambda item: {},
        count=lambda item: 1,
    )
    with warehouse.connect(path) as con:
        con.execute("SET memory_limit = '1GB'")
        results = stage.run_days(con, reader, [dt.date(2024, 2, 1), dt.date(2024, 2, 2)], Pool(1))
        assert [r.status for r in results] == ["published", "published"]
        assert min(cached) > 8 * 2**20, cached  # each day's read filled the cache
        assert cache(con) < 2**20, cache(con)  # before: all of it still held
        # the limit is back (as printed, rounded once: 1 GB reads "953.6 MiB", is set back as "953.5 MiB")
        assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0].startswith("953.")
