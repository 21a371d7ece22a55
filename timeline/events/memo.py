"""Pure functions of one sentence, remembered for a build and offered to the next (issue 18).

The merge, the report joining, the ranking and the event records ask the same few questions of the
same sentences: their similarity tokens, whether they are written as a caption, which lists of
``ranking.yaml`` put them down. At 10,000 real articles that is some 50,000 sentences, asked again
in every build although a new article adds a few. A :class:`Memo` answers from what this build
already worked out, else from what the last build did (:func:`seed`, from the build's cache), else
computes; :func:`taken` gives what this build used, for the next one. The answers depend on the code
and word lists only, which the cache's key covers (pipeline/merge_memory.py), so a remembered answer
is the one the function would give.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Memo(Generic[T]):
    """``fn`` of a text, remembered until :meth:`cache_clear` (like ``functools.cache``), and
    seeded with the last build's answers."""

    def __init__(self, fn: Callable[[str], T]) -> None:
        self.fn = fn
        self.now: dict[str, T] = {}  # asked in this build
        self.before: dict[str, T] = {}  # answers of the last build, not asked yet

    def __call__(self, text: str) -> T:
        try:
            return self.now[text]
        except KeyError:
            pass
        before = self.before.pop(text, _MISSING)
        value: T = self.fn(text) if before is _MISSING else before
        self.now[text] = value
        return value

    def cache_clear(self) -> None:
        self.now.clear()
        self.before.clear()


_MISSING: Any = object()
_MEMOS: dict[str, Memo[Any]] = {}


def remembered(name: str) -> Callable[[Callable[[str], T]], Memo[T]]:
    """Decorator: the function, remembered under ``name`` (unique in the package)."""

    def wrap(fn: Callable[[str], T]) -> Memo[T]:
        memo = Memo(fn)
        _MEMOS[name] = memo
        return memo

    return wrap


def seed(state: dict[str, dict[str, Any]]) -> None:
    """Offer the answers of the last build (what :func:`taken` gave then)."""
    for name, memo in _MEMOS.items():
        memo.before = state.get(name, {})  # the state's own dicts: it is not used after


def taken() -> dict[str, dict[str, Any]]:
    """The answers this build used, by memo."""
    return {name: memo.now for name, memo in _MEMOS.items()}


def clear() -> None:
    """Forget everything (the end of a build: the answers are not needed any more)."""
    for memo in _MEMOS.values():
        memo.cache_clear()
