"""The JSON contract of SPEC §4: fixed key order, money as strings with two decimals."""

from __future__ import annotations

import json
from typing import Any

from convenant_calc.core.money import fmt_decimal, fmt_plain, round_half_up
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


def render(s: Settlement) -> str:
    return json.dumps(settlement_dict(s), indent=2, ensure_ascii=False) + "\n"
