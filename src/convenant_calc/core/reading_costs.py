"""S17 — what each alternative reading of the agreement costs, for one case.

For every alternative of :data:`~convenant_calc.core.readings.ALTERNATIVES`, the
subsidy *with* it and the difference from the subsidy *without* it, every other
choice as in the settlement shown. Settled under the default readings, this is
"the subsidy under it and the difference from the default" of SPEC §11; under
``--reading`` choices, an alternative already in force is compared with its
default reading, the other choices left as chosen.

Pure: it only settles the case again (:func:`~convenant_calc.core.settlement.settle_agreement`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from convenant_calc.core.models import Case
from convenant_calc.core.money import ZERO
from convenant_calc.core.readings import (
    ALTERNATIVES,
    DEFAULT,
    Alternative,
    Readings,
    Reads,
    Reason,
    not_applicable,
    reads,
)
from convenant_calc.core.settlement import AgreementSettlement, Settlement, settle_agreement


@dataclass(frozen=True)
class ReadingCost:
    alternative: Alternative
    in_force: bool  # the settlement shown was made under this alternative
    reason: Reason | None  # why it cannot be applied to this case (then subsidy is the settlement's)
    subsidy: Decimal  # the subsidy with this alternative, every other choice as settled
    difference: Decimal  # subsidy with it − subsidy without it
    reads: Reads  # the case's own agreement's sentence(s) it reads differently (its references)

    @property
    def applies(self) -> bool:
        return self.reason is None


def reading_costs(case: Case, settled: Settlement | AgreementSettlement) -> tuple[ReadingCost, ...]:
    """Each alternative reading's subsidy and its difference, in registry order.

    S14: for an agreement of several periods (``settled`` an :class:`AgreementSettlement`) the
    subsidy is the agreement's total, the sum of its periods' (or, under ``extension.merged``,
    the one term's).
    """
    if isinstance(settled, AgreementSettlement):
        readings, shown, parts = settled.periods[0].readings, settled.subsidy, settled.periods
    else:
        readings, shown, parts = settled.readings, settled.subsidy, (settled,)
    pending = any(p.results.pending for p in parts)

    def subsidy_under(choice: Readings) -> Decimal:  # S16: pending results stay pending under every reading
        return settle_agreement(case, choice, pending_allowed=pending).subsidy

    costs = []
    for alternative in ALTERNATIVES:
        quoted = reads(alternative, case.convenant)
        if alternative.applied_in(readings):
            default_choice = getattr(DEFAULT, alternative.field)
            without = subsidy_under(replace(readings, **{alternative.field: default_choice}))
            costs.append(ReadingCost(alternative, True, None, shown, shown - without, quoted))
            continue
        reason = not_applicable(alternative, case, readings)
        if reason is not None:
            costs.append(ReadingCost(alternative, False, reason, shown, ZERO, quoted))
            continue
        other = subsidy_under(alternative.apply(readings))
        costs.append(ReadingCost(alternative, False, None, other, other - shown, quoted))
    return tuple(costs)
