"""S14 (Art. 8): amendments, extension periods, one staffing history across periods.

Example 09 (examples/09-extension-year/README.md derives every figure by hand):
the bundled agreement 2023-07-01 … 2025-06-30 (731 days, 424000.00, 4 FTE) and an
ILLUSTRATIVE extension 2025-07-01 … 2026-06-30 (365 days, 212000.00, 4 FTE).
"""

from datetime import date
from decimal import Decimal

import pytest

from convenant_calc.core.models import Convenant
from convenant_calc.core.rules.periods import periods
from convenant_calc.core.settlement import settle, settle_agreement
from convenant_calc.io.bundled import examples_dir
from convenant_calc.io.loading import load_case

from ..helpers import convenant

CASE = load_case(examples_dir() / "09-extension-year").case
P1, P2 = "lokale-besturen-2023-2025", "verlenging-2025-2026"


def short_on(settlement, day: date) -> Decimal:
    return next(p.short for p in settlement.staffing.pieces if p.first <= day <= p.last)


def test_periods_of_example_09():
    first, second = periods(CASE.convenant)
    assert (first.id, second.id) == (P1, P2)
    assert (first.convenant.term.days, second.convenant.term.days) == (731, 365)
    # bijsturing-2024 replaced R2 in place: target 4 → 3
    assert [(c.id, c.target) for c in first.convenant.result_commitments][:2] == [("R1", 96), ("R2", 3)]
    assert [c.id for c in second.convenant.result_commitments] == ["V1", "V2", "V3"]
    # consultants_fte and funding default to the previous period's
    assert second.convenant.consultants_fte == 4 and second.convenant.funding == first.convenant.funding
    assert [a.id for a in first.amendments] == ["bijsturing-2024"]
    assert [a.id for a in second.amendments] == ["verlenging-2025-2026"]


def test_each_period_settled_on_its_own():
    a = settle_agreement(CASE)
    one, two = a.settlements
    # Period 1: 12 FTE-days (An, 2025-06-19 … 06-30); 12 × 424000 / 2924 = 1740.0820… → 1740.08
    assert (one.deduction.shortfall_fte_days, one.deduction.amount) == (12, Decimal("1740.08"))
    assert (one.results.met, one.results.payout, one.subsidy) == (4, Decimal("101760.00"), Decimal("396819.92"))
    assert (one.paid, one.balance) == (Decimal("296800.00"), Decimal("100019.92"))
    # Period 2: 15 + 29 + 8 = 52 FTE-days; 52 × 212000 / 1460 = 7550.6849… → 7550.68
    assert (two.deduction.shortfall_fte_days, two.deduction.amount) == (52, Decimal("7550.68"))
    # 148400.00 + 63600.00 × 2/3 − 7550.68 = 148400.00 + 42400.00 − 7550.68
    assert (two.results.payout, two.subsidy, two.paid) == (Decimal("42400.00"), Decimal("183249.32"), Decimal("84800.00"))
    assert (a.max_subsidy, a.subsidy, a.paid, a.balance) == (
        Decimal("636000.00"),
        Decimal("580069.24"),
        Decimal("381600.00"),
        Decimal("198469.24"),
    )


def test_boundary_30_june_1_july_one_window():
    # An, sick 2025-05-20 … 2025-07-15: the window covers 30 days, 2025-05-20 … 2025-06-18 (12 + 18).
    # 30 June is short in period 1; 1 July is short in period 2: the window does not restart on 1 July.
    one, two = settle_agreement(CASE).settlements
    an1, an2 = one.absences[0], two.absences[0]
    assert (an1.days_in_term, an1.covered_days_in_term, an1.short_fte_days) == (42, 30, 12)
    assert (an2.days_in_term, an2.covered_days_in_term, an2.short_fte_days) == (15, 0, 15)
    assert short_on(one, date(2025, 6, 18)) == 0 and short_on(one, date(2025, 6, 19)) == 1
    assert short_on(one, date(2025, 6, 30)) == 1 and short_on(two, date(2025, 7, 1)) == 1
    assert short_on(two, date(2025, 7, 15)) == 1 and short_on(two, date(2025, 7, 16)) == 0


