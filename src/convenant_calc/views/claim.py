"""S21: the claim for payment of the final settlement (*schuldvordering*), as plain data.

SPEC S21: "``convenant claim CASE`` writes the claim document of the final settlement [...]:
beneficiary, payer, the agreement and its term, a table of each period and line (subsidy, paid,
balance) and the total. A positive total balance is a *schuldvordering* ending in "Echt en oprecht
verklaard ten bedrage van € 89.292,07" with the amount also in words, the place and the date, and
the name and signature lines of the beneficiary's representatives; a negative balance is a statement
of the amount to pay back instead."

:func:`build` is a pure function of the agreement's settlement (every period and line, the figures
``settle --format json`` prints: the capped subsidy of S20, the advances paid, the balance) and the
language; the templates (``render/claim.py``) lay it out and compute nothing. A balance of zero
(advances equal to the subsidy) is a statement of the final settlement that says nothing is owed
either way, signed like the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from convenant_calc.core.models import Organisation
from convenant_calc.core.money import cents_of
from convenant_calc.core.readings import applied
from convenant_calc.core.settlement import AgreementSettlement
from convenant_calc.views.labels import Lang


@dataclass(frozen=True)
class Party:
    """The beneficiary or the payer as the claim names them, each line already written."""

    heading: str
    name: str
    lines: tuple[tuple[str, str], ...]  # (label, value): the address (no label), the company number, the IBAN


@dataclass(frozen=True)
class Row:
    """One period and line of the table (or the total): the figures written in the language."""

    period: str
    line: str
    subsidy: str
    paid: str
    balance: str


@dataclass(frozen=True)
class Claim:
    """The claim document: every word and figure written, in the order it is printed."""

    lang: str
    kind: str  # "claim" (balance > 0), "repayment" (< 0) or "settled" (0)
    title: str
    subtitle: str
    beneficiary: Party
    payer: Party | None
    agreement: tuple[tuple[str, str], ...]  # (label, value): the agreement, its term
    columns: tuple[str, ...]  # the table's headings (the period's only with more than one period)
    with_period: bool
    rows: tuple[Row, ...]
    total: Row
    notes: tuple[str, ...]  # amounts in euro; capped by the cost statement or not; readings applied
    statement: str  # the request, the repayment or the settled statement
    declaration: str  # "Echt en oprecht verklaard ten bedrage van € 449.254,94"
    words: str  # "in words: …"
    place: str
    date: str
    signed_for: str  # "For V.V.S.G. vzw:"
    name_label: str
    signature_label: str
    signatories: tuple[tuple[str, str], ...]  # (name, role): one name and signature block each
    footer: str


def euro(value: Decimal, t: Lang) -> str:
    """An amount as the claim writes it: "€ 449.254,94" (a no-break space) in Dutch (Belgian style, SPEC S21), "EUR 449,254.94"
    in English; a negative amount is never written here (the claim states what is owed, by whom)."""
    return f"{'€' if t.dutch else 'EUR'}\u00a0{t.money(value)}"  # never broken at the space


def amount_in_words(value: Decimal, t: Lang) -> str:
    """An amount in cents in words, the euros and the cents each as a whole number (num2words, exact).

    449254.94 → "vierhonderdnegenenveertigduizend tweehonderdvierenvijftig euro en vierennegentig cent"
    (nl), "four hundred and forty-nine thousand, two hundred and fifty-four euro and ninety-four cents"
    (en). No cents: "tienduizend tweehonderd euro". The sign is not written: the text around says who owes.
    """
    from num2words import num2words

    cents = abs(cents_of(value))
    whole = int(cents)  # Decimal → int truncates exactly; never a float
    rest = int((cents - whole) * 100)

    def words(n: int) -> str:
        said = num2words(n, lang=t.code)
        return dutch_spelling(said) if t.code == "nl" else said

    if rest == 0:
        return t("claim_words_euros", euros=words(whole))
    key = "claim_words_one_cent" if rest == 1 else "claim_words_cents"
    return t(key, euros=words(whole), cents=words(rest))


_AFTER_THOUSAND = re.compile(r"duizend(?=[a-zé])")
_ONE_IN_A_COMPOUND = re.compile(r"(?<=[a-z])één|één(?=[a-z])|(?<= )één\b|\béén(?= )")


def dutch_spelling(words: str) -> str:
    """num2words' Dutch number words as the Woordenlijst spells them (Taaladvies, "Getallen in letters").

    num2words writes a number as one word, with "één" wherever a one stands; the official spelling
    puts a space after *duizend* when more follows ("tweeduizend driehonderd", "honderdeenduizend
    honderdeen"; *miljoen* and higher num2words already writes apart) and writes *een* inside a
    number ("duizend een", "een miljoen een"): the accents of *één* are a stress mark, kept only on
    the number one standing alone ("één euro", "één cent"), where *een* would read as the article.
    """
    if words == "één":
        return words
    return _ONE_IN_A_COMPOUND.sub("een", _AFTER_THOUSAND.sub("duizend ", words))


def _party(heading: str, o: Organisation, t: Lang) -> Party:
    lines = [("", o.address)] if o.address else []
    if o.company_number:
        lines.append((t("claim_company_number"), o.company_number))
    if o.iban:
        lines.append((t("claim_iban"), o.iban))
    return Party(heading, o.name, tuple(lines))


def _kind(balance: Decimal) -> str:
    """S12's direction of the total balance: a claim, a repayment, or settled."""
    return "claim" if balance > 0 else "repayment" if balance < 0 else "settled"


def build(a: AgreementSettlement, t: Lang, version: str = "", digest: str = "") -> Claim:
    """The claim of the final settlement ``a`` (every period and line), in the language ``t``.

    The beneficiary must be in the agreement (the command refuses a claim without one); the payer
    may be left out, and is then "the subsidising government".
    """
    c = a.convenant
    if c.beneficiary is None:
        raise ValueError("a claim needs the agreement's beneficiary (S21); the command refuses it before")
    beneficiary = c.beneficiary
    total = a.total
    kind = _kind(total.balance)
    payer_name = c.payer.name if c.payer is not None else t("claim_payer_unnamed")
    with_period = len(a.period_ids) > 1
    columns = ((t("claim_col_period"),) if with_period else ()) + (
        t("claim_col_line"),
        t("claim_col_subsidy"),
        t("claim_col_paid"),
        t("claim_col_balance"),
    )
    rows = tuple(
        Row(s.budget.period, s.budget.title, t.money(s.subsidy), t.money(s.paid), t.signed(s.balance))
        for s in a.settlements
    )
    owed = abs(total.balance)
    amount = euro(owed, t)
    if kind == "claim":
        title = t("claim_title")
        key = "claim_request" if beneficiary.iban else "claim_request_no_iban"
        statement = t(key, beneficiary=beneficiary.name, payer=payer_name, amount=amount, iban=beneficiary.iban or "")
        declaration = t("claim_declaration", amount=amount)
    elif kind == "repayment":
        title = t("claim_repayment_title")
        statement = t(
            "claim_repayment",
            paid=euro(total.paid, t),
            subsidy=euro(total.subsidy, t),
            beneficiary=beneficiary.name,
            payer=payer_name,
            amount=amount,
        )
        declaration = t("claim_repayment_declaration", amount=amount)
    else:
        title = t("claim_settled_title")
        statement = t("claim_settled", paid=euro(total.paid, t), subsidy=euro(total.subsidy, t))
        declaration = t("claim_settled_declaration", amount=amount)
    notes = [t("claim_amounts_in")]
    if any(s.costs is not None for s in a.settlements):
        capped = all(s.readings.costs_capped for s in a.settlements)
        notes.append(t("claim_capped") if capped else t("claim_not_capped"))
    ids = applied(a.settlements[0].readings)
    if ids:
        notes.append(t("claim_readings", ids=", ".join(ids)))
    return Claim(
        lang=t.code,
        kind=kind,
        title=title,
        subtitle=t("claim_subtitle", agreement=c.id),
        beneficiary=_party(t("claim_beneficiary"), beneficiary, t),
        payer=None if c.payer is None else _party(t("claim_payer"), c.payer, t),
        agreement=(
            (t("claim_agreement"), c.title),
            (t("claim_term"), t("claim_term_value", start=t.date(total.first), end=t.date(total.last))),
        ),
        columns=columns,
        with_period=with_period,
        rows=rows,
        total=Row("", t("claim_total"), t.money(total.subsidy), t.money(total.paid), t.signed(total.balance)),
        notes=tuple(notes),
        statement=statement,
        declaration=declaration,
        words=t("claim_in_words", words=amount_in_words(owed, t)),
        place=t("claim_place"),
        date=t("claim_date"),
        signed_for=t("claim_for", beneficiary=beneficiary.name),
        name_label=t("claim_name"),
        signature_label=t("claim_signature"),
        signatories=tuple((r.name, r.role or "") for r in beneficiary.representatives),
        footer=t("claim_footer", version=version, digest=digest) if version else "",
    )
