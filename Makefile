# Everything runs through the virtual environment in .venv, created from the pinned
# requirements on first use (and again when requirements.txt changes).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.requirements-installed
N      ?= 10000

.PHONY: all build check test bench clean-venv

all: build

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

build: $(STAMP)  ## regenerate README sections, views/, exports/ and schema/
	@$(PY) -m scripts build

check: $(STAMP)  ## validate every study and the freshness of generated files
	@$(PY) -m scripts check

test: $(STAMP)  ## run the test suite
	@$(PY) -m pytest -q

bench: $(STAMP)  ## time check and build on N synthetic studies against the parse floor
	@$(PY) -m scripts bench -n $(N)

clean-venv:
	rm -rf $(VENV)
