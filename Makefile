# `make run`: set up .venv and extract from seeds/ into outputs/.  `make test`: set up and run the tests
# (the quick ones, under 30 s); `make test-slow`: the slow and quality tests, and the property tests in full
# (CI runs both).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test test-slow lint bench clean

run: $(VENV)/.installed
	$(BIN)/python -m pipeline extract

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q -m "not slow and not quality"

test-slow: $(VENV)/.installed
	PIPELINE_TESTS=thorough $(BIN)/python -m pytest -q -m "slow or quality or properties"

lint: $(VENV)/.installed
	$(BIN)/ruff check pipeline tests bench scripts

bench: $(VENV)/.installed
	$(BIN)/python bench/bench.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test,dask]"
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
