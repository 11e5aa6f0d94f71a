"""S22: what changed between two versions of a case, and what each change cost.

SPEC §16: "Items are matched by identity: the agreement's fields by key; consultants by
``id``; absences by (consultant, kind, from); results by commitment; payments by (date,
period, line); costs by (date, ref, line). A matched item whose other fields differ is
*changed*; the others are *added* or *removed*. Starting from OLD, the changes are applied
one at a time in the order of NEW's files (convenant, absences, results, payments, costs)
and lines, settling after each. [...] The steps add up exactly to the total difference.
[...] A step that makes the intermediate case invalid (e.g. a new consultant's absence
applied before the consultant) is merged with the step it needs, and says so."

Pure: this module works on the *values* of the parsed files (the plain mappings, lists,
strings and Decimals :mod:`convenant_calc.io.yamlpos` builds), role by role, and on a
settlement. It reads no file and settles nothing itself: :func:`walk` is given the
function that validates and settles an intermediate case (the loader's own path, wired in
:mod:`convenant_calc.views.diff`).

- :func:`items` matches OLD's and NEW's values and lists every difference as an :class:`Item`.
- :func:`state` is the case with a set of items applied: OLD's values, each applied item
  taking NEW's value in place. With none applied it is OLD exactly; with all, NEW exactly;
  so the steps telescope and add up to the total difference by construction.
- :func:`walk` applies the items in the order given, settling after each; an item whose
  intermediate case is invalid is merged with the items it needs.
- :func:`figures` is the one place that says which figures a step moves (the agreement's
  totals over every period).

Within a file the agreement's other top-level keys are compared whole (``term``,
``funding``, ``termination``, ...); the lists named in :data:`KEYED` are compared item by
item. Two items with the same identity in one file (two payments on one day for one
period) are matched in the order they are written: the first with the first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from convenant_calc.core.money import ZERO
from convenant_calc.core.settlement import AgreementSettlement

#: The files of a case in the order S22 applies their changes: "convenant, absences, results, payments, costs".
ROLES = ("convenant", "absences", "results", "payments", "costs")

#: The lists compared item by item, per file: the list's key and the fields that identify an item in it.
#: Every other top-level key of a file is one item, compared whole ("the agreement's fields by key").
KEYED: dict[str, dict[str, tuple[str, ...]]] = {
    "convenant": {"result_commitments": ("id",), "amendments": ("id",), "addenda": ("id",)},
    "absences": {"consultants": ("id",), "absences": ("consultant", "kind", "from")},
    "results": {"results": ("commitment",)},
    "payments": {"payments": ("date", "period", "line")},
    "costs": {"costs": ("date", "ref", "line")},
}

#: Identity fields whose absence means the agreement's own: a payment without ``period`` is one of the
#: first period (whose id is the agreement's), a payment or cost without ``line`` one of the main line
#: (S19: its id is the agreement's). Written out or left out, they are the same item.
MAIN = ("period", "line")

CHANGED, ADDED, REMOVED, REORDERED = "changed", "added", "removed", "reordered"

#: The files whose presence is itself a rule, so that having one, even empty, is an item: S20, "When the
#: case has a ``costs.yaml``, the settled subsidy of that line and period is ``min(subsidy_L,P (S11),
#: eligible_L,P)``": a cost statement without a cost caps every line at 0.00, none caps nothing.
PRESENCE = ("costs",)
#: The ``field`` of the item that is such a file itself (added when only NEW has it, removed when only OLD).
FILE = ""

Values = Mapping[str, Any]  # role -> the value of its parsed file (a mapping), absent when the case has no such file


@dataclass(frozen=True, eq=False)
class Item:
    """One difference between OLD and NEW: a top-level key of a file, an item of a keyed list, or a list's order.

    ``key`` is None for a top-level key (``field``) and for the order of a keyed list; else the
    item's identity within the list ``field`` (e.g. ``("an", "sickness", "2024-01-08")``) and
    ``occurrence`` tells apart items with the same identity (0 for the first written).
    ``old_path`` and ``new_path`` are the item's paths in OLD's and NEW's files (None where it
    has none), for its position.
    """

    role: str
    field: str
    key: tuple | None
    occurrence: int
    change: str
    old: Any = None
    new: Any = None
    old_path: tuple | None = None
    new_path: tuple | None = None

    @property
    def keyed(self) -> bool:
        return self.key is not None

    @property
    def ident(self) -> tuple:
        """What tells this item from every other of the same pair of cases (its values need not be hashable)."""
        return (self.role, self.field, self.key, self.occurrence, self.change)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Item) and self.ident == other.ident

    def __hash__(self) -> int:
        return hash(self.ident)


def main_id(values: Values) -> str | None:
    """The agreement's id: that of the first period and of the main line."""
    conv = values.get("convenant")
    return conv.get("id") if isinstance(conv, dict) else None


