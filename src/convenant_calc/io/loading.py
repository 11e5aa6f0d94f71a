"""From a case directory to a checked :class:`~convenant_calc.models.Case` (SPEC §3).

Loading collects every problem of every file before giving up, so that a
finance officer sees all mistakes at once, each as ``file:line:col: message``.
"""

from __future__ import annotations

import errno
import os
import stat
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from convenant_calc.core.text import clip, quoted
from convenant_calc.io import yamlpos
from convenant_calc.io.bundled import bundled_ids, bundled_path, data_dir
from convenant_calc.io.checks import check_case, check_cost_ids
from convenant_calc.core.money import D, fmt_plain
from convenant_calc.core.models import AbsenceKind, Case, Convenant, Costs, Model, Payments, Results, Staffing
from convenant_calc.core.schema import ValidationError
from convenant_calc.core.rules.periods import periods
from convenant_calc.io.problems import InputError, Position, Problem, below, closest, display_path, display_path_in

FILES = {
    "convenant": "convenant.yaml",
    "absences": "absences.yaml",
    "results": "results.yaml",
    "payments": "payments.yaml",
    "costs": "costs.yaml",  # S20: the cost statement (optional)
}
MODELS: dict[str, type[Model]] = {
    "convenant": Convenant,
    "absences": Staffing,
    "results": Results,
    "payments": Payments,
    "costs": Costs,
}


_EMPTY_HINTS = {
    "convenant": "write the agreement as in SPEC §3 (id, title, term, max_subsidy, ...), "
    "or delete the file and name a bundled convenant with 'convenant: <id>'",
    "absences": "write 'absences: []' for a case without absences, or delete the file",
    "results": "list the results, e.g. results: [{commitment: R1, achieved: 96}]",
    "payments": "write 'payments: []' for a case without payments, or delete the file",
    "costs": "list the costs, e.g. costs: [{date: 2024-01-31, kind: salary, amount: 5123.45, ref: loonstaat}], "
    "or delete the file (without it the figures are ceilings)",
}


@dataclass(frozen=True)
class LoadedCase:
    """A case ready to settle, the files it was read from, and any warnings."""

    case: Case
    sources: dict[str, Path]  # role -> file read (the bundled agreement included)
    warnings: list[Problem] = field(default_factory=list)
    #: role -> the parsed file, with the position of every value (the bundled agreement included)
    documents: dict[str, yamlpos.Document] = field(default_factory=dict)
    unread: tuple[str, ...] = ()  # the other entries of the case directory (a README, a letter), not read


def load_case(case_dir: Path, *, pending_allowed: bool = False, shown: str | None = None) -> LoadedCase:
    """Read, validate and cross-check a case directory; raise InputError with every problem found.

    ``pending_allowed`` (S16, ``settle --as-of``): a commitment without a reported result is
    pending, not an error; everything else is checked as always. ``shown``: ``display_path(case_dir)``
    when the caller knows it already (a generation, which names its cases from their directory's).
    """
    name = shown if shown is not None else display_path(case_dir)
    listing = _listing(case_dir, name)
    problems: list[Problem] = _unknown_files(case_dir, name, listing)
    if FILES["results"] not in listing:
        problems.append(
            Problem(
                Position(name),
                "no results.yaml in this case directory; add one with a result for each commitment "
                "(SPEC §3), or give the right directory",
            )
        )
        raise InputError(problems)

    docs: dict[str, yamlpos.Document] = {}
    models: dict[str, Any] = {}
    sources: dict[str, Path] = {}
    for role, filename in FILES.items():
        if filename not in listing:
            continue
        path = case_dir / filename
        sources[role] = path
        looked_at = _plain_file(path)
        if looked_at is not None:  # nothing to refuse, and named below the case directory as it is shown
            _read(role, path, below(name, filename), docs, models, problems, looked_at)
            continue
        refused = _refused(case_dir, path, below(name, filename))  # the link's own name, not its target's
        if refused is not None:
            problems.append(refused)
            continue
        _read(role, path, display_path_in(case_dir, name, filename), docs, models, problems)

    if "convenant" not in sources:
        _bundled_convenant(docs, models, sources, problems, name)
    else:
        _same_agreement(docs, models, problems)
    return _checked(docs, models, sources, problems, pending_allowed=pending_allowed, unread=unread_files(listing))


