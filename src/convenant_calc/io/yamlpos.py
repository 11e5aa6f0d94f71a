"""YAML with positions, read the way a person means it.

PyYAML's parser (the C one where available) reports events with their start
marks; this module builds plain Python values from them itself, in one pass
(:func:`_build`), so that:

- every value's position is known (``Document.position(path)``), so a validation
  error location can be reported as ``file:line:col``;
- numbers are exact: ``0.1`` becomes ``Decimal("0.1")``, never a float (S1);
- there are no YAML 1.1 surprises: only ``true``/``false`` are booleans (``no``,
  ``on`` stay strings), ``010`` is ten, ``1:30`` is a string, and dates stay
  strings for the models to parse (so ``2024-02-30`` is reported, with its place);
- duplicate keys, anchors, aliases and merge keys are refused (an alias bomb is
  rejected at its first alias, never expanded).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from convenant_calc.core.text import quoted
from convenant_calc.io.problems import Position, Problem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20  # a case file nests four levels deep; twenty is generous

_INT = re.compile(r"^[-+]?[0-9]+$")
_DECIMAL = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_WORDS: dict[str, Any] = {**dict.fromkeys(_NULL), **dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
_TEXT = object()  # not one of _WORDS
_NUMBER_START = frozenset("+-.0123456789")  # what an _INT or a _DECIMAL begins with
_DIGITS = frozenset("0123456789")

Path_ = tuple[str | int, ...]

try:  # the C parser where available: same events, much faster
    _Base = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Only its parser is used: :func:`_build` reads the events itself; nothing is composed or constructed."""


class YamlError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class Document:
    """A parsed YAML file: its value, and the position of every node by path.

    The positions are worked out when first asked for (:meth:`position`, :attr:`marks`), by reading the
    text again: most files are never asked (a case without a problem), and a value built without them
    costs about half as much (issue 23). The positions are the same either way.
    """

    __slots__ = ("file", "value", "_marks", "_key_marks", "_text")

    def __init__(
        self,
        file: str,
        value: Any,
        marks: dict[Path_, tuple[int, int]] | None = None,
        key_marks: dict[Path_, tuple[int, int]] | None = None,
        *,
        text: str | None = None,
    ):
        self.file = file
        self.value = value
        self._text = text  # read again for the positions when first asked for them; None: they are given
        self._marks = marks if marks is not None else ({} if text is None else None)
        self._key_marks = key_marks if key_marks is not None else ({} if text is None else None)

    def __repr__(self) -> str:
        return f"Document(file={self.file!r}, value={self.value!r})"

    def _positions(self) -> None:
        marks: dict[Path_, tuple[int, int]] = {}
        key_marks: dict[Path_, tuple[int, int]] = {}
        if self._text is not None:
            _build(self.file, self._text, marks, key_marks)  # parsed without a fault before: none now
        self._marks, self._key_marks, self._text = marks, key_marks, None

    @property
    def marks(self) -> dict[Path_, tuple[int, int]]:
        """The position (line, column) of each value, by path."""
        if self._marks is None:
            self._positions()
        return self._marks  # type: ignore[return-value]

    @property
    def key_marks(self) -> dict[Path_, tuple[int, int]]:
        """The position (line, column) of each mapping key, by the path of its value."""
        if self._key_marks is None:
            self._positions()
        return self._key_marks  # type: ignore[return-value]

    def position(self, path: Path_, *, key: bool = False) -> Position:
        """The position of the value at ``path``, or of its nearest existing parent.

        With ``key=True`` the position of the mapping key itself is preferred
        (for "unknown key" messages).
        """
        path = tuple(path)
        marks = self.marks
        if key and path in self.key_marks:
            line, col = self.key_marks[path]
            return Position(self.file, line, col)
        while path and path not in marks:
            path = path[:-1]
        line, col = marks.get(path, (1, 1))
        return Position(self.file, line, col)


