"""Immutable models of the four input files (SPEC §3).

Frozen models (:mod:`convenant_calc.core.schema`); unknown keys are errors; numbers are exact Decimals
(the YAML layer never produces floats); dates are ISO ``YYYY-MM-DD`` strings
parsed here, so that an impossible date is reported at its position.
Checks that need more than one value of one file (a term that ends before it
starts, shares that do not add up to 1) live here as model validators; checks
across files live in :mod:`convenant_calc.checks`.
"""

from __future__ import annotations

import re
from functools import cached_property
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from enum import Enum
from typing import Annotated, Any

from convenant_calc.core.text import quoted
from convenant_calc.core.money import D
from convenant_calc.core.schema import AfterValidator, BeforeValidator, Field, model_validator
from convenant_calc.core.schema import Model as _Frozen

# --- value types ------------------------------------------------------------

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DUTCH = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+,\d+$")
_PLAIN = re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)$")
_FRACTION = re.compile(r"^(\d+)\s*/\s*(\d+)$")  # 1/5, as in "een 1/5 tijdskrediet"
# "1.000" or "12.500": to a Dutch reader a thousands separator, to YAML a fraction.
_THOUSANDS_LOOKALIKE = re.compile(r"^[1-9]\d{0,2}\.\d{3}$")

FIRST_YEAR, LAST_YEAR = 1900, 2199  # dates outside are typing mistakes, and keep date arithmetic safe
LIMIT = Decimal(10) ** 12  # no number in a case reaches a million million
MAX_DECIMALS = 10  # keeps every sum and product within Decimal's 28 digits, hence exact (S1)
_WHOLE_LIMIT = int(LIMIT)  # a whole number below LIMIT in size: no check of _exact_number fails
_DATES_KEPT = 4096  # at most so many dates read are remembered (_iso_date)


class FieldError(ValueError):
    """A check on a whole mapping that blames one of its keys.

    ``at`` is the path of the offending value relative to the mapping being
    validated; the loading layer appends it to the validation's location, so the
    message points at, say, the ``end`` of a term rather than at the term.
    """

    on_key = False  # True: the position of the last key of ``at``, not of its value

    def __init__(self, message: str, *at: str | int):
        super().__init__(message)
        self.at = at


#: Dates already read (issue 23: a generation reads some 90 dates a case, most of them the same days);
#: only valid ones are kept, at most _DATES_KEPT of them.
_DATES: dict[str, date] = {}


def _iso_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if value.__class__ is str:
        known = _DATES.get(value)
        if known is not None:
            return known
        parsed = _parsed_date(value)
        if len(_DATES) < _DATES_KEPT:
            _DATES[value] = parsed
        return parsed
    return _parsed_date(value)


def _parsed_date(value: Any) -> date:
    if value is None:
        raise ValueError("no date given; write it as YYYY-MM-DD, e.g. 2024-01-31")
    if not isinstance(value, str) or not _ISO.match(value):
        raise ValueError(f"expected a date written YYYY-MM-DD, e.g. 2024-01-31; got {_shown(value)}")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a date in the calendar; check the day and month") from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise ValueError(f"{value} lies outside the years {FIRST_YEAR}–{LAST_YEAR}; check the year")
    return parsed


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value)
    return text if len(text) <= 30 else f"{text[:20]}… ({len(text)} characters)"


