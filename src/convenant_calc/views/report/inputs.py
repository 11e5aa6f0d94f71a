"""The case's input files with their SHA-256, so a report can be tied to exactly what was settled."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from convenant_calc.views.report.model import InputFile

ROLES = ("convenant", "absences", "results", "payments", "costs")  # costs: S20, the cost statement (optional)


def input_files(sources: Mapping[str, Path], bundled_dir: Path | None = None) -> tuple[InputFile, ...]:
    """Hash the case's input files (the only I/O of the report model), in the fixed order of ROLES."""
    files = []
    for role in ROLES:
        path = sources.get(role)
        if path is None:
            continue
        bundled = bundled_dir is not None and path.resolve().parent == bundled_dir.resolve()
        files.append(InputFile(role, path.name, hashlib.sha256(path.read_bytes()).hexdigest(), bundled))
    return tuple(files)
