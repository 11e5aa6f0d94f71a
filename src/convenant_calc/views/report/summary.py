"""The summary: the settlement lines (as the terminal table shows them), adding up to subsidy and balance."""

from __future__ import annotations

from fractions import Fraction

from convenant_calc.core.rules.funding import CommitmentOutcome
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import Line


def reason(c: CommitmentOutcome, t: Lang) -> str:
    """Why a commitment counts as met or not (S4), in words."""
    if c.pending:
        return t("pending")  # S16: not reported yet
    if c.overridden:
        return t("reason_judged_met" if c.met else "reason_judged_not_met", why=c.justification)
    return t("reason_compared", achieved=t.number(c.achieved), rel="≥" if c.met else "<", target=t.number(c.target))


def balance_word(s: Settlement, t: Lang) -> str:
    return t({"pay": "to_pay", "recover": "to_recover", "settled": "settled"}[s.direction])


def summary_lines(s: Settlement, t: Lang) -> tuple[Line, ...]:
    """The settlement lines (as the terminal table shows them), which add up to the subsidy and the balance."""
    c, d, r = s.convenant, s.deduction, s.results
    if r.below_cutoff and Fraction(r.met, r.total) == Fraction(r.cutoff):  # S17 results.half-not-paid
        why = t("at_cutoff_not_paid", met=r.met, total=r.total, cutoff=t.pct(r.cutoff))
    elif r.below_cutoff:
        why = t("below_cutoff", met=r.met, total=r.total, cutoff=t.pct(r.cutoff))
    else:
        why = t("pro_rata", met=r.met, total=r.total, pool=t.money(s.result_pool))
    lines = [
        Line(t("max_subsidy_line", fte=t.number(c.consultants_fte)), t.money(s.max_subsidy)),
        Line(t("effort_line", pct=t.pct(c.funding.effort_share)), t.money(s.effort_pool)),
        Line(t("result_line", why=why), t.money(r.payout)),
        Line(
            t("deduction_line", days=t.number(d.shortfall_fte_days), rate=t.decimals(d.daily_rate, 6)),
            t.less(d.amount),
        ),
    ]
    if s.gross < 0:
        lines.append(Line(t("floor_line"), t.money(-s.gross)))
    lines.append(Line(t("subsidy_line"), t.money(s.subsidy), total=True))
    lines.append(Line(t("paid_line", n=len(s.payments)), t.less(s.paid)))
    lines.append(Line(f"{t('balance_' + s.direction)} (S12)", t.money(abs(s.balance)), total=True))
    return tuple(lines)