def _exact_number(value: Any) -> Decimal:
    if value.__class__ is int and -_WHOLE_LIMIT < value < _WHOLE_LIMIT:  # the common case, checked below too
        return Decimal(value)
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {str(value).lower()}")
    if value is None:
        raise ValueError("no value given; write a number here, e.g. 1 or 0.5")
    if isinstance(value, int | Decimal):
        number = Decimal(value)
        if number and number.adjusted() >= LIMIT.adjusted():  # no arithmetic: 1e999999999 would overflow
            raise ValueError(f"{_shown(number)} is far too large for this input; check the number of digits")
        if number.as_tuple().exponent < -MAX_DECIMALS:  # type: ignore[operator]
            raise ValueError(f"{_shown(number)} has more than {MAX_DECIMALS} decimals; round it")
        return number
    if isinstance(value, str):
        text = value.strip()
        if _DUTCH.match(text):
            plain = text.replace(".", "").replace(",", ".")
            raise ValueError(
                f"{quoted(text)} is written the Dutch way; write numbers with a decimal point and "
                f"no thousands separator, e.g. {plain}"
            )
        if _PLAIN.match(text):
            raise ValueError(f"expected a number, got the text {quoted(text)}; remove the quotes")
        fraction = _FRACTION.match(text)
        if fraction and int(fraction.group(2)):
            return _fraction_refused(text, Fraction(int(fraction.group(1)), int(fraction.group(2))))
        bare = re.sub(r"(?i)\s|€|eur(o)?|%", "", text)
        if bare != text and (_PLAIN.match(bare) or _DUTCH.match(bare)):
            plain = bare.replace(".", "").replace(",", ".") if _DUTCH.match(bare) else bare
            raise ValueError(
                f"expected a plain number, got {quoted(text)}; write only the digits and a decimal point, e.g. {plain}"
            )
        raise ValueError(f"expected a number, got the text {quoted(text)}; write a number such as 96 or 0.5")
    raise ValueError(f"expected a number, got {_shown(value)}")


def _fraction_refused(text: str, value: Fraction) -> Decimal:
    """A fraction such as ``1/5`` is refused with the decimal to write instead (``0.2``), when it has one."""
    denominator = value.denominator
    for p in (2, 5):
        while denominator % p == 0:
            denominator //= p
    if denominator == 1:
        plain = f"{(Decimal(value.numerator) / Decimal(value.denominator)).normalize():f}"
        raise ValueError(f"expected a number, got the fraction {text!r}; write it as a decimal: {plain}")
    raise ValueError(
        f"expected a number, got the fraction {text!r}, which has no exact decimal; "
        "write the decimal the agreement states, e.g. 0.5"
    )


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number of days, e.g. 30; got {_shown(value)}")
    if not 0 <= value <= 3660:
        raise ValueError(f"a number of days lies between 0 and 3660, got {value}")
    return value


def _strict_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        meant = {"yes": "true", "y": "true", "on": "true", "no": "false", "n": "false", "off": "false"}
        hint = meant.get(str(value).strip().lower())
        todo = f"write {hint}" if hint else "write true or false"
        raise ValueError(f"expected true or false, got {_shown(value)}; {todo}")
    return value


def _money(value: Decimal) -> Decimal:
    if value <= 0:
        raise ValueError(f"an amount must be more than 0, got {value}; write the amount in euro, e.g. 169600.00")
    if value.as_tuple().exponent < -2:  # type: ignore[operator]
        if _THOUSANDS_LOOKALIKE.match(str(value)):
            whole = str(value).replace(".", "")
            raise ValueError(
                f"{value} has three decimals; an amount has at most two (cents). "
                f"For {whole} euro write {whole}.00 (no thousands separator)"
            )
        raise ValueError(f"an amount has at most two decimals (cents), got {value}; round it to cents")
    return value


def _count(value: Decimal) -> Decimal:
    """A target or an achieved number: 0 or more, and never ``1.000`` (one, or a thousand?)."""
    if value < 0:
        raise ValueError(f"must be 0 or more, got {value}")
    if _THOUSANDS_LOOKALIKE.match(str(value)):
        whole = str(value).replace(".", "")
        raise ValueError(
            f"{value} is ambiguous: a fraction to YAML, {whole} to a Dutch reader; "
            f"write {whole} without a separator, or drop the trailing zeros"
        )
    return value


def _target(value: Decimal) -> Decimal:
    if value <= 0:
        raise ValueError(f"a target must be more than 0 (a target of 0 is always met), got {value}; check the agreement")
    return value


def _funded_fte(value: Decimal) -> Decimal:
    if value <= 0:
        raise ValueError(f"consultants_fte is the number of funded FTE and must be more than 0, e.g. 4; got {value}")
    return value


def _fte(value: Decimal) -> Decimal:
    if not 0 < value <= 1:
        raise ValueError(f"an FTE lies in (0, 1]: 1 is full time, 0.8 four-fifths; got {value}")
    return value


def _line_fte(value: Decimal) -> Decimal:
    """S19: the FTE of consultants a funding line funds: 0 (a line of projects only) or more."""
    if value < 0:
        raise ValueError(f"consultants_fte is the FTE this line funds: 0 or more, e.g. 0.25; got {value}")
    return value


