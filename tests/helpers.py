"""Build cases in memory from plain dicts (as a user writes them in YAML)."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from convenant_calc.core.models import Case, Convenant, Payments, Results, Staffing
from convenant_calc.core.settlement import Settlement, settle

from .conftest import REFERENCE


def _exact(value: Any) -> Any:
    """Turn the money strings of the builders into Decimals, as the YAML layer would."""
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_exact(v) for v in value]
    return value


def convenant(**changes: Any) -> Convenant:
    data = copy.deepcopy(REFERENCE)
    data["max_subsidy"] = Decimal(data["max_subsidy"])
    data.update(changes)
    return Convenant.model_validate(data)


def all_met(conv: Convenant, met: int | None = None) -> Results:
    """Results meeting the first ``met`` commitments (all when None), the others missed."""
    met = len(conv.result_commitments) if met is None else met
    addenda = [c for a in conv.addenda for c in a.result_commitments]  # S19: every addendum's commitments met
    return Results.model_validate(
        {
            "results": [
                {"commitment": c.id, "achieved": c.target if i < met else Decimal(0)}
                for i, c in enumerate(conv.result_commitments)
            ]
            + [{"commitment": c.id, "achieved": c.target} for c in addenda]
        }
    )


def case(
    conv: Convenant | None = None,
    absences: list[dict] | None = None,
    consultants: list[dict] | None = None,
    met: int | None = None,
    payments: list[dict] | None = None,
) -> Case:
    conv = conv or convenant()
    staffing = Staffing.model_validate({"consultants": consultants or [], "absences": absences or []})
    return Case(
        convenant=conv,
        staffing=staffing,
        results=all_met(conv, met),
        payments=Payments.model_validate({"payments": payments or []}),
    )


def settled(**kwargs: Any) -> Settlement:
    return settle(case(**kwargs))


def value_paths(value: Any, prefix: tuple = ()):
    """Every path to a value inside a loaded YAML document (the document itself first, as ``()``)."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from value_paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from value_paths(v, prefix + (i,))
