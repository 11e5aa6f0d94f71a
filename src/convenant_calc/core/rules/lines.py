"""S19: the agreement and its addenda as funding lines, and who works for which line.

SPEC Part III, §3 Strategie of the reference agreement: "De middelen uit het sectorconvenant
(4 VTE x 53.000 euro op jaarbasis) en een deel van het addendum duaal leren worden uitsluitend
aangewend voor de tewerkstelling van de sectorconsulenten."

S19: "The agreement's own budget is the **main line** (its id is the agreement's id); each
addendum is one more **funding line**". Each line of each period is settled on its own by
S2–S12 (:mod:`convenant_calc.core.settlement`); this module gives each line's budget in a period
(:func:`budgets`) and the part of the staffing that works for a line (:func:`line_factor`,
:func:`line_outcome`). A case without addenda has one line, the main line, whose budget is the
agreement's own: it settles exactly as before.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.records import record
from convenant_calc.core.models import Amendment, Funding, ResultCommitment, Staffing
from convenant_calc.core.rules.absences import AbsenceOutcome
from convenant_calc.core.rules.periods import Period, consultant_funding
from convenant_calc.core.spans import Span


@record
class Budget:
    """One funding line's budget in one period (S19): what S2–S12 settle that line on.

    For the main line, the agreement's own terms in the period (``consultant_funding`` is its
    maximum, as in S10); for an addendum, the addendum's as continued in the period.
    """

    period: str  # the period's id (S14)
    line: str  # the line's id: the agreement's id for the main line, else the addendum's
    title: str
    main: bool
    max_subsidy: Decimal
    consultants_fte: Decimal  # the FTE of consultants this line funds (0: a line of projects only)
    consultant_funding: Decimal  # the part of max_subsidy that funds them (S10: the daily rate's base)
    funding: Funding
    result_commitments: tuple[ResultCommitment, ...]
    amendments: tuple[Amendment, ...]  # S14: the extension that made the period and the changes to this line
    reference: str | None = None

    @property
    def funds_consultants(self) -> bool:
        """S19: "``shortfall_L(d)`` [...] only for lines with ``consultants_fte > 0``"."""
        return self.consultants_fte > 0


def budgets(period: Period) -> tuple[Budget, ...]:
    """S19 — the lines with a budget in ``period``: the main line first, then the addenda as listed.

    Art. 4: "De middelen uit het sectorconvenant (4 VTE x 53.000 euro op jaarbasis) en een deel van het
    addendum duaal leren worden uitsluitend aangewend voor de tewerkstelling van de sectorconsulenten."

    SPEC S19: "for the main line ``consultant_funding`` is its ``max_subsidy``, as in S10"; an
    addendum's ``funding`` defaults to the agreement's.
    """
    c = period.convenant

    def changes(line: str | None) -> tuple[Amendment, ...]:
        return tuple(a for a in period.changes if a.line == line or (line == c.id and a.line is None))

    extension = (period.extension,) if period.extension is not None else ()
    main = Budget(
        period=period.id,
        line=c.id,
        title=c.title,
        main=True,
        max_subsidy=c.max_subsidy,
        consultants_fte=c.consultants_fte,
        consultant_funding=c.max_subsidy,
        funding=c.funding,
        result_commitments=c.result_commitments,
        amendments=extension + changes(c.id),
    )
    return (main,) + tuple(
        Budget(
            period=period.id,
            line=a.id,
            title=a.title,
            main=False,
            max_subsidy=a.max_subsidy,
            consultants_fte=a.consultants_fte,
            consultant_funding=consultant_funding(a),
            funding=a.funding or c.funding,
            result_commitments=a.result_commitments,
            amendments=extension + changes(a.id),
            reference=a.reference,
        )
        for a in c.addenda
    )


_WHOLE, _NONE = Fraction(1), Fraction(0)  # made once: a Fraction costs a microsecond (issue 23)


def line_factor(staffing: Staffing, consultant_id: str, budget: Budget) -> Fraction:
    """S19 — the part of a consultant's absences (and replacements) that counts in a line.

    Art. 4: "De middelen uit het sectorconvenant (4 VTE x 53.000 euro op jaarbasis) en een deel van het
    addendum duaal leren worden uitsluitend aangewend voor de tewerkstelling van de sectorconsulenten."

    SPEC S19: "An absence of FTE ``a`` of a consultant with FTE ``f`` takes ``a × share_L / f`` off
    duty in line L (in proportion to the consultant's assignment); a replacement puts back its FTE
    in the same proportion. [...] Without a ``consultants`` list every line is taken as fully
    staffed (S5) and every absence is counted in the main line." A consultant without ``lines``
    works for the main line only.
    """
    consultant = staffing.consultant(consultant_id)
    if consultant is None:  # no consultants list (S5): every absence counts in the main line
        return _WHOLE if budget.main else _NONE
    if not consultant.lines:  # the main line only: share / fte is fte / fte or 0 / fte (fte > 0), as below
        return _WHOLE if budget.main else _NONE
    return Fraction(consultant.share(budget.line, budget.main)) / Fraction(consultant.fte)


def exact_decimal(value: Fraction) -> Decimal:
    """An FTE figure as the exact decimal it is (S1, S9: FTE-days are exact decimals).

    :mod:`convenant_calc.io.checks` refuses the input whose proportion has no finite decimal,
    so this never raises for a case that passed the checks.
    """
    numerator, denominator = value.numerator, value.denominator
    rest = denominator
    for p in (2, 5):
        while rest % p == 0:
            rest //= p
    if rest != 1:
        raise ArithmeticError(f"{value} FTE has no exact decimal (S1)")
    return Decimal(numerator) / Decimal(denominator)


def line_outcome(outcome: AbsenceOutcome, factor: Fraction) -> AbsenceOutcome:
    """S19 — an absence as it counts in a line: its FTE, replaced and off-duty spans times ``factor``.

    Coverage (S6, S7) is decided per absence and holds in every line, so the covered days
    and the window are the absence's own. A factor of 1 (the consultant works for this line
    only) leaves the outcome as it is.
    """
    if factor == 1:
        return outcome

    def scaled(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(Span(s.first, s.last, exact_decimal(Fraction(s.value) * factor)) for s in spans)

    return replace(
        outcome,
        fte=exact_decimal(Fraction(outcome.fte) * factor),
        replaced=scaled(outcome.replaced),
        off_duty=scaled(outcome.off_duty),
        share=factor,
    )
