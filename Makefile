# Open Inburgering — the two commands are `make demo` and `make test`; `make help` lists the rest.
# A line "## text" after a target and a "#> NAME text" line above a variable are `make help`'s text.
SHELL := /bin/bash

#> PYTHON           Python 3.13 waarmee .venv wordt gemaakt (standaard python3.13 of python3).
PYTHON ?= $(shell command -v python3.13 || command -v python3)
#> PORT             Poort van de webapplicatie bij make demo en demo-scenario (standaard 8000).
PORT ?= 8000
#> SIMULATOR_PORT   Poort van de DUO-simulator bij make demo en demo-scenario (standaard 8001).
SIMULATOR_PORT ?= 8001
#> BRP_PORT         Poort van de BRP-stand-in bij make demo en demo-scenario (standaard 8002).
BRP_PORT ?= 8002
#> DIGID_PORT       Poort van de DigiD-stand-in (het portaal voor de inburgeraar) bij make demo (standaard 8003).
DIGID_PORT ?= 8003
#> PYTEST_ARGS      Extra argumenten voor pytest bij make test, bv. PYTEST_ARGS="-k pip -x".
PYTEST_ARGS ?=
#> BENCH_ARGS       Extra argumenten voor de benchmarks (make bench-*), bv. BENCH_ARGS="--help".
BENCH_ARGS ?=
#> DATABASE_URL     Database (omgeving); leeg = SQLite in var/openinburgering.sqlite3. Zie docs/env.md.
#> DUO_SPECS_DIR    Andere map met DUO's OpenAPI-bestanden (omgeving); leeg = de kopie in het project.
#> DUO_SIMULATOR_DB SQLite-bestand van de DUO-simulator (omgeving); leeg = var/duo_simulator.sqlite3.

VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python src/manage.py
DEMO_DB := var/openinburgering.sqlite3
SIMULATOR_DB := $(or $(DUO_SIMULATOR_DB),var/duo_simulator.sqlite3)
PIP := $(BIN)/python -m pip --disable-pip-version-check

PORTAALTALEN := ar fa so ti tr uk

.PHONY: portaal-messages portaal-lettertypen bench-signalen bench-lijsten bench-dashboards bench-duo bench-duo-achterstand help venv demo demo-scenario demo-reset test lint lint-architectuur typecheck format check-migrations openapi openapi-check env-docs requirements regels-docs messages rollen-docs vendor

help: ## Deze hulp: alle make-doelen en variabelen.
	@echo "Open Inburgering: make-doelen"
	@awk -F':.*## ' '/^[a-z][a-z-]*:.*## / {printf "  make %-22s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo
	@echo "Variabelen (zet ze op de opdrachtregel, bv. make demo PORT=8080, of in de omgeving):"
	@sed -n 's/^#> /  /p' $(MAKEFILE_LIST)

$(BIN)/activate:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] >= (3, 13), "Python 3.13 is nodig (zie .python-version)"'
	@echo "Virtuele omgeving maken in $(VENV) met $(PYTHON)"
	@$(PYTHON) -m venv $(VENV)

# The packages install with one numbered line each (the first time takes a few minutes); pip's
# full output goes to .venv/pip.log, and its tail is shown if the install fails.
$(VENV)/.installed: $(BIN)/activate requirements/test.txt pyproject.toml
	@echo "Python-pakketten installeren in $(VENV) (volledig verslag: $(VENV)/pip.log)"
	@$(PIP) install --quiet --upgrade pip > $(VENV)/pip.log 2>&1 \
	|| { echo "FOUT: pip bijwerken mislukt:"; tail -n 25 $(VENV)/pip.log; exit 1; }
	@set -o pipefail; totaal=$$(grep -c '^[A-Za-z0-9].*==' requirements/test.txt); \
	$(PIP) install --progress-bar off -r requirements/test.txt 2>&1 | tee -a $(VENV)/pip.log | \
	awk -v totaal=$$totaal ' \
	  /^Collecting / {n++; printf "  [%3d/%d] %s\n", n, totaal, $$2; fflush()} \
	  /^Processing .*\.whl \(from -r/ {n++; f = $$2; sub(/.*\//, "", f); split(f, d, "-"); \
	    printf "  [%3d/%d] %s==%s\n", n, totaal, d[1], d[2]; fflush()} \
	  /^Requirement already satisfied: .*==/ {n++; printf "  [%3d/%d] %s (al aanwezig)\n", n, totaal, $$4; fflush()} \
	  /^Installing collected packages/ {print "  uitpakken en installeren (duurt even) ..."; fflush()} \
	  /^Successfully installed/ {print "  klaar"}' \
	|| { echo "FOUT: installeren mislukt; laatste regels van $(VENV)/pip.log:"; tail -n 25 $(VENV)/pip.log; exit 1; }
	@$(PIP) install --quiet --no-deps -e . >> $(VENV)/pip.log 2>&1 \
	|| { echo "FOUT: installeren van het project mislukt:"; tail -n 25 $(VENV)/pip.log; exit 1; }
	@touch $@

