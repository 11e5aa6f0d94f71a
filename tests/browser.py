"""A page in a real headless Chromium at a given width, through the DevTools protocol (issue 22).

The tests measure the HTML report in it (does anything run off a phone's screen?) and
``make docs`` takes the pictures of ``docs/`` with it. Chromium's own ``--window-size``
cannot go below 500 px in headless mode, so the width is set the way the browser's
device toolbar does it: ``Emulation.setDeviceMetricsOverride`` (``mobile: true`` also
makes Chromium honour the page's viewport meta, as a phone does). The protocol runs
over ``--remote-debugging-pipe`` (file descriptors 3 and 4, one JSON message ending in
NUL each), so no port is opened and no library is needed.

    python -m tests.browser docs          # docs/report-390.png, docs/report-1280.png, docs/timeline.png,
                                          # docs/costs-1280.png, docs/costs-390.png
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

TIMEOUT = 60  # seconds for one page to load and answer

#: The script a test runs in the page: every element that reaches past the viewport's edge
#: without a scroll container around it (an element inside one is reached by scrolling it).
OVERFLOWING = """(() => {
  const width = document.documentElement.clientWidth;
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if ((box.right > width + 0.5 || box.left < -0.5) && !clipped(el)) {
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
      found.push(`${name} ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, overflowing: found};
})()"""


class Page:
    """One Chromium with one tab; ``with Page(browser) as page: page.open(url, width)``."""

    def __init__(self, browser: str):
        self.browser = browser
        self.profile = Path(tempfile.mkdtemp(prefix="convenant-browser-"))
        self.ids = 0
        self.buffer = b""
        self.events: list[dict[str, Any]] = []
        self.session = ""

    def __enter__(self) -> Page:
        # The protocol's pipe ends, moved above 4 (and closed on exec) so that placing them at 3 and 4
        # in the child cannot overwrite one with the other; posix_spawn needs no code to run in a fork.
        ends = [*os.pipe(), *os.pipe(), os.open(os.devnull, os.O_RDWR)]
        commands_r, commands_w, answers_r, answers_w, devnull = (
            fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in ends
        )
        for fd in ends:
            os.close(fd)
        arguments = [
            self.browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-extensions",
            "--hide-scrollbars",
            "--remote-debugging-pipe",
            f"--user-data-dir={self.profile}",
            "about:blank",
        ]
        actions = [(os.POSIX_SPAWN_DUP2, devnull, fd) for fd in (0, 1, 2)]
        actions += [(os.POSIX_SPAWN_DUP2, commands_r, 3), (os.POSIX_SPAWN_DUP2, answers_w, 4)]
        self.pid = os.posix_spawnp(self.browser, arguments, os.environ, file_actions=actions, setsid=True)
        for fd in (commands_r, answers_w, devnull):
            os.close(fd)
        self.out, self.inp = commands_w, answers_r
        try:
            target = self.call("Target.createTarget", url="about:blank")["targetId"]
            self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            self.call("Page.enable")
        except BaseException:
            self.__exit__(None, None, None)  # no browser left behind
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        try:
            self.session = ""
            self.call("Browser.close")
        except (OSError, RuntimeError, TimeoutError):
            pass
        deadline = time.monotonic() + 10
        while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > deadline:  # Chromium did not close: end its process group (its own session)
                os.killpg(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                break
            time.sleep(0.05)
        os.close(self.out)
        os.close(self.inp)
        shutil.rmtree(self.profile, ignore_errors=True)

    # --- the protocol ---------------------------------------------------------------------

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.ids += 1
        message: dict[str, Any] = {"id": self.ids, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.out, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._next()
            if answer.get("id") == self.ids:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def _next(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.inp], [], [], TIMEOUT)
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.inp, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the protocol pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def _wait(self, method: str) -> None:
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    del self.events[: i + 1]
                    return
            self.events.append(self._next())

    # --- what the tests and `make docs` do ------------------------------------------------

    def open(self, url: str, width: int, height: int = 844) -> None:
        """Load ``url`` in a screen ``width`` CSS pixels wide (a phone's, with ``mobile``, below 800)."""
        self.width = width
        self.call(
            "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 800
        )
        self.events.clear()
        self.call("Page.navigate", url=url)
        self._wait("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        answer = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(answer["exceptionDetails"])
        return answer["result"].get("value")

    def screenshot(self, path: Path, box: str | None = None) -> Path:
        """The whole page as PNG, or the part ``box`` gives: a script returning ``{x, y, width, height}``."""
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": self.width, "height": size["height"]}
        if box is not None:
            clip = {k: round(v) for k, v in self.evaluate(box).items()}
        shot = self.call("Page.captureScreenshot", format="png", clip={**clip, "scale": 1}, captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path


def element(selector: str) -> str:
    """The script of :meth:`Page.screenshot` for one element's box."""
    return (
        f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
        " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; })()"
    )


def between(first: str, last: str, below: int) -> str:
    """The script of :meth:`Page.screenshot` for the page's full width from the heading ``first`` to
    ``below`` pixels under the heading ``last``."""
    return (
        "(() => { const top = t => [...document.querySelectorAll('h2')].find(h => h.textContent === t)"
        ".getBoundingClientRect().top + scrollY;"
        f" const y = top({json.dumps(first)}) - 8;"
        " const width = document.documentElement.clientWidth;"
        f" return {{x: 0, y, width, height: top({json.dumps(last)}) + {below} - y}};"
        " })()"
    )


def docs(root: Path, browser: str) -> list[Path]:
    """The report's pictures in ``docs/``: example 07 at 390 and 1280 px (its tables and timeline, from the
    result commitments into the month table), and the timeline as drawn at 1280 px."""
    case = root / "examples" / "07-everything-together"
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "convenant_calc", "settle", str(case), "-o", str(html)], check=True, cwd=root
        )
        with Page(browser) as page:
            for width in (390, 1280):
                page.open(html.as_uri(), width)
                part = between("Result commitments", "Month by month", 300)
                written.append(page.screenshot(root / "docs" / f"report-{width}.png", part))
            written.append(page.screenshot(root / "docs" / "timeline.png", element("figure.timeline svg")))
        written += costs_pictures(root, browser, Path(tmp))
    return written


def costs_pictures(root: Path, browser: str, tmp: Path) -> list[Path]:
    """docs/costs-1280.png and docs/costs-390.png: example 17's first cost statement (S20), the main line's."""
    html = tmp / "costs.html"
    subprocess.run(
        [sys.executable, "-m", "convenant_calc", "settle", str(root / "examples" / "17-cost-statement"), "-o", str(html)],
        check=True, cwd=root, capture_output=True,
    )
    box = (
        "(() => { const hs = [...document.querySelectorAll('h2, h3')];"
        " const i = hs.findIndex(h => h.id.startsWith('costs'));"
        " const y = hs[i].getBoundingClientRect().top + scrollY - 8;"
        " const end = hs[i + 1].getBoundingClientRect().top + scrollY - 8;"
        " return {x: 0, y, width: document.documentElement.clientWidth, height: end - y}; })()"
    )
    written = []
    with Page(browser) as page:
        for width in (1280, 390):
            page.open(html.as_uri(), width)
            written.append(page.screenshot(root / "docs" / f"costs-{width}.png", box))
    return written


if __name__ == "__main__":
    if sys.argv[1:] != ["docs"]:
        sys.exit("usage: python -m tests.browser docs")
    found = shutil.which(os.environ.get("CONVENANT_CHROMIUM", "") or "chromium")
    if found is None:
        sys.exit("no chromium on PATH")
    for picture in docs(Path(__file__).resolve().parents[1], found):
        print(f"written: {picture}")
