"""The data of `convenant check`: the contract's fields, expectations, differences and outcomes.

Plain values and nothing else: this module imports no other module of the casebook, so
that reading expected.yaml (``expected``), comparing (``compare``), updating
(``updating``), running (``run``) and printing (``render``) all build on it and none
on each other's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from convenant_calc.core.money import D
from convenant_calc.io.problems import Position, Problem

EXPECTED = "expected.yaml"
TOLERANCE = "tolerance"
READINGS = "readings"  # S17: settle the case under these alternative readings
PINS = "reading_subsidies"  # S17: the subsidy expected under each alternative reading (settle --readings)


class Kind(Enum):
    """How a field of the JSON contract is read from expected.yaml and compared."""

    TEXT = "text"  # compared exactly
    DATE = "date"  # YYYY-MM-DD, compared exactly
    COUNT = "count"  # a whole number, compared exactly
    FTE_DAYS = "fte_days"  # a decimal, compared exactly (never a tolerance: it is not money)
    MONEY = "money"  # EUR, at most two decimals; within `tolerance`
    RATE = "rate"  # EUR a day (the contract shows 6 decimals); within `tolerance`
    IDS = "ids"  # a list of commitment ids, compared exactly, in order


Field = tuple[str, ...]

#: The fields of the JSON contract (SPEC §4), in its key order, with how each is compared.
#: ``tests/check`` asserts that these are exactly the leaves of ``render.json.settlement_dict``.
FIELDS: dict[Field, Kind] = {
    ("schema",): Kind.TEXT,
    ("convenant",): Kind.TEXT,
    ("term", "start"): Kind.DATE,
    ("term", "end"): Kind.DATE,
    ("term", "days"): Kind.COUNT,
    ("max_subsidy",): Kind.MONEY,
    ("effort_pool",): Kind.MONEY,
    ("result_pool",): Kind.MONEY,
    ("results", "achieved"): Kind.COUNT,
    ("results", "total"): Kind.COUNT,
    ("results", "payout"): Kind.MONEY,
    ("deduction", "daily_rate"): Kind.RATE,
    ("deduction", "shortfall_fte_days"): Kind.FTE_DAYS,
    ("deduction", "amount"): Kind.MONEY,
    ("subsidy",): Kind.MONEY,
    ("paid",): Kind.MONEY,
    ("balance",): Kind.MONEY,
    # S20: with a cost statement (costs.yaml) the contract adds its sums and the ceiling before the cap
    ("costs", "eligible"): Kind.MONEY,
    ("costs", "ineligible"): Kind.MONEY,
    ("costs", "ceiling"): Kind.MONEY,
}
#: S20: the fields only a case with a cost statement has (``check --update`` writes them only then).
COST_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f[0] == "costs")
#: The mappings of the contract (``term``, ``results``, ``deduction``) and their fields.
GROUPS: dict[str, tuple[str, ...]] = {}
for _path in FIELDS:
    if len(_path) == 2:
        GROUPS.setdefault(_path[0], ())
        GROUPS[_path[0]] += (_path[1],)
TOLERATED = (Kind.MONEY, Kind.RATE)
#: The largest tolerance expected.yaml may give, in EUR: room for a rounding convention, not for a wrong figure.
MAX_TOLERANCE = Decimal(100)

#: S16: ``as_of: "YYYY-MM-DD"`` settles the case with ``--as-of``; these fields of the interim position
#: may then be compared too (``render.json.interim_dict``), after the contract's.
AS_OF = "as_of"
INTERIM_FIELDS: dict[Field, Kind] = {
    ("deduction_to_date", "shortfall_fte_days"): Kind.FTE_DAYS,
    ("deduction_to_date", "amount"): Kind.MONEY,
    ("pending",): Kind.IDS,
    ("subsidy_range", "worst"): Kind.MONEY,
    ("subsidy_range", "best"): Kind.MONEY,
}
ALL_FIELDS: dict[Field, Kind] = {**FIELDS, **INTERIM_FIELDS}
ALL_GROUPS: dict[str, tuple[str, ...]] = {}
for _path in ALL_FIELDS:
    if len(_path) == 2:
        ALL_GROUPS.setdefault(_path[0], ())
        ALL_GROUPS[_path[0]] += (_path[1],)

#: S14: an agreement of more than one period prints ``convenant-settlement/2``; expected.yaml then pins
#: each period's figures under ``periods: {ID: {...}}`` (the fields of FIELDS, and ``period``) and the
#: totals under ``total``. ``schema`` and ``convenant`` stay at the top.
PERIODS = "periods"
TOTAL = "total"
TOTAL_FIELDS: dict[str, Kind] = {"max_subsidy": Kind.MONEY, "subsidy": Kind.MONEY, "paid": Kind.MONEY, "balance": Kind.MONEY}
TOP_OF_PERIODS: tuple[Field, ...] = (("schema",), ("convenant",))

#: S19: an agreement of more than one funding line prints ``convenant-settlement/3``; expected.yaml then pins
#: each line's figures under ``lines: {ID: {...}}``, as periods are pinned under ``periods``: the fields of
#: FIELDS of the line's settlement (one period), or under ``lines.ID.periods.PERIOD`` (several periods), and
#: the line's totals (``max_subsidy``, ``subsidy``, ``paid``, ``balance``, and its ``title``); ``periods.ID``
#: then holds each period's totals over its lines, and ``total`` the agreement's.
LINES = "lines"
SCHEMA_PERIODS = "convenant-settlement/2"
SCHEMA_LINES = "convenant-settlement/3"
#: The texts a settlement of a line or a period carries besides the contract's fields.
NAMES = ("period", "line", "title")


def field_kind(path: Field) -> Kind:
    """How the field at ``path`` is compared: a field of the /1 contract, of a period, of a line, or a total."""
    if path[0] == LINES:
        rest = path[2:]
        if rest[:1] == (PERIODS,):
            rest = rest[2:]
        return Kind.TEXT if rest[-1:] and rest[0] in NAMES else FIELDS[rest]
    if path[0] == PERIODS:
        return Kind.TEXT if path[2:] in (("period",), ("line",)) else FIELDS[path[2:]]
    if path[0] == TOTAL:
        return TOTAL_FIELDS[path[1]]
    return ALL_FIELDS[path]  # the /1 contract's, or the interim position's (S16)


def dotted(path: Field) -> str:
    return ".".join(path)


# --- expected.yaml -------------------------------------------------------------------


@dataclass(frozen=True)
class Expectation:
    """One figure a reviewer agreed on, and where it is written."""

    field: Field
    kind: Kind
    value: str | int | Decimal | None  # None: S19's null daily rate
    position: Position


@dataclass(frozen=True)
class Expected:
    """A read and validated expected.yaml."""

    file: str
    expectations: tuple[Expectation, ...]
    tolerance: Decimal = D(0)
    as_of: str | None = None  # S16: settle with --as-of this date
    as_of_position: Position | None = None
    readings: tuple[str, ...] = ()  # S17: alternative readings to settle under (registry order)
    readings_position: Position | None = None
    pins: tuple[Expectation, ...] = ()  # S17: reading_subsidies, field ("reading_subsidies", id)


# --- comparing and checking ------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """A field whose settled figure is not the expected one (``difference`` = actual − expected)."""

    field: Field
    kind: Kind
    expected: str
    actual: str
    difference: Decimal | int | None  # None for text and dates
    position: Position
    tolerated: bool = False  # within the case's tolerance: reported, not a failure


class Status(str, Enum):
    OK = "ok"
    FAIL = "fail"
    ERROR = "error"


@dataclass(frozen=True)
class CaseResult:
    """The outcome of checking one case."""

    case: str  # the case directory as the user will recognise it
    status: Status
    expected_file: str
    checked: int = 0  # fields compared
    differences: tuple[Difference, ...] = ()  # failing and tolerated ones
    problems: tuple[Problem, ...] = ()  # errors (status ERROR) and warnings

    @property
    def failures(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.tolerated)

    @property
    def tolerated(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if d.tolerated)


@dataclass
class Tally:
    passed: int = 0
    failed: int = 0
    errors: int = 0
    results: list[CaseResult] = field(default_factory=list)

    def add(self, result: CaseResult) -> None:
        if result.status is Status.OK:
            self.passed += 1
        elif result.status is Status.FAIL:
            self.failed += 1
        else:
            self.errors += 1

    @property
    def exit_code(self) -> int:
        """SPEC §6: 2 when any case cannot be read, else 1 when any figure differs, else 0."""
        return 2 if self.errors else 1 if self.failed else 0


# --- updating ------------------------------------------------------------------------------


class UpdateStatus(str, Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    ERROR = "error"


@dataclass(frozen=True)
class UpdateResult:
    case: str
    status: UpdateStatus
    file: str
    changed: tuple[str, ...] = ()  # dotted fields rewritten or added
    problems: tuple[Problem, ...] = ()
    comments_lost: bool = False
