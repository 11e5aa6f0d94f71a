"""S17 — the alternative readings as rows an officer and an auditor read side by side.

Plain text already written in the chosen language (amounts, signs, reasons); the
sentence of the agreement stays in Dutch as written, and both readings are given in
English and Dutch whatever the language, as the parties to a dispute may need either.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from convenant_calc.core.reading_costs import ReadingCost
from convenant_calc.core.readings import applied
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import ReadingRow


def signed(value: Decimal, t: Lang) -> str:
    """A difference with its sign: +54.20, −2.39, 0.00."""
    if value > 0:
        return f"+{t.money(value)}"
    if value < 0:
        return f"−{t.money(-value)}"
    return t.money(value)


def reading_rows(costs: Sequence[ReadingCost], t: Lang) -> tuple[ReadingRow, ...]:
    rows = []
    for c in costs:
        a = c.alternative
        if c.reason is not None:
            status = t("not_applicable", why=c.reason.nl if t.dutch else c.reason.en)
        elif c.in_force:
            status = t("in_force")
        else:
            status = ""
        unquoted = c.reads.unquoted() if c.reads.text is None else None
        rows.append(
            ReadingRow(
                id=a.id,
                article=f"{c.reads.article}, {a.rules}",
                sentence=c.reads.text or "",  # the case's own agreement, never another's (its references)
                unquoted="" if unquoted is None else (unquoted.nl if t.dutch else unquoted.en),
                default_en=a.default_en,
                default_nl=a.default_nl,
                alternative_en=a.alternative_en,
                alternative_nl=a.alternative_nl,
                alternative=a.alternative_nl if t.dutch else a.alternative_en,
                applies=c.applies,
                in_force=c.in_force,
                subsidy=t.money(c.subsidy),
                difference=signed(c.difference, t),
                status=status,
            )
        )
    return tuple(rows)


def applied_note(s: Settlement, t: Lang) -> str:
    """'' under the default readings; otherwise the sentence every output carries (S17)."""
    ids = applied(s.readings)
    return t("readings_applied_note", ids=", ".join(ids)) if ids else ""
