"""The two-pass YAML reader as it stood before the single pass (issue 6): the oracle of test_yamlpos_single_pass.

A frozen copy of ``src/convenant_calc/yamlpos.py`` at commit e3a8c3c, used only by that differential test:
an event pass that refuses anchors, aliases, tags and deep nesting, then ``yaml.compose`` and a tree walk.
Do not "fix" it; it is what the new reader must agree with, value, position and message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from convenant_calc.io import yamlpos
from convenant_calc.io.problems import Position, Problem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20  # a case file nests four levels deep; twenty is generous

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
    """Composes nodes only; refuses aliases before they can be expanded."""


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


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: ScalarNode) -> Any:
    text = node.value
    if node.style:  # quoted or block scalar: always a string (plain is None or "")
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
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


def _convert(file: str, node: Node, path: Path_, doc: Document) -> Any:
    doc.marks[path] = _mark(node)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_convert(file, item, path + (i,), doc) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style
            ):
                raise _problem(file, key_node, "merge keys (<<) are not allowed; write the keys out in full")
            if not isinstance(key_node, ScalarNode):
                raise _problem(file, key_node, "a key must be a plain name, not a list or mapping; write a name before the colon")
            key = key_node.value
            if key in result:
                first = doc.key_marks[path + (key,)]
                raise _problem(
                    file,
                    key_node,
                    f"duplicate key {key!r} (first given at line {first[0]}); keep only one",
                )
            doc.key_marks[path + (key,)] = _mark(key_node)
            result[key] = _convert(file, value_node, path + (key,), doc)
        return result
    raise _problem(file, node, "unsupported YAML node")  # pragma: no cover


def _compose(file: str, text: str) -> Node | None:
    try:
        # First pass over the event stream (no composing, nothing expanded):
        # refuse the first anchor or alias, so an alias bomb costs nothing, and
        # absurd nesting, so that building the tree cannot exhaust the stack.
        depth = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _problem(
                        file, event.start_mark, f"nested more than {MAX_DEPTH} levels deep; check the brackets"
                    )
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            if isinstance(event, AliasEvent):
                raise _problem(file, event.start_mark, "aliases (*name) are not allowed; write the value out in full")
            if getattr(event, "anchor", None):
                raise _problem(file, event.start_mark, "anchors (&name) are not allowed; write the value out in full")
            if getattr(event, "tag", None):
                raise _problem(file, event.start_mark, f"YAML tags such as {event.tag!r} are not allowed; remove the tag")
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "not valid YAML"
        if "another document" in what:
            raise _problem(file, mark, "a second YAML document ('---'); keep one document per file") from None
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            raise _problem(file, mark, "a tab character; YAML indents with spaces, not tabs") from None
        at_end = yamlpos.truncated(file, text, mark, what)  # issue 9: never a position past the end
        if at_end is not None:
            raise YamlError(at_end.problem) from None
        raise _problem(file, mark, f"not valid YAML: {what}; check the indentation and quoting here") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control character
        at = yamlpos._character_offset(text, exc.position)  # issue 18: columns count characters
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


def parse(text: str, file: str) -> Document:
    """Parse YAML text into a Document; raises YamlError with the position."""
    doc = Document(file=file, value=None)
    node = _compose(file, text)
    if node is None:
        doc.marks[()] = (1, 1)
        return doc
    doc.value = _convert(file, node, (), doc)
    return doc


def load(path: Path, file: str | None = None) -> Document:
    """Read and parse a YAML file, refusing oversized or undecodable files before parsing."""
    name = file or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlError(
                Problem(
                    Position(name, 1, 1),
                    f"file is {size} bytes; input files may be at most {MAX_BYTES} bytes (is this the right file?)",
                )
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(Problem(Position(name), f"cannot read this file ({exc.strerror}); check its permissions")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(Problem(Position(name, line, col), "not UTF-8 text; save the file as UTF-8")) from None
    return parse(text, name)
