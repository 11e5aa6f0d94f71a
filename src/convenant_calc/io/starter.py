"""A commented starter case (``convenant init DIR [--convenant ID]``) that validates as written.

With ``--convenant ID`` the case names a bundled agreement (SPEC §3: no
convenant.yaml, ``convenant: ID`` in each file) and results.yaml lists every
commitment of that agreement with ``achieved: 0``, for the officer to fill in.
Without it, the case carries its own ``convenant.yaml``: the example of SPEC §3,
commented, to be replaced by the agreement's own figures.

The files are plain text with comments, so they are written from templates
here and not dumped from the models; a test loads every starter case.
"""

from __future__ import annotations

from decimal import Decimal

from convenant_calc.core.models import Convenant

OWN_CONVENANT = """\
# convenant.yaml: the agreement (SPEC §3). Replace every figure with your agreement's own,
# each from the article named on its line. Dates are ISO (YYYY-MM-DD), ranges inclusive;
# numbers with a decimal point and no thousands separator (424000.00, not 424.000,00).
id: mijn-convenant-2023-2025
title: Sectorconvenant 2023-2025 (vul de titel in)
term: {start: 2023-07-01, end: 2025-06-30}          # Art. 1: de looptijd
max_subsidy: 424000.00                               # Art. 1: de maximale subsidie, EUR
consultants_fte: 4                                   # Art. 1: gefinancierde VTE sectorconsulenten
# Optional; these are the defaults:
funding: {effort_share: 0.70, result_share: 0.30, result_cutoff: 0.5}   # Art. 2
absence_rules: {guaranteed_wage_days: 30, relapse_days: 14}             # Art. 5
result_commitments:                                  # Art. 4: de resultaatsverbintenissen
  - {id: R1, title: Eerste resultaatsverbintenis, target: 96, unit: bezoeken}
  - {id: R2, title: Tweede resultaatsverbintenis, target: 4, unit: infosessies}
"""

ABSENCES = """\
# absences.yaml: who was employed and who was absent (SPEC §3, S5–S8).{named}
# Without 'consultants', the funded FTE is assumed employed on every day of the term (S5).
# consultants:
#   - {{id: an, name: An Peeters, fte: 1.0}}
#   - {{id: bram, fte: 1.0, employed: {{from: 2023-07-01, to: 2024-11-30}}}}
# Kinds (in English): sickness, accident, maternity_leave, time_credit, career_break,
# parental_leave, unpaid_leave. FTE as a decimal: a 1/5 time credit is fte: 0.2.
# absences:
#   - consultant: an
#     kind: sickness
#     from: 2024-01-08
#     to: 2024-03-15
#     replacement:
#       - {{from: 2024-02-19, to: 2024-03-15, fte: 1.0}}
absences: []
"""

RESULTS = """\
# results.yaml: one reported result for each commitment (SPEC §3, S4). Fill in 'achieved';
# or write 'met: true' (or false) with a 'justification' for an auditor's judgement.{named}
results:
{lines}"""

PAYMENTS = """\
# payments.yaml: the advances paid (S12), each with its date and amount in EUR.{named}
# payments:
#   - {{date: 2023-10-02, amount: 169600.00, label: voorschot 1}}
payments: []
"""


COSTS = """\
# costs.yaml: the cost statement, kostenstaat (SPEC §14, S20), for the final report (Art. 6). With it,
# each line's subsidy is at most its eligible costs; without it (delete this file) the figures are
# ceilings. Replace these examples with your payslips and invoices, one cost a line.{named}
# kind: salary (loonkosten; 'consultant' optional), operating (werkingskosten) or project
# (projectkosten). Eligible (Art. 5): salary and operating costs in the main line; an addendum's
# line takes all three, or its 'eligible_costs'. date: the day the cost belongs to, within the
# term (for a month's salary, any day of that month). ref: the document, required. line: an
# addendum's id (default: the main line). amount: EUR, positive, at most two decimals.
costs:
  - {{date: 2023-12-31, kind: salary, amount: 102500.00, ref: "loonstaat 2023-07..2023-12", label: sectorconsulenten}}
  - {{date: 2024-03-12, kind: operating, amount: 845.10, ref: "factuur 2024-0112", label: zaalhuur infosessie}}
  # A project cost counts in an addendum's line only (the main line's are the consultants' salary and
  # operating costs, Art. 5); in the main line it would be listed as not eligible:
  # - {{date: 2024-11-12, kind: project, line: mijn-addendum, amount: 12500.00, ref: "factuur 2024-0311"}}
"""


def starter_files(convenant: Convenant, bundled: bool) -> dict[str, str]:
    """The files of a starter case: name -> text. ``convenant`` is the bundled agreement, or the own template's."""
    named = f"\nconvenant: {convenant.id}   # the bundled agreement (see 'convenant list')" if bundled else ""
    lines = "".join(
        f"  - {{commitment: {c.id}, achieved: 0}}   # target {_plain(c.target)}{' ' + c.unit if c.unit else ''}: "
        f"{c.title}\n"
        for c in convenant.result_commitments
    )
    files = {
        "absences.yaml": ABSENCES.format(named=named),
        "results.yaml": RESULTS.format(named=named, lines=lines),
        "payments.yaml": PAYMENTS.format(named=named),
        "costs.yaml": COSTS.format(named=named),  # S20
    }
    if not bundled:
        files = {"convenant.yaml": OWN_CONVENANT, **files}
    return files


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"

