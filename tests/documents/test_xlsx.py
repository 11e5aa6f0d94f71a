"""The Excel workbook: its formulas, recalculated by LibreOffice, give the tool's figures to the cent.

Every example is written as a workbook and recalculated by LibreOffice headless (set to
recalculate on load, so the cached values are not what is read back); then one input
is changed to show that the figures are live, and a case with a half cent in the
effort pool shows that the workbook rounds half-up like S1.
"""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from functools import cache
from pathlib import Path

import openpyxl
import pytest

from convenant_calc.core.settlement import settle, settle_agreement
from convenant_calc.render import xlsx

from .. import helpers, libreoffice
from ..report.conftest import EXAMPLES, agreement, loaded, settled

FIGURES = ("days", "n", "k", "short", "effort", "pool", "payout", "deduction", "subsidy", "paid", "balance")


def workbook(name: str, lang: str = "en") -> bytes:
    return xlsx.render(agreement(name), loaded(name).case.staffing, case=name, lang=lang)


# What the tests change in example 02 (SPEC §5 a); see test_an_input_changed_recomputes_the_subsidy.
CHANGES = ({xlsx.CELL["max"]: 212000}, {xlsx.CELL["k"]: 2}, {xlsx.CELL["fte"]: 5})


def changed(path: Path, number: int, changes: dict[str, object]) -> Path:
    """A copy of the workbook with cells of its Settlement sheet changed, as a person would in a spreadsheet."""
    book = openpyxl.load_workbook(path)
    for cell, value in changes.items():
        book["Settlement"][cell] = value
    out = path.with_name(f"{path.stem}-changed-{number}.xlsx")
    book.save(out)
    return out


@cache
def evaluated(tmp: Path) -> dict[str, list[dict[str, Decimal]]]:
    """Every example's workbook (and the half-cent case, and example 02 changed) recalculated by LibreOffice in
    one call; each one's Settlement figures (the first, or only, settlement's sheet)."""
    jobs: dict[str, list[Path]] = {}
    for name in EXAMPLES:
        path = tmp / f"{name}.xlsx"
        path.write_bytes(workbook(name))
        jobs[name] = [path]
    spec_a = jobs["02-long-sickness-partly-replaced"]
    spec_a.extend(changed(spec_a[0], number, changes) for number, changes in enumerate(CHANGES, start=1))
    tie = tmp / "tie.xlsx"
    tie.write_bytes(xlsx.render(half_cent(), helpers.case().staffing))
    jobs["tie"] = [tie]
    done = iter(libreoffice.convert([p for paths in jobs.values() for p in paths], tmp))
    results = {}
    for name, paths in jobs.items():
        results[name] = []
        for _ in paths:
            book = openpyxl.load_workbook(next(done), data_only=True)
            sheet = book["Settlement"] if "Settlement" in book.sheetnames else book["1 Settlement"]
            results[name].append({key: libreoffice.number(sheet[xlsx.CELL[key]].value) for key in FIGURES})
    return results


def half_cent():
    # max 1000.15: effort 0.70 × 1000.15 = 700.105 exactly → 700.11 (S1 half-up)
    return settle_agreement(helpers.case(helpers.convenant(max_subsidy=Decimal("1000.15"))))


