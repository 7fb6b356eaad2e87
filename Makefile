# The edition's commands.  `make serve` and `make test` are the README's two set-up
# commands: each creates .venv and installs what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock

.PHONY: serve test test-fast site docs pdf epub bench audit clean chromium debian offline publish lock

# Every Python distribution comes from the lock, pinned by version and checked by sha256:
# first pip and setuptools themselves (taken out of the lock), then the rest, built without
# fetching unpinned build tools, then the project, which the lock cannot hash.
$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	awk '/^[a-z]/ { keep = /^(pip|setuptools)==/ } keep' $(LOCK) > $(VENV)/bootstrap.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(VENV)/bootstrap.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-build-isolation -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Refresh the lock from pyproject.toml, for every platform and Python 3.11+.  Versions
# already locked stay unless pyproject.toml excludes them; `make lock UPGRADE=NAME` moves one
# package (and what it needs) to the newest release allowed.  See the README, "Dependencies".
UPGRADE ?=
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra test --extra tools --universal \
	  --python-version 3.11 --generate-hashes --quiet -o $(LOCK) \
	  $(if $(UPGRADE),--upgrade-package $(UPGRADE))

# Regenerate docs/ from source/ (the output is committed; a test checks it is current).
docs: $(STAMP)
	$(BIN)/python -m edition.build --root .

# Both scripts, side by side: site/zh-Hant/, site/zh-Hans/ and the entry site/index.html.
# site/SHA256SUMS lists every file; each target that adds to site/ writes it again.  The home
# page links the PDFs, EPUBs and offline zip only when this command builds them as well
# (scripts/hooks/downloads.py): `make site` alone links no file it does not hold.
DOWNLOADS := $(if $(filter publish,$(MAKECMDGOALS)),pdf epub offline,$(filter pdf epub offline,$(MAKECMDGOALS)))
site: docs
	EDITION_DOWNLOADS="$(DOWNLOADS)" $(BIN)/python scripts/build_site.py site

PORT ?= 8000
serve: site
	@$(BIN)/python scripts/serve.py --port $(PORT) site

# The Debian packages the tests and the PDFs use (.ci/debian-packages.txt, with the versions
# tested): chromium (Playwright drives it; no browser download), CJK fonts, poppler, pango
# and harfbuzz for WeasyPrint, jing for the TEI (tests/write/test_tei.py), Java for
# EPUBCheck and the Nu HTML Checker; installed only when one is missing.  npm (the offline
# edition's search shim, DAISY Ace) is asked of Debian only where no npm is on the PATH: a Node.js
# that bundles its own npm (e.g. NodeSource's) conflicts with Debian's npm package.
DEBIAN_PACKAGES := $(shell sed -e 's/\#.*//' .ci/debian-packages.txt | cut -d' ' -f1)
debian chromium:
	@SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	missing=$$(for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${db:Status-Status}\n' $$p 2>/dev/null | grep -qx installed || echo $$p; done); \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$(echo $$missing)" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

test: $(STAMP) debian
	$(BIN)/python -m pytest

# The unit tier: no site build, no browser.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not site and not browser"

# Whole-thesis PDFs per script (site/zh-Hant/thesis.pdf, site/zh-Hans/thesis.pdf), typeset
# by WeasyPrint and checked by reading them back (fails if a note or page number is wrong).
pdf: site debian
	$(BIN)/python scripts/make_pdf.py site
	$(BIN)/python scripts/checksums.py site

# The offline edition, both scripts in one zip read from file:// (site/edition-offline.zip,
# linked from the home page, which is built again to link it); npm fetches the pinned shim
# that lets search run there.
offline: site debian
	$(BIN)/python scripts/make_offline.py site/edition-offline.zip
	$(BIN)/python scripts/checksums.py site

# EPUB 3 books per script (site/zh-Hant/thesis.epub, site/zh-Hans/thesis.epub), written from
# the model; EPUBCheck and DAISY Ace check each and any error, warning or violation fails.
epub: site debian
	$(BIN)/python scripts/make_epub.py site
	$(BIN)/python scripts/checksums.py site

# The whole publishable edition in site/, to copy to a static host: both scripts, their
# PDFs and EPUBs, the offline zip, SHA256SUMS over all of it; then every link crawled.
publish: site pdf epub offline
	$(BIN)/python scripts/checksums.py site
	$(BIN)/python scripts/link_check.py site

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Validity and audits, not tests: the W3C Nu HTML Checker over every page of both scripts
# (errors per page kind, the edition's own apart from Material's), Lighthouse's accessibility,
# best-practices and SEO scores on each kind of page, mobile and desktop.  The checkers come
# from npm, pinned in scripts/audit-tools/package-lock.json; Java and chromium from Debian.
audit: site debian
	$(BIN)/python scripts/audit.py site

clean:
	rm -rf site .cache
