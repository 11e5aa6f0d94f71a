"""`convenant diff OLD NEW` (S22): load both versions, walk from the old to the new, render, write.

Exit 0 when the settled figures are equal, 1 when they differ, 2 on bad input or usage (each
version's problems as ``settle`` prints them, ``file:line:col: message``; nothing written).
"""

from __future__ import annotations

from pathlib import Path

from convenant_calc.cli.commands import Usage, _check_output, _emit, chosen_format, load_reporting, say

FORMATS = ("table", "json", "markdown")


def run_diff(old: Path, new: Path, fmt: str | None = None, lang: str = "en", output: Path | None = None) -> int:
    """Settle OLD and NEW and explain their difference step by step (S22); the exit code."""
    try:
        _check_output(output)
        fmt = chosen_format(fmt, output)
        if fmt not in FORMATS:
            raise Usage(f"{output}: diff writes {', '.join(FORMATS)}; give the file the extension .md or .json")
    except Usage as exc:
        say(exc)
        return 2
    before = load_reporting(old)
    after = load_reporting(new)  # both versions' problems at once, even when the old one has some
    if before is None or after is None:
        return 2
    from convenant_calc.io.problems import display_path
    from convenant_calc.views.diff import compare
    from convenant_calc.views.labels import Lang

    comparison = compare(before, after, display_path(old), display_path(new))
    code = 0 if comparison.walk.equal else 1
    t = Lang(lang)
    if fmt == "json":
        from convenant_calc.render.diff import as_json

        text = as_json(comparison)
    elif fmt == "markdown":
        from convenant_calc.render.diff import markdown

        text = markdown(comparison, t)
    elif output is None:
        from rich.console import Console

        from convenant_calc.render.diff import renderable

        Console().print(renderable(comparison, t), crop=False)
        return code
    else:
        from convenant_calc.render.diff import table

        text = table(comparison, t)
    written = _emit(text, output)
    return written or code
