"""S15 (Art. 7): the days of the term after an early end are a shortfall of the full funded FTE.

Reference agreement: 424000.00, 4 FTE, 2023-07-01 … 2025-06-30 (731 days),
daily_rate = 424000 / (4 × 731) = 424000 / 2924.
"""

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.money import round_cents

from ..helpers import convenant, settled

RATE = Fraction(424000, 2924)


def test_spec_9_notice_posted_2024_12_20():
    # Ends 2025-06-26 (SPEC §9): unfunded 2025-06-27 … 2025-06-30 = 4 days × 4 FTE = 16 FTE-days.
    # deduction = 16 × 424000 / 2924 = 6784000 / 2924 = 2320.109… → 2320.11.
    # subsidy = 296800.00 + 127200.00 (all met) − 2320.11 = 421679.89.
    s = settled(conv=convenant(termination={"kind": "notice", "by": "sector", "letter_posted": "2024-12-20"}))
    assert s.ending is not None and s.ending.ends == date(2025, 6, 26)
    assert s.ending.unfunded_from == date(2025, 6, 27) and s.ending.unfunded_days == 4
    assert s.staffing.unfunded_fte_days == 16
    assert s.deduction.shortfall_fte_days == 16
    assert s.deduction.amount == Decimal("2320.11")
    assert s.subsidy == Decimal("421679.89")
    # The daily rate, the pools and the payout are unchanged.
    assert s.deduction.daily_rate == RATE
    assert (s.effort_pool, s.result_pool, s.results.payout) == (Decimal("296800.00"), Decimal("127200.00"),
                                                               Decimal("127200.00"))


def test_mutual_end_with_an_absence_running_over_it():
    # Mutual end 2024-10-31: unfunded 2024-11-01 … 2025-06-30 = 30 + 31 + 31 + 28 + 31 + 30 + 31 + 30 = 242 days;
    # 242 × 4 = 968 FTE-days. A time credit of 0.2 FTE from 2024-09-01 to 2025-06-30 (never covered) counts only
    # to the end: 2024-09-01 … 2024-10-31 = 61 days × 0.2 = 12.2 FTE-days; after the end it adds nothing.
    # Total 980.2 FTE-days; deduction = 980.2 × 424000 / 2924 = 415604800 / 2924 = 142135.7045… → 142135.70.
    s = settled(
        conv=convenant(termination={"kind": "mutual", "ends": "2024-10-31"}),
        absences=[{"consultant": "dirk", "kind": "time_credit", "from": "2024-09-01", "to": "2025-06-30",
                   "fte": Decimal("0.2")}],
    )
    assert s.staffing.unfunded_fte_days == 968
    assert s.staffing.absence_fte_days == Decimal("12.2")
    assert s.absences[0].days_in_term == 61
    assert s.deduction.shortfall_fte_days == Decimal("980.2")
    assert s.deduction.amount == Decimal("142135.70")
    assert s.deduction.amount == round_cents(RATE * Fraction("980.2"))


def test_end_on_the_terms_last_day_changes_nothing():
    plain = settled()
    s = settled(conv=convenant(termination={"kind": "immediate", "by": "government", "ends": "2025-06-30"}))
    assert s.ending is not None and s.ending.unfunded_from is None
    assert s.deduction == plain.deduction and s.subsidy == plain.subsidy


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=date(2023, 7, 1), max_value=date(2025, 6, 29)))
def test_every_day_after_the_end_costs_the_full_funded_fte(end):
    # With no absences, the shortfall is exactly 4 FTE × the days after the end.
    s = settled(conv=convenant(termination={"kind": "mutual", "ends": end.isoformat()}))
    days_after = (date(2025, 6, 30) - end).days
    assert s.deduction.shortfall_fte_days == 4 * days_after
    assert s.deduction.amount == round_cents(RATE * 4 * days_after)
    assert s.subsidy == Decimal("424000.00") - s.deduction.amount


