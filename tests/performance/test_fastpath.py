"""The typer-free entry point (issue 6): same text, same output, same exit codes as the typer app."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from convenant_calc.cli import fastpath
from convenant_calc.cli.help import HELP
from convenant_calc.cli.app import app

from ..conftest import EXAMPLES, ROOT

runner = CliRunner()


def test_static_help_is_typers_help_verbatim():
    # If this fails after adding or changing a command: python -m convenant_calc.cli.fastpath --write-help
    assert HELP == fastpath.typer_help()
    assert "settle" in HELP and "-h" in HELP


@pytest.mark.parametrize("argv, code", [([], 2), (["--help"], 0), (["-h"], 0)])
def test_help_answered_without_typer_with_typers_exit_code(argv, code, capsys):
    assert fastpath.answer(argv) == code
    assert capsys.readouterr().out == HELP
    assert runner.invoke(app, argv, env={"COLUMNS": "80"}).exit_code == code


def test_version(capsys):
    assert fastpath.answer(["--version"]) == 0
    out = capsys.readouterr().out
    assert out == runner.invoke(app, ["--version"]).stdout
    # Issue 9: the versions in use of the main dependencies are named too.
    assert re.fullmatch(
        r"convenant 0\.1\.0 \(typer \S+, pyyaml \S+, rich \S+, python-dateutil \S+, jinja2 \S+, babel \S+, xlsxwriter \S+, pikepdf \S+, python-stdnum \S+, num2words \S+; "
        r"Python 3\.\d+\.\d+\S*\)\n",
        out,
    ), out
    from importlib.metadata import version

    assert f"pyyaml {version('pyyaml')}," in out and f"rich {version('rich')}," in out


@pytest.mark.parametrize(
    "argv, parsed",
    [
        (["settle"], (None, "table")),
        (["settle", "case"], ("case", "table")),
        (["settle", "case", "--format", "json"], ("case", "json")),
        (["settle", "-f", "json", "case"], ("case", "json")),
        (["settle", "--format=table", "case"], ("case", "table")),
    ],
)
def test_plain_settle_forms_are_recognised(argv, parsed):
    case_dir, fmt = fastpath.settle_args(argv)
    assert (str(case_dir) if case_dir else None, fmt) == parsed


@pytest.mark.parametrize(
    "argv",
    [
        ["settle", "a", "b"],  # two directories: typer says what is wrong
        ["settle", "--format", "xml"],  # unknown format
        ["settle", "--format"],  # missing value
        ["settle", "-f", "json", "-f", "table"],  # twice
        ["settle", "--help"],
        ["settle", "--", "case"],
        ["settle", "-fjson"],
        ["check", "cases", "-k", "02"],
        ["--help", "settle"],
    ],
)
def test_other_forms_go_to_typer(argv):
    assert fastpath.settle_args(argv) is None
    assert fastpath.check_args(argv) is None
    if argv[0] != "settle" or "--help" not in argv:
        assert fastpath.answer(argv) is None


@pytest.mark.parametrize(
    "argv, paths",
    [
        (["check", "examples"], ["examples"]),
        (["check", "a", "b/c"], ["a", "b/c"]),
        (["check"], None),  # typer says a PATH is missing
        (["check", "--update", "a"], None),
        (["check", "a", "--format", "json"], None),
        (["check", "a", "-k", "x"], None),
        (["check", "--", "a"], None),
        (["check", ""], None),
        (["check", "a", "--help"], None),
    ],
)
def test_plain_check_forms_are_recognised(argv, paths):
    found = fastpath.check_args(argv)
    assert (None if found is None else [str(p) for p in found]) == paths


def _run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "convenant_calc", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("example", ["02-long-sickness-partly-replaced", "07-everything-together"])
def test_fast_settle_prints_what_the_typer_command_prints(example):
    fast = _run("settle", str(EXAMPLES / example), "--format", "json")
    typer_result = runner.invoke(app, ["settle", str(EXAMPLES / example), "--format", "json"])
    assert fast.returncode == typer_result.exit_code == 0
    assert fast.stdout == typer_result.stdout
    # example 02 is SPEC §5 (a): 296800.00 + 101760.00 − 1740.08 = 396819.92
    if example.startswith("02"):
        assert json.loads(fast.stdout)["subsidy"] == "396819.92"


def test_fast_settle_reports_bad_input_like_typer(tmp_path):
    (tmp_path / "results.yaml").write_text("results:\n  - {commitment: R1, achieved: 1}\n  - {commitment: R1}\n")
    fast = _run("settle", str(tmp_path), "-f", "json")
    typer_result = runner.invoke(app, ["settle", str(tmp_path), "-f", "json"])
    assert fast.returncode == typer_result.exit_code == 2
    assert fast.stdout == "" and typer_result.stdout == ""
    assert fast.stderr == typer_result.stderr
    # no agreement named anywhere (at the top of results.yaml) + the second result has neither achieved nor met
    assert fast.stderr.endswith("\n2 errors in 1 file\n")
    assert "results.yaml:3:5: result 'R1' has neither 'achieved' nor 'met'" in fast.stderr


def test_fast_check_prints_what_the_typer_command_prints(tmp_path):
    # The shipped casebook, plus a case whose expected figure is off by a cent and one that cannot be read.
    shutil.copytree(EXAMPLES, tmp_path / "cases", ignore=shutil.ignore_patterns("*.md"))
    wrong = tmp_path / "cases" / "02-long-sickness-partly-replaced" / "expected.yaml"
    wrong.write_text(wrong.read_text().replace("396819.92", "396819.93"))
    broken = tmp_path / "cases" / "03-relapse-within-14-days" / "results.yaml"
    broken.write_text("results: [\n")
    for paths in (["cases"], ["cases/01-no-absences", "cases/07-everything-together"], ["missing"]):
        fast = _run("check", *paths, cwd=tmp_path)
        with_typer = _run("check", "-k", "", *paths, cwd=tmp_path)  # -k goes to typer; an empty -k selects all
        assert fast.returncode == with_typer.returncode
        assert fast.stdout == with_typer.stdout
        assert fast.stderr == with_typer.stderr
    assert _run("check", "cases", cwd=tmp_path).returncode == 2  # the unreadable case: exit 2 (SPEC §6)
    assert "396819.93" in _run("check", "cases", cwd=tmp_path).stdout


def _modules_after(argv: list[str]) -> set[str]:
    code = (
        "import sys, io, contextlib\n"
        "from convenant_calc.cli.fastpath import answer\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    answer({argv!r})\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(out.stdout.split())


def _heavy(modules: set[str], *prefixes: str) -> set[str]:
    return {m for m in modules if m.split(".")[0] in prefixes}


def test_help_imports_neither_typer_nor_rich_nor_pydantic():
    modules = _modules_after(["--help"])
    assert _heavy(modules, "typer", "click", "rich", "pydantic", "yaml") == set()
    assert "importlib.metadata" not in modules


def test_settle_json_imports_no_typer_no_rich_and_no_pydantic():
    # issue 23: the models validate with core.schema; pydantic is no dependency of ours (typer's only)
    modules = _modules_after(["settle", str(EXAMPLES / "07-everything-together"), "--format", "json"])
    assert "convenant_calc.core.settlement" in modules  # it did settle
    assert _heavy(modules, "typer", "click", "rich", "pydantic", "pydantic_core", "annotated_types") == set()


def test_check_imports_no_typer_and_no_rich():
    modules = _modules_after(["check", str(EXAMPLES)])
    assert "convenant_calc.core.settlement" in modules  # it did settle
    assert _heavy(modules, "typer", "click", "rich") == set()


def test_the_table_imports_two_builders_not_the_report():
    # issue 23: views.report's package imports its modules on first use, so the terminal table imports the
    # summary and the absences it shows (and Line), not the report's twenty dataclasses nor its other sections
    modules = _modules_after(["settle", str(EXAMPLES / "07-everything-together")])
    assert {"rich.table", "convenant_calc.views.report.summary", "convenant_calc.views.report.line"} <= modules
    heavy = {"model", "assemble", "steps", "timeline", "readings", "interim", "months", "articles"}
    assert {m for m in modules if m.rsplit(".", 1)[-1] in heavy and m.startswith("convenant_calc.views.report.")} == set()
    assert "convenant_calc.core.reading_costs" not in modules and "convenant_calc.core.interim" not in modules


def test_the_report_package_still_gives_every_name():
    # the names other modules and the tests import from views.report, each imported on first use
    from convenant_calc.views import report
    from convenant_calc.views.report import assemble, model

    assert report.build is assemble.build and report.Report is model.Report and report.Line is model.Line
    assert all(getattr(report, name) is not None for name in report.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        report.nothing  # noqa: B018


def test_a_year_after_the_term_without_dateutil():
    # checks.py dropped dateutil from the settle path; 29 February + 1 year is 28 February.
    from datetime import date

    from convenant_calc.io.checks import _a_year_after

    assert _a_year_after(date(2025, 6, 30)) == date(2026, 6, 30)
    assert _a_year_after(date(2024, 2, 29)) == date(2025, 2, 28)
    assert _a_year_after(date(2023, 2, 28)) == date(2024, 2, 28)


@pytest.mark.parametrize(
    "argv, parsed",
    [
        (["validate", "case"], "case"),
        (["validate"], None),  # typer says a CASE_DIR is missing
        (["validate", "a", "b"], None),
        (["validate", "--", "a"], None),
        (["validate", "a", "--help"], None),
        (["validate", ""], None),
    ],
)
def test_plain_validate_forms_are_recognised(argv, parsed):
    found = fastpath.validate_args(argv)
    assert (None if found is None else str(found)) == parsed


@pytest.mark.parametrize(
    "argv, parsed",
    [
        (["calendar"], (None, "table")),
        (["calendar", "case", "-f", "ics"], ("case", "ics")),
        (["calendar", "--format=json", "case"], ("case", "json")),
        (["calendar", "case", "--lang", "nl"], None),  # typer parses --lang
        (["calendar", "case", "-o", "x.ics"], None),
        (["calendar", "case", "-f", "pdf"], None),  # unknown format: typer reports it
        (["calendar", "a", "b"], None),
    ],
)
def test_plain_calendar_forms_are_recognised(argv, parsed):
    found = fastpath.calendar_args(argv)
    assert (None if found is None else (str(found[0]) if found[0] else None, found[1])) == parsed


@pytest.mark.parametrize("fmt", ["table", "json", "ics"])
def test_fast_calendar_and_validate_print_what_typer_prints(fmt, tmp_path):
    example = str(EXAMPLES / "07-everything-together")
    fast = _run("calendar", example, "-f", fmt)
    with_typer = _run("calendar", example, "-f", fmt, "--lang", "en")  # --lang goes to typer
    assert fast.returncode == with_typer.returncode == 0
    assert fast.stdout == with_typer.stdout and fast.stdout
    (tmp_path / "results.yaml").write_text("results:\n  - {commitment: R1}\n")
    for args in (["validate", example], ["validate", str(tmp_path)], ["calendar", str(tmp_path), "-f", fmt]):
        fast = _run(*args)
        with_typer = _run(args[0], *args[1:], "--lang", "en") if args[0] == "calendar" else _run(args[0], "--", args[1])
        assert (fast.returncode, fast.stdout, fast.stderr) == (with_typer.returncode, with_typer.stdout, with_typer.stderr)
    assert _run("validate", example).stdout.startswith("ok\n")
    assert _run("validate", str(tmp_path)).returncode == 2


def test_validate_and_calendar_import_no_typer_and_no_rich():
    for argv in (["validate", str(EXAMPLES / "07-everything-together")], ["calendar", str(EXAMPLES / "07-everything-together"), "-f", "json"]):
        modules = _modules_after(argv)
        assert "convenant_calc.io.loading" in modules  # it did load the case
        assert _heavy(modules, "typer", "click", "rich") == set()


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_fast_settle_report_formats_print_what_typer_prints(fmt):
    example = str(EXAMPLES / "07-everything-together")
    assert fastpath.settle_args(["settle", example, "-f", fmt]) == (EXAMPLES / "07-everything-together", fmt)
    fast = _run("settle", example, "-f", fmt)
    with_typer = _run("settle", example, "-f", fmt, "--lang", "en")  # --lang goes to typer
    assert fast.returncode == with_typer.returncode == 0
    assert fast.stdout == with_typer.stdout and "07" in fast.stdout
    assert fastpath.settle_args(["settle", example, "-f", "pdf"]) is None  # binary formats: typer (needs --output)


def test_the_exit_freezes_the_collector_and_still_runs_every_cleanup(tmp_path):
    # issue 23: the console script's exit moves what the run leaves into gc's permanent generation, so that
    # shutting down does not walk it (gc.freeze); atexit handlers still run, and the exit code is the run's
    marker = tmp_path / "atexit-ran"
    code = (
        "import atexit, gc, sys\n"
        f"atexit.register(lambda: open({str(marker)!r}, 'w').write(str(gc.get_freeze_count() > 0)))\n"
        "sys.argv = ['convenant', 'validate', 'no-such-directory']\n"
        "from convenant_calc.cli.fastpath import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and "no-such-directory" in done.stderr  # a missing case: exit 2, as before
    assert marker.read_text() == "True"


@pytest.mark.parametrize(
    ("argv", "collecting"),
    [
        (["settle", str(EXAMPLES / "07-everything-together"), "-f", "json"], False),
        (["validate", str(EXAMPLES / "07-everything-together")], False),
        (["calendar", str(EXAMPLES / "07-everything-together"), "-f", "ics"], False),
        (["check", str(EXAMPLES / "01-no-absences")], True),  # a batch keeps the collector
        (["generation", str(EXAMPLES / "generation"), "-f", "json"], True),
    ],
)
def test_one_case_runs_without_the_cycle_collector(argv, collecting):
    # issue 23: a run of one case turns Python's cyclic collector off (gc.disable); a batch does not
    code = (
        "import gc, os, contextlib\n"
        "from convenant_calc.cli.fastpath import answer\n"
        "with open(os.devnull, 'w') as sink, contextlib.redirect_stdout(sink):\n"  # ics writes bytes
        f"    code = answer({argv!r})\n"
        "print(code, gc.isenabled())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["0", str(collecting)]


def test_the_versions_read_from_dist_info_are_importlibs():
    # issue 23: each Version: line read from its dist-info directory, as importlib.metadata reads it (28 ms less)
    from importlib.metadata import version

    from convenant_calc.io import versions

    assert versions.dependency_versions() == tuple((name, version(name)) for name in versions.DEPENDENCIES)
    assert versions._normalised("python-stdnum") == versions._normalised("Python_Stdnum") == "python_stdnum"


def test_a_version_not_in_a_dist_info_is_asked_of_importlib(tmp_path, monkeypatch):
    # a dist-info without METADATA, and a name found nowhere: importlib.metadata answers, or "not installed"
    from convenant_calc.io import versions

    (tmp_path / "PyYAML-0.0.1.dist-info").mkdir()
    monkeypatch.setattr(versions.sys, "path", [str(tmp_path), *versions.sys.path])
    versions.dependency_versions.cache_clear()
    monkeypatch.setattr(versions, "DEPENDENCIES", ("pyyaml", "no-such-project"))
    try:
        from importlib.metadata import version

        assert versions.dependency_versions() == (("pyyaml", version("pyyaml")), ("no-such-project", "not installed"))
    finally:
        versions.dependency_versions.cache_clear()
