"""The terminal view a finance officer reads at a glance (rich)."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..money import fmt_decimal, fmt_en, round_half_up
from ..settlement import Settlement


def _pct(share) -> str:
    return f"{fmt_decimal(share * 100)} %"


def settlement_table(s: Settlement) -> Table:
    """The settlement lines, which add up to the subsidy and the balance."""
    c = s.convenant
    d = s.deduction
    r = s.results
    table = Table(title="Settlement", title_justify="left", show_header=False, box=None, pad_edge=False)
    table.add_column("line")
    table.add_column("amount", justify="right")
    table.add_row(f"Maximum subsidy (Art. 1), {fmt_decimal(c.consultants_fte)} FTE", fmt_en(s.max_subsidy))
    table.add_row(f"Effort funding: {_pct(c.funding.effort_share)} of the maximum (Art. 2, S2)", fmt_en(s.effort_pool))
    if r.below_cutoff:
        why = f"{r.met}/{r.total} met is below the cutoff {_pct(r.cutoff)}: nothing paid"
    else:
        why = f"{r.met}/{r.total} met × {fmt_en(s.result_pool)}"
    table.add_row(f"Result funding: {why} (Art. 2, S3)", fmt_en(r.payout))
    table.add_row(
        f"Deduction: {fmt_decimal(d.shortfall_fte_days)} FTE-days × {round_half_up(d.daily_rate, 6)} a day (Art. 5, S10)",
        f"−{fmt_en(d.amount)}",
    )
    if s.gross < 0:
        table.add_row("Floor at zero (S11)", fmt_en(-s.gross))
    table.add_row(Text("Subsidy (S11)", style="bold"), Text(fmt_en(s.subsidy), style="bold"))
    table.add_row(f"Paid in advances ({len(s.payments)})", f"−{fmt_en(s.paid)}")
    if s.balance > 0:
        label, style = "Balance: to pay", "bold green"
    elif s.balance < 0:
        label, style = "Balance: to recover", "bold red"
    else:
        label, style = "Balance: settled", "bold"
    table.add_row(Text(f"{label} (S12)", style=style), Text(fmt_en(abs(s.balance)), style=style))
    return table


def results_table(s: Settlement) -> Table:
    table = Table(title="Result commitments (Art. 2, S3–S4)", title_justify="left")
    for name, justify in (("id", "left"), ("commitment", "left"), ("target", "right"), ("achieved", "right")):
        table.add_column(name, justify=justify)
    table.add_column("met")
    table.add_column("why")
    for c in s.results.commitments:
        table.add_row(
            c.id,
            c.title,
            fmt_decimal(c.target),
            "" if c.achieved is None else fmt_decimal(c.achieved),
            Text("yes", style="green") if c.met else Text("no", style="red"),
            c.reason,
        )
    return table


def absences_table(s: Settlement) -> Table:
    table = Table(
        title="Absences (Art. 5, S6–S8): days in the term, FTE-days replaced and short",
        title_justify="left",
    )
    numeric = ("#", "FTE", "days", "replaced", "short")
    for name in ("#", "consultant", "kind", "from", "to", "FTE", "days", "guaranteed wage", "replaced", "short"):
        table.add_column(name, justify="right" if name in numeric else "left", no_wrap=name in ("from", "to", "kind"))
    for a in s.absences:
        if a.window is None:
            gw = "—"
        else:
            gw = f"{a.covered_days_in_term} d"
            if a.window.is_relapse:
                gw += f" (relapse of #{a.window.relapse_of + 1}, {a.window.left_at_start} d left)"
        table.add_row(
            str(a.index + 1),
            a.consultant,
            a.kind.value,
            a.first.isoformat(),
            a.last.isoformat(),
            fmt_decimal(a.fte),
            str(a.days_in_term),
            gw,
            fmt_decimal(a.replaced_fte_days),
            fmt_decimal(a.short_fte_days),
        )
    return table


def shortfall_table(s: Settlement) -> Table:
    st = s.staffing
    table = Table(title="FTE-days short (S9)", title_justify="left", show_header=False, box=None)
    table.add_column("what")
    table.add_column("FTE-days", justify="right")
    table.add_row("Vacancy: funded FTE not employed", fmt_decimal(st.vacancy_fte_days))
    table.add_row("Absences: uncovered and unreplaced", fmt_decimal(st.absence_fte_days))
    if st.absorbed_fte_days:
        table.add_row("Absorbed: absent while more than the funded FTE was employed", f"−{fmt_decimal(st.absorbed_fte_days)}")
    table.add_row(Text("Short", style="bold"), Text(fmt_decimal(st.fte_days), style="bold"))
    return table


def renderable(s: Settlement) -> Group:
    c = s.convenant
    header = Text.assemble(
        (c.title, "bold"), f" ({c.id})\n", f"Term {c.term.start} … {c.term.end}, {s.term_days} days"
    )
    parts = [header, settlement_table(s), results_table(s), shortfall_table(s)]
    if s.absences:
        parts.append(absences_table(s))
    return Group(*[p for part in parts for p in (part, Text(""))][:-1])


def render(s: Settlement, width: int = 120) -> str:
    """The table as plain text (no colour), for tests and files."""
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, force_terminal=False).print(renderable(s))
    return buffer.getvalue()
