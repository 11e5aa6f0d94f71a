"""S17 — the readings of the agreement the settlement depends on, and their alternatives.

Where a sentence of the agreement can be read more than one way, the reading the
rules S1–S16 use is the *default*. :class:`Readings` holds one choice per such
sentence; :data:`DEFAULT` is the set S1–S16 describe, and settling under it
gives exactly the figures of the default settlement. Each :class:`Alternative`
of the registry :data:`ALTERNATIVES` names one sentence of the agreement (quoted
as written), the default and the alternative reading in English (their Dutch is
in the gettext catalog under ``<id>.default`` and ``<id>.alternative``), and
changes exactly one field of :class:`Readings`. The rules take the field they
need as a plain keyword parameter (a rule never sees this module).

Pure data and pure functions: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from typing import Literal

from convenant_calc.core.models import Case, Convenant
from convenant_calc.core.rules.periods import merge_reason, merged, periods
from convenant_calc.core.rules.subsidy import whole_years


@dataclass(frozen=True)
class Readings:
    """One choice per sentence that can be read more than one way; the defaults are S1–S16."""

    rate_days: Literal["term", "365-a-year"] = "term"  # S10: divisor days of the daily rate
    days_counted: Literal["calendar", "working"] = "calendar"  # S9, S10: which days count
    rate_base: Literal["max_subsidy", "effort_pool"] = "max_subsidy"  # S10: the amount the rate is taken on
    cutoff_paid: bool = True  # S3: exactly the cutoff (half) of the commitments met is paid
    window_elapsed: bool = False  # S7: the window runs on in calendar days while back at work
    notice_from_posting: bool = False  # S15: the notice runs from the first working day after posting
    periods_merged: bool = False  # S14: extension periods settled as one term
    costs_capped: bool = True  # S20: with a cost statement, a line's subsidy is at most its eligible costs
    relapse_on_chain: bool = False  # S13: a dated relapse_days is read on the chain's first day of incapacity


DEFAULT = Readings()


@dataclass(frozen=True)
class Reason:
    """Why an alternative cannot be applied to a case: an English message and the values it names.

    The catalog translates ``text_en`` under the context ``<id>.text``; :meth:`text` fills in
    the values (ISO dates, in every language).
    """

    id: str
    text_en: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, message: str) -> str:
        """``message`` (``text_en`` or its translation) with the values filled in."""
        return message.format(**dict(self.values))

    @property
    def en(self) -> str:
        return self.text(self.text_en)


@dataclass(frozen=True)
class Alternative:
    """One alternative reading: the sentence it reads differently and the one choice it changes.

    ``sentence`` is that sentence in the Lokale Besturen agreement (bundled), as written. A case's
    readings quote the case's own agreement (:func:`reads`): the ``references`` of its agreement
    file under the keys ``references`` names, never this text for another agreement; only Art. 7
    (``built_in``), the same in every sectorconvenant of the generation (S15), is quoted for any.
    """

    id: str
    field: str  # the field of Readings it changes
    value: object  # the value it sets
    article: str
    rules: str  # the spec rules it touches
    sentence: str  # the bundled agreement's Dutch sentence(s), as written ("[…]" marks an omission)
    default_en: str  # English; the catalog translates it under "<id>.default"
    alternative_en: str  # and this under "<id>.alternative"
    not_applicable: Callable[[Case, Readings], Reason | None]
    example_en: str = ""  # its worked figure on a casebook case (the rulebook); the catalog: "<id>.example"
    references: tuple[str, ...] = ()  # the keys of an agreement file's `references` holding the sentence(s)
    built_in: bool = False  # Art. 7: ``sentence`` is every agreement's of the generation

    def apply(self, readings: Readings) -> Readings:
        return replace(readings, **{self.field: self.value})

    def applied_in(self, readings: Readings) -> bool:
        return getattr(readings, self.field) == self.value


def _always(case: Case, readings: Readings) -> Reason | None:
    return None


def _whole_years(case: Case, readings: Readings) -> Reason | None:
    """S10 on a yearly basis needs a term of whole years: every period's (S14), or the one merged term.

    An agreement whose first period is two years and whose extension half a year: the reading does
    not apply to the agreement (its extension would be settled on a basis it has not), and settled
    under it the extension ended in a ValueError; one period asked for alone is that period's case.
    """
    found = periods(case.convenant)
    if readings.periods_merged and merge_reason(found) is None:
        found = (merged(found),)
    for period in found:
        term = period.convenant.term
        if whole_years(term) is not None:
            continue
        if len(found) == 1:
            return Reason(
                id="reason.not-whole-years",
                text_en="the term {start} … {end} is not a whole number of years, so there is no yearly basis",
                values=(("start", str(term.start)), ("end", str(term.end))),
            )
        return Reason(
            id="reason.period-not-whole-years",
            text_en="the term of the period {period} ({start} … {end}) is not a whole number of years, so there "
            "is no yearly basis for it (S14: settle another period alone with --period)",
            values=(("period", period.id), ("start", str(term.start)), ("end", str(term.end))),
        )
    return None


def _no_termination(case: Case, readings: Readings) -> Reason | None:
    termination = case.convenant.termination
    if termination is not None and termination.kind.value == "notice":
        return None
    return Reason(id="reason.no-notice", text_en="the agreement has no termination by notice (S15)")


def _one_period(case: Case, readings: Readings) -> Reason | None:
    why = merge_reason(periods(case.convenant))
    if why is None:
        return None
    if why == "single":
        return Reason(id="reason.single-period", text_en="the agreement has a single period, no extension (S14)")
    if why == "lines":
        return Reason(
            id="reason.line-not-in-every-period",
            text_en="an addendum has no budget in every period, so its periods cannot be one term (S14, S19)",
        )
    return Reason(
        id="reason.periods-differ",
        text_en="the periods differ in funded FTE or funding, so no one daily rate covers them (S14)",
    )


def _cost_statement(case: Case, readings: Readings) -> Reason | None:
    if case.costs is not None:
        return None
    return Reason(id="reason.no-cost-statement", text_en="the case has no cost statement (costs.yaml, S20)")


def _relapse_days_dated(case: Case, readings: Readings) -> Reason | None:
    if len(case.convenant.absence_rules.relapse_days) > 1:
        return None
    return Reason(
        id="reason.relapse-days-not-dated",
        text_en="relapse_days has one value on every date, so the day it is read on changes nothing (S13)",
    )


ALTERNATIVES: tuple[Alternative, ...] = (
    Alternative(
        id="rate.calendar-365",
        field="rate_days",
        value="365-a-year",
        article="Art. 5",
        rules="S10",
        sentence=(
            "De maximale subsidie wordt toegekend voor de inzet van 4 VTE op jaarbasis. […] "
            "De werkingssubsidie wordt dan berekend per consultant per dag van de looptijd."
        ),
        default_en="per consultant per day of the term: max / (FTE × days of the term)",
        alternative_en="the subsidy is on a yearly basis: max / (FTE × 365 × years of the term); whole years only",
        example_en=(
            "examples/02 (SPEC §5 a): rate 424000 / (4 × 730) = 145.205479…; 12 FTE-days short → deduction "
            "1742.47; subsidy 396817.53 instead of 396819.92 (−2.39)."
        ),
        not_applicable=_whole_years,
        references=("yearly_basis", "daily_rate"),
    ),
    Alternative(
        id="days.working",
        field="days_counted",
        value="working",
        article="Art. 5",
        rules="S9, S10",
        sentence=(
            "De werkingssubsidie wordt dan berekend per consultant per dag van de looptijd. Dit bedrag wordt "
            "vermenigvuldigd met het aantal dagen waarop geen/te weinig consultants tewerk gesteld waren en in "
            "mindering gebracht."
        ),
        default_en="every calendar day of the term counts, in the daily rate's divisor and in the shortfall",
        alternative_en="only working days (not Saturday, Sunday or a Belgian legal holiday) count, "
        "in the daily rate's divisor and in the shortfall",
        example_en=(
            "examples/02: 503 working days in the term; 8 of the 12 days short are working days; rate 424000 / (4"
            " × 503) = 210.735586…, deduction 1685.88; subsidy 396874.12 (+54.20)."
        ),
        not_applicable=_always,
        references=("daily_rate", "deduction"),
    ),
    Alternative(
        id="rate.effort-basis",
        field="rate_base",
        value="effort_pool",
        article="Art. 5",
        rules="S10",
        sentence=(
            "Indien de sectorconsulent tijdens zijn of haar afwezigheid niet afdoende vervangen wordt voor het "
            "continueren van de inspanningen in het kader van het sectorconvenant, vermindert de maximale "
            "werkingssubsidie."
        ),
        default_en="the deduction's daily rate is computed on the maximum subsidy",
        alternative_en="the daily rate is computed on the effort funding (the \"werkingssubsidie\"): "
        "effort_pool / (FTE × days of the term)",
        example_en=(
            "examples/02: rate 296800 / 2924 = 101.504788…, deduction 12 × that = 1218.06; subsidy 397341.94 "
            "(+522.02)."
        ),
        not_applicable=_always,
        references=("deduction_base",),
    ),
    Alternative(
        id="results.half-not-paid",
        field="cutoff_paid",
        value=False,
        article="Art. 2",
        rules="S3",
        sentence=(
            "Als minder dan de helft van de resultaatverbintenissen wordt behaald, wordt geen "
            "resultaatfinanciering uitbetaald."
        ),
        default_en="exactly half of the commitments met is not \"less than half\": it is paid pro rata",
        alternative_en="exactly half of the commitments met is not paid either",
        example_en=(
            "examples/12: 2 of 4 commitments met, exactly half: payout 0.00 instead of 31800.00; subsidy "
            "146949.93 (−31800.00)."
        ),
        not_applicable=_always,
        references=("result_cutoff",),
    ),
    Alternative(
        id="window.elapsed",
        field="window_elapsed",
        value=True,
        article="Art. 5",
        rules="S7",
        sentence=(
            "Bij ziekte of ongeval van de sectorconsulent komt de periode van arbeidsongeschiktheid die door het "
            "gewaarborgd loon wordt vergoed in aanmerking voor de subsidie."
        ),
        default_en="the guaranteed-wage window is a number of days of incapacity; a relapse uses what is left",
        alternative_en="the window is the 30 calendar days from the first day of incapacity, "
        "running on while the consultant is back at work",
        example_en=(
            "examples/12: the window is 2024-03-04 … 2024-04-02; the relapse of 2024-03-25 is covered 9 days, 19 "
            "FTE-days short instead of 10; deduction 2755.13; subsidy 177444.87 (−1305.06)."
        ),
        not_applicable=_always,
        references=("guaranteed_wage",),
    ),
    Alternative(
        id="notice.from-posting",
        field="notice_from_posting",
        value=True,
        article="Art. 7",
        rules="S15",
        sentence=(
            "De kennisgeving van de opzegging gebeurt per aangetekende brief. De opzeggingstermijn begint te lopen "
            "vanaf de eerste werkdag na de kennisgeving."
        ),
        default_en="the registered letter counts as received (the notification) on the 3rd working day after posting",
        alternative_en="the notice starts on the first working day after posting",
        example_en=(
            "examples/10: letter posted 2024-12-20; the notice starts 2024-12-23 instead of 2024-12-27 and the "
            "agreement ends 2025-06-22 instead of 2025-06-26; 54.8 FTE-days short instead of 39.6, deduction "
            "7946.37; subsidy 390613.63 instead of 392817.73 (−2204.10)."
        ),
        not_applicable=_no_termination,
        built_in=True,
    ),
    Alternative(
        id="extension.merged",
        field="periods_merged",
        value=True,
        article="Art. 7",
        rules="S14",
        sentence=(
            "Het sectorconvenant wordt afgesloten voor een periode van 2 jaar. Het sectorconvenant kan niet "
            "stilzwijgend worden verlengd."
        ),
        default_en="each extension period is settled on its own",
        alternative_en="the periods are settled as one term: the maxima added, one daily rate over all days, "
        "all commitments judged together",
        example_en=(
            "examples/09: 636000.00 over 731 + 365 = 1096 days, rate 145.072992…, 64 FTE-days → 9284.67; 6 of the"
            " 8 commitments met → payout 143100.00; subsidy 579015.33 instead of 580069.24 (−1053.91)."
        ),
        not_applicable=_one_period,
        references=("extension",),
    ),
    Alternative(
        id="costs.not-capped",
        field="costs_capped",
        value=False,
        article="Art. 5",
        rules="S20",
        sentence=(
            "De loon- en werkingskosten van deze sectorconsulenten komen in aanmerking als subsidiabele kosten voor "
            "zover zij betrekking hebben op de uitvoering van deze sectorspecifieke acties en voor zover ze "
            "uitgevoerd worden binnen de looptijd van het sectorconvenant."
        ),
        default_en="with a cost statement, a line's subsidy is at most its eligible costs",
        alternative_en="the costs are listed but cap nothing",
        example_en=(
            "examples/18: eligible costs 329000.00 cap the ceiling 396819.92; under this reading the subsidy is "
            "396819.92 (+67819.92) and the balance 57619.92 instead of −10200.00."
        ),
        not_applicable=_cost_statement,
        references=("eligible_costs",),
    ),
    Alternative(
        id="relapse.first-incapacity",
        field="relapse_on_chain",
        value=True,
        article="Art. 5",
        rules="S7, S13",
        sentence=(
            "Bij ziekte of ongeval van de sectorconsulent komt de periode van arbeidsongeschiktheid die door het "
            "gewaarborgd loon wordt vergoed in aanmerking voor de subsidie."
        ),
        default_en="a dated relapse_days is read on the first day of the absence that may be a relapse",
        alternative_en="it is read on the first day of the incapacity that opened the chain: a rule for "
        "incapacities that begin from a date reaches only chains that began on or after it",
        example_en=(
            "examples/09: Bram's sickness of 2026-01-05 follows one of 2025-11-03 … 2025-11-21 by 45 days; "
            "relapse_days read on 2025-11-03, the chain's first day, is 14, so a new window of 30 days: 10 "
            "FTE-days short instead of 29; deduction 4791.78 instead of 7550.68; subsidy 582828.14 (+2758.90)."
        ),
        not_applicable=_relapse_days_dated,
        references=("guaranteed_wage",),
    ),
)

BY_ID: dict[str, Alternative] = {a.id: a for a in ALTERNATIVES}

# Alternatives that set the same figure two ways: they cannot be combined.
CONFLICTS: tuple[tuple[str, str, Reason], ...] = (
    (
        "rate.calendar-365",
        "days.working",
        Reason(
            id="reason.rate-days-twice",
            text_en="rate.calendar-365 and days.working cannot be read together: both set the days the daily rate "
            "divides by",
        ),
    ),
)

if {f.name for f in fields(Readings)} != {a.field for a in ALTERNATIVES}:  # one alternative per choice
    raise RuntimeError("S17: every choice of Readings needs exactly one alternative in ALTERNATIVES")


class ReadingError(ValueError):
    """A reading that is unknown, cannot be combined, or does not apply to the case."""


def suggestion(name: str) -> str:
    """'; did you mean …?' for a mistyped reading id, or the list of ids."""
    import difflib

    close = difflib.get_close_matches(name, list(BY_ID), n=1, cutoff=0.5)
    if close:
        return f"did you mean '{close[0]}'?"
    return "known readings: " + ", ".join(BY_ID)


def conflict(ids: Iterable[str]) -> Reason | None:
    """Why these alternatives cannot be read together, or None."""
    chosen = set(ids)
    for first, second, why in CONFLICTS:
        if first in chosen and second in chosen:
            return why
    return None


def choose(ids: Iterable[str]) -> tuple[Readings, tuple[str, ...]]:
    """The readings with the alternatives ``ids`` applied, and the ids in registry order.

    Raises :class:`ReadingError` for an unknown id (with a did-you-mean) or a conflicting pair.
    """
    wanted = list(ids)
    for name in wanted:
        if name not in BY_ID:
            raise ReadingError(f"unknown reading '{name}'; {suggestion(name)}")
    ordered = tuple(a.id for a in ALTERNATIVES if a.id in wanted)
    why = conflict(ordered)
    if why:
        raise ReadingError(why.en)
    readings = DEFAULT
    for name in ordered:
        readings = BY_ID[name].apply(readings)
    return readings, ordered


def applied(readings: Readings) -> tuple[str, ...]:
    """The ids of the alternatives in force in ``readings`` (registry order)."""
    return tuple(a.id for a in ALTERNATIVES if a.applied_in(readings))


def not_applicable(alternative: Alternative, case: Case, readings: Readings = DEFAULT) -> Reason | None:
    """Why ``alternative`` cannot be applied to ``case`` on top of ``readings``, or None when it can."""
    reason = alternative.not_applicable(case, alternative.apply(readings))
    if reason is not None:
        return reason
    if alternative.applied_in(readings):
        return None
    return conflict([*applied(readings), alternative.id])


def not_applicable_to(case: Case, readings: Readings) -> list[str]:
    """'ID: does not apply to this case: why' for each alternative in force that cannot apply to ``case``.

    ``case`` is what is settled: the agreement with every period, or one period's case (S14,
    :func:`~convenant_calc.core.settlement.case_of_period`) when one is asked for alone.
    """
    lines = []
    for name in applied(readings):
        reason = BY_ID[name].not_applicable(case, readings)
        if reason is not None:
            lines.append(f"{name}: does not apply to this case: {reason.en}")
    return lines


@dataclass(frozen=True)
class Reads:
    """What an alternative reads in one case's agreement: its own sentence(s), or None when its file has none."""

    article: str
    text: str | None  # the agreement file's quotes under the alternative's references keys, "[…]" between
    missing: tuple[str, ...] = ()  # the references keys the agreement file does not quote

    def unquoted(self) -> Reason:
        """What to say in place of the sentence when the agreement file quotes none of it."""
        return Reason(
            id="reason.unquoted",
            text_en="the agreement file quotes no sentence for this reading; add {keys} (article and quote)",
            values=(("keys", ", ".join(f"references.{k}" for k in self.missing)),),
        )


def reads(alternative: Alternative, convenant: Convenant) -> Reads:
    """The sentence(s) of ``convenant`` that ``alternative`` reads differently: from its own ``references``.

    Never the bundled agreement's sentence for another agreement: a 2-FTE agreement was shown
    "inzet van 4 VTE". Art. 7 (``built_in``) is quoted for every agreement of the generation.
    """
    if alternative.built_in:
        return Reads(alternative.article, alternative.sentence)
    refs = convenant.references
    found = [refs[k] for k in alternative.references if k in refs and refs[k].quote]
    missing = tuple(k for k in alternative.references if k not in refs or not refs[k].quote)
    if not found:
        return Reads(alternative.article, None, missing)
    article = ", ".join(dict.fromkeys(r.article for r in found))
    return Reads(article, " […] ".join(r.quote for r in found), missing)
