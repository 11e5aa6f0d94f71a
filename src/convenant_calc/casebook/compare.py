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
    LINES,
    PERIODS,
    SCHEMA_LINES,
    SCHEMA_PERIODS,
    TOTAL_FIELDS,
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


def keyed(actual: dict[str, Any]) -> dict[str, Any]:
    """The settlement's figures as expected.yaml names them: the /1 contract as it is; in /2 the periods
    by id (S14); in /3 each line by id with its settlement's figures (one period) or its periods' (under
    ``periods``) and its totals, the periods' totals by id and the total (S19)."""
    schema = actual.get("schema")
    if schema == SCHEMA_PERIODS:
        return {**actual, PERIODS: {p["period"]: p for p in actual[PERIODS]}}
    if schema != SCHEMA_LINES:
        return actual
    entries = actual["settlements"]
    several = len({e["period"] for e in entries}) > 1
    lines: dict[str, Any] = {}
    for line in actual[LINES]:
        own = [e for e in entries if e["line"] == line["line"]]
        body: dict[str, Any] = {"title": line["title"]}
        if several:
            body[PERIODS] = {e["period"]: e for e in own}
        else:
            body.update(own[0])
        body.update({key: line[key] for key in TOTAL_FIELDS})
        lines[line["line"]] = body
    rest = {k: v for k, v in actual.items() if k not in ("settlements", LINES, PERIODS, TOTAL)}
    return {**rest, LINES: lines, PERIODS: {p["period"]: p for p in actual[PERIODS]}, TOTAL: actual[TOTAL]}


def lookup(actual: dict[str, Any], path: Field) -> Any:
    """The settled value at ``path`` of :func:`keyed` figures."""
    value: Any = actual
    for part in path:
        value = value[part]
    return value


def present(actual: dict[str, Any], path: Field) -> bool:
    """Whether the settlement (:func:`keyed`) has a figure at ``path``."""
    value: Any = actual
    for part in path:
        if not isinstance(value, dict) or part not in value:
            return False
        value = value[part]
    return not isinstance(value, dict)


def unmatched(expected: Expected, actual: dict[str, Any]) -> list[Problem]:
    """S14, S19: expected figures the settlement cannot have, each at its place (a period or a line it does
    not have, a flat field for an agreement of several periods or lines, periods for an agreement of one)."""
    schema = actual.get("schema")
    one = schema not in (SCHEMA_PERIODS, SCHEMA_LINES)
    ids = list(actual[PERIODS]) if not one else [actual["convenant"]]
    lines = list(actual[LINES]) if schema == SCHEMA_LINES else []
    problems = []
    named: set[tuple[str, str]] = set()  # a period or line that does not exist is reported once
    for e in expected.expectations:
        head = e.field[0]
        if head in (PERIODS, TOTAL) and one:
            problems.append(
                Problem(
                    e.position,
                    f"{dotted(e.field)}: {actual['convenant']} has one period (no extension), so its settlement has "
                    f"no {head!r}; write the figure at the top of {EXPECTED}, as in SPEC §4",
                )
            )
        elif head == LINES and not lines:
            where = "at the top" if one else "under periods"
            problems.append(
                Problem(
                    e.position,
                    f"{dotted(e.field)}: {actual['convenant']} has one funding line (no addenda, S19), so its "
                    f"settlement has no 'lines'; write the figure {where} of {EXPECTED}",
                )
            )
        elif head in (PERIODS, LINES) and e.field[1] not in (ids if head == PERIODS else lines):
            if (head, e.field[1]) in named:
                continue
            named.add((head, e.field[1]))
            known = ids if head == PERIODS else lines
            what = "period" if head == PERIODS else "line"
            hint = closest(e.field[1], known)
            guess = f"did you mean {quoted(hint)}? " if hint else ""
            problems.append(
                Problem(e.position, f"no {what} {quoted(e.field[1])}; {guess}the {what}s are {', '.join(known)}")
            )
        elif not one and head not in (PERIODS, TOTAL, LINES) and e.field not in TOP_OF_PERIODS:
            if lines:
                how = f"for a line under lines: {{{lines[0]}: ...}}"
                count = f"{len(lines)} funding lines (S19)"
            else:
                how = f"for a period under periods: {{{ids[0]}: ...}}"
                count = f"{len(ids)} periods (S14)"
            problems.append(
                Problem(
                    e.position,
                    f"{dotted(e.field)}: {actual['convenant']} has {count}; pin this figure {how}, or a sum under total",
                )
            )
        elif not present(actual, e.field):
            problems.append(Problem(e.position, _absent(e.field, actual, ids, lines)))
    return problems