def _line_funding(value: Decimal) -> Decimal:
    """S19: the part of a line's maximum that funds its consultants: 0 or more, in cents."""
    if value < 0:
        raise ValueError(
            f"consultant_funding is the part of the maximum that funds consultants: 0 or more, e.g. 26500.00; "
            f"got {value}"
        )
    if value != value.quantize(D("0.01")):
        raise ValueError(f"an amount has at most two decimals (cents), got {value}; round it to cents")
    return value


def _line_share(value: Decimal) -> Decimal:
    """S19: the FTE of a consultant that works for a line: more than 0, at most 1 (checked against its fte later)."""
    if not 0 < value <= 1:
        raise ValueError(
            f"a consultant's share in a line is an FTE in (0, 1], e.g. 0.25; got {value}; "
            "leave a line out rather than give it 0"
        )
    return value


def _share(value: Decimal) -> Decimal:
    if not 0 <= value <= 1:
        raise ValueError(f"a share lies between 0 and 1 (write 50 % as 0.5); got {value}")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Number = Annotated[Decimal, BeforeValidator(_exact_number)]
Money = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_money)]
FundedFte = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_funded_fte)]
Count = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_count)]
Target = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_count), AfterValidator(_target)]
Fte = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_fte)]
Share = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_share)]
LineFte = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_line_fte)]
LineFunding = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_line_funding)]
LineShare = Annotated[Decimal, BeforeValidator(_exact_number), AfterValidator(_line_share)]
Days = Annotated[int, BeforeValidator(_whole)]
Flag = Annotated[bool, BeforeValidator(_strict_bool)]
Id = Annotated[str, Field(min_length=1)]


class Model(_Frozen):
    """Frozen; unknown keys are errors; a field may be given by its YAML key or its Python name; text is
    stripped of surrounding whitespace (:mod:`convenant_calc.core.schema`). Each model's checks are built
    when it first validates."""


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
            raise FieldError(f"the term ends ({self.end}) before it starts ({self.start}); check the dates", "end")
        return self

    @property
    def days(self) -> int:
        return days_between(self.start, self.end)


class Funding(Model):
    """Art. 2: 70 % effort funding, 30 % result funding, nothing below half the results."""

    effort_share: Share = D("0.70")
    result_share: Share = D("0.30")
    result_cutoff: Share = D("0.5")

    @model_validator(mode="after")
    def _adds_up(self) -> Funding:
        if self.effort_share + self.result_share != 1:
            raise ValueError(
                f"effort_share + result_share must be 1 (S2), got "
                f"{self.effort_share} + {self.result_share} = {self.effort_share + self.result_share}; "
                "e.g. 0.70 and 0.30"
            )
        return self


def _positive_days(value: Any) -> int:
    days = _whole(value)
    if days < 1:
        raise ValueError(f"a dated number of days is a whole number of 1 or more, e.g. 14; got {days}")
    return days


PositiveDays = Annotated[int, BeforeValidator(_positive_days)]


class DatedDays(Model):
    """S13: a labour-law number of days in force from a date, with the law that says so.

    A plain number in the file (in force on every date) is held as one value
    with no ``from`` (``from_`` is None): the models never invent a date.
    """

    from_: IsoDate = Field(alias="from")
    value: PositiveDays
    reference: str | None = None


def _days_in_force(value: Any) -> Any:
    """S13: a number (in force on every date, checked as today) or a list of dated values, as a tuple."""
    if isinstance(value, list | tuple):
        return value
    return (DatedDays.model_construct(from_=None, value=_whole(value), reference=None),)


DaysInForce = Annotated[tuple[DatedDays, ...], BeforeValidator(_days_in_force), Field(min_length=1)]


def in_force(values: tuple[DatedDays, ...], day: date) -> DatedDays:
    """S13: the value with the latest ``from`` on or before ``day``; before the first ``from``, the first value."""
    chosen = values[0]
    for value in values:
        if value.from_ is not None and value.from_ <= day:
            chosen = value
    return chosen


