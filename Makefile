# Rumbo: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
APP_STAMP := $(VENV)/.installed-app
DEV_STAMP := $(VENV)/.installed-dev

PORT ?= 5000

.PHONY: run preview test mutation serve not-root setup dev translations extract-strings update-strings check-content lint format bench db-upgrade clean

run: setup db-upgrade  ## serve the portal on http://127.0.0.1:5000 (development server)
	@echo "Rumbo is starting on http://127.0.0.1:5000 (the log hides every address, this one included)"
	RUMBO_ENV=development $(FLASK) run --host 127.0.0.1 --port 5000

preview: setup db-upgrade  ## authors: the portal on http://127.0.0.1:$(PORT) with live reload and /review/ (docs/authoring.md)
	@echo "Preview on http://127.0.0.1:$(PORT)/ : edit content/, reload the page; /review/ compares the languages"
	RUMBO_ENV=development RUMBO_PREVIEW=1 $(FLASK) run --host 127.0.0.1 --port $(PORT)

serve: not-root setup  ## serve with gunicorn and the production configuration (needs a secret key)
	$(FLASK) db upgrade
	$(BIN)/gunicorn --config deploy/gunicorn.conf.py "app:create_app()"

not-root:
	@if [ "$$(id -u)" = 0 ] && [ "$$RUMBO_ALLOW_ROOT" != 1 ]; then echo "make serve: Rumbo will not run as root; run it as the user rumbo (sudo -u rumbo make serve; docs/deploy.md)" >&2; exit 1; fi

test: setup dev test-deps lint  ## set everything up and run the whole suite (lint and types included)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

mutation: setup dev  ## mutation-test the privacy and safety core (an hour or more; one module: MODULE=app/workbook/crypto.py)
	$(BIN)/python -m tests.mutation.run $(MODULE)

bench: setup dev  ## measure throughput, latency, memory and start-up (~5 min; see docs/performance.md)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# What the portal needs to run (make run, make serve): no test tools.
$(APP_STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[postgres]'
	touch $(APP_STAMP)

# What developing and testing need on top: pytest, Playwright, Hypothesis, ruff, mypy.
$(DEV_STAMP): $(APP_STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(DEV_STAMP)

setup: $(APP_STAMP) translations

dev: $(DEV_STAMP)

test-deps:  ## Chromium and PostgreSQL from Debian's packages, when missing and possible
	bash scripts/install-test-deps

translations: $(APP_STAMP)
	$(BIN)/pybabel --quiet compile -d translations

db-upgrade: $(APP_STAMP)
	RUMBO_ENV=development $(FLASK) db upgrade

extract-strings: $(APP_STAMP)  ## extract UI strings into translations/messages.pot
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k _l --no-location --omit-header --sort-output -o translations/messages.pot .

update-strings: extract-strings  ## merge new strings into every catalogue
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

check-content: setup
	RUMBO_ENV=development $(FLASK) content check

lint: $(DEV_STAMP)  ## ruff (lint and format) and mypy (types), as make test and CI run them
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(DEV_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis artifacts
	find translations -name '*.mo' -delete
