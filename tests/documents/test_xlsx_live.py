"""The live workbook (issue 22): LibreOffice recalculates every sheet to the tool's figures, an edited absence
moves the subsidy as the tool settles the same edit, and every sheet prints A4, one page wide.

All the workbooks of this module are recalculated in one LibreOffice call (tests/libreoffice.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

import openpyxl
import pytest

from convenant_calc.core.models import AbsenceKind
from convenant_calc.core.settlement import settle_agreement
from convenant_calc.io.loading import load_case
from convenant_calc.render import xlsx
from convenant_calc.views.ledger import ledger, months

from .. import libreoffice
from ..report.conftest import agreement, example_path, loaded

#: a plain settlement, two periods (S14), an end by notice (S15), an addendum's line (S19), an extension with
#: its addendum, a relapse with a new cause (S7)
LIVE = ("07-everything-together", "09-extension-year", "10-terminated-by-notice", "13-addendum-duaal-leren",
        "15-extension-continues-one-addendum", "16-new-cause-during-a-relapse", "17-cost-statement")
EDITED = "07-edited"
EDITED_COSTS = "17-edited"  # S20: two amounts of the Costs sheet changed


def edit_absences(text: str) -> str:
    """The edit of test_an_edited_absence_moves_the_subsidy, on absences.yaml."""
    text = text.replace("to: 2024-03-15\n", "to: 2024-03-29\n", 1)
    return text.replace("kind: time_credit, from: 2024-09-01", "kind: time_credit, from: 2024-10-01", 1)


def edit_workbook(path: Path, out: Path) -> None:
    """The same edit in the workbook: An's sickness (absence 1, row 2) ends 2024-03-29, Dirk's time credit
    (absence 4, row 5) starts 2024-10-01."""
    book = openpyxl.load_workbook(path)
    absences = book["Absences"]
    assert (absences["A2"].value, absences["A5"].value) == (1, 4)
    absences["E2"] = datetime(2024, 3, 29)
    absences["D5"] = datetime(2024, 10, 1)
    book.save(out)


def edit_costs(text: str) -> str:
    """The edit of test_an_edited_cost_moves_the_capped_subsidy, on costs.yaml."""
    text = text.replace("amount: 102500.00, ref: \"loonstaat 2024-07..2024-12\"", "amount: 70000.00, ref: \"loonstaat 2024-07..2024-12\"")
    return text.replace("amount: 11000.00, ref: \"loonstaat An 2024-07..2025-06\"", "amount: 20000.00, ref: \"loonstaat An 2024-07..2025-06\"")


def edit_costs_workbook(path: Path, out: Path) -> None:
    """The same edit on the Costs sheet (S20): the main line's salary of 2024-07..2024-12 (cost 3, row 4) becomes
    70000.00, An's addendum salary of 2024-07..2025-06 (cost 9, row 10) 20000.00."""
    book = openpyxl.load_workbook(path)
    costs = book["Costs"]
    assert (costs["A4"].value, costs["A10"].value) == ("loonstaat 2024-07..2024-12", "loonstaat An 2024-07..2025-06")
    costs["F4"] = 70000
    costs["F10"] = 20000
    book.save(out)


@cache
def recalculated(tmp: Path) -> dict[str, Path]:
    paths = {}
    for name in LIVE:
        paths[name] = tmp / f"{name}.xlsx"
        paths[name].write_bytes(xlsx.render(agreement(name), loaded(name).case.staffing, case=name))
    paths[EDITED] = tmp / f"{EDITED}.xlsx"
    edit_workbook(paths["07-everything-together"], paths[EDITED])
    paths[EDITED_COSTS] = tmp / f"{EDITED_COSTS}.xlsx"
    edit_costs_workbook(paths["17-cost-statement"], paths[EDITED_COSTS])
    return dict(zip(paths, libreoffice.convert(list(paths.values()), tmp), strict=True))


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    return recalculated(tmp_path_factory.mktemp("live"))


def rounded(value) -> Decimal:
    return round(Decimal(value), 9)