class AbsenceRules(Model):
    """Art. 5: the guaranteed-wage window and the relapse rule (S7), each a number or dated values (S13).

    SPEC S13: "The value in force on a date is the one with the latest ``from``
    on or before that date; before the first ``from``, the first value." The
    ``from`` dates strictly increase (checked across the list in
    :mod:`convenant_calc.io.checks`, so that every misplaced date is reported).
    """

    guaranteed_wage_days: DaysInForce = _days_in_force(30)
    relapse_days: DaysInForce = _days_in_force(14)

    def guaranteed_wage_on(self, day: date) -> DatedDays:
        return in_force(self.guaranteed_wage_days, day)

    def relapse_on(self, day: date) -> DatedDays:
        return in_force(self.relapse_days, day)

    def guaranteed_wage_days_on(self, day: date) -> int:
        """S13: guaranteed_wage_days in force on ``day`` (read on the window-opening absence's ``from``)."""
        return self.guaranteed_wage_on(day).value

    def relapse_days_on(self, day: date) -> int:
        """S13: relapse_days in force on ``day`` (read on the ``from`` of the absence that may be a relapse)."""
        return self.relapse_on(day).value

    @property
    def dated(self) -> bool:
        """Whether either parameter is given as dated values (the report then names each value used)."""
        return any(v.from_ is not None for v in self.guaranteed_wage_days + self.relapse_days)


class Reference(Model):
    """Where a parameter comes from in the agreement, with the Dutch sentence itself."""

    article: str
    quote: str = ""


#: What ``references`` may quote: the parameters and steps the report names (its step articles), and the
#: sentences its readings section quotes (S17).
#: Any other key is an error (a misspelt ``Term:`` would otherwise silently quote nothing).
REFERENCE_KEYS = (
    "term",
    "max_subsidy",
    "consultants_fte",
    "effort_pool",
    "result_payout",
    "result_cutoff",
    "result_commitments",
    "guaranteed_wage",
    "replacement",
    "uncovered_leave",
    "staffing",
    "daily_rate",
    "deduction",
    "subsidy",
    "reports",
    # S17: the sentences the alternative readings read differently (settle --readings quotes them)
    "yearly_basis",
    "deduction_base",
    "extension",
    "eligible_costs",  # S20, Art. 5: the costs that are eligible (reading costs.not-capped)
)


def _reference_keys(value: Any) -> Any:
    if isinstance(value, dict):
        for key in value:
            if key not in REFERENCE_KEYS:
                from difflib import get_close_matches

                hint = get_close_matches(str(key).lower(), REFERENCE_KEYS, n=1)
                todo = f"did you mean {hint[0]!r}?" if hint else f"known keys here: {', '.join(REFERENCE_KEYS)}"
                error = FieldError(f"unknown key {quoted(key)} under references; {todo}", key)
                error.on_key = True  # reported at the key itself
                raise error
    return value


class ResultCommitment(Model):
    id: Id
    title: str
    target: Target
    unit: str | None = None
    reference: str | None = None


class TerminationKind(str, Enum):
    """Art. 7: how an agreement ends before its term (S15)."""

    notice = "notice"  # opzegging: six months' notice by registered letter
    mutual = "mutual"  # onderlinge overeenkomst
    immediate = "immediate"  # by the Flemish Government, without notice


class Party(str, Enum):
    sector = "sector"
    government = "government"


