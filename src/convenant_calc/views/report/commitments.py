"""The table of result commitments (S4): target, achieved, met, and why."""

from __future__ import annotations

from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import CommitmentRow
from convenant_calc.views.report.summary import reason


def commitment_rows(s: Settlement, t: Lang) -> tuple[CommitmentRow, ...]:
    return tuple(
        CommitmentRow(
            id=c.id,
            title=c.title,
            unit=c.unit or "",
            target=t.number(c.target),
            achieved="" if c.achieved is None else t.number(c.achieved),
            met=c.met,
            met_text=t("pending") if c.pending else t("yes") if c.met else t("no"),
            how=t("judged_override", why=c.justification) if c.overridden else reason(c, t),
        )
        for c in s.results.commitments
    )
