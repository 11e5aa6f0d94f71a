"""The report model: the settlement as an auditor redoes it, as plain data.

:func:`build` is a pure function of an :class:`~convenant_calc.core.settlement.AgreementSettlement`,
the case's staffing file and the input files' hashes. It returns an :class:`AgreementReport`: a
:class:`Report` per settlement (:func:`build_part`) and, for more than one, the overview of the
periods and lines with their totals — strings already written in the chosen language — which the
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
- ``costs``: the cost statement of a line and period (S20);
- ``interim``: the interim position of ``settle --as-of`` (S16);
- ``amendments``: S14, the amendments of a period and the overview of the periods;
- ``readings``: the alternative readings of the agreement and what each costs (S17).

A new section is a builder module and a field of :class:`Report` filled in :func:`build_part`
(``assemble``, which puts the parts together).

This ``__init__`` imports none of them until a name is asked for (PEP 562's module ``__getattr__``):
importing one builder, as the terminal table does (``summary``, ``absences``), runs this file first,
and it would otherwise import every section and every row's dataclass (start-up time, issue 23).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the names below are, for readers and type checkers; imported on first use
    from convenant_calc.views.report.absences import shown_absences
    from convenant_calc.views.report.assemble import build, build_part, overview
    from convenant_calc.views.report.inputs import ROLES, input_files
    from convenant_calc.views.report.line import Line
    from convenant_calc.views.report.model import (
        AbsenceRow,
        AgreementReport,
        AmendmentRow,
        Bar,
        CommitmentRow,
        InputFile,
        MonthRow,
        PaymentRow,
        Quote,
        Report,
        Step,
        Tick,
        Timeline,
        TimelineRow,
    )
    from convenant_calc.views.report.steps import STEPS
    from convenant_calc.views.report.summary import balance_word, ceilings_note, reason, summary_lines
    from convenant_calc.views.report.timeline import build_timeline

_MODULE = {  # name -> the module of this package that defines it
    **dict.fromkeys(("build", "build_part", "overview"), "assemble"),
    **dict.fromkeys(("ROLES", "input_files"), "inputs"),
    **dict.fromkeys(
        (
            "AbsenceRow",
            "AgreementReport",
            "AmendmentRow",
            "Bar",
            "CommitmentRow",
            "InputFile",
            "MonthRow",
            "PaymentRow",
            "Quote",
            "Report",
            "Step",
            "Tick",
            "Timeline",
            "TimelineRow",
        ),
        "model",
    ),
    "STEPS": "steps",
    **dict.fromkeys(("balance_word", "ceilings_note", "reason", "summary_lines"), "summary"),
    "shown_absences": "absences",
    "Line": "line",
    "build_timeline": "timeline",
}

__all__ = sorted(_MODULE)  # the names this package gives, each imported on first use


def __getattr__(name: str) -> object:
    """The package's name ``name``, imported from its module on first use (PEP 562)."""
    module = _MODULE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # __import__ rather than importlib.import_module: the same import, and `python -X importtime` still
    # lists the module with its own time (it reports only imports that go through __import__)
    value = getattr(__import__(f"{__name__}.{module}", fromlist=(name,)), name)
    globals()[name] = value
    return value