class Termination(Model):
    """S15: ``{kind: notice, by, letter_posted}``, ``{kind: mutual, ends}`` or ``{kind: immediate, by, ends}``.

    Art. 7: "Het sectorconvenant eindigt hetzij bij het verstrijken van de looptijd,
    hetzij bij onderlinge overeenkomst tussen de partijen, hetzij door opzegging."
    Only the Flemish Government can end the agreement without notice (general
    interest, or serious shortcomings found at the evaluation).
    """

    kind: TerminationKind
    by: Party | None = None
    letter_posted: IsoDate | None = None
    ends: IsoDate | None = None
    reference: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Termination:
        example = {
            TerminationKind.notice: "{kind: notice, by: sector, letter_posted: 2024-12-20}",
            TerminationKind.mutual: "{kind: mutual, ends: 2024-10-31}",
            TerminationKind.immediate: "{kind: immediate, by: government, ends: 2024-10-31}",
        }[self.kind]
        if self.kind is TerminationKind.notice:
            if self.ends is not None:
                raise FieldError(
                    "a notice has no 'ends': its end follows from the day the letter was posted (S15); "
                    f"remove 'ends', e.g. {example}",
                    "ends",
                )
            if self.letter_posted is None:
                raise FieldError(
                    f"a notice needs 'letter_posted', the day the registered letter was posted; e.g. {example}"
                )
            if self.by is None:
                raise FieldError(
                    f"a notice needs 'by: sector' or 'by: government', the party giving it; e.g. {example}"
                )
            return self
        if self.letter_posted is not None:
            raise FieldError(
                f"'letter_posted' belongs to a notice only; a {self.kind.value} termination gives 'ends'; "
                f"e.g. {example}",
                "letter_posted",
            )
        if self.ends is None:
            raise FieldError(f"a {self.kind.value} termination needs 'ends', the agreement's last day; e.g. {example}")
        if self.kind is TerminationKind.mutual and self.by is not None:
            raise FieldError(
                "a mutual termination is agreed by both parties; remove 'by' (Art. 7: \"bij onderlinge overeenkomst\")",
                "by",
            )
        if self.kind is TerminationKind.immediate and self.by is not Party.government:
            raise FieldError(
                "only the Flemish Government can end the agreement without notice (Art. 7); "
                "write 'by: government', or give notice: {kind: notice, by: sector, letter_posted: ...}",
                "by",
            )
        return self


class ReportKind(str, Enum):
    progress = "progress"  # voortgangsrapport
    final = "final"  # eindrapport


class ReportDue(Model):
    """S16, Art. 6: a report the sector must deliver by ``due``."""

    kind: ReportKind
    due: IsoDate


class AmendmentKind(str, Enum):
    extension = "extension"
    change = "change"


#: The keys only an extension may carry, and those only a change may carry (S14).
EXTENSION_KEYS = ("term", "max_subsidy", "consultants_fte", "funding", "result_commitments", "addenda")
CHANGE_KEYS = ("period", "line", "replace", "add", "remove")


class CostKind(str, Enum):
    """S20: the kinds of cost a cost statement lists (used by a line's ``eligible_costs``)."""

    salary = "salary"  # loonkosten
    operating = "operating"  # werkingskosten
    project = "project"  # projectkosten


class Addendum(Model):
    """S19: an addendum, a separately budgeted funding line of the agreement with its own maximum.

    SPEC S19: "The agreement's own budget is the **main line** (its id is the agreement's id);
    each addendum is one more **funding line**". ``consultants_fte`` defaults to 0 (a line of
    projects); ``consultant_funding`` (None here) defaults to all of ``max_subsidy`` when
    ``consultants_fte > 0``, else 0; ``funding`` (None here) to the agreement's. How an
    addendum fits the agreement (ids, commitments, amounts) is checked across the file in
    :mod:`convenant_calc.io.checks`, so that every mistake is reported at once.
    """

    id: Id
    title: str
    reference: str | None = None
    max_subsidy: Money
    consultants_fte: LineFte = D(0)
    consultant_funding: LineFunding | None = None
    funding: Funding | None = None
    result_commitments: tuple[ResultCommitment, ...] = ()
    eligible_costs: tuple[CostKind, ...] | None = None  # S20; the default for an addendum: every kind


class ContinuedAddendum(Model):
    """S19: an addendum an ``extension`` continues, with its budget in the new period.

    SPEC S19: "An ``extension`` amendment may list ``addenda: [{id, max_subsidy, consultants_fte?,
    consultant_funding?, funding?, result_commitments?}]`` for the addenda it continues (defaults:
    the previous period's values for that line; commitments are required when its result share is
    > 0); an addendum it does not list has no budget in that period."
    """

    id: Id
    max_subsidy: Money
    consultants_fte: LineFte | None = None
    consultant_funding: LineFunding | None = None
    funding: Funding | None = None
    result_commitments: tuple[ResultCommitment, ...] | None = None


