"""news-timeline: dates found in news articles, anchored to one chronology, published with MkDocs."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "tag"]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # Lazy, so `import timeline` stays cheap for the CLI's --help and for worker processes.
    if name == "tag":
        from .temporal import tag

        return tag
    raise AttributeError(name)