def test_boundary_31_december_1_january_dated_relapse_rule():
    two = settle_agreement(CASE).settlements[1]
    bram2, dirk2 = two.absences[2], two.absences[4]
    # Bram: 2026-01-05 − 2025-11-21 = 45 days ≤ 56 (in force on 2026-01-05): a relapse with 30 − 19 = 11 days left;
    # covered 2026-01-05 … 01-15, short 2026-01-16 … 02-13 = 16 + 13 = 29 days.
    assert bram2.window is not None and bram2.window.is_relapse and bram2.window.left_at_start == 11
    assert bram2.short_fte_days == 29
    # Dirk: 2025-12-31 − 2025-12-12 = 19 days > 14 (in force on 2025-12-31): a new window of 30 days,
    # 2025-12-31 … 2026-01-29; short 2026-01-30 … 02-06 = 2 + 6 = 8 days.
    assert dirk2.window is not None and not dirk2.window.is_relapse and dirk2.covered_days_in_term == 30
    assert dirk2.short_fte_days == 8
    assert short_on(two, date(2026, 1, 29)) == 1  # Bram only
    assert short_on(two, date(2026, 1, 30)) == 2  # Bram and Dirk


def test_settle_refuses_an_agreement_of_several_periods():
    with pytest.raises(ValueError, match="2 settlements"):
        settle(CASE)


def test_change_defaults_to_the_last_period_and_applies_in_order():
    conv = convenant(
        amendments=[
            {"id": "c1", "kind": "change", "add": [{"id": "V9", "title": "extra", "target": 5}], "remove": ["V1"]},
            {
                "id": "ext",
                "kind": "extension",
                "term": {"start": "2025-07-01", "end": "2026-06-30"},
                "max_subsidy": Decimal("100.00"),
                "consultants_fte": 2,
                "result_commitments": [{"id": "V1", "title": "a", "target": 1}, {"id": "V2", "title": "b", "target": 1}],
            },
        ]
    )
    first, second = periods(conv)
    assert [c.id for c in first.convenant.result_commitments] == ["R1", "R2", "R3", "R4", "R5"]
    assert [c.id for c in second.convenant.result_commitments] == ["V2", "V9"]
    assert second.convenant.consultants_fte == 2 and second.convenant.max_subsidy == Decimal("100.00")


def test_one_period_without_amendments_is_the_agreement_itself():
    conv = convenant()
    (only,) = periods(conv)
    assert only.id == conv.id and only.convenant == conv and only.amendments == ()
    assert isinstance(only.convenant, Convenant)


def test_a_change_alone_keeps_one_period_and_the_v1_contract():
    from convenant_calc.core.models import Results
    from convenant_calc.render.json import agreement_dict

    from ..helpers import case as build

    conv = convenant(
        amendments=[{"id": "c", "kind": "change", "replace": [{"id": "R2", "title": "fewer", "target": 3}]}]
    )
    c = build(conv)
    results = [{"commitment": r, "achieved": a} for r, a in (("R1", 96), ("R2", 3), ("R3", 0), ("R4", 0), ("R5", 0))]
    c = c.model_copy(update={"results": Results.model_validate({"results": results})})
    a = settle_agreement(c)
    assert a.only is not None and a.only.period is None
    # R2 met against 3: 2 of 5 < ½ → no payout (against 4 it would be 1 of 5, the same payout here)
    assert [co.target for co in a.only.results.commitments][:2] == [96, 3]
    assert a.only.results.met == 2
    assert agreement_dict(a)["schema"] == "convenant-settlement/1" and "period" not in agreement_dict(a)
    assert [x.id for x in a.only.amendments] == ["c"]