@pytest.fixture(scope="module")
def recomputed(tmp_path_factory):
    return evaluated(tmp_path_factory.mktemp("xlsx"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_formulas_recompute_the_settlement_to_the_cent(recomputed, name):
    s = settled(name)
    expected = {
        "days": s.term_days,
        "n": s.results.total,
        "k": s.results.met,
        "short": s.deduction.shortfall_fte_days,
        "effort": s.effort_pool,
        "pool": s.result_pool,
        "payout": s.results.payout,
        "deduction": s.deduction.amount,
        "subsidy": s.subsidy,
        "paid": s.paid,
        "balance": s.balance,
    }
    assert recomputed[name][0] == {k: Decimal(v) for k, v in expected.items()}


def test_spec_example_a_in_figures(recomputed):
    # SPEC §5 (a): 731 days, 12 FTE-days short, deduction 1740.08, payout 101760.00, subsidy 396819.92
    got = recomputed["02-long-sickness-partly-replaced"][0]
    assert (got["days"], got["short"], got["deduction"], got["payout"], got["subsidy"]) == (
        731, 12, Decimal("1740.08"), Decimal("101760"), Decimal("396819.92")
    )


def test_an_input_changed_recomputes_the_subsidy(recomputed):
    _, richer, fewer, more_fte = recomputed["02-long-sickness-partly-replaced"]
    # max 212000.00: effort 0.70 × 212000 = 148400.00; result pool 63600.00; 4/5 met → 50880.00;
    # deduction 212000 × 12 / (4 × 731) = 870.0410… → 870.04; subsidy 148400 + 50880 − 870.04 = 198409.96
    assert (richer["effort"], richer["payout"], richer["deduction"], richer["subsidy"]) == (
        Decimal("148400"), Decimal("50880"), Decimal("870.04"), Decimal("198409.96")
    )
    # 2 of 5 met is below the cutoff 1/2: no payout; subsidy 296800.00 − 1740.08 = 295059.92
    assert (fewer["payout"], fewer["subsidy"]) == (Decimal("0"), Decimal("295059.92"))
    # 5 FTE funded (4 assumed employed: no consultants listed, the Days sheet keeps 4 on duty, 3 while An is
    # off): short 1 FTE on each of the 731 days, 2 on the 12 days → 743 FTE-days; deduction
    # 424000 × 743 / (5 × 731) = 315032000 / 3655 = 86192.0656… → 86192.07;
    # subsidy 296800.00 + 101760.00 − 86192.07 = 312367.93
    assert (more_fte["short"], more_fte["deduction"], more_fte["subsidy"]) == (
        Decimal("743"), Decimal("86192.07"), Decimal("312367.93")
    )


def test_a_half_cent_is_rounded_up_as_s1_says(recomputed):
    # 0.70 × 1000.15 = 700.105 exactly → 700.11 (S1); in binary 0.7 × 1000.15 × 100 is 70010.49999999999,
    # which a bare ROUND(x, 2) as the formulas package computes it takes down to 700.10. Result pool
    # 1000.15 − 700.11 = 300.04; all met: payout 300.04; no absences: subsidy 1000.15.
    s = half_cent().only
    assert (s.effort_pool, s.result_pool, s.results.payout) == (Decimal("700.11"), Decimal("300.04"), Decimal("300.04"))
    assert s.subsidy == Decimal("1000.15")
    assert 0.7 * 1000.15 * 100 < 70010.5  # binary noise: a bare ROUND(x, 2) could take it down to 700.10
    got = recomputed["tie"][0]
    assert (got["effort"], got["pool"], got["payout"], got["subsidy"]) == (
        Decimal("700.11"), Decimal("300.04"), Decimal("300.04"), Decimal("1000.15")
    )


def test_same_input_same_bytes_and_a_fixed_date():
    first, second = workbook("07-everything-together"), workbook("07-everything-together")
    assert first == second
    with zipfile.ZipFile(__import__("io").BytesIO(first)) as z:
        core = z.read("docProps/core.xml").decode()
        assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-07-01T00:00:00Z</dcterms:created>" in core
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        styles = z.read("xl/styles.xml").decode()
        assert 'formatCode="#,##0.00 &quot;EUR&quot;;-#,##0.00 &quot;EUR&quot;"' in styles  # ASCII minus
        assert 'formatCode="[$-813]d mmmm yyyy"' in styles  # 30 juni 2025 in nl-BE
        sheets = z.read("xl/workbook.xml").decode()
        assert re.findall(r'<sheet name="(\w+)"', sheets) == list(xlsx.SHEETS)
        days = z.read("xl/worksheets/sheet6.xml").decode()
        assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in days
        settlement = z.read("xl/worksheets/sheet1.xml").decode()
        # the cached value of the subsidy is the tool's exact figure (SPEC §5 b with results and payments: 356067.20)
        assert f"<v>{settled('07-everything-together').subsidy}</v>" in settlement


def test_dutch_labels():
    with zipfile.ZipFile(__import__("io").BytesIO(workbook("07-everything-together", "nl"))) as z:
        strings = z.read("xl/sharedStrings.xml").decode()
    assert "Maximale subsidie (EUR)" in strings and "Saldo" in strings
