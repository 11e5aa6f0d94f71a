"""S14: the amendments of a period (the extension that made it, the changes to its commitments), and the
overview of the periods of a multi-period agreement."""

from __future__ import annotations

from convenant_calc.core.models import AmendmentKind
from convenant_calc.core.settlement import AgreementSettlement, Settlement, Total
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import AmendmentRow, PeriodRow


def amendment_rows(s: Settlement, t: Lang) -> tuple[AmendmentRow, ...]:
    """S14: each amendment of the period with what it did and its reference."""
    rows = []
    for a in s.amendments:
        if a.kind is AmendmentKind.extension:
            if a.term is None or a.max_subsidy is None:  # the model requires both for an extension
                raise ValueError(f"extension {a.id} needs a term and a max_subsidy (S14)")
            start, end = t.date(a.term.start), t.date(a.term.end)
            if s.budget.main:
                what = t("am_extension_what", start=start, end=end, max=t.money(a.max_subsidy))
            else:  # S19: the extension continues this addendum with its own maximum
                what = t("am_extension_line_what", start=start, end=end, max=t.money(s.max_subsidy), line=s.budget.line)
        else:
            target = t("col_target")
            parts = []
            if a.replace:
                parts.append(f"{t('am_replace')} " + ", ".join(f"{c.id} ({target} {t.number(c.target)})" for c in a.replace))
            if a.add:
                parts.append(f"{t('am_add')} " + ", ".join(f"{c.id} ({target} {t.number(c.target)})" for c in a.add))
            if a.remove:
                parts.append(f"{t('am_remove')} " + ", ".join(a.remove))
            what = "; ".join(parts)
        rows.append(
            AmendmentRow(
                id=a.id,
                kind=t(f"am_{a.kind.value}"),
                decided=a.decided.isoformat() if a.decided else "",
                reference=a.reference or "",
                what=what,
            )
        )
    return tuple(rows)


def overview_rows(a: AgreementSettlement, t: Lang) -> tuple[tuple[PeriodRow, ...], PeriodRow]:
    """S14, S19: one row per settlement (named by its period, or by its line, or both), and the total (each the
    sum of the rounded figures)."""
    rows = tuple(
        _row(s.budget.period, s.convenant.term.start, s.convenant.term.end, s.term_days, s, t, s.budget.line, s.budget.title)
        if s.line is not None
        else _row(s.budget.period, s.convenant.term.start, s.convenant.term.end, s.term_days, s, t)
        for s in a.settlements
    )
    return rows, total_row(a.total, t)


def total_row(x: Total, t: Lang, key: str | None = None, title: str = "") -> PeriodRow:
    """A total as a row: the agreement's (named "total"), or a line's or a period's (named by ``key``)."""
    return _row(t("total") if key is None else key, x.first, x.last, x.days, x, t, key or "", title)


def _row(key: str, first, last, days: int, x, t: Lang, line: str = "", title: str = "") -> PeriodRow:
    return PeriodRow(
        id=key,
        term=f"{t.date(first)} … {t.date(last)}",
        days=days,
        max_subsidy=t.money(x.max_subsidy),
        subsidy=t.money(x.subsidy),
        paid=t.money(x.paid),
        balance=t.money(x.balance),
        line=line,
        title=title,
    )
