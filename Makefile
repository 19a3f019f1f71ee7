# Two commands do all the set-up: `make run` (the app on SQLite with demo data) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# Two install stamps, each named by the hash of what it installed: running the app needs only
# requirements.txt (`make run`); the test and lint tools of requirements-dev.txt come on top of
# it for every other target. A changed file re-installs at the next make.
RUN_STAMP := $(VENV)/.installed-run-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.installed-dev-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
# `make run PORT=8001 HOST=0.0.0.0` serves elsewhere (0.0.0.0: reachable from other machines).
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint stress faults properties bench clean messages screenshots client

$(RUN_STAMP): requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing what the app needs to run into $(VENV) (once) …"
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-run-* $(VENV)/.installed-[0-9]*
	@touch $@

$(DEV_STAMP): $(RUN_STAMP) requirements-dev.txt
	@echo "Installing the test and lint tools into $(VENV) (once) …"
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-dev-*
	@touch $@

# The demo: migrate, seed the demo company (idempotent), serve. tests/browser/
# test_demo__first_run.py replays these steps, so keep each one a manage.py command.
run: $(RUN_STAMP)
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py seed_demo
	$(PY) manage.py serve_demo --host $(HOST) --port $(PORT)

# One pytest worker per core (pytest-xdist), each with its own test database; TEST_WORKERS=0
# runs everything in one process.
TEST_WORKERS ?= auto
test: $(DEV_STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: $(DEV_STAMP)
	$(PY) -m ruff check .

bench: $(DEV_STAMP)
	$(PY) benchmarks/run_all.py

stress: $(DEV_STAMP)
	$(PY) -m pytest -m slow -p no:cacheprovider

# The property machines at depth (2,000 examples each, an hour or more); `make test` runs them
# at 100 (tests/properties/conftest.py).
properties: $(DEV_STAMP)
	HYPOTHESIS_PROFILE=nightly $(PY) -m pytest -p no:randomly -p no:cacheprovider tests/properties

# The fault tests alone (private Redis, Celery worker and PostgreSQL cluster, started and broken
# by the tests; they also run in `make test`); `make stress` has their long versions.
faults: $(DEV_STAMP)
	$(PY) -m pytest -p no:randomly -m "faults and not slow" tests/faults

messages: $(DEV_STAMP)
	$(PY) manage.py makemessages -l zh_Hans --ignore ".venv/*" --ignore "tests/*" --ignore "benchmarks/*" --ignore "test-artifacts/*" --ignore "staticfiles/*"
	$(PY) manage.py compilemessages -l zh_Hans --ignore ".venv/*"

# The README's screenshots (docs/img/), from a demo already running (`make run`) at URL.
URL ?= http://$(HOST):$(PORT)
screenshots: $(DEV_STAMP)
	$(PY) docs/screenshots.py --url $(URL)

# The OpenAPI document and the clients generated from it (clients/README.md); CI fails when the
# committed ones are stale (tests/clients/test_clients__fresh.py).
client: $(DEV_STAMP)
	$(PY) manage.py spectacular --lang en --validate --fail-on-warn --format openapi-json \
		--file clients/openapi.json
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/openapi-python-client generate \
		--path clients/openapi.json --output-path clients/python/countersign-client \
		--config clients/python/config.yml --overwrite
	cd clients/typescript && npm ci --no-audit --no-fund && npm run --silent generate

clean:
	rm -rf $(VENV) db.sqlite3 test-artifacts staticfiles var
