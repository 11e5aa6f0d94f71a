"""``convenant diff`` (S22) as a terminal table, JSON (``convenant-diff/1``) or Markdown.

Each shows the settled figures of both versions, then the steps, each with its items
(``file:line``, what differs) and its effect on the FTE-days short, the deduction, the payout,
the subsidy and the balance, and last the total difference, which the steps add up to.
"""

from __future__ import annotations

import io
import json
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from convenant_calc.core.diff import Figures
from convenant_calc.core.money import fmt_decimal, fmt_plain
from convenant_calc.core.text import visible
from convenant_calc.render.terminal import cell
from convenant_calc.render.report import md
from convenant_calc.views.diff import (
    Comparison,
    figure_cells,
    figure_columns,
    json_items,
    period_rows,
    rows,
    shown,
)
from convenant_calc.views.labels import Lang

SCHEMA = "convenant-diff/1"


def _text(value: str, style: str = "") -> Text:
    return cell(value, style)  # input text as written: no markup, control characters as escapes


def _figure_table(
    title: str, first: str, body: list[tuple[str, tuple[str, ...], str]], t: Lang, costs: bool = False
) -> Table:
    """A table of the five figures, one row per (label, cells, style): every figure shown whole on an
    80-column terminal (a column is at least as wide as its widest figure; a header wraps instead)."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(first, min_width=max(len(row[0]) for row in body))
    for i, name in enumerate(figure_columns(t, costs)):
        table.add_column(name, justify="right", min_width=max(len(row[1][i]) for row in body))
    for label, cells, style in body:
        table.add_row(_text(label, style), *(_text(cell, style) for cell in cells))
    return table


def _figures_table(c: Comparison, t: Lang) -> Table:
    body = [
        (t("diff_old"), figure_cells(c.walk.old.total, t, costs=c.costs), ""),
        (t("diff_new"), figure_cells(c.walk.new.total, t, costs=c.costs), ""),
    ]
    return _figure_table(t("diff_figures"), "", body, t, c.costs)


def _steps_list(c: Comparison, t: Lang) -> Table:
    """Each step's items: the change and the item, where it is written, what differs (and why items were merged)."""
    table = Table(title=t("diff_steps"), title_justify="left", show_header=False, box=None, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("item", overflow="fold")
    for row in rows(c, t):
        cell = Text()
        for i, line in enumerate(row.lines):
            if i:
                cell.append("\n")
            cell.append(visible(f"{line.change}: {line.what}"), "bold")
            cell.append("\n" + visible(line.where), "cyan")
            for d in line.details:
                cell.append("\n  " + visible(d))
        if row.merged:
            cell.append("\n" + visible(row.merged), "italic yellow")
        table.add_row(_text(str(row.number)), cell)
    return table


def _effects_table(c: Comparison, t: Lang) -> Table:
    """The effect of each step on the five figures, and last the total difference they add up to."""
    body = [(str(row.number), figure_cells(row.effect, t, signed=True, costs=c.costs), "") for row in rows(c, t)]
    body.append((t("total"), figure_cells(c.walk.total, t, signed=True, costs=c.costs), "bold"))
    table = _figure_table(t("diff_effects"), t("col_no"), body, t, c.costs)
    table.columns[0].justify = "right"
    return table


def _periods_table(c: Comparison, t: Lang) -> Table | None:
    found = period_rows(c)
    if not found:
        return None
    body = [
        (pid, figure_cells((new or Figures()) - (old or Figures()), t, signed=True, costs=c.costs), "")
        for pid, old, new in found
    ]
    return _figure_table(t("diff_periods"), t("col_period"), body, t, c.costs)


def renderable(c: Comparison, t: Lang) -> Group:
    """The whole terminal view."""
    header = Text(no_wrap=True, overflow="ignore")
    header.append(t("diff_title"), "bold")
    header.append("\n" + visible(f"{t('diff_old')}: {c.old_case}"))
    header.append("\n" + visible(f"{t('diff_new')}: {c.new_case}"))
    parts: list[Any] = [header, _figures_table(c, t)]
    periods = _periods_table(c, t)
    if periods is not None:
        parts.append(periods)
    if c.walk.steps:
        parts += [_steps_list(c, t), _effects_table(c, t)]
    else:
        parts.append(_text(t("diff_no_changes")))
    parts.append(_text(t("diff_equal") if c.walk.equal else t("diff_differ"), "bold"))
    return Group(*[p for part in parts for p in (part, Text(""))][:-1])


def table(c: Comparison, t: Lang, width: int = 120) -> str:
    """The table as plain text (no colour), for files and tests."""
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, force_terminal=False).print(renderable(c, t), crop=False)
    return buffer.getvalue()


