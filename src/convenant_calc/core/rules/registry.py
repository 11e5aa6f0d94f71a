"""One home for the rules of SPEC §2: id, article, the agreement's own sentence, titles.

The report, the labels and the rulebook (``docs/rules.md``, ``docs/regels.md``) read the
rules from here; the rule functions' docstrings quote the same sentences (a test checks
that they agree, and that every quote appears verbatim in the agreement's text in
``data/lokale-besturen-2023-2025.txt``). S1–S12 settle one agreement as signed; the
rules of Part II (S13–S18) are added here as they are built, with the same fields.

Each rule also carries the reading the tool chose and a worked example, for the
rulebook. The texts are English (``title_en``, ``reading_en``, ``example_en``); their
translations are in the gettext catalog under ``S7.title``, ``S7.reading``, ``S7.example``
(``src/convenant_calc/locale``, ``docs/translating.md``). Core reads no catalog:
``views.labels.Lang.of(rule, "title")`` gives a text in a language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str  # "S7"
    article: str  # "Art. 5"; "" for a rule of the tool rather than of the agreement
    quote: str  # the agreement's sentence(s), verbatim; "" when no sentence says it
    title_en: str  # English; the catalog translates it under "S7.title" (and so on)
    reading_en: str  # the reading the tool chose, in a few sentences
    example_en: str  # a worked example an auditor can redo
    references: tuple[str, ...] = ()  # keys of a convenant.yaml's `references` quoting the same article

    @property
    def anchor(self) -> str:
        """The rule's anchor in the rulebook: ``s7``."""
        return self.id.lower()


