# The edition's commands.  `make serve` and `make test` are the README's two set-up
# commands: each creates .venv and installs what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test test-fast site docs pdf epub bench clean chromium offline

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Regenerate docs/ from source/ (the output is committed; a test checks it is current).
docs: $(STAMP)
	$(BIN)/python -m edition.build --root .

# Both scripts, side by side: site/zh-Hant/, site/zh-Hans/ and the entry site/index.html.
site: docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict -f mkdocs.zh-Hans.yml
	$(BIN)/python scripts/site_index.py site

PORT ?= 8000
serve: site
	@$(BIN)/python scripts/serve.py --port $(PORT) site

# Debian's chromium, CJK fonts and poppler (pdftotext) for the browser and PDF tests,
# pango/harfbuzz for WeasyPrint (the PDFs), and npm for the offline edition's search shim;
# installed only when missing (no browser download: Playwright drives this chromium).
# Java (default-jre-headless) runs EPUBCheck on the EPUBs.
# npm is asked of Debian only where no npm is on the PATH: a Node.js that bundles its own
# npm (e.g. NodeSource's) conflicts with Debian's npm package.
DEBIAN_PACKAGES := chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 default-jre-headless
chromium:
	@SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	if ! command -v npm >/dev/null 2>&1; then \
	  $$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y npm; \
	fi
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 \
	   || ! command -v java >/dev/null 2>&1 \
	   || ! fc-list 2>/dev/null | grep -qi "noto.*cjk" \
	   || ! /sbin/ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" \
	   || ! /sbin/ldconfig -p 2>/dev/null | grep -q "libharfbuzz-subset.so.0"; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $(DEBIAN_PACKAGES); \
	fi

test: $(STAMP) chromium
	$(BIN)/python -m pytest

# The unit tier: no site build, no browser.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not site and not browser"

# Whole-thesis PDFs per script (site/zh-Hant/thesis.pdf, site/zh-Hans/thesis.pdf), typeset
# by WeasyPrint and checked by reading them back (fails if a note or page number is wrong).
pdf: site chromium
	$(BIN)/python scripts/make_pdf.py site

# The offline edition, both scripts in one zip read from file:// (site/edition-offline.zip,
# linked from the home page); npm fetches the pinned shim that lets search run there.
offline: docs chromium
	$(BIN)/python scripts/make_offline.py site/edition-offline.zip

# EPUB 3 books per script (site/zh-Hant/thesis.epub, site/zh-Hans/thesis.epub), written from
# the model; EPUBCheck and DAISY Ace check each and any error, warning or violation fails.
epub: site chromium
	$(BIN)/python scripts/make_epub.py site

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site
