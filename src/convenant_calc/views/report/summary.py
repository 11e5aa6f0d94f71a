"""The summary: the settlement lines (as the terminal table shows them), adding up to subsidy and balance."""

from __future__ import annotations

from fractions import Fraction

from convenant_calc.core.rules.funding import CommitmentOutcome
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.line import Line


def reason(c: CommitmentOutcome, t: Lang) -> str:
    """Why a commitment counts as met or not (S4), in words."""
    if c.pending:
        return t("pending")  # S16: not reported yet
    if c.overridden:
        return t("reason_judged_met" if c.met else "reason_judged_not_met", why=c.justification)
    return t("reason_compared", achieved=t.number(c.achieved), rel="≥" if c.met else "<", target=t.number(c.target))


def balance_word(s: Settlement, t: Lang) -> str:
    return t({"pay": "to_pay", "recover": "to_recover", "settled": "settled"}[s.direction])


def ceilings_note(s: Settlement, t: Lang) -> str:
    """S20: "Without a ``costs.yaml`` nothing is capped and every output says that the figures are ceilings
    until a cost statement is added" ("" when the case has one)."""
    return t("ceilings_note") if s.costs is None else ""


def summary_lines(s: Settlement, t: Lang) -> tuple[Line, ...]:
    """The settlement lines (as the terminal table shows them), which add up to the subsidy and the balance."""
    d, r = s.deduction, s.results
    if not r.total:  # S19: a line without result funding
        why = t("no_commitments")
    elif r.below_cutoff and Fraction(r.met, r.total) == Fraction(r.cutoff):  # S17 results.half-not-paid
        why = t("at_cutoff_not_paid", met=r.met, total=r.total, cutoff=t.pct(r.cutoff))
    elif r.below_cutoff:
        why = t("below_cutoff", met=r.met, total=r.total, cutoff=t.pct(r.cutoff))
    else:
        why = t("pro_rata", met=r.met, total=r.total, pool=t.money(s.result_pool))
    lines = [
        Line(
            t("max_subsidy_line" if s.budget.main else "line_max_line", fte=t.number(s.funded_fte)),
            t.money(s.max_subsidy),
        ),
        Line(t("effort_line", pct=t.pct(s.funding.effort_share)), t.money(s.effort_pool)),
        Line(t("result_line", why=why), t.money(r.payout)),
        Line(
            t("deduction_line", days=t.number(d.shortfall_fte_days), rate=t.decimals(d.daily_rate, 6))
            if d.daily_rate is not None
            else t("no_deduction_line"),
            t.less(d.amount),
        ),
    ]
    if s.gross < 0:
        lines.append(Line(t("floor_line"), t.money(-s.gross)))
    if s.costs is None:
        lines.append(Line(t("subsidy_line"), t.money(s.subsidy), total=True))
    else:  # S20: the ceiling, the eligible costs, and the lesser of the two
        lines.append(Line(t("ceiling_line"), t.money(s.costs.ceiling)))
        lines.append(Line(t("costs_line"), t.money(s.costs.eligible)))
        capped = "capped_line" if s.readings.costs_capped else "not_capped_line"
        lines.append(Line(t(capped), t.money(s.subsidy), total=True))
    lines.append(Line(t("paid_line", n=len(s.payments)), t.less(s.paid)))
    lines.append(Line(f"{t('balance_' + s.direction)} (S12)", t.money(abs(s.balance)), total=True))
    return tuple(lines)
