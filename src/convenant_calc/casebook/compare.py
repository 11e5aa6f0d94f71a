"""Settling one case and holding it to its expected.yaml: the figures that differ, field by field.

:func:`check_expected` returns a :class:`~convenant_calc.casebook.model.CaseResult`
(ok, fail with its differences, or error with every problem of both the case and its
expected.yaml). Every case is settled in this process, so a casebook of a thousand
cases costs a thousand settlements and nothing more.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from convenant_calc.casebook.expected import read_expected
from convenant_calc.casebook.model import (
    AS_OF,
    EXPECTED,
    PERIODS,
    PINS,
    READINGS,
    TOLERATED,
    TOP_OF_PERIODS,
    TOTAL,
    CaseResult,
    Difference,
    Expectation,
    Expected,
    Field,
    Kind,
    Status,
    dotted,
)
from convenant_calc.core.money import CENT, fmt_decimal, fmt_plain
from convenant_calc.core.text import quoted
from convenant_calc.io.problems import InputError, Position, Problem, closest, display_path


def lookup(actual: dict[str, Any], path: Field) -> Any:
    """The settled value at ``path``; in /2 output ``periods`` is looked up by period id (S14)."""
    value: Any = actual
    for part in path:
        if isinstance(value, list):  # the periods of convenant-settlement/2
            value = next(p for p in value if p.get("period") == part)
        else:
            value = value[part]
    return value


def unmatched(expected: Expected, actual: dict[str, Any]) -> list[Problem]:
    """S14: expected figures the settlement cannot have, each at its place (a period it does not have,
    a flat field for an agreement of several periods, periods for an agreement of one)."""
    several = actual.get("schema") == "convenant-settlement/2"
    ids = [p["period"] for p in actual[PERIODS]] if several else [actual["convenant"]]
    problems = []
    named: set[str] = set()  # a period that does not exist is reported once
    for e in expected.expectations:
        if e.field[0] in (PERIODS, TOTAL) and not several:
            problems.append(
                Problem(
                    e.position,
                    f"{dotted(e.field)}: {actual['convenant']} has one period (no extension), so its settlement has "
                    f"no {e.field[0]!r}; write the figure at the top of {EXPECTED}, as in SPEC §4",
                )
            )
        elif e.field[0] == PERIODS and e.field[1] not in ids:
            if e.field[1] in named:
                continue
            named.add(e.field[1])
            hint = closest(e.field[1], ids)
            guess = f"did you mean {quoted(hint)}? " if hint else ""
            problems.append(
                Problem(e.position, f"no period {quoted(e.field[1])}; {guess}the periods are {', '.join(ids)}")
            )
        elif several and e.field[0] not in (PERIODS, TOTAL) and e.field not in TOP_OF_PERIODS:
            problems.append(
                Problem(
                    e.position,
                    f"{dotted(e.field)}: {actual['convenant']} has {len(ids)} periods (S14); pin this figure "
                    f"for a period under periods: {{{ids[0]}: ...}}, or a sum under total",
                )
            )
    return problems


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


def settle_dir(case_dir: Path, expected: Expected | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """Load and settle a case: the JSON contract's mapping and the loading warnings (or InputError).

    S17: with ``expected.readings`` the case is settled under those alternative readings (an
    InputError at the ``readings`` line when one does not apply to the case); with
    ``expected.pins`` the mapping gains ``reading_subsidies``: ``{id: subsidy}``.
    S16: with ``expected.as_of`` the case is settled as ``settle --as-of`` does: results may be
    pending, and the mapping holds the interim position's keys too (an agreement of one period).
    """
    from convenant_calc.core.readings import DEFAULT
    from convenant_calc.core.settlement import settle_agreement
    from convenant_calc.io.loading import load_case
    from convenant_calc.render.json import agreement_dict

    as_of = expected.as_of if expected is not None else None
    pending = as_of is not None
    loaded = load_case(case_dir, pending_allowed=pending)
    readings = DEFAULT
    if expected is not None and (expected.readings or expected.pins):
        from convenant_calc.core.readings import choose, not_applicable_to

        readings, _ = choose(expected.readings)
        refused = not_applicable_to(loaded.case, readings)
        if refused:
            where = expected.readings_position or Position(expected.file)
            raise InputError([Problem(where, f"{READINGS}: {line}") for line in refused])
    agreement = settle_agreement(loaded.case, readings, pending_allowed=pending)
    actual = agreement_dict(agreement)
    if expected is not None and as_of is not None:
        from datetime import date

        from convenant_calc.core.interim import interim
        from convenant_calc.render.json import interim_dict

        where = expected.as_of_position or Position(expected.file)
        if not agreement.single:
            raise InputError(
                [
                    Problem(
                        where,
                        f"{AS_OF}: {loaded.case.convenant.id} has {len(agreement.periods)} periods (S14); "
                        "the interim position is pinned only for an agreement of one period",
                    )
                ]
            )
        day = date.fromisoformat(as_of)
        start = agreement.periods[0].convenant.term.start
        if day < start:
            raise InputError([Problem(where, f"as_of {as_of} lies before the term starts ({start}); check the date")])
        actual.update(interim_dict(interim(agreement.periods[0], day)))
    if expected is not None and expected.pins:
        from convenant_calc.core.reading_costs import reading_costs

        if not agreement.single:  # S14: what a reading costs is worked out for an agreement of one period
            raise InputError(
                [
                    Problem(
                        expected.pins[0].position,
                        f"{PINS}: {loaded.case.convenant.id} has {len(agreement.periods)} periods (S14); "
                        "what each reading costs is pinned only for an agreement of one period",
                    )
                ]
            )
        costs = reading_costs(loaded.case, agreement.periods[0])
        actual[PINS] = {c.alternative.id: fmt_plain(c.subsidy) for c in costs}
    return actual, list(loaded.warnings)


def _near_miss_only(case_dir: Path) -> bool:
    """Whether the case holds no expected.yaml but a near miss of it (``expected.yml``, ``expected.yaml.txt``)."""
    from convenant_calc.io.loading import near_miss

    if os.path.lexists(case_dir / EXPECTED):
        return False
    try:
        return any(near_miss(entry) == EXPECTED for entry in os.listdir(case_dir))
    except OSError:
        return False


def check_expected(case_dir: Path, name: str | None = None) -> CaseResult:
    """Settle one case and compare it with its expected.yaml; every problem of both is collected."""
    name = name or display_path(case_dir)
    expected_file = f"{name}/{EXPECTED}"
    problems: list[Problem] = []
    expected = None
    try:
        if not _near_miss_only(case_dir):  # else loading the case names the near miss (expected.yml) found
            expected = read_expected(case_dir / EXPECTED, expected_file)
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        actual, warnings = settle_dir(case_dir, expected)
    except InputError as exc:
        problems.extend(exc.problems)
        actual, warnings = None, []
    if expected is None or actual is None:
        return CaseResult(name, Status.ERROR, expected_file, problems=tuple(sorted(problems, key=lambda p: p.sort_key)))
    mismatches = unmatched(expected, actual)
    if mismatches:
        return CaseResult(name, Status.ERROR, expected_file, problems=tuple(sorted(mismatches, key=lambda p: p.sort_key)))
    differences = compare(expected, actual)
    if expected.pins:
        differences += compare(Expected(expected.file, expected.pins, expected.tolerance), actual)
    status = Status.FAIL if any(not d.tolerated for d in differences) else Status.OK
    checked = len(expected.expectations) + len(expected.pins)
    return CaseResult(name, status, expected_file, checked, tuple(differences), tuple(warnings))
