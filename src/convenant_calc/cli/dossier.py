"""`convenant pack` and `convenant verify`: one file for the auditor, and checking it (S23).

S23: "`convenant verify dossier.pdf` extracts the attachments, checks their hashes against the
report's input hash, settles the inputs again and compares every figure with the embedded JSON:
exit 0 and one line when all hold; exit 1 with each differing figure; exit 2 when the file is not
a dossier or an attachment was altered."

``pack`` settles the case as ``settle`` does (:func:`.commands.settle_case`) and takes the report,
the JSON and the workbook from the same functions as ``settle --output`` (:func:`.commands.document`);
:mod:`convenant_calc.render.dossier` puts them in one PDF. ``verify`` reads the options a dossier was
packed with from its JSON (``period``, ``as_of``, ``readings_applied``, ``readings``), so that settling its inputs
again is the same settlement. The workbook holds the whole settlement, every period and funding line
(S14, S19), so a dossier carries one.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from collections.abc import Sequence
from contextlib import redirect_stderr
from datetime import datetime, timezone
from io import StringIO
from pathlib import Path
from typing import Any

from convenant_calc.cli.commands import (
    EXTENSIONS,
    Failed,
    Settled,
    Usage,
    _case_name,
    document,
    guarded,
    say,
    settle_case,
    settle_request,
    source_date,
    write_file,
)
from convenant_calc.core.text import visible  # a dossier's content is input: never control codes on the terminal

WORKBOOK = "settlement.xlsx"


def run_pack(
    case_dir: Path,
    output: Path,
    lang: str = "en",
    as_of: str | None = None,
    show_readings: bool = False,
    reading_ids: Sequence[str] = (),
    period: str | None = None,
) -> int:
    """`convenant pack CASE --output dossier.pdf`: the printed report with the case's input files, the
    settlement JSON and the workbook attached; bad input as for `settle` (exit 2, nothing written)."""

    def make():
        named = EXTENSIONS.get(output.suffix.lower())
        if named not in (None, "pdf"):
            raise Usage(f"{output}: a dossier is a PDF, and the extension {output.suffix} names {named}; name it .pdf")
        request = settle_request(case_dir, "pdf", lang, output, False, show_readings, reading_ids, period, None, as_of)
        moment = source_date() or datetime.now(timezone.utc).replace(microsecond=0)
        settled = settle_case(request, "pack")
        return settled, moment, document(settled, "pdf", lang, moment)

    made = guarded(make)
    if isinstance(made, int):
        return made
    settled, moment, report = made
    from convenant_calc.render import dossier

    case = _case_name(settled.case_dir)
    files = input_attachments(settled, lang)
    settlement = _utf8(document(settled, "json", lang))
    files.append(dossier.Attachment(dossier.SETTLEMENT, settlement, _said(lang, "dossier_settlement", case=case)))
    files.extend(workbooks(settled, lang))
    digest = _hash_of(f for f in files if f.is_input)
    return write_file(output, dossier.pack(report, files, digest, moment), sys.stderr)


def input_attachments(s: Settled, lang: str) -> list:
    """The case's input files, read once, under their case names (the bundled agreement as convenant.yaml)."""
    from convenant_calc import __version__
    from convenant_calc.io.bundled import data_dir
    from convenant_calc.io.loading import FILES
    from convenant_calc.render.dossier import Attachment
    from convenant_calc.views.labels import Lang

    t = Lang(lang)
    bundled = data_dir().resolve()
    files = []
    for role, name in FILES.items():
        path = s.loaded.sources.get(role)
        if path is None:
            continue
        what = t("dossier_input", case=_case_name(s.case_dir), role=t(f"role_{role}"))
        if path.resolve().parent == bundled:
            what += f" ({t('dossier_bundled', name=path.name, version=__version__)})"
        files.append(Attachment(name, path.read_bytes(), what))
    return files


def workbooks(s: Settled, lang: str) -> list:
    """The workbook of the settlement, as ``settle --format xlsx`` writes it: every period and funding line of it
    (S14, S19). None under ``--as-of`` (the workbook holds no interim position) or ``--reading`` (its formulas
    follow the default readings), as ``settle`` refuses those."""
    from convenant_calc.render.dossier import Attachment

    if s.positions is not None or _readings_applied(s):
        return []
    case = _case_name(s.case_dir)
    return [Attachment(WORKBOOK, document(s, "xlsx", lang), _said(lang, "dossier_workbook", case=case))]


def expected_workbooks(settlement: dict) -> list[str]:
    """The workbooks a dossier of this settlement JSON carries (as :func:`workbooks` made them)."""
    if "as_of" in settlement or _applied_in(settlement):
        return []
    return [WORKBOOK]


