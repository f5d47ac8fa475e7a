# newsgraph: `make run` builds a graph from the sample corpus and writes its report;
# `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint setup clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[model,postgres,dev]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	rm -f out/examples.db
	mkdir -p out
	$(BIN)/newsgraph build examples --db out/examples.db
	$(BIN)/newsgraph export --db out/examples.db --format jsonl -o out/examples.jsonl
	$(BIN)/newsgraph report --db out/examples.db -o out/report
	@echo "Report: $$(pwd)/out/report/report.html (and report.md)"

test: $(STAMP)
	$(BIN)/ruff check newsgraph tests bench
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check newsgraph tests bench

clean:
	rm -rf out .pytest_cache
