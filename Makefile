# Dossier: `make demo` and `make test` each do their own setup on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(PYTHON) -m uv
export DAGSTER_HOME := $(CURDIR)/dagster_home
DEMO_INBOX := data/demo/inbox
DEMO_DB := data/demo/warehouse.duckdb
UI_PORT ?= 3000

.PHONY: setup demo lake-demo test test-fast lint format ui validate readme bench-cleaning bench-claims clean

.venv/.synced: pyproject.toml uv.lock
	$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode
	touch $@

setup: .venv/.synced

demo: setup
	rm -rf data/demo && mkdir -p $(DEMO_INBOX)
	cp -r data/sample/. $(DEMO_INBOX)/
	$(UV) run --frozen dossier run --inbox $(DEMO_INBOX) --db $(DEMO_DB)
	$(UV) run --frozen dossier summary --db $(DEMO_DB)

# The same sample into a DuckLake (catalog in a throwaway PostgreSQL, Parquet files on disk) with two workers
# publishing days in parallel; needs Debian's postgresql package (apt-get install postgresql).
LAKE_DEMO := data/lake-demo
lake-demo: setup
	rm -rf $(LAKE_DEMO) && mkdir -p $(LAKE_DEMO)/inbox
	cp -r data/sample/. $(LAKE_DEMO)/inbox/
	lake="$$($(UV) run --frozen python -m workflow.localpg start $(LAKE_DEMO)/postgres)" && \
	trap '$(UV) run --frozen python -m workflow.localpg stop $(LAKE_DEMO)/postgres' EXIT && \
	$(UV) run --frozen dossier run --inbox $(LAKE_DEMO)/inbox --db "$$lake" --data-path $(LAKE_DEMO)/files --workers 2 && \
	$(UV) run --frozen dossier sql "SELECT snapshot_id, snapshot_time, changes FROM ducklake_snapshots('lake') ORDER BY 1 DESC LIMIT 5" --db "$$lake" --data-path $(LAKE_DEMO)/files && \
	$(UV) run --frozen dossier summary --db "$$lake" --data-path $(LAKE_DEMO)/files

test: setup
	$(UV) run --frozen pytest -q

test-fast: setup
	$(UV) run --frozen pytest -q -m "not slow and not browser"

lint: setup
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

format: setup
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

validate: setup
	$(UV) run --frozen dg check defs

# The UI on the demo's inbox and warehouse (and the demo's run history, in DAGSTER_HOME): after `make demo` it shows
# what the demo materialised. Point it elsewhere with DOSSIER_INBOX=... DOSSIER_DB=... make ui.
ui: setup
	DOSSIER_INBOX="$${DOSSIER_INBOX:-$(DEMO_INBOX)}" DOSSIER_DB="$${DOSSIER_DB:-$(DEMO_DB)}" \
	  $(UV) run --frozen dagster dev -w workspace.yaml -h 127.0.0.1 -p $(UI_PORT)

# README.md's tables section, regenerated from the contract (sql/schema, sql/marts); tests/test_readme.py checks it.
readme: setup
	$(UV) run --frozen python tests/test_readme.py --write

bench-cleaning: setup
	$(UV) run --frozen python bench/cleaning.py $(or $(BENCH),../shared/bench/scrapinghub-dev)
	$(UV) run --frozen python bench/cleaning.py $(or $(BENCH),../shared/bench/scrapinghub-dev) --html

bench-claims: setup
	for corpus in claims claims_heldout claims_heldout2 claims_heldout3 claims_heldout4; do $(UV) run --frozen python bench/claims.py tests/fixtures/$$corpus; done

clean:
	rm -rf data/demo data/lake-demo .venv dagster_home/history dagster_home/storage dagster_home/logs dagster_home/schedules
