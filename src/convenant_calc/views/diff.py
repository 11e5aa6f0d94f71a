"""S22 as the reader sees it: two loaded cases compared, each step with its place and its words.

:func:`compare` wires the pure walk of :mod:`convenant_calc.core.diff` to the loader's own
path: each intermediate case is checked by :func:`convenant_calc.io.loading.case_from_documents`
(the checks ``settle`` runs on files, here on documents held in memory) and settled by
:func:`convenant_calc.core.settlement.settle_agreement`. The steps are ordered by the new
version's files and lines (a removal after the file's other items, by its line in the old
version). The rest of this module puts an item into words, in English or Dutch, for the
renderers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from convenant_calc.core.diff import (
    ADDED,
    CHANGED,
    FILE,
    KEYED,
    REMOVED,
    REORDERED,
    ROLES,
    Figures,
    Invalid,
    Item,
    Outcome,
    Walk,
    figures,
    items,
    walk,
)
from convenant_calc.core.models import AbsenceKind
from convenant_calc.core.settlement import settle_agreement
from convenant_calc.core.text import clip
from convenant_calc.io import yamlpos
from convenant_calc.io.loading import LoadedCase, case_from_documents
from convenant_calc.io.problems import InputError, Position
from convenant_calc.views.labels import Lang

DETAIL_LIMIT = 100  # characters of one value in a detail; a long list of replacements is cut


@dataclass(frozen=True)
class Comparison:
    """Two versions of a case, the walk from the old to the new, and where each item is written."""

    old_case: str
    new_case: str
    walk: Walk
    where: Mapping[Item, Position]
    costs: bool = False  # either version has a cost statement (S20): the eligible costs are shown too


def compare(old: LoadedCase, new: LoadedCase, old_case: str, new_case: str) -> Comparison:
    """S22: match the two versions' items, order them as the new version writes them, and walk from OLD to NEW."""
    old_docs, new_docs = old.documents, new.documents
    old_values = {role: doc.value for role, doc in old_docs.items()}
    new_values = {role: doc.value for role, doc in new_docs.items()}
    found = items(old_values, new_values)
    where = {it: place(it, old_docs, new_docs) for it in found}
    ordered = sorted(found, key=lambda it: _order(it, where[it]))
    steps = walk(old_values, new_values, ordered, evaluator(old_docs, new_docs))
    return Comparison(old_case, new_case, steps, where, costs="costs" in old_docs or "costs" in new_docs)


def place(item: Item, old_docs: Mapping[str, yamlpos.Document], new_docs: Mapping[str, yamlpos.Document]) -> Position:
    """Where the item is written: in NEW, or in OLD for a removal (the key itself for a top-level key)."""
    if item.change == REMOVED:
        return old_docs[item.role].position(item.old_path or (), key=not item.keyed)
    return new_docs[item.role].position(item.new_path or (), key=not item.keyed)


def _order(item: Item, at: Position) -> tuple:
    """NEW's files in S22's order; in a file its lines, then the removals (by OLD's lines), then a reordering."""
    group = {REMOVED: 1, REORDERED: 2}.get(item.change, 0)
    if item.field == FILE and not item.keyed:  # a file whose presence is a rule (S20): first in, last out
        group = -1 if item.change == ADDED else 3
    return (ROLES.index(item.role), group, at.line, at.col)


def evaluator(
    old_docs: Mapping[str, yamlpos.Document], new_docs: Mapping[str, yamlpos.Document]
) -> Callable[[dict[str, Any]], Outcome]:
    """The function that checks and settles an intermediate case, given its files' values.

    A value that is OLD's or NEW's own keeps its document (with its positions); a file built in
    between is a document of NEW's name (OLD's when NEW has no such file) without positions.
    """
    names = {role: (new_docs.get(role) or old_docs[role]).file for role in {*old_docs, *new_docs}}

    def evaluate(values: dict[str, Any]) -> Outcome:
        docs = {}
        for role, value in values.items():
            known = [d[role] for d in (old_docs, new_docs) if role in d and d[role].value is value]
            docs[role] = known[0] if known else yamlpos.Document(names[role], value)
        try:
            loaded = case_from_documents(docs)
        except InputError as exc:
            return Invalid(tuple(f"{Path(p.position.file).name}: {p.message}" for p in exc.errors))
        return figures(settle_agreement(loaded.case))

    return evaluate


