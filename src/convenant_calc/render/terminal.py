"""Input text on a terminal: shown as written, never as rich markup or control codes (issue 18, item 5).

Every text that comes from the input (a title, an id, a case directory's name, a quoted
sentence) and reaches a terminal goes through :func:`safe`, in one of its two forms:

- :func:`safe` itself where rich takes a markup string (a table's title, a progress bar's
  description): control characters shown as escapes (``\\x1b``, ``\\u202e``,
  :func:`~convenant_calc.core.text.visible`) and rich markup escaped, so ``[/]x`` is not a
  closing tag (a MarkupError) and ``[link=…]`` not a hidden hyperlink;
- :func:`cell` where rich takes a :class:`~rich.text.Text` (a table's cells): the same text,
  as ``Text.from_markup(safe(text))`` would give it, without parsing any markup at all.

Plain outputs written to a terminal (CSV, JSON, HTML, iCalendar, messages) go through
:func:`for_stream`: on a terminal every control character but the line ends and tabs is
shown as an escape (:func:`~convenant_calc.core.text.printable`); to a file or a pipe they
are written as they are, the data unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from convenant_calc.core.text import printable, visible

if TYPE_CHECKING:
    from rich.text import Text


def safe(text: str) -> str:
    """``text`` made safe for a terminal as rich markup: control characters as escapes, markup escaped."""
    from rich.markup import escape  # rich only where rich draws: for_stream needs none of it

    # rich doubles a trailing backslash (for markup appended after it); a space after the text keeps
    # every backslash as written, and comes off again
    return escape(visible(text) + " ")[:-1]


def cell(text: str, style: str = "") -> Text:
    """``text`` as a rich Text that shows it as written: ``Text.from_markup(safe(text), style=style)``."""
    from rich.text import Text

    return Text(visible(text), style=style)


def is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def for_stream(stream: TextIO, text: str) -> str:
    """``text`` as it may be written to ``stream``: :func:`printable` on a terminal, else unchanged."""
    return printable(text) if is_terminal(stream) else text
