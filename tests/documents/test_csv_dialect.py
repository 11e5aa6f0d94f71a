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


# --- issue 18 item 3: CSV injection -----------------------------------------------------------------

FORMULA = '=HYPERLINK("http://x","click")'


def _as_own_agreement(case, title: str, extension_id: str | None = None) -> None:
    """A copy of examples/09 (two periods) with the agreement's title, and the extension's id, replaced."""
    text = (case / "convenant.yaml").read_text(encoding="utf-8")
    text = text.replace("title: Sectorconvenant 2023-2025 Lokale Besturen", f"title: '{title}'", 1)
    if extension_id is not None:
        text = text.replace("id: verlenging-2025-2026", f"id: '{extension_id}'")
        payments = (case / "payments.yaml").read_text(encoding="utf-8")
        (case / "payments.yaml").write_text(
            payments.replace("period: verlenging-2025-2026", f"period: '{extension_id}'"), encoding="utf-8"
        )
    (case / "convenant.yaml").write_text(text, encoding="utf-8")


def _own_id(case, new_id: str) -> None:
    """A case of the bundled agreement on a copy of it under another id (figures unchanged)."""
    from convenant_calc.io.bundled import bundled_path

    bundled = "lokale-besturen-2023-2025"
    text = bundled_path(bundled).read_text(encoding="utf-8")
    (case / "convenant.yaml").write_text(text.replace(f"id: {bundled}", f"id: {new_id}", 1), encoding="utf-8")
    for path in case.glob("*.yaml"):
        if path.name != "convenant.yaml":
            path.write_text(path.read_text(encoding="utf-8").replace(f"convenant: {bundled}", f"convenant: {new_id}"))


def test_a_title_like_a_formula_is_text_in_the_generation_csv_and_negative_amounts_stay_numbers(tmp_path):
    # Issue 18 item 3: the title was a live =HYPERLINK cell in `generation -f csv --dialect excel-nl`.
    import shutil

    gen = tmp_path / "gen"
    shutil.copytree(EXAMPLES / "09-extension-year", gen / "09")
    _as_own_agreement(gen / "09", FORMULA)
    six = shutil.copytree(EXAMPLES / "06-fewer-than-half-to-recover", gen / "06")  # balance −46750.21: to recover
    _own_id(six, "zes")  # a generation counts each agreement once: 06 and 09 both settle the bundled one
    for dialect, sep in (("excel-nl", ";"), ("rfc4180", ",")):
        result = runner.invoke(app, ["generation", str(gen), "-f", "csv", "--dialect", dialect])
        assert result.exit_code == 0, result.output
        rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=sep))
        by_case = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
        assert by_case["09"]["title"] == "'" + FORMULA  # the apostrophe: a spreadsheet shows it as text
        assert by_case["06"]["balance"] == ("-46750,21" if dialect == "excel-nl" else "-46750.21")  # a number


def test_an_extension_id_like_a_formula_is_text_in_every_ledger_row(tmp_path):
    # Issue 18 item 3: the period column of `ledger` leads every row with the extension's id.
    import shutil

    case = tmp_path / "09"
    shutil.copytree(EXAMPLES / "09-extension-year", case)
    _as_own_agreement(case, "Lokale Besturen", extension_id="-1+cmd|/C calc!A0")
    result = runner.invoke(app, ["ledger", str(case), "--dialect", "excel-nl"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    periods = {r[0] for r in rows[1:]}
    assert periods == {"lokale-besturen-2023-2025", "'-1+cmd|/C calc!A0"}


def test_text_cells_starting_like_a_formula_get_the_apostrophe_numbers_never():
    from convenant_calc.render.csv_dialects import Dialect, Number, number, write

    text = write(
        ["a", "b", "c"],
        [["=1+1", "+1", "-x"], ["@SUM(A1)", "\tx", "\rx"], [number("-12.50", Dialect.rfc4180), Number(-3), "ok"]],
    )
    assert list(csv.reader(io.StringIO(text))) == [
        ["a", "b", "c"], ["'=1+1", "'+1", "'-x"], ["'@SUM(A1)", "'\tx", "'\rx"], ["-12.50", "-3", "ok"]
    ]


def test_the_workbooks_store_a_title_like_a_formula_as_text(tmp_path):
    # The xlsx writers use write_string for every text, never write(): such a title is a string, no formula.
    import re
    import shutil
    import zipfile

    gen = tmp_path / "gen"
    shutil.copytree(EXAMPLES / "09-extension-year", gen / "09")
    _as_own_agreement(gen / "09", FORMULA)
    books = {
        "generation": (["generation", str(gen), "-o", str(tmp_path / "g.xlsx")], tmp_path / "g.xlsx"),
        "settle": (["settle", str(gen / "09"), "--period", "lokale-besturen-2023-2025", "-o", str(tmp_path / "s.xlsx")],
                   tmp_path / "s.xlsx"),
    }
    for args, path in books.values():
        assert runner.invoke(app, args).exit_code == 0
        with zipfile.ZipFile(path) as z:
            strings = z.read("xl/sharedStrings.xml").decode()
            sheets = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
        assert re.search(r"=HYPERLINK\((&quot;|\")http://x", strings)  # the title, in a shared string
        assert not re.search(r"<f>[^<]*HYPERLINK", sheets)
