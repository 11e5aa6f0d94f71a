"""The JSON contract of SPEC §4: fixed key order, money as strings with two decimals.

The one place that knows the schema versions: an agreement settlement (S14, S19) of one
settlement prints ``convenant-settlement/1``, of one line over several periods ``/2``, of
several lines ``/3`` — views of the same :class:`~convenant_calc.core.settlement.AgreementSettlement`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from collections.abc import Sequence

from convenant_calc.core.money import fmt_decimal, fmt_plain, round_half_up
from convenant_calc.core.readings import applied
from convenant_calc.core.settlement import AgreementSettlement, Settlement, Total

if TYPE_CHECKING:  # annotations only: a plain settle never imports them (start-up time, issue 23)
    from convenant_calc.core.interim import Interim, Positions
    from convenant_calc.core.reading_costs import ReadingCost

SCHEMA = "convenant-settlement/1"
SCHEMA_PERIODS = "convenant-settlement/2"
SCHEMA_LINES = "convenant-settlement/3"


def settlement_dict(
    s: Settlement, costs: Sequence[ReadingCost] | None = None, *, keys: tuple[str, ...] | None = None
) -> dict[str, Any]:
    """The settlement as the contract's mapping (insertion order is the fixed key order).

    S17: a settlement under alternative readings adds ``readings_applied`` (their ids);
    ``costs`` (``settle --readings``) adds ``readings``, one object per alternative. Both
    come after the keys of SPEC §4, which keep their meaning.
    """
    term = s.convenant.term
    if keys is None:  # S14, S19: the period and the line of an agreement of more than one
        keys = tuple(name for name, named in (("period", s.period), ("line", s.line)) if named is not None)
    ids = {"period": s.budget.period, "line": s.budget.line}
    rate = s.deduction.daily_rate
    out = {
        "schema": SCHEMA,
        "convenant": s.convenant.id,
        **{name: ids[name] for name in keys},
        "term": {"start": term.start.isoformat(), "end": term.end.isoformat(), "days": s.term_days},
        "max_subsidy": fmt_plain(s.max_subsidy),
        "effort_pool": fmt_plain(s.effort_pool),
        "result_pool": fmt_plain(s.result_pool),
        "results": {"achieved": s.results.met, "total": s.results.total, "payout": fmt_plain(s.results.payout)},
        "deduction": {
            "daily_rate": None if rate is None else f"{round_half_up(rate, 6):f}",  # S19: null without consultants
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


def costs_dict(s: Settlement) -> dict[str, Any]:
    """S20: ``costs`` (the cost statement's sums and the ceiling before the cap) when the case has a
    costs.yaml; ``ceilings``: true when nothing was capped by a cost statement (there is none, or the
    reading ``costs.not-capped``), so the figures are ceilings until a cost statement is added."""
    out: dict[str, Any] = {}
    if s.costs is not None:
        out["costs"] = {
            "eligible": fmt_plain(s.costs.eligible),
            "ineligible": fmt_plain(s.costs.ineligible),
            "ceiling": fmt_plain(s.costs.ceiling),
        }
    out["ceilings"] = s.costs is None or not s.readings.costs_capped
    return out


def totals_dict(t: Total) -> dict[str, Any]:
    return {
        "max_subsidy": fmt_plain(t.max_subsidy),
        "subsidy": fmt_plain(t.subsidy),
        "paid": fmt_plain(t.paid),
        "balance": fmt_plain(t.balance),
    }


def agreement_dict(
    a: AgreementSettlement, costs: Sequence[ReadingCost] | None = None, positions: Positions | None = None
) -> dict[str, Any]:
    """The settlement in the schema its counts call for (SPEC §4, §8, §13).

    One settlement: the /1 contract exactly. One line over several periods: /2, the periods and
    the total. Several lines: /3, one /1 object per period and line (with ``period`` and ``line``),
    the totals by line, by period and overall. Each total is the sum of the rounded figures it
    adds up. S17: ``costs`` adds ``readings`` after the totals; S16: ``positions`` the interim
    position's keys (in each settlement of /3, and their sums at the top).
    """
    only = a.only
    if only is not None:
        out = settlement_dict(only, costs)
        if positions is not None:
            out.update(interim_dict(positions.parts[0]))  # S16: after the contract's keys (and the readings')
        out.update(costs_dict(only))  # S20: last
        return out
    several_lines = len(a.line_ids) > 1
    if several_lines:
        entries = []
        for s, position in zip(a.settlements, positions.parts if positions else [None] * len(a.settlements)):
            entry = settlement_dict(s, keys=("period", "line"))
            if position is not None:
                entry.update(interim_dict(position))
            entry.update(costs_dict(s))  # S20: last
            entries.append(entry)
        out = {
            "schema": SCHEMA_LINES,
            "convenant": a.convenant.id,
            "settlements": entries,
            "lines": [{"line": t.key, "title": t.title, **totals_dict(t)} for t in a.by_line],
            "periods": [{"period": t.key, **totals_dict(t)} for t in a.by_period],
            "total": totals_dict(a.total),
        }
    else:
        out = {
            "schema": SCHEMA_PERIODS,
            "convenant": a.convenant.id,
            "periods": [{**settlement_dict(p), **costs_dict(p)} for p in a.settlements],
            "total": totals_dict(a.total),
        }
    if costs is not None:
        out["readings"] = [reading_dict(c) for c in costs]
    if positions is not None:
        out.update(interim_dict(positions.total))
    out["ceilings"] = any(costs_dict(s)["ceilings"] for s in a.settlements)  # S20
    return out


def reading_dict(c: ReadingCost) -> dict[str, Any]:
    """One alternative reading: its id, the sentence it reads, the subsidy with it and the difference."""
    a = c.alternative
    out = {
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
    if c.ceiling is not None:  # S20: with a cost statement, the subsidy before the cap too
        out["ceiling"] = fmt_plain(c.ceiling)
    if c.by_line:  # S19: each line's subsidy with the reading, and its difference
        out["lines"] = [
            {"line": x.line, "subsidy": fmt_plain(x.subsidy), "difference": fmt_plain(x.difference)}
            | ({} if x.ceiling is None else {"ceiling": fmt_plain(x.ceiling)})
            for x in c.by_line
        ]
    return out


def interim_dict(i: Interim) -> dict[str, Any]:
    """S16: the keys the interim position adds after the contract's (§10); with a cost statement (S20)
    ``subsidy_range_capped`` too: the eligible costs and the range capped by them."""
    out = {
        "as_of": i.as_of.isoformat(),
        "deduction_to_date": {
            "shortfall_fte_days": fmt_decimal(i.shortfall_fte_days),
            "amount": fmt_plain(i.deduction),
        },
        "pending": list(i.pending),
        "subsidy_range": {"worst": fmt_plain(i.worst.subsidy), "best": fmt_plain(i.best.subsidy)},
    }
    if i.eligible is not None and i.worst.capped is not None and i.best.capped is not None:
        # S20: the same range capped by the eligible costs (only with a cost statement)
        out["subsidy_range_capped"] = {
            "eligible": fmt_plain(i.eligible),
            "worst": fmt_plain(i.worst.capped),
            "best": fmt_plain(i.best.capped),
        }
    return out


def render(
    a: AgreementSettlement, costs: Sequence[ReadingCost] | None = None, positions: Positions | None = None
) -> str:
    return json.dumps(agreement_dict(a, costs, positions), indent=2, ensure_ascii=False) + "\n"
