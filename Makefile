# Open Inburgering — the two commands are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python src/manage.py
PORT ?= 8000
SIMULATOR_PORT ?= 8001

.PHONY: bench-signalen bench-duo bench-duo-achterstand help venv demo demo-scenario test lint format check-migrations openapi openapi-check env-docs requirements ci-checks e2e regels-docs messages rollen-docs vendor

help:
	@echo "make demo   - installeer, migreer, laad demodata en start het systeem"
	@echo "make test   - installeer en draai alle tests"

$(BIN)/activate:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] >= (3, 13), "Python 3.13 is nodig (zie .python-version)"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate requirements/test.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

venv: $(VENV)/.installed

demo: venv
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) demo_data
	$(MANAGE) demo_run --port $(PORT) --simulator-port $(SIMULATOR_PORT)

# With `make demo` running: DUO announces a few fictional newcomers to Demodam (SS101, SS139, …).
demo-scenario: venv
	$(BIN)/python -m openinburgering.duo_simulator scenario --gemeente-oin 00000001234567890001 \
		--gemeentecode 9001 --gemeente-url http://127.0.0.1:$(PORT) \
		--simulator-url http://127.0.0.1:$(SIMULATOR_PORT)

test: venv
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: venv
	$(MANAGE) makemigrations --check --dry-run

openapi: venv
	$(MANAGE) spectacular --file src/openinburgering/api/openapi.yaml --validate --fail-on-warn

openapi-check: venv
	$(MANAGE) spectacular --file /tmp/openapi-current.yaml --validate --fail-on-warn
	diff -u src/openinburgering/api/openapi.yaml /tmp/openapi-current.yaml || (echo "openapi.yaml is verouderd: draai 'make openapi'"; exit 1)

env-docs: venv
	$(MANAGE) env_docs > docs/env.md

regels-docs: venv
	$(BIN)/python -m openinburgering.regels.catalogus > docs/regels.md

# Update the English catalogue and compile it; the compiled .mo is committed so that a fresh
# machine needs no gettext tools.
messages: venv
	cd src/openinburgering && ../../$(BIN)/django-admin makemessages -l en --ignore='*/tests/*' --ignore='duo_simulator/*' --no-obsolete
	cd src/openinburgering && ../../$(BIN)/django-admin compilemessages -l en

requirements:
	cd requirements && $(PYTHON) -m uv pip compile --python-version 3.13 base.in -o base.txt
	cd requirements && $(PYTHON) -m uv pip compile --python-version 3.13 test.in -o test.txt

# Refresh the vendored NL Design System CSS and htmx from the npm registry (versions in package.json).
vendor:
	rm -rf /tmp/oi-vendor && mkdir -p /tmp/oi-vendor && cd /tmp/oi-vendor && npm pack @utrecht/component-library-css@9.0.4 @nl-design-system-unstable/voorbeeld-design-tokens@7.4.1 htmx.org@2.0.11 && for f in *.tgz; do mkdir -p $${f%.tgz} && tar xzf $$f -C $${f%.tgz}; done
	cp /tmp/oi-vendor/utrecht-*/package/dist/index.css src/openinburgering/ui/static/nlds/utrecht-component-library.css
	cp /tmp/oi-vendor/nl-design-*/package/dist/theme.css src/openinburgering/ui/static/nlds/voorbeeld-theme.css
	cp /tmp/oi-vendor/htmx.org-*/package/dist/htmx.min.js src/openinburgering/ui/static/ui/htmx.min.js

rollen-docs: venv
	$(MANAGE) rollen_docs > docs/rollen.md

# Deadline engine and worklist benchmark (not in `make test`); prints ratios to bare baselines.
# On PostgreSQL: DATABASE_URL=postgres://... make bench-signalen BENCH_ARGS="--dossiers 1000000 --tenant 60000"
bench-signalen: venv
	$(BIN)/python benchmarks/signalen_bench.py $(BENCH_ARGS)

# DUO notifications accepted+persisted per second (gunicorn + PostgreSQL) next to a bare
# Django view; not part of `make test`. Uses DATABASE_URL or starts a throwaway cluster.
bench-duo: venv
	$(BIN)/python benchmarks/duo_notificaties.py $(BENCH_ARGS)

# Time to process a backlog of DUO notifications (default 100,000) against the simulator, with
# the inbox workers, next to the bare inbox in the same run; not part of `make test`.
bench-duo-achterstand: venv
	$(BIN)/python benchmarks/duo_achterstand.py $(BENCH_ARGS)
