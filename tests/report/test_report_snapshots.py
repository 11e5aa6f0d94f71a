"""Snapshots of the Markdown and HTML reports and of the terminal table, for two examples in both languages.

The snapshots in ``tests/report/snapshots/`` are the tool's exact output: any change to a report's
bytes fails here. After a deliberate change, regenerate them and review the diff::

    CONVENANT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/report/test_report_snapshots.py
    git diff tests/report/snapshots/

They are produced through the command line (``settle --format … --lang … --output FILE``), so they
also pin what the user gets in a file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.io.versions import dependencies_line

from .conftest import example_path

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("CONVENANT_UPDATE_SNAPSHOTS") == "1"
CASES = ["05-maternity-half-replaced-exactly-half", "07-everything-together"]
FORMATS = {"markdown": "md", "html": "html", "table": "txt"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("case", CASES)
def test_snapshot(case, lang, fmt, tmp_path, monkeypatch):
    monkeypatch.chdir(example_path(case).parents[1])  # the table names the case relative to here: examples/…
    out = tmp_path / f"report.{FORMATS[fmt]}"
    result = CliRunner().invoke(
        app, ["settle", str(example_path(case)), "--format", fmt, "--lang", lang, "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    # The libraries' versions (issue 9) depend on the install: the snapshot holds a placeholder.
    got = out.read_bytes().replace(dependencies_line().encode(), b"{dependencies}")
    snapshot = SNAPSHOTS / f"{case}.{lang}.{FORMATS[fmt]}"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_bytes(got)
    assert snapshot.exists(), f"no snapshot {snapshot.name}; run with CONVENANT_UPDATE_SNAPSHOTS=1 to create it"
    assert got.decode("utf-8") == snapshot.read_bytes().decode("utf-8")
