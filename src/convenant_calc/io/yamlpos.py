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
# A plain scalar begins as no indicator does: a word (null, a boolean or text, never a number: _WORDS.get(t, t)
# is its value as _scalar gives it) or what may be a number (its value by _scalar). Its text ends in a character
# other than a space: the spaces after it are not part of it.
_REST = r"(?:[A-Za-z0-9_.+/() -]*[A-Za-z0-9_.+/()-])?"
_WORD_TEXT = rf"[A-Za-z_(/]{_REST}"
_NUMBER_TEXT = rf"(?:[0-9]|[-+.][A-Za-z0-9_]){_REST}"
_QUOTED_TEXT = r"\"[^\"\n]*\"|'[^'\n]*'"  # on one line, without an escape: " in '...' and ' in "..." only
_KEY_TEXT = r"[A-Za-z_][A-Za-z0-9_]{0,99}"
#: A scalar in six groups: the value of the first three is known without _scalar (a date stays text; digits
#: are an int, up to _scalar's 1,000; digits with a point are a Decimal), then a word, any other number, a
#: quoted scalar. The three are tried first and give way to the general number when what follows does not fit.
_SCALAR = rf"([0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})|([0-9]{{1,1000}})|([0-9]+\.[0-9]+)|({_WORD_TEXT})|({_NUMBER_TEXT})|({_QUOTED_TEXT})"
#: Every line that is not blank, in 11 groups: its indentation; ``- `` when it is a sequence's item; a key,
#: and after ``key: `` a scalar (six groups, as _SCALAR) or anything else (a flow mapping); or, without a
#: key, what the line holds. The spaces at its end are not part of any group.
_PLAIN_LINE = re.compile(
    rf"^( *)(?:(- +)(?=\S))?(?:({_KEY_TEXT}):(?: +(?:{_SCALAR}|(\S(?:.*\S)?)))?|(\S(?:.*\S)?)) *$", re.MULTILINE
)
#: The pieces of a flow mapping after its ``{``, in 11 groups: ``key: {`` (a nested flow mapping); ``key: value``
#: (six groups, as _SCALAR) with the ``,`` or ``}`` after it; a ``,`` or ``}`` alone (after a nested mapping, or
#: ``{}``); or any other character (not plain). Every character belongs to one piece.
_FLOW_PIECE = re.compile(rf" *(?:({_KEY_TEXT}): +(?:(\{{)|(?:{_SCALAR}) *([,}}]))|([,}}]))|(.)")
_BLOCK_SCALAR = re.compile(rf"({_WORD_TEXT}|{_NUMBER_TEXT})|(?:{_QUOTED_TEXT})")
_PLAIN_DEPTH = 10  # deeper than any case file: read by _value, which refuses more than MAX_DEPTH


def _plain_value(text: str) -> Any:
    """The value of a file in the plain layout above, as :func:`_value` builds it; :class:`_NotPlain` for any
    other file. About twice as fast as reading PyYAML's events (issue 23).

    The lines are cut into their groups by one regular expression over the whole text (:data:`_PLAIN_LINE`),
    then read in one loop, the open block mappings and sequences on a stack, and a scalar's value made from its
    group (:func:`_plain_scalar`), without _scalar's tests for the usual dates, integers and decimals: this is
    the hot loop of a generation's reading (issue 23). A line continues the innermost open container it fits (a mapping: a key at its
    indentation; a sequence: a ``- `` at its indentation); the containers it does not fit are closed. A line
    that fits none (a continued scalar, an odd indentation) is not plain.
    """
    if _NOT_PLAIN.search(text) or text.startswith(("---", "...")) or "\n---" in text or "\n..." in text:
        raise _NotPlain
    lines = _PLAIN_LINE.findall(text)
    if not lines:
        raise _NotPlain
    first = lines[0]
    root: Any = [] if first[1] else {} if first[2] else None
    if root is None:  # a scalar: not a case file
        raise _NotPlain
    container, indent, depth = root, first[0], 1  # the open mapping or sequence, its indentation, its depth
    stack: list[tuple[Any, str, int]] = []  # the containers enclosing the open one, the outermost first
    pending: str | None = None  # a key with nothing after its colon: its value begins on the next line, or is null
    for ind, dash, name, date, digits, point, word, number, quoted, other, bare in lines:
        if pending is not None:  # this line is what follows "key:" in the open mapping
            if ind > indent:  # indented more: a mapping or a sequence (indentations are spaces: longer is greater)
                if depth + 1 > _PLAIN_DEPTH or not (dash or name):
                    raise _NotPlain
                value: Any = [] if dash else {}
                container[pending] = value
                stack.append((container, indent, depth))
                container, indent, depth = value, ind, depth + 1
            elif ind == indent and dash:  # "key:" then "- item" at the key's indentation: a sequence
                value = []
                container[pending] = value
                stack.append((container, indent, depth))
                container, depth = value, depth + 1
            else:
                container[pending] = None  # "key:" and nothing: an empty plain scalar
            pending = None
        # close the containers this line does not continue
        while ind != indent or ((not dash) if container.__class__ is list else (dash or not name)):
            if not stack:
                raise _NotPlain
            container, indent, depth = stack.pop()
        if container.__class__ is list:
            if not name:  # "- value"
                container.append(_plain_inline(bare, depth))
                continue
            # "- key: value": a mapping, its other keys on the lines below, aligned with this key
            value = {}
            container.append(value)
            stack.append((container, indent, depth))
            container, indent, depth = value, " " * (len(ind) + len(dash)), depth + 1
        if name in container:
            raise _NotPlain
        if other:
            container[name] = _plain_inline(other, depth)
        elif date or word or digits or point or number or quoted:
            container[name] = _plain_scalar(date, word, digits, point, number, quoted)
        else:
            pending = name
    if pending is not None:
        container[pending] = None
    return root