def agreement_id(case_dir: Path) -> str | None:
    """The agreement id :func:`load_case` would give the case, read cheaply; None when not known so.

    For a generation's first pass (S18: each agreement counted once), which must find two cases of one
    agreement before settling any: convenant.yaml's top-level ``id``, read only as far as that key, or,
    without a convenant.yaml, the bundled agreement results.yaml names. Whenever :func:`load_case` accepts
    the case, its ``case.convenant.id`` is what this returns, unless this returns None (a file it does not
    read as :func:`load_case` would, an id with surrounding spaces the model strips, a bundled agreement
    named only in another file): then only loading the case tells.
    """
    try:
        with os.scandir(case_dir) as entries:
            listing = {entry.name for entry in entries}
    except OSError:
        return None
    if FILES["convenant"] in listing:
        path = case_dir / FILES["convenant"]
        looked_at = _plain_file(path)
        if looked_at is None and _refused(case_dir, path, FILES["convenant"]) is not None:
            return None  # load_case reads nothing of it
        found = yamlpos.top_level_text(path, "id", looked_at=looked_at)
        return found if found and found == found.strip() else None  # the model strips spaces (Model config)
    if FILES["results"] not in listing:
        return None
    path = case_dir / FILES["results"]
    if _refused(case_dir, path, FILES["results"]) is not None:
        return None
    named = yamlpos.top_level_text(path, "convenant")
    if not named or bundled_path(named) is None:
        return None
    try:
        return load_bundled(named).id
    except InputError:
        return None


def case_from_documents(documents: Mapping[str, yamlpos.Document], *, pending_allowed: bool = False) -> LoadedCase:
    """A case from parsed files held in memory, checked exactly as :func:`load_case` checks the files on disk.

    ``documents`` maps a role (``convenant``, ``absences``, ``results``, ``payments``) to its parsed
    file; the agreement and the results are required (the agreement is never looked up by name here:
    give the bundled one's document, as :attr:`LoadedCase.documents` holds it). ``convenant diff`` (S22)
    settles each intermediate case between two versions so, without writing a file. Raises InputError
    with every problem, at the positions the documents know.
    """
    problems: list[Problem] = []
    docs: dict[str, yamlpos.Document] = {}
    models: dict[str, Any] = {}
    for role in FILES:
        if role in documents:
            docs[role] = documents[role]
            _validate(role, docs[role], Path(docs[role].file).name, models, problems)
    missing = [FILES[role] for role in ("convenant", "results") if role not in docs]
    if missing:
        raise InputError([Problem(Position(name), "required, and not given") for name in missing])
    _same_agreement(docs, models, problems)
    sources = {role: Path(doc.file) for role, doc in docs.items()}
    return _checked(docs, models, sources, problems, pending_allowed=pending_allowed)


def _same_agreement(docs: dict, models: dict, problems: list[Problem]) -> None:
    """A file that names its agreement (``convenant: <id>``) must name the one in convenant.yaml."""
    conv = models.get("convenant")
    for role in ("absences", "results", "payments", "costs"):
        named = getattr(models.get(role), "convenant", None)
        if named and conv is not None and named != conv.id:
            problems.append(
                Problem(
                    docs[role].position(("convenant",)),
                    f"names convenant {quoted(named)} but convenant.yaml is {quoted(conv.id)}; "
                    "make the ids the same",
                )
            )


