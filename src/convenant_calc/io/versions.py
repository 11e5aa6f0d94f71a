"""The versions in use: the tool's and its main dependencies', for `convenant --version` and the reports.

An auditor who re-checks a figure needs to know which program computed it; with a locked
install (requirements.lock) these are the locked versions, but whatever is installed is
what is named. Read from the installed distributions' metadata, only when asked for: the
``Version:`` line of each one's ``METADATA`` in its ``{name}-{version}.dist-info`` directory (the
packaging specification "Recording installed projects"), found by one listing of each ``sys.path``
directory. ``importlib.metadata`` answers the same, but it cost 28 ms of CPU for these eleven
names (its import, and an e-mail parser over each whole METADATA file): a quarter of a Markdown
report's start-up (issue 23). It is still asked for a name this look-up does not find.
"""

from __future__ import annotations

import os
import platform
import re
import sys
from functools import cache

from convenant_calc import __version__

#: The runtime dependencies of pyproject.toml that shape the output, as pip names them.
DEPENDENCIES = (
    "typer", "pyyaml", "rich", "python-dateutil", "jinja2", "babel", "xlsxwriter", "pikepdf",
    "python-stdnum", "num2words",
)


@cache
def dependency_versions() -> tuple[tuple[str, str], ...]:
    """(name, version) of each dependency; ``not installed`` for one that cannot be found."""
    listed = _dist_infos()
    found = []
    for name in DEPENDENCIES:
        found.append((name, _metadata_version(listed.get(_normalised(name))) or _version_by_importlib(name)))
    return tuple(found)


def _normalised(name: str) -> str:
    """A project name as its dist-info directory spells it: runs of ``-_.`` as one ``_``, lower case."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _dist_infos() -> dict[str, str]:
    """The ``.dist-info`` directories on ``sys.path`` by normalised project name; the first one found wins,
    as an import would find it."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for dirname in names:
            if dirname.endswith(".dist-info"):
                found.setdefault(_normalised(dirname[: -len(".dist-info")].rsplit("-", 1)[0]), os.path.join(entry, dirname))
    return found


def _metadata_version(dist_info: str | None) -> str | None:
    """The ``Version:`` header of a dist-info's METADATA (its headers end at the first blank line)."""
    if dist_info is None:
        return None
    try:
        with open(os.path.join(dist_info, "METADATA"), encoding="utf-8") as metadata:
            for line in metadata:
                if not line.strip():
                    break
                if line.startswith("Version:"):
                    return line[len("Version:"):].strip()
    except OSError:
        return None
    return None


def _version_by_importlib(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def dependencies_line() -> str:
    """``typer 0.29.2, pyyaml 6.0.2, …; Python 3.11.7``: short enough for a report's header."""
    names = ", ".join(f"{name} {v}" for name, v in dependency_versions())
    return f"{names}; Python {platform.python_version()}"


def version_line() -> str:
    """What `convenant --version` prints."""
    return f"convenant {__version__} ({dependencies_line()})"
