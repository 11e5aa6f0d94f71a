"""Issue 23: periods × absences. Each period works out only the absences with a day in its term, and
still lists every absence (the workbook shows them all in every period), exactly as before.

Example 09 (examples/09-extension-year/README.md): period 1 2023-07-01 … 2025-06-30, period 2
2025-07-01 … 2026-06-30; five absences, An's over the boundary, the other four in period 2.
"""

from __future__ import annotations

import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.models import Term
from convenant_calc.core.readings import DEFAULT, Readings
from convenant_calc.core.rules import absences as absence_rules
from convenant_calc.core.rules.lines import budgets, line_factor, line_outcome
from convenant_calc.core.rules.periods import merge_reason, merged, periods
from convenant_calc.core.settlement import absences_by_term, settle_agreement
from convenant_calc.io.bundled import examples_dir
from convenant_calc.io.loading import load_case

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import curves  # noqa: E402  (a script, not a package)

CASE = load_case(examples_dir() / "09-extension-year").case


def test_a_period_lists_every_absence_and_works_out_its_own():
    one, two = settle_agreement(CASE).settlements
    # Period 1 holds only An's first 42 days (2025-05-20 … 06-30): 12 + 30 = 42.
    assert [(a.index, a.days_in_term) for a in one.in_term] == [(0, 42)]
    # Listed: all five, the four of period 2 with no day in period 1.
    assert [(a.index, a.days_in_term, a.short_fte_days) for a in one.absences] == [
        (0, 42, 12), (1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 0, 0)
    ]
    # Period 2: An 07-01 … 07-15 = 15; Bram 11-03 … 11-21 = 19 and 2026-01-05 … 02-13 = 27 + 13 = 40;
    # Dirk 12-01 … 12-12 = 12 and 12-31 … 2026-02-06 = 1 + 31 + 6 = 38.
    assert [(a.index, a.days_in_term) for a in two.in_term] == [(0, 15), (1, 19), (2, 40), (3, 12), (4, 38)]
    assert two.absences == two.in_term
    # An absence outside the term keeps its own window (S7): Bram's relapse has 11 days left in period 1's list too.
    assert one.absences[2].window == two.absences[2].window and one.absences[2].window.left_at_start == 11


def test_each_absence_is_worked_out_once_for_each_period_it_touches(monkeypatch):
    calls: list[int] = []
    real = absence_rules.absence_outcome

    def counted(index, *args):
        calls.append(index)
        return real(index, *args)

    monkeypatch.setattr(absence_rules, "absence_outcome", counted)
    settle_agreement(CASE)
    # An touches both periods, the other four period 2 only: 2 + 4 = 6 (every period every absence: 10).
    assert sorted(calls) == [0, 0, 1, 2, 3, 4]


def _listed_as_before(case, readings: Readings = DEFAULT):
    """What each settlement listed before issue 23: every absence worked out in every period's funded term,
    then its part in the line (the code as it was, kept here as the reference)."""
    found = periods(case.convenant)
    if readings.periods_merged and merge_reason(found) is None:
        found = (merged(found),)
    windows = absence_rules.guaranteed_wage_windows(
        case.staffing, case.convenant.absence_rules, elapsed=readings.window_elapsed,
        relapse_on_chain=readings.relapse_on_chain,
    )
    out = []
    for p in found:
        term = p.convenant.term
        ended = None
        if p.convenant.termination is not None:
            from convenant_calc.core.rules.termination import ending

            ended = ending(p.convenant.termination, term, from_posting=readings.notice_from_posting)
        after = ended.ends if ended is not None and ended.unfunded_from is not None else None
        funded = term if after is None else Term(start=term.start, end=max(term.start, after))
        whole = () if after is not None and after < term.start else tuple(
            real_outcome(i, a, case.staffing.absence_fte(a), windows.get(i), funded)
            for i, a in enumerate(case.staffing.absences)
        )
        for budget in budgets(p):
            factors = {o.index: line_factor(case.staffing, o.consultant, budget) for o in whole}
            out.append(tuple(line_outcome(o, factors[o.index]) for o in whole if factors[o.index]))
    return out


real_outcome = absence_rules.absence_outcome