# --- an item in words ---------------------------------------------------------------------


def label(item: Item, t: Lang) -> str:
    """What the item is: ``result R2``, ``absence of an, sickness from 2024-01-08``, ``max_subsidy``."""
    if item.change == REORDERED:
        return t("diff_order", field=item.field)
    if not item.keyed:
        if item.field == FILE:
            return t("diff_file", file=f"{item.role}.yaml")
        if item.role != "convenant" and item.field == "convenant":
            return t("diff_named")
        return t("diff_field", field=item.field)
    key = (*(item.key or ()), None, None, None)  # an identity has up to three fields
    kind = (item.role, item.field)
    if kind == ("absences", "absences"):
        text = t("diff_absence", who=key[0], kind=_kind(key[1], t), start=_date(key[2], t))
    elif kind == ("payments", "payments"):
        text = t("diff_payment", date=_date(key[0], t)) + _period_line(key[1], key[2], t)
    elif kind == ("costs", "costs"):
        text = t("diff_cost", date=_date(key[0], t), ref=key[1]) + _period_line(None, key[2], t)
    else:
        words = {
            "result_commitments": "diff_commitment",
            "amendments": "diff_amendment",
            "addenda": "diff_addendum",
            "consultants": "diff_consultant",
            "results": "diff_result",
        }
        name = words.get(item.field)
        text = t(name, id=key[0]) if name else t("diff_item", list=item.field)
    if item.occurrence:
        text += t("diff_occurrence", n=item.occurrence + 1)
    return text


def _kind(value: Any, t: Lang) -> str:
    try:
        return t.kind(AbsenceKind(value))
    except ValueError:
        return str(value)


def _date(value: Any, t: Lang) -> str:
    try:
        return t.date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _period_line(period: Any, line: Any, t: Lang) -> str:
    text = t("diff_in_period", period=period) if period is not None else ""
    return text + (t("diff_in_line", line=line) if line is not None else "")


@dataclass(frozen=True)
class Detail:
    """One value that differs inside an item: its path in the item (``""`` for the item itself), old and new.

    None where that side has no value (an added item has no old value).
    """

    path: str
    old: str | None
    new: str | None


def details(item: Item) -> list[Detail]:
    """What differs in the item, value by value (a changed mapping key by key; an added or removed item's
    fields other than those that identify it)."""
    if item.change == CHANGED:
        return _differences("", item.old, item.new)
    if item.change == REORDERED:
        return [Detail("", flow(item.old), flow(item.new))]
    if item.field == FILE and not item.keyed:  # a cost statement itself: its costs are items of their own
        return []
    value = item.new if item.change == ADDED else item.old
    if isinstance(value, dict):  # field by field, without those that identify it (they are in its label)
        shown = set(KEYED[item.role][item.field]) if item.keyed else set()
        pairs = [(str(k), flow(v)) for k, v in value.items() if k not in shown]
    else:
        pairs = [("", flow(value))]
    return [Detail(path, None, text) if item.change == ADDED else Detail(path, text, None) for path, text in pairs]


def _differences(path: str, old: Any, new: Any) -> list[Detail]:
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key in [*new, *(k for k in old if k not in new)]:
            if key not in old or key not in new or old[key] != new[key]:
                inner = f"{path}.{key}" if path else str(key)
                if key in old and key in new:
                    found += _differences(inner, old[key], new[key])
                else:
                    found.append(
                        Detail(inner, flow(old[key]) if key in old else None, flow(new[key]) if key in new else None)
                    )
        return found
    return [Detail(path, flow(old), flow(new))]


def flow(value: Any) -> str:
    """A value as YAML's flow style writes it, cut to :data:`DETAIL_LIMIT` characters: ``{from: 2025-01-01, fte: 0.2}``."""
    return clip(_flow(value), DETAIL_LIMIT)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    text = str(value)
    if not text or text != text.strip() or any(c in text for c in ",:{}[]#\"'") or text in ("true", "false", "null"):
        return json.dumps(text, ensure_ascii=False)
    return text


def detail_text(d: Detail, change: str) -> str:
    """``achieved: 3 → 4`` for a change (``—`` for a side without a value); ``to: 2024-03-15`` otherwise."""
    prefix = f"{d.path}: " if d.path else ""
    if change in (CHANGED, REORDERED):
        return f"{prefix}{'—' if d.old is None else d.old} → {'—' if d.new is None else d.new}"
    return f"{prefix}{d.new if d.old is None else d.old}"


