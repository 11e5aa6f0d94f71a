"""The words of the calendar (S16), the termination (S15) and the interim position (S16), in English.

Kept beside :mod:`convenant_calc.views.labels`, which merges them into its ``TEXT``; the same
rules hold (the Dutch in the catalog under the key as context, dates stay ISO, JSON keys
never come from here).
"""

from __future__ import annotations

from convenant_calc.io.catalog import N_

TEXT_CALENDAR: dict[str, str] = {
    # --- convenant calendar ------------------------------------------------------------
    "calendar_title": N_("Calendar (S16)"),
    "col_event": N_("event"),
    "col_article": N_("article"),
    "ev_term_start": N_("Term starts"),
    "ev_term_end": N_("Term ends (its last day)"),
    "ev_period_start": N_("Period {period} starts"),
    "ev_period_end": N_("Period {period} ends (its last day)"),
    "ev_report_progress": N_("Progress report due"),
    "ev_report_final": N_("Final report due"),
    "ev_last_posting_day": N_("Last day to post a registered letter of notice ending by the term's end"),
    "ev_letter_posted": N_("Registered letter of notice posted (by the {by})"),
    "ev_notice_received": N_("Notice received: the 3rd working day after posting"),
    "ev_notice_starts": N_("Six months' notice starts: the first working day after the notice"),
    "ev_agreement_ends": N_("Agreement ends ({kind}): its last funded day"),
    "alarm_days": N_("In {days} days: {event}"),
    "alarm_tomorrow": N_("Tomorrow: {event}"),
    "party_sector": N_("sector"),
    "party_government": N_("government"),
    "end_notice": N_("notice"),
    "end_mutual": N_("mutual agreement"),
    "end_immediate": N_("by the government without notice"),
    # --- the termination in the report (S15) ---------------------------------------------
    "s_termination": N_("Early end of the agreement"),
    "f_termination": N_(
        "notice: received = 3rd working day after posting; from = 1st working day after receipt; ends = the day before "
        "the same day 6 months later (the month's last day when that day does not exist); every day of the term after "
        "the end counts as consultants_fte short"
    ),
    "x_notice": N_("letter posted {posted} (by the {by}) → received {received} → notice from {starts} → ends {ends}"),
    "x_ends": N_("{kind}: ends {ends}"),
    "x_unfunded": N_("{first} … {last}: {days} d × {fte} = {fte_days} FTE-days not funded"),
    "x_no_unfunded": N_("the end is on or after the term's last day: nothing changes"),
    "f_short_ended": N_(
        "shortfall_fte_days = vacancy + absent − absorbed + after the end (= Σ over the days of max(0, consultants_fte "
        "− FTE on duty), with nobody on duty after the end)"
    ),
    "ended_line": N_("Ended early ({kind}) on {ends}: {days} days of the term after it are not funded (Art. 7, S15)"),
    "unfunded_line": N_("FTE-days after the agreement ended (S15)"),
    # --- the interim position (S16) -----------------------------------------------------
    "interim_title": N_("Interim position on {as_of} (S16)"),
    "interim_short": N_("FTE-days short up to {as_of}"),
    "interim_deduction": N_("Deduction up to {as_of}"),
    "interim_pending": N_("Results pending"),
    "interim_none": N_("none"),
    "interim_worst": N_("Projected subsidy, worst: pending not met"),
    "interim_best": N_("Projected subsidy, best: pending met"),
    "interim_payout": N_("result funding {k}/{n}"),
    "interim_capped": N_("the same, at most the eligible costs of {eligible} (S20)"),
    "interim_note": N_(
        "The projection assumes no further shortfall: it counts the shortfall up to {as_of} only{after}. The "
        "settlement above counts every absence in the files and pending results as not met."
    ),
    "interim_after_end": N_(", plus the days after the agreement's early end ({fte_days} FTE-days, S15)"),
    "pending": N_("pending"),
}