class Amendment(Model):
    """S14, Art. 8 ("bijstellingen of wijzigingen"): an addendum to the agreement.

    ``kind: extension`` adds a settlement period with its own term, maximum and
    commitments (``consultants_fte`` and ``funding`` default to the previous
    period's); ``kind: change`` replaces, adds or removes commitments of a
    period (default: the last). Which keys each kind needs, and how the
    amendments fit together, is checked across the list in
    :mod:`convenant_calc.io.checks`, so that every mistake is reported at once.
    """

    id: Id
    kind: AmendmentKind
    decided: IsoDate | None = None
    reference: str | None = None
    title: str | None = None
    # kind: extension
    term: Term | None = None
    max_subsidy: Money | None = None
    consultants_fte: FundedFte | None = None
    funding: Funding | None = None
    result_commitments: tuple[ResultCommitment, ...] | None = None
    addenda: tuple[ContinuedAddendum, ...] | None = None  # S19: the addenda this extension continues
    # kind: change
    period: Id | None = None
    line: Id | None = None  # S19: the funding line whose commitments change (default: the main line)
    replace: tuple[ResultCommitment, ...] = ()
    add: tuple[ResultCommitment, ...] = ()
    remove: tuple[Id, ...] = ()


# --- S21: the beneficiary and the payer -------------------------------------------


def _identifier_text(value: Any, what: str, example: str) -> str:
    """A company number or an IBAN as text; YAML reads ``0451857573`` as a number and drops its 0."""
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ValueError(f"expected {what} written as text, e.g. {example}; got {_shown(value)}")
    if not isinstance(value, str) and what == "an IBAN":
        raise ValueError(f"expected an IBAN, a country code and digits, e.g. {example}; got {_shown(value)}")
    if not isinstance(value, str):
        raise ValueError(f"write {what} in quotes, e.g. \"{example}\": as a bare number YAML drops its leading 0")
    return value


def _company_number(value: Any) -> str:
    """S21: a Belgian company number (*ondernemingsnummer*), its check digits (mod 97) checked.

    SPEC S21: "A Belgian company number and an IBAN carry check digits (modulo 97); a wrong one is
    an input error". Checked with python-stdnum (``stdnum.be.vat``); kept as ``0451.857.573``.
    """
    from stdnum.be import vat
    from stdnum.exceptions import InvalidChecksum, ValidationError

    text = _identifier_text(value, "a company number", "0451.857.573")
    try:
        number = vat.validate(text)
    except InvalidChecksum:
        raise ValueError(
            f"company number {quoted(text)} fails its check digits (mod 97); copy it again from the "
            "Crossroads Bank for Enterprises (KBO), e.g. 0451.857.573"
        ) from None
    except ValidationError:
        raise ValueError(
            f"{quoted(text)} is not a Belgian company number: ten digits, starting with 0 or 1, e.g. 0451.857.573"
        ) from None
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"


def _iban(value: Any) -> str:
    """S21: an IBAN, its check digits (mod 97) checked with python-stdnum; kept in groups of four."""
    from stdnum import iban
    from stdnum.exceptions import ValidationError

    text = _identifier_text(value, "an IBAN", "BE10 0910 1156 9604")
    try:
        number = iban.validate(text)
    except ValidationError:
        # stdnum checks the digits first: with its check digits recomputed, is it an account of the right shape?
        compact = iban.compact(text)
        try:
            shape_ok = len(compact) > 4 and iban.is_valid(compact[:2] + iban.calc_check_digits(compact) + compact[4:])
        except ValueError:
            shape_ok = False
        if shape_ok:
            raise ValueError(
                f"IBAN {quoted(text)} fails its check digits (mod 97); copy it again from the bank statement"
            ) from None
        raise ValueError(
            f"{quoted(text)} is not an IBAN: a country code, two check digits and the account number, "
            "e.g. BE10 0910 1156 9604"
        ) from None
    return iban.format(number)


CompanyNumber = Annotated[str, BeforeValidator(_company_number)]
Iban = Annotated[str, BeforeValidator(_iban)]
Text = Annotated[str, Field(min_length=1)]


class Signatory(Model):
    """S21: one of the beneficiary's representatives who sign the claim (a name line and a signature line)."""

    name: Text
    role: str | None = None


