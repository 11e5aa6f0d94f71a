"""The JSON contract of SPEC §4: fixed key order, money as strings with two decimals."""

from __future__ import annotations

import json
from typing import Any

from collections.abc import Sequence

from convenant_calc.core.money import fmt_decimal, fmt_plain, round_half_up
from convenant_calc.core.interim import Interim
from convenant_calc.core.reading_costs import ReadingCost
from convenant_calc.core.readings import applied
from convenant_calc.core.settlement import AgreementSettlement, Settlement

SCHEMA = "convenant-settlement/1"
SCHEMA_PERIODS = "convenant-settlement/2"


def settlement_dict(s: Settlement, costs: Sequence[ReadingCost] | None = None) -> dict[str, Any]:
    """The settlement as the contract's mapping (insertion order is the fixed key order).

    S17: a settlement under alternative readings adds ``readings_applied`` (their ids);
    ``costs`` (``settle --readings``) adds ``readings``, one object per alternative. Both
    come after the keys of SPEC §4, which keep their meaning.
    """
    term = s.convenant.term
    period = {} if s.period is None else {"period": s.period}  # S14: a period of a multi-period agreement
    out = {
        "schema": SCHEMA,
        "convenant": s.convenant.id,
        **period,
        "term": {"start": term.start.isoformat(), "end": term.end.isoformat(), "days": s.term_days},
        "max_subsidy": fmt_plain(s.max_subsidy),
        "effort_pool": fmt_plain(s.effort_pool),
        "result_pool": fmt_plain(s.result_pool),
        "results": {"achieved": s.results.met, "total": s.results.total, "payout": fmt_plain(s.results.payout)},
        "deduction": {
            "daily_rate": f"{round_half_up(s.deduction.daily_rate, 6):f}",
            "shortfall_fte_days": fmt_decimal(s.deduction.shortfall_fte_days),
            "amount": fmt_plain(s.deduction.amount),
        },
        "subsidy": fmt_plain(s.subsidy),
        "paid": fmt_plain(s.paid),
        "balance": fmt_plain(s.balance),
    }
    ids = applied(s.readings)
    if ids:
        out["readings_applied"] = list(ids)
    if costs is not None:
        out["readings"] = [reading_dict(c) for c in costs]
    return out


def agreement_dict(a: AgreementSettlement, costs: Sequence[ReadingCost] | None = None) -> dict[str, Any]:
    """SPEC §8: one period prints the /1 contract exactly; more than one print /2, periods and totals.

    Each total is the sum of the periods' rounded figures. S17: ``costs`` adds ``readings`` after
    ``total`` (the subsidy under each reading is the agreement's total).
    """
    if a.single:
        return settlement_dict(a.periods[0], costs)
    out = {
        "schema": SCHEMA_PERIODS,
        "convenant": a.convenant.id,
        "periods": [settlement_dict(p) for p in a.periods],
        "total": {
            "max_subsidy": fmt_plain(a.max_subsidy),
            "subsidy": fmt_plain(a.subsidy),
            "paid": fmt_plain(a.paid),
            "balance": fmt_plain(a.balance),
        },
    }
    if costs is not None:
        out["readings"] = [reading_dict(c) for c in costs]
    return out


def reading_dict(c: ReadingCost) -> dict[str, Any]:
    """One alternative reading: its id, the sentence it reads, the subsidy with it and the difference."""
    a = c.alternative
    return {
        "id": a.id,
        "reads": c.reads.text,  # the case's own agreement's sentence(s); null when its file quotes none
        "subsidy": fmt_plain(c.subsidy),
        "difference": fmt_plain(c.difference),
        "article": c.reads.article,
        "rules": a.rules,
        "applies": c.applies,
        "in_force": c.in_force,
        "reason": None if c.reason is None else c.reason.en,
    }


def interim_dict(i: Interim) -> dict[str, Any]:
    """S16: the keys the interim position adds after the contract's (§10)."""
    return {
        "as_of": i.as_of.isoformat(),
        "deduction_to_date": {
            "shortfall_fte_days": fmt_decimal(i.shortfall_fte_days),
            "amount": fmt_plain(i.deduction),
        },
        "pending": list(i.pending),
        "subsidy_range": {"worst": fmt_plain(i.worst.subsidy), "best": fmt_plain(i.best.subsidy)},
    }


def render(
    s: Settlement | AgreementSettlement, costs: Sequence[ReadingCost] | None = None, interim: Interim | None = None
) -> str:
    data = agreement_dict(s, costs) if isinstance(s, AgreementSettlement) else settlement_dict(s, costs)
    if interim is not None:
        data.update(interim_dict(interim))  # S16: after the contract's keys (and the readings')
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
