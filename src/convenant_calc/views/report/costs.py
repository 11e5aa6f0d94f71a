"""S20: the cost statement of one line in one period, as the report shows it.

Every figure comes from the settlement's :class:`~convenant_calc.core.rules.costs.CostStatement`;
nothing is judged here (the eligibility and the cap are :mod:`convenant_calc.core.rules.costs`).
"""

from __future__ import annotations

from datetime import date

from convenant_calc.core.models import CostKind
from convenant_calc.core.rules.costs import Verdict
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import CostRow, CostSection


def why(v: Verdict, t: Lang) -> str:
    """Why a cost is ineligible, in the report's language ("" when it is eligible)."""
    if v.reason is None:
        return ""
    values = dict(v.values)
    if "kind" in values:
        values["kind"] = t(f"cost_kind.{values['kind']}")
    if "allowed" in values:
        values["allowed"] = ", ".join(t(f"cost_kind.{k}") for k in values["allowed"].split(", "))
    for key in ("date", "end"):
        if key in values:
            values[key] = t.date(date.fromisoformat(values[key]))
    return t(f"cost_reason.{v.reason}", **values)


def cost_section(s: Settlement, t: Lang) -> CostSection | None:
    """S20: the costs of this line and period by kind, eligible and not (with each one's reason), their sums,
    the ceiling and whether the cap applied; None without a costs.yaml."""
    c = s.costs
    if c is None:
        return None
    if not s.readings.costs_capped:
        cap = t("cost_cap_off", ceiling=t.eur(c.ceiling))
    elif c.capped:
        cap = t("cost_capped", eligible=t.eur(c.eligible))
    else:
        cap = t("cost_not_capped", ceiling=t.eur(c.ceiling))
    rows = tuple(
        CostRow(
            date=t.date(v.cost.date),
            kind=t(f"cost_kind.{v.cost.kind.value}"),
            ref=v.cost.ref,
            label=" — ".join(x for x in (v.cost.consultant, v.cost.label) if x),
            amount=t.money(v.cost.amount),
            eligible=t("yes") if v.eligible else t("cost_no_because", why=why(v, t)),
        )
        for v in sorted(c.items, key=lambda v: (v.cost.date, v.index))
    )
    return CostSection(
        kinds=tuple(
            (t(f"cost_kind.{k.value}"), t.money(c.of_kind(k, eligible=True)), t.money(c.of_kind(k, eligible=False)))
            for k in CostKind
        ),
        eligible=t.money(c.eligible),
        ineligible=t.money(c.ineligible),
        ceiling=t.money(c.ceiling),
        cap=cap,
        rows=rows,
    )
