"""Art. 5: who was employed on each day of the term (S5), in each funding line (S19)."""

from __future__ import annotations

from decimal import Decimal

from convenant_calc.core.models import Staffing, Term
from convenant_calc.core.spans import Span, clip


def baseline(term: Term, funded_fte: Decimal, staffing: Staffing, line: str, main: bool) -> list[Span]:
    """S5, S19 — the FTE employed on each day of the term in a funding line, as spans.

    Art. 5: "Hiertoe worden effectief 4 VTE- sectorconsulenten ingezet."

    With a ``consultants`` list, the FTE employed on a day is the sum of the
    ``fte`` of consultants whose ``employed`` range holds that day (a missing
    bound is open). Without one, the funded FTE is assumed employed on every
    day of the term.

    S19: "``baseline_L(d)`` = Σ over consultants employed on d of their share in L" (a
    consultant's share in the main line is its ``fte`` less its shares in the addenda);
    "Without a ``consultants`` list every line is taken as fully staffed (S5)".
    """
    if not staffing.consultants:
        return [Span(term.start, term.end, funded_fte)]
    spans = []
    for consultant in staffing.consultants:
        share = consultant.share(line, main)
        cut = clip(consultant.employed.from_, consultant.employed.to, term.start, term.end)
        if cut is not None and share:
            spans.append(Span(cut[0], cut[1], share))
    return spans
