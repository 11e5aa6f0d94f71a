"""The table of payments already made (S12)."""

from __future__ import annotations

from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import PaymentRow


def payment_rows(s: Settlement, t: Lang) -> tuple[PaymentRow, ...]:
    return tuple(PaymentRow(t.date(p.date), p.label or "", t.money(p.amount)) for p in s.payments)
