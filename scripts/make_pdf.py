"""Print the whole thesis to PDF, one per script, from the built site's print page.

    python scripts/make_pdf.py [SITE_DIR]

Headless Chromium (Debian's, driven by Playwright) prints site/<script>/print_page/ to
site/<script>/thesis.pdf: A4, page numbers in the footer, bookmarks from the headings,
fonts embedded (Debian's fonts-noto-cjk).  The site links the file as 下載 PDF.
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FOOTER = ('<div style="width:100%;font-size:8px;text-align:center;color:#555">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_pdf(browser, base_url: str, site: Path, script: str) -> tuple[Path, float]:
    start = time.perf_counter()
    page = browser.new_page()
    page.goto(f"{base_url}{script}/print_page/", wait_until="networkidle")
    page.emulate_media(media="print")
    target = site / script / "thesis.pdf"
    page.pdf(path=str(target), format="A4", print_background=False, display_header_footer=True,
             header_template="<span></span>", footer_template=FOOTER, outline=True, tagged=True,
             margin={"top": "18mm", "bottom": "18mm", "left": "22mm", "right": "18mm"})
    page.close()
    return target, time.perf_counter() - start


def print_pdfs(site: Path, scripts=("zh-Hant", "zh-Hans"), browser=None) -> dict[str, tuple[Path, float]]:
    """Serve `site` on loopback and print each script's PDF (with `browser`, or a new one)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        if browser is not None:
            return {script: print_pdf(browser, base_url, site, script) for script in scripts}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            results = {script: print_pdf(browser, base_url, site, script) for script in scripts}
            browser.close()
            return results
    finally:
        server.shutdown()


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    for script, (path, seconds) in print_pdfs(site).items():
        print(f"{path}: {path.stat().st_size / 1024 / 1024:.1f} MiB in {seconds:.1f} s")


if __name__ == "__main__":
    main()
