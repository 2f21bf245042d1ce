# RNN Notes: `make serve` to read and edit, `make test` to check that it is correct, `make audit` to check its
# pages (axe, a phone, a reproducible build), `make bench` to measure them (Lighthouse, after performance
# work). Each sets up what it needs first: .venv from requirements.txt, node_modules from package-lock.json.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000

.PHONY: help setup serve build test audit bench clean
.DEFAULT_GOAL := help

help:
	@echo "make serve   set up, then serve the site with live reload at http://$(HOST)"
	@echo "make test    set up, then run the tests of correctness (unit, fences, build, browser)"
	@echo "make audit   set up, then audit every page: axe, a phone, two cold builds byte-identical"
	@echo "make build   set up, then build the site into site/ (strict)"
	@echo "make bench   build, then Lighthouse on every page beside a bare Material page; exit 1 if over budget"
	@echo "make clean   remove site/, caches, .venv and node_modules"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
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

test: setup
	$(BIN)/python -m pytest

# The axe checks, the reproducible build and the classifier trained again from scratch (marked `audit`)
# on pytest's workers.
audit: build
	$(BIN)/python -m pytest -m audit tests/audit tests/test_classify.py

# Lighthouse, run when performance work is done: every page, 5 runs each, beside a bare Material page
# measured in the same run, against the budgets in lighthouserc.cjs (scripts/bench.py). Alone on the
# machine if possible: it times the CPU. BENCH="--pages /gru/ /" measures a few pages.
bench: build
	$(BIN)/python scripts/bench.py $(BENCH)

clean:
	rm -rf site .cache .pytest_cache .lighthouseci $(VENV) node_modules