def _scalar(text: str) -> Any:
    """The value of a plain (unquoted) scalar: null, a boolean, an exact number, or the text itself."""
    word = _WORDS.get(text, _TEXT)
    if word is not _TEXT:
        return word
    if text[0] in _NUMBER_START:  # text is not empty: "" is null
        if len(text) > 4 and text[4] == "-" and text[3] in _DIGITS:  # 2024-01-08: a "-" after a digit, no number
            return text
        if text.isdigit() and text.isascii():  # the common case of _INT without its regex
            return int(text) if len(text) <= 1000 else Decimal(text)
        if _INT.match(text):
            # Python refuses int() of very long digit strings; a Decimal has no such limit
            # and the models reject the absurd value with its position.
            return int(text) if len(text) <= 1000 else Decimal(text)
        if _DECIMAL.match(text):
            return Decimal(text)
    return text


def _problem(file: str, node_or_mark: Any, message: str) -> YamlError:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    line = mark.line + 1 if mark is not None else 1
    col = mark.column + 1 if mark is not None else 1
    return YamlError(Problem(Position(file, line, col), message))


def _build(file: str, text: str, marks: dict[Path_, tuple[int, int]], key_marks: dict[Path_, tuple[int, int]]) -> Any:
    """One pass over the parser's events: refuse what is not allowed, build values and positions.

    What is refused, and in which order when a file has several faults (the same
    order as a check of every event first, then composing, then converting):

    1. a syntax error, absurd nesting, an alias, an anchor or a tag, wherever it is
       in the file, at once (an alias bomb costs nothing: nothing is ever expanded);
    2. a second document;
    3. in the first document, the first merge key, non-scalar key or duplicate key.
       After such a fault the rest is only checked for 1 and 2, no longer built.
    """
    loader = _Loader(text)
    get_event = loader.get_event
    try:
        container: dict[str, Any] | list[Any] | None = None  # the open mapping or sequence; None: the top
        path: Path_ = ()  # the path of the open container
        key: str | None = None  # in a mapping: the key whose value comes next; None: a key comes next
        stack: list[tuple[Any, Path_, str | None]] = []  # the containers enclosing the open one
        root: Any = None
        depth = documents = 0
        building = True  # building the first document's value; False after it, or after a fault of kind 3
        second: YamlError | None = None
        fault: YamlError | None = None
        while True:
            event = get_event()
            kind = event.__class__
            if kind is ScalarEvent:
                collection = False
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                collection = True
                depth += 1
                if depth > MAX_DEPTH:
                    raise _problem(
                        file, event.start_mark, f"nested more than {MAX_DEPTH} levels deep; check the brackets"
                    )
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
                if building:
                    container, path, key = stack.pop()
                continue
            elif kind is AliasEvent:
                raise _problem(file, event.start_mark, "aliases (*name) are not allowed; write the value out in full")
            elif kind is DocumentStartEvent:
                documents += 1
                if documents == 2:
                    second = _problem(
                        file, event.start_mark, "a second YAML document ('---'); keep one document per file"
                    )
                continue
            elif kind is DocumentEndEvent:
                building = False
                continue
            elif kind is StreamEndEvent:
                break
            else:  # StreamStartEvent
                continue
            if event.anchor:
                raise _problem(file, event.start_mark, "anchors (&name) are not allowed; write the value out in full")
            if event.tag:
                raise _problem(
                    file, event.start_mark, f"YAML tags such as {quoted(event.tag)} are not allowed; remove the tag"
                )
            if not building:
                continue

            mark = event.start_mark
            if container is None:  # the document's value
                here: Path_ = ()
            elif container.__class__ is list:
                here = path + (len(container),)
            elif key is not None:
                here = path + (key,)
            else:  # this node is a key of the open mapping
                if collection:
                    fault = _problem(
                        file, mark, "a key must be a plain name, not a list or mapping; write a name before the colon"
                    )
                elif event.value == "<<" and not event.style:
                    fault = _problem(file, mark, "merge keys (<<) are not allowed; write the keys out in full")
                elif event.value in container:
                    first = key_marks[path + (event.value,)]
                    fault = _problem(
                        file,
                        mark,
                        f"duplicate key {quoted(event.value)} (first given at line {first[0]}); keep only one",
                    )
                else:
                    key = event.value
                    key_marks[path + (key,)] = (mark.line + 1, mark.column + 1)
                    continue
                building = False
                continue
            marks[here] = (mark.line + 1, mark.column + 1)

            if collection:
                value: Any = {} if kind is MappingStartEvent else []
            elif event.style:  # quoted or block scalar: always a string (plain is None or "")
                value = event.value
            else:
                value = _scalar(event.value)
            if container is None:
                root = value
            elif key is None:
                container.append(value)  # type: ignore[union-attr]
            else:
                container[key] = value  # type: ignore[index]
                key = None
            if collection:
                stack.append((container, path, key))
                container, path, key = value, here, None
        if second is not None:
            raise second
        if fault is not None:
            raise fault
        if not documents:
            marks[()] = (1, 1)
        return root
    finally:
        loader.dispose()


