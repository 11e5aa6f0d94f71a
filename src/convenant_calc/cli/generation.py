"""`convenant generation DIR`: settle every case under DIR in one process (SPEC §12, S18).

Finds the case directories, settles each (a case that cannot be read is reported
with its problems, exactly as `settle` prints them, and the others go on), builds
the overview (:mod:`convenant_calc.views.generation`) and renders it. Exit codes as
SPEC §6: 0 every case settled (and every expected total holds), 1 an expected total
differs (``--expect``), 2 a case failed or bad usage.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from convenant_calc.cli.commands import EXTENSIONS, Usage, _check_output, chosen_format, write_file
from convenant_calc.core.text import visible

FORMATS = ("table", "json", "csv", "xlsx", "html")
#: Start the progress bar only when the run is still going after this long (S18: "more than a second").
PROGRESS_AFTER_S = 1.0


def generation_format(fmt: str | None, output: Path | None) -> str:
    """``--format``, else the one the --output file's extension names (as for settle), else the table.

    A contradiction (``--format json --output x.csv``), an extension of a format the overview has
    not (``.md``, ``.pdf``) and xlsx without --output are usage errors.
    """
    suffix = output.suffix.lower() if output is not None else ""
    named = EXTENSIONS.get(suffix)
    if named is not None and named not in FORMATS:
        raise Usage(
            f"{output}: the extension {suffix} means {named}, which the overview is not written as; "
            f"use one of .json, .csv, .xlsx, .html (or --format table)"
        )
    if fmt is not None and fmt not in FORMATS:
        raise Usage(f"--format {fmt}: expected one of {', '.join(FORMATS)}")
    fmt = chosen_format(fmt, output)
    if fmt == "xlsx" and output is None:
        raise Usage("--format xlsx writes a binary workbook: give --output FILE.xlsx")
    return fmt


def find_cases(root: Path, recursive: bool) -> list[tuple[Path, str]]:
    """The case directories under ``root``, in name order, each with its name relative to ``root``.

    One level: every subdirectory holding anything of a case is a case
    (:func:`~convenant_calc.io.loading.is_case_directory`: a case file, a near miss of one such as
    ``results.yml``, a link to nothing under a case file's name, any ``*.yaml``). With ``recursive``:
    every directory below ``root`` holding one, not looking further inside a case. Hidden
    directories (``.git``) are skipped. A subdirectory that cannot be read, and a link to nothing,
    are cases too: they fail, saying so. A case that lacks results.yaml is still a case (it fails
    with that error), so a forgotten file is never silently left out of the totals.
    """
    from convenant_calc.io.loading import is_case_directory

    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a directory"
        raise Usage(f"{root}: {what}; give the directory that holds the case directories")
    found: list[tuple[Path, str]] = []

    def visit(directory: Path, prefix: str) -> None:
        try:
            children = sorted(directory.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            if directory == root:
                raise Usage(f"{root}: cannot be read ({exc.strerror or exc}); check its permissions") from None
            found.append((directory, prefix.rstrip("/")))  # it fails, saying what could not be read
            return
        for child in children:
            if child.name.startswith("."):
                continue
            name = f"{prefix}{child.name}"
            try:
                kind = os.stat(child).st_mode
            except FileNotFoundError:
                if os.path.islink(child):
                    found.append((child, name))  # a link to nothing: it fails, saying so
                continue
            except OSError:  # cannot be looked at (no search permission above it, a loop of links)
                found.append((child, name))  # it fails, saying what could not be read
                continue
            if not stat.S_ISDIR(kind):
                continue
            if is_case_directory(child):
                found.append((child, name))
            elif recursive:
                visit(child, f"{name}/")

    visit(root, "")
    if not found:
        where = "below" if recursive else "directly under"
        hint = "" if recursive else " (use -r to look deeper)"
        if is_case_directory(root):
            hint = f"; {root} is itself a case: settle it with 'convenant settle {root}'"
        raise Usage(f"{root}: no case directory (one holding results.yaml) {where} this directory{hint}")
    return found


def shown_case(root: Path, name: str) -> str:
    """A case as its messages name it: below the generation directory as the user gave it, a link by its
    own name (``G/01-bouw-latest``, not the ``G/01-bouw`` it leads to)."""
    from convenant_calc.io.problems import display_path

    return str(Path(display_path(root)) / name)


def same_directory(cases: list[tuple[Path, str]]) -> dict[int, list[int]]:
    """The cases that are one directory reached by two paths (a link to a case beside it): index → the others.

    One directory is one (device, inode) pair, known from one ``stat`` of each case (its real path took a
    ``lstat`` of every component; issue 23). A case that cannot be looked at is no other case's directory.
    """
    by_real: dict[tuple[int, int], list[int]] = {}
    for i, (case_dir, _) in enumerate(cases):
        try:
            st = os.stat(case_dir)
        except (OSError, ValueError):  # as os.path.exists: a link to nothing, no permission, a loop
            continue
        by_real.setdefault((st.st_dev, st.st_ino), []).append(i)
    return {i: [j for j in group if j != i] for group in by_real.values() if len(group) > 1 for i in group}


class LateProgress:
    """A transient rich progress bar on a terminal, started only once the run has lasted ``after`` seconds.

    Nothing at all when ``console`` is None or not a terminal (piped, redirected, CI). Lines
    printed through :meth:`say` while the bar shows go above it, as rich does for a live
    display; without a bar they are plain lines on the stream.
    """

    def __init__(self, total: int, console, err: TextIO, after: float = PROGRESS_AFTER_S,
                 clock: Callable[[], float] = time.monotonic):
        self.total = total
        self.console = console
        self.err = err
        self.after = after
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.bar = None
        self.task = None

    @property
    def shown(self) -> bool:
        return self.bar is not None

    def advance(self, name: str) -> None:
        self.done += 1
        if self.bar is None and (
            self.console is None
            or not self.console.is_terminal
            or self.done >= self.total
            or self.clock() - self.started < self.after
        ):
            return
        from convenant_calc.render.terminal import safe  # a case's name is input, and markup to a TextColumn

        if self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("settling"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.description}"),
                console=self.console,
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self.bar.start()
            self.task = self.bar.add_task(safe(name), total=self.total, completed=self.done)
        else:
            self.bar.update(self.task, completed=self.done, description=safe(name))

    def say(self, line: str) -> None:
        line = visible(line)  # a case directory's name is input: never control codes on the terminal
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=self.err)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def run_generation(
    directory: Path,
    recursive: bool = False,
    fmt: str | None = None,
    dialect: str = "rfc4180",
    output: Path | None = None,
    reports: Path | None = None,
    expect: Path | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    console=None,
) -> int:
    """The `generation` command; returns the exit code. ``fmt`` None: from --output's extension, else the table.

    ``console``: a rich Console on stderr for the progress bar (default: one when stderr is a terminal).
    """
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    try:
        _check_output(output)
        fmt = generation_format(fmt, output)
        if reports is not None and os.path.islink(reports):
            raise Usage(
                f"--reports {reports}: is a symbolic link; the reports directory is replaced as a whole "
                "(the link would become a directory): give the directory it points to"
            )
        if reports is not None and reports.exists() and not reports.is_dir():
            raise Usage(f"--reports {reports}: is not a directory")
        cases = find_cases(directory, recursive)
        from convenant_calc.io.problems import InputError, display_path

        expected = None
        if expect is not None:
            from convenant_calc.casebook import totals as expected_totals

            try:
                expected = expected_totals.read(expect)
            except InputError as exc:
                exc.report(err)
                return 2
    except Usage as exc:
        print(exc, file=err)
        return 2
    from convenant_calc.render.csv_dialects import Dialect

    dialect_value = Dialect(dialect)
    from convenant_calc.render.terminal import is_terminal

    if console is None and is_terminal(err):  # no rich import at all when piped (start-up, S18 bench)
        from rich.console import Console

        console = Console(file=err)

    from convenant_calc.core.settlement import settle_agreement
    from convenant_calc.views import generation as view

    sheets = None
    if fmt == "xlsx":  # each agreement's sheet recorded as it is settled (a few kB), the settlement dropped
        from convenant_calc.render.generation_xlsx import AgreementSheets

        sheets = AgreementSheets()
    links: dict[str, str] = {}
    entries: list = []
    progress = LateProgress(len(cases), console, err, after=PROGRESS_AFTER_S)
    unwritten = 0
    try:
        with ExitStack() as stack:
            written = None
            if reports is not None:
                from convenant_calc.io.output import FreshDirectory

                try:  # every report goes into a fresh directory beside DIR, swapped in at the end
                    written = stack.enter_context(FreshDirectory(reports))
                except OSError as exc:
                    reason = exc.strerror or exc
                    print(f"--reports {reports}: cannot write ({reason}); give a directory you can write to", file=err)
                    return 2
            # One case at a time: loaded, settled, its row (and sheet, report) kept, the rest dropped (S18).
            for (case_dir, name), case in zip(cases, _loaded(cases, directory), strict=True):
                if isinstance(case, view.Failure):
                    for problem in case.problems:
                        progress.say(str(problem))
                    summary = InputError(list(case.problems)).summary()
                    progress.say(f"{shown_case(directory, name)}: not settled: {summary}")
                    entries.append(case)
                    progress.advance(name)
                    continue
                for warning in case.warnings:
                    progress.say(str(warning))
                s = settle_agreement(case.case)  # S14, S19: every period and line on its own
                entry = view.row(name, s)
                entries.append(entry)
                if sheets is not None:
                    sheets.add(entry, s)
                if written is not None:
                    href = _write_report(written, name, case, s, reports, progress.say)
                    if href is None:
                        unwritten += 1
                    else:
                        links[name] = href
                progress.advance(name)
            if written is not None:
                try:  # DIR now holds this run's reports only: a failed case has none, never an old one
                    written.commit()
                except OSError as exc:
                    reason = exc.strerror or exc
                    print(f"--reports {reports}: cannot replace it ({reason}); it is left as it was", file=err)
                    return 2
    finally:
        progress.close()

    g = view.generation(entries)
    code = 2 if g.failures or unwritten else 0
    if expected is not None:
        from convenant_calc.render.generation import generation_dict

        differences = expected_totals.compare(expected, generation_dict(g)["total"])
        for d in differences:
            print(d, file=err)
        shown = display_path(expect)
        if differences:
            print(f"{shown}: {len(differences)} of {len(expected)} expected totals differ", file=err)
            code = code or 1
        else:
            print(f"{shown}: all {len(expected)} expected totals hold", file=err)
    return _emit(g, fmt, dialect_value, output, reports, links, sheets, out, err) or code


def _loaded(cases: list[tuple[Path, str]], root: Path) -> Iterator:
    """Each case loaded in turn, or a :class:`~convenant_calc.views.generation.Failure` with its problems (S18).

    A generation counts each agreement once: one directory reached by two paths (a link to a case
    beside it), and two cases of the same agreement id, all fail, each naming the others, and stay
    out of the totals (a link ``01-bouw-latest`` to ``01-bouw`` counted that agreement twice).

    So that a case can be settled and dropped as soon as it is read (3,800 agreements in little memory),
    a first pass finds the cases that may share an agreement without loading them: each case's agreement
    id as :func:`~convenant_calc.io.loading.agreement_id` reads it (convenant.yaml up to its ``id``).
    Only the cases whose id is not known so, and those whose id another case has too, are loaded in
    that pass (to tell which of them load at all: a case that fails is not a second case of its
    agreement); every other case is loaded when its turn comes.
    """
    from convenant_calc.io.loading import agreement_id
    from convenant_calc.io.problems import Position, Problem, display_path
    from convenant_calc.views.generation import Failure

    twice = same_directory(cases)
    base = display_path(root)  # each case named below it, the root's links resolved once (issue 23)
    early: dict[int, object] = {}  # loaded in the first pass
    by_id: dict[str, list[int]] = {}
    for i, (case_dir, name) in enumerate(cases):
        if i in twice:
            continue
        conv_id = agreement_id(case_dir)
        if conv_id is None:
            early[i] = case = _load(case_dir, name, base)
            if isinstance(case, Failure):
                continue
            conv_id = case.case.convenant.id
        by_id.setdefault(conv_id, []).append(i)
    for conv_id, candidates in by_id.items():
        if len(candidates) < 2:
            continue
        for i in candidates:
            if i not in early:
                early[i] = _load(*cases[i], base)
        group = [i for i in candidates if not isinstance(early[i], Failure)]
        if len(group) < 2:
            continue
        for i in group:
            others = ", ".join(shown_case(root, cases[j][1]) for j in group if j != i)
            message = (
                f"agreement {conv_id} is also the agreement of {others}; a generation counts each agreement "
                "once: remove the cases that are not this agreement's, or give each its own agreement id"
            )
            early[i] = Failure(cases[i][1], (Problem(Position(shown_case(root, cases[i][1])), message),))
    for i, (case_dir, name) in enumerate(cases):
        if i in twice:
            others = ", ".join(shown_case(root, cases[j][1]) for j in twice[i])
            message = (
                f"the same directory as {others} (a link, or one path reached twice); a generation counts "
                f"each agreement once: remove the link, or move it out of {display_path(root)}"
            )
            yield Failure(name, (Problem(Position(shown_case(root, name)), message),))
        elif i in early:
            yield early.pop(i)
        else:
            yield _load(case_dir, name, base)


def _load(case_dir: Path, name: str, base: str | None = None):
    """The case loaded, without the positions of every value (a generation reads none), or its Failure.

    ``base``: ``display_path`` of the generation's directory; a case directly in it is named below it
    (:func:`~convenant_calc.io.problems.display_path_in`: the same name, without resolving the directory
    again for every case). A case deeper down (``-r``) is named on its own: a directory on the way may be a link.
    """
    from dataclasses import replace

    from convenant_calc.io.loading import load_case
    from convenant_calc.io.problems import InputError, display_path_in
    from convenant_calc.views.generation import Failure

    shown = None
    if base is not None and "/" not in name:
        shown = display_path_in(case_dir.parent, base, case_dir.name)
    try:
        return replace(load_case(case_dir, shown=shown), documents={})
    except InputError as exc:
        return Failure(name, tuple(exc.problems))


def _write_report(fresh, name: str, loaded, s, reports: Path, say: Callable[[str], None]) -> str | None:
    """Write one agreement's HTML report as ``<case>.html`` in the fresh reports directory, as
    ``settle --format html`` writes it (with several periods or lines, S14, S19, the agreement's report of
    each); its path below the reports directory, or None (said why) when it cannot be written.

    A case name that cannot be a file name (longer than a file system takes) gets a shortened
    name with a hash (:func:`~convenant_calc.io.output.file_name`); the other reports go on.
    """
    from convenant_calc.io.bundled import data_dir
    from convenant_calc.io.output import Refused, file_name, write_atomic
    from convenant_calc.io.problems import display_path
    from convenant_calc.render import report as report_render
    from convenant_calc.views.labels import Lang
    from convenant_calc.views.report import build, input_files

    inputs = input_files(loaded.sources, data_dir())
    text = report_render.html(build(s, loaded.case.staffing, inputs, Lang("en"), case=name))
    parts = name.split("/")
    relative = "/".join([*(file_name(p, 255) for p in parts[:-1]), f"{file_name(parts[-1])}.html"])
    target = fresh.path / relative
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text)
    except (Refused, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        say(f"{display_path(reports / relative)}: cannot write the report of {name} ({reason}); the others go on")
        return None
    return relative


def _emit(g, fmt, dialect, output, reports, links, sheets, out, err) -> int:
    from convenant_calc.render import generation as render

    if fmt == "xlsx":
        from convenant_calc.render import generation_xlsx

        return write_file(output, generation_xlsx.render(g, sheets), err)
    if fmt == "json":
        text = render.render_json(g)
    elif fmt == "csv":
        text = render.render_csv(g, dialect)
    elif fmt == "html":
        from urllib.parse import quote

        base = (output.parent if output is not None else Path(".")).resolve()
        hrefs = {}
        if reports is not None:
            prefix = Path(os.path.relpath(reports.resolve(), base)).as_posix()
            hrefs = {case: quote(f"{prefix}/{href}") for case, href in links.items()}
        text = render.render_html(g, hrefs)
    elif output is None:
        from rich.console import Console

        console = Console(file=out)
        width = console.width
        console.width = max(width, render.table_width(g))  # figures are never cut: a narrow terminal wraps
        console.print(render.table(g, width))
        return 0
    else:
        text = render.render_table(g)
    if output is None:
        from convenant_calc.render.terminal import for_stream

        out.write(for_stream(out, text))  # on a terminal, the input's control characters as escapes
        return 0
    return write_file(output, text, err)

