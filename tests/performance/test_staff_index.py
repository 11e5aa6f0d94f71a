"""Issue 9, scale: a consultant is found by an index on its id, not by scanning the list per absence."""

from __future__ import annotations

import time
from decimal import Decimal

from convenant_calc.core.models import Staffing


def test_consultant_by_id_is_the_first_listed_and_none_when_unknown():
    staffing = Staffing.model_validate(
        {"consultants": [{"id": "an", "fte": Decimal("0.5")}, {"id": "an", "fte": Decimal(1)}, {"id": "bram"}]}
    )
    assert staffing.consultant("an").fte == Decimal("0.5")  # the first of two (the checks report the second)
    assert staffing.consultant("bram").id == "bram"
    assert staffing.consultant("chloe") is None


def test_twenty_thousand_lookups_among_twenty_thousand_consultants_take_no_time():
    # A scan would compare 20,000 × 10,000 ids on average: 2·10⁸ comparisons, seconds of work.
    # The index answers in well under a second even on a loaded machine.
    n = 20_000
    staffing = Staffing.model_validate({"consultants": [{"id": f"c{i:05d}"} for i in range(n)]})
    start = time.perf_counter()
    found = sum(staffing.consultant(f"c{i:05d}") is not None for i in reversed(range(n)))
    assert found == n
    assert time.perf_counter() - start < 2.0
