"""The reference of `make bench` (issue 23): benchmarks/sweep.py, a minimal interval sweep of S5–S10
written without the package, gives the tool's figures; so the speed it is compared with is of a
program that does the same work."""

from __future__ import annotations

import sys
from decimal import Decimal

from convenant_calc.core.settlement import settle
from convenant_calc.io.loading import load_case

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate_cases  # noqa: E402  (a script, not a package)
import sweep  # noqa: E402


def _tool(case_dir):
    s = settle(load_case(case_dir).case)
    return s.staffing.fte_days, s.deduction.amount


def test_the_sweep_gives_the_tools_figures_on_generated_cases(tmp_path):
    dirs = generate_cases.generate(tmp_path / "cases", count=60, seed=23, with_bundled=False)
    for case_dir in dirs:
        assert sweep.settle(case_dir) == _tool(case_dir), case_dir.name


def _case(tmp_path, absences: str):
    case = tmp_path / "case"
    case.mkdir()
    (case / "convenant.yaml").write_text(
        "id: hand\ntitle: Hand\nterm: {start: 2024-01-01, end: 2024-12-31}\nmax_subsidy: 36600.00\n"
        "consultants_fte: 1\nresult_commitments:\n  - {id: R1, title: One, target: 1}\n",
        encoding="utf-8",
    )
    (case / "absences.yaml").write_text(absences, encoding="utf-8")
    (case / "results.yaml").write_text("results:\n  - {commitment: R1, achieved: 1}\n", encoding="utf-8")
    return case


def test_concurrent_accidents_are_one_incapacity(tmp_path):
    # S7's own example: accidents of 0.2 and 0.8 FTE, both 2024-03-01 … 2024-04-29 (60 days): covered
    # 2024-03-01 … 2024-03-30 for both; 30 days × 1.0 FTE = 30 FTE-days short. The rate is
    # 36,600 / (1 FTE × 366 days) = 100.00 a day, so the deduction is 3,000.00.
    case = _case(
        tmp_path,
        "consultants:\n  - {id: an, fte: 1}\nabsences:\n"
        "  - {consultant: an, kind: accident, from: 2024-03-01, to: 2024-04-29, fte: 0.2}\n"
        "  - {consultant: an, kind: accident, from: 2024-03-01, to: 2024-04-29, fte: 0.8}\n",
    )
    assert sweep.settle(case) == (Decimal(30), Decimal("3000.00")) == _tool(case)


def test_a_relapse_draws_on_what_is_left_of_the_window(tmp_path):
    # A sickness 2024-03-01 … 03-20 uses 20 of the 30 covered days; the next starts 10 days after it
    # ended (≤ 14: a relapse), so only 10 are left: covered 03-30 … 04-08, short 04-09 … 04-28,
    # 20 days × 1 FTE = 20 FTE-days, × 100.00 = 2,000.00. A 0.5 replacement 04-19 … 04-28 puts back
    # 10 × 0.5 = 5: 15 FTE-days, 1,500.00.
    case = _case(
        tmp_path,
        "consultants:\n  - {id: an, fte: 1}\nabsences:\n"
        "  - {consultant: an, kind: sickness, from: 2024-03-01, to: 2024-03-20}\n"
        "  - consultant: an\n    kind: sickness\n    from: 2024-03-30\n    to: 2024-04-28\n"
        "    replacement:\n      - {from: 2024-04-19, to: 2024-04-28, fte: 0.5}\n",
    )
    assert sweep.settle(case) == (Decimal(15), Decimal("1500.00")) == _tool(case)