def identity(element: Any, fields: tuple[str, ...], main: str | None) -> tuple:
    """The identity of an item of a keyed list: its identifying fields, the agreement's own period or line as None."""
    if not isinstance(element, dict):
        return ("#", repr(element))
    key = []
    for name in fields:
        value = element.get(name)
        if isinstance(value, str):
            value = value.strip()
        if name in MAIN and value == main:
            value = None
        key.append(value)
    return tuple(key)


def _keyed(elements: Sequence[Any], fields: tuple[str, ...], main: str | None) -> list[tuple[tuple, int]]:
    """(identity, occurrence) of each element, in the list's order."""
    seen: dict[tuple, int] = {}
    out = []
    for element in elements:
        key = identity(element, fields, main)
        out.append((key, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return out


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def items(old: Values, new: Values) -> list[Item]:
    """Every difference between OLD and NEW, file by file (in :data:`ROLES` order), unsorted within a file."""
    found: list[Item] = []
    old_main, new_main = main_id(old), main_id(new)
    for role in ROLES:
        before, after = _mapping(old.get(role)), _mapping(new.get(role))
        keyed = KEYED.get(role, {})
        for name in _union(before, after):
            if name in keyed and isinstance(before.get(name, []), list) and isinstance(after.get(name, []), list):
                found += _list_items(role, name, keyed[name], _list(before.get(name)), _list(after.get(name)),
                                     old_main, new_main)
            elif name not in after:
                found.append(Item(role, name, None, 0, REMOVED, old=before[name], old_path=(name,)))
            elif name not in before:
                found.append(Item(role, name, None, 0, ADDED, new=after[name], new_path=(name,)))
            elif before[name] != after[name]:
                found.append(
                    Item(role, name, None, 0, CHANGED, before[name], after[name], old_path=(name,), new_path=(name,))
                )
        if role in PRESENCE and (role in old) != (role in new):
            if role in new:
                found.append(Item(role, FILE, None, 0, ADDED, new=new[role], new_path=()))
            else:
                found.append(Item(role, FILE, None, 0, REMOVED, old=old[role], old_path=()))
    return found


def _union(before: dict, after: dict) -> list[str]:
    return list(after) + [k for k in before if k not in after]


def _list_items(
    role: str, name: str, fields: tuple[str, ...], before: list, after: list, old_main: str | None, new_main: str | None
) -> list[Item]:
    old_keys = _keyed(before, fields, old_main)
    new_keys = _keyed(after, fields, new_main)
    old_at = {k: i for i, k in enumerate(old_keys)}
    new_at = {k: i for i, k in enumerate(new_keys)}
    found = []
    for j, k in enumerate(new_keys):
        i = old_at.get(k)
        if i is None:
            found.append(Item(role, name, k[0], k[1], ADDED, new=after[j], new_path=(name, j)))
        elif before[i] != after[j]:
            found.append(Item(role, name, k[0], k[1], CHANGED, before[i], after[j], (name, i), (name, j)))
    for i, k in enumerate(old_keys):
        if k not in new_at:
            found.append(Item(role, name, k[0], k[1], REMOVED, old=before[i], old_path=(name, i)))
    common_old = [k for k in old_keys if k in new_at]
    common_new = [k for k in new_keys if k in old_at]
    if common_old != common_new:  # the same items, written in another order (it matters for amendments)
        shown_old, shown_new = [k[0][0] for k in common_old], [k[0][0] for k in common_new]
        found.append(Item(role, name, None, 0, REORDERED, shown_old, shown_new, (name,), (name,)))
    return found


# --- the case with some items applied -------------------------------------------------------


def state(old: Values, new: Values, every: Sequence[Item], applied: Iterable[Item]) -> dict[str, Any]:
    """The values of the case with ``applied`` (a subset of ``every``) taking NEW's values, the rest OLD's.

    A file none of whose items is applied is OLD's; a file all of whose items are, NEW's; with
    every item applied the whole case is NEW's (also a file that differs only in what matches
    nothing, such as ``absences: []`` against no file). In between, a file is OLD's with each
    applied item in place: a changed item where OLD has it, an added one right after the item
    NEW writes before it, a removed one gone, and a list in NEW's order once its reordering is
    applied. What it yields never depends on the order the items were applied in. A file of
    :data:`PRESENCE` on one side only is there exactly when its own item (``field`` :data:`FILE`) is
    applied for an addition, or not applied for a removal.
    """
    done = set(applied)
    if every and len(done) == len(every):
        return {role: new[role] for role in ROLES if role in new}
    out: dict[str, Any] = {}
    for role in ROLES:
        mine = [it for it in every if it.role == role]
        taken = [it for it in mine if it in done]
        presence = next((it for it in mine if it.field == FILE and not it.keyed), None)
        if presence is not None and (presence in done) != (presence.change == ADDED):
            continue  # the file is not there (yet, or any more)
        if not taken:
            if role in old:
                out[role] = old[role]
        elif len(taken) == len(mine):
            if role in new:
                out[role] = new[role]
        else:
            out[role] = _mixed(role, _mapping(old.get(role)), _mapping(new.get(role)), mine, set(taken), old, new)
    return out


def _mixed(role: str, before: dict, after: dict, mine: list[Item], taken: set[Item], old: Values, new: Values) -> dict:
    value = dict(before)
    for it in taken:
        if it.keyed or it.change == REORDERED or it.field == FILE:
            continue
        if it.change == REMOVED:
            value.pop(it.field, None)
        else:
            value[it.field] = it.new
    keyed = KEYED.get(role, {})
    for name in {it.field for it in mine if it.keyed or it.change == REORDERED}:
        value[name] = _mixed_list(
            _list(before.get(name)), _list(after.get(name)), keyed[name], [it for it in taken if it.field == name],
            main_id(old), main_id(new),
        )
    return value


def _mixed_list(before: list, after: list, fields: tuple[str, ...], taken: list[Item], old_main, new_main) -> list:
    changed = {(it.key, it.occurrence): it.new for it in taken if it.change == CHANGED}
    removed = {(it.key, it.occurrence) for it in taken if it.change == REMOVED}
    added = {(it.key, it.occurrence) for it in taken if it.change == ADDED}
    new_keys = _keyed(after, fields, new_main)
    common = set(new_keys) & set(_keyed(before, fields, old_main))
    # each applied added item goes right after the item NEW writes before it that OLD has too (or first)
    following: dict[tuple | None, list[tuple[tuple, Any]]] = {}
    anchor: tuple | None = None
    for k, element in zip(new_keys, after, strict=True):
        if k in common:
            anchor = k
        elif k in added:
            following.setdefault(anchor, []).append((k, element))
    rows: list[tuple[tuple, Any]] = list(following.get(None, []))
    for k, element in zip(_keyed(before, fields, old_main), before, strict=True):
        if k in removed:
            continue
        rows.append((k, changed.get(k, element)))
        rows += following.get(k, [])
    if any(it.change == REORDERED for it in taken):
        order = {k: j for j, k in enumerate(new_keys)}
        rows.sort(key=lambda row: order.get(row[0], len(order)))
    return [element for _, element in rows]


# --- the figures a step moves ---------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """The figures S22 explains: FTE-days short, deduction, payout, subsidy, balance (or their differences).

    ``eligible`` is the sum of the eligible costs (S20; 0 without a cost statement): a changed cost
    moves it, and the subsidy only when the cap moves with it. The outputs show it only when either
    version has a ``costs.yaml``.
    """

    shortfall_fte_days: Decimal = Decimal(0)
    deduction: Decimal = ZERO
    payout: Decimal = ZERO
    subsidy: Decimal = ZERO
    balance: Decimal = ZERO
    eligible: Decimal = ZERO

    NAMES = ("shortfall_fte_days", "deduction", "payout", "subsidy", "balance", "eligible")

    def values(self) -> tuple[Decimal, ...]:
        return tuple(getattr(self, name) for name in self.NAMES)

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(a + b for a, b in zip(self.values(), other.values(), strict=True)))

    def __sub__(self, other: Figures) -> Figures:
        return Figures(*(a - b for a, b in zip(self.values(), other.values(), strict=True)))

    @property
    def zero(self) -> bool:
        return not any(self.values())


@dataclass(frozen=True)
class Settled:
    """A case's figures: the agreement's totals, and those of each period (by id) they add up from."""

    total: Figures
    parts: tuple[tuple[str, Figures], ...] = ()


def figures(agreement: AgreementSettlement) -> Settled:
    """S22: the figures of a settlement that a step moves: the totals over every period (S14) and funding line
    (S19), each the sum of the settlements' own (rounded) figures, and each settlement's: named by its period
    for the main line, by ``period / line`` for an addendum. The one place that says which figures they are:
    the subsidy is the capped one (S20), and the eligible costs are the cap's other side."""
    parts = []
    for s in agreement.settlements:
        key = s.budget.period if s.budget.main else f"{s.budget.period} / {s.budget.line}"
        eligible = s.costs.eligible if s.costs is not None else ZERO
        figures = Figures(
            s.deduction.shortfall_fte_days, s.deduction.amount, s.results.payout, s.subsidy, s.balance, eligible
        )
        parts.append((key, figures))
    total = Figures()
    for _, part in parts:
        total = total + part
    return Settled(total, tuple(parts))


# --- the walk from OLD to NEW -----------------------------------------------------------------


@dataclass(frozen=True)
class Invalid:
    """An intermediate case that does not validate: its problems, as the loader words them."""

    problems: tuple[str, ...]


Outcome = Settled | Invalid


@dataclass(frozen=True)
class Step:
    """Items applied together, the figures after them, and their effect (after − before).

    ``needs``: when the first item alone left the case invalid, the first problem it left
    (the step then holds the items it needed as well); else None.
    """

    items: tuple[Item, ...]
    before: Settled
    after: Settled
    needs: str | None = None

    @property
    def effect(self) -> Figures:
        return self.after.total - self.before.total


@dataclass(frozen=True)
class Walk:
    old: Settled
    new: Settled
    steps: tuple[Step, ...] = field(default_factory=tuple)

    @property
    def total(self) -> Figures:
        """NEW − OLD: the sum of the steps' effects, exactly (they telescope)."""
        return self.new.total - self.old.total

    @property
    def equal(self) -> bool:
        """Whether the settled figures are the same: the totals and those of every period."""
        return self.old == self.new


def walk(
    old: Values, new: Values, ordered: Sequence[Item], evaluate: Callable[[dict[str, Any]], Outcome]
) -> Walk:
    """Apply ``ordered`` one item at a time from OLD, settling (``evaluate``) after each.

    An item that leaves the case invalid takes the next item that makes it valid again with
    it (the one it needs: a consultant for a new absence, a result for a new commitment); when
    no single item does, the one that leaves the fewest problems, else the next in order, until
    the case is valid. With every item applied the case is NEW, which is valid, so this ends.
    OLD and NEW themselves must be valid (``evaluate`` of each gives figures).
    """
    first, last = evaluate(dict(old)), evaluate(dict(new))  # = state() with none, and with every item applied
    if isinstance(first, Invalid) or isinstance(last, Invalid):
        raise ValueError("OLD and NEW must each be a valid case")
    applied: list[Item] = []
    pending = list(ordered)
    steps: list[Step] = []
    before = first
    while pending:
        group = [pending.pop(0)]
        outcome = evaluate(state(old, new, ordered, applied + group))
        needs = outcome.problems[0] if isinstance(outcome, Invalid) else None
        while isinstance(outcome, Invalid):
            index, outcome = _partner(old, new, ordered, applied + group, pending, outcome, evaluate)
            group.append(pending.pop(index))
        applied += group
        steps.append(Step(tuple(group), before, outcome, needs))
        before = outcome
    return Walk(first, last, tuple(steps))


def _partner(
    old: Values,
    new: Values,
    ordered: Sequence[Item],
    applied: list[Item],
    pending: list[Item],
    outcome: Invalid,
    evaluate: Callable[[dict[str, Any]], Outcome],
) -> tuple[int, Outcome]:
    """The pending item to add to an invalid step, and the outcome with it (see :func:`walk`)."""
    fewest: tuple[int, Outcome] | None = None
    for index, candidate in enumerate(pending):
        tried = evaluate(state(old, new, ordered, applied + [candidate]))
        if not isinstance(tried, Invalid):
            return index, tried
        if len(tried.problems) < len(outcome.problems) and (
            fewest is None or len(tried.problems) < len(fewest[1].problems)  # type: ignore[union-attr]
        ):
            fewest = (index, tried)
    if fewest is not None:
        return fewest
    if not pending:  # every item applied is NEW, which walk() checked is valid
        raise ValueError("NEW does not validate with every item applied")
    return 0, evaluate(state(old, new, ordered, applied + pending[:1]))
