"""The interim position in the report (S16, ``settle --as-of``): the figures to date and the projected range."""

from __future__ import annotations

from convenant_calc.core.interim import Interim
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import InterimSection, Line


def interim_section(i: Interim, t: Lang) -> InterimSection:
    lines = [
        Line(t("interim_short", as_of=t.date(i.as_of)), t.number(i.shortfall_fte_days)),
        Line(t("interim_deduction", as_of=t.date(i.as_of)), t.less(i.deduction)),
        Line(t("interim_pending"), ", ".join(i.pending) or t("interim_none")),
    ]
    for key, p in (("interim_worst", i.worst), ("interim_best", i.best)):
        detail = f"{t('interim_payout', k=p.met, n=p.total)} {t.money(p.payout)}"
        lines.append(Line(f"{t(key)} ({detail})", t.money(p.subsidy), total=True))
        if p.capped is not None and i.eligible is not None:  # S20: at most the eligible costs
            lines.append(Line(t("interim_capped", eligible=t.money(i.eligible)), t.money(p.capped)))
    after = ""
    if i.unfunded_after_fte_days:
        after = t("interim_after_end", fte_days=t.number(i.unfunded_after_fte_days))
    day = t.date(i.as_of)
    return InterimSection(t("interim_title", as_of=day), tuple(lines), t("interim_note", as_of=day, after=after))
