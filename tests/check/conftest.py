"""Shared fixtures of the `convenant check` tests: a working directory and copies of example cases."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.io.bundled import examples_dir
from convenant_calc.cli.app import app

EXAMPLES = examples_dir()


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """A fresh working directory, so that cases display as short relative paths."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def check() -> Callable:
    """Run `convenant check ARGS...` in-process; the result has exit_code, stdout and stderr."""
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["check", *args])


@pytest.fixture
def copy_case() -> Callable[[str, Path], Path]:
    """Copy the example whose name starts with a prefix ("02") to a new directory."""

    def copy(prefix: str, dest: Path) -> Path:
        (source,) = EXAMPLES.glob(f"{prefix}*")
        return Path(shutil.copytree(source, dest))

    return copy
