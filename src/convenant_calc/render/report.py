"""The Markdown and HTML reports: one report model, two jinja2 templates.

The templates (``convenant_calc/templates/``) only lay out the
:class:`~convenant_calc.report.Report`; every figure and every word is in the
model already. HTML is autoescaped; Markdown text is escaped by the ``md``
filter, so a title or a justification cannot break a table or inject markup.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from convenant_calc.core.text import visible
from convenant_calc.views.report import AgreementReport, Report
from convenant_calc.render import svg

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: object) -> str:
    """Text for a Markdown paragraph or table cell: specials escaped, on one line, control characters visible."""
    return _MD_SPECIAL.sub(r"\\\1", visible(" ".join(str(text).split())))


def code(text: object) -> str:
    """Text as a Markdown code span (a fence longer than any backtick run inside).

    Text holding ``|`` is written as escaped text instead (:func:`md`): a table cell ends at a ``|``
    even inside a code span (GFM), so an id ``v | 999.00 |`` showed a made-up figure in a cell of its
    own, and ``\\|`` inside a code span shows its backslash outside a table. Escaped text reads the
    same in a cell, a heading and a line.
    """
    if "|" in str(text):
        return md(text)
    value = visible(" ".join(str(text).split()))
    runs = [len(r) for r in re.findall(r"`+", value)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def css_string(text: object, nbsp: bool = False) -> Markup:
    """Text as a quoted CSS string for the page's margin boxes: quotes, backslashes, "<" and controls escaped.

    ``nbsp``: spaces as no-break spaces, which Chromium keeps at the edges of a
    string next to a ``counter()`` (it drops ordinary ones there).
    """
    value = " ".join(str(text).split()) if not nbsp else str(text)
    out = "".join(
        "\\a0 " if nbsp and ch == " " else ch if ch.isprintable() and ch not in '\\"<>&' else f"\\{ord(ch):x} "
        for ch in value
    )
    return Markup(f'"{out}"')


def input_hash(report: Report) -> str:
    """SHA-256 of the input files' SHA-256 digests, one a line in the report's order.

    An auditor recomputes it with ``sha256sum FILES | cut -c1-64 | sha256sum``
    (the files in the order of the report's input table).
    """
    return hash_of_inputs(sha for _, _, sha in report.inputs)


def hash_of_inputs(digests: Iterable[str]) -> str:
    """The input hash of input files with these hex SHA-256 digests (in the report's order)."""
    return hashlib.sha256("".join(f"{sha}\n" for sha in digests).encode("ascii")).hexdigest()


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's own cache of compiled templates (a documented jinja2 class), in the user's cache directory.

    Compiling the report's templates costs more CPU time than the rest of ``settle --format markdown``
    (issue 23); like Python's ``__pycache__``, the first run compiles them and later runs read them
    compiled. Jinja keys each entry by the template's path and checks its source's checksum and the
    Python version, so an edited template is compiled again; the directory names the jinja2 version
    and the environment's options, which the compiled code also depends on. A cache that cannot be
    written (a read-only home) is no error: the templates are then compiled on every run, as before.
    """

    def dump_bytecode(self, bucket) -> None:  # type: ignore[no-untyped-def]
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache(html: bool, options: dict) -> TemplateCache | None:
    """The cache of compiled templates for one environment: ``$XDG_CACHE_HOME/convenant/templates/<key>``
    (else ``~/.cache/...``), made private to the user; None when there is no such directory to be had."""
    import jinja2

    key = hashlib.sha256(repr((jinja2.__version__, html, sorted(options.items()))).encode()).hexdigest()[:16]
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        directory = base / "convenant" / "templates" / key
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home directory
        return None
    return TemplateCache(str(directory))


@cache
def environment(html: bool) -> Environment:
    """The templates' Jinja environment (autoescaped for HTML), shared by every renderer of templates."""
    options = dict(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=html,
        undefined=StrictUndefined,
        bytecode_cache=template_cache(html, options),
        **options,
    )
    env.filters["md"] = md
    env.filters["code"] = code
    env.filters["css_string"] = css_string
    return env


def markdown(report: AgreementReport) -> str:
    """The report in Markdown: a settlement's own report (with the rules its steps apply, issue 22, at the
    end), or the overview, each settlement's report (headings one level down) and one appendix of the rules
    any of them applies."""
    if report.overview is None:
        return part_markdown(report.parts[0])
    parts = [_MD_HEADING.sub(r"#\1 ", part_markdown(r, appendix=False)).rstrip("\n") for r in report.parts]
    text = environment(False).get_template("agreement.md.j2").render(a=report, t=report.labels, periods=parts)
    return text.rstrip("\n") + "\n"


def html(report: AgreementReport) -> str:
    """The report as one HTML page: a settlement's own report, or the first settlement's head, the overview,
    each settlement's body in a section, then one appendix of the rules any of them applies (the steps of
    every settlement link to it)."""
    if report.overview is None:
        return part_html(report.parts[0])
    pages = [part_html(r, appendix=False) for r in report.parts]
    head = pages[0][: pages[0].index("<body>") + len("<body>\n")]
    head = head.replace(f"<html lang=\"{report.parts[0].lang}\">", f"<html lang=\"{report.lang}\">")
    overview = environment(True).get_template("agreement.html.j2").render(a=report, t=report.labels)
    sections = []
    for r, page in zip(report.parts, pages, strict=True):
        body = page[page.index("<body>\n") + len("<body>\n") : page.rindex("</body>")]
        body = _HTML_HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", body)
        sections.append(f'<section id="{Markup.escape(r.anchor)}">\n{body}</section>\n')
    rules = environment(True).get_template("rules.html.j2").render(rules=report.rules, t=report.labels)
    return head + overview + "\n" + "\n".join(sections) + rules + "</body>\n</html>\n"


def part_markdown(report: Report, appendix: bool = True) -> str:
    """One settlement's report in Markdown; ``appendix``: with the rules its steps apply (issue 22), at the end."""
    return environment(False).get_template("report.md.j2").render(r=report, t=report.labels, appendix=appendix)


def part_html(report: Report, appendix: bool = True) -> str:
    """One settlement's report as an HTML page; ``appendix``: with the rules its steps apply (issue 22)."""
    picture = Markup(svg.render(report.timeline))  # built with every text escaped
    return environment(True).get_template("report.html.j2").render(
        r=report, t=report.labels, timeline=picture, input_hash=input_hash(report), appendix=appendix
    )


# --- S14, S19: an agreement of more than one settlement -------------------------------------

_MD_HEADING = re.compile(r"^(#+) ", re.MULTILINE)
_HTML_HEADING = re.compile(r"<(/?)h([1-5])\b")
