"""The words of ``convenant diff`` (S22), in English.

Kept beside :mod:`convenant_calc.views.labels`, which merges them into its ``TEXT``; the same
rules hold (the Dutch in the catalog under the key as context, JSON keys never come from here).
"""

from __future__ import annotations

from convenant_calc.io.catalog import N_

TEXT_DIFF: dict[str, str] = {
    "diff_title": N_("What changed, and what it cost (S22)"),
    "diff_old": N_("old"),
    "diff_new": N_("new"),
    "diff_figures": N_("Settled figures"),
    "diff_steps": N_("Steps, in the order of the new version's files and lines"),
    "diff_effects": N_("Effect of each step, adding up to the total difference (new − old)"),
    "diff_col_change": N_("change"),
    "diff_col_payout": N_("payout"),
    "diff_col_eligible": N_("eligible costs"),
    "diff_total": N_("Total difference (new − old)"),
    "diff_equal": N_("The settled figures are equal."),
    "diff_differ": N_("The settled figures differ."),
    "diff_no_changes": N_("No item differs."),
    "diff_periods": N_("Difference per period (S14), which the total difference adds up"),
    "diff_merged": N_("merged: {item} alone leaves the case invalid ({problem}); applied with the items it needs"),
    # the kinds of change
    "diff_changed": N_("changed"),
    "diff_added": N_("added"),
    "diff_removed": N_("removed"),
    "diff_reordered": N_("reordered"),
    # the items
    "diff_field": N_("{field}"),
    "diff_named": N_("the agreement it names"),
    "diff_file": N_("{file} itself (S20: with a cost statement every line is capped at its eligible costs)"),
    "diff_order": N_("the order of {field}"),
    "diff_commitment": N_("commitment {id}"),
    "diff_amendment": N_("amendment {id}"),
    "diff_addendum": N_("addendum {id}"),
    "diff_consultant": N_("consultant {id}"),
    "diff_absence": N_("absence of {who}, {kind} from {start}"),
    "diff_result": N_("result {id}"),
    "diff_payment": N_("payment of {date}"),
    "diff_cost": N_("cost of {date}, {ref}"),
    "diff_in_period": N_(", period {period}"),
    "diff_in_line": N_(", line {line}"),
    "diff_occurrence": N_(" (the {n}th with these)"),
    "diff_item": N_("{list} item"),
}