def test_reading_notice_from_posting():
    # S17 notice.from-posting: posted Fri 2024-12-20, the notice runs from the first working day after
    # posting, Mon 2024-12-23 → ends 2025-06-22; unfunded 2025-06-23 … 06-30 = 8 days × 4 = 32 FTE-days;
    # 32 × 424000 / 2924 = 4640.2188… → 4640.22; subsidy 424000.00 − 4640.22 = 419359.78.
    from convenant_calc.core.readings import choose
    from convenant_calc.core.settlement import settle

    from ..helpers import case

    readings, _ = choose(["notice.from-posting"])
    conv = convenant(termination={"kind": "notice", "by": "sector", "letter_posted": "2024-12-20"})
    s = settle(case(conv=conv), readings)
    assert s.ending is not None and s.ending.notice is not None
    assert (s.ending.notice.received, s.ending.notice.starts, s.ending.ends) == (
        date(2024, 12, 20), date(2024, 12, 23), date(2025, 6, 22))
    assert s.deduction.shortfall_fte_days == 32 and s.subsidy == Decimal("419359.78")


def test_reading_days_working_counts_only_the_working_days_after_the_end():
    # S17 days.working with the SPEC §9 notice: after the end 2025-06-27 (Fri) and 2025-06-30 (Mon) are
    # working days, the weekend is not: 2 × 4 = 8 FTE-days. Rate 424000 / (4 × 503) = 424000 / 2012;
    # 8 × 424000 / 2012 = 1685.8846… → 1685.88; subsidy 424000.00 − 1685.88 = 422314.12.
    from convenant_calc.core.readings import choose
    from convenant_calc.core.settlement import settle

    from ..helpers import case

    readings, _ = choose(["days.working"])
    conv = convenant(termination={"kind": "notice", "by": "sector", "letter_posted": "2024-12-20"})
    s = settle(case(conv=conv), readings)
    assert s.staffing.unfunded_fte_days == 8
    assert s.deduction.amount == Decimal("1685.88") and s.subsidy == Decimal("422314.12")


def test_example_10_reading_notice_from_posting_costs(examples):
    # examples/10 (README): from Mon 2024-12-23, ends 2025-06-22; 32 FTE-days after the end + Els's time credit
    # to 2025-06-22 (114 days × 0.2 = 22.8) = 54.8; 54.8 × 424000 / 2924 = 7946.3748… → 7946.37;
    # subsidy 296800.00 + 101760.00 − 7946.37 = 390613.63, −2204.10 against the default 392817.73.
    import json

    from typer.testing import CliRunner

    from convenant_calc.cli.app import app

    result = CliRunner().invoke(app, ["settle", str(examples / "10-terminated-by-notice"), "--readings", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout)["readings"]}
    assert (rows["notice.from-posting"]["subsidy"], rows["notice.from-posting"]["difference"]) == (
        "390613.63", "-2204.10")


def test_a_period_after_the_end_has_no_funded_day(examples):
    # examples/09 with a mutual end on 2025-06-30, the last day of the first period: the first period is
    # settled as without the end; the extension 2025-07-01 … 2026-06-30 (365 days) is not funded at all:
    # 365 days × its funded FTE short, so its deduction is its whole maximum: effort + payout − maximum =
    # payout − result_pool ≤ 0, and S11's floor makes the subsidy 0.00.
    from convenant_calc.core.settlement import settle_agreement
    from convenant_calc.io.loading import load_case

    case = load_case(examples / "09-extension-year").case
    plain = settle_agreement(case)
    ended = case.model_copy(
        update={"convenant": case.convenant.model_copy(update={"termination": _mutual("2025-06-30")})}
    )
    s = settle_agreement(ended)
    first, extension = s.settlements
    assert first.subsidy == plain.settlements[0].subsidy and first.ending.unfunded_from is None
    fte = extension.convenant.consultants_fte
    assert extension.staffing.unfunded_fte_days == 365 * fte
    assert extension.deduction.amount == extension.max_subsidy
    assert extension.gross == extension.results.payout - extension.result_pool <= 0
    assert extension.subsidy == Decimal("0.00")


def _mutual(ends: str):
    from convenant_calc.core.models import Termination

    return Termination.model_validate({"kind": "mutual", "ends": ends})