venv: $(VENV)/.installed ## Maak .venv en installeer de pakketten (alleen als dat nodig is).
	@:

# var/demo.pid holds the PID of the make that runs the demo, from the first step on, so that
# demo-reset also sees a demo that is still migrating or loading (its ports are not open yet).
demo: ## Installeer, migreer, laad demodata en start applicatie, taakverwerker, DUO-simulator en BRP-stand-in.
	@mkdir -p var && echo $$PPID > var/demo.pid
	@echo "==> 1/4 Installeren (de eerste keer enkele minuten)"
	@$(MAKE) --no-print-directory venv
	@echo "==> 2/4 Database migreren ($(if $(DATABASE_URL),DATABASE_URL,$(DEMO_DB)))"
	@$(MANAGE) migrate --no-input -v 0
	@echo "==> 3/4 Demodata laden (gemeenten, gebruikers, verzonnen inburgeraars)"
	@$(MANAGE) demo_data
	@echo "==> 4/4 Starten: applicatie op poort $(PORT), DUO-simulator op poort $(SIMULATOR_PORT), BRP-stand-in op poort $(BRP_PORT)"
	@trap 'rm -f var/demo.pid' EXIT; $(MANAGE) demo_run --port $(PORT) --simulator-port $(SIMULATOR_PORT) --brp-port $(BRP_PORT) --digid-port $(DIGID_PORT)

# With `make demo` running: DUO announces a few fictional newcomers to Demodam (SS101, SS139, …).
demo-scenario: venv ## Laat DUO (de simulator) nieuwe inburgeraars melden; terwijl make demo draait.
	$(BIN)/python -m openinburgering.duo_simulator scenario --gemeente-oin 00000001234567890001 \
		--gemeentecode 9001 --gemeentenaam Demodam --gemeente-url http://127.0.0.1:$(PORT) \
		--simulator-url http://127.0.0.1:$(SIMULATOR_PORT) --brp-url http://127.0.0.1:$(BRP_PORT)

# Only the SQLite demo is removed: a DATABASE_URL may be someone's real database.
demo-reset: ## Wis de demodatabase en de toestand van de DUO-simulator, en start de demo opnieuw.
	@if [ -n "$(DATABASE_URL)" ]; then \
	  echo "FOUT: DATABASE_URL is gezet; make demo-reset wist alleen de SQLite-demo ($(DEMO_DB))."; \
	  exit 1; fi
	@pid=$$(cat var/demo.pid 2>/dev/null); \
	if [ -n "$$pid" ] && grep -qa make /proc/$$pid/cmdline 2>/dev/null; then \
	  echo "FOUT: de demo draait nog (make, proces $$pid); stop die eerst (Ctrl-C)."; exit 1; fi
	@for poort in $(PORT) $(SIMULATOR_PORT) $(BRP_PORT) $(DIGID_PORT); do \
	  if (exec 3<>/dev/tcp/127.0.0.1/$$poort) 2>/dev/null; then \
	    echo "FOUT: poort $$poort is in gebruik; stop eerst de draaiende demo (Ctrl-C)."; exit 1; fi; \
	done
	@echo "==> Demo wissen: $(DEMO_DB), $(SIMULATOR_DB) en de gemaakte brieven (var/private)"
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB)-journal
	@rm -f $(SIMULATOR_DB) $(SIMULATOR_DB)-wal $(SIMULATOR_DB)-shm $(SIMULATOR_DB)-journal
	@rm -rf var/private
	@$(MAKE) --no-print-directory demo

test: venv ## Installeer en draai alle tests (SQLite; met DATABASE_URL op PostgreSQL).
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: venv ## Controleer code en opmaak met ruff.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The import contracts in pyproject.toml ([tool.importlinter]); see ADR 0048.
lint-architectuur: venv ## Controleer de lagen en importgrenzen met import-linter.
	PYTHONPATH=src $(BIN)/lint-imports --no-cache

# mypy with django-stubs on regels (strict), core and every services.py/selectors.py; see ADR 0048.
typecheck: venv ## Controleer de typen met mypy (regels, core, services en selectors).
	$(BIN)/mypy

format: venv ## Herstel wat ruff kan herstellen en formatteer de code.
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: venv ## Controleer dat er geen migratie ontbreekt.
	$(MANAGE) makemigrations --check --dry-run

openapi: venv ## Schrijf src/openinburgering/api/openapi.yaml opnieuw (na een API-wijziging).
	$(MANAGE) spectacular --file src/openinburgering/api/openapi.yaml --validate --fail-on-warn

openapi-check: venv ## Controleer dat openapi.yaml actueel is (zoals CI doet).
	$(MANAGE) spectacular --file /tmp/openapi-current.yaml --validate --fail-on-warn
	diff -u src/openinburgering/api/openapi.yaml /tmp/openapi-current.yaml || (echo "openapi.yaml is verouderd: draai 'make openapi'"; exit 1)

env-docs: venv ## Schrijf docs/env.md (alle omgevingsvariabelen) opnieuw.
	$(MANAGE) env_docs > docs/env.md

