"""S17 — the alternative readings as rows an officer and an auditor read side by side.

Plain text already written in the chosen language (amounts, signs, reasons); the
sentence of the agreement stays in Dutch as written, and both readings are given in
English and Dutch whatever the language, as the parties to a dispute may need either.
"""

from __future__ import annotations

from collections.abc import Sequence

from convenant_calc.core.reading_costs import ReadingCost
from convenant_calc.core.readings import applied
from convenant_calc.core.settlement import Settlement
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.model import ReadingRow

NL = Lang("nl")  # both readings are shown in English and Dutch, whatever the language


def reading_rows(costs: Sequence[ReadingCost], t: Lang) -> tuple[ReadingRow, ...]:
    rows = []
    for c in costs:
        a = c.alternative
        if c.reason is not None:
            status = t("not_applicable", why=c.reason.text(t.of(c.reason, "text")))
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
                unquoted="" if unquoted is None else unquoted.text(t.of(unquoted, "text")),
                default_en=a.default_en,
                default_nl=NL.of(a, "default"),
                alternative_en=a.alternative_en,
                alternative_nl=NL.of(a, "alternative"),
                alternative=t.of(a, "alternative"),
                applies=c.applies,
                in_force=c.in_force,
                subsidy=t.money(c.subsidy),
                difference=t.signed(c.difference),
                status=status,
                lines=tuple((x.line, t.money(x.subsidy), t.signed(x.difference)) for x in c.by_line),
                ceiling="" if c.ceiling is None else t("reading_ceiling", ceiling=t.money(c.ceiling)),
            )
        )
    return tuple(rows)


def applied_note(s: Settlement, t: Lang) -> str:
    """'' under the default readings; otherwise the sentence every output carries (S17)."""
    ids = applied(s.readings)
    return t("readings_applied_note", ids=", ".join(ids)) if ids else ""
