"""clean.document_copies, kept incrementally by the copies step, equals the copy rule recomputed over every pair."""

import datetime as dt

import pytest

from assets import contract, copies, warehouse

DAY1, DAY2 = dt.date(2024, 5, 14), dt.date(2024, 5, 15)
STORY = (
    "The harbour authority said on Tuesday that the new ferry terminal would open in March after two years of "
    "delays, and that the operator had agreed to run eleven crossings a day in summer. Councillors welcomed the "
    "date but asked who would pay for the extra buses to the quay. The authority said the road works were already "
    "funded and that a second berth could follow if traffic grew as forecast over the next five years. "
)
OTHER = (
    "A bakery in the old town won the regional bread prize for the third time, beating forty entrants with a rye "
    "loaf proofed for two days. The owner said the recipe came from her grandmother and that she would not change "
    "it for a prize. Queues formed before dawn on the morning after the award and the shop sold out by nine. "
)


def add(con, doc_id: str, day: dt.date, path: str, body: str) -> None:
    con.execute(
        "INSERT INTO raw.documents VALUES (?, ?, ?, ?, 1, 'utf-8', 'text/plain', ?, now()::TIMESTAMP, NULL)",
        [doc_id, day, path, doc_id * 4, body],
    )
    con.execute(
        "INSERT INTO clean.document_rows VALUES (?, ?, 'T', ?, 1, 1, 0, NULL, NULL, NULL, NULL, NULL)",
        [doc_id, day, body],
    )


def cleaned(con, day: dt.date, state: str) -> None:
    warehouse.record_partition(con, "clean", day, state, state, 0)


def stored(con) -> dict[str, str]:
    return dict(con.execute("SELECT doc_id, copy_of FROM clean.document_copies").fetchall())


def recomputed(con) -> dict[str, str]:
    """The rule over every stored pair, as the migration that created the table fills it."""
    (path,) = [p for _, p in contract.migrations() if p.name.endswith("_document_copies.sql")]
    (insert,) = [s for s in contract.statements(path) if s.lstrip().upper().startswith("INSERT")]
    select = insert[insert.upper().index("WITH") :]
    return dict(con.execute(select).fetchall())


