"""The pure engine of S22 (core/diff.py): matching by identity, the intermediate states, the walk, the figures."""

from __future__ import annotations

from decimal import Decimal

from convenant_calc.core.diff import (
    ADDED,
    CHANGED,
    REMOVED,
    REORDERED,
    Figures,
    Invalid,
    Settled,
    figures,
    items,
    state,
    walk,
)
from convenant_calc.core.settlement import settle_agreement
from convenant_calc.io.loading import load_case

from .conftest import EXAMPLES

D = Decimal
AGREEMENT = {"id": "a"}


def pay(day: str, amount: str, **more) -> dict:
    return {"date": day, "amount": D(amount), **more}


def test_payments_on_one_day_are_matched_in_the_order_written():
    old = {"convenant": AGREEMENT, "payments": {"payments": [pay("2024-10-01", "100.00"), pay("2024-10-01", "200.00")]}}
    new = {"convenant": AGREEMENT, "payments": {"payments": [pay("2024-10-01", "100.00"), pay("2024-10-01", "250.00")]}}
    (item,) = items(old, new)
    assert (item.change, item.key, item.occurrence) == (CHANGED, ("2024-10-01", None, None), 1)
    assert (item.old["amount"], item.new["amount"]) == (D("200.00"), D("250.00"))


def test_the_agreement_own_period_and_line_written_out_or_not_are_one_identity():
    old = {"convenant": AGREEMENT, "payments": {"payments": [pay("2024-10-01", "100.00")]}}
    new = {"convenant": AGREEMENT, "payments": {"payments": [pay("2024-10-01", "100.00", period="a", line="a")]}}
    (item,) = items(old, new)
    assert (item.change, item.key) == (CHANGED, ("2024-10-01", None, None))
    other = {"convenant": AGREEMENT, "payments": {"payments": [pay("2024-10-01", "100.00", period="b")]}}
    assert sorted(it.change for it in items(old, other)) == [ADDED, REMOVED]


def test_top_level_keys_are_items_and_equal_values_are_not():
    old = {"convenant": {"id": "a", "max_subsidy": D("424000.00"), "title": "T", "term": {"start": "x", "end": "y"}}}
    new = {"convenant": {"id": "a", "max_subsidy": D("424000.0"), "term": {"start": "x", "end": "z"}, "source": "s"}}
    found = {(it.field, it.change) for it in items(old, new)}
    # 424000.00 and 424000.0 are one number; the term is one item, compared whole
    assert found == {("term", CHANGED), ("source", ADDED), ("title", REMOVED)}


def test_the_states_between_old_and_new():
    # OLD [A, B, C]; NEW [X, A, Y, B'] (C removed, B changed, X and Y added): each applied item takes its
    # place; none applied is OLD, all applied is NEW, whatever order they were applied in.
    def p(name, amount="1.00"):
        return pay(f"2024-01-0{name}", amount)

    old = {"convenant": AGREEMENT, "payments": {"payments": [p("1"), p("2"), p("3")]}}
    new = {"convenant": AGREEMENT, "payments": {"payments": [p("7"), p("1"), p("8"), p("2", "5.00")]}}
    every = items(old, new)
    by = {(it.change, it.key[0][-1]): it for it in every}
    assert set(by) == {(ADDED, "7"), (ADDED, "8"), (CHANGED, "2"), (REMOVED, "3")}

    def days(applied):
        return [(x["date"][-1], str(x["amount"])) for x in state(old, new, every, applied)["payments"]["payments"]]

    assert state(old, new, every, []) == old and state(old, new, every, every) == new
    assert days([by[ADDED, "8"]]) == [("1", "1.00"), ("8", "1.00"), ("2", "1.00"), ("3", "1.00")]
    assert days([by[ADDED, "7"], by[REMOVED, "3"]]) == [("7", "1.00"), ("1", "1.00"), ("2", "1.00")]
    assert days([by[CHANGED, "2"], by[ADDED, "8"], by[ADDED, "7"]]) == days(
        [by[ADDED, "7"], by[ADDED, "8"], by[CHANGED, "2"]]
    ) == [("7", "1.00"), ("1", "1.00"), ("8", "1.00"), ("2", "5.00"), ("3", "1.00")]


def test_a_reordering_is_an_item_of_its_own():
    old = {"convenant": AGREEMENT, "payments": {"payments": [pay("2024-01-01", "1.00"), pay("2024-01-02", "1.00")]}}
    new = {"convenant": AGREEMENT, "payments": {"payments": [pay("2024-01-02", "1.00"), pay("2024-01-01", "1.00")]}}
    (item,) = items(old, new)
    assert item.change == REORDERED and (item.old, item.new) == (["2024-01-01", "2024-01-02"], ["2024-01-02", "2024-01-01"])


def test_the_walk_merges_an_invalid_step_with_the_item_it_needs_not_merely_the_next():
    # A toy case: consultants and absences; an absence of someone not listed is invalid; the "figure" is
    # the number of absences. NEW adds an absence of fien (first), a payment (next) and fien (last).
    old = {"convenant": AGREEMENT, "absences": {"consultants": [{"id": "an"}], "absences": []}}
    new = {
        "convenant": AGREEMENT,
        "absences": {
            "absences": [{"consultant": "fien", "kind": "sickness", "from": "2024-01-01"}],
            "consultants": [{"id": "an"}, {"id": "fien"}],
        },
        "payments": {"payments": [pay("2024-10-01", "5.00")]},
    }

    def evaluate(values):
        staff = values.get("absences", {})
        listed = {c["id"] for c in staff.get("consultants", [])}
        unknown = [a["consultant"] for a in staff.get("absences", []) if a["consultant"] not in listed]
        if unknown:
            return Invalid(tuple(f"absences.yaml: unknown consultant {u}" for u in unknown))
        paid = sum((p["amount"] for p in values.get("payments", {}).get("payments", [])), D(0))
        return Settled(Figures(D(len(staff.get("absences", []))), balance=-paid))

    every = items(old, new)
    ordered = sorted(every, key=lambda it: (it.role != "absences", it.field != "absences"))  # absence, fien, payment
    ordered = [ordered[0], ordered[2], ordered[1]]  # absence, payment, fien: the needed item is not the next
    w = walk(old, new, ordered, evaluate)
    assert [[(it.field, it.change) for it in s.items] for s in w.steps] == [
        [("absences", ADDED), ("consultants", ADDED)],
        [("payments", ADDED)],
    ]
    assert w.steps[0].needs == "absences.yaml: unknown consultant fien"
    assert [s.effect for s in w.steps] == [Figures(D(1)), Figures(balance=D("-5.00"))]
    assert w.total == Figures(D(1), balance=D("-5.00"))


def test_figures_are_the_totals_over_every_period_and_each_period():
    # Example 09: 12 + 52 FTE-days; 1740.08 + 7550.68; 101760.00 + 42400.00; 396819.92 + 183249.32;
    # 100019.92 + 98449.32 (its README, derived by hand)
    settled = figures(settle_agreement(load_case(EXAMPLES / "09-extension-year").case))
    assert settled.total == Figures(D(64), D("9290.76"), D("144160.00"), D("580069.24"), D("198469.24"))
    assert [pid for pid, _ in settled.parts] == ["lokale-besturen-2023-2025", "verlenging-2025-2026"]
    assert settled.parts[1][1] == Figures(D(52), D("7550.68"), D("42400.00"), D("183249.32"), D("98449.32"))
