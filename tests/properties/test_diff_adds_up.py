"""S22, for random pairs of valid cases: the steps always add up, exactly, to the total difference.

Both versions are drawn from the same pools (the reference agreement, perhaps with a sixth
commitment or another maximum; five consultants, listed or not; an absence or none for each; the
results; a few advances, two on one day; a cost statement or none, S20: costs that cap the
subsidy or not, one ineligible, one after the term, two with one identity, one naming a consultant
who may not be listed), so that most items match and many differ: changed,
added, removed, reordered, a file present on one side only, and steps that must be merged (a
new commitment and its result, a consultants list and its absences).
"""

from __future__ import annotations

import copy
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from convenant_calc.core.diff import Figures, figures
from convenant_calc.core.settlement import settle_agreement
from convenant_calc.io import yamlpos
from convenant_calc.io.bundled import bundled_path
from convenant_calc.io.loading import case_from_documents
from convenant_calc.io.problems import InputError
from convenant_calc.views.diff import compare

D = Decimal
AGREEMENT = yamlpos.load(bundled_path("lokale-besturen-2023-2025")).value

CONSULTANTS = {
    "an": {"id": "an", "fte": D("1.0")},
    "bram": {"id": "bram", "fte": D("1.0"), "employed": {"to": "2024-11-30"}},
    "chloe": {"id": "chloe", "fte": D("1.0"), "employed": {"from": "2025-01-06"}},
    "dirk": {"id": "dirk", "fte": D("1.0")},
    "els": {"id": "els", "fte": D("0.8")},
}
ABSENCES = {
    "an": [
        {"consultant": "an", "kind": "sickness", "from": "2024-01-08", "to": "2024-03-15"},
        {
            "consultant": "an",
            "kind": "sickness",
            "from": "2024-01-08",
            "to": "2024-03-15",
            "replacement": [{"from": "2024-02-19", "to": "2024-03-15", "fte": D("1.0")}],
        },
        {"consultant": "an", "kind": "sickness", "from": "2024-01-08", "to": "2024-04-30"},
    ],
    "bram": [
        {"consultant": "bram", "kind": "accident", "from": "2024-05-06", "to": "2024-07-24"},
        {"consultant": "bram", "kind": "parental_leave", "from": "2024-09-02", "to": "2024-09-30", "fte": D("0.2")},
    ],
    "chloe": [{"consultant": "chloe", "kind": "sickness", "from": "2025-02-03", "to": "2025-04-14"}],
    "dirk": [
        {"consultant": "dirk", "kind": "time_credit", "from": "2024-09-01", "to": "2025-06-30", "fte": D("0.2")},
        {
            "consultant": "dirk",
            "kind": "time_credit",
            "from": "2024-09-01",
            "to": "2025-06-30",
            "fte": D("0.2"),
            "replacement": [{"from": "2025-01-01", "to": "2025-06-30"}],
        },
    ],
    "els": [
        {"consultant": "els", "kind": "unpaid_leave", "from": "2024-06-03", "to": "2024-06-28"},
        {"consultant": "els", "kind": "maternity_leave", "from": "2024-06-03", "to": "2024-09-20", "fte": D("0.8")},
    ],
}
PAYMENTS = [
    {"date": "2023-10-02", "amount": D("169600.00"), "label": "voorschot 1"},
    {"date": "2024-10-01", "amount": D("127200.00"), "label": "voorschot 2"},
    {"date": "2024-10-01", "amount": D("1000.00"), "label": "correctie"},  # the same day: matched in order
    {"date": "2025-03-01", "amount": D("5000.00")},
]

COSTS = [
    {"date": "2023-12-31", "kind": "salary", "amount": D("150000.00"), "ref": "loonstaat 2023"},
    {"date": "2024-12-31", "kind": "salary", "amount": D("200000.00"), "ref": "loonstaat 2024"},
    {"date": "2024-12-31", "kind": "salary", "amount": D("210000.00"), "ref": "loonstaat 2024"},  # one identity
    {"date": "2025-06-30", "kind": "salary", "consultant": "an", "amount": D("60000.00"), "ref": "loonstaat An"},
    {"date": "2024-03-12", "kind": "operating", "amount": D("845.10"), "ref": "factuur 2024-0112"},
    {"date": "2024-05-15", "kind": "project", "amount": D("4500.00"), "ref": "factuur 2024-0201"},  # ineligible
    {"date": "2025-08-01", "kind": "operating", "amount": D("100.00"), "ref": "factuur na de looptijd"},
]


