"""The JSON contract of SPEC §4: fixed key order, money as strings with two decimals."""

from __future__ import annotations

import json
from typing import Any

from convenant_calc.core.money import fmt_decimal, fmt_plain, round_half_up
from convenant_calc.core.interim import Interim
from convenant_calc.core.settlement import Settlement

SCHEMA = "convenant-settlement/1"


def settlement_dict(s: Settlement) -> dict[str, Any]:
    """The settlement as the contract's mapping (insertion order is the fixed key order)."""
    term = s.convenant.term
    return {
        "schema": SCHEMA,
        "convenant": s.convenant.id,
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


def render(s: Settlement, interim: Interim | None = None) -> str:
    data = settlement_dict(s)
    if interim is not None:
        data.update(interim_dict(interim))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
