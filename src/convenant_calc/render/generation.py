"""The overview of a generation (S18) as a terminal table, JSON, CSV and HTML.

Every renderer lays out the same :class:`~convenant_calc.views.generation.Generation`:
one row per agreement in the order the cases were settled, the cases that failed,
and the totals (sums of the rounded rows). The xlsx workbook is
:mod:`convenant_calc.render.generation_xlsx`.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from convenant_calc.core.money import fmt_decimal, fmt_en, fmt_plain
from convenant_calc.render.csv_dialects import Dialect, Number, number, write
from convenant_calc.views.generation import MONEY, Failure, Generation, Row, Totals

if TYPE_CHECKING:
    from rich.table import Table

SCHEMA = "convenant-generation/1"

#: The columns of the overview (table, CSV, xlsx, HTML), after the case and the agreement.
HEADINGS = {
    "max_subsidy": "max",
    "effort_pool": "effort",
    "payout": "payout",
    "deduction": "deduction",
    "subsidy": "subsidy",
    "paid": "paid",
    "balance": "balance",
}


def _id(r: Row) -> str:
    """The agreement's id, and its number of periods (S14) and of funding lines (S19) when more than one."""
    counts = [f"{n} {what}" for n, what in ((r.periods, "periods"), (r.lines, "lines")) if n > 1]
    return f"{r.id} ({', '.join(counts)})" if counts else r.id


def _lines(r: Row) -> dict[str, int]:
    """S19: ``{"lines": n}`` for an agreement with addenda; nothing for one of one line (its row as before)."""
    return {"lines": r.lines} if r.lines > 1 else {}


def _costs(r: Row) -> str:
    """S20: whether the agreement has a cost statement (its subsidy capped), else its figures are ceilings."""
    return "yes" if r.costs else "no"


def _errors(f: Failure) -> str:
    n = len(f.errors)
    return f"{n} error{'s' if n != 1 else ''}"


# --- JSON --------------------------------------------------------------------------------


def _figures(x: Row | Totals) -> dict[str, Any]:
    out: dict[str, Any] = {name: fmt_plain(getattr(x, name)) for name in MONEY}
    out["shortfall_fte_days"] = fmt_decimal(x.shortfall_fte_days)
    out["results"] = {"achieved": x.achieved, "total": x.total}
    return out


def generation_dict(g: Generation) -> dict[str, Any]:
    """``convenant-generation/1``: the agreements, the failed cases with their problems, the totals."""
    t = g.totals
    return {
        "schema": SCHEMA,
        "agreements": [
            {
                "case": r.case, "convenant": r.id, "title": r.title, **_figures(r), "periods": r.periods, **_lines(r),
                "costs": r.costs,  # S20: a cost statement capped the subsidy; false: the figures are ceilings
            }
            for r in g.rows
        ],
        "failed": [
            {"case": f.case, "errors": [str(p) for p in f.errors], "warnings": [str(p) for p in f.problems if p.warning]}
            for f in g.failures
        ],
        "total": {"agreements": t.agreements, "failed": t.failed, **_figures(t), "costs": t.costs},
    }


def render_json(g: Generation) -> str:
    return json.dumps(generation_dict(g), indent=2, ensure_ascii=False) + "\n"


# --- CSV ---------------------------------------------------------------------------------

CSV_HEADER = (
    ["case", "convenant", "title", "status"]
    + list(MONEY)
    + ["shortfall_fte_days", "results_achieved", "results_total", "errors", "periods"]
)


def render_csv(g: Generation, dialect: Dialect = Dialect.rfc4180) -> str:
    """One line per case (status ``settled`` or ``failed``), then the ``total`` line (sums of the lines above).

    ``periods``: the agreement's settlement periods (S14), whose figures its line adds up. ``lines``
    (S19): its funding lines, a column present when an agreement of the generation has addenda. ``costs``
    (S20, last): ``yes`` when the agreement has a cost statement (its subsidy capped), ``no`` when its figures
    are ceilings; on the total line, how many have one."""
    with_lines = any(r.lines > 1 for r in g.rows)

    def figures(x: Row | Totals) -> list[str]:
        return (
            [number(fmt_plain(m), dialect) for m in x.money()]
            + [number(fmt_decimal(x.shortfall_fte_days), dialect), Number(x.achieved), Number(x.total)]
        )

    rows: list[list[str]] = []
    for e in g.entries:
        if isinstance(e, Row):
            settled = [e.case, e.id, e.title, "settled", *figures(e), "", Number(e.periods)]
            rows.append(settled + [Number(e.lines)] * with_lines + [_costs(e)])
        else:
            rows.append(
                [e.case, "", "", "failed"] + [""] * (len(MONEY) + 3) + [Number(len(e.errors)), ""] + [""] * with_lines
                + [""]
            )
    t = g.totals
    periods = Number(sum(r.periods for r in g.rows))
    lines = [Number(sum(r.lines for r in g.rows))] * with_lines
    summary = f"{t.agreements} agreements, {t.failed} failed"
    rows.append(["", "", summary, "total", *figures(t), Number(t.failed), periods, *lines, Number(t.costs)])
    return write(CSV_HEADER + ["lines"] * with_lines + ["costs"], rows, dialect)


