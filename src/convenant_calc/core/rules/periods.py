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

from dataclasses import dataclass

from convenant_calc.core.models import Amendment, AmendmentKind, Convenant, ResultCommitment
from convenant_calc.core.money import ZERO


@dataclass(frozen=True)
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
    """S14 — the settlement periods of an agreement, in order, with their commitments as amended.

    Extensions are periods in the order listed. A change applies to its
    ``period``, or by default to the last period of the agreement (counting
    every extension, wherever it is listed); changes apply in the order listed:
    ``replace`` puts the new commitment in the old one's place, ``add``
    appends, ``remove`` drops.
    """
    if not convenant.amendments:  # the agreement as signed is its only period (and settles as it always did)
        return (Period(convenant.id, convenant, None, ()),)
    base = convenant.model_copy(update={"amendments": ()})
    built: list[tuple[str, Convenant, Amendment | None]] = [(convenant.id, base, None)]
    for a in convenant.amendments:
        if a.kind is not AmendmentKind.extension or a.term is None or a.max_subsidy is None:
            continue
        previous = built[-1][1]
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
                    }
                ),
                a,
            )
        )
    commitments: dict[str, list[ResultCommitment]] = {pid: list(c.result_commitments) for pid, c, _ in built}
    changes: dict[str, list[Amendment]] = {pid: [] for pid, _, _ in built}
    last = built[-1][0]
    for a in convenant.amendments:
        if a.kind is not AmendmentKind.change:
            continue
        target = a.period or last
        if target not in commitments:
            continue
        changes[target].append(a)
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
            convenant=conv.model_copy(update={"result_commitments": tuple(commitments[pid])}),
            extension=ext,
            changes=tuple(changes[pid]),
        )
        for pid, conv, ext in built
    )


def merge_reason(found: tuple[Period, ...]) -> str | None:
    """Why the periods cannot be settled as one term (S17 reading ``extension.merged``), or None when they can.

    One daily rate over all days (``max / (FTE × days)``) and one payout need one funded FTE
    and one funding split for every period.
    """
    if len(found) < 2:
        return "single"
    first = found[0].convenant
    for p in found[1:]:
        if p.convenant.consultants_fte != first.consultants_fte or p.convenant.funding != first.funding:
            return "differ"
    return None


def merged(found: tuple[Period, ...]) -> Period:
    """S17 reading ``extension.merged``: the periods as one term (SPEC §11).

    "the periods are settled as one term: the maxima added, one daily rate over all days,
    all commitments judged together". The merged period keeps the agreement's id; its
    amendments are every period's.
    """
    first, last = found[0].convenant, found[-1].convenant
    conv = first.model_copy(
        update={
            "term": first.term.model_copy(update={"end": last.term.end}),
            "max_subsidy": sum((p.convenant.max_subsidy for p in found), ZERO),
            "result_commitments": tuple(c for p in found for c in p.convenant.result_commitments),
        }
    )
    return Period(found[0].id, conv, None, tuple(a for p in found for a in p.amendments))