@pytest.mark.parametrize("name", LIVE)
def test_libreoffice_recalculates_every_figure_to_the_settlement(books, name):
    a = agreement(name)
    book = openpyxl.load_workbook(books[name], data_only=True)
    several = a.only is None
    for number, s in enumerate(a.settlements, start=1):
        prefix = f"{number} " if several else ""
        sheet, at = book[prefix + "Settlement"], xlsx.cells(s)
        got = {key: libreoffice.number(sheet[at[key]].value) for key in
               ("days", "n", "k", "short", "effort", "pool", "payout", "deduction", "subsidy", "paid", "balance")}
        assert got == {
            "days": s.term_days, "n": s.results.total, "k": s.results.met, "short": s.deduction.shortfall_fte_days,
            "effort": s.effort_pool, "pool": s.result_pool, "payout": s.results.payout,
            "deduction": s.deduction.amount, "subsidy": s.subsidy, "paid": s.paid, "balance": s.balance,
        }, (name, number)
        days = book[prefix + "Days"]
        for row, d in enumerate(ledger(s), start=2):
            figures = [rounded(libreoffice.number(days.cell(row, col).value)) for col in range(2, 14)]
            expected = [d.employed, d.guaranteed_wage, *(d.off_duty[k] for k in AbsenceKind), d.replaced,
                        d.on_duty, d.short]
            assert figures == [rounded(x) for x in expected], (name, number, d.day)
        sheet = book[prefix + "Months"]
        for row, m in enumerate(months(s), start=2):
            figures = [rounded(libreoffice.number(sheet.cell(row, col).value)) for col in range(2, 9)]
            expected = [m.days, m.vacancy_fte_days, m.absence_fte_days, m.short_fte_days, m.cumulative_fte_days,
                        m.cumulative, m.deduction]
            assert figures == [rounded(x) for x in expected], (name, number, m.year, m.month)
    if several:  # the Totals sheet's last row: the agreement's total
        totals = book["Totals"]
        row = max(r for r in range(1, totals.max_row + 1) if isinstance(totals.cell(r, 4).value, int | float))
        got = [libreoffice.number(totals.cell(row, col).value) for col in range(4, 8)]
        assert got == [a.total.max_subsidy, a.total.subsidy, a.total.paid, a.total.balance]


def test_example_07_in_figures(books):
    # example 07 (SPEC §5 b with results and payments): 117.6 FTE-days short, deduction 17052.80,
    # subsidy 296800.00 + 76320.00 − 17052.80 = 356067.20, balance 356067.20 − 296800.00 = 59267.20
    sheet = openpyxl.load_workbook(books["07-everything-together"], data_only=True)["Settlement"]
    assert [libreoffice.number(sheet[xlsx.CELL[k]].value) for k in ("short", "deduction", "subsidy", "balance")] == [
        Decimal("117.6"), Decimal("17052.8"), Decimal("356067.2"), Decimal("59267.2")
    ]


def test_an_edited_absence_moves_the_subsidy(books, tmp_path):
    """Issue 22: change an absence's dates in the workbook, recalculate, and compare with the tool's settlement
    of the same edited case."""
    case = tmp_path / "case"
    shutil.copytree(example_path("07-everything-together"), case)
    (case / "absences.yaml").write_text(edit_absences((case / "absences.yaml").read_text()))
    s = settle_agreement(load_case(case).case).only
    # An's sickness runs 14 more days unreplaced (2024-03-16 … 2024-03-29, 1 FTE): +14; Dirk's 0.2 time credit
    # starts a month later (the 30 days of September 2024, 4 employed): −6. 117.6 + 14 − 6 = 125.6 FTE-days;
    # deduction 424000 × 125.6 / 2924 = 18212.859… → 18212.86; subsidy 296800.00 + 76320.00 − 18212.86 = 354907.14
    assert (s.deduction.shortfall_fte_days, s.deduction.amount, s.subsidy) == (
        Decimal("125.6"), Decimal("18212.86"), Decimal("354907.14")
    )
    sheet = openpyxl.load_workbook(books[EDITED], data_only=True)["Settlement"]
    got = [libreoffice.number(sheet[xlsx.CELL[k]].value) for k in ("short", "deduction", "subsidy", "balance")]
    assert got == [s.deduction.shortfall_fte_days, s.deduction.amount, s.subsidy, s.balance]


