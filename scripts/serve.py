"""Serve the built site locally: python scripts/serve.py [--port N] [DIRECTORY].

A port that is taken (or not allowed) is reported in one line, with the way out.
"""
from __future__ import annotations

import argparse
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class EditionHandler(SimpleHTTPRequestHandler):
    """Static files with the media types the edition's data needs (a host must send the
    same, see the README): JSON-LD for the DTS API, TEI for TEI, UTF-8 for plain text."""

    def guess_type(self, path):
        path = str(path)
        if path.endswith(".jsonld"):
            return "application/ld+json"
        if path.endswith(".tei.xml") or "/dts/document/" in path.replace("\\", "/"):
            return "application/tei+xml"
        if path.endswith(".txt"):
            return "text/plain; charset=utf-8"
        return super().guess_type(path)

    def end_headers(self):
        # DTS: a Document response links back to its Resource in the Collection endpoint
        base, found, rest = self.path.partition("/dts/document/")
        if found and self.command in ("GET", "HEAD"):
            resource = rest.split("/", 1)[0].split("?", 1)[0].removesuffix(".xml")
            self.send_header("Link", f'<{base}/dts/collection/{resource}.jsonld>; rel="collection"')
        super().end_headers()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    handler = functools.partial(EditionHandler, directory=args.directory)
    try:
        server = ThreadingHTTPServer((args.bind, args.port), handler)
    except OSError as error:
        print(f"error: cannot serve on {args.bind}:{args.port} ({error.strerror}); "
              f"choose another port, e.g. make serve PORT={args.port + 1}", file=sys.stderr)
        return 1
    print(f"Serving the edition at http://{args.bind}:{server.server_port}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
