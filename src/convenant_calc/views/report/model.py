"""The report's data: plain, frozen values with every text already written in the report's language.

Nothing here computes: the builders (``steps``, ``summary``, the tables, ``timeline``) fill
these from a settlement, and the templates (``render/report.py``) and the picture
(``render/svg.py``) lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from convenant_calc.views.report.line import Line  # noqa: F401 - one of the report's values, kept apart for the table


@dataclass(frozen=True)
class InputFile:
    """One file the settlement was read from, with its SHA-256 so the report can be tied to it."""

    role: str
    name: str
    sha256: str
    bundled: bool


@dataclass(frozen=True)
class Quote:
    article: str
    text: str


@dataclass(frozen=True)
class RuleLink:
    """A rule a step applies, and its place in the report's appendix of rules (``#s7``)."""

    id: str
    href: str


@dataclass(frozen=True)
class RuleText:
    """A rule as the rulebook states it (``docs/rules.md``), for the report's appendix (issue 22).

    ``quotes`` are the agreement's own sentences; when there are none, ``unquoted`` says why.
    """

    id: str
    anchor: str  # "s7"
    title: str
    article: str  # "" for a rule of the tool rather than of the agreement
    quotes: tuple[Quote, ...]
    unquoted: str
    reading: str
    example: str


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    title: str
    formula: str
    figures: str
    result: str
    article: str
    rule: str
    quotes: tuple[Quote, ...]
    rules: tuple[RuleLink, ...] = ()


@dataclass(frozen=True)
class CommitmentRow:
    id: str
    title: str
    unit: str
    target: str
    achieved: str
    met: bool
    met_text: str
    how: str


@dataclass(frozen=True)
class AbsenceRow:
    number: int
    consultant: str
    kind: str
    first: str
    last: str
    fte: str
    days_in_term: int
    guaranteed_wage_days: str
    window: str
    replaced: str
    short: str


@dataclass(frozen=True)
class MonthRow:
    label: str
    days: int
    vacancy: str
    absent: str
    short: str
    cumulative_days: str
    cumulative: str
    deduction: str


@dataclass(frozen=True)
class CostRow:
    """S20: one cost of the statement as the report lists it; ``eligible`` is "yes" or "no: <reason>"."""

    date: str
    kind: str
    ref: str
    label: str  # its label, and its consultant when it names one
    amount: str
    eligible: str


@dataclass(frozen=True)
class CostSection:
    """S20: the cost statement of one line in one period: the sums by kind, the ceiling and the cap."""

    kinds: tuple[tuple[str, str, str], ...]  # (kind, eligible, ineligible)
    eligible: str
    ineligible: str
    ceiling: str
    cap: str  # the sentence saying whether the cap applied
    rows: tuple[CostRow, ...]


@dataclass(frozen=True)
class PaymentRow:
    date: str
    label: str
    amount: str


@dataclass(frozen=True)
class Bar:
    """A rectangle of the timeline: days [first, last], FTE from ``low`` to ``high`` within its row."""

    first: str  # ISO dates, so the model stays plain text
    last: str
    day_from: int  # offset of ``first`` from the term's start
    day_to: int  # offset of the day after ``last``
    low: Decimal  # FTE
    high: Decimal
    style: str  # employed | gw | off | replaced | vacancy | short
    kind: str  # AbsenceKind value for absence bars, "" otherwise
    title: str


@dataclass(frozen=True)
class TimelineRow:
    key: str  # consultant | assumed | vacancy | short
    id: str
    label: str
    title: str
    height: Decimal  # in FTE
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Tick:
    day: int
    month: str
    year: str  # "" unless the tick starts a year or the term


@dataclass(frozen=True)
class Timeline:
    days: int
    rows: tuple[TimelineRow, ...]
    ticks: tuple[Tick, ...]
    kinds: tuple[tuple[str, str], ...]  # (kind value, label) present in the picture
    legend: dict[str, str]
    title: str


@dataclass(frozen=True)
class InterimSection:
    """S16 "tussentijdse stand": its title, lines (figure per line) and the note on what it assumes."""

    title: str
    lines: tuple[Line, ...]
    note: str


