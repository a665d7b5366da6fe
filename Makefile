# Two commands do everything on a fresh machine: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: run test lint train evaluate clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, exactly this pin: the CPU build the machines carry (a bare torch pulls CUDA)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[dev,build]"
	$(BIN)/pip check
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m flows.extract --raw raw --out processed

# headless Chromium for the report's browser test (Debian's package; we run as root)
chromium:
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

# every gold set of ../shared/eval through the pipeline's stages, scored; stanza's answers cached in
# work/nlp-cache/<model version>/, so a rerun takes seconds (flows/evaluate.py)
evaluate: $(STAMP)
	$(BIN)/python -m flows.evaluate

train: $(STAMP)
	$(BIN)/python -m flows.train_models

clean:
	rm -rf processed/*/ processed/.staging-* processed/.parts processed/_manifest.json processed/.lock .prefect work
