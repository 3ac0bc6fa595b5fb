# Two commands: `make run` (set up and build everything) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test build serve dist clean bench bench-scale

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/huquq build

test: $(STAMP)
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/huquq serve

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The wheel, carrying the templates, the site's files and the legal sources (see setup.py): install it
# with `pipx install dist/huquq-*.whl` or `pip install dist/huquq-*.whl`.
dist: $(STAMP)
	rm -rf dist .wheel-build
	$(BIN)/python -m pip wheel --no-deps --quiet -w dist .
	@ls dist/*.whl

clean:
	rm -rf build site dist .wheel-build

# make bench-scale SIZES=1000,10000 (default 1000,10000,50000; sites at 1000 and 5000)
bench-scale: $(STAMP)
	$(BIN)/python bench/scale.py $(if $(SIZES),--sizes $(SIZES))
