# Quick start: `make settle` then `make test`. Needs only python3 and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install settle test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

settle: $(STAMP)
	$(BIN)/convenant settle

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/convenant check examples/

# The hand-derived casebook: every examples/*/expected.yaml must hold (also run by `make test`).
.PHONY: check
check: $(STAMP)
	$(BIN)/convenant check examples/

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis

# Start-up, batch and scaling figures (issue 6); not part of `make test`.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
