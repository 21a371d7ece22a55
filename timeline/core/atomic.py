"""Write a file so that readers see either the old content or the new, never a torn one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Files are created readable as any new file would be (0666 less the umask): mkstemp makes them
# 0600, and renamed into place, generated pages were private to their writer.
FILE_MODE = 0o666 & ~_umask()


def temporary_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in ``target``'s folder (created if needed), named ``.tmp-...`` (MkDocs
    skips dot files), with the mode a new file gets: (open descriptor, path)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    os.fchmod(fd, FILE_MODE)
    return fd, tmp


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``;
    the temporary file is removed on failure."""
    fd, tmp = temporary_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
