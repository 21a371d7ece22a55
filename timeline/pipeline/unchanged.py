"""A build with nothing changed is skipped: the record of what the last build read and wrote.

After a build, ``.cache/timeline/last-build.json`` holds a hash of everything the pages depend on
(every file of the content folder, the config file, the code and data of the package, the injected
'today') and the size and modification time of every file in the output folder, with the build's
problems and summary. The next build hashes its inputs again (about 40 MB at 10,000 real articles:
a fraction of a second); if they are the same and no output file was touched, it reports the
recorded problems and writes nothing, which is what the full build would have done (it writes only
files whose bytes change). Without this, a no-op build re-read, merged and re-rendered everything:
106 s at 9,280 real articles (issue 18). Any difference, or a missing or damaged record, means a
full build; the record is removed before one starts, so an interrupted build is never skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from ..core.atomic import write_atomic
from ..core.problems import Problem, Problems, Severity
from .cache import code_fingerprint

RECORD = "last-build.json"


def inputs_key(content: Path, config_file: Path, today: dt.date | None) -> str:
    """Hash of every file under ``content`` (path and bytes), the config file, the code and 'today'."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(f"|{today}|".encode())
    digest.update(config_file.read_bytes())
    for path in sorted(p for p in content.rglob("*") if p.is_file()):
        digest.update(b"\0" + path.relative_to(content).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def outputs_state(out: Path) -> list[list[object]]:
    """(path, size, mtime in ns) of every file in the output folder, in path order."""
    if not out.is_dir():
        return []
    state: list[list[object]] = []
    for root, _, names in os.walk(out):
        for name in names:
            path = Path(root, name)
            info = path.lstat()
            state.append([path.relative_to(out).as_posix(), info.st_size, info.st_mtime_ns])
    return sorted(state, key=lambda row: str(row[0]))


def replay(cache_dir: Path, key: str, out: Path, problems: Problems) -> str | None:
    """The recorded summary if the last build had these inputs and its output is untouched (its
    problems are added to ``problems``); None: build."""
    try:
        record = json.loads((cache_dir / RECORD).read_text("utf-8"))
        if record["inputs"] != key or record["outputs"] != outputs_state(out):
            return None
        found = [Problem(**{**p, "severity": Severity(p["severity"])}) for p in record["problems"]]
        summary = str(record["summary"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    problems.items.extend(found)
    return summary


def forget(cache_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (cache_dir / RECORD).unlink()


def remember(cache_dir: Path, key: str, out: Path, problems: Problems, summary: str) -> None:
    record = {
        "inputs": key,
        "outputs": outputs_state(out),
        "problems": [asdict(p) | {"severity": p.severity.value} for p in problems],
        "summary": summary,
    }
    with contextlib.suppress(OSError):  # without a record the next build is a full one
        write_atomic(cache_dir / RECORD, json.dumps(record).encode())