def truncated(file: str, text: str, mark: Any, what: str) -> YamlError | None:
    """The error for a parser that stopped at the end of the text (an unclosed bracket or quote: a truncated file).

    Its mark lies after the last line, a place no editor can show; the error points at the
    last character of the file instead. None when the mark lies inside the text.
    """
    if mark is None or text[mark.index :].strip():
        return None
    end = len(text.rstrip())
    if not end:
        return None
    line = text.count("\n", 0, end - 1) + 1
    col = end - 1 - (text.rfind("\n", 0, end - 1) + 1) + 1
    return YamlError(
        Problem(
            Position(file, line, col),
            f"not valid YAML: {what} (the file ends here); check that every bracket and quote is closed",
        )
    )


class _Unusual(Exception):
    """What :func:`_value` does not build: :func:`_build` reads the file again, to refuse it as it always has."""


def _value(text: str) -> Any:
    """The value of a file :func:`_build` would accept, built the same way but without any position.

    Raises :class:`_Unusual` at anything :func:`_build` refuses (an alias, an anchor, a tag, nesting
    deeper than MAX_DEPTH, a second document, a merge key, a non-scalar or duplicate key), and lets the
    parser's errors through; :func:`parse` then reads the file with :func:`_build`, which says what
    and where. No path and no position is built, so a file without a fault is read about twice as fast.
    """
    loader = _Loader(text)
    get_event = loader.get_event
    try:
        container: dict[str, Any] | list[Any] | None = None  # the open mapping or sequence; None: the top
        key: str | None = None  # in a mapping: the key whose value comes next; None: a key comes next
        stack: list[Any] = []  # the containers enclosing the open one
        root: Any = None
        depth = documents = 0
        ended = False  # the first document has ended
        while True:
            event = get_event()
            kind = event.__class__
            if kind is ScalarEvent:
                if event.anchor or event.tag or ended:
                    raise _Unusual
                if container is not None and container.__class__ is not list and key is None:  # a key
                    text_ = event.value
                    if (text_ == "<<" and not event.style) or text_ in container:
                        raise _Unusual
                    key = text_
                    continue
                value = event.value if event.style else _scalar(event.value)
                if container is None:
                    root = value
                elif key is None:
                    container.append(value)  # type: ignore[union-attr]
                else:
                    container[key] = value  # type: ignore[index]
                    key = None
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
                if depth > MAX_DEPTH or event.anchor or event.tag or ended:
                    raise _Unusual
                value = {} if kind is MappingStartEvent else []
                if container is None:
                    root = value
                elif container.__class__ is list:
                    container.append(value)  # type: ignore[union-attr]
                elif key is None:  # a list or mapping as a key
                    raise _Unusual
                else:
                    container[key] = value  # type: ignore[index]
                stack.append(container)
                container, key = value, None
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
                container, key = stack.pop(), None
            elif kind is DocumentStartEvent:
                documents += 1
                if documents == 2:
                    raise _Unusual
            elif kind is DocumentEndEvent:
                ended = True
            elif kind is StreamEndEvent:
                return root
            elif kind is AliasEvent:
                raise _Unusual
    finally:
        loader.dispose()


class _NotPlain(Exception):
    """What :func:`_plain_value` does not read: :func:`_value` reads the file instead."""


