"""S21 input errors: the beneficiary's and the payer's company number and IBAN, each at its file:line:col.

The test agreement (tests/validation/conftest.py) has 8 lines; the parties start on line 9. The check
digits are python-stdnum's (mod 97): VVSG's 0451.857.573 and BE10 0910 1156 9604 (Art. 1) are right,
and changing one digit breaks each.
"""

from __future__ import annotations

from .conftest import CONVENANT as C

PARTIES = (
    "beneficiary:\n"
    "  name: V.V.S.G. vzw\n"  # line 10
    "  address: Bischoffsheimlaan 1-8, 1000 Brussel\n"
    "  company_number: {number}\n"  # line 12, the value at column 19
    "  iban: {iban}\n"  # line 13, the value at column 9
    "  representatives: [{{name: Kris Snijkers, role: Algemeen Directeur VVSG}}]\n"
    "payer: {{name: Departement Werk en Sociale Economie}}\n"
)


def parties(number: str = "0451.857.573", iban: str = "BE10 0910 1156 9604") -> str:
    return C + PARTIES.format(number=number, iban=iban)


def test_the_agreements_own_numbers_are_accepted_as_written_or_quoted(case):
    for text in (parties(), parties('"0451857573"', '"BE10091011569604"')):
        run = case.write(**{"convenant.yaml": text}).run()
        assert run.exit_code == 0, run


def test_a_wrong_check_digit_in_either_number_is_an_error_at_its_value_both_at_once(case):
    lines = case.errors(**{"convenant.yaml": parties("0451.857.574", "BE11 0910 1156 9604")})
    assert lines == [
        "case/convenant.yaml:12:19: company number '0451.857.574' fails its check digits (mod 97); copy it again "
        "from the Crossroads Bank for Enterprises (KBO), e.g. 0451.857.573",
        "case/convenant.yaml:13:9: IBAN 'BE11 0910 1156 9604' fails its check digits (mod 97); copy it again from "
        "the bank statement",
        "2 errors in 1 file",
    ]


def test_a_number_of_the_wrong_shape(case):
    lines = case.errors(**{"convenant.yaml": parties("0451 857", "BE10 0910")})
    assert lines == [
        "case/convenant.yaml:12:19: '0451 857' is not a Belgian company number: ten digits, starting with 0 or 1, "
        "e.g. 0451.857.573",
        "case/convenant.yaml:13:9: 'BE10 0910' is not an IBAN: a country code, two check digits and the account "
        "number, e.g. BE10 0910 1156 9604",
        "2 errors in 1 file",
    ]


def test_a_bare_company_number_is_refused_because_yaml_drops_its_leading_zero(case):
    lines = case.errors(**{"convenant.yaml": parties("0451857573")})
    assert lines == [
        'case/convenant.yaml:12:19: write a company number in quotes, e.g. "0451.857.573": as a bare number YAML '
        "drops its leading 0",
        "1 error in 1 file",
    ]


def test_the_payers_numbers_are_checked_too_and_a_party_needs_a_name(case):
    text = C + "payer: {company_number: 0451.857.570, iban: 12}\n"  # line 9
    lines = case.errors(**{"convenant.yaml": text})
    assert lines == [
        "case/convenant.yaml:9:8: missing key 'name', which is required here; add it",
        "case/convenant.yaml:9:25: company number '0451.857.570' fails its check digits (mod 97); copy it again "
        "from the Crossroads Bank for Enterprises (KBO), e.g. 0451.857.573",
        "case/convenant.yaml:9:45: expected an IBAN, a country code and digits, e.g. BE10 0910 1156 9604; got 12",
        "3 errors in 1 file",
    ]
