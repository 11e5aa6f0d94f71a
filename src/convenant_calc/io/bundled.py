"""The agreements shipped with the tool (``data/<id>.yaml``).

In a wheel they live in ``convenant_calc/data`` (hatch force-includes the
top-level ``data/`` there); in a source checkout or an editable install they
are read from the repository's ``data/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # convenant_calc/


DEFAULT_EXAMPLE = "07-everything-together"


def _shipped(name: str) -> Path:
    packaged = _PACKAGE / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parents[1] / name  # src/convenant_calc -> the repository


def data_dir() -> Path:
    return _shipped("data")


def examples_dir() -> Path:
    return _shipped("examples")


def default_example() -> Path:
    """The richest bundled example, settled by `convenant settle` with no argument."""
    return examples_dir() / DEFAULT_EXAMPLE


def bundled_ids() -> list[str]:
    return sorted(p.stem for p in data_dir().glob("*.yaml"))


def bundled_path(convenant_id: str) -> Path | None:
    if convenant_id not in bundled_ids():
        return None
    return data_dir() / f"{convenant_id}.yaml"
