# Two commands for a fresh machine with Python 3.11+ (see README): `make serve` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build benchmark

serve: $(VENV)/installed
	$(BIN)/mkdocs serve

build: $(VENV)/installed
	$(BIN)/mkdocs build --strict

test: $(VENV)/installed
	bash scripts/install-system-deps.sh
	$(BIN)/python -m pytest

$(VENV)/installed: requirements.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@
