"""YAML with positions, read the way a person means it.

PyYAML's parser yields a stream of events, each with its start mark; this module
turns them into plain Python values itself, in one pass, so that:

- every value's position is known (``Document.position(path)``), so a pydantic
  error location can be reported as ``file:line:col``;
- numbers are exact: ``0.1`` becomes ``Decimal("0.1")``, never a float (S1);
- there are no YAML 1.1 surprises: only ``true``/``false`` are booleans (``no``,
  ``on`` stay strings), ``010`` is ten, ``1:30`` is a string, and dates stay
  strings for the models to parse (so ``2024-02-30`` is reported, with its place);
- duplicate keys, anchors, aliases and merge keys are refused (an alias bomb is
  rejected at its first alias, never expanded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from .problems import Position, Problem

MAX_BYTES = 2 * 1024 * 1024

_INT = re.compile(r"^[-+]?[0-9]+$")
_DECIMAL = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}

Path_ = tuple[str | int, ...]

try:  # the C parser where available: same events, much faster
    _Base = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Only its parser is used: :func:`parse` reads the event stream itself."""


class YamlError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


@dataclass
class Document:
    """A parsed YAML file: its value, and the position of every node by path."""

    file: str
    value: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_, *, key: bool = False) -> Position:
        """The position of the value at ``path``, or of its nearest existing parent.

        With ``key=True`` the position of the mapping key itself is preferred
        (for "unknown key" messages).
        """
        path = tuple(path)
        if key and path in self.key_marks:
            line, col = self.key_marks[path]
            return Position(self.file, line, col)
        while path and path not in self.marks:
            path = path[:-1]
        line, col = self.marks.get(path, (1, 1))
        return Position(self.file, line, col)


def _mark(event: Event) -> tuple[int, int]:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


def _scalar(text: str, style: str | None) -> Any:
    if style:  # quoted or block scalar: always a string (plain is None or "")
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _DECIMAL.match(text):
        return Decimal(text)
    return text


def _problem(file: str, node_or_mark: Any, message: str) -> YamlError:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    line = mark.line + 1 if mark is not None else 1
    col = mark.column + 1 if mark is not None else 1
    return YamlError(Problem(Position(file, line, col), message))


class _Reader:
    """One pass over the parser's events, building plain values and their positions.

    Aliases, anchors and tags are refused where they appear, so an alias bomb
    is never expanded. Problems of structure (merge keys, keys that are lists
    or mappings, duplicate keys, a second document) are kept until the whole
    stream has been read: a syntax error further on is usually their cause,
    and is reported instead.
    """

    def __init__(self, file: str, doc: Document, events: Iterator[Event]):
        self.file = file
        self.doc = doc
        self.events = events
        self.deferred: YamlError | None = None

    def defer(self, event: Event, message: str) -> None:
        if self.deferred is None:
            self.deferred = _problem(self.file, event, message)

    def refuse(self, event: Event) -> None:
        if event.__class__ is AliasEvent:
            raise _problem(self.file, event, "aliases (*name) are not allowed; write the value out in full")
        if event.anchor:
            raise _problem(self.file, event, "anchors (&name) are not allowed; write the value out in full")
        if getattr(event, "tag", None):
            raise _problem(self.file, event, f"YAML tags such as {event.tag!r} are not allowed; remove the tag")

    # value() and mapping() run once per YAML node of every file read, hence the
    # class identity tests and inlined marks: they keep `convenant check` fast.

    def value(self, event: Event, path: Path_) -> Any:
        """The plain value that starts with ``event``; the rest of it is read from the stream."""
        cls = event.__class__
        if cls is AliasEvent or event.anchor or event.tag:
            self.refuse(event)
        mark = event.start_mark
        self.doc.marks[path] = (mark.line + 1, mark.column + 1)
        if cls is ScalarEvent:
            return _scalar(event.value, event.style)
        if cls is MappingStartEvent:
            return self.mapping(path)
        if cls is SequenceStartEvent:
            items: list[Any] = []
            for item in self.events:
                if item.__class__ is SequenceEndEvent:
                    return items
                items.append(self.value(item, path + (len(items),)))
        raise _problem(self.file, event, "unsupported YAML node")  # pragma: no cover - the parser emits no other

    def mapping(self, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        key_marks = self.doc.key_marks
        events = self.events
        for key_event in events:
            cls = key_event.__class__
            if cls is MappingEndEvent:
                return result
            if cls is AliasEvent or key_event.anchor or key_event.tag:
                self.refuse(key_event)
            if cls is not ScalarEvent:
                self.defer(key_event, "a key must be a plain name, not a list or mapping")
                self.value(key_event, ("<key>",))  # read past it
            elif key_event.value == "<<" and not key_event.style:
                self.defer(key_event, "merge keys (<<) are not allowed; write the keys out in full")
            elif key_event.value in result:
                first = key_marks[path + (key_event.value,)]
                self.defer(
                    key_event, f"duplicate key {key_event.value!r} (first given at line {first[0]}); keep only one"
                )
            else:
                key = key_event.value
                mark = key_event.start_mark
                key_marks[path + (key,)] = (mark.line + 1, mark.column + 1)
                result[key] = self.value(next(events), path + (key,))
                continue
            self.value(next(events), ("<skipped>",))  # the value of a refused key: read past it
        raise AssertionError("unterminated mapping")  # pragma: no cover - the parser raises first


def parse(text: str, file: str) -> Document:
    """Parse YAML text into a Document; raises YamlError with the position.

    One pass over the parser's event stream (the C parser where available)
    builds the plain values and their positions directly: no node tree, no
    resolver, nothing expanded.
    """
    doc = Document(file=file, value=None)
    loader = _Loader(text)
    try:
        reader = _Reader(file, doc, iter(loader.get_event, None))
        documents = 0
        for event in reader.events:
            if isinstance(event, DocumentStartEvent):
                if documents:
                    reader.defer(
                        event, "not valid YAML: but found another document; check the indentation and quoting here"
                    )
                documents += 1
            elif not isinstance(event, StreamStartEvent | StreamEndEvent | DocumentEndEvent):
                value = reader.value(event, ())
                if documents == 1:
                    doc.value = value
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "not valid YAML"
        raise _problem(file, mark, f"not valid YAML: {what}; check the indentation and quoting here") from None
    except yaml.YAMLError as exc:
        raise _problem(file, None, f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    if reader.deferred is not None:
        raise reader.deferred
    doc.marks.setdefault((), (1, 1))
    return doc


def load(path: Path, file: str | None = None) -> Document:
    """Read and parse a YAML file, refusing oversized or undecodable files before parsing."""
    name = file or str(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlError(
            Problem(Position(name, 1, 1), f"file is {size} bytes; input files may be at most {MAX_BYTES} bytes")
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(Problem(Position(name, line, col), "not UTF-8 text; save the file as UTF-8")) from None
    return parse(text, name)
