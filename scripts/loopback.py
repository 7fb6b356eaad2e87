"""The browser and loopback server that the benchmark (search_probe, lighthouse_bench) and the
end-to-end tests share: Debian's chromium, driven by Playwright, and a quiet static server on
an ephemeral port of 127.0.0.1 — optionally gzipping text, as a real host does."""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
from pathlib import Path

from serve import EditionHandler

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".bib", ".ris")


class Quiet(EditionHandler):  # the media types `make serve` sends
    def log_message(self, *args):
        pass


class Compressing(Quiet):
    """Text files sent gzipped (level 6, as nginx and most hosts do) when the client asks."""
    cache: dict[str, bytes] = {}

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not (path.endswith(COMPRESSIBLE) and os.path.isfile(path)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        if path not in self.cache:
            self.cache[path] = gzip.compress(Path(path).read_bytes(), 6, mtime=0)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path, compress: bool = False) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `directory` at http://127.0.0.1:PORT/ in a background thread."""
    handler = functools.partial(Compressing if compress else Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
