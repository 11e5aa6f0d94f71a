"""Issue 23: the report's templates are compiled once and kept in jinja's own cache (render/report.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from ..conftest import EXAMPLES, ROOT


def _settle(fmt: str, cache: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    args = [sys.executable, "-m", "convenant_calc", "settle", str(EXAMPLES / "07-everything-together"), "-f", fmt]
    return subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, check=True)


def test_compiled_templates_are_kept_and_give_the_same_report(tmp_path):
    for fmt in ("markdown", "html"):
        first = _settle(fmt, str(tmp_path))
        entries = sorted(tmp_path.glob("convenant/templates/*/__jinja2_*.cache"))
        assert entries, "the first run keeps the compiled templates"
        second = _settle(fmt, str(tmp_path))  # read compiled from the cache
        assert second.stdout == first.stdout and "07" in first.stdout
    # one directory per environment (Markdown is not autoescaped, HTML is): 2, each private to the user
    directories = list(tmp_path.glob("convenant/templates/*"))
    assert len(directories) == 2
    assert all(d.stat().st_mode & 0o077 == 0 for d in directories)


def test_an_edited_template_is_compiled_again(tmp_path):
    # jinja checks each entry against its template's source: a changed source is never run from the cache
    from jinja2 import DictLoader, Environment

    from convenant_calc.render.report import TemplateCache

    source = {"t": "one"}
    for expected in ("one", "two"):
        env = Environment(loader=DictLoader(source), bytecode_cache=TemplateCache(str(tmp_path)))
        assert env.get_template("t").render() == expected
        source["t"] = "two"
    assert len(list(tmp_path.iterdir())) == 1  # one entry per template, replaced


def test_a_cache_entry_that_cannot_be_written_is_skipped(tmp_path):
    from jinja2 import DictLoader, Environment

    from convenant_calc.render.report import TemplateCache

    env = Environment(loader=DictLoader({"t": "{{ 6 * 7 }}"}), bytecode_cache=TemplateCache(str(tmp_path / "gone")))
    assert env.get_template("t").render() == "42"  # the directory does not exist: compiled, not kept


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    with_cache = _settle("markdown", str(tmp_path / "ok"))
    without = _settle("markdown", str(blocked))  # $XDG_CACHE_HOME is a file: no cache, compiled every run
    assert without.stdout == with_cache.stdout and without.stderr == ""