def _checked(
    docs: dict, models: dict, sources: dict, problems: list[Problem], *, pending_allowed: bool, unread: Sequence[str] = ()
) -> LoadedCase:
    """The checks across files, then the case; InputError with every problem when there is an error.
    ``unread``: the other entries of the case directory (:attr:`LoadedCase.unread`)."""
    _cross_checks(docs, models, sources, problems, pending_allowed=pending_allowed)

    if any(not p.warning for p in problems):
        raise InputError(problems)
    # Each part is a model validated above and Case adds no rule of its own: model_construct (the
    # constructor for validated data) spares validating each part again
    case = Case.model_construct(
        convenant=models["convenant"],
        staffing=models["absences"] if "absences" in models else Staffing(),  # a default made only when missing
        results=models["results"],
        payments=models["payments"] if "payments" in models else Payments(),
        costs=models.get("costs"),
    )
    warnings = sorted(problems, key=lambda p: p.sort_key)
    return LoadedCase(case=case, sources=sources, warnings=warnings, documents=dict(docs), unread=tuple(unread))

#: The files a case directory may hold besides these (SPEC §3): the expected figures of `convenant check`.
OTHER_FILES = ("expected.yaml",)
#: Names a Dutch-speaking officer may give the files, and the name the tool reads.
DUTCH_NAMES = {
    "convenant": "convenant.yaml",
    "sectorconvenant": "convenant.yaml",
    "overeenkomst": "convenant.yaml",
    "afwezigheden": "absences.yaml",
    "afwezigheid": "absences.yaml",
    "consulenten": "absences.yaml",
    "personeel": "absences.yaml",
    "resultaten": "results.yaml",
    "resultaat": "results.yaml",
    "resultaatsverbintenissen": "results.yaml",
    "verbintenissen": "results.yaml",
    "betalingen": "payments.yaml",
    "betaling": "payments.yaml",
    "voorschotten": "payments.yaml",
    "voorschot": "payments.yaml",
    "uitbetalingen": "payments.yaml",
    "verwacht": "expected.yaml",
    "verwachting": "expected.yaml",
}
DATA_SUFFIXES = (".yaml", ".yml", ".json")
_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def _listing(case_dir: Path, name: str) -> set[str]:
    """The names in the case directory; InputError when it is not a directory that can be listed."""
    try:
        with os.scandir(case_dir) as entries:
            return {entry.name for entry in entries}
    except FileNotFoundError:
        what = "is a link to nothing" if os.path.islink(case_dir) else "does not exist"
    except NotADirectoryError:
        what = "is not a directory"
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise InputError(
                [
                    Problem(
                        Position(name),
                        f"case directory cannot be read ({exc.strerror or exc}); check its permissions "
                        "and those of the directories above it",
                    )
                ]
            ) from None
        what = "is a loop of symbolic links"
    raise InputError([Problem(Position(name), f"case directory {what}; give the directory that holds results.yaml")])


def _unknown_files(case_dir: Path, name: str, listing: set[str]) -> list[Problem]:
    """An entry the case would not read but that may hold what the user meant is an error, not ignored.

    A near miss of a case file's name (:func:`near_miss`: ``payments.yaml.txt``, ``payments.yaml~``,
    ``Payments.yml``, ``.payments.yaml``, ``payments``) names the file it stands for: skipped, a
    ``payments.yaml.txt`` settled examples/07 without its advances. Any other ``*.yaml``, ``*.yml``
    or ``*.json`` is refused with the name it most likely meant (``afwezigheden.yaml`` →
    ``absences.yaml``). Other files (README.md, a scanned letter) and other hidden files
    (``.gitkeep``, an editor's swap file) are left alone: :func:`unread_files` lists them.
    """
    known = [*FILES.values(), *OTHER_FILES]
    problems = []
    for entry in sorted(listing):
        if entry in known:
            continue
        shown = Position(display_path_in(case_dir, name, entry))
        stands_for = near_miss(entry, directory=_is_directory(case_dir / entry))
        if stands_for is not None:
            if stands_for in listing:
                todo = (
                    f"is a second {stands_for} by its name, and only {stands_for} is read; "
                    "move it out of the case directory, or delete it"
                )
            else:
                todo = (
                    f"is not named {stands_for} exactly, so it would not be read; rename it to {stands_for}, "
                    "or move it out of the case directory"
                )
            problems.append(Problem(shown, f"{quoted(entry)} {todo}"))
            continue
        stem, dot, suffix = entry.rpartition(".")
        if entry.startswith(".") or not dot or f".{suffix.lower()}" not in DATA_SUFFIXES:
            continue
        meant = _meant(stem, known)
        todo = f"did you mean {meant}? rename it" if meant else f"a case holds only {', '.join(known)}; rename it"
        problems.append(
            Problem(
                shown,
                f"a file this case does not know, so it would be ignored; {todo}, or move it out of the case directory",
            )
        )
    return problems


