"""The console script's entry point: answer what needs no typer, hand the rest to :mod:`.cli`.

Importing typer alone costs more than the 100 ms a `--help` may take (issue 6).
So ``convenant
--help``, ``-h``, no arguments and ``--version`` are answered here from a
static copy of typer's own text (``_help.py``, kept identical to typer's by a
test; regenerate it with ``python -m convenant_calc.cli.fastpath --write-help``
after adding or changing a command), and ``settle`` in its plain forms runs
without typer too (:func:`.commands.run_settle`, which the typer command calls as well), as does
``check PATH...`` without options (:func:`casebook.run.run`, which the typer command calls as well;
the form CI runs over a casebook), and ``generation DIR [-r] [--format table|json|csv]``
(:func:`.generation.run_generation`, which the typer command calls as well), ``validate DIR`` and
``calendar [DIR] [--format|-f table|json|ics]`` (:func:`.commands.run_validate` and
:func:`.commands.run_calendar`, which the typer commands call as well). Anything else, any form
this module does not recognise
exactly, goes to the typer app unchanged.

No ``importlib.metadata`` at start-up (only ``--version`` reads it, to name the libraries'
versions).
"""

from __future__ import annotations

import errno
import gc
import io
import os
import sys
from pathlib import Path


FORMATS = ("table", "json", "markdown", "html")  # the plain forms; typer parses --lang, --output, pdf and xlsx


def one_case() -> None:
    """A run that reads one case: Python's cyclic garbage collector off (``gc.disable()``, documented).

    What such a run allocates is freed by reference counting as it goes; the collector only walks
    the objects again and again, most of them the imports' (typing's, the models'). Measured
    on 2026-12-06 (CPU time, paired): ``settle --format json`` of example 07 0.94x, and of the
    largest input the size limit allows (10,000 consultants) 0.74x, its peak memory 131.4 MiB against
    131.0; with 6,197 errors in that file, 113.0 against 112.6 MiB. One case is at most 2 MB of
    YAML per file (SPEC's limit), so what cycles there are stay that small; a batch
    (``check``, ``generation``) keeps the collector.
    """
    gc.disable()


def _plain_form(rest: list[str], switch: tuple[str, ...] = ()) -> tuple[Path | None, str | None, bool] | None:
    """One directory, ``--format|-f|--format=`` and an optional ``switch``, each at most once, as
    (directory, format, switch given); None for any other form (typer parses those, and reports
    their mistakes)."""
    directory: Path | None = None
    fmt: str | None = None
    switched = False
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg in switch:
            if switched:
                return None
            switched, i = True, i + 1
        elif arg in ("--format", "-f"):
            if fmt is not None or i + 1 == len(rest):
                return None
            fmt, i = rest[i + 1], i + 2
        elif arg.startswith("--format="):
            if fmt is not None:
                return None
            fmt, i = arg.split("=", 1)[1], i + 1
        elif arg.startswith("-") or directory is not None or not arg:
            return None
        else:
            directory, i = Path(arg), i + 1
    return directory, fmt, switched


def _dir_and_format(argv: list[str], command: str, formats: tuple[str, ...]) -> tuple[Path | None, str] | None:
    """``COMMAND [DIR] [--format|-f F]`` with F one of ``formats`` (table when left out) as (dir, format); else None."""
    if not argv or argv[0] != command:
        return None
    form = _plain_form(argv[1:])
    if form is None:
        return None
    directory, fmt, _ = form
    fmt = "table" if fmt is None else fmt
    return (directory, fmt) if fmt in formats else None


def settle_args(argv: list[str]) -> tuple[Path | None, str] | None:
    """``settle [CASE_DIR] [--format|-f table|json|markdown|html]`` as (case_dir, format); None for any other form.

    Only the plain forms are recognised (each option once, a known format, no
    other option, at most one case directory not starting with ``-``); typer
    parses everything else, and reports its mistakes.
    """
    return _dir_and_format(argv, "settle", FORMATS)


GENERATION_FORMATS = ("table", "json", "csv")  # the plain forms; typer parses the rest (xlsx, html, --output, ...)


