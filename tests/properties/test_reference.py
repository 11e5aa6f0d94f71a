"""The settlement against the independent day loop of ``reference.py`` (S5–S9), and order independence.

Cases are generated as plain values (what a user writes in YAML); the production code
reads them through the models, the reference reads them as they are. The generator
favours what S7 is about: absences of one consultant and kind that run together, follow
each other within or just beyond the relapse period, or are marked ``new_cause``.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from convenant_calc.core.models import Case, Convenant, Results, Staffing
from convenant_calc.core.rules import absences as absence_rules
from convenant_calc.core.rules import shortfall, staffing
from convenant_calc.core.settlement import settle

from . import reference

START = date(2024, 1, 1)
FTES = [Decimal("0.2"), Decimal("0.5"), Decimal("0.8"), Decimal(1)]
KINDS = ["sickness", "sickness", "accident", "accident", "time_credit", "maternity_leave", "unpaid_leave"]


def iso(offset: int) -> str:
    return (START + timedelta(days=offset)).isoformat()


@st.composite
def plain_absences(draw):
    """Absences as offsets from START: many start during or just after an earlier one."""
    result: list[dict] = []
    spans: list[tuple[int, int]] = []
    for _ in range(draw(st.integers(0, 7))):
        how = draw(st.sampled_from(["free", "after", "during", "same"])) if spans else "free"
        who, kind = draw(st.sampled_from(["a", "b"])), draw(st.sampled_from(KINDS))
        if how == "free":
            first = draw(st.integers(-40, 70))
        else:
            anchor = draw(st.integers(0, len(spans) - 1))
            a, b = spans[anchor]
            first = {
                "after": b + draw(st.integers(1, 17)),  # 1 = the next day; 14/15 around the relapse limit
                "during": draw(st.integers(a, b)),
                "same": a,
            }[how]
            if draw(st.integers(0, 3)):  # mostly the same consultant and kind as the absence it follows
                who, kind = result[anchor]["consultant"], result[anchor]["kind"]
        last = first + draw(st.integers(0, 40))
        absence: dict = {"consultant": who, "kind": kind, "from": iso(first), "to": iso(last)}
        if draw(st.booleans()):
            absence["fte"] = draw(st.sampled_from(FTES))
        if draw(st.integers(0, 3)) == 0:
            absence["new_cause"] = True
        replacement = []
        for _ in range(draw(st.integers(0, 2))):
            r_first = draw(st.integers(first, last))
            r = {"from": iso(r_first), "to": iso(draw(st.integers(r_first, last)))}
            if draw(st.booleans()):
                r["fte"] = draw(st.sampled_from(FTES))
            replacement.append(r)
        if replacement:
            absence["replacement"] = replacement
        result.append(absence)
        spans.append((first, last))
    return result


_CONV = {
    "id": "t",
    "title": "generated",
    "term": {"start": "2024-01-01", "end": "2024-03-01"},  # 61 days, with the leap day
    "max_subsidy": Decimal("61000.00"),
    "consultants_fte": Decimal(1),
    "result_commitments": [{"id": "R1", "title": "one", "target": 1}],
}


@st.composite
def plain_cases(draw):
    conv = {
        **_CONV,
        "consultants_fte": draw(st.sampled_from([Decimal(1), Decimal("1.5"), Decimal(2)])),
        "absence_rules": {"guaranteed_wage_days": draw(st.integers(0, 35)), "relapse_days": draw(st.integers(0, 16))},
    }
    consultants = []
    if draw(st.booleans()):
        for cid in ("a", "b"):
            c: dict = {"id": cid, "fte": draw(st.sampled_from(FTES))}
            employed = {}
            if draw(st.booleans()):
                employed["from"] = iso(draw(st.integers(-10, 30)))
            if draw(st.booleans()):
                employed["to"] = iso(draw(st.integers(31, 90)))
            if employed:
                c["employed"] = employed
            consultants.append(c)
    return conv, {"consultants": consultants, "absences": draw(plain_absences())}


def build(conv: dict, staff: dict) -> Case:
    convenant = Convenant.model_validate(conv)
    results = Results.model_validate({"results": [{"commitment": "R1", "achieved": 1}]})
    return Case(convenant=convenant, staffing=Staffing.model_validate(staff), results=results)


def production_shortfall(case: Case, *, elapsed: bool = False) -> Decimal:
    conv = case.convenant
    outcomes = absence_rules.absence_outcomes(case.staffing, conv.absence_rules, conv.term, elapsed=elapsed)
    off = [span for o in outcomes for span in o.off_duty]
    return shortfall.shortfall(conv.consultants_fte, conv.term, staffing.baseline(conv.term, conv.consultants_fte, case.staffing, conv.id, main=True), off).fte_days


NESTED_THEN_RELAPSE = (
    # a spell 01-01 … 01-31 made of a long absence and a short one inside it, then a sickness
    # 02-10: a relapse counted from the spell's end (10 days), not from the inner absence's (31 days)
    {**_CONV, "absence_rules": {"guaranteed_wage_days": 30, "relapse_days": 14}},
    {
        "consultants": [],
        "absences": [
            {"consultant": "a", "kind": "sickness", "from": "2024-01-01", "to": "2024-01-31", "fte": Decimal("0.5")},
            {"consultant": "a", "kind": "sickness", "from": "2024-01-05", "to": "2024-01-10", "fte": Decimal("0.5")},
            {"consultant": "a", "kind": "sickness", "from": "2024-02-10", "to": "2024-02-28"},
        ],
    },
)


@settings(max_examples=400, deadline=None)
@given(plain_cases())
@example(NESTED_THEN_RELAPSE)
def test_settlement_equals_the_independent_day_loop(plain):
    conv, staff = plain
    assert settle(build(conv, staff)).deduction.shortfall_fte_days == reference.shortfall_fte_days(conv, staff)


@settings(max_examples=120, deadline=None)
@given(plain_cases())
def test_window_elapsed_reading_equals_the_independent_day_loop(plain):
    conv, staff = plain
    expected = reference.shortfall_fte_days(conv, staff, elapsed=True)
    assert production_shortfall(build(conv, staff), elapsed=True) == expected


@settings(max_examples=120, deadline=None)
@given(plain_cases(), st.randoms(use_true_random=False))
def test_any_order_of_the_absences_gives_the_same_settlement(plain, rnd):
    conv, staff = plain
    order = list(range(len(staff["absences"])))
    rnd.shuffle(order)
    shuffled = {**staff, "absences": [staff["absences"][i] for i in order]}
    a, b = settle(build(conv, staff)), settle(build(conv, shuffled))
    assert (a.staffing, a.deduction, a.subsidy, a.balance) == (b.staffing, b.deduction, b.subsidy, b.balance)
    # each absence keeps its own figures wherever its line is
    for new, old in enumerate(order):
        x, y = a.absences[old], b.absences[new]
        assert (x.covered, x.replaced, x.off_duty) == (y.covered, y.replaced, y.off_duty)
        assert (x.window is None) == (y.window is None)
        if x.window is not None:
            assert (x.window.left_at_start, x.window.covered_days, x.window.spell, x.window.is_relapse) == (
                y.window.left_at_start,
                y.window.covered_days,
                y.window.spell,
                y.window.is_relapse,
            )


def test_reference_on_the_spec_examples():
    # guards for the reference itself. SPEC §5 (a): 12 FTE-days. SPEC S7: accidents 0.2 and 0.8 FTE,
    # 2024-03-01 … 04-29, covered 03-01 … 03-30, 30 days × 1.0 = 30 FTE-days.
    conv = {"term": {"start": "2023-07-01", "end": "2025-06-30"}, "consultants_fte": 4}
    sickness = {
        "consultant": "an", "kind": "sickness", "from": "2024-01-08", "to": "2024-03-15",
        "replacement": [{"from": "2024-02-19", "to": "2024-03-15"}],
    }  # fmt: skip
    assert reference.shortfall_fte_days(conv, {"absences": [sickness]}) == 12
    accidents = [
        {"consultant": "an", "kind": "accident", "from": "2024-03-01", "to": "2024-04-29", "fte": "0.2"},
        {"consultant": "an", "kind": "accident", "from": "2024-03-01", "to": "2024-04-29", "fte": "0.8"},
    ]
    assert reference.shortfall_fte_days(conv, {"absences": accidents}) == 30
