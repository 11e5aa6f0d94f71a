"""Art. 5: who was employed on each day of the term (S5)."""

from __future__ import annotations

from convenant_calc.core.models import Convenant, Staffing
from convenant_calc.core.spans import Span, clip


def baseline(convenant: Convenant, staffing: Staffing) -> list[Span]:
    """S5 — the FTE employed on each day of the term, as spans.

    Art. 5: "Hiertoe worden effectief 4 VTE- sectorconsulenten ingezet."

    With a ``consultants`` list, the FTE employed on a day is the sum of the
    ``fte`` of consultants whose ``employed`` range holds that day (a missing
    bound is open). Without one, the funded FTE is assumed employed on every
    day of the term.
    """
    term = convenant.term
    if not staffing.consultants:
        return [Span(term.start, term.end, convenant.consultants_fte)]
    spans = []
    for consultant in staffing.consultants:
        cut = clip(consultant.employed.from_, consultant.employed.to, term.start, term.end)
        if cut is not None:
            spans.append(Span(cut[0], cut[1], consultant.fte))
    return spans
