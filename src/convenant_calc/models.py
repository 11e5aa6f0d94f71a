"""Immutable models of the four input files (SPEC §3).

Frozen pydantic models; unknown keys are errors; numbers are exact Decimals
(the YAML layer never produces floats); dates are ISO ``YYYY-MM-DD`` strings
parsed here, so that an impossible date is reported at its position.
Checks that need more than one value of one file (a term that ends before it
starts, shares that do not add up to 1) live here as model validators; checks
across files live in :mod:`convenant_calc.checks`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

# --- value types ------------------------------------------------------------

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DUTCH = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+,\d+$")


def _iso_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO.match(value):
        raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a date in the calendar; check the day and month") from None


def _exact_number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {str(value).lower()}")
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip()
        if _DUTCH.match(text):
            plain = text.replace(".", "").replace(",", ".")
            raise ValueError(
                f"{text!r} is written the Dutch way; write numbers with a decimal point and "
                f"no thousands separator, e.g. {plain}"
            )
        raise ValueError(f"expected a number, got the text {value!r}; write it without quotes")
    raise ValueError(f"expected a number, got {type(value).__name__}")


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {value!r}")
    return value


def _money(value: Decimal) -> Decimal:
    if value <= 0:
        raise ValueError(f"an amount must be more than 0, got {value}")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(f"an amount has at most two decimals (cents), got {value}")
    return value


def _positive(value: Decimal) -> Decimal:
    if value <= 0:
        raise ValueError(f"must be more than 0, got {value}")
    return value


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError(f"must be 0 or more, got {value}")
    return value


def _fte(value: Decimal) -> Decimal:
    if not 0 < value <= 1:
        raise ValueError(f"a consultant's FTE lies in (0, 1], e.g. 1 or 0.8; got {value}")
    return value


def _share(value: Decimal) -> Decimal:
    if not 0 <= value <= 1:
        raise ValueError(f"must lie between 0 and 1, got {value}")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Number = Annotated[Decimal, BeforeValidator(_exact_number)]
Money = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_money)]
PositiveNumber = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_positive)]
NonNegative = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_non_negative)]
Fte = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_fte)]
Share = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_share)]
Days = Annotated[int, BeforeValidator(_whole), Field(ge=0)]
Id = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, str_strip_whitespace=True)


def days_between(first: date, last: date) -> int:
    """Number of calendar days of the inclusive range [first, last]."""
    return (last - first).days + 1


# --- convenant.yaml -----------------------------------------------------------


class Term(Model):
    """The looptijd: an inclusive range of calendar days."""

    start: IsoDate
    end: IsoDate

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        if self.end < self.start:
            raise ValueError(f"the term ends ({self.end}) before it starts ({self.start})")
        return self

    @property
    def days(self) -> int:
        return days_between(self.start, self.end)


class Funding(Model):
    """Art. 2: 70 % effort funding, 30 % result funding, nothing below half the results."""

    effort_share: Share = Decimal("0.70")
    result_share: Share = Decimal("0.30")
    result_cutoff: Share = Decimal("0.5")

    @model_validator(mode="after")
    def _adds_up(self) -> Funding:
        if self.effort_share + self.result_share != 1:
            raise ValueError(
                f"effort_share + result_share must be 1 (S2), got "
                f"{self.effort_share} + {self.result_share} = {self.effort_share + self.result_share}"
            )
        return self


class AbsenceRules(Model):
    """Art. 5: the guaranteed-wage window and the relapse rule (S7)."""

    guaranteed_wage_days: Days = 30
    relapse_days: Days = 14


class Reference(Model):
    """Where a parameter comes from in the agreement, with the Dutch sentence itself."""

    article: str
    quote: str = ""


class ResultCommitment(Model):
    id: Id
    title: str
    target: NonNegative
    unit: str | None = None
    reference: str | None = None


class Convenant(Model):
    id: Id
    title: str
    term: Term
    max_subsidy: Money
    consultants_fte: PositiveNumber
    funding: Funding = Funding()
    absence_rules: AbsenceRules = AbsenceRules()
    result_commitments: tuple[ResultCommitment, ...] = Field(min_length=1)
    references: dict[str, Reference] = Field(default_factory=dict)
    source: str | None = None

    @model_validator(mode="after")
    def _unique_commitments(self) -> Convenant:
        seen: set[str] = set()
        for c in self.result_commitments:
            if c.id in seen:
                raise ValueError(f"result commitment id {c.id!r} is used twice; give each commitment its own id")
            seen.add(c.id)
        return self


# --- absences.yaml ------------------------------------------------------------


class AbsenceKind(str, Enum):
    sickness = "sickness"
    accident = "accident"
    maternity_leave = "maternity_leave"
    time_credit = "time_credit"
    career_break = "career_break"
    parental_leave = "parental_leave"
    unpaid_leave = "unpaid_leave"

    @property
    def has_guaranteed_wage(self) -> bool:
        """S6: only sickness and accident are covered by the guaranteed wage."""
        return self in (AbsenceKind.sickness, AbsenceKind.accident)


def _ordered_range(first: date | None, last: date | None, what: str) -> None:
    if first is not None and last is not None and last < first:
        raise ValueError(f"{what} ends ({last}) before it starts ({first}); check the dates")


class Employed(Model):
    """S5: a missing bound is open."""

    from_: IsoDate | None = Field(default=None, alias="from")
    to: IsoDate | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Employed:
        _ordered_range(self.from_, self.to, "the employment")
        return self

    def holds(self, first: date, last: date) -> bool:
        return (self.from_ is None or self.from_ <= first) and (self.to is None or last <= self.to)


class Consultant(Model):
    id: Id
    name: str | None = None
    fte: Fte = Decimal(1)
    employed: Employed = Employed()


class Replacement(Model):
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    fte: Fte | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Replacement:
        _ordered_range(self.from_, self.to, "the replacement")
        return self


class Absence(Model):
    consultant: Id
    kind: AbsenceKind
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    fte: Fte | None = None
    new_cause: bool = False
    replacement: tuple[Replacement, ...] = ()

    @model_validator(mode="after")
    def _ordered(self) -> Absence:
        _ordered_range(self.from_, self.to, "the absence")
        return self

    @property
    def days(self) -> int:
        return days_between(self.from_, self.to)


class Staffing(Model):
    convenant: Id | None = None
    consultants: tuple[Consultant, ...] = ()
    absences: tuple[Absence, ...] = ()

    def consultant(self, consultant_id: str) -> Consultant | None:
        for c in self.consultants:
            if c.id == consultant_id:
                return c
        return None

    def absence_fte(self, absence: Absence) -> Decimal:
        """S6: an absence's FTE defaults to its consultant's FTE, or 1."""
        if absence.fte is not None:
            return absence.fte
        consultant = self.consultant(absence.consultant)
        return consultant.fte if consultant is not None else Decimal(1)


# --- results.yaml -------------------------------------------------------------


class Result(Model):
    commitment: Id
    achieved: NonNegative | None = None
    met: bool | None = None
    justification: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Result:
        if self.achieved is None and self.met is None:
            raise ValueError(
                f"result {self.commitment!r} has neither 'achieved' nor 'met'; "
                "report the achieved value, or an auditor's met: true|false with a justification"
            )
        if self.met is not None and not (self.justification or "").strip():
            raise ValueError(f"result {self.commitment!r} sets 'met' without a 'justification'; say why (S4)")
        return self


class Results(Model):
    convenant: Id | None = None
    results: tuple[Result, ...]


# --- payments.yaml ------------------------------------------------------------


class Payment(Model):
    date: IsoDate
    amount: Money
    label: str | None = None


class Payments(Model):
    convenant: Id | None = None
    payments: tuple[Payment, ...] = ()


# --- a whole case ---------------------------------------------------------------


class Case(Model):
    """Everything one settlement needs, already loaded and checked."""

    convenant: Convenant
    staffing: Staffing = Staffing()
    results: Results
    payments: Payments = Payments()


def day_range(first: date, last: date):
    """Each date of the inclusive range (for derived day-by-day views)."""
    for n in range((last - first).days + 1):
        yield first + timedelta(days=n)