def generation_args(argv: list[str]) -> tuple[Path, bool, str | None] | None:
    """``generation DIR [-r|--recursive] [--format|-f table|json|csv]`` as (dir, recursive, format); None otherwise.

    Each option at most once, exactly one directory not starting with ``-``; typer parses
    every other form (and reports its mistakes).
    """
    if not argv or argv[0] != "generation":
        return None
    form = _plain_form(argv[1:], switch=("-r", "--recursive"))
    if form is None:
        return None
    directory, fmt, recursive = form
    if directory is None or fmt is not None and fmt not in GENERATION_FORMATS:
        return None
    return directory, recursive, fmt


def validate_args(argv: list[str]) -> Path | None:
    """``validate DIR`` (one directory, no option) as the directory; None for any other form (typer's)."""
    if len(argv) != 2 or argv[0] != "validate" or not argv[1] or argv[1].startswith("-"):
        return None
    return Path(argv[1])


CALENDAR_FORMATS = ("table", "json", "ics")  # typer parses --lang and --output


def calendar_args(argv: list[str]) -> tuple[Path | None, str] | None:
    """``calendar [DIR] [--format|-f table|json|ics]`` as (dir, format); None for any other form (typer's)."""
    return _dir_and_format(argv, "calendar", CALENDAR_FORMATS)


def check_args(argv: list[str]) -> list[Path] | None:
    """``check PATH...`` (no option at all) as the paths; None for any other form (typer parses those)."""
    if len(argv) < 2 or argv[0] != "check" or any(not arg or arg.startswith("-") for arg in argv[1:]):
        return None
    return [Path(arg) for arg in argv[1:]]


def answer(argv: list[str]) -> int | None:
    """Answer ``argv`` without typer and return the exit code, or None to let typer answer it."""
    if argv in ([], ["--help"], ["-h"]):
        from convenant_calc.cli.help import HELP

        sys.stdout.write(HELP)
        return 2 if not argv else 0  # typer's no_args_is_help is a usage error (exit 2)
    if argv in (["--version"], ["-V"]):
        from convenant_calc.io.versions import version_line

        print(version_line())
        return 0
    settle = settle_args(argv)
    if settle is not None:
        one_case()
        from convenant_calc.cli.commands import run_settle

        return run_settle(*settle)
    generation = generation_args(argv)
    if generation is not None:
        from convenant_calc.cli.generation import run_generation

        directory, recursive, fmt = generation
        return run_generation(directory, recursive, fmt)
    validate = validate_args(argv)
    if validate is not None:
        one_case()
        from convenant_calc.cli.commands import run_validate

        return run_validate(validate)
    calendar = calendar_args(argv)
    if calendar is not None:
        one_case()
        from convenant_calc.cli.commands import run_calendar

        return run_calendar(*calendar)
    paths = check_args(argv)
    if paths is not None:
        from convenant_calc.casebook.run import run

        return run(paths, keyword=None, update=False, as_json=False, out=sys.stdout, err=sys.stderr)
    return None


class Terminated(BaseException):
    """SIGTERM, handled like SIGINT: unwinds (temporary files are removed), then exits with one line.

    A BaseException that is not a KeyboardInterrupt, so that neither the commands nor click catch it.
    """


def _terminated(signum, frame) -> None:
    raise Terminated


def main() -> None:
    """The console script: run the command, and turn any failure of the shell itself into one line.

    No traceback, ever: a full or closed stdout or stderr (``> /dev/full``), an output encoding
    that cannot write the text (``PYTHONIOENCODING=ascii``), SIGINT and SIGTERM each end with one
    line on stderr (when stderr can take it) and exit 2 (130 and 143 for the signals).
    """
    import signal

    signal.signal(signal.SIGTERM, _terminated)
    _stand_in_for_closed_streams()
    try:  # an error message never fails to encode: what the encoding lacks is written as \\uXXXX
        sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        pass
    try:
        code = _run(sys.argv[1:])
        sys.stdout.flush()
    except Terminated:
        _fail("terminated", 143)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except UnicodeEncodeError as exc:
        encoding = getattr(sys.stdout, "encoding", None) or exc.encoding
        _fail(f"the output cannot be written in the encoding {encoding}; use UTF-8, e.g. PYTHONIOENCODING=utf-8", 2)
    except OSError as exc:  # a file the tool reads or writes (named), or stdout or stderr itself (no name)
        if exc.filename is not None:
            from convenant_calc.core.text import visible

            reason = exc.strerror or exc
            _fail(visible(f"{exc.filename}: cannot be read or written ({reason}); check its permissions"), 2)
        _fail(f"cannot write the output ({exc.strerror or exc})", 2)
    _exit(code)


