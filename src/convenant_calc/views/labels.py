"""Every word the human-readable outputs print, in one place: English here, the translations in a catalog.

The terminal table, the Markdown report and the HTML report take their labels
and their number formats from here (``--lang en|nl``). JSON keys never change
(SPEC §4) and do not come from here.

Words. :data:`TEXT` maps a key to its English message, marked ``N_(…)`` for
``pybabel extract``; the Dutch is in ``src/convenant_calc/locale/nl/LC_MESSAGES/convenant.po``,
looked up with the key as gettext's context (``msgctxt``), so that one English word can
have two translations (``docs/translating.md``). A call stays ``t("case_line", case=…)``;
the templates get ``t.labels()``. Values go in ``{braces}``; ``{cite_S2}`` and
``{cite_S3_S4}`` are filled with the rules' citation (``Art. 2, S2``) and
``{article_max_subsidy}`` with a fact's article, here, in every language.

To add a label (or to convert one written the old way on another branch)::

    "paid_line": {"en": "Paid in advances ({n})", "nl": "Betaalde voorschotten ({n})"},

becomes ``"paid_line": N_("Paid in advances ({n})"),`` here and, in the ``.po`` file,
an entry with the key as its context::

    msgctxt "paid_line"
    msgid "Paid in advances ({n})"
    msgstr "Betaalde voorschotten ({n})"

(or run ``make messages`` and fill in the new, empty ``msgstr``). A test fails on a message
the catalog lacks, an empty or fuzzy translation, or a translation whose ``{braces}`` differ.
An f-string label, ``f"… ({cite('S2')})"``, becomes ``N_("… ({cite_S2})")``. A registry
entry loses its Dutch the same way: ``Rule(id="S19", title_en="…", title_nl="…")`` keeps
``title_en`` and its Dutch becomes the ``msgstr`` of ``msgctxt "S19.title"``
(:meth:`Lang.of`); likewise an alternative reading's ``default_nl``/``alternative_nl``.

Numbers: English groups thousands with a comma and writes a decimal point
(``424,000.00``); Dutch (Flemish) groups with a point and writes a decimal comma
(``424.000,00``, through Babel's ``nl_BE``). Money in running text carries its
currency: ``EUR 424,000.00`` in English, ``424.000,00 EUR`` in Dutch (one style in
every Dutch output). Dates: ISO ``YYYY-MM-DD`` in English; in Dutch as a Fleming
writes them, ``30 juni 2025`` (Babel ``nl_BE``), in the report's heading, the
absences and payments tables and the terminal table's term line. Dates inside a
formula of a step (``2025-06-30 − 2023-07-01 + 1``) and in the timeline's hover
titles stay ISO in both languages: there they are figures being computed with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache

from convenant_calc.core.models import AbsenceKind
from convenant_calc.core.money import Exact, fmt_decimal, fmt_en, fmt_eur_nl, fmt_nl, fmt_signed, round_half_up
from convenant_calc.core.rules.registry import ARTICLES, cite
from convenant_calc.io.catalog import N_, context, translations
from convenant_calc.views.labels_calendar import TEXT_CALENDAR
from convenant_calc.views.labels_claim import TEXT_CLAIM
from convenant_calc.views.labels_diff import TEXT_DIFF

LANGS = ("en", "nl")

TEXT: dict[str, str] = {
    # --- the terminal table -------------------------------------------------------
    "case_line": N_("Case {case}, agreement {agreement} ({where})"),
    "case_bundled": N_("bundled"),
    "settlement": N_("Settlement"),
    "max_subsidy_line": N_("Maximum subsidy ({article_max_subsidy}), {fte} FTE"),
    "effort_line": N_("Effort funding: {pct} of the maximum ({cite_S2})"),
    "below_cutoff": N_("{met}/{total} met is below the cutoff {cutoff}: nothing paid"),
    "pro_rata": N_("{met}/{total} met × {pool}"),
    "result_line": N_("Result funding: {why} ({cite_S3})"),
    "deduction_line": N_("Deduction: {days} FTE-days × {rate} a day ({cite_S10})"),
    "floor_line": N_("Floor at zero (S11)"),
    "subsidy_line": N_("Subsidy (S11)"),
    "ceiling_line": N_("Ceiling: the subsidy before the cost statement (S11)"),
    "costs_line": N_("Eligible costs (S20, Art. 5)"),
    "capped_line": N_("Subsidy: the ceiling, at most the eligible costs (S20)"),
    "not_capped_line": N_("Subsidy: the ceiling; the costs cap nothing (reading costs.not-capped)"),
    "ceilings_note": N_("These figures are ceilings until a cost statement (costs.yaml) is added (S20)."),
    "paid_line": N_("Paid in advances ({n})"),
    "balance_pay": N_("Balance: to pay"),
    "balance_recover": N_("Balance: to recover"),
    "balance_settled": N_("Balance: settled"),
    "results_title": N_("Result commitments ({cite_S3_S4})"),
    "col_id": N_("id"),
    "col_commitment": N_("commitment"),
    "col_target": N_("target"),
    "col_achieved": N_("achieved"),
    "col_met": N_("met"),
    "col_why": N_("why"),
    "yes": N_("yes"),
    "no": N_("no"),
    "reason_judged_met": N_("met by judgement: {why}"),
    "reason_judged_not_met": N_("not met by judgement: {why}"),
    "reason_compared": N_("achieved {achieved} {rel} target {target}"),
    "absences_title": N_(
        "Absences ({cite_S6_S8}): days in the term, days covered by the guaranteed wage, FTE-days replaced and short"
    ),
    "col_no": N_("#"),
    "col_consultant": N_("consultant"),
    "col_who": N_("who"),
    "col_covered": N_("covered"),
    "col_kind": N_("kind"),
    "col_from": N_("from"),
    "col_to": N_("to"),
    "col_fte": N_("FTE"),
    "col_days": N_("days"),
    "col_guaranteed_wage": N_("guaranteed wage"),
    "col_replaced": N_("replaced"),
    "col_short": N_("short"),
    "relapse_caption": N_("#{no}: a relapse of #{of} (S7): {left} days of the guaranteed-wage window were left"),
    "joins_caption": N_(
        "#{no}: began while #{of} ran, one incapacity (S7): {left} days of the guaranteed-wage window were left"
    ),
    "shortfall_title": N_("FTE-days short (S9)"),
    "vacancy_line": N_("Vacancy: funded FTE not employed"),
    "absence_line": N_("Absences: uncovered and unreplaced"),
    "absorbed_line": N_("Absorbed: absent while more than the funded FTE was employed"),
    "short_line": N_("Short"),
    "term_line": N_("Term {start} … {end}, {days} days"),
    # --- the report ---------------------------------------------------------------
    "report_title": N_("Settlement report"),
    "agreement": N_("Agreement"),
    "source": N_("Source"),
    "term": N_("Term"),
    "case": N_("Case"),
    "tool": N_("Tool"),
    "generated": N_("Generated"),
    "inputs": N_("Input files"),
    "role": N_("role"),
    "file": N_("file"),
    "sha256": N_("SHA-256"),
    "bundled": N_("bundled with the tool"),
    "role_convenant": N_("agreement"),
    "role_absences": N_("staffing and absences"),
    "role_results": N_("results"),
    "role_payments": N_("payments"),
    "role_costs": N_("cost statement"),  # S20: costs.yaml
    "summary": N_("Summary"),
    "amount_eur": N_("amount (EUR)"),
    "line": N_("line"),
    "steps": N_("The settlement, step by step"),
    "steps_intro": N_(
        "Each step gives its rule, the formula, the figures put into it and the result. Amounts are exact; they are "
        "rounded half-up to cents only where a step says so (S1). A step quotes the agreement where it carries the "
        "sentence."
    ),
    "step": N_("Step"),
    "formula": N_("Formula"),
    "figures": N_("Figures"),
    "result": N_("Result"),
    "rule": N_("Rule"),
    "quote": N_("Agreement"),
    "no_quote": N_("(no quote in the agreement file)"),
    "commitments": N_("Result commitments"),
    "col_unit": N_("unit"),
    "col_how": N_("how judged"),
    "judged_override": N_("auditor's judgement: {why}"),
    "absences": N_("Absences"),
    "no_absences": N_("No absences were reported."),
    "col_days_in_term": N_("days in term"),
    "col_gw_days": N_("guaranteed wage (days)"),
    "col_relapse": N_("window"),
    "col_replaced_fte_days": N_("FTE-days replaced"),
    "col_short_fte_days": N_("FTE-days short"),
    "window_own": N_("own window of {days} d"),
    "window_relapse": N_("relapse of #{of}: {left} d of the window left"),
    "window_joins": N_("with #{of}: {left} d of the window left"),
    "window_none": N_("not covered (S6)"),
    "period": N_("Period"),
    "periods": N_("Periods (S14)"),
    "periods_note": N_(
        "Each period is settled on its own (S2–S12): its own maximum, funded FTE, term days, daily rate, commitments "
        "and advances. The staffing is one history: an absence over a boundary counts in each period for its days "
        "there, with one guaranteed-wage window (S7). Each total is the sum of the periods' figures."
    ),
    # --- funding lines (S19) ----------------------------------------------------------
    "funding_line": N_("Funding line"),
    "lines_title": N_("Funding lines (S19)"),
    "lines_periods_title": N_("Funding lines and periods (S14, S19)"),
    "col_line": N_("line"),
    "by_line": N_("Total by line"),
    "by_period": N_("Total by period"),
    "lines_note": N_(
        "Each funding line (the agreement's own budget, the main line, and each addendum) is settled on its "
        "own in each period (S2–S12): its own maximum, funded FTE, daily rate, commitments and advances. A "
        "consultant's absence counts in each line in proportion to the FTE the consultant works for it, with "
        "one guaranteed-wage window (S7, S19). Each total is the sum of the figures it adds up."
    ),
    "line_max_line": N_("Maximum of the line (S19), {fte} FTE"),
    "no_commitments": N_("no result funding, no commitments (S19)"),
    "no_deduction_line": N_("Deduction: the line funds no consultant (S19)"),
    "months_note_no_rate": N_(
        "The line funds no consultant (consultants_fte 0), so it has no daily rate and no deduction (S19)."
    ),
    "s_line_agreement": N_("The addendum's figures"),
    "f_line_agreement": N_("max_subsidy, consultants_fte and consultant_funding, as the addendum states them (S19)"),
    "x_line_agreement": N_("maximum {max}; {fte} FTE funded with {funding} of it"),
    "x_no_commitments": N_("no commitments: the line has no result funding (S19)"),
    "x_line_part": N_("{whole} FTE × {share} / {fte} in line {line}"),
    "f_deduction_line": N_(
        "deduction = shortfall_fte_days × consultant_funding / (consultants_fte × term_days), rounded half-up "
        "to cents (S19)"
    ),
    "x_no_rate": N_("consultants_fte 0: the line funds no consultant, so no daily rate and no deduction"),
    "f_rate_line": N_("daily_rate = consultant_funding / (consultants_fte × term_days), kept exact (S19)"),
    "f_rate_none": N_("a line with consultants_fte 0 has no daily rate (S19)"),
    "am_extension_line_what": N_("adds the period {start} … {end}, continuing {line} with a maximum of {max}"),
    "amendments": N_("Amendments (Art. 8, S14)"),
    "am_extension": N_("extension"),
    "am_change": N_("change"),
    "am_extension_what": N_("adds the period {start} … {end}, maximum {max}"),
    "am_replace": N_("replaces"),
    "am_add": N_("adds"),
    "am_remove": N_("removes"),
    "col_kind_amendment": N_("kind"),
    "col_decided": N_("decided"),
    "col_reference": N_("reference"),
    "col_what": N_("what"),
    "col_subsidy": N_("subsidy"),
    "col_paid": N_("paid"),
    "col_balance": N_("balance"),
    "col_max": N_("maximum"),
    "col_period": N_("period"),
    "col_term": N_("term"),
    "rule_in_force": N_("{name} {value} (from {since})"),
    "rule_plain": N_("{name} {value}"),
    "x_s13": N_("S7 with S13 (values in force)"),
    "absences_note": N_(
        "Days and FTE-days count only the part of an absence inside the term. Guaranteed-wage days count from the "
        "first day of incapacity, also before the term; absences of one kind that run together are one incapacity (S7)."
    ),
    "months": N_("Month by month"),
    "col_month": N_("month"),
    "col_vacancy": N_("vacancy"),
    "col_absent": N_("absent"),
    "col_short_month": N_("FTE-days short"),
    "col_cumulative_days": N_("cumulative FTE-days"),
    "col_cumulative": N_("cumulative deduction"),
    "col_deduction": N_("deduction"),
    "total": N_("total"),
    "months_note": N_(
        "Rounding: the agreement rounds the deduction once, on the total (S1, S10). A month's deduction is therefore "
        "the cumulative deduction at the month's end, rounded to cents, minus that of the previous month: cumulative "
        "deduction = cumulative FTE-days × {max} / ({fte} × {days}), rounded half-up. The months add up to the "
        "deduction exactly; no month differs by more than one cent from its own exact share."
    ),
    "payments": N_("Payments"),
    "no_payments": N_("No advances were paid."),
    # --- the cost statement (S20) -----------------------------------------------------------
    "cost_statement": N_("Cost statement (S20, Art. 5–6)"),
    "cost_statement_intro": N_(
        "The costs listed under this line and period (costs.yaml): a cost counts when its kind is eligible "
        "in the line and it is dated within the period, not after an early end (Art. 5: \"voor zover ze "
        "uitgevoerd worden binnen de looptijd\")."
    ),
    "col_eligible": N_("eligible"),
    "col_ineligible": N_("ineligible"),
    "col_ref": N_("document"),
    "col_eligibility": N_("eligible?"),
    "cost_kind.salary": N_("salary"),
    "cost_kind.operating": N_("operating"),
    "cost_kind.project": N_("project"),
    "cost_no_because": N_("no: {why}"),
    "cost_ceiling": N_("Ceiling (S11)"),
    "cost_eligible_sum": N_("Eligible costs"),
    "cost_capped": N_("The eligible costs are below the ceiling: the subsidy is capped at {eligible} (S20)."),
    "cost_not_capped": N_("The eligible costs reach the ceiling: the cap does not apply; the subsidy is {ceiling} (S20)."),
    "cost_cap_off": N_(
        "Under the reading costs.not-capped the costs cap nothing: the subsidy is the ceiling, {ceiling} (S17)."
    ),
    "no_costs": N_("No costs are listed under this line and period."),
    "xl_costs_note": N_(
        "One row per cost of costs.yaml (S20). Change an amount, or eligible to yes or no: each Settlement sheet adds "
        "up the eligible costs of its line and period and caps the subsidy at them. The line, the period and why a "
        "cost is not eligible are the tool's."
    ),
    "cost_reason.no-budget": N_("the line {line} has no budget in period {period} (S19)"),
    "cost_reason.outside": N_("dated {date}, outside every period of the agreement (Art. 5: within the term)"),
    "cost_reason.after-end": N_("dated {date}, after the agreement ended on {end} (S15)"),
    "cost_reason.kind": N_("a {kind} cost is not eligible in the line {line} (eligible: {allowed}; Art. 5)"),
    "col_date": N_("date"),
    "col_label": N_("label"),
    "col_amount": N_("amount (EUR)"),
    "timeline": N_("Staffing timeline"),
    "timeline_note": N_("One row per consultant over the term."),
    "timeline_hover": N_("Hover a bar for its dates and figures."),
    # --- the Excel workbook (settle --format xlsx) -----------------------------------
    "xl_inputs": N_("Inputs (change one: the figures below recompute)"),
    "xl_outputs": N_("Settlement (formulas)"),
    "xl_rule": N_("rule"),
    "xl_max": N_("Maximum subsidy (EUR)"),
    "xl_consultant_funding": N_("Consultant funding (EUR, S19)"),
    "xl_sheet": N_("sheet"),
    "col_title": N_("title"),
    "xl_totals_note": N_(
        "Every figure is a formula over the settlements' own sheets; each total is the sum of the rounded "
        "figures it adds up (S14, S19)."
    ),
    "xl_fte": N_("Funded FTE"),
    "xl_effort_share": N_("Effort share"),
    "xl_result_share": N_("Result share"),
    "xl_cutoff": N_("Result cutoff"),
    "xl_start": N_("Term start"),
    "xl_end": N_("Term end"),
    "xl_n": N_("Result commitments (n)"),
    "xl_k": N_("Result commitments met (k)"),
    "xl_share_met": N_("Share met (k / n)"),
    "xl_short_note": N_("sum of the Days sheet's short column"),
    "xl_paid_note": N_("sum of the Payments sheet"),
    "xl_met_note": N_("sum of the Results sheet's met column"),
    "xl_rounding": N_(
        "Rounding (S1): ROUND(ROUND(x × 100; 6); 0) / 100 is x half-up to cents; the inner ROUND takes away binary "
        "floating-point noise so that an exact half cent rounds up, as the tool does exactly."
    ),
    "xl_judged": N_("met by judgement (1/0)"),
    "xl_met_formula": N_("met (1/0)"),
    "xl_justification": N_("justification"),
    "xl_on_duty": N_("FTE on duty"),
    "xl_employed": N_("FTE employed"),
    "xl_gw_days_tool": N_("guaranteed-wage days (computed by the tool, S7)"),
    "xl_gw_last": N_("last day on the guaranteed wage"),
    "xl_absence_no": N_("absence no."),
    "xl_replacements_note": N_(
        "One row per replacement period (S8); its kind and its absence's first day and guaranteed-wage days are "
        "read from the Absences sheet. The Days sheet counts a replacement on the absence's uncovered days only."
    ),
    "xl_absences_note": N_(
        "Change a date or an FTE: the Days, Months and Settlement sheets recompute. The guaranteed-wage days "
        "(S7: windows, relapses) are computed by the tool; change them by hand when an edit moves the window."
    ),
    "xl_days_note": N_(
        "Every FTE is a formula over the Absences and Replacements sheets (S6–S9); FTE employed (S5) is the "
        "tool's."
    ),
    # --- the printed page (HTML print style, PDF) ------------------------------------
    "page": N_("page"),
    "page_of": N_("of"),
    "input_hash": N_("Input hash"),
    "input_hash_note": N_(
        "SHA-256 of the SHA-256 column above, one digest a line, in this order (sha256sum FILES | cut -c1-64 | "
        "sha256sum); printed at the top of every page."
    ),
    "ledger_note": N_(
        "The day-by-day ledger (convenant ledger CASE) lists every day of the term with its exact deduction and "
        "running total; it adds up to the same figures."
    ),
    "signature": N_("Checked and signed"),
    "sig_name": N_("Name"),
    "sig_date": N_("Date"),
    "sig_signature": N_("Signature"),
    # --- the rules the report applies, in its appendix, and the rulebook (docs/rules.md) ---
    "rules_appendix": N_("Appendix: the rules applied"),
    "rules_appendix_intro": N_(
        "Each rule the steps above apply, as the tool's rulebook states it: the article, the agreement's own sentence, "
        "the reading the tool chose where the sentence leaves room, and a worked example an auditor can redo with a "
        "calculator (the rulebook's figures, not this case's)."
    ),
    "rule_article": N_("Article"),
    "rule_no_article": N_("none: a rule of the tool, not of the agreement"),
    "rule_no_quote": N_("The agreement has no sentence for this rule."),
    "rule_not_quoted": N_("The agreement file quotes no sentence for this rule (under references)."),
    "rule_reading": N_("Reading chosen"),
    "rule_example": N_("Worked example"),
    # --- the timeline picture -------------------------------------------------------
    "tl_employed": N_("employed"),
    "tl_off_duty": N_("off duty: counts as short"),
    "tl_guaranteed_wage": N_("guaranteed wage (covered, S7)"),
    "tl_replaced": N_("replaced (S8)"),
    "tl_vacancy": N_("vacancy"),
    "tl_vacancy_row": N_("vacancy (S5)"),
    "tl_short_row": N_("FTE short (S9)"),
    "tl_assumed": N_("others: {fte} FTE (S5)"),
    "tl_assumed_title": N_("{fte} FTE assumed employed every day of the term (no consultants list, S5)"),
    "tl_fte": N_("FTE"),
    # --- the steps of the report (title, formula) --------------------------------------
    "s_agreement": N_("The agreement's figures"),
    "f_agreement": N_("max_subsidy and consultants_fte, as the agreement states them"),
    "x_agreement": N_("maximum {max}; {fte} FTE funded"),
    "s_term": N_("Days in the term"),
    "f_term": N_("term_days = end − start + 1 (calendar days, both ends included)"),
    "r_days": N_("{n} days"),
    "s_effort": N_("Effort funding"),
    "f_effort": N_("effort_pool = effort_share × max_subsidy, rounded half-up to cents"),
    "s_result_pool": N_("Result funding available"),
    "f_result_pool": N_("result_pool = max_subsidy − effort_pool (the two add up to the maximum)"),
    "s_met": N_("Result commitments met"),
    "f_met": N_("k = commitments with achieved ≥ target, or met by an auditor's judgement; n = all commitments"),
    "x_judged_met": N_("judged met"),
    "x_judged_not_met": N_("judged not met"),
    "r_met": N_("{k} of {n} met"),
    "s_payout": N_("Result funding paid"),
    "f_payout": N_("if k / n < cutoff: payout = 0; otherwise payout = result_pool × k / n, rounded half-up to cents"),
    "x_below": N_("{k}/{n} = {share} < {cutoff}: nothing is paid"),
    "x_not_below": N_("{k}/{n} = {share} ≥ {cutoff}"),
    "s_vacancy": N_("FTE-days of vacancy"),
    "f_vacancy": N_("Σ over the days of the term of max(0, consultants_fte − FTE employed)"),
    "x_no_consultants": N_("no consultants listed: {fte} FTE assumed employed every day"),
    "x_no_vacancy": N_("at least {fte} FTE employed on every day"),
    "x_vacancy_piece": N_("{days} d × {fte} ({first} … {last})"),
    "s_absent": N_("FTE-days absent, not covered and not replaced"),
    "f_absent": N_("Σ over the absences of FTE off duty × days, outside the guaranteed wage and not replaced"),
    "x_absence_piece": N_("#{no} {who}, {kind}: {terms}"),
    "x_no_absent": N_("no uncovered, unreplaced absence"),
    "s_absorbed": N_("FTE-days absorbed by extra staff"),
    "f_absorbed": N_(
        "Σ over the days of min(FTE off duty, FTE employed − consultants_fte) where more than the funded FTE was "
        "employed"
    ),
    "s_short": N_("FTE-days short"),
    "f_short": N_(
        "shortfall_fte_days = vacancy + absent − absorbed (= Σ over the days of max(0, consultants_fte − FTE on duty))"
    ),
    "r_fte_days": N_("{n} FTE-days"),
    "s_rate": N_("Daily rate per FTE"),
    "f_rate": N_("daily_rate = max_subsidy / (consultants_fte × term_days), kept exact"),
    "r_rate": N_("{rate} a day (exact: {fraction})"),
    "s_deduction": N_("Deduction"),
    "f_deduction": N_(
        "deduction = shortfall_fte_days × max_subsidy / (consultants_fte × term_days), rounded half-up to cents"
    ),
    "s_subsidy": N_("Subsidy"),
    "f_subsidy": N_("subsidy = max(0, effort_pool + payout − deduction), on the rounded amounts"),
    "x_floor": N_("{gross} < 0, so 0.00"),
    "s_paid": N_("Paid in advances"),
    "f_paid": N_("paid = Σ payments"),
    "x_no_payments": N_("no payments"),
    "s_balance": N_("Balance"),
    "f_balance": N_("balance = subsidy − paid; positive: still to pay, negative: to recover"),
    # --- alternative readings (S17) -----------------------------------------------------
    "settlement_under": N_("Settlement under alternative readings: {ids}"),
    "readings_in_force": N_("Readings"),
    "readings_default": N_("the default readings (S1–S16)"),
    "readings_applied_note": N_("settled under alternative readings of the agreement (S17), not the defaults: {ids}"),
    "readings_title": N_("Alternative readings (S17)"),
    "readings_intro": N_(
        "Where a sentence of the agreement can be read more than one way, the subsidy with each alternative reading, "
        "every other choice as in this settlement, and the difference it makes."
    ),
    "col_reading": N_("reading"),
    "x_working_days": N_("{n} on working days"),
    "col_article": N_("article"),
    "col_reads": N_("the agreement reads"),
    "col_difference": N_("difference"),
    "reading_default": N_("Default reading"),
    "reading_alternative": N_("Alternative reading"),
    "not_applicable": N_("not applicable: {why}"),
    "not_applicable_short": N_("n/a"),
    "in_force": N_("in force in this settlement; the difference is from the default reading"),
    "reading_ceiling": N_("before the cap of the eligible costs (S20): {ceiling}"),
    "at_cutoff_not_paid": N_(
        "{met}/{total} met is not more than the cutoff {cutoff}: nothing paid (reading results.half-not-paid)"
    ),
    "to_pay": N_("to pay"),
    "to_recover": N_("to recover"),
    "settled": N_("settled"),
    # --- the dossier's attachments (convenant pack, S23): each description ends in "; SHA-256 …" ---
    "dossier_input": N_("input file of {case}: {role}"),
    "dossier_bundled": N_("{name}, bundled with convenant {version}"),
    "dossier_settlement": N_("the settlement of {case} (convenant settle --format json)"),
    "dossier_workbook": N_("the workbook of {case} (convenant settle --format xlsx)"),
}
TEXT.update(TEXT_CALENDAR)  # the calendar, the termination and the interim position (S15, S16)
TEXT.update(TEXT_DIFF)  # convenant diff (S22)
TEXT.update(TEXT_CLAIM)  # convenant claim (S21)

#: The kinds of absence, by ``kind.<value>``.
KINDS: dict[str, str] = {
    "kind.sickness": N_("sickness"),
    "kind.accident": N_("accident"),
    "kind.maternity_leave": N_("maternity leave"),
    "kind.time_credit": N_("time credit"),
    "kind.career_break": N_("career break"),
    "kind.parental_leave": N_("parental leave"),
    "kind.unpaid_leave": N_("unpaid leave"),
}

#: The months, short, by ``month.<1–12>``.
MONTHS: dict[str, str] = {
    "month.1": N_("Jan"),
    "month.2": N_("Feb"),
    "month.3": N_("Mar"),
    "month.4": N_("Apr"),
    "month.5": N_("May"),
    "month.6": N_("Jun"),
    "month.7": N_("Jul"),
    "month.8": N_("Aug"),
    "month.9": N_("Sep"),
    "month.10": N_("Oct"),
    "month.11": N_("Nov"),
    "month.12": N_("Dec"),
}

# {cite_S2} → cite("S2"), {cite_S3_S4} → cite("S3", "S4"), {article_max_subsidy} → ARTICLES["max_subsidy"]
_FIXED = re.compile(r"\{(cite|article)_(\w+)\}")


def _fixed(match: re.Match[str]) -> str:
    what, name = match.groups()
    return cite(*name.split("_")) if what == "cite" else ARTICLES[name]


@cache
def _words(code: str) -> dict[str, str]:
    """Every message of :data:`TEXT`, :data:`KINDS` and :data:`MONTHS` in ``code``, citations filled in."""
    english = {**TEXT, **KINDS, **MONTHS}
    old = [key for key, text in english.items() if not isinstance(text, str)]
    if old:  # a label merged in from a branch written before the catalog
        raise TypeError(
            f"labels written the old way ({{'en': …, 'nl': …}}): {', '.join(old)}; "
            "write N_(english) and put the Dutch in the .po (the top of views/labels.py says how)"
        )
    return {key: _FIXED.sub(_fixed, _message(code, key, text)) for key, text in english.items()}


def _message(code: str, key: str, english: str) -> str:
    """``english`` in ``code``: itself in English, else the catalog's translation under the context ``key``."""
    return english if code == "en" else translations(code).pgettext(key, english)