# The plain layout of most case files (and of every generated one), read without PyYAML's events: block
# mappings and sequences, one entry a line, and on a line a plain or quoted scalar or a flow mapping.
# Anything else falls back to _value, which reads every file the same way it always has. The subset is
# narrow on purpose: printable ASCII without YAML's indicators (no comment, anchor, alias, tag, block
# scalar, directive, escape or flow sequence but an empty one), simple keys, and scalars without a colon,
# comma or bracket; in it, the text of each scalar is the text PyYAML reports for it.
_NOT_PLAIN = re.compile(r"[^\n \"'(),-:A-Z\[\]_a-z{}]")
_LINE = re.compile(r"^( *)(\S(?:[^\n]*\S)?)", re.MULTILINE)  # a line that is not blank: its indentation, its text
# A plain scalar begins as no indicator does: a word (null, a boolean or text, never a number: _WORDS.get(t, t)
# is its value as _scalar gives it) or what may be a number (its value by _scalar).
_WORD_TEXT = r"[A-Za-z_(/][A-Za-z0-9_.+/() -]*"
_NUMBER_TEXT = r"(?:[0-9]|[-+.][A-Za-z0-9_])[A-Za-z0-9_.+/() -]*"
_PLAIN_TEXT = rf"{_WORD_TEXT}|{_NUMBER_TEXT}"
_QUOTED_TEXT = r"\"[^\"]*\"|'[^']*'"  # without an escape: " in '...' and ' in "..." only
_BLOCK_SCALAR = re.compile(rf"({_PLAIN_TEXT})|(?:{_QUOTED_TEXT})")
#: ``key: value`` in a flow mapping with the ``,`` or ``}`` after it, or ``key: {`` (a nested flow mapping)
_FLOW_ENTRY = re.compile(
    rf" *([A-Za-z_][A-Za-z0-9_]{{0,99}}): +(?:(?:({_WORD_TEXT})|({_NUMBER_TEXT})|({_QUOTED_TEXT})) *([,}}])|(\{{))"
)
_FLOW_NEXT = re.compile(r" *([,}])")
#: a line ``key: value`` (or ``key:``) whole: the key, then a plain scalar, a quoted one, or anything else (``{``)
_ENTRY_LINE = re.compile(
    rf"([A-Za-z_][A-Za-z0-9_]{{0,99}}):(?: +(?:({_WORD_TEXT})|({_NUMBER_TEXT})|({_QUOTED_TEXT})|(.+)))?$"
)
_PLAIN_DEPTH = 10  # deeper than any case file: read by _value, which refuses more than MAX_DEPTH


def _plain_value(text: str) -> Any:
    """The value of a file in the plain layout above, as :func:`_value` builds it; :class:`_NotPlain` for any
    other file. About twice as fast as reading PyYAML's events (issue 23)."""
    if _NOT_PLAIN.search(text) or text.startswith(("---", "...")) or "\n---" in text or "\n..." in text:
        raise _NotPlain
    lines = [(len(indent), line) for indent, line in _LINE.findall(text)]
    if not lines:
        raise _NotPlain
    count = len(lines)
    at = 0  # the next line to read

    def node(indent: int, depth: int) -> Any:  # the block mapping or sequence at lines[at], indented so
        if depth > _PLAIN_DEPTH:
            raise _NotPlain
        line = lines[at][1]
        if line[0] == "-" and (len(line) == 1 or line[1] == " "):
            return sequence(indent, depth)
        return mapping(indent, depth)

    def sequence(indent: int, depth: int) -> list[Any]:
        nonlocal at
        items: list[Any] = []
        while at < count:
            column, line = lines[at]
            if column != indent or line[0] != "-" or (len(line) > 1 and line[1] != " "):
                break
            rest = line[1:].lstrip(" ")
            if not rest:
                raise _NotPlain
            first = _ENTRY_LINE.match(rest)
            if first is not None:  # "- key: value": a mapping, its other keys on the lines below, aligned
                lines[at] = (column + len(line) - len(rest), rest)
                items.append(mapping(lines[at][0], depth + 1, first))
            else:
                at += 1
                items.append(_plain_inline(rest, depth))
        return items

    def mapping(indent: int, depth: int, first: re.Match[str] | None = None) -> dict[str, Any]:
        nonlocal at
        entries: dict[str, Any] = {}
        while at < count:
            column, line = lines[at]
            if column != indent:
                break
            entry = _ENTRY_LINE.match(line) if first is None else first  # the first line's: the caller's match
            first = None
            if entry is None:
                if line[0] == "-":  # a sequence at this indentation: the enclosing one's next item
                    break
                raise _NotPlain
            name, word, number, quoted, other = entry.groups()
            if name in entries:
                raise _NotPlain
            at += 1
            if word is not None:
                entries[name] = _WORDS.get(word, word)
            elif number is not None:
                entries[name] = _scalar(number)
            elif quoted is not None:
                entries[name] = quoted[1:-1]
            elif other is not None:
                entries[name] = _plain_inline(other, depth)
            elif at < count and lines[at][0] > indent:
                entries[name] = node(lines[at][0], depth + 1)
            elif at < count and lines[at][0] == indent and lines[at][1][0] == "-":  # key:\n- item
                below = lines[at][1]
                if len(below) > 1 and below[1] != " ":
                    raise _NotPlain
                entries[name] = sequence(indent, depth + 1)
            else:
                entries[name] = None  # "key:" and nothing: an empty plain scalar
        return entries

    root = node(lines[0][0], 1)
    if at != count:  # a line the layout does not explain (a continued scalar, an odd indentation)
        raise _NotPlain
    return root


