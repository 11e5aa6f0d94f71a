"""`convenant claim CASE` (S21): the claim for payment of the final settlement; load, refuse, settle, render, write.

SPEC S21: "A claim needs every result reported (no pending ones) and, under the default reading, a
``costs.yaml``; otherwise it is refused with the reason (exit 2)." The case is loaded with pending
results allowed so that the refusal can name them; every reason (:data:`REFUSALS`) is said at once,
and nothing is written. The figures are those of ``settle --format json`` for the whole agreement:
every period and line, the subsidy capped by the cost statement (S20).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from convenant_calc.cli.commands import (
    EXTENSIONS,
    Failed,
    Usage,
    _prepare,
    chosen_format,
    chosen_readings,
    emitted,
    printed,
    say,
    source_date,
)

if TYPE_CHECKING:
    from convenant_calc.core.readings import Readings
    from convenant_calc.core.settlement import AgreementSettlement
    from convenant_calc.io.loading import LoadedCase

FORMATS = ("markdown", "html", "pdf")
DEFAULT_LANG = "nl"  # SPEC S21: "--lang nl by default" (the claim goes to a Flemish department)


def claim_format(fmt: str | None, output: Path | None) -> str:
    """``--format``, else the one the --output file's extension names (.md .html .pdf), else Markdown.

    A contradiction, an extension that names another format, and a PDF without --output are refused.
    """
    named = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if named is not None and named not in FORMATS:
        raise Usage(f"{output}: a claim is written as {', '.join(FORMATS)}; give the file the extension .md, .html or .pdf")
    chosen = chosen_format(fmt, output, default="markdown")
    if chosen == "pdf" and output is None:
        raise Usage("--format pdf writes a file: give --output FILE.pdf")
    return chosen


def _no_beneficiary(loaded: LoadedCase, readings: Readings, a: AgreementSettlement) -> str | None:
    """S21: the claim names the beneficiary who receives the balance and signs (the payer may be left out)."""
    if loaded.case.convenant.beneficiary is not None:
        return None
    return (
        f"{_shown(loaded, 'convenant')}: the agreement names no beneficiary, and a claim is made out by it (S21); "
        'add e.g. beneficiary: {name: V.V.S.G. vzw, address: "Bischoffsheimlaan 1-8, 1000 Brussel", '
        'company_number: "0451.857.573", iban: "BE10 0910 1156 9604", representatives: [{name: ..., role: ...}]}'
    )


def _readings_apply(loaded: LoadedCase, readings: Readings, a: AgreementSettlement) -> str | None:
    """S17: each reading chosen applies to the case (``costs.not-capped`` needs a cost statement)."""
    from convenant_calc.core.readings import not_applicable_to

    return "\n".join(f"--reading {line}" for line in not_applicable_to(loaded.case, readings)) or None


def _no_costs(loaded: LoadedCase, readings: Readings, a: AgreementSettlement) -> str | None:
    """S20, S21: under the default reading a claim needs the cost statement: the subsidy paid is at most
    the eligible costs, and without them the figures are only ceilings."""
    if loaded.case.costs is not None or not readings.costs_capped:
        return None
    return (
        f"{_case_dir(loaded)}: no costs.yaml: a claim needs the cost statement, which caps each subsidy at "
        "the eligible costs (S20, S21); add costs.yaml (convenant init writes a starter one)"
    )


def _pending(loaded: LoadedCase, readings: Readings, a: AgreementSettlement) -> str | None:
    """S21: "A claim needs every result reported (no pending ones)"."""
    pending = list(dict.fromkeys(c for s in a.settlements for c in s.results.pending))
    if not pending:
        return None
    where = _shown(loaded, "results") if "results" in loaded.sources else _case_dir(loaded)
    return (
        f"{where}: no result reported for {', '.join(pending)}: a claim needs every result (S21); "
        "add them to results.yaml (convenant settle --as-of DATE shows the interim position meanwhile)"
    )


#: Why a claim is refused (exit 2, nothing written), each said, all at once.
REFUSALS: tuple[Callable[[LoadedCase, Readings, AgreementSettlement], str | None], ...] = (
    _no_beneficiary,
    _readings_apply,
    _no_costs,
    _pending,
)


def _shown(loaded: LoadedCase, role: str) -> str:
    from convenant_calc.io.problems import display_path

    return display_path(loaded.sources[role])


def _case_dir(loaded: LoadedCase) -> str:
    from convenant_calc.io.problems import display_path

    return display_path(loaded.sources["results"].parent)


def run_claim(
    case_dir: Path | None,
    fmt: str | None = None,
    lang: str = DEFAULT_LANG,
    output: Path | None = None,
    reading_ids: Sequence[str] = (),
) -> int:
    """`convenant claim`: the claim for payment (or the repayment statement) of the final settlement."""
    return emitted(lambda: claim_document(case_dir, claim_format(fmt, output), lang, output, reading_ids), output)


def claim_document(
    case_dir: Path | None, fmt: str, lang: str, output: Path | None, reading_ids: Sequence[str]
) -> str | bytes:
    """Load the case, refuse with every reason, settle and render the claim in ``fmt``."""
    from convenant_calc.core.readings import DEFAULT
    from convenant_calc.core.settlement import settle_agreement

    chosen = chosen_readings(reading_ids)
    readings = DEFAULT if chosen is None else chosen
    moment = source_date() if fmt == "pdf" else None
    ready = _prepare(case_dir, output, False, "claim", pending_allowed=True)
    if isinstance(ready, int):
        raise Failed
    loaded, _, _ = ready
    agreement = settle_agreement(loaded.case, readings, pending_allowed=True)
    reasons = [message for check in REFUSALS if (message := check(loaded, readings, agreement)) is not None]
    if reasons:
        for line in "\n".join(reasons).splitlines():
            say(line)
        raise Failed
    return render(loaded, agreement, fmt, lang, moment)


def render(loaded: LoadedCase, agreement: AgreementSettlement, fmt: str, lang: str, moment=None) -> str | bytes:
    """The claim of ``agreement`` in ``fmt`` (markdown, html, pdf), its footer naming the input hash."""
    from convenant_calc import __version__
    from convenant_calc.io.bundled import data_dir
    from convenant_calc.render import claim as claim_render
    from convenant_calc.render.report import hash_of_inputs
    from convenant_calc.views.claim import build
    from convenant_calc.views.labels import Lang
    from convenant_calc.views.report import input_files

    digest = hash_of_inputs(f.sha256 for f in input_files(loaded.sources, data_dir()))
    model = build(agreement, Lang(lang), version=__version__, digest=digest[:16])
    if fmt == "markdown":
        return claim_render.markdown(model)
    html = claim_render.html(model)
    return html if fmt == "html" else printed(html, moment)
