# Two commands do all the set-up: `make run` (the app on SQLite with demo data) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint stress faults bench clean messages client

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

run: $(STAMP)
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py seed_demo
	$(PY) manage.py serve_demo --host $(HOST) --port $(PORT)

# One pytest worker per core (pytest-xdist), each with its own test database; TEST_WORKERS=0
# runs everything in one process.
TEST_WORKERS ?= auto
test: $(STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: $(STAMP)
	$(PY) -m ruff check .

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

stress: $(STAMP)
	$(PY) -m pytest -m slow -p no:cacheprovider

# The fault tests alone (private Redis, Celery worker and PostgreSQL cluster, started and broken
# by the tests; they also run in `make test`); `make stress` has their long versions.
faults: $(STAMP)
	$(PY) -m pytest -p no:randomly -m "faults and not slow" tests/faults

messages: $(STAMP)
	$(PY) manage.py makemessages -l zh_Hans --ignore ".venv/*" --ignore "tests/*" --ignore "benchmarks/*" --ignore "test-artifacts/*" --ignore "staticfiles/*"
	$(PY) manage.py compilemessages -l zh_Hans --ignore ".venv/*"

# The OpenAPI document and the clients generated from it (clients/README.md); CI fails when the
# committed ones are stale (tests/clients/test_clients__fresh.py).
client: $(STAMP)
	$(PY) manage.py spectacular --lang en --validate --fail-on-warn --format openapi-json \
		--file clients/openapi.json
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/openapi-python-client generate \
		--path clients/openapi.json --output-path clients/python/countersign-client \
		--config clients/python/config.yml --overwrite
	cd clients/typescript && npm ci --no-audit --no-fund && npm run --silent generate

clean:
	rm -rf $(VENV) db.sqlite3 test-artifacts staticfiles
