"""The terminal view a finance officer reads at a glance (rich), in English or Dutch.

Every string reaches rich as a :class:`~rich.text.Text`, never as markup: a justification
reading ``see [/annex]`` or ``[link=…]`` is printed as written, and control characters from
the input are shown as escapes (``\x1b``), so a title cannot drive the terminal.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from convenant_calc.core.readings import applied
from convenant_calc.core.text import visible
from convenant_calc.render.terminal import cell
from convenant_calc.views.report.absences import shown_absences
from convenant_calc.views.report.summary import ceilings_note, reason, summary_lines
from convenant_calc.core.settlement import AgreementSettlement, Settlement, Total
from convenant_calc.views.labels import Lang

if TYPE_CHECKING:  # annotations only (start-up time, issue 23)
    from convenant_calc.core.interim import Interim, Positions
    from convenant_calc.core.reading_costs import ReadingCost

EN = Lang("en")


def _text(value: str, style: str = "") -> Text:
    """Plain text for a cell: no markup parsed, control characters made visible (:func:`.terminal.cell`)."""
    return cell(value, style)


def settlement_table(s: Settlement, t: Lang = EN) -> Table:
    """The settlement lines, which add up to the subsidy and the balance."""
    ids = applied(s.readings)
    title = t("settlement_under", ids=", ".join(ids)) if ids else t("settlement")
    note = ceilings_note(s, t)  # S20
    table = Table(
        title=title,
        title_justify="left",
        caption=note or None,
        caption_justify="left",
        show_header=False,
        box=None,
        pad_edge=False,
    )
    table.add_column("line")
    table.add_column("amount", justify="right")
    lines = summary_lines(s, t)
    for line in lines:
        if not line.total:
            table.add_row(_text(line.label), _text(line.amount))
            continue
        style = "bold"
        if line is lines[-1]:
            style = {"pay": "bold green", "recover": "bold red", "settled": "bold"}[s.direction]
        table.add_row(_text(line.label, style), _text(line.amount, style))
    return table


def results_table(s: Settlement, t: Lang = EN) -> Table:
    table = Table(title=t("results_title"), title_justify="left")
    columns = (("col_id", "left"), ("col_commitment", "left"), ("col_target", "right"), ("col_achieved", "right"))
    for key, justify in columns:
        table.add_column(t(key), justify=justify)
    table.add_column(t("col_met"))
    table.add_column(t("col_why"))
    for c in s.results.commitments:
        table.add_row(
            _text(c.id),
            _text(c.title),
            _text(t.number(c.target)),
            _text("" if c.achieved is None else t.number(c.achieved)),
            _text(t("pending"), "yellow")
            if c.pending
            else _text(t("yes"), "green") if c.met else _text(t("no"), "red"),
            _text(reason(c, t)),
        )
    return table


def absences_table(s: Settlement, t: Lang = EN) -> Table:
    """One row per absence; compact enough for an 80-column terminal, relapses as captions below."""
    relapses = [
        t("relapse_caption", no=a.index + 1, of=a.window.relapse_of + 1, left=a.window.left_at_start)
        if a.window.relapse_of is not None
        else t("joins_caption", no=a.index + 1, of=(a.window.joins or 0) + 1, left=a.window.left_at_start)
        for a in shown_absences(s)
        if a.window is not None and (a.window.is_relapse or a.window.joins is not None)
    ]
    table = Table(
        title=t("absences_title"),
        title_justify="left",
        caption=Text("\n").join(_text(r) for r in relapses) if relapses else None,  # the line breaks are ours
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    numeric = ("col_no", "col_fte", "col_days", "col_covered", "col_replaced", "col_short")
    for key in ("col_no", "col_who", "col_kind", "col_from", "col_to", "col_fte", "col_days",
                "col_covered", "col_replaced", "col_short"):
        table.add_column(t(key), justify="right" if key in numeric else "left", no_wrap=key in ("col_from", "col_to"))
    for a in shown_absences(s):
        relapse = "*" if a.window is not None and (a.window.is_relapse or a.window.joins is not None) else ""
        cells = (
            str(a.index + 1),
            a.consultant,
            t.kind(a.kind),
            a.first.isoformat(),
            a.last.isoformat(),
            t.number(a.fte),
            str(a.days_in_term),
            "—" if a.window is None else f"{relapse}{a.covered_days_in_term}",
            t.number(a.replaced_fte_days),
            t.number(a.short_fte_days),
        )
        table.add_row(*map(_text, cells))
    return table


def shortfall_table(s: Settlement, t: Lang = EN) -> Table:
    st = s.staffing
    table = Table(title=t("shortfall_title"), title_justify="left", show_header=False, box=None)
    table.add_column("what")
    table.add_column("FTE-days", justify="right")
    table.add_row(_text(t("vacancy_line")), _text(t.number(st.vacancy_fte_days)))
    table.add_row(_text(t("absence_line")), _text(t.number(st.absence_fte_days)))
    if st.absorbed_fte_days:
        table.add_row(_text(t("absorbed_line")), _text(f"−{t.number(st.absorbed_fte_days)}"))
    if st.unfunded_fte_days:
        table.add_row(_text(t("unfunded_line")), _text(t.number(st.unfunded_fte_days)))
    table.add_row(_text(t("short_line"), "bold"), _text(t.number(st.fte_days), "bold"))
    return table


def readings_table(costs: Sequence[ReadingCost], t: Lang = EN) -> Table:
    """S17: each alternative reading, the sentence it reads, the subsidy with it and the difference."""
    from convenant_calc.views.report.readings import reading_rows  # only with --readings (start-up time, issue 23)

    table = Table(title=t("readings_title"), title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(t("col_reading"), no_wrap=True)
    table.add_column(t("col_reads"), ratio=1)
    table.add_column(t("col_subsidy"), justify="right", no_wrap=True)
    table.add_column(t("col_difference"), justify="right", no_wrap=True)
    for row in reading_rows(costs, t):
        text = cell(f"{row.article}: “{row.sentence}”" if row.sentence else f"{row.article}: ({row.unquoted})")
        text.append("\n")  # the line breaks are ours, not the input's
        text.append(cell(f"→ {row.alternative}", "italic"))
        if row.status:
            text.append("\n")
            text.append(cell(row.status, "dim"))
        if row.ceiling:  # S20: the subsidy before the cap of the eligible costs
            text.append("\n")
            text.append(cell(row.ceiling, "dim"))
        difference = row.difference if row.applies else t("not_applicable_short")
        subsidy, change = _text(row.subsidy), _text(difference)
        for line, amount, delta in row.lines:  # S19: each line's subsidy with the reading
            text.append(f"\n  {line}", style="dim")
            subsidy.append(f"\n{amount}", style="dim")
            change.append(f"\n{delta if row.applies else ''}", style="dim")
        table.add_row(_text(row.id), text, subsidy, change)
    return table


def interim_table(i: Interim, t: Lang = EN) -> Table:
    """S16 "tussentijdse stand": the shortfall and deduction to date, the pending results, the projected range."""
    day = t.date(i.as_of)
    table = Table(title=t("interim_title", as_of=day), title_justify="left", show_header=False, box=None)
    table.add_column("what")
    table.add_column("figure", justify="right")
    table.add_row(_text(t("interim_short", as_of=t.date(i.as_of))), _text(t.number(i.shortfall_fte_days)))
    table.add_row(_text(t("interim_deduction", as_of=t.date(i.as_of))), _text(t.less(i.deduction)))
    table.add_row(_text(t("interim_pending")), _text(", ".join(i.pending) or t("interim_none")))
    for key, p in (("interim_worst", i.worst), ("interim_best", i.best)):
        detail = f"{t('interim_payout', k=p.met, n=p.total)} {t.money(p.payout)}"
        table.add_row(_text(f"{t(key)} ({detail})", "bold"), _text(t.money(p.subsidy), "bold"))
        if p.capped is not None and i.eligible is not None:  # S20: at most the eligible costs
            table.add_row(_text(t("interim_capped", eligible=t.money(i.eligible))), _text(t.money(p.capped)))
    after = ""
    if i.unfunded_after_fte_days:
        after = t("interim_after_end", fte_days=t.number(i.unfunded_after_fte_days))
    table.caption = t("interim_note", as_of=t.date(i.as_of), after=after)
    table.caption_justify = "left"
    return table


def settlement_renderable(
    s: Settlement,
    t: Lang = EN,
    stamp: str | None = None,
    costs: Sequence[ReadingCost] | None = None,
    case: str | None = None,
    bundled: bool = False,
    interim: Interim | None = None,
) -> Group:
    """One settlement's view; with ``case`` a first line naming the case directory and where the agreement is from."""
    c = s.convenant
    header = Text(no_wrap=True, overflow="ignore")  # a long path runs on rather than breaking the line
    if case is not None:
        where = t("case_bundled") if bundled else "convenant.yaml"
        header.append(visible(t("case_line", case=case, agreement=c.id, where=where)) + "\n")
    header.append(visible(c.title), "bold")
    header.append(visible(f" ({c.id})") + "\n")
    header.append(t("term_line", start=t.date(c.term.start), end=t.date(c.term.end), days=s.term_days))
    if s.ending is not None:
        e = s.ending
        header.append("\n" + t("ended_line", kind=t(f"end_{e.kind.value}"), ends=t.date(e.ends), days=e.unfunded_days))
    if stamp:
        header.append(f"\n{t('generated')}: {stamp}")
    parts = [header, settlement_table(s, t)]
    if interim is not None:
        parts.append(interim_table(interim, t))
    parts += [results_table(s, t), shortfall_table(s, t)]
    if shown_absences(s):
        parts.append(absences_table(s, t))
    if costs is not None:
        parts.append(readings_table(costs, t))
    return Group(*[p for part in parts for p in (part, Text(""))][:-1])