#: What a near miss of a case file's name ends in besides the name (an editor's backup, a copy, an export).
_LEFTOVERS = ("~", ".bak", ".orig", ".old", ".txt")
#: Characters that show as nothing: zero-width spaces and joiners, the word joiner, the byte-order mark.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def normalised(entry: str) -> str:
    """A directory entry's name as a person reads it: the form two names that look alike share.

    Unicode NFKC, case-folded, accents and invisible characters removed, surrounding spaces and a
    leading dot dropped, an editor's or a copy's ending (``~``, ``.bak``, ``.orig``, ``.old``,
    ``.txt``) dropped, ``.yml`` read as ``.yaml``: ``" .Payments.YML.bak~"`` → ``"payments.yaml"``.
    """
    import unicodedata

    text = unicodedata.normalize("NFKC", entry).casefold().translate(_INVISIBLE)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.strip()
    if text.startswith("."):
        text = text[1:].strip()
    while True:
        ending = next((e for e in _LEFTOVERS if text.endswith(e) and len(text) > len(e)), None)
        if ending is None:
            break
        text = text[: -len(ending)].strip()
    if text.endswith(".yml"):
        text = text[: -len(".yml")] + ".yaml"
    return text


def near_miss(entry: str, *, directory: bool = False) -> str | None:
    """The case file (SPEC §3) ``entry`` stands for without being it, or None.

    ``entry`` is a near miss when its :func:`normalised` name is a case file's name, or, for a file
    without an extension, its stem (``payments``); a folder ``payments/`` of scanned receipts is not one.
    """
    known = (*FILES.values(), *OTHER_FILES)
    if entry in known:
        return None
    plain = normalised(entry)
    if plain in known:
        return plain
    if not directory and "." not in plain and f"{plain}.yaml" in known:
        return f"{plain}.yaml"
    return None


def _is_directory(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def unread_files(listing: set[str]) -> list[str]:
    """The entries of a case directory that no command reads (a README, a scanned letter), in name order.

    Only those :func:`_unknown_files` allows are left; ``validate`` lists them, so nothing goes unmentioned.
    """
    known = {*FILES.values(), *OTHER_FILES}
    return sorted(entry for entry in listing if entry not in known)


def is_case_directory(directory: Path) -> bool:
    """Whether ``directory`` holds anything of a case: a case file or a near miss of one (even a link to
    nothing), or any ``*.yaml``, ``*.yml`` or ``*.json``. A directory of ``*.yml`` files alone is a case
    (it fails, naming them), never a directory to pass over."""
    try:
        with os.scandir(directory) as entries:
            names = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries]
    except PermissionError:  # it may hold a case: settling it says what could not be read
        return True
    except OSError:
        return False
    for entry, is_dir in names:
        if entry in FILES.values() or near_miss(entry, directory=is_dir) is not None:
            return True
        suffix = entry.rpartition(".")[2].lower()
        if not entry.startswith(".") and "." in entry and f".{suffix}" in DATA_SUFFIXES:
            return True
    return False


def _meant(stem: str, known: list[str]) -> str | None:
    """The case file a stem most likely means: the same name in other letters or another suffix, Dutch, or alike."""
    plain = stem.strip().lower()
    for name in known:
        if plain == name.rsplit(".", 1)[0]:
            return name
    if plain in DUTCH_NAMES:
        return DUTCH_NAMES[plain]
    hint = closest(plain, [n.rsplit(".", 1)[0] for n in known] + list(DUTCH_NAMES))
    if hint is None:
        return None
    return DUTCH_NAMES.get(hint, f"{hint}.yaml")


