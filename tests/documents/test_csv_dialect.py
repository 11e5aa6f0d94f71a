"""`convenant ledger --dialect excel-nl`: a CSV that Excel and LibreOffice in nl-BE open directly (issue 11).

SPEC §5 (a), example 02: An is short 1 FTE on 2024-02-07 … 2024-02-18 (12 days).
daily_rate = 424000 / (4 × 731) = 106000/731 = 145.006839945280…, so the first short
day's deduction is 145.0068399453 (10 decimals, half-up: the 11th decimal is 8); the
twelfth day's running total is 12 × 106000/731 = 1740.082079343365… → 1740.0820793434.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from typer.testing import CliRunner

from convenant_calc.cli.app import app

from ..conftest import EXAMPLES

runner = CliRunner()
CASE = str(EXAMPLES / "02-long-sickness-partly-replaced")


def ledger_bytes(*options: str) -> bytes:
    result = runner.invoke(app, ["ledger", CASE, *options])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_excel_nl_is_semicolons_decimal_commas_bom_and_crlf():
    raw = ledger_bytes("--dialect", "excel-nl")
    assert raw.startswith(b"\xef\xbb\xbfdate;fte_employed;")
    text = raw.decode("utf-8-sig")
    assert text.count("\r\n") == 731 + 1  # a header and one row per day of the term, each ended by CRLF
    assert "\n" not in text.replace("\r\n", "")
    rows = {r["date"]: r for r in csv.DictReader(io.StringIO(text, newline=""), delimiter=";")}
    assert rows["2024-02-07"]["fte_short"] == "1"
    assert rows["2024-02-07"]["deduction"] == "145,0068399453"
    assert rows["2024-02-18"]["running_total"] == "1740,0820793434"
    # a spreadsheet cannot hold the exact fractions (and reads 1/2 as a date): left out here
    assert "deduction_exact" not in rows["2024-02-07"]
    # the last day's running total, rounded to cents, is the deduction of the settlement
    last = Decimal(rows["2025-06-30"]["running_total"].replace(",", "."))
    assert last.quantize(Decimal("0.01")) == Decimal("1740.08")


def test_default_is_rfc4180_with_crlf_and_the_exact_columns():
    raw = ledger_bytes()
    assert raw.startswith(b"date,fte_employed,")
    text = raw.decode("utf-8")
    assert text.count("\r\n") == 732 and "\n" not in text.replace("\r\n", "")
    rows = {r["date"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    assert rows["2024-02-07"]["deduction"] == "145.0068399453"
    assert rows["2024-02-07"]["deduction_exact"] == "106000/731"  # 424000/2924 in lowest terms
    assert rows["2024-02-18"]["running_total_exact"] == "1272000/731"  # 12 × 106000/731


def test_rfc4180_and_excel_nl_hold_the_same_numbers():
    plain = list(csv.reader(io.StringIO(ledger_bytes().decode("utf-8"), newline="")))
    excel_nl = ledger_bytes("--dialect", "excel-nl").decode("utf-8-sig")
    nl = list(csv.reader(io.StringIO(excel_nl, newline=""), delimiter=";"))
    assert [row[:-2] for row in plain] == [[cell.replace(",", ".") for cell in row] for row in nl]
