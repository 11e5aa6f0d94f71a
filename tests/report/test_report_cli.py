"""The command line of the reports: --format, --lang, --output (atomic), --stamp, and `convenant ledger`."""

from __future__ import annotations

import csv
import io
import shutil
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.core.money import round_cents

from .conftest import example_path

CASE = "04-time-credit-and-vacancy"


def run(*args: str, env: dict | None = None):
    return CliRunner(env=env).invoke(app, list(args))


@pytest.mark.parametrize("fmt", ["markdown", "html", "table", "json"])
def test_same_inputs_give_the_same_bytes(fmt, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        result = run("settle", str(example_path(CASE)), "-f", fmt, "--lang", "nl", "-o", str(out))
        assert result.exit_code == 0, result.output
        assert result.stdout == "" and result.stderr == f"wrote {out} ({out.stat().st_size} bytes)\n"
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]  # no temporary file left behind


def test_stdout_equals_the_file(tmp_path):
    out = tmp_path / "r.md"
    assert run("settle", str(example_path(CASE)), "-f", "markdown", "-o", str(out)).exit_code == 0
    printed = run("settle", str(example_path(CASE)), "-f", "markdown")
    assert printed.exit_code == 0
    assert printed.output == out.read_text(encoding="utf-8")


def test_stamp_only_when_asked(tmp_path):
    plain = run("settle", str(example_path(CASE)), "-f", "markdown").output
    assert "Generated" not in plain
    stamped = run("settle", str(example_path(CASE)), "-f", "markdown", "--stamp", env={"SOURCE_DATE_EPOCH": "0"})
    assert "| Generated | 1970-01-01T00:00:00Z |" in stamped.output
    html = run("settle", str(example_path(CASE)), "-f", "html", "--lang", "nl", "--stamp",
               env={"SOURCE_DATE_EPOCH": "86400"})
    assert "<tr><th>Aangemaakt</th><td>1970-01-02T00:00:00Z</td></tr>" in html.output


def test_bad_input_writes_nothing(tmp_path):
    case = tmp_path / "case"
    shutil.copytree(example_path(CASE), case)
    (case / "results.yaml").write_text("results:\n  - {commitment: R1, achieved: lots}\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = run("settle", str(case), "-f", "html", "-o", str(out))
    assert result.exit_code == 2
    assert "results.yaml:2:" in result.output
    assert not out.exists()
    out.write_text("the previous report\n", encoding="utf-8")
    assert run("settle", str(case), "-f", "markdown", "-o", str(out)).exit_code == 2
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert run("ledger", str(case), "-o", str(tmp_path / "ledger.csv")).exit_code == 2
    assert not (tmp_path / "ledger.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case", "report.html"]


def test_output_into_a_missing_directory_is_a_usage_error(tmp_path):
    result = run("settle", str(example_path(CASE)), "-f", "markdown", "-o", str(tmp_path / "no" / "r.md"))
    assert result.exit_code == 2
    assert "does not exist" in result.output
    result = run("settle", str(example_path(CASE)), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "is a directory" in result.output


def test_output_replaces_an_existing_file(tmp_path):
    out = tmp_path / "r.json"
    out.write_text("old\n", encoding="utf-8")
    assert run("settle", str(example_path(CASE)), "-f", "json", "-o", str(out)).exit_code == 0
    assert '"subsidy": "382812.26"' in out.read_text(encoding="utf-8")  # SPEC §5 b


def test_dutch_table(tmp_path):
    out = tmp_path / "t.txt"
    assert run("settle", str(example_path(CASE)), "--lang", "nl", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    # SPEC §5 b: 108.6 FTE-days, 15747.74 deduction, 382812.26 subsidy; 169600.00 paid → 213212.26 to pay.
    assert "Vermindering: 108,6 VTE-dagen × 145,006840 per dag (Art. 5, S10)" in text
    assert "−15.747,74" in text
    assert "382.812,26" in text
    assert "Saldo: uit te betalen (S12)" in text
    assert "tijdskrediet" in text


def test_ledger_command(tmp_path):
    out = tmp_path / "ledger.csv"
    result = run("ledger", str(example_path(CASE)), "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 731
    assert sum(Decimal(r["fte_short"]) for r in rows) == Decimal("108.6")  # SPEC §5 b
    assert sum(Decimal(r["fte_off_time_credit"]) for r in rows) == Decimal("60.6")  # 303 days × 0.2
    vacancy = sum(max(Decimal(0), 4 - Decimal(r["fte_employed"])) for r in rows)
    assert vacancy == 36  # 2024-12-01 … 2025-01-05
    assert round_cents(sum(Decimal(r["deduction"]) for r in rows)) == Decimal("15747.74")
    assert run("ledger", str(example_path(CASE))).output == out.read_text(encoding="utf-8")
