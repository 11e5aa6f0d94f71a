"""Reading and validating a case's ``expected.yaml`` (SPEC §3).

The file holds any subset of the fields of the JSON contract (SPEC §4), nested the same
way, an optional ``as_of`` date (S16: the case is settled with ``--as-of``, and the interim
fields may be compared too), plus an optional ``tolerance`` in EUR::

    subsidy: "396819.92"
    deduction: {shortfall_fte_days: "12", amount: "1740.08"}

Like the rest of the product, errors are values with a position until the shell prints
them: :func:`read_expected` returns an :class:`~convenant_calc.casebook.model.Expected`
or raises :class:`~convenant_calc.io.problems.InputError` holding every problem of the
file, each as ``file:line:col``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from convenant_calc.casebook.model import (
    ALL_FIELDS,
    ALL_GROUPS,
    AS_OF,
    EXPECTED,
    FIELDS,
    GROUPS,
    INTERIM_FIELDS,
    LINES,
    MAX_TOLERANCE,
    NAMES,
    PERIODS,
    PINS,
    READINGS,
    TOLERANCE,
    TOTAL,
    TOTAL_FIELDS,
    Expectation,
    Expected,
    Field,
    Kind,
    dotted,
    field_kind,
)
from convenant_calc.core.money import CENT, D

#: What makes expected.yaml check something: a number of the settlement. The id, the schema, the
#: term's dates and the pending ids name the case; a file of those alone would pass, comparing nothing.
FIGURES = (Kind.COUNT, Kind.FTE_DAYS, Kind.MONEY, Kind.RATE)
from convenant_calc.core.text import clip, quoted
from convenant_calc.io import yamlpos
from convenant_calc.io.problems import InputError, Problem, closest, display_path


def read_expected(path: Path, name: str | None = None) -> Expected:
    """Read ``expected.yaml`` (shown as ``name``); raise InputError with every problem, each at its place."""
    expected, _doc = read_expected_document(path, name, allow_empty=False)
    return expected


def read_expected_document(path: Path, name: str | None, *, allow_empty: bool) -> tuple[Expected, yamlpos.Document]:
    """:func:`read_expected` and the parsed document (its positions), for editing the file in place."""
    name = name or display_path(path)
    try:
        doc = yamlpos.load(path, name)
    except yamlpos.YamlError as exc:
        raise InputError([exc.problem]) from None
    return validate(doc, allow_empty=allow_empty), doc


def validate(doc: yamlpos.Document, *, allow_empty: bool) -> Expected:
    """The expectations of a parsed expected.yaml; InputError with every problem of it."""
    problems: list[Problem] = []
    expectations: list[Expectation] = []
    pins: list[Expectation] = []
    readings: tuple[str, ...] = ()
    tolerance = D(0)
    as_of: str | None = None
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
        elif key == AS_OF:
            try:
                as_of = parse_value(Kind.DATE, item)  # type: ignore[assignment]
            except ValueError as exc:
                problems.append(Problem(doc.position((key,)), f"{AS_OF}: {exc}"))
        elif key == READINGS:
            readings = _readings(doc, item, problems)
        elif key == PINS:
            _pins(doc, item, pins, problems)
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
                            f"period {quoted(period)} holds fields of the JSON contract; write them as a mapping, "
                            'e.g. {subsidy: "183249.32"}',
                        )
                    )
                    continue
                _fields(doc, (key, str(period)), figures, expectations, problems, period=True)
        elif key == LINES:
            if not isinstance(item, dict) or not item:
                problems.append(
                    Problem(
                        doc.position((key,)),
                        "'lines' maps each funding line's id to its figures (S19); "
                        'write it as a mapping, e.g. lines: {duaal-leren: {subsidy: "59564.98"}}',
                    )
                )
                continue
            for line, figures in item.items():
                if not isinstance(figures, dict):
                    problems.append(
                        Problem(
                            doc.position((key, line)),
                            f"line {quoted(line)} holds fields of the JSON contract; write them as a mapping, "
                            'e.g. {subsidy: "59564.98"}',
                        )
                    )
                    continue
                _line_fields(doc, (key, str(line)), figures, expectations, problems)
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
    if as_of is None and AS_OF not in value:
        for e in expectations:
            if e.field in INTERIM_FIELDS:
                problems.append(
                    Problem(
                        e.position,
                        f"{dotted(e.field)} is a figure of the interim position (S16); add as_of: \"YYYY-MM-DD\" "
                        "so that the case is settled with --as-of that date",
                    )
                )
    if not problems and not allow_empty and not any(e.kind in FIGURES for e in (*expectations, *pins)):
        named = ", ".join(dict.fromkeys(dotted(e.field) for e in expectations))
        only = f" (only {named})" if named else ""
        problems.append(
            Problem(
                doc.position(()),
                f"{EXPECTED} compares no figure{only}, so the case would pass with nothing checked; "
                'add the figures you expect, e.g. subsidy: "…" (convenant check --update writes the current ones)',
            )
        )
    if problems:
        raise InputError(problems)
    where = doc.position((READINGS,)) if readings else None
    return Expected(
        doc.file,
        tuple(expectations),
        tolerance,
        as_of=as_of,
        as_of_position=doc.position((AS_OF,)) if as_of is not None else None,
        readings=readings,
        readings_position=where,
        pins=tuple(pins),
    )


def _readings(doc: yamlpos.Document, item: Any, problems: list[Problem]) -> tuple[str, ...]:
    """``readings: [id, ...]``: known alternative readings (S17) that can be read together."""
    from convenant_calc.core.readings import BY_ID, ReadingError, choose, suggestion

    if not isinstance(item, list) or not item:
        problems.append(
            Problem(
                doc.position((READINGS,)),
                f"{READINGS}: expected a list of alternative readings (S17), e.g. {READINGS}: [rate.effort-basis]",
            )
        )
        return ()
    ids: list[str] = []
    for i, name in enumerate(item):
        if not isinstance(name, str) or name not in BY_ID:
            hint = suggestion(str(name)) if isinstance(name, str) else "known readings: " + ", ".join(BY_ID)
            problems.append(Problem(doc.position((READINGS, i)), f"{READINGS}: unknown reading {quoted(name)}; {hint}"))
        else:
            ids.append(name)
    try:
        _, ordered = choose(ids)
    except ReadingError as exc:
        problems.append(Problem(doc.position((READINGS,)), f"{READINGS}: {exc}"))
        return ()
    return ordered


def _pins(doc: yamlpos.Document, item: Any, out: list[Expectation], problems: list[Problem]) -> None:
    """``reading_subsidies: {id: amount}``: the subsidy expected under each named alternative reading."""
    from convenant_calc.core.readings import BY_ID

    if not isinstance(item, dict) or not item:
        problems.append(
            Problem(
                doc.position((PINS,)),
                f"{PINS}: expected a mapping of alternative readings to the subsidy under each, "
                f'e.g. {PINS}: {{rate.effort-basis: "397341.94"}}',
            )
        )
        return
    for name, raw in item.items():
        if name not in BY_ID:
            problems.append(_unknown(doc, (PINS, name), list(BY_ID)))
            continue
        _expectation(doc, (PINS, name), raw, out, problems, Kind.MONEY)


def _line_fields(doc, prefix: Field, mapping: dict, out: list[Expectation], problems: list[Problem]) -> None:
    """S19: one line's figures: the fields of its settlement (or of each period's, under ``periods``), its title
    and its totals."""
    for key, item in mapping.items():
        if key != PERIODS:
            _fields(doc, prefix, {key: item}, out, problems, period=True)
            continue
        if not isinstance(item, dict) or not item:
            problems.append(
                Problem(
                    doc.position(prefix + (key,)),
                    "'periods' of a line maps each period's id to the line's figures in it (S14, S19); write it as "
                    'a mapping, e.g. periods: {verlenging-2025-2026: {subsidy: "29782.49"}}',
                )
            )
            continue
        for period, figures in item.items():
            if not isinstance(figures, dict):
                problems.append(
                    Problem(
                        doc.position(prefix + (key, period)),
                        f"period {quoted(period)} holds fields of the JSON contract; write them as a mapping, "
                        'e.g. {subsidy: "29782.49"}',
                    )
                )
                continue
            _fields(doc, prefix + (key, str(period)), figures, out, problems, period=True)


def _fields(doc, prefix: Field, mapping: dict, out: list[Expectation], problems: list[Problem], *, period: bool) -> None:
    """The fields of the /1 contract in ``mapping`` (at ``prefix``: the top, or one period's figures, S14).

    At the top, the fields of the interim position too (S16, with ``as_of``).
    """
    groups, fields = (GROUPS, FIELDS) if period else (ALL_GROUPS, ALL_FIELDS)
    for key, item in mapping.items():
        path = prefix + (key,)
        if key in groups:
            if not isinstance(item, dict):
                problems.append(
                    Problem(
                        doc.position(path),
                        f"{quoted(key)} holds fields ({', '.join(groups[key])}); write it as a mapping, "
                        f"e.g. {key}: {{{groups[key][-1]}: ...}}",
                    )
                )
                continue
            for sub, subitem in item.items():
                if (key, sub) in fields:
                    _expectation(doc, path + (sub,), subitem, out, problems)
                else:
                    problems.append(_unknown(doc, path + (sub,), groups[key]))
        elif (key,) in fields or (period and key in NAMES):
            _expectation(doc, path, item, out, problems)
        else:
            known = list(dict.fromkeys(p[0] for p in fields))
            known += ["period"] if period else [TOLERANCE, AS_OF, READINGS, PINS, PERIODS, LINES, TOTAL]
            problems.append(_unknown(doc, path, known))


def _unknown(doc: yamlpos.Document, path: tuple[str, ...], known: Sequence[str]) -> Problem:
    key = path[-1]
    hint = closest(key, known)
    where = f"in {quoted(dotted(path[:-1]))}" if len(path) > 1 else "at the top"
    suggestion = f"did you mean {quoted(hint)}?" if hint else f"known fields {where}: {', '.join(known)}"
    return Problem(
        doc.position(path, key=True),
        f"unknown field {quoted(key)}; {suggestion} (expected.yaml holds fields of the JSON contract, SPEC §4)",
    )


def _expectation(
    doc, path: Field, raw: Any, out: list[Expectation], problems: list[Problem], kind: Kind | None = None
) -> None:
    kind = kind or field_kind(path)
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
        return _bounded(Decimal(raw))
    text = raw.strip()
    if yamlpos._DECIMAL.match(text):
        return _bounded(Decimal(text))
    if _DUTCH.match(text):
        plain = text.replace(".", "").replace(",", ".")
        raise ValueError(f"{quoted(text)} is written the Dutch way; write it with a decimal point, e.g. \"{plain}\"")
    raise ValueError(f"expected a number, got {_describe(raw)}")


def _bounded(number: Decimal) -> Decimal:
    """A figure within the bounds of the input files (below 10¹², at most 10 decimals), so compared exactly.

    ``subsidy: 1e28`` would not even round to cents within Decimal's 28 digits; no settlement
    reaches a million million euro.
    """
    from convenant_calc.core.models import LIMIT, MAX_DECIMALS

    if number and number.adjusted() >= LIMIT.adjusted():
        raise ValueError(
            f"{clip(str(number))} is far too large for a figure of a settlement; check the number of digits"
        )
    if number.as_tuple().exponent < -MAX_DECIMALS:  # type: ignore[operator]
        raise ValueError(
            f"{clip(str(number))} has more than {MAX_DECIMALS} decimals; write the figure as the contract shows it"
        )
    return number


def parse_value(kind: Kind, raw: Any) -> str | int | Decimal | None:
    """The expected value of a field, from a quoted string or a plain YAML scalar."""
    if raw is None and kind is Kind.RATE:  # S19: "A line with consultants_fte: 0 has no deduction: its JSON daily_rate is null"
        return None
    if raw is None:
        raise ValueError("no value given; write the figure you expect, or remove the field")
    if kind is Kind.TEXT:
        if not isinstance(raw, str):
            raise ValueError(f"expected text, got {_describe(raw)}")
        return raw
    if kind is Kind.IDS:
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            raise ValueError(f"expected a list of commitment ids, e.g. [R1, R4]; got {_describe(raw)}")
        return tuple(raw)  # type: ignore[return-value]
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
        text = raw.strip() if isinstance(raw, str) else raw
        if isinstance(text, int | Decimal) or (isinstance(text, str) and yamlpos._DECIMAL.match(text)):
            value = Decimal(text)  # a number, only out of bounds: say the bound that matters here
            if value > MAX_TOLERANCE:
                raise ValueError(_too_tolerant(value)) from None
        raise ValueError(f"tolerance: {exc}; write an amount in EUR, e.g. tolerance: \"0.01\"") from None
    if value < 0:
        raise ValueError(f"tolerance: must be 0 or more (an amount in EUR), got {value}")
    if value > MAX_TOLERANCE:
        raise ValueError(_too_tolerant(value))
    return value


def _too_tolerant(value: Decimal) -> str:
    return (
        f"tolerance: at most {MAX_TOLERANCE} (EUR), got {clip(str(value))}; "
        "a larger one would let wrong figures pass"
    )


def _describe(value: Any) -> str:
    from convenant_calc.io.loading import _describe as describe

    return str(value).lower() if isinstance(value, bool) else describe(value)
