# Two commands on a fresh machine with Python 3.11+:
#   make serve   build the course and serve it at http://127.0.0.1:8000 (live reload)
#   make test    run every test (installs test dependencies, and Chromium where it can)
# Everything installs into .venv; nothing outside the repository is touched except Chromium.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check bench screenshots clean

$(BIN)/mkdocs: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.test-deps: $(BIN)/mkdocs pyproject.toml
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

check: $(BIN)/mkdocs
	$(BIN)/course check

test: $(VENV)/.test-deps
	@bash tests/ensure_chromium.sh
	$(BIN)/python -m pytest

bench: $(BIN)/mkdocs
	@bash tests/ensure_chromium.sh
	$(BIN)/python -m tests.bench $(BENCH)

screenshots: $(VENV)/.test-deps
	$(BIN)/python -m pytest tests -k screenshot

clean:
	rm -rf site $(VENV)
