# Two commands: `make run` serves the site with demo data on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# make run serves like production (DEBUG off, whitenoise, hashed static files) but over plain HTTP on loopback.
# Its email goes to files in .outbox/ (one file per batch the worker sends), readable with any text viewer.
RUN_ENV := DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SERVE_MEDIA=1 SITE_URL=http://127.0.0.1:$(PORT) \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat .secret-key)} \
	DJANGO_EMAIL_BACKEND=$${DJANGO_EMAIL_BACKEND:-django.core.mail.backends.filebased.EmailBackend} \
	EMAIL_FILE_PATH=$${EMAIL_FILE_PATH:-.outbox}

.PHONY: run dev superuser demo-staff test test-fast lint format install install-runtime requirements assets chromium gettext messages wrk bench bench-staff lighthouse clean

run: install-runtime assets .secret-key
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_demo_data --with-staff --passwords-file .demo-staff
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(RUN_ENV) $(BIN)/python manage.py build_zip_index
	$(RUN_ENV) $(BIN)/python manage.py requeue_stalled_emails
	@echo "Serving http://127.0.0.1:$(PORT)/  staff: /admin/ (make demo-staff prints the accounts again)"
	@echo "Email the site sends is written to .outbox/.  Stop with Ctrl-C."
	$(RUN_ENV) $(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Development server with DEBUG on and auto-reload.
dev: install-runtime assets
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data --with-staff --passwords-file .demo-staff
	$(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

superuser: install-runtime
	$(BIN)/python manage.py createsuperuser

# The demo staff accounts and passwords of the last make run (or make dev).
demo-staff:
	@cat .demo-staff 2>/dev/null || echo "No demo accounts yet: make run creates them."

# The whole suite, with line coverage of the app code (pyproject.toml: at least 95%, or the run fails). CI runs it
# on SQLite with coverage and its floor, then on PostgreSQL without (`make test COVERAGE=` runs without it).
COVERAGE ?= --cov --cov-report=term
test: install assets chromium gettext
	$(BIN)/pytest $(COVERAGE) $(PYTEST_ARGS)

# The quick loop while working: no browser, no fuzzers or demo data (marker slow), no processes; no coverage floor.
test-fast: install assets gettext
	$(BIN)/pytest -m "not slow and not browser and not processes and not postgres" $(PYTEST_ARGS)

# The same checks as .pre-commit-config.yaml: ruff, templates' indentation (djhtml), types (mypy, pyproject.toml
# says which modules are strict), the direction of imports (import-linter, pyproject.toml), and no model change
# without its migration.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Rewrites its tables in docs/performance.md (bench/report.py): the pages beside the bare view, cached and not, then
# Markdown under hostile input (exits 1 past its 1 s bound).
bench: install assets wrk
	$(BIN)/python bench/run.py --rounds 3 --duration 5
	$(BIN)/python bench/run.py --rounds 3 --duration 5 --no-page-cache
	$(BIN)/python bench/markdown.py

# The staff pages at 100,000 requests: DATABASE_URL must name a PostgreSQL database to throw away.
bench-staff: install assets wrk
	$(BIN)/python bench/staff.py

lighthouse: install assets chromium
	$(BIN)/python bench/lighthouse.py

# Installs exactly the locked set, whatever the index holds today: every package pinned and hashed, wheels only
# (nothing built, so no unpinned build tool is fetched), dependencies not resolved again (--no-deps: the lock
# already names them all), then `pip check` proves the set is whole. Works with the stock pip of `python3 -m venv`.
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps --only-binary=:all:
# make run needs the runtime only; make test, lint, bench and friends add the test and lint tools.
install: $(VENV)/.installed-dev node_modules/.installed-dev
install-runtime: $(VENV)/.installed-runtime node_modules/.installed-runtime

$(VENV)/.installed-runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	$(BIN)/pip check --disable-pip-version-check || { echo "The installed set does not hold together: see above"; exit 1; }
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-runtime requirements-dev.txt
	$(PIP_INSTALL) -r requirements-dev.txt
	$(BIN)/pip check --disable-pip-version-check || { echo "The installed set does not hold together: see above"; exit 1; }
	touch $@

# Recompile the pinned, hashed requirements from requirements.in and requirements-dev.in (the versions pinned now
# are kept; `make requirements UV_ARGS=--upgrade-package=django` moves one). Hashes cover every platform's files.
UV_COMPILE := $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu $(UV_ARGS)
requirements: $(VENV)/.installed-dev
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements-dev.in -o requirements-dev.txt

# npm: the packages that build the site's CSS, map and admin script are "dependencies"; the test tools (axe-core,
# Lighthouse, the Nu checker) are "devDependencies", installed only for make test and friends.
node_modules/.installed-runtime: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.installed-dev: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@ node_modules/.installed-runtime

# The built CSS, map and admin script (assets/), rebuilt only when their sources change, so that two make commands
# at once (CI's two test stages) never write them at the same time.
assets: assets/.built
assets/.built: node_modules/.installed-runtime package.json $(wildcard static/scss/*.scss static/map/*.mjs)
	npm run --silent build
	touch $@

.secret-key:
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Browser tests use Debian's Chromium; install it when we may (root), never a downloaded browser.
chromium:
	@command -v $${CHROMIUM_PATH:-chromium} >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
		else echo "Chromium is missing: browser tests will be skipped (sudo apt-get install chromium)"; fi; }

# Translations (README: Spanish): extract the interface's strings into locale/es/LC_MESSAGES/django.po, where the
# Spanish is written, then compile it to django.mo (committed, so the site needs no gettext to run). Staff screens
# (templates/admin) are English and not extracted. A test fails while a string has no Spanish or the .mo is stale.
MESSAGES_IGNORE := --ignore='node_modules/*' --ignore='assets/*' --ignore='staticfiles/*' --ignore='static/*' \
	--ignore='bench/*' --ignore='tests/*' --ignore='templates/admin/*' --ignore='media/*'
messages: install gettext
	$(BIN)/python manage.py makemessages -l es --no-obsolete --no-wrap --add-location=file $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compilemessages -l es --ignore='.venv/*' --ignore='node_modules/*'

# GNU gettext (xgettext, msgfmt) for `make messages` and the translation check; from Debian when we may (root).
gettext:
	@command -v msgfmt >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null); \
		else echo "GNU gettext is missing: the translation check will be skipped (sudo apt-get install gettext)"; fi; }

# The benchmark's load generator, from Debian; installed when we may (root), else one line that says what to do.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null); \
		else echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; fi; }

clean:
	rm -rf $(VENV) node_modules assets staticfiles
