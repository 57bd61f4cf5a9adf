# Everything runs through the virtual environment in .venv, created from the pinned
# requirements on first use (and again when requirements.txt changes).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.requirements-installed
N      ?= 10000

.PHONY: all build check test bench query fmt new card clean-venv

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

new: $(STAMP)  ## start a study: make new ID=<id> [ARXIV=<arxiv id>]
	@test -n "$(ID)" || { echo "usage: make new ID=<kebab-case-id> [ARXIV=<arxiv id>]"; exit 2; }
	@$(PY) -m scripts new "$(ID)" $(if $(ARXIV),--arxiv "$(ARXIV)")

card: $(STAMP)  ## check a release card and list what it leaves undisclosed: make card CARD=<path>
	@test -n "$(CARD)" || { echo "usage: make card CARD=<path to a card made from templates/release-card.md>"; exit 2; }
	@$(PY) -m scripts card "$(CARD)"

fmt: $(STAMP)  ## rewrite study front matter into canonical key order and layout
	@$(PY) -m scripts fmt

query: $(STAMP)  ## filter studies: make query Q='feedback=execution year>=2025' [JSON=1]
	@$(PY) -m scripts query $(if $(JSON),--json) $(Q)

clean-venv:
	rm -rf $(VENV)
