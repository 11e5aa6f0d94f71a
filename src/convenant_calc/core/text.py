"""Text from the input is data: shown as written, never as control codes, and never too much of it.

Helpers every layer above may use when it prints something a user typed:

- :func:`visible` writes control characters (``ESC``, ``BEL``, a newline inside a
  value, the bidirectional overrides of "trojan source") as escapes such as ``\\x1b``,
  so that a title or an id can neither move the cursor, set the terminal's title,
  nor reorder what is printed around it;
- :func:`printable` is :func:`visible` for a whole output, keeping its line ends and tabs;
- :func:`quoted` is ``repr`` of a value for an error message, cut to
  :data:`LIMIT` characters, so that a file that is not what it seems (a link to
  ``/etc/passwd``, a megabyte on one line) is never echoed whole.
"""

from __future__ import annotations

import re

LIMIT = 80  # no message echoes more of one value than this

# C0 and C1 controls and DEL, the line and paragraph separators, and the bidirectional
# formatting characters (LRE … RLO, LRI … PDI, LRM, RLM, ALM).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\n``-as-``\\x0a``, ``\\u202e``)."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


_LINE_ENDS = re.compile("\r\n|\n|\t")


def printable(text: str) -> str:
    """A whole output (CSV, HTML, JSON, a message) for a terminal: :func:`visible` but for its line ends
    (``\n``, ``\r\n``) and tabs, which lay it out. A bare ``\r`` (which would overwrite a line) is escaped."""
    if not _CONTROL.search(text):
        return text
    out, start = [], 0
    for match in _LINE_ENDS.finditer(text):
        out.append(visible(text[start : match.start()]))
        out.append(match.group())
        start = match.end()
    out.append(visible(text[start:]))
    return "".join(out)


def clip(text: str, limit: int = LIMIT) -> str:
    """At most ``limit`` characters of ``text``; a longer one ends with ``…`` and says how long it was."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


def quoted(value: object, limit: int = LIMIT) -> str:
    """``repr(value)`` for a message, with control characters escaped and at most ``limit`` characters of the value."""
    if isinstance(value, str):
        if len(value) > limit:
            return f"{value[:limit]!r}… ({len(value)} characters)"
        return repr(value)  # repr escapes every control character
    return visible(clip(repr(value), limit))
