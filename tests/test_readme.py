"""README.md and CONTRIBUTING.md stay true: the tables section is generated from the contract, every `make`
target they name exists, and every repository path they name in backticks exists.

`make readme` (python tests/test_readme.py --write) rewrites the tables section of README.md in place.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = (README, ROOT / "CONTRIBUTING.md")
START, END = "<!-- tables:start -->", "<!-- tables:end -->"
REFRESH = "run `make readme` (python tests/test_readme.py --write) to regenerate it"

# Paths the docs name that exist only once something ran (make demo, make lake-demo, a run with the defaults).
GENERATED = ("data/demo", "data/lake-demo", "data/inbox", "data/warehouse.", ".venv/")
# Dagster asset keys written like paths.
ASSET_KEYS = {"maintenance/lake", "publish/snapshot"}
PATH_LIKE = re.compile(r"/|\.(py|sql|toml|json)$")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
MAKE = re.compile(r"\bmake ([A-Za-z0-9_][\w-]*)")


def tables_section() -> str:
    """Every published table and view with its columns, as `dossier schema TABLE --format markdown` prints them
    (without shortening long descriptions)."""
    from assets import contract
    from workflow.output import write_rows

    out = io.StringIO()
    for r in contract.published():
        out.write(f"\n### {r.name} ({r.kind})\n\n{r.description}\n\n")
        write_rows(
            ["column", "type", "null", "meaning"],
            [(c.name, c.type, "yes" if c.nullable else "no", c.description) for c in r.columns],
            "markdown",
            out=out,
            max_width=100_000,
        )
    return out.getvalue() + "\n"


def split(text: str) -> tuple[str, str, str]:
    """(before the start marker and the marker, the generated section, the end marker and after)."""
    assert text.count(START) == 1 and text.count(END) == 1, f"README.md needs one {START} and one {END}"
    head, rest = text.split(START)
    section, tail = rest.split(END)
    return head + START, section, END + tail


def code_spans(text: str) -> list[str]:
    """Fenced code blocks and inline code spans: where commands and paths are written."""
    blocks = FENCE.findall(text)
    return blocks + INLINE.findall(FENCE.sub("", text))


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z0-9_][\w.-]*)\s*:(?!=)", text, re.M))


def missing_make_targets(text: str, targets: set[str]) -> list[str]:
    return sorted({t for span in code_spans(text) for t in MAKE.findall(span) if t not in targets})


def path_candidates(text: str) -> list[str]:
    """Inline code spans that name a repository path: one word with a '/' or a .py/.sql/.toml/.json ending, not a
    URL, an absolute or home path, an option, a template (<...>) or an assignment."""
    found = []
    for span in INLINE.findall(FENCE.sub("", text)):
        span = span.strip()
        if any(ch in span for ch in " <>=$:\"'") or span.startswith(("/", "~", "-", "http")):
            continue
        if PATH_LIKE.search(span):
            found.append(span.rstrip("/"))
    return found


def missing_paths(text: str, root: Path = ROOT) -> list[str]:
    out = []
    for path in path_candidates(text):
        if path.startswith(GENERATED) or path in ASSET_KEYS:
            continue
        if not (list(root.glob(path)) if any(ch in path for ch in "*?[") else (root / path).exists()):
            out.append(path)
    return sorted(set(out))


def test_the_tables_section_is_generated_from_the_contract():
    _, section, _ = split(README.read_text(encoding="utf-8"))
    assert section == tables_section(), f"the tables section of README.md is stale: {REFRESH}"


def test_every_make_target_the_docs_name_exists():
    targets = makefile_targets()
    for doc in DOCS:
        missing = missing_make_targets(doc.read_text(encoding="utf-8"), targets)
        assert missing == [], f"{doc.name} names make targets the Makefile lacks: {missing}"


def test_every_path_the_docs_name_exists():
    for doc in DOCS:
        missing = missing_paths(doc.read_text(encoding="utf-8"))
        assert missing == [], f"{doc.name} names paths that do not exist: {missing}"


def test_the_checks_catch_what_they_are_for():
    text = (
        "Run `make demo` and `make nosuch`, edit `assets/pipeline.py` and `assets/nosuch.py`, read\n"
        "`sql/examples/*.sql` and `sql/nowhere/*.sql`, see `data/demo/warehouse.duckdb` and `DOSSIER_DB=x/y`.\n"
        "```bash\nmake lint\nmake also-missing\n```\n"
    )
    assert missing_make_targets(text, makefile_targets()) == ["also-missing", "nosuch"]
    assert missing_paths(text) == ["assets/nosuch.py", "sql/nowhere/*.sql"]
    head, _, tail = split(f"intro\n{START}\nold\n{END}\nafter\n")
    assert head + tables_section() + tail != f"intro\n{START}\nold\n{END}\nafter\n"
    assert "### raw.documents (table)" in tables_section()


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    head, section, tail = split(text)
    fresh = tables_section()
    if "--write" not in argv:
        print("up to date" if section == fresh else f"stale: {REFRESH}")
        return 0 if section == fresh else 1
    if section != fresh:
        README.write_text(head + fresh + tail, encoding="utf-8")
        print("README.md: tables section rewritten")
    else:
        print("README.md: tables section already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
