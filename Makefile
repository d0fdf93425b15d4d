# Two commands for a fresh machine with Python 3.11+ (see README): `make serve` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check build benchmark system-deps

serve: $(VENV)/installed
	$(BIN)/mkdocs serve

# The full site as published: with PDF handouts, printed by the system Chromium. SITE_URL is the published
# address (SITE_URL=https://guide.example.org/ make build); the build refuses a local one.
# System packages first (Chromium, fonts, npm): $(VENV)/installed runs npm.
build: system-deps $(VENV)/installed
	GUIDE_PUBLISH=true GUIDE_HANDOUTS=true $(BIN)/mkdocs build --strict

# Measured on a build for an address that never resolves (.invalid): the figures do not depend on it.
benchmark: system-deps $(VENV)/installed
	SITE_URL=https://guide.invalid/ GUIDE_PUBLISH=true GUIDE_HANDOUTS=true $(BIN)/mkdocs build --strict
	$(BIN)/python scripts/benchmark.py

test: system-deps $(VENV)/installed
	npm ci --ignore-scripts --no-audit --no-fund  # again: package-lock.json may have changed since
	$(BIN)/python -m pytest -n auto --maxprocesses 4  # in parallel: tests/conftest.py

# The translator's check, in about a minute: the strict build (no handouts or zips) and every test that
# needs no browser, with the same messages as `make test`. Needs no apt-get; CI runs it first.
check: $(VENV)/installed
	$(BIN)/python -m pytest -n auto --maxprocesses 4 -m "not browser and not handouts and not rebuilds"

# The pinned dependencies (the build's and the tests'), then the guide package in place: the guide plugin
# and the `guide` command (pyproject.toml). npm installs what package-lock.json pins: the cards' pictograms
# (@iconify-json/healthicons), which every build reads, and the Nu HTML Checker (vnu-jar) for the tests.
$(VENV)/installed: requirements.txt requirements-dev.txt pyproject.toml package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js (npm installs the cards' pictograms)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps --editable .
	touch $@

system-deps:
	bash scripts/install-system-deps.sh
