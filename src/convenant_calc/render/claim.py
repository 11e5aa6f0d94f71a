"""S21: the claim for payment as Markdown or HTML (templates ``claim.md.j2``, ``claim.html.j2``).

The templates only lay out the :class:`~convenant_calc.views.claim.Claim`; every word and figure is
in it already. The PDF is the HTML printed by :mod:`convenant_calc.render.pdf`, as the report's is:
one A4 page for a typical claim, signed by hand.
"""

from __future__ import annotations

from convenant_calc.render.report import environment
from convenant_calc.views.claim import Claim


def markdown(claim: Claim) -> str:
    """The claim in Markdown (text escaped by the ``md`` filter)."""
    return environment(False).get_template("claim.md.j2").render(c=claim).rstrip("\n") + "\n"


def html(claim: Claim) -> str:
    """The claim as one HTML page, with its print style sheet (A4)."""
    return environment(True).get_template("claim.html.j2").render(c=claim)