EXAMPLES = sorted(p for p in examples_dir().iterdir() if (p / "results.yaml").is_file())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_lists_what_it_listed_before(example):
    case = load_case(example, pending_allowed=True).case
    alternatives = (Readings(periods_merged=True), Readings(notice_from_posting=True), Readings(window_elapsed=True))
    for readings in (DEFAULT, *alternatives):
        listed = [s.absences for s in settle_agreement(case, readings, pending_allowed=True).settlements]
        assert listed == _listed_as_before(case, readings)


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 6), ends=st.integers(-1, 2500))
def test_generated_periods_list_what_they_listed_before(tmp_path_factory, n, ends):
    # n one-year periods with 40 absences a year; sometimes terminated on a day within them (S15).
    case_dir = curves.periods(n, tmp_path_factory.mktemp("p") / "case")
    if ends >= 0:
        conv = case_dir / "convenant.yaml"
        start = date.fromisoformat(conv.read_text().split("term: {start: ")[1][:10])
        end = date.fromordinal(start.toordinal() + ends % (366 * n))
        ended = f"\ntermination: {{kind: mutual, ends: {end}}}\nmax_subsidy:"
        conv.write_text(conv.read_text().replace("\nmax_subsidy:", ended, 1))
    case = load_case(case_dir).case
    settled = settle_agreement(case).settlements
    assert [s.absences for s in settled] == _listed_as_before(case)
    assert [s.in_term for s in settled] == [tuple(a for a in s.absences if a.days_in_term) for s in settled]


@settings(max_examples=200, deadline=None)
@given(
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=15),
    cuts=st.lists(st.integers(1, 15), min_size=1, max_size=5),
    gap=st.booleans(),
    none_at=st.integers(-1, 5),
)
def test_absences_by_term_finds_what_a_scan_finds(spans, cuts, gap, none_at):
    from types import SimpleNamespace

    base = date(2024, 1, 1).toordinal()
    absences = [SimpleNamespace(from_=date.fromordinal(base + a), to=date.fromordinal(base + a + d)) for a, d in spans]
    case = SimpleNamespace(staffing=SimpleNamespace(absences=absences))
    terms: list[Term | None] = []
    day = base + 3
    for length in cuts:
        terms.append(Term(start=date.fromordinal(day), end=date.fromordinal(day + length - 1)))
        day += length + (2 if gap else 0)
    if 0 <= none_at < len(terms):
        terms[none_at] = None
    found = absences_by_term(case, terms)
    scan = [
        [] if t is None else [i for i, a in enumerate(absences) if a.from_ <= t.end and a.to >= t.start] for t in terms
    ]
    assert found == scan


def test_absences_by_term_declines_terms_out_of_order():
    from types import SimpleNamespace

    case = SimpleNamespace(staffing=SimpleNamespace(absences=[]))
    later = Term(start=date(2025, 1, 1), end=date(2025, 12, 31))
    earlier = Term(start=date(2024, 1, 1), end=date(2025, 1, 1))
    assert absences_by_term(case, [later, earlier]) is None  # then each period looks at every absence
    assert absences_by_term(case, [earlier, later]) is None  # they overlap on 2025-01-01
    assert absences_by_term(case, [earlier, None]) == [[], []]


@settings(max_examples=200, deadline=None)
@given(
    cuts=st.lists(st.integers(1, 40), min_size=1, max_size=5),
    gaps=st.lists(st.integers(0, 6), min_size=5, max_size=5),
    days=st.lists(st.integers(-30, 260), min_size=1, max_size=20),
)
def test_a_cost_finds_its_period_by_bisection_as_by_search(cuts, gaps, days):
    # S20: "a cost dated outside every period is listed under the period nearest to its date" (the earlier on a tie).
    from types import SimpleNamespace

    from convenant_calc.core.rules.costs import _locator, _nearest

    base = date(2024, 1, 1).toordinal()
    found, day = [], base
    for k, (length, gap) in enumerate(zip(cuts, gaps, strict=False)):
        term = Term(start=date.fromordinal(day), end=date.fromordinal(day + length - 1))
        found.append(SimpleNamespace(id=f"p{k}", convenant=SimpleNamespace(term=term)))
        day += length + gap
    found = tuple(found)
    locate = _locator(found)
    for d in days:
        assert locate(date.fromordinal(base + d)).id == _nearest(found, date.fromordinal(base + d)).id


def test_a_cost_in_a_gap_goes_to_the_nearer_period_the_earlier_on_a_tie():
    from types import SimpleNamespace

    from convenant_calc.core.rules.costs import _locator

    def period(pid, first, last):
        term = Term(start=date(2024, 1, first), end=date(2024, 1, last))
        return SimpleNamespace(id=pid, convenant=SimpleNamespace(term=term))

    locate = _locator((period("a", 1, 10), period("b", 14, 20)))
    # 11, 12, 13 lie between: 12 is 2 days from the 10th and 2 from the 14th (a tie: the earlier); 13 is 1 from b.
    assert [locate(date(2024, 1, d)).id for d in (11, 12, 13, 21)] == ["a", "a", "b", "b"]
    assert locate(date(2023, 12, 1)).id == "a"