class Organisation(Model):
    """S21: the beneficiary or the payer of the subsidy, as the claim for payment names them.

    SPEC S21: "``convenant.yaml`` may carry the beneficiary and the payer"; the reference agreement's
    Art. 1 names the beneficiary: "uit te betalen aan V.V.S.G. vzw, Bischoffsheimlaan 1-8 te 1000
    Brussel (ondernemingsnummer: 0451.857.573 - bankrekeningnummer: BE10 0910 1156 9604)".
    """

    name: Text
    address: str | None = None
    company_number: CompanyNumber | None = None
    iban: Iban | None = None
    representatives: tuple[Signatory, ...] = ()  # those who sign the claim


class Convenant(Model):
    id: Id
    title: str
    term: Term
    max_subsidy: Money
    consultants_fte: FundedFte
    funding: Funding = Funding()
    absence_rules: AbsenceRules = AbsenceRules()
    result_commitments: tuple[ResultCommitment, ...] = Field(min_length=1)
    references: Annotated[dict[str, Reference], BeforeValidator(_reference_keys)] = Field(default_factory=dict)
    source: str | None = None
    amendments: tuple[Amendment, ...] = ()
    reports: tuple[ReportDue, ...] = ()
    termination: Termination | None = None
    addenda: tuple[Addendum, ...] = ()  # S19: the funding lines besides the main line
    beneficiary: Organisation | None = None  # S21: who receives the subsidy and signs the claim
    payer: Organisation | None = None  # S21: who pays it

    @model_validator(mode="after")
    def _unique_commitments(self) -> Convenant:
        seen: dict[str, int] = {}
        for i, c in enumerate(self.result_commitments):
            if c.id in seen:
                raise FieldError(
                    f"result commitment id {quoted(c.id)} is used twice (first by commitment {seen[c.id] + 1}); "
                    "give each commitment its own id",
                    "result_commitments",
                    i,
                    "id",
                )
            seen[c.id] = i
        return self

    @model_validator(mode="after")
    def _reports_once(self) -> Convenant:
        seen: dict[str, int] = {}
        for i, report in enumerate(self.reports):
            if report.kind.value in seen:
                raise FieldError(
                    f"the {report.kind.value} report is listed twice (first as report {seen[report.kind.value] + 1}); "
                    "keep one deadline per kind of report (Art. 6)",
                    "reports",
                    i,
                    "kind",
                )
            seen[report.kind.value] = i
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

    @classmethod
    def from_dutch(cls, word: object) -> AbsenceKind | None:
        """The kind a Dutch word names (``ziekte`` → sickness), for a hint; None when it names none."""
        if not isinstance(word, str):
            return None
        key = " ".join(word.lower().replace("_", " ").replace("-", " ").split())
        return DUTCH_KINDS.get(key)

    @property
    def has_guaranteed_wage(self) -> bool:
        """S6: only sickness and accident are covered by the guaranteed wage."""
        return self in (AbsenceKind.sickness, AbsenceKind.accident)


# Dutch names of the kinds (the agreement's and the payroll's words), for the hint at an unknown kind.
DUTCH_KINDS: dict[str, AbsenceKind] = {
    "ziekte": AbsenceKind.sickness,
    "ziek": AbsenceKind.sickness,
    "arbeidsongeschiktheid": AbsenceKind.sickness,
    "ongeval": AbsenceKind.accident,
    "arbeidsongeval": AbsenceKind.accident,
    "moederschapsrust": AbsenceKind.maternity_leave,
    "moederschapsverlof": AbsenceKind.maternity_leave,
    "zwangerschapsverlof": AbsenceKind.maternity_leave,
    "bevallingsrust": AbsenceKind.maternity_leave,
    "tijdskrediet": AbsenceKind.time_credit,
    "loopbaanonderbreking": AbsenceKind.career_break,
    "ouderschapsverlof": AbsenceKind.parental_leave,
    "onbetaald verlof": AbsenceKind.unpaid_leave,
}


