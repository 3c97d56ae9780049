"""The whole asset graph materialised into a temporary DuckDB file."""

import codecs
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from assets import contract, warehouse
from assets.text import cleaning
from conftest import run_graph, table_contents, write_inbox

pytestmark = pytest.mark.slow


def query(db, sql, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def step_counts(result):
    counts = {}
    for event in result.all_events:
        if event.event_type_value == "STEP_SUCCESS":
            counts[event.step_key] = counts.get(event.step_key, 0) + 1
    return counts


WIRE = """Northgate Wire
China and Russia trade hits a record
By Lena Ortiz | May 14, 2024
Trade between China and Russia reached $240 billion in 2023, up 30 percent from the year before, according to figures from the customs agency in Beijing.
Officials in Moscow said the total would keep rising as more oil and gas is sold east.
"""


def test_one_partition_fills_every_table(inbox, db):
    # a second outlet's report of the same trade figures: the courier's two articles are one source, this another
    (inbox / "2024-05-14" / "wire").mkdir()
    (inbox / "2024-05-14" / "wire" / "trade-record.txt").write_text(WIRE, encoding="utf-8")
    result = run_graph(inbox, db, "2024-05-14")
    assert result.success

    paths = {p for (p,) in query(db, "SELECT source_path FROM raw.documents")}
    assert paths == {
        "2024-05-14/courier/summit.txt",
        "2024-05-14/courier/trade.txt",
        "2024-05-14/wire/trade-record.txt",
    }
    rejects = dict(query(db, "SELECT source_path, reason FROM raw.rejects"))
    assert rejects == {
        "2024-05-14/empty.txt": "empty",
        "2024-05-14/photo.txt": "binary",
        "2024-05-14/slides.pdf": "unsupported_type",
        "2024-05-14/resent-summit.txt": "duplicate",
        "2024-05-14/gone.txt": "symlink",
    }
    assert query(db, "SELECT count(*) FROM raw.documents WHERE encoding = 'utf-8' AND n_bytes > 0") == [(3,)]

    titles = {t for (t,) in query(db, "SELECT title FROM clean.documents")}
    assert "Leaders pledge deeper trade ties at two-day summit" in titles
    bodies = "\n".join(b for (b,) in query(db, "SELECT body FROM clean.documents"))
    assert "Beijing holds most of the cards now" in bodies
    assert (
        "Cookies help us" not in bodies
        and "All rights reserved" not in bodies
        and "Home | World" not in bodies
    )
    assert query(
        db,
        """SELECT count(*) FROM clean.removed r JOIN raw.documents d USING (doc_id)
                        WHERE substring(d.raw_text, r.start_char + 1, r.end_char - r.start_char) <> r.text""",
    ) == [(0,)]
    assert query(db, "SELECT count(*) FROM clean.removed")[0][0] >= 6

    for table in ("nlp.sentences", "nlp.mentions", "nlp.claims"):
        bad = query(
            db,
            f"""SELECT count(*) FROM {table} x JOIN clean.documents d USING (doc_id)
                            WHERE substring(d.body, x.start_char + 1, x.end_char - x.start_char) <> x.text""",
        )
        assert bad == [(0,)], table
        assert query(db, f"SELECT count(*) FROM {table}")[0][0] > 0, table

    putin = query(
        db, "SELECT aliases, n_docs FROM nlp.entities WHERE name = 'Vladimir Putin' AND label = 'PERSON'"
    )
    assert putin and {"Putin", "Vladimir Putin"} <= set(putin[0][0])
    assert query(
        db,
        "SELECT count(*) FROM nlp.mentions m LEFT JOIN nlp.entities e USING (entity_id) "
        "WHERE e.entity_id IS NULL",
    ) == [(0,)]

    quote = query(
        db,
        "SELECT speaker_name FROM marts.quotes_by_speaker "
        "WHERE quote LIKE 'Our partnership is not directed against anyone%'",
    )
    assert quote == [("Vladimir Putin",)]
    figures = query(
        db, "SELECT value, unit, year FROM nlp.claims WHERE kind = 'figure' AND text = '$240 billion'"
    )
    assert (240e9, "USD", 2023) in figures
    sources = dict(query(db, "SELECT source_path, source_key FROM marts.document_sources"))
    assert sources["2024-05-14/courier/summit.txt"] == sources["2024-05-14/courier/trade.txt"]
    assert sources["2024-05-14/wire/trade-record.txt"] != sources["2024-05-14/courier/trade.txt"]
    facts = {
        (key, unit, period): (status, n_sources)
        for key, unit, period, status, n_sources in query(
            db, "SELECT measure_key, unit, period, status, n_sources FROM marts.figure_facts"
        )
    }
    # "$240 billion" in 2023 from two outlets (the courier's two articles count once) agree; 26 vs 30 percent not
    assert facts.get(("trade", "USD", "2023")) == ("corroborated", 2)
    assert facts.get(("trade:change", "percent", "2023")) == ("discrepant", 2)
    # the border, in kilometres by one outlet only, is no fact across sources
    assert not [k for k in facts if k[0] == "border"]

    snapshot = db.with_name("warehouse.read.duckdb")
    assert query(snapshot, "SELECT count(*) FROM clean.documents") == [(3,)]
    # what `duckdb -readonly warehouse.read.duckdb` shows an analyst: every published column described
    described = {
        (s, t, c)
        for s, t, c in query(
            snapshot,
            "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
            "WHERE schema_name IN ('raw', 'clean', 'nlp', 'marts') AND coalesce(comment, '') <> ''",
        )
    }
    for relation in contract.published():
        schema, name = relation.name.split(".")
        assert {(schema, name, c) for c in relation.column_names} <= described, relation.name

    examples = sorted((Path(__file__).parent.parent / "sql" / "examples").glob("*.sql"))
    assert len(examples) >= 5
    results = {path.stem: query(snapshot, path.read_text()) for path in examples}
    assert results["quotes_by_person"] and all(
        row[0] == "Vladimir Putin" for row in results["quotes_by_person"]
    )
    assert any("30 percent" in str(row) and "26 percent" in str(row) for row in results["facts_in_dispute"])
    assert any("$240 billion" in str(row) for row in results["facts_corroborated"])


def test_rerunning_a_partition_gives_identical_rows(inbox, db):
    assert run_graph(inbox, db, "2024-05-14").success
    first = table_contents(db)
    assert run_graph(inbox, db, "2024-05-14").success
    assert table_contents(db) == first


def test_a_three_day_range_is_one_run_and_entities_resolve_across_days(inbox, db):
    (inbox / "2024-05-16").mkdir()
    (inbox / "2024-05-16" / "ports.txt").write_text(
        "Ports brace for a busy summer\n\nPort operators along the coast said on Thursday that container "
        "volumes had risen 8 percent since January and that they expected the busiest summer in a decade.\n"
    )
    result = run_graph(inbox, db, "2024-05-14", "2024-05-16")
    assert result.success
    counts = step_counts(result)
    assert counts == {
        "ingest": 1,
        "clean": 1,
        "extract": 1,
        "entities": 1,
        "copies": 1,
        "marts": 1,
        "publish__snapshot": 1,
    }
    assert query(db, "SELECT DISTINCT partition_date::VARCHAR FROM raw.documents ORDER BY 1") == [
        ("2024-05-14",),
        ("2024-05-15",),
        ("2024-05-16",),
    ]
    # The follow-up only ever says "Putin"; the corpus has one full name with that surname.
    names = query(
        db,
        """SELECT DISTINCT e.name FROM nlp.mentions m JOIN nlp.entities e USING (entity_id)
                         JOIN raw.documents r USING (doc_id)
                         WHERE r.source_path LIKE '%followup%' AND m.text = 'Putin'""",
    )
    assert names == [("Vladimir Putin",)]
    assert query(db, "SELECT encoding FROM raw.documents WHERE source_path LIKE '%followup%'") == [
        ("cp1252",)
    ]


def test_a_partition_failing_validation_is_not_published_and_blocks_downstream(inbox, db, monkeypatch):
    assert run_graph(inbox, db, "2024-05-14", "2024-05-15").success
    before = table_contents(db)

    real = cleaning.clean_text

    def broken(raw, repeated=frozenset()):
        out = real(raw, repeated)
        bad = cleaning.Removal(start=0, end=5, text="not the raw text", reason="navigation")
        return cleaning.Cleaned(title=out.title, body=out.body, removed=(*out.removed, bad))

    monkeypatch.setattr("assets.clean.clean_text", broken)
    (inbox / "2024-05-15" / "late.txt").write_text(
        "A late article\n\nThe port reopened on Thursday after a "
        "three-day strike by dock workers over pay and hours.\n"
    )
    result = run_graph(inbox, db, "2024-05-15")
    assert not result.success
    counts = step_counts(result)
    assert "ingest" in counts
    assert "clean" not in counts and "extract" not in counts and "entities" not in counts

    evaluations = {
        (e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()
    }
    failed = evaluations[("clean/removed", "expectations")]
    assert not failed.passed
    failures = failed.metadata["failures"].data
    assert any(f["expectation"] == "expect_column_pair_values_to_be_equal" for f in failures)

    after = table_contents(db)
    for table in ("clean.documents", "clean.removed", "nlp.sentences", "nlp.claim_rows", "nlp.entities"):
        assert after[table] == before[table], table
    # Ingest itself passed and published the new file.
    assert len(after["raw.documents"]) == len(before["raw.documents"]) + 1


def test_cli_runs_every_inbox_day_and_queries_the_snapshot(inbox, db, tmp_path):
    env = {**os.environ, "DAGSTER_HOME": "", "PYTHONWARNINGS": "ignore"}
    env.pop("DAGSTER_HOME")
    run = subprocess.run(
        [sys.executable, "-m", "workflow.cli", "run", "--inbox", str(inbox), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "workflow.cli",
            "sql",
            "--db",
            str(db),
            "--format",
            "csv",
            "SELECT count(*) AS n FROM raw.documents",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["n", "3"]


def test_size_limit_and_empty_html_are_quarantined_while_good_files_load(tmp_path, db):
    day = tmp_path / "inbox" / "2024-05-16"
    day.mkdir(parents=True)
    (day / "short.txt").write_text(
        "Ferry strike ends\n\nDock workers returned to the terminals on Thursday after "
        "the operator agreed to a new rota and a one-off payment.\n"
    )
    (day / "long.txt").write_text(
        "Committee report\n\n" + "The committee met again to review the budget. " * 80
    )
    (day / "widget.html").write_text(
        "<html><head><title>x</title></head><body><script>load()</script></body></html>"
    )
    (day / "legacy.txt").write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")
    result = run_graph(tmp_path / "inbox", db, "2024-05-16", max_bytes=2000)
    assert result.success
    assert dict(query(db, "SELECT source_path, reason FROM raw.rejects")) == {
        "2024-05-16/long.txt": "too_large",
        "2024-05-16/widget.html": "no_text",
        "2024-05-16/legacy.txt": "undecodable",
    }
    assert query(db, "SELECT title FROM clean.documents") == [("Ferry strike ends",)]


def test_a_one_document_warehouse_has_sources_but_no_fact_across_sources(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "2024-05-15").mkdir(parents=True)
    (inbox / "2024-05-15" / "one.txt").write_text(
        "Ferry strike ends\n\nDock workers returned on Thursday after the operator agreed to a new rota. About "
        "1,200 sailings were cancelled during the 12-day strike, and fares will rise 4 percent in 2025.\n",
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    assert run_graph(inbox, db, "2024-05-15").success
    assert query(db, "SELECT count(*) FROM marts.document_sources") == [(1,)]
    assert query(db, "SELECT count(*) FROM nlp.claims WHERE kind = 'figure'")[0][0] >= 2
    for mart in ("marts.figure_facts", "marts.figures_compared", "marts.quotes_across_sources"):
        assert query(db, f"SELECT count(*) FROM {mart}") == [(0,)], mart


def test_a_copy_arriving_a_day_later_in_a_second_run_points_at_the_original(inbox, db):
    from conftest import FOOTER, HEADER, SUMMIT

    assert run_graph(inbox, db, "2024-05-14").success
    # the same story re-scraped from another site a day later: other boilerplate around the same body
    body = SUMMIT.replace(HEADER, "").replace(FOOTER, "")
    rescrape = "World News Digest\nTop stories | Markets | Sport\n" + body + "Follow us for more.\n"
    (inbox / "2024-05-15" / "digest").mkdir()
    (inbox / "2024-05-15" / "digest" / "summit-again.txt").write_text(rescrape, encoding="utf-8")
    assert run_graph(inbox, db, "2024-05-15").success
    copies = dict(
        query(
            db,
            "SELECT c.source_path, o.source_path FROM clean.documents d "
            "JOIN raw.documents c ON c.doc_id = d.doc_id JOIN raw.documents o ON o.doc_id = d.copy_of",
        )
    )
    assert copies == {"2024-05-15/digest/summit-again.txt": "2024-05-14/courier/summit.txt"}


DAY_CHECKS = {
    "mentions_within_sentences": "UPDATE nlp.mention_spans SET start_char = -1 WHERE rowid = 0",
    "claims_have_sentence": "UPDATE nlp.claim_rows SET sentence_idx = 9999 WHERE rowid = 0",
    "sentences_within_body": "UPDATE nlp.sentences SET end_char = end_char + 100000 WHERE rowid = 0",
    "removed_within_raw": "UPDATE clean.removed SET end_char = start_char WHERE rowid = 0",
}


@pytest.fixture(scope="module")
def one_day(tmp_path_factory) -> Path:
    """A warehouse with one day of the sample inbox published (built once; each test breaks its own copy)."""
    root = tmp_path_factory.mktemp("one_day")
    db = root / "warehouse.duckdb"
    assert run_graph(write_inbox(root / "inbox"), db, "2024-05-14").success
    return db


@pytest.mark.parametrize("check", sorted(DAY_CHECKS))
def test_a_day_check_finds_a_broken_row_of_its_day_only(one_day, tmp_path, check):
    """Each day's SQL invariant (both sides of its join restricted to the day) holds on a run's rows, finds one
    broken row of the day, and nothing when asked about another day."""
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(one_day, db)
    day, other = dt.date(2024, 5, 14), dt.date(2024, 5, 15)
    with warehouse.connect(db) as con:
        (ok,) = warehouse.run_invariants(con, [check], {"partition_date": day})
        assert ok.violations == 0
        con.execute(DAY_CHECKS[check])
        (broken,) = warehouse.run_invariants(con, [check], {"partition_date": day})
        (elsewhere,) = warehouse.run_invariants(con, [check], {"partition_date": other})
    assert broken.violations == 1 and elsewhere.violations == 0
