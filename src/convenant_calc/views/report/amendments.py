"""S14: the amendments of a period (the extension that made it, the changes to its commitments), and the
overview of the periods of a multi-period agreement."""

from __future__ import annotations

from convenant_calc.core.models import AmendmentKind
from convenant_calc.core.settlement import AgreementSettlement, Settlement
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
            what = t("am_extension_what", start=start, end=end, max=t.money(a.max_subsidy))
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


def period_rows(a: AgreementSettlement, t: Lang) -> tuple[tuple[PeriodRow, ...], PeriodRow]:
    """S14: one row per period, and the totals (each the sum of the periods' rounded figures)."""
    rows = []
    for pid, s in zip(a.period_ids, a.periods, strict=True):
        term = s.convenant.term
        rows.append(
            PeriodRow(
                id=pid,
                term=f"{t.date(term.start)} … {t.date(term.end)}",
                days=s.term_days,
                max_subsidy=t.money(s.max_subsidy),
                subsidy=t.money(s.subsidy),
                paid=t.money(s.paid),
                balance=t.money(s.balance),
            )
        )
    total = PeriodRow(
        id=t("total"),
        term=f"{t.date(a.periods[0].convenant.term.start)} … {t.date(a.periods[-1].convenant.term.end)}",
        days=sum(s.term_days for s in a.periods),
        max_subsidy=t.money(a.max_subsidy),
        subsidy=t.money(a.subsidy),
        paid=t.money(a.paid),
        balance=t.money(a.balance),
    )
    return tuple(rows), total