def _ordered_range(first: date | None, last: date | None, what: str) -> None:
    if first is not None and last is not None and last < first:
        raise FieldError(f"{what} ends ({last}) before it starts ({first}); check the dates", "to")


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
    """S5, S19: a consultant, its FTE, its employment and the FTE it works for each addendum (``lines``).

    SPEC S19: "a consultant may carry ``lines: {duaal-leren: 0.25}``: that FTE of the consultant
    works for that line; the rest of its ``fte`` works for the main line. The shares are positive
    and add up to at most the consultant's ``fte``". Unknown line ids are checked across files.
    """

    id: Id
    name: str | None = None
    fte: Fte = D(1)
    employed: Employed = Employed()
    lines: dict[str, LineShare] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _shares_within_fte(self) -> Consultant:
        total = D(0)
        for line, share in self.lines.items():
            total += share
            if total > self.fte:
                what = f"the share {share}" if total == share else f"the shares add up to {total} with {share}"
                raise FieldError(
                    f"{what} of line {quoted(line)} is more than {quoted(self.id)}'s fte {self.fte}; "
                    "a consultant's shares in the addenda add up to at most its fte (S19), the rest works "
                    "for the main line",
                    "lines",
                    line,
                )
        return self

    def share(self, line: str, main: bool) -> Decimal:
        """S19: the FTE of this consultant that works for ``line`` (the main line: its fte less the addenda's)."""
        if not main:
            return self.lines.get(line, D(0))
        if not self.lines:
            return self.fte
        return self.fte - sum(self.lines.values(), D(0))


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
    new_cause: Flag = False
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
        """The consultant with this id (the first listed, if listed twice), or None; by an index, not a scan."""
        return self._by_id.get(consultant_id)

    @cached_property
    def _by_id(self) -> dict[str, Consultant]:
        index: dict[str, Consultant] = {}
        for c in self.consultants:
            index.setdefault(c.id, c)
        return index

    def absence_fte(self, absence: Absence) -> Decimal:
        """S6: an absence's FTE defaults to its consultant's FTE, or 1."""
        if absence.fte is not None:
            return absence.fte
        consultant = self.consultant(absence.consultant)
        return consultant.fte if consultant is not None else D(1)


# --- results.yaml -------------------------------------------------------------


class Result(Model):
    commitment: Id
    achieved: Count | None = None
    met: Flag | None = None
    justification: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Result:
        if self.achieved is None and self.met is None:
            raise ValueError(
                f"result {quoted(self.commitment)} has neither 'achieved' nor 'met'; "
                "report the achieved value, or an auditor's met: true|false with a justification"
            )
        if self.met is not None and not (self.justification or "").strip():
            raise FieldError(
                f"result {quoted(self.commitment)} sets 'met' without a 'justification'; "
                "add justification: \"...\" saying why (S4)",
                "met",
            )
        return self


class Results(Model):
    convenant: Id | None = None
    results: tuple[Result, ...]


# --- payments.yaml ------------------------------------------------------------


class Payment(Model):
    date: IsoDate
    amount: Money
    label: str | None = None
    period: Id | None = None  # S14: required when the agreement has more than one period
    line: Id | None = None  # S19: the funding line it is an advance on (default: the main line)


class Payments(Model):
    convenant: Id | None = None
    payments: tuple[Payment, ...] = ()


# --- costs.yaml ---------------------------------------------------------------


class Cost(Model):
    """S20: one cost of the cost statement (*kostenstaat*).

    SPEC S20: "``date`` is the day the cost belongs to (for a month's salary, any day of that
    month). ``ref`` (the document: payslip, invoice) is required; ``label`` is optional. ``line``
    defaults to the main line. Amounts are positive and exact, with at most two decimals."
    Whether the line and the consultant exist is checked across the files
    (:func:`convenant_calc.io.checks.check_costs`).
    """

    date: IsoDate
    kind: CostKind
    amount: Money
    ref: Annotated[str, Field(min_length=1)]
    label: str | None = None
    consultant: Id | None = None  # a salary cost's consultant, checked against the consultants list
    line: Id | None = None  # S19: the funding line it is spent on (default: the main line)


class Costs(Model):
    convenant: Id | None = None
    costs: tuple[Cost, ...] = ()


# --- a whole case ---------------------------------------------------------------


class Case(Model):
    """Everything one settlement needs, already loaded and checked."""

    convenant: Convenant
    staffing: Staffing = Staffing()
    results: Results
    payments: Payments = Payments()
    costs: Costs | None = None  # S20: None without a costs.yaml (the figures are then ceilings)


def day_range(first: date, last: date):
    """Each date of the inclusive range (for derived day-by-day views)."""
    for n in range(days_between(first, last)):
        yield first + timedelta(days=n)
