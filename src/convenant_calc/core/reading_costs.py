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
from convenant_calc.core.settlement import AgreementSettlement, settle_agreement


@dataclass(frozen=True)
class LineCost:
    """S19: what a reading does to one line's subsidy (its periods added up)."""

    line: str
    subsidy: Decimal
    difference: Decimal
    ceiling: Decimal | None = None  # S20: the subsidy before the cap of the eligible costs (None: no cost statement)


@dataclass(frozen=True)
class ReadingCost:
    alternative: Alternative
    in_force: bool  # the settlement shown was made under this alternative
    reason: Reason | None  # why it cannot be applied to this case (then subsidy is the settlement's)
    subsidy: Decimal  # the subsidy with this alternative, every other choice as settled
    difference: Decimal  # subsidy with it − subsidy without it
    reads: Reads  # the case's own agreement's sentence(s) it reads differently (its references)
    by_line: tuple[LineCost, ...] = ()  # S19: the same per line, when the settlement has more than one
    ceiling: Decimal | None = None  # S20: with a cost statement, the subsidy before the cap, with this reading

    @property
    def applies(self) -> bool:
        return self.reason is None


def reading_costs(case: Case, settled: AgreementSettlement, line: str | None = None) -> tuple[ReadingCost, ...]:
    """Each alternative reading's subsidy and its difference, in registry order.

    The subsidy is the total of ``settled`` (S14: the sum of its periods', or under
    ``extension.merged`` the one term's; S19: of its lines'), with the line ``line`` alone when
    one is asked for; with several lines each line's subsidy comes too. ``case`` is the case
    ``settled`` was settled from (for one period asked for: that period as an agreement of its
    own, :func:`~convenant_calc.core.settlement.case_of_period`).
    """
    readings = settled.settlements[0].readings
    pending = any(s.results.pending for s in settled.settlements)
    lines = settled.line_ids if len(settled.line_ids) > 1 else ()

    def under(choice: Readings) -> AgreementSettlement:  # S16: pending results stay pending under every reading
        return settle_agreement(case, choice, pending_allowed=pending).select(line=line)

    def per_line(with_it: AgreementSettlement, without: AgreementSettlement) -> tuple[LineCost, ...]:
        """Each line's subsidy with the reading, and its difference from the subsidy without it."""
        return tuple(
            LineCost(
                i,
                with_it.select(line=i).subsidy,
                with_it.select(line=i).subsidy - without.select(line=i).subsidy,
                ceiling(with_it.select(line=i)),
            )
            for i in lines
        )

    shown = settled.subsidy
    costs = []
    for alternative in ALTERNATIVES:
        quoted = reads(alternative, case.convenant)
        if alternative.applied_in(readings):
            default_choice = getattr(DEFAULT, alternative.field)
            without = under(replace(readings, **{alternative.field: default_choice}))
            by_line = per_line(settled, without)
            costs.append(
                ReadingCost(
                    alternative, True, None, shown, shown - without.subsidy, quoted, by_line, ceiling(settled)
                )
            )
            continue
        reason = not_applicable(alternative, case, readings)
        if reason is not None:
            costs.append(
                ReadingCost(
                    alternative, False, reason, shown, ZERO, quoted, per_line(settled, settled), ceiling(settled)
                )
            )
            continue
        other = under(alternative.apply(readings))
        costs.append(
            ReadingCost(
                alternative,
                False,
                None,
                other.subsidy,
                other.subsidy - shown,
                quoted,
                per_line(other, settled),
                ceiling(other),
            )
        )
    return tuple(costs)


def ceiling(a: AgreementSettlement) -> Decimal | None:
    """S20: the subsidy of ``a`` before the cap of the eligible costs (the S11 figures added up); None when
    it has no cost statement, so nothing is capped and the subsidy is the ceiling."""
    if all(s.costs is None for s in a.settlements):
        return None
    return sum((s.ceiling for s in a.settlements), ZERO)
