"""Art. 8: amendments, and the settlement periods they make (S14).

Art. 8: "De Vlaamse Regering bepaalt na voorafgaand overleg met de sociale
partners in het Vlaams Economisch Sociaal Overlegcomité de wijze waarop
bijstellingen of wijzigingen van het actieplan of van de verbintenissen in het
sectorconvenant tijdens de looptijd worden doorgevoerd."

S14: the agreement as signed is the first period (its id is the agreement's
``id``); each ``extension`` adds a period with its own term, maximum, funded
FTE, funding and commitments; each ``change`` edits the commitments of one
period. Every period is then settled on its own by S2–S12, as an agreement of
its own: :func:`periods` gives each one as a :class:`Convenant` with that
period's terms, so the rules and the renderers need not know about periods.

This function is total: an amendment it cannot apply (an extension with no
term, a ``replace`` of an unknown commitment) is skipped, and
:mod:`convenant_calc.io.checks` reports it at its place. A case that passed
the checks has nothing skipped.
"""

from __future__ import annotations


from decimal import Decimal

from convenant_calc.core.records import record
from convenant_calc.core.models import (
    Addendum,
    Amendment,
    AmendmentKind,
    ContinuedAddendum,
    Convenant,
    ResultCommitment,
)
from convenant_calc.core.money import ZERO


@record
class Period:
    """One settlement period: the agreement as it holds over ``convenant.term``.

    ``convenant`` keeps the agreement's id, title and absence rules, with this
    period's term, maximum, funded FTE, funding and commitments (as amended).
    """

    id: str
    convenant: Convenant
    extension: Amendment | None  # the amendment that added this period (None: the agreement as signed)
    changes: tuple[Amendment, ...]  # the change amendments applied to this period, in file order

    @property
    def amendments(self) -> tuple[Amendment, ...]:
        return ((self.extension,) if self.extension is not None else ()) + self.changes


def periods(convenant: Convenant) -> tuple[Period, ...]:
    """S14, S19 — the settlement periods of an agreement, in order, with their commitments as amended.

    Extensions are periods in the order listed. A change applies to its
    ``period``, or by default to the last period of the agreement (counting
    every extension, wherever it is listed), and to its ``line`` (S19; default
    the main line); changes apply in the order listed: ``replace`` puts the new
    commitment in the old one's place, ``add`` appends, ``remove`` drops.

    S19: each period's agreement lists the addenda with a budget in that period: the first
    period those of ``addenda``; an extension those it continues (``addenda`` of the
    extension: "defaults: the previous period's values for that line; [...] an addendum it does
    not list has no budget in that period"). A continued addendum keeps its title and
    reference; its ``funding`` defaults to its funding in the last period that had it, its
    ``consultants_fte`` and a ``consultant_funding`` given there likewise (one left to its default
    there is left to its default here: all of this period's maximum when it funds consultants).
    """
    if not convenant.amendments:  # the agreement as signed is its only period (and settles as it always did)
        return (Period(convenant.id, convenant, None, ()),)
    last_budget = {a.id: a.model_copy(update={"funding": a.funding or convenant.funding}) for a in convenant.addenda}
    base = convenant.model_copy(update={"amendments": (), "addenda": tuple(last_budget.values())})
    built: list[tuple[str, Convenant, Amendment | None]] = [(convenant.id, base, None)]
    for a in convenant.amendments:
        if a.kind is not AmendmentKind.extension or a.term is None or a.max_subsidy is None:
            continue
        previous = built[-1][1]
        continued = []
        for more in a.addenda or ():
            before = last_budget.get(more.id)
            if before is None or any(c.id == more.id for c in continued):  # unknown, or listed twice: checked
                continue
            now = continued_addendum(before, more)
            last_budget[more.id] = now
            continued.append(now)
        built.append(
            (
                a.id,
                previous.model_copy(
                    update={
                        "term": a.term,
                        "max_subsidy": a.max_subsidy,
                        "consultants_fte": a.consultants_fte or previous.consultants_fte,
                        "funding": a.funding or previous.funding,
                        "result_commitments": tuple(a.result_commitments or ()),
                        "addenda": tuple(continued),
                    }
                ),
                a,
            )
        )
    main = convenant.id
    commitments: dict[tuple[str, str], list[ResultCommitment]] = {}
    for pid, c, _ in built:
        commitments[(pid, main)] = list(c.result_commitments)
        for addendum in c.addenda:
            commitments[(pid, addendum.id)] = list(addendum.result_commitments)
    changes: dict[str, list[Amendment]] = {pid: [] for pid, _, _ in built}
    last = built[-1][0]
    for a in convenant.amendments:
        if a.kind is not AmendmentKind.change:
            continue
        target = (a.period or last, a.line or main)
        if target not in commitments:
            continue
        changes[target[0]].append(a)
        listed = commitments[target]
        for new in a.replace:
            for i, old in enumerate(listed):
                if old.id == new.id:
                    listed[i] = new
        listed.extend(a.add)
        listed[:] = [c for c in listed if c.id not in a.remove]
    return tuple(
        Period(
            id=pid,
            convenant=conv.model_copy(
                update={
                    "result_commitments": tuple(commitments[(pid, main)]),
                    "addenda": tuple(
                        addendum.model_copy(update={"result_commitments": tuple(commitments[(pid, addendum.id)])})
                        for addendum in conv.addenda
                    ),
                }
            ),
            extension=ext,
            changes=tuple(changes[pid]),
        )
        for pid, conv, ext in built
    )