def run_verify(path: Path) -> int:
    """`convenant verify dossier.pdf`: exit 0 and one line when the dossier holds; 1 with each figure that
    its inputs no longer settle to; 2 when it is not a dossier or an attachment was altered."""
    from convenant_calc.render import dossier

    try:
        data = path.read_bytes()
    except OSError as exc:
        say(f"{path}: cannot read it: {exc.strerror or exc}")
        return 2
    try:
        d = dossier.unpack(data)
    except dossier.NotADossier as exc:
        say(f"{path}: not a convenant dossier: {exc}")
        return 2
    embedded = dossier.settlement_of(d)
    problems = dossier.altered(d, expected_workbooks(embedded) if embedded is not None else [])
    if embedded is None and not problems:
        problems.append(f"{dossier.SETTLEMENT} is not a settlement's JSON")
    if problems:
        for line in problems:
            say(f"{path}: {line}")
        say(f"{path}: the dossier was altered after it was packed; nothing was settled")
        return 2
    again = _settle_again(path, d.inputs, embedded)
    if isinstance(again, int):
        return again
    expected, actual = figures(embedded), figures(again)
    differing = [key for key in {**expected, **actual} if expected.get(key, _ABSENT) != actual.get(key, _ABSENT)]
    if differing:
        print(visible(
            f"{path}: {len(differing)} {'figure differs' if len(differing) == 1 else 'figures differ'} between its "
            f"{dossier.SETTLEMENT} and the settlement of its input files:"
        ))
        for key in differing:
            print(visible(
                f"  {key}: the dossier says {_shown(expected.get(key, _ABSENT))}, "
                f"settled again {_shown(actual.get(key, _ABSENT))}"
            ))
        return 1
    total = embedded.get("total", embedded)
    print(visible(
        f"{path}: ok: {len(d.attachments)} attachments as packed (input hash {d.input_hash[:16]}…), and its "
        f"{len(d.inputs)} input files settle again to each of the {len(expected)} figures of {dossier.SETTLEMENT} "
        f"(subsidy {total.get('subsidy')}, balance {total.get('balance')})"
    ))
    return 0


def _settle_again(path: Path, inputs: dict[str, bytes], embedded: dict) -> dict | int:
    """Settle the dossier's input files as pack did (the options read from its JSON), as JSON; or exit 2."""
    as_of = embedded.get("as_of")
    if as_of is not None and not isinstance(as_of, str):
        say(f"{path}: settlement.json: as_of {as_of!r} is not a date")
        return 2
    ids = tuple(str(i) for i in _applied_in(embedded))
    with tempfile.TemporaryDirectory(prefix="convenant-verify-") as tmp:
        case = Path(tmp) / "case"
        case.mkdir()
        for name, data in inputs.items():
            (case / name).write_bytes(data)
        said = StringIO()
        with redirect_stderr(said):
            period = embedded.get("period")  # S14: the dossier of one period of several (pack --period)
            try:
                request = settle_request(case, "json", "en", None, False, "readings" in embedded, ids, period, None, as_of)
                settled: Settled | int = settle_case(request, "verify")
            except Usage as exc:
                say(exc)
                settled = 2
            except Failed:
                settled = 2
        from convenant_calc.io.problems import display_path

        for line in said.getvalue().splitlines():  # the input files' problems, at their place in the dossier
            for prefix in {f"{display_path(case)}/", f"{case}/"}:
                line = line.replace(prefix, f"{path}/")
            say(line)
        if isinstance(settled, int):
            say(f"{path}: its input files cannot be settled again (above)")
            return settled
        return json.loads(document(settled, "json", "en"))


_ABSENT = object()


def figures(value: Any, key: str = "") -> dict[str, Any]:
    """Every figure of a settlement's JSON by its place: ``subsidy``, ``deduction.amount``,
    ``periods[verlenging-2025].balance``, ``readings[rate.calendar-365].difference``, ``pending[0]``."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(figures(v, f"{key}.{k}" if key else str(k)))
        return out
    if isinstance(value, list):
        out = {}
        for i, item in enumerate(value):
            name = _name(item, i)
            out.update(figures(item, f"{key}[{name}]"))
        return out or {key: []}
    return {key: value}


def _name(item: Any, i: int) -> Any:
    """How a list entry is named in :func:`figures`: its period (and line, S19), or its id, or its place."""
    if not isinstance(item, dict):
        return i
    if "line" in item and "period" in item:
        return f"{item['period']}/{item['line']}"
    return item.get("period", item.get("line", item.get("id", i)))


def _applied_in(settlement: dict) -> list:
    """The alternative readings a settlement's JSON was settled under (S17): its ``readings_applied``, or
    those of its periods or settlements (``convenant-settlement/2`` and ``/3``; every one is settled under
    the same)."""
    parts = settlement.get("settlements", settlement.get("periods"))
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], dict) else {}
    applied = settlement.get("readings_applied") or first.get("readings_applied") or []
    return applied if isinstance(applied, list) else []


def _shown(value: Any) -> str:
    if value is _ABSENT:
        return "nothing"
    return value if isinstance(value, str) else json.dumps(value)


def _hash_of(inputs) -> str:
    from convenant_calc.render.report import hash_of_inputs

    return hash_of_inputs(f.sha256 for f in inputs)


def _readings_applied(s: Settled) -> bool:
    from convenant_calc.core.readings import applied

    return any(applied(p.readings) for p in s.selected.settlements)


def _said(lang: str, key: str, **values: str) -> str:
    from convenant_calc.views.labels import Lang

    return Lang(lang)(key, **values)


def _utf8(text: str | bytes) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else text