# --- terminal table ------------------------------------------------------------------------


TITLE_MIN = 20


def table(g: Generation, width: int | None = None) -> Table:
    """The overview as a rich table. Figures are never cut: when ``width`` is too narrow for every
    column, the title column is left out (it is in every other format) before any figure would be."""
    from rich import box
    from rich.table import Table

    from convenant_calc.render.terminal import cell

    t = g.totals
    caption = f"{t.agreements} agreement{'s' if t.agreements != 1 else ''} settled"
    if t.failed:
        caption += f", {t.failed} failed (their errors are on stderr)"
    cells = [
        (
            e.case,
            _id(e),
            *(fmt_en(m) for m in e.money()),
            fmt_decimal(e.shortfall_fte_days),
            f"{e.achieved}/{e.total}",
            _costs(e),
        )
        for e in g.rows
    ]
    footer = (
        "total", "", *(fmt_en(m) for m in t.money()), fmt_decimal(t.shortfall_fte_days), f"{t.achieved}/{t.total}",
        f"{t.costs}/{t.agreements}",
    )
    headings = ("case", "id", *HEADINGS.values(), "FTE-days\nshort", "results", "costs")
    failed = [(f.case, "not settled", _errors(f)) for f in g.failures]
    widths = [
        max(len(line) for x in column for line in x.split("\n"))
        for column in zip(headings, footer, *cells, *(row + ("",) * (len(headings) - 3) for row in failed), strict=True)
    ]
    # Between two columns: a space of padding on each side and the box's divider; the title wants TITLE_MIN.
    with_title = width is None or sum(widths) + 3 * len(widths) + TITLE_MIN <= width
    if not with_title:
        caption += " (titles left out to fit the terminal: see --format json, csv, xlsx or html)"
    out = Table(
        title="Generation overview (S18)",
        title_justify="left",
        caption=caption,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_footer=True,
        pad_edge=False,
    )
    out.add_column("case", footer="total", no_wrap=True)
    out.add_column("id", footer="", no_wrap=True)
    if with_title:
        out.add_column("title", footer="", ratio=1, min_width=TITLE_MIN, overflow="fold")
    for k, heading in enumerate(headings[2:], start=2):
        out.add_column(heading, footer=footer[k], justify="right", no_wrap=True)
    for e in g.entries:
        if isinstance(e, Row):
            row = [cell(x) for x in cells.pop(0)]
            if with_title:
                row.insert(2, cell(e.title))
            out.add_row(*row)
        else:  # the words in the id column, the count in the title's (or the first figure's) column
            out.add_row(cell(e.case, "red"), cell("not settled", "bold red"), cell(_errors(e), "red"))
    return out


def table_width(g: Generation) -> int:
    """The width the table needs without its title column (a terminal narrower than this wraps lines)."""
    from rich.console import Console

    console = Console(file=io.StringIO(), width=1000, color_system=None)
    return console.measure(table(g, width=1)).maximum


def render_table(g: Generation, width: int = 160) -> str:
    """The table as plain text (no colour), for files and tests."""
    from rich.console import Console, Group

    buffer = io.StringIO()
    needed = max(width, table_width(g))
    Console(file=buffer, width=needed, color_system=None, force_terminal=False).print(Group(table(g, width)))
    return buffer.getvalue()


# --- HTML ----------------------------------------------------------------------------------


def render_html(g: Generation, links: Mapping[str, str] | None = None, title: str = "Generation overview") -> str:
    """A standalone HTML page: the overview, each agreement linking to its report (``links``: case → href)."""
    links = links or {}
    rows = []
    for e in g.entries:
        if isinstance(e, Row):
            rows.append(
                {
                    "failed": False,
                    "case": e.case,
                    "id": _id(e),
                    "title": e.title,
                    "href": links.get(e.case),
                    "money": [fmt_en(m) for m in e.money()],
                    "short": fmt_decimal(e.shortfall_fte_days),
                    "results": f"{e.achieved}/{e.total}",
                    "costs": _costs(e),
                }
            )
        else:
            rows.append({"failed": True, "case": e.case, "errors": [str(p) for p in e.errors]})
    t = g.totals
    totals = {
        "money": [fmt_en(m) for m in t.money()],
        "short": fmt_decimal(t.shortfall_fte_days),
        "results": f"{t.achieved}/{t.total}",
        "costs": f"{t.costs}/{t.agreements}",
        "agreements": t.agreements,
        "failed": t.failed,
    }
    from convenant_calc.render.report import environment

    return environment(True).get_template("generation.html.j2").render(
        title=title, headings=list(HEADINGS.values()), rows=rows, totals=totals
    )
