"""S17 — what each alternative reading of the agreement costs, for one case.

For every alternative of :data:`~convenant_calc.core.readings.ALTERNATIVES`, the
subsidy *with* it and the difference from the subsidy *without* it, every other
choice as in the settlement shown. Settled under the default readings, this is
"the subsidy under it and the difference from the default" of SPEC §11; under
``--reading`` choices, an alternative already in force is compared with its
default reading, the other choices left as chosen.

Pure: it only calls :func:`~convenant_calc.core.settlement.settle` again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from convenant_calc.core.models import Case
from convenant_calc.core.money import ZERO
from convenant_calc.core.readings import ALTERNATIVES, DEFAULT, Alternative, Reason, not_applicable
from convenant_calc.core.settlement import Settlement, settle


@dataclass(frozen=True)
class ReadingCost:
    alternative: Alternative
    in_force: bool  # the settlement shown was made under this alternative
    reason: Reason | None  # why it cannot be applied to this case (then subsidy is the settlement's)
    subsidy: Decimal  # the subsidy with this alternative, every other choice as settled
    difference: Decimal  # subsidy with it − subsidy without it

    @property
    def applies(self) -> bool:
        return self.reason is None


def reading_costs(case: Case, settled: Settlement) -> tuple[ReadingCost, ...]:
    """Each alternative reading's subsidy and its difference, in registry order.

    In an interim position (S16) the pending results stay pending under every reading.
    """
    pending = bool(settled.results.pending)
    costs = []
    for alternative in ALTERNATIVES:
        if alternative.applied_in(settled.readings):
            default_choice = getattr(DEFAULT, alternative.field)
            without = settle(
                case, replace(settled.readings, **{alternative.field: default_choice}), pending_allowed=pending
            )
            costs.append(ReadingCost(alternative, True, None, settled.subsidy, settled.subsidy - without.subsidy))
            continue
        reason = not_applicable(alternative, case, settled.readings)
        if reason is not None:
            costs.append(ReadingCost(alternative, False, reason, settled.subsidy, ZERO))
            continue
        other = settle(case, alternative.apply(settled.readings), pending_allowed=pending)
        costs.append(ReadingCost(alternative, False, None, other.subsidy, other.subsidy - settled.subsidy))
    return tuple(costs)