def _plain_file(path: Path) -> os.stat_result | None:
    """The ``lstat`` of a regular file, not a link: what :func:`_refused` accepts and :func:`display_path_in`
    names as listed, known from one look (a batch reads four files a case); None for anything else. For such
    a file it is what ``os.stat`` gives: reading the file needs no other look (issue 23)."""
    try:
        looked_at = os.lstat(path)
    except OSError:
        return None
    return looked_at if stat.S_ISREG(looked_at.st_mode) else None


def _refused(case_dir: Path, path: Path, shown: str) -> Problem | None:
    """A case file that is not a regular file, or a link that leaves the case directory, is an error.

    Skipping it would settle a different case than the one on disk (a ``payments.yaml`` that is a
    directory would drop every advance from the balance). A link may point inside the case
    directory or into the bundled data; one that leaves them is refused before anything of the
    file it points to is read or printed.
    """
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            kind = "a loop of symbolic links"
        elif exc.errno in (errno.EACCES, errno.EPERM):  # the directory lets its names be listed, not looked at
            return Problem(
                Position(shown),
                f"cannot be read ({exc.strerror}); check the permissions of the case directory (x, to open its "
                "files) and of the file",
            )
        elif os.path.islink(path):
            kind = "a symbolic link to nothing"
        else:
            kind = exc.strerror or "unreadable"
        return Problem(Position(shown), f"not a readable file ({kind}); replace it with the YAML file, or remove it")
    if not stat.S_ISREG(st.st_mode):
        kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
        return Problem(Position(shown), f"not a readable file ({kind}); replace it with the YAML file, or remove it")
    if os.path.islink(path):
        target = Path(os.path.realpath(path))
        allowed = [Path(os.path.realpath(case_dir)), Path(os.path.realpath(data_dir()))]
        if not any(target.is_relative_to(root) for root in allowed):
            return Problem(
                Position(shown),
                "a symbolic link to a file outside the case directory; copy the file into the case directory",
            )
    return None


def _cross_checks(
    docs: dict, models: dict, sources: dict, problems: list[Problem], *, pending_allowed: bool = False
) -> None:
    """Run the checks across files for every file that was read without errors.

    One broken file does not hide the mistakes of the others: a check is skipped
    only when a file it needs could not be read.
    """
    broken = {p.position.file for p in problems if not p.warning}

    def usable(role: str, default: Any = None) -> Any:
        """The role's model; ``default()`` (a model's class: an empty one) when the case has no such file."""
        if role not in sources:
            return default() if default is not None else None
        if role not in models or docs[role].file in broken:
            return None
        return models[role]

    convenant = usable("convenant")
    if convenant is None:
        return
    findings = check_case(
        convenant,
        usable("absences", Staffing),
        usable("results"),
        usable("payments", Payments),
        pending_allowed=pending_allowed,
        costs=usable("costs"),
    )
    if "costs" in docs and usable("costs") is None:  # S20: its ids checked too, so that every error shows at once
        findings += check_cost_ids(convenant, usable("absences", Staffing), _raw_cost_ids(docs["costs"].value))
    for finding in findings:
        position = docs[finding.role].position(finding.path, key=finding.on_key)
        problems.append(Problem(position, finding.message, warning=finding.warning))


def _raw_cost_ids(value: Any) -> list[tuple[object, object]]:
    """The ``line`` and ``consultant`` of each entry of a costs.yaml that did not validate (S20)."""
    entries = value.get("costs") if isinstance(value, dict) else None
    if not isinstance(entries, list):
        return []
    return [(e.get("line"), e.get("consultant")) if isinstance(e, dict) else (None, None) for e in entries]


def _read(
    role: str,
    path: Path,
    shown: str,
    docs: dict,
    models: dict,
    problems: list[Problem],
    looked_at: os.stat_result | None = None,
) -> None:
    try:
        doc = yamlpos.load(path, shown, looked_at=looked_at)
    except yamlpos.YamlError as exc:
        problems.append(exc.problem)
        return
    docs[role] = doc
    _validate(role, doc, path.name, models, problems)


