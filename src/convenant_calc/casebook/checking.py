"""`convenant check`: settle reviewed cases and hold them to the figures a reviewer agreed on.

A case directory may hold an ``expected.yaml`` (SPEC §3): any subset of the fields of
the JSON contract (SPEC §4), nested the same way, plus an optional ``tolerance`` in EUR::

    subsidy: "396819.92"
    deduction: {shortfall_fte_days: "12", amount: "1740.08"}

Like the rest of the product, errors are values with a position until the shell prints
them: :func:`read_expected` returns an :class:`Expected` or raises
:class:`~convenant_calc.problems.InputError` whose problems are ``file:line:col``;
:func:`check_case` returns a :class:`CaseResult` (ok, fail with its
:class:`Difference` list, or error with its problems). Every case is settled in this
process, one after the other, so a casebook of a thousand cases costs a thousand
settlements and nothing more.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

from convenant_calc.io import yamlpos
from convenant_calc.core.money import CENT, fmt_decimal
from convenant_calc.io.problems import InputError, Position, Problem, closest, display_path

EXPECTED = "expected.yaml"
TOLERANCE = "tolerance"


class Kind(Enum):
    """How a field of the JSON contract is read from expected.yaml and compared."""

    TEXT = "text"  # compared exactly
    DATE = "date"  # YYYY-MM-DD, compared exactly
    COUNT = "count"  # a whole number, compared exactly
    FTE_DAYS = "fte_days"  # a decimal, compared exactly (never a tolerance: it is not money)
    MONEY = "money"  # EUR, at most two decimals; within `tolerance`
    RATE = "rate"  # EUR a day (the contract shows 6 decimals); within `tolerance`


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
}
#: The mappings of the contract (``term``, ``results``, ``deduction``) and their fields.
GROUPS: dict[str, tuple[str, ...]] = {}
for _path in FIELDS:
    if len(_path) == 2:
        GROUPS.setdefault(_path[0], ())
        GROUPS[_path[0]] += (_path[1],)
TOLERATED = (Kind.MONEY, Kind.RATE)

#: S14: an agreement of more than one period prints ``convenant-settlement/2``; expected.yaml then pins
#: each period's figures under ``periods: {ID: {...}}`` (the fields of FIELDS, and ``period``) and the
#: totals under ``total``. ``schema`` and ``convenant`` stay at the top.
PERIODS = "periods"
TOTAL = "total"
TOTAL_FIELDS: dict[str, Kind] = {"max_subsidy": Kind.MONEY, "subsidy": Kind.MONEY, "paid": Kind.MONEY, "balance": Kind.MONEY}
TOP_OF_PERIODS = (("schema",), ("convenant",))


def field_kind(path: Field) -> Kind:
    """How the field at ``path`` is compared: a field of the /1 contract, of a period, or a total."""
    if path[0] == PERIODS:
        return Kind.TEXT if path[2:] == ("period",) else FIELDS[path[2:]]
    if path[0] == TOTAL:
        return TOTAL_FIELDS[path[1]]
    return FIELDS[path]



def dotted(path: Field) -> str:
    return ".".join(path)


# --- expected.yaml -------------------------------------------------------------------


@dataclass(frozen=True)
class Expectation:
    """One figure a reviewer agreed on, and where it is written."""

    field: Field
    kind: Kind
    value: str | int | Decimal
    position: Position


@dataclass(frozen=True)
class Expected:
    """A read and validated expected.yaml."""

    file: str
    expectations: tuple[Expectation, ...]
    tolerance: Decimal = Decimal(0)


def read_expected(path: Path, name: str | None = None) -> Expected:
    """Read ``expected.yaml`` (shown as ``name``); raise InputError with every problem, each at its place."""
    expected, _doc = _read_expected(path, name, allow_empty=False)
    return expected


def _read_expected(path: Path, name: str | None, *, allow_empty: bool) -> tuple[Expected, yamlpos.Document]:
    name = name or display_path(path)
    try:
        doc = yamlpos.load(path, name)
    except yamlpos.YamlError as exc:
        raise InputError([exc.problem]) from None
    return _validate(doc, allow_empty=allow_empty), doc


def _validate(doc: yamlpos.Document, *, allow_empty: bool) -> Expected:
    problems: list[Problem] = []
    expectations: list[Expectation] = []
    tolerance = Decimal(0)
    value = doc.value
    if allow_empty and not value:
        return Expected(doc.file, ())
    if not isinstance(value, dict) or not value:
        what = "empty" if not value else f"a {type(value).__name__}"
        raise InputError(
            [
                Problem(
                    doc.position(()),
                    f"{EXPECTED} is {what}; it must map fields of the JSON contract (SPEC §4) to the figures "
                    'you expect, e.g. subsidy: "396819.92" (convenant check --update writes the current ones)',
                )
            ]
        )
    for key, item in value.items():
        if key == TOLERANCE:
            try:
                tolerance = _tolerance(item)
            except ValueError as exc:
                problems.append(Problem(doc.position((key,)), str(exc)))
        elif key == PERIODS:
            if not isinstance(item, dict) or not item:
                problems.append(
                    Problem(
                        doc.position((key,)),
                        "'periods' maps each period's id to its figures (S14); "
                        'write it as a mapping, e.g. periods: {verlenging-2025-2026: {subsidy: "183249.32"}}',
                    )
                )
                continue
            for period, figures in item.items():
                if not isinstance(figures, dict):
                    problems.append(
                        Problem(
                            doc.position((key, period)),
                            f"period {period!r} holds fields of the JSON contract; write them as a mapping, "
                            'e.g. {subsidy: "183249.32"}',
                        )
                    )
                    continue
                _fields(doc, (key, str(period)), figures, expectations, problems, period=True)
        elif key == TOTAL:
            if not isinstance(item, dict):
                problems.append(
                    Problem(
                        doc.position((key,)),
                        f"'total' holds fields ({', '.join(TOTAL_FIELDS)}); write it as a mapping, "
                        'e.g. total: {subsidy: "580069.24"}',
                    )
                )
                continue
            for sub, subitem in item.items():
                if sub in TOTAL_FIELDS:
                    _expectation(doc, (key, sub), subitem, expectations, problems)
                else:
                    problems.append(_unknown(doc, (key, sub), list(TOTAL_FIELDS)))
        else:
            _fields(doc, (), {key: item}, expectations, problems, period=False)
    if not expectations and not problems and not allow_empty:
        problems.append(
            Problem(doc.position(()), f"{EXPECTED} names no figure to compare, so it would check nothing; add one")
        )
    if problems:
        raise InputError(problems)
    return Expected(doc.file, tuple(expectations), tolerance)


def _fields(doc, prefix: Field, mapping: dict, out: list[Expectation], problems: list[Problem], *, period: bool) -> None:
    """The fields of the /1 contract in ``mapping`` (at ``prefix``: the top, or one period's figures)."""
    for key, item in mapping.items():
        path = prefix + (key,)
        if key in GROUPS:
            if not isinstance(item, dict):
                problems.append(
                    Problem(
                        doc.position(path),
                        f"{key!r} holds fields ({', '.join(GROUPS[key])}); write it as a mapping, "
                        f"e.g. {key}: {{{GROUPS[key][-1]}: ...}}",
                    )
                )
                continue
            for sub, subitem in item.items():
                if (key, sub) in FIELDS:
                    _expectation(doc, path + (sub,), subitem, out, problems)
                else:
                    problems.append(_unknown(doc, path + (sub,), GROUPS[key]))
        elif (key,) in FIELDS or (period and key == "period"):
            _expectation(doc, path, item, out, problems)
        else:
            known = list(dict.fromkeys(p[0] for p in FIELDS))
            known += ["period"] if period else [PERIODS, TOTAL, TOLERANCE]
            problems.append(_unknown(doc, path, known))


def _unknown(doc: yamlpos.Document, path: tuple[str, ...], known: Sequence[str]) -> Problem:
    key = path[-1]
    hint = closest(key, known)
    where = f"in {dotted(path[:-1])!r}" if len(path) > 1 else "at the top"
    suggestion = f"did you mean {hint!r}?" if hint else f"known fields {where}: {', '.join(known)}"
    return Problem(
        doc.position(path, key=True),
        f"unknown field {key!r}; {suggestion} (expected.yaml holds fields of the JSON contract, SPEC §4)",
    )


def _expectation(doc, path: Field, raw: Any, out: list[Expectation], problems: list[Problem]) -> None:
    kind = field_kind(path)
    try:
        value = parse_value(kind, raw)
    except ValueError as exc:
        problems.append(Problem(doc.position(path), f"{dotted(path)}: {exc}"))
        return
    out.append(Expectation(path, kind, value, doc.position(path)))


def _decimal(raw: Any) -> Decimal:
    """An exact number from a plain YAML number or a quoted one ("396819.92")."""
    from convenant_calc.core.models import _DUTCH

    if isinstance(raw, bool) or not isinstance(raw, int | Decimal | str):
        raise ValueError(f"expected a number, got {_describe(raw)}")
    if isinstance(raw, int | Decimal):
        return Decimal(raw)
    text = raw.strip()
    if yamlpos._DECIMAL.match(text):
        return Decimal(text)
    if _DUTCH.match(text):
        plain = text.replace(".", "").replace(",", ".")
        raise ValueError(f"{text!r} is written the Dutch way; write it with a decimal point, e.g. \"{plain}\"")
    raise ValueError(f"expected a number, got {_describe(raw)}")


def parse_value(kind: Kind, raw: Any) -> str | int | Decimal:
    """The expected value of a field, from a quoted string or a plain YAML scalar."""
    if raw is None:
        raise ValueError("no value given; write the figure you expect, or remove the field")
    if kind is Kind.TEXT:
        if not isinstance(raw, str):
            raise ValueError(f"expected text, got {_describe(raw)}")
        return raw
    if kind is Kind.DATE:
        from convenant_calc.core.models import _iso_date

        return _iso_date(raw).isoformat()
    if kind is Kind.COUNT:
        number = _decimal(raw)
        if number != number.to_integral_value():
            raise ValueError(f"expected a whole number, got {_describe(raw)}")
        return int(number)
    number = _decimal(raw)
    if kind is Kind.MONEY and number != number.quantize(CENT):
        raise ValueError(f"an amount has at most two decimals (cents), got {number}")
    return number


def _tolerance(raw: Any) -> Decimal:
    try:
        value = _decimal(raw)
    except ValueError as exc:
        raise ValueError(f"tolerance: {exc}; write an amount in EUR, e.g. tolerance: \"0.01\"") from None
    if value < 0:
        raise ValueError(f"tolerance: must be 0 or more (an amount in EUR), got {value}")
    return value


def _describe(value: Any) -> str:
    from convenant_calc.io.loading import _describe as describe

    return str(value).lower() if isinstance(value, bool) else describe(value)


# --- comparing -----------------------------------------------------------------------


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


def lookup(actual: dict[str, Any], path: Field) -> Any:
    """The settled value at ``path``; in /2 output ``periods`` is looked up by period id."""
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
            hint = closest(e.field[1], ids)
            guess = f"did you mean {hint!r}? " if hint else ""
            problems.append(
                Problem(e.position, f"no period {e.field[1]!r}; {guess}the periods are {', '.join(ids)}")
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


# --- cases -----------------------------------------------------------------------------


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


def settle_dir(case_dir: Path) -> tuple[dict[str, Any], list[Problem]]:
    """Load and settle a case: the JSON contract's mapping and the loading warnings (or InputError)."""
    from convenant_calc.io.loading import load_case
    from convenant_calc.core.settlement import settle_agreement
    from convenant_calc.render.json import agreement_dict

    loaded = load_case(case_dir)
    return agreement_dict(settle_agreement(loaded.case)), list(loaded.warnings)


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
        actual, warnings = settle_dir(case_dir)
    except InputError as exc:
        problems.extend(exc.problems)
        actual, warnings = None, []
    if expected is None or actual is None:
        return CaseResult(name, Status.ERROR, expected_file, problems=tuple(sorted(problems, key=lambda p: p.sort_key)))
    mismatches = unmatched(expected, actual)
    if mismatches:
        return CaseResult(name, Status.ERROR, expected_file, problems=tuple(sorted(mismatches, key=lambda p: p.sort_key)))
    differences = compare(expected, actual)
    status = Status.FAIL if any(not d.tolerated for d in differences) else Status.OK
    return CaseResult(name, status, expected_file, len(expected.expectations), tuple(differences), tuple(warnings))


# --- finding cases ---------------------------------------------------------------------


class CaseDir(NamedTuple):
    path: Path
    name: str  # as the user will recognise it: below the path they gave, relative to it


def find_cases(paths: Iterable[Path], *, update: bool = False) -> tuple[list[CaseDir], list[Problem]]:
    """The case directories under ``paths``, in order, and a problem for each path that yields none.

    A path is a case directory (it holds an expected.yaml), or a directory searched
    recursively (hidden directories such as ``.git`` and ``.venv`` skipped) for
    directories holding an expected.yaml. With ``update``, a case directory named
    directly that has a results.yaml but no expected.yaml yet is a case too (its
    expected.yaml will be written). A case reached twice is checked once.
    """
    cases: list[CaseDir] = []
    seen: set[tuple[int, int]] = set()
    problems: list[Problem] = []

    for path in paths:
        if path.is_file() and path.name == EXPECTED:
            path = path.parent
        name = display_path(path)
        if not path.is_dir():
            what = "does not exist" if not path.exists() else "is not a directory"
            problems.append(Problem(Position(name), f"{what}; give a case directory or a directory of cases"))
            continue
        found = list(_walk(path))
        if not found and (path / "results.yaml").is_file():
            if update:
                found = [path]
            else:
                problems.append(
                    Problem(
                        Position(name),
                        f"this case has no {EXPECTED}; write the figures you expect there, or run "
                        f"'convenant check --update {name}' and review what it writes",
                    )
                )
                continue
        if not found:
            problems.append(Problem(Position(name), f"no case directory with an {EXPECTED} under this directory"))
        for case_dir in found:
            st = case_dir.stat()  # the same directory by another path (a symlink, "a/../a") counts once
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                rel = os.path.relpath(case_dir, path)
                cases.append(CaseDir(case_dir, name if rel == "." else os.path.join(name, rel)))
    return cases, problems


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if EXPECTED in filenames:
            yield Path(dirpath)


def select(cases: Sequence[CaseDir], keyword: str | None) -> list[CaseDir]:
    """``-k TEXT``: the cases whose name (as displayed) contains TEXT, ignoring case."""
    if not keyword:
        return list(cases)
    needle = keyword.casefold()
    return [c for c in cases if needle in c.name.casefold()]


# --- the command ---------------------------------------------------------------------------


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


def _minus(stream) -> str:
    """U+2212 where the output can carry it, else an ASCII hyphen (a legacy Windows console)."""
    try:
        "\u2212".encode(getattr(stream, "encoding", None) or "utf-8")
        return "\u2212"
    except (UnicodeEncodeError, LookupError):
        return "-"


def run(paths: Sequence[Path], *, keyword: str | None, update: bool, as_json: bool, out, err) -> int:
    """The `check` command: find, select, settle and compare (or update) every case; the exit code.

    Text mode streams one line per case to ``out`` as it is settled; input problems go to
    ``err`` as ``file:line:col: message``, as for `settle`. JSON mode prints one object at the end.
    """
    from convenant_calc.casebook import render

    cases, problems = find_cases(paths, update=update)
    selected = select(cases, keyword)
    if cases and not selected:
        problems.append(Problem(Position("-k"), f"no case name contains {keyword!r} (of {len(cases)} found)"))
    for problem in problems:
        print(problem, file=err)
    minus = _minus(out)

    if update:
        from convenant_calc.casebook.updating import UpdateStatus, update_case

        results = []
        for case_dir, name in selected:
            result = update_case(case_dir, name)
            results.append(result)
            for problem in result.problems:
                print(problem, file=err)
            if not as_json:
                out.write(render.update_line(result))
        failed = problems or any(r.status is UpdateStatus.ERROR for r in results)
        code = 2 if failed else 0
        if as_json:
            out.write(render.update_json(results, problems, code))
        else:
            counts = {s: sum(1 for r in results if r.status is s) for s in UpdateStatus}
            done = [f"{n} {s.value}" for s, n in counts.items() if n]
            out.write((", ".join(done) or "nothing to update") + "\n")
        return code

    tally = Tally()
    for case_dir, name in selected:
        result = check_expected(case_dir, name)
        tally.add(result)
        for problem in result.problems:
            print(problem, file=err)
        if as_json:
            tally.results.append(result)
        else:
            out.write(render.case_lines(result, minus))
    code = 2 if problems else tally.exit_code
    if as_json:
        out.write(render.json_report(tally, problems, code))
    else:
        out.write(render.summary(tally))
    return code
