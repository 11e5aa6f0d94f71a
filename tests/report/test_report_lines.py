"""S19 in every output: the table, the JSON views, the reports, the ledger, the workbook, --as-of and --readings.

Figures from examples/13 (SPEC §13 worked example c: main line 397254.94, addendum 59564.98, in all
456819.92) and examples/15 (two periods, three lines, 713788.95 in all), derived by hand in their README.md.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from convenant_calc.cli.app import app
from convenant_calc.core.money import round_cents
from convenant_calc.io.bundled import examples_dir

C = examples_dir() / "13-addendum-duaal-leren"
E15 = examples_dir() / "15-extension-continues-one-addendum"
MAIN, EXT = "lokale-besturen-2023-2025", "verlenging-2025-2026"


def settle(*args: str, code: int = 0):
    result = CliRunner().invoke(app, ["settle", *args], env={"COLUMNS": "120"})
    assert result.exit_code == code, result.output
    return result


def test_json_of_several_lines_is_schema_3():
    out = json.loads(settle(str(C), "-f", "json").stdout)
    assert list(out) == ["schema", "convenant", "settlements", "lines", "periods", "total", "ceilings"]  # S20: last
    assert out["schema"] == "convenant-settlement/3"
    main, addendum = out["settlements"]
    assert list(main)[:5] == ["schema", "convenant", "period", "line", "term"]  # "period" and "line" after "convenant"
    assert (main["period"], main["line"], addendum["line"]) == (MAIN, MAIN, "duaal-leren")
    assert addendum["deduction"] == {"daily_rate": "145.006840", "shortfall_fte_days": "3", "amount": "435.02"}
    assert out["lines"] == [
        {"line": MAIN, "title": "Sectorconvenant 2023-2025 Lokale Besturen", "max_subsidy": "424000.00",
         "subsidy": "397254.94", "paid": "0.00", "balance": "397254.94"},
        {"line": "duaal-leren", "title": "Addendum duaal leren", "max_subsidy": "60000.00",
         "subsidy": "59564.98", "paid": "0.00", "balance": "59564.98"},
    ]
    assert out["periods"] == [
        {"period": MAIN, "max_subsidy": "484000.00", "subsidy": "456819.92", "paid": "0.00", "balance": "456819.92"}
    ]
    assert out["total"]["subsidy"] == "456819.92"


def test_a_line_alone_is_schema_1_or_2():
    one = json.loads(settle(str(C), "-f", "json", "--line", "duaal-leren").stdout)
    assert (one["schema"], one["line"], one["subsidy"]) == ("convenant-settlement/1", "duaal-leren", "59564.98")
    assert "period" not in one  # one period: not named, as in /1
    two = json.loads(settle(str(E15), "-f", "json", "--line", "duaal-leren").stdout)
    assert two["schema"] == "convenant-settlement/2"
    assert [(p["period"], p["line"], p["subsidy"]) for p in two["periods"]] == [
        (MAIN, "duaal-leren", "60000.00"), (EXT, "duaal-leren", "29491.78")
    ]
    assert two["total"]["subsidy"] == "89491.78"  # 60000.00 + 29491.78
    both = json.loads(settle(str(E15), "-f", "json", "--line", "duaal-leren", "--period", EXT).stdout)
    assert (both["schema"], both["period"], both["line"], both["subsidy"]) == (
        "convenant-settlement/1", EXT, "duaal-leren", "29491.78"
    )


def test_a_project_only_line_prints_a_null_daily_rate():
    out = json.loads(settle(str(examples_dir() / "14-project-only-addendum"), "-f", "json").stdout)
    assert out["settlements"][1]["deduction"] == {"daily_rate": None, "shortfall_fte_days": "0", "amount": "0.00"}


def test_selection_refusals():
    unknown = settle(str(E15), "--line", "duaal", code=2)
    assert unknown.stderr.strip() == (
        "--line 'duaal': lokale-besturen-2023-2025 has no line 'duaal'; did you mean 'duaal-leren'? its lines are "
        "lokale-besturen-2023-2025, duaal-leren, diversiteit"
    )
    nothing = settle(str(E15), "--line", "diversiteit", "--period", EXT, code=2)
    assert nothing.stderr.strip() == (
        "--line 'diversiteit': the line has no budget in period 'verlenging-2025-2026' (S19); its lines there are "
        "lokale-besturen-2023-2025, duaal-leren"
    )


def test_table_shows_each_line_and_the_totals():
    text = settle(str(E15)).stdout
    assert "Funding lines and periods (S14, S19)" in text
    for heading in (
        f"Period {MAIN}, Funding line {MAIN} — Sectorconvenant 2023-2025 Lokale Besturen",
        f"Period {EXT}, Funding line duaal-leren — Addendum duaal leren",
        f"Period {MAIN}, Funding line diversiteit — Addendum diversiteit en inclusie",
    ):
        assert heading in text
    assert "total line duaal-leren" in text and "89,491.78" in text
    assert f"total period {EXT}" in text and "218,767.12" in text
    assert "713,788.95" in text and "383,388.95" in text
    assert "Deduction: the line funds no consultant (S19)" in text  # diversiteit
    assert "Deduction: 3.5 FTE-days × 145.205479 a day (Art. 5, S10)" in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_markdown_and_html_report_each_line_with_its_steps_and_the_totals(lang, tmp_path):
    md = settle(str(E15), "-f", "markdown", "--lang", lang).stdout
    html = settle(str(E15), "-f", "html", "--lang", lang).stdout
    assert md.count("\n## Settlement report") + md.count("\n## Afrekeningsrapport") == 5  # one per settlement
    assert html.count("<section id=\"period-") == 5
    for anchor in (f"period-{EXT}-line-duaal-leren", f"period-{MAIN}-line-diversiteit"):
        assert f'<section id="{anchor}">' in html
    by_line, by_period = ("Total by line", "Total by period") if lang == "en" else ("Totaal per lijn", "Totaal per periode")
    assert f"### {by_line}" in md and f"### {by_period}" in md and f"<h3>{by_period}</h3>" in html
    assert ("713,788.95" if lang == "en" else "713.788,95") in md
    if lang == "en":
        # the addendum's own steps: its consultant funding, its part of An's absence, its rate
        assert "Figures: `maximum 30,000.00; 0.25 FTE funded with 13,250.00 of it`" in md
        assert "#2 An Peeters, sickness: 14 d × 0.25 = 3.5 (1 FTE × 0.25 / 1 in line duaal-leren)" in md
        assert "`daily_rate = consultant_funding / (consultants_fte × term_days), kept exact (S19)`" in md
        assert "Figures: `13,250.00 / (0.25 × 365) = 13,250.00 / 91.25 = 145.205479…`" in md
        assert "| Funding line | `duaal-leren` — Addendum duaal leren |" in md


def test_ledger_has_a_line_column_and_sums_to_each_deduction():
    text = CliRunner().invoke(app, ["ledger", str(E15)]).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[:3] == ["period", "line", "date"]
    assert len(rows) == 3 * 731 + 2 * 365  # three lines in the first period, two in the extension
    expected = {(MAIN, MAIN): "3538.17", (MAIN, "duaal-leren"): "0.00", (MAIN, "diversiteit"): "0.00",
                (EXT, MAIN): "1524.66", (EXT, "duaal-leren"): "508.22"}
    for (period, line), amount in expected.items():
        mine = [r for r in rows if (r["period"], r["line"]) == (period, line)]
        assert round_cents(sum((Fraction(r["deduction_exact"]) for r in mine), Fraction(0))) == Decimal(amount)
    day = {(r["period"], r["line"], r["date"]): r for r in rows}
    # 2025-07-01: An is off duty, 0.75 in the main line and 0.25 in duaal-leren
    assert day[(EXT, MAIN, "2025-07-01")]["fte_off_sickness"] == "0.75"
    assert day[(EXT, "duaal-leren", "2025-07-01")]["fte_off_sickness"] == "0.25"
    one = list(csv.DictReader(io.StringIO(CliRunner().invoke(app, ["ledger", str(C)]).stdout)))
    assert list(one[0])[:2] == ["line", "date"] and len(one) == 2 * 731


def test_as_of_per_line_with_totals():
    # examples/15, the extension as of 2025-07-10: An off 2025-07-01 … 07-10, 10 days.
    # main: 10 × 0.75 = 7.5 FTE-days × 212000 / 1460 = 1089.0410… → 1089.04; worst = best (nothing pending):
    #   148400.00 + 42400.00 − 1089.04 = 189710.96.
    # duaal-leren: 10 × 0.25 = 2.5 × 13250 / 91.25 = 363.0136… → 363.01; 21000.00 + 9000.00 − 363.01 = 29636.99.
    # Totals: 10 FTE-days, 1452.05 deducted to date, 219347.95.
    out = json.loads(settle(str(E15), "-f", "json", "--period", EXT, "--as-of", "2025-07-10").stdout)
    main, duaal = out["settlements"]
    assert main["deduction_to_date"] == {"shortfall_fte_days": "7.5", "amount": "1089.04"}
    assert duaal["deduction_to_date"] == {"shortfall_fte_days": "2.5", "amount": "363.01"}
    assert (main["subsidy_range"]["worst"], duaal["subsidy_range"]["best"]) == ("189710.96", "29636.99")
    assert out["as_of"] == "2025-07-10"
    assert out["deduction_to_date"] == {"shortfall_fte_days": "10", "amount": "1452.05"}
    assert out["subsidy_range"] == {"worst": "219347.95", "best": "219347.95"}
    table = settle(str(E15), "--period", EXT, "--as-of", "2025-07-10").stdout
    assert table.count("Interim position on 2025-07-10 (S16)") == 3  # the lines' together, and each line's
    refused = settle(str(E15), "--as-of", "2025-07-10", code=2)
    assert "has 2 periods (S14); the interim position is that of one period: give --period ID" in refused.stderr


def test_readings_per_line_with_totals():
    # rate.effort-basis: main 9 × 296800 / 2924 = 913.54 → 397646.46 (+391.52); addendum 0.70 × 26500 = 18550,
    # 3 × 18550 / 182.75 = 304.51 → 59695.49 (+130.51); in all 457341.95 (+522.03).
    out = json.loads(settle(str(C), "-f", "json", "--readings").stdout)
    effort = next(r for r in out["readings"] if r["id"] == "rate.effort-basis")
    assert (effort["subsidy"], effort["difference"]) == ("457341.95", "522.03")
    assert effort["lines"] == [
        {"line": MAIN, "subsidy": "397646.46", "difference": "391.52"},
        {"line": "duaal-leren", "subsidy": "59695.49", "difference": "130.51"},
    ]
    md = settle(str(C), "-f", "markdown", "--readings").stdout
    assert "  - `duaal-leren`: 59,695.49 (difference +130.51)" in md
    alone = json.loads(settle(str(C), "-f", "json", "--readings", "--line", "duaal-leren").stdout)
    effort = next(r for r in alone["readings"] if r["id"] == "rate.effort-basis")
    assert (effort["subsidy"], effort["difference"], "lines" in effort) == ("59695.49", "130.51", False)


def totals_sheet(path: Path) -> dict[str, Decimal]:
    """The Totals sheet's figures (columns D–G) as LibreOffice recalculates them (tests/libreoffice.py)."""
    import openpyxl

    from .. import libreoffice

    sheet = openpyxl.load_workbook(libreoffice.convert([path], path.parent)[0], data_only=True)["Totals"]
    out = {}
    for row in sheet.iter_rows(min_col=4, max_col=7):
        for cell in row:
            if isinstance(cell.value, int | float):
                out[cell.coordinate] = libreoffice.number(cell.value)
    return out