def _exit(code: int) -> None:
    """Exit with ``code``, the interpreter's collector no longer walking what the run leaves behind.

    ``gc.freeze()`` (the gc module's documented call) moves every object alive into the permanent
    generation, so the collections Python runs while it shuts down skip the thousands of objects
    the imports made (typing's, rich's, the models'): 14–16 % of the CPU time of
    ``settle --format json`` went there (issue 23). Nothing else changes: atexit handlers and
    ``weakref.finalize`` still run, every module is still torn down, every buffer flushed; the
    memory goes back to the system with the process, as it did.
    """
    gc.freeze()
    sys.exit(code)


class _Closed(io.TextIOBase):
    """Stands in for a standard stream the shell closed (``>&-``), where Python leaves None.

    Anything written to it fails as writing to a closed descriptor fails, so the run ends with
    the one line of :func:`main` ("cannot write the output (stdout is closed)"), exit 2, and
    not with an AttributeError on None; a run that writes only to ``--output`` never notices.
    """

    def __init__(self, name: str):
        super().__init__()
        self.stream = name

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, f"{self.stream} is closed")


def _stand_in_for_closed_streams() -> None:
    """A closed stdout becomes :class:`_Closed`; a closed stderr a sink (no message can reach the user,
    and the exit code still says what happened)."""
    if sys.stdout is None:
        sys.stdout = _Closed("stdout")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the life of the process


def _run(argv: list[str]) -> int:
    code = answer(argv)
    if code is not None:
        return code
    from convenant_calc.cli.app import main as typer_main

    try:
        typer_main()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def _fail(message: str, code: int) -> None:
    """Print ``convenant: message`` on stderr if it can take it, and exit without another word."""
    _silence(sys.stdout)  # what is still buffered for a full or closed stdout is dropped
    try:
        print(f"convenant: {message}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        _silence(sys.stderr)
    sys.exit(code)


def _silence(stream) -> None:
    """Point the stream's file descriptor at /dev/null, so that flushing it at exit cannot fail."""
    import os

    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


# --- keeping _help.py identical to typer's text ---------------------------------------------


def typer_help() -> str:
    """What the typer app prints for ``convenant --help`` on an 80-column terminal without colour."""
    import os

    from typer.testing import CliRunner

    from convenant_calc.cli.app import app

    env = {"COLUMNS": "80", "LINES": "25", "NO_COLOR": "1", "TERM": "dumb", "FORCE_COLOR": ""}
    saved = {k: os.environ.get(k) for k in env}
    try:
        result = CliRunner().invoke(app, ["--help"], prog_name="convenant", env=env, color=False)
    finally:
        for k, v in saved.items():  # CliRunner restores its env; be sure anyway
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    if result.exit_code != 0:
        raise RuntimeError(f"typer's --help failed: {result.output}")
    return result.stdout


def write_help(path: Path | None = None) -> Path:
    """Regenerate ``_help.py`` from typer's current help text (one line of it per source line)."""
    path = path or Path(__file__).with_name("help.py")
    lines = "".join(f"        {line!r},\n" for line in typer_help().split("\n"))
    path.write_text(
        '"""Generated by `python -m convenant_calc.cli.fastpath --write-help`: typer\'s `convenant --help`, verbatim.\n\n'
        "Served by fastpath.answer so that --help needs no typer; a test keeps it identical to typer's text.\n"
        '"""\n\n'
        'HELP = "\\n".join(\n    (\n' + lines + "    )\n)\n",
        encoding="utf-8",
    )
    return path


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-help"]:
        print(f"written: {write_help()}")
    else:
        main()
