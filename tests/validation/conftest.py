"""A small case written to tmp_path, and the CLI run in-process on it.

The working directory is tmp_path, so positions read ``case/<file>:line:col``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app

# 2024 is a leap year: the term has 366 days; 2 FTE funded; two commitments.
CONVENANT = """\
id: test-2024
title: Test agreement
term: {start: 2024-01-01, end: 2024-12-31}
max_subsidy: 100000.00
consultants_fte: 2
result_commitments:
  - {id: R1, title: Visits, target: 10}
  - {id: R2, title: Sessions, target: 4}
"""

RESULTS = """\
results:
  - {commitment: R1, achieved: 10}
  - {commitment: R2, achieved: 4}
"""


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


class Case:
    def __init__(self, root: Path):
        self.dir = root / "case"
        self.dir.mkdir()
        self.write(**{"convenant.yaml": CONVENANT, "results.yaml": RESULTS})

    def write(self, **files: str | None) -> Case:
        for name, text in files.items():
            path = self.dir / name
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")
        return self

    def run(self, *args: str) -> Run:
        result = CliRunner().invoke(app, list(args) or ["validate", "case"])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return Run(result.exit_code, result.stdout, result.stderr)

    def errors(self, **files: str | None) -> list[str]:
        """Write the files, validate, and return stderr's lines; the run must end with exit 2 and no stdout."""
        run = self.write(**files).run()
        assert run.exit_code == 2, run
        assert run.stdout == ""
        return run.lines


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Case:
    monkeypatch.chdir(tmp_path)
    return Case(tmp_path)