RULES: tuple[Rule, ...] = (
    Rule(
        id="S1",
        article="",
        quote="",
        title_en="Money",
        reading_en=(
            "All arithmetic is exact (decimal numbers and fractions, never floating point). Amounts are "
            "rounded once, half-up to cents, at the points the rules name: the effort pool (S2), the result "
            "payout (S3) and the deduction (S10). A number in a file is read exactly: 0.1 is one tenth."
        ),
        example_en="12 × 424000 / 2924 = 1740.0820… is rounded once, to 1740.08; 0.005 rounds to 0.01.",
    ),
    Rule(
        id="S2",
        article="Art. 2",
        quote=(
            "70% is de inspanningsfinanciering die wordt toegekend op basis van vooraf vastgelegde "
            "inspanningsverbintenissen"
        ),
        title_en="Effort and result pools",
        reading_en=(
            "effort_pool = effort_share × max_subsidy, rounded to cents; result_pool = max_subsidy − "
            "effort_pool, so that the two always add up to the maximum."
        ),
        example_en="0.70 × 424000.00 = 296800.00; 424000.00 − 296800.00 = 127200.00.",
        references=("effort_pool",),
    ),
    Rule(
        id="S3",
        article="Art. 2",
        quote=(
            "Als een verbintenis niet wordt behaald, wordt de dertig procent a rato van het aantal behaalde "
            "resultaatverbintenissen uitbetaald. Als minder dan de helft van de resultaatverbintenissen wordt "
            "behaald, wordt geen resultaatfinanciering uitbetaald."
        ),
        title_en="Result payout",
        reading_en=(
            "With k of n commitments met: nothing when k/n is below the cutoff (½, \"minder dan de helft\"), "
            "otherwise result_pool × k / n, rounded to cents. Exactly half is paid. All commitments weigh the same."
        ),
        example_en="4 of 5 met: 127200.00 × 4/5 = 101760.00. 2 of 5 met: 2/5 < ½, nothing.",
        references=("result_payout", "result_cutoff"),
    ),
    Rule(
        id="S4",
        article="Art. 2",
        quote="Bij de afrekening wordt de verantwoording van de inspanningen én van de resultaten beoordeeld",
        title_en="A result commitment met",
        reading_en=(
            "A result is met when the achieved value reaches the target. An auditor's met: true or false, "
            "with its mandatory justification, overrides the comparison. A commitment without a reported "
            "result is an input error, never silently \"not met\"."
        ),
        example_en="Target 96 visits, 97 reported: met. Target 100 jobcoaches, 84 reported: not met.",
    ),
    Rule(
        id="S5",
        article="Art. 5",
        quote="Hiertoe worden effectief 4 VTE- sectorconsulenten ingezet.",
        title_en="Consultants employed",
        reading_en=(
            "With a list of consultants, the FTE employed on a day is the sum of the FTE of those whose "
            "employment holds that day (an open bound: employed before or after the term). Without a list, "
            "the funded FTE is taken as employed on every day of the term."
        ),
        example_en=(
            "Bram leaves on 2024-11-30, Chloé starts on 2025-01-06: 2024-12-01 … 2025-01-05 is 36 days with "
            "3 FTE employed of 4 funded, 36 FTE-days."
        ),
        references=("staffing",),
    ),
    Rule(
        id="S6",
        article="Art. 5",
        quote=(
            "Periodes van tijdskrediet, loopbaanonderbreking of moederschapsverlof komen niet in aanmerking voor "
            "financiering, tenzij wordt aangetoond dat de functie van de sectorconsulent(e) tijdelijk tijdens "
            "zijn of haar afwezigheid door een vervang(st)er afdoende wordt uitgeoefend."
        ),
        title_en="Absences",
        reading_en=(
            "An absence takes its FTE off duty on each of its days, except on days the guaranteed wage covers "
            "(sickness and accident, S7). Maternity leave, time credit, career break, parental and unpaid leave "
            "are never covered. Only the days inside the term count."
        ),
        example_en="A 1/5 time credit 2024-09-01 … 2025-06-30 (303 days), not replaced: 303 × 0.2 = 60.6 FTE-days.",
        references=("uncovered_leave",),
    ),
    Rule(
        id="S7",
        article="Art. 5",
        quote=(
            "Bij ziekte of ongeval van de sectorconsulent komt de periode van arbeidsongeschiktheid die door het "
            "gewaarborgd loon wordt vergoed in aanmerking voor de subsidie."
        ),
        title_en="Guaranteed-wage window",
        reading_en=(
            "A consultant's absences of one kind (sickness, or accident) are one incapacity while they run: "
            "their dates joined make incapacity spells. A new cause starting right after an incapacity ended "
            "opens a spell of its own; during a running incapacity it does not. A spell starting at most 14 "
            "days after the previous one ended, without a new cause, is a relapse. The window is the first 30 "
            "days of incapacity of a spell and its relapses (days back at work do not use it, also before the "
            "term); on a covered day every absence of the spell is covered. The order of the lines never matters."
        ),
        example_en=(
            "Accidents of 0.2 and 0.8 FTE, both 2024-03-01 … 2024-04-29: one spell, covered 2024-03-01 … "
            "2024-03-30 for both; 30 days × 1.0 FTE = 30 FTE-days short. A sickness 2024-03-04 … 03-20 "
            "(17 days) and another from 2024-04-03 (14 days later): a relapse with 13 days left."
        ),
        references=("guaranteed_wage",),
    ),
    Rule(
        id="S8",
        article="Art. 5",
        quote=(
            "De subsidie wordt in mindering gebracht wanneer de werkgever de afwezige sectorconsulent niet "
            "vervangt na afloop van de periode die is gedekt door het gewaarborgde loon."
        ),
        title_en="Replacement",
        reading_en=(
            "On an uncovered day the replaced FTE (the replacements of that day added up, at most the absent "
            "FTE) stays on duty. Replacements adding up to more than the absent FTE are valid: they count for "
            "the absent FTE, with a warning."
        ),
        example_en=(
            "Sick 2024-01-08 … 2024-03-15 (68 days): 30 covered, 38 not; replaced 2024-02-19 … 03-15 (26 "
            "days): 12 FTE-days short."
        ),
        references=("replacement",),
    ),
    Rule(
        id="S9",
        article="Art. 5",
        quote=(
            "Dit bedrag wordt vermenigvuldigd met het aantal dagen waarop geen/te weinig consultants tewerk "
            "gesteld waren en in mindering gebracht."
        ),
        title_en="FTE-days short",
        reading_en=(
            "For each day of the term: on duty = employed − uncovered, unreplaced absent FTE; short = "
            "max(0, funded FTE − on duty). The FTE-days short are the sum over the days, exact."
        ),
        example_en="36 FTE-days of vacancy + 60.6 of time credit + 12 of sickness = 108.6 FTE-days (SPEC §5 b).",
        references=("deduction",),
    ),
    Rule(
        id="S10",
        article="Art. 5",
        quote="De werkingssubsidie wordt dan berekend per consultant per dag van de looptijd.",
        title_en="Deduction",
        reading_en=(
            "daily_rate = max_subsidy / (funded FTE × days of the term), kept exact; deduction = daily_rate × "
            "FTE-days short, rounded to cents."
        ),
        example_en="424000 / (4 × 731) = 145.00684…; 12 × 424000 / 2924 = 1740.082… → 1740.08.",
        references=("daily_rate",),
    ),
    Rule(
        id="S11",
        article="Art. 5",
        quote=(
            "Indien de sectorconsulent tijdens zijn of haar afwezigheid niet afdoende vervangen wordt voor het "
            "continueren van de inspanningen in het kader van het sectorconvenant, vermindert de maximale "
            "werkingssubsidie."
        ),
        title_en="Subsidy",
        reading_en=(
            "subsidy = max(0, effort_pool + payout − deduction), on the rounded lines, so that the printed "
            "lines add up to the printed total. It never exceeds the maximum."
        ),
        example_en="296800.00 + 101760.00 − 1740.08 = 396819.92.",
    ),
    Rule(
        id="S12",
        article="Art. 3",
        quote=(
            "De storting van de subsidie en de uitvoeringsmodaliteiten worden geregeld via het Besluit van de "
            "Vlaamse Regering / het Ministerieel Besluit"
        ),
        title_en="Balance",
        reading_en=(
            "paid = the advances added up; balance = subsidy − paid. Positive: still to be paid out; "
            "negative: to be recovered."
        ),
        example_en=(
            "396819.92 − 169600.00 = 227219.92 to pay; 292449.79 − 339200.00 = −46750.21: 46750.21 to recover."
        ),
    ),
    Rule(
        id="S15",
        article="Art. 7",
        quote=(
            "Het sectorconvenant eindigt hetzij bij het verstrijken van de looptijd, hetzij bij onderlinge "
            "overeenkomst tussen de partijen, hetzij door opzegging. De partijen kunnen op elk moment het "
            "sectorconvenant opzeggen, mits ze een opzegtermijn van 6 maanden in acht nemen. De kennisgeving van "
            "de opzegging gebeurt per aangetekende brief. De opzeggingstermijn begint te lopen vanaf de eerste "
            "werkdag na de kennisgeving."
        ),
        title_en="Termination",
        reading_en=(
            "A registered letter counts as received on the 3rd working day after posting (weekends and the ten "
            "Belgian legal holidays are not working days); the six months run from the first working day after "
            "that and end the day before the same day six months later, or on the last day of that month when "
            "that day does not exist. The agreement ends on that day (or on the agreed end, or on the "
            "government's immediate end); every day of the term after it counts as a shortfall of the full "
            "funded FTE. The daily rate, the pools and the payout do not change."
        ),
        example_en=(
            "Posted Friday 2024-12-20 → received 2024-12-26 (25 December is a holiday) → notice from 2024-12-27 "
            "→ ends 2025-06-26; 2025-06-27 … 2025-06-30: 4 days × 4 FTE = 16 FTE-days, "
            "16 × 424000 / 2924 = 2320.11."
        ),
    ),
    Rule(
        id="S16",
        article="Art. 6",
        quote=(
            "Bij de opvolgingsmomenten en evaluaties wordt nagegaan of de aangegane verbintenissen ook effectief "
            "zijn bereikt."
        ),
        title_en="Calendar and interim position",
        reading_en=(
            "The calendar lists the term, the report deadlines, the last working day to post a notice that ends "
            "by the term's end, and a termination's dates. The interim position on a date counts the shortfall "
            "and the deduction up to and including that date; results not yet reported are pending, and the "
            "projected subsidy is a range: worst (pending not met) and best (pending met), both with no further "
            "shortfall."
        ),
        example_en=(
            "As of 2024-09-30 (examples/11): 46 FTE-days short, 46 × 424000 / 2924 = 6670.31 deducted so far; "
            "R1, R4, R5 pending: between 290129.69 and 391889.69."
        ),
    ),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with this id (``"S7"``); a KeyError names an unknown one."""
    return BY_ID[rule_id]


def cite(first: str, last: str | None = None) -> str:
    """How the outputs cite a rule or a run of rules: ``Art. 5, S7``, ``Art. 5, S6–S8``, ``S1``.

    The articles of the rules cited come first, each once, in order.
    """
    ids = [first] if last is None else _run(first, last)
    articles: list[str] = []
    for rule_id in ids:
        article = BY_ID[rule_id].article
        if article and article not in articles:
            articles.append(article)
    rules = first if last is None else f"{first}–{last}"
    return ", ".join([*articles, rules])


def _run(first: str, last: str) -> list[str]:
    ids = [r.id for r in RULES]
    return ids[ids.index(first) : ids.index(last) + 1]


#: The articles of the agreement's parameters that are not a rule of their own (a convenant.yaml
#: may name others under ``references``); with the rules' ``references`` they give :data:`ARTICLES`.
FACT_ARTICLES: dict[str, str] = {
    "term": "Art. 1",
    "max_subsidy": "Art. 1",
    "consultants_fte": "Art. 1",
    "result_commitments": "Art. 2, Art. 4",
    "subsidy": "Art. 2, Art. 5",
    "reports": "Art. 6",
}

#: The article of each ``references`` key, for an agreement file that quotes none (the report's fallback).
ARTICLES: dict[str, str] = {
    **FACT_ARTICLES,
    **{key: r.article for r in RULES for key in r.references},
}

#: The rulebook, one file per language, generated from :data:`RULES` by ``make docs``.
RULEBOOK: dict[str, str] = {"en": "docs/rules.md", "nl": "docs/regels.md"}

#: The agreement whose sentences the rules' ``quote`` are (the bundled one): a report on another
#: agreement quotes that agreement's own file instead, never these.
QUOTED_AGREEMENT = "lokale-besturen-2023-2025"
