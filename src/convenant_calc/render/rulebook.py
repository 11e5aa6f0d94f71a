"""The rulebook, ``docs/rules.md`` (English) and ``docs/regels.md`` (Dutch), generated from the rule registry.

Each rule: its id and title, the article and the agreement's own sentence, the reading
the tool chose, and a worked example. ``make docs`` writes both files
(``python -m convenant_calc.render.rulebook``); a test checks that the committed files
are what this module writes, so the rulebook cannot drift from the registry. Every
rule has an anchor ``#s1`` … ``#s16``. The reports carry the rules they apply in an
appendix laid out by the same template (``templates/rules.md.j2``), so a report read
outside the repository still has them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from convenant_calc.core.readings import ALTERNATIVES
from convenant_calc.core.rules.registry import RULEBOOK, RULES
from convenant_calc.io.catalog import N_
from convenant_calc.render.report import environment
from convenant_calc.views.labels import Lang
from convenant_calc.views.report.articles import rule_text

#: The rulebook's own words, English; translated in the catalog under their keys. The words of
#: each rule (article, reading, example) are the report appendix's labels (``rule_*``).
WORDS: dict[str, str] = {
    "rulebook.title": N_("Rulebook: how convenant settles a sectorconvenant"),
    "rulebook.generated": N_(
        "Generated from `src/convenant_calc/core/rules/registry.py` by `make docs`; do not edit by hand."
    ),
    "rulebook.intro": N_(
        "The rules S1–S12 settle one agreement as signed (SPEC §2). For each: the article of the "
        "agreement and its own sentence (quoted from the *Sectorconvenant 2023-2025 Lokale Besturen*, "
        "`data/lokale-besturen-2023-2025.txt`), the reading this tool chose where the sentence leaves "
        "room, and a worked example an auditor can redo with a calculator. Each report carries the rules "
        "its steps apply in an appendix, in these words."
    ),
    "rulebook.contents": N_("Contents"),
    "rulebook.readings": N_("Alternative readings (S17)"),
    "rulebook.readings_intro": N_(
        "Where a sentence can be read more than one way, the rules above use the default reading; each "
        "alternative changes exactly one choice. `convenant settle CASE --readings` shows what each one "
        "costs, `--reading ID` settles under it. Each with its worked figure on a casebook case."
    ),
    "rulebook.reading_default": N_("Default"),
    "rulebook.reading_alternative": N_("Alternative"),
    "rulebook.reading_example": N_("Worked figure"),
}

#: Each rulebook links to the other language's (a link, not a translation).
OTHER = {
    "en": "Nederlandse versie: [regels.md](regels.md).",
    "nl": "English version: [rules.md](rules.md).",
}


def rulebook(lang: str) -> str:
    """The rulebook in ``lang`` (``en`` or ``nl``) as Markdown."""
    t = Lang(lang)
    w = {key.removeprefix("rulebook."): t.message(key, english) for key, english in WORDS.items()}
    out = [f"# {w['title']}", "", f"<!-- {w['generated']} -->", "", w["intro"], "", OTHER[lang], ""]
    out += [f"## {w['contents']}", ""]
    out += [f"- [{r.id} — {t.of(r, 'title')}](#{r.anchor})" for r in RULES]
    out += [f"- [{w['readings']}](#{slug(w['readings'])})"]
    texts = tuple(rule_text(r, t) for r in RULES)
    rules = environment(False).get_template("rules.md.j2").render(rules=texts, t=t.labels(), heading="##")
    return "\n".join(out) + "\n\n" + rules.rstrip("\n") + "\n\n" + readings(t, w)


def slug(heading: str) -> str:
    """The anchor a Markdown renderer gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return "".join(c for c in heading.lower() if c.isalnum() or c in " -").replace(" ", "-")


def readings(t: Lang, w: dict[str, str]) -> str:
    """S17 and SPEC §18: each alternative reading with the sentence it reads, both readings and its worked figure."""
    out = [f"## {w['readings']}", "", w["readings_intro"], ""]
    for a in ALTERNATIVES:
        out += [f"### `{a.id}`", "", f"{a.article}, {a.rules}: \u201c{a.sentence}\u201d", ""]
        out += [f"- **{w['reading_default']}:** {t.of(a, 'default')}"]
        out += [f"- **{w['reading_alternative']}:** {t.of(a, 'alternative')}"]
        out += [f"- **{w['reading_example']}:** {t.of(a, 'example')}", ""]
    return "\n".join(out)


def write(root: Path) -> list[Path]:
    """Write both rulebooks under ``root`` (the repository); return their paths."""
    written = []
    for lang, relative in RULEBOOK.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rulebook(lang), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()):
        print(f"written: {path}")
