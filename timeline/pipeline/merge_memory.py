"""The event merge's memory between builds: ``.cache/timeline/merge.pickle`` (issue 18).

It holds what the last build's merge worked out that the next can reuse: each candidate's probe
(:class:`timeline.events.probes.MergeMemory`) and the answers of the pure functions of one sentence
(:mod:`timeline.events.memo`: tokens, caption or not, ranking lists). It is kept under the build's
context key (code and rule files, chronology, today: pipeline/cache.py), so a memory made by other
code or for another chronology is not used. Nothing in it can make a build differ from a cold one:
a probe is reused only when everything it read is unchanged, and each answer is the function's.
"""

from __future__ import annotations

import contextlib
import gc
import pickle
from pathlib import Path
from typing import Any

from ..core.atomic import write_atomic
from ..events import memo
from ..events.probes import MergeMemory

NAME = "merge.pickle"


class MemoryFile:
    """The file, read before the merge (:meth:`load`) and written after the build (:meth:`save`)."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / NAME
        self.key: str | None = None
        self.memory = MergeMemory()

    def load(self, key: str) -> MergeMemory:
        """The last build's memory when it was made under ``key``, else an empty one; the sentence
        answers it holds are offered to this build's memos."""
        self.key = key
        state: Any = None
        was = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects and no cycles
        try:
            with self.path.open("rb") as handle:
                state = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            state = None
        finally:
            if was:
                gc.enable()
        ok = isinstance(state, dict) and state.get("key") == key
        if ok and isinstance(state["memory"], MergeMemory):
            self.memory = state["memory"]
            memo.seed(state.get("texts", {}))
        return self.memory

    def save(self) -> None:
        """The memory this build leaves (what its merge used), for the next build."""
        if self.key is None:
            return
        state = {"key": self.key, "memory": self.memory, "texts": memo.taken()}
        with contextlib.suppress(OSError):  # without it the next build only probes everything
            write_atomic(self.path, pickle.dumps(state, protocol=5))