@st.composite
def case(draw) -> dict:
    """The values of a valid case's files (role -> the parsed file's value)."""
    agreement = copy.deepcopy(AGREEMENT)
    agreement["max_subsidy"] = draw(st.sampled_from([D("424000.00"), D("400000.00")]))
    if draw(st.booleans()):
        agreement["result_commitments"].append({"id": "R6", "title": "Nieuwe verbintenis", "target": 10})
    if draw(st.booleans()):
        agreement["funding"] = {"effort_share": D("0.6"), "result_share": D("0.4"), "result_cutoff": D("0.5")}
    values: dict = {"convenant": agreement}

    listed = draw(st.booleans())
    people = draw(st.lists(st.sampled_from(sorted(CONSULTANTS)), unique=True, max_size=5))
    absences = []
    for who in sorted(ABSENCES):
        if listed and who not in people:
            continue
        choice = draw(st.sampled_from([None, *range(len(ABSENCES[who]))]))
        if choice is not None:
            absences.append(copy.deepcopy(ABSENCES[who][choice]))
    absences = draw(st.permutations(absences))
    if listed or absences or draw(st.booleans()):
        staffing: dict = {"absences": list(absences)}
        if listed:
            staffing["consultants"] = [copy.deepcopy(CONSULTANTS[who]) for who in people]
        values["absences"] = staffing

    results = []
    for c in agreement["result_commitments"]:
        how = draw(st.sampled_from(["missed", "met", "judged"]))
        if how == "judged":
            results.append({"commitment": c["id"], "met": True, "justification": "accepted by WSE"})
        else:
            results.append({"commitment": c["id"], "achieved": c["target"] - 1 if how == "missed" else c["target"]})
    values["results"] = {"results": draw(st.permutations(results))}
    if draw(st.booleans()):
        values["results"]["convenant"] = agreement["id"]

    paid = draw(st.lists(st.sampled_from(range(len(PAYMENTS))), unique=True))
    if paid or draw(st.booleans()):
        values["payments"] = {"payments": [copy.deepcopy(PAYMENTS[i]) for i in paid]}

    spent = draw(st.lists(st.sampled_from(range(len(COSTS))), unique=True))
    if spent or draw(st.booleans()):
        values["costs"] = {"costs": [copy.deepcopy(COSTS[i]) for i in spent]}
    return values


def loaded(values: dict, side: str):
    docs = {role: yamlpos.Document(f"{side}/{role}.yaml", value) for role, value in values.items()}
    try:
        return case_from_documents(docs)
    except InputError:
        return None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case(), case())
def test_the_steps_add_up_to_the_total_difference(old_values, new_values):
    old, new = loaded(old_values, "old"), loaded(new_values, "new")
    assume(old is not None and new is not None)
    c = compare(old, new, "old", "new")
    w = c.walk
    # OLD and NEW are settled as settle settles them
    assert w.old == figures(settle_agreement(old.case))
    assert w.new == figures(settle_agreement(new.case))
    # the steps chain from OLD to NEW, each starting where the previous ended
    afters = [w.old] + [s.after for s in w.steps]
    assert [s.before for s in w.steps] == afters[:-1]
    assert afters[-1] == w.new
    # and their effects add up to the total difference, exactly
    total = Figures()
    for step in w.steps:
        total = total + step.effect
    assert total == w.total == w.new.total - w.old.total
    # every item is applied once; a merged step says why
    applied = [it for s in w.steps for it in s.items]
    assert len(applied) == len(set(applied)) == len(c.where)
    assert all(len(s.items) == 1 for s in w.steps if s.needs is None)
    assert all(len(s.items) > 1 for s in w.steps if s.needs is not None)
    assert w.equal == (w.old == w.new)
