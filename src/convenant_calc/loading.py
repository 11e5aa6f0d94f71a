"""From a case directory to a checked :class:`~convenant_calc.models.Case` (SPEC §3).

Loading collects every problem of every file before giving up, so that a
finance officer sees all mistakes at once, each as ``file:line:col: message``.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import yamlpos
from .bundled import bundled_ids, bundled_path
from .checks import check_case
from .models import Case, Convenant, Payments, Results, Staffing
from .problems import InputError, Position, Problem, display_path

FILES = {
    "convenant": "convenant.yaml",
    "absences": "absences.yaml",
    "results": "results.yaml",
    "payments": "payments.yaml",
}
MODELS: dict[str, type[BaseModel]] = {
    "convenant": Convenant,
    "absences": Staffing,
    "results": Results,
    "payments": Payments,
}


@dataclass(frozen=True)
class LoadedCase:
    """A case ready to settle, the files it was read from, and any warnings."""

    case: Case
    sources: dict[str, Path]  # role -> file read (the bundled agreement included)
    warnings: list[Problem] = field(default_factory=list)


def load_case(case_dir: Path) -> LoadedCase:
    """Read, validate and cross-check a case directory; raise InputError with every problem found."""
    name = display_path(case_dir)
    if not case_dir.is_dir():
        what = "does not exist" if not case_dir.exists() else "is not a directory"
        raise InputError([Problem(Position(name), f"case directory {what}; give the directory that holds results.yaml")])
    if not (case_dir / FILES["results"]).is_file():
        raise InputError(
            [Problem(Position(name), "no results.yaml in this case directory; every case reports its results (SPEC §3)")]
        )

    problems: list[Problem] = []
    docs: dict[str, yamlpos.Document] = {}
    models: dict[str, Any] = {}
    sources: dict[str, Path] = {}
    for role, filename in FILES.items():
        path = case_dir / filename
        if path.is_file():
            sources[role] = path
            _read(role, path, docs, models, problems)

    if "convenant" not in sources:
        _bundled_convenant(docs, models, sources, problems)
    else:
        for role in ("absences", "results", "payments"):
            named = getattr(models.get(role), "convenant", None)
            conv = models.get("convenant")
            if named and conv is not None and named != conv.id:
                problems.append(
                    Problem(
                        docs[role].position(("convenant",)),
                        f"names convenant {named!r} but convenant.yaml is {conv.id!r}; the ids must agree",
                    )
                )

    if not any(not p.warning for p in problems) and "convenant" in models:
        staffing = models.get("absences", Staffing())
        payments = models.get("payments", Payments())
        for finding in check_case(models["convenant"], staffing, models["results"], payments):
            position = docs[finding.role].position(finding.path)
            problems.append(Problem(position, finding.message, warning=finding.warning))

    if any(not p.warning for p in problems):
        raise InputError(problems)
    case = Case(
        convenant=models["convenant"],
        staffing=models.get("absences", Staffing()),
        results=models["results"],
        payments=models.get("payments", Payments()),
    )
    return LoadedCase(case=case, sources=sources, warnings=sorted(problems, key=lambda p: p.sort_key))


def _read(role: str, path: Path, docs: dict, models: dict, problems: list[Problem]) -> None:
    try:
        doc = yamlpos.load(path, display_path(path))
    except yamlpos.YamlError as exc:
        problems.append(exc.problem)
        return
    docs[role] = doc
    model = MODELS[role]
    if not isinstance(doc.value, dict):
        what = "empty" if doc.value is None else f"a {type(doc.value).__name__}"
        problems.append(Problem(doc.position(()), f"{path.name} is {what}; it must be a mapping of keys (SPEC §3)"))
        return
    try:
        models[role] = model.model_validate(doc.value)
    except ValidationError as exc:
        problems.extend(pydantic_problems(exc, doc, model))


def _bundled_convenant(docs: dict, models: dict, sources: dict, problems: list[Problem]) -> None:
    named = [(role, m.convenant) for role, m in models.items() if getattr(m, "convenant", None)]
    if not named:
        if docs:  # the other files were readable: say what is missing
            first = next(iter(docs.values()))
            problems.append(
                Problem(
                    Position(first.file.rsplit("/", 1)[0] if "/" in first.file else "."),
                    "no convenant.yaml, and no file names a bundled convenant with 'convenant: <id>'; "
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
                    f"names convenant {conv_id!r} but {FILES[named[0][0]]} names {named[0][1]!r}; the ids must agree",
                )
            )
        return
    role, conv_id = named[0]
    path = bundled_path(conv_id)
    if path is None:
        problems.append(
            Problem(
                docs[role].position(("convenant",)),
                f"no bundled convenant {conv_id!r}; bundled are {', '.join(bundled_ids())}, "
                "or add a convenant.yaml to the case",
            )
        )
        return
    sources["convenant"] = path
    _read("convenant", path, docs, models, problems)


# --- pydantic errors -> positions and plain messages ----------------------------------


def pydantic_problems(exc: ValidationError, doc: yamlpos.Document, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        if kind == "extra_forbidden":
            key = loc[-1]
            known = _known_keys(model, loc[:-1])
            from difflib import get_close_matches  # only on this error path: keeps start-up lean

            hint = get_close_matches(str(key), known, n=1)
            suggestion = f"did you mean {hint[0]!r}?" if hint else f"known keys here: {', '.join(known)}"
            problems.append(Problem(doc.position(loc, key=True), f"unknown key {key!r}; {suggestion}"))
        elif kind == "missing":
            problems.append(Problem(doc.position(loc[:-1]), f"missing key {loc[-1]!r}, which is required here"))
        elif kind == "enum":
            problems.append(
                Problem(doc.position(loc), f"unknown value {error['input']!r}; allowed: {error['ctx']['expected']}")
            )
        else:
            message = error["msg"]
            if message.startswith("Value error, "):
                message = message[len("Value error, ") :]
            elif kind in ("tuple_type", "list_type"):
                message = f"expected a list (lines starting with '- '), got {_describe(error['input'])}"
            elif kind in ("model_type", "dict_type", "model_attributes_type"):
                message = f"expected a mapping of keys, got {_describe(error['input'])}"
            elif kind in ("string_type",):
                message = f"expected text, got {_describe(error['input'])}"
            elif kind in ("bool_type", "bool_parsing"):
                message = f"expected true or false, got {_describe(error['input'])}"
            problems.append(Problem(doc.position(loc), message))
    return problems


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value) if isinstance(value, str) else str(value)


def _known_keys(model: Any, loc: tuple) -> list[str]:
    """The keys a mapping at ``loc`` inside ``model`` accepts (aliases, as written in YAML)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else current
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            for name, info in current.model_fields.items():
                if (info.alias or name) == part:
                    current = info.annotation
                    break
            else:
                return []
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
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