# --- figures in words ------------------------------------------------------------------------


def signed_money(value: Decimal, t: Lang) -> str:
    """An effect on an amount: ``+25,440.00``, ``−1,740.08``, ``0.00`` (never −0.00)."""
    return t.signed(value)


def signed_days(value: Decimal, t: Lang) -> str:
    """An effect on the FTE-days short: ``+12``, ``−36.2``, ``0``."""
    text = t.number(abs(value))
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else text


def shown(costs: bool) -> tuple[str, ...]:
    """The figures a comparison shows, in order: the five of S22, and with a cost statement (S20) the
    eligible costs before the subsidy they cap."""
    if costs:
        return ("shortfall_fte_days", "deduction", "payout", "eligible", "subsidy", "balance")
    return ("shortfall_fte_days", "deduction", "payout", "subsidy", "balance")


def figure_cells(f: Figures, t: Lang, signed: bool = False, costs: bool = False) -> tuple[str, ...]:
    """The figures (FTE-days short, deduction, payout, [eligible costs,] subsidy, balance) as cells, signed for an
    effect."""
    days = signed_days if signed else lambda v, t: t.number(v)
    money = signed_money if signed else lambda v, t: t.money(v)
    return tuple(
        days(getattr(f, name), t) if name == "shortfall_fte_days" else money(getattr(f, name), t)
        for name in shown(costs)
    )


COLUMNS = {
    "shortfall_fte_days": "col_short_fte_days",
    "deduction": "col_deduction",
    "payout": "diff_col_payout",
    "eligible": "diff_col_eligible",
    "subsidy": "col_subsidy",
    "balance": "col_balance",
}


def figure_columns(t: Lang, costs: bool = False) -> tuple[str, ...]:
    return tuple(t(COLUMNS[name]) for name in shown(costs))


@dataclass(frozen=True)
class Line:
    """One item of a step, in words: the change, what, where (``file:line``) and what differs."""

    change: str
    what: str
    where: str
    details: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    """One step in words: its number, its items, why they were merged (or None) and its effect."""

    number: int
    lines: tuple[Line, ...]
    merged: str | None
    effect: Figures


def rows(c: Comparison, t: Lang) -> list[Row]:
    """The steps of a comparison in words, for the table and the Markdown."""
    out = []
    for n, step in enumerate(c.walk.steps, start=1):
        lines = tuple(
            Line(
                t(f"diff_{it.change}"),
                label(it, t),
                _where(c.where[it]),
                _detail_lines(it),
            )
            for it in step.items
        )
        merged = None
        if step.needs is not None:
            merged = t("diff_merged", item=label(step.items[0], t), problem=step.needs)
        out.append(Row(n, lines, merged, step.effect))
    return out


def _detail_lines(item: Item) -> tuple[str, ...]:
    """A change value by value, a line each; an added or removed item on one line, its fields after each other."""
    texts = tuple(detail_text(d, item.change) for d in details(item))
    if item.change in (ADDED, REMOVED) and texts:
        return (", ".join(texts),)
    return texts


def _where(p: Position) -> str:
    return f"{p.file}:{p.line}" if p.line else p.file


def period_rows(c: Comparison) -> list[tuple[str, Figures | None, Figures | None]]:
    """(period, old figures, new figures) for every period of either version, when there is more than one."""
    old, new = dict(c.walk.old.parts), dict(c.walk.new.parts)
    ids = [*old, *(p for p in new if p not in old)]
    if len(ids) < 2 and old.keys() == new.keys():
        return []
    return [(pid, old.get(pid), new.get(pid)) for pid in ids]


def json_items(step_items: Sequence[Item], where: Mapping[Item, Position]) -> list[dict[str, Any]]:
    """The items of a step for the JSON output (English words; values as the flow style writes them)."""
    en = Lang("en")
    out = []
    for it in step_items:
        p = where[it]
        out.append(
            {
                "change": it.change,
                "item": label(it, en),
                "file": p.file,
                "line": p.line or None,
                "column": p.col or None,
                "field": it.field,
                "identity": None if it.key is None else [None if v is None else str(v) for v in it.key],
                "details": [{"path": d.path, "old": d.old, "new": d.new} for d in details(it)],
            }
        )
    return out
