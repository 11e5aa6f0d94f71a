"""Dutch words and fractions where the files want English kinds and decimals (issue 11, "Dutch as a Fleming writes it").

A finance officer copies the payroll's words: ``kind: ziekte``, ``fte: 1/5``. The
message names the English kind and the decimal to write instead; the case is
refused (exit 2), as any other bad value.
"""

from __future__ import annotations

import pytest

KINDS = "'sickness', 'accident', 'maternity_leave', 'time_credit', 'career_break', 'parental_leave' or 'unpaid_leave'"
ONE = "1 error in 1 file"

DUTCH = {
    "ziekte": "sickness",
    "ongeval": "accident",
    "moederschapsrust": "maternity_leave",
    "tijdskrediet": "time_credit",
    "loopbaanonderbreking": "career_break",
    "ouderschapsverlof": "parental_leave",
    "onbetaald verlof": "unpaid_leave",
    "Onbetaald_Verlof": "unpaid_leave",
}


@pytest.mark.parametrize("word, kind", DUTCH.items())
def test_a_dutch_kind_names_the_english_one(case, word, kind):
    lines = case.errors(
        **{"absences.yaml": f"absences:\n  - {{consultant: an, kind: {word}, from: 2024-03-01, to: 2024-03-10}}\n"}
    )
    # the value starts after "  - {consultant: an, kind: " (column 28)
    assert lines == [
        f"case/absences.yaml:2:28: unknown value {word!r}; the kinds are written in English: "
        f"for {word!r} write {kind!r}; allowed: {KINDS}",
        ONE,
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("1/5", "expected a number, got the fraction '1/5'; write it as a decimal: 0.2"),
        ("4/5", "expected a number, got the fraction '4/5'; write it as a decimal: 0.8"),
        ("1/2", "expected a number, got the fraction '1/2'; write it as a decimal: 0.5"),
        (
            "1/3",
            "expected a number, got the fraction '1/3', which has no exact decimal; "
            "write the decimal the agreement states, e.g. 0.5",
        ),
    ],
)
def test_a_fraction_suggests_the_decimal(case, text, message):
    lines = case.errors(
        **{"absences.yaml": f"absences:\n  - {{consultant: an, kind: time_credit, from: 2024-03-01, to: 2024-03-10, fte: {text}}}\n"}
    )
    assert len(lines) == 2 and lines[1] == ONE
    assert lines[0].endswith(message), lines[0]
    assert lines[0].startswith("case/absences.yaml:2:")
