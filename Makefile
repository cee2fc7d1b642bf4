# Two commands on a fresh machine with Python 3.11+:
#   make serve   build the course and serve it at http://127.0.0.1:8000 (live reload)
#   make test    run every test (installs test dependencies, and Chromium where it can)
# ENGINE=zensical builds or serves with Zensical instead of MkDocs (make build ENGINE=zensical).
# Everything installs into .venv; nothing outside the repository is touched except Chromium.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build generate test check bench screenshots js clean

$(BIN)/mkdocs: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	@touch $@

$(BIN)/zensical: $(BIN)/mkdocs
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[zensical]'
	@touch $@

$(VENV)/.test-deps: $(BIN)/mkdocs pyproject.toml
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,zensical]'
	@touch $@

# Zensical runs no MkDocs hook: `course generate --strict` writes the generated pages and fails on course
# warnings first (MkDocs runs the same step from hooks/course_hook.py).
serve: $(BIN)/$(ENGINE)
ifeq ($(ENGINE),zensical)
	$(BIN)/course generate --strict
	$(BIN)/zensical serve --dev-addr 127.0.0.1:8000
else
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000
endif

build: $(BIN)/$(ENGINE)
ifeq ($(ENGINE),zensical)
	$(BIN)/course generate --strict
	$(BIN)/zensical build --strict --clean
else
	$(BIN)/mkdocs build --strict
endif

generate: $(BIN)/mkdocs
	$(BIN)/course generate

check: $(BIN)/mkdocs
	$(BIN)/course check
	$(BIN)/course lint

test: $(VENV)/.test-deps
	@bash tests/ensure_chromium.sh
	$(BIN)/python -m pytest

bench: $(VENV)/.test-deps
	@bash tests/ensure_chromium.sh
	$(BIN)/python -m tests.bench $(BENCH)

screenshots: $(VENV)/.test-deps
	$(BIN)/python -m pytest tests -k screenshot

# The shipped scripts (course.js, docs/assets/quiz.js, case.js, records.js) are assembled from
# hooks/course/assets/js/*.js by hooks/course/bundle.py; run after editing those files.
js:
	$(PYTHON) hooks/course/bundle.py

clean:
	rm -rf site $(VENV)