def test_workbook_of_lines_and_periods_has_a_totals_sheet_of_formulas(tmp_path):
    path = tmp_path / "e15.xlsx"
    settle(str(E15), "-o", str(path))
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
    assert workbook.index('name="Totals"') < workbook.index('name="1 Settlement"')
    assert 'name="5 Payments"' in workbook and 'name="6 Settlement"' not in workbook  # 5 settlements, 7 sheets each
    got = totals_sheet(path)
    # one row per settlement (rows 5–9), then by line (12–14), by period (17–18) and the total (20)
    assert [got[f"E{row}"] for row in range(5, 10)] == [
        Decimal("395021.83"), Decimal("60000"), Decimal("40000"), Decimal("189275.34"), Decimal("29491.78")
    ]
    assert [got[f"E{row}"] for row in (12, 13, 14)] == [Decimal("584297.17"), Decimal("89491.78"), Decimal("40000")]
    assert [got[f"E{row}"] for row in (17, 18)] == [Decimal("495021.83"), Decimal("218767.12")]
    assert (got["D20"], got["E20"], got["F20"], got["G20"]) == (
        Decimal("766000"), Decimal("713788.95"), Decimal("330400"), Decimal("383388.95")
    )


def test_a_changed_input_of_an_addendum_recomputes_the_total(tmp_path):
    # Sheet 2 is duaal-leren in example 13: its consultant funding (B12) 26500.00 → 29240.00 makes the rate
    # 29240 / 182.75 = 160; 3 FTE-days × 160 = 480.00; subsidy 60000.00 − 480.00 = 59520.00; in all
    # 397254.94 + 59520.00 = 456774.94.
    path = tmp_path / "e13.xlsx"
    settle(str(C), "-o", str(path))
    assert totals_sheet(path)["E15"] == Decimal("456819.92")  # rows: 2 settlements, 2 lines, 1 period, the total
    import openpyxl

    book = openpyxl.load_workbook(path)
    book["2 Settlement"]["B12"] = 29240
    changed = tmp_path / "changed" / "e13.xlsx"
    changed.parent.mkdir()
    book.save(changed)
    assert totals_sheet(changed)["E15"] == Decimal("456774.94")