@dataclass(frozen=True)
class AmendmentRow:
    """S14: an amendment as the report lists it: what it did, and where it comes from."""

    id: str
    kind: str
    decided: str
    reference: str
    what: str


@dataclass(frozen=True)
class ReadingRow:
    id: str
    article: str  # "Art. 5, S10"
    sentence: str  # the case's agreement's Dutch sentence, as its file quotes it; "" when it quotes none
    unquoted: str  # "" when quoted; else what to add to the agreement file (S17), in the chosen language
    default_en: str
    default_nl: str
    alternative_en: str
    alternative_nl: str
    alternative: str  # the alternative reading in the chosen language
    applies: bool
    in_force: bool
    subsidy: str
    difference: str  # signed: +54.20, −2.39, 0.00
    status: str  # "", "not applicable: …" or "in force …"
    lines: tuple[tuple[str, str, str], ...] = ()  # S19: (line, subsidy, difference) of each line
    ceiling: str = ""  # S20: "" without a cost statement; else the subsidy before the cap, in words


@dataclass(frozen=True)
class Report:
    lang: str
    labels: dict[str, str]
    agreement_id: str
    agreement_title: str
    source: str
    term_start: str
    term_end: str
    term_days: int
    version: str
    case: str
    stamp: str | None
    inputs: tuple[tuple[str, str, str], ...]  # (role label, file, sha256)
    summary: tuple[Line, ...]
    steps: tuple[Step, ...]
    commitments: tuple[CommitmentRow, ...]
    absences: tuple[AbsenceRow, ...]
    absence_totals: tuple[str, str]  # FTE-days replaced, short
    months: tuple[MonthRow, ...]
    month_totals: MonthRow
    months_note: str
    payments: tuple[PaymentRow, ...]
    paid: str
    timeline: Timeline
    period: str = ""  # S14: the period's id when the agreement has more than one
    line: str = ""  # S19: the line's id when the agreement has more than one
    line_title: str = ""  # S19: the line's title (with ``line``)
    anchor: str = ""  # the id of its section in an agreement's HTML report ("period-ID", "line-ID", both)
    amendments: tuple[AmendmentRow, ...] = ()  # S14: the extension that made this period and the changes to it
    interim: InterimSection | None = None  # S16, settle --as-of
    readings_note: str = ""  # S17: set when settled under alternative readings
    readings: tuple[ReadingRow, ...] = ()  # S17: settle --readings
    rules: tuple[RuleText, ...] = ()  # the appendix: every rule the steps apply, in the rulebook's order
    ceilings_note: str = ""  # S20: without a cost statement, the figures are ceilings
    costs: CostSection | None = None  # S20: the cost statement of this line and period; None without costs.yaml


@dataclass(frozen=True)
class PeriodRow:
    """S14, S19: one settlement (a period, a line, or both) in the overview of an agreement, or a total."""

    id: str
    term: str
    days: int
    max_subsidy: str
    subsidy: str
    paid: str
    balance: str
    line: str = ""  # S19: the line's id, in an overview of lines
    title: str = ""  # S19: the line's title


@dataclass(frozen=True)
class Overview:
    """S14, S19: the settlements of an agreement of more than one, and their totals.

    ``lines``: the overview has a line column (the agreement has more than one line);
    ``by_line`` and ``by_period`` are the subtotals when it has more than one of both.
    """

    rows: tuple[PeriodRow, ...]
    total: PeriodRow
    lines: bool = False
    by_line: tuple[PeriodRow, ...] = ()
    by_period: tuple[PeriodRow, ...] = ()
    interim: InterimSection | None = None  # S16: the interim position of all lines together


@dataclass(frozen=True)
class AgreementReport:
    """S14, S19: the report of an agreement: each settlement's own report, and the overview with the totals.

    ``overview`` is None for an agreement of one settlement, whose report is that settlement's.
    """

    lang: str
    labels: dict[str, str]
    agreement_id: str
    agreement_title: str
    parts: tuple[Report, ...]
    overview: Overview | None = None
    readings: tuple[ReadingRow, ...] = ()  # S17: settle --readings, on the agreement's total
    rules: tuple[RuleText, ...] = ()  # the appendix, once for every period: the rules any period applies

    @property
    def total(self) -> PeriodRow | None:
        return self.overview.total if self.overview is not None else None
