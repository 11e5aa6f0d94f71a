"""The versions in use: the tool's and its main dependencies', for `convenant --version` and the reports.

An auditor who re-checks a figure needs to know which program computed it; with a locked
install (requirements.lock) these are the locked versions, but whatever is installed is
what is named. Read from the installed distributions' metadata, only when asked for
(``importlib.metadata`` costs some milliseconds; `settle` never pays them).
"""

from __future__ import annotations

import platform
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
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in DEPENDENCIES:
        try:
            found.append((name, version(name)))
        except PackageNotFoundError:
            found.append((name, "not installed"))
    return tuple(found)


def dependencies_line() -> str:
    """``typer 0.29.2, pyyaml 6.0.2, …; Python 3.11.7``: short enough for a report's header."""
    names = ", ".join(f"{name} {v}" for name, v in dependency_versions())
    return f"{names}; Python {platform.python_version()}"


def version_line() -> str:
    """What `convenant --version` prints."""
    return f"convenant {__version__} ({dependencies_line()})"
