"""`convenant generation DIR --expect FILE`: hold a generation's totals to the figures a reviewer agreed on.

The file maps fields of the ``total`` object of the generation JSON
(``convenant-generation/1``) to the expected figures, nested the same way; any
subset may be given::

    agreements: 14
    failed: 0
    subsidy: "4123456.78"
    results: {achieved: 41, total: 52}

Every figure is compared exactly (no tolerance: these are sums of rounded
figures and of counts). Like ``expected.yaml``, problems of the file itself are
values with a position (exit 2); a figure that differs is a :class:`Difference`
at the place it is written (exit 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from convenant_calc.casebook.expected import parse_value
from convenant_calc.casebook.model import Kind
from convenant_calc.io import yamlpos
from convenant_calc.io.problems import InputError, Position, Problem, closest, display_path

#: The fields of the generation JSON's ``total`` object and how each is read.
FIELDS: dict[tuple[str, ...], Kind] = {
    ("agreements",): Kind.COUNT,
    ("failed",): Kind.COUNT,
    ("max_subsidy",): Kind.MONEY,
    ("effort_pool",): Kind.MONEY,
    ("payout",): Kind.MONEY,
    ("deduction",): Kind.MONEY,
    ("subsidy",): Kind.MONEY,
    ("paid",): Kind.MONEY,
    ("balance",): Kind.MONEY,
    ("shortfall_fte_days",): Kind.FTE_DAYS,
    ("results", "achieved"): Kind.COUNT,
    ("results", "total"): Kind.COUNT,
}


@dataclass(frozen=True)
class Expectation:
    field: tuple[str, ...]
    value: int | Decimal
    position: Position


@dataclass(frozen=True)
class Difference:
    field: tuple[str, ...]
    expected: int | Decimal
    actual: str
    position: Position

    def __str__(self) -> str:
        expected = self.expected if isinstance(self.expected, int) else f"{self.expected:f}"
        return f"{self.position}: total {'.'.join(self.field)}: expected {expected}, got {self.actual}"


def read(path: Path) -> list[Expectation]:
    """Read the expected totals; raise InputError with every problem, each at its place."""
    name = display_path(path)
    if not path.is_file():
        raise InputError([Problem(Position(name), "no such file; give the YAML file of expected totals for --expect")])
    try:
        doc = yamlpos.load(path, name)
    except yamlpos.YamlError as exc:
        raise InputError([exc.problem]) from None
    value = doc.value
    if not isinstance(value, dict) or not value:
        raise InputError(
            [Problem(doc.position(()), 'expected totals must map fields of the generation total to figures, '
                     'e.g. subsidy: "4123456.78"')]
        )
    problems: list[Problem] = []
    out: list[Expectation] = []
    groups = {f[0] for f in FIELDS if len(f) == 2}
    for key, item in value.items():
        if key in groups:
            if not isinstance(item, dict):
                problems.append(Problem(doc.position((key,)), f"{key}: expected a mapping, e.g. {key}: {{achieved: 4, total: 5}}"))
                continue
            for sub, raw in item.items():
                _one(doc, (key, sub), raw, out, problems)
        else:
            _one(doc, (key,), item, out, problems)
    if problems:
        raise InputError(problems)
    return out


def _one(doc: yamlpos.Document, field: tuple[str, ...], raw: Any, out: list[Expectation], problems: list[Problem]) -> None:
    if field not in FIELDS:
        known = [".".join(f) for f in FIELDS]
        hint = closest(".".join(field), known)
        what = f"did you mean '{hint}'?" if hint else f"known: {', '.join(known)}"
        problems.append(Problem(doc.position(field, key=True), f"unknown field '{'.'.join(field)}'; {what}"))
        return
    try:
        value = parse_value(FIELDS[field], raw)
    except ValueError as exc:
        problems.append(Problem(doc.position(field), f"{'.'.join(field)}: {exc}"))
        return
    out.append(Expectation(field, value, doc.position(field)))  # type: ignore[arg-type]


def compare(expected: list[Expectation], total: dict[str, Any]) -> list[Difference]:
    """The expectations that the generation JSON's ``total`` object does not meet, exactly."""
    differences = []
    for e in expected:
        got: Any = total
        for part in e.field:
            got = got[part]
        same = got == e.value if isinstance(e.value, int) else Decimal(got) == e.value
        if not same:
            differences.append(Difference(e.field, e.value, str(got), e.position))
    return differences
