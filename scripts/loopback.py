"""The browser and loopback server that the benchmark (search_probe) and the end-to-end
tests share: Debian's chromium, driven by Playwright, and a quiet static server on an
ephemeral port of 127.0.0.1."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from serve import EditionHandler

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Quiet(EditionHandler):  # the media types `make serve` sends
    def log_message(self, *args):
        pass


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `directory` at http://127.0.0.1:PORT/ in a background thread."""
    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
