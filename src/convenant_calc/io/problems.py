"""Input problems as values, each with its position, until the CLI prints them.

Like Beancount's errors: a loader returns data plus a list of problems; only
the shell decides to print them (``file:line:col: message``) and exit 2.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from convenant_calc.core.text import visible


@dataclass(frozen=True, order=True)
class Position:
    """A place in an input file; line and column are 1-based, as editors show them."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or, with ``warning=True``, suspicious) in the input."""

    position: Position
    message: str
    warning: bool = False

    def __str__(self) -> str:
        """``file:line:col: message``, one line, with any control character from the input made visible."""
        kind = "warning: " if self.warning else ""
        return visible(f"{self.position}: {kind}{self.message}")

    @property
    def sort_key(self) -> tuple:
        return (self.position.file, self.position.line, self.position.col, self.message)


class InputError(Exception):
    """Raised by the loading layer when a case cannot be settled; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    def report(self, stream) -> None:
        """Print every problem as ``file:line:col: message``, then the summary (SPEC §6)."""
        for problem in self.problems:
            print(problem, file=stream)
        print(self.summary(), file=stream)

    def summary(self) -> str:
        errors = self.errors
        files = {p.position.file for p in errors}
        e = "error" if len(errors) == 1 else "errors"
        f = "file" if len(files) == 1 else "files"
        return f"{len(errors)} {e} in {len(files)} {f}"


def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative to the working directory when below it."""
    try:
        if os.path.islink(path) and not os.path.exists(path):  # a link to nothing is named, not its target
            resolved = Path(path).parent.resolve() / Path(path).name
        else:
            resolved = path.resolve()
        return str(resolved.relative_to(_resolved(os.getcwd())))
    except (ValueError, OSError, RuntimeError):  # not below it; or a loop of links (RuntimeError before 3.13)
        return str(path)


def display_path_in(directory: Path, shown: str, name: str) -> str:
    """``display_path(directory / name)``, given ``shown = display_path(directory)``.

    The same text without resolving the directory's links a second time (a batch reads
    four files a case): ``name`` adds one component, unless it is itself a link.
    """
    path = directory / name
    if os.path.islink(path):
        return display_path(path)
    return below(shown, name)


def below(shown: str, name: str) -> str:
    """``str(Path(shown) / name)`` for a ``shown`` as :func:`display_path` gives it (a path already in its
    normal form) and a ``name`` of one component, without building two paths (a batch names four files a case)."""
    if shown == ".":
        return name
    return f"{shown}{name}" if shown.endswith("/") else f"{shown}/{name}"


@lru_cache(maxsize=8)
def _resolved(cwd: str) -> Path:
    """The working directory with its links resolved, once per directory (a batch resolves it once)."""
    return Path(cwd).resolve()


def closest(word: object, known) -> str | None:
    """The known name most like ``word`` (for "did you mean …?"), or None; difflib only on this error path."""
    from difflib import get_close_matches

    hint = get_close_matches(str(word), list(known), n=1)
    return hint[0] if hint else None
