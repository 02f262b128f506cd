# Spinewise developer commands. Every target sets up what it needs first.
VENV        := .venv
BIN         := $(VENV)/bin
UV_VERSION  := 0.13.9
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_LINK_MODE := copy

.PHONY: setup run test lint typecheck unit browser browser-deps fuzz loaded bench validate mutation mutation-ast clean

## setup: create .venv with the locked dependencies (quick when nothing changed)
# Bytecode is compiled up front, as an installed package's is: start-up (the CLI, every
# test process, every server worker) never pays for compiling, even where
# PYTHONDONTWRITEBYTECODE keeps Python from writing it on its own.
setup: $(VENV)/.synced
	@$(BIN)/python -m compileall -q -j 0 src bench tests conftest.py >/dev/null

$(BIN)/uv:
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(BIN)/uv pyproject.toml uv.lock
	$(BIN)/uv sync --frozen --quiet --compile-bytecode
	@touch $@

## run: serve the web app on http://127.0.0.1:8000 with SQLite
run: setup
	$(BIN)/spinewise serve

## test: lint, type checks and every test (browser tests included)
test: setup browser-deps lint typecheck unit browser

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy src/spinewise/core
	$(BIN)/mypy src/spinewise bench

unit: setup
	$(BIN)/pytest -n 2 --dist loadfile -m "not browser"

# Browser tests run in their own process: Playwright's sync API leaves an event loop on
# the thread, which Django's ORM would refuse in tests that ran after it.
browser: setup browser-deps
	$(BIN)/pytest -m browser tests/browser

## fuzz: schemathesis with every check against a running server (CI runs it)
fuzz: setup
	bash scripts/schemathesis.sh

## loaded: the durability and browser tests again, beside stress-ng on every CPU (CI runs it)
loaded: setup browser-deps
	bash scripts/loaded-tests.sh

## browser-deps: Debian's Chromium for the Playwright tests (installed when missing and allowed)
browser-deps:
	@bash scripts/ensure-chromium.sh

## validate: the triage's safety figures on every clinical vignette (writes the report)
validate: setup
	$(BIN)/spinewise validate --cases tests/vignettes --write docs/clinical-safety/validation.md

## bench: run the benchmarks and write docs/performance.md
bench: setup
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; } || echo "bench: wrk not installed; using the built-in load generator"
	$(BIN)/python -m bench

## mutation: mutmut over the triage path; prints the score and every survivor, writes
## docs/clinical-safety/mutation.md (about 15 minutes on 2 cores)
mutation: setup
	$(BIN)/python scripts/mutation.py

## mutation-ast: the independent run, other operators (scripts/mutate_ast.py)
mutation-ast: setup
	$(BIN)/python scripts/mutate_ast.py

clean:
	rm -rf $(VENV) mutants mutants.log .mypy_cache .ruff_cache .pytest_cache .hypothesis
