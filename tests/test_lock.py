"""The lock holds every distribution the build and the tests run with, by version and hash.

`make` installs from requirements.lock with hash checking; a dependency added to
pyproject.toml without `make lock`, or a package installed by hand, shows up here.
"""
from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
ENTRY = re.compile(r"^(?P<requirement>[A-Za-z0-9][^\\\n]*?)\s*\\\n(?P<hashes>(?:\s+--hash=sha256:[0-9a-f]{64}\s*\\?\n?)+)", re.M)


def locked() -> dict[str, tuple[str, int]]:
    """name → (version, number of hashes), for the entries whose markers hold here."""
    entries = {}
    for match in ENTRY.finditer((ROOT / "requirements.lock").read_text(encoding="utf-8")):
        requirement = Requirement(match["requirement"])
        if requirement.marker is None or requirement.marker.evaluate():
            (specifier,) = requirement.specifier
            assert specifier.operator == "==", requirement
            entries[canonicalize_name(requirement.name)] = (specifier.version, match["hashes"].count("--hash="))
    return entries


def test_every_locked_release_has_its_hashes():
    entries = locked()
    assert len(entries) > 40 and all(hashes >= 1 for _version, hashes in entries.values())
    assert {"mkdocs", "mkdocs-material", "weasyprint", "pytest", "pip", "setuptools", "uv"} <= set(entries)


def test_what_is_installed_is_what_is_locked():
    entries = locked()
    project = canonicalize_name(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"])
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    installed.pop(project, None)
    assert {name: version for name, version in installed.items() if entries.get(name, (None,))[0] != version} == {}
    assert sorted(set(entries) - set(installed)) == []


def test_every_direct_dependency_is_locked_at_a_version_it_allows():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entries = locked()
    wanted = project["dependencies"] + [r for group in project["optional-dependencies"].values() for r in group]
    for line in wanted:
        requirement = Requirement(line)
        assert requirement.specifier.contains(entries[canonicalize_name(requirement.name)][0], prereleases=True), line



def test_the_lock_is_made_for_the_oldest_python_the_project_admits():
    """Debian 12's own python3 is 3.11.2: `requires-python` says what the lock was resolved for,
    so a Python the project admits finds every locked release installable."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    header = (ROOT / "requirements.lock").read_text(encoding="utf-8").split("\n", 3)[1]
    made_for = re.search(r"--python-version (\S+)", header)
    assert made_for and project["requires-python"] == f">={made_for[1]}", (project["requires-python"], header)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"--python-version {made_for[1]} " in makefile
