"""The translations: English messages in the code, every other language in a gettext catalog.

A message is English in the code and is looked up with a context (gettext's ``msgctxt``),
so that one English word can have two translations:

- a labels table, ``"case_line": N_("Case {case}, agreement {agreement} ({where})")``:
  the key is the context (:mod:`convenant_calc.views.labels`);
- a registry entry, ``Rule(id="S7", title_en="Guaranteed-wage window", …)``: every
  ``<field>_en`` text of a call with a literal ``id`` is a message, its context
  ``S7.title`` (:func:`context`); the rules, the alternative readings and their reasons.

The Dutch (and any other language) is in ``locale/<lang>/LC_MESSAGES/convenant.po``
beside this package, in the repository; the build (``hatch_build.py``, so ``make install``
and the wheel alike) compiles it to ``convenant.mo``. At run time :func:`translations`
reads the compiled catalog with the standard library's :mod:`gettext`: Babel is not
imported on the settle path (start-up time). Babel extracts and compiles:
:func:`extract` is the extraction method ``babel.cfg`` names for ``pybabel extract``
(``docs/translating.md``).
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import gettext

DOMAIN = "convenant"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


def N_(english: str) -> str:  # noqa: N802 (gettext's name for "mark, do not translate here")
    """Mark an English message of a labels table for extraction; its key is its context."""
    return english


def context(entry_id: str, field: str) -> str:
    """The context of a registry entry's text: ``S7.title`` for ``Rule(id="S7", title_en=…)``."""
    return f"{entry_id}.{field}"


def mo_path(code: str) -> Path:
    """Where the compiled catalog of a language is: ``…/locale/nl/LC_MESSAGES/convenant.mo``."""
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo"


class CatalogMissing(RuntimeError):
    """A language's catalog was never compiled (an install that skipped the build hook)."""


@cache
def translations(code: str) -> gettext.GNUTranslations:
    """The compiled catalog of ``code``, read once; a missing one is an error, never silent English."""
    import gettext  # only when a translation is needed: English never reads a catalog

    path = mo_path(code)
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError:
        raise CatalogMissing(
            f"{path}: the {code!r} catalog is not compiled; run `make install` "
            f"(or `pybabel compile -d src/convenant_calc/locale -D {DOMAIN}`)"
        ) from None


# --- extraction (pybabel extract, through babel.cfg) -----------------------------------------

Extracted = tuple[int, str, tuple[str, str], list[str]]


def extract(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[Extracted]:
    """Babel's extraction method for this package: every message with its context, in the file's order.

    Yields ``(line, "pgettext", (context, english), [])``, which Babel reads with its
    ``pgettext`` keyword (context first). An ``N_`` that is not a value of a table with a
    literal key, or a message that is not one plain string (an f-string), is an error: its
    English could not be looked up as written.
    """
    name = getattr(fileobj, "name", "<file>")
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    yield from sorted(messages(ast.parse(source), name), key=lambda found: found[0])


def messages(tree: ast.AST, name: str = "<file>") -> Iterator[Extracted]:
    """The messages of a parsed module (see :func:`extract`)."""
    marked: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if _is_mark(value):
                    marked.add(id(value))
                    if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                        raise ValueError(f"{name}:{value.lineno}: N_ marks a value of a table with a literal key")
                    yield value.lineno, "pgettext", (key.value, _plain(value.args, name, value.lineno)), []
        elif isinstance(node, ast.Call):
            entry = next((k.value for k in node.keywords if k.arg == "id"), None)
            if not (isinstance(entry, ast.Constant) and isinstance(entry.value, str)):
                continue
            for keyword in node.keywords:
                if keyword.arg is not None and keyword.arg.endswith("_en"):
                    field = keyword.arg.removesuffix("_en")
                    text = _plain([keyword.value], name, keyword.value.lineno)
                    yield keyword.value.lineno, "pgettext", (context(entry.value, field), text), []
    for node in ast.walk(tree):
        if _is_mark(node) and id(node) not in marked:
            raise ValueError(f"{name}:{node.lineno}: N_ marks a value of a table with a literal key")


def _is_mark(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_"


def _plain(args: list[ast.expr], name: str, line: int) -> str:
    if len(args) == 1 and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
        return args[0].value
    raise ValueError(f"{name}:{line}: a message is one plain string (no f-string): put values in {{braces}}")
