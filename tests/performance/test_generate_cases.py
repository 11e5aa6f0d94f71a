"""The benchmark's case generator (issue 6) writes only valid cases, unlisted consultants included."""

from __future__ import annotations

import random
from decimal import Decimal
import sys

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate_cases  # noqa: E402  (a script, not a package)


def test_generated_cases_are_valid_and_varied(tmp_path):
    # generate() loads every case it writes with load_case and stops on any error or warning;
    # case 229 of seed 6 once put 5 FTE absent on a day with 4 FTE funded and no consultants listed.
    dirs = generate_cases.generate(tmp_path / "cases", count=240, seed=6)
    assert len(dirs) == 240
    assert all((d / "expected.yaml").is_file() for d in dirs)


def test_unlisted_consultants_never_exceed_the_funded_fte():
    # S5: with no consultants listed, at most the funded FTE may be absent on any day.
    rng = random.Random(1)
    bundled = generate_cases.bundled_facts()
    unlisted = 0
    for i in range(300):
        spec = generate_cases.make_case(rng, f"u{i}", bundled=bundled)
        if spec.listed:
            continue
        unlisted += 1
        load: dict[int, Decimal] = {}
        for a in spec.absences:
            fte = a.fte if a.fte is not None else Decimal(1)
            for d in range(a.first.toordinal(), a.last.toordinal() + 1):
                load[d] = load.get(d, 0) + fte
        assert max(load.values(), default=0) <= spec.funded_fte
    assert unlisted > 10
