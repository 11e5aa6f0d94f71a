"""The report of a settlement and of an agreement, put together from the builders of the package's modules.

Kept out of the package's ``__init__`` so that a path needing one builder (the terminal table needs the
summary lines) does not import every section (start-up time, issue 23).
"""

from __future__ import annotations

from collections.abc import Sequence

from convenant_calc import __version__
from convenant_calc.core.interim import Interim, Positions
from convenant_calc.io.versions import dependencies_line
from convenant_calc.core.models import Staffing
from convenant_calc.core.reading_costs import ReadingCost
from convenant_calc.core.settlement import AgreementSettlement, Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.absences import absence_rows, absence_totals
from convenant_calc.views.report.amendments import amendment_rows, overview_rows, total_row
from convenant_calc.views.report.articles import cited_rules, merged_rules
from convenant_calc.views.report.commitments import commitment_rows
from convenant_calc.views.report.costs import cost_section
from convenant_calc.views.report.interim import interim_section
from convenant_calc.views.report.model import AgreementReport, InputFile, Overview, Report
from convenant_calc.views.report.months import month_rows, months_note
from convenant_calc.views.report.payments import payment_rows
from convenant_calc.views.report.readings import applied_note, reading_rows
from convenant_calc.views.report.steps import steps
from convenant_calc.views.report.summary import ceilings_note, summary_lines
from convenant_calc.views.report.timeline import build_timeline


def build_part(
    s: Settlement,
    staffing: Staffing,
    inputs: tuple[InputFile, ...],
    lang: Lang,
    case: str = "",
    stamp: str | None = None,
    interim: Interim | None = None,
    costs: Sequence[ReadingCost] | None = None,
) -> Report:
    """The report of one settlement (a period and a line), in one language; the same arguments give the same report.

    ``costs`` (S17, ``settle --readings``) adds the section of alternative readings;
    ``interim`` (S16, ``settle --as-of``) the interim position.
    """
    t = lang
    c = s.convenant
    rows, totals = month_rows(s, t)
    anchor = "-".join(f"{name}-{value}" for name, value in (("period", s.period), ("line", s.line)) if value)
    chain = steps(s, staffing, t)
    return Report(
        lang=t.code,
        labels=t.labels(),
        agreement_id=c.id,
        agreement_title=c.title,
        source=c.source or "",
        term_start=t.date(c.term.start),
        term_end=t.date(c.term.end),
        term_days=s.term_days,
        version=f"{__version__} ({dependencies_line()})",
        case=case,
        stamp=stamp,
        inputs=tuple(
            (t(f"role_{f.role}"), f"{f.name} ({t('bundled')})" if f.bundled else f.name, f.sha256) for f in inputs
        ),
        summary=summary_lines(s, t),
        ceilings_note=ceilings_note(s, t),
        costs=cost_section(s, t),
        steps=chain,
        commitments=commitment_rows(s, t),
        absences=absence_rows(s, staffing, t),
        absence_totals=absence_totals(s, t),
        months=rows,
        month_totals=totals,
        months_note=months_note(s, t),
        payments=payment_rows(s, t),
        paid=t.money(s.paid),
        timeline=build_timeline(s, staffing, t),
        period=s.period or "",
        line=s.line or "",
        line_title=s.budget.title if s.line else "",
        anchor=anchor,
        amendments=amendment_rows(s, t),
        interim=interim_section(interim, t) if interim is not None else None,
        readings_note=applied_note(s, t),
        readings=reading_rows(costs, t) if costs is not None else (),
        rules=cited_rules(s, (link for step in chain for link in step.rules), t),
    )


def build(
    a: AgreementSettlement,
    staffing: Staffing,
    inputs: tuple[InputFile, ...],
    lang: Lang,
    case: str = "",
    stamp: str | None = None,
    positions: Positions | None = None,
    costs: Sequence[ReadingCost] | None = None,
) -> AgreementReport:
    """The report of an agreement: each settlement's (as :func:`build_part` makes it) and, when it has more
    than one (S14, S19), the overview of its periods and lines with the totals, what each reading costs
    the agreement's total (S17) and the interim position of all its lines (S16)."""
    only = a.only
    interims = positions.parts if positions is not None else (None,) * len(a.settlements)
    parts = tuple(
        build_part(s, staffing, inputs, lang, case=case, stamp=stamp, interim=i, costs=costs if only else None)
        for s, i in zip(a.settlements, interims, strict=True)
    )
    readings = reading_rows(costs, lang) if costs is not None and only is None else ()
    return AgreementReport(
        lang.code,
        lang.labels(),
        a.convenant.id,
        a.convenant.title,
        parts,
        None if only is not None else overview(a, lang, positions),
        readings,
        merged_rules(*(r.rules for r in parts)),
    )


def overview(a: AgreementSettlement, t: Lang, positions: Positions | None = None) -> Overview:
    """S14, S19: the rows of the settlements and the totals; by line and by period when there are both."""
    rows, total = overview_rows(a, t)
    both = len(a.dimensions) == 2
    return Overview(
        rows=rows,
        total=total,
        lines="line" in a.dimensions,
        by_line=tuple(total_row(x, t, x.key, x.title) for x in a.by_line) if both else (),
        by_period=tuple(total_row(x, t, x.key) for x in a.by_period) if both else (),
        interim=interim_section(positions.total, t) if positions is not None else None,
    )