def merge_reason(found: tuple[Period, ...]) -> str | None:
    """Why the periods cannot be settled as one term (S17 reading ``extension.merged``), or None when they can.

    One daily rate over all days (``max / (FTE × days)``) and one payout need one funded FTE
    and one funding split for every period, in every line (S19: "``extension.merged`` merges each
    line's periods into one term"); a line that has no budget in some period cannot be spread over
    every day of the term either.
    """
    if len(found) < 2:
        return "single"
    first = found[0].convenant
    for p in found[1:]:
        if p.convenant.consultants_fte != first.consultants_fte or p.convenant.funding != first.funding:
            return "differ"
    lines = [tuple(a.id for a in p.convenant.addenda) for p in found]
    if any(ids != lines[0] for ids in lines):
        return "lines"
    for p in found[1:]:
        for a, b in zip(first.addenda, p.convenant.addenda, strict=True):
            if (a.consultants_fte, a.funding) != (b.consultants_fte, b.funding):
                return "differ"
    return None


def merged(found: tuple[Period, ...]) -> Period:
    """S17 reading ``extension.merged``: the periods as one term (SPEC §11).

    "the periods are settled as one term: the maxima added, one daily rate over all days,
    all commitments judged together". The merged period keeps the agreement's id; its
    amendments are every period's. S19: each line's periods are merged the same way ("its maxima
    and consultant funding added, one daily rate over all its days, all its commitments judged
    together"); a consultant funding left to its default in every period stays so (all of the
    merged maximum).
    """
    first, last = found[0].convenant, found[-1].convenant
    addenda = []
    for i, addendum in enumerate(first.addenda):
        each = [p.convenant.addenda[i] for p in found]
        explicit = any(a.consultant_funding is not None for a in each)
        addenda.append(
            addendum.model_copy(
                update={
                    "max_subsidy": sum((a.max_subsidy for a in each), ZERO),
                    "consultant_funding": sum((consultant_funding(a) for a in each), ZERO) if explicit else None,
                    "result_commitments": tuple(c for a in each for c in a.result_commitments),
                }
            )
        )
    conv = first.model_copy(
        update={
            "term": first.term.model_copy(update={"end": last.term.end}),
            "max_subsidy": sum((p.convenant.max_subsidy for p in found), ZERO),
            "result_commitments": tuple(c for p in found for c in p.convenant.result_commitments),
            "addenda": tuple(addenda),
        }
    )
    return Period(found[0].id, conv, None, tuple(a for p in found for a in p.amendments))


def continued_addendum(before: Addendum, more: ContinuedAddendum) -> Addendum:
    """S19 — an addendum as an extension continues it: its budget in the new period.

    SPEC S19: "An ``extension`` amendment may list ``addenda: [{id, max_subsidy, consultants_fte?,
    consultant_funding?, funding?, result_commitments?}]`` for the addenda it continues (defaults: the
    previous period's values for that line; commitments are required when its result share is > 0)".
    ``before`` is the addendum as it was in the last period that had it (its funding resolved). A
    consultant funding left to its default there stays a default (None): all of the new maximum.
    """
    return before.model_copy(
        update={
            "max_subsidy": more.max_subsidy,
            "consultants_fte": more.consultants_fte if more.consultants_fte is not None else before.consultants_fte,
            "consultant_funding": more.consultant_funding
            if more.consultant_funding is not None
            else before.consultant_funding,
            "funding": more.funding or before.funding,
            "result_commitments": tuple(more.result_commitments or ()),
        }
    )


def consultant_funding(addendum: Addendum) -> Decimal:
    """S19 — the part of an addendum's maximum that funds its consultants.

    SPEC S19: "``consultant_funding``: the part of max_subsidy that funds those consultants;
    default: all of it when consultants_fte > 0, else 0".
    """
    if addendum.consultant_funding is not None:
        return addendum.consultant_funding
    return addendum.max_subsidy if addendum.consultants_fte > 0 else ZERO
