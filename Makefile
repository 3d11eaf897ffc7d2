# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test unit e2e screenshots bench clean

# The venv is rebuilt when pyproject.toml changes (the stamp is older than it).
$(VENV)/.run-stamp: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.test-stamp: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(VENV)/.run-stamp $@

run: $(VENV)/.run-stamp
	@scripts/system-deps.sh run
	$(BIN)/streamlit run app.py --server.address=127.0.0.1 --server.port=$(PORT)

test: $(VENV)/.test-stamp
	@scripts/system-deps.sh test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

unit: $(VENV)/.test-stamp
	$(BIN)/python -m pytest -q --ignore=tests/e2e

e2e: $(VENV)/.test-stamp
	@scripts/system-deps.sh test
	$(BIN)/python -m pytest -q tests/e2e

screenshots: $(VENV)/.test-stamp
	@scripts/system-deps.sh test
	VIGIL_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/e2e

bench: $(VENV)/.test-stamp
	@scripts/system-deps.sh test
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
