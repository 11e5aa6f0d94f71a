"""The words of the calendar (S16), the termination (S15) and the interim position (S16), in English and Dutch.

Kept beside :mod:`convenant_calc.views.labels`, which merges them into its ``TEXT``; the same
rules hold (dates stay ISO, JSON keys never come from here).
"""

from __future__ import annotations

TEXT_CALENDAR: dict[str, dict[str, str]] = {
    # --- convenant calendar ------------------------------------------------------------
    "calendar_title": {"en": "Calendar (S16)", "nl": "Kalender (S16)"},
    "col_event": {"en": "event", "nl": "gebeurtenis"},
    "col_article": {"en": "article", "nl": "artikel"},
    "ev_term_start": {"en": "Term starts", "nl": "Begin van de looptijd"},
    "ev_term_end": {"en": "Term ends (its last day)", "nl": "Einde van de looptijd (laatste dag)"},
    "ev_period_start": {"en": "Period {period} starts", "nl": "Begin van de periode {period}"},
    "ev_period_end": {"en": "Period {period} ends (its last day)", "nl": "Einde van de periode {period} (laatste dag)"},
    "ev_report_progress": {"en": "Progress report due", "nl": "Voortgangsrapport ten laatste"},
    "ev_report_final": {"en": "Final report due", "nl": "Eindrapport ten laatste"},
    "ev_last_posting_day": {
        "en": "Last day to post a registered letter of notice ending by the term's end",
        "nl": "Laatste dag om aangetekend op te zeggen met einde binnen de looptijd",
    },
    "ev_letter_posted": {
        "en": "Registered letter of notice posted (by the {by})",
        "nl": "Aangetekende opzeggingsbrief gepost (door {by})",
    },
    "ev_notice_received": {
        "en": "Notice received: the 3rd working day after posting",
        "nl": "Kennisgeving: de 3de werkdag na het posten",
    },
    "ev_notice_starts": {
        "en": "Six months' notice starts: the first working day after the notice",
        "nl": "Opzegtermijn van 6 maanden begint: de eerste werkdag na de kennisgeving",
    },
    "ev_agreement_ends": {
        "en": "Agreement ends ({kind}): its last funded day",
        "nl": "Het convenant eindigt ({kind}): de laatste gefinancierde dag",
    },
    "alarm_days": {"en": "In {days} days: {event}", "nl": "Over {days} dagen: {event}"},
    "alarm_tomorrow": {"en": "Tomorrow: {event}", "nl": "Morgen: {event}"},
    "party_sector": {"en": "sector", "nl": "de sector"},
    "party_government": {"en": "government", "nl": "de Vlaamse Regering"},
    "end_notice": {"en": "notice", "nl": "opzegging"},
    "end_mutual": {"en": "mutual agreement", "nl": "onderlinge overeenkomst"},
    "end_immediate": {"en": "by the government without notice", "nl": "door de Vlaamse Regering zonder opzegtermijn"},
    # --- the termination in the report (S15) ---------------------------------------------
    "s_termination": {"en": "Early end of the agreement", "nl": "Vroegtijdige beëindiging van het convenant"},
    "f_termination": {
        "en": "notice: received = 3rd working day after posting; from = 1st working day after receipt; "
        "ends = the day before the same day 6 months later (the month's last day when that day does not exist); "
        "every day of the term after the end counts as consultants_fte short",
        "nl": "opzegging: kennisgeving = 3de werkdag na het posten; begin = 1ste werkdag na de kennisgeving; "
        "einde = de dag vóór dezelfde dag 6 maanden later (de laatste dag van de maand als die dag niet bestaat); "
        "elke dag van de looptijd na het einde telt als tekort van de gefinancierde VTE",
    },
    "x_notice": {
        "en": "letter posted {posted} (by the {by}) → received {received} → notice from {starts} → ends {ends}",
        "nl": "brief gepost {posted} (door {by}) → kennisgeving {received} → opzegtermijn vanaf {starts} → "
        "einde {ends}",
    },
    "x_ends": {"en": "{kind}: ends {ends}", "nl": "{kind}: einde {ends}"},
    "x_unfunded": {
        "en": "{first} … {last}: {days} d × {fte} = {fte_days} FTE-days not funded",
        "nl": "{first} … {last}: {days} d × {fte} = {fte_days} VTE-dagen niet gefinancierd",
    },
    "x_no_unfunded": {
        "en": "the end is on or after the term's last day: nothing changes",
        "nl": "het einde valt op of na de laatste dag van de looptijd: er verandert niets",
    },
    "f_short_ended": {
        "en": "shortfall_fte_days = vacancy + absent − absorbed + after the end (= Σ over the days of "
        "max(0, consultants_fte − FTE on duty), with nobody on duty after the end)",
        "nl": "VTE-dagen tekort = vacature + afwezig − opgevangen + na het einde (= Σ over de dagen van "
        "max(0, gefinancierde VTE − VTE aan het werk), met niemand aan het werk na het einde)",
    },
    "ended_line": {
        "en": "Ended early ({kind}) on {ends}: {days} days of the term after it are not funded (Art. 7, S15)",
        "nl": "Vroegtijdig beëindigd ({kind}) op {ends}: {days} dagen van de looptijd erna worden niet "
        "gefinancierd (Art. 7, S15)",
    },
    "unfunded_line": {"en": "FTE-days after the agreement ended (S15)", "nl": "VTE-dagen na het einde van het convenant (S15)"},
    # --- the interim position (S16) -----------------------------------------------------
    "interim_title": {"en": "Interim position on {as_of} (S16)", "nl": "Tussentijdse stand op {as_of} (S16)"},
    "interim_short": {
        "en": "FTE-days short up to {as_of}",
        "nl": "VTE-dagen tekort tot en met {as_of}",
    },
    "interim_deduction": {"en": "Deduction up to {as_of}", "nl": "Vermindering tot en met {as_of}"},
    "interim_pending": {"en": "Results pending", "nl": "Openstaande resultaten"},
    "interim_none": {"en": "none", "nl": "geen"},
    "interim_worst": {"en": "Projected subsidy, worst: pending not met", "nl": "Verwachte subsidie, slechtst: openstaande niet behaald"},
    "interim_best": {"en": "Projected subsidy, best: pending met", "nl": "Verwachte subsidie, best: openstaande behaald"},
    "interim_payout": {"en": "result funding {k}/{n}", "nl": "resultaatfinanciering {k}/{n}"},
    "interim_note": {
        "en": "The projection assumes no further shortfall: it counts the shortfall up to {as_of} only{after}. "
        "The settlement above counts every absence in the files and pending results as not met.",
        "nl": "De projectie veronderstelt geen verder tekort: ze telt enkel het tekort tot en met {as_of}{after}. "
        "De afrekening hierboven telt elke afwezigheid uit de bestanden, en openstaande resultaten als niet behaald.",
    },
    "interim_after_end": {
        "en": ", plus the days after the agreement's early end ({fte_days} FTE-days, S15)",
        "nl": ", plus de dagen na het vroegtijdige einde van het convenant ({fte_days} VTE-dagen, S15)",
    },
    "pending": {"en": "pending", "nl": "openstaand"},
}
