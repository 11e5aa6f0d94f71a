"""The month table: the shortfall and the deduction month by month, from :func:`views.ledger.months`."""

from __future__ import annotations

from convenant_calc.core.money import ZERO
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.ledger import months
from convenant_calc.views.report.model import MonthRow


def month_rows(s: Settlement, t: Lang) -> tuple[tuple[MonthRow, ...], MonthRow]:
    ms = months(s)
    rows = tuple(
        MonthRow(
            label=f"{m.year}-{m.month:02d}",
            days=m.days,
            vacancy=t.number(m.vacancy_fte_days),
            absent=t.number(m.absence_fte_days),
            short=t.number(m.short_fte_days),
            cumulative_days=t.number(m.cumulative_fte_days),
            cumulative=t.money(m.cumulative),
            deduction=t.money(m.deduction),
        )
        for m in ms
    )
    st = s.staffing
    totals = MonthRow(
        label=t("total"),
        days=s.term_days,
        vacancy=t.number(st.vacancy_fte_days),
        absent=t.number(st.absence_fte_days),
        short=t.number(st.fte_days),
        cumulative_days="",
        cumulative="",
        deduction=t.money(sum((m.deduction for m in ms), ZERO)),
    )
    return rows, totals


def months_note(s: Settlement, t: Lang) -> str:
    if s.deduction.daily_rate is None:  # S19: a line that funds no consultant
        return t("months_note_no_rate")
    return t(
        "months_note",
        max=t.money(s.deduction.rate_base),  # the maximum, unless a reading of S17 says otherwise
        fte=t.number(s.funded_fte),
        days=t.number(s.deduction.rate_days),
    )
