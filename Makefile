# Task runner. `make site` and `make test` are the README's two commands; each sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Reinstall when pyproject.toml or the lock file changes.
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1

.PHONY: site offline serve pages test lint browser-deps bench bench-real eval clean lock

# The exact versions come from requirements.lock (`make lock` regenerates it), so two builds of
# one commit install the same libraries; the project itself is installed on top, editable.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

pages: $(STAMP)                 ## generate the timeline Markdown into site_src/timeline/
	$(BIN)/timeline build

site: pages                     ## the hosted site, into site/
	$(BIN)/mkdocs build --strict --quiet

offline: pages                  ## the offline site (opens from file://), into site-offline/
	OFFLINE=true $(BIN)/mkdocs build --strict --quiet --site-dir site-offline

serve: pages                    ## preview at http://127.0.0.1:8000
	$(BIN)/mkdocs serve

# Browser tests use Debian's chromium; installing it needs root (CI runs as root). Without it
# those tests skip with a message saying so.
# TimelineJS (npm) is fetched for the test that loads timeline.json into it.
TIMELINEJS := $(HOME)/.cache/news-timeline/timelinejs-3.9.11
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "note: chromium not installed; browser tests will be skipped"; }
	@test -f $(TIMELINEJS)/dist/js/timeline.js || { mkdir -p $(TIMELINEJS) && cd $(TIMELINEJS) && \
	  npm pack --silent @knight-lab/timelinejs@3.9.11 >/dev/null 2>&1 && \
	  tar xzf knight-lab-timelinejs-3.9.11.tgz --strip-components=1 && rm knight-lab-timelinejs-3.9.11.tgz; } \
	  || echo "note: TimelineJS not fetched (needs npm); its browser test will be skipped"

test: $(STAMP) browser-deps     ## the whole test suite
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check timeline tests benchmarks
	$(BIN)/ruff format --check timeline tests benchmarks
	$(BIN)/mypy timeline

bench: $(STAMP)                 ## benchmarks (by hand; results go into site_src/guide/performance.md)
	$(BIN)/python benchmarks/run_all.py

# Issue 18's table on real articles (../shared/eval/war-news-corpus): builds, no-op, one edited
# article, search index, largest page, first search result in Chromium, peak memory. Takes minutes.
bench-real: $(STAMP) browser-deps
	nice -n 10 $(BIN)/python benchmarks/real_scale.py --n 1000 --n 10000 --browser

eval: $(STAMP)                  ## accuracy on the development data in ../shared/eval
	$(BIN)/timeline eval ../shared/eval/tempeval3-tbaq
	$(BIN)/timeline eval ../shared/eval/wikiwars-timeml/train
	$(BIN)/timeline eval-published ../shared/eval/war-news-dev/articles.jsonl --today 2025-12-31
	$(BIN)/timeline eval-published ../shared/eval/war-news-corpus/2022h1.jsonl.gz --hide 0.2 --seed 1 --today 2026-12-04
	$(BIN)/timeline eval-timeline ../shared/eval/wikipedia-current-events/2022h1.jsonl \
	  --corpus ../shared/eval/war-news-corpus/2022h1.jsonl.gz --today 2026-12-04

lock:                           ## regenerate requirements.lock from pyproject.toml (pip-tools)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip-tools
	$(BIN)/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url --no-emit-find-links \
	  --unsafe-package news-timeline \
	  -o requirements.lock pyproject.toml

clean:
	rm -rf site site-offline .cache