def _plain_inline(text: str, depth: int) -> Any:
    """The value written on a line after ``key: `` or ``- ``: a flow mapping, ``[]``, or a scalar."""
    if text[0] == "{":
        value, end = _plain_flow(text, 1, depth + 1)
        if end != len(text):
            raise _NotPlain
        return value
    if text == "[]":
        return []
    scalar = _BLOCK_SCALAR.fullmatch(text)
    if scalar is None:
        raise _NotPlain
    return _scalar(text) if scalar.group(1) is not None else text[1:-1]


def _plain_flow(text: str, at: int, depth: int) -> tuple[dict[str, Any], int]:
    """The flow mapping whose ``{`` ends at ``text[at]``, and where it ends: ``{key: value, ...}`` on one line."""
    if depth > _PLAIN_DEPTH:
        raise _NotPlain
    entries: dict[str, Any] = {}
    close = _FLOW_NEXT.match(text, at)
    if close is not None and close.group(1) == "}":
        return entries, close.end()
    while True:
        entry = _FLOW_ENTRY.match(text, at)
        if entry is None:
            raise _NotPlain
        name, word, number, quoted, after, brace = entry.groups()
        if name in entries:
            raise _NotPlain
        if brace:
            entries[name], at = _plain_flow(text, entry.end(), depth + 1)
            close = _FLOW_NEXT.match(text, at)
            if close is None:
                raise _NotPlain
            at, after = close.end(), close.group(1)
        else:
            if word is not None:
                word = word.rstrip(" ")
                entries[name] = _WORDS.get(word, word)
            elif number is not None:
                entries[name] = _scalar(number.rstrip(" "))
            else:
                entries[name] = quoted[1:-1]
            at = entry.end()
        if after == "}":
            return entries, at



def parse(text: str, file: str) -> Document:
    """Parse YAML text into a Document; raises YamlError with the position.

    The value is built without positions first (:func:`_plain_value` for a file in the plain layout of
    most case files, else :func:`_value`); the Document works them out when a problem asks for one. A
    file with a fault is read again by :func:`_build`, which refuses it.
    """
    try:
        return Document(file, _plain_value(text), text=text)
    except _NotPlain:
        pass
    try:
        return Document(file, _value(text), text=text)
    except (_Unusual, yaml.YAMLError):
        pass
    doc = Document(file=file, value=None)
    try:
        doc.value = _build(file, text, doc._marks, doc._key_marks)  # type: ignore[arg-type]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "not valid YAML"
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            raise _problem(file, mark, "a tab character; YAML indents with spaces, not tabs") from None
        at_end = truncated(file, text, mark, what)
        if at_end is not None:
            raise at_end from None
        raise _problem(file, mark, f"not valid YAML: {what}; check the indentation and quoting here") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control character
        at = _character_offset(text, exc.position)
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        raise YamlError(
            Problem(
                Position(file, line, col),
                f"character #x{exc.character:04x} is not allowed in YAML (a control character); remove it",
            )
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks every error it raises on text
        raise _problem(file, None, f"not valid YAML: {exc}") from None
    return doc


def _character_offset(text: str, position: int) -> int:
    """The offset in characters of a reader error's ``position``.

    The C parser reads the text as UTF-8 and reports a byte offset (the pure-Python one counts
    characters): after a line of ``ééé`` a byte offset lies further on than the character it
    names. Columns count characters, as an editor shows them.
    """
    if _Base is yaml.SafeLoader:  # pragma: no cover - depends on the PyYAML build
        return position
    return len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))


