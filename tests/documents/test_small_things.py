"""Small things a user trips on (issue 11): the format from the file name, "wrote FILE", init, list, -V."""

from __future__ import annotations

import json

import pytest

from convenant_calc.io.versions import version_line
from typer.testing import CliRunner

from convenant_calc.cli import fastpath
from convenant_calc.cli.app import app

from ..conftest import EXAMPLES

runner = CliRunner()
CASE = EXAMPLES / "02-long-sickness-partly-replaced"  # SPEC §5 (a): subsidy 396819.92


def run(*argv: str):
    return runner.invoke(app, [str(a) for a in argv])


@pytest.mark.parametrize(
    "name, starts",
    [("r.html", b"<!DOCTYPE html>"), ("r.md", b"# "), ("r.json", b"{"), ("r.MD", b"# ")],
)
def test_the_extension_names_the_format(tmp_path, name, starts):
    out = tmp_path / name
    result = run("settle", CASE, "--output", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(starts)
    size = len(out.read_bytes())
    assert result.stderr == f"wrote {out} ({size} bytes)\n"


def test_json_inferred_from_the_extension_is_the_contract(tmp_path):
    out = tmp_path / "a.json"
    assert run("settle", CASE, "-o", out).exit_code == 0
    assert json.loads(out.read_text())["subsidy"] == "396819.92"


def test_an_unknown_extension_keeps_the_table(tmp_path):
    out = tmp_path / "a.txt"
    assert run("settle", CASE, "-o", out).exit_code == 0
    assert "396,819.92" in out.read_text()


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["--format", "json", "--output", "x.html"],
            "x.html: the extension .html means --format html, but --format is json; "
            "drop --format, or give the file the extension of json",
        ),
        (
            ["--format", "table", "--output", "x.pdf"],
            "x.pdf: the extension .pdf means --format pdf, but --format is table; "
            "drop --format, or give the file the extension of table",
        ),
        (
            ["--output", "x.csv"],
            "x.csv: settle writes no CSV; the day-by-day ledger is the CSV: "
            "convenant ledger CASE --output x.csv (add --dialect excel-nl for Excel in Belgium)",
        ),
        (["--format", "xlsx"], "--format xlsx writes a file: give --output FILE.xlsx"),
        (["--format", "pdf"], "--format pdf writes a file: give --output FILE.pdf"),
    ],
)
def test_a_contradiction_is_refused_and_nothing_written(tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    result = run("settle", CASE, *argv)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")
    assert list(tmp_path.iterdir()) == []


def test_ledger_refuses_a_report_extension(tmp_path):
    result = run("ledger", CASE, "-o", tmp_path / "l.html")
    assert result.exit_code == 2
    assert "the ledger is CSV, the extension .html names html" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_ledger_says_what_it_wrote(tmp_path):
    out = tmp_path / "l.csv"
    result = run("ledger", CASE, "-o", out)
    assert result.exit_code == 0
    assert result.stderr == f"wrote {out} ({out.stat().st_size} bytes)\n"


@pytest.mark.parametrize("convenant", [None, "lokale-besturen-2023-2025"])
def test_init_then_validate_then_settle(tmp_path, convenant):
    case = tmp_path / "nieuw"
    result = run("init", case, *(["--convenant", convenant] if convenant else []))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in case.iterdir())
    expected = ["absences.yaml", "costs.yaml", "payments.yaml", "results.yaml"]
    assert names == (expected if convenant else sorted(["convenant.yaml", *expected]))
    assert (case / "absences.yaml").read_text().startswith("# absences.yaml: who was employed")
    validated = run("validate", case)
    assert validated.exit_code == 0
    assert "costs.yaml: 2 costs, 103345.10 in all (the cost statement, S20)" in validated.output
    settled = run("settle", case, "--format", "json")
    assert settled.exit_code == 0, settled.output
    assert settled.stderr == ""  # the starter's costs are all eligible: no warning
    figures = json.loads(settled.stdout)
    # Nothing achieved (every result 0 < target): no payout; no absences, no payments: the ceiling is the
    # effort pool, 0.70 × 424000.00 = 296800.00, in both starters. The starter costs.yaml (S20) lists a salary
    # cost of 102500.00 and an operating cost of 845.10, both eligible in the main line: 103345.10 < 296800.00
    # caps the subsidy.
    assert figures["costs"] == {"eligible": "103345.10", "ineligible": "0.00", "ceiling": "296800.00"}
    assert (figures["results"]["achieved"], figures["subsidy"], figures["balance"]) == (0, "103345.10", "103345.10")
    assert "kind: project" in (case / "costs.yaml").read_text()  # every kind shown (the project cost commented)


def test_init_never_overwrites(tmp_path):
    (tmp_path / "results.yaml").write_text("keep me")
    result = run("init", tmp_path)
    assert result.exit_code == 2
    assert "is not empty" in result.stderr
    assert (tmp_path / "results.yaml").read_text() == "keep me"


def test_init_with_an_unknown_agreement(tmp_path):
    result = run("init", tmp_path / "x", "--convenant", "nope")
    assert result.exit_code == 2
    assert "--convenant nope: no such bundled agreement; bundled are lokale-besturen-2023-2025" in result.stderr
    assert not (tmp_path / "x").exists()


def test_list_shows_the_bundled_agreement():
    result = run("list")
    assert result.exit_code == 0
    assert result.stdout == (
        "lokale-besturen-2023-2025  2023-07-01 … 2025-06-30  EUR 424,000.00  4 FTE  "
        "Sectorconvenant 2023-2025 Lokale Besturen\n"
    )


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_short_and_long(flag, capsys):
    # -V is --version: the tool's version, then the libraries' in use (issue 9), on both paths.
    expected = version_line() + "\n"
    assert expected.startswith("convenant 0.1.0 (typer ") and "babel " in expected and "xlsxwriter " in expected
    assert run(flag).stdout == expected
    assert fastpath.answer([flag]) == 0
    assert capsys.readouterr().out == expected


def test_the_ci_snippets_install_from_git_or_a_wheel():
    docs = EXAMPLES.parent / "docs"
    casebook = (docs / "casebook.md").read_text(encoding="utf-8")
    assert 'pip install "convenant==' not in casebook  # no package index holds it
    assert casebook.count('pip install "convenant @ git+https://') == 2  # GitHub Actions and GitLab CI
    assert "pip install vendor/convenant-0.1.0-py3-none-any.whl" in casebook
    outputs = (docs / "outputs.md").read_text(encoding="utf-8")
    assert "![Page 1 of the printed report of examples/07 (A4)](report-page.png)" in outputs
    assert (docs / "report-page.png").is_file()


def test_the_workbook_refuses_alternative_readings(tmp_path):
    out = tmp_path / "a.xlsx"
    result = run("settle", CASE, "--output", out, "--reading", "days.working")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("--format xlsx: the workbook's formulas follow the default readings")
    assert not out.exists()
