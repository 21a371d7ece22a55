"""Compile a huge regular expression once per machine instead of once per process.

Python's ``re`` spends almost all of a big pattern's compile time in pure-Python parsing and
code generation; the result is a list of integers handed to the C engine (``_sre.compile``).
The combined tagger scanner (about 800 KB of pattern) takes ~2 s to compile and ~0.02 s to
rebuild from those integers, so they are kept in a user cache file, keyed by a hash of the
pattern, the flags and the exact Python build. Any mismatch, unreadable file or refusal by
the engine (``_sre`` validates the code it is given) falls back to ``re.compile``: the cache
can cost time, never change a match.

Where: ``$TIMELINE_REGEX_CACHE`` (``off`` disables it), else ``$XDG_CACHE_HOME/news-timeline/regex``,
else ``~/.cache/news-timeline/regex``.
"""

from __future__ import annotations

import array
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timeline.core.atomic import write_atomic

try:  # CPython internals; without them everything simply goes through re.compile
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python implementations
    _sre = None

FORMAT = 1
ENV = "TIMELINE_REGEX_CACHE"
# files kept (the most recently used): each edit of the rules makes new ones of ~5 MB
KEEP = 8


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "news-timeline" / "regex"


def _key(pattern: str, flags: int) -> str:
    digest = hashlib.sha256(
        f"{FORMAT}|{sys.implementation.cache_tag}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{flags}|".encode()
    )
    digest.update(pattern.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _build(pattern: str, flags: int, meta: dict[str, Any], code: list[int]) -> re.Pattern[str]:
    groupindex = {str(k): int(v) for k, v in meta["groupindex"].items()}
    indexgroup = [None] * int(meta["groups"])
    for name, i in groupindex.items():
        indexgroup[i] = name  # type: ignore[call-overload]
    built: re.Pattern[str] = _sre.compile(
        pattern, int(meta["flags"]), code, int(meta["groups"]) - 1, groupindex, tuple(indexgroup)
    )
    return built


def _load(file: Path, pattern: str, flags: int) -> re.Pattern[str] | None:
    try:
        with file.open("rb") as handle:
            header = json.loads(handle.readline())
            raw = handle.read()
        if header.get("pattern_chars") != len(pattern):
            return None
        code = array.array("I")
        code.frombytes(raw)
        if len(code) != header["code_len"]:
            return None
        built = _build(pattern, flags, header, code.tolist())
        os.utime(file)  # recently used: kept by _prune
        return built
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, AttributeError):
        return None  # missing, truncated, foreign or refused by the engine: compile instead


def _store(file: Path, pattern: str, meta: dict[str, Any], code: list[int]) -> None:
    try:
        header = dict(meta, code_len=len(code), pattern_chars=len(pattern))
        # key order kept, so groupindex comes back in the compiler's order
        write_atomic(file, json.dumps(header).encode() + b"\n" + array.array("I", code).tobytes())
        _prune(file.parent)
    except (OSError, OverflowError):
        pass  # a cache that cannot be written only costs time


def _prune(folder: Path) -> None:
    """Delete all but the KEEP most recently used cache files, and temporary files that a
    killed process left behind (older than an hour)."""
    files = []
    stale = time.time() - 3600
    for path in folder.iterdir():
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        if path.suffix == ".sre":
            files.append((mtime, path))
        elif path.name.startswith(".tmp-") and mtime < stale:
            path.unlink(missing_ok=True)
    for _, path in sorted(files, reverse=True)[KEEP:]:
        path.unlink(missing_ok=True)


def compile_cached(
    pattern: str, flags: int = 0, parse: Callable[[], Any | None] | None = None
) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, reusing the engine code cached by an earlier process.

    ``parse``, when given, returns the parse tree of ``pattern`` faster than parsing it (or
    None); it is only called when the cache cannot answer (or is switched off)."""
    if _sre is None or array.array("I").itemsize != _sre.CODESIZE:
        return re.compile(pattern, flags)
    flags = int(flags)
    folder = cache_dir()
    file = None if folder is None else folder / f"{_key(pattern, flags)}.sre"
    if file is not None:
        cached = _load(file, pattern, flags)
        if cached is not None:
            return cached
    parsed = parse() if parse is not None else None
    if parsed is None:
        parsed = _parser.parse(pattern, flags)  # a bad pattern raises re.error, as re.compile does
    try:
        code = _compiler._code(parsed, flags)
        meta = {
            "flags": int(flags | parsed.state.flags),
            "groups": parsed.state.groups,
            "groupindex": dict(parsed.state.groupdict),
        }
        compiled = _build(pattern, flags, meta, code)
    except re.error:
        raise
    except Exception:  # internals changed shape: the public way still works
        return re.compile(pattern, flags)
    if file is not None:
        _store(file, pattern, meta, code)
    return compiled
