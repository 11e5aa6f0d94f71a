"""Every word the human-readable outputs print, in English and Dutch, in one place.

The terminal table, the Markdown report and the HTML report take their labels
and their number formats from here (``--lang en|nl``). JSON keys never change
(SPEC §4) and do not come from here.

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

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from convenant_calc.core.models import AbsenceKind
from convenant_calc.core.money import Exact, fmt_decimal, fmt_en, fmt_eur_nl, fmt_nl, round_half_up
from convenant_calc.core.rules.registry import ARTICLES, cite
from convenant_calc.views.labels_calendar import TEXT_CALENDAR
from convenant_calc.views.labels_diff import TEXT_DIFF

LANGS = ("en", "nl")

TEXT: dict[str, dict[str, str]] = {
    # --- the terminal table -------------------------------------------------------
    "case_line": {
        "en": "Case {case}, agreement {agreement} ({where})",
        "nl": "Dossier {case}, convenant {agreement} ({where})",
    },
    "case_bundled": {"en": "bundled", "nl": "meegeleverd"},
    "settlement": {"en": "Settlement", "nl": "Afrekening"},
    "max_subsidy_line": {
        "en": f"Maximum subsidy ({ARTICLES['max_subsidy']}), {{fte}} FTE",
        "nl": f"Maximale subsidie ({ARTICLES['max_subsidy']}), {{fte}} VTE",
    },
    "effort_line": {
        "en": f"Effort funding: {{pct}} of the maximum ({cite('S2')})",
        "nl": f"Inspanningsfinanciering: {{pct}} van het maximum ({cite('S2')})",
    },
    "below_cutoff": {
        "en": "{met}/{total} met is below the cutoff {cutoff}: nothing paid",
        "nl": "{met}/{total} behaald is minder dan de drempel {cutoff}: niets uitbetaald",
    },
    "pro_rata": {"en": "{met}/{total} met × {pool}", "nl": "{met}/{total} behaald × {pool}"},
    "result_line": {
        "en": f"Result funding: {{why}} ({cite('S3')})",
        "nl": f"Resultaatfinanciering: {{why}} ({cite('S3')})",
    },
    "deduction_line": {
        "en": f"Deduction: {{days}} FTE-days × {{rate}} a day ({cite('S10')})",
        "nl": f"Vermindering: {{days}} VTE-dagen × {{rate}} per dag ({cite('S10')})",
    },
    "floor_line": {"en": "Floor at zero (S11)", "nl": "Ondergrens nul (S11)"},
    "subsidy_line": {"en": "Subsidy (S11)", "nl": "Subsidie (S11)"},
    "paid_line": {"en": "Paid in advances ({n})", "nl": "Betaalde voorschotten ({n})"},
    "balance_pay": {"en": "Balance: to pay", "nl": "Saldo: uit te betalen"},
    "balance_recover": {"en": "Balance: to recover", "nl": "Saldo: terug te vorderen"},
    "balance_settled": {"en": "Balance: settled", "nl": "Saldo: vereffend"},
    "results_title": {
        "en": f"Result commitments ({cite('S3', 'S4')})",
        "nl": f"Resultaatsverbintenissen ({cite('S3', 'S4')})",
    },
    "col_id": {"en": "id", "nl": "id"},
    "col_commitment": {"en": "commitment", "nl": "verbintenis"},
    "col_target": {"en": "target", "nl": "doel"},
    "col_achieved": {"en": "achieved", "nl": "behaald"},
    "col_met": {"en": "met", "nl": "gehaald"},
    "col_why": {"en": "why", "nl": "waarom"},
    "yes": {"en": "yes", "nl": "ja"},
    "no": {"en": "no", "nl": "nee"},
    "reason_judged_met": {"en": "met by judgement: {why}", "nl": "gehaald volgens oordeel: {why}"},
    "reason_judged_not_met": {"en": "not met by judgement: {why}", "nl": "niet gehaald volgens oordeel: {why}"},
    "reason_compared": {"en": "achieved {achieved} {rel} target {target}", "nl": "behaald {achieved} {rel} doel {target}"},
    "absences_title": {
        "en": f"Absences ({cite('S6', 'S8')}): days in the term, days covered by the guaranteed wage, "
        "FTE-days replaced and short",
        "nl": f"Afwezigheden ({cite('S6', 'S8')}): dagen in de looptijd, dagen gedekt door het gewaarborgd loon, "
        "VTE-dagen vervangen en tekort",
    },
    "col_no": {"en": "#", "nl": "#"},
    "col_consultant": {"en": "consultant", "nl": "consulent"},
    "col_who": {"en": "who", "nl": "wie"},
    "col_covered": {"en": "covered", "nl": "gedekt"},
    "col_kind": {"en": "kind", "nl": "soort"},
    "col_from": {"en": "from", "nl": "van"},
    "col_to": {"en": "to", "nl": "tot en met"},
    "col_fte": {"en": "FTE", "nl": "VTE"},
    "col_days": {"en": "days", "nl": "dagen"},
    "col_guaranteed_wage": {"en": "guaranteed wage", "nl": "gewaarborgd loon"},
    "col_replaced": {"en": "replaced", "nl": "vervangen"},
    "col_short": {"en": "short", "nl": "tekort"},
    "relapse_caption": {
        "en": "#{no}: a relapse of #{of} (S7): {left} days of the guaranteed-wage window were left",
        "nl": "#{no}: herval van #{of} (S7): er bleven nog {left} dagen gewaarborgd loon over",
    },
    "joins_caption": {
        "en": "#{no}: began while #{of} ran, one incapacity (S7): {left} days of the guaranteed-wage window were left",
        "nl": "#{no}: begon terwijl #{of} liep, één arbeidsongeschiktheid (S7): "
        "er bleven nog {left} dagen gewaarborgd loon over",
    },
    "shortfall_title": {"en": "FTE-days short (S9)", "nl": "VTE-dagen tekort (S9)"},
    "vacancy_line": {"en": "Vacancy: funded FTE not employed", "nl": "Vacature: gefinancierde VTE niet tewerkgesteld"},
    "absence_line": {"en": "Absences: uncovered and unreplaced", "nl": "Afwezigheden: niet gedekt en niet vervangen"},
    "absorbed_line": {
        "en": "Absorbed: absent while more than the funded FTE was employed",
        "nl": "Opgevangen: afwezig terwijl meer dan de gefinancierde VTE tewerkgesteld was",
    },
    "short_line": {"en": "Short", "nl": "Tekort"},
    "term_line": {"en": "Term {start} … {end}, {days} days", "nl": "Looptijd {start} … {end}, {days} dagen"},
    # --- the report ---------------------------------------------------------------
    "report_title": {"en": "Settlement report", "nl": "Afrekeningsrapport"},
    "agreement": {"en": "Agreement", "nl": "Convenant"},
    "source": {"en": "Source", "nl": "Bron"},
    "term": {"en": "Term", "nl": "Looptijd"},
    "case": {"en": "Case", "nl": "Dossier"},
    "tool": {"en": "Tool", "nl": "Programma"},
    "generated": {"en": "Generated", "nl": "Aangemaakt"},
    "inputs": {"en": "Input files", "nl": "Invoerbestanden"},
    "role": {"en": "role", "nl": "rol"},
    "file": {"en": "file", "nl": "bestand"},
    "sha256": {"en": "SHA-256", "nl": "SHA-256"},
    "bundled": {"en": "bundled with the tool", "nl": "meegeleverd met het programma"},
    "role_convenant": {"en": "agreement", "nl": "convenant"},
    "role_absences": {"en": "staffing and absences", "nl": "personeel en afwezigheden"},
    "role_results": {"en": "results", "nl": "resultaten"},
    "role_payments": {"en": "payments", "nl": "betalingen"},
    "summary": {"en": "Summary", "nl": "Overzicht"},
    "amount_eur": {"en": "amount (EUR)", "nl": "bedrag (EUR)"},
    "line": {"en": "line", "nl": "lijn"},
    "steps": {"en": "The settlement, step by step", "nl": "De afrekening, stap voor stap"},
    "steps_intro": {
        "en": "Each step gives its rule, the formula, the figures put into it and the result. "
        "Amounts are exact; they are rounded half-up to cents only where a step says so (S1). "
        "A step quotes the agreement where it carries the sentence.",
        "nl": "Elke stap geeft de regel, de formule, de ingevulde cijfers en het resultaat. "
        "Bedragen zijn exact; ze worden enkel afgerond op centen (half naar boven) waar een stap dat zegt (S1). "
        "Een stap citeert het convenant waar het de zin bevat.",
    },
    "step": {"en": "Step", "nl": "Stap"},
    "formula": {"en": "Formula", "nl": "Formule"},
    "figures": {"en": "Figures", "nl": "Cijfers"},
    "result": {"en": "Result", "nl": "Resultaat"},
    "rule": {"en": "Rule", "nl": "Regel"},
    "quote": {"en": "Agreement", "nl": "Convenant"},
    "no_quote": {"en": "(no quote in the agreement file)", "nl": "(geen citaat in het convenantbestand)"},
    "commitments": {"en": "Result commitments", "nl": "Resultaatsverbintenissen"},
    "col_unit": {"en": "unit", "nl": "eenheid"},
    "col_how": {"en": "how judged", "nl": "beoordeling"},
    "judged_override": {"en": "auditor's judgement: {why}", "nl": "oordeel van de auditor: {why}"},
    "absences": {"en": "Absences", "nl": "Afwezigheden"},
    "no_absences": {"en": "No absences were reported.", "nl": "Er zijn geen afwezigheden gemeld."},
    "col_days_in_term": {"en": "days in term", "nl": "dagen in looptijd"},
    "col_gw_days": {"en": "guaranteed wage (days)", "nl": "gewaarborgd loon (dagen)"},
    "col_relapse": {"en": "window", "nl": "periode"},
    "col_replaced_fte_days": {"en": "FTE-days replaced", "nl": "VTE-dagen vervangen"},
    "col_short_fte_days": {"en": "FTE-days short", "nl": "VTE-dagen tekort"},
    "window_own": {"en": "own window of {days} d", "nl": "eigen periode van {days} d"},
    "window_relapse": {
        "en": "relapse of #{of}: {left} d of the window left",
        "nl": "herval van #{of}: nog {left} d van de periode over",
    },
    "window_joins": {
        "en": "with #{of}: {left} d of the window left",
        "nl": "samen met #{of}: nog {left} d van de periode over",
    },
    "window_none": {"en": "not covered (S6)", "nl": "niet gedekt (S6)"},
    "period": {"en": "Period", "nl": "Periode"},
    "periods": {"en": "Periods (S14)", "nl": "Periodes (S14)"},
    "periods_note": {
        "en": "Each period is settled on its own (S2–S12): its own maximum, funded FTE, term days, daily rate, "
        "commitments and advances. The staffing is one history: an absence over a boundary counts in each period "
        "for its days there, with one guaranteed-wage window (S7). Each total is the sum of the periods' figures.",
        "nl": "Elke periode wordt afzonderlijk afgerekend (S2–S12): eigen maximum, gefinancierde VTE, dagen, "
        "dagtarief, verbintenissen en voorschotten. De personeelsbezetting is één geschiedenis: een afwezigheid "
        "over een grens telt in elke periode voor haar dagen daar, met één periode gewaarborgd loon (S7). "
        "Elk totaal is de som van de bedragen van de periodes.",
    },
    "amendments": {"en": "Amendments (Art. 8, S14)", "nl": "Wijzigingen (Art. 8, S14)"},
    "am_extension": {"en": "extension", "nl": "verlenging"},
    "am_change": {"en": "change", "nl": "wijziging"},
    "am_extension_what": {
        "en": "adds the period {start} … {end}, maximum {max}",
        "nl": "voegt de periode {start} … {end} toe, maximum {max}",
    },
    "am_replace": {"en": "replaces", "nl": "vervangt"},
    "am_add": {"en": "adds", "nl": "voegt toe"},
    "am_remove": {"en": "removes", "nl": "schrapt"},
    "col_kind_amendment": {"en": "kind", "nl": "soort"},
    "col_decided": {"en": "decided", "nl": "beslist"},
    "col_reference": {"en": "reference", "nl": "referentie"},
    "col_what": {"en": "what", "nl": "wat"},
    "col_subsidy": {"en": "subsidy", "nl": "subsidie"},
    "col_paid": {"en": "paid", "nl": "betaald"},
    "col_balance": {"en": "balance", "nl": "saldo"},
    "col_max": {"en": "maximum", "nl": "maximum"},
    "col_period": {"en": "period", "nl": "periode"},
    "col_term": {"en": "term", "nl": "looptijd"},
    "rule_in_force": {"en": "{name} {value} (from {since})", "nl": "{name} {value} (vanaf {since})"},
    "rule_plain": {"en": "{name} {value}", "nl": "{name} {value}"},
    "x_s13": {"en": "S7 with S13 (values in force)", "nl": "S7 met S13 (geldende waarden)"},
    "absences_note": {
        "en": "Days and FTE-days count only the part of an absence inside the term. "
        "Guaranteed-wage days count from the first day of incapacity, also before the term; absences of one "
        "kind that run together are one incapacity (S7).",
        "nl": "Dagen en VTE-dagen tellen enkel het deel van een afwezigheid binnen de looptijd. "
        "De dagen gewaarborgd loon tellen vanaf de eerste dag van arbeidsongeschiktheid, ook vóór de looptijd; "
        "afwezigheden van één soort die samen lopen zijn één arbeidsongeschiktheid (S7).",
    },
    "months": {"en": "Month by month", "nl": "Maand per maand"},
    "col_month": {"en": "month", "nl": "maand"},
    "col_vacancy": {"en": "vacancy", "nl": "vacature"},
    "col_absent": {"en": "absent", "nl": "afwezig"},
    "col_short_month": {"en": "FTE-days short", "nl": "VTE-dagen tekort"},
    "col_cumulative_days": {"en": "cumulative FTE-days", "nl": "cumulatief VTE-dagen"},
    "col_cumulative": {"en": "cumulative deduction", "nl": "cumulatieve vermindering"},
    "col_deduction": {"en": "deduction", "nl": "vermindering"},
    "total": {"en": "total", "nl": "totaal"},
    "months_note": {
        "en": "Rounding: the agreement rounds the deduction once, on the total (S1, S10). "
        "A month's deduction is therefore the cumulative deduction at the month's end, rounded to cents, "
        "minus that of the previous month: cumulative deduction = cumulative FTE-days × {max} / ({fte} × {days}), "
        "rounded half-up. The months add up to the deduction exactly; no month differs by more than "
        "one cent from its own exact share.",
        "nl": "Afronding: het convenant rondt de vermindering één keer af, op het totaal (S1, S10). "
        "De vermindering van een maand is daarom de cumulatieve vermindering op het einde van de maand, "
        "afgerond op centen, min die van de vorige maand: cumulatieve vermindering = cumulatief VTE-dagen × "
        "{max} / ({fte} × {days}), half naar boven afgerond. De maanden tellen exact op tot de vermindering; "
        "geen maand wijkt meer dan één cent af van haar eigen exacte deel.",
    },
    "payments": {"en": "Payments", "nl": "Betalingen"},
    "no_payments": {"en": "No advances were paid.", "nl": "Er zijn geen voorschotten betaald."},
    "col_date": {"en": "date", "nl": "datum"},
    "col_label": {"en": "label", "nl": "omschrijving"},
    "col_amount": {"en": "amount (EUR)", "nl": "bedrag (EUR)"},
    "timeline": {"en": "Staffing timeline", "nl": "Tijdlijn van de bezetting"},
    "timeline_note": {
        "en": "One row per consultant over the term.",
        "nl": "Eén rij per consulent over de looptijd.",
    },
    "timeline_hover": {
        "en": "Hover a bar for its dates and figures.",
        "nl": "Beweeg over een balk voor de data en cijfers.",
    },
    # --- the Excel workbook (settle --format xlsx) -----------------------------------
    "xl_inputs": {
        "en": "Inputs (change one: the figures below recompute)",
        "nl": "Invoer (wijzig er een: de cijfers eronder rekenen opnieuw)",
    },
    "xl_outputs": {"en": "Settlement (formulas)", "nl": "Afrekening (formules)"},
    "xl_rule": {"en": "rule", "nl": "regel"},
    "xl_value": {"en": "value", "nl": "waarde"},
    "xl_max": {"en": "Maximum subsidy (EUR)", "nl": "Maximale subsidie (EUR)"},
    "xl_fte": {"en": "Funded FTE", "nl": "Gefinancierde VTE"},
    "xl_effort_share": {"en": "Effort share", "nl": "Aandeel inspanningsfinanciering"},
    "xl_result_share": {"en": "Result share", "nl": "Aandeel resultaatfinanciering"},
    "xl_cutoff": {"en": "Result cutoff", "nl": "Drempel resultaatfinanciering"},
    "xl_start": {"en": "Term start", "nl": "Begin looptijd"},
    "xl_end": {"en": "Term end", "nl": "Einde looptijd"},
    "xl_n": {"en": "Result commitments (n)", "nl": "Resultaatsverbintenissen (n)"},
    "xl_k": {"en": "Result commitments met (k)", "nl": "Behaalde resultaatsverbintenissen (k)"},
    "xl_share_met": {"en": "Share met (k / n)", "nl": "Aandeel behaald (k / n)"},
    "xl_short_note": {"en": "sum of the Days sheet's short column", "nl": "som van de kolom tekort op het blad Days"},
    "xl_paid_note": {"en": "sum of the Payments sheet", "nl": "som van het blad Payments"},
    "xl_met_note": {"en": "sum of the Results sheet's met column", "nl": "som van de kolom gehaald op het blad Results"},
    "xl_rounding": {
        "en": "Rounding (S1): ROUND(ROUND(x × 100; 6); 0) / 100 is x half-up to cents; the inner ROUND takes away "
        "binary floating-point noise so that an exact half cent rounds up, as the tool does exactly.",
        "nl": "Afronding (S1): ROUND(ROUND(x × 100; 6); 0) / 100 is x half naar boven op centen; de binnenste ROUND "
        "neemt de ruis van het binair rekenen weg, zodat een exacte halve cent naar boven afrondt, zoals het "
        "programma exact doet.",
    },
    "xl_judged": {"en": "met by judgement (1/0)", "nl": "gehaald volgens oordeel (1/0)"},
    "xl_met_formula": {"en": "met (1/0)", "nl": "gehaald (1/0)"},
    "xl_justification": {"en": "justification", "nl": "verantwoording"},
    "xl_on_duty": {"en": "FTE on duty", "nl": "VTE aan het werk"},
    "xl_employed": {"en": "FTE employed", "nl": "VTE tewerkgesteld"},
    # --- the printed page (HTML print style, PDF) ------------------------------------
    "page": {"en": "page", "nl": "pagina"},
    "page_of": {"en": "of", "nl": "van"},
    "input_hash": {"en": "Input hash", "nl": "Invoerhash"},
    "input_hash_note": {
        "en": "SHA-256 of the SHA-256 column above, one digest a line, in this order "
        "(sha256sum FILES | cut -c1-64 | sha256sum); printed at the top of every page.",
        "nl": "SHA-256 van de kolom SHA-256 hierboven, één digest per lijn, in deze volgorde "
        "(sha256sum BESTANDEN | cut -c1-64 | sha256sum); bovenaan elke pagina gedrukt.",
    },
    "ledger_note": {
        "en": "The day-by-day ledger (convenant ledger CASE) lists every day of the term with its exact "
        "deduction and running total; it adds up to the same figures.",
        "nl": "Het dagboek per dag (convenant ledger CASE) geeft elke dag van de looptijd met de exacte "
        "vermindering en het lopende totaal; het telt op tot dezelfde cijfers.",
    },
    "signature": {"en": "Checked and signed", "nl": "Nagezien en ondertekend"},
    "sig_name": {"en": "Name", "nl": "Naam"},
    "sig_date": {"en": "Date", "nl": "Datum"},
    "sig_signature": {"en": "Signature", "nl": "Handtekening"},
    # --- the rules the report applies, in its appendix, and the rulebook (docs/rules.md) ---
    "rules_appendix": {"en": "Appendix: the rules applied", "nl": "Bijlage: de toegepaste regels"},
    "rules_appendix_intro": {
        "en": "Each rule the steps above apply, as the tool's rulebook states it: the article, the "
        "agreement's own sentence, the reading the tool chose where the sentence leaves room, and a worked "
        "example an auditor can redo with a calculator (the rulebook's figures, not this case's).",
        "nl": "Elke regel die de stappen hierboven toepassen, zoals het regelboek van het programma hem "
        "beschrijft: het artikel, de eigen zin van het convenant, de lezing die het programma koos waar de zin "
        "ruimte laat, en een uitgewerkt voorbeeld dat een auditor met een rekenmachine kan nadoen (met de "
        "cijfers van het regelboek, niet die van dit dossier).",
    },
    "rule_article": {"en": "Article", "nl": "Artikel"},
    "rule_no_article": {
        "en": "none: a rule of the tool, not of the agreement",
        "nl": "geen: een regel van het programma, niet van het convenant",
    },
    "rule_no_quote": {
        "en": "The agreement has no sentence for this rule.",
        "nl": "Het convenant heeft geen zin voor deze regel.",
    },
    "rule_not_quoted": {
        "en": "The agreement file quotes no sentence for this rule (under references).",
        "nl": "Het convenantbestand citeert geen zin voor deze regel (onder references).",
    },
    "rule_reading": {"en": "Reading chosen", "nl": "Gekozen lezing"},
    "rule_example": {"en": "Worked example", "nl": "Uitgewerkt voorbeeld"},
    # --- the timeline picture -------------------------------------------------------
    "tl_employed": {"en": "employed", "nl": "tewerkgesteld"},
    "tl_off_duty": {"en": "off duty: counts as short", "nl": "afwezig: telt als tekort"},
    "tl_guaranteed_wage": {"en": "guaranteed wage (covered, S7)", "nl": "gewaarborgd loon (gedekt, S7)"},
    "tl_replaced": {"en": "replaced (S8)", "nl": "vervangen (S8)"},
    "tl_vacancy": {"en": "vacancy", "nl": "vacature"},
    "tl_vacancy_row": {"en": "vacancy (S5)", "nl": "vacature (S5)"},
    "tl_short_row": {"en": "FTE short (S9)", "nl": "VTE tekort (S9)"},
    "tl_assumed": {"en": "others: {fte} FTE (S5)", "nl": "overige: {fte} VTE (S5)"},
    "tl_assumed_title": {
        "en": "{fte} FTE assumed employed every day of the term (no consultants list, S5)",
        "nl": "{fte} VTE verondersteld tewerkgesteld op elke dag van de looptijd (geen lijst van consulenten, S5)",
    },
    "tl_fte": {"en": "FTE", "nl": "VTE"},
    # --- the steps of the report (title, formula) --------------------------------------
    "s_agreement": {"en": "The agreement's figures", "nl": "De cijfers van het convenant"},
    "f_agreement": {
        "en": "max_subsidy and consultants_fte, as the agreement states them",
        "nl": "maximale subsidie en aantal VTE-consulenten, zoals het convenant ze vermeldt",
    },
    "x_agreement": {"en": "maximum {max}; {fte} FTE funded", "nl": "maximum {max}; {fte} VTE gefinancierd"},
    "s_term": {"en": "Days in the term", "nl": "Dagen in de looptijd"},
    "f_term": {
        "en": "term_days = end − start + 1 (calendar days, both ends included)",
        "nl": "dagen = einde − begin + 1 (kalenderdagen, begin en einde inbegrepen)",
    },
    "r_days": {"en": "{n} days", "nl": "{n} dagen"},
    "s_effort": {"en": "Effort funding", "nl": "Inspanningsfinanciering"},
    "f_effort": {
        "en": "effort_pool = effort_share × max_subsidy, rounded half-up to cents",
        "nl": "inspanningsfinanciering = aandeel inspanning × maximale subsidie, half naar boven afgerond op centen",
    },
    "s_result_pool": {"en": "Result funding available", "nl": "Beschikbare resultaatfinanciering"},
    "f_result_pool": {
        "en": "result_pool = max_subsidy − effort_pool (the two add up to the maximum)",
        "nl": "resultaatfinanciering = maximale subsidie − inspanningsfinanciering (samen het maximum)",
    },
    "s_met": {"en": "Result commitments met", "nl": "Behaalde resultaatsverbintenissen"},
    "f_met": {
        "en": "k = commitments with achieved ≥ target, or met by an auditor's judgement; n = all commitments",
        "nl": "k = verbintenissen met behaald ≥ doel, of gehaald volgens het oordeel van een auditor; "
        "n = alle verbintenissen",
    },
    "x_judged_met": {"en": "judged met", "nl": "gehaald volgens oordeel"},
    "x_judged_not_met": {"en": "judged not met", "nl": "niet gehaald volgens oordeel"},
    "r_met": {"en": "{k} of {n} met", "nl": "{k} van {n} behaald"},
    "s_payout": {"en": "Result funding paid", "nl": "Uitbetaalde resultaatfinanciering"},
    "f_payout": {
        "en": "if k / n < cutoff: payout = 0; otherwise payout = result_pool × k / n, rounded half-up to cents",
        "nl": "als k / n < drempel: niets; anders resultaatfinanciering × k / n, half naar boven afgerond op centen",
    },
    "x_below": {"en": "{k}/{n} = {share} < {cutoff}: nothing is paid", "nl": "{k}/{n} = {share} < {cutoff}: niets uitbetaald"},
    "x_not_below": {"en": "{k}/{n} = {share} ≥ {cutoff}", "nl": "{k}/{n} = {share} ≥ {cutoff}"},
    "s_vacancy": {"en": "FTE-days of vacancy", "nl": "VTE-dagen vacature"},
    "f_vacancy": {
        "en": "Σ over the days of the term of max(0, consultants_fte − FTE employed)",
        "nl": "Σ over de dagen van de looptijd van max(0, gefinancierde VTE − tewerkgestelde VTE)",
    },
    "x_no_consultants": {
        "en": "no consultants listed: {fte} FTE assumed employed every day",
        "nl": "geen consulenten opgegeven: {fte} VTE verondersteld tewerkgesteld op elke dag",
    },
    "x_no_vacancy": {
        "en": "at least {fte} FTE employed on every day",
        "nl": "op elke dag minstens {fte} VTE tewerkgesteld",
    },
    "x_vacancy_piece": {"en": "{days} d × {fte} ({first} … {last})", "nl": "{days} d × {fte} ({first} … {last})"},
    "s_absent": {"en": "FTE-days absent, not covered and not replaced", "nl": "VTE-dagen afwezig, niet gedekt en niet vervangen"},
    "f_absent": {
        "en": "Σ over the absences of FTE off duty × days, outside the guaranteed wage and not replaced",
        "nl": "Σ over de afwezigheden van afwezige VTE × dagen, buiten het gewaarborgd loon en niet vervangen",
    },
    "x_absence_piece": {"en": "#{no} {who}, {kind}: {terms}", "nl": "#{no} {who}, {kind}: {terms}"},
    "x_no_absent": {"en": "no uncovered, unreplaced absence", "nl": "geen niet-gedekte, niet-vervangen afwezigheid"},
    "s_absorbed": {"en": "FTE-days absorbed by extra staff", "nl": "VTE-dagen opgevangen door extra personeel"},
    "f_absorbed": {
        "en": "Σ over the days of min(FTE off duty, FTE employed − consultants_fte) where more than the funded FTE "
        "was employed",
        "nl": "Σ over de dagen van min(afwezige VTE, tewerkgestelde VTE − gefinancierde VTE) waar meer dan de "
        "gefinancierde VTE tewerkgesteld was",
    },
    "s_short": {"en": "FTE-days short", "nl": "VTE-dagen tekort"},
    "f_short": {
        "en": "shortfall_fte_days = vacancy + absent − absorbed (= Σ over the days of max(0, consultants_fte − FTE on duty))",
        "nl": "VTE-dagen tekort = vacature + afwezig − opgevangen (= Σ over de dagen van max(0, gefinancierde VTE − "
        "VTE aan het werk))",
    },
    "r_fte_days": {"en": "{n} FTE-days", "nl": "{n} VTE-dagen"},
    "s_rate": {"en": "Daily rate per FTE", "nl": "Dagbedrag per VTE"},
    "f_rate": {
        "en": "daily_rate = max_subsidy / (consultants_fte × term_days), kept exact",
        "nl": "dagbedrag = maximale subsidie / (gefinancierde VTE × dagen), exact bewaard",
    },
    "r_rate": {"en": "{rate} a day (exact: {fraction})", "nl": "{rate} per dag (exact: {fraction})"},
    "s_deduction": {"en": "Deduction", "nl": "Vermindering"},
    "f_deduction": {
        "en": "deduction = shortfall_fte_days × max_subsidy / (consultants_fte × term_days), rounded half-up to cents",
        "nl": "vermindering = VTE-dagen tekort × maximale subsidie / (gefinancierde VTE × dagen), half naar boven "
        "afgerond op centen",
    },
    "s_subsidy": {"en": "Subsidy", "nl": "Subsidie"},
    "f_subsidy": {
        "en": "subsidy = max(0, effort_pool + payout − deduction), on the rounded amounts",
        "nl": "subsidie = max(0, inspanningsfinanciering + resultaatfinanciering − vermindering), op de afgeronde "
        "bedragen",
    },
    "x_floor": {"en": "{gross} < 0, so 0.00", "nl": "{gross} < 0, dus 0,00"},
    "s_paid": {"en": "Paid in advances", "nl": "Betaalde voorschotten"},
    "f_paid": {"en": "paid = Σ payments", "nl": "betaald = Σ betalingen"},
    "x_no_payments": {"en": "no payments", "nl": "geen betalingen"},
    "s_balance": {"en": "Balance", "nl": "Saldo"},
    "f_balance": {
        "en": "balance = subsidy − paid; positive: still to pay, negative: to recover",
        "nl": "saldo = subsidie − betaald; positief: nog uit te betalen, negatief: terug te vorderen",
    },
    # --- alternative readings (S17) -----------------------------------------------------
    "settlement_under": {
        "en": "Settlement under alternative readings: {ids}",
        "nl": "Afrekening volgens andere lezingen: {ids}",
    },
    "readings_in_force": {"en": "Readings", "nl": "Lezingen"},
    "readings_default": {
        "en": "the default readings (S1–S16)",
        "nl": "de standaardlezingen (S1–S16)",
    },
    "readings_applied_note": {
        "en": "settled under alternative readings of the agreement (S17), not the defaults: {ids}",
        "nl": "afgerekend volgens andere lezingen van het convenant (S17), niet de standaardlezingen: {ids}",
    },
    "readings_title": {"en": "Alternative readings (S17)", "nl": "Andere lezingen (S17)"},
    "readings_intro": {
        "en": "Where a sentence of the agreement can be read more than one way, the subsidy with each alternative "
        "reading, every other choice as in this settlement, and the difference it makes.",
        "nl": "Waar een zin van het convenant op meer dan één manier gelezen kan worden: de subsidie met elke "
        "andere lezing, alle andere keuzes zoals in deze afrekening, en het verschil dat ze maakt.",
    },
    "col_reading": {"en": "reading", "nl": "lezing"},
    "x_working_days": {"en": "{n} on working days", "nl": "{n} op werkdagen"},
    "col_article": {"en": "article", "nl": "artikel"},
    "col_reads": {"en": "the agreement reads", "nl": "het convenant zegt"},
    "col_subsidy": {"en": "subsidy", "nl": "subsidie"},
    "col_difference": {"en": "difference", "nl": "verschil"},
    "reading_default": {"en": "Default reading", "nl": "Standaardlezing"},
    "reading_alternative": {"en": "Alternative reading", "nl": "Andere lezing"},
    "not_applicable": {"en": "not applicable: {why}", "nl": "niet van toepassing: {why}"},
    "not_applicable_short": {"en": "n/a", "nl": "n.v.t."},
    "in_force": {
        "en": "in force in this settlement; the difference is from the default reading",
        "nl": "toegepast in deze afrekening; het verschil is dat met de standaardlezing",
    },
    "at_cutoff_not_paid": {
        "en": "{met}/{total} met is not more than the cutoff {cutoff}: nothing paid (reading results.half-not-paid)",
        "nl": "{met}/{total} behaald is niet meer dan de drempel {cutoff}: niets uitbetaald "
        "(lezing results.half-not-paid)",
    },
    "to_pay": {"en": "to pay", "nl": "uit te betalen"},
    "to_recover": {"en": "to recover", "nl": "terug te vorderen"},
    "settled": {"en": "settled", "nl": "vereffend"},
}
TEXT.update(TEXT_CALENDAR)  # the calendar, the termination and the interim position (S15, S16)
TEXT.update(TEXT_DIFF)  # convenant diff (S22)

KINDS: dict[AbsenceKind, dict[str, str]] = {
    AbsenceKind.sickness: {"en": "sickness", "nl": "ziekte"},
    AbsenceKind.accident: {"en": "accident", "nl": "ongeval"},
    AbsenceKind.maternity_leave: {"en": "maternity leave", "nl": "moederschapsverlof"},
    AbsenceKind.time_credit: {"en": "time credit", "nl": "tijdskrediet"},
    AbsenceKind.career_break: {"en": "career break", "nl": "loopbaanonderbreking"},
    AbsenceKind.parental_leave: {"en": "parental leave", "nl": "ouderschapsverlof"},
    AbsenceKind.unpaid_leave: {"en": "unpaid leave", "nl": "onbetaald verlof"},
}

MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
}


@dataclass(frozen=True)
class Lang:
    """Labels and number formats of one language."""

    code: str

    def __post_init__(self) -> None:
        if self.code not in LANGS:
            raise ValueError(f"unknown language {self.code!r}; use one of {', '.join(LANGS)}")

    def __call__(self, key: str, **values: object) -> str:
        text = TEXT[key][self.code]
        return text.format(**values) if values else text

    def labels(self) -> dict[str, str]:
        """Every label of this language, for the templates."""
        return {key: texts[self.code] for key, texts in TEXT.items()}

    @property
    def dutch(self) -> bool:
        return self.code == "nl"

    def money(self, value: Decimal) -> str:
        """An amount in cents with the language's grouping, no currency: 424,000.00 / 424.000,00."""
        return fmt_nl(value) if self.dutch else fmt_en(value)

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
        return KINDS[kind][self.code]

    def month(self, month: int) -> str:
        return MONTHS[self.code][month - 1]


def _swap(text: str) -> str:
    return text.translate(str.maketrans({",": ".", ".": ","}))


def lang(code: str) -> Lang:
    return Lang(code)
