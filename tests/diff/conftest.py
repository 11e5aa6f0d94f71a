"""Shared fixtures of the `convenant diff` tests (S22): copies of example cases to edit, and the command."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.io.bundled import examples_dir

EXAMPLES = examples_dir()


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """A fresh working directory, so that cases display as short relative paths (``old/results.yaml:5``)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def copy_example(prefix: str, dest: Path) -> Path:
    """A copy of the example whose name starts with ``prefix`` ("02") at ``dest``."""
    (source,) = (p for p in EXAMPLES.glob(f"{prefix}*") if p.is_dir())
    return Path(shutil.copytree(source, dest))


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must occur exactly once) by ``new`` in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def diff() -> Callable:
    """Run `convenant diff ARGS...` in-process; the result has exit_code, stdout and stderr."""
    from convenant_calc.cli.app import app

    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["diff", *map(str, args)])


@pytest.fixture
def diff_json(diff) -> Callable:
    """`convenant diff OLD NEW --format json` as a mapping, and its exit code."""

    def run(old, new) -> tuple[dict, int]:
        result = diff(old, new, "--format", "json")
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.stdout), result.exit_code

    return run


def effects(out: dict) -> list[tuple[str, ...]]:
    """Each step's effect as (FTE-days short, deduction, payout, subsidy, balance)."""
    return [tuple(step["effect"].values()) for step in out["steps"]]


def items(out: dict) -> list[list[tuple[str, str, str]]]:
    """Each step's items as (change, item, file:line)."""
    return [[(i["change"], i["item"], f"{i['file']}:{i['line']}") for i in step["items"]] for step in out["steps"]]


def fien_pair(root: Path) -> tuple[Path, Path]:
    """Example 07 (``old``) and the same with Fien (``new``), who fills the vacancy between Bram (left
    2024-11-30) and Chloe (from 2025-01-06) and takes 5 days of unpaid leave; NEW writes its absences
    (Fien's on line 3) before its consultants (Fien on line 24). docs/diff.md shows this pair."""
    old = copy_example("07", root / "old")
    new = copy_example("07", root / "new")
    text = (old / "absences.yaml").read_text(encoding="utf-8")
    consultants = text[text.index("consultants:") : text.index("absences:")]
    absences = text[text.index("absences:") :]
    fien = "  - {id: fien, name: Fien Jacobs, fte: 1.0, employed: {from: 2024-12-01, to: 2025-01-05}}\n"
    leave = "  - {consultant: fien, kind: unpaid_leave, from: 2024-12-02, to: 2024-12-06}\n"
    (new / "absences.yaml").write_text(
        "# Fien fills the vacancy between Bram and Chloe.\n"
        + absences.replace("absences:\n", "absences:\n" + leave, 1)
        + consultants
        + fien,
        encoding="utf-8",
    )
    return old, new
