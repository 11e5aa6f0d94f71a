"""A line of the summary, on its own: the terminal table needs it without the whole report model.

Every other value of the report is in ``model``, which creates about twenty frozen dataclasses
(start-up time, issue 23).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """A line of the summary: the lines add up to the subsidy and the balance."""

    label: str
    amount: str
    total: bool = False
