# Stable targets: install, run, test (see README.md).
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run test lint migrate demo bench clean messages

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_glossary
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_accounts

# The background worker (annotation of imports) runs beside the server and stops with it.
run: demo
	$(PY) manage.py annotation_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

test: lint
	$(PY) -m pytest

bench: install
	$(PY) bench/annotate.py
	$(PY) bench/pinyin_accuracy.py --data ../shared/data/cpp/test.tsv
	$(PY) bench/reader.py

# Interface translations: refresh the catalogue from the code, then compile the
# .mo that is committed (so running the site never needs gettext).
messages: install
	$(PY) manage.py makemessages --no-wrap -l zh_Hans -i ".venv/*" -i "bench/*" -i "tests/*" -i "staticfiles/*"
	$(PY) manage.py compilemessages -l zh_Hans -i ".venv"

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