@dataclass(frozen=True)
class Lang:
    """Labels and number formats of one language."""

    code: str

    def __post_init__(self) -> None:
        if self.code not in LANGS:
            raise ValueError(f"unknown language {self.code!r}; use one of {', '.join(LANGS)}")

    def __call__(self, key: str, **values: object) -> str:
        text = _words(self.code)[key]
        return text.format(**values) if values else text

    def labels(self) -> dict[str, str]:
        """Every label of this language, for the templates."""
        words = _words(self.code)
        return {key: words[key] for key in TEXT}

    @property
    def dutch(self) -> bool:
        return self.code == "nl"

    def money(self, value: Decimal) -> str:
        """An amount in cents with the language's grouping, no currency: 424,000.00 / 424.000,00."""
        return fmt_nl(value) if self.dutch else fmt_en(value)

    def less(self, value: Decimal) -> str:
        """An amount taken off, with a minus sign: −1,740.08; nothing taken off is 0.00, never −0.00."""
        return fmt_signed(-value, self.money, plus="")

    def signed(self, value: Decimal) -> str:
        """A difference with its sign: +54.20, −2.39, 0.00."""
        return fmt_signed(value, self.money)

    def eur(self, value: Decimal) -> str:
        """An amount in running text: EUR 424,000.00 / 424.000,00 EUR."""
        return fmt_eur_nl(value) if self.dutch else f"EUR {self.money(value)}"

    def date(self, day: date) -> str:
        """A date in a table or a sentence: ISO in English (2025-06-30), the Flemish way in Dutch (30 juni 2025)."""
        if not self.dutch:
            return day.isoformat()
        from babel.dates import format_date

        return format_date(day, "d MMMM y", locale="nl_BE")

    def number(self, value: Exact) -> str:
        """An exact decimal (FTE, FTE-days, a share) with grouping: 2,924 / 108.6 (en), 2.924 / 108,6 (nl)."""
        grouped = format(Decimal(fmt_decimal(value)), ",")
        return _swap(grouped) if self.dutch else grouped

    def decimals(self, value: Exact, places: int) -> str:
        """A value rounded half-up to ``places`` decimals, all of them shown: 145.006840 / 145,006840."""
        return self.number_text(f"{round_half_up(value, places):,f}")

    def number_text(self, english: str) -> str:
        """Rewrite a number written the English way in this language's separators."""
        return _swap(english) if self.dutch else english

    def exact(self, value: Exact, places: int = 6) -> str:
        """An exact value in full when its decimal expansion ends, else to ``places`` decimals and "…"."""
        q = Fraction(value)
        d = q.denominator
        for p in (2, 5):
            while d % p == 0:
                d //= p
        if d == 1:
            return self.number(q)
        return f"{self.decimals(q, places)}…"

    def exact_money(self, value: Exact) -> str:
        """An exact amount: with cents when it is a whole number of cents, else every decimal or "…"."""
        q = Fraction(value)
        if (q * 100).denominator == 1:
            return self.money(Decimal(q.numerator) / Decimal(q.denominator))
        return self.exact(q)

    def pct(self, share: Exact) -> str:
        return f"{self.number(Fraction(share) * 100)} %"

    def kind(self, kind: AbsenceKind) -> str:
        return _words(self.code)[f"kind.{kind.value}"]

    def month(self, month: int) -> str:
        return _words(self.code)[f"month.{month}"]

    def message(self, key: str, english: str) -> str:
        """A message of another table (``"rulebook.title": N_(…)``) in this language; the key is its context."""
        return _message(self.code, key, english)

    def of(self, entry: object, field: str) -> str:
        """A registry entry's text ``field`` in this language (a rule's title, a reading, a reason).

        The English is the entry's ``<field>_en``, written in core; the translation is in the
        catalog under the context ``<entry.id>.<field>`` (``S7.title``).
        """
        return self.message(context(getattr(entry, "id"), field), getattr(entry, f"{field}_en"))


def _swap(text: str) -> str:
    return text.translate(str.maketrans({",": ".", ".": ","}))


def lang(code: str) -> Lang:
    return Lang(code)
