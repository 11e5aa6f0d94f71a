"""docs/diff.md shows real output: each `$ convenant diff ...` block is what the command prints on 80 columns."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from convenant_calc.io.loading import load_case
from convenant_calc.io.problems import display_path
from convenant_calc.render.diff import table
from convenant_calc.views.diff import compare
from convenant_calc.views.labels import Lang

from .conftest import fien_pair

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "diff.md"


def blocks() -> list[tuple[list[str], list[str]]]:
    """(the command's arguments, the lines shown) of every ```text block that starts with `$ convenant diff`."""
    found = []
    for block in re.findall(r"```text\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL):
        lines = block.rstrip("\n").split("\n")
        if lines[0].startswith("$ convenant diff "):
            found.append((shlex.split(lines[0])[3:], lines[1:]))
    return found


def printed(args: list[str]) -> list[str]:
    old, new, *options = args
    lang = options[options.index("--lang") + 1] if "--lang" in options else "en"
    c = compare(load_case(Path(old)), load_case(Path(new)), display_path(Path(old)), display_path(Path(new)))
    return [line.rstrip() for line in table(c, Lang(lang), width=80).rstrip("\n").split("\n")]


def test_the_doc_shows_three_runs():
    assert [args[:2] for args, _ in blocks()] == [
        ["examples/07-everything-together", "examples/diff/07-everything-together-revised"],
        ["examples/07-everything-together", "examples/diff/07-everything-together-revised"],
        ["old", "new"],
    ]


@pytest.mark.parametrize("index", [0, 1])
def test_the_example_07_runs_are_as_printed(index, monkeypatch):
    monkeypatch.chdir(ROOT)
    args, shown = blocks()[index]
    assert shown == printed(args)


def test_the_merged_step_is_as_printed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fien_pair(tmp_path)
    args, shown = blocks()[2]
    assert shown[0] == "[...]"  # the figures before the steps are left out
    out = printed(args)
    start = out.index(shown[1])
    assert shown[1:] == out[start : start + len(shown) - 1]