def test_every_sheet_prints_a4_one_page_wide_with_its_header_repeated():
    name = "09-extension-year"
    data = xlsx.render(agreement(name), loaded(name).case.staffing, case=name)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
        workbook = z.read("xl/workbook.xml").decode()
        assert len(names) == 1 + 2 * len(xlsx.SHEETS)  # Totals, then the sheets of each period
        for number, sheet in enumerate(names, start=1):
            xml = z.read(f"xl/worksheets/sheet{number}.xml").decode()
            assert '<pageSetUpPr fitToPage="1"/>' in xml, sheet
            assert re.search(r'<pageSetup paperSize="9"[^>]* fitToHeight="0"', xml), sheet
            ref = f"'{sheet}'" if " " in sheet else sheet
            assert re.search(rf'<definedName name="_xlnm.Print_Titles" localSheetId="{number - 1}">{re.escape(ref)}!\$1:\$\d</definedName>', workbook.replace("&apos;", "'")), sheet


def test_the_settlement_sheet_prints_one_page_wide(tmp_path):
    """LibreOffice prints the Settlement sheet on A4 with its title on one line and its rule column on the same
    page as the figures."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) is missing")
    name = "02-long-sickness-partly-replaced"
    path = tmp_path / "settlement.xlsx"
    path.write_bytes(xlsx.render(agreement(name), loaded(name).case.staffing, case=name))
    book = openpyxl.load_workbook(path)
    for sheet in book.sheetnames[1:]:  # print the Settlement sheet alone
        del book[sheet]
    book.save(path)
    pdf = libreoffice.convert([path], tmp_path, to="pdf")[0]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)", info), info
    first = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert "Settlement report — Sectorconvenant 2023-2025 Lokale Besturen\n" in first  # on one line
    assert "Maximum subsidy (EUR)" in first and "S12: subsidy − paid" in first  # the rule column is on page 1
    assert "half-up to cents" in first


def test_an_edited_cost_moves_the_capped_subsidy(books, tmp_path):
    """S20: change two amounts on the Costs sheet, recalculate, and compare with the tool's settlement of the same
    edited costs.yaml: the cap now binds the main line and no longer binds the addendum."""
    case = tmp_path / "case"
    shutil.copytree(example_path("17-cost-statement"), case)
    (case / "costs.yaml").write_text(edit_costs((case / "costs.yaml").read_text()))
    a = settle_agreement(load_case(case).case)
    main, addendum = a.settlements
    # main line: eligible 422000.00 − 102500.00 + 70000.00 = 389500.00 < ceiling 397254.94: capped at 389500.00;
    # addendum: eligible 52000.00 − 11000.00 + 20000.00 = 61000.00 ≥ ceiling 59564.98: not capped.
    # Total 389500.00 + 59564.98 = 449064.98 (it was 449254.94).
    assert (main.costs.eligible, main.subsidy) == (Decimal("389500.00"), Decimal("389500.00"))
    assert (addendum.costs.eligible, addendum.subsidy) == (Decimal("61000.00"), Decimal("59564.98"))
    assert a.total.subsidy == Decimal("449064.98")
    book = openpyxl.load_workbook(books[EDITED_COSTS], data_only=True)
    for number, s in enumerate(a.settlements, start=1):
        sheet, at = book[f"{number} Settlement"], xlsx.cells(s)
        got = [libreoffice.number(sheet[at[k]].value) for k in ("eligible", "subsidy", "balance")]
        assert got == [s.costs.eligible, s.subsidy, s.balance], number
    totals = book["Totals"]
    row = max(r for r in range(1, totals.max_row + 1) if isinstance(totals.cell(r, 4).value, int | float))
    assert libreoffice.number(totals.cell(row, 5).value) == Decimal("449064.98")


def test_the_costs_sheet_prints_a4_one_page_wide_with_its_header_repeated():
    name = "17-cost-statement"
    data = xlsx.render(agreement(name), loaded(name).case.staffing, case=name)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
        assert names[-1] == "Costs" and len(names) == 2 + 2 * len(xlsx.SHEETS)
        number = len(names)
        xml = z.read(f"xl/worksheets/sheet{number}.xml").decode()
        assert '<pageSetUpPr fitToPage="1"/>' in xml
        assert re.search(r'<pageSetup paperSize="9"[^>]* orientation="landscape"[^>]* fitToHeight="0"', xml) or (
            re.search(r'<pageSetup paperSize="9"[^>]* fitToHeight="0"', xml) and 'orientation="landscape"' in xml
        )
        workbook = z.read("xl/workbook.xml").decode()
        assert f'<definedName name="_xlnm.Print_Titles" localSheetId="{number - 1}">Costs!$1:$1</definedName>' in workbook
