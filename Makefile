# Quick start: `make settle` then `make test`. Needs only python3 and make.
# `make install` installs the exact, hashed versions in requirements.lock;
# `make lock` regenerates it from pyproject.toml's ranges; `make test-latest`
# runs the suite against the newest versions those ranges allow.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
# The example `convenant settle` used to settle with no argument (bundled.DEFAULT_EXAMPLE).
EXAMPLE := examples/07-everything-together

# The gettext catalogs (docs/translating.md): the build compiles each .po to a .mo (hatch_build.py).
LOCALE := src/convenant_calc/locale
PO     := $(wildcard $(LOCALE)/*/LC_MESSAGES/convenant.po)

LATEST_VENV := .venv-latest
LATEST_BIN  := $(LATEST_VENV)/bin

.PHONY: install settle test clean lock test-latest messages

$(STAMP): $(LOCK) pyproject.toml hatch_build.py $(PO)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

settle: $(STAMP)
	$(BIN)/convenant settle $(EXAMPLE)

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/convenant check examples/
	$(BIN)/convenant generation examples/generation --format json --expect examples/generation/expected-totals.yaml > /dev/null

# The hand-derived casebook: every examples/*/expected.yaml must hold (also run by `make test`).
.PHONY: check
check: $(STAMP)
	$(BIN)/convenant check examples/
	$(BIN)/convenant generation examples/generation --format json --expect examples/generation/expected-totals.yaml > /dev/null

# Rewrite the made-up sample generation (issue 15) with the generator; review with git diff.
.PHONY: sample-generation
sample-generation: $(STAMP)
	$(BIN)/python benchmarks/generate_cases.py examples/generation --sample --seed 6

# Regenerate the hashed lock (runtime + test extra) for Linux x86_64, Python 3.11.
# Keeps the locked versions pyproject.toml still allows; `make lock LOCKFLAGS=--upgrade`
# moves every package to its newest allowed version.
LOCKFLAGS ?=
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes \
		--python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
		--quiet $(LOCKFLAGS) -o $(LOCK)

# The suite against the newest versions pyproject.toml allows, in its own venv;
# not part of `make test`: it shows drift before it breaks anyone.
test-latest:
	test -x $(LATEST_BIN)/python || $(PYTHON) -m venv $(LATEST_VENV)
	$(LATEST_BIN)/python -m pip install --quiet --upgrade pip
	$(LATEST_BIN)/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test]'
	$(LATEST_BIN)/python -m pip list --format=freeze
	$(LATEST_BIN)/python -m pytest -p no:cacheprovider
	$(LATEST_BIN)/convenant check examples/

# The messages of the code into every catalog (docs/translating.md): new ones come with an
# empty msgstr, changed ones fuzzy, until a translator fills them in; `make test` fails till then.
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-location --project convenant --version 0.1.0 \
		-o $(LOCALE)/convenant.pot .
	$(BIN)/pybabel update -i $(LOCALE)/convenant.pot -d $(LOCALE) -D convenant --ignore-pot-creation-date \
		--ignore-obsolete

clean:
	rm -rf $(VENV) $(LATEST_VENV) build dist .pytest_cache .hypothesis

# The rulebook (docs/rules.md, docs/regels.md) from the rule registry (a test checks they are current), and the
# pictures of the report and the workbook in docs/ (needs chromium, pdftoppm and soffice).
.PHONY: docs
docs: $(STAMP)
	$(BIN)/python -m convenant_calc.render.rulebook .
	@# docs/report-page.png: page 1 of example 07's printed report
	$(BIN)/convenant settle examples/07-everything-together --output /tmp/convenant-report-page.pdf
	pdftoppm -png -r 70 -f 1 -l 1 -singlefile /tmp/convenant-report-page.pdf docs/report-page
	@# docs/claim.png, docs/repayment.png: page 1 of the printed claims (S21) of examples 17 and 18, in Dutch
	$(BIN)/convenant claim examples/17-cost-statement --output /tmp/convenant-claim.pdf
	pdftoppm -png -r 70 -f 1 -l 1 -singlefile /tmp/convenant-claim.pdf docs/claim
	$(BIN)/convenant claim examples/18-costs-below-advances --output /tmp/convenant-repayment.pdf
	pdftoppm -png -r 70 -f 1 -l 1 -singlefile /tmp/convenant-repayment.pdf docs/repayment
	@# docs/workbook-page.png: the Settlement sheet of example 07's workbook as LibreOffice prints it (needs soffice)
	rm -rf /tmp/convenant-workbook && mkdir -p /tmp/convenant-workbook
	$(BIN)/convenant settle examples/07-everything-together --output /tmp/convenant-workbook/workbook.xlsx
	soffice --headless --convert-to pdf --outdir /tmp/convenant-workbook /tmp/convenant-workbook/workbook.xlsx >/dev/null
	pdftoppm -png -r 70 -f 1 -l 1 -singlefile /tmp/convenant-workbook/workbook.pdf docs/workbook-page
	@# docs/report-390.png, docs/report-1280.png, docs/timeline.png: example 07's HTML report in headless Chromium
	$(BIN)/python -m tests.browser docs

# Start-up, batch and scaling figures (issue 6); not part of `make test`.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
