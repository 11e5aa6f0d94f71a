"""Build hook: compile the gettext catalogs (``locale/<lang>/LC_MESSAGES/convenant.po``) to ``.mo``.

Runs for the wheel and the editable install alike (``make install``), so every install reads
its Dutch from a compiled catalog with the standard library's gettext (``io/catalog.py``).
Compiled with Babel, as ``pybabel compile`` would: a fuzzy translation is left out (the
English shows; a test fails on it first). The ``.mo`` is written beside its ``.po`` (it is
ignored by git) and added to the wheel as an artifact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src") / "convenant_calc" / "locale"


def compile_catalogs(root: Path) -> list[Path]:
    """Compile every ``.po`` under the package's locale directory; the ``.mo`` files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parts[-3], abort_invalid=True)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo)
    return written


class CatalogHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        for mo in compile_catalogs(root):
            build_data["artifacts"].append(mo.relative_to(root).as_posix())
