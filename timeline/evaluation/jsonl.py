"""The evaluation sets' one reader: JSON Lines (gzipped when the name ends in ``.gz``), one object
a line, each made into a record; a fault names the file and the line."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def read_records(
    path: Path, make: Callable[[int, Any], T], *, error: type[Exception], what: str, expected: str
) -> list[T]:
    """``make(line_number, object)`` for each non-blank line of ``path``, in order. An unreadable
    file is ``error("path: cannot read <what> (...)")``; a line that is not JSON, or that ``make``
    refuses with a ValueError, KeyError or TypeError, is ``error("path:line: expected <expected>")``."""
    try:
        if str(path).endswith(".gz"):
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        else:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise error(f"{path}: cannot read{' ' + what if what else ''} ({exc})") from exc
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(make(n, json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise error(f"{path}:{n}: expected {expected} ({exc})") from exc
    return records
