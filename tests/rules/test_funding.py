"""Art. 2: S2 pools, S3 result payout, S4 met."""

from decimal import Decimal

import pytest

from convenant_calc.core.models import Funding, Result, ResultCommitment
from convenant_calc.core.rules.funding import judge, pools, result_payout


def test_pools_reference():
    # 0.70 × 424000.00 = 296800.00; 424000.00 − 296800.00 = 127200.00
    assert pools(Decimal("424000.00"), Funding()) == (Decimal("296800.00"), Decimal("127200.00"))


def test_pools_round_the_effort_pool_half_up_and_add_up():
    # 0.70 × 100000.05 = 70000.035 → 70000.04 (tie, half-up); result pool = 100000.05 − 70000.04 = 30000.01
    effort, result = pools(Decimal("100000.05"), Funding())
    assert (effort, result) == (Decimal("70000.04"), Decimal("30000.01"))
    assert effort + result == Decimal("100000.05")


def test_pools_other_shares():
    # 0.6 × 1000.01 = 600.006 → 600.01; 1000.01 − 600.01 = 400.00
    funding = Funding(effort_share=Decimal("0.6"), result_share=Decimal("0.4"))
    assert pools(Decimal("1000.01"), funding) == (Decimal("600.01"), Decimal("400.00"))


@pytest.mark.parametrize(
    ("met", "total", "expected"),
    [
        (5, 5, "127200.00"),
        (4, 5, "101760.00"),  # 127200 × 4/5
        (3, 5, "76320.00"),  # 127200 × 3/5; 3/5 ≥ 1/2
        (2, 5, "0.00"),  # 2/5 < 1/2: nothing
        (0, 5, "0.00"),
    ],
)
def test_payout_reference(met, total, expected):
    assert result_payout(Decimal("127200.00"), met, total, Decimal("0.5")) == Decimal(expected)


def test_exactly_half_is_paid():
    # 2/4 = 1/2 is not "minder dan de helft": 63600.00 × 2/4 = 31800.00
    assert result_payout(Decimal("63600.00"), 2, 4, Decimal("0.5")) == Decimal("31800.00")
    # 1/4 < 1/2: nothing
    assert result_payout(Decimal("63600.00"), 1, 4, Decimal("0.5")) == Decimal("0.00")


def test_payout_rounds_half_up():
    # 100.01 × 2/3 = 66.673333… → 66.67; 100.03 × 1/2 = 50.015 → 50.02 (tie)
    assert result_payout(Decimal("100.01"), 2, 3, Decimal("0.5")) == Decimal("66.67")
    assert result_payout(Decimal("100.03"), 1, 2, Decimal("0.5")) == Decimal("50.02")


def test_cutoff_is_configurable():
    # with a cutoff of 0.8, 3/5 = 0.6 pays nothing and 4/5 = 0.8 pays 127200 × 4/5
    assert result_payout(Decimal("127200.00"), 3, 5, Decimal("0.8")) == Decimal("0.00")
    assert result_payout(Decimal("127200.00"), 4, 5, Decimal("0.8")) == Decimal("101760.00")


COMMITMENT = ResultCommitment(id="R1", title="Bezoeken", target=Decimal(96))


@pytest.mark.parametrize(("achieved", "met"), [(96, True), (97, True), (Decimal("95.99"), False), (0, False)])
def test_met_when_achieved_reaches_target(achieved, met):
    outcome = judge(COMMITMENT, Result(commitment="R1", achieved=Decimal(achieved)))
    assert outcome.met is met
    assert outcome.overridden is False


def test_auditor_judgement_overrides_the_comparison():
    down = judge(COMMITMENT, Result(commitment="R1", achieved=Decimal(120), met=False, justification="double counted"))
    up = judge(COMMITMENT, Result(commitment="R1", met=True, justification="488 attended, accepted"))
    assert (down.met, down.overridden) == (False, True)
    assert (up.met, up.overridden) == (True, True)
    assert up.justification == "488 attended, accepted"
