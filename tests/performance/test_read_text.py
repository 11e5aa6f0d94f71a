"""``yamlpos.read_text`` decodes as the ``utf-8-sig`` codec does, without calling it (issue 23).

The codec drops a leading byte-order mark and decodes the rest as UTF-8, in Python; ``read_text`` does
the same two steps itself. The text must be the codec's; for bytes that are not UTF-8, the place of the
first bad one counts from after the mark (the codec's offset does; an editor does not show the mark).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_calc.io import yamlpos
from convenant_calc.io.problems import Position

_MARK = b"\xef\xbb\xbf"


def _expected(raw: bytes, name: str):
    """The codec's text, or the place of the first byte that is not UTF-8 (line, column in characters)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        body = raw[3:] if raw.startswith(_MARK) else raw
        start = next(i for i in range(len(body) + 1) if not _decodes(body[:i + 1]) and not _partial(body, i))
        before = body[:start].decode("utf-8").split("\n")
        return Position(name, len(before), len(before[-1]) + 1)


def _decodes(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _partial(body: bytes, i: int) -> bool:
    """Whether body[:i + 1] only ends inside a character that the bytes after it complete."""
    return any(_decodes(body[: i + 1 + extra]) for extra in range(1, 4)) if i + 1 < len(body) else False


def _read(path, name: str):
    try:
        return yamlpos.read_text(path, name)
    except yamlpos.YamlError as exc:
        assert exc.problem.message == "not UTF-8 text; save the file as UTF-8"
        return exc.problem.position


_PIECES = [_MARK, b"\xef\xbb", b"a", b"\n", b"\xc3\xa9", b"\xff", b"\xc3", b"key: 1\n", b"\xe2\x82\xac"]


@settings(max_examples=300, deadline=None)
@given(st.booleans(), st.lists(st.sampled_from(_PIECES), max_size=8))
def test_decoded_as_utf8_sig(tmp_path_factory, mark, pieces):
    raw = (_MARK if mark else b"") + b"".join(pieces)
    path = tmp_path_factory.mktemp("read") / "x.yaml"
    path.write_bytes(raw)
    assert _read(path, "x.yaml") == _expected(raw, "x.yaml")


def test_a_mark_then_a_bad_byte(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(_MARK + b"a: 1\n")
    assert _read(path, "x") == "a: 1\n"
    # "b: é" is 4 characters (5 bytes): the bad byte is the 5th character of line 2 (before, counted from
    # the start of the file with an offset counted from after the mark: 2:3)
    path.write_bytes(_MARK + b"a: 1\nb: \xc3\xa9\xff\n")
    assert _read(path, "x") == Position("x", 2, 5)
    # an offset counted from after the mark cut "é" in two, and the column's decoding failed (a traceback)
    path.write_bytes(_MARK + b"\xc3\xa9\xff")
    assert _read(path, "x") == Position("x", 1, 2)
