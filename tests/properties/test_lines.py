"""S19 invariants over generated cases (hypothesis), the three of issue 19.

Every consultant is employed throughout the 61-day term and every line is funded for exactly the FTE
its consultants give it, so that no line has a vacancy or a surplus: then each line's shortfall is
the part of the absences that counts in it, and the lines' shortfalls add up to the agreement's.

1. The lines' shortfall FTE-days add up to those of the agreement taken as a whole (no addenda, the
   funded FTE the sum), and each line's are the absences' in proportion to the assignment
   (``a × share_L / f``, S19).
2. Moving a share of a consultant between two addenda with the same daily rate (their funded FTE
   and consultant funding moving with it) changes no total: not the FTE-days, not the subsidy.
3. Splitting an addendum into two with the same daily rate and summed maxima, FTE and consultant
   funding changes the total subsidy by at most the cents of rounding.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convenant_calc.core.settlement import settle_agreement

from ..helpers import case, convenant
from .test_invariants import FTES, TERM, absences

DAYS = 61  # TERM: 2024-01-01 … 2024-03-01
BIG = Decimal(10**7)  # a maximum no deduction comes near: no subsidy is floored at 0 (S11)


def tenths(n: int) -> Decimal:
    return Decimal(n) / 10


@st.composite
def assignment(draw):
    """Consultants a, b, c (each an FTE of FTES) with shares in two addenda x and y (tenths of an FTE), and m
    (1.0, the main line only), all employed throughout; the absences of a, b and c."""
    people = []
    for cid in ("a", "b", "c"):
        fte = draw(st.sampled_from(FTES))
        x = draw(st.integers(0, int(fte * 10)))
        y = draw(st.integers(0, int(fte * 10) - x))
        people.append((cid, fte, tenths(x), tenths(y)))
    return people, draw(absences())


def consultants(people) -> list[dict]:
    listed = [{"id": "m", "fte": Decimal(1)}]
    for cid, fte, *shares in people:
        lines = {line: share for line, share in zip(("x", "y"), shares) if share}
        listed.append({"id": cid, "fte": fte, "lines": lines})
    return listed


def addendum(line: str, fte: Decimal, rate: Decimal, maximum: Decimal = BIG) -> dict:
    """An addendum funding ``fte`` at ``rate`` a day per FTE: consultant funding = rate × fte × 61 days."""
    return {
        "id": line,
        "title": line,
        "max_subsidy": maximum,
        "consultants_fte": fte,
        "consultant_funding": rate * fte * DAYS,
        "result_commitments": [{"id": f"{line.upper()}1", "title": line, "target": 1}],
    }


def agreement(people, absent, rate: Decimal, lines: dict[str, Decimal] | None = None, maxima=None):
    """The case with one addendum per entry of ``lines`` (id -> FTE), the main line funded for the rest."""
    lines = lines if lines is not None else {
        "x": sum((p[2] for p in people), Decimal(0)), "y": sum((p[3] for p in people), Decimal(0))
    }
    maxima = maxima or {}
    main = 1 + sum((fte - x - y for _, fte, x, y in people), Decimal(0))
    conv = convenant(
        term=TERM,
        max_subsidy=BIG,
        consultants_fte=main,
        addenda=[addendum(line, fte, rate, maxima.get(line, BIG)) for line, fte in lines.items()],
    )
    return case(conv, absences=absent, consultants=consultants(people))


@settings(max_examples=120, deadline=None)
@given(assignment())
def test_the_lines_shortfalls_add_up_to_the_whole_in_proportion(drawn):
    people, absent = drawn
    lines = settle_agreement(agreement(people, absent, Decimal(100)))
    whole_case = case(
        convenant(term=TERM, max_subsidy=BIG, consultants_fte=1 + sum((p[1] for p in people), Decimal(0))),
        absences=absent,
        consultants=[{"id": "m", "fte": Decimal(1)}] + [{"id": p[0], "fte": p[1]} for p in people],
    )
    (whole,) = settle_agreement(whole_case).settlements
    assert sum((s.deduction.shortfall_fte_days for s in lines.settlements), Decimal(0)) == whole.deduction.shortfall_fte_days
    staffing = agreement(people, absent, Decimal(100)).staffing
    for s in lines.settlements:
        expected = Fraction(0)
        for outcome in whole.absences:  # each absence's FTE-days off duty, times the line's part of its consultant
            consultant = staffing.consultant(outcome.consultant)
            share = consultant.share(s.budget.line, s.budget.main)
            expected += Fraction(outcome.short_fte_days) * Fraction(share) / Fraction(consultant.fte)
        assert Fraction(s.deduction.shortfall_fte_days) == expected, s.budget.line


@settings(max_examples=120, deadline=None)
@given(assignment(), st.integers(1, 50), st.data())
def test_moving_a_share_between_lines_with_the_same_rate_changes_no_total(drawn, hundreds, data):
    # A rate of a whole number of hundreds of euro a day times FTE-days (which have at most four decimals:
    # tenths × tenths / an FTE of 0.2, 0.5, 0.8 or 1) is whole cents: no deduction is rounded, so the totals
    # are equal to the cent. All commitments met: each line's effort + payout is its maximum.
    people, absent = drawn
    movable = [i for i, p in enumerate(people) if p[2] > 0]
    assume(movable)  # a consultant with a share in x to move to y
    i = data.draw(st.sampled_from(movable), label="consultant")
    cid, fte, x, y = people[i]
    moved = list(people)
    moved[i] = (cid, fte, x - Decimal("0.1"), y + Decimal("0.1"))
    rate = Decimal(100 * hundreds)
    before, after = (settle_agreement(agreement(p, absent, rate)) for p in (people, moved))
    assert after.subsidy == before.subsidy
    assert sum((s.deduction.shortfall_fte_days for s in after.settlements), Decimal(0)) == sum(
        (s.deduction.shortfall_fte_days for s in before.settlements), Decimal(0)
    )
    assert after.select(line="lokale-besturen-2023-2025").subsidy == before.select(line="lokale-besturen-2023-2025").subsidy


@settings(max_examples=120, deadline=None)
@given(assignment(), st.integers(1, 5000), st.data())
def test_splitting_a_line_changes_the_total_by_the_cents_of_rounding_at_most(drawn, tenth_euros, data):
    # Line x split into x1 and x2: each consultant's share in x split in two, the FTE, the consultant funding
    # (at the same rate, R × FTE × 61) and the maximum of x divided likewise. All commitments met, so each
    # line's effort + payout is its maximum and the maxima add up; the deductions are rounded once each
    # (S10): one rounding before, two after, so the totals differ by at most a cent.
    people, absent = drawn
    rate = Decimal(tenth_euros) / 10  # a daily rate in tenths of a euro: R × tenths of an FTE × 61 is in cents
    split, lines = [], {"x1": Decimal(0), "x2": Decimal(0), "y": Decimal(0)}
    for cid, fte, x, y in people:
        x1 = tenths(data.draw(st.integers(0, int(x * 10)), label=f"{cid} x1"))
        split.append((cid, fte, (x1, x - x1), y))
        lines["x1"] += x1
        lines["x2"] += x - x1
        lines["y"] += y
    extra = [Decimal(data.draw(st.integers(1, 10**8), label="extra")).scaleb(-2) for _ in range(2)]
    m1 = rate * lines["x1"] * DAYS * 100 + extra[0]  # far more than any deduction: no floor at 0
    m2 = rate * lines["x2"] * DAYS * 100 + extra[1]
    whole = agreement(people, absent, rate, {"x": lines["x1"] + lines["x2"], "y": lines["y"]}, {"x": m1 + m2})
    parts = agreement_split(split, absent, rate, lines, {"x1": m1, "x2": m2})
    before, after = settle_agreement(whole), settle_agreement(parts)
    assert abs(after.subsidy - before.subsidy) <= Decimal("0.01")
    assert after.select(line="x1").max_subsidy + after.select(line="x2").max_subsidy == before.select(line="x").max_subsidy


def agreement_split(split, absent, rate, lines, maxima):
    """:func:`agreement` with x split into x1 and x2 (each consultant's share in x given as a pair)."""
    listed = [{"id": "m", "fte": Decimal(1)}]
    for cid, fte, (x1, x2), y in split:
        shares = {line: share for line, share in (("x1", x1), ("x2", x2), ("y", y)) if share}
        listed.append({"id": cid, "fte": fte, "lines": shares})
    main = 1 + sum((fte - x1 - x2 - y for _, fte, (x1, x2), y in split), Decimal(0))
    conv = convenant(
        term=TERM,
        max_subsidy=BIG,
        consultants_fte=main,
        addenda=[addendum(line, fte, rate, maxima.get(line, BIG)) for line, fte in lines.items()],
    )
    return case(conv, absences=absent, consultants=listed)
