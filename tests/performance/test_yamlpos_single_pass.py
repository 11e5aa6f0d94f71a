"""The one-pass YAML reader agrees with the two-pass reader it replaced (issue 6).

``yamlpos_reference`` is the reader as it stood before: an event pass refusing
anchors, aliases, tags and deep nesting, then ``yaml.compose`` and a tree walk.
For every shipped YAML file and for many broken variants of them, both readers
must give the same value (same types: Decimal("1.0") is not 1, True is not 1,
same key order), the same position of every value and key, or the same error,
word for word, at the same place.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convenant_calc.io import yamlpos

from ..conftest import ROOT
from . import yamlpos_reference as reference

SHIPPED = sorted((ROOT / "examples").glob("*/*.yaml")) + sorted((ROOT / "data").glob("*.yaml"))

#: Snippets that reach every refusal and most parser errors when dropped into a file.
SNIPPETS = [
    "\t", "\x07", "\x00", "\ufeff", "&a ", "*a", "!!str ", "!x ", "<<: ", "'<<': ", "\n---\n", "\n--- x\n", "\n...\n",
    "[", "]", "{", "}", ": ", ":", "- ", "? ", "#", '"', "'", "|\n  ", ">\n  ", ", ", "\n", "  ", "%YAML 1.1\n",
    "[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]", "[{a: [b]}]: 1", "1.0", "0x1F", "1e400", "no", "~", "2024-02-30",
]


def _typed(value):
    """The value with every type spelled out, so that 1 == Decimal(1) == True do not pass for each other."""
    if isinstance(value, dict):
        return ("dict", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    if isinstance(value, Decimal):
        return ("Decimal", str(value))
    return (type(value).__name__, value)


def _outcome(module, text: str):
    try:
        doc = module.parse(text, "x.yaml")
    except module.YamlError as exc:
        return ("error", str(exc.problem))
    return ("ok", _typed(doc.value), doc.marks, doc.key_marks)


def _agree(text: str) -> tuple:
    new, old = _outcome(yamlpos, text), _outcome(reference, text)
    assert new == old, f"readers disagree on {text!r}"
    return new


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_files_read_the_same(path: Path):
    outcome = _agree(path.read_text(encoding="utf-8-sig"))
    assert outcome[0] == "ok" and outcome[1][0] == "dict"


def _mutations(text: str, rng: random.Random, count: int):
    lines = text.splitlines(keepends=True)
    for _ in range(count):
        roll = rng.random()
        if roll < 0.4:  # drop a snippet in anywhere
            at = rng.randint(0, len(text))
            yield text[:at] + rng.choice(SNIPPETS) + text[at:]
        elif roll < 0.55:  # cut a piece out
            at = rng.randint(0, len(text))
            yield text[:at] + text[at + rng.randint(1, 12) :]
        elif roll < 0.7:  # re-indent a line
            i = rng.randrange(len(lines))
            yield "".join(lines[:i] + [" " * rng.randint(0, 6) + lines[i].lstrip(" ")] + lines[i + 1 :])
        elif roll < 0.85:  # duplicate a line (duplicate keys, list items)
            i = rng.randrange(len(lines))
            yield "".join(lines[: i + 1] + [lines[i]] + lines[i + 1 :])
        else:  # truncate
            yield text[: rng.randint(0, len(text))]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_mutated_files_read_the_same(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    rng = random.Random(path.name + path.parent.name)
    outcomes = [_agree(mutated) for mutated in _mutations(text, rng, 150)]
    # the mutations reach both sides: values read, and errors refused
    assert {o[0] for o in outcomes} == {"ok", "error"}


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: 1\n---\nb: 2\n", "x.yaml:2:1: a second YAML document ('---'); keep one document per file"),
        ("a: 1\na: 2\n---\nb: 2\n", "x.yaml:3:1: a second YAML document ('---'); keep one document per file"),
        ("a: 1\n---\nb: *x\n", "x.yaml:3:4: aliases (*name) are not allowed; write the value out in full"),
        ("a: 1\na: 2\n", "x.yaml:2:1: duplicate key 'a' (first given at line 1); keep only one"),
        (
            "[a]: {b: 1, b: 2}\n",
            "x.yaml:1:1: a key must be a plain name, not a list or mapping; write a name before the colon",
        ),
        ("a: {<<: 1}\nb: &x 2\n", "x.yaml:2:4: anchors (&name) are not allowed; write the value out in full"),
        ("a:\n\t- 1\n", "x.yaml:2:1: a tab character; YAML indents with spaces, not tabs"),
        ("a: \x07\n", "x.yaml:1:4: character #x0007 is not allowed in YAML (a control character); remove it"),
        ("a: " + "[" * 21 + "]" * 21 + "\n", "x.yaml:1:23: nested more than 20 levels deep; check the brackets"),
    ],
)
def test_faults_in_the_order_the_two_passes_found_them(text, message):
    # A later-pass fault (duplicate key, second document) yields to an earlier-pass one anywhere in the file.
    assert _agree(text) == ("error", message)


@pytest.mark.parametrize(
    "text, where",
    [("", (1, 1)), ("# nothing\n", (1, 1)), ("---\n", (2, 1)), ("--- \n...\n", (2, 1)), ("\n~\n", (2, 1))],
)
def test_empty_documents(text, where):
    # No document at all is placed at 1:1; an empty one where its (empty) value would start.
    assert _agree(text) == ("ok", ("NoneType", None), {(): where}, {})


TOKENS = st.sampled_from(SNIPPETS + ["a", "b", "c", "1", "x: y", "\n  ", "\n    - ", "{a: 1, b: [2, 3]}", "-1.50"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=25).map("".join))
def test_token_soup_reads_the_same(text):
    _agree(text)
