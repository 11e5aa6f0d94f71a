"""Settling one case and holding it to its expected.yaml: the figures that differ, field by field.

:func:`check_expected` returns a :class:`~convenant_calc.casebook.model.CaseResult`
(ok, fail with its differences, or error with every problem of both the case and its
expected.yaml). Every case is settled in this process, so a casebook of a thousand
cases costs a thousand settlements and nothing more.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from convenant_calc.casebook.expected import read_expected
from convenant_calc.casebook.model import (
    EXPECTED,
    TOLERATED,
    CaseResult,
    Difference,
    Expectation,
    Expected,
    Field,
    Kind,
    Status,
)
from convenant_calc.core.money import CENT, fmt_decimal
from convenant_calc.io.problems import InputError, Position, Problem, display_path


def lookup(actual: dict[str, Any], path: Field) -> Any:
    value: Any = actual
    for part in path:
        value = value[part]
    return value


def show_expected(e: Expectation) -> str:
    """The expected value the way the contract writes it (money with two decimals)."""
    if e.kind is Kind.MONEY:
        return f"{e.value.quantize(CENT):f}"  # type: ignore[union-attr]
    if e.kind is Kind.FTE_DAYS:
        return fmt_decimal(e.value)  # type: ignore[arg-type]
    if e.kind is Kind.IDS:
        return ", ".join(e.value) or "none"  # type: ignore[arg-type]
    if isinstance(e.value, Decimal):
        return f"{e.value:f}"
    return str(e.value)


def compare(expected: Expected, actual: dict[str, Any]) -> list[Difference]:
    """Every expected field whose settled value differs (within the tolerance: marked ``tolerated``)."""
    differences = []
    for e in expected.expectations:
        got = lookup(actual, e.field)
        diff: Decimal | int | None
        if e.kind in (Kind.TEXT, Kind.DATE):
            if got == e.value:
                continue
            diff = None
        elif e.kind is Kind.IDS:
            if tuple(got) == e.value:
                continue
            differences.append(Difference(e.field, e.kind, show_expected(e), ", ".join(got) or "none", None,
                                          e.position))
            continue
        elif e.kind is Kind.COUNT:
            diff = got - e.value
            if diff == 0:
                continue
        else:
            diff = Decimal(got) - e.value  # type: ignore[operator]
            if diff == 0:
                continue
        tolerated = e.kind in TOLERATED and abs(diff) <= expected.tolerance  # type: ignore[arg-type]
        differences.append(Difference(e.field, e.kind, show_expected(e), str(got), diff, e.position, tolerated))
    return differences


def settle_dir(
    case_dir: Path, as_of: str | None = None, as_of_position: Position | None = None
) -> tuple[dict[str, Any], list[Problem]]:
    """Load and settle a case: the JSON contract's mapping and the loading warnings (or InputError).

    With ``as_of`` (S16) the case is settled as ``settle --as-of`` does: results may be pending,
    and the mapping holds the interim position's keys too.
    """
    from convenant_calc.core.settlement import settle
    from convenant_calc.io.loading import load_case
    from convenant_calc.render.json import interim_dict, settlement_dict

    loaded = load_case(case_dir, pending_allowed=as_of is not None)
    s = settle(loaded.case, pending_allowed=as_of is not None)
    data = settlement_dict(s)
    if as_of is not None:
        from datetime import date

        from convenant_calc.core.interim import interim

        day = date.fromisoformat(as_of)
        if day < s.convenant.term.start:
            where = as_of_position or Position(display_path(case_dir / EXPECTED))
            start = s.convenant.term.start
            raise InputError([Problem(where, f"as_of {as_of} lies before the term starts ({start}); check the date")])
        data.update(interim_dict(interim(s, day)))
    return data, list(loaded.warnings)


def check_expected(case_dir: Path, name: str | None = None) -> CaseResult:
    """Settle one case and compare it with its expected.yaml; every problem of both is collected."""
    name = name or display_path(case_dir)
    expected_file = f"{name}/{EXPECTED}"
    problems: list[Problem] = []
    expected = None
    try:
        expected = read_expected(case_dir / EXPECTED, expected_file)
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        as_of = (expected.as_of, expected.as_of_position) if expected is not None else ()
        actual, warnings = settle_dir(case_dir, *as_of)
    except InputError as exc:
        problems.extend(exc.problems)
        actual, warnings = None, []
    if expected is None or actual is None:
        return CaseResult(name, Status.ERROR, expected_file, problems=tuple(sorted(problems, key=lambda p: p.sort_key)))
    differences = compare(expected, actual)
    status = Status.FAIL if any(not d.tolerated for d in differences) else Status.OK
    return CaseResult(name, status, expected_file, len(expected.expectations), tuple(differences), tuple(warnings))