# --- JSON ---------------------------------------------------------------------------------


def figures_dict(f: Figures, costs: bool = False) -> dict[str, str]:
    """The figures (or their differences) as the JSON writes them: FTE-days a plain decimal, money with cents;
    ``eligible`` (S20) only when either version has a cost statement."""
    return {
        name: fmt_decimal(f.shortfall_fte_days) if name == "shortfall_fte_days" else fmt_plain(getattr(f, name))
        for name in shown(costs)
    }


def as_dict(c: Comparison) -> dict[str, Any]:
    """``convenant-diff/1``: both versions' figures, the steps (items, effect, figures after), the total difference."""
    w = c.walk

    def side(case: str, settled) -> dict[str, Any]:
        out: dict[str, Any] = {"case": case, "figures": figures_dict(settled.total, c.costs)}
        if len(settled.parts) > 1 or period_rows(c):
            out["periods"] = {pid: figures_dict(f, c.costs) for pid, f in settled.parts}
        return out

    steps = []
    for n, step in enumerate(w.steps, start=1):
        steps.append(
            {
                "step": n,
                "items": json_items(step.items, c.where),
                "merged": None if step.needs is None else {"because": step.needs},
                "effect": figures_dict(step.effect, c.costs),
                "after": figures_dict(step.after.total, c.costs),
            }
        )
    return {
        "schema": SCHEMA,
        "old": side(c.old_case, w.old),
        "new": side(c.new_case, w.new),
        "steps": steps,
        "total": figures_dict(w.total, c.costs),
        "equal": w.equal,
    }


def as_json(c: Comparison) -> str:
    return json.dumps(as_dict(c), indent=2, ensure_ascii=False) + "\n"


# --- Markdown -----------------------------------------------------------------------------


def markdown(c: Comparison, t: Lang) -> str:
    """A heading, the figures of both versions, the steps and the total difference, as Markdown tables."""
    columns = figure_columns(t, c.costs)
    out = [f"# {md(t('diff_title'))}", ""]
    out += [f"- {md(t('diff_old'))}: {md(c.old_case)}", f"- {md(t('diff_new'))}: {md(c.new_case)}", ""]
    out += [f"## {md(t('diff_figures'))}", ""]
    out += _md_table(["", *columns], [[t("diff_old"), *figure_cells(c.walk.old.total, t, costs=c.costs)],
                                      [t("diff_new"), *figure_cells(c.walk.new.total, t, costs=c.costs)]],
                     figures=len(columns))
    found = period_rows(c)
    if found:
        out += ["", f"## {md(t('diff_periods'))}", ""]
        body = [
            [pid, *figure_cells((new or Figures()) - (old or Figures()), t, signed=True, costs=c.costs)]
            for pid, old, new in found
        ]
        out += _md_table([t("col_period"), *columns], body, figures=len(columns))
    out += ["", f"## {md(t('diff_steps'))}", ""]
    if c.walk.steps:
        body = []
        for row in rows(c, t):
            parts = []
            for line in row.lines:
                text = f"**{md(line.change)}: {md(line.what)}** ({md(line.where)})"
                if line.details:
                    text += ": " + "; ".join(md(d) for d in line.details)
                parts.append(text)
            if row.merged:
                parts.append(f"*{md(row.merged)}*")
            effect = figure_cells(row.effect, t, signed=True, costs=c.costs)
            body.append([str(row.number), "<br>".join(parts), *effect])
        total = [f"**{cell}**" for cell in figure_cells(c.walk.total, t, signed=True, costs=c.costs)]
        body.append(["", f"**{md(t('diff_total'))}**", *total])
        out += _md_table([t("col_no"), t("diff_col_change"), *columns], body, escape=False, figures=len(columns))
    else:
        out.append(md(t("diff_no_changes")))
    out += ["", md(t("diff_equal") if c.walk.equal else t("diff_differ"))]
    return "\n".join(out) + "\n"


def _md_table(header: list[str], body: list[list[str]], escape: bool = True, figures: int = 5) -> list[str]:
    """A Markdown table: text columns left, figures right (every column after the second-last text one)."""
    cells = (lambda row: [md(x) for x in row]) if escape else (lambda row: row)
    figures_from = len(header) - figures
    align = ["---" if i < figures_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(md(h) for h in header) + " |", "| " + " | ".join(align) + " |"]
    for row in body:
        lines.append("| " + " | ".join(cells(row)) + " |")
    return lines