def _absent(path: Field, actual: dict[str, Any], ids: list[str], lines: list[str]) -> str:
    """Why a figure of a period or a line is not in the settlement, and where it is (S14, S19)."""
    field = dotted(path)
    if path[0] == PERIODS and lines:
        return (
            f"{field}: with several funding lines (S19) 'periods' holds each period's totals "
            f"({', '.join(TOTAL_FIELDS)}); pin a line's figure under lines: {{{lines[0]}: ...}}"
        )
    if path[0] == LINES and len(ids) > 1 and path[2:3] != (PERIODS,):
        return (
            f"{field}: {actual['convenant']} has {len(ids)} periods (S14); pin the line's figure for a period under "
            f"lines.{path[1]}.periods.{ids[0]}, or its totals ({', '.join(TOTAL_FIELDS)}) under lines.{path[1]}"
        )
    if path[0] == LINES and path[2:3] == (PERIODS,):
        if len(ids) == 1:
            return f"{field}: {actual['convenant']} has one period; write the line's figures under lines.{path[1]}"
        return f"{field}: no period {quoted(path[3])} of line {quoted(path[1])}; its periods are " + ", ".join(
            actual[LINES][path[1]][PERIODS]
        )
    return f"{field}: the settlement has no such figure"


def show_expected(e: Expectation) -> str:
    """The expected value the way the contract writes it (money with two decimals)."""
    if e.value is None:  # S19: a line without a daily rate
        return "null"
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
        if e.kind in (Kind.TEXT, Kind.DATE) or got is None or e.value is None:  # None: no daily rate (S19)
            if got == e.value:
                continue
            differences.append(
                Difference(e.field, e.kind, show_expected(e), "null" if got is None else str(got), None, e.position)
            )
            continue
        if e.kind is Kind.IDS:
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
    actual = keyed(agreement_dict(agreement))
    if expected is not None and as_of is not None:
        from datetime import date

        from convenant_calc.core.interim import interim
        from convenant_calc.render.json import interim_dict

        where = expected.as_of_position or Position(expected.file)
        only = agreement.only
        if only is None:
            raise InputError(
                [
                    Problem(
                        where,
                        f"{AS_OF}: {loaded.case.convenant.id} has {_parts(agreement)}; "
                        "the interim position is pinned only for an agreement of one period and one line",
                    )
                ]
            )
        day = date.fromisoformat(as_of)
        start = only.convenant.term.start
        if day < start:
            raise InputError([Problem(where, f"as_of {as_of} lies before the term starts ({start}); check the date")])
        actual.update(interim_dict(interim(only, day)))
    if expected is not None and expected.pins:
        from convenant_calc.core.reading_costs import reading_costs

        if len(agreement.period_ids) > 1:  # S14: what a reading costs is pinned for an agreement of one period
            raise InputError(
                [
                    Problem(
                        expected.pins[0].position,
                        f"{PINS}: {loaded.case.convenant.id} has {len(agreement.period_ids)} periods (S14); "
                        "what each reading costs is pinned only for an agreement of one period",
                    )
                ]
            )
        costs = reading_costs(loaded.case, agreement)
        actual[PINS] = {c.alternative.id: fmt_plain(c.subsidy) for c in costs}
    return actual, list(loaded.warnings)


def _parts(a) -> str:
    """"2 periods (S14)", "2 lines (S19)" or both: what makes an agreement more than one settlement."""
    counts = [
        f"{n} {what} ({rule})"
        for n, what, rule in ((len(a.period_ids), "periods", "S14"), (len(a.line_ids), "lines", "S19"))
        if n > 1
    ]
    return " and ".join(counts)


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
