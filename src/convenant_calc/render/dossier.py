"""The auditor's dossier (S23): the printed report carrying its own inputs, the settlement JSON and the workbook.

S23: "`convenant pack CASE --output dossier.pdf` writes the printed report (as `--format pdf`)
with the case's input files, the settlement JSON and the workbook embedded in it as PDF file
attachments (each with its SHA-256 in its description), and with the document's dates taken from
`SOURCE_DATE_EPOCH` when it is set, so the same inputs give the same bytes."

The file is an ordinary PDF: any viewer shows the report and lists the attachments (the document
opens on its attachment panel), and ``pdfdetach -saveall`` writes them out. Its layout:

- the pages of the printed report, as ``settle --format pdf`` prints them;
- the case's input files under their case names, ``convenant.yaml`` (also for an agreement
  bundled with the tool, so that the attachments saved into a directory are a case to settle),
  ``absences.yaml``, ``results.yaml``, ``payments.yaml`` and ``costs.yaml`` (those the case has), each an
  associated file of relationship /Source;
- ``settlement.json`` (``settle --format json``) and the workbook (``settle --format xlsx``),
  relationship /Data;
- each attachment's description ends in ``SHA-256 <64 hex digits>`` of its bytes;
- the document information holds ``/ConvenantDossier (convenant-dossier/1)`` and
  ``/ConvenantInputHash``: the input hash the report prints on every page (the SHA-256 of the
  input files' SHA-256 digests, one a line, in the order convenant, absences, results, payments).

:func:`pack` writes one, :func:`unpack` reads one back and :func:`altered` lists what no longer
matches. pikepdf (qpdf) is imported only here and in :mod:`.pdf`.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from convenant_calc.render.pdf import pdf_date
from convenant_calc.render.report import hash_of_inputs

MARK = "convenant-dossier/1"
SETTLEMENT = "settlement.json"
#: The input files in the order of the input hash (the report's input table), under their case names.
INPUTS = ("convenant.yaml", "absences.yaml", "results.yaml", "payments.yaml", "costs.yaml")  # costs: S20
_MARK_KEY = "/ConvenantDossier"
_HASH_KEY = "/ConvenantInputHash"
_SHA = re.compile(r"SHA-256 ([0-9a-f]{64})\s*$")
_MIME = {".yaml": "application/yaml", ".json": "application/json",
         ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class NotADossier(Exception):
    """The file is not a PDF, or a PDF that ``convenant pack`` did not write: exit 2."""


@dataclass(frozen=True)
class Attachment:
    """One embedded file: its name in the dossier, its bytes and what it is (said in its description)."""

    name: str
    data: bytes
    what: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def description(self) -> str:
        return f"{self.what}; SHA-256 {self.sha256}"

    @property
    def is_input(self) -> bool:
        return self.name in INPUTS


@dataclass(frozen=True)
class Dossier:
    """A dossier read back: its mark, the input hash it carries, and each attachment with its description."""

    mark: str | None
    input_hash: str | None
    attachments: dict[str, tuple[str, bytes]]  # name → (description, bytes)

    @property
    def inputs(self) -> dict[str, bytes]:
        """The input files, in the order of the input hash."""
        return {name: self.attachments[name][1] for name in INPUTS if name in self.attachments}

    @property
    def settlement(self) -> bytes | None:
        found = self.attachments.get(SETTLEMENT)
        return None if found is None else found[1]


def pack(report: bytes, attachments: Sequence[Attachment], digest: str, moment: datetime) -> bytes:
    """The printed ``report`` (PDF bytes) with ``attachments`` embedded and the input hash ``digest``, dated
    ``moment``: the same arguments give the same bytes."""
    import pikepdf

    stamp = pdf_date(moment)
    with pikepdf.open(io.BytesIO(report)) as doc:
        for a in attachments:
            suffix = a.name[a.name.rfind(".") :]
            doc.attachments[a.name] = pikepdf.AttachedFileSpec(
                doc,
                a.data,
                description=a.description,
                filename=a.name,
                mime_type=_MIME.get(suffix, "application/octet-stream"),
                creation_date=stamp,
                mod_date=stamp,
                relationship=pikepdf.Name.Source if a.is_input else pikepdf.Name.Data,
            )
        doc.Root.PageMode = pikepdf.Name.UseAttachments  # a viewer opens on the list of attachments
        doc.docinfo[pikepdf.Name(_MARK_KEY)] = pikepdf.String(MARK)
        doc.docinfo[pikepdf.Name(_HASH_KEY)] = pikepdf.String(digest)
        doc.docinfo[pikepdf.Name.ModDate] = pikepdf.String(stamp)
        out = io.BytesIO()
        doc.save(out, deterministic_id=True)
    return out.getvalue()


def unpack(data: bytes) -> Dossier:
    """Read a dossier's mark, input hash and attachments; :class:`NotADossier` for anything else."""
    import pikepdf

    if not data.lstrip()[:5] == b"%PDF-":
        raise NotADossier("it is not a PDF file (it does not start with %PDF-)")
    try:
        with pikepdf.open(io.BytesIO(data)) as doc:
            info = doc.docinfo
            mark = str(info[_MARK_KEY]) if _MARK_KEY in info else None
            digest = str(info[_HASH_KEY]) if _HASH_KEY in info else None
            files = {}
            for name, spec in doc.attachments.items():
                files[str(name)] = (str(spec.description or ""), spec.get_file().read_bytes())
    except pikepdf.PasswordError:
        raise NotADossier("it is encrypted with a password; a dossier never is") from None
    except (pikepdf.PdfError, KeyError, ValueError) as exc:
        raise NotADossier(f"it cannot be read as a PDF ({exc})") from None
    if mark != MARK:
        why = "it carries no dossier mark" if mark is None else f"its mark is {mark!r}, not {MARK!r}"
        raise NotADossier(f"{why}; convenant pack CASE --output FILE.pdf writes one")
    return Dossier(mark, digest, files)


def altered(d: Dossier, workbooks: Sequence[str]) -> list[str]:
    """What no longer matches in a dossier, one sentence each; [] when every attachment is as packed.

    Each attachment's bytes against the SHA-256 in its description; the input files together against the
    input hash; and the set of files: the settlement, the convenant and results files and the
    ``workbooks`` expected must be there, and nothing else.
    """
    problems = []
    for name, (description, data) in d.attachments.items():
        found = _SHA.search(description)
        if found is None:
            problems.append(f"{name}: its description gives no SHA-256 (it was replaced or added)")
        elif hashlib.sha256(data).hexdigest() != found.group(1):
            problems.append(
                f"{name} was altered: its description gives SHA-256 {found.group(1)}, "
                f"its content has {hashlib.sha256(data).hexdigest()}"
            )
    expected = {SETTLEMENT, "convenant.yaml", "results.yaml", *workbooks}
    for name in sorted(expected - d.attachments.keys()):
        problems.append(f"{name} is missing: every dossier carries it")
    for name in sorted(d.attachments.keys() - expected - set(INPUTS)):
        problems.append(f"{name} is not a file convenant pack embeds (it was added)")
    digest = hash_of_inputs(hashlib.sha256(data).hexdigest() for data in d.inputs.values())
    if d.input_hash != digest:
        problems.append(
            f"the input files do not give the report's input hash {d.input_hash} but {digest}: "
            "an input file was altered, removed or added"
        )
    return problems


def settlement_of(d: Dossier) -> dict | None:
    """The embedded settlement JSON as a mapping, or None when it is not one."""
    try:
        data = json.loads(d.settlement or b"")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
