# Two commands do all set-up on a fresh machine with Python 3.11+:
#   make run    start the app on the bundled sample article
#   make test   run ruff, then every test (offscreen; no display needed)
#   make test-fast   core, store, formats and review only: no widgets, no slow tests

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
RUN_DB ?= .run/sample.db
SAMPLE := annotator/resources/sample/sample_article.txt
# Label Studio pins its own Django stack: it gets a venv of its own, from which the tests
# start a server to import our exports into (tests/formats/test_labelstudio_server.py).
LS_VERSION := 1.23.2
LS_VENV    := .venv-labelstudio
LS_STAMP   := $(LS_VENV)/.installed-$(LS_VERSION)

.PHONY: run test test-fast lint labelstudio postgresql bench screenshots package package-test clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Annotator needs Python 3.11 or newer; set PYTHON=python3.12 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the declared dependencies change; a second run reuses the venv.
# `make run` installs what running needs; `make test` adds the test tools.
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e .
	@touch $(RUN_STAMP)

# The reference for alpha_u pins numpy<2 and pytest<8 (for its own tests) though its
# code needs only numpy: installed without its pins, it leaves the test tools as they are.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e ".[test]"
	$(BIN)/python -m pip install --quiet --no-deps "krippendorff-unitized-alpha==0.1.0"
	@touch $(STAMP) $(RUN_STAMP)

$(LS_STAMP): | $(BIN)/python
	$(BIN)/python -m venv $(LS_VENV)
	$(LS_VENV)/bin/python -m pip install --quiet "label-studio==$(LS_VERSION)"
	@touch $(LS_STAMP)

labelstudio: $(LS_STAMP)

# The server tests start a throw-away PostgreSQL from Debian's package (tests/server_fixture.py).
# As root (CI) it is installed when missing; otherwise, without it, those tests are skipped with a
# line saying so. ANNOTATOR_TEST_PG_BIN names another folder holding initdb and pg_ctl.
postgresql:
	@if [ -z "$$ANNOTATOR_TEST_PG_BIN" ] && ! command -v initdb >/dev/null 2>&1 \
		&& ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
		&& [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "initdb not found: installing Debian's postgresql for the server tests (apt-get)"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >/dev/null \
			|| { echo "apt-get install postgresql failed (see above); the server tests need it"; exit 1; }; \
	fi

run: $(RUN_STAMP)
	@mkdir -p $(dir $(RUN_DB))
	$(BIN)/annotator gui --db $(RUN_DB) $(SAMPLE)

lint: $(STAMP)
	$(BIN)/ruff check .

test: lint $(LS_STAMP) postgresql
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not gui and not slow" tests/core tests/store tests/formats tests/review

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.screenshots resources/screenshots

package: $(STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10"
	$(BIN)/pyinstaller packaging/annotator.spec --noconfirm --distpath dist --workpath build/pyinstaller

package-test: package
	packaging/smoke_test.sh
	appstreamcli validate --no-net packaging/linux/org.annotator.Annotator.metainfo.xml || \
		{ command -v appstreamcli >/dev/null || echo "appstreamcli not installed (Debian: apt-get install appstream)"; exit 1; }

clean:
	rm -rf $(VENV) $(LS_VENV) .run .pytest_cache build dist
