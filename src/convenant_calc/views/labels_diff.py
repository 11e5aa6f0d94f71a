"""The words of ``convenant diff`` (S22), in English and Dutch.

Kept beside :mod:`convenant_calc.views.labels`, which merges them into its ``TEXT``; the same
rules hold (JSON keys never come from here).
"""

from __future__ import annotations

TEXT_DIFF: dict[str, dict[str, str]] = {
    "diff_title": {"en": "What changed, and what it cost (S22)", "nl": "Wat er veranderde, en wat het kostte (S22)"},
    "diff_old": {"en": "old", "nl": "oud"},
    "diff_new": {"en": "new", "nl": "nieuw"},
    "diff_figures": {"en": "Settled figures", "nl": "Afgerekende bedragen"},
    "diff_steps": {
        "en": "Steps, in the order of the new version's files and lines",
        "nl": "Stappen, in de volgorde van de bestanden en regels van de nieuwe versie",
    },
    "diff_effects": {
        "en": "Effect of each step, adding up to the total difference (new − old)",
        "nl": "Effect van elke stap, samen het totale verschil (nieuw − oud)",
    },
    "diff_col_change": {"en": "change", "nl": "wijziging"},
    "diff_col_payout": {"en": "payout", "nl": "uitbetaling resultaten"},
    "diff_total": {"en": "Total difference (new − old)", "nl": "Totaal verschil (nieuw − oud)"},
    "diff_equal": {
        "en": "The settled figures are equal.",
        "nl": "De afgerekende bedragen zijn gelijk.",
    },
    "diff_differ": {
        "en": "The settled figures differ.",
        "nl": "De afgerekende bedragen verschillen.",
    },
    "diff_no_changes": {"en": "No item differs.", "nl": "Geen enkel onderdeel verschilt."},
    "diff_periods": {
        "en": "Difference per period (S14), which the total difference adds up",
        "nl": "Verschil per periode (S14), samen het totale verschil",
    },
    "diff_merged": {
        "en": "merged: {item} alone leaves the case invalid ({problem}); applied with the items it needs",
        "nl": "samengevoegd: {item} alleen maakt het dossier ongeldig ({problem}); toegepast samen met wat het "
        "nodig heeft",
    },
    # the kinds of change
    "diff_changed": {"en": "changed", "nl": "gewijzigd"},
    "diff_added": {"en": "added", "nl": "toegevoegd"},
    "diff_removed": {"en": "removed", "nl": "geschrapt"},
    "diff_reordered": {"en": "reordered", "nl": "anders geordend"},
    # the items
    "diff_field": {"en": "{field}", "nl": "{field}"},
    "diff_named": {"en": "the agreement it names", "nl": "het convenant dat het noemt"},
    "diff_order": {"en": "the order of {field}", "nl": "de volgorde van {field}"},
    "diff_commitment": {"en": "commitment {id}", "nl": "verbintenis {id}"},
    "diff_amendment": {"en": "amendment {id}", "nl": "wijziging {id}"},
    "diff_addendum": {"en": "addendum {id}", "nl": "addendum {id}"},
    "diff_consultant": {"en": "consultant {id}", "nl": "consulent {id}"},
    "diff_absence": {"en": "absence of {who}, {kind} from {start}", "nl": "afwezigheid van {who}, {kind} vanaf {start}"},
    "diff_result": {"en": "result {id}", "nl": "resultaat {id}"},
    "diff_payment": {"en": "payment of {date}", "nl": "betaling van {date}"},
    "diff_cost": {"en": "cost of {date}, {ref}", "nl": "kost van {date}, {ref}"},
    "diff_in_period": {"en": ", period {period}", "nl": ", periode {period}"},
    "diff_in_line": {"en": ", line {line}", "nl": ", lijn {line}"},
    "diff_occurrence": {"en": " (the {n}th with these)", "nl": " (de {n}de met deze)"},
    "diff_item": {"en": "{list} item", "nl": "{list}-onderdeel"},
}