@pytest.fixture
def con(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        warehouse.ensure_schema(con)
        yield con


def test_copy_of_follows_backfills_and_recleaned_days(con):
    add(con, "Dbbbb", DAY2, "2024-05-15/wire/terminal.txt", STORY)
    add(con, "Dcccc", DAY2, "2024-05-15/zeta/terminal.txt", STORY + "Follow us for more.")
    add(con, "Ddddd", DAY2, "2024-05-15/zeta/bread.txt", OTHER)
    cleaned(con, DAY2, "v1")
    copies.refresh(con, log=lambda _: None)
    assert stored(con) == recomputed(con) == {"Dcccc": "Dbbbb"}

    # an earlier day arrives later: the story's original is now on it, for both documents of the later day
    add(con, "Deeee", DAY1, "2024-05-14/courier/terminal.txt", "Ferry news. " + STORY)
    cleaned(con, DAY1, "v1")
    copies.refresh(con, log=lambda _: None)
    assert stored(con) == recomputed(con) == {"Dbbbb": "Deeee", "Dcccc": "Deeee"}

    # that day is cleaned again and now holds the bread story: the terminal pair stands alone again, and the
    # later bread document copies the earlier day's
    con.execute("UPDATE clean.document_rows SET body = ? WHERE doc_id = 'Deeee'", [OTHER + "Letters page."])
    cleaned(con, DAY1, "v2")
    copies.refresh(con, log=lambda _: None)
    assert stored(con) == recomputed(con) == {"Dcccc": "Dbbbb", "Ddddd": "Deeee"}


def test_pairs_are_every_copy_pair_with_its_overlap(con):
    """The stored pairs are exactly the pairs that a comparison of every two bodies calls copies, with its numbers."""
    from itertools import combinations

    from assets.text import copies as text_copies

    bodies = {
        "Daaaa": STORY,
        "Dbbbb": STORY + "Follow us for more.",
        "Dcccc": "Ferry news. " + STORY,
        "Ddddd": OTHER,
        "Deeee": OTHER + "Letters page.",
        "Dffff": "A short note on the weather, nothing else in it at all for anyone to copy from a wire.",
    }
    for i, (doc_id, body) in enumerate(sorted(bodies.items())):
        add(con, doc_id, DAY1 if i % 2 else DAY2, f"x/{doc_id}.txt", body)
    cleaned(con, DAY1, "v1")
    cleaned(con, DAY2, "v1")
    copies.refresh(con, log=lambda _: None)

    expected = {}
    for a, b in combinations(sorted(bodies), 2):
        sa, sb = (
            text_copies.shingles(bodies[d]) for d in (a, b)
        )  # exact sets: the hashed signatures must agree
        common = len(sa & sb)
        similarity, containment = common / len(sa | sb), common / min(len(sa), len(sb))
        if text_copies.is_copy(similarity, containment, min(len(sa), len(sb))):
            expected[(a, b)] = (round(similarity, 6), round(containment, 6))
    got = {
        (a, b): (s, c)
        for a, b, s, c in con.execute("SELECT * FROM clean.copy_pairs ORDER BY doc_a, doc_b").fetchall()
    }
    assert set(expected) == {("Daaaa", "Dbbbb"), ("Daaaa", "Dcccc"), ("Dbbbb", "Dcccc"), ("Ddddd", "Deeee")}
    assert got == expected


def test_signature_is_the_shingle_set_hashed():
    from assets.text import copies as text_copies

    bodies = [
        "",
        "Too short.",
        "One two three four five",
        "the cat sat on the mat the cat sat on the mat the cat sat on the mat",  # repeated shingles count once
        "İstanbul ferries RUN again; the İstanbul ferries run again on Monday, officials said.",
        "The port reopened at dawn. Dock workers voted to end the strike after a week, and the first ships sailed.",
        "Dock workers voted to end the strike after a week, and the first ships sailed. The port reopened at dawn.",
    ]
    sets = [text_copies.shingles(b) for b in bodies]
    sigs = [text_copies.signature(b) for b in bodies]
    assert [s.size for s in sigs] == [len(s) for s in sets]
    for i in range(len(bodies)):
        for j in range(len(bodies)):
            if sets[i] and sets[j]:
                common = len(sets[i] & sets[j])
                expected = (common / len(sets[i] | sets[j]), common / min(len(sets[i]), len(sets[j])))
                assert text_copies.overlap(sigs[i], sigs[j]) == pytest.approx(expected)
    assert text_copies.overlap(sigs[5], sigs[6])[0] > 0.5  # the same sentences reordered share most shingles


def test_components_match_a_union_find():
    import numpy as np

    rng = np.random.default_rng(7)
    for n, m in [(1, 0), (6, 3), (50, 40), (400, 380), (400, 2000)]:
        a = rng.integers(0, n, m)
        b = rng.integers(0, n, m)
        parent = list(range(n))

        def root(x, parent=parent):
            while parent[x] != x:
                x = parent[x]
            return x

        for x, y in zip(a.tolist(), b.tolist()):
            rx, ry = root(x), root(y)
            parent[max(rx, ry)] = min(rx, ry)
        assert copies._components(n, a, b).tolist() == [root(x) for x in range(n)]


def test_pairs_are_validated_in_parts_that_keep_a_documents_pairs_together(monkeypatch):
    import polars as pl

    monkeypatch.setattr(copies, "VALIDATED_ROWS", 3)
    frame = pl.DataFrame(
        {"doc_a": [0, 0, 1, 1, 1, 2, 3, 3, 3, 3, 4], "doc_b": [1, 2, 2, 3, 4, 3, 4, 5, 6, 6, 5]}
    )
    parts = copies._by_first(frame)
    assert [p["doc_a"].to_list() for p in parts] == [[0, 0, 1, 1, 1], [2, 3, 3, 3, 3], [4]]
    assert pl.concat(parts).equals(frame)
    # the repeated pair (3, 6) sits in one part, so a per-part uniqueness check still sees it
    assert any(p.is_duplicated().any() for p in parts)


def test_a_new_day_is_compared_with_stored_signatures_not_stored_bodies(con, monkeypatch):
    """The stored documents' shingles are read from clean.doc_shingles: only the new day's bodies are read (#10)."""
    for i in range(3):
        add(con, f"D{i}a1", DAY1, f"x/{i}.txt", f"Story {i}. " + STORY)
    add(con, "DOTHER", DAY1, "x/other.txt", OTHER)
    cleaned(con, DAY1, "v1")
    copies.refresh(con, log=lambda _: None)

    read: list[str] = []
    bodies = copies._bodies
    monkeypatch.setattr(copies, "_bodies", lambda c, ids: read.extend(ids) or bodies(c, ids))
    add(con, "D9new", DAY2, "y/new.txt", STORY + "Reporting by the desk.")
    cleaned(con, DAY2, "v1")
    copies.refresh(con, log=lambda _: None)

    assert set(read) == {"D9new"}
    pairs = con.execute(
        "SELECT doc_a, doc_b FROM clean.copy_pairs WHERE doc_b = 'D9new' ORDER BY 1"
    ).fetchall()
    assert pairs == [("D0a1", "D9new"), ("D1a1", "D9new"), ("D2a1", "D9new")]
    assert stored(con)["D9new"] == "D0a1"


def test_signatures_are_the_same_in_every_process():
    """Stored by one run, compared by the next: the hash must not depend on the process (Python's str hash does)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from assets.text import copies as text_copies

    code = "from assets.text import copies as c; print(c.signature(open(0).read()).tolist())"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            input=STORY,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=Path(__file__).resolve().parent.parent,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert runs == {str(text_copies.signature(STORY).tolist())}
