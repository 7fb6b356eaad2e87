"""MkDocs hook: work that both scripts' builds share, done once (edition/build_cache.py).

- Jinja's compiled templates.  Both builds render Material's templates and overrides/, the
  same files; compiling them is a sixth of a build.  The first build stores the bytecode,
  the second loads it (Jinja checks each template's source against it).
- The reference list's formatting.  mkdocs-bibtex runs pandoc (citeproc) over the same
  entries in both builds (the Simplified build converts its output afterwards): pandoc
  runs in the first build only.
It also offers the Simplified hooks (simplified.py, text_formats.py) a conversion kept in
the cache, named by the text and by what the conversion is made of: a rebuild converts no
unchanged page or file again.
"""
from __future__ import annotations

import functools
import json
import types
from importlib import metadata
from pathlib import Path

import jinja2
import opencc
import pypandoc

import edition.script
from edition.build_cache import BuildCache, files_fingerprint, fingerprint
from edition.script.artefacts import simplified_file
from edition.script.simplified import SCRIPT_DATA

PANDOC_STEP = "pandoc-citeproc"


class SharedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's own file cache, written atomically (two builds may run at once)."""

    def __init__(self, cache: BuildCache) -> None:
        super().__init__(str(cache.folder("jinja")))
        self.cache = cache

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with self.cache.writing(Path(self._get_cache_filename(bucket))) as f:
            bucket.write_bytecode(f)


def on_env(env, config, **kwargs):
    env.bytecode_cache = SharedBytecodeCache(BuildCache.of(config))
    return env


def on_config(config, **kwargs):
    bibtex = config["plugins"].get("bibtex")
    registry = getattr(bibtex, "registry", None)
    if registry is not None and hasattr(registry, "_process_with_pandoc"):
        cache = BuildCache.of(config)
        csl = Path(config.config_file_path).parent / registry.csl_file
        inputs = fingerprint(registry.bib_data_bibtex, csl.read_bytes(), pypandoc.get_pandoc_version(),
                             metadata.version("mkdocs-bibtex"))  # its document to pandoc, its reading of the result
        registry._process_with_pandoc = types.MethodType(
            functools.partial(formatted_once, cache, inputs, registry._process_with_pandoc), registry)
    return config


def formatted_once(cache: BuildCache, inputs: str, process, registry, citation_blocks):
    """mkdocs-bibtex's pandoc step, keyed by the entries and style and the set of citations
    (which arrive in the order of a set: sorted here, as the result does not depend on it)."""
    key = fingerprint(inputs, *sorted(str(block) for block in citation_blocks))

    def run() -> bytes:
        inline, references = process(citation_blocks)
        return json.dumps([inline, references], ensure_ascii=False, sort_keys=True).encode("utf-8")

    inline, references = json.loads(cache.get_or_make(PANDOC_STEP, key, run))
    return inline, references


@functools.lru_cache(maxsize=1)
def conversion_inputs() -> str:
    """What the Simplified conversion of a text depends on besides the text: its code and
    data (edition/script/, source/script/) and OpenCC (code, configurations, dictionaries)."""
    return files_fingerprint(Path(edition.script.__file__).parent, SCRIPT_DATA, Path(opencc.__file__).parent)


def cached_conversion(config, step: str, path: str, text: str) -> str:
    """`simplified_file(path, text)`, from the cache when this file's text was converted so before."""
    key = fingerprint(conversion_inputs(), path, text)
    made = BuildCache.of(config).get_or_make(step, key, lambda: simplified_file(path, text).encode("utf-8"))
    return made.decode("utf-8")