regels-docs: venv ## Schrijf docs/regels.md (de regelcatalogus) opnieuw.
	$(BIN)/python -m openinburgering.regels.catalogus > docs/regels.md

# Update the English catalogue and compile it; the compiled .mo is committed so that a fresh
# machine needs no gettext tools.
messages: venv ## Werk de Engelse vertaling bij en compileer die.
	cd src/openinburgering && ../../$(BIN)/django-admin makemessages -l en --ignore='*/tests/*' --ignore='duo_simulator/*' --ignore='brp_simulator/*' --no-obsolete
	cd src/openinburgering && ../../$(BIN)/django-admin compilemessages -l en

# The portal's own catalogues (Arabic, Dari/Farsi, Somali, Tigrinya, Turkish, Ukrainian) from
# the portal's files only (talen/bronnen.py); English comes from `make messages` (ADR 0090).
portaal-messages: venv ## Werk de catalogi van het portaal bij (zes talen) en compileer die.
	cd src/openinburgering && ../../$(BIN)/python ../manage.py portaal_messages
	cd src/openinburgering && ../../$(BIN)/django-admin compilemessages $(addprefix -l ,$(PORTAALTALEN))

portaal-lettertypen: venv ## Maak de kleine lettertypen voor de taalnamen in de taalkeuze opnieuw.
	$(MANAGE) portaal_lettertypen

requirements: ## Compileer requirements/*.txt opnieuw uit de .in-bestanden (met uv).
	cd requirements && $(PYTHON) -m uv pip compile --python-version 3.13 base.in -o base.txt
	cd requirements && $(PYTHON) -m uv pip compile --python-version 3.13 test.in -o test.txt

# Refresh the vendored NL Design System CSS and htmx from the npm registry (versions in package.json).
vendor: ## Haal NL Design System-CSS en htmx opnieuw op uit npm (versies in package.json).
	rm -rf /tmp/oi-vendor && mkdir -p /tmp/oi-vendor && cd /tmp/oi-vendor && npm pack @utrecht/component-library-css@9.0.4 @nl-design-system-unstable/voorbeeld-design-tokens@7.4.1 htmx.org@2.0.11 && for f in *.tgz; do mkdir -p $${f%.tgz} && tar xzf $$f -C $${f%.tgz}; done
	cp /tmp/oi-vendor/utrecht-*/package/dist/index.css src/openinburgering/ui/static/nlds/utrecht-component-library.css
	cp /tmp/oi-vendor/nl-design-*/package/dist/theme.css src/openinburgering/ui/static/nlds/voorbeeld-theme.css
	cp /tmp/oi-vendor/htmx.org-*/package/dist/htmx.min.js src/openinburgering/ui/static/ui/htmx.min.js

rollen-docs: venv ## Schrijf docs/rollen.md (de rechtenmatrix) opnieuw.
	$(MANAGE) rollen_docs > docs/rollen.md

# Deadline engine and worklist benchmark (not in `make test`); prints ratios to bare baselines.
# On PostgreSQL: DATABASE_URL=postgres://... make bench-signalen BENCH_ARGS="--dossiers 1000000 --tenant 60000"
bench-signalen: venv ## Benchmark van termijnen en werklijst (niet in make test).
	$(BIN)/python benchmarks/signalen_bench.py $(BENCH_ARGS)

# Caseload (UI, API, deep pages), BSN search, dossier page and worklist at 1 and 16 connections
# through gunicorn, each next to a bare one-query view; data as bench-signalen makes them, in
# three tenant shapes. PostgreSQL only: DATABASE_URL=postgres://... make bench-lijsten
# BENCH_ARGS="--dossiers 50000" (smaller), "--mix" (+ 10 minutes mixed caseworker load).
bench-lijsten: venv ## Benchmark van lijsten, zoeken en dossierpagina op landelijke schaal (niet in make test).
	$(BIN)/python benchmarks/lijsten_bench.py $(BENCH_ARGS)

# The steering dashboards and the public council page next to a bare one-query view, through
# gunicorn, on bench-lijsten's data (reused when present), after the worker's daily computation of
# the figures (timed). PostgreSQL for the real run: DATABASE_URL=postgres://... make bench-dashboards
bench-dashboards: venv ## Benchmark van de stuurdashboards en de raadsinformatie (niet in make test).
	$(BIN)/python benchmarks/dashboards.py $(BENCH_ARGS)

# DUO notifications accepted+persisted per second (gunicorn + PostgreSQL) next to a bare
# Django view; not part of `make test`. Uses DATABASE_URL or starts a throwaway cluster.
bench-duo: venv ## Benchmark: DUO-notificaties per seconde aannemen (niet in make test).
	$(BIN)/python benchmarks/duo_notificaties.py $(BENCH_ARGS)

# Time to process a backlog of DUO notifications (default 100,000) against the simulator, with
# the inbox workers, next to the bare inbox in the same run; not part of `make test`.
bench-duo-achterstand: venv ## Benchmark: een achterstand van DUO-notificaties verwerken (niet in make test).
	$(BIN)/python benchmarks/duo_achterstand.py $(BENCH_ARGS)
