"""Where a build's time goes: CPU seconds per hook or plugin and event, and the rest of MkDocs.

    python scripts/hook_times.py [-f mkdocs.zh-Hans.yml] [--runs N]

Runs `mkdocs build` in this process with every event handler wrapped in a timer (process
CPU time, so a busy machine's other work does not count), into a temporary folder, and
prints the median of N builds per handler, largest first.  A diagnosis for `make bench`'s
build ratio, not a benchmark: the ratio itself is measured in scripts/bench.py.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_build(config_file: str, site_dir: str) -> dict[str, float]:
    """One build; handler name → CPU seconds, plus "total" for the whole build."""
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    seconds: dict[str, float] = collections.defaultdict(float)
    run_event = PluginCollection.run_event

    def timed_run_event(self, name, item=None, **kwargs):
        handlers = self.events[name]
        wrapped = []
        for method in handlers:
            label = f"{self._event_origins.get(method, '?')}: on_{name}"

            def timer(*args, _method=method, _label=label, **kw):
                start = time.process_time()
                try:
                    return _method(*args, **kw)
                finally:
                    seconds[_label] += time.process_time() - start
            self._event_origins[timer] = self._event_origins.get(method, "?")
            wrapped.append(timer)
        self.events[name] = wrapped
        try:
            return run_event(self, name, item, **kwargs)
        finally:
            self.events[name] = handlers

    PluginCollection.run_event = timed_run_event
    try:
        start = time.process_time()
        config = load_config(config_file, site_dir=site_dir)  # strict as the file says
        config.plugins.on_startup(command="build", dirty=False)
        build.build(config)
        config.plugins.on_shutdown()
        seconds["total"] = time.process_time() - start
    finally:
        PluginCollection.run_event = run_event
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--one", metavar="SITE_DIR", help=argparse.SUPPRESS)  # one build, its times as JSON
    args = parser.parse_args()
    os.chdir(ROOT)
    if args.one:
        sys.path.insert(0, str(ROOT / "scripts"))
        print(json.dumps(timed_build(args.config_file, args.one)))
        return
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):  # each in a fresh process, as `mkdocs build` runs: no warm caches
            output = subprocess.run([sys.executable, __file__, "-f", args.config_file, "--one", f"{tmp}/{run}"],
                                    check=True, capture_output=True, text=True,
                                    env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}).stdout
            runs.append(json.loads(output.splitlines()[-1]))
    medians = {label: statistics.median(r.get(label, 0.0) for r in runs) for label in runs[0]}
    handlers = sum(value for label, value in medians.items() if label != "total")
    print(f"{args.config_file}, CPU seconds, median of {args.runs}:")
    for label, value in sorted(medians.items(), key=lambda item: -item[1]):
        if label != "total" and value >= 0.005:
            print(f"  {value:6.2f}  {label}")
    print(f"  {medians['total'] - handlers:6.2f}  MkDocs itself (reading, Markdown, templates, copying)")
    print(f"  {medians['total']:6.2f}  total (without the interpreter's start and pandoc)")


if __name__ == "__main__":
    main()
