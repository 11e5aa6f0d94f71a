"""The day-by-day ledger and the month table add up to the settlement's deduction (S9, S10)."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from fractions import Fraction

from convenant_calc.views.ledger import ledger, months
from convenant_calc.core.models import AbsenceKind
from convenant_calc.core.money import round_cents
from convenant_calc.render import ledger_csv

from .conftest import agreement, settled

RATE = Fraction(424000, 4 * 731)  # = 106000/731 = 145.00684… (SPEC §5 a)


def test_ledger_adds_up_to_the_deduction(example):
    s = settled(example)
    rows = ledger(s)
    assert len(rows) == s.term_days == (s.convenant.term.end - s.convenant.term.start).days + 1
    assert [r.day for r in rows][0] == s.convenant.term.start and rows[-1].day == s.convenant.term.end
    assert sum(r.short for r in rows) == s.deduction.shortfall_fte_days
    assert sum(r.deduction for r in rows) == rows[-1].running == s.deduction.exact
    assert round_cents(rows[-1].running) == s.deduction.amount
    for r in rows:
        assert r.on_duty == r.employed - sum(r.off_duty.values())
        assert r.short == max(Decimal(0), s.staffing.funded_fte - r.on_duty)


def test_month_table_adds_up_to_the_deduction(example):
    s = settled(example)
    ms = months(s)
    term = s.convenant.term  # 2023-07 … 2025-06: 24 months; examples/16: 2024, 12
    assert len(ms) == (term.end.year - term.start.year) * 12 + term.end.month - term.start.month + 1
    assert sum(m.days for m in ms) == s.term_days
    assert sum(m.short_fte_days for m in ms) == s.deduction.shortfall_fte_days
    assert sum(m.deduction for m in ms) == s.deduction.amount
    assert ms[-1].cumulative == s.deduction.amount
    for m in ms:
        # Cumulative rounding: no month is more than a cent away from its own exact share.
        assert abs(Fraction(m.deduction) - m.exact) <= Fraction(1, 100)


def test_month_rounding_is_cumulative():
    # Example 07, by hand with RATE = 106000/731:
    #   2024-02: 12 FTE-days (An)            cumulative 12   → 1272000/731 = 1740.0820… → 1740.08
    #   2024-06: 3 + 6 = 9 FTE-days (Els)    cumulative 21   → 2226000/731 = 3045.1436… → 3045.14, month 1305.06
    #   2024-09: 30 × 0.2 = 6 (Dirk)         cumulative 27   → 2862000/731 = 3915.1846… → 3915.18, month 870.04
    #   2024-10: 31 × 0.2 = 6.2              cumulative 33.2 → 3519200/731 = 4814.2270… → 4814.23, month 899.05
    # October's own share is 6.2 × RATE = 899.0424… → 899.04: rounding each month on its own would
    # lose the cent that the cumulative rounding gives back.
    by_month = {(m.year, m.month): m for m in months(settled("07-everything-together"))}
    assert by_month[2024, 2].deduction == Decimal("1740.08")
    assert by_month[2024, 6].cumulative == Decimal("3045.14")
    assert by_month[2024, 6].deduction == Decimal("1305.06")
    assert by_month[2024, 9].deduction == Decimal("870.04")
    assert by_month[2024, 10].short_fte_days == Decimal("6.2")
    assert by_month[2024, 10].cumulative == Decimal("4814.23")
    assert by_month[2024, 10].deduction == Decimal("899.05")
    assert round_cents(by_month[2024, 10].exact) == Decimal("899.04")
    # December 2024: 31 days of vacancy (Bram left 2024-11-30) + 31 × 0.2 time credit.
    assert by_month[2024, 12].vacancy_fte_days == 31
    assert by_month[2024, 12].absence_fte_days == Decimal("6.2")
    assert by_month[2024, 12].short_fte_days == Decimal("37.2")


def test_ledger_days_of_example_07():
    rows = {r.day: r for r in ledger(settled("07-everything-together"))}
    # An's sickness: 2024-01-08 + 30 days of guaranteed wage → covered until 2024-02-06.
    d = rows[date(2024, 2, 6)]
    assert (d.guaranteed_wage, d.off_duty[AbsenceKind.sickness], d.short) == (1, 0, 0)
    d = rows[date(2024, 2, 7)]
    assert (d.guaranteed_wage, d.off_duty[AbsenceKind.sickness], d.on_duty, d.short) == (0, 1, 3, 1)
    assert d.deduction == RATE
    # Replaced from 2024-02-19: on duty again.
    d = rows[date(2024, 2, 19)]
    assert (d.replaced, d.on_duty, d.short) == (1, 4, 0)
    # Els' relapse: 11 window days left from 2024-06-03 → covered to 2024-06-13; uncovered from 06-14,
    # half replaced from 06-17.
    assert rows[date(2024, 6, 13)].guaranteed_wage == 1
    d = rows[date(2024, 6, 14)]
    assert (d.off_duty[AbsenceKind.accident], d.replaced, d.short) == (1, 0, 1)
    d = rows[date(2024, 6, 17)]
    half = Decimal("0.5")
    assert (d.off_duty[AbsenceKind.accident], d.replaced, d.on_duty, d.short) == (half, half, Decimal("3.5"), half)
    # The vacancy between Bram and Chloe, with Dirk's 1/5 time credit: 3 employed, 2.8 on duty, 1.2 short.
    d = rows[date(2024, 12, 15)]
    assert (d.employed, d.off_duty[AbsenceKind.time_credit]) == (3, Decimal("0.2"))
    assert (d.on_duty, d.short) == (Decimal("2.8"), Decimal("1.2"))
    assert d.deduction == RATE * Fraction(6, 5)


def test_ledger_csv_sums_to_the_deduction_in_a_spreadsheet(example):
    s = settled(example)
    text = ledger_csv.render(agreement(example))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ledger_csv.HEADER + (ledger_csv.COSTS if s.costs is not None else [])  # S20
    assert len(rows) == s.term_days
    if s.costs is not None:  # the eligible costs by day add up to the sum that caps the subsidy
        assert sum(Decimal(r["eligible_costs"]) for r in rows) == Decimal(rows[-1]["eligible_running"])
        assert Decimal(rows[-1]["eligible_running"]) == s.costs.eligible
    assert sum(Decimal(r["fte_short"]) for r in rows) == s.deduction.shortfall_fte_days
    # What a spreadsheet does: add the 10-decimal column, round to cents.
    assert round_cents(sum(Decimal(r["deduction"]) for r in rows)) == s.deduction.amount
    assert round_cents(Decimal(rows[-1]["running_total"])) == s.deduction.amount
    assert Fraction(rows[-1]["running_total_exact"]) == s.deduction.exact
    assert sum(Fraction(r["deduction_exact"]) for r in rows) == s.deduction.exact


def test_ledger_csv_of_spec_example_a():
    # SPEC §5 a: 12 FTE-days short, 2024-02-07 … 2024-02-18, each 1 × 106000/731.
    rows = list(csv.DictReader(io.StringIO(ledger_csv.render(agreement("02-long-sickness-partly-replaced")))))
    short = [r for r in rows if r["fte_short"] != "0"]
    assert [r["date"] for r in (short[0], short[-1])] == ["2024-02-07", "2024-02-18"]
    assert len(short) == 12
    assert short[0]["deduction_exact"] == "106000/731"
    assert short[0]["deduction"] == "145.0068399453"
    assert rows[-1]["running_total_exact"] == "1272000/731"  # 12 × 106000/731 = 1740.0820…
    assert rows[-1]["running_total"] == "1740.0820793434"


def test_ledger_csv_carries_the_eligible_costs_and_the_cap():
    # examples/17 (SPEC §14 d): main line eligible 4 × 102500.00 + 7000.00 + 5000.00 = 422000.00
    # ≥ ceiling 397254.94: not capped; duaal-leren eligible 11000.00 + 30000.00 + 11000.00 = 52000.00
    # < 59564.98: capped. The 4500.00 project cost of 2024-05-15 is ineligible: 0.00 that day.
    rows = list(csv.DictReader(io.StringIO(ledger_csv.render(agreement("17-cost-statement")))))
    assert list(rows[0])[-3:] == ["eligible_costs", "eligible_running", "capped"]
    main = [r for r in rows if r["line"] == "lokale-besturen-2023-2025"]
    duaal = [r for r in rows if r["line"] == "duaal-leren"]
    assert len(main) == len(duaal) == 731
    assert [(r["date"], r["eligible_costs"]) for r in main if r["eligible_costs"] != "0.00"] == [
        ("2023-12-31", "102500.00"),
        ("2024-03-12", "7000.00"),
        ("2024-06-30", "102500.00"),
        ("2024-12-31", "102500.00"),
        ("2025-03-20", "5000.00"),
        ("2025-06-30", "102500.00"),
    ]
    assert next(r for r in main if r["date"] == "2024-05-15")["eligible_costs"] == "0.00"
    assert (main[-1]["eligible_running"], {r["capped"] for r in main}) == ("422000.00", {"false"})
    # 2024-06-30 11000.00 → 11000.00; 2024-11-12 30000.00 → 41000.00; 2025-06-30 11000.00 → 52000.00
    assert [r["eligible_running"] for r in duaal if r["eligible_costs"] != "0.00"] == ["11000.00", "41000.00", "52000.00"]
    assert {r["capped"] for r in duaal} == {"true"}
    # excel-nl: decimal comma
    nl = ledger_csv.render(agreement("17-cost-statement"), ledger_csv.Dialect.excel_nl)
    assert ";52000,00;true\r\n" in nl


def test_ledger_csv_without_costs_has_no_cost_columns():
    # A case without a costs.yaml: the header is exactly the one before S20.
    rows = list(csv.DictReader(io.StringIO(ledger_csv.render(agreement("13-addendum-duaal-leren")))))
    assert list(rows[0]) == ["line", *ledger_csv.HEADER]
