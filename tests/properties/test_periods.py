"""S14 invariants.

1. An agreement of one period with no amendments settles through the agreement-level path
   byte-identically to today's single-period path (JSON and table).
2. An extension split: the same absences, the term cut into two periods with the maximum split
   in proportion to days (so the daily rate is the same in both), gives per-period deductions
   that add up exactly, before rounding, to the deduction of the uncut term; after rounding,
   to within a cent.
"""

from __future__ import annotations

import io
import json

from datetime import timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.core.models import Case, Convenant, Results
from convenant_calc.core.settlement import settle, settle_agreement
from convenant_calc.render import json as json_render
from convenant_calc.render import table

from ..helpers import all_met
from .test_invariants import START, TERM, cases

def plain(view) -> str:
    """A rich view as plain text, as ``table.render`` prints one."""
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=120, color_system=None, force_terminal=False).print(view, crop=False)
    return buffer.getvalue()


DAYS = 61  # TERM: 2024-01-01 … 2024-03-01, with the leap day


@settings(max_examples=40, deadline=None)
@given(case=cases())
def test_one_period_settles_byte_identically(case: Case):
    today = settle(case)
    agreement = settle_agreement(case)
    assert agreement.only is not None and agreement.only.period is None
    assert json_render.render(agreement) == json.dumps({**json_render.settlement_dict(today), **json_render.costs_dict(today)}, indent=2, ensure_ascii=False) + "\n"
    assert table.render(agreement) == plain(table.settlement_renderable(today))


def split(case: Case, cut: int, per_day: Decimal) -> tuple[Case, Case]:
    """The case with max_subsidy = per_day × 61, and the same case cut after ``cut`` days into two periods
    whose maxima are per_day × their days (the maximum in proportion to days)."""
    whole = case.convenant.model_copy(update={"max_subsidy": per_day * DAYS})
    first_end = START + timedelta(days=cut - 1)
    data = whole.model_dump(by_alias=True, exclude={"amendments"})
    data["term"] = {"start": TERM["start"], "end": first_end.isoformat()}
    data["max_subsidy"] = per_day * cut
    data["absence_rules"] = case.convenant.absence_rules
    data["amendments"] = [
        {
            "id": "extension",
            "kind": "extension",
            "term": {"start": (first_end + timedelta(days=1)).isoformat(), "end": TERM["end"]},
            "max_subsidy": per_day * (DAYS - cut),
            "result_commitments": [{"id": "X1", "title": "extension target", "target": 1}],
        }
    ]
    cut_conv = Convenant.model_validate(data)
    results = all_met(whole).results + ({"commitment": "X1", "achieved": 1},)  # type: ignore[operator]
    cut_case = case.model_copy(update={"convenant": cut_conv, "results": Results.model_validate({"results": results})})
    return case.model_copy(update={"convenant": whole}), cut_case


@settings(max_examples=40, deadline=None)
@given(case=cases(), cut=st.integers(1, DAYS - 1), cents=st.integers(1, 10**7))
def test_extension_split_deductions_add_up(case: Case, cut: int, cents: int):
    whole, cut_case = split(case, cut, Decimal(cents).scaleb(-2))
    one = settle(whole)
    a = settle_agreement(cut_case)
    assert len(a.settlements) == 2
    first, second = a.settlements
    assert first.deduction.daily_rate == second.deduction.daily_rate == one.deduction.daily_rate
    # The FTE-days short of the two periods are those of the whole term, split at the cut (one staffing
    # history, one set of guaranteed-wage windows).
    assert first.deduction.shortfall_fte_days + second.deduction.shortfall_fte_days == one.deduction.shortfall_fte_days
    # Exact, unrounded: the deductions add up to the cent and beyond.
    assert first.deduction.exact + second.deduction.exact == one.deduction.exact
    # Rounded: each period rounds once, so the sum may differ by at most a cent.
    assert abs(first.deduction.amount + second.deduction.amount - one.deduction.amount) <= Decimal("0.01")
