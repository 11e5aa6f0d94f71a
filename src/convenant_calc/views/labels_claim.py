"""The words of ``convenant claim`` (S21), in English.

Kept beside :mod:`convenant_calc.views.labels`, which merges them into its ``TEXT``; the same
rules hold (the Dutch in the catalog under the key as context). The Dutch declaration is the one
SPEC S21 quotes: "Echt en oprecht verklaard ten bedrage van € 89.292,07".
"""

from __future__ import annotations

from convenant_calc.io.catalog import N_

TEXT_CLAIM: dict[str, str] = {
    "claim_title": N_("Claim for payment"),
    "claim_repayment_title": N_("Statement of repayment"),
    "claim_settled_title": N_("Statement of the final settlement"),
    "claim_subtitle": N_("Final settlement of the agreement {agreement}"),
    "claim_beneficiary": N_("Beneficiary"),
    "claim_payer": N_("Payer"),
    "claim_payer_unnamed": N_("the subsidising government"),
    "claim_company_number": N_("Company number"),
    "claim_iban": N_("Account (IBAN)"),
    "claim_agreement": N_("Agreement"),
    "claim_term": N_("Term"),
    "claim_term_value": N_("{start} to {end}"),
    "claim_col_period": N_("period"),
    "claim_col_line": N_("funding line"),
    "claim_col_subsidy": N_("subsidy"),
    "claim_col_paid": N_("advances paid"),
    "claim_col_balance": N_("balance"),
    "claim_total": N_("Total"),
    "claim_amounts_in": N_("Amounts in euro."),
    "claim_capped": N_("Each subsidy is at most the eligible costs of the cost statement (Art. 5)."),
    "claim_not_capped": N_(
        "The costs of the cost statement cap no subsidy (reading costs.not-capped): the subsidies are ceilings."
    ),
    "claim_readings": N_("Settled under alternative readings of the agreement: {ids}."),
    "claim_request": N_(
        "{beneficiary} requests {payer} to pay the balance of the final settlement, {amount}, into account {iban}."
    ),
    "claim_request_no_iban": N_("{beneficiary} requests {payer} to pay the balance of the final settlement, {amount}."),
    "claim_declaration": N_("Declared true and sincere in the amount of {amount}"),
    "claim_in_words": N_("in words: {words}"),
    "claim_repayment": N_(
        "The advances received ({paid}) exceed the subsidy of the final settlement ({subsidy}). {beneficiary} "
        "owes {payer} the difference, {amount}, and will pay it back on request."
    ),
    "claim_repayment_declaration": N_("Declared true and sincere: to be paid back {amount}"),
    "claim_settled": N_(
        "The advances received ({paid}) equal the subsidy of the final settlement ({subsidy}): nothing is claimed "
        "and nothing is to be paid back."
    ),
    "claim_settled_declaration": N_("Declared true and sincere: the balance is {amount}"),
    "claim_place": N_("Place"),
    "claim_date": N_("Date"),
    "claim_for": N_("For {beneficiary}:"),
    "claim_name": N_("Name"),
    "claim_signature": N_("Signature"),
    "claim_footer": N_("Settled with convenant {version}; input hash {digest}"),
    # the amount in words: {euros} and {cents} are the words num2words gives for each (integers, exact)
    "claim_words_euros": N_("{euros} euro"),
    "claim_words_cents": N_("{euros} euro and {cents} cents"),
    "claim_words_one_cent": N_("{euros} euro and {cents} cent"),
}
