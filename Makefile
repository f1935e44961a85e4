# Two commands on a fresh machine:  `make run` (install and start)  `make test` (install and test).
# Everything installs into .venv; nothing touches the system Python.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench bench-quick bundle screenshots narration translations install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'

run: install
	@bash packaging/system-deps.sh run
	$(BIN)/selfcare

lint: install
	$(BIN)/ruff check selfcare tests benchmarks docs packaging
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m benchmarks.run

bench-quick: install
	$(BIN)/python -m benchmarks.run --quick

# The Linux bundle in dist/Selfcare (and a .tar.gz), self-tested from outside the source
# tree offscreen and under Xvfb, with its size and start-up time (docs/packaging.md).
bundle: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bundle]'
	@bash packaging/system-deps.sh bundle
	$(BIN)/python packaging/build.py --archive

screenshots: install
	@bash packaging/system-deps.sh screenshots
	xvfb-run -a -s "-screen 0 1280x860x24" $(BIN)/python docs/screenshots/take.py docs/screenshots

narration: install
	@bash packaging/system-deps.sh narration
	$(BIN)/selfcare synth-sounds
	$(BIN)/selfcare narrate

# The interface catalogues: strings from the code into assets/translations/*.ts (translate
# there), then compiled to the .qm files the app loads (both kept in git).
translations: install
	$(BIN)/python -m selfcare.ui.catalogues

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
