"""Writing a file atomically, the one way the tool writes: `settle --output` and `check --update` alike.

A reader never sees a half-written report or expected.yaml: the text goes to a temporary
file in the same directory, which ``os.replace`` renames into place (atomic on one file
system). What may be replaced is decided first (:func:`check_target`): a regular file the
user may write. A symbolic link is refused (the rename would replace the link, not the
file it points to), so is anything that is not a regular file (``/dev/null`` would be
replaced by a file, when run as root) and a read-only file (a rename ignores the file's
own permissions, so the tool checks them itself). An existing file keeps its mode.

SIGINT and SIGTERM are held while the temporary file exists: the signal takes effect
right after the file is renamed into place or removed, so an interrupted run never leaves
a ``.name.*.tmp`` behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
}


class Refused(Exception):
    """The target may not be replaced; the message says why and what to do (without the file's name)."""


def check_target(path: Path) -> None:
    """Raise :class:`Refused` unless ``path`` is absent or a regular, writable file (never a link)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise Refused(f"cannot be examined ({exc.strerror or exc}); check the path") from None
    if stat.S_ISLNK(st.st_mode):
        raise Refused(
            "is a symbolic link; the tool replaces files, not links (the link would become a file): "
            "give the file it points to, or another name"
        )
    if stat.S_ISDIR(st.st_mode):
        raise Refused("is a directory; give a file name")
    if not stat.S_ISREG(st.st_mode):
        kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
        raise Refused(f"is {kind}, not a regular file; give the name of a file to write")
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise Refused("is read-only; make it writable (chmod u+w) if it should be replaced")


def write_atomic(path: Path, data: str | bytes) -> int:
    """Write ``data`` (text as UTF-8 with newlines as given, or bytes) to ``path``: all of it, or nothing.

    Returns the number of bytes written. Raises :class:`Refused` for a target that may not be
    replaced, OSError when writing fails (the temporary file is removed; ``path`` is left as it was).
    """
    check_target(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    directory = path.parent if str(path.parent) else Path(".")
    with signals_held():
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise
    return len(raw)

@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM for the block; deliver the first one caught to its handler afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set in the main thread, where Python runs them anyway
        return
    caught: list[int] = []
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, lambda signum, _frame: caught.append(signum)) for sig in held}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if caught:
            sig = caught[0]
            handler = previous[sig]
            if callable(handler):
                handler(sig, None)  # e.g. KeyboardInterrupt for SIGINT, the CLI's exit for SIGTERM
            elif handler == signal.SIG_DFL:
                signal.raise_signal(sig)


class FreshDirectory:
    """A directory of files replaced as a whole: written into a fresh directory beside it, swapped in at the end.

    ``with FreshDirectory(target) as fresh:`` write the files under ``fresh.path``, then
    ``fresh.commit()``: the old ``target`` (if any) is renamed aside, the fresh directory renamed
    into its place and the old one removed. Until the commit ``target`` is untouched; a run that
    ends early (an error, SIGINT, SIGTERM) removes the fresh directory, so nothing half-written is
    left, and a file of the old directory never passes for one of the new run. Only a SIGKILL can
    leave a hidden ``.target.*.tmp`` beside it (or, between the two renames, ``.target.*.old``).
    """

    def __init__(self, target: Path):
        self.target = target
        self.path: Path | None = None

    def __enter__(self) -> FreshDirectory:
        parent = self.target.parent if str(self.target.parent) else Path(".")
        parent.mkdir(parents=True, exist_ok=True)
        with signals_held():
            self.path = Path(tempfile.mkdtemp(dir=parent, prefix=f".{self.target.name}.", suffix=".tmp"))
        os.chmod(self.path, 0o777 & ~_umask())  # as a directory made by mkdir, not mkdtemp's 0700
        return self

    def commit(self) -> None:
        """Swap the fresh directory in for ``target`` (which must be a directory, or absent)."""
        if self.path is None:
            raise RuntimeError("FreshDirectory.commit outside its with block")
        with signals_held():
            old = None
            if os.path.lexists(self.target):
                old = Path(tempfile.mkdtemp(dir=self.path.parent, prefix=f".{self.target.name}.", suffix=".old"))
                os.replace(self.target, old / self.target.name)
            os.replace(self.path, self.target)
            self.path = None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def __exit__(self, *exc_info) -> None:
        if self.path is not None:  # not committed: nothing of this run is left behind
            with signals_held():
                shutil.rmtree(self.path, ignore_errors=True)
                self.path = None


#: The longest file name most file systems take (NAME_MAX, in bytes), less room for ".html".
NAME_BYTES = 255 - len(".html")


def file_name(name: str, limit: int = NAME_BYTES) -> str:
    """``name`` as one component of a file name: itself when it can be one, else shortened with a hash.

    A name longer than ``limit`` bytes in UTF-8 (or holding ``/``, NUL, or being ``.``/``..``)
    becomes its first characters, ``-`` and 12 hex digits of its SHA-256: different names stay
    different, and the same name gets the same file every run.
    """
    if name not in ("", ".", "..") and len(name.encode("utf-8")) <= limit and "\0" not in name and "/" not in name:
        return name
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    head = name.replace("/", "_").replace("\0", "_").lstrip(".")
    while len(head.encode("utf-8")) > limit - 13:
        head = head[: max(0, len(head) - max(1, len(head) // 8))]
    return f"{head}-{digest}"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
