"""Issue 18 item 5: nothing from the input reaches a terminal raw, in any command or format.

A hostile case puts terminal payloads (an OSC that sets the window title and rings the bell,
an 8-bit CSI, rich markup that crashed ``calendar`` and made a hidden hyperlink, a right-to-left
override, a bare carriage return) into every text a person can write: the agreement's title,
a commitment's title, the extension's id, a payment's label, a quoted sentence, expected.yaml,
and a case directory's own name. Every command and format then runs on a pseudo-terminal (as a
person runs it: stdout and stderr a tty, so rich draws in colour), and the test asserts that what
reaches the terminal holds no control code but rich's own colours and the line ends, no
hyperlink, shows the markup as written, and that no run crashes.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convenant_calc.core.text import printable, visible
from convenant_calc.io.bundled import bundled_path, examples_dir
from convenant_calc.render.terminal import cell, safe

#: As YAML double-quoted escapes: ESC ] 0 ; … BEL (window title), CSI as one C1 byte, markup, RLO, a bare CR.
PAYLOAD_YAML = r"\e]0;PWNED\a [/]x [link=http://evil.example]click[/link] \x9b31m \u202eRLO a\rb"
PAYLOAD = "\x1b]0;PWNED\x07 [/]x [link=http://evil.example]click[/link] \x9b31m \u202eRLO a\rb"
EXTENSION = "verlenging|`1.00`|\x1b]0;X\x07"  # a Markdown forgery and a terminal payload at once
EXTENSION_YAML = r"verlenging|`1.00`|\e]0;X\a"
DIRECTORY = "\x1b]0;dir\x07case"  # a case directory's name is input too

#: What rich itself writes to a terminal: colours and styles (SGR), nothing else for these outputs.
SGR = re.compile(r"\x1b\[[0-9;]*m")
#: What may not reach the terminal: C0 (but tab, line feed, and CR before line feed: the tty's own
#: line end, after a CSV's or an iCalendar's own CR), DEL, C1, the line separators and the bidirectional controls.
RAW = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|\r(?!\r*\n)")


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """examples/09 (two periods, payments per period) with its agreement written out and payloads everywhere."""
    root = tmp_path_factory.mktemp("terminal")
    gen = root / "gen"
    case = Path(shutil.copytree(examples_dir() / "09-extension-year", gen / "hostile"))
    convenant = (case / "convenant.yaml").read_text(encoding="utf-8")
    convenant = convenant.replace("title: Sectorconvenant 2023-2025 Lokale Besturen", f'title: "{PAYLOAD_YAML}"', 1)
    convenant = convenant.replace("title: Bereiken van werkvloeren, target: 96", f'title: "{PAYLOAD_YAML}", target: 96')
    convenant = convenant.replace("id: verlenging-2025-2026", f'id: "{EXTENSION_YAML}"')
    convenant = re.sub(
        r'(  daily_rate:\n    article: Art. 5\n    quote: )".*"', lambda m: f'{m.group(1)}"{PAYLOAD_YAML}"', convenant
    )
    assert convenant.count(PAYLOAD_YAML) == 3 and EXTENSION_YAML in convenant
    (case / "convenant.yaml").write_text(convenant, encoding="utf-8")
    payments = (case / "payments.yaml").read_text(encoding="utf-8")
    payments = payments.replace("period: verlenging-2025-2026", f'period: "{EXTENSION_YAML}"')
    payments = payments.replace("label: voorschot 1 (40 %)", f'label: "{PAYLOAD_YAML}"')
    (case / "payments.yaml").write_text(payments, encoding="utf-8")
    (case / "expected.yaml").write_text(
        f'convenant: "{PAYLOAD_YAML}"\nperiods:\n  "{EXTENSION_YAML}": {{subsidy: "1.00"}}\n', encoding="utf-8"
    )
    changed = root / "gen-diff" / "hostile-changed"  # a second version, for `convenant diff`
    shutil.copytree(case, changed)
    (changed / "expected.yaml").unlink()
    payments = (changed / "payments.yaml").read_text(encoding="utf-8").replace("169600.00", "169500.00")
    (changed / "payments.yaml").write_text(payments, encoding="utf-8")
    shutil.copytree(case, root / "update" / case.name)  # for `check --update`, which rewrites expected.yaml
    other = Path(shutil.copytree(examples_dir() / "01-no-absences", gen / DIRECTORY))
    own = bundled_path("lokale-besturen-2023-2025").read_text(encoding="utf-8")
    (other / "convenant.yaml").write_text(
        own.replace("id: lokale-besturen-2023-2025", "id: other", 1).replace(
            "title: Sectorconvenant 2023-2025 Lokale Besturen", f'title: "{PAYLOAD_YAML}"', 1
        ),
        encoding="utf-8",
    )
    for path in other.glob("*.yaml"):
        if path.name != "convenant.yaml":
            path.write_text(path.read_text(encoding="utf-8").replace("convenant: lokale-besturen-2023-2025", "convenant: other"))
    return case


def on_a_terminal(*args: str, cwd: Path, columns: int = 160) -> tuple[int, str]:
    """Run ``convenant ARGS`` with stdout and stderr on a pseudo-terminal; its exit code and all it wrote."""
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "convenant_calc", *args], stdin=subprocess.DEVNULL, stdout=secondary,
        stderr=secondary, cwd=cwd, env=env, close_fds=True,
    )
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([primary], [], [], 30)
        if not ready:
            process.kill()
            raise AssertionError(f"no output for 30 s from {args}")
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    return process.wait(timeout=30), b"".join(chunks).decode("utf-8", "replace")


def _runs(case: Path, tmp: Path) -> list[tuple[list[str], tuple[int, ...]]]:
    c, gen, ext = case.name, case.parent.name, EXTENSION
    whole_year = "lokale-besturen-2023-2025"
    return [
        (["settle", f"{gen}/{c}"], (0,)),
        (["settle", f"{gen}/{c}", "--lang", "nl", "--readings"], (0,)),
        (["settle", f"{gen}/{c}", "-f", "json", "--readings"], (0,)),
        (["settle", f"{gen}/{c}", "-f", "markdown"], (0,)),
        (["settle", f"{gen}/{c}", "-f", "html", "--reading", "rate.effort-basis"], (0,)),
        (["settle", f"{gen}/{c}", "--period", ext, "--as-of", "2025-12-31"], (0,)),
        (["settle", f"{gen}/{c}", "--period", f"{ext}x"], (2,)),  # names the periods, the extension among them
        (["settle", f"{gen}/{c}", "--as-of", "2025-12-31"], (2,)),  # names the agreement's id
        (["settle", f"{gen}/{c}", "-o", str(tmp / "x.xlsx")], (0,)),  # one workbook of every period (S14, S19)
        (["settle", f"{gen}/{c}", "--period", whole_year, "-o", str(tmp / "y.xlsx")], (0,)),
        (["ledger", f"{gen}/{c}"], (0,)),
        (["ledger", f"{gen}/{c}", "--dialect", "excel-nl"], (0,)),
        (["calendar", f"{gen}/{c}"], (0,)),
        (["calendar", f"{gen}/{c}", "--lang", "nl", "-f", "json"], (0,)),
        (["calendar", f"{gen}/{c}", "-f", "ics"], (0,)),
        (["validate", f"{gen}/{c}"], (0,)),
        (["check", f"{gen}/{c}"], (1,)),
        (["check", f"{gen}/{c}", "-f", "json"], (1,)),
        (["generation", gen], (0, 2)),
        (["generation", gen, "-f", "json"], (0, 2)),
        (["generation", gen, "-f", "csv", "--dialect", "excel-nl"], (0, 2)),
        (["generation", gen, "-f", "html", "--reports", str(tmp / "reports")], (0, 2)),
        (["diff", f"{gen}/{c}", f"gen-diff/{c}-changed"], (1,)),
        (["diff", f"{gen}/{c}", f"gen-diff/{c}-changed", "-f", "markdown", "--lang", "nl"], (1,)),
        (["diff", f"{gen}/{c}", f"gen-diff/{c}-changed", "-f", "json"], (1,)),
        (["check", "--update", f"update/{c}"], (0,)),
        (["init", str(tmp / DIRECTORY)], (0,)),  # the names it writes are the user's
        (["list"], (0,)),
    ]


def test_every_command_and_format_on_a_terminal_shows_input_as_written(hostile, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    runs = _runs(hostile, tmp_path)
    with ThreadPoolExecutor(4) as pool:  # each run on a terminal of its own
        seen_all = list(pool.map(lambda run: on_a_terminal(*run[0], cwd=hostile.parent.parent), runs))
    failures = []
    for (args, codes), (code, seen) in zip(runs, seen_all, strict=True):
        plain = SGR.sub("", seen)
        raw = sorted({repr(m.group()) for m in RAW.finditer(plain)})
        problems = []
        if code not in codes:
            problems.append(f"exit {code}, expected {codes}")
        if "Traceback" in seen or "Error:" in plain and "MarkupError" in plain:
            problems.append("a traceback")
        if raw:
            problems.append(f"raw control characters {', '.join(raw)}")
        if "\x1b]8;" in seen:
            problems.append("a hyperlink")
        if problems:
            failures.append(f"convenant {' '.join(map(repr, args))}: {'; '.join(problems)}\n{plain[:600]!r}")
    assert not failures, "\n\n".join(failures)


def test_markup_in_a_title_is_shown_as_written(hostile, tmp_path):
    # `[/]x` was a MarkupError (calendar, exit 1); `[link=…]…[/link]` a hidden hyperlink (generation)
    where = hostile.parent.parent
    for args in (["calendar", "gen/hostile"], ["settle", "gen/hostile"], ["generation", "gen"]):
        code, seen = on_a_terminal(*args, cwd=where, columns=400)  # wide enough for the generation's titles
        plain = SGR.sub("", seen)
        assert code in (0, 2), plain
        assert "[/]x" in plain and "[link=http://evil.example]click[/link]" in plain, (args, plain)
        assert "\\x1b]0;PWNED\\x07" in plain and "\\x9b31m" in plain and "\\u202eRLO" in plain
        assert "a\\x0db" in plain


def test_a_pipe_gets_the_data_unchanged(hostile):
    # Off a terminal the bytes are the data: the CSV holds the real ESC, for a program to read.
    run = subprocess.run(
        [sys.executable, "-m", "convenant_calc", "generation", "gen", "-f", "csv"], cwd=hostile.parent.parent,
        capture_output=True,
    )
    assert DIRECTORY.encode() in run.stdout
    assert '"\x1b]0;PWNED\x07 [/]x [link=http://evil.example]click[/link] \x9b31m \u202eRLO a\rb"'.encode() in run.stdout


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_safe_is_the_text_as_written_with_control_characters_escaped(text):
    from rich.text import Text

    shown = Text.from_markup(safe(text))  # never a MarkupError, whatever the text
    assert shown.plain == visible(text) == cell(text).plain
    assert not RAW.search(printable(text).replace("\r\n", "").replace("\n", "").replace("\t", ""))


def test_pack_and_verify_on_a_terminal_show_input_as_written(hostile, tmp_path):
    from convenant_calc.render import pdf

    if pdf.chromium() is None:
        pytest.skip("no Chromium on PATH (pack prints the report with it)")
    where = hostile.parent.parent
    dossier = tmp_path / "dossier.pdf"
    for args, codes in ((["pack", "gen/hostile", "--period", "lokale-besturen-2023-2025", "-o", str(dossier)], (0,)),
                        (["verify", str(dossier)], (0,))):
        code, seen = on_a_terminal(*args, cwd=where)
        plain = SGR.sub("", seen)
        assert code in codes, (args, plain)
        assert "Traceback" not in seen and not RAW.search(plain), (args, plain)
