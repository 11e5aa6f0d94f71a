"""S20 rules (core/rules/costs.py): where a cost is listed, and why it is not eligible.

Example 09 has two periods: lokale-besturen-2023-2025 (2023-07-01 … 2025-06-30) and its extension
verlenging-2025-2026 (2025-07-01 … 2026-06-30). The loader refuses a gap between periods (an extension
starts the day after), so the gap below is made by moving the extension's start in the model: 2025-07-04,
leaving 2025-07-01 … 2025-07-03 in no period.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from convenant_calc.core.models import Cost, CostKind
from convenant_calc.core.rules import costs as rules
from convenant_calc.core.rules.periods import periods
from convenant_calc.io.bundled import examples_dir
from convenant_calc.io.loading import load_case

CONVENANT = load_case(examples_dir() / "09-extension-year").case.convenant
FIRST, SECOND = periods(CONVENANT)


def with_gap():
    term = SECOND.convenant.term.model_copy(update={"start": date(2025, 7, 4)})
    return FIRST, dataclasses.replace(SECOND, convenant=SECOND.convenant.model_copy(update={"term": term}))


def cost(day: date, kind: CostKind = CostKind.salary) -> Cost:
    return Cost(date=day, kind=kind, amount=Decimal("100.00"), ref=str(day))


def test_a_cost_in_a_gap_is_listed_under_the_nearest_period_the_earlier_on_a_tie():
    found = with_gap()
    days = (date(2025, 7, 1), date(2025, 7, 2), date(2025, 7, 3), date(2025, 7, 4))
    judged = rules.verdicts(CONVENANT, found, tuple(cost(d) for d in days), None)
    # 07-01: 1 day after the first period, 3 before the second → the first; 07-02: 2 and 2, a tie → the earlier;
    # 07-03: 3 and 1 → the second; all three ineligible, "outside". 07-04 lies in the second: eligible.
    assert [(v.period, v.reason) for v in judged] == [
        (FIRST.id, "outside"), (FIRST.id, "outside"), (SECOND.id, "outside"), (SECOND.id, None),
    ]
    assert judged[1].why == "dated 2025-07-02, outside every period of the agreement (Art. 5: within the term)"


def test_before_and_after_the_term_under_the_first_and_the_last_period():
    judged = rules.verdicts(CONVENANT, (FIRST, SECOND), (cost(date(2023, 1, 1)), cost(date(2027, 1, 1))), None)
    assert [(v.period, v.reason) for v in judged] == [(FIRST.id, "outside"), (SECOND.id, "outside")]


def test_kind_and_early_end():
    judged = rules.verdicts(
        CONVENANT,
        (FIRST, SECOND),
        (cost(date(2024, 5, 1), CostKind.project), cost(date(2024, 5, 1)), cost(date(2024, 5, 2))),
        date(2024, 5, 1),  # the last funded day of an agreement ended early (S15)
    )
    assert [v.reason for v in judged] == ["kind", None, "after-end"]
    assert judged[0].why == (
        f"a project cost is not eligible in the line {CONVENANT.id} (eligible: salary, operating; Art. 5)"
    )
    assert judged[2].why == "dated 2024-05-02, after the agreement ended on 2024-05-01 (S15)"


def test_the_report_translates_every_reason():
    """The Dutch of each reason is in the catalog (views/labels.py repeats REASONS' English under cost_reason.*)."""
    from convenant_calc.views.labels import TEXT

    assert {k: TEXT[f"cost_reason.{k}"] for k in rules.REASONS} == rules.REASONS