def load(path: Path, file: str | None = None) -> Document:
    """Read and parse a YAML file, refusing oversized or undecodable files before parsing."""
    name = file or str(path)
    return parse(read_text(path, name), name)


def read_text(path: Path, name: str) -> str:
    """A YAML file's text; YamlError (named ``name``) for what is not a regular file, is larger than
    MAX_BYTES, cannot be read, or is not UTF-8."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):  # a directory, a named pipe (reading it would wait forever), a device
            raise YamlError(
                Problem(Position(name), "not a readable file (not a regular file); replace it with the YAML file")
            )
        size = st.st_size
        if size > MAX_BYTES:
            raise YamlError(
                Problem(
                    Position(name, 1, 1),
                    f"file is {size} bytes; input files may be at most {MAX_BYTES} bytes (is this the right file?)",
                )
            )
        raw = _read_bytes(path, MAX_BYTES + 1)  # it may have grown since: never read more than the limit
    except OSError as exc:
        if exc.errno == errno.ELOOP or (isinstance(exc, FileNotFoundError) and os.path.islink(path)):
            what = "not a readable file (a symbolic link that leads nowhere); replace it with the YAML file"
            raise YamlError(Problem(Position(name), what)) from None
        raise YamlError(
            Problem(Position(name), f"cannot read this file ({exc.strerror}); check its permissions")
        ) from None
    if len(raw) > MAX_BYTES:
        raise YamlError(
            Problem(
                Position(name, 1, 1),
                f"file is more than {MAX_BYTES} bytes; input files may be at most {MAX_BYTES} bytes",
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        # columns count characters: the text of the line before the bad byte is valid UTF-8
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8")) + 1
        raise YamlError(Problem(Position(name, line, col), "not UTF-8 text; save the file as UTF-8")) from None
    return text


def _read_bytes(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of the file, read with the system's calls (no file object: a generation reads
    four files a case, issue 23); OSError as ``open`` raises it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        chunks = []
        left = limit
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def top_level_text(path: Path, key: str) -> str | None:
    """The text a file's top-level mapping gives ``key``, read only as far as that key; None when there is none.

    For a generation's first pass (S18), which only needs each case's agreement id: no value is built and
    nothing after the key is read. None also when the file cannot be read, is not a mapping, or the value is
    not text (a number, a list, a tagged or anchored value). A file that parses up to the key may still be
    refused by :func:`load` further on; what this returns is the value :func:`load` gives ``key`` whenever
    :func:`load` accepts the file.
    """
    try:
        text = read_text(path, str(path))
    except YamlError:
        return None
    loader = _Loader(text)
    try:
        depth = 0
        wanted = False  # the next event at depth 1 is the value of ``key``
        expect_key = True  # at depth 1: the next scalar is a key
        while True:
            event = loader.get_event()
            kind = event.__class__
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                if depth == 0 and kind is SequenceStartEvent:
                    return None
                depth += 1
                if depth == 2:
                    if wanted:
                        return None
                    expect_key = True  # a nested value: the next key at depth 1 comes after its end
                continue
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
                if depth == 1:
                    expect_key = True
                elif depth == 0:
                    return None
                continue
            if kind is ScalarEvent:
                if depth == 0:
                    return None  # the document is a scalar
                if depth > 1:
                    continue
                if wanted:
                    if event.anchor or event.tag:
                        return None
                    value = event.value if event.style else _scalar(event.value)
                    return value if isinstance(value, str) else None
                if expect_key:
                    wanted = event.value == key and not event.anchor and not event.tag
                    expect_key = False
                else:
                    expect_key = True
                continue
            if kind is AliasEvent:
                if depth == 1 and not expect_key:
                    expect_key = True
                    if wanted:
                        return None
                    continue
                return None
            if kind is StreamEndEvent or kind is DocumentEndEvent:
                return None
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