def _validate(role: str, doc: yamlpos.Document, filename: str, models: dict, problems: list[Problem]) -> None:
    """The model of one parsed file into ``models[role]``, or its problems at their positions."""
    model = MODELS[role]
    if not isinstance(doc.value, dict):
        if doc.value is None or role == "convenant":
            what = "empty" if doc.value is None else f"{_describe(doc.value)}, not a mapping of keys"
            problems.append(Problem(doc.position(()), f"{filename} is {what}; {_EMPTY_HINTS[role]}"))
        else:
            problems.append(
                Problem(
                    doc.position(()),
                    f"{filename} is {_describe(doc.value)}, not a mapping of keys; "
                    f"start the file with '{role}:' and indent the list below it",
                )
            )
        return
    try:
        models[role] = model.model_validate(doc.value)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, doc, model))


def _bundled_convenant(docs: dict, models: dict, sources: dict, problems: list[Problem], case: str) -> None:
    # Read 'convenant: <id>' from the documents themselves, so that a file with other
    # errors still names its agreement (and the agreement's own checks still run).
    named = [
        (role, doc.value["convenant"])
        for role, doc in docs.items()
        if isinstance(doc.value, dict) and isinstance(doc.value.get("convenant"), str) and doc.value["convenant"]
    ]
    if not named:
        if len(docs) == len(sources) and "results" in docs:  # every file was readable YAML: say what is missing
            # At the top of results.yaml, where 'convenant: <id>' would be written.
            problems.append(
                Problem(
                    Position(docs["results"].file, 1, 1),
                    f"no convenant.yaml in {case}, and no file names a bundled convenant with 'convenant: <id>'; "
                    f"add one of them (bundled: {', '.join(bundled_ids())})",
                )
            )
        return
    ids = {conv_id for _, conv_id in named}
    if len(ids) > 1:
        for role, conv_id in named[1:]:
            problems.append(
                Problem(
                    docs[role].position(("convenant",)),
                    f"names convenant {quoted(conv_id)} but {FILES[named[0][0]]} names {quoted(named[0][1])}; "
                    "make the ids the same",
                )
            )
        return
    role, conv_id = named[0]
    path = bundled_path(conv_id)
    if path is None:
        problems.append(
            Problem(
                docs[role].position(("convenant",)),
                f"no bundled convenant {quoted(conv_id)}; bundled are {', '.join(bundled_ids())}, "
                "or add a convenant.yaml to the case",
            )
        )
        return
    sources["convenant"] = path
    _read_bundled(path, docs, models, problems)


#: Bundled agreements read and validated in this process, by path, working directory (the file
#: is shown relative to it), modification time and size: a batch names the same one case after case.
_BUNDLED: dict[tuple[Path, str, int, int], tuple[yamlpos.Document, Convenant]] = {}