def _plain_scalar(date: str, word: str, digits: str, point: str, number: str, quoted: str) -> Any:
    """The value of a scalar from the groups of :data:`_SCALAR` (one of them not empty), as :func:`_scalar`
    makes it: a date stays text, digits are an int and digits with a point a Decimal without it."""
    if date:
        return date
    if word:
        return _WORDS.get(word, word)
    if digits:
        return int(digits)
    if point:
        return Decimal(point)
    if number:
        return _scalar(number)
    return quoted[1:-1]


def _plain_inline(text: str, depth: int) -> Any:
    """The value written on a line after ``key: `` or ``- ``: a flow mapping, ``[]``, or a scalar."""
    if text[0] == "{":
        return _plain_flow(text, depth + 1)
    if text == "[]":
        return []
    scalar = _BLOCK_SCALAR.fullmatch(text)
    if scalar is None:
        raise _NotPlain
    return _scalar(text) if scalar.group(1) is not None else text[1:-1]


def _plain_flow(text: str, depth: int) -> dict[str, Any]:
    """The flow mapping ``text``, ``{key: value, ...}`` on one line, from its ``{`` to its last ``}``.

    Its pieces (:data:`_FLOW_PIECE`) are cut by one regular expression and read in one loop, nested mappings
    on a stack, each scalar's value made from its group (:func:`_plain_scalar`) as in :func:`_plain_value`
    (issue 23)."""
    if depth > _PLAIN_DEPTH:
        raise _NotPlain
    root: dict[str, Any] | None = {}
    entries = root  # the open mapping; None once the outermost one is closed
    stack: list[dict[str, Any]] = []  # the mappings enclosing the open one
    opened = True  # just after a "{": a "}" closes it empty
    closed = False  # just after a nested mapping's "}": a "," or a "}" comes next
    for name, brace, date, digits, point, word, number, quoted, after, alone, other in _FLOW_PIECE.findall(text, 1):
        if entries is None or other:  # something after the last "}", or a character out of place
            raise _NotPlain
        if name:
            if closed or name in entries:
                raise _NotPlain
            if brace:
                value: dict[str, Any] = {}
                entries[name] = value
                stack.append(entries)
                if depth + len(stack) > _PLAIN_DEPTH:
                    raise _NotPlain
                entries, opened = value, True
                continue
            entries[name] = _plain_scalar(date, word, digits, point, number, quoted)
        elif closed or (opened and alone == "}"):
            after = alone
        else:
            raise _NotPlain
        opened = False
        if after == ",":
            closed = False
        else:
            entries = stack.pop() if stack else None
            closed = True
    if entries is not None:
        raise _NotPlain
    return root  # type: ignore[return-value]


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


def load(path: Path, file: str | None = None, *, looked_at: os.stat_result | None = None) -> Document:
    """Read and parse a YAML file, refusing oversized or undecodable files before parsing (``looked_at``: as
    :func:`read_text`)."""
    name = file or str(path)
    return parse(read_text(path, name, looked_at=looked_at), name)


def read_text(path: Path, name: str, *, looked_at: os.stat_result | None = None) -> str:
    """A YAML file's text; YamlError (named ``name``) for what is not a regular file, is larger than
    MAX_BYTES, cannot be read, or is not UTF-8. ``looked_at``: the file's ``os.stat`` when the caller has
    just made it (a case's loading looks at each file before: one look fewer a file, issue 23)."""
    try:
        st = os.stat(path) if looked_at is None else looked_at
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
    # What the "utf-8-sig" codec does (in Python: it drops a byte-order mark, then decodes the rest as UTF-8),
    # without looking it up and calling it (issue 23). The codec's error gives an offset in the bytes after
    # the mark: the place of a bad byte is worked out in those bytes too (an editor does not show the mark).
    if raw[:3] == b"\xef\xbb\xbf":
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        # columns count characters: the text of the line before the bad byte is valid UTF-8
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8")) + 1
        raise YamlError(Problem(Position(name, line, col), "not UTF-8 text; save the file as UTF-8")) from None
    return text


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def _read_bytes(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of the file, read with the system's calls (no file object: a generation reads
    four files a case, issue 23); OSError as ``open`` raises it."""
    fd = os.open(path, _READ_FLAGS)
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


def top_level_text(path: Path, key: str, *, looked_at: os.stat_result | None = None) -> str | None:
    """The text a file's top-level mapping gives ``key``, read only as far as that key; None when there is none.

    For a generation's first pass (S18), which only needs each case's agreement id: no value is built and
    nothing after the key is read. None also when the file cannot be read, is not a mapping, or the value is
    not text (a number, a list, a tagged or anchored value). A file that parses up to the key may still be
    refused by :func:`load` further on; what this returns is the value :func:`load` gives ``key`` whenever
    :func:`load` accepts the file. ``looked_at``: as :func:`read_text`.
    """
    try:
        text = read_text(path, str(path), looked_at=looked_at)
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
