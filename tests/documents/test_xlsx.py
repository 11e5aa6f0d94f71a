"""The Excel workbook: its formulas, evaluated by the ``formulas`` package, give the tool's figures to the cent.

Every example is written as a workbook and its Settlement sheet recomputed from
the formulas alone (the cached values are ignored by the evaluator); then one input
is changed to show that the figures are live, and a case with a half cent in the
effort pool shows that the workbook rounds half-up like S1.
"""

from __future__ import annotations

import re
import zipfile
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from convenant_calc.core.settlement import settle, settle_agreement
from convenant_calc.render import xlsx

from .. import helpers
from ..report.conftest import EXAMPLES, agreement, loaded, settled

formulas = pytest.importorskip("formulas", reason="the formulas package (test extra formulas[excel]) is missing")

FIGURES = ("days", "n", "k", "short", "effort", "pool", "payout", "deduction", "subsidy", "paid", "balance")


def workbook(name: str, lang: str = "en") -> bytes:
    return xlsx.render(agreement(name), loaded(name).case.staffing, case=name, lang=lang)


def evaluate(path: str, variants: tuple[dict[str, object], ...] = ({},)) -> list[dict[str, Decimal]]:
    """The Settlement sheet's figures as the formulas compute them, once per set of changed inputs.

    Each value is a float; it is read back as its shortest decimal (repr), which for an
    amount in cents is the amount itself (59267.2 for 59267.20).
    """
    name = Path(path).name
    model = formulas.ExcelModel().loads(path).finish()
    results = []
    for changes in variants:
        solution = model.calculate(inputs={f"'[{name}]SETTLEMENT'!{k}": v for k, v in changes.items()})
        figures = {}
        for key in FIGURES:
            value = solution[f"'[{name}]SETTLEMENT'!{xlsx.CELL[key]}"].value[0, 0]
            figures[key] = Decimal(repr(float(value)))
        results.append(figures)
    return results


def _job(job: tuple[str, tuple[dict, ...]]) -> list[dict[str, Decimal]]:
    return evaluate(*job)


# What the tests change in example 02 (SPEC §5 a); see test_an_input_changed_recomputes_the_subsidy.
CHANGES = ({}, {xlsx.CELL["max"]: 212000}, {xlsx.CELL["k"]: 2}, {xlsx.CELL["fte"]: 5})


@cache
def evaluated(tmp: Path) -> dict[str, list[dict[str, Decimal]]]:
    """Every example's workbook (and the half-cent case) evaluated once, two at a time."""
    jobs = {}
    for name in EXAMPLES:
        path = tmp / f"{name}.xlsx"
        path.write_bytes(workbook(name))
        jobs[name] = (str(path), CHANGES if name == "02-long-sickness-partly-replaced" else ({},))
    tie = tmp / "tie.xlsx"
    tie.write_bytes(xlsx.render(half_cent(), helpers.case().staffing))
    jobs["tie"] = (str(tie), ({},))
    with ProcessPoolExecutor(max_workers=2) as pool:
        return dict(zip(jobs, pool.map(_job, jobs.values())))


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
    from formulas.functions.math import xround

    assert xround(0.7 * 1000.15, 2) == 700.1  # the bare ROUND: one cent short
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
        days = z.read("xl/worksheets/sheet5.xml").decode()
        assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in days
        settlement = z.read("xl/worksheets/sheet1.xml").decode()
        # the cached value of the subsidy is the tool's exact figure (SPEC §5 b with results and payments: 356067.20)
        assert f"<v>{settled('07-everything-together').subsidy}</v>" in settlement


def test_dutch_labels():
    with zipfile.ZipFile(__import__("io").BytesIO(workbook("07-everything-together", "nl"))) as z:
        strings = z.read("xl/sharedStrings.xml").decode()
    assert "Maximale subsidie (EUR)" in strings and "Saldo" in strings