def _read_bundled(path: Path, docs: dict, models: dict, problems: list[Problem]) -> None:
    """Read a bundled agreement, or take it as read before if the file has not changed since."""
    try:
        stat = path.stat()
        key = (path, os.getcwd(), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    if key in _BUNDLED:
        docs["convenant"], models["convenant"] = _BUNDLED[key]
        return
    errors = len(problems)
    _read("convenant", path, display_path(path), docs, models, problems)
    if key is not None and len(problems) == errors and "convenant" in models:
        _BUNDLED[key] = (docs["convenant"], models["convenant"])


# --- validation errors -> positions and plain messages ----------------------------------


_EXAMPLES = {
    "title": 'title: "..."',
    "term": "term: {start: 2023-07-01, end: 2025-06-30}",
    "start": "start: 2023-07-01",
    "end": "end: 2025-06-30",
    "max_subsidy": "max_subsidy: 424000.00",
    "consultants_fte": "consultants_fte: 4",
    "result_commitments": "result_commitments: [{id: R1, title: ..., target: 96}]",
    "target": "target: 96",
    "results": "results: [{commitment: R1, achieved: 96}]",
    "commitment": "commitment: R1",
    "consultant": "consultant: an",
    "kind": "kind: sickness",
    "from": "from: 2024-01-08",
    "to": "to: 2024-03-15",
    "date": "date: 2023-10-02",
    "amount": "amount: 169600.00",
    "article": "article: Art. 1",
}
_ID_EXAMPLES = {"Convenant": "id: lokale-besturen-2023-2025", "ResultCommitment": "id: R1", "Consultant": "id: an"}
#: Examples for a key whose example depends on the mapping it is missing from.
_OWNED_EXAMPLES = {
    ("Termination", "kind"): "kind: notice (or mutual, immediate)",
    ("ReportDue", "kind"): "kind: progress (or final)",
    ("ReportDue", "due"): "due: 2024-09-30",
}


def validation_problems(exc: ValidationError, doc: yamlpos.Document, model: type[Model]) -> list[Problem]:
    """Turn the validation's errors into problems at the position of the offending value, saying what to do."""
    errors = exc.errors()
    # A misspelt key is reported once, as "unknown key ... did you mean", not also as the missing key.
    misspelt: set[tuple] = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            hint = closest(loc[-1], _known_keys(model, loc[:-1]))
            if hint:
                misspelt.add(loc[:-1] + (hint,))
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        kind = error["type"]
        if kind == "extra_forbidden":
            key = loc[-1]
            known = _known_keys(model, loc[:-1])
            hint = closest(key, known)
            suggestion = f"did you mean {quoted(hint)}?" if hint else f"known keys here: {', '.join(known)}"
            if str(key).isdigit():  # {amount: 169.600,00}: inside {...} a comma starts a new key
                suggestion = (
                    "if it follows a number such as 169600,00 inside {...}, the comma split it: "
                    "write numbers with a decimal point"
                )
            problems.append(Problem(doc.position(loc, key=True), f"unknown key {quoted(key)}; {suggestion}"))
        elif kind == "missing":
            if loc in misspelt:
                continue
            problems.append(Problem(doc.position(loc[:-1]), _missing(model, loc)))
        elif kind == "enum":
            value = error["input"]
            allowed = error["ctx"]["expected"]
            members = _enum_at(model, loc)
            hint = closest(value, [m.value for m in members])
            guess = f"did you mean {quoted(hint)}? " if hint else ""
            dutch = AbsenceKind.from_dutch(value) if AbsenceKind in {type(m) for m in members} else None
            if dutch is not None:  # ziekte -> sickness: the kinds are written in English
                guess = f"the kinds are written in English: for {quoted(value)} write {quoted(dutch.value)}; "
            problems.append(Problem(doc.position(loc), f"unknown value {quoted(value)}; {guess}allowed: {allowed}"))
        else:
            cause = (error.get("ctx") or {}).get("error")
            loc = loc + tuple(getattr(cause, "at", ()))
            problems.append(Problem(doc.position(loc, key=getattr(cause, "on_key", False)), _message(error)))
    return problems


def _message(error: Any) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind in ("tuple_type", "list_type"):
        return f"expected a list (lines starting with '- '), got {_describe(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of keys (key: value), got {_describe(value)}"
    if kind == "string_type":
        if isinstance(value, int | Decimal):
            number = clip(str(value))
            return f"expected text, got the number {number}; put it in quotes: '{number}'"
        return f"expected text, got {_describe(value)}" + ("; write it after the colon" if value is None else "")
    if kind == "string_too_short":
        return "this must not be empty; write a value"
    if kind == "too_short":
        return "this list is empty; give at least one entry"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_describe(value)}"
    return f"{error['msg']}; got {_describe(value)}"  # core.schema's own message, for any type not named above


def _missing(model: Any, loc: tuple) -> str:
    key = loc[-1]
    example = _EXAMPLES.get(str(key))
    owner = getattr(_unwrap(_annotation_at(model, loc[:-1])), "__name__", "")
    if key == "id":
        example = _ID_EXAMPLES.get(owner)
    example = _OWNED_EXAMPLES.get((owner, str(key)), example)
    if example:
        return f"missing key {quoted(key)}; add it here, e.g. {example}"
    return f"missing key {quoted(key)}, which is required here; add it"


