"""The event merge's memory between builds: ``.cache/timeline/merge.pickle`` (issue 18).

It holds what the last build worked out that the next can reuse: each candidate's probe of the
merge (:class:`timeline.events.probes.MergeMemory`), the answers of the pure functions of one
sentence (:mod:`timeline.events.memo`: tokens, caption or not, ranking lists, text as shown) and
the downloads' pieces (:mod:`timeline.render.pieces`, by a hash of what each shows; kept for the
same settings only). It is kept under the build's context key (code and rule files, chronology,
today: pipeline/cache.py), so a memory made by other code or for another chronology is not used.
Nothing in it can make a build differ from a cold one: a probe is reused only when everything it
read is unchanged, each answer is the function's, and a piece's key names all it shows.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
from pathlib import Path
from typing import Any

from ..core.atomic import temporary_beside
from ..events import memo
from ..events.probes import MergeMemory

NAME = "merge.pickle"


class MemoryFile:
    """The file, read before the merge (:meth:`load`) and written after the build (:meth:`save`)."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / NAME
        self.key: str | None = None
        self.memory = MergeMemory()
        self.pieces: tuple[str, dict[str, str]] = ("", {})  # (settings, pieces) of the last build

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
            self.pieces = state.get("pieces", self.pieces)
        return self.memory

    def pieces_for(self, settings: object) -> dict[str, str]:
        """The last build's download pieces, when it had the same settings."""
        made_with, pieces = self.pieces
        return pieces if made_with == repr(settings) else {}

    def keep_pieces(self, settings: object, pieces: dict[str, str]) -> None:
        """This build's download pieces, saved with the memory."""
        self.pieces = (repr(settings), pieces)

    def save(self) -> None:
        """The memory this build leaves (what its merge used), for the next build."""
        if self.key is None:
            return
        state = {"key": self.key, "memory": self.memory, "texts": memo.taken(), "pieces": self.pieces}
        with contextlib.suppress(OSError):  # without it the next build only probes everything
            # streamed into the file: as one bytes object it was 110 MB more at 10,000 articles
            fd, tmp = temporary_beside(self.path)
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(state, handle, protocol=5)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