def overview_table(a: AgreementSettlement, t: Lang = EN) -> Table:
    """S14, S19: one line per settlement (named by its period, its line, or both) and the totals (each the sum
    of the rounded figures); with several periods and several lines, the totals of each line and each period."""
    lines = "line" in a.dimensions
    title = t("periods") if not lines else t("lines_periods_title") if len(a.dimensions) == 2 else t("lines_title")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(t("col_line") if lines else t("col_period"), overflow="fold")  # the id above its term
    for key in ("col_max", "col_subsidy", "col_paid", "col_balance"):
        table.add_column(t(key), justify="right", no_wrap=True)
    for s in a.settlements:  # the id above its term; a line's id (and its period's) above its title
        term = s.convenant.term
        if lines:  # with several periods too: the line, and below it its period (ids may be alike)
            second = f"{t('col_period')} {s.budget.period}" if len(a.dimensions) == 2 else s.budget.title
            table.add_row(_two_lines(s.budget.line, second), *_figures(s, t))
        else:
            table.add_row(_two_lines(s.budget.period, f"{t.date(term.start)} … {t.date(term.end)}"), *_figures(s, t))
    if len(a.dimensions) == 2:
        table.add_section()
        for x in a.by_line:
            table.add_row(_two_lines(f"{t('total')} {t('col_line')} {x.key}", x.title), *_figures(x, t))
        for x in a.by_period:
            span = f"{t.date(x.first)} … {t.date(x.last)}"
            table.add_row(_two_lines(f"{t('total')} {t('col_period')} {x.key}", span), *_figures(x, t))
    total = a.total
    span = f"{t.date(total.first)} … {t.date(total.last)}"
    table.add_row(_two_lines(t("total"), span, "bold"), *(_text(cell.plain, "bold") for cell in _figures(total, t)))
    return table


