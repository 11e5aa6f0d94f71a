"""Shared helpers of the report tests: the example cases, loaded and settled once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from convenant_calc.io.bundled import data_dir, examples_dir
from convenant_calc.io.loading import LoadedCase, load_case
from convenant_calc.views.labels import Lang
from convenant_calc.views.report import Report, build_part, input_files
from convenant_calc.core.rules.periods import periods
from convenant_calc.core.settlement import AgreementSettlement, Settlement, settle, settle_agreement

from ..conftest import example_as_of

# The casebook: each example directory holding a case (examples/generation holds a generation of them).
ALL_EXAMPLES = sorted(p.name for p in examples_dir().iterdir() if (p / "results.yaml").is_file())


@cache
def loaded(name: str) -> LoadedCase:
    return load_case(examples_dir() / name, pending_allowed=example_as_of(examples_dir() / name) is not None)


#: The examples of one settlement (one period and one line: the report of each is one Report); those of
#: more periods (S14) are tested in tests/report/test_report_periods.py, of more lines (S19) in
#: tests/report/test_report_lines.py.
EXAMPLES = [name for name in ALL_EXAMPLES if settle_agreement(loaded(name).case, pending_allowed=True).only is not None]
PERIOD_EXAMPLES = [name for name in ALL_EXAMPLES if len(periods(loaded(name).case.convenant)) > 1]


@cache
def settled(name: str) -> Settlement:
    return settle(loaded(name).case, pending_allowed=example_as_of(examples_dir() / name) is not None)


@cache
def agreement(name: str) -> AgreementSettlement:
    """The example settled as the commands settle it: one settlement per period and line (S14, S19)."""
    return settle_agreement(loaded(name).case, pending_allowed=example_as_of(examples_dir() / name) is not None)


@cache
def report(name: str, lang: str = "en") -> Report:
    case = loaded(name)
    return build_part(settled(name), case.case.staffing, input_files(case.sources, data_dir()), Lang(lang), case=name)


@pytest.fixture(params=EXAMPLES)
def example(request) -> str:
    return request.param


def example_path(name: str) -> Path:
    return examples_dir() / name
