"""`convenant check`: find the case directories, select them, and check (or update) each one.

Text mode streams one line per case as it is settled; JSON mode prints one object at
the end (both written by :mod:`convenant_calc.casebook.render`). Reading expected.yaml
is :mod:`~convenant_calc.casebook.expected`, comparing is
:mod:`~convenant_calc.casebook.compare`, ``--update`` is
:mod:`~convenant_calc.casebook.updating`.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from convenant_calc.casebook import render
from convenant_calc.casebook.compare import check_expected
from convenant_calc.casebook.model import EXPECTED, Tally, UpdateStatus
from convenant_calc.core.text import quoted
from convenant_calc.io.loading import near_miss
from convenant_calc.io.problems import Position, Problem, display_path
from convenant_calc.render.terminal import for_stream


class CaseDir(NamedTuple):
    path: Path
    name: str  # as the user will recognise it: below the path they gave, relative to it


def find_cases(paths: Iterable[Path], *, update: bool = False) -> tuple[list[CaseDir], list[Problem]]:
    """The case directories under ``paths``, in order, and a problem for each path that yields none.

    A path is a case directory (it holds an expected.yaml), or a directory searched
    recursively (hidden directories such as ``.git`` and ``.venv`` skipped) for
    directories holding an expected.yaml. With ``update``, a case directory named
    directly that has a results.yaml but no expected.yaml yet is a case too (its
    expected.yaml will be written). A case reached twice is checked once.
    """
    cases: list[CaseDir] = []
    seen: set[tuple[int, int]] = set()
    problems: list[Problem] = []

    for path in paths:
        if path.is_file() and path.name == EXPECTED:
            path = path.parent
        name = display_path(path)
        if not path.is_dir():
            what = _not_a_directory(path)
            problems.append(Problem(Position(name), f"{what}; give a case directory or a directory of cases"))
            continue
        found = list(_walk(path))
        if not found and (path / "results.yaml").is_file():
            if update:
                found = [path]
            else:
                problems.append(
                    Problem(
                        Position(name),
                        f"this case has no {EXPECTED}; write the figures you expect there, or run "
                        f"'convenant check --update {name}' and review what it writes",
                    )
                )
                continue
        if not found:
            problems.append(Problem(Position(name), f"no case directory with an {EXPECTED} under this directory"))
        for case_dir in found:
            st = case_dir.stat()  # the same directory by another path (a symlink, "a/../a") counts once
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                rel = os.path.relpath(case_dir, path)
                cases.append(CaseDir(case_dir, name if rel == "." else os.path.join(name, rel)))
    return cases, problems


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        # a near miss (expected.yml, expected.yaml.txt) is a case too: it fails, naming the file, rather
        # than being passed over so that the case is never checked
        if EXPECTED in filenames or any(near_miss(f) == EXPECTED for f in filenames):
            yield Path(dirpath)


def select(cases: Sequence[CaseDir], keyword: str | None) -> list[CaseDir]:
    """``-k TEXT``: the cases whose name (as displayed) contains TEXT, ignoring case."""
    if not keyword:
        return list(cases)
    needle = keyword.casefold()
    return [c for c in cases if needle in c.name.casefold()]


def _minus(stream) -> str:
    """U+2212 where the output can carry it, else an ASCII hyphen (a legacy Windows console)."""
    try:
        "\u2212".encode(getattr(stream, "encoding", None) or "utf-8")
        return "\u2212"
    except (UnicodeEncodeError, LookupError):
        return "-"


def run(paths: Sequence[Path], *, keyword: str | None, update: bool, as_json: bool, out, err) -> int:
    """The `check` command: find, select, settle and compare (or update) every case; the exit code.

    Text mode streams one line per case to ``out`` as it is settled; input problems go to
    ``err`` as ``file:line:col: message``, as for `settle`. JSON mode prints one object at the end.
    """
    cases, problems = find_cases(paths, update=update)
    selected = select(cases, keyword)
    if cases and not selected:
        problems.append(Problem(Position("-k"), f"no case name contains {quoted(keyword)} (of {len(cases)} found)"))
    for problem in problems:
        print(problem, file=err)
    minus = _minus(out)

    if update:
        from convenant_calc.casebook.updating import update_case

        results = []
        for case_dir, name in selected:
            result = update_case(case_dir, name)
            results.append(result)
            for problem in result.problems:
                print(problem, file=err)
            if not as_json:
                _write(out, render.update_line(result))
        failed = problems or any(r.status is UpdateStatus.ERROR for r in results)
        code = 2 if failed else 0
        if as_json:
            _write(out, render.update_json(results, problems, code))
        else:
            counts = {s: sum(1 for r in results if r.status is s) for s in UpdateStatus}
            done = [f"{n} {s.value}" for s, n in counts.items() if n]
            _write(out, (", ".join(done) or "nothing to update") + "\n")
        return code

    tally = Tally()
    for case_dir, name in selected:
        result = check_expected(case_dir, name)
        tally.add(result)
        for problem in result.problems:
            print(problem, file=err)
        if as_json:
            tally.results.append(result)
        else:
            _write(out, render.case_lines(result, minus))
    code = 2 if problems else tally.exit_code
    if as_json:
        _write(out, render.json_report(tally, problems, code))
    else:
        _write(out, render.summary(tally))
    return code


def _write(out, text: str) -> None:
    """Every line of the report as it may reach ``out``: case names, ids and expected values are input,
    shown on a terminal with their control characters as escapes
    (:func:`~convenant_calc.render.terminal.for_stream`)."""
    out.write(for_stream(out, text))


def _not_a_directory(path: Path) -> str:
    """Why ``path`` is no directory to check, as the user would put it."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a loop of symbolic links"
        if path.is_symlink():
            return "is a symbolic link to nothing (dangling)"
        return "does not exist"
    return "is not a directory"
