"""S20 invariants over generated cost statements (hypothesis), on example 17 (SPEC §14 d: two lines, ceilings
397254.94 and 59564.98).

For every line and period: 0 ≤ subsidy ≤ ceiling, subsidy ≤ the eligible sum, and the subsidy is exactly
min(ceiling, eligible) (S20); and adding one more eligible cost never lowers any subsidy.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.models import Cost, CostKind, Costs
from convenant_calc.core.settlement import settle_agreement
from convenant_calc.io.bundled import examples_dir
from convenant_calc.io.loading import load_case

BASE = load_case(examples_dir() / "17-cost-statement").case
START, END = date(2023, 7, 1), date(2025, 6, 30)  # the term (one period)
LINES = (None, "duaal-leren")  # the main line, the addendum

amounts = st.integers(min_value=1, max_value=30_000_000).map(lambda cents: Decimal(cents).scaleb(-2))
days = st.integers(min_value=-60, max_value=(END - START).days + 60).map(lambda n: START + timedelta(days=n))


@st.composite
def costs(draw) -> tuple[Cost, ...]:
    """Up to 12 costs of any kind, line and amount, some dated outside the term (ineligible)."""
    n = draw(st.integers(min_value=0, max_value=12))
    return tuple(
        Cost(
            date=draw(days),
            kind=draw(st.sampled_from(list(CostKind))),
            amount=draw(amounts),
            ref=f"stuk {i}",
            line=draw(st.sampled_from(LINES)),
        )
        for i in range(n)
    )


def settled(listed: tuple[Cost, ...]):
    return settle_agreement(BASE.model_copy(update={"costs": Costs(costs=listed)}))


@settings(max_examples=150, deadline=None)
@given(listed=costs(), extra=amounts, day=st.integers(min_value=0, max_value=(END - START).days), line=st.sampled_from(LINES))
def test_the_cap_is_min_of_ceiling_and_eligible_and_more_costs_never_lower_it(listed, extra, day, line):
    before = settled(listed)
    for s in before.settlements:
        c = s.costs
        assert c is not None
        assert Decimal(0) <= s.subsidy <= c.ceiling
        assert s.subsidy <= c.eligible
        assert s.subsidy == min(c.ceiling, c.eligible)
        assert c.eligible + c.ineligible == sum((v.cost.amount for v in c.items), Decimal(0))
        assert s.balance == s.subsidy - s.paid  # S12 follows the capped figure
    # a salary cost is eligible in either line on every day of the term (Art. 5; S20's defaults)
    added = Cost(date=START + timedelta(days=day), kind=CostKind.salary, amount=extra, ref="extra", line=line)
    after = settled((*listed, added))
    for old, new in zip(before.settlements, after.settlements, strict=True):
        assert new.subsidy >= old.subsidy
        grew = (new.line or BASE.convenant.id) == (line or BASE.convenant.id)
        assert new.costs.eligible == old.costs.eligible + (extra if grew else 0)
