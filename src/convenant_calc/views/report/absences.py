"""The table of absences (S6–S8): each line with its guaranteed-wage window, replaced and short FTE-days."""

from __future__ import annotations

from typing import TYPE_CHECKING

from convenant_calc.core.models import DatedDays, Staffing
from convenant_calc.core.money import D
from convenant_calc.core.rules.absences import AbsenceOutcome
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang

if TYPE_CHECKING:  # imported by absence_rows: the table needs shown_absences, not the report model
    from convenant_calc.views.report.model import AbsenceRow


def who(staffing: Staffing, consultant_id: str) -> str:
    """The consultant's name from the staffing file, else the id the absence gives."""
    c = staffing.consultant(consultant_id)
    return c.name if c is not None and c.name else consultant_id


def _rule(name: str, value: DatedDays | None, t: Lang) -> str:
    """S13: a labour-law value as used, with its date and reference when dated."""
    if value is None:
        return ""
    if value.from_ is None:
        text = t("rule_plain", name=name, value=value.value)
    else:
        text = t("rule_in_force", name=name, value=value.value, since=value.from_.isoformat())
    return f"{text}: {value.reference}" if value.reference else text


def window_rules(a: AbsenceOutcome, t: Lang) -> str:
    """S13: the guaranteed_wage_days and relapse_days values S7 used for an absence, with their references."""
    w = a.window
    if w is None:
        return ""
    used = [_rule("relapse_days", w.relapse_rule, t)]
    if not w.is_relapse:
        used.insert(0, _rule("guaranteed_wage_days", w.window_rule, t))
    return "; ".join(u for u in used if u)


def shown_absences(s: Settlement) -> tuple[AbsenceOutcome, ...]:
    """The absences a period's tables list: all of them, but for a period of a multi-period agreement
    only those with days in that period (S14: the others belong to another period's settlement)."""
    if s.period is None:
        return s.absences
    return s.in_term  # those with a day in the period's term (days_in_term > 0), without listing the others


def absence_rows(s: Settlement, staffing: Staffing, t: Lang) -> tuple[AbsenceRow, ...]:
    from convenant_calc.views.report.model import AbsenceRow

    rows = []
    dated = s.convenant.absence_rules.dated
    for a in shown_absences(s):
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
        if dated and a.window is not None:
            window += f" ({window_rules(a, t)})"
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
    """The table's totals: FTE-days replaced and short (an absence without a day in the term adds nothing)."""
    return (
        t.number(sum((a.replaced_fte_days for a in s.in_term), D(0))),
        t.number(sum((a.short_fte_days for a in s.in_term), D(0))),
    )
