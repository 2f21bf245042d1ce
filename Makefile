# RNN Notes: `make serve` to read and edit, `make test` to check that it is correct, `make audit` to check its
# pages (axe, the phone checks, a reproducible build), `make bench` to measure them (Lighthouse, after
# performance work). Each sets up what it needs first: .venv from requirements.txt, node_modules from
# package-lock.json.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000

.PHONY: help setup serve build lint test audit bench compat clean
.DEFAULT_GOAL := help

help:
	@echo "make serve   set up, then serve the site with live reload at http://$(HOST)"
	@echo "make lint    ruff check and ruff format --check (make test runs it first)"
	@echo "make test    set up, lint, then run the tests of correctness (unit, fences, build, browser)"
	@echo "make audit   set up, then audit every page: axe in both languages, the phone checks, a reproducible build"
	@echo "make build   set up, then build the site into site/ (strict)"
	@echo "make bench   build, then Lighthouse on every page beside a bare Material page; exit 1 if over budget"
	@echo "make compat  build the site with Zensical (in .venv-compat/) and print what works there"
	@echo "make clean   remove site/, caches, .venv and node_modules"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .  # the build's plugin, and snippets/common on the path
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Node.js and npm are needed (KaTeX renders the math at build time)"; exit 1; }
	npm ci --no-audit --no-fund
	@touch $@

setup: $(VENV)/.installed node_modules/.installed

serve: setup
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST)

build: setup
	$(BIN)/mkdocs build --strict

# Seconds, and it fails on what no test would notice (an unused import, a long line in a snippet).
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

# The page audits (marked `audit`: axe on every page in both languages, the phone checks, a cold build
# byte-identical to the warm one) and the classifier trained again from scratch, on pytest's workers.
# Lighthouse is a measurement, not a check of correctness: `make bench` runs it.
audit: setup
	$(BIN)/python -m pytest -m audit tests/audit tests/test_classify.py

# Lighthouse, run when performance work is done: every page, 5 runs each, beside a bare Material page
# measured in the same run, against the budgets in lighthouserc.cjs (scripts/bench.py). Alone on the
# machine if possible: it times the CPU. BENCH="--pages /gru/ /" measures a few pages.
bench: build
	$(BIN)/python scripts/bench.py $(BENCH)

# Zensical, the successor Material's team names, in a venv of its own: what of the site it builds today.
# Pinned: 0.1.2 is the newest whose zensical-ui (0.0.42) the package index has.
.venv-compat/.installed: pyproject.toml | $(BIN)/python
	$(PYTHON) -m venv .venv-compat
	.venv-compat/bin/python -m pip install --quiet zensical==0.1.2 zensical-ui==0.0.42 \
	  pymdown-extensions==13.1.2 Markdown==3.11.3 Pygments==2.21.0 PyYAML==6.0.4 markdown-it-py==3.0.0
	.venv-compat/bin/python -m pip install --quiet --no-deps -e .
	@touch $@

compat: .venv-compat/.installed node_modules/.installed
	$(BIN)/python scripts/compat.py

clean:
	rm -rf site .cache .pytest_cache .lighthouseci $(VENV) .venv-compat node_modules
