"""The report model: the settlement as an auditor redoes it, as plain data.

:func:`build` is a pure function of a :class:`~convenant_calc.core.settlement.Settlement`,
the case's staffing file and the input files' hashes. It returns a
:class:`Report` — strings already written in the chosen language — which the
Markdown and the HTML templates lay out (``render/report.py``); neither template
computes anything. Every figure is taken from the settlement or derived from it
by :mod:`convenant_calc.views.ledger`; the report never applies a rule itself.

One module per part of the report:

- ``model``: the frozen data (Report, Step, Line, the table rows, the timeline's Bar/TimelineRow/Tick/Timeline);
- ``inputs``: the input files and their SHA-256 (the only I/O);
- ``articles``: each step's article and the agreement's quoted sentence, and the appendix of the rules applied;
- ``summary``: the settlement lines adding up to subsidy and balance;
- ``steps``: the numbered steps, one builder each, in the list ``STEPS``;
- ``commitments``, ``absences``, ``months``, ``payments``: the tables;
- ``timeline``: the picture's rows and bars;
- ``interim``: the interim position of ``settle --as-of`` (S16);
- ``amendments``: S14, the amendments of a period and the overview of the periods;
- ``readings``: the alternative readings of the agreement and what each costs (S17).

A new section is a builder module and a field of :class:`Report` filled in :func:`build`.
"""

from __future__ import annotations

from collections.abc import Sequence

from convenant_calc import __version__
from convenant_calc.core.interim import Interim
from convenant_calc.io.versions import dependencies_line
from convenant_calc.core.models import Staffing
from convenant_calc.core.reading_costs import ReadingCost
from convenant_calc.core.settlement import AgreementSettlement, Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.absences import absence_rows, absence_totals, shown_absences
from convenant_calc.views.report.amendments import amendment_rows, period_rows
from convenant_calc.views.report.articles import cited_rules, merged_rules
from convenant_calc.views.report.commitments import commitment_rows
from convenant_calc.views.report.inputs import ROLES, input_files
from convenant_calc.views.report.interim import interim_section
from convenant_calc.views.report.model import (
    AbsenceRow,
    AgreementReport,
    AmendmentRow,
    Bar,
    CommitmentRow,
    InputFile,
    Line,
    MonthRow,
    PaymentRow,
    Quote,
    Report,
    Step,
    Tick,
    Timeline,
    TimelineRow,
)
from convenant_calc.views.report.months import month_rows, months_note
from convenant_calc.views.report.payments import payment_rows
from convenant_calc.views.report.readings import applied_note, reading_rows
from convenant_calc.views.report.steps import STEPS, steps
from convenant_calc.views.report.summary import balance_word, reason, summary_lines
from convenant_calc.views.report.timeline import build_timeline

__all__ = [
    "ROLES",
    "STEPS",
    "AbsenceRow",
    "AgreementReport",
    "AmendmentRow",
    "Bar",
    "CommitmentRow",
    "InputFile",
    "Line",
    "MonthRow",
    "PaymentRow",
    "Quote",
    "Report",
    "Step",
    "Tick",
    "Timeline",
    "TimelineRow",
    "balance_word",
    "build",
    "build_agreement",
    "build_timeline",
    "input_files",
    "reason",
    "shown_absences",
    "steps",
    "summary_lines",
]


def build(
    s: Settlement,
    staffing: Staffing,
    inputs: tuple[InputFile, ...],
    lang: Lang,
    case: str = "",
    stamp: str | None = None,
    interim: Interim | None = None,
    costs: Sequence[ReadingCost] | None = None,
) -> Report:
    """The report of a settlement, in one language; the same arguments give the same report.

    ``costs`` (S17, ``settle --readings``) adds the section of alternative readings;
    ``interim`` (S16, ``settle --as-of``) the interim position.
    """
    t = lang
    c = s.convenant
    rows, totals = month_rows(s, t)
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
        amendments=amendment_rows(s, t),
        interim=interim_section(interim, t) if interim is not None else None,
        readings_note=applied_note(s, t),
        readings=reading_rows(costs, t) if costs is not None else (),
        rules=cited_rules(s, (link for step in chain for link in step.rules), t),
    )


def build_agreement(
    a: AgreementSettlement,
    staffing: Staffing,
    inputs: tuple[InputFile, ...],
    lang: Lang,
    case: str = "",
    stamp: str | None = None,
    costs: Sequence[ReadingCost] | None = None,
) -> AgreementReport:
    """S14: the report of every period (each as :func:`build` makes it), the overview and the totals
    (S17: and what each reading costs the agreement's total)."""
    reports = tuple(build(s, staffing, inputs, lang, case=case, stamp=stamp) for s in a.periods)
    overview, total = period_rows(a, lang)
    rows = reading_rows(costs, lang) if costs is not None else ()
    return AgreementReport(
        lang.code,
        lang.labels(),
        a.convenant.id,
        a.convenant.title,
        reports,
        overview,
        total,
        rows,
        merged_rules(*(r.rules for r in reports)),
    )
