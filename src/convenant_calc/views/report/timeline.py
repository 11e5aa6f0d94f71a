"""The timeline picture's model: one row per consultant over the term, then vacancy and shortfall.

Absences by kind, the guaranteed wage, replacements and the shortfall become
:class:`~convenant_calc.views.report.model.Bar` rectangles (days by FTE);
``render/svg.py`` draws them and computes nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from convenant_calc.core.models import AbsenceKind, Staffing, days_between
from convenant_calc.core.money import D
from convenant_calc.core.rules.absences import AbsenceOutcome
from convenant_calc.core.settlement import Settlement
from convenant_calc.core.spans import sweep
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.absences import shown_absences
from convenant_calc.views.report.model import Bar, Tick, Timeline, TimelineRow


def _bar(s: Settlement, first, last, low, high, style: str, kind: str, title: str) -> Bar:
    start = s.convenant.term.start
    return Bar(
        first=first.isoformat(),
        last=last.isoformat(),
        day_from=(first - start).days,
        day_to=days_between(start, last),
        low=Decimal(low),
        high=Decimal(high),
        style=style,
        kind=kind,
        title=title,
    )


def _lanes(outcomes: list[AbsenceOutcome]) -> dict[int, Decimal]:
    """Stack a consultant's overlapping absences (a 1/5 time credit under a 0.8 sickness): FTE offset of each."""
    placed: list[tuple[AbsenceOutcome, Decimal]] = []
    offsets: dict[int, Decimal] = {}
    for a in outcomes:
        low = D(0)
        for other, other_low in placed:
            if other.first <= a.last and a.first <= other.last:
                low = max(low, other_low + other.fte)
        offsets[a.index] = low
        placed.append((a, low))
    return offsets


def _people(s: Settlement, staffing: Staffing) -> list[tuple]:
    """(id, name, FTE, employed from, employed to) of each row; without a staffing file, the absences' consultants."""
    if staffing.consultants:  # S19: each consultant's share in the line (the main line: all of a consultant without lines)
        budget = s.budget
        shares = [(p, p.share(budget.line, budget.main)) for p in staffing.consultants]
        return [(p.id, p.name or p.id, share, p.employed.from_, p.employed.to) for p, share in shares if share]
    seen: list[str] = []
    for a in shown_absences(s):
        if a.consultant not in seen:
            seen.append(a.consultant)
    return [(cid, cid, max(a.fte for a in shown_absences(s) if a.consultant == cid), None, None) for cid in seen]


def _consultant_row(s: Settlement, t: Lang, cid, name, fte, emp_from, emp_to) -> TimelineRow:
    term = s.convenant.term
    first = max(emp_from or term.start, term.start)
    last = min(emp_to or term.end, term.end)
    bars: list[Bar] = []
    employed = f"{name}: {t('tl_employed')} {first} … {last}, {t.number(fte)} {t('tl_fte')}"
    if first <= last:
        bars.append(_bar(s, first, last, 0, fte, "employed", "", employed))
    mine = [a for a in shown_absences(s) if a.consultant == cid]
    lanes = _lanes(mine)
    for a in mine:
        low = lanes[a.index]
        what = f"#{a.index + 1} {name}: {t.kind(a.kind)} {a.first} … {a.last}, {t.number(a.fte)} {t('tl_fte')}"
        if a.covered is not None:
            bars.append(
                _bar(s, a.covered[0], a.covered[1], low, low + a.fte, "gw", a.kind.value,
                     f"{what}; {t('tl_guaranteed_wage')}: {a.covered[0]} … {a.covered[1]}")
            )
        pieces = sweep({"rep": a.replaced, "off": a.off_duty}, term.start, term.end)
        for p_first, p_last, v in pieces:
            rep, off = v["rep"], v["off"]
            if rep:
                bars.append(
                    _bar(s, p_first, p_last, low, low + rep, "replaced", a.kind.value,
                         f"{what}; {t('tl_replaced')}: {p_first} … {p_last}, {t.number(rep)} {t('tl_fte')}")
                )
            if off:
                bars.append(
                    _bar(s, p_first, p_last, low + rep, low + rep + off, "off", a.kind.value,
                         f"{what}; {t('tl_off_duty')}: {p_first} … {p_last}, {t.number(off)} {t('tl_fte')}")
                )
    return TimelineRow("consultant", cid, name, employed, max(fte, D(1)), tuple(bars))


def _vacancy_row(s: Settlement, t: Lang) -> TimelineRow | None:
    vacancy = [p for p in s.staffing.pieces if p.vacancy]
    if not vacancy:
        return None
    bars = [
        _bar(s, p.first, p.last, 0, p.vacancy, "vacancy", "",
             f"{t('tl_vacancy')}: {p.first} … {p.last}, {t.number(p.vacancy)} "
             f"{t('tl_fte')}, {t('r_fte_days', n=t.number(p.vacancy * p.days))}")
        for p in vacancy
    ]
    height = max(D(1), max(b.high for b in bars))
    return TimelineRow("vacancy", "", t("tl_vacancy_row"), t("tl_vacancy_row"), height, tuple(bars))


def _short_row(s: Settlement, t: Lang) -> TimelineRow:
    short = [p for p in s.staffing.pieces if p.short]
    bars = [
        _bar(s, p.first, p.last, 0, p.short, "short", "",
             f"{t('col_short')}: {p.first} … {p.last}, {t.number(p.short)} {t('tl_fte')}, "
             f"{t('r_fte_days', n=t.number(p.short_fte_days))}")
        for p in short
    ]
    height = max([D(1)] + [b.high for b in bars])
    return TimelineRow("short", "", t("tl_short_row"), t("tl_short_row"), height, tuple(bars))


def _ticks(s: Settlement, t: Lang) -> tuple[Tick, ...]:
    """A tick at each first of a month in the term (and at its start), the year at January and the first tick."""
    term = s.convenant.term
    ticks: list[Tick] = []
    y, m = term.start.year, term.start.month
    while True:
        day = date(y, m, 1)
        if day > term.end:
            break
        offset = max(0, (day - term.start).days)
        ticks.append(Tick(offset, t.month(m), str(y) if (m == 1 or not ticks) else ""))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(ticks)


def build_timeline(s: Settlement, staffing: Staffing, t: Lang) -> Timeline:
    """One row per consultant over the term, absences by kind, guaranteed wage, replacements, vacancy, shortfall."""
    c = s.convenant
    people = _people(s, staffing)
    rows = [_consultant_row(s, t, *person) for person in people]
    if not staffing.consultants:
        rest = s.funded_fte - len(people)
        if rest > 0:
            title = t("tl_assumed_title", fte=t.number(rest))
            bar = _bar(s, c.term.start, c.term.end, 0, rest, "employed", "", title)
            rows.append(TimelineRow("assumed", "", t("tl_assumed", fte=t.number(rest)), title, rest, (bar,)))
    vacancy = _vacancy_row(s, t)
    if vacancy is not None:
        rows.append(vacancy)
    rows.append(_short_row(s, t))
    kinds = tuple((k.value, t.kind(k)) for k in AbsenceKind if any(a.kind is k for a in shown_absences(s)))
    legend = {
        key: t(f"tl_{key}")
        for key in ("employed", "off_duty", "guaranteed_wage", "replaced", "vacancy", "short_row")
    }
    return Timeline(
        days=s.term_days, rows=tuple(rows), ticks=_ticks(s, t), kinds=kinds, legend=legend, title=t("timeline")
    )
