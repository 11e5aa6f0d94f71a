"""The table of absences (S6–S8): each line with its guaranteed-wage window, replaced and short FTE-days."""

from __future__ import annotations

from convenant_calc.core.models import Staffing
from convenant_calc.core.money import D
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import AbsenceRow


def who(staffing: Staffing, consultant_id: str) -> str:
    """The consultant's name from the staffing file, else the id the absence gives."""
    c = staffing.consultant(consultant_id)
    return c.name if c is not None and c.name else consultant_id


def absence_rows(s: Settlement, staffing: Staffing, t: Lang) -> tuple[AbsenceRow, ...]:
    rows = []
    for a in s.absences:
        if a.window is None:
            window, gw = t("window_none"), "—"
        elif a.window.is_relapse:
            window = t("window_relapse", of=a.window.relapse_of + 1, left=a.window.left_at_start)
            gw = str(a.covered_days_in_term)
        elif a.window.joins is not None:  # began during a running incapacity spell (S7)
            window = t("window_joins", of=a.window.joins + 1, left=a.window.left_at_start)
            gw = str(a.covered_days_in_term)
        else:
            window = t("window_own", days=a.window.days)
            gw = str(a.covered_days_in_term)
        rows.append(
            AbsenceRow(
                number=a.index + 1,
                consultant=who(staffing, a.consultant),
                kind=t.kind(a.kind),
                first=t.date(a.first),
                last=t.date(a.last),
                fte=t.number(a.fte),
                days_in_term=a.days_in_term,
                guaranteed_wage_days=gw,
                window=window,
                replaced=t.number(a.replaced_fte_days),
                short=t.number(a.short_fte_days),
            )
        )
    return tuple(rows)


def absence_totals(s: Settlement, t: Lang) -> tuple[str, str]:
    """The table's totals: FTE-days replaced and short."""
    return (
        t.number(sum((a.replaced_fte_days for a in s.absences), D(0))),
        t.number(sum((a.short_fte_days for a in s.absences), D(0))),
    )
