"""S13 in the report: the S7 step and the absence table name the value used for each absence."""

from __future__ import annotations

from convenant_calc.views.labels import Lang
from convenant_calc.views.report import build_part

from ..helpers import case, convenant
from convenant_calc.core.settlement import settle


def test_dated_relapse_rule_named_with_its_reference():
    conv = convenant(
        absence_rules={
            "relapse_days": [
                {"from": "2023-07-01", "value": 14},
                {"from": "2025-01-01", "value": 56, "reference": "herval binnen 8 weken"},
            ]
        }
    )
    # #1 2024-11-01 … 2024-11-10 opens a 30-day window (10 used, 20 left).
    # #2 starts 2025-01-02: 2025-01-02 − 2024-11-10 = 53 days ≤ 56 (the value from 2025-01-01): a relapse.
    c = case(
        conv,
        absences=[
            {"consultant": "an", "kind": "sickness", "from": "2024-11-01", "to": "2024-11-10"},
            {"consultant": "an", "kind": "sickness", "from": "2025-01-02", "to": "2025-02-28"},
        ],
    )
    report = build_part(settle(c), c.staffing, (), Lang("en"))
    assert [a.window for a in report.absences] == [
        "own window of 30 d (guaranteed_wage_days 30)",
        "relapse of #1: 20 d of the window left "
        "(relapse_days 56 (from 2025-01-01): herval binnen 8 weken)",
    ]
    absent = next(s for s in report.steps if s.key == "absent")
    assert absent.figures.endswith(
        "S7 with S13 (values in force): #1 guaranteed_wage_days 30; "
        "#2 relapse_days 56 (from 2025-01-01): herval binnen 8 weken"
    )
    nl = build_part(settle(c), c.staffing, (), Lang("nl"))
    assert nl.absences[1].window.endswith("(relapse_days 56 (vanaf 2025-01-01): herval binnen 8 weken)")
