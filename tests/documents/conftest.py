"""The casebook packed once for the document tests: each example's dossier (`convenant pack`, S23).

A dossier's pages are the printed report exactly as ``settle --format pdf`` prints it (pack calls
the same function), so the tests of the printed pages (test_pdf.py) read them from the dossiers
too: one Chromium print per example for both. Printed two at a time, under SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest

from ..conftest import example_as_of
from ..report.conftest import ALL_EXAMPLES, example_path

EPOCH = 1719835200  # SOURCE_DATE_EPOCH of the prints: 2024-07-01 12:00:00 UTC


@cache
def packed(tmp: Path) -> dict[str, Path]:
    """Every casebook example packed through the CLI (examples/11 with its --as-of), two at a time."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}

    def one(name: str) -> Path:
        out = tmp / f"{name}.pdf"
        as_of = example_as_of(example_path(name))
        done = subprocess.run(
            [sys.executable, "-m", "convenant_calc", "pack", str(example_path(name)), "--output", str(out)]
            + (["--as-of", as_of] if as_of else []),
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == ""
        *warnings, wrote = done.stderr.splitlines()  # S20: examples 17 and 18 warn of their ineligible costs
        assert wrote == f"wrote {out} ({out.stat().st_size} bytes)"
        assert all(": warning: cost " in w for w in warnings), warnings
        return out

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(ALL_EXAMPLES, pool.map(one, ALL_EXAMPLES)))


@pytest.fixture(scope="session")
def dossiers(tmp_path_factory) -> dict[str, Path]:
    return packed(tmp_path_factory.mktemp("dossiers"))
