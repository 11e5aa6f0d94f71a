"""Writing a file atomically: a reader never sees a half-written report or expected.yaml."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file in the same directory, renamed into place.

    ``os.replace`` is atomic on one file system, so ``path`` holds either its
    old content or the whole new one; a crash leaves the old file or the new,
    never half of one. A file that is replaced keeps its permissions; a new one
    gets the umask's. The temporary file is removed on failure. Used for every
    file the tool writes (``--output``, ``check --update``).
    """
    directory = path.parent if str(path.parent) else Path(".")
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