def _figures(x: Settlement | Total, t: Lang) -> tuple[Text, ...]:
    return tuple(_text(t.money(v)) for v in (x.max_subsidy, x.subsidy, x.paid, x.balance))


def _two_lines(first: str, second: str, style: str = "") -> Text:
    """A cell of two lines, each shown as written (the line break is ours, not the input's)."""
    cell = _text(first, style)
    cell.append("\n")
    cell.append(_text(second, style))
    return cell


def renderable(
    a: AgreementSettlement,
    t: Lang = EN,
    stamp: str | None = None,
    costs: Sequence[ReadingCost] | None = None,
    case: str | None = None,
    bundled: bool = False,
    positions: Positions | None = None,
) -> Group:
    """The whole terminal view: a settlement's own view, or the overview of the settlements (S14, S19), each
    settlement's view under its period and line, and what each reading costs the total (S17)."""
    interims = positions.parts if positions is not None else (None,) * len(a.settlements)
    only = a.only
    if only is not None:
        return settlement_renderable(only, t, stamp, costs, case, bundled, interims[0])
    c = a.convenant
    header = Text(no_wrap=True, overflow="ignore")
    if case is not None:
        where = t("case_bundled") if bundled else "convenant.yaml"
        header.append(visible(t("case_line", case=case, agreement=c.id, where=where)) + "\n")
    header.append(visible(c.title), "bold")
    header.append(visible(f" ({c.id})"))
    if stamp:
        header.append(f"\n{t('generated')}: {stamp}")
    parts: list = [header, overview_table(a, t)]
    if positions is not None:
        parts.append(interim_table(positions.total, t))
    for s, interim in zip(a.settlements, interims, strict=True):
        parts.append(_text(_heading(s, t), "bold underline"))
        parts.append(settlement_renderable(s, t, interim=interim))
    if costs is not None:
        parts.append(readings_table(costs, t))
    return Group(*[p for part in parts for p in (part, Text(""))][:-1])


def _heading(s: Settlement, t: Lang) -> str:
    """"Period ID", "Funding line ID — title", or both, as the settlement is named."""
    named = []
    if s.period is not None:
        named.append(f"{t('period')} {s.period}")
    if s.line is not None:
        named.append(f"{t('funding_line')} {s.line} — {s.budget.title}")
    return ", ".join(named)


def render(
    a: AgreementSettlement,
    width: int = 120,
    t: Lang = EN,
    stamp: str | None = None,
    costs: Sequence[ReadingCost] | None = None,
    case: str | None = None,
    bundled: bool = False,
    positions: Positions | None = None,
) -> str:
    """The table as plain text (no colour), for tests and files."""
    buffer = io.StringIO()
    view = renderable(a, t, stamp, costs, case, bundled, positions)
    Console(file=buffer, width=width, color_system=None, force_terminal=False).print(view, crop=False)
    return buffer.getvalue()
