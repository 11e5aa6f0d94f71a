"""S19: funding lines — each addendum settled on its own, the staffing split by each consultant's assignment.

The figures are derived by hand in the comments, from SPEC §13 worked example (c) and from
examples/13, 14 and 15 (whose README.md derive them in full).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from convenant_calc.core.readings import BY_ID, DEFAULT
from convenant_calc.core.rules.lines import budgets, exact_decimal, line_factor
from convenant_calc.core.rules.periods import merge_reason, periods
from convenant_calc.core.settlement import settle, settle_agreement
from convenant_calc.io.bundled import examples_dir
from convenant_calc.io.loading import load_case

from ..helpers import case, convenant

MAIN = "lokale-besturen-2023-2025"
DUAAL = {
    "id": "duaal-leren",
    "title": "Addendum duaal leren",
    "max_subsidy": Decimal("60000.00"),
    "consultants_fte": Decimal("0.25"),
    "consultant_funding": Decimal("26500.00"),
    "result_commitments": [{"id": "D1", "title": "Opgeleide mentoren", "target": 20}],
}
# SPEC §13 (c): An 1.0 FTE of which 0.25 for the addendum; bram, chloe, dirk 1.0 and els 0.25 for the main line.
CONSULTANTS = [
    {"id": "an", "fte": Decimal("1.0"), "lines": {"duaal-leren": Decimal("0.25")}},
    {"id": "bram"},
    {"id": "chloe"},
    {"id": "dirk"},
    {"id": "els", "fte": Decimal("0.25")},
]
SICK_A = {  # SPEC §5 (a): 12 days uncovered and unreplaced, 2024-02-07 … 2024-02-18
    "consultant": "an",
    "kind": "sickness",
    "from": "2024-01-08",
    "to": "2024-03-15",
    "replacement": [{"from": "2024-02-19", "to": "2024-03-15", "fte": Decimal("1.0")}],
}


def example_c(**addendum):
    conv = convenant(addenda=[{**DUAAL, **addendum}])
    return case(conv, absences=[SICK_A], consultants=CONSULTANTS, met=4)


def test_worked_example_c():
    # Main line: 12 × 0.75 = 9 FTE-days; 9 × 424000 / 2924 = 1305.0615… → 1305.06;
    #   296800.00 + 101760.00 (4/5) − 1305.06 = 397254.94.
    # Addendum: 12 × 0.25 = 3 FTE-days; rate 26500 / (0.25 × 731) = 145.0068…; 3 × rate = 435.0205… → 435.02;
    #   pools 42000.00 + 18000.00 (1/1 met) − 435.02 = 59564.98. Total 456819.92.
    a = settle_agreement(example_c())
    main, addendum = a.settlements
    assert (main.deduction.shortfall_fte_days, main.deduction.amount, main.subsidy) == (
        9, Decimal("1305.06"), Decimal("397254.94")
    )
    assert addendum.deduction.daily_rate == Fraction(26500) / (Fraction(1, 4) * 731)
    assert (addendum.effort_pool, addendum.result_pool, addendum.results.payout) == (
        Decimal("42000.00"), Decimal("18000.00"), Decimal("18000.00")
    )
    assert (addendum.deduction.shortfall_fte_days, addendum.deduction.amount, addendum.subsidy) == (
        3, Decimal("435.02"), Decimal("59564.98")
    )
    assert a.subsidy == Decimal("456819.92")
    assert (main.period, main.line, addendum.line) == (None, MAIN, "duaal-leren")  # one period: not named
    assert [t.subsidy for t in a.by_line] == [Decimal("397254.94"), Decimal("59564.98")]
    assert [t.subsidy for t in a.by_period] == [Decimal("456819.92")]


def test_one_guaranteed_wage_window_whatever_the_line():
    # The window (S7) is the absence's: covered 2024-01-08 … 2024-02-06 in both lines, 30 days each.
    main, addendum = settle_agreement(example_c()).settlements
    (a_main,), (a_add,) = main.absences, addendum.absences
    assert a_main.covered == a_add.covered and a_main.covered_days_in_term == 30
    assert (a_main.fte, a_add.fte) == (Decimal("0.75"), Decimal("0.25"))
    # The replacement puts back its FTE in the same proportion: 26 days × 0.75 and × 0.25.
    assert (a_main.replaced_fte_days, a_add.replaced_fte_days) == (Decimal("19.5"), Decimal("6.5"))


def test_without_a_consultants_list_every_absence_counts_in_the_main_line():
    # S19: "Without a consultants list every line is taken as fully staffed (S5) and every absence is
    # counted in the main line": the main line is example 02 (12 FTE-days, 1740.08), the addendum loses nothing.
    conv = convenant(addenda=[DUAAL])
    main, addendum = settle_agreement(case(conv, absences=[SICK_A], met=4)).settlements
    assert (main.deduction.shortfall_fte_days, main.deduction.amount) == (12, Decimal("1740.08"))
    assert (addendum.deduction.shortfall_fte_days, addendum.subsidy) == (0, Decimal("60000.00"))
    assert addendum.absences == ()


def test_a_consultant_without_lines_works_for_the_main_line_only():
    # bram (1.0, no lines): all in the main line; an (1.0, 0.25 in duaal-leren): 0.75 / 1.0 and 0.25 / 1.0.
    staffing, (main, addendum) = example_c().staffing, budgets_c()
    assert (line_factor(staffing, "bram", main), line_factor(staffing, "bram", addendum)) == (1, 0)
    assert (line_factor(staffing, "an", main), line_factor(staffing, "an", addendum)) == (Fraction(3, 4), Fraction(1, 4))


def budgets_c():
    return budgets(periods(example_c().convenant)[0])


def test_budget_defaults():
    # S19: consultant_funding defaults to all of the maximum when consultants_fte > 0, else 0;
    # funding defaults to the agreement's; the main line's consultant funding is its maximum (S10).
    conv = convenant(
        addenda=[
            {"id": "a", "title": "A", "max_subsidy": Decimal("1000.00"), "consultants_fte": Decimal("0.5"),
             "result_commitments": [{"id": "A1", "title": "a", "target": 1}]},
            {"id": "b", "title": "B", "max_subsidy": Decimal("500.00"), "funding": {"effort_share": 1, "result_share": 0}},
        ]
    )
    main, a, b = budgets(periods(conv)[0])
    assert (main.line, main.consultant_funding, main.main) == (MAIN, Decimal("424000.00"), True)
    assert (a.consultant_funding, a.funding, a.funds_consultants) == (Decimal("1000.00"), conv.funding, True)
    assert (b.consultant_funding, b.consultants_fte, b.funds_consultants) == (0, 0, False)


def test_a_project_only_line_has_no_daily_rate():
    # examples/14: 60000.00 at 100 % effort, no consultants, no commitments: subsidy 60000.00, no deduction.
    s = settle_agreement(load_case(examples_dir() / "14-project-only-addendum").case).select(line="diversiteit").only
    assert s is not None
    assert (s.deduction.daily_rate, s.deduction.amount, s.deduction.shortfall_fte_days) == (None, 0, 0)
    assert (s.effort_pool, s.result_pool, s.results.total, s.results.payout) == (Decimal("60000.00"), 0, 0, 0)
    assert (s.subsidy, s.paid, s.balance) == (Decimal("60000.00"), Decimal("30000.00"), Decimal("30000.00"))


def test_an_extension_continues_one_addendum_and_drops_another():
    # examples/15: the extension lists duaal-leren (30000.00, consultant funding 13250.00; 0.25 FTE and 70/30
    # from the previous period) and not diversiteit, which has no budget in it.
    a = settle_agreement(load_case(examples_dir() / "15-extension-continues-one-addendum").case)
    assert [(s.budget.period, s.budget.line) for s in a.settlements] == [
        (MAIN, MAIN), (MAIN, "duaal-leren"), (MAIN, "diversiteit"),
        ("verlenging-2025-2026", MAIN), ("verlenging-2025-2026", "duaal-leren"),
    ]
    duaal = a.settlements[4]
    assert (duaal.funded_fte, duaal.budget.consultant_funding, duaal.funding.effort_share) == (
        Decimal("0.25"), Decimal("13250.00"), Decimal("0.70")
    )
    # 14 days × 0.25 = 3.5 FTE-days; 3.5 × 13250 / (0.25 × 365) = 508.2191… → 508.22; 21000 + 9000 − 508.22
    assert (duaal.deduction.shortfall_fte_days, duaal.deduction.amount, duaal.subsidy) == (
        Decimal("3.5"), Decimal("508.22"), Decimal("29491.78")
    )
    # The change bijsturing-duaal-2024 (line: duaal-leren) lowered D1's target to 18: 19 is met.
    first = a.settlements[1]
    assert [(c.id, c.target, c.met) for c in first.results.commitments] == [("D1", 18, True)]
    assert [x.id for x in first.amendments] == ["bijsturing-duaal-2024"]
    assert [x.id for x in duaal.amendments] == ["verlenging-2025-2026"]
    assert (a.subsidy, a.balance) == (Decimal("713788.95"), Decimal("383388.95"))
    # extension.merged cannot merge a line without a budget in every period
    assert merge_reason(periods(load_case(examples_dir() / "15-extension-continues-one-addendum").case.convenant)) == "lines"


def test_a_continued_addendum_left_to_its_default_funding_takes_the_new_maximum():
    # An addendum whose consultant funding is left to its default (all of the maximum) keeps that default in
    # an extension: all of the extension's maximum, not the previous period's amount.
    conv = convenant(
        addenda=[{**DUAAL, "consultant_funding": None}],
        amendments=[
            {"id": "ext", "kind": "extension", "term": {"start": "2025-07-01", "end": "2026-06-30"},
             "max_subsidy": Decimal("212000.00"), "result_commitments": [{"id": "V1", "title": "v", "target": 1}],
             "addenda": [{"id": "duaal-leren", "max_subsidy": Decimal("20000.00"),
                          "result_commitments": [{"id": "D2", "title": "d", "target": 1}]}]},
        ],
    )
    first, second = periods(conv)
    assert [b.consultant_funding for b in budgets(first)][1] == Decimal("60000.00")
    assert [b.consultant_funding for b in budgets(second)][1] == Decimal("20000.00")


def test_readings_apply_to_every_line():
    # rate.effort-basis on the addendum: 0.70 × 26500 = 18550 (S19); 3 × 18550 / 182.75 = 304.5143… → 304.51;
    # 60000.00 − 304.51 = 59695.49. On the main line: 9 × 296800 / 2924 = 913.5430… → 913.54; 398560.00 − 913.54.
    a = settle_agreement(example_c(), BY_ID["rate.effort-basis"].apply(DEFAULT))
    main, addendum = a.settlements
    assert (addendum.deduction.rate_base, addendum.deduction.amount, addendum.subsidy) == (
        Decimal("18550.0000"), Decimal("304.51"), Decimal("59695.49")
    )
    assert (main.deduction.amount, main.subsidy) == (Decimal("913.54"), Decimal("397646.46"))


def test_a_termination_ends_every_line():
    # Ended on 2025-06-26 (S15): 4 days unfunded; in the addendum 4 × 0.25 = 1 FTE-day more,
    # 1 × 26500 / 182.75 = 145.0068… → with An's 3: 4 × 145.0068… = 580.0273… → 580.03.
    conv = convenant(addenda=[DUAAL], termination={"kind": "mutual", "ends": "2025-06-26"})
    addendum = settle_agreement(case(conv, absences=[SICK_A], consultants=CONSULTANTS, met=4)).settlements[1]
    assert addendum.staffing.unfunded_fte_days == 1
    assert (addendum.deduction.shortfall_fte_days, addendum.deduction.amount) == (4, Decimal("580.03"))


def test_settle_refuses_an_agreement_of_several_lines():
    with pytest.raises(ValueError, match="2 settlements"):
        settle(example_c())


def test_selection_is_an_agreement_settlement_of_the_same_type():
    a = settle_agreement(example_c())
    one = a.select(line="duaal-leren")
    assert type(one) is type(a) and one.only is a.settlements[1] and one.dimensions == ()
    assert a.dimensions == ("line",) and a.key(a.settlements[1]) == ("duaal-leren",)
    assert a.select(line="nope").settlements == ()


def test_exact_decimal():
    assert exact_decimal(Fraction(3, 4)) == Decimal("0.75")
    with pytest.raises(ArithmeticError):
        exact_decimal(Fraction(1, 15))


def test_validate_names_the_addenda():
    from typer.testing import CliRunner

    from convenant_calc.cli.app import app

    out = CliRunner().invoke(app, ["validate", str(examples_dir() / "15-extension-continues-one-addendum")]).stdout
    assert "; 2 addenda (funding lines: duaal-leren 60000.00, diversiteit 40000.00);" in out