def _enum_at(model: Any, loc: tuple) -> list:
    annotation = _unwrap(_annotation_at(model, loc))
    return list(annotation) if isinstance(annotation, type) and issubclass(annotation, Enum) else []


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return quoted(value) if isinstance(value, str) else clip(str(value))


def _annotation_at(model: Any, loc: tuple) -> Any:
    """The type expected at ``loc`` inside ``model`` (keys as written in YAML, i.e. aliases)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else current
            continue
        if isinstance(current, type) and issubclass(current, Model):
            for spec in current.model_fields().values():
                if spec.key == part:
                    current = spec.annotation
                    break
            else:
                return None
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    return current


def _known_keys(model: Any, loc: tuple) -> list[str]:
    """The keys a mapping at ``loc`` inside ``model`` accepts (aliases, as written in YAML)."""
    current = _unwrap(_annotation_at(model, loc))
    if isinstance(current, type) and issubclass(current, Model):
        return [spec.key for spec in current.model_fields().values()]
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] wrappers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def summary(loaded: LoadedCase) -> list[str]:
    """What was read, one line per file, for ``convenant validate``."""
    case = loaded.case
    conv, staffing, payments = case.convenant, case.staffing, case.payments
    lines = []
    for role in FILES:
        if role not in loaded.sources:
            continue
        name = display_path(loaded.sources[role])
        if role == "convenant":
            bundled = " (bundled)" if loaded.sources[role].parent == data_dir() else ""
            text = (
                f"convenant {conv.id}{bundled}: term {conv.term.start} … {conv.term.end} ({conv.term.days} days), "
                f"max_subsidy {fmt_plain(conv.max_subsidy)}, {conv.consultants_fte} FTE, "
                f"{_count_of(len(conv.result_commitments), 'commitment')}"
            )
            if conv.addenda:  # S19
                n = len(conv.addenda)
                text += f"; {n} {'addendum' if n == 1 else 'addenda'} (funding lines: " + ", ".join(
                    f"{a.id} {fmt_plain(a.max_subsidy)}" for a in conv.addenda
                ) + ")"
            if conv.amendments:  # S14
                found = periods(conv)
                text += (
                    f"; {_count_of(len(conv.amendments), 'amendment')}, {len(found)} periods: "
                    + ", ".join(f"{p.id} ({p.convenant.term.start} … {p.convenant.term.end})" for p in found)
                )
        elif role == "absences":
            listed = (
                _count_of(len(staffing.consultants), "consultant")
                if staffing.consultants
                else "no consultants listed (the funded FTE counts as employed)"
            )
            text = f"{listed}, {_count_of(len(staffing.absences), 'absence')}"
        elif role == "results":
            met = sum(1 for r in case.results.results if r.met is not None)
            text = f"{_count_of(len(case.results.results), 'result')} ({met} judged by 'met')"
        elif role == "costs" and case.costs is not None:  # S20: the cost statement
            total = sum((c.amount for c in case.costs.costs), D(0))
            text = f"{_count_of(len(case.costs.costs), 'cost')}, {fmt_plain(total)} in all (the cost statement, S20)"
        else:
            total = sum((p.amount for p in payments.payments), D(0))
            text = f"{_count_of(len(payments.payments), 'payment')}, {fmt_plain(total)} in all"
        lines.append(f"{name}: {text}")
    if loaded.unread:
        case_dir = loaded.sources["results"].parent
        lines.append(f"{display_path(case_dir)}: not read (not a case file): {', '.join(map(quoted, loaded.unread))}")
    return lines


def _count_of(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def load_bundled(convenant_id: str) -> Convenant:
    """A bundled agreement by id (``convenant list``, ``convenant init``); InputError when unknown or broken."""
    path = bundled_path(convenant_id)
    if path is None:
        raise InputError(
            [
                Problem(
                    Position(convenant_id),
                    f"no bundled convenant {convenant_id!r}; bundled are {', '.join(bundled_ids())}",
                )
            ]
        )
    docs: dict = {}
    models: dict = {}
    problems: list[Problem] = []
    _read_bundled(path, docs, models, problems)
    if "convenant" not in models:
        raise InputError(problems)
    return models["convenant"]
