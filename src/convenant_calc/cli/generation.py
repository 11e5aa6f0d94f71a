"""`convenant generation DIR`: settle every case under DIR in one process (SPEC §12, S18).

Finds the case directories, settles each (a case that cannot be read is reported
with its problems, exactly as `settle` prints them, and the others go on), builds
the overview (:mod:`convenant_calc.views.generation`) and renders it. Exit codes as
SPEC §6: 0 every case settled (and every expected total holds), 1 an expected total
differs (``--expect``), 2 a case failed or bad usage.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from convenant_calc.cli.commands import EXTENSIONS, Usage, _check_output, chosen_format, write_file

FORMATS = ("table", "json", "csv", "xlsx", "html")
#: What makes a directory a case directory (SPEC §3): any of the files a case is read from.
CASE_FILES = ("results.yaml", "convenant.yaml", "absences.yaml", "payments.yaml")
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

    One level: every subdirectory holding any case file (SPEC §3) is a case. With
    ``recursive``: every directory below ``root`` holding one, not looking further
    inside a case. Hidden directories (``.git``) are skipped. A case directory that
    lacks results.yaml is still a case (it fails with that error), so a forgotten
    file is never silently left out of the totals.
    """
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a directory"
        raise Usage(f"{root}: {what}; give the directory that holds the case directories")
    found: list[tuple[Path, str]] = []

    def visit(directory: Path, prefix: str) -> None:
        for child in sorted(directory.iterdir(), key=lambda p: p.name):
            if child.name.startswith(".") or not child.is_dir():
                continue
            name = f"{prefix}{child.name}"
            if any((child / f).is_file() for f in CASE_FILES):
                found.append((child, name))
            elif recursive:
                visit(child, f"{name}/")

    visit(root, "")
    if not found:
        where = "below" if recursive else "directly under"
        hint = "" if recursive else " (use -r to look deeper)"
        if any((root / f).is_file() for f in CASE_FILES):
            hint = f"; {root} is itself a case: settle it with 'convenant settle {root}'"
        raise Usage(f"{root}: no case directory (one holding results.yaml) {where} this directory{hint}")
    return found


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
        if self.bar is None:
            if self.console is None or not self.console.is_terminal or self.done >= self.total or self.clock() - self.started < self.after:
                return
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
            self.task = self.bar.add_task(name, total=self.total, completed=self.done)
        else:
            self.bar.update(self.task, completed=self.done, description=name)

    def say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=self.err)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


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
    if console is None and _is_terminal(err):  # no rich import at all when piped (start-up, S18 bench)
        from rich.console import Console

        console = Console(file=err)

    from convenant_calc.core.settlement import settle_agreement
    from convenant_calc.io.loading import load_case
    from convenant_calc.views import generation as view

    keep = fmt == "xlsx"
    settlements = {}
    links: dict[str, str] = {}
    entries = []
    progress = LateProgress(len(cases), console, err, after=PROGRESS_AFTER_S)
    try:
        for case_dir, name in cases:
            try:
                loaded = load_case(case_dir)
            except InputError as exc:
                for problem in exc.problems:
                    progress.say(str(problem))
                progress.say(f"{display_path(case_dir)}: not settled: {exc.summary()}")
                entries.append(view.Failure(name, tuple(exc.problems)))
                progress.advance(name)
                continue
            for warning in loaded.warnings:
                progress.say(str(warning))
            s = settle_agreement(loaded.case)  # S14, S19: every period and line on its own
            entries.append(view.row(name, s))
            if keep:
                settlements[name] = s
            if reports is not None:
                href = _write_report(reports, name, loaded, s, err)
                if href is None:
                    return 2
                links[name] = href
            progress.advance(name)
    finally:
        progress.close()

    g = view.generation(entries)
    code = 2 if g.failures else 0
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
    return _emit(g, fmt, dialect_value, output, reports, links, settlements, out, err) or code


def _write_report(reports: Path, name: str, loaded, s, err: TextIO) -> str | None:
    """Write one agreement's HTML report as ``reports/<case>.html``, as ``settle --format html`` writes it
    (with several periods or lines, S14, S19, the agreement's report of each); its path below the reports directory."""
    from convenant_calc.io.bundled import data_dir
    from convenant_calc.io.output import Refused, write_atomic
    from convenant_calc.render import report as report_render
    from convenant_calc.views.labels import Lang
    from convenant_calc.views.report import build, input_files

    inputs = input_files(loaded.sources, data_dir())
    text = report_render.html(build(s, loaded.case.staffing, inputs, Lang("en"), case=name))
    target = reports / f"{name}.html"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text)
    except Refused as exc:
        print(f"{target}: {exc}", file=err)
        return None
    except OSError as exc:
        print(f"{target}: cannot write: {exc.strerror or exc}", file=err)
        return None
    return f"{name}.html"


def _emit(g, fmt, dialect, output, reports, links, settlements, out, err) -> int:
    from convenant_calc.render import generation as render

    if fmt == "xlsx":
        from convenant_calc.render import generation_xlsx

        return write_file(output, generation_xlsx.render(g, settlements), err)
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
        out.write(text)
        return 0
    return write_file(output, text, err)

