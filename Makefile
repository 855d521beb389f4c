# The two commands of the README: `make run` (build everything, serve on localhost) and `make test`.
VENV ?= .venv
# The interpreter the venv is made from. The distribution's python3 when it is 3.11 or newer: Debian
# builds it with profile-guided and link-time optimisation, as the python:3.11-slim image of
# deploy/Dockerfile is built, while a pyenv build without those runs the API about a quarter slower
# (start-up and requests alike). Override with PYTHON=/path/to/python3.
PYTHON ?= $(shell /usr/bin/python3 -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
  && echo /usr/bin/python3 || echo python3)
PY := $(VENV)/bin/python
KB := $(VENV)/bin/kb
HOST ?= 127.0.0.1
PORT ?= 8000
DB := build/kb.db
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: install bytecode db site run test browser lint bench bench-site clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# Compile the package's bytecode, as a regular (non-editable) pip install does: without it every start
# compiles kb/ and api/ again wherever PYTHONDONTWRITEBYTECODE is set (CI, containers), about 0.1 s of
# `kb serve`'s cold start. Incremental: only changed modules are compiled again.
bytecode: install
	$(PY) -m compileall -q kb api

db: install
	$(KB) build --db $(DB)

# English at site/, Chinese at site/zh/, each with its static API export: two builds side by side (docs/build.py).
site: db
	$(PY) docs/build.py --db $(DB) --site site

run: site bytecode
	@echo "Site:     http://$(HOST):$(PORT)/"
	@echo "中文站点: http://$(HOST):$(PORT)/zh/"
	@echo "API:      http://$(HOST):$(PORT)/v1/support?feature=hostprocess-containers&kubernetes=1.22"
	@echo "API docs: http://$(HOST):$(PORT)/docs"
	$(KB) serve --host $(HOST) --port $(PORT) --db $(DB)

# The browser tests drive Debian's Chromium: install it when running as root (as CI does) and it is missing.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
	  || (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null) \
	  || echo "Could not install chromium: the browser tests will skip."; \
	fi

test: install browser
	$(PY) -m pytest

bench: bytecode db  # needs wrk and nginx (apt-get install -y wrk nginx); loopback only, bounded runs
	$(PY) bench/bench.py
	$(PY) bench/ask.py

# `make site` three times, each timed against its 15 s target (bench/site.py --clean: from a fresh clone).
bench-site: install
	$(PY) bench/site.py

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf build site
