"""The Markdown and HTML reports: one report model, two jinja2 templates.

The templates (``convenant_calc/templates/``) only lay out the
:class:`~convenant_calc.report.Report`; every figure and every word is in the
model already. HTML is autoescaped; Markdown text is escaped by the ``md``
filter, so a title or a justification cannot break a table or inject markup.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from convenant_calc.core.text import visible
from convenant_calc.views.report import Report
from convenant_calc.render import svg

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: object) -> str:
    """Text for a Markdown paragraph or table cell: specials escaped, on one line, control characters visible."""
    return _MD_SPECIAL.sub(r"\\\1", visible(" ".join(str(text).split())))


def code(text: object) -> str:
    """Text as a Markdown code span (a fence longer than any backtick run inside)."""
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
    lines = "".join(f"{sha}\n" for _, _, sha in report.inputs)
    return hashlib.sha256(lines.encode("ascii")).hexdigest()


@cache
def _env(html: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["code"] = code
    env.filters["css_string"] = css_string
    return env


def markdown(report: Report) -> str:
    return _env(False).get_template("report.md.j2").render(r=report, t=report.labels)


def html(report: Report) -> str:
    picture = Markup(svg.render(report.timeline))  # built with every text escaped
    return _env(True).get_template("report.html.j2").render(
        r=report, t=report.labels, timeline=picture, input_hash=input_hash(report)
    )
