"""`convenant check --update`: write a case's current figures into its expected.yaml.

The file is edited in place, value by value, at the positions :mod:`yamlpos` reports,
so that the reviewer's comments, the order of the fields and their quoting survive and
``git diff`` shows only the figures that moved. Only values that differ are rewritten;
fields of the contract that are missing are added (inside their mapping when it exists,
else at the end of the file). S14: for an agreement of several periods the same holds for
the figures under ``periods.ID`` and ``total`` (a missing period is added under ``periods``).
The result is parsed again and must read back as exactly the settled figures; if it does
not (an unusual layout such as a block scalar), the file is written afresh and the result says that its comments could not be kept. The file is
replaced atomically by :func:`convenant_calc.io.output.write_atomic`, the writer `settle --output` uses
too, so a failure never loses it; a read-only or symlinked expected.yaml is refused before any work.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from convenant_calc.casebook.compare import compare, lookup, settle_dir, unmatched
from convenant_calc.casebook.expected import read_expected_document, validate
from convenant_calc.casebook.model import (
    LINES,
    SCHEMA_LINES,
    SCHEMA_PERIODS,
    ALL_FIELDS,
    ALL_GROUPS,
    COST_FIELDS,
    AS_OF,
    EXPECTED,
    FIELDS,
    INTERIM_FIELDS,
    GROUPS,
    PERIODS,
    PINS,
    READINGS,
    TOLERANCE,
    TOP_OF_PERIODS,
    TOTAL,
    TOTAL_FIELDS,
    Expected,
    Field,
    Kind,
    UpdateResult,
    UpdateStatus,
    dotted,
    field_kind,
)
from convenant_calc.io import yamlpos
from convenant_calc.io.output import Refused, check_target, write_atomic
from convenant_calc.io.problems import InputError, Position, Problem, display_path

#: What --update writes: every field of the contract but its schema label.
DEFAULT_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f != ("schema",) and f not in COST_FIELDS)
#: ... and with ``as_of`` (S16), the interim position's fields too.
DEFAULT_INTERIM_FIELDS: tuple[Field, ...] = DEFAULT_FIELDS + tuple(INTERIM_FIELDS)


def defaults(as_of: str | None) -> tuple[Field, ...]:
    return DEFAULT_INTERIM_FIELDS if as_of is not None else DEFAULT_FIELDS


SEVERAL = SCHEMA_PERIODS  # S14: the schema of an agreement of more than one period


def contract(actual: dict[str, Any], as_of: str | None) -> tuple[tuple[Field, ...], tuple[Field, ...]]:
    """Every field the settlement ``actual`` has, in contract order, and those --update writes.

    For an agreement of one period, the fields of the /1 contract (and, with ``as_of``, of the
    interim position). S14, for several periods: ``convenant`` at the top, each period's fields
    under ``periods.ID`` (all but ``convenant`` and ``period``) in the order of the periods, and
    the totals. S19, for several lines: each line's figures under ``lines.ID`` (under
    ``lines.ID.periods.PERIOD`` and its totals, for several periods), the periods' totals (for
    several periods) and the total.
    """
    if actual.get("schema") == SCHEMA_LINES:
        return _line_contract(actual)
    if actual.get("schema") != SEVERAL:
        return tuple(ALL_FIELDS), defaults(as_of)
    ids = [str(p) for p in actual[PERIODS]]
    order = TOP_OF_PERIODS + tuple((PERIODS, i) + f for i in ids for f in (*FIELDS, ("period",)))
    order += tuple((TOTAL, key) for key in TOTAL_FIELDS)
    wanted = (("convenant",),) + tuple((PERIODS, i) + f for i in ids for f in DEFAULT_FIELDS if f != ("convenant",))
    wanted += tuple((TOTAL, key) for key in TOTAL_FIELDS)
    return order, wanted


def _line_contract(actual: dict[str, Any]) -> tuple[tuple[Field, ...], tuple[Field, ...]]:
    """S19: the fields of a settlement of several lines (:func:`contract`), in contract order, and those written."""
    ids = [str(p) for p in actual[PERIODS]]
    several = len(ids) > 1
    settled = tuple(f for f in FIELDS if f not in TOP_OF_PERIODS) + (("period",), ("line",))
    written = tuple(f for f in DEFAULT_FIELDS if f != ("convenant",))
    totals = tuple((key,) for key in TOTAL_FIELDS)
    order: tuple[Field, ...] = TOP_OF_PERIODS
    wanted: tuple[Field, ...] = (("convenant",),)
    for line in actual[LINES]:
        at = (LINES, str(line))
        order += (at + ("title",),)
        if several:
            for i in ids:
                if i in actual[LINES][line][PERIODS]:
                    order += tuple(at + (PERIODS, i) + f for f in (("schema",), ("convenant",)) + settled)
                    wanted += tuple(at + (PERIODS, i) + f for f in written)
            order += tuple(at + f for f in totals)
            wanted += tuple(at + f for f in totals)
        else:
            order += tuple(at + f for f in (("schema",), ("convenant",)) + settled)
            wanted += tuple(at + f for f in written)
    for i in ids:
        order += tuple((PERIODS, i) + f for f in (("period",), *totals))
        if several:
            wanted += tuple((PERIODS, i) + f for f in totals)
    order += tuple((TOTAL, key) for key in TOTAL_FIELDS)
    wanted += tuple((TOTAL, key) for key in TOTAL_FIELDS)
    return order, wanted


def fresh_any(
    actual: dict[str, Any], fields: tuple[Field, ...], tolerance: str | None = None, expected: Expected | None = None
) -> str:
    """A new expected.yaml: :func:`fresh` for one period, :func:`fresh_periods` (every figure) for several,
    :func:`fresh_nested` (``fields``) for several lines."""
    if actual.get("schema") == SEVERAL:
        return fresh_periods(actual, tolerance, expected)
    if actual.get("schema") == SCHEMA_LINES:
        return fresh_nested(actual, fields, tolerance, expected)
    return fresh(actual, fields, tolerance, expected)


def _kind(path: Field) -> Kind:
    """How the value at ``path`` is written; an entry of ``reading_subsidies`` (S17) is an amount."""
    return Kind.MONEY if path[0] == PINS else field_kind(path)


HEADER = (
    "# Expected figures of this case: fields of the JSON contract (SPEC §4), compared by `convenant check`.\n"
    "# Written by `convenant check --update`: review every figure (git diff) before committing it.\n"
)


def update_case(case_dir: Path, name: str | None = None) -> UpdateResult:
    """Settle a case and write its figures into its expected.yaml (created when missing)."""
    name = name or display_path(case_dir)
    path = case_dir / EXPECTED
    file = f"{name}/{EXPECTED}"
    try:
        check_target(path)  # a link or a read-only file is refused before any work
    except Refused as exc:
        return UpdateResult(name, UpdateStatus.ERROR, file, problems=(Problem(Position(file), f"{exc}; not updated"),))
    problems: list[Problem] = []
    existing: tuple[Expected, yamlpos.Document, str] | None = None
    if path.exists():
        try:
            expected, doc = read_expected_document(path, file, allow_empty=True)
            existing = (expected, doc, path.read_bytes().decode("utf-8-sig"))
        except InputError as exc:  # never overwrite a file we could not read
            problems.extend(exc.problems)
    try:
        actual, _warnings = settle_dir(case_dir, existing[0] if existing is not None else None)  # its as_of too
    except InputError as exc:
        problems.extend(exc.problems)
    if problems:
        return UpdateResult(name, UpdateStatus.ERROR, file, problems=tuple(sorted(problems, key=lambda p: p.sort_key)))

    if existing is not None and unmatched(existing[0], actual):  # S14: a figure this settlement cannot have
        problems = unmatched(existing[0], actual)  # the reviewer's file is left as it is, as `check` reports
        return UpdateResult(name, UpdateStatus.ERROR, file, problems=tuple(sorted(problems, key=lambda p: p.sort_key)))
    if existing is None:
        _order, wanted = contract(actual, None)
        text, changed, lost = fresh_any(actual, wanted), tuple(dotted(f) for f in wanted), False
        status = UpdateStatus.CREATED
    else:
        expected, doc, old = existing
        text, changed, lost = rewrite(old, doc, expected, actual)
        if text == old:
            return UpdateResult(name, UpdateStatus.UNCHANGED, file)
        status = UpdateStatus.UPDATED
    try:
        write_atomic(path, text)
    except Refused as exc:
        return UpdateResult(name, UpdateStatus.ERROR, file, problems=(Problem(Position(file), f"{exc}; not updated"),))
    except OSError as exc:
        problem = Problem(Position(file), f"could not write: {exc.strerror or exc}; the file was left as it was")
        return UpdateResult(name, UpdateStatus.ERROR, file, problems=(problem,))
    return UpdateResult(name, status, file, changed, comments_lost=lost)


# --- text ------------------------------------------------------------------------------


def _format(kind: Kind, value: Any, quote: str = '"') -> str:
    """A value as written in expected.yaml: counts plain, ids as a flow list, everything else quoted as in JSON."""
    if value is None:  # S19: a line without a daily rate
        return "null"
    if kind is Kind.COUNT:
        return str(value)
    if kind is Kind.IDS:
        return f"[{', '.join(value)}]"
    return f"{quote}{value}{quote}"


def fresh(
    actual: dict[str, Any], fields: tuple[Field, ...], tolerance: str | None = None, expected: Expected | None = None
) -> str:
    """A new expected.yaml holding ``fields`` (in contract order) with the settled figures.

    S17: the ``readings`` of ``expected`` are kept, and its ``reading_subsidies`` are written afresh.
    """
    out = [HEADER]
    if expected is not None and expected.as_of is not None:
        out.append(f'{AS_OF}: "{expected.as_of}"\n')
    if tolerance is not None:
        out.append(f'{TOLERANCE}: "{tolerance}"\n')
    if expected is not None and expected.readings:
        out.append(f"{READINGS}: [{', '.join(expected.readings)}]\n")
    wanted = set(fields)
    done: set[str] = set()
    for path in ALL_FIELDS:
        if path not in wanted or path[0] in done:
            continue
        if len(path) == 1:
            out.append(f"{path[0]}: {_format(ALL_FIELDS[path], lookup(actual, path))}\n")
        else:
            group = path[0]
            done.add(group)
            out.append(f"{group}:\n")
            for sub in ALL_GROUPS[group]:
                if (group, sub) in wanted:
                    out.append(f"  {sub}: {_format(ALL_FIELDS[(group, sub)], lookup(actual, (group, sub)))}\n")
    if expected is not None and expected.pins:
        out.append(f"{PINS}:\n")
        for pin in expected.pins:
            out.append(f'  {pin.field[1]}: "{lookup(actual, pin.field)}"\n')
    return "".join(out)


def fresh_periods(actual: dict[str, Any], tolerance: str | None = None, expected: Expected | None = None) -> str:
    """S14: a new expected.yaml for an agreement of several periods: each period's figures, and the totals.

    S17: the ``readings`` of ``expected`` are kept.
    """
    out = [HEADER]
    if tolerance is not None:
        out.append(f'{TOLERANCE}: "{tolerance}"\n')
    if expected is not None and expected.readings:
        out.append(f"{READINGS}: [{', '.join(expected.readings)}]\n")
    out.append(f"convenant: {_format(Kind.TEXT, actual['convenant'])}\n{PERIODS}:\n")
    for period in actual[PERIODS].values():
        body = fresh(period, tuple(f for f in DEFAULT_FIELDS if f != ("convenant",)))[len(HEADER) :]
        out.append(f"  {period['period']}:\n")
        out.extend(f"    {line}\n" for line in body.splitlines())
    out.append(f"{TOTAL}:\n")
    out.extend(f'  {key}: "{actual[TOTAL][key]}"\n' for key in TOTAL_FIELDS)
    return "".join(out)


def fresh_nested(
    actual: dict[str, Any], fields: tuple[Field, ...], tolerance: str | None = None, expected: Expected | None = None
) -> str:
    """S19: a new expected.yaml holding ``fields`` (in contract order) of a settlement of several lines, each
    mapping opened where its first field is written. S17: the ``readings`` of ``expected`` are kept."""
    out = [HEADER]
    if tolerance is not None:
        out.append(f'{TOLERANCE}: "{tolerance}"\n')
    if expected is not None and expected.readings:
        out.append(f"{READINGS}: [{', '.join(expected.readings)}]\n")
    opened: Field = ()
    for path in fields:
        common = 0
        while common < min(len(opened), len(path) - 1) and opened[common] == path[common]:
            common += 1
        out.extend(f"{'  ' * depth}{path[depth]}:\n" for depth in range(common, len(path) - 1))
        opened = path[:-1]
        out.append(f"{'  ' * (len(path) - 1)}{path[-1]}: {_format(_kind(path), lookup(actual, path))}\n")
    return "".join(out)


def _token_end(line: str, start: int) -> int | None:
    """The end (exclusive) of the scalar token starting at ``start``, or None if it is not one line."""
    if start >= len(line):
        return None
    ch = line[start]
    if ch == '"':
        i = start + 1
        while i < len(line):
            if line[i] == "\\":
                i += 2
                continue
            if line[i] == '"':
                return i + 1
            i += 1
        return None
    if ch == "'":
        i = start + 1
        while i < len(line):
            if line[i] == "'":
                if line[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                return i + 1
            i += 1
        return None
    if ch == "[":  # a flow list of ids on one line (S16 pending): up to its closing bracket
        close = line.find("]", start)
        return close + 1 if close > 0 and "[" not in line[start + 1 : close] else None
    if ch in "|>{":
        return None
    i = start
    while i < len(line) and line[i] not in ",]}" and not (line[i] == "#" and line[i - 1] in " \t"):
        i += 1
    end = len(line[start:i].rstrip()) + start
    return end if end > start else None


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class _Unkeepable(Exception):
    """The layout cannot be edited in place; the caller writes the file afresh."""


def rewrite(
    text: str, doc: yamlpos.Document, expected: Expected, actual: dict[str, Any]
) -> tuple[str, tuple[str, ...], bool]:
    """The file with changed values replaced in place and missing fields added.

    Returns the new text, the dotted fields changed or added, and whether the
    comments were lost (the in-place edit did not read back as the settled figures).
    """
    exact = Expected(expected.file, expected.expectations)
    moved = [d.field for d in compare(exact, actual)]
    present = {e.field for e in expected.expectations}
    order, wanted = contract(actual, expected.as_of)
    missing = [f for f in wanted if f not in present]
    shifted = set(moved) | set(missing)
    changed = tuple(dotted(f) for f in order if f in shifted)
    if expected.pins:  # S17: the subsidies under alternative readings, edited in place like the rest
        pins_moved = [d.field for d in compare(Expected(expected.file, expected.pins), actual)]
        moved += pins_moved
        changed += tuple(dotted(f) for f in pins_moved)
    try:
        new = _edit(text, doc, moved, missing, actual)
        _verify(new, doc.file, present | set(missing), expected, actual)
        return new, changed, False
    except _Unkeepable:
        tolerance = f"{expected.tolerance:f}" if TOLERANCE in (doc.value or {}) else None
        fields = tuple(f for f in order if f in present or f in shifted)
        return fresh_any(actual, fields, tolerance, expected), changed, True


def _edit(text: str, doc: yamlpos.Document, moved: list[Field], missing: list[Field], actual: dict[str, Any]) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = _LINES.findall(text)  # only what YAML counts as line breaks (str.splitlines knows more)
    bodies = [line.rstrip("\r\n") for line in lines]
    ends = [line[len(body) :] for line, body in zip(lines, bodies)]
    inline: dict[int, list[tuple[int, int, str]]] = {}  # line index -> (start, end, replacement)
    after: dict[int, list[str]] = {}  # line index -> whole lines to insert after it
    tail: list[str] = []

    def mark(path: tuple) -> tuple[int, int]:
        line, col = doc.marks[path]
        return line - 1, col - 1

    for path in moved:
        row, start = mark(path)
        end = _token_end(bodies[row], start)
        if end is None:
            raise _Unkeepable
        quote = bodies[row][start] if bodies[row][start] in "\"'" else ""
        inline.setdefault(row, []).append((start, end, _format(_kind(path), lookup(actual, path), quote)))

    top = doc.value if isinstance(doc.value, dict) else {}
    if top and bodies[mark(())[0]][mark(())[1]] == "{":
        raise _Unkeepable  # a flow mapping at the top: write afresh
    # Each missing field goes into the deepest of its mappings that the file has (the top, a group,
    # S14 a period or ``total``), with the mappings it lacks written around it.
    additions: dict[tuple, dict[str, Any]] = {}  # that mapping's path -> the entries to add, nested
    for path in missing:
        anchor: tuple = ()
        value: Any = top
        for part in path[:-1]:
            if not isinstance(value.get(part), dict):
                break
            anchor, value = anchor + (part,), value[part]
        entries = additions.setdefault(anchor, {})
        for part in path[len(anchor) : -1]:
            entries = entries.setdefault(part, {})
        entries[path[-1]] = _format(_kind(path), lookup(actual, path))
    # Deepest first: a mapping that ends on the same line as its parent gets its lines before the parent's.
    for anchor, entries in sorted(additions.items(), key=lambda item: -len(item[0])):
        if not anchor:  # at the end of the file
            tail.extend(_block(entries, 0, newline))
            continue
        row, col = mark(anchor)
        children = [anchor + (c,) for c in _mapping(top, anchor)]
        if bodies[row][col] == "{":  # flow mapping: insert before its closing brace
            added = ", ".join(_flow(entries))
            if not children:
                inline.setdefault(row, []).append((col + 1, col + 1, added))
                continue
            if any(isinstance(_mapping(top, c), dict | list) for c in children):
                raise _Unkeepable  # its last entry is itself a collection: where it closes is not one token
            last_row, last_col = max(mark(c) for c in children)
            end = _token_end(bodies[last_row], last_col)
            close = bodies[last_row].find("}", end) if end is not None else -1
            if end is None or close < 0 or bodies[last_row][end:close].strip(" \t,"):
                raise _Unkeepable
            inline.setdefault(last_row, []).append((close, close, ", " + added))
        else:  # block mapping: lines after the last line of its values, at the indentation of its keys
            depth = len(anchor)
            last_row = max(line - 1 for p, (line, _c) in doc.marks.items() if len(p) > depth and p[:depth] == anchor)
            indent = doc.key_marks[children[0]][1] - 1
            after.setdefault(last_row, []).extend(_block(entries, indent, newline))

    for row, ops in inline.items():
        body = bodies[row]
        for start, end, replacement in sorted(ops, reverse=True):
            body = body[:start] + replacement + body[end:]
        bodies[row] = body
    out: list[str] = []
    for row, body in enumerate(bodies):
        out.append(body + ends[row])
        if row in after:
            if not ends[row]:
                out[-1] += newline
            out.extend(after[row])
    if tail:
        if out and not out[-1].endswith(("\n", "\r")):
            out[-1] += newline
        out.extend(tail)
    return "".join(out)


def _mapping(top: dict[str, Any], path: tuple) -> Any:
    """The value at ``path`` of the parsed file."""
    value: Any = top
    for part in path:
        value = value[part]
    return value


def _block(entries: dict[str, Any], indent: int, newline: str) -> list[str]:
    """Entries as lines of a block mapping at ``indent``; a nested mapping two spaces further in."""
    out = []
    for key, value in entries.items():
        if isinstance(value, dict):
            out.append(f"{' ' * indent}{key}:{newline}")
            out.extend(_block(value, indent + 2, newline))
        else:
            out.append(f"{' ' * indent}{key}: {value}{newline}")
    return out


def _flow(entries: dict[str, Any]) -> list[str]:
    """Entries of a flow mapping; a nested mapping as ``key: {...}``."""
    return [f"{k}: {{{', '.join(_flow(v))}}}" if isinstance(v, dict) else f"{k}: {v}" for k, v in entries.items()]


def _verify(new: str, file: str, fields: set[Field], before: Expected, actual: dict[str, Any]) -> None:
    """The edited text must read back as exactly ``fields`` holding the settled figures."""
    try:
        after = validate(yamlpos.parse(new, file), allow_empty=False)
    except (yamlpos.YamlError, InputError):
        raise _Unkeepable from None
    if {e.field for e in after.expectations} != fields or len(after.expectations) != len(fields):
        raise _Unkeepable
    if after.tolerance != before.tolerance or after.as_of != before.as_of:
        raise _Unkeepable
    if compare(Expected(file, after.expectations), actual):
        raise _Unkeepable
    if after.readings != before.readings or compare(Expected(file, after.pins), actual):
        raise _Unkeepable

