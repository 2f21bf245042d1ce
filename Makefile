# RNN Notes: `make serve` to read and edit, `make test` to check that it is correct, `make audit` to check its
# pages (axe, the phone checks, a reproducible build). Each sets up what it needs first: .venv from requirements.txt,
# node_modules from package-lock.json.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000

.PHONY: help setup serve build lint test audit bench clean
.DEFAULT_GOAL := help

help:
	@echo "make serve   set up, then serve the site with live reload at http://$(HOST)"
	@echo "make lint    ruff check and ruff format --check (make test runs it first)"
	@echo "make test    set up, lint, then run the tests of correctness (unit, fences, build, browser)"
	@echo "make audit   set up, then audit every page: axe in both languages, the phone checks, a reproducible build"
	@echo "make build   set up, then build the site into site/ (strict)"
	@echo "make bench   set up, then measure the performance budgets and print them as a table"
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

bench: setup
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .cache .pytest_cache .lighthouseci $(VENV) node_modules
